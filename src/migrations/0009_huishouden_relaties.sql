-- Huishouden: relations between residents (partner, ouder with or without gezag, curator, mentor,
-- bewindvoerder, overig), contact details staff can correct, the postcode areas a wijk follows
-- from, and on the aanvraag who applied on whose behalf.

alter table personen
  add column telefoon text,
  add column email text,
  -- Said so by the person (dakloos, zwervend): no address is then a fact, not an omission.
  add column geen_vast_adres boolean not null default false,
  -- Where name, birth date and address came from: typed in, or the BRP.
  add column bron text not null default 'invoer' check (bron in ('invoer', 'brp'));

-- One row says: `persoon_id` (or an external party) IS the `soort` OF `ander_id`.
-- A child is stored as the parent's row (ouder of the child), so "kind" is never a second truth.
create table relaties (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  persoon_id uuid references personen(id),
  ander_id uuid not null references personen(id),
  soort text not null check (soort in ('partner', 'ouder', 'curator', 'mentor', 'bewindvoerder', 'overig')),
  gezag boolean not null default false,
  -- A professional curator or bewindvoerder is not a resident here: name and postal address instead.
  extern_naam text,
  extern_straat text,
  extern_huisnummer text,
  extern_postcode text,
  extern_plaats text,
  bron text not null default 'invoer' check (bron in ('invoer', 'brp')),
  aangemaakt_op timestamptz not null default now(),
  check (persoon_id is not null or extern_naam is not null),
  check (persoon_id is null or persoon_id <> ander_id),
  check (not gezag or soort = 'ouder')
);
create unique index relaties_uniek on relaties (ander_id, persoon_id, soort) where persoon_id is not null;
create index relaties_persoon on relaties (persoon_id);
alter table relaties enable row level security;
create policy gemeente_eigen on relaties using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
-- No delete: a relation ends by changing it (gezag ends), so its history stays in the audit trail.
grant select, insert, update on relaties to eenvoud_app;

-- The wijk of an address follows from its postcode's four digits.
create table postcodegebieden (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  postcode4 char(4) not null check (postcode4 ~ '^[1-9][0-9]{3}$'),
  wijk_id uuid not null references wijken(id),
  unique (gemeente_id, postcode4)
);
alter table postcodegebieden enable row level security;
create policy gemeente_eigen on postcodegebieden using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select, insert, update on postcodegebieden to eenvoud_app;

-- Who applied, on behalf of whom: `persoon_id` stays the person the decision is about (namens).
alter table aanvragen
  add column aanvrager_relatie text not null default 'zelf'
    check (aanvrager_relatie in ('zelf', 'ouder', 'curator', 'mentor', 'bewindvoerder', 'overig')),
  add column aanvrager_persoon_id uuid references personen(id),
  add column aanvrager_naam text;
