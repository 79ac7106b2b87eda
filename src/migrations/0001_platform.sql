-- Platform: the application role, gemeenten, accounts, sessions, login throttling, the audit trail.
-- Runs as the database owner. The app's own queries run as role eenvoud_app, which is not the
-- owner and has no BYPASSRLS, so row-level security applies to every query it makes.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'eenvoud_app') then
    create role eenvoud_app nologin;
  end if;
  -- The connecting (owner) user must be able to `set local role eenvoud_app`.
  begin
    execute format('grant eenvoud_app to %I', current_user);
  exception when others then
    null; -- already a member, or a superuser (who needs no grant)
  end;
end
$$;

grant usage on schema public to eenvoud_app;

-- The gemeente of the current transaction, set by the platform with set_config(..., true).
create or replace function app_gemeente() returns uuid
  language sql stable
  as $$ select nullif(current_setting('app.gemeente', true), '')::uuid $$;

create table gemeenten (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z0-9-]+$'),
  naam text not null,
  aangemaakt_op timestamptz not null default now()
);
alter table gemeenten enable row level security;
create policy gemeente_eigen on gemeenten using (id = app_gemeente());
grant select on gemeenten to eenvoud_app;

create table gebruikers (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  gebruikersnaam text not null unique,
  naam text not null,
  rollen text[] not null check (cardinality(rollen) > 0),
  wachtwoord_hash text,             -- null for accounts that only log in through an identity provider
  actief boolean not null default true,
  aangemaakt_op timestamptz not null default now()
);
create index gebruikers_gemeente on gebruikers (gemeente_id);
alter table gebruikers enable row level security;
create policy gemeente_eigen on gebruikers using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
-- Contexts may show colleagues' names; the password hash stays with the auth platform.
grant select (id, gemeente_id, gebruikersnaam, naam, rollen, actief) on gebruikers to eenvoud_app;

-- Sessions and login attempts belong to the auth platform only: no grants to eenvoud_app.
create table sessies (
  token_hash text primary key,
  gebruiker_id uuid not null references gebruikers(id),
  gemeente_id uuid not null references gemeenten(id),
  csrf_token text not null,
  aangemaakt_op timestamptz not null default now(),
  verloopt_op timestamptz not null
);
create index sessies_gebruiker on sessies (gebruiker_id);
alter table sessies enable row level security;

create table inlogpogingen (
  id bigint generated always as identity primary key,
  gebruikersnaam text not null,
  ip text not null,
  geslaagd boolean not null,
  moment timestamptz not null default now()
);
create index inlogpogingen_naam on inlogpogingen (gebruikersnaam, moment);
create index inlogpogingen_ip on inlogpogingen (ip, moment);
alter table inlogpogingen enable row level security;

-- Human-readable numbers per gemeente, kind and year (M-2026-000001).
create table nummering (
  gemeente_id uuid not null references gemeenten(id),
  soort text not null,
  jaar int not null,
  laatste int not null,
  primary key (gemeente_id, soort, jaar)
);
alter table nummering enable row level security;
create policy gemeente_eigen on nummering using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert, update on nummering to eenvoud_app;

-- The audit trail: append-only and hash-chained per gemeente.
create table auditlog (
  gemeente_id uuid not null references gemeenten(id),
  volgnummer bigint not null,
  moment timestamptz not null,
  gebruiker_id uuid,
  gebruikersnaam text not null,
  rol text not null,
  actie text not null check (actie in ('lezen', 'aanmaken', 'wijzigen', 'verwijderen')),
  resource_type text not null,
  resource_id text not null,
  persoon_id uuid,
  doel text not null,
  vorige_hash text not null,
  hash text not null,
  primary key (gemeente_id, volgnummer)
);
create index auditlog_persoon on auditlog (gemeente_id, persoon_id, volgnummer);
alter table auditlog enable row level security;
create policy gemeente_eigen on auditlog using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert on auditlog to eenvoud_app;

-- Even the owner cannot change history by accident; retention will get its own, audited path.
create function auditlog_alleen_toevoegen() returns trigger language plpgsql as $$
begin
  raise exception 'De audittrail kan alleen worden aangevuld, niet gewijzigd of verwijderd';
end
$$;
create trigger auditlog_append_only before update or delete on auditlog
  for each row execute function auditlog_alleen_toevoegen();
