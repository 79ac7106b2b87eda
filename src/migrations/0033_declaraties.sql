-- Declaraties (issue 15, ADR 40): a provider's declaration (323) is checked prestatie by prestatie
-- against its toewijzing and the contract, and answered with a 325. Every prestatie is kept with its
-- verdict: what was approved is what the gemeente pays (payment batches) and what the spend figures
-- of voorzieningen, providers and the dashboards rest on. Money in integer cents; a credit is a
-- negative amount, so sums are plain sums.

-- One row per declaration that passed the referees (a message refused as a whole is only a bericht).
create table declaraties (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id) default app_gemeente(),
  standaard text not null check (standaard in ('iwmo', 'ijw')),
  aanbieder_id uuid not null references aanbieders(id),
  bericht_id uuid not null unique references berichten(id),
  antwoord_id uuid references berichten(id),
  nummer text not null check (length(nummer) between 1 and 12),
  periode_begin date not null,
  periode_eind date not null,
  dagtekening date not null,
  -- Signed: debet positive, credit negative.
  ingediend_cents bigint not null,
  toegekend_cents bigint not null default 0,
  -- verwerkt: all approved; deels: some refused; afgekeurd: nothing approved (9333 or every prestatie refused).
  status text not null check (status in ('verwerkt', 'deels', 'afgekeurd')),
  retourcodes text[] not null default '{}',
  aantal_prestaties int not null default 0,
  aangemaakt_op timestamptz not null default now(),
  check (periode_eind >= periode_begin)
);
-- TR333: a DeclaratieNummer is unique per provider and law; one refused on 9333 itself is kept apart.
create unique index declaraties_nummer on declaraties (gemeente_id, aanbieder_id, standaard, nummer) where not ('9333' = any (retourcodes));
create index declaraties_aanbieder on declaraties (gemeente_id, aanbieder_id, periode_begin desc);
alter table declaraties enable row level security;
create policy gemeente_eigen on declaraties using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select, insert on declaraties to eenvoud_app;
grant update (antwoord_id, toegekend_cents, status, retourcodes) on declaraties to eenvoud_app;

-- Payment batches: the approved prestaties of one provider and period, gathered for the financial system.
create table betaalbatches (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id) default app_gemeente(),
  nummer text not null,
  aanbieder_id uuid not null references aanbieders(id),
  -- The month of the declarations' answer (the 325's dagtekening), as YYYY-MM.
  periode text not null check (periode ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  totaal_cents bigint not null,
  aantal_prestaties int not null check (aantal_prestaties >= 0),
  aantal_declaraties int not null check (aantal_declaraties >= 0),
  aangemaakt_op timestamptz not null default now(),
  aangemaakt_door uuid references gebruikers(id),
  unique (gemeente_id, nummer)
);
create index betaalbatches_aanbieder on betaalbatches (gemeente_id, aanbieder_id, periode desc);
alter table betaalbatches enable row level security;
create policy gemeente_eigen on betaalbatches using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select, insert on betaalbatches to eenvoud_app;

-- Every prestatie of a declaration, approved or refused with its retourcodes.
create table prestaties (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id) default app_gemeente(),
  declaratie_id uuid not null references declaraties(id),
  standaard text not null check (standaard in ('iwmo', 'ijw')),
  aanbieder_id uuid not null references aanbieders(id),
  -- Null when the toewijzingnummer is not one of this provider's for this client (9338).
  toewijzing_id uuid references toewijzingen(id),
  voorziening_id uuid references voorzieningen(id),
  -- No foreign key to the person (destruction pseudonymises, as on voorzieningen).
  persoon_id uuid,
  bsn text not null,
  referentie text not null check (length(referentie) between 1 and 36),
  vorig_referentie text check (length(vorig_referentie) between 1 and 36),
  toewijzing_nummer bigint not null,
  productcategorie text not null,
  productcode text not null,
  periode_begin date not null,
  periode_eind date not null,
  volume bigint not null check (volume >= 0),
  eenheid text not null,
  tarief_cents bigint,
  -- Signed: debet positive, credit negative.
  ingediend_cents bigint not null,
  toegekend_cents bigint not null default 0,
  goedgekeurd boolean not null,
  retourcodes text[] not null default '{}',
  -- An approved debit that a later approved credit cancelled (TR389 allows a new debit after it).
  gecrediteerd_door uuid references prestaties(id),
  betaalbatch_id uuid references betaalbatches(id),
  aangemaakt_op timestamptz not null default now(),
  check (goedgekeurd = (toegekend_cents = ingediend_cents and cardinality(retourcodes) = 0)),
  check (goedgekeurd or toegekend_cents = 0)
);
-- TR314: a ReferentieNummer is unique per provider and law over every approved prestatie.
create unique index prestaties_referentie on prestaties (gemeente_id, aanbieder_id, standaard, referentie) where goedgekeurd;
create index prestaties_referentie_alle on prestaties (gemeente_id, aanbieder_id, standaard, referentie);
create index prestaties_declaratie on prestaties (declaratie_id);
create index prestaties_toewijzing on prestaties (toewijzing_id, periode_begin) where goedgekeurd;
create index prestaties_voorziening on prestaties (voorziening_id) where voorziening_id is not null;
-- The payment run picks approved prestaties not yet in a batch.
create index prestaties_te_betalen on prestaties (gemeente_id, aanbieder_id) where goedgekeurd and betaalbatch_id is null;
alter table prestaties enable row level security;
create policy gemeente_eigen on prestaties using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select, insert on prestaties to eenvoud_app;
grant update (gecrediteerd_door, betaalbatch_id, persoon_id) on prestaties to eenvoud_app;

-- Where a payment goes in the gemeente's ledger: per law and, optionally, per productcategorie
-- (the most specific row wins). Beheer keeps them.
create table grootboekregels (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id) default app_gemeente(),
  wet text not null check (wet in ('wmo', 'jeugdwet', 'participatiewet', 'schuldhulp', 'minima')),
  productcategorie text check (productcategorie ~ '^[0-9]{2}$'),
  grootboekrekening text not null check (length(grootboekrekening) between 1 and 30),
  kostenplaats text not null check (length(kostenplaats) between 1 and 30),
  gewijzigd_op timestamptz not null default now()
);
create unique index grootboekregels_sleutel on grootboekregels (gemeente_id, wet, coalesce(productcategorie, ''));
alter table grootboekregels enable row level security;
create policy gemeente_eigen on grootboekregels using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select, insert, update, delete on grootboekregels to eenvoud_app;

-- The contract ceiling (plafond) per year, for contract management; null = none agreed.
alter table contracten add column plafond_cents bigint check (plafond_cents is null or plafond_cents >= 0);
-- Taakgericht products are paid per month without client declarations: the agreed monthly amount.
alter table contract_producten add column maandbedrag_cents bigint check (maandbedrag_cents is null or maandbedrag_cents >= 0);
grant update (plafond_cents) on contracten to eenvoud_app;

-- Taakgericht payments: one line per contract product and month, in the provider's batch of that month.
create table taakgerichte_betalingen (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id) default app_gemeente(),
  contract_product_id uuid not null references contract_producten(id),
  aanbieder_id uuid not null references aanbieders(id),
  maand text not null check (maand ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  bedrag_cents bigint not null check (bedrag_cents >= 0),
  betaalbatch_id uuid not null references betaalbatches(id),
  unique (contract_product_id, maand)
);
alter table taakgerichte_betalingen enable row level security;
create policy gemeente_eigen on taakgerichte_betalingen using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select, insert on taakgerichte_betalingen to eenvoud_app;
