import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { berekenBudget } from '../contexts/inkoop/index.ts';
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

  it('geeft elk toegekend product van een verzonden beschikking precies één voorziening, nooit twee lopende van één product voor één inwoner', async () => {
    expect(r.tellingen.voorzieningen).toBeGreaterThan(200);
    expect(await getal(sql`select count(*)::int as n from beschikking_producten bp join beschikkingen b on b.id = bp.beschikking_id
      where b.verzonden_op is not null and bp.uitkomst <> 'afgewezen' and (select count(*) from voorzieningen v where v.beschikking_product_id = bp.id) <> 1`)).toBe(0);
    expect(await getal(sql`select count(*)::int as n from voorzieningen v join beschikking_producten bp on bp.id = v.beschikking_product_id
      where bp.uitkomst = 'afgewezen' or v.begin <> bp.ingangsdatum or v.eind is distinct from bp.einddatum or v.persoon_id <> (select a.persoon_id from aanvragen a join beschikkingen b on b.aanvraag_id = a.id where b.id = v.beschikking_id)`)).toBe(0);
    expect(await getal(sql`select count(*)::int as n from voorzieningen a join voorzieningen b on a.persoon_id = b.persoon_id and a.product_naam = b.product_naam and a.id < b.id
      and a.status not in ('ingetrokken', 'vervangen') and b.status not in ('ingetrokken', 'vervangen')
      and daterange(a.begin, coalesce(a.beeindigd_op, a.eind), '[]') && daterange(b.begin, coalesce(b.beeindigd_op, b.eind), '[]')`)).toBe(0);
  });

  it('kiest gecontracteerde aanbieders, start en beëindigt voorzieningen met een reden uit WMO588/JZ588, met historie', async () => {
    // Every status of the life cycle is there, pgb via the SVB too.
    const statussen = (await inGemeente(database.db, r.gemeenteId, (tx) => sql<{ status: string }>`select distinct status from voorzieningen`.execute(tx))).rows.map((x) => x.status).sort();
    expect(statussen).toEqual(expect.arrayContaining(['beeindigd', 'gestart']));
    // At the end of the history a decision not yet begun may still wait for its provider (toegekend) or have one; never ingetrokken.
    expect(statussen.every((x) => ['toegekend', 'toegewezen', 'gestart', 'beeindigd', 'vervangen'].includes(x))).toBe(true);
    expect(await getal(sql`select count(*)::int as n from voorzieningen where svb and leveringsvorm = 'pgb' and status = 'gestart'`)).toBeGreaterThan(0);
    // A provider is one contracted for that product on the begin date; several share the common products.
    expect(await getal(sql`select count(*)::int as n from voorzieningen v where v.aanbieder_id is not null and not exists (
      select 1 from contract_producten cp join contracten c on c.id = cp.contract_id
      where cp.id = v.contract_product_id and c.aanbieder_id = v.aanbieder_id and cp.productcode = v.productcode and c.van <= v.begin and (c.tot is null or c.tot >= v.begin))`)).toBe(0);
    expect(await getal(sql`select count(distinct aanbieder_id)::int as n from voorzieningen where productcode = '01A01'`)).toBeGreaterThanOrEqual(4);
    // Ended with a reason from the law's list; early ends too, not only 'volgens plan'.
    expect(await getal(sql`select count(*)::int as n from voorzieningen where status = 'beeindigd' and not (
      (wet = 'jeugdwet' and reden_beeindiging in ('02','20','31','32','33','34','35','36','37','38','39'))
      or (wet <> 'jeugdwet' and reden_beeindiging in ('02','19','20','21','22','23','31','36','37','38','39')))`)).toBe(0);
    expect(await getal(sql`select count(*)::int as n from voorzieningen where reden_beeindiging in ('02', '21', '23', '32', '34', '39')`)).toBeGreaterThan(0);
    // The history tells the same story as the status: one row per step taken.
    expect(await getal(sql`select count(*)::int as n from voorzieningen v where (select count(*) from voorziening_historie h where h.voorziening_id = v.id)
      <> 1 + (v.status <> 'toegekend')::int + (v.status in ('gestart', 'beeindigd', 'vervangen'))::int + (v.status in ('beeindigd', 'vervangen'))::int`)).toBe(0);
    // Herzieningen: the old provision replaced the day before the new one begins, linked both ways, its beschikking reviewed.
    expect(r.tellingen.herzieningen).toBeGreaterThan(0);
    expect(await getal(sql`select count(*)::int as n from voorzieningen where status = 'vervangen'`)).toBe(r.tellingen.herzieningen);
    expect(await getal(sql`select count(*)::int as n from voorzieningen o join voorzieningen n on n.id = o.vervangen_door
      where o.status = 'vervangen' and n.vervangt = o.id and o.beeindigd_op = n.begin - 1 and o.reden_beeindiging = 'herziening'
        and (select herziening_van from beschikkingen where id = n.beschikking_id) = o.beschikking_id`)).toBe(r.tellingen.herzieningen);
    // The budget is never typed in: contracted products carry one; taakgericht and result-based come from the tables.
    expect(await getal(sql`select count(*)::int as n from voorzieningen where productcode is not null and budget_cents = 0`)).toBe(0);
    expect(await getal(sql`select count(*)::int as n from voorzieningen where resultaat is not null and productcode in ('45R01', '02R01')`)).toBeGreaterThan(0);
  });

  it('rekent elk budget zoals inkoop het rekent: het gekozen contract, anders het hoogste tarief, pgb met het pgb-tarief', async () => {
    await inGemeente(database.db, r.gemeenteId, async (tx) => {
      const rijen = (await sql<{ wet: string; productcode: string; contract_product_id: string | null; leveringsvorm: 'zin' | 'pgb'; volume: string; frequentie: string;
        begin: string; eind: string | null; resultaat: { profiel: string; intensiteit: string } | null; budget_cents: string; budget_tot: string; jaarbedrag_cents: string }>`
        select wet, productcode, contract_product_id, leveringsvorm, volume, frequentie, begin::text, eind::text, resultaat, budget_cents, budget_tot::text, jaarbedrag_cents
        from voorzieningen where productcode is not null order by nummer limit 400`.execute(tx)).rows;
      expect(new Set(rijen.map((x) => x.productcode)).size).toBeGreaterThan(10);
      for (const v of rijen) {
        const b = await berekenBudget(tx, { wet: v.wet, productcode: v.productcode, contractProductId: v.contract_product_id, leveringsvorm: v.leveringsvorm,
          volume: v.volume, frequentie: v.frequentie, begin: v.begin, eind: v.eind, resultaat: v.resultaat });
        expect({ budget: Number(v.budget_cents), tot: v.budget_tot, jaar: Number(v.jaarbedrag_cents) }).toEqual({ budget: b.budgetCents, tot: b.budgetTot, jaar: b.jaarbedragCents });
      }
    });
  });

  it('heeft zo’n 6–8% van de inwoners als Wmo-cliënt en een pilotwijk', async () => {
    const aandeel = r.tellingen.wmo_clienten! / r.tellingen.inwoners!;
    expect(aandeel).toBeGreaterThan(0.045);
    expect(aandeel).toBeLessThan(0.095);
    expect(r.pilotWijk.naam).toBe('Proefstad-Noord');
    expect(r.pilotWijk.vanaf).toBe('2024-06-30');
  });
});
