-- Catalogus (PDC and social map), gesprek (conversations scored with configurable instruments),
-- plan (one plan per household: goals, arrangement along the ladder, versions, evaluations).

create table catalogus_items (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  naam text not null,
  omschrijving text not null,
  domein text not null check (domein in ('wmo', 'jeugdwet', 'participatiewet', 'schuldhulp', 'minima', 'voorliggend')),
  trede int not null check (trede between 1 and 4),
  leefgebieden text[] not null default '{}',
  kern_ids uuid[] not null default '{}',          -- empty: offered everywhere in the gemeente
  aanbieder text not null,
  beschikking_nodig boolean not null,
  limiet_eenheid text check (limiet_eenheid in ('uur', 'euro')),
  limiet_waarde int check (limiet_waarde > 0),
  zoekwoorden text[] not null default '{}',
  actief boolean not null default true,
  gewijzigd_op timestamptz not null default now(),
  unique (gemeente_id, naam),
  check (trede < 4 or beschikking_nodig),
  check ((limiet_eenheid is null) = (limiet_waarde is null)),
  check (not (beschikking_nodig and limiet_eenheid is not null))
);
create index catalogus_items_leefgebieden on catalogus_items using gin (leefgebieden);
alter table catalogus_items enable row level security;
create policy gemeente_eigen on catalogus_items using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert, update on catalogus_items to eenvoud_app;

-- Instruments are configurable data: the domains and the scale of each.
create table instrumenten (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  code text not null,
  naam text not null,
  schaal jsonb not null,       -- [{waarde, label}] from low to high
  domeinen jsonb not null,     -- [{code, naam, leefgebied?}]
  standaard boolean not null default false,
  unique (gemeente_id, code)
);
create unique index instrumenten_een_standaard on instrumenten (gemeente_id) where standaard;
alter table instrumenten enable row level security;
create policy gemeente_eigen on instrumenten using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert, update on instrumenten to eenvoud_app;

create table gesprekken (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  casus_id uuid not null references casussen(id),
  datum date not null,
  plek text not null check (plek in ('thuis', 'kantoor', 'online', 'anders')),
  instrument_id uuid not null references instrumenten(id),
  deelnemers jsonb not null,
  samenvatting text,
  soort text not null default 'intake' check (soort in ('intake', 'evaluatie', 'vervolg')),
  gevoerd_door uuid references gebruikers(id),
  aangemaakt_op timestamptz not null default now(),
  verslag_verzonden_op timestamptz,
  verslag_hash text,
  verslag_pdf bytea,               -- the report exactly as sent to the resident
  inwoner_reactie text,
  inwoner_reactie_op timestamptz
);
create index gesprekken_casus on gesprekken (casus_id, datum);
alter table gesprekken enable row level security;
create policy gemeente_eigen on gesprekken using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert, update on gesprekken to eenvoud_app;

-- Scores are appended per conversation: the history of self-reliance for steering.
create table gesprek_scores (
  gesprek_id uuid not null references gesprekken(id),
  gemeente_id uuid not null references gemeenten(id),
  domein text not null,
  score int,
  toelichting text,
  zelf text,
  netwerk text,
  primary key (gesprek_id, domein)
);
alter table gesprek_scores enable row level security;
create policy gemeente_eigen on gesprek_scores using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert on gesprek_scores to eenvoud_app;

create table plannen (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  casus_id uuid not null unique references casussen(id),
  huishouden_id uuid not null references huishoudens(id),
  versie int not null default 1,
  status text not null default 'concept' check (status in ('concept', 'actief', 'gesloten')),
  instemming_datum date,
  instemming_wijze text check (instemming_wijze in ('mondeling', 'schriftelijk', 'digitaal')),
  aangemaakt_op timestamptz not null default now(),
  gewijzigd_op timestamptz not null default now()
);
alter table plannen enable row level security;
create policy gemeente_eigen on plannen using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert, update on plannen to eenvoud_app;

create table plan_versies (
  plan_id uuid not null references plannen(id),
  gemeente_id uuid not null references gemeenten(id),
  versie int not null,
  inhoud jsonb not null,
  reden text not null,
  door uuid references gebruikers(id),
  moment timestamptz not null default now(),
  primary key (plan_id, versie)
);
alter table plan_versies enable row level security;
create policy gemeente_eigen on plan_versies using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert on plan_versies to eenvoud_app;

create table doelen (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  plan_id uuid not null references plannen(id),
  leefgebied text not null,
  omschrijving text not null,
  meetbaar_resultaat text not null,
  streefdatum date not null,
  status text not null default 'lopend' check (status in ('lopend', 'behaald', 'deels', 'nietBehaald', 'vervallen')),
  aangemaakt_op timestamptz not null default now()
);
create index doelen_plan on doelen (plan_id);
alter table doelen enable row level security;
create policy gemeente_eigen on doelen using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert, update on doelen to eenvoud_app;

create table arrangement_items (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  plan_id uuid not null references plannen(id),
  doel_id uuid not null references doelen(id),
  trede int not null check (trede between 1 and 4),
  catalogus_item_id uuid references catalogus_items(id),
  omschrijving text,
  motivering text,
  verantwoordelijke text not null,
  omvang int check (omvang > 0),
  omvang_eenheid text check (omvang_eenheid in ('uur', 'euro')),
  startdatum date not null,
  einddatum date,
  status text not null check (status in ('ingezet', 'aanvraagNodig', 'beeindigd')),
  toegevoegd_door uuid references gebruikers(id),
  aangemaakt_op timestamptz not null default now(),
  check (catalogus_item_id is not null or omschrijving is not null),
  check (einddatum is null or einddatum >= startdatum)
);
create index arrangement_items_plan on arrangement_items (plan_id, doel_id);
alter table arrangement_items enable row level security;
create policy gemeente_eigen on arrangement_items using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert, update on arrangement_items to eenvoud_app;

create table evaluaties (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  plan_id uuid not null references plannen(id),
  gepland_op date not null,
  gehouden_op date,
  gesprek_id uuid references gesprekken(id),
  besluit text check (besluit in ('voortzetten', 'aanpassen', 'afsluiten')),
  toelichting text,
  doelstatussen jsonb,
  door uuid references gebruikers(id)
);
create index evaluaties_plan on evaluaties (plan_id, gepland_op);
alter table evaluaties enable row level security;
create policy gemeente_eigen on evaluaties using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert, update on evaluaties to eenvoud_app;

