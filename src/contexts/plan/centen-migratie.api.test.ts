import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/database.ts';
import { migrate } from '../../platform/db/migrate.ts';
import { databaseVoorMigratie } from '../../testing/harness.ts';

/**
 * Migration 0029 on a database from before it (ADR 34): catalogue limits and arrangement amounts in
 * whole euros become integer cents (×100) in their own column; hours stay hours.
 */
let database: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ database, drop } = await databaseVoorMigratie('0029'));
});
afterAll(async () => {
  await drop?.();
});

describe('migratie 0029: bedragen in euro’s worden centen', () => {
  it('een grens van 1.500 euro wordt 150.000 centen, een omvang van 250 euro 25.000 centen; uren blijven uren', async () => {
    const db = database.db;
    const r = await sql<{ ids: Record<string, string> }>`
      with g as (insert into gemeenten (code, naam) values ('oudedorp', 'Oudedorp') returning id),
      h as (insert into huishoudens (gemeente_id) select id from g returning id, gemeente_id),
      c as (insert into casussen (gemeente_id, nummer, huishouden_id) select gemeente_id, 'C-2025-000001', id from h returning id, gemeente_id, huishouden_id),
      p as (insert into plannen (gemeente_id, casus_id, huishouden_id) select gemeente_id, id, huishouden_id from c returning id, gemeente_id),
      d as (insert into doelen (gemeente_id, plan_id, leefgebied, omschrijving, meetbaar_resultaat, streefdatum)
            select gemeente_id, id, 'financien', 'Rondkomen', 'Geen nieuwe schulden', '2025-12-31' from p returning id)
      select json_build_object('g', (select id from g), 'p', (select id from p), 'd', (select id from d)) as ids
    `.execute(db);
    const { g, p, d } = r.rows[0]!.ids as { g: string; p: string; d: string };
    const item = async (naam: string, eenheid: string | null, waarde: number | null) => (await sql<{ id: string }>`
      insert into catalogus_items (gemeente_id, naam, omschrijving, domein, trede, aanbieder, beschikking_nodig, limiet_eenheid, limiet_waarde)
      values (${g}, ${naam}, 'Omschrijving', 'voorliggend', 3, 'Aanbieder', false, ${eenheid}, ${waarde}) returning id`.execute(db)).rows[0]!.id;
    const inzet = async (catalogusItemId: string, eenheid: string | null, omvang: number | null) => (await sql<{ id: string }>`
      insert into arrangement_items (gemeente_id, plan_id, doel_id, trede, catalogus_item_id, verantwoordelijke, omvang, omvang_eenheid, startdatum, status)
      values (${g}, ${p}, ${d}, 3, ${catalogusItemId}, 'Aanbieder', ${omvang}, ${eenheid}, '2025-01-01', 'ingezet') returning id`.execute(db)).rows[0]!.id;
    const euroItem = await item('Budget', 'euro', 1500);
    const uurItem = await item('Uren', 'uur', 3);
    const geenItem = await item('Vrij', null, null);
    const euroInzet = await inzet(euroItem, 'euro', 250);
    const uurInzet = await inzet(uurItem, 'uur', 2);

    await migrate(db);

    const items = await db.selectFrom('catalogus_items').select(['id', 'limiet_eenheid', 'limiet_waarde', 'limiet_cents']).execute();
    const per = new Map(items.map((i) => [i.id, i]));
    expect(per.get(euroItem)).toMatchObject({ limiet_eenheid: 'euro', limiet_waarde: null, limiet_cents: 150000 });
    expect(per.get(uurItem)).toMatchObject({ limiet_eenheid: 'uur', limiet_waarde: 3, limiet_cents: null });
    expect(per.get(geenItem)).toMatchObject({ limiet_eenheid: null, limiet_waarde: null, limiet_cents: null });
    const inzetten = new Map((await db.selectFrom('arrangement_items').select(['id', 'omvang', 'omvang_eenheid', 'omvang_cents']).execute()).map((a) => [a.id, a]));
    expect(inzetten.get(euroInzet)).toMatchObject({ omvang: null, omvang_eenheid: 'euro', omvang_cents: 25000 });
    expect(inzetten.get(uurInzet)).toMatchObject({ omvang: 2, omvang_eenheid: 'uur', omvang_cents: null });

    // The checks: cents only with euro; a unit needs a value; a maatwerk item (trede 4) still needs a beschikking.
    await expect(sql`update catalogus_items set limiet_cents = 100 where id = ${uurItem}`.execute(db)).rejects.toThrow(/check constraint/);
    await expect(sql`update catalogus_items set limiet_cents = null where id = ${euroItem}`.execute(db)).rejects.toThrow(/check constraint/);
    await expect(sql`update catalogus_items set trede = 4 where id = ${geenItem}`.execute(db)).rejects.toThrow(/check constraint/);
    await expect(sql`update arrangement_items set omvang_cents = 100 where id = ${uurInzet}`.execute(db)).rejects.toThrow(/check constraint/);
  });
});
