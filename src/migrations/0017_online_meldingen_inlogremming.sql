-- Holes found from outside (issue 11).
--
-- 1. The public form no longer tells a stranger whether a BSN is known, nor attaches their melding to
-- an existing person. What the resident typed is kept as the online melding's own submitted data.
-- An unknown BSN becomes a new person and a melding at once; a known BSN (or one the BRP does not
-- confirm) waits as 'teMatchen' until staff link it to a person, create one, or reject it.
-- The resident gets a random reference (EV-7K3Q-9XWD) instead of the sequential M-number.

create table online_meldingen (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  referentie text not null check (referentie ~ '^EV-[0-9A-Z]{4}-[0-9A-Z]{4}$'),
  ontvangen_op date not null,
  -- persoon (bsn, names, geboortedatum), adres/geenVastAdres, onderwerp, omschrijving, spoed, contact
  ingediend jsonb not null,
  status text not null check (status in ('teMatchen', 'gekoppeld', 'afgewezen')),
  melding_id uuid references meldingen(id),
  behandeld_door uuid references gebruikers(id),
  behandeld_op timestamptz,
  reden text check (char_length(reden) <= 1000),
  aangemaakt_op timestamptz not null default now(),
  unique (gemeente_id, referentie),
  constraint online_meldingen_gekoppeld check ((status = 'gekoppeld') = (melding_id is not null))
);
create index online_meldingen_te_matchen on online_meldingen (gemeente_id, ontvangen_op) where status = 'teMatchen';
create index online_meldingen_melding on online_meldingen (melding_id) where melding_id is not null;
alter table online_meldingen enable row level security;
create policy gemeente_eigen on online_meldingen using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select, insert, update on online_meldingen to eenvoud_app;

-- The resident's reference on the melding itself, so the KCC finds it by what the resident was told.
alter table meldingen add column publieke_referentie text;
create unique index meldingen_publieke_referentie on meldingen (gemeente_id, publieke_referentie) where publieke_referentie is not null;

-- 2. Login throttling without lock-out: a browser that logged in before carries a device cookie;
-- its attempts are counted on their own, so a stranger's failures elsewhere never lock a colleague out.
create table bekende_apparaten (
  token_hash text primary key,
  gebruiker_id uuid not null references gebruikers(id),
  gemeente_id uuid not null references gemeenten(id),
  aangemaakt_op timestamptz not null default now(),
  laatst_gebruikt_op timestamptz not null default now(),
  verloopt_op timestamptz not null
);
create index bekende_apparaten_gebruiker on bekende_apparaten (gebruiker_id);
alter table bekende_apparaten enable row level security;
create policy gemeente_eigen on bekende_apparaten using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select, insert, update, delete on bekende_apparaten to eenvoud_platform;
create policy platform_alles on bekende_apparaten to eenvoud_platform using (true) with check (true);

-- Which known device (its token hash) an attempt came from; null for an unknown browser.
alter table inlogpogingen add column apparaat text;
create index inlogpogingen_apparaat on inlogpogingen (apparaat, moment) where apparaat is not null;
