-- Delen met partners (issue 11, point 5): before information about a resident goes to a partner
-- (aanbieder, SKT, Veilig Thuis, school, huisarts, bewindvoerder…) its grondslag is recorded —
-- toestemming (by whom, when, for which information, purpose and partner, optionally until when)
-- or another AVG art. 6/9 ground with its legal article — and every verstrekking (what went to whom,
-- when, on which ground) is kept per person.

create table grondslagen (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  persoon_id uuid not null references personen(id),
  -- Where the person lived and which casus was open when the ground was recorded (for the trail).
  huishouden_id uuid not null references huishoudens(id),
  casus_id uuid references casussen(id),
  soort text not null check (soort in ('toestemming', 'wettelijkeTaak', 'wettelijkeVerplichting', 'vitaalBelang')),
  -- Toestemming: given by the person (zelf) or a legal representative; their name as recorded then.
  gegeven_door_relatie text check (gegeven_door_relatie in ('zelf', 'ouder', 'curator', 'mentor', 'bewindvoerder')),
  gegeven_door_naam text,
  -- The person or relation id of who gave it (a professional bewindvoerder has only a relation).
  gegeven_door_id uuid,
  datum date not null,
  geldig_tot date,
  -- Scope: to which partners (a soort, optionally one named partner of it) and for which purposes.
  partners jsonb not null check (jsonb_typeof(partners) = 'array' and jsonb_array_length(partners) > 0),
  doelen text[] not null check (cardinality(doelen) > 0),
  gegevens text not null,
  wetsartikel text,
  toelichting text,
  vastgelegd_door uuid references gebruikers(id),
  vastgelegd_op timestamptz not null default now(),
  ingetrokken_op date,
  ingetrokken_door uuid references gebruikers(id),
  intrekking_reden text,
  intrekking_vastgelegd_op timestamptz,
  check ((soort = 'toestemming') = (gegeven_door_relatie is not null)),
  check (soort = 'toestemming' or ingetrokken_op is null),
  check (soort not in ('wettelijkeTaak', 'wettelijkeVerplichting') or wetsartikel is not null),
  check (geldig_tot is null or geldig_tot >= datum),
  check ((ingetrokken_op is null) = (ingetrokken_door is null and intrekking_vastgelegd_op is null))
);
create index grondslagen_persoon on grondslagen (persoon_id, datum);
create index grondslagen_gemeente on grondslagen (gemeente_id, vastgelegd_op desc);
alter table grondslagen enable row level security;
create policy gemeente_eigen on grondslagen using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
-- A ground is never edited or deleted; the app may only record its withdrawal (once, by the trigger below).
grant select, insert on grondslagen to eenvoud_app;
grant update (ingetrokken_op, ingetrokken_door, intrekking_reden, intrekking_vastgelegd_op) on grondslagen to eenvoud_app;

create function grondslag_eenmaal_ingetrokken() returns trigger language plpgsql as $$
begin
  if old.ingetrokken_op is not null then
    raise exception 'Deze toestemming is al ingetrokken';
  end if;
  return new;
end
$$;
create trigger grondslagen_eenmaal_ingetrokken before update on grondslagen
  for each row execute function grondslag_eenmaal_ingetrokken();

create table verstrekkingen (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  persoon_id uuid not null references personen(id),
  huishouden_id uuid not null references huishoudens(id),
  casus_id uuid references casussen(id),
  grondslag_id uuid not null references grondslagen(id),
  partner_soort text not null,
  partner_naam text not null,
  doel text not null,
  gegevens text not null,
  datum date not null,
  toelichting text,
  vastgelegd_door uuid references gebruikers(id),
  vastgelegd_op timestamptz not null default now()
);
create index verstrekkingen_persoon on verstrekkingen (persoon_id, datum);
create index verstrekkingen_grondslag on verstrekkingen (grondslag_id);
create index verstrekkingen_gemeente on verstrekkingen (gemeente_id, vastgelegd_op desc);
alter table verstrekkingen enable row level security;
create policy gemeente_eigen on verstrekkingen using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
-- Append-only: what was shared stays shared.
grant select, insert on verstrekkingen to eenvoud_app;
