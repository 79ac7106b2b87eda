import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/database.ts';
import { migrate } from '../../platform/db/migrate.ts';
import { databaseVoorMigratie } from '../../testing/harness.ts';

/**
 * Migration 0025 on a database from before it: the granted products of sent beschikkingen become
 * voorzieningen, a sent herziening replaces the old one, and nothing else becomes one.
 */
let database: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ database, drop } = await databaseVoorMigratie('0025'));
});
afterAll(async () => {
  await drop?.();
});

describe('migratie 0025: voorzieningen uit de verzonden beschikkingen', () => {
  it('toegekend, of vervangen door een verzonden herziening; budget naar rato van het oude jaarbedrag', async () => {
    const db = database.db;
    const r = await sql<{ ids: Record<string, string> }>`
      with g as (insert into gemeenten (code, naam) values ('oudedorp', 'Oudedorp') returning id),
      h as (insert into huishoudens (gemeente_id) select id from g returning id, gemeente_id),
      p as (insert into personen (gemeente_id, bsn, voornaam, achternaam, geboortedatum, huishouden_id)
            select gemeente_id, '123456782', 'Olga', 'Oud', '1950-01-01', id from h returning id, gemeente_id, huishouden_id),
      c as (insert into casussen (gemeente_id, nummer, huishouden_id) select gemeente_id, 'C-2025-000001', huishouden_id from p returning id)
      select json_build_object('g', (select id from g), 'h', (select id from h), 'p', (select id from p), 'c', (select id from c)) as ids
    `.execute(db);
    const { g, h, p, c } = r.rows[0]!.ids as { g: string; h: string; p: string; c: string };
    const aanvraag = async (nummer: string, bron: string, herzieningVan: string | null) => (await sql<{ id: string }>`
      insert into aanvragen (gemeente_id, nummer, casus_id, huishouden_id, persoon_id, bron, herziening_van, ontvangen_op, status)
      values (${g}, ${nummer}, ${c}, ${h}, ${p}, ${bron}, ${herzieningVan}, '2025-01-02', 'verzonden') returning id`.execute(db)).rows[0]!.id;
    const product = async (aanvraagId: string, omschrijving: string) => (await sql<{ id: string }>`
      insert into aanvraag_producten (gemeente_id, aanvraag_id, wet, omschrijving) values (${g}, ${aanvraagId}, 'wmo', ${omschrijving}) returning id`.execute(db)).rows[0]!.id;
    const beschikking = async (nummer: string, aanvraagId: string, herzieningVan: string | null, verzonden: string | null) => (await sql<{ id: string }>`
      insert into beschikkingen (gemeente_id, nummer, aanvraag_id, herziening_van, motivering, verzonden_op)
      values (${g}, ${nummer}, ${aanvraagId}, ${herzieningVan}, 'Passend', ${verzonden}) returning id`.execute(db)).rows[0]!.id;
    const besloten = async (beschikkingId: string, apId: string, uitkomst: string, begin: string, eind: string | null, jaarbedragCents: number) => (await sql<{ id: string }>`
      insert into beschikking_producten (gemeente_id, beschikking_id, aanvraag_product_id, uitkomst, grondslag, omvang, eenheid, periode, ingangsdatum, einddatum, leveringsvorm, jaarbedrag_cents)
      values (${g}, ${beschikkingId}, ${apId}, ${uitkomst}, 'Wmo 2015', 3, 'uur', 'week', ${begin}, ${eind}, 'zin', ${jaarbedragCents}) returning id`.execute(db)).rows[0]!.id;

    const a1 = await aanvraag('A-2025-000001', 'plan', null);
    const hbh = await product(a1, 'Hulp bij het huishouden');
    const afgewezen = await product(a1, 'Traplift');
    const b1 = await beschikking('B-2025-000001', a1, null, '2025-01-10');
    const oudId = await besloten(b1, hbh, 'toegekend', '2025-02-01', null, 365_00);
    await besloten(b1, afgewezen, 'afgewezen', '2025-02-01', null, 0);
    // The herziening: the same product from 1 June, sent.
    const a2 = await aanvraag('A-2025-000002', 'herziening', b1);
    const b2 = await beschikking('B-2025-000002', a2, b1, '2025-05-20');
    const nieuwId = await besloten(b2, await product(a2, 'Hulp bij het huishouden'), 'toegekend', '2025-06-01', '2025-12-31', 730_00);
    // A decision that was never sent becomes no voorziening.
    const a3 = await aanvraag('A-2025-000003', 'plan', null);
    const b3 = await beschikking('B-2025-000003', a3, null, null);
    const nietVerzonden = await besloten(b3, await product(a3, 'Rolstoel'), 'toegekend', '2025-03-01', null, 100_00);

    await migrate(db);

    const rijen = await db.selectFrom('voorzieningen').selectAll().orderBy('begin').execute();
    expect(rijen.map((v) => v.beschikking_product_id)).toEqual([oudId, nieuwId]);
    expect(rijen.some((v) => v.beschikking_product_id === nietVerzonden)).toBe(false);
    const [o, n] = rijen as [typeof rijen[number], typeof rijen[number]];
    expect(o).toMatchObject({
      status: 'vervangen', begin: '2025-02-01', eind: null, beeindigd_op: '2025-05-31', vervangen_door: n.id, reden_beeindiging: 'herziening',
      budget_tot: '2026-01-31', budget_cents: 365_00, jaarbedrag_cents: 365_00, eenheid: '04', frequentie: '2', persoon_id: p, nummer: 'V-2025-000001',
    });
    // 1 June .. 31 December 2025 is 214 days of a yearly amount of € 730.
    expect(n).toMatchObject({ status: 'toegekend', vervangt: o.id, budget_tot: '2025-12-31', budget_cents: Math.round((730_00 * 214) / 365), nummer: 'V-2025-000002' });
    const historie = await db.selectFrom('voorziening_historie').select(['voorziening_id', 'van', 'naar']).orderBy('id').execute();
    expect(historie.filter((x) => x.voorziening_id === o.id).map((x) => x.naar)).toEqual(['toegekend', 'vervangen']);
    const teller = await db.selectFrom('nummering').select('laatste').where('gemeente_id', '=', g).where('soort', '=', 'voorziening').where('jaar', '=', 2025).executeTakeFirstOrThrow();
    expect(teller.laatste).toBe(2);
  });
});
