-- Toegang: meldingen and their status history (an append-only event stream for steering).

create table meldingen (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  nummer text not null,
  persoon_id uuid not null references personen(id),
  huishouden_id uuid not null references huishoudens(id),
  wet text not null check (wet in ('wmo', 'jeugdwet', 'participatiewet', 'schuldhulp', 'minima', 'onbekend')),
  kanaal text not null check (kanaal in ('balie', 'telefoon', 'email', 'online', 'verwijzing', 'vroegsignalering')),
  ontvangen_op date not null,
  omschrijving text not null,
  status text not null,
  geregistreerd_door uuid references gebruikers(id),
  aangemaakt_op timestamptz not null default now(),
  gewijzigd_op timestamptz not null default now(),
  unique (gemeente_id, nummer)
);
create index meldingen_status on meldingen (gemeente_id, status, ontvangen_op);
create index meldingen_persoon on meldingen (persoon_id);
create index meldingen_huishouden on meldingen (huishouden_id);
alter table meldingen enable row level security;
create policy gemeente_eigen on meldingen using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert, update on meldingen to eenvoud_app;

create table melding_statushistorie (
  id bigint generated always as identity primary key,
  gemeente_id uuid not null references gemeenten(id),
  melding_id uuid not null references meldingen(id),
  van text,
  naar text not null,
  door uuid references gebruikers(id),
  moment timestamptz not null default now(),
  reden text
);
create index melding_statushistorie_melding on melding_statushistorie (melding_id, id);
alter table melding_statushistorie enable row level security;
create policy gemeente_eigen on melding_statushistorie using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert on melding_statushistorie to eenvoud_app;
