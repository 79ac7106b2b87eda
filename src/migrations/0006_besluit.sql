-- Besluit (TIM): aanvragen for maatwerkvoorzieningen, four-eyes steps with history, beschikkingen
-- (stored as sent, with hash), herziening, bezwaar, procescoördinatie and the monthly steekproef.

create table aanvragen (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  nummer text not null,
  casus_id uuid not null references casussen(id),
  huishouden_id uuid not null references huishoudens(id),
  persoon_id uuid not null references personen(id),
  bron text not null check (bron in ('plan', 'inwoner', 'herziening')),
  herziening_van uuid,                                 -- the beschikking this one reviews
  ontvangen_op date not null,
  status text not null check (status in ('ingediend', 'getoetst', 'beoordeeld', 'besloten', 'verzonden')),
  toelichting text,
  voorbereid_door uuid references gebruikers(id),
  getoetst_door uuid references gebruikers(id),
  toets jsonb,
  beoordeeld_door uuid references gebruikers(id),
  beoordeling text,
  eerste_beslisser uuid references gebruikers(id),     -- above the threshold: the first of two deciders
  eerste_besluit jsonb,                                -- … and their decision, which the second confirms
  besloten_door uuid references gebruikers(id),
  aangemaakt_op timestamptz not null default now(),
  unique (gemeente_id, nummer)
);
create index aanvragen_status on aanvragen (gemeente_id, status, ontvangen_op);
create index aanvragen_casus on aanvragen (casus_id);
alter table aanvragen enable row level security;
create policy gemeente_eigen on aanvragen using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert, update on aanvragen to eenvoud_app;

create table aanvraag_producten (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  aanvraag_id uuid not null references aanvragen(id),
  arrangement_item_id uuid references arrangement_items(id),
  catalogus_item_id uuid references catalogus_items(id),
  wet text not null,
  omschrijving text not null
);
create index aanvraag_producten_aanvraag on aanvraag_producten (aanvraag_id);
create index aanvraag_producten_item on aanvraag_producten (arrangement_item_id);
alter table aanvraag_producten enable row level security;
create policy gemeente_eigen on aanvraag_producten using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert on aanvraag_producten to eenvoud_app;

create table aanvraag_statushistorie (
  id bigint generated always as identity primary key,
  gemeente_id uuid not null references gemeenten(id),
  aanvraag_id uuid not null references aanvragen(id),
  van text,
  naar text not null,
  door uuid references gebruikers(id),
  moment timestamptz not null default now(),
  toelichting text
);
create index aanvraag_statushistorie_aanvraag on aanvraag_statushistorie (aanvraag_id, id);
alter table aanvraag_statushistorie enable row level security;
create policy gemeente_eigen on aanvraag_statushistorie using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert on aanvraag_statushistorie to eenvoud_app;

-- Decision terms belong to an aanvraag (one per law), not to a melding.
alter table termijnen alter column melding_id drop not null;
alter table termijnen add column aanvraag_id uuid references aanvragen(id);
alter table termijnen add constraint termijnen_van_melding_of_aanvraag check ((melding_id is null) <> (aanvraag_id is null));
create unique index termijnen_aanvraag_wet on termijnen (aanvraag_id, soort, wet) where aanvraag_id is not null;

create table beschikkingen (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  nummer text not null,
  aanvraag_id uuid not null unique references aanvragen(id),
  herziening_van uuid references beschikkingen(id),
  motivering text not null,
  besloten_op timestamptz not null default now(),
  verzonden_op date,
  bezwaar_termijn_einde date,
  pdf bytea,
  pdf_hash text,
  unique (gemeente_id, nummer)
);
alter table beschikkingen enable row level security;
create policy gemeente_eigen on beschikkingen using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert, update on beschikkingen to eenvoud_app;

-- A sent beschikking never changes: only the sending itself may fill the letter once.
create function beschikking_onveranderlijk() returns trigger language plpgsql as $$
begin
  if old.verzonden_op is not null then
    raise exception 'Een verzonden beschikking kan niet worden gewijzigd; maak een herziening';
  end if;
  return new;
end
$$;
create trigger beschikkingen_onveranderlijk before update or delete on beschikkingen
  for each row execute function beschikking_onveranderlijk();

create table beschikking_producten (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  beschikking_id uuid not null references beschikkingen(id),
  aanvraag_product_id uuid not null references aanvraag_producten(id),
  uitkomst text not null check (uitkomst in ('toegekend', 'deelsToegekend', 'afgewezen')),
  grondslag text not null,
  omvang numeric,
  eenheid text,
  periode text check (periode in ('week', 'maand', 'jaar', 'totaal')),
  ingangsdatum date,
  einddatum date,
  leveringsvorm text check (leveringsvorm in ('zin', 'pgb')),
  eigen_bijdrage text,
  jaarbedrag_cents bigint not null default 0,
  check (einddatum is null or ingangsdatum is null or einddatum >= ingangsdatum)
);
create index beschikking_producten_beschikking on beschikking_producten (beschikking_id);
alter table beschikking_producten enable row level security;
create policy gemeente_eigen on beschikking_producten using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert on beschikking_producten to eenvoud_app;

create table bezwaren (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  beschikking_id uuid not null references beschikkingen(id),
  ontvangen_op date not null,
  omschrijving text not null,
  tijdig boolean not null,
  beslistermijn_einde date not null,
  status text not null default 'ontvangen' check (status in ('ontvangen', 'gegrond', 'ongegrond', 'ingetrokken')),
  geregistreerd_door uuid references gebruikers(id),
  aangemaakt_op timestamptz not null default now()
);
create index bezwaren_beschikking on bezwaren (beschikking_id);
alter table bezwaren enable row level security;
create policy gemeente_eigen on bezwaren using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert, update on bezwaren to eenvoud_app;

alter table casussen add column multiprobleem boolean not null default false;
alter table casussen add column procescoordinator_id uuid references gebruikers(id);

create table steekproeven (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  maand text not null check (maand ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  percentage int not null check (percentage between 1 and 100),
  seed text not null,
  populatie int not null,
  getrokken_door uuid references gebruikers(id),
  getrokken_op timestamptz not null default now(),
  unique (gemeente_id, maand)
);
alter table steekproeven enable row level security;
create policy gemeente_eigen on steekproeven using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert on steekproeven to eenvoud_app;

create table steekproef_items (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  steekproef_id uuid not null references steekproeven(id),
  beschikking_id uuid not null references beschikkingen(id),
  team_id uuid references teams(id),
  beoordelaar uuid references gebruikers(id),
  antwoorden jsonb,
  bevindingen text,
  uitkomst text check (uitkomst in ('inOrde', 'verbeterpunten', 'onjuist')),
  beoordeeld_op timestamptz,
  unique (steekproef_id, beschikking_id)
);
alter table steekproef_items enable row level security;
create policy gemeente_eigen on steekproef_items using (gemeente_id = app_gemeente()) with check (gemeente_id = app_gemeente());
grant select, insert, update on steekproef_items to eenvoud_app;
