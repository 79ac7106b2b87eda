-- The beslisser's list of open aanvragen (issue 12): its count reads every open aanvraag, and each
-- must still have its person (a destroyed file's pseudonym points at no one). With persoon_id in the
-- partial index the count reads the index and the person's key, not the aanvraag's row. It replaces
-- aanvragen_open_lijst (0020): the same key, order and condition, one column more.
create index aanvragen_open_werk on aanvragen (gemeente_id, ontvangen_op, nummer) include (status, huishouden_id, persoon_id)
  where status <> 'verzonden';
drop index aanvragen_open_lijst;

-- A person's representatives are found by `ander_id` (the one represented). relaties_uniek (0009)
-- starts with it but holds only relations with a person record, so a professional bewindvoerder
-- could not be found by it: every lookup read the whole table.
create index relaties_ander on relaties (ander_id);
