-- Voorziening (ADR 32): every (partly) granted product of a sent beschikking becomes a provision with
-- a life of its own: a provider, a start, an end, a withdrawal or a replacement by a herziening. The
-- budget is computed from the contract (inkoop, 0024) and recorded on the decision too.

-- The decision records the computed budget and the product it was computed for; a sent beschikking
-- never changes (trigger of 0006/0016), so these are filled when the decision is taken.
alter table beschikking_producten add column budget_cents bigint;
alter table beschikking_producten add column productcode text;
-- Result-based products (inkoop's tables): the profile and intensity the budget was computed for.
alter table beschikking_producten add column resultaat jsonb;
alter table beschikking_producten drop constraint if exists beschikking_producten_periode_check;
alter table beschikking_producten add constraint beschikking_producten_periode_check check (periode in ('dag', 'week', 'maand', 'jaar', 'totaal'));

create table voorzieningen (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  nummer text not null,
  beschikking_id uuid not null references beschikkingen(id),
  beschikking_product_id uuid not null unique references beschikking_producten(id),
  casus_id uuid not null references casussen(id),
  -- No foreign key to the household or person: destruction (0018) pseudonymises the person on the
  -- aanvraag and the trigger below follows; the provision itself stays for the counts.
  huishouden_id uuid not null,
  persoon_id uuid not null,
  wet text not null,
  productcategorie text,
  productcode text,                                     -- null only for provisions backfilled from before inkoop
  product_naam text not null,
  catalogus_item_id uuid references catalogus_items(id),
  volume numeric(10, 2) not null check (volume >= 0),
  eenheid text,                                         -- WJ756
  frequentie text check (frequentie in ('1', '2', '4', '6')),  -- WMO757
  begin date not null,
  eind date,
  leveringsvorm text not null check (leveringsvorm in ('zin', 'pgb')),
  bekostiging text check (bekostiging in ('inspanningsgericht', 'outputgericht', 'taakgericht')),
  resultaat jsonb,
  aanbieder_id uuid references aanbieders(id),
  contract_product_id uuid references contract_producten(id),
  budget_cents bigint not null check (budget_cents >= 0),
  budget_tot date not null,
  jaarbedrag_cents bigint not null check (jaarbedrag_cents >= 0),
  status text not null default 'toegekend' check (status in ('toegekend', 'toegewezen', 'gestart', 'beeindigd', 'ingetrokken', 'vervangen')),
  svb boolean not null default false,                   -- pgb: recorded as passed to the SVB
  gestart_op date,
  beeindigd_op date,
  reden_beeindiging text,
  vervangen_door uuid references voorzieningen(id),
  vervangt uuid references voorzieningen(id),
  aangemaakt_op timestamptz not null default now(),
  gewijzigd_op timestamptz not null default now(),
  unique (gemeente_id, nummer),
  check (eind is null or eind >= begin),
  -- The real last day: never before the day before the begin (an ingetrokken one that never ran has no days).
  check (beeindigd_op is null or beeindigd_op >= begin - 1),
  check ((status in ('beeindigd', 'ingetrokken', 'vervangen')) = (beeindigd_op is not null)),
  check (status not in ('toegewezen', 'gestart', 'beeindigd') or aanbieder_id is not null or svb),
  check (status not in ('gestart', 'beeindigd') or gestart_op is not null)
);
create index voorzieningen_casus on voorzieningen (casus_id);
create index voorzieningen_persoon on voorzieningen (persoon_id);
create index voorzieningen_beschikking on voorzieningen (beschikking_id);
create index voorzieningen_aanbieder_lopend on voorzieningen (gemeente_id, aanbieder_id, contract_product_id) where status in ('toegewezen', 'gestart');
create index voorzieningen_looptijd on voorzieningen (gemeente_id, begin);
alter table voorzieningen enable row level security;
create policy gemeente_eigen on voorzieningen using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select, insert, update on voorzieningen to eenvoud_app;

-- Append-only: every transition with who, when and the figures before it.
create table voorziening_historie (
  id bigint generated always as identity primary key,
  gemeente_id uuid not null references gemeenten(id),
  voorziening_id uuid not null references voorzieningen(id),
  van text,
  naar text not null,
  door uuid references gebruikers(id),
  moment timestamptz not null default now(),
  toelichting text,
  gegevens jsonb
);
create index voorziening_historie_voorziening on voorziening_historie (voorziening_id, id);
alter table voorziening_historie enable row level security;
create policy gemeente_eigen on voorziening_historie using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select, insert on voorziening_historie to eenvoud_app;

-- Letters to the resident about the provision (provider assigned, ended, withdrawn), made by the
-- outbox job. They point at the person, so destruction (0018, step 1) removes them whole.
create table voorziening_brieven (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  voorziening_id uuid not null references voorzieningen(id),
  persoon_id uuid not null references personen(id),
  gebeurtenis text not null check (gebeurtenis in ('toegewezen', 'beeindigd', 'ingetrokken', 'vervangen')),
  kenmerk text not null,
  onderwerp text not null,
  pdf bytea not null,
  pdf_hash text not null,
  aangemaakt_op timestamptz not null default now()
);
create index voorziening_brieven_voorziening on voorziening_brieven (voorziening_id, aangemaakt_op);
alter table voorziening_brieven enable row level security;
create policy gemeente_eigen on voorziening_brieven using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select, insert on voorziening_brieven to eenvoud_app;

-- Destruction pseudonymises the person on the aanvraag: the provisions of that aanvraag follow.
create function voorziening_persoon_volgt() returns trigger language plpgsql as $$
begin
  update voorzieningen v set persoon_id = new.persoon_id
  from beschikkingen b where b.aanvraag_id = new.id and v.beschikking_id = b.id and v.persoon_id = old.persoon_id;
  return null;
end
$$;
create trigger aanvragen_voorziening_persoon after update of persoon_id on aanvragen
  for each row when (old.persoon_id is distinct from new.persoon_id) execute function voorziening_persoon_volgt();

-- Backfill: the granted products of beschikkingen already sent become provisions, so an old database
-- tells the same story as a new one. No contract existed: the budget is the old yearly amount pro rata
-- over the budget period (the end, or the first 12 months when open-ended).
with bron as (
  select bp.id as bp_id, bp.gemeente_id, b.id as beschikking_id, b.verzonden_op, a.casus_id, a.huishouden_id, a.persoon_id,
    ap.wet, ap.catalogus_item_id, coalesce(ci.naam, ap.omschrijving) as product_naam, coalesce(bp.omvang, 0) as volume,
    case lower(coalesce(bp.eenheid, '')) when 'minuut' then '01' when 'minuten' then '01' when 'uur' then '04' when 'uren' then '04'
      when 'etmaal' then '14' when 'etmalen' then '14' when 'dagdeel' then '16' when 'dagdelen' then '16' when 'stuks' then '82' when 'stuk' then '82'
      when 'euro' then '83' else null end as eenheid,
    case bp.periode when 'dag' then '1' when 'week' then '2' when 'maand' then '4' when 'totaal' then '6' else null end as frequentie,
    bp.ingangsdatum as begin, bp.einddatum as eind, coalesce(bp.leveringsvorm, 'zin') as leveringsvorm, bp.jaarbedrag_cents,
    coalesce(bp.einddatum, (bp.ingangsdatum + interval '1 year' - interval '1 day')::date) as budget_tot
  from beschikking_producten bp join beschikkingen b on b.id = bp.beschikking_id join aanvragen a on a.id = b.aanvraag_id
    join aanvraag_producten ap on ap.id = bp.aanvraag_product_id left join catalogus_items ci on ci.id = ap.catalogus_item_id
  where b.verzonden_op is not null and bp.uitkomst <> 'afgewezen' and bp.ingangsdatum is not null
)
insert into voorzieningen (gemeente_id, nummer, beschikking_id, beschikking_product_id, casus_id, huishouden_id, persoon_id, wet, product_naam,
  catalogus_item_id, volume, eenheid, frequentie, begin, eind, leveringsvorm, budget_cents, budget_tot, jaarbedrag_cents, status)
select gemeente_id,
  'V-' || extract(year from verzonden_op)::int || '-' || lpad((row_number() over (partition by gemeente_id, extract(year from verzonden_op) order by verzonden_op, bp_id))::text, 6, '0'),
  beschikking_id, bp_id, casus_id, huishouden_id, persoon_id, wet, product_naam, catalogus_item_id, volume, eenheid, frequentie, begin, eind, leveringsvorm,
  round(jaarbedrag_cents::numeric * (budget_tot - begin + 1) / 365)::bigint, budget_tot, jaarbedrag_cents, 'toegekend'
from bron;

insert into nummering (gemeente_id, soort, jaar, laatste)
select gemeente_id, 'voorziening', split_part(nummer, '-', 2)::int, max(split_part(nummer, '-', 3)::int)
from voorzieningen group by gemeente_id, split_part(nummer, '-', 2)
on conflict (gemeente_id, soort, jaar) do update set laatste = greatest(nummering.laatste, excluded.laatste);

-- A sent herziening replaced the provisions of the beschikking it reviews: the matching product (same
-- catalogue item or description, same law) is linked; the old one ends the day before the new begin.
with paar as (
  select distinct on (oud.id) oud.id as oud_id, nieuw.id as nieuw_id, nieuw.begin as nieuw_begin
  from voorzieningen oud
    join beschikkingen bo on bo.id = oud.beschikking_id
    join beschikkingen bn on bn.herziening_van = bo.id and bn.verzonden_op is not null
    join voorzieningen nieuw on nieuw.beschikking_id = bn.id and nieuw.wet = oud.wet
      and (nieuw.catalogus_item_id = oud.catalogus_item_id or nieuw.product_naam = oud.product_naam)
  order by oud.id, nieuw.begin
)
update voorzieningen v set status = 'vervangen', vervangen_door = p.nieuw_id, reden_beeindiging = 'herziening',
  beeindigd_op = greatest(v.begin - 1, least(coalesce(v.eind, 'infinity'::date), p.nieuw_begin - 1))
from paar p where v.id = p.oud_id;
update voorzieningen n set vervangt = o.id from voorzieningen o where o.vervangen_door = n.id;
-- Without a matching product the old one still ends: the day before the herziening's earliest begin.
update voorzieningen v set status = 'vervangen', reden_beeindiging = 'herziening',
  beeindigd_op = greatest(v.begin - 1, least(coalesce(v.eind, 'infinity'::date), h.eerste - 1))
from (
  select bo.id as beschikking_id, min(nieuw.begin) as eerste
  from beschikkingen bo join beschikkingen bn on bn.herziening_van = bo.id and bn.verzonden_op is not null
    join voorzieningen nieuw on nieuw.beschikking_id = bn.id
  group by bo.id
) h
where v.beschikking_id = h.beschikking_id and v.status = 'toegekend';

insert into voorziening_historie (gemeente_id, voorziening_id, van, naar, moment, toelichting, gegevens)
select gemeente_id, id, null, 'toegekend', aangemaakt_op, 'Overgenomen uit de verzonden beschikking (migratie 0025)',
  jsonb_build_object('budgetCents', budget_cents, 'jaarbedragCents', jaarbedrag_cents)
from voorzieningen;
insert into voorziening_historie (gemeente_id, voorziening_id, van, naar, moment, toelichting, gegevens)
select gemeente_id, id, 'toegekend', 'vervangen', aangemaakt_op, 'Vervangen door de herziening (migratie 0025)', jsonb_build_object('beeindigdOp', beeindigd_op)
from voorzieningen where status = 'vervangen';
