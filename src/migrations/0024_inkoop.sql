-- Inkoop (issue 13): the providers the gemeente contracts, their contracts and per product the
-- iStandaard codes, the unit and frequency, the bekostigingsvorm and the tariff in cents with its
-- validity dates; the result-based tables (Jeugd profiles, Wmo begeleiding) and the pgb tariffs,
-- both versioned by date. No personal data lives here. See ADR 31 for the budget calculation.

create table aanbieders (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  naam text not null check (length(naam) between 1 and 200),
  agb_code text not null check (agb_code ~ '^[0-9]{8}$'),
  kvk_nummer text check (kvk_nummer ~ '^[0-9]{8}$'),
  straat text,
  huisnummer text,
  postcode text,
  plaats text,
  contact_naam text,
  contact_email text,
  contact_telefoon text,
  wetten text[] not null default '{}' check (wetten <@ array['wmo', 'jeugdwet', 'participatiewet', 'schuldhulp', 'minima']::text[]),
  actief boolean not null default true,
  aangemaakt_op timestamptz not null default now(),
  unique (gemeente_id, agb_code)
);
create index aanbieders_naam on aanbieders (gemeente_id, naam);
alter table aanbieders enable row level security;
create policy gemeente_eigen on aanbieders using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select, insert, update on aanbieders to eenvoud_app;

-- The contract's aanbieder is the hoofdaannemer; contract_onderaannemers work under it.
create table contracten (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  aanbieder_id uuid not null references aanbieders(id),
  nummer text not null check (length(nummer) between 1 and 50),
  perceel text,
  van date not null,
  tot date,
  aangemaakt_op timestamptz not null default now(),
  check (tot is null or tot >= van),
  unique (gemeente_id, nummer)
);
create index contracten_aanbieder on contracten (aanbieder_id);
alter table contracten enable row level security;
create policy gemeente_eigen on contracten using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select, insert, update on contracten to eenvoud_app;

create table contract_onderaannemers (
  gemeente_id uuid not null references gemeenten(id),
  contract_id uuid not null references contracten(id),
  aanbieder_id uuid not null references aanbieders(id),
  primary key (contract_id, aanbieder_id)
);
create index contract_onderaannemers_aanbieder on contract_onderaannemers (aanbieder_id);
alter table contract_onderaannemers enable row level security;
create policy gemeente_eigen on contract_onderaannemers using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select, insert, delete on contract_onderaannemers to eenvoud_app;

create table contract_producten (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  contract_id uuid not null references contracten(id),
  wet text not null check (wet in ('wmo', 'jeugdwet', 'participatiewet', 'schuldhulp', 'minima')),
  -- WMO020 (Wmo) or JZ020 (Jeugdwet); null for laws without an iStandaard.
  productcategorie text check (productcategorie ~ '^[0-9]{2}$'),
  productcode text not null check (productcode ~ '^[A-Za-z0-9]{5}$'),
  naam text not null check (length(naam) between 1 and 200),
  eenheid text not null check (eenheid in ('01', '04', '14', '16', '82', '83', '84')),          -- WJ756
  frequentie text not null check (frequentie in ('1', '2', '4', '6')),                           -- WMO757
  bekostiging text not null check (bekostiging in ('inspanningsgericht', 'outputgericht', 'taakgericht')),
  -- The budget comes from resultaat_tarieven (profile × intensity, or complexity × intensity × duration).
  resultaatgericht boolean not null default false,
  -- Clients at once; null = no limit.
  capaciteit integer check (capaciteit is null or capaciteit >= 0),
  unique (contract_id, wet, productcode)
);
create index contract_producten_code on contract_producten (gemeente_id, wet, productcode);
alter table contract_producten enable row level security;
create policy gemeente_eigen on contract_producten using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select, insert, update on contract_producten to eenvoud_app;

-- Tariff history: a new tariff from a date ends the previous one the day before; never overlapping
-- (the use case checks and says so in Dutch; the trigger below is the last line).
create table contract_tarieven (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  contract_product_id uuid not null references contract_producten(id),
  van date not null,
  tot date,
  tarief_cents bigint not null check (tarief_cents >= 0),
  check (tot is null or tot >= van)
);
create index contract_tarieven_product on contract_tarieven (contract_product_id, van);
alter table contract_tarieven enable row level security;
create policy gemeente_eigen on contract_tarieven using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select, insert, update on contract_tarieven to eenvoud_app;

-- The result-based tables (Dalfsen model). Jeugd: profiel × intensiteit per result; Wmo begeleiding:
-- complexiteit (profiel) × intensiteit × duur_maanden. Versioned by date like the tariffs.
create table resultaat_tarieven (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  wet text not null check (wet in ('wmo', 'jeugdwet', 'participatiewet', 'schuldhulp', 'minima')),
  productcode text not null check (productcode ~ '^[A-Za-z0-9]{5}$'),
  soort text not null check (soort in ('jeugdprofiel', 'wmoBegeleiding')),
  profiel text not null check (length(profiel) between 1 and 50),
  intensiteit text not null check (length(intensiteit) between 1 and 50),
  duur_maanden integer check (duur_maanden is null or duur_maanden between 1 and 120),
  bedrag_cents bigint not null check (bedrag_cents >= 0),
  van date not null,
  tot date,
  check (tot is null or tot >= van),
  check ((soort = 'wmoBegeleiding') = (duur_maanden is not null))
);
create index resultaat_tarieven_code on resultaat_tarieven (gemeente_id, wet, productcode, van);
alter table resultaat_tarieven enable row level security;
create policy gemeente_eigen on resultaat_tarieven using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select, insert, update, delete on resultaat_tarieven to eenvoud_app;

create table pgb_tarieven (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  wet text not null check (wet in ('wmo', 'jeugdwet', 'participatiewet', 'schuldhulp', 'minima')),
  productcode text not null check (productcode ~ '^[A-Za-z0-9]{5}$'),
  eenheid text not null check (eenheid in ('01', '04', '14', '16', '82', '83', '84')),
  frequentie text not null check (frequentie in ('1', '2', '4', '6')),
  tarief_cents bigint not null check (tarief_cents >= 0),
  van date not null,
  tot date,
  check (tot is null or tot >= van)
);
create index pgb_tarieven_code on pgb_tarieven (gemeente_id, wet, productcode, van);
alter table pgb_tarieven enable row level security;
create policy gemeente_eigen on pgb_tarieven using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select, insert, update, delete on pgb_tarieven to eenvoud_app;

-- Last line against overlapping tariff periods (btree_gist's exclusion constraint is not in every
-- embedded build): the use cases lock the product first and answer in Dutch before this fires.
create function contract_tarief_overlapt_niet() returns trigger language plpgsql as $$
begin
  if exists (
    select 1 from contract_tarieven t
    where t.contract_product_id = new.contract_product_id and t.id <> new.id
      and daterange(t.van, t.tot, '[]') && daterange(new.van, new.tot, '[]')
  ) then
    raise exception 'Tariefperiodes van één contractproduct mogen elkaar niet overlappen' using errcode = '23P01';
  end if;
  return new;
end
$$;
create trigger contract_tarieven_overlapt_niet before insert or update on contract_tarieven
  for each row execute function contract_tarief_overlapt_niet();
