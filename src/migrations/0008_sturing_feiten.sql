-- Sturing, step two: the facts KPIs are cut by, kept up to date by the database itself, so every
-- figure is exact the moment a decision is taken and fast on a large gemeente (ADR 0014).

-- Where the household lived when the melding came in or the casus opened. Copied onto the row, so
-- cutting by kern or wijk is a column instead of a join per row, and history stays put when
-- people move.
alter table meldingen add column wijk_id uuid references wijken(id);
alter table casussen add column wijk_id uuid references wijken(id);

create function melding_wijk() returns trigger language plpgsql as $$
begin
  if new.wijk_id is null then
    select p.wijk_id into new.wijk_id from personen p where p.id = new.persoon_id;
  end if;
  return new;
end
$$;
create trigger meldingen_wijk before insert on meldingen for each row execute function melding_wijk();

create function casus_wijk() returns trigger language plpgsql as $$
begin
  if new.wijk_id is null then
    select p.wijk_id into new.wijk_id from personen p
    where p.huishouden_id = new.huishouden_id and p.wijk_id is not null order by p.id limit 1;
  end if;
  return new;
end
$$;
create trigger casussen_wijk before insert on casussen for each row execute function casus_wijk();

update meldingen m set wijk_id = p.wijk_id from personen p where p.id = m.persoon_id;
update casussen c set wijk_id = (select p.wijk_id from personen p where p.huishouden_id = c.huishouden_id and p.wijk_id is not null order by p.id limit 1);

-- Per casus: the day of its first (partly) granted maatwerk decision. An incremental aggregate
-- maintained on every decided product, so "melding led to maatwerk" is one lookup per melding.
create table casus_maatwerk (
  casus_id uuid primary key references casussen(id),
  gemeente_id uuid not null references gemeenten(id),
  eerste_toekenning date not null
);
alter table casus_maatwerk enable row level security;
create policy gemeente_eigen on casus_maatwerk using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert, update on casus_maatwerk to eenvoud_app;

create function casus_maatwerk_bij() returns trigger language plpgsql as $$
begin
  if new.uitkomst <> 'afgewezen' then
    insert into casus_maatwerk (casus_id, gemeente_id, eerste_toekenning)
    select a.casus_id, new.gemeente_id, (b.besloten_op at time zone 'Europe/Amsterdam')::date
    from beschikkingen b join aanvragen a on a.id = b.aanvraag_id where b.id = new.beschikking_id
    on conflict (casus_id) do update set eerste_toekenning = least(casus_maatwerk.eerste_toekenning, excluded.eerste_toekenning);
  end if;
  return null;
end
$$;
create trigger beschikking_producten_casus_maatwerk after insert on beschikking_producten
  for each row execute function casus_maatwerk_bij();

insert into casus_maatwerk (casus_id, gemeente_id, eerste_toekenning)
select a.casus_id, a.gemeente_id, min((b.besloten_op at time zone 'Europe/Amsterdam')::date)
from beschikking_producten bp join beschikkingen b on b.id = bp.beschikking_id join aanvragen a on a.id = b.aanvraag_id
where bp.uitkomst <> 'afgewezen' group by a.casus_id, a.gemeente_id;

-- Per granted provision, the facts cost and volume are cut by, in one narrow row: kept by the
-- same trigger moment (a decided product), so the KPIs read one table instead of five.
create table voorziening_feiten (
  beschikking_product_id uuid primary key references beschikking_producten(id),
  gemeente_id uuid not null references gemeenten(id),
  casus_id uuid not null references casussen(id),
  persoon_id uuid not null references personen(id),
  wijk_id uuid references wijken(id),
  wet text not null,
  product_id uuid references catalogus_items(id),
  aanbieder text,
  begin date not null,
  eind date not null,               -- 'infinity' when open-ended
  jaarbedrag_cents bigint not null,
  ref text not null
);
-- Covering: cost and volume are read from the index alone (once vacuum has marked the pages).
create index voorziening_feiten_looptijd on voorziening_feiten (gemeente_id, begin, eind)
  include (jaarbedrag_cents, wijk_id, wet, persoon_id, casus_id, product_id, aanbieder);
alter table voorziening_feiten enable row level security;
create policy gemeente_eigen on voorziening_feiten using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert on voorziening_feiten to eenvoud_app;

create function voorziening_feit_bij() returns trigger language plpgsql as $$
begin
  if new.uitkomst <> 'afgewezen' and new.ingangsdatum is not null then
    insert into voorziening_feiten (beschikking_product_id, gemeente_id, casus_id, persoon_id, wijk_id, wet, product_id, aanbieder, begin, eind, jaarbedrag_cents, ref)
    select new.id, new.gemeente_id, a.casus_id, a.persoon_id, c.wijk_id, ap.wet, ap.catalogus_item_id, ci.aanbieder,
      new.ingangsdatum, coalesce(new.einddatum, 'infinity'::date), new.jaarbedrag_cents, b.nummer
    from beschikkingen b join aanvragen a on a.id = b.aanvraag_id join casussen c on c.id = a.casus_id
      join aanvraag_producten ap on ap.id = new.aanvraag_product_id left join catalogus_items ci on ci.id = ap.catalogus_item_id
    where b.id = new.beschikking_id;
  end if;
  return null;
end
$$;
create trigger beschikking_producten_voorziening_feit after insert on beschikking_producten
  for each row execute function voorziening_feit_bij();

insert into voorziening_feiten (beschikking_product_id, gemeente_id, casus_id, persoon_id, wijk_id, wet, product_id, aanbieder, begin, eind, jaarbedrag_cents, ref)
select bp.id, bp.gemeente_id, a.casus_id, a.persoon_id, c.wijk_id, ap.wet, ap.catalogus_item_id, ci.aanbieder,
  bp.ingangsdatum, coalesce(bp.einddatum, 'infinity'::date), bp.jaarbedrag_cents, b.nummer
from beschikking_producten bp join beschikkingen b on b.id = bp.beschikking_id join aanvragen a on a.id = b.aanvraag_id
  join casussen c on c.id = a.casus_id join aanvraag_producten ap on ap.id = bp.aanvraag_product_id left join catalogus_items ci on ci.id = ap.catalogus_item_id
where bp.uitkomst <> 'afgewezen' and bp.ingangsdatum is not null;

-- Indexes for the KPI facts: every fact is read by gemeente and date.
create index meldingen_feiten on meldingen (gemeente_id, ontvangen_op) include (wet, wijk_id, casus_id);
create index casussen_geopend on casussen (gemeente_id, geopend_op);
create index casussen_gesloten on casussen (gemeente_id, gesloten_op) where gesloten_op is not null;
create index aanvragen_ontvangen on aanvragen (gemeente_id, ontvangen_op);
create index beschikkingen_besloten on beschikkingen (gemeente_id, besloten_op);
create index gesprekken_datum on gesprekken (gemeente_id, datum);
create index aanvraag_producten_catalogus on aanvraag_producten (catalogus_item_id);
create index personen_gemeente_wijk on personen (gemeente_id, wijk_id);

-- Row-level security evaluates the gemeente once per query instead of once per row: wrapped in a
-- sub-select, app_gemeente() becomes an init plan (same rule, ~a third less work per row scanned).
do $$
declare r record;
begin
  for r in select tablename, qual from pg_policies where schemaname = current_schema() and policyname = 'gemeente_eigen' loop
    if r.qual = '(gemeente_id = app_gemeente())' then
      execute format('alter policy gemeente_eigen on %I using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()))', r.tablename);
    elsif r.qual = '(id = app_gemeente())' then
      execute format('alter policy gemeente_eigen on %I using (id = (select app_gemeente()))', r.tablename);
    end if;
  end loop;
end
$$;
