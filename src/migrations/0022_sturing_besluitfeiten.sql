-- Sturing, step four (ADR 0029): per (partly) granted product its decision in one narrow row, so
-- "maatwerk met gesprek vooraf" reads an index on (gemeente, besloten) instead of joining
-- beschikkingen, aanvragen and aanvraag_producten per counted product. Kept by one set-based
-- insert per statement that writes decided products (a bulk load pays once, not per row).

create table besluit_feiten (
  beschikking_product_id uuid primary key references beschikking_producten(id) on delete cascade,
  gemeente_id uuid not null references gemeenten(id),
  aanvraag_id uuid not null references aanvragen(id) on delete cascade,
  casus_id uuid not null references casussen(id) on delete cascade,
  wijk_id uuid references wijken(id),    -- the casus's, as in voorziening_feiten
  wet text not null,
  product_id uuid references catalogus_items(id),
  besloten date not null,                -- the decision's day in Europe/Amsterdam
  ref text not null                      -- the beschikking's number
);
create index besluit_feiten_besloten on besluit_feiten (gemeente_id, besloten) include (wet, wijk_id, casus_id, product_id);
create index besluit_feiten_casus on besluit_feiten (casus_id);
alter table besluit_feiten enable row level security;
create policy gemeente_eigen on besluit_feiten using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select on besluit_feiten to eenvoud_app;

create function besluit_feiten_bij() returns trigger language plpgsql security definer
  set search_path = public, pg_temp
  as $$
begin
  insert into besluit_feiten (beschikking_product_id, gemeente_id, aanvraag_id, casus_id, wijk_id, wet, product_id, besloten, ref)
    select n.id, n.gemeente_id, b.aanvraag_id, a.casus_id, c.wijk_id, ap.wet, ap.catalogus_item_id, (b.besloten_op at time zone 'Europe/Amsterdam')::date, b.nummer
    from nieuw n join beschikkingen b on b.id = n.beschikking_id join aanvraag_producten ap on ap.id = n.aanvraag_product_id
      join aanvragen a on a.id = b.aanvraag_id join casussen c on c.id = a.casus_id
    where n.uitkomst <> 'afgewezen';
  return null;
end
$$;
create trigger beschikking_producten_besluit_feit after insert on beschikking_producten
  referencing new table as nieuw for each statement execute function besluit_feiten_bij();

-- The casus's area is copied; should it ever be corrected, the copy follows.
create function besluit_feiten_wijk() returns trigger language plpgsql security definer
  set search_path = public, pg_temp
  as $$
begin
  update besluit_feiten set wijk_id = new.wijk_id where casus_id = new.id;
  return null;
end
$$;
create trigger casussen_besluit_feiten_wijk after update of wijk_id on casussen
  for each row when (old.wijk_id is distinct from new.wijk_id) execute function besluit_feiten_wijk();

-- Conversations of one gemeente are recomputed one transaction at a time: two transactions adding
-- a conversation to the same casus at once would each compute from a snapshot without the
-- other's (a missing ZRM row, or a duplicate first-conversation row). One transaction-scoped lock
-- per gemeente (not per casus: a bulk load touches 100,000s), taken just before recomputing; the
-- statements after it see what the other committed.
create or replace function sturing_gesprekken_herberekenen(p_casussen uuid[]) returns void language plpgsql volatile security definer
  set search_path = public, pg_temp
  as $$
declare g uuid;
begin
  if p_casussen is null or cardinality(p_casussen) = 0 then return; end if;
  for g in select distinct c.gemeente_id from casussen c where c.id = any(p_casussen) order by 1 loop
    perform pg_advisory_xact_lock(hashtextextended('sturing-gesprekken:' || g::text, 0));
  end loop;
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

-- sturing_opbouwen now also rebuilds the decision facts.
create or replace function sturing_opbouwen(p_gemeente uuid) returns void language plpgsql volatile security definer
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
  delete from besluit_feiten where gemeente_id = p_gemeente;
  insert into besluit_feiten (beschikking_product_id, gemeente_id, aanvraag_id, casus_id, wijk_id, wet, product_id, besloten, ref)
    select bp.id, bp.gemeente_id, b.aanvraag_id, a.casus_id, c.wijk_id, ap.wet, ap.catalogus_item_id, (b.besloten_op at time zone 'Europe/Amsterdam')::date, b.nummer
    from beschikking_producten bp join beschikkingen b on b.id = bp.beschikking_id join aanvraag_producten ap on ap.id = bp.aanvraag_product_id
      join aanvragen a on a.id = b.aanvraag_id join casussen c on c.id = a.casus_id
    where bp.gemeente_id = p_gemeente and bp.uitkomst <> 'afgewezen';
  perform sturing_versie_verhogen(p_gemeente);
end
$$;
revoke all on function sturing_opbouwen(uuid) from public;

do $$
declare g uuid;
begin
  for g in select id from gemeenten loop
    perform sturing_opbouwen(g);
  end loop;
end
$$;
