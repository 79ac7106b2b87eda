-- Sturing, step three (ADR 0029): dashboards at a million meldingen, still exact and live.
--
-- 1. A facts version per gemeente, raised by every transaction that changes a fact a KPI reads.
--    The app keeps computed figures in memory under (gemeente, version, question); a figure is
--    served from memory only while the version it was computed at is still the committed one, so
--    a decision shows in the next figure at once and nothing is ever refreshed on a schedule.
-- 2. Per casus the day of its first conversation, and per evaluation its ZRM change against that
--    first conversation: kept by the statements that write conversations and scores, so the KPIs
--    "maatwerk met gesprek vooraf" and "verandering in zelfredzaamheid" read one narrow row
--    instead of looking up conversations and joining scores per counted row.

create table sturing_versie (
  gemeente_id uuid primary key references gemeenten(id),
  versie bigint not null
);
alter table sturing_versie enable row level security;
create policy gemeente_eigen on sturing_versie using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select on sturing_versie to eenvoud_app;

-- Owner rights: a job running as another role (eenvoud_platform) that changes facts raises the
-- version too, without a grant on this table.
create function sturing_versie_verhogen(g uuid) returns void language sql volatile security definer
  set search_path = public, pg_temp
  as $$ insert into sturing_versie (gemeente_id, versie) values (g, 1)
        on conflict (gemeente_id) do update set versie = sturing_versie.versie + 1 $$;

-- Fired at commit (deferred), once per transaction and gemeente: the version row is locked only
-- for the instant before the commit, after every other lock the transaction takes, so writers of
-- one gemeente do not wait on each other for long and cannot deadlock on it. No SET clause here:
-- the transaction-local flag must outlive the call.
create function sturing_feiten_gewijzigd() returns trigger language plpgsql as $$
declare
  g uuid;
  vlag text;
begin
  if tg_op = 'DELETE' then g := old.gemeente_id; else g := new.gemeente_id; end if;
  vlag := 'sturing.verhoogd_' || replace(g::text, '-', '');
  if current_setting(vlag, true) is distinct from '1' then
    perform sturing_versie_verhogen(g);
    perform set_config(vlag, '1', true);
  end if;
  return null;
end
$$;

do $$
declare t text;
begin
  foreach t in array array['meldingen', 'casussen', 'gebruikers', 'wijken', 'personen', 'aanvragen', 'aanvraag_producten', 'beschikkingen',
    'beschikking_producten', 'voorziening_feiten', 'casus_maatwerk', 'termijnen', 'tevredenheid', 'gesprekken', 'gesprek_scores', 'catalogus_items'] loop
    execute format('create constraint trigger sturing_versie after insert or update or delete on %I deferrable initially deferred
      for each row execute function sturing_feiten_gewijzigd()', t);
  end loop;
end
$$;

-- Per casus: the day of its first conversation (any kind).
create table casus_gesprek_feiten (
  casus_id uuid primary key references casussen(id) on delete cascade,
  gemeente_id uuid not null references gemeenten(id),
  eerste_gesprek date not null
);
alter table casus_gesprek_feiten enable row level security;
create policy gemeente_eigen on casus_gesprek_feiten using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select on casus_gesprek_feiten to eenvoud_app;

-- Per evaluation with a score it shares with the casus's first conversation: the sum of (score
-- now − score then) over those domains and how many there are.
create table zrm_feiten (
  -- Cascade: a removed conversation's row goes with it before the statement trigger recomputes.
  gesprek_id uuid primary key references gesprekken(id) on delete cascade,
  gemeente_id uuid not null references gemeenten(id),
  casus_id uuid not null references casussen(id) on delete cascade,
  datum date not null,
  verschil int not null,
  aantal int not null
);
create index zrm_feiten_datum on zrm_feiten (gemeente_id, datum) include (casus_id, verschil, aantal);
create index zrm_feiten_casus on zrm_feiten (casus_id);
alter table zrm_feiten enable row level security;
create policy gemeente_eigen on zrm_feiten using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select on zrm_feiten to eenvoud_app;

-- Recompute both for a set of casussen: exactly the old per-row lookups, restricted to them. A
-- casus has a handful of conversations, so this is cheap; one call per statement, not per row.
create function sturing_gesprekken_herberekenen(p_casussen uuid[]) returns void language plpgsql volatile security definer
  set search_path = public, pg_temp
  as $$
begin
  if p_casussen is null or cardinality(p_casussen) = 0 then return; end if;
  delete from casus_gesprek_feiten where casus_id = any(p_casussen);
  insert into casus_gesprek_feiten (casus_id, gemeente_id, eerste_gesprek)
    select gs.casus_id, gs.gemeente_id, min(gs.datum) from gesprekken gs where gs.casus_id = any(p_casussen) group by 1, 2;
  delete from zrm_feiten where casus_id = any(p_casussen);
  insert into zrm_feiten (gesprek_id, gemeente_id, casus_id, datum, verschil, aantal)
    select e.id, e.gemeente_id, e.casus_id, e.datum, v.verschil, v.aantal
    from gesprekken e
      cross join lateral (select i.id from gesprekken i where i.casus_id = e.casus_id and (i.datum, i.id) < (e.datum, e.id) order by i.datum, i.id limit 1) eerste
      cross join lateral (
        select coalesce(sum(se.score - si.score), 0)::int as verschil, count(*)::int as aantal
        from gesprek_scores se join gesprek_scores si on si.gesprek_id = eerste.id and si.domein = se.domein
        where se.gesprek_id = e.id and se.score is not null and si.score is not null) v
    where e.casus_id = any(p_casussen) and e.soort = 'evaluatie' and v.aantal > 0;
end
$$;

create function sturing_gesprekken_gewijzigd() returns trigger language plpgsql security definer
  set search_path = public, pg_temp
  as $$
declare c uuid[];
begin
  if tg_table_name = 'gesprekken' then
    if tg_op = 'INSERT' then c := array(select distinct casus_id from nieuw);
    elsif tg_op = 'DELETE' then c := array(select distinct casus_id from oud);
    else c := array(select casus_id from nieuw union select casus_id from oud);
    end if;
  else
    if tg_op = 'INSERT' then c := array(select distinct g.casus_id from nieuw s join gesprekken g on g.id = s.gesprek_id);
    elsif tg_op = 'DELETE' then c := array(select distinct g.casus_id from oud s join gesprekken g on g.id = s.gesprek_id);
    else c := array(select g.casus_id from nieuw s join gesprekken g on g.id = s.gesprek_id
                    union select g.casus_id from oud s join gesprekken g on g.id = s.gesprek_id);
    end if;
  end if;
  perform sturing_gesprekken_herberekenen(c);
  return null;
end
$$;

-- A statement trigger per event (PostgreSQL allows transition tables on one event only).
create trigger gesprekken_sturing_in after insert on gesprekken referencing new table as nieuw for each statement execute function sturing_gesprekken_gewijzigd();
create trigger gesprekken_sturing_wijzig after update on gesprekken referencing old table as oud new table as nieuw for each statement execute function sturing_gesprekken_gewijzigd();
create trigger gesprekken_sturing_uit after delete on gesprekken referencing old table as oud for each statement execute function sturing_gesprekken_gewijzigd();
create trigger gesprek_scores_sturing_in after insert on gesprek_scores referencing new table as nieuw for each statement execute function sturing_gesprekken_gewijzigd();
create trigger gesprek_scores_sturing_wijzig after update on gesprek_scores referencing old table as oud new table as nieuw for each statement execute function sturing_gesprekken_gewijzigd();
create trigger gesprek_scores_sturing_uit after delete on gesprek_scores referencing old table as oud for each statement execute function sturing_gesprekken_gewijzigd();

-- Rebuild everything sturing derives for one gemeente from the facts (after a bulk load with
-- triggers off, or to check): the result equals what the triggers keep. Raises the version.
create function sturing_opbouwen(p_gemeente uuid) returns void language plpgsql volatile security definer
  set search_path = public, pg_temp
  as $$
begin
  delete from casus_gesprek_feiten where gemeente_id = p_gemeente;
  insert into casus_gesprek_feiten (casus_id, gemeente_id, eerste_gesprek)
    select gs.casus_id, gs.gemeente_id, min(gs.datum) from gesprekken gs where gs.gemeente_id = p_gemeente group by 1, 2;
  delete from zrm_feiten where gemeente_id = p_gemeente;
  insert into zrm_feiten (gesprek_id, gemeente_id, casus_id, datum, verschil, aantal)
    with eerste as (
      select distinct on (casus_id) casus_id, id, datum from gesprekken where gemeente_id = p_gemeente order by casus_id, datum, id)
    select e.id, e.gemeente_id, e.casus_id, e.datum, v.verschil, v.aantal
    from gesprekken e join eerste on eerste.casus_id = e.casus_id and (eerste.datum, eerste.id) < (e.datum, e.id)
      cross join lateral (
        select coalesce(sum(se.score - si.score), 0)::int as verschil, count(*)::int as aantal
        from gesprek_scores se join gesprek_scores si on si.gesprek_id = eerste.id and si.domein = se.domein
        where se.gesprek_id = e.id and se.score is not null and si.score is not null) v
    where e.gemeente_id = p_gemeente and e.soort = 'evaluatie' and v.aantal > 0;
  perform sturing_versie_verhogen(p_gemeente);
end
$$;
revoke all on function sturing_opbouwen(uuid) from public;

-- Existing gemeenten: build once.
do $$
declare g uuid;
begin
  for g in select id from gemeenten loop
    perform sturing_opbouwen(g);
  end loop;
end
$$;
