-- Break-glass (issue 11): someone outside the need-to-know circle opens a household's file with a
-- recorded reason, until a fixed moment (the end of that day, Europe/Amsterdam). The access rule
-- counts a row as access while geldig_tot > now(); the privacy officer reviews every row once.

create table dossier_doorbraken (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  casus_id uuid not null references casussen(id),
  huishouden_id uuid not null references huishoudens(id),
  gebruiker_id uuid not null references gebruikers(id),
  reden text not null check (char_length(reden) between 10 and 1000),
  geldig_tot timestamptz not null,
  aangemaakt_op timestamptz not null default now(),
  beoordeeld_door uuid references gebruikers(id),
  beoordeeld_op timestamptz,
  -- The privacy officer's verdict; the explanation sits beside it so the verdict stays filterable.
  beoordeling text check (beoordeling in ('terecht', 'onterecht')),
  beoordeling_toelichting text check (char_length(beoordeling_toelichting) <= 2000),
  -- A review is whole or absent: who, when and the verdict together.
  constraint dossier_doorbraken_beoordeling_compleet
    check ((beoordeeld_door is null) = (beoordeeld_op is null) and (beoordeeld_op is null) = (beoordeling is null))
);
-- The access rule: does this user have an active grant on this household?
create index dossier_doorbraken_toegang on dossier_doorbraken (gemeente_id, gebruiker_id, huishouden_id, geldig_tot);
-- The privacy officer's work list: unreviewed grants, newest first.
create index dossier_doorbraken_open on dossier_doorbraken (gemeente_id, aangemaakt_op desc) where beoordeeld_op is null;
create index dossier_doorbraken_alle on dossier_doorbraken (gemeente_id, aangemaakt_op desc);

alter table dossier_doorbraken enable row level security;
create policy gemeente_eigen on dossier_doorbraken using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
-- The grant itself is never changed or deleted by the app; only the review columns are written, once.
grant select, insert on dossier_doorbraken to eenvoud_app;
grant update (beoordeeld_door, beoordeeld_op, beoordeling, beoordeling_toelichting) on dossier_doorbraken to eenvoud_app;

create function doorbraak_eenmaal_beoordeeld() returns trigger language plpgsql as $$
begin
  if old.beoordeeld_op is not null then
    raise exception 'Deze doorbraak is al beoordeeld; een beoordeling verandert niet meer';
  end if;
  return new;
end
$$;
create trigger dossier_doorbraken_eenmaal_beoordeeld before update on dossier_doorbraken
  for each row execute function doorbraak_eenmaal_beoordeeld();
