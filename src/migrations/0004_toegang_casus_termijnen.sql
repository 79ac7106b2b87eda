-- Toegang, step two: teams, one casus per household with one casusregisseur, triage, channels
-- (referrals, vroegsignalering, the public form), statutory terms with opschorting and verdaging,
-- per-gemeente settings, and a small PostgreSQL-backed job table for daily work.

create table teams (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  naam text not null,
  unique (gemeente_id, naam)
);
alter table teams enable row level security;
create policy gemeente_eigen on teams using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select on teams to eenvoud_app;

alter table gebruikers add column team_id uuid references teams(id);
grant select (team_id) on gebruikers to eenvoud_app;

create table casussen (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  nummer text not null,
  huishouden_id uuid not null references huishoudens(id),
  regisseur_id uuid references gebruikers(id),
  status text not null default 'open' check (status in ('open', 'gesloten')),
  geopend_op timestamptz not null default now(),
  gesloten_op timestamptz,
  unique (gemeente_id, nummer)
);
-- One household, one open casus.
create unique index casussen_een_open_per_huishouden on casussen (huishouden_id) where status = 'open';
create index casussen_regisseur on casussen (gemeente_id, regisseur_id) where status = 'open';
alter table casussen enable row level security;
create policy gemeente_eigen on casussen using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert, update on casussen to eenvoud_app;

create table casus_regisseurhistorie (
  id bigint generated always as identity primary key,
  gemeente_id uuid not null references gemeenten(id),
  casus_id uuid not null references casussen(id),
  van_regisseur uuid references gebruikers(id),
  naar_regisseur uuid references gebruikers(id),
  door uuid references gebruikers(id),
  moment timestamptz not null default now(),
  reden text not null
);
create index casus_regisseurhistorie_casus on casus_regisseurhistorie (casus_id, id);
alter table casus_regisseurhistorie enable row level security;
create policy gemeente_eigen on casus_regisseurhistorie using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert on casus_regisseurhistorie to eenvoud_app;

alter table meldingen
  add column casus_id uuid references casussen(id),
  add column triage_uitkomst text check (triage_uitkomst in ('enkelvoudig', 'onderzoek')),
  add column advies text,
  add column gegeven_product text,
  add column verwijzer jsonb,
  add column signaal jsonb,
  add column spoed boolean not null default false,
  add column contact_telefoon text,
  add column contact_email text,
  add column afgerond_op date;
create index meldingen_casus on meldingen (casus_id);

create table termijnen (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  melding_id uuid not null references meldingen(id),
  soort text not null check (soort in ('onderzoek', 'beschikking', 'eersteGesprek', 'bezwaar')),
  wet text not null,
  startdatum date not null,
  duur_eenheid text not null check (duur_eenheid in ('weken', 'dagen', 'werkdagen')),
  duur_aantal int not null check (duur_aantal > 0),
  grondslag text not null,
  verdaging_datum date,
  verdaging_reden text,
  verdaagd_door uuid references gebruikers(id),
  verdaagd_op timestamptz,
  afgerond_op date,
  -- The stand as computed by the daily job (or right after a change); signals read these.
  uiterste_datum date not null,
  opgeschort_dagen int not null default 0,
  status text not null,
  berekend_op date not null,
  aangemaakt_op timestamptz not null default now(),
  unique (melding_id, soort)
);
create index termijnen_status on termijnen (gemeente_id, status, uiterste_datum);
alter table termijnen enable row level security;
create policy gemeente_eigen on termijnen using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert, update on termijnen to eenvoud_app;

create table opschortingen (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  termijn_id uuid not null references termijnen(id),
  van date not null,
  tot date,
  reden text not null,
  door uuid references gebruikers(id),
  moment timestamptz not null default now(),
  check (tot is null or tot >= van)
);
create index opschortingen_termijn on opschortingen (termijn_id);
alter table opschortingen enable row level security;
create policy gemeente_eigen on opschortingen using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert, update on opschortingen to eenvoud_app;

-- Per-gemeente configuration as validated data (terms now; norms, instruments later).
create table gemeente_instellingen (
  gemeente_id uuid not null references gemeenten(id),
  sleutel text not null,
  waarde jsonb not null,
  gewijzigd_door uuid references gebruikers(id),
  gewijzigd_op timestamptz not null default now(),
  primary key (gemeente_id, sleutel)
);
alter table gemeente_instellingen enable row level security;
create policy gemeente_eigen on gemeente_instellingen using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert, update on gemeente_instellingen to eenvoud_app;

-- Anonymous requests from the public form, for throttling (no personal data: a hash of the IP).
create table publieke_verzoeken (
  id bigint generated always as identity primary key,
  ip_hash text not null,
  moment timestamptz not null default now()
);
create index publieke_verzoeken_ip on publieke_verzoeken (ip_hash, moment);

-- Background jobs: one row per recurring job; a runner claims a due row with skip locked.
create table taken (
  naam text primary key,
  volgende_run timestamptz not null,
  laatst_gestart timestamptz,
  laatst_klaar timestamptz,
  laatste_resultaat jsonb,
  laatste_fout text
);
