-- Issue 13, point 4 (ADR 34): money in integer cents everywhere. Catalogue limits in euros
-- (catalogus_items.limiet_eenheid = 'euro') and arrangement amounts in euros
-- (arrangement_items.omvang_eenheid = 'euro') were whole euros; they become cents in their own
-- column. Hours stay in the old columns (limiet_waarde, omvang).

alter table catalogus_items add column limiet_cents bigint check (limiet_cents > 0);
alter table arrangement_items add column omvang_cents bigint check (omvang_cents > 0);

-- The old pairing check (eenheid set ⇔ waarde set: the second unnamed check of 0005, hence _check1)
-- now reads "a value in one of the two columns".
alter table catalogus_items drop constraint catalogus_items_check1;

alter table catalogus_items add constraint catalogus_items_limiet_paar
  check ((limiet_eenheid is null) = (limiet_waarde is null and limiet_cents is null));
alter table catalogus_items add constraint catalogus_items_limiet_cents_euro
  check (limiet_cents is null or (limiet_eenheid = 'euro' and limiet_waarde is null));
alter table arrangement_items add constraint arrangement_items_omvang_cents_euro
  check (omvang_cents is null or (omvang_eenheid = 'euro' and omvang is null));

-- The data last: an update leaves trigger events pending (sturing's triggers on catalogus_items), and
-- PostgreSQL refuses an ALTER TABLE after that in the same transaction.
update catalogus_items set limiet_cents = limiet_waarde::bigint * 100, limiet_waarde = null where limiet_eenheid = 'euro';
update arrangement_items set omvang_cents = omvang::bigint * 100, omvang = null where omvang_eenheid = 'euro';
