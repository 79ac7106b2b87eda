-- Berichtenverkeer (issue 14, ADR 37): iWmo and iJw 3.2 messages with providers. A voorziening in
-- natura that has its provider gets a toewijzing with a number unique per gemeente and law (TR332);
-- every message sent or received is kept as it went over the line, with its retour and retourcodes.

-- The CBS code a gemeente signs its messages with (Afzender of a 301, Ontvanger of a 305).
alter table gemeenten add column cbs_code text check (cbs_code ~ '^[0-9]{4}$');
grant select (cbs_code) on gemeenten to eenvoud_app;

create table toewijzingen (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id) default app_gemeente(),
  voorziening_id uuid not null unique references voorzieningen(id),
  standaard text not null check (standaard in ('iwmo', 'ijw')),
  nummer bigint not null check (nummer between 1 and 999999999),
  aanbieder_id uuid not null references aanbieders(id),
  -- No foreign key to the person (destruction pseudonymises, as on voorzieningen).
  persoon_id uuid not null,
  toewijzingsdatum date not null,
  toewijzingstijd time not null,
  -- What the last 301 said about this product, to know what changed (OP087) and why (WMO002).
  verstuurd jsonb,
  reden_wijziging text check (reden_wijziging ~ '^[0-9]{2}$'),
  -- The provider's reports: the current start (305) and stop (307), with their keys (TR382).
  start_begindatum date,
  stop_einddatum date,
  stop_reden text,
  aangemaakt_op timestamptz not null default now(),
  gewijzigd_op timestamptz not null default now(),
  unique (gemeente_id, standaard, nummer)
);
create index toewijzingen_client on toewijzingen (gemeente_id, aanbieder_id, persoon_id);
alter table toewijzingen enable row level security;
create policy gemeente_eigen on toewijzingen using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select, insert, update on toewijzingen to eenvoud_app;

create table berichten (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id) default app_gemeente(),
  standaard text not null check (standaard in ('iwmo', 'ijw')),
  soort text not null check (soort in ('301', '302', '305', '306', '307', '308', '315', '316', '317', '318', '319', '320', '323', '325')),
  richting text not null check (richting in ('uit', 'in')),
  aanbieder_id uuid not null references aanbieders(id),
  afzender text not null,
  ontvanger text not null,
  identificatie text not null check (length(identificatie) between 1 and 12),
  dagtekening date not null,
  -- uit: klaar (for the provider to fetch), opgehaald, geaccepteerd or afgekeurd (by its retour);
  -- in: verwerkt, deels (some products refused), afgekeurd (nothing applied).
  status text not null check (status in ('klaar', 'opgehaald', 'geaccepteerd', 'afgekeurd', 'verwerkt', 'deels')),
  retourcodes text[] not null default '{}',
  -- A retour points at the message it answers; that message points back at its retour.
  antwoord_op uuid references berichten(id),
  retour_id uuid references berichten(id),
  persoon_id uuid,
  aantal_producten int not null default 0,
  xml text not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  aangemaakt_op timestamptz not null default now(),
  opgehaald_op timestamptz
);
-- TR056: an identification is unique per sender and kind of message. A refused second message with
-- a used identification is kept too (with retourcode 9056), so the rule holds for the others.
create unique index berichten_identificatie on berichten (gemeente_id, afzender, soort, identificatie) where status <> 'afgekeurd';
-- Idempotency: the same message delivered again is found by its content and answered alike.
create index berichten_inhoud on berichten (gemeente_id, afzender, soort, identificatie, sha256);
create index berichten_aanbieder on berichten (gemeente_id, aanbieder_id, aangemaakt_op desc);
create index berichten_persoon on berichten (persoon_id) where persoon_id is not null;
alter table berichten enable row level security;
create policy gemeente_eigen on berichten using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select, insert on berichten to eenvoud_app;
grant update (status, retourcodes, retour_id, opgehaald_op) on berichten to eenvoud_app;

-- Which toewijzingen a message is about, with the retourcodes per product: the message chain of a voorziening.
create table bericht_toewijzingen (
  bericht_id uuid not null references berichten(id),
  toewijzing_id uuid not null references toewijzingen(id),
  gemeente_id uuid not null references gemeenten(id) default app_gemeente(),
  retourcodes text[] not null default '{}',
  primary key (bericht_id, toewijzing_id)
);
create index bericht_toewijzingen_toewijzing on bericht_toewijzingen (toewijzing_id);
alter table bericht_toewijzingen enable row level security;
create policy gemeente_eigen on bericht_toewijzingen using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select, insert, update (retourcodes) on bericht_toewijzingen to eenvoud_app;
