/**
 * Contractmanagement through the API: an own provider with a contract, two clients assigned to it, a
 * declaration (323) approved and one refused on 9321, an intake and an evaluation with ZRM scores and a
 * satisfaction answer. The comparison and the provider's page show the figures with norm and signal;
 * the ceiling is set (400 on invalid input, nothing written; audited); the clients behind the provider
 * are names for the teamleider of the team (audited per person) and suppressed counts for the inkoper.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, format, parseISO } from 'date-fns';
import { hashPassword } from '../../platform/auth/password.ts';
import { inGemeente, type Actor } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { toegewezenHulp } from '../../testing/toewijzing.ts';
import { retourcodeTekst, schrijf323 } from '../berichten/index.ts';
import { maakAanbieder, maakContract } from '../inkoop/index.ts';

let t: TestApp;
let regisseur: Client;
let beslisser: Client;
let beslisser2: Client;
let teamleider: Client;
let teamleider2: Client;
let inkoper: Client;
let beleid: Client;
let zorg: Client;
let gemeenteId: string;
let aanbiederId: string;
let contractId: string;
let agb = '';
const GEMEENTE = '9001';
const TARIEF = 3645;
const maand = (n: number) => format(addMonths(parseISO(`${vandaag().slice(0, 7)}-01`), n), 'yyyy-MM-dd');
const M1 = maand(-2);
const M2 = maand(-1);
/** Everything below happens in M1's year: declarations for M1, the evaluation and the answer two weeks into M1. */
const JAAR = Number(M1.slice(0, 4));
const HALF_M1 = format(addDays(parseISO(M1), 14), 'yyyy-MM-dd');
/** A prestatie as the provider's 323 carries it (Berichten's type, through its public writer). */
type Prestatie = Parameters<typeof schrijf323>[3][number]['prestaties'][number];
const laatsteVanMaand = (d: string) => format(addDays(addMonths(parseISO(`${d.slice(0, 7)}-01`), 1), -1), 'yyyy-MM-dd');
const actorInkoop = (): Actor => ({ gebruikerId: null, gebruikersnaam: 'test-inkoop', gemeenteId, rollen: ['inkoper'], rol: 'inkoper', aanbiederId: null });

interface Figuur { waarde: number | null; norm: number | null; signaal: 'groen' | 'oranje' | 'rood' | null }
type Figuren = Record<string, Figuur>;
interface Vergelijking { jaar: number; rijen: { aanbieder: { id: string; naam: string }; figuren: Figuren; signalen: { rood: number; oranje: number } }[] }
interface Pagina {
  figuren: Figuren;
  contracten: { id: string; plafondCents: number | null; besteedCents: number }[];
  producten: { productcode: string | null; clienten: number; besteedCents: number; prestaties: number; afgekeurd: number }[];
  afkeuringen: { prestaties: number; afgekeurd: number; perCode: { code: string; tekst: string; aantal: number }[] };
  doorlooptijden: { toewijzingTotStart: Figuur & { aantal: number } };
}
interface Clienten { soort: 'clienten' | 'aantallen'; totaal?: number; rijen: { naam?: string; nummer?: string; clienten?: number | null; onderdrukt?: boolean; besteedCents?: number }[] }

const toegewezen = () => toegewezenHulp({ t, regisseur, teamleider, beslisser, beslisser2, zorg, aanbiederId }, { ingangsdatum: M1, einddatum: maand(4), productcode: 'HH201', streefdatum: maand(6) });

let volgnummer = 0;
const prefix = `C${String(Date.now()).slice(-5)}`;
const ref = () => `${prefix}R${++volgnummer}`;
function prestatie(nummer: number, begin: string, uren: number): Prestatie {
  return {
    referentie: ref(), vorigReferentie: null, toewijzingNummer: nummer, categorie: '01', code: 'HH201', begin, eind: laatsteVanMaand(begin),
    volume: uren, eenheid: '04', tariefCents: TARIEF, bedragCents: uren * TARIEF, debetCredit: 'D',
  };
}
function declaratie(bsn: string, periode: string, prestaties: Prestatie[]): string {
  return schrijf323('iwmo', { afzender: agb, ontvanger: GEMEENTE, identificatie: `${prefix}I${++volgnummer}`, dagtekening: vandaag() },
    { nummer: `${prefix}N${++volgnummer}`, begin: periode, eind: laatsteVanMaand(periode), dagtekening: vandaag() }, [{ bsn, prestaties }]);
}
const lever = (xml: string) => zorg.post<{ status: string }>('/api/v1/berichten', undefined, { raw: xml, headers: { 'content-type': 'application/xml' } });
const rijVan = (v: Vergelijking) => v.rijen.find((r) => r.aanbieder.id === aanbiederId);

let clientA: Awaited<ReturnType<typeof toegewezen>>;
let clientB: Awaited<ReturnType<typeof toegewezen>>;
const BESTEED = (12 + 18) * TARIEF;

beforeAll(async () => {
  t = await startTestApp();
  [regisseur, beslisser, beslisser2, teamleider, teamleider2, inkoper, beleid] = (await Promise.all(
    ['regisseur', 'beslisser', 'beslisser2', 'teamleider', 'teamleider2', 'inkoper', 'beleid'].map((u) => t.login(u)),
  )) as [Client, Client, Client, Client, Client, Client, Client];
  gemeenteId = (await t.database.db.selectFrom('gemeenten').select('id').where('code', '=', 'demodorp').executeTakeFirstOrThrow()).id;
  agb = `7${String(Date.now()).slice(-7)}`;
  [aanbiederId, contractId] = await inGemeente(t.database.db, gemeenteId, async (tx) => {
    const a = await maakAanbieder(tx, actorInkoop(), { naam: `Thuiszorg Contractmanagement ${agb}`, agbCode: agb, wetten: ['wmo'] });
    const c = await maakContract(tx, actorInkoop(), {
      aanbiederId: a.id, van: '2020-01-01', producten: [{
        wet: 'wmo', productcategorie: '01', productcode: 'HH201', naam: 'Huishoudelijke hulp HH201', eenheid: '04', frequentie: '2', tariefCents: TARIEF, bekostiging: 'inspanningsgericht', capaciteit: null,
      }],
    });
    return [a.id, c.id] as const;
  });
  await t.database.db.insertInto('gebruikers').values({
    gemeente_id: gemeenteId, gebruikersnaam: `zorg-${agb}`, naam: 'Medewerker contractmanagement', rollen: ['aanbieder'], aanbieder_id: aanbiederId, wachtwoord_hash: await hashPassword('demo-wachtwoord'),
  }).execute();
  zorg = await t.login(`zorg-${agb}`, 'demo-wachtwoord');

  clientA = await toegewezen();
  clientB = await toegewezen();
  expect((await lever(declaratie(clientA.bsn, M1, [prestatie(clientA.nummer, M1, 12)]))).body.status).toBe('verwerkt');
  // 3 hours a week: at most 18 hours in a month (IV077); 19 is refused with 9321, the 18 of the next month approved.
  expect((await lever(declaratie(clientB.bsn, M2, [prestatie(clientB.nummer, M1, 19), prestatie(clientB.nummer, M2, 18)]))).body.status).toBe('deels');

  // Outcomes of client A's casus: ZRM 2 → 4 on one domain; the resident feels well helped.
  const gesprek = (datum: string, soort: string, score: number) => regisseur.post(`/api/v1/casussen/${clientA.casusId}/gesprekken`, {
    datum, plek: 'thuis', soort, deelnemers: [{ rol: 'inwoner', naam: 'J. van Dijk' }], scores: [{ domein: 'financien', score }],
  });
  expect((await gesprek(M1, 'intake', 2)).status).toBe(201);
  expect((await gesprek(HALF_M1, 'evaluatie', 4)).status).toBe(201);
  expect((await regisseur.post(`/api/v1/casussen/${clientA.casusId}/tevredenheid`, { datum: HALF_M1, goedGeholpen: true })).status).toBe(201);
}, 300_000);
afterAll(async () => t?.close());

describe('contractmanagement: vergelijking en aanbiederpagina', () => {
  it('de vergelijking toont de aanbieder met cliënten, instroom, besteding, afkeuringen en uitkomsten, elk met norm en signaal', async () => {
    const r = await inkoper.get<Vergelijking>(`/api/v1/contractmanagement?jaar=${JAAR}`);
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    expect(r.body.jaar).toBe(JAAR);
    const rij = rijVan(r.body)!;
    expect(rij).toBeDefined();
    const f = rij.figuren;
    expect(f.clienten).toEqual({ waarde: 2, norm: null, signaal: null });
    expect(f.instroom!.waarde).toBe(2);
    expect(f.uitstroom!.waarde).toBe(0);
    // Two voorzieningen from M1 up to today (or 31 December of M1's year): one voorzieningsmaand each per month.
    const maandenInJaar = JAAR === Number(vandaag().slice(0, 4)) ? 3 : 12 - Number(M1.slice(5, 7)) + 1;
    expect(f.volume!.waarde).toBe(2 * maandenInJaar);
    expect(f.besteed!.waarde).toBe(BESTEED);
    expect(f.kostenPerClient!.waarde).toBe(BESTEED / 2);
    // 3 prestaties, 1 refused: a third, far above the 5% norm.
    expect(f.afkeurAandeel).toMatchObject({ norm: 0.05, signaal: 'rood' });
    expect(f.afkeurAandeel!.waarde).toBeCloseTo(1 / 3, 6);
    // No ceiling yet: no share and no signal.
    expect(f.bestedingTovPlafond).toEqual({ waarde: null, norm: 0.9, signaal: null });
    expect(f.zrmVerandering).toMatchObject({ waarde: 2, signaal: 'groen' });
    expect(f.goedGeholpen).toMatchObject({ waarde: 1, norm: 0.8, signaal: 'groen' });
    expect(rij.signalen.rood).toBeGreaterThanOrEqual(1);
    // Beleid reads the same comparison; a casusregisseur does not.
    expect((await beleid.get(`/api/v1/contractmanagement?jaar=${JAAR}`)).status).toBe(200);
    expect((await regisseur.get('/api/v1/contractmanagement')).status).toBe(403);
  });

  it('de aanbiederpagina toont afkeuringen per retourcode met de Nederlandse tekst, per product en per contract', async () => {
    const r = await beleid.get<Pagina>(`/api/v1/contractmanagement/${aanbiederId}?jaar=${JAAR}`);
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    expect(r.body.afkeuringen).toEqual({ prestaties: 3, afgekeurd: 1, perCode: [{ code: '9321', tekst: retourcodeTekst('9321'), aantal: 1, ingediendCents: 19 * TARIEF }] });
    expect(r.body.afkeuringen.perCode[0]!.tekst).not.toMatch(/^Retourcode/);
    expect(r.body.producten).toEqual([expect.objectContaining({ productcode: 'HH201', clienten: 2, besteedCents: BESTEED, prestaties: 3, afgekeurd: 1 })]);
    expect(r.body.contracten).toEqual([expect.objectContaining({ id: contractId, plafondCents: null, besteedCents: BESTEED })]);
    // Nobody reported a start (305) yet: no lead time, no signal.
    expect(r.body.doorlooptijden.toewijzingTotStart).toMatchObject({ aantal: 0, waarde: null, signaal: null });
    expect((await inkoper.get(`/api/v1/contractmanagement/00000000-0000-4000-8000-000000000000?jaar=${JAAR}`)).status).toBe(404);
    expect((await inkoper.get(`/api/v1/contractmanagement/${aanbiederId}?jaar=twintig`)).status).toBe(400);
  });
});

describe('contractmanagement: het plafond van een contract', () => {
  it('een ongeldig plafond geeft 400 met een Nederlandse uitleg en verandert niets', async () => {
    for (const body of [{ plafondCents: -100 }, { plafondCents: 12.5 }, { plafondCents: 'veel' }, {}]) {
      const r = await inkoper.request<{ code: string; invalidParams: { name: string; reason: string }[] }>('PUT', `/api/v1/contracten/${contractId}/plafond`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.code).toBe('ongeldige-invoer');
      expect(r.body.invalidParams, JSON.stringify(r.body)).toEqual([expect.objectContaining({ name: 'plafondCents', reason: expect.stringMatching(/plafond|centen|negatief/i) })]);
    }
    const hoog = await inkoper.request<{ detail: string }>('PUT', `/api/v1/contracten/${contractId}/plafond`, { plafondCents: 200_000_000_000 });
    expect(hoog.status).toBe(400);
    expect(hoog.body.detail).toMatch(/onwaarschijnlijk hoog/);
    const c = await t.database.db.selectFrom('contracten').select('plafond_cents').where('id', '=', contractId).executeTakeFirstOrThrow();
    expect(c.plafond_cents).toBeNull();
    expect((await inkoper.request('PUT', '/api/v1/contracten/00000000-0000-4000-8000-000000000000/plafond', { plafondCents: 100 })).status).toBe(404);
    expect((await beleid.request('PUT', `/api/v1/contracten/${contractId}/plafond`, { plafondCents: 100 })).status).toBe(403);
  });

  it('een plafond dicht bij de besteding geeft vanaf 90% een signaal, erboven rood; de wijziging staat in de audittrail', async () => {
    // Spend is 95% of this ceiling: orange.
    const plafond = Math.round(BESTEED / 0.95);
    const r = await inkoper.request<{ plafondCents: number }>('PUT', `/api/v1/contracten/${contractId}/plafond`, { plafondCents: plafond });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.plafondCents).toBe(plafond);
    let f = rijVan((await inkoper.get<Vergelijking>(`/api/v1/contractmanagement?jaar=${JAAR}`)).body)!.figuren;
    expect(f.bestedingTovPlafond!.waarde).toBeCloseTo(0.95, 3);
    expect(f.bestedingTovPlafond!.signaal).toBe('oranje');

    await inkoper.request('PUT', `/api/v1/contracten/${contractId}/plafond`, { plafondCents: BESTEED - 1 });
    f = (await inkoper.get<Pagina>(`/api/v1/contractmanagement/${aanbiederId}?jaar=${JAAR}`)).body.figuren;
    expect(f.bestedingTovPlafond!.signaal).toBe('rood');

    await inkoper.request('PUT', `/api/v1/contracten/${contractId}/plafond`, { plafondCents: BESTEED * 2 });
    f = (await inkoper.get<Pagina>(`/api/v1/contractmanagement/${aanbiederId}?jaar=${JAAR}`)).body.figuren;
    expect(f.bestedingTovPlafond).toMatchObject({ waarde: 0.5, signaal: 'groen' });

    const audit = await t.database.db.selectFrom('auditlog').select(['actie', 'gebruikersnaam', 'doel']).where('resource_type', '=', 'contract').where('resource_id', '=', contractId).execute();
    expect(audit.length).toBe(3);
    expect(audit.every((a) => a.actie === 'wijzigen' && a.gebruikersnaam === 'inkoper')).toBe(true);
    expect(audit.map((a) => a.doel)).toContain(`plafond van contract ${(await t.database.db.selectFrom('contracten').select('nummer').where('id', '=', contractId).executeTakeFirstOrThrow()).nummer} van geen naar ${plafond} cent`);
  });
});

describe('contractmanagement: de cliënten achter een aanbieder', () => {
  it('de inkoper ziet alleen aantallen per product, kleine aantallen onderdrukt, zonder namen', async () => {
    const r = await inkoper.get<Clienten>(`/api/v1/contractmanagement/${aanbiederId}/clienten?jaar=${JAAR}`);
    expect(r.status).toBe(200);
    expect(r.body.soort).toBe('aantallen');
    expect(r.body.rijen).toEqual([{ productcode: 'HH201', productNaam: expect.any(String), clienten: null, onderdrukt: true }]);
    expect(JSON.stringify(r.body)).not.toContain(clientA.bsn);
  });

  it('de teamleider van het team ziet de cliënten met voorziening en besteding; elke getoonde persoon krijgt een auditregel', async () => {
    const r = await teamleider.get<Clienten>(`/api/v1/contractmanagement/${aanbiederId}/clienten?jaar=${JAAR}`);
    expect(r.status).toBe(200);
    expect(r.body.soort).toBe('clienten');
    expect(r.body.totaal).toBe(2);
    expect(r.body.rijen.map((x) => x.naam).every((n) => typeof n === 'string' && n !== 'Onbekend')).toBe(true);
    expect(r.body.rijen.reduce((s, x) => s + (x.besteedCents ?? 0), 0)).toBe(BESTEED);
    const audit = await t.database.db.selectFrom('auditlog').select(['persoon_id', 'gebruikersnaam']).where('resource_type', '=', 'contractmanagement-clienten')
      .where('resource_id', '=', aanbiederId).where('gebruikersnaam', '=', 'teamleider').execute();
    expect(audit.filter((a) => a.persoon_id !== null).map((a) => a.persoon_id).sort()).toEqual([clientA.persoonId, clientB.persoonId].sort());
  });

  it('een teamleider van een ander team ziet niemand; een casusregisseur mag de lijst niet opvragen', async () => {
    const r = await teamleider2.get<Clienten>(`/api/v1/contractmanagement/${aanbiederId}/clienten?jaar=${JAAR}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ soort: 'clienten', totaal: 0, rijen: [] });
    expect((await regisseur.get(`/api/v1/contractmanagement/${aanbiederId}/clienten`)).status).toBe(403);
  });
});

describe('contractmanagement: doorlooptijden uit het berichtenverkeer', () => {
  it('een start (305) op de dag van de toewijzing geeft een doorlooptijd van 0 dagen, op norm', async () => {
    const r = await zorg.post(`/api/v1/portaal/toewijzingen/iwmo/${clientA.nummer}/start`, { datum: vandaag() });
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    // The toewijzing was sent today: it counts in this year's figures.
    const p = await inkoper.get<Pagina>(`/api/v1/contractmanagement/${aanbiederId}`);
    expect(p.body.doorlooptijden.toewijzingTotStart).toEqual({ aantal: 1, waarde: 0, norm: 14, signaal: 'groen' });
    expect(p.body.figuren.toewijzingTotStart).toEqual({ waarde: 0, norm: 14, signaal: 'groen' });
  });
});

