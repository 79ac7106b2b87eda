-- The app keeps each session in memory for its lifetime (ADR 28). What ends or changes a session
-- must reach every app process at once: a trigger tells them over NOTIFY on channel
-- 'eenvoud_sessies', in the transaction that makes the change (delivered at its commit, dropped on
-- rollback). Payloads: 'sessie:<token_hash>' (logout, a session removed or shortened),
-- 'gebruiker:<id>' (an account deactivated, its roles, team, name or gemeente changed, or removed),
-- 'alles' (a gemeente's name or code changed).

create or replace function sessie_cache_melden() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'sessies' then
    perform pg_notify('eenvoud_sessies', 'sessie:' || old.token_hash);
  elsif tg_table_name = 'gebruikers' then
    perform pg_notify('eenvoud_sessies', 'gebruiker:' || old.id::text);
  else
    perform pg_notify('eenvoud_sessies', 'alles');
  end if;
  return null;
end $$;

create trigger sessies_cache_weg after delete on sessies
  for each row execute function sessie_cache_melden();
create trigger sessies_cache_gewijzigd after update of verloopt_op, gebruiker_id, gemeente_id, csrf_token on sessies
  for each row execute function sessie_cache_melden();
create trigger gebruikers_cache_gewijzigd after update of actief, rollen, team_id, gemeente_id, gebruikersnaam, naam on gebruikers
  for each row execute function sessie_cache_melden();
create trigger gebruikers_cache_weg after delete on gebruikers
  for each row execute function sessie_cache_melden();
create trigger gemeenten_cache_gewijzigd after update of naam, code on gemeenten
  for each statement execute function sessie_cache_melden();
