-- Need-to-know (issue 11, ADR 25): the team members the casusregisseur or the teamleider adds to a
-- casus, so they may read the household's file; and indexes that keep the access rule cheap when
-- every list filters on it.

create table casus_betrokkenen (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  casus_id uuid not null references casussen(id),
  gebruiker_id uuid not null references gebruikers(id),
  -- What this colleague does in the casus ("schuldhulp", "vervanger tijdens verlof"): optional.
  rol text check (char_length(rol) between 1 and 100),
  toegevoegd_door uuid references gebruikers(id),
  toegevoegd_op timestamptz not null default now(),
  unique (casus_id, gebruiker_id)
);
-- The rule asks "is this user a betrokkene of a casus of this household?" from the user's side too.
create index casus_betrokkenen_gebruiker on casus_betrokkenen (gebruiker_id, casus_id);
alter table casus_betrokkenen enable row level security;
create policy gemeente_eigen on casus_betrokkenen using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
-- Removing a betrokkene ends their access; the audit trail keeps who added and removed whom.
grant select, insert, delete on casus_betrokkenen to eenvoud_app;

-- The rule's other questions per household, answered from an index:
-- "does an aanvraag of this household wait for a beslisser?"
create index aanvragen_huishouden_status on aanvragen (huishouden_id, status);
-- "who coordinates a casus of this household?" (regisseur and household already have indexes)
create index casussen_procescoordinator on casussen (procescoordinator_id) where procescoordinator_id is not null;
-- "does a bezwaar wait?": bezwaren by beschikking exist; beschikkingen by aanvraag are unique.
