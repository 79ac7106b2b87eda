-- Bewaren en vernietigen (issue 11, point 6; ADR 0023): retention terms per kind of file, a
-- destruction list (vernietigingslijst) the archivaris approves, and ONE security-definer function
-- that removes a household's personal data and keeps the rows steering counts, anonymously.

-- Per gemeente the terms beheer changed; a kind without a row uses the default in
-- src/contexts/privacy/bewaren-rules.ts (with its source in the Selectielijst 2020 or the law).
create table bewaartermijnen (
  gemeente_id uuid not null references gemeenten(id),
  soort text not null check (soort in ('wmo', 'jeugd', 'overig', 'melding-zonder-vervolg', 'bezwaar')),
  jaren int not null check (jaren between 1 and 115),
  grondslag text not null check (char_length(grondslag) between 1 and 500),
  gewijzigd_door uuid references gebruikers(id),
  gewijzigd_op timestamptz not null default now(),
  primary key (gemeente_id, soort)
);
alter table bewaartermijnen enable row level security;
create policy gemeente_eigen on bewaartermijnen using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
-- Delete: a term set back to its default has no row of its own.
grant select, insert, update, delete on bewaartermijnen to eenvoud_app;

create table vernietigingslijsten (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  nummer text not null,
  status text not null default 'concept' check (status in ('concept', 'terGoedkeuring', 'goedgekeurd', 'uitgevoerd', 'afgewezen')),
  peildatum date not null,
  opgesteld_door uuid references gebruikers(id),          -- null: the daily job
  opgesteld_op timestamptz not null default now(),
  aangeboden_door uuid references gebruikers(id),
  aangeboden_op timestamptz,
  beoordeeld_door uuid references gebruikers(id),
  beoordeeld_op timestamptz,
  afwijzing_reden text check (char_length(afwijzing_reden) between 1 and 2000),
  uitgevoerd_op timestamptz,
  -- What was destroyed, counted per kind of record (no ids, no content): the verklaring van vernietiging.
  resultaat jsonb,
  unique (gemeente_id, nummer)
);
-- At most one list in preparation per gemeente: the job and a second click do not make two.
create unique index vernietigingslijsten_een_open on vernietigingslijsten (gemeente_id) where status in ('concept', 'terGoedkeuring');
create index vernietigingslijsten_gemeente on vernietigingslijsten (gemeente_id, opgesteld_op desc);
alter table vernietigingslijsten enable row level security;
create policy gemeente_eigen on vernietigingslijsten using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select, insert, update on vernietigingslijsten to eenvoud_app;

-- One item per household file: the numbers and dates an archive needs, no name and no BSN.
create table vernietigingslijst_items (
  id uuid primary key default gen_random_uuid(),
  gemeente_id uuid not null references gemeenten(id),
  lijst_id uuid not null references vernietigingslijsten(id),
  huishouden_id uuid not null references huishoudens(id),
  soort text not null,                      -- the retention kind that decided the date (bewaartermijnen.soort)
  ref text not null,                        -- the casus or melding number a person recognises
  nummers text[] not null default '{}',     -- every melding, casus, aanvraag, beschikking and bezwaar number in the file
  einde date not null,                      -- when the last relevant record ended
  vernietigbaar_per date not null,          -- einde + term
  grondslag text not null,                  -- the term's source (selectielijst category or article)
  uitgezonderd_reden text check (char_length(uitgezonderd_reden) between 1 and 2000),
  uitgezonderd_door uuid references gebruikers(id),
  uitgezonderd_op timestamptz,
  uitgevoerd_op timestamptz,
  overgeslagen_reden text,                  -- at execution no longer due (a new melding, a bezwaar): kept
  unique (lijst_id, huishouden_id)
);
create index vernietigingslijst_items_lijst on vernietigingslijst_items (lijst_id, vernietigbaar_per);
create index vernietigingslijst_items_huishouden on vernietigingslijst_items (huishouden_id);
alter table vernietigingslijst_items enable row level security;
create policy gemeente_eigen on vernietigingslijst_items using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
grant select, insert on vernietigingslijst_items to eenvoud_app;
grant update (uitgezonderd_reden, uitgezonderd_door, uitgezonderd_op, uitgevoerd_op, overgeslagen_reden) on vernietigingslijst_items to eenvoud_app;

-- Rows steering counts keep a person reference, replaced by a fresh random id at destruction (one
-- per destroyed person, so "clients" still count distinct people). The person row is then gone,
-- so these three columns can no longer point at personen.
do $$
declare r record;
begin
  for r in
    select c.conname, c.conrelid::regclass as tabel from pg_constraint c
    where c.contype = 'f' and c.confrelid = 'personen'::regclass
      and c.conrelid in ('meldingen'::regclass, 'aanvragen'::regclass, 'voorziening_feiten'::regclass)
      and c.conkey = array[(select attnum from pg_attribute where attrelid = c.conrelid and attname = 'persoon_id')]
  loop
    execute format('alter table %s drop constraint %I', r.tabel, r.conname);
  end loop;
end
$$;

-- A sent beschikking and a decided bezwaar never change, except through destruction: only the
-- table owner (the definer function below) with the destruction marker set in its transaction.
create or replace function vernietiging_bezig(tabel oid) returns boolean language sql stable as $$
  select coalesce(current_setting('eenvoud.vernietiging', true), '') <> ''
    and current_user = (select pg_get_userbyid(relowner) from pg_class where oid = tabel)::name
$$;

create or replace function beschikking_onveranderlijk() returns trigger language plpgsql as $$
begin
  if vernietiging_bezig(tg_relid) then
    return new;
  end if;
  if old.verzonden_op is not null then
    raise exception 'Een verzonden beschikking kan niet worden gewijzigd; maak een herziening';
  end if;
  return new;
end
$$;

create or replace function bezwaar_onveranderlijk() returns trigger language plpgsql as $$
begin
  if vernietiging_bezig(tg_relid) then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  if old.pdf_hash is not null then
    raise exception 'Op dit bezwaar is beslist en de brief is verzonden; het kan niet meer worden gewijzigd';
  end if;
  -- On delete NEW is null and returning it would silently skip the delete.
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end
$$;

/*
 * Destroys one household file of an approved list, in the caller's transaction: personal data
 * removed, the rows steering counts kept without content and without a person. Runs as the
 * owner (the app role has no DELETE on these tables), so it checks everything itself: the
 * gemeente of the transaction, the list approved, the household on it and not excluded.
 * Returns the ids per kind (for the audit trail) and counts.
 */
create function vernietig_huishouden(p_lijst uuid, p_huishouden uuid) returns jsonb
  language plpgsql volatile security definer
  set search_path = public, pg_temp
  as $$
declare
  g uuid := app_gemeente();
  v_personen uuid[];
  v_casussen uuid[];
  v_meldingen uuid[];
  v_aanvragen uuid[];
  v_beschikkingen uuid[];
  v_bezwaren uuid[];
  v_gesprekken uuid[];
  v_plannen uuid[];
  v_pseudoniemen uuid[];
  v_anders int := 0;
  n int;
  r record;
  open_tabellen text[];
  gedaan boolean;
begin
  if g is null then
    raise exception 'Vernietigen kan alleen binnen een gemeente';
  end if;
  if not exists (
    select 1 from vernietigingslijsten l join vernietigingslijst_items i on i.lijst_id = l.id
    where l.id = p_lijst and l.gemeente_id = g and l.status = 'goedgekeurd'
      and i.gemeente_id = g and i.huishouden_id = p_huishouden and i.uitgezonderd_reden is null and i.uitgevoerd_op is null
  ) then
    raise exception 'Dit huishouden staat niet (meer) op een goedgekeurde vernietigingslijst van deze gemeente';
  end if;
  perform set_config('eenvoud.vernietiging', p_lijst::text, true);

  select coalesce(array_agg(id), '{}') into v_personen from personen where gemeente_id = g and huishouden_id = p_huishouden;
  select coalesce(array_agg(id), '{}') into v_casussen from casussen where gemeente_id = g and huishouden_id = p_huishouden;
  select coalesce(array_agg(id), '{}') into v_meldingen from meldingen
    where gemeente_id = g and (huishouden_id = p_huishouden or persoon_id = any(v_personen) or casus_id = any(v_casussen));
  select coalesce(array_agg(id), '{}') into v_aanvragen from aanvragen
    where gemeente_id = g and (huishouden_id = p_huishouden or persoon_id = any(v_personen) or casus_id = any(v_casussen));
  select coalesce(array_agg(id), '{}') into v_beschikkingen from beschikkingen where gemeente_id = g and aanvraag_id = any(v_aanvragen);
  select coalesce(array_agg(id), '{}') into v_bezwaren from bezwaren where gemeente_id = g and beschikking_id = any(v_beschikkingen);
  select coalesce(array_agg(id), '{}') into v_gesprekken from gesprekken where gemeente_id = g and casus_id = any(v_casussen);
  select coalesce(array_agg(id), '{}') into v_plannen from plannen where gemeente_id = g and (huishouden_id = p_huishouden or casus_id = any(v_casussen));

  -- 1. Records of other contexts that point at these people or this household (consent, shares,
  --    break-glass reasons…): personal data, removed whole. Tables that are kept on purpose are
  --    handled below. A table that cannot be removed yet (another row points at it) is retried
  --    after the others; if none progresses the whole destruction fails and nothing changes.
  select coalesce(array_agg(format('%s|%s|%s', c.conrelid::regclass, a.attname, c.confrelid::regclass)), '{}') into open_tabellen
  from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
  where c.contype = 'f' and cardinality(c.conkey) = 1
    and c.confrelid in ('personen'::regclass, 'huishoudens'::regclass)
    and c.conrelid not in ('personen'::regclass, 'relaties'::regclass, 'meldingen'::regclass, 'aanvragen'::regclass, 'casussen'::regclass,
      'plannen'::regclass, 'voorziening_feiten'::regclass, 'vernietigingslijst_items'::regclass);
  loop
    exit when cardinality(open_tabellen) = 0;
    gedaan := false;
    for r in select split_part(x, '|', 1) as tabel, split_part(x, '|', 2) as kolom, split_part(x, '|', 3) as doel from unnest(open_tabellen) x loop
      begin
        if r.doel = 'personen' then
          execute format('delete from %s where gemeente_id = $1 and %I = any($2)', r.tabel, r.kolom) using g, v_personen;
        else
          execute format('delete from %s where gemeente_id = $1 and %I = $2', r.tabel, r.kolom) using g, p_huishouden;
        end if;
        get diagnostics n = row_count;
        v_anders := v_anders + n;
        open_tabellen := array_remove(open_tabellen, format('%s|%s|%s', r.tabel, r.kolom, r.doel));
        gedaan := true;
      exception when foreign_key_violation then
        null;
      end;
    end loop;
    if not gedaan then
      raise exception 'Vernietigen lukt niet: % verwijzen nog naar dit huishouden', open_tabellen;
    end if;
  end loop;

  -- 1b. Rows of other contexts hanging on these meldingen (what a resident typed on the public
  --     form, kept beside the melding): removed whole. The melding's own history and terms stay.
  for r in
    select c.conrelid::regclass as tabel, a.attname as kolom
    from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'f' and cardinality(c.conkey) = 1 and c.confrelid = 'meldingen'::regclass
      and c.conrelid not in ('meldingen'::regclass, 'melding_statushistorie'::regclass, 'termijnen'::regclass)
  loop
    execute format('delete from %s where gemeente_id = $1 and %I = any($2)', r.tabel, r.kolom) using g, v_meldingen;
    get diagnostics n = row_count;
    v_anders := v_anders + n;
  end loop;

  -- 2. The plan (goals, arrangement, evaluations): content only, not counted by steering.
  update aanvraag_producten set arrangement_item_id = null
    where gemeente_id = g and arrangement_item_id in (select id from arrangement_items where plan_id = any(v_plannen));
  delete from evaluaties where gemeente_id = g and plan_id = any(v_plannen);
  delete from arrangement_items where gemeente_id = g and plan_id = any(v_plannen);
  delete from doelen where gemeente_id = g and plan_id = any(v_plannen);
  delete from plan_versies where gemeente_id = g and plan_id = any(v_plannen);
  delete from plannen where gemeente_id = g and id = any(v_plannen);

  -- 3. Conversations: the date and kind stay (a conversation before the decision; the ZRM change
  --    per life domain), the participants, report, letter and reaction go; a score keeps its number only.
  update gesprekken set deelnemers = '[]'::jsonb, samenvatting = null, verslag_pdf = null, inwoner_reactie = null, inwoner_reactie_op = null
    where gemeente_id = g and id = any(v_gesprekken);
  update gesprek_scores set toelichting = null, zelf = null, netwerk = null where gemeente_id = g and gesprek_id = any(v_gesprekken);

  -- 4. Meldingen, casussen, aanvragen, beschikkingen, bezwaren and their histories: dates, law,
  --    area, status and numbers stay for the counts and lead times; every free text goes.
  update meldingen set omschrijving = '', contact_telefoon = null, contact_email = null, verwijzer = null, signaal = null, advies = null
    where gemeente_id = g and id = any(v_meldingen);
  update melding_statushistorie set reden = null where gemeente_id = g and melding_id = any(v_meldingen);
  update casus_regisseurhistorie set reden = '' where gemeente_id = g and casus_id = any(v_casussen);
  update termijnen set verdaging_reden = null
    where gemeente_id = g and (melding_id = any(v_meldingen) or aanvraag_id = any(v_aanvragen) or bezwaar_id = any(v_bezwaren));
  update opschortingen set reden = '' where gemeente_id = g and termijn_id in (
    select id from termijnen where gemeente_id = g and (melding_id = any(v_meldingen) or aanvraag_id = any(v_aanvragen) or bezwaar_id = any(v_bezwaren)));
  update aanvragen set toelichting = null, toets = null, beoordeling = null, eerste_besluit = null, aanvrager_naam = null, aanvrager_persoon_id = null
    where gemeente_id = g and id = any(v_aanvragen);
  update aanvraag_statushistorie set toelichting = null where gemeente_id = g and aanvraag_id = any(v_aanvragen);
  update beschikkingen set motivering = '', pdf = null where gemeente_id = g and id = any(v_beschikkingen);
  update steekproef_items set bevindingen = null, antwoorden = null where gemeente_id = g and beschikking_id = any(v_beschikkingen);
  update bezwaren set omschrijving = '', hoorzitting_verslag = null, horen_afgezien_reden = null, advies = null, motivering = null, pdf = null
    where gemeente_id = g and id = any(v_bezwaren);
  update bezwaar_statushistorie set toelichting = null where gemeente_id = g and bezwaar_id = any(v_bezwaren);
  update tevredenheid set toelichting = null where gemeente_id = g and casus_id = any(v_casussen);

  -- 5. The people: kept rows get a fresh random id per person instead (no way back), then the
  --    relations, the representative links in other files and the people themselves go.
  v_pseudoniemen := array(select gen_random_uuid() from unnest(v_personen));
  update meldingen m set persoon_id = s.nieuw from unnest(v_personen, v_pseudoniemen) s(oud, nieuw) where m.gemeente_id = g and m.persoon_id = s.oud;
  update aanvragen a set persoon_id = s.nieuw from unnest(v_personen, v_pseudoniemen) s(oud, nieuw) where a.gemeente_id = g and a.persoon_id = s.oud;
  update voorziening_feiten v set persoon_id = s.nieuw from unnest(v_personen, v_pseudoniemen) s(oud, nieuw) where v.gemeente_id = g and v.persoon_id = s.oud;
  update aanvragen set aanvrager_persoon_id = null where gemeente_id = g and aanvrager_persoon_id = any(v_personen);
  delete from relaties where gemeente_id = g and (persoon_id = any(v_personen) or ander_id = any(v_personen));
  delete from personen where gemeente_id = g and id = any(v_personen);

  update vernietigingslijst_items set uitgevoerd_op = now() where lijst_id = p_lijst and huishouden_id = p_huishouden and gemeente_id = g;
  perform set_config('eenvoud.vernietiging', '', true);

  return jsonb_build_object(
    'personen', to_jsonb(v_personen), 'casussen', to_jsonb(v_casussen), 'meldingen', to_jsonb(v_meldingen),
    'aanvragen', to_jsonb(v_aanvragen), 'beschikkingen', to_jsonb(v_beschikkingen), 'bezwaren', to_jsonb(v_bezwaren),
    'gesprekken', to_jsonb(v_gesprekken), 'plannen', to_jsonb(v_plannen), 'anders', v_anders);
end
$$;
revoke all on function vernietig_huishouden(uuid, uuid) from public;
grant execute on function vernietig_huishouden(uuid, uuid) to eenvoud_app;
