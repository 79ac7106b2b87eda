-- Sturing on real money (issue 15, ADR 40): the cost KPIs count the approved declarations of a
-- voorziening's month instead of its estimate where they exist. A prestatie written or credited
-- changes those figures, so it raises the gemeente's facts version (ADR 29) like every other fact.
create constraint trigger sturing_versie after insert or update or delete on prestaties deferrable initially deferred
  for each row execute function sturing_feiten_gewijzigd();

-- The correction source reads the approved money per voorziening and month of a period.
create index prestaties_sturing on prestaties (gemeente_id, periode_begin) include (voorziening_id, toegekend_cents)
  where goedgekeurd and voorziening_id is not null;

-- The foreign key of a credit to its debit: without an index every deleted prestatie scans the table.
create index prestaties_gecrediteerd_door on prestaties (gecrediteerd_door) where gecrediteerd_door is not null;
