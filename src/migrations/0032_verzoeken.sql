-- Verzoeken van aanbieders (issue 14, ADR 39): a verzoek om toewijzing (315, one verzoek per
-- AangevraagdProduct: each has its own ReferentieAanbieder and is answered on its own, OP344) and a
-- verzoek om wijziging (317, one verzoek for the whole message). Each is a task for the casusregisseur
-- with its statutory answer term (OP274/OP346: 5 werkdagen; "in onderzoek" gives 8 weeks from the
-- request's dagtekening) and ends answered: toegewezen (by a 301 that carries the reference) or
-- afgewezen (by a 319).
create table verzoeken (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id) default app_gemeente(),
  soort text not null check (soort in ('315', '317')),
  standaard text not null check (standaard in ('iwmo', 'ijw')),
  aanbieder_id uuid not null references aanbieders(id),
  bericht_id uuid not null references berichten(id),
  referentie text not null check (length(referentie) between 1 and 36),
  -- The client as the message names him, and the resident it is when we know the BSN (no foreign key:
  -- destruction pseudonymises, as on voorzieningen).
  bsn text not null,
  client_naam text not null,
  persoon_id uuid,
  huishouden_id uuid,
  ontvangen_op date not null,
  dagtekening date not null,
  -- 315: the requested product; 317: the reason (WJ758) with the unchanged, changed and new products.
  inhoud jsonb not null,
  status text not null default 'open' check (status in ('open', 'in_onderzoek', 'toegewezen', 'afgewezen')),
  termijn_einde date not null,
  -- The first term (5 werkdagen) stays, so an answer "in onderzoek" after it counts as late.
  eerste_termijn date not null,
  onderzoek_op date,
  onderzoek_toelichting text,
  beantwoord_op date,
  beantwoord_door uuid references gebruikers(id),
  reden_afwijzing text check (reden_afwijzing ~ '^[0-9]{1,2}$'),
  toelichting text,
  voorziening_id uuid references voorzieningen(id),
  antwoord_id uuid references berichten(id),
  aangemaakt_op timestamptz not null default now()
);
-- TR347: a ReferentieAanbieder is unique per provider within a law.
create unique index verzoeken_referentie on verzoeken (gemeente_id, aanbieder_id, standaard, referentie);
create index verzoeken_open on verzoeken (gemeente_id, termijn_einde) where status in ('open', 'in_onderzoek');
create index verzoeken_client on verzoeken (gemeente_id, aanbieder_id, bsn);
create index verzoeken_voorziening on verzoeken (voorziening_id) where voorziening_id is not null;
alter table verzoeken enable row level security;
create policy gemeente_eigen on verzoeken using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select, insert on verzoeken to eenvoud_app;
grant update (status, ontvangen_op, termijn_einde, eerste_termijn, onderzoek_op, onderzoek_toelichting, beantwoord_op, beantwoord_door, reden_afwijzing, toelichting, voorziening_id, antwoord_id, persoon_id, huishouden_id) on verzoeken to eenvoud_app;

-- The reference of the verzoek a toewijzing answers travels in every later 301 about it (TR379).
alter table toewijzingen add column referentie_aanbieder text check (length(referentie_aanbieder) between 1 and 36);

-- Messages written in one transaction share their moment (now() is the transaction's): the order they
-- were written in (a start before its retour, the next start after it) is kept by a sequence number.
alter table berichten add column volgnummer bigint generated always as identity;
