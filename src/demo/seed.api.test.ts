import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { inGemeente } from '../platform/tenancy/tx.ts';
import { openTestDatabase } from '../testing/harness.ts';
import { seedDemo } from './seed.ts';

let database: Database;
let drop: () => Promise<void>;
let demodorp: string;
let tweestad: string;

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  await migrate(database.db);
  await seedDemo(database.db, { nodeEnv: 'test' });
  const g = await database.db.selectFrom('gemeenten').select(['id', 'code']).execute();
  demodorp = g.find((x) => x.code === 'demodorp')!.id;
  tweestad = g.find((x) => x.code === 'tweestad')!.id;
}, 300_000);
afterAll(async () => drop?.());

const rijen = async <T>(gemeente: string, q: ReturnType<typeof sql<T>>) => (await inGemeente(database.db, gemeente, (tx) => q.execute(tx))).rows;

describe('demo-seed: inkoop en voorzieningen', () => {
  it('geeft Demodorp 15–30 aanbieders met contracten voor elke wet, tarieven 2026 en 2027, resultaattabellen en pgb-tarieven', async () => {
    const [t] = await rijen<{ aanbieders: number; contracten: number; onder: number; wetten: string[]; resultaat: number; pgb: number }>(demodorp, sql`select
      (select count(*)::int from aanbieders) as aanbieders, (select count(*)::int from contracten) as contracten,
      (select count(*)::int from contract_onderaannemers) as onder, (select array_agg(distinct wet order by wet) from contract_producten) as wetten,
      (select count(*)::int from resultaat_tarieven) as resultaat, (select count(*)::int from pgb_tarieven) as pgb`);
    expect(t!.aanbieders).toBeGreaterThanOrEqual(15);
    expect(t!.aanbieders).toBeLessThanOrEqual(30);
    expect(t!.contracten).toBe(t!.aanbieders);
    expect(t!.onder).toBeGreaterThan(0);
    expect(t!.wetten).toEqual(['jeugdwet', 'minima', 'participatiewet', 'schuldhulp', 'wmo']);
    expect(t!.resultaat).toBe(3 * 30);
    expect(t!.pgb).toBeGreaterThan(0);
    // Hulp bij het huishouden: 4–5 aanbieders, each with the 2026 and 2027 tariff, one after the other.
    const hbh = await rijen<{ aanbieder_id: string; van: string; tot: string | null; tarief_cents: number }>(demodorp, sql`select c.aanbieder_id, t.van::text, t.tot::text, t.tarief_cents::int
      from contract_tarieven t join contract_producten p on p.id = t.contract_product_id join contracten c on c.id = p.contract_id where p.productcode = '01A01' order by c.nummer, t.van`);
    expect(new Set(hbh.map((x) => x.aanbieder_id)).size).toBeGreaterThanOrEqual(4);
    const in2026 = hbh.filter((x) => x.van <= '2026-06-30' && x.tot === '2026-12-31');
    expect(in2026.length).toBe(new Set(hbh.map((x) => x.aanbieder_id)).size);
    expect(in2026.every((x) => x.tarief_cents <= 3645)).toBe(true);
    expect(in2026.some((x) => x.tarief_cents === 3645)).toBe(true);
    expect(hbh.filter((x) => x.van === '2027-01-01' && x.tot === null).length).toBe(in2026.length);
    const [tw] = await rijen<{ n: number }>(tweestad, sql`select count(*)::int as n from aanbieders`);
    expect(tw!.n).toBeGreaterThanOrEqual(2);
  });

  it('besluit op gecontracteerde producten in hun eigen eenheid, en laat voorzieningen een aanbieder krijgen, starten en één eindigen', async () => {
    const producten = await rijen<{ productcode: string | null; eenheid: string; periode: string; budget_cents: number | null }>(demodorp, sql`
      select bp.productcode, bp.eenheid, bp.periode, bp.budget_cents::int from beschikking_producten bp where bp.uitkomst <> 'afgewezen'`);
    expect(producten.length).toBeGreaterThan(0);
    expect(producten.every((p) => p.productcode !== null && p.budget_cents !== null)).toBe(true);
    expect(producten.filter((p) => ['12A01', '11A01', '13B01'].includes(p.productcode!)).every((p) => p.eenheid === 'stuks' && p.periode === 'maand')).toBe(true);
    const v = await rijen<{ status: string; n: number }>(demodorp, sql`select status, count(*)::int as n from voorzieningen group by status`);
    const per = Object.fromEntries(v.map((x) => [x.status, x.n]));
    expect(per.toegekend ?? 0).toBeGreaterThan(0);
    expect((per.toegewezen ?? 0) + (per.gestart ?? 0) + (per.beeindigd ?? 0)).toBeGreaterThan(1);
    expect(per.beeindigd).toBe(1);
    const [zonder] = await rijen<{ n: number }>(demodorp, sql`select count(*)::int as n from beschikking_producten bp join beschikkingen b on b.id = bp.beschikking_id
      where b.verzonden_op is not null and bp.uitkomst <> 'afgewezen' and not exists (select 1 from voorzieningen v where v.beschikking_product_id = bp.id)`);
    expect(zonder!.n).toBe(0);
  });
});
