-- Sturing, the finished terms (issue 12, ADR 29 addendum): "termijnen binnen termijn" joined every
-- finished term of the period to its melding or aanvraag to find the casus, and the casus to find its
-- wijk, before a law or a kern could filter anything (at 900,000 residents a hash of all 533,000
-- meldingen per request, 340 ms, twice on the tactical page). Now one narrow row per finished term
-- carries its day, law, kind, outcome, casus and the casus's wijk, read from an index on
-- (gemeente, day). Kept by triggers on termijnen, on the casus of a melding and on the
-- casus's wijk; rebuilt by termijn_feiten_opbouwen after a bulk load (ADR 30 calls every *_opbouwen).
-- Team and regisseur are still read live from the casus: they change every day.

create table termijn_feiten (
  termijn_id uuid primary key references termijnen(id) on delete cascade,
  gemeente_id uuid not null references gemeenten(id),
  afgerond date not null,
  wet text not null,
  soort text not null,
  binnen boolean not null,              -- status 'afgerondBinnenTermijn'
  melding_id uuid,                      -- of the term (no foreign key: the term's own cascades)
  aanvraag_id uuid,
  casus_id uuid,                        -- coalesce(melding's casus, aanvraag's casus); null for a bezwaar
  wijk_id uuid                          -- the casus's, as in besluit_feiten
);
create index termijn_feiten_afgerond on termijn_feiten (gemeente_id, afgerond) include (wet, wijk_id, soort, binnen, casus_id);
create index termijn_feiten_casus on termijn_feiten (casus_id) where casus_id is not null;
create index termijn_feiten_melding on termijn_feiten (melding_id) where melding_id is not null;
alter table termijn_feiten enable row level security;
create policy gemeente_eigen on termijn_feiten using (gemeente_id = (select app_gemeente())) with check (gemeente_id = (select app_gemeente()));
-- Derived only: the app reads; the triggers (owner rights) write.
grant select on termijn_feiten to eenvoud_app;

create constraint trigger sturing_versie after insert or update or delete on termijn_feiten deferrable initially deferred
  for each row execute function sturing_feiten_gewijzigd();

-- The fact of one term: present while it is finished, the same row as termijn_feiten_opbouwen makes.
-- An update that changes nothing the KPI reads writes nothing.
create function termijn_feit_bij() returns trigger language plpgsql security definer
  set search_path = public, pg_temp
  as $$
begin
  if new.afgerond_op is null then
    delete from termijn_feiten where termijn_id = new.id;
    return null;
  end if;
  insert into termijn_feiten (termijn_id, gemeente_id, afgerond, wet, soort, binnen, melding_id, aanvraag_id, casus_id, wijk_id)
    select new.id, new.gemeente_id, new.afgerond_op, new.wet, new.soort, new.status = 'afgerondBinnenTermijn', new.melding_id, new.aanvraag_id, c.id, c.wijk_id
    from (select 1) een
      left join meldingen m on m.id = new.melding_id
      left join aanvragen a on a.id = new.aanvraag_id
      left join casussen c on c.id = coalesce(m.casus_id, a.casus_id)
  on conflict (termijn_id) do update set
    afgerond = excluded.afgerond, wet = excluded.wet, soort = excluded.soort, binnen = excluded.binnen,
    melding_id = excluded.melding_id, aanvraag_id = excluded.aanvraag_id, casus_id = excluded.casus_id, wijk_id = excluded.wijk_id
  where (termijn_feiten.afgerond, termijn_feiten.wet, termijn_feiten.soort, termijn_feiten.binnen, termijn_feiten.melding_id,
         termijn_feiten.aanvraag_id, termijn_feiten.casus_id, termijn_feiten.wijk_id)
    is distinct from
        (excluded.afgerond, excluded.wet, excluded.soort, excluded.binnen, excluded.melding_id, excluded.aanvraag_id, excluded.casus_id, excluded.wijk_id);
  return null;
end
$$;
create trigger termijnen_feit after insert on termijnen
  for each row when (new.afgerond_op is not null) execute function termijn_feit_bij();
create trigger termijnen_feit_wijzig after update on termijnen
  for each row when ((old.afgerond_op is not null or new.afgerond_op is not null)
    and (old.afgerond_op, old.status, old.wet, old.soort, old.melding_id, old.aanvraag_id)
        is distinct from (new.afgerond_op, new.status, new.wet, new.soort, new.melding_id, new.aanvraag_id))
  execute function termijn_feit_bij();

-- A melding that gets (another) casus: its finished terms follow, with that casus's wijk. (An
-- aanvraag keeps the casus it was made in, as besluit_feiten and voorziening_feiten assume.)
create function termijn_feiten_casus_melding() returns trigger language plpgsql security definer
  set search_path = public, pg_temp
  as $$
begin
  update termijn_feiten tf set casus_id = c.id, wijk_id = c.wijk_id
    from (select 1) een left join casussen c on c.id = new.casus_id
    where tf.melding_id = new.id and (tf.casus_id, tf.wijk_id) is distinct from (c.id, c.wijk_id);
  return null;
end
$$;
create trigger meldingen_termijn_feiten_casus after update of casus_id on meldingen
  for each row when (old.casus_id is distinct from new.casus_id) execute function termijn_feiten_casus_melding();

-- The casus's area is copied; should it ever be corrected, the copy follows.
create function termijn_feiten_wijk() returns trigger language plpgsql security definer
  set search_path = public, pg_temp
  as $$
begin
  update termijn_feiten set wijk_id = new.wijk_id where casus_id = new.id;
  return null;
end
$$;
create trigger casussen_termijn_feiten_wijk after update of wijk_id on casussen
  for each row when (old.wijk_id is distinct from new.wijk_id) execute function termijn_feiten_wijk();

-- The provisions' facts copy the casus's wijk too (0028) but never followed a change, where
-- besluit_feiten (0022) did: a rebuild would move them. The app sets a casus's wijk once; this
-- keeps a correction consistent. No index on casus_id: a rare correction may scan.
create function voorziening_feiten_wijk() returns trigger language plpgsql security definer
  set search_path = public, pg_temp
  as $$
begin
  update voorziening_feiten set wijk_id = new.wijk_id where casus_id = new.id and wijk_id is distinct from new.wijk_id;
  return null;
end
$$;
create trigger casussen_voorziening_feiten_wijk after update of wijk_id on casussen
  for each row when (old.wijk_id is distinct from new.wijk_id) execute function voorziening_feiten_wijk();

-- Rebuild the facts of one gemeente from its terms (after a bulk load with triggers off, or to
-- check): the same rows the triggers keep. Raises the facts version.
create function termijn_feiten_opbouwen(p_gemeente uuid) returns void language plpgsql volatile security definer
  set search_path = public, pg_temp
  as $$
begin
  delete from termijn_feiten where gemeente_id = p_gemeente;
  insert into termijn_feiten (termijn_id, gemeente_id, afgerond, wet, soort, binnen, melding_id, aanvraag_id, casus_id, wijk_id)
    select t.id, t.gemeente_id, t.afgerond_op, t.wet, t.soort, t.status = 'afgerondBinnenTermijn', t.melding_id, t.aanvraag_id, c.id, c.wijk_id
    from termijnen t
      left join meldingen m on m.id = t.melding_id
      left join aanvragen a on a.id = t.aanvraag_id
      left join casussen c on c.id = coalesce(m.casus_id, a.casus_id)
    where t.gemeente_id = p_gemeente and t.afgerond_op is not null;
  perform sturing_versie_verhogen(p_gemeente);
end
$$;
revoke all on function termijn_feiten_opbouwen(uuid) from public;

do $$
declare g uuid;
begin
  for g in select id from gemeenten loop
    perform termijn_feiten_opbouwen(g);
  end loop;
end
$$;
