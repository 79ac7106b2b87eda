import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zaaiDemoHistorie } from '../../demo/historie.ts';
import { inGemeente } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { valideerBerichten } from '../../platform/xml/scheidsrechter.ts';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { zaaiDeclaraties } from './declaratie-historie.ts';

/**
 * Issue 15, point 6: the demo history has the providers declare month by month through the live use
 * case, so the declaration pages show a real picture on the first start.
 */
let t: TestApp;
let gemeenteId: string;
const dag = vandaag();

interface Telling { declaraties: number; prestaties: number; goedgekeurd: number; afgewezen: number; credits: number; codes: string[]; maanden: number; laatste: string; toekomst: number }

beforeAll(async () => {
  t = await startTestApp();
  const r = await zaaiDemoHistorie(t.database.db, dag, 1200);
  gemeenteId = r!.gemeenteId;
}, 600_000);
afterAll(async () => t?.close());

const telling = async (): Promise<Telling> => (await inGemeente(t.database.db, gemeenteId, (tx) => sql<Telling>`select
  (select count(*)::int from declaraties) as declaraties, count(*)::int as prestaties, (count(*) filter (where goedgekeurd))::int as goedgekeurd,
  (count(*) filter (where not goedgekeurd))::int as afgewezen, (count(*) filter (where goedgekeurd and ingediend_cents < 0))::int as credits,
  (select array_agg(distinct c order by c) from prestaties, unnest(retourcodes) c) as codes,
  (select count(distinct periode_begin)::int from declaraties) as maanden, (select max(periode_eind)::text from declaraties) as laatste,
  (select count(*)::int from berichten where soort in ('323', '325') and (dagtekening > ${dag} or aangemaakt_op::date > ${dag})) as toekomst
  from prestaties`.execute(tx))).rows[0]!;

describe('demohistorie: declaraties', () => {
  it('de aanbieders declareren maand voor maand; een klein deel wordt afgewezen (9321, 0611, 9389) en enkele maanden worden gecrediteerd en opnieuw gedeclareerd', async () => {
    const n = await telling();
    expect(n.declaraties).toBeGreaterThan(0);
    expect(n.maanden).toBeGreaterThan(1);
    expect(n.goedgekeurd).toBeGreaterThan(n.afgewezen);
    expect(n.afgewezen).toBeGreaterThan(0);
    expect(n.credits).toBeGreaterThan(0);
    expect(n.codes).toEqual(expect.arrayContaining(['0611', '9321', '9389']));
    // Nothing the rules would not refuse on purpose: no 9322 or 9369 from the planned volumes themselves.
    expect(n.codes.filter((c) => !['0611', '9321', '9322', '9389'].includes(c))).toEqual([]);
    // Last month is the latest declared, and nothing is dated after today.
    expect(n.laatste < `${dag.slice(0, 7)}-01`).toBe(true);
    expect(n.toekomst).toBe(0);
  });

  it('elk declaratie-antwoord (325) is gedateerd op de dag van de declaratie en doorstaat na het terugdateren nog beide scheidsrechters', async () => {
    const rijen = await inGemeente(t.database.db, gemeenteId, (tx) => tx.selectFrom('declaraties as d').innerJoin('berichten as b', 'b.id', 'd.antwoord_id')
      .select(['d.dagtekening as declaratieDag', 'b.dagtekening as antwoordDag', 'b.xml', 'b.standaard', 'b.status']).execute());
    expect(rijen.length).toBeGreaterThan(0);
    expect(rijen.every((r) => r.declaratieDag === r.antwoordDag)).toBe(true);
    expect(rijen.some((r) => r.status === 'opgehaald')).toBe(true);
    for (const std of ['iwmo', 'ijw'] as const) {
      const xmls = rijen.filter((r) => r.standaard === std).map((r) => ({ xml: r.xml }));
      if (!xmls.length) continue;
      const uit = await valideerBerichten(xmls, { standaard: std, bericht: '325' });
      expect(uit.flatMap((u) => [...u.xsdFouten, ...u.regelFouten.map((f) => f.code)])).toEqual([]);
    }
  });

  it('een tweede keer zaaien verandert niets', async () => {
    const voor = await telling();
    const r = await inGemeente(t.database.db, gemeenteId, (tx) => zaaiDeclaraties(tx, gemeenteId, dag));
    expect(r.declaraties).toBe(0);
    expect(await telling()).toEqual(voor);
  });
});
