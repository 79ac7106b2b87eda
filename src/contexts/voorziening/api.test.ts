import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registreerVerwerker } from '../../platform/jobs/outbox.ts';
import { inGemeente, type Actor } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { startTestApp, voorbeeldMelding, type Client, type TestApp } from '../../testing/harness.ts';
import { pdfTekst } from '../../testing/pdf.ts';
import { maakAanbieder, maakContract, zetPgbTarief, zetTarief } from '../inkoop/index.ts';
import { maakVoorzieningBrief } from './brief.ts';
import { BRIEF_SOORT } from './usecases.ts';

let t: TestApp;
let regisseur: Client;
let beslisser: Client;
let beslisser2: Client;
let teamleider: Client;
let gemeenteId: string;

interface ProblemBody { code: string; detail: string; invalidParams?: { name: string; reason: string }[] }
interface Voorziening {
  id: string; nummer: string; status: string; productcode: string | null; begin: string; eind: string | null; beeindigdOp: string | null; leveringsvorm: string;
  budgetCents: number; budgetTot: string; jaarbedragCents: number; aanbieder: { id: string; naam: string } | null; vervangt: string | null; vervangenDoor: string | null;
  redenBeeindiging: string | null; beschikking: { id: string; nummer: string }; casusId: string;
  historie?: { van: string | null; naar: string; toelichting: string | null }[]; brieven?: { id: string; gebeurtenis: string; url: string }[];
  intrekking?: { datum: string; reden: string } | null;
}
interface Kandidaat { aanbiederId: string; aanbiederNaam: string; tariefCents: number; budgetCents: number; capaciteit: number | null; vrij: number | null }

const inkoper = (): Actor => ({ gebruikerId: null, gebruikersnaam: 'test-inkoop', gemeenteId, rollen: ['inkoper'], rol: 'inkoper', aanbiederId: null });
let agb = 87000000;

/** A provider with a contract for one test product: 2026 tariff from 1 January 2026, the 2027 tariff from 1 January 2027. */
async function contract(opts: { code: string; naam: string; tarief2026: number; tarief2027: number; capaciteit?: number; eenheid?: string; frequentie?: string }) {
  return inGemeente(t.database.db, gemeenteId, async (tx) => {
    const a = await maakAanbieder(tx, inkoper(), { naam: opts.naam, agbCode: String(++agb), wetten: ['wmo'] });
    const c = await maakContract(tx, inkoper(), {
      aanbiederId: a.id, van: '2026-01-01', producten: [{
        wet: 'wmo', productcategorie: '01', productcode: opts.code, naam: `Testproduct ${opts.code}`, eenheid: opts.eenheid ?? '04', frequentie: opts.frequentie ?? '2',
        tariefCents: opts.tarief2026, bekostiging: 'inspanningsgericht', capaciteit: opts.capaciteit ?? null,
      }],
    });
    await zetTarief(tx, inkoper(), c.producten[0]!.id, { van: '2027-01-01', tariefCents: opts.tarief2027 });
    return { aanbiederId: a.id, contractProductId: c.producten[0]!.id };
  });
}

/** A casus of Ruud with a Wmo maatwerk item (rung 4) in the plan. */
async function planMetMaatwerk(door: Client = regisseur) {
  const m = await door.post<{ id: string }>('/api/v1/meldingen', voorbeeldMelding({ ontvangenOp: vandaag() }));
  const casusId = (await door.post<{ casus: { id: string } }>(`/api/v1/meldingen/${m.body.id}/triage`, { uitkomst: 'onderzoek' })).body.casus.id;
  return { casusId, itemId: await maatwerkItem(casusId, door) };
}
async function maatwerkItem(casusId: string, door: Client = regisseur) {
  const doel = await door.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/doelen`, {
    leefgebied: 'praktischFunctioneren', omschrijving: 'Schoon en leefbaar huis', meetbaarResultaat: 'Huis wekelijks schoon', streefdatum: '2027-06-01',
  });
  const wmo = (await door.get<{ id: string; naam: string }[]>('/api/v1/catalogus?domein=wmo&trede=4')).body.find((i) => /huishouden/i.test(i.naam))!;
  return (await door.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/arrangement`, {
    doelId: doel.body.id, trede: 4, catalogusItemId: wmo.id, motivering: 'Mevrouw kan door haar heup niet meer zwaar schoonmaken.',
  })).body.id;
}

type Product = { omvang?: number; ingangsdatum?: string; einddatum?: string; leveringsvorm?: 'zin' | 'pgb'; productcode?: string; eenheid?: string; periode?: string };
const besluit = (itemId: string, p: Product = {}) => ({
  producten: [{
    arrangementItemId: itemId, uitkomst: 'toegekend', omvang: p.omvang ?? 3, ingangsdatum: p.ingangsdatum ?? '2026-12-01', leveringsvorm: p.leveringsvorm ?? 'zin',
    ...(p.einddatum ? { einddatum: p.einddatum } : {}), ...(p.productcode ? { productcode: p.productcode } : {}), eenheid: p.eenheid ?? 'uur', ...(p.periode ? { periode: p.periode } : {}),
  }],
  motivering: 'Mevrouw kan het huishouden niet zelf of met haar netwerk doen.',
});

/** Prepared by Ruud, checked by the teamleider, assessed by beslisser2, decided and sent by beslisser. */
async function verzonden(aanvraagId: string, itemId: string, p: Product) {
  await teamleider.post(`/api/v1/aanvragen/${aanvraagId}/toets`, {});
  await beslisser2.post(`/api/v1/aanvragen/${aanvraagId}/beoordeling`, {});
  const b = await beslisser.post<{ beschikkingId: string; status: string } & ProblemBody>(`/api/v1/aanvragen/${aanvraagId}/besluit`, besluit(itemId, p));
  expect(b.status, JSON.stringify(b.body)).toBe(200);
  const v = await beslisser.post(`/api/v1/aanvragen/${aanvraagId}/verzending`, {});
  expect(v.status, JSON.stringify(v.body)).toBeLessThan(300);
  return b.body.beschikkingId;
}

async function verzondenVoorziening(p: Product = {}) {
  const { casusId, itemId } = await planMetMaatwerk();
  const aanvraagId = (await regisseur.post<{ id: string }>('/api/v1/aanvragen', { casusId, arrangementItemIds: [itemId], ontvangenOp: vandaag() })).body.id;
  const beschikkingId = await verzonden(aanvraagId, itemId, p);
  const lijst = (await regisseur.get<{ items: Voorziening[] }>(`/api/v1/voorzieningen?casusId=${casusId}`)).body.items;
  return { casusId, aanvraagId, beschikkingId, itemId, v: lijst.find((x) => x.beschikking.id === beschikkingId)! };
}

const lees = async (id: string, door: Client = regisseur) => (await door.get<Voorziening>(`/api/v1/voorzieningen/${id}`)).body;

/** Runs the due letter jobs and returns the text of the provision's letter about this event; the signature is checked on every one. */
async function briefTekst(id: string, gebeurtenis: string, door: Client = regisseur): Promise<string> {
  await t.app.opdrachten.verwerk();
  const brief = (await lees(id, door)).brieven!.find((b) => b.gebeurtenis === gebeurtenis);
  expect(brief, `een brief '${gebeurtenis}'`).toBeDefined();
  const res = await fetch(`${t.baseUrl}${brief!.url}`, { headers: { cookie: door.cookie! } });
  const tekst = await pdfTekst(new Uint8Array(await res.arrayBuffer()));
  expect(tekst).toContain('Team Toegang Sociaal Domein, gemeente Demodorp');
  expect(tekst).not.toMatch(/gemeente Demodorp, gemeente Demodorp/i);
  return tekst;
}

/** A second aanvraag of the household waits with the beslissers: the beslisser is in the circle (need-to-know). */
async function beslisserInKring(casusId: string) {
  const itemId = await maatwerkItem(casusId);
  await regisseur.post('/api/v1/aanvragen', { casusId, arrangementItemIds: [itemId], ontvangenOp: vandaag() });
}

let hoofd: { aanbiederId: string; contractProductId: string };
let ander: { aanbiederId: string };

beforeAll(async () => {
  t = await startTestApp();
  [regisseur, beslisser, beslisser2, teamleider] = (await Promise.all(['regisseur', 'beslisser', 'beslisser2', 'teamleider'].map((u) => t.login(u)))) as [Client, Client, Client, Client];
  gemeenteId = (await t.database.db.selectFrom('gemeenten').select('id').where('code', '=', 'demodorp').executeTakeFirstOrThrow()).id;
  // The tariffs of hulp bij het huishouden in the issue: € 36,45 per hour in 2026, € 38,10 in 2027.
  hoofd = await contract({ code: 'TS001', naam: 'Thuiszorg Test', tarief2026: 3645, tarief2027: 3810 });
  ander = await contract({ code: 'TS002', naam: 'Anderszins Zorg', tarief2026: 5000, tarief2027: 5100 });
  await contract({ code: 'TS003', naam: 'Klein Maar Fijn', tarief2026: 4000, tarief2027: 4100, capaciteit: 1 });
  // The pgb tariff of TS001: € 27,35 an hour.
  await inGemeente(t.database.db, gemeenteId, (tx) => zetPgbTarief(tx, inkoper(), { wet: 'wmo', productcode: 'TS001', eenheid: '04', frequentie: '2', tariefCents: 2735, van: '2026-01-01' }));
});
afterAll(async () => t?.close());

describe('het budget komt uit het contract, nooit ingetypt', () => {
  it('tarief × volume × looptijd tot op de cent, over 1 januari met een nieuw tarief', async () => {
    // 3 uur per week van 1 december 2026 t/m 31 januari 2027: 31 dagen tegen € 36,45 en 31 dagen tegen € 38,10.
    const { v } = await verzondenVoorziening({ productcode: 'TS001', ingangsdatum: '2026-12-01', einddatum: '2027-01-31' });
    const verwacht = Math.round((3645 * 3 * 31) / 7) + Math.round((3810 * 3 * 31) / 7);
    expect(verwacht).toBe(48426 + 50619);
    expect(v).toMatchObject({ status: 'toegekend', productcode: 'TS001', begin: '2026-12-01', eind: '2027-01-31', budgetCents: verwacht, budgetTot: '2027-01-31' });
    expect(v.nummer).toMatch(/^V-\d{4}-\d{6}$/);
    const bp = await t.database.db.selectFrom('beschikking_producten').select(['budget_cents', 'jaarbedrag_cents', 'productcode', 'periode'])
      .where('beschikking_id', '=', v.beschikking.id).executeTakeFirstOrThrow();
    expect(bp).toMatchObject({ budget_cents: verwacht, productcode: 'TS001', periode: 'week', jaarbedrag_cents: Math.round((verwacht * 365) / 62) });
  });

  it('een besluit dat nog een jaarbedrag meestuurt: 400, het bedrag wordt berekend', async () => {
    const { casusId, itemId } = await planMetMaatwerk();
    const id = (await regisseur.post<{ id: string }>('/api/v1/aanvragen', { casusId, arrangementItemIds: [itemId], ontvangenOp: vandaag() })).body.id;
    await teamleider.post(`/api/v1/aanvragen/${id}/toets`, {});
    await beslisser2.post(`/api/v1/aanvragen/${id}/beoordeling`, {});
    const body = besluit(itemId, { productcode: 'TS001' });
    const r = await beslisser.post<ProblemBody>(`/api/v1/aanvragen/${id}/besluit`, { ...body, producten: [{ ...body.producten[0], jaarbedrag: 100 }] });
    expect(r.status).toBe(400);
    expect(r.body.invalidParams).toEqual([expect.objectContaining({ name: 'producten.0.jaarbedrag', reason: expect.stringMatching(/berekend uit het contract/) })]);
    // The eenheid and periode must match the contracted product (uur, per week).
    const eenheid = await beslisser.post<ProblemBody>(`/api/v1/aanvragen/${id}/besluit`, besluit(itemId, { productcode: 'TS001', eenheid: 'etmaal' }));
    expect(eenheid.status).toBe(422);
    expect(eenheid.body.invalidParams![0]!.name).toBe('producten.0.eenheid');
    const periode = await beslisser.post<ProblemBody>(`/api/v1/aanvragen/${id}/besluit`, besluit(itemId, { productcode: 'TS001', periode: 'maand' }));
    expect(periode.status).toBe(422);
    expect(periode.body.invalidParams![0]!.name).toBe('producten.0.periode');
    // The WJ756 code is accepted as well as the Dutch word.
    expect((await beslisser.post(`/api/v1/aanvragen/${id}/besluit`, besluit(itemId, { productcode: 'TS001', eenheid: '04', periode: 'week' }))).status).toBe(200);
  });

  it('de drempel van de tweede beslisser vergelijkt het berekende jaarbedrag: weglaten kan niet meer', async () => {
    const { casusId, itemId } = await planMetMaatwerk();
    const id = (await regisseur.post<{ id: string }>('/api/v1/aanvragen', { casusId, arrangementItemIds: [itemId], ontvangenOp: vandaag() })).body.id;
    await teamleider.post(`/api/v1/aanvragen/${id}/toets`, {});
    await beslisser2.post(`/api/v1/aanvragen/${id}/beoordeling`, {});
    // 20 uur per week tegen € 36,45: ruim € 37.000 per jaar, boven de drempel van € 25.000.
    const r = await beslisser.post<{ status: string; wachtOpTweedeBeslisser: boolean; beschikkingId: string | null }>(`/api/v1/aanvragen/${id}/besluit`, besluit(itemId, { productcode: 'TS001', omvang: 20 }));
    expect(r.body).toMatchObject({ status: 'beoordeeld', wachtOpTweedeBeslisser: true, beschikkingId: null });
  });
});

describe('de levensloop van een voorziening', () => {
  let v: Voorziening;
  let casusId: string;

  it('na verzending: toegekend, met historie, en elke lezing staat in de audittrail', async () => {
    ({ v, casusId } = await verzondenVoorziening({ productcode: 'TS001' }));
    const d = await lees(v.id);
    expect(d.historie!.map((h) => h.naar)).toEqual(['toegekend']);
    // The person's list has it too; without casusId or persoonId the request is refused.
    const persoonId = (await t.database.db.selectFrom('voorzieningen').select('persoon_id').where('id', '=', v.id).executeTakeFirstOrThrow()).persoon_id;
    expect((await regisseur.get<{ items: Voorziening[] }>(`/api/v1/voorzieningen?persoonId=${persoonId}`)).body.items.map((x) => x.id)).toContain(v.id);
    expect((await regisseur.get('/api/v1/voorzieningen')).status).toBe(400);
    const audit = await t.database.db.selectFrom('auditlog').select(['actie', 'doel']).where('resource_type', '=', 'voorziening').where('resource_id', '=', v.id).execute();
    expect(audit.some((a) => a.actie === 'aanmaken')).toBe(true);
    expect(audit.some((a) => a.actie === 'lezen')).toBe(true);
  });

  it('de kandidaten zijn de voor dit product gecontracteerde aanbieders, met tarief, budget en vrije plaatsen', async () => {
    const k = (await regisseur.get<{ items: Kandidaat[] }>(`/api/v1/voorzieningen/${v.id}/kandidaten`)).body.items;
    expect(k.map((x) => x.aanbiederNaam)).toEqual(['Thuiszorg Test']);
    expect(k[0]).toMatchObject({ tariefCents: 3645, capaciteit: null, vrij: null });
  });

  it('verboden overgangen vóór de toewijzing: starten en beëindigen', async () => {
    const s = await regisseur.post<ProblemBody>(`/api/v1/voorzieningen/${v.id}/start`, { datum: '2026-12-01' });
    expect(s.status).toBe(409);
    expect(s.body.code).toBe('ongeldige-statusovergang');
    expect(s.body.detail).toMatch(/aanbieder/);
    expect((await regisseur.post<ProblemBody>(`/api/v1/voorzieningen/${v.id}/beeindig`, { datum: '2026-12-31', reden: '19' })).status).toBe(409);
  });

  it('een aanbieder zonder contract voor dit product: 422; de gecontracteerde: toegewezen, budget tegen zijn tarief', async () => {
    const fout = await regisseur.post<ProblemBody>(`/api/v1/voorzieningen/${v.id}/aanbieder`, { aanbiederId: ander.aanbiederId });
    expect(fout.status).toBe(422);
    expect(fout.body.code).toBe('aanbieder-niet-gecontracteerd');
    expect((await regisseur.post<ProblemBody>(`/api/v1/voorzieningen/${v.id}/aanbieder`, { svb: true })).status).toBe(422);
    const r = await regisseur.post<Voorziening>(`/api/v1/voorzieningen/${v.id}/aanbieder`, { aanbiederId: hoofd.aanbiederId });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'toegewezen', aanbieder: { id: hoofd.aanbiederId, naam: 'Thuiszorg Test' } });
    expect(r.body.budgetCents).toBe(v.budgetCents);
    expect((await regisseur.post<ProblemBody>(`/api/v1/voorzieningen/${v.id}/aanbieder`, { aanbiederId: hoofd.aanbiederId })).status).toBe(409);
  });

  it('starten vóór de ingangsdatum: 400; op of na de ingangsdatum: gestart; intrekken kan dan niet meer', async () => {
    expect((await regisseur.post<ProblemBody>(`/api/v1/voorzieningen/${v.id}/start`, { datum: '2026-11-01' })).status).toBe(400);
    expect((await regisseur.post<Voorziening>(`/api/v1/voorzieningen/${v.id}/start`, { datum: '2026-12-02' })).body.status).toBe('gestart');
    await beslisserInKring(casusId);
    const intrekken = await beslisser.post<ProblemBody>(`/api/v1/voorzieningen/${v.id}/intrekken`, { datum: vandaag(), reden: 'Niet meer nodig' });
    expect(intrekken.status).toBe(409);
    expect(intrekken.body.detail).toMatch(/beëindigd, niet ingetrokken/);
  });

  it('beëindigen: een reden uit WMO588 en een einddatum na de start; het budget over de kortere periode, de historie houdt het oude', async () => {
    expect((await regisseur.post<ProblemBody>(`/api/v1/voorzieningen/${v.id}/beeindig`, { datum: '2026-12-31', reden: '99' })).status).toBe(400);
    expect((await regisseur.post<ProblemBody>(`/api/v1/voorzieningen/${v.id}/beeindig`, { datum: '2026-12-01', reden: '19' })).status).toBe(400);
    const r = await regisseur.post<Voorziening>(`/api/v1/voorzieningen/${v.id}/beeindig`, { datum: '2026-12-31', reden: '19' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'beeindigd', beeindigdOp: '2026-12-31', redenBeeindiging: '19', budgetTot: '2026-12-31', budgetCents: Math.round((3645 * 3 * 31) / 7) });
    const historie = (await lees(v.id)).historie!;
    expect(historie.map((h) => h.naar)).toEqual(['toegekend', 'toegewezen', 'gestart', 'beeindigd']);
    const oud = await t.database.db.selectFrom('voorziening_historie').select('gegevens').where('voorziening_id', '=', v.id).where('naar', '=', 'beeindigd').executeTakeFirstOrThrow();
    expect((oud.gegevens as { voor: { budgetCents: number } }).voor.budgetCents).toBe(v.budgetCents);
  });

  it('een beëindigde voorziening laat niets meer toe', async () => {
    for (const [pad, body] of [['aanbieder', { aanbiederId: hoofd.aanbiederId }], ['start', { datum: '2026-12-05' }], ['beeindig', { datum: '2026-12-20', reden: '19' }]] as const) {
      const r = await regisseur.post<ProblemBody>(`/api/v1/voorzieningen/${v.id}/${pad}`, body);
      expect(r.status).toBe(409);
      expect(r.body.detail).toMatch(/kan niet meer/);
    }
    expect((await beslisser.post(`/api/v1/voorzieningen/${v.id}/intrekken`, { datum: vandaag(), reden: 'x' })).status).toBe(409);
  });

  it('intrekken (beslisser) van een toegekende voorziening: geen dagen, geen kosten', async () => {
    const { v: w, casusId: c } = await verzondenVoorziening({ productcode: 'TS001' });
    expect((await regisseur.post(`/api/v1/voorzieningen/${w.id}/intrekken`, { datum: vandaag(), reden: 'x' })).status).toBe(403);
    await beslisserInKring(c);
    const r = await beslisser.post<Voorziening>(`/api/v1/voorzieningen/${w.id}/intrekken`, { datum: '2026-12-01', reden: 'Besluit berustte op onjuiste gegevens' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ingetrokken', beeindigdOp: '2026-11-30', budgetCents: 0, intrekking: { datum: '2026-12-01', reden: 'Besluit berustte op onjuiste gegevens' } });
  });

  it('de brief over de intrekking noemt de reden zoals de beslisser die invoerde en de datum, en wijst op bezwaar', async () => {
    const { v: w, casusId: c } = await verzondenVoorziening({ productcode: 'TS001' });
    await beslisserInKring(c);
    await beslisser.post(`/api/v1/voorzieningen/${w.id}/intrekken`, { datum: '2026-12-01', reden: 'Besluit berustte op onjuiste gegevens' });
    const tekst = await briefTekst(w.id, 'ingetrokken', beslisser);
    expect(tekst).toContain('Wij trekken deze voorziening in met ingang van 1 december 2026.');
    expect(tekst).toContain('Waarom wij de voorziening intrekken Besluit berustte op onjuiste gegevens.');
    expect(tekst).toMatch(/binnen zes weken na de datum van deze brief/);
  });

  it('de stopbrief zegt de reden in gewone woorden tegen u, niet in de woorden van de codelijst', async () => {
    const { v: w } = await verzondenVoorziening({ productcode: 'TS001' });
    await regisseur.post(`/api/v1/voorzieningen/${w.id}/aanbieder`, { aanbiederId: hoofd.aanbiederId });
    await regisseur.post(`/api/v1/voorzieningen/${w.id}/start`, { datum: '2026-12-01' });
    expect((await regisseur.post(`/api/v1/voorzieningen/${w.id}/beeindig`, { datum: '2026-12-20', reden: '21' })).status).toBe(200);
    const tekst = await briefTekst(w.id, 'beeindigd');
    expect(tekst).toContain('stopt op 20 december 2026. Dat is de laatste dag. U heeft zelf besloten te stoppen met de hulp.');
    expect(tekst).not.toMatch(/De reden:|eenzijdig/);
  });

  it('een pgb: geen aanbieder maar de SVB, het budget tegen het pgb-tarief', async () => {
    const { v } = await verzondenVoorziening({ productcode: 'TS001', leveringsvorm: 'pgb', ingangsdatum: '2026-12-01', einddatum: '2026-12-28' });
    // 4 weeks × 3 hours at the pgb tariff.
    expect(v.budgetCents).toBe(2735 * 3 * 4);
    const fout = await regisseur.post<ProblemBody>(`/api/v1/voorzieningen/${v.id}/aanbieder`, { aanbiederId: hoofd.aanbiederId });
    expect(fout.status).toBe(422);
    const r = await regisseur.post<Voorziening & { svb: boolean }>(`/api/v1/voorzieningen/${v.id}/aanbieder`, { svb: true });
    expect(r.body).toMatchObject({ status: 'toegewezen', svb: true, aanbieder: null, budgetCents: 2735 * 3 * 4 });
  });

  it('een aanbieder zonder vrije plaats: 409', async () => {
    const eerste = (await verzondenVoorziening({ productcode: 'TS003' })).v;
    const tweede = (await verzondenVoorziening({ productcode: 'TS003' })).v;
    const aanbieder = (await regisseur.get<{ items: Kandidaat[] }>(`/api/v1/voorzieningen/${eerste.id}/kandidaten`)).body.items[0]!;
    expect(aanbieder).toMatchObject({ capaciteit: 1, vrij: 1 });
    expect((await regisseur.post(`/api/v1/voorzieningen/${eerste.id}/aanbieder`, { aanbiederId: aanbieder.aanbiederId })).status).toBe(200);
    const vol = await regisseur.post<ProblemBody>(`/api/v1/voorzieningen/${tweede.id}/aanbieder`, { aanbiederId: aanbieder.aanbiederId });
    expect(vol.status).toBe(409);
    expect(vol.body.code).toBe('aanbieder-vol');
  });
});

describe('herziening en bezwaar vervangen de oude voorziening', () => {
  it('een verzonden herziening: de oude vervangen, gekoppeld, tot de dag vóór de nieuwe begint', async () => {
    const { v, beschikkingId, casusId } = await verzondenVoorziening({ productcode: 'TS001', ingangsdatum: '2026-12-01' });
    await regisseur.post(`/api/v1/voorzieningen/${v.id}/aanbieder`, { aanbiederId: hoofd.aanbiederId });
    const h = (await regisseur.post<{ id: string }>(`/api/v1/beschikkingen/${beschikkingId}/herziening`, { reden: 'Meer uren nodig' })).body.id;
    const items = (await t.database.db.selectFrom('aanvraag_producten').select('arrangement_item_id').where('aanvraag_id', '=', h).execute());
    await verzonden(h, items[0]!.arrangement_item_id!, { productcode: 'TS001', ingangsdatum: '2027-02-01', omvang: 5 });
    const oud = await lees(v.id);
    const alle = (await regisseur.get<{ items: Voorziening[] }>(`/api/v1/voorzieningen?casusId=${casusId}`)).body.items;
    const nieuw = alle.find((x) => x.id !== v.id)!;
    expect(oud).toMatchObject({ status: 'vervangen', beeindigdOp: '2027-01-31', vervangenDoor: nieuw.id, redenBeeindiging: 'herziening' });
    expect(nieuw).toMatchObject({ status: 'toegekend', begin: '2027-02-01', vervangt: v.id });
  });

  it('een gegrond bezwaar leidt tot een herziening, en die vervangt op dezelfde manier', async () => {
    const { v, beschikkingId } = await verzondenVoorziening({ productcode: 'TS001', ingangsdatum: '2026-12-01' });
    const z = (await teamleider.post<{ bezwaren: { id: string }[] }>(`/api/v1/beschikkingen/${beschikkingId}/bezwaren`, { ontvangenOp: vandaag(), omschrijving: 'Te weinig uren' })).body.bezwaren[0]!.id;
    const jurist = await t.login('jurist');
    await jurist.post(`/api/v1/bezwaren/${z}/hoorzitting`, { status: 'afgezien', reden: 'De indiener ziet af van horen.' });
    const besl = await jurist.post<{ herziening: { id: string } }>(`/api/v1/bezwaren/${z}/beslissing`, { uitkomst: 'gegrond', motivering: 'Drie uur is te weinig.' });
    expect(besl.status, JSON.stringify(besl.body)).toBe(200);
    const h = besl.body.herziening.id;
    const item = (await t.database.db.selectFrom('aanvraag_producten').select('arrangement_item_id').where('aanvraag_id', '=', h).executeTakeFirstOrThrow()).arrangement_item_id!;
    await verzonden(h, item, { productcode: 'TS001', ingangsdatum: '2027-01-01', omvang: 5 });
    const oud = (await t.database.db.selectFrom('voorzieningen').select(['status', 'beeindigd_op', 'vervangen_door']).where('id', '=', v.id).executeTakeFirstOrThrow());
    expect(oud).toMatchObject({ status: 'vervangen', beeindigd_op: '2026-12-31' });
    expect(oud.vervangen_door).not.toBeNull();
  });
});

describe('need-to-know en gemeente', () => {
  it('een regisseur van een ander team: 403; een andere gemeente: 404', async () => {
    const { v, casusId } = await verzondenVoorziening({ productcode: 'TS001' });
    const ander = await t.login('regisseur3');
    expect((await ander.get<ProblemBody>(`/api/v1/voorzieningen/${v.id}`)).body.code).toBe('geen-toegang-dossier');
    expect((await ander.get(`/api/v1/voorzieningen?casusId=${casusId}`)).status).toBe(403);
    expect((await ander.post(`/api/v1/voorzieningen/${v.id}/aanbieder`, { aanbiederId: hoofd.aanbiederId })).status).toBe(403);
    const tweestad = await t.login('regisseur-tweestad');
    expect((await tweestad.get(`/api/v1/voorzieningen/${v.id}`)).status).toBe(404);
    // Nothing written by the refused calls.
    expect((await lees(v.id)).status).toBe('toegekend');
  });
});

describe('brieven via de outbox', () => {
  it('de brief ontstaat pas na de commit door de opdracht; een mislukte opdracht wordt opnieuw geprobeerd', async () => {
    const { v } = await verzondenVoorziening({ productcode: 'TS001' });
    // The first attempt fails: the letter is not written and the opdracht waits for a retry.
    const herstel = registreerVerwerker(BRIEF_SOORT, async () => { throw new Error('printer kapot'); });
    await regisseur.post(`/api/v1/voorzieningen/${v.id}/aanbieder`, { aanbiederId: hoofd.aanbiederId });
    expect((await lees(v.id)).brieven).toEqual([]);
    const eerste = await t.app.opdrachten.verwerk();
    expect(eerste.opnieuw).toBeGreaterThanOrEqual(1);
    expect((await lees(v.id)).brieven).toEqual([]);
    herstel();
    registreerVerwerker(BRIEF_SOORT, maakVoorzieningBrief);
    await t.database.db.updateTable('opdrachten').set({ volgende_poging: sql<Date>`now() - interval '1 second'` }).where('soort', '=', BRIEF_SOORT).where('status', '=', 'wachtend').execute();
    await t.app.opdrachten.verwerk();
    const brieven = (await lees(v.id)).brieven!;
    expect(brieven.map((b) => b.gebeurtenis)).toContain('toegewezen');
    const res = await fetch(`${t.baseUrl}${brieven[0]!.url}`, { headers: { cookie: regisseur.cookie! } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/pdf');
    const tekst = await pdfTekst(new Uint8Array(await res.arrayBuffer()));
    expect(tekst).toContain('Thuiszorg Test');
  });
});
