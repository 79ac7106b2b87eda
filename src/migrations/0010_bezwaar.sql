-- Bezwaar as a workflow (issue 10): a number, an advisory committee or not, hoorzitting, the decision
-- on the bezwaar with its letter (stored with its hash), an append-only status history, and its
-- decision term as a real termijn. Also the casusregisseur's phone for letters.

alter table bezwaren drop constraint bezwaren_status_check;
alter table bezwaren add column nummer text;
alter table bezwaren add column uitkomst text check (uitkomst in ('gegrond', 'deelsGegrond', 'ongegrond', 'nietOntvankelijk'));
-- The old statuses gegrond/ongegrond were outcomes: they become status 'beslist' with that outcome.
update bezwaren set uitkomst = status, status = 'beslist' where status in ('gegrond', 'ongegrond');
alter table bezwaren add constraint bezwaren_status_check
  check (status in ('ontvangen', 'hoorzittingGepland', 'gehoord', 'horenAfgezien', 'advies', 'beslist', 'ingetrokken'));
alter table bezwaren add column adviescommissie boolean not null default false;
alter table bezwaren add column verschoonbaar boolean not null default false;   -- a late bezwaar whose lateness is excused (Awb 6:11)
alter table bezwaren add column hoorzitting_datum date;
alter table bezwaren add column hoorzitting_verslag text;
alter table bezwaren add column horen_afgezien_reden text;
alter table bezwaren add column advies text;
alter table bezwaren add column advies_datum date;
alter table bezwaren add column motivering text;
alter table bezwaren add column besloten_door uuid references gebruikers(id);
alter table bezwaren add column verzonden_op date;
alter table bezwaren add column beroep_termijn_einde date;
alter table bezwaren add column pdf bytea;
alter table bezwaren add column pdf_hash text;
alter table bezwaren add column herziening_aanvraag_id uuid references aanvragen(id);

-- Existing bezwaren get a number in order of arrival, and the counter continues after them.
update bezwaren z set nummer = n.nummer
  from (select id, 'BZ-' || extract(year from ontvangen_op)::int || '-'
          || lpad((row_number() over (partition by gemeente_id, extract(year from ontvangen_op) order by aangemaakt_op, id))::text, 6, '0') as nummer
        from bezwaren) n
 where n.id = z.id;
insert into nummering (gemeente_id, soort, jaar, laatste)
  select gemeente_id, 'bezwaar', extract(year from ontvangen_op)::int, count(*) from bezwaren group by 1, 3
  on conflict (gemeente_id, soort, jaar) do update set laatste = greatest(nummering.laatste, excluded.laatste);
alter table bezwaren alter column nummer set not null;
create unique index bezwaren_nummer on bezwaren (gemeente_id, nummer);
create index bezwaren_status on bezwaren (gemeente_id, status);

-- A decided bezwaar whose letter was sent never changes.
create function bezwaar_onveranderlijk() returns trigger language plpgsql as $$
begin
  if old.pdf_hash is not null then
    raise exception 'Op dit bezwaar is beslist en de brief is verzonden; het kan niet meer worden gewijzigd';
  end if;
  -- On delete NEW is null and returning it would silently skip the delete.
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end
$$;
create trigger bezwaren_onveranderlijk before update or delete on bezwaren
  for each row execute function bezwaar_onveranderlijk();

create table bezwaar_statushistorie (
  id bigint generated always as identity primary key,
  gemeente_id uuid not null references gemeenten(id),
  bezwaar_id uuid not null references bezwaren(id),
  van text,
  naar text not null,
  door uuid references gebruikers(id),
  moment timestamptz not null default now(),
  toelichting text
);
create index bezwaar_statushistorie_bezwaar on bezwaar_statushistorie (bezwaar_id, id);
alter table bezwaar_statushistorie enable row level security;
create policy gemeente_eigen on bezwaar_statushistorie using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
-- Append-only: no update or delete.
grant select, insert on bezwaar_statushistorie to eenvoud_app;
insert into bezwaar_statushistorie (gemeente_id, bezwaar_id, van, naar, door, moment, toelichting)
  select gemeente_id, id, null, status, geregistreerd_door, aangemaakt_op, 'Bezwaar geregistreerd' from bezwaren;

-- The decision term on a bezwaar (Awb 7:10) is a termijn like every other: signals, verdaging, /termijnen.
alter table termijnen add column bezwaar_id uuid references bezwaren(id);
alter table termijnen drop constraint termijnen_van_melding_of_aanvraag;
alter table termijnen add constraint termijnen_van_een_zaak check (num_nonnulls(melding_id, aanvraag_id, bezwaar_id) = 1);
create unique index termijnen_bezwaar on termijnen (bezwaar_id) where bezwaar_id is not null;
insert into termijnen (gemeente_id, bezwaar_id, soort, wet, startdatum, duur_eenheid, duur_aantal, grondslag, uiterste_datum, status, berekend_op, afgerond_op)
  select z.gemeente_id, z.id, 'bezwaar',
         coalesce((select ap.wet from beschikking_producten bp join aanvraag_producten ap on ap.id = bp.aanvraag_product_id where bp.beschikking_id = b.id order by ap.omschrijving limit 1), 'onbekend'),
         case when z.tijdig then b.bezwaar_termijn_einde else z.ontvangen_op end, 'weken', 6, 'art. 7:10 lid 1 Awb',
         z.beslistermijn_einde, 'loopt', current_date,
         case when z.status in ('beslist', 'ingetrokken') then current_date end
    from bezwaren z join beschikkingen b on b.id = z.beschikking_id;

alter table gebruikers add column telefoon text;
grant select (telefoon) on gebruikers to eenvoud_app;
