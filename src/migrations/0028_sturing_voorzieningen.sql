-- Sturing reads voorzieningen (issue 13, ADR 35). Until now a cost fact was written when a product
-- was decided (beschikking_producten, migration 0008) and never changed: a herziening that granted
-- the same product from a later date counted both for the overlap, an end or a withdrawal never
-- shortened it, and "aanbieder" was the catalogue's free text. Now every voorziening (migration 0025)
-- has exactly one fact row, kept by triggers on voorzieningen at every insert and update:
--   begin .. coalesce(beeindigd_op, eind, 'infinity') (the effective period; a row only while it has
--   at least one day), jaarbedrag_cents of the voorziening, the real aanbieder (id and name) and the
--   bekostiging. The table keeps its name and persoon_id: destruction (0016/0018) pseudonymises it.

drop trigger beschikking_producten_voorziening_feit on beschikking_producten;
drop function voorziening_feit_bij();
drop table voorziening_feiten;

create table voorziening_feiten (
  voorziening_id uuid primary key references voorzieningen(id) on delete cascade,
  gemeente_id uuid not null references gemeenten(id),
  beschikking_product_id uuid not null unique,  -- the decision facts (besluit_feiten) find their aanbieder by it
  casus_id uuid not null references casussen(id),
  persoon_id uuid not null,                     -- no foreign key: destruction replaces it by a pseudonym (0016)
  wijk_id uuid references wijken(id),           -- the casus's
  wet text not null,
  product_id uuid references catalogus_items(id),
  productcode text,
  aanbieder_id uuid references aanbieders(id),
  aanbieder text,                               -- the aanbieder's name, kept when it is renamed
  bekostiging text check (bekostiging in ('inspanningsgericht', 'outputgericht', 'taakgericht')),
  begin date not null,
  eind date not null,                           -- 'infinity' when open-ended
  jaarbedrag_cents bigint not null,
  ref text not null,                            -- the voorziening's number
  check (eind >= begin)
);
-- Covering: cost and volume are read from the index alone (once vacuum has marked the pages).
create index voorziening_feiten_looptijd on voorziening_feiten (gemeente_id, begin, eind)
  include (jaarbedrag_cents, wijk_id, wet, persoon_id, casus_id, product_id, aanbieder_id, bekostiging);
create index voorziening_feiten_aanbieder on voorziening_feiten (aanbieder_id) where aanbieder_id is not null;
alter table voorziening_feiten enable row level security;
create policy gemeente_eigen on voorziening_feiten using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
-- Derived only: the app reads; the triggers (owner rights) write.
grant select on voorziening_feiten to eenvoud_app;

-- A change of a fact raises the facts version at commit (migration 0021), as before.
create constraint trigger sturing_versie after insert or update or delete on voorziening_feiten deferrable initially deferred
  for each row execute function sturing_feiten_gewijzigd();

-- The fact of one voorziening: upserted while it has days, removed when it has none (withdrawn
-- before it began, replaced from its own begin). An update that changes nothing the KPIs read
-- writes nothing, so the facts version (and the figures in memory) stay.
create function voorziening_feit_bij() returns trigger language plpgsql security definer
  set search_path = public, pg_temp
  as $$
declare
  v_eind date := coalesce(new.beeindigd_op, new.eind, 'infinity'::date);
begin
  -- "begin" quoted: a PL/pgSQL keyword.
  if v_eind < new."begin" then
    delete from voorziening_feiten where voorziening_id = new.id;
    return null;
  end if;
  insert into voorziening_feiten (voorziening_id, gemeente_id, beschikking_product_id, casus_id, persoon_id, wijk_id, wet, product_id, productcode,
    aanbieder_id, aanbieder, bekostiging, begin, eind, jaarbedrag_cents, ref)
  select new.id, new.gemeente_id, new.beschikking_product_id, new.casus_id, new.persoon_id, c.wijk_id, new.wet, new.catalogus_item_id, new.productcode,
    new.aanbieder_id, ab.naam, new.bekostiging, new."begin", v_eind, new.jaarbedrag_cents, new.nummer
  from casussen c left join aanbieders ab on ab.id = new.aanbieder_id
  where c.id = new.casus_id
  on conflict (voorziening_id) do update set
    beschikking_product_id = excluded.beschikking_product_id, casus_id = excluded.casus_id, persoon_id = excluded.persoon_id, wijk_id = excluded.wijk_id,
    wet = excluded.wet, product_id = excluded.product_id, productcode = excluded.productcode, aanbieder_id = excluded.aanbieder_id,
    aanbieder = excluded.aanbieder, bekostiging = excluded.bekostiging, begin = excluded.begin, eind = excluded.eind,
    jaarbedrag_cents = excluded.jaarbedrag_cents, ref = excluded.ref
  where (voorziening_feiten.beschikking_product_id, voorziening_feiten.casus_id, voorziening_feiten.persoon_id, voorziening_feiten.wijk_id,
         voorziening_feiten.wet, voorziening_feiten.product_id, voorziening_feiten.productcode, voorziening_feiten.aanbieder_id,
         voorziening_feiten.aanbieder, voorziening_feiten.bekostiging, voorziening_feiten.begin, voorziening_feiten.eind,
         voorziening_feiten.jaarbedrag_cents, voorziening_feiten.ref)
    is distinct from
        (excluded.beschikking_product_id, excluded.casus_id, excluded.persoon_id, excluded.wijk_id, excluded.wet, excluded.product_id,
         excluded.productcode, excluded.aanbieder_id, excluded.aanbieder, excluded.bekostiging, excluded.begin, excluded.eind,
         excluded.jaarbedrag_cents, excluded.ref);
  return null;
end
$$;
create trigger voorzieningen_feit after insert or update on voorzieningen
  for each row execute function voorziening_feit_bij();

-- A renamed aanbieder: its name in the facts follows (the breakdown shows today's name).
create function voorziening_feiten_aanbieder_naam() returns trigger language plpgsql security definer
  set search_path = public, pg_temp
  as $$
begin
  update voorziening_feiten set aanbieder = new.naam where aanbieder_id = new.id;
  return null;
end
$$;
create trigger aanbieders_voorziening_feiten after update of naam on aanbieders
  for each row when (old.naam is distinct from new.naam) execute function voorziening_feiten_aanbieder_naam();

-- Rebuild the facts of one gemeente from its voorzieningen (after a bulk load with triggers off,
-- or to check): the same rows the triggers keep. Raises the facts version.
create function voorziening_feiten_opbouwen(p_gemeente uuid) returns void language plpgsql volatile security definer
  set search_path = public, pg_temp
  as $$
begin
  delete from voorziening_feiten where gemeente_id = p_gemeente;
  insert into voorziening_feiten (voorziening_id, gemeente_id, beschikking_product_id, casus_id, persoon_id, wijk_id, wet, product_id, productcode,
    aanbieder_id, aanbieder, bekostiging, begin, eind, jaarbedrag_cents, ref)
  select v.id, v.gemeente_id, v.beschikking_product_id, v.casus_id, v.persoon_id, c.wijk_id, v.wet, v.catalogus_item_id, v.productcode,
    v.aanbieder_id, ab.naam, v.bekostiging, v.begin, coalesce(v.beeindigd_op, v.eind, 'infinity'::date), v.jaarbedrag_cents, v.nummer
  from voorzieningen v join casussen c on c.id = v.casus_id left join aanbieders ab on ab.id = v.aanbieder_id
  where v.gemeente_id = p_gemeente and coalesce(v.beeindigd_op, v.eind, 'infinity'::date) >= v.begin;
  perform sturing_versie_verhogen(p_gemeente);
end
$$;
revoke all on function voorziening_feiten_opbouwen(uuid) from public;

-- Existing gemeenten: from the voorzieningen migration 0025 made of the sent decisions.
do $$
declare g uuid;
begin
  for g in select id from gemeenten loop
    perform voorziening_feiten_opbouwen(g);
  end loop;
end
$$;
