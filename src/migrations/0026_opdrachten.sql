-- Outbox (ADR 33): side effects of a use case (a letter, later a message to a provider) are queued
-- as an `opdracht` in the use case's own transaction, so they happen only when it commits, and are
-- run afterwards by a worker, each in its own transaction, with retries. `gegevens` holds ids, never
-- personal data: what a handler needs it reads itself, under row-level security.

create table opdrachten (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id) default app_gemeente(),
  soort text not null check (soort ~ '^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)*$'),
  -- Idempotent enqueue: a second opdracht with the same sleutel (per gemeente and soort) is not added.
  sleutel text null check (sleutel is null or length(sleutel) between 1 and 200),
  gegevens jsonb not null default '{}'::jsonb check (jsonb_typeof(gegevens) = 'object'),
  -- 'bezig' is not stored: the worker holds the row lock while it runs an opdracht (see ADR 33).
  status text not null default 'wachtend' check (status in ('wachtend', 'gelukt', 'mislukt')),
  pogingen int not null default 0 check (pogingen >= 0),
  max_pogingen int not null default 8 check (max_pogingen between 1 and 100),
  volgende_poging timestamptz not null default now(),
  laatste_fout text null,
  aangemaakt_op timestamptz not null default now(),
  gestart_op timestamptz null,   -- start of the last attempt
  klaar_op timestamptz null,     -- gelukt or finally mislukt
  check ((status = 'wachtend') = (klaar_op is null))
);
create unique index opdrachten_sleutel on opdrachten (gemeente_id, soort, sleutel) where sleutel is not null;
-- The worker's question every few seconds: what is due, over all gemeenten.
create index opdrachten_te_doen on opdrachten (volgende_poging) where status = 'wachtend';
-- Beheer's list: per gemeente, newest first, per status.
create index opdrachten_lijst on opdrachten (gemeente_id, status, aangemaakt_op desc);

alter table opdrachten enable row level security;
create policy gemeente_eigen on opdrachten using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select, insert on opdrachten to eenvoud_app;
-- The worker records an attempt and beheer puts a failed one back; nobody changes what was queued.
grant update (status, pogingen, volgende_poging, laatste_fout, gestart_op, klaar_op) on opdrachten to eenvoud_app;

-- A nudge at commit (dropped on rollback): workers listening on 'eenvoud_opdrachten' look at once
-- instead of at their next poll. One per statement, not per row.
create function opdrachten_melden() returns trigger language plpgsql as $$
begin
  perform pg_notify('eenvoud_opdrachten', '');
  return null;
end $$;
create trigger opdrachten_nieuw after insert on opdrachten
  for each statement execute function opdrachten_melden();
create trigger opdrachten_opnieuw after update of status on opdrachten
  for each row when (new.status = 'wachtend' and old.status <> 'wachtend') execute function opdrachten_melden();

-- Which opdrachten are due, over all gemeenten: ids only, so the worker can open each one's own
-- transaction in its gemeente. Security definer because row-level security shows the app one
-- gemeente. `skip locked` passes over the rows another worker is running right now (it holds their
-- lock until its transaction ends); the locks taken here end with this statement.
create function opdrachten_te_doen(aantal int) returns table (id uuid, gemeente_id uuid)
  language sql volatile security definer set search_path = public
  as $$
    select o.id, o.gemeente_id from opdrachten o
    where o.status = 'wachtend' and o.volgende_poging <= now()
    order by o.volgende_poging, o.id
    limit aantal
    for update skip locked
  $$;
revoke all on function opdrachten_te_doen(int) from public;
grant execute on function opdrachten_te_doen(int) to eenvoud_platform, eenvoud_app;
