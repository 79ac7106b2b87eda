-- Gebruikersbeheer (issue 14, ADR 38): beheer adds and changes the gemeente's accounts; a new
-- account sets its own password through a one-time link; provider staff (role 'aanbieder') belong
-- to one provider of the same gemeente. Beheer works as eenvoud_app under row-level security, so
-- it reaches the accounts of its own gemeente only; the password hash stays unreadable to it.

-- An account of provider staff names its provider, of its own gemeente (the pair is the key), and
-- has that one role only: no gemeente role, no team.
alter table aanbieders add constraint aanbieders_gemeente_id_id unique (gemeente_id, id);
alter table gebruikers add column aanbieder_id uuid;
alter table gebruikers add constraint gebruikers_aanbieder_fk foreign key (gemeente_id, aanbieder_id) references aanbieders (gemeente_id, id);
alter table gebruikers add constraint gebruikers_aanbieder_rol check (
  ('aanbieder' = any (rollen)) = (aanbieder_id is not null)
  and (not ('aanbieder' = any (rollen)) or (cardinality(rollen) = 1 and team_id is null))
);
create index gebruikers_aanbieder on gebruikers (aanbieder_id) where aanbieder_id is not null;
-- When beheer deactivated the account (null while active, and for accounts deactivated before this).
alter table gebruikers add column gedeactiveerd_op timestamptz;
-- Whether a password is set, readable without the hash.
alter table gebruikers add column heeft_wachtwoord boolean generated always as (wachtwoord_hash is not null) stored;
create index gebruikers_naam on gebruikers (gemeente_id, naam, id);

grant select (aanbieder_id, gedeactiveerd_op, heeft_wachtwoord, aangemaakt_op) on gebruikers to eenvoud_app;
-- Beheer writes accounts of its gemeente (the policy gemeente_eigen of 0001 holds for every
-- command). The hash can be written (a demo password, a password set through a link) but not read.
grant insert (gemeente_id, gebruikersnaam, naam, rollen, team_id, aanbieder_id, wachtwoord_hash) on gebruikers to eenvoud_app;
grant update (naam, rollen, team_id, aanbieder_id, actief, gedeactiveerd_op, wachtwoord_hash) on gebruikers to eenvoud_app;

-- A deactivated account, or one whose password changed, keeps no session: they end in the same
-- transaction, whoever made the change (beheer, a link, a tool). Deleting them notifies every app's
-- session cache (migration 0023). Owner rights: eenvoud_app has no rights on sessies.
create function sessies_beeindigen() returns trigger language plpgsql security definer
  set search_path = public, pg_temp
  as $$
begin
  delete from sessies where gebruiker_id = new.id;
  return null;
end $$;
revoke all on function sessies_beeindigen() from public;
create trigger gebruikers_sessies_beeindigen after update of actief, wachtwoord_hash on gebruikers
  for each row when ((old.actief and not new.actief) or old.wachtwoord_hash is distinct from new.wachtwoord_hash)
  execute function sessies_beeindigen();

-- The session carries the provider: a changed provider, or its new name, reaches the caches too.
drop trigger gebruikers_cache_gewijzigd on gebruikers;
create trigger gebruikers_cache_gewijzigd after update of actief, rollen, team_id, gemeente_id, gebruikersnaam, naam, aanbieder_id on gebruikers
  for each row execute function sessie_cache_melden();
create trigger aanbieders_cache_gewijzigd after update of naam on aanbieders
  for each row when (old.naam is distinct from new.naam) execute function sessie_cache_melden();
-- Logging in happens before the gemeente is known: the platform reads the provider's name for the session.
grant select (id, gemeente_id, naam) on aanbieders to eenvoud_platform;
create policy platform_lezen on aanbieders for select to eenvoud_platform using (true);

-- One-time links to set a password: only the SHA-256 of the token is kept. A link is used once,
-- expires, and is void (vervallen_op) when a newer link is made or the account is deactivated.
create table uitnodigingen (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  gebruiker_id uuid not null references gebruikers(id),
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  aangemaakt_op timestamptz not null default now(),
  aangemaakt_door uuid references gebruikers(id),
  verloopt_op timestamptz not null,
  gebruikt_op timestamptz,
  vervallen_op timestamptz,
  check (verloopt_op > aangemaakt_op)
);
create index uitnodigingen_gebruiker on uitnodigingen (gebruiker_id, aangemaakt_op desc);
alter table uitnodigingen enable row level security;
create policy gemeente_eigen on uitnodigingen using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select, insert on uitnodigingen to eenvoud_app;
grant update (gebruikt_op, vervallen_op) on uitnodigingen to eenvoud_app;
-- The public page knows only the token: the platform finds its gemeente, the rest runs under RLS.
grant select (token_hash, gemeente_id) on uitnodigingen to eenvoud_platform;
create policy platform_lezen on uitnodigingen for select to eenvoud_platform using (true);
