-- Catalogue items point to a contracted product (issue 13): a maatwerk item of a law names the iStandaard
-- productcategorie (WMO020 for the Wmo, JZ020 for the Jeugdwet, none for other laws) and the 5-character productcode
-- under which the gemeente contracts it. Optional: a decision may name the product itself. The law is the item's domein.
alter table catalogus_items add column productcategorie text, add column productcode text;
alter table catalogus_items add constraint catalogus_items_productcode check (productcode ~ '^[0-9A-Z]{5}$');
alter table catalogus_items add constraint catalogus_items_productcategorie check (productcategorie is null or (productcategorie ~ '^[0-9]{2}$' and productcode is not null));

-- Existing databases with the demo catalogue get the demo codes (src/contexts/catalogus/demo-catalogus.ts), by name and law.
update catalogus_items c set productcategorie = v.categorie, productcode = v.code
from (values
  ('Hulp bij het huishouden (maatwerk)', 'wmo', '01', '01A01'),
  ('Individuele begeleiding', 'wmo', '02', '02A01'),
  ('Begeleid wonen thuis (ambulant)', 'wmo', '02', '02R01'),
  ('Dagbesteding (maatwerk)', 'wmo', '07', '07A01'),
  ('Kortdurend verblijf', 'wmo', '04', '04A01'),
  ('Woningaanpassing', 'wmo', '13', '13A01'),
  ('Traplift', 'wmo', '13', '13B01'),
  ('Scootmobiel', 'wmo', '12', '12A01'),
  ('Rolstoel', 'wmo', '11', '11A01'),
  ('Regiotaxi-pas (vervoersvoorziening)', 'wmo', '08', '08A01'),
  ('Beschermd wonen', 'wmo', '15', '15A01'),
  ('Jeugdhulp ambulant', 'jeugdwet', '45', '45A01'),
  ('Intensieve gezinsbegeleiding', 'jeugdwet', '45', '45R01'),
  ('Dyslexiezorg (EED)', 'jeugdwet', '54', '54D01'),
  ('Jeugd-GGZ behandeling', 'jeugdwet', '54', '54A01'),
  ('Pleegzorg', 'jeugdwet', '44', '44P01'),
  ('Logeeropvang voor kinderen', 'jeugdwet', '44', '44L01'),
  ('Dagbesteding voor jeugd met een beperking', 'jeugdwet', '41', '41A01'),
  ('Re-integratietraject', 'participatiewet', null, 'RE001'),
  ('Bbz: ondersteuning voor zelfstandigen', 'participatiewet', null, 'BZ001'),
  ('Bijstandsuitkering (levensonderhoud)', 'participatiewet', null, 'PW001')
) as v(naam, wet, categorie, code)
where c.naam = v.naam and c.domein = v.wet and c.beschikking_nodig and c.productcode is null;
