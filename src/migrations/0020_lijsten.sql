-- Lists in constant time (issue 12, ADR 27): termijnen, aanvragen and bezwaren read one page in the
-- order of an index, with LIMIT before anything is joined, and a keyset cursor instead of OFFSET.
-- Single statuses use the existing (gemeente_id, status, …) indexes; these add the orders they lack.

-- Aanvragen still with the beslissers (every step before verzonden), oldest first: the beslisser's
-- werkvoorraad. Partial, so it holds open work only and does not grow with sent decisions.
create index aanvragen_open_lijst on aanvragen (gemeente_id, ontvangen_op, nummer) include (status, huishouden_id)
  where status <> 'verzonden';

-- All aanvragen (history filters) in the same order, so a page stops at LIMIT instead of sorting all.
create index aanvragen_lijst on aanvragen (gemeente_id, ontvangen_op, nummer);

-- Decided or withdrawn bezwaren, newest first: the second part of the bezwaren list.
create index bezwaren_afgehandeld_lijst on bezwaren (gemeente_id, aangemaakt_op desc, id)
  where status in ('beslist', 'ingetrokken');

-- Terms of meldingen and bezwaren by end date without a status filter ("alle statussen").
create index termijnen_lijst on termijnen (gemeente_id, uiterste_datum)
  where melding_id is not null or bezwaar_id is not null;
