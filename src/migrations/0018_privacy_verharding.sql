-- Privacy hardening after the security review of issue 11 (ADR 20, 22, 23). The app role may write
-- these tables with its own SQL; the database itself now keeps what the use cases promise.

-- 1. A destruction list moves only through its workflow: drawn up as a concept, offered, then
--    approved or rejected, and an approved list executed. Who offered and who judged is written
--    only in the step that does it; what identifies a list never changes.
create function vernietigingslijst_workflow() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    if new.status <> 'concept' or new.aangeboden_door is not null or new.aangeboden_op is not null or new.beoordeeld_door is not null
       or new.beoordeeld_op is not null or new.afwijzing_reden is not null or new.uitgevoerd_op is not null or new.resultaat is not null then
      raise exception 'Een vernietigingslijst begint als concept: nog niet aangeboden, beoordeeld of uitgevoerd';
    end if;
    return new;
  end if;
  if (new.id, new.gemeente_id, new.nummer, new.peildatum, new.opgesteld_door, new.opgesteld_op)
     is distinct from (old.id, old.gemeente_id, old.nummer, old.peildatum, old.opgesteld_door, old.opgesteld_op) then
    raise exception 'Nummer, peildatum en opsteller van een vernietigingslijst veranderen niet';
  end if;
  if not ((old.status = 'concept' and new.status in ('terGoedkeuring', 'afgewezen'))
       or (old.status = 'terGoedkeuring' and new.status in ('goedgekeurd', 'afgewezen'))
       or (old.status = 'goedgekeurd' and new.status = 'uitgevoerd')) then
    raise exception 'Vernietigingslijst %: van % naar % is geen stap van de goedkeuring', old.nummer, old.status, new.status;
  end if;
  if new.status = 'terGoedkeuring' then
    if new.aangeboden_op is null then
      raise exception 'Vernietigingslijst %: aanbieden vraagt om het moment van aanbieden', old.nummer;
    end if;
  elsif (new.aangeboden_door, new.aangeboden_op) is distinct from (old.aangeboden_door, old.aangeboden_op) then
    raise exception 'Vernietigingslijst %: wie aanbood staat alleen vast bij het aanbieden', old.nummer;
  end if;
  if new.status in ('goedgekeurd', 'afgewezen') then
    -- A rejection ends the list (nothing is destroyed); an approval needs who judged and when.
    if new.status = 'goedgekeurd' and (new.beoordeeld_op is null or new.beoordeeld_door is null) then
      raise exception 'Vernietigingslijst %: goedkeuren vraagt om wie beoordeelde en wanneer', old.nummer;
    end if;
    if new.status = 'goedgekeurd' and new.afwijzing_reden is not null then
      raise exception 'Vernietigingslijst %: een goedgekeurde lijst heeft geen reden van afwijzing', old.nummer;
    end if;
  elsif (new.beoordeeld_door, new.beoordeeld_op, new.afwijzing_reden) is distinct from (old.beoordeeld_door, old.beoordeeld_op, old.afwijzing_reden) then
    raise exception 'Vernietigingslijst %: de beoordeling staat alleen vast bij goedkeuren of afwijzen', old.nummer;
  end if;
  if new.status = 'uitgevoerd' then
    if new.uitgevoerd_op is null then
      raise exception 'Vernietigingslijst %: uitvoeren vraagt om het moment van uitvoeren', old.nummer;
    end if;
  elsif (new.uitgevoerd_op, new.resultaat) is distinct from (old.uitgevoerd_op, old.resultaat) then
    raise exception 'Vernietigingslijst %: het resultaat staat alleen vast bij het uitvoeren', old.nummer;
  end if;
  return new;
end
$$;
create trigger vernietigingslijsten_workflow before insert or update on vernietigingslijsten
  for each row execute function vernietigingslijst_workflow();

-- Items join a list only while it is a concept (the use case inserts them with the list, before
-- offering). An exclusion is made once, while the list is being prepared or judged, and never
-- undone; a skip is recorded once at execution; "executed" only by the destruction function.
create function vernietigingslijst_item_bewaking() returns trigger language plpgsql as $$
declare
  s text;
begin
  select l.status into s from vernietigingslijsten l where l.id = new.lijst_id and l.gemeente_id = new.gemeente_id;
  if tg_op = 'INSERT' then
    if s is distinct from 'concept' then
      raise exception 'Een dossier komt alleen op een vernietigingslijst die nog concept is';
    end if;
    if new.uitgezonderd_reden is not null or new.uitgevoerd_op is not null or new.overgeslagen_reden is not null then
      raise exception 'Een nieuw dossier op een vernietigingslijst is nog niet uitgezonderd, overgeslagen of uitgevoerd';
    end if;
    return new;
  end if;
  if (new.uitgezonderd_reden, new.uitgezonderd_door, new.uitgezonderd_op) is distinct from (old.uitgezonderd_reden, old.uitgezonderd_door, old.uitgezonderd_op)
     and (old.uitgezonderd_reden is not null or new.uitgezonderd_reden is null or s not in ('concept', 'terGoedkeuring')) then
    raise exception 'Uitzonderen kan één keer, zolang de lijst in voorbereiding is of wacht op goedkeuring';
  end if;
  if new.overgeslagen_reden is distinct from old.overgeslagen_reden and (old.overgeslagen_reden is not null or s <> 'goedgekeurd') then
    raise exception 'Overslaan wordt één keer vastgelegd, bij het uitvoeren van een goedgekeurde lijst';
  end if;
  if new.uitgevoerd_op is distinct from old.uitgevoerd_op and not vernietiging_bezig(tg_relid) then
    raise exception 'Alleen de vernietiging zelf legt vast dat een dossier is vernietigd';
  end if;
  return new;
end
$$;
create trigger vernietigingslijst_items_bewaking before insert or update on vernietigingslijst_items
  for each row execute function vernietigingslijst_item_bewaking();

-- The destruction function of 0016, with two more checks (the list went through offering and
-- judging; the item's date has come) and the product descriptions of the aanvragen.
create or replace function vernietig_huishouden(p_lijst uuid, p_huishouden uuid) returns jsonb
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
      -- 0018: the list went through the workflow (offered, then judged) …
      and l.aangeboden_op is not null and l.beoordeeld_op is not null
  ) then
    raise exception 'Dit huishouden staat niet (meer) op een goedgekeurde vernietigingslijst van deze gemeente';
  end if;
  -- 0018: … and the file is due: never before the date on the item (calendar of the gemeente).
  if exists (
    select 1 from vernietigingslijst_items i
    where i.lijst_id = p_lijst and i.gemeente_id = g and i.huishouden_id = p_huishouden
      and i.vernietigbaar_per > (now() at time zone 'Europe/Amsterdam')::date
  ) then
    raise exception 'De bewaartermijn van dit dossier is nog niet verstreken; het kan nog niet worden vernietigd';
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
  --    0018: an applied-for product keeps its catalogue name (steering counts by product) and
  --    loses a description typed by hand.
  update aanvraag_producten ap set omschrijving = coalesce((select ci.naam from catalogus_items ci where ci.id = ap.catalogus_item_id), '')
    where ap.gemeente_id = g and ap.aanvraag_id = any(v_aanvragen);
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

-- 2. Audit: a chained entry has a place in the chain the verification walks (1, 2, 3 …).
alter table auditlog add constraint auditlog_volgnummer_positief check (volgnummer > 0) not valid;
alter table auditlog validate constraint auditlog_volgnummer_positief;

-- 3. Break-glass: a grant lasts at most a day from the moment it is made, in the database too.
-- The app inserts only the grant itself: the moment is the database's, and a review is written
-- by the privacy officer afterwards (no grant arrives already reviewed).
alter table dossier_doorbraken add constraint dossier_doorbraken_hoogstens_een_dag
  check (geldig_tot <= aangemaakt_op + interval '1 day') not valid;
do $$
begin
  alter table dossier_doorbraken validate constraint dossier_doorbraken_hoogstens_een_dag;
exception when check_violation then
  -- Older rows stay as they were (they expired long ago); every new or changed row is checked.
  raise notice 'dossier_doorbraken: oudere doorbraken langer dan een dag blijven ongevalideerd';
end
$$;
revoke insert on dossier_doorbraken from eenvoud_app;
grant insert (id, gemeente_id, casus_id, huishouden_id, gebruiker_id, reden, geldig_tot) on dossier_doorbraken to eenvoud_app;

-- 4. Personal data outside any file (ADR 23, "Gegevens zonder dossier"): login attempts (name and
-- IP) after 90 days, request counters of the public form (IP hash) after 30 days, online meldingen
-- never linked to a person (rejected, or still waiting to be matched) a year after receipt or
-- rejection. Without a gemeente in the transaction: the platform tables; with one: that gemeente's
-- online meldingen. Definer, because neither role may delete these rows itself. Returns counts only.
create function opschonen_zonder_dossier() returns jsonb
  language plpgsql volatile security definer
  set search_path = public, pg_temp
  as $$
declare
  g uuid := app_gemeente();
  n_inlog int := 0;
  n_publiek int := 0;
  n_afgewezen int := 0;
  n_te_matchen int := 0;
begin
  if g is null then
    delete from inlogpogingen where moment < now() - interval '90 days';
    get diagnostics n_inlog = row_count;
    delete from publieke_verzoeken where moment < now() - interval '30 days';
    get diagnostics n_publiek = row_count;
    return jsonb_build_object('inlogpogingen', n_inlog, 'publiekeVerzoeken', n_publiek);
  end if;
  delete from online_meldingen where gemeente_id = g and status = 'afgewezen'
    and coalesce(behandeld_op, aangemaakt_op) < now() - interval '1 year';
  get diagnostics n_afgewezen = row_count;
  delete from online_meldingen where gemeente_id = g and status = 'teMatchen'
    and ontvangen_op < (now() at time zone 'Europe/Amsterdam')::date - interval '1 year';
  get diagnostics n_te_matchen = row_count;
  return jsonb_build_object('onlineMeldingenAfgewezen', n_afgewezen, 'onlineMeldingenTeMatchen', n_te_matchen);
end
$$;
revoke all on function opschonen_zonder_dossier() from public;
grant execute on function opschonen_zonder_dossier() to eenvoud_app, eenvoud_platform;
