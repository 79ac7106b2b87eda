-- Sturing: satisfaction answers (for "Voelt de burger zich geholpen?") and indexes for KPI queries.

create table tevredenheid (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  casus_id uuid not null references casussen(id),
  datum date not null,
  goed_geholpen boolean not null,
  cijfer int check (cijfer between 1 and 10),
  toelichting text,
  geregistreerd_door uuid references gebruikers(id),
  aangemaakt_op timestamptz not null default now()
);
create index tevredenheid_datum on tevredenheid (gemeente_id, datum);
alter table tevredenheid enable row level security;
create policy gemeente_eigen on tevredenheid using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert on tevredenheid to eenvoud_app;

create index meldingen_ontvangen on meldingen (gemeente_id, ontvangen_op);
create index aanvragen_casus_status on aanvragen (casus_id, status);
create index gesprekken_casus_datum on gesprekken (casus_id, datum);
create index termijnen_afgerond on termijnen (gemeente_id, afgerond_op) where afgerond_op is not null;
