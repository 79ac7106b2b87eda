-- Werkvoorraad (issue 12, ADR 27): the open meldingen, one narrow row each, with what the queue
-- filters and sorts on copied from casussen, gebruikers and termijnen. The queue reads a page from
-- an index on (gemeente, assignment, urgency) instead of joining five years of history through seven
-- tables. Kept exact by statement triggers on the tables the facts live in, in the same transaction;
-- werkvoorraad_opbouwen(gemeente) rebuilds it (after a bulk load with triggers off).

create table werkvoorraad (
  melding_id uuid primary key references meldingen(id) on delete cascade,
  gemeente_id uuid not null references gemeenten(id),
  huishouden_id uuid not null,
  persoon_id uuid not null,
  status text not null,
  wet text not null,
  kanaal text not null,
  ontvangen_op date not null,
  nummer text not null,
  geregistreerd_door uuid,
  -- The casusregisseur of the melding's casus and the team they are in (null: not picked up).
  regisseur_id uuid,
  team_id uuid,
  -- The melding's casus belongs to the melding's household (as it always should): only then may
  -- need-to-know take regisseur_id/team_id as proof of the casusregisseur or teamleider ground.
  casus_van_huishouden boolean not null,
  -- The earliest end date of a running term; 'infinity' without one, so the sort key has no nulls
  -- and "none last" is plain ascending order a row comparison can continue from.
  urgentie date not null,
  -- The distinct statuses of the melding's terms (filter termijnstatus, counts per termijnstatus).
  termijnstatussen text[] not null
);
create index werkvoorraad_urgentie on werkvoorraad (gemeente_id, urgentie, ontvangen_op, nummer);
create index werkvoorraad_regisseur on werkvoorraad (gemeente_id, regisseur_id, urgentie, ontvangen_op, nummer);
create index werkvoorraad_team on werkvoorraad (gemeente_id, team_id, urgentie, ontvangen_op, nummer);
create index werkvoorraad_registratie on werkvoorraad (gemeente_id, geregistreerd_door, urgentie, ontvangen_op, nummer);
alter table werkvoorraad enable row level security;
create policy gemeente_eigen on werkvoorraad using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
-- Read only for the app: only the triggers below write it.
grant select on werkvoorraad to eenvoud_app;

-- The definition, once: what the row of an open melding is. Rebuild and triggers both insert from it,
-- and the tests compare the table with it.
create view werkvoorraad_bron as
  select m.id as melding_id, m.gemeente_id, m.huishouden_id, m.persoon_id, m.status, m.wet, m.kanaal, m.ontvangen_op, m.nummer,
    m.geregistreerd_door, c.regisseur_id, r.team_id, coalesce(c.huishouden_id = m.huishouden_id, false) as casus_van_huishouden,
    coalesce((select min(t.uiterste_datum) from termijnen t where t.melding_id = m.id and t.afgerond_op is null), 'infinity'::date) as urgentie,
    coalesce((select array_agg(distinct t.status order by t.status) from termijnen t where t.melding_id = m.id), '{}'::text[]) as termijnstatussen
  from meldingen m
    left join casussen c on c.id = m.casus_id
    left join gebruikers r on r.id = c.regisseur_id
  where m.status in ('gemeld', 'inOnderzoek');
revoke all on werkvoorraad_bron from public;

-- Recompute the rows of these meldingen (a melding that is no longer open just leaves).
create function werkvoorraad_herberekenen(p_meldingen uuid[]) returns void language plpgsql volatile security definer
  set search_path = public, pg_temp
  as $$
begin
  if p_meldingen is null or cardinality(p_meldingen) = 0 then return; end if;
  delete from werkvoorraad where melding_id = any(p_meldingen);
  insert into werkvoorraad (melding_id, gemeente_id, huishouden_id, persoon_id, status, wet, kanaal, ontvangen_op, nummer,
                            geregistreerd_door, regisseur_id, team_id, casus_van_huishouden, urgentie, termijnstatussen)
    select melding_id, gemeente_id, huishouden_id, persoon_id, status, wet, kanaal, ontvangen_op, nummer,
           geregistreerd_door, regisseur_id, team_id, casus_van_huishouden, urgentie, termijnstatussen
    from werkvoorraad_bron where melding_id = any(p_meldingen);
end
$$;
revoke all on function werkvoorraad_herberekenen(uuid[]) from public;

-- One trigger function for the four tables; statement triggers with transition tables, so the daily
-- term run (one update of every open term) recomputes in one go, not row by row.
create function werkvoorraad_gewijzigd() returns trigger language plpgsql security definer
  set search_path = public, pg_temp
  as $$
declare ids uuid[];
begin
  if tg_table_name = 'meldingen' then
    if tg_op = 'INSERT' then ids := array(select id from nieuw);
    else ids := array(
      select n.id from nieuw n join oud o on o.id = n.id
      where (n.status, n.wet, n.kanaal, n.ontvangen_op, n.nummer, n.geregistreerd_door, n.casus_id, n.huishouden_id, n.persoon_id)
        is distinct from (o.status, o.wet, o.kanaal, o.ontvangen_op, o.nummer, o.geregistreerd_door, o.casus_id, o.huishouden_id, o.persoon_id));
    end if;
  elsif tg_table_name = 'termijnen' then
    if tg_op = 'INSERT' then ids := array(select distinct melding_id from nieuw where melding_id is not null);
    elsif tg_op = 'DELETE' then ids := array(select distinct melding_id from oud where melding_id is not null);
    else ids := array(
      select x.melding_id from (
        select n.melding_id from nieuw n join oud o on o.id = n.id
          where (n.melding_id, n.status, n.uiterste_datum, n.afgerond_op) is distinct from (o.melding_id, o.status, o.uiterste_datum, o.afgerond_op)
        union
        select o.melding_id from nieuw n join oud o on o.id = n.id
          where (n.melding_id, n.status, n.uiterste_datum, n.afgerond_op) is distinct from (o.melding_id, o.status, o.uiterste_datum, o.afgerond_op)
      ) x where x.melding_id is not null);
    end if;
  elsif tg_table_name = 'casussen' then
    -- A casus's regisseur (re)assigned: its open meldingen move to the new regisseur and team.
    ids := array(
      select m.id from nieuw n join oud o on o.id = n.id join meldingen m on m.casus_id = n.id
      where n.regisseur_id is distinct from o.regisseur_id and m.status in ('gemeld', 'inOnderzoek'));
  elsif tg_table_name = 'gebruikers' then
    -- A regisseur changed team: their open meldingen go with them.
    ids := array(
      select w.melding_id from nieuw n join oud o on o.id = n.id join werkvoorraad w on w.gemeente_id = n.gemeente_id and w.regisseur_id = n.id
      where n.team_id is distinct from o.team_id);
  end if;
  perform werkvoorraad_herberekenen(ids);
  return null;
end
$$;

create trigger meldingen_werkvoorraad_in after insert on meldingen referencing new table as nieuw for each statement execute function werkvoorraad_gewijzigd();
create trigger meldingen_werkvoorraad_wijzig after update on meldingen referencing old table as oud new table as nieuw for each statement execute function werkvoorraad_gewijzigd();
create trigger termijnen_werkvoorraad_in after insert on termijnen referencing new table as nieuw for each statement execute function werkvoorraad_gewijzigd();
create trigger termijnen_werkvoorraad_wijzig after update on termijnen referencing old table as oud new table as nieuw for each statement execute function werkvoorraad_gewijzigd();
create trigger termijnen_werkvoorraad_uit after delete on termijnen referencing old table as oud for each statement execute function werkvoorraad_gewijzigd();
create trigger casussen_werkvoorraad_wijzig after update on casussen referencing old table as oud new table as nieuw for each statement execute function werkvoorraad_gewijzigd();
create trigger gebruikers_werkvoorraad_wijzig after update on gebruikers referencing old table as oud new table as nieuw for each statement execute function werkvoorraad_gewijzigd();

-- Rebuild one gemeente's werkvoorraad from the facts (the demo generator calls it after its load).
create function werkvoorraad_opbouwen(p_gemeente uuid) returns void language plpgsql volatile security definer
  set search_path = public, pg_temp
  as $$
begin
  delete from werkvoorraad where gemeente_id = p_gemeente;
  insert into werkvoorraad (melding_id, gemeente_id, huishouden_id, persoon_id, status, wet, kanaal, ontvangen_op, nummer,
                            geregistreerd_door, regisseur_id, team_id, casus_van_huishouden, urgentie, termijnstatussen)
    select melding_id, gemeente_id, huishouden_id, persoon_id, status, wet, kanaal, ontvangen_op, nummer,
           geregistreerd_door, regisseur_id, team_id, casus_van_huishouden, urgentie, termijnstatussen
    from werkvoorraad_bron where gemeente_id = p_gemeente;
end
$$;
revoke all on function werkvoorraad_opbouwen(uuid) from public;

-- The meldingen that are here already.
insert into werkvoorraad (melding_id, gemeente_id, huishouden_id, persoon_id, status, wet, kanaal, ontvangen_op, nummer,
                          geregistreerd_door, regisseur_id, team_id, casus_van_huishouden, urgentie, termijnstatussen)
  select melding_id, gemeente_id, huishouden_id, persoon_id, status, wet, kanaal, ontvangen_op, nummer,
         geregistreerd_door, regisseur_id, team_id, casus_van_huishouden, urgentie, termijnstatussen
  from werkvoorraad_bron;
