-- Inwoners: the gemeente's areas (kernen, wijken), households and persons.

create table kernen (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  naam text not null,
  unique (gemeente_id, naam)
);
alter table kernen enable row level security;
create policy gemeente_eigen on kernen using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select on kernen to eenvoud_app;

create table wijken (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  kern_id uuid not null references kernen(id),
  naam text not null,
  unique (gemeente_id, naam)
);
create index wijken_kern on wijken (kern_id);
alter table wijken enable row level security;
create policy gemeente_eigen on wijken using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select on wijken to eenvoud_app;

create table huishoudens (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  aangemaakt_op timestamptz not null default now()
);
alter table huishoudens enable row level security;
create policy gemeente_eigen on huishoudens using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert on huishoudens to eenvoud_app;

create table personen (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  bsn char(9) not null check (bsn ~ '^[0-9]{9}$'),
  voornaam text not null,
  tussenvoegsel text,
  achternaam text not null,
  geboortedatum date not null,
  straat text,
  huisnummer text,
  postcode text,
  woonplaats text,
  wijk_id uuid references wijken(id),
  huishouden_id uuid not null references huishoudens(id),
  aangemaakt_op timestamptz not null default now(),
  unique (gemeente_id, bsn)
);
create index personen_huishouden on personen (huishouden_id);
create index personen_wijk on personen (wijk_id);
alter table personen enable row level security;
create policy gemeente_eigen on personen using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert, update on personen to eenvoud_app;
