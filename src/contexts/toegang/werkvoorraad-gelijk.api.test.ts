/**
 * The werkvoorraad from the projection (migration 0019, ADR 27) gives the SAME rows in the SAME order
 * and the same counts as the query it replaced. The old query is kept here as the reference: it
 * joined meldingen through seven tables, sorted on a correlated min(uiterste_datum) and filtered with
 * the household sets of zichtbareHuishoudens. Both run on Demodorp with a generated history, for every
 * role, assignment, status and a few filters, paging the new one through all pages with its cursor —
 * and again after each kind of change. The projection itself must equal its definition after each
 * change the triggers watch.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genereerGemeente } from '../../demo/generator.ts';
import { inGemeente, type Actor, type Tx } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { startTestApp, voorbeeldMelding, type Client, type TestApp } from '../../testing/harness.ts';
import { zichtbareHuishoudens } from '../privacy/index.ts';
import { plusDagen } from './termijnen.ts';

let t: TestApp;
let gemeenteId: string;
let kernId: string;
const clients = new Map<string, Client>();
const actoren = new Map<string, Actor>();

// Regisseurs and teamleiders of two teams, frontoffice, beslisser, and generated regisseurs
// with a long history of their own.
const GEBRUIKERS = ['regisseur', 'regisseur3', 'teamleider', 'teamleider2', 'frontoffice', 'beslisser', 'demodorp-regisseur1', 'demodorp-regisseur2'] as const;
type Gebruiker = (typeof GEBRUIKERS)[number];

interface Filter { status?: string | undefined; toegewezen?: string | undefined; wet?: string; kanaal?: string; kernId?: string; termijnstatus?: string }

// ————— The reference: the werkvoorraad query as it was before migration 0019 —————

const OPEN = ['gemeld', 'inOnderzoek'];

function oudGefilterd(tx: Tx, f: {
  status?: string | undefined; wet?: string | undefined; kanaal?: string | undefined; kernId?: string | undefined; termijnstatus?: string | undefined;
  geregistreerdDoor?: string | undefined; regisseurId?: string | undefined; teamId?: string | undefined; nietOpgepakt?: boolean; actor: Actor;
}) {
  let q = tx
    .selectFrom('meldingen as m')
    .innerJoin('personen as p', 'p.id', 'm.persoon_id')
    .leftJoin('wijken as w', 'w.id', 'p.wijk_id')
    .leftJoin('kernen as k', 'k.id', 'w.kern_id')
    .leftJoin('gebruikers as g', 'g.id', 'm.geregistreerd_door')
    .leftJoin('casussen as c', 'c.id', 'm.casus_id')
    .leftJoin('gebruikers as r', 'r.id', 'c.regisseur_id')
    .select(['m.id']);
  const status = f.status ?? 'open';
  if (status === 'open') q = q.where('m.status', 'in', OPEN);
  else if (status !== 'alle') q = q.where('m.status', '=', status);
  if (f.wet) q = q.where('m.wet', '=', f.wet);
  if (f.kanaal) q = q.where('m.kanaal', '=', f.kanaal);
  if (f.kernId) q = q.where('k.id', '=', f.kernId);
  if (f.geregistreerdDoor) q = q.where('m.geregistreerd_door', '=', f.geregistreerdDoor);
  if (f.regisseurId) q = q.where('c.regisseur_id', '=', f.regisseurId);
  if (f.nietOpgepakt) q = q.where('c.regisseur_id', 'is', null);
  q = q.where(zichtbareHuishoudens(f.actor, 'm.huishouden_id'));
  if (f.teamId) q = q.where((eb) => eb.or([eb('r.team_id', '=', f.teamId!), eb('c.regisseur_id', 'is', null)]));
  if (f.termijnstatus) {
    const ts = f.termijnstatus;
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom('termijnen as t').select('t.id').whereRef('t.melding_id', '=', 'm.id').where('t.status', '=', ts)));
  }
  return q;
}

/** The old route and store together: the whole ordered list, its count and the counts per termijnstatus. */
async function oud(actor: Actor, f: Filter): Promise<{ ids: string[]; totaal: number; perTermijnstatus: Record<string, number> } | 'geen-team'> {
  return inGemeente(t.database.db, gemeenteId, async (tx) => {
    const ik = actor.gebruikerId ?? undefined;
    const team = f.toegewezen === 'team' && ik
      ? (await tx.selectFrom('gebruikers').select('team_id').where('id', '=', ik).executeTakeFirst())?.team_id ?? undefined : undefined;
    if (f.toegewezen === 'team' && !team) return 'geen-team' as const;
    const filter = {
      ...f, actor, geregistreerdDoor: actor.rol === 'frontoffice' ? ik : undefined, regisseurId: f.toegewezen === 'mij' ? ik : undefined,
      teamId: team, nietOpgepakt: f.toegewezen === 'niemand',
    };
    const rows = await oudGefilterd(tx, filter)
      .select(sql<number>`count(*) over ()`.as('totaal'))
      .orderBy(sql`(select min(t.uiterste_datum) from termijnen t where t.melding_id = m.id and t.afgerond_op is null) asc nulls last`)
      .orderBy('m.ontvangen_op', 'asc')
      .orderBy('m.nummer', 'asc')
      .execute();
    const perTermijn = await oudGefilterd(tx, filter).clearSelect()
      .innerJoin('termijnen as t', 't.melding_id', 'm.id')
      .select(['t.status', sql<number>`count(distinct m.id)`.as('n')])
      .groupBy('t.status').execute();
    return {
      ids: rows.map((r) => r.id), totaal: Number(rows[0]?.totaal ?? 0),
      perTermijnstatus: Object.fromEntries(perTermijn.map((r) => [r.status, Number(r.n)])),
    };
  });
}

// ————— The new one, over HTTP, page by page with the cursor —————

interface Lijst { resultaten: { id: string }[]; totaal: number; totaalIsSchatting: boolean; volgende: string | null; aantal: number }
interface Tellingen { totaal: number; totaalIsSchatting: boolean; perTermijnstatus: Record<string, number> }

const queryVan = (f: Filter) => Object.entries(f).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${encodeURIComponent(v!)}`).join('&');

async function nieuw(c: Client, f: Filter, aantal: number) {
  const ids: string[] = [];
  const q = queryVan(f);
  let eerste: Lijst | undefined;
  for (let na: string | null | undefined, paginas = 0; na !== null; paginas++) {
    const r = await c.get<Lijst>(`/api/v1/meldingen?aantal=${aantal}${na ? `&na=${na}` : ''}${q ? `&${q}` : ''}`);
    if (r.status === 400) return 'geen-team' as const;
    expect(r.status, `${q} ${JSON.stringify(r.body)}`).toBe(200);
    eerste ??= r.body;
    expect(r.body.resultaten.length, q).toBeLessThanOrEqual(aantal);
    ids.push(...r.body.resultaten.map((m) => m.id));
    na = r.body.volgende;
    expect(paginas, 'the cursor keeps moving forward').toBeLessThan(2000);
  }
  const tel = await c.get<Tellingen>(`/api/v1/meldingen/tellingen${q ? `?${q}` : ''}`);
  expect(tel.status, q).toBe(200);
  return { ids, lijst: eerste!, tellingen: tel.body };
}

async function vergelijk(wie: Gebruiker, f: Filter) {
  const voor = await oud(actoren.get(wie)!, f);
  const open = f.status === undefined || f.status === 'open' || OPEN.includes(f.status);
  const na = await nieuw(clients.get(wie)!, f, open ? 7 : 150);
  const wat = `${wie} ${queryVan(f) || '(standaard)'}`;
  if (voor === 'geen-team' || na === 'geen-team') {
    expect(na, wat).toBe(voor);
    return 0;
  }
  expect(na.ids, wat).toEqual(voor.ids);
  if (open || voor.totaal <= 1000) {
    // Open work is counted exactly; a history list of up to 1000 rows too.
    expect(na.lijst.totaal, wat).toBe(voor.totaal);
    expect(na.lijst.totaalIsSchatting, wat).toBe(false);
    expect(na.tellingen.totaal, wat).toBe(voor.totaal);
  } else {
    expect(na.lijst, wat).toMatchObject({ totaal: 1000, totaalIsSchatting: true });
    expect(na.tellingen, wat).toMatchObject({ totaal: 1000, totaalIsSchatting: true });
  }
  if (!na.tellingen.totaalIsSchatting) expect(na.tellingen.perTermijnstatus, wat).toEqual(voor.perTermijnstatus);
  return voor.ids.length;
}

const TOEGEWEZEN = [undefined, 'mij', 'team', 'niemand', 'iedereen'] as const;
const STATUSSEN = [undefined, 'open', 'gemeld', 'inOnderzoek', 'afgehandeld', 'afgesloten', 'alle'] as const;

/** Every assignment × status, and a few filters on open work and on all of history. */
async function vergelijkAlles(wie: readonly Gebruiker[], uitgebreid = true) {
  let rijen = 0;
  const extra: Filter[] = [{ wet: 'wmo' }, { kanaal: 'telefoon' }, { termijnstatus: 'verlopen' }, { termijnstatus: 'loopt' }, { kernId }];
  for (const g of wie) {
    for (const toegewezen of TOEGEWEZEN) {
      for (const status of uitgebreid ? STATUSSEN : [undefined, 'alle'] as const) rijen += await vergelijk(g, { toegewezen, status });
      if (!uitgebreid) continue;
      for (const e of extra) {
        rijen += await vergelijk(g, { toegewezen, ...e });
        rijen += await vergelijk(g, { toegewezen, status: 'alle', ...e });
      }
    }
  }
  return rijen;
}

/** The projection equals its definition (the view werkvoorraad_bron), row for row. */
async function projectieKlopt(waarna: string) {
  const kolommen = sql`melding_id, gemeente_id, huishouden_id, persoon_id, status, wet, kanaal, ontvangen_op::text, nummer,
    geregistreerd_door, regisseur_id, team_id, casus_van_huishouden, urgentie::text, termijnstatussen`;
  const tabel = await sql<Record<string, unknown>>`select ${kolommen} from werkvoorraad order by melding_id`.execute(t.database.db);
  const bron = await sql<Record<string, unknown>>`select ${kolommen} from werkvoorraad_bron order by melding_id`.execute(t.database.db);
  expect(tabel.rows.length, waarna).toBeGreaterThan(0);
  expect(tabel.rows, waarna).toEqual(bron.rows);
}

beforeAll(async () => {
  t = await startTestApp();
  const g = await sql<{ id: string }>`select id from gemeenten where code = 'demodorp'`.execute(t.database.db);
  gemeenteId = g.rows[0]!.id;
  // Two years of history beside the hand-made cases: staff `demodorp-regisseur1`… with their own caseload.
  await genereerGemeente(t.database.db, {
    code: 'demodorp', naam: 'Demodorp', inwoners: 900, jaren: 2, seed: 12, tot: plusDagen(vandaag(), -1),
    bestaandeGemeenteId: gemeenteId, wachtwoord: 'demo',
  });
  // The generator may load with triggers off; it rebuilds the werkvoorraad as every *_opbouwen (ADR 27).
  await sql`select werkvoorraad_opbouwen(${gemeenteId}::uuid)`.execute(t.database.db);
  const k = await sql<{ id: string }>`select k.id from kernen k where k.gemeente_id = ${gemeenteId}::uuid order by k.naam limit 1`.execute(t.database.db);
  kernId = k.rows[0]!.id;
  for (const naam of GEBRUIKERS) {
    clients.set(naam, await t.login(naam));
    const u = await sql<{ id: string; rollen: string[] }>`select id, rollen from gebruikers where gebruikersnaam = ${naam}`.execute(t.database.db);
    const rij = u.rows[0]!;
    actoren.set(naam, { gebruikerId: rij.id, gebruikersnaam: naam, gemeenteId, rollen: rij.rollen, rol: rij.rollen[0]!, aanbiederId: null });
  }
}, 600_000);
afterAll(async () => t?.close());

describe('werkvoorraad: dezelfde meldingen als de oude query', () => {
  it('na het genereren is de werkvoorraad gelijk aan haar definitie', async () => {
    await projectieKlopt('na opbouwen');
    const open = await sql<{ n: number }>`select count(*)::int as n from meldingen where status in ('gemeld', 'inOnderzoek')`.execute(t.database.db);
    expect(open.rows[0]!.n).toBeGreaterThan(50);
  });

  it('voor een regisseur, beide teamleiders en een regisseur met een lange geschiedenis: elke toewijzing, status en een paar filters', async () => {
    const rijen = await vergelijkAlles(['regisseur', 'teamleider', 'teamleider2', 'demodorp-regisseur1']);
    expect(rijen).toBeGreaterThan(500);
  }, 600_000);

  it('voor de frontoffice (alleen eigen registraties), de beslisser (aanvragen en bezwaren) en regisseurs van het tweede team en met geschiedenis', async () => {
    await vergelijkAlles(['frontoffice', 'beslisser', 'regisseur3', 'demodorp-regisseur2'], false);
    for (const g of ['frontoffice', 'beslisser'] as const) {
      for (const e of [{ wet: 'wmo' }, { termijnstatus: 'loopt' }, { kernId }] as Filter[]) await vergelijk(g, e);
    }
  }, 600_000);
});

describe('werkvoorraad: de triggers houden haar exact bij, en de lijst blijft gelijk aan de oude', () => {
  const regisseur = () => clients.get('regisseur')!;
  const teamleider = () => clients.get('teamleider')!;
  let melding: { id: string; casus: { id: string } | null };

  it('een nieuwe melding komt erin, met haar termijn', async () => {
    const r = await clients.get('frontoffice')!.post<{ id: string; casus: { id: string } | null }>('/api/v1/meldingen', voorbeeldMelding({ ontvangenOp: vandaag(), wet: 'wmo' }));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    melding = r.body;
    await projectieKlopt('nieuwe melding');
    const w = await sql<{ n: number }>`select count(*)::int as n from werkvoorraad where melding_id = ${melding.id}::uuid`.execute(t.database.db);
    expect(w.rows[0]!.n).toBe(1);
    await vergelijk('frontoffice', {});
    await vergelijk('teamleider', { toegewezen: 'niemand' });
  });

  it('triage naar onderzoek (status en casus) en oppakken door de regisseur', async () => {
    const tr = await clients.get('teamleider')!.post<{ casus: { id: string } | null }>(`/api/v1/meldingen/${melding.id}/triage`, { uitkomst: 'onderzoek' });
    expect(tr.status, JSON.stringify(tr.body)).toBe(200);
    await projectieKlopt('triage');
    const casusId = tr.body.casus!.id;
    const ruud = actoren.get('regisseur')!.gebruikerId!;
    const op = await teamleider().post(`/api/v1/casussen/${casusId}/regisseur`, { regisseurId: ruud, reden: 'Oppakken' });
    expect(op.status, JSON.stringify(op.body)).toBe(200);
    await projectieKlopt('regisseur toegewezen');
    const w = await sql<{ regisseur_id: string }>`select regisseur_id from werkvoorraad where melding_id = ${melding.id}::uuid`.execute(t.database.db);
    expect(w.rows[0]!.regisseur_id).toBe(ruud);
    await vergelijk('regisseur', { toegewezen: 'mij' });
    await vergelijk('teamleider', { toegewezen: 'team' });
    await vergelijk('teamleider', { toegewezen: 'niemand' });
  });

  it('een tweede melding van het huishouden komt bij de open casus (koppeling), en gaat over naar een andere regisseur', async () => {
    const eerste = await regisseur().get<{ persoon: { id: string } }>(`/api/v1/meldingen/${melding.id}`);
    const p = await sql<{ bsn: string; voornaam: string; tussenvoegsel: string | null; achternaam: string; geboortedatum: string }>`
      select bsn, voornaam, tussenvoegsel, achternaam, geboortedatum::text from personen where id = ${eerste.body.persoon.id}::uuid`.execute(t.database.db);
    const per = p.rows[0]!;
    const tweede = await regisseur().post<{ id: string; casus: { id: string } | null }>('/api/v1/meldingen', {
      ...voorbeeldMelding({ ontvangenOp: plusDagen(vandaag(), -3), wet: 'jeugdwet' }),
      persoon: { bsn: per.bsn, voornaam: per.voornaam, ...(per.tussenvoegsel ? { tussenvoegsel: per.tussenvoegsel } : {}), achternaam: per.achternaam, geboortedatum: per.geboortedatum },
    });
    expect(tweede.status, JSON.stringify(tweede.body)).toBe(201);
    expect(tweede.body.casus).not.toBeNull();
    await projectieKlopt('gekoppeld aan de casus');
    const anders = actoren.get('regisseur3')!.gebruikerId!;
    const over = await teamleider().post(`/api/v1/casussen/${tweede.body.casus!.id}/regisseur`, { regisseurId: anders, reden: 'Andere wijk' });
    expect(over.status, JSON.stringify(over.body)).toBe(200);
    await projectieKlopt('overgedragen');
    for (const [g, f] of [['regisseur', { toegewezen: 'mij' }], ['regisseur3', { toegewezen: 'mij' }], ['teamleider', { toegewezen: 'team' }], ['teamleider2', { toegewezen: 'team' }]] as const) {
      await vergelijk(g, f);
    }
  });

  it('termijnen: verdaagd, opgeschort en weer hervat, afgerond, en de nachtelijke herberekening', async () => {
    // A running onderzoek term of one of the regisseurs with history (which one the generated history decides).
    const [ander] = (await sql<{ id: string; gebruikersnaam: string }>`
      select w.melding_id as id, g.gebruikersnaam from werkvoorraad w join termijnen t on t.melding_id = w.melding_id and t.afgerond_op is null
      join gebruikers g on g.id = w.regisseur_id
      where g.gebruikersnaam in ('demodorp-regisseur1', 'demodorp-regisseur2', 'regisseur') and t.soort = 'onderzoek' and t.verdaging_datum is null
      order by g.gebruikersnaam, w.nummer limit 1`.execute(t.database.db)).rows;
    expect(ander).toBeDefined();
    const c = clients.get(ander!.gebruikersnaam)!;
    const v = await c.post(`/api/v1/meldingen/${ander!.id}/verdaging`, { nieuweDatum: plusDagen(vandaag(), 200), reden: 'Advies nodig', soort: 'onderzoek' });
    expect(v.status, JSON.stringify(v.body)).toBe(200);
    await projectieKlopt('verdaagd');
    const o = await c.post<{ termijnen: { soort: string; opschortingen: { id: string; tot: string | null }[] }[] }>(
      `/api/v1/meldingen/${ander!.id}/opschortingen`, { van: vandaag(), reden: 'Wachten op stukken', soort: 'onderzoek' });
    expect(o.status, JSON.stringify(o.body)).toBe(200);
    await projectieKlopt('opgeschort');
    const ops = o.body.termijnen.find((x) => x.soort === 'onderzoek')!.opschortingen.find((x) => x.tot === null)!;
    const e = await c.post(`/api/v1/meldingen/${ander!.id}/opschortingen/${ops.id}/beeindiging`, { tot: vandaag() });
    expect(e.status, JSON.stringify(e.body)).toBe(200);
    await projectieKlopt('opschorting beëindigd');
    await vergelijk(ander!.gebruikersnaam as Gebruiker, { toegewezen: 'mij' });
    const af = await c.post(`/api/v1/meldingen/${ander!.id}/termijnen/onderzoek/afronding`, { op: vandaag() });
    expect(af.status, JSON.stringify(af.body)).toBe(200);
    await projectieKlopt('termijn afgerond');
    await vergelijk(ander!.gebruikersnaam as Gebruiker, { toegewezen: 'mij' });
    await vergelijk('teamleider', { toegewezen: 'team', termijnstatus: 'loopt' });
    const h = await clients.get('teamleider')!.post('/api/v1/termijnen/herberekening', {});
    expect([200, 202, 204]).toContain(h.status);
    await projectieKlopt('herberekening');
  });

  it('een regisseur gaat naar een ander team: de meldingen gaan mee naar de lijst van dat team', async () => {
    const ruud = actoren.get('regisseur')!.gebruikerId!;
    const [team2] = (await sql<{ team_id: string }>`select team_id from gebruikers where gebruikersnaam = 'teamleider2'`.execute(t.database.db)).rows;
    const [oudTeam] = (await sql<{ team_id: string }>`select team_id from gebruikers where id = ${ruud}::uuid`.execute(t.database.db)).rows;
    await sql`update gebruikers set team_id = ${team2!.team_id}::uuid where id = ${ruud}::uuid`.execute(t.database.db);
    await projectieKlopt('ander team');
    await vergelijk('teamleider', { toegewezen: 'team' });
    await vergelijk('teamleider2', { toegewezen: 'team' });
    await vergelijk('teamleider2', { toegewezen: 'iedereen' });
    await sql`update gebruikers set team_id = ${oudTeam!.team_id}::uuid where id = ${ruud}::uuid`.execute(t.database.db);
    await projectieKlopt('terug naar het eigen team');
  });

  it('doorbraak (toegang met reden): het dossier staat dan ook in de lijst van wie haar kreeg, oud en nieuw gelijk', async () => {
    const casusId = (await sql<{ casus_id: string }>`select m.casus_id from meldingen m where m.id = ${melding.id}::uuid`.execute(t.database.db)).rows[0]!.casus_id;
    const voor = await clients.get('demodorp-regisseur2')!.get<Lijst>('/api/v1/meldingen?toegewezen=iedereen&aantal=200');
    const d = await clients.get('demodorp-regisseur2')!.post(`/api/v1/casussen/${casusId}/toegang`, { reden: 'Vervanging tijdens verlof van de collega' });
    expect(d.status, JSON.stringify(d.body)).toBeLessThan(300);
    const na = await clients.get('demodorp-regisseur2')!.get<Lijst>('/api/v1/meldingen?toegewezen=iedereen&aantal=200');
    expect(voor.body.resultaten.map((m) => m.id)).not.toContain(melding.id);
    expect(na.body.resultaten.map((m) => m.id)).toContain(melding.id);
    await vergelijk('demodorp-regisseur2', { toegewezen: 'iedereen' });
    await vergelijk('demodorp-regisseur2', {});
  });

  it('afsluiten: de melding verdwijnt uit de werkvoorraad en staat in de geschiedenis', async () => {
    // The casus went over to regisseur3 with the second melding; they close the first.
    const s = await clients.get('regisseur3')!.post(`/api/v1/meldingen/${melding.id}/afsluiting`, { reden: 'Onderzoek afgerond' });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    await projectieKlopt('afgesloten');
    const w = await sql<{ n: number }>`select count(*)::int as n from werkvoorraad where melding_id = ${melding.id}::uuid`.execute(t.database.db);
    expect(w.rows[0]!.n).toBe(0);
    await vergelijkAlles(['regisseur3', 'teamleider2', 'demodorp-regisseur2', 'frontoffice', 'beslisser'], false);
  }, 600_000);

  it('een ongeldige cursor is een 400 die niets schrijft', async () => {
    for (const na of ['niet-geldig!', Buffer.from('[1,2,3]').toString('base64url'), Buffer.from('["2026-01-01"]').toString('base64url')]) {
      const r = await regisseur().get<{ code: string; invalidParams?: { name: string }[] }>(`/api/v1/meldingen?na=${encodeURIComponent(na)}`);
      expect(r.status, na).toBe(400);
      expect(r.body.code).toBe('ongeldige-invoer');
      expect(r.body.invalidParams?.[0]?.name).toBe('na');
    }
  });
});
