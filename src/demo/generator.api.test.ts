import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { inGemeente } from '../platform/tenancy/tx.ts';
import { openTestDatabase } from '../testing/harness.ts';
import { genereerGemeente, type GeneratorResultaat } from './generator.ts';

let database: Database;
let drop: () => Promise<void>;
let r: GeneratorResultaat;
const opties = { naam: 'Proefstad', inwoners: 4000, jaren: 3, seed: 7, tot: '2026-06-30' };

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  await migrate(database.db);
  r = await genereerGemeente(database.db, { ...opties, code: 'proef-a' });
});
afterAll(async () => drop?.());

const getal = async (q: RawBuilder<unknown>) => Number(((await inGemeente(database.db, r.gemeenteId, (tx) => q.execute(tx))).rows[0] as { n: number }).n);

describe('demogenerator', () => {
  it('is deterministisch voor een seed', async () => {
    const b = await genereerGemeente(database.db, { ...opties, code: 'proef-b' });
    expect(b.tellingen).toEqual(r.tellingen);
    expect(b.pilotWijk.naam).toBe(r.pilotWijk.naam);
  });

  it('geeft elke casus met een keukentafelgesprek een plan met doelen en een arrangement op de ladder', async () => {
    expect(r.tellingen.plannen).toBeGreaterThan(0);
    expect(await getal(sql`select count(distinct casus_id)::int as n from gesprekken where soort = 'intake'`)).toBe(r.tellingen.plannen);
    expect(await getal(sql`select count(*)::int as n from plannen p where not exists (select 1 from doelen d where d.plan_id = p.id)
      or (select count(*) from doelen d where d.plan_id = p.id) > 3`)).toBe(0);
    expect(await getal(sql`select count(distinct trede)::int as n from arrangement_items`)).toBe(4);
    // Every step up the ladder is motivated; rung 3 and 4 come from the catalogue on that rung.
    expect(await getal(sql`select count(*)::int as n from arrangement_items where trede >= 2 and motivering is null`)).toBe(0);
    expect(await getal(sql`select count(*)::int as n from arrangement_items a join catalogus_items c on c.id = a.catalogus_item_id where c.trede <> a.trede`)).toBe(0);
    expect(await getal(sql`select count(*)::int as n from plan_versies where versie = 1`)).toBe(r.tellingen.plannen);
    expect(await getal(sql`select count(*)::int as n from evaluaties where gehouden_op is not null and gesprek_id is null`)).toBe(0);
  });

  it('vraagt maatwerk aan voor trede 4, met producten van de wet, vier ogen en de feiten van migratie 0008', async () => {
    expect(await getal(sql`select count(*)::int as n from aanvraag_producten ap join arrangement_items a on a.id = ap.arrangement_item_id
      join catalogus_items c on c.id = ap.catalogus_item_id where a.trede = 4 and c.domein = ap.wet`)).toBe(r.tellingen.aanvraag_producten);
    expect(await getal(sql`select count(*)::int as n from aanvragen where besloten_door = beoordeeld_door or getoetst_door = voorbereid_door or eerste_beslisser = besloten_door`)).toBe(0);
    expect(await getal(sql`select count(distinct catalogus_item_id)::int as n from aanvraag_producten`)).toBeGreaterThan(15);
    expect(await getal(sql`select count(*)::int as n from meldingen where wijk_id is null`)).toBe(0);
    expect(await getal(sql`select count(*)::int as n from casussen where wijk_id is null`)).toBe(0);
    expect(await getal(sql`select count(*)::int as n from casus_maatwerk`)).toBe(await getal(sql`
      select count(distinct a.casus_id)::int as n from beschikking_producten bp join beschikkingen b on b.id = bp.beschikking_id
      join aanvragen a on a.id = b.aanvraag_id where bp.uitkomst <> 'afgewezen'`));
    // Mostly decided within the legal term, some late.
    const laat = await getal(sql`select (100 * avg((status = 'afgerondNaTermijn')::int))::int as n from termijnen where soort = 'beschikking' and afgerond_op is not null`);
    expect(laat).toBeGreaterThanOrEqual(4);
    expect(laat).toBeLessThanOrEqual(18);
  });

  it('heeft zo’n 6–8% van de inwoners als Wmo-cliënt en een pilotwijk', async () => {
    const aandeel = r.tellingen.wmo_clienten! / r.tellingen.inwoners!;
    expect(aandeel).toBeGreaterThan(0.045);
    expect(aandeel).toBeLessThan(0.095);
    expect(r.pilotWijk.naam).toBe('Proefstad-Noord');
    expect(r.pilotWijk.vanaf).toBe('2024-06-30');
  });
});
