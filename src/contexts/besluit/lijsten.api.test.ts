/**
 * Issue 12: the termijnen, aanvragen and bezwaren lists page by cursor from indexes, without a count
 * over history. This test keeps the OLD queries (count(*) over (), OFFSET, the joins of before) as the
 * reference and proves, on a generated gemeente with two years of history, that walking every page of
 * the new lists with `na` gives the same rows in the same order, and the same count where the count is
 * exact — for every status filter and role, and again after changes.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genereerGemeente } from '../../demo/generator.ts';
import { inGemeente, type Actor, type Tx } from '../../platform/tenancy/tx.ts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { zichtbareHuishoudens } from '../privacy/index.ts';

let t: TestApp;
let gemeenteId: string;
const code = 'lijstproef';
const gebruikers: Record<string, { client: Client; actor: Actor }> = {};

// ————— The reference: the queries as they were before issue 12 —————

// Old order plus the row id: the old order left ties to chance (the same date and number).
async function oudeTermijnen(tx: Tx, f: { status?: string; wet?: string; zichtbaar: Expression<SqlBool> }) {
  let q = tx
    .selectFrom('termijnen as t')
    .leftJoin('meldingen as m', 'm.id', 't.melding_id')
    .leftJoin('bezwaren as z', 'z.id', 't.bezwaar_id')
    .leftJoin('beschikkingen as zb', 'zb.id', 'z.beschikking_id')
    .leftJoin('aanvragen as za', 'za.id', 'zb.aanvraag_id')
    .innerJoin('personen as p', (j) => j.on(sql<boolean>`p.id = coalesce(m.persoon_id, za.persoon_id)`))
    .leftJoin('casussen as c', (j) => j.on(sql<boolean>`c.id = coalesce(m.casus_id, za.casus_id)`))
    .leftJoin('gebruikers as g', 'g.id', 'c.regisseur_id')
    .where((eb) => eb.or([eb('t.melding_id', 'is not', null), eb('t.bezwaar_id', 'is not', null)]))
    .select(['t.id', 'g.naam as regisseur', sql<number>`count(*) over ()`.as('totaal')]);
  if (f.status) q = q.where('t.status', '=', f.status);
  if (f.wet) q = q.where('t.wet', '=', f.wet);
  q = q.where(f.zichtbaar);
  const rows = await q.orderBy('t.uiterste_datum').orderBy(sql`coalesce(m.nummer, z.nummer)`).orderBy('t.id').limit(100000).offset(0).execute();
  return { ids: rows.map((r) => r.id), regisseurs: rows.map((r) => r.regisseur ?? null), totaal: Number(rows[0]?.totaal ?? 0) };
}

async function oudeAanvragen(tx: Tx, f: { status?: string[]; zichtbaar: Expression<SqlBool> }) {
  let q = tx.selectFrom('aanvragen as a')
    .innerJoin('casussen as c', 'c.id', 'a.casus_id')
    .innerJoin('personen as p', 'p.id', 'a.persoon_id')
    .leftJoin('gebruikers as v', 'v.id', 'a.voorbereid_door')
    .select(['a.id', sql<number>`count(*) over ()`.as('totaal')]);
  if (f.status?.length) q = q.where('a.status', 'in', f.status);
  q = q.where(f.zichtbaar);
  const rows = await q.orderBy('a.ontvangen_op').orderBy('a.nummer').limit(100000).offset(0).execute();
  return { ids: rows.map((r) => r.id), totaal: Number(rows[0]?.totaal ?? 0) };
}

async function oudeBezwaren(tx: Tx, f: { status?: string[]; zichtbaar: Expression<SqlBool> }) {
  let q = tx.selectFrom('bezwaren as z')
    .innerJoin('beschikkingen as b', 'b.id', 'z.beschikking_id')
    .innerJoin('aanvragen as a', 'a.id', 'b.aanvraag_id')
    .innerJoin('personen as p', 'p.id', 'a.persoon_id')
    .leftJoin('termijnen as t', 't.bezwaar_id', 'z.id')
    .select(['z.id', sql<number>`count(*) over ()`.as('totaal')]);
  if (f.status?.length) q = q.where('z.status', 'in', f.status);
  q = q.where(f.zichtbaar);
  const rows = await q
    .orderBy(sql`case when z.status in ('beslist', 'ingetrokken') then 1 else 0 end`)
    .orderBy(sql`case when z.status in ('beslist', 'ingetrokken') then null else coalesce(t.uiterste_datum, z.beslistermijn_einde) end asc nulls last`)
    .orderBy('z.aangemaakt_op', 'desc').orderBy('z.id')
    .limit(100000).offset(0).execute();
  return { ids: rows.map((r) => r.id), totaal: Number(rows[0]?.totaal ?? 0) };
}

// ————— The new lists, through HTTP, every page by cursor —————

interface Pagina { resultaten: { id: string; regisseur?: { naam: string } | null }[]; totaal: number; totaalIsSchatting: boolean; volgende: string | null }

async function alleBladzijden(c: Client, pad: string, aantal = 7) {
  const ids: string[] = [];
  const regisseurs: (string | null)[] = [];
  const totalen: { totaal: number; schatting: boolean }[] = [];
  let na: string | null = null;
  for (let i = 0; i < 2000; i++) {
    const r: { status: number; body: Pagina } = await c.get<Pagina>(`${pad}${pad.includes('?') ? '&' : '?'}aantal=${aantal}${na ? `&na=${encodeURIComponent(na)}` : ''}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    ids.push(...r.body.resultaten.map((x) => x.id));
    regisseurs.push(...r.body.resultaten.map((x) => x.regisseur?.naam ?? null));
    totalen.push({ totaal: r.body.totaal, schatting: r.body.totaalIsSchatting });
    na = r.body.volgende;
    if (!na) break;
  }
  if (totalen.length > 1) bladerde++;
  if (ids.length > 0) gevuld++;
  return { ids, regisseurs, totalen };
}
/** So the comparison is not vacuous: how many lists were walked over several pages, and how many held rows. */
let bladerde = 0;
let gevuld = 0;

const OPEN_TERMIJN = ['loopt', 'verlooptBinnenkort', 'verlopen', 'opgeschort'];
const TERMIJN_FILTERS: { status?: string; wet?: string }[] = [
  {}, ...['loopt', 'verlooptBinnenkort', 'verlopen', 'opgeschort', 'afgerondBinnenTermijn', 'afgerondNaTermijn'].map((status) => ({ status })), { status: 'loopt', wet: 'wmo' },
];
const AANVRAAG_FILTERS: (string[] | undefined)[] = [
  undefined, ['ingediend'], ['getoetst'], ['beoordeeld'], ['besloten'], ['verzonden'], ['ingediend', 'getoetst', 'beoordeeld', 'besloten'],
];
const BEZWAAR_FILTERS = [
  { keuze: 'alle', status: undefined }, { keuze: 'open', status: ['ontvangen', 'hoorzittingGepland', 'gehoord', 'horenAfgezien', 'advies'] },
  { keuze: 'afgehandeld', status: ['beslist', 'ingetrokken'] },
] as const;

async function vergelijkAlles() {
  bladerde = 0;
  gevuld = 0;
  for (const [naam, { client, actor }] of Object.entries(gebruikers)) {
    if (!actor.rollen.some((r) => ['regisseur', 'teamleider', 'beslisser'].includes(r))) continue;
    for (const f of TERMIJN_FILTERS) {
      const oud = await inGemeente(t.database.db, gemeenteId, (tx) => oudeTermijnen(tx, { ...f, zichtbaar: zichtbareHuishoudens(actor, 'p.huishouden_id') }));
      const qs = new URLSearchParams(f).toString();
      const nieuw = await alleBladzijden(client, `/api/v1/termijnen${qs ? `?${qs}` : ''}`);
      expect(nieuw.ids, `termijnen ${naam} ${qs}`).toEqual(oud.ids);
      expect(nieuw.regisseurs, `regisseurs bij termijnen ${naam} ${qs}`).toEqual(oud.regisseurs);
      controleerTotalen(nieuw.totalen, oud.totaal, f.status !== undefined && OPEN_TERMIJN.includes(f.status), `termijnen ${naam} ${qs}`);
    }
    for (const status of AANVRAAG_FILTERS) {
      const oud = await inGemeente(t.database.db, gemeenteId, (tx) => oudeAanvragen(tx, { ...(status ? { status } : {}), zichtbaar: zichtbareHuishoudens(actor, 'a.huishouden_id') }));
      const nieuw = await alleBladzijden(client, `/api/v1/aanvragen${status ? `?status=${status.join(',')}` : ''}`);
      expect(nieuw.ids, `aanvragen ${naam} ${status?.join(',') ?? 'alle'}`).toEqual(oud.ids);
      controleerTotalen(nieuw.totalen, oud.totaal, status !== undefined && !status.includes('verzonden'), `aanvragen ${naam} ${status?.join(',')}`);
    }
    if (actor.rollen.some((r) => r === 'teamleider' || r === 'beslisser')) {
      for (const f of BEZWAAR_FILTERS) {
        const oud = await inGemeente(t.database.db, gemeenteId, (tx) => oudeBezwaren(tx, { ...(f.status ? { status: [...f.status] } : {}), zichtbaar: zichtbareHuishoudens(actor, 'a.huishouden_id') }));
        const nieuw = await alleBladzijden(client, `/api/v1/bezwaren?status=${f.keuze}`, 3);
        expect(nieuw.ids, `bezwaren ${naam} ${f.keuze}`).toEqual(oud.ids);
        controleerTotalen(nieuw.totalen, oud.totaal, f.keuze === 'open', `bezwaren ${naam} ${f.keuze}`);
      }
    }
  }
  expect(bladerde).toBeGreaterThan(15);
  expect(gevuld).toBeGreaterThan(30);
}

/** Open work: every page's count is the old count. History: an estimate, said so — unless one page held it all. */
function controleerTotalen(totalen: { totaal: number; schatting: boolean }[], oud: number, exact: boolean, wat: string) {
  if (totalen.length === 1) {
    expect(totalen[0], wat).toEqual({ totaal: oud, schatting: false });
    return;
  }
  for (const x of totalen) {
    if (exact) expect(x, wat).toEqual({ totaal: oud, schatting: false });
    else expect(x.schatting, wat).toBe(true);
  }
}

beforeAll(async () => {
  t = await startTestApp();
  const r = await genereerGemeente(t.database.db, { code, naam: 'Lijststad', inwoners: 1500, jaren: 2, seed: 12, tot: '2026-11-27', wachtwoord: 'demo' });
  gemeenteId = r.gemeenteId;
  // The generator writes no bezwaren: add some to sent beschikkingen, in every status, with shared
  // deadlines and moments (ties the order must break the same way), half with a decision term.
  const owner = t.database.db;
  const beschikkingen = (await sql<{ id: string; gebruiker: string }>`
    select b.id, (select g.id from gebruikers g where g.gemeente_id = b.gemeente_id order by g.gebruikersnaam limit 1) as gebruiker
    from beschikkingen b where b.gemeente_id = ${gemeenteId} and b.verzonden_op is not null order by b.nummer limit 40`.execute(owner)).rows;
  const statussen = ['ontvangen', 'hoorzittingGepland', 'gehoord', 'horenAfgezien', 'advies', 'beslist', 'ingetrokken'];
  for (const [i, b] of beschikkingen.entries()) {
    const einde = `2026-12-${String(1 + (i % 5)).padStart(2, '0')}`;
    const z = (await sql<{ id: string }>`
      insert into bezwaren (gemeente_id, nummer, beschikking_id, ontvangen_op, omschrijving, tijdig, beslistermijn_einde, status, geregistreerd_door, aangemaakt_op)
      values (${gemeenteId}, ${`BZ-2026-${String(i + 1).padStart(6, '0')}`}, ${b.id}, '2026-10-01', 'Proef', true, ${einde}::date, ${statussen[i % statussen.length]!},
              ${b.gebruiker}, ${`2026-10-${String(1 + (i % 3)).padStart(2, '0')}T10:00:00Z`}::timestamptz)
      returning id`.execute(owner)).rows[0]!;
    if (i % 2 === 0) {
      await sql`insert into termijnen (gemeente_id, bezwaar_id, soort, wet, startdatum, duur_eenheid, duur_aantal, grondslag, uiterste_datum, opgeschort_dagen, status, berekend_op)
        values (${gemeenteId}, ${z.id}, 'bezwaar', 'wmo', '2026-10-01', 'weken', 6, 'Awb 7:10', ${`2026-11-${String(20 + (i % 4)).padStart(2, '0')}`}::date, 0,
                ${i % 4 === 0 ? 'verlopen' : 'loopt'}, '2026-11-27')`.execute(owner);
    }
  }
  const rijen = await owner.selectFrom('gebruikers').select(['id', 'gebruikersnaam', 'rollen', 'gemeente_id'])
    .where('gemeente_id', '=', gemeenteId).where('gebruikersnaam', 'in', [`${code}-teamleider`, `${code}-regisseur1`, `${code}-regisseur2`, `${code}-beslisser1`]).execute();
  for (const g of rijen) {
    gebruikers[g.gebruikersnaam] = {
      client: await t.login(g.gebruikersnaam),
      actor: { gebruikerId: g.id, gebruikersnaam: g.gebruikersnaam, gemeenteId: g.gemeente_id, rollen: g.rollen, rol: g.rollen[0]!, aanbiederId: null },
    };
  }
  expect(Object.keys(gebruikers)).toHaveLength(4);
}, 600_000);
afterAll(async () => t?.close());

describe('termijnen, aanvragen en bezwaren per pagina met een cursor', () => {
  it('geven voor elke rol en elk statusfilter dezelfde rijen in dezelfde volgorde als de oude lijsten, en hetzelfde totaal voor open werk', async () => {
    await vergelijkAlles();
  }, 600_000);

  it('en na wijzigingen: de signalen herberekend, een aanvraag getoetst, een bezwaar beslist', async () => {
    const teamleider = gebruikers[`${code}-teamleider`]!.client;
    expect((await teamleider.post('/api/v1/termijnen/herberekening')).status).toBe(200);
    const beslisser = gebruikers[`${code}-beslisser1`]!.client;
    const open = await beslisser.get<{ resultaten: { id: string; status: string; voorbereidDoor: { id: string } | null }[] }>('/api/v1/aanvragen?status=ingediend&aantal=5');
    const aanvraag = open.body.resultaten.find((a) => a.voorbereidDoor?.id !== gebruikers[`${code}-beslisser1`]!.actor.gebruikerId);
    if (aanvraag) expect((await beslisser.post(`/api/v1/aanvragen/${aanvraag.id}/toets`, {})).status).toBeLessThan(500);
    await sql`update bezwaren set status = 'beslist', uitkomst = 'ongegrond' where id = (
      select id from bezwaren where gemeente_id = ${gemeenteId} and status = 'advies' order by nummer limit 1)`.execute(t.database.db);
    await vergelijkAlles();
  }, 600_000);

  it('een cursor die niet van de lijst komt is een 400 die niemand iets laat zien', async () => {
    const c = gebruikers[`${code}-teamleider`]!.client;
    for (const pad of ['/api/v1/termijnen?na=bla', '/api/v1/aanvragen?na=WzFd', '/api/v1/bezwaren?na=WyJvcGVuIl0']) {
      const r = await c.get<{ code: string }>(pad);
      expect(r.status, pad).toBe(400);
      expect(r.body.code).toBe('ongeldige-invoer');
    }
  });
});
