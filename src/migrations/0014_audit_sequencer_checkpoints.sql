-- Audit trail without a shared lock (ADR 20): a use case inserts its entries with their content
-- only ("pending": no volgnummer, vorige_hash, hash); one sequencer per gemeente chains committed
-- entries in order, in batches, under its own short lock. Signed checkpoints anchor the chain.

-- 1. Pending entries. The chain order is the order of integration, not of insertion; `id` only
-- says which pending entry the sequencer takes first.
alter table auditlog add column id bigint generated always as identity;
alter table auditlog drop constraint auditlog_pkey;
alter table auditlog add primary key (id);
alter table auditlog
  alter column volgnummer drop not null,
  alter column vorige_hash drop not null,
  alter column hash drop not null;
alter table auditlog add constraint auditlog_keten_compleet
  check ((volgnummer is null) = (hash is null) and (hash is null) = (vorige_hash is null));
-- Chained numbers stay unique per gemeente (NULLs of pending entries do not collide).
create unique index auditlog_keten on auditlog (gemeente_id, volgnummer);
create index auditlog_wachtend on auditlog (gemeente_id, id) where volgnummer is null;

-- 2. The app may insert content only, and update exactly the three chain columns.
revoke insert on auditlog from eenvoud_app;
grant insert (gemeente_id, moment, gebruiker_id, gebruikersnaam, rol, actie, resource_type, resource_id, persoon_id, doel)
  on auditlog to eenvoud_app;
grant update (volgnummer, vorige_hash, hash) on auditlog to eenvoud_app;

-- 3. Append-only, with one exception: a pending entry is chained once (chain columns from null to
-- set, content unchanged). Everything else (a second update, delete, truncate) is refused, for the
-- owner too. A new entry is always pending: only the sequencer places it in the chain.
create or replace function auditlog_alleen_toevoegen() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    if new.volgnummer is null and new.vorige_hash is null and new.hash is null then
      return new;
    end if;
    raise exception 'Een nieuwe auditregel komt zonder plaats in de keten binnen; de sequencer koppelt haar';
  end if;
  if tg_op = 'UPDATE' then
    if old.volgnummer is null and old.vorige_hash is null and old.hash is null
       and new.volgnummer is not null and new.vorige_hash is not null and new.hash is not null
       and (new.id, new.gemeente_id, new.moment, new.gebruiker_id, new.gebruikersnaam, new.rol, new.actie,
            new.resource_type, new.resource_id, new.persoon_id, new.doel)
           is not distinct from
           (old.id, old.gemeente_id, old.moment, old.gebruiker_id, old.gebruikersnaam, old.rol, old.actie,
            old.resource_type, old.resource_id, old.persoon_id, old.doel) then
      return new;
    end if;
  end if;
  raise exception 'De audittrail kan alleen worden aangevuld, niet gewijzigd of verwijderd';
end
$$;
drop trigger auditlog_append_only on auditlog;
create trigger auditlog_append_only before insert or update or delete on auditlog
  for each row execute function auditlog_alleen_toevoegen();
create trigger auditlog_geen_truncate before truncate on auditlog
  for each statement execute function auditlog_alleen_toevoegen();

-- Which gemeenten have pending entries: the sequencer's cheap question every few seconds. Security
-- definer because row-level security would show the app only one gemeente; it returns ids only.
create function audit_wachtende_gemeenten() returns setof uuid
  language sql stable security definer set search_path = public
  as $$ select distinct gemeente_id from auditlog where volgnummer is null $$;
revoke all on function audit_wachtende_gemeenten() from public;
grant execute on function audit_wachtende_gemeenten() to eenvoud_app;

-- 4. Signed checkpoints: entry count and head hash per gemeente, signed with an HMAC key from the
-- configuration (never in the database), each signing the previous signature too.
create table audit_checkpoints (
  id bigint generated always as identity primary key,
  gemeente_id uuid not null references gemeenten(id),
  volgnummer bigint not null,          -- 1, 2, 3 … per gemeente
  aantal bigint not null,              -- the chain's length at the checkpoint
  kophash text not null,               -- hash of entry `aantal`
  moment timestamptz not null,
  vorige_handtekening text not null,   -- of checkpoint volgnummer - 1 (64 zeros for the first)
  handtekening text not null,          -- HMAC-SHA256, hex
  unique (gemeente_id, volgnummer)
);
alter table audit_checkpoints enable row level security;
create policy gemeente_eigen on audit_checkpoints using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select, insert on audit_checkpoints to eenvoud_app;

create function audit_checkpoints_alleen_toevoegen() returns trigger language plpgsql as $$
begin
  raise exception 'Checkpoints van de audittrail kunnen alleen worden aangevuld, niet gewijzigd of verwijderd';
end
$$;
create trigger audit_checkpoints_append_only before update or delete on audit_checkpoints
  for each row execute function audit_checkpoints_alleen_toevoegen();
create trigger audit_checkpoints_geen_truncate before truncate on audit_checkpoints
  for each statement execute function audit_checkpoints_alleen_toevoegen();

-- 5. A runtime login that does not own the tables (so it cannot disable a trigger): it is a member
-- of eenvoud_app (the domain, under row-level security) and of eenvoud_platform — what the
-- platform does before a gemeente is known (login, sessions, throttling, background jobs, finding a
-- gemeente by its code). Set up: see the README ("Database: eigenaar en app-rol").
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'eenvoud_platform') then
    create role eenvoud_platform nologin;
  end if;
end
$$;
grant usage on schema public to eenvoud_platform;
grant select on gemeenten to eenvoud_platform;
create policy platform_lezen on gemeenten for select to eenvoud_platform using (true);
grant select on gebruikers to eenvoud_platform;
create policy platform_lezen on gebruikers for select to eenvoud_platform using (true);
grant select, insert, delete on sessies to eenvoud_platform;
create policy platform_alles on sessies to eenvoud_platform using (true) with check (true);
grant select, insert, delete on inlogpogingen to eenvoud_platform;
create policy platform_alles on inlogpogingen to eenvoud_platform using (true) with check (true);
grant select, insert, delete on publieke_verzoeken to eenvoud_platform;
grant select, insert, update on taken to eenvoud_platform;
grant execute on function audit_wachtende_gemeenten() to eenvoud_platform;
