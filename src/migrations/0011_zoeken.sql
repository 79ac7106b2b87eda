-- Zoeken: find a person by BSN, by name (typo-tolerant, with or without tussenvoegsel) and birth
-- date, and a melding, casus, aanvraag or beschikking by its number.
--
-- Indexes, no new tables: the BSN and the numbers already have their btree index through the unique
-- constraints (gemeente_id, bsn) and (gemeente_id, nummer). This adds the normalised name (a
-- generated column with a trigram index) and the birth date (btree).

-- pg_trgm gives trigram similarity with a GIN index; unaccent makes "Müller" and "Muller" one name;
-- fuzzystrmatch's levenshtein catches one or two wrong letters in a short surname ("Jamsen"), where
-- trigrams see too little. All three are trusted extensions (the database owner may create them) and
-- part of Debian's postgresql and of PGlite's contrib.
create extension if not exists pg_trgm;
create extension if not exists unaccent;
create extension if not exists fuzzystrmatch;

-- The name as the search compares it: lower case, without accents, one space between the parts,
-- tussenvoegsel included ("Jan de Vries" → "jan de vries"). unaccent() itself is only stable (its
-- dictionary could change), so an index needs this immutable wrapper with the dictionary named.
create function zoek_normaal(tekst text) returns text
  language sql immutable parallel safe strict
  as $$ select regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, tekst)), '[^a-z0-9'']+', ' ', 'g') $$;

create function zoek_naam(voornaam text, tussenvoegsel text, achternaam text) returns text
  language sql immutable parallel safe
  as $$ select trim(public.zoek_normaal(concat_ws(' ', voornaam, tussenvoegsel, achternaam))) $$;

grant execute on function zoek_normaal(text) to eenvoud_app;
grant execute on function zoek_naam(text, text, text) to eenvoud_app;

-- The normalised name, kept by PostgreSQL itself on every insert and update (no code writes it):
-- computing it while searching costs ~40 µs a row, too slow to recheck hundreds of candidates.
alter table personen add column zoeknaam text generated always as (zoek_naam(voornaam, tussenvoegsel, achternaam)) stored;

-- A name without a birth date: the trigram index answers "which names look like this?"
create index zoeken_personen_naam on personen using gin (zoeknaam gin_trgm_ops);

-- Under row-level security PostgreSQL uses an index for a condition only when its operator is
-- leakproof (it could otherwise see rows of another gemeente before the policy filters them). The
-- trigram operators are not, so as eenvoud_app the name search would read all 100,000 residents.
-- This function runs as the owner and applies the policy's own condition itself, first, so the
-- trigram index answers and only this gemeente's residents come back: ids and how alike the name
-- is. The caller then reads those residents through row-level security as always.
create function zoek_personen_op_naam(naam text, maximum int)
  returns table (persoon_id uuid, gelijkenis real)
  language sql stable security definer
  set search_path = public, pg_temp
  -- How alike a typed name must be to part of the full name (0–1): "Jansen" and "Piet Janssen" 0.67.
  set pg_trgm.word_similarity_threshold = 0.5
  as $$
    select p.id, word_similarity(zoek_normaal(naam), p.zoeknaam)
    from personen p
    where p.gemeente_id = app_gemeente()
      and zoek_normaal(naam) <% p.zoeknaam
    order by 2 desc, p.achternaam, p.voornaam
    limit maximum
  $$;
revoke all on function zoek_personen_op_naam(text, int) from public;
grant execute on function zoek_personen_op_naam(text, int) to eenvoud_app;
-- A name with a birth date: the day narrows a gemeente of 100,000 to a handful, then the name is compared.
create index zoeken_personen_geboortedatum on personen (gemeente_id, geboortedatum);
-- A person hit leads to the household's casus: find it without reading every casus.
create index zoeken_casussen_huishouden on casussen (huishouden_id);
