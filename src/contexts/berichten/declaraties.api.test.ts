import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, format, parseISO } from 'date-fns';
import { hashPassword } from '../../platform/auth/password.ts';
import { inGemeente, type Actor } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { valideerBerichten } from '../../platform/xml/scheidsrechter.ts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { toegewezenHulp } from '../../testing/toewijzing.ts';
import { maakAanbieder, maakContract } from '../inkoop/index.ts';
import { laatsteVanMaand, type Prestatie } from './rules.ts';
import { schrijf323 } from './xml.ts';

let t: TestApp;
let regisseur: Client;
let beslisser: Client;
let beslisser2: Client;
let teamleider: Client;
let inkoper: Client;
let zorg: Client;
let gemeenteId: string;
let aanbiederId: string;
let agb = '';
const GEMEENTE = '9001';
const TARIEF = 3645;
/** The decision took effect on the first of the month two months back: that month and the next can be declared whole. */
const maand = (n: number) => format(addMonths(parseISO(`${vandaag().slice(0, 7)}-01`), n), 'yyyy-MM-dd');
const M1 = maand(-2);
const M2 = maand(-1);

interface Voorziening { id: string; budgetCents: number; gedeclareerdCents: number; goedgekeurdCents: number; gecrediteerdCents: number; restantCents: number }
interface Antwoord { id: string; retourId: string | null; status: string; retourcodes: { code: string }[]; herhaald: boolean; bevindingen: string[] }
const actorInkoop = (): Actor => ({ gebruikerId: null, gebruikersnaam: 'test-inkoop', gemeenteId, rollen: ['inkoper'], rol: 'inkoper', aanbiederId: null });

const toegewezen = () => toegewezenHulp({ t, regisseur, teamleider, beslisser, beslisser2, zorg, aanbiederId }, { ingangsdatum: M1, einddatum: maand(4), productcode: 'HH201', streefdatum: maand(6) });

let volgnummer = 0;
const prefix = `D${String(Date.now()).slice(-5)}`;
const ref = () => `${prefix}R${++volgnummer}`;
function prestatie(nummer: number, begin: string, uren: number, extra: Partial<Prestatie> = {}): Prestatie {
  const tarief = extra.tariefCents ?? TARIEF;
  return {
    referentie: ref(), vorigReferentie: null, toewijzingNummer: nummer, categorie: '01', code: 'HH201', begin, eind: laatsteVanMaand(begin),
    volume: uren, eenheid: '04', tariefCents: tarief, bedragCents: uren * tarief, debetCredit: 'D', ...extra,
  };
}
function declaratie(bsn: string, periode: string, prestaties: Prestatie[], nummer = `${prefix}N${++volgnummer}`): string {
  return schrijf323('iwmo', { afzender: agb, ontvanger: GEMEENTE, identificatie: `${prefix}I${++volgnummer}`, dagtekening: vandaag() },
    { nummer, begin: periode, eind: laatsteVanMaand(periode), dagtekening: vandaag() }, [{ bsn, prestaties }]);
}
const lever = (xml: string) => zorg.post<Antwoord>('/api/v1/berichten', undefined, { raw: xml, headers: { 'content-type': 'application/xml' } });
const codes = (r: Antwoord) => r.retourcodes.map((c) => c.code);
const leesV = async (id: string) => (await regisseur.get<Voorziening>(`/api/v1/voorzieningen/${id}`)).body;
async function scheidsrechters(xml: string, bericht: '323' | '325') {
  const [u] = await valideerBerichten([{ xml }], { standaard: 'iwmo', bericht });
  return [...u!.xsdFouten, ...u!.regelFouten.map((f) => f.code)];
}
const antwoordXml = async (r: Antwoord) => (await zorg.get<string>(`/api/v1/berichten/${r.retourId}/xml`)).body;

beforeAll(async () => {
  t = await startTestApp();
  [regisseur, beslisser, beslisser2, teamleider, inkoper] = (await Promise.all(['regisseur', 'beslisser', 'beslisser2', 'teamleider', 'inkoper'].map((u) => t.login(u)))) as [Client, Client, Client, Client, Client];
  gemeenteId = (await t.database.db.selectFrom('gemeenten').select('id').where('code', '=', 'demodorp').executeTakeFirstOrThrow()).id;
  agb = `6${String(Date.now()).slice(-7)}`;
  aanbiederId = await inGemeente(t.database.db, gemeenteId, async (tx) => {
    const a = await maakAanbieder(tx, actorInkoop(), { naam: 'Thuiszorg Declaraties', agbCode: agb, wetten: ['wmo'] });
    await maakContract(tx, actorInkoop(), {
      aanbiederId: a.id, van: '2020-01-01', producten: [{
        wet: 'wmo', productcategorie: '01', productcode: 'HH201', naam: 'Huishoudelijke hulp HH201', eenheid: '04', frequentie: '2', tariefCents: TARIEF, bekostiging: 'inspanningsgericht', capaciteit: null,
      }],
    });
    return a.id;
  });
  await t.database.db.insertInto('gebruikers').values({
    gemeente_id: gemeenteId, gebruikersnaam: `zorg-${agb}`, naam: 'Medewerker declaraties', rollen: ['aanbieder'], aanbieder_id: aanbiederId, wachtwoord_hash: await hashPassword('demo-wachtwoord'),
  }).execute();
  zorg = await t.login(`zorg-${agb}`, 'demo-wachtwoord');
});
afterAll(async () => t?.close());

describe('declaratie (323) en declaratie-antwoord (325)', () => {
  it('een declaratie binnen de toewijzing wordt tot op de cent goedgekeurd; de 325 zegt 8001 en doorstaat beide scheidsrechters', async () => {
    const c = await toegewezen();
    const voor = await leesV(c.voorzieningId);
    const xml = declaratie(c.bsn, M1, [prestatie(c.nummer, M1, 12)]);
    expect(await scheidsrechters(xml, '323')).toEqual([]);
    const r = await lever(xml);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ status: 'verwerkt', herhaald: false });
    const antwoord = await antwoordXml(r.body);
    expect(await scheidsrechters(antwoord, '325')).toEqual([]);
    expect(antwoord).toContain('<wmo325:RetourCode>8001</wmo325:RetourCode>');
    expect(antwoord).toMatch(/<wmo325:TotaalToegekendBedrag>\s*<iwmo:TotaalBedrag>43740<\/iwmo:TotaalBedrag>/);
    expect(antwoord).not.toContain('<wmo325:Clienten>');
    const na = await leesV(c.voorzieningId);
    expect(na).toMatchObject({ budgetCents: voor.budgetCents, gedeclareerdCents: 12 * TARIEF, goedgekeurdCents: 12 * TARIEF, restantCents: voor.budgetCents - 12 * TARIEF });

    // Listed for the provider under 325 (the contract checked from outside).
    const lijst = (await zorg.get<{ items: { id: string; soort: string }[] }>('/api/v1/berichten?soort=325')).body.items;
    expect(lijst.map((b) => b.id)).toContain(r.body.retourId);

    // The same declaration delivered again: answered alike, counted once.
    const nogmaals = await lever(xml);
    expect(nogmaals.body).toMatchObject({ id: r.body.id, retourId: r.body.retourId, herhaald: true });
    expect((await leesV(c.voorzieningId)).goedgekeurdCents).toBe(12 * TARIEF);
  });

  it('meer uren dan toegewezen in een maand krijgt retourcode 9321 (TR321) en telt niet mee', async () => {
    const c = await toegewezen();
    // 3 hours a week of household help: at most 6 × 3 = 18 hours in one month (IV077).
    const r = await lever(declaratie(c.bsn, M2, [prestatie(c.nummer, M1, 19), prestatie(c.nummer, M2, 18)]));
    expect(r.status).toBe(201);
    expect(r.body.status, r.body.bevindingen.join('\n')).toBe('deels');
    expect(codes(r.body)).toEqual(['9321']);
    const antwoord = await antwoordXml(r.body);
    expect(await scheidsrechters(antwoord, '325')).toEqual([]);
    expect(antwoord).toContain('<wmo325:RetourCode>9321</wmo325:RetourCode>');
    expect(antwoord).toMatch(/<wmo325:TotaalToegekendBedrag>\s*<iwmo:TotaalBedrag>65610<\/iwmo:TotaalBedrag>/);
    expect((await leesV(c.voorzieningId)).goedgekeurdCents).toBe(18 * TARIEF);

    // The declaration as finance reads it: the provider sees its client's BSN, inkoop only the voorziening and the money.
    interface D { id: string; berichtId: string; status: string; ingediendCents: number; toegekendCents: number; prestaties: { bsn: string | null; voorzieningId: string | null; goedgekeurd: boolean; retourcodes: { code: string }[] }[] }
    const eigen = (await zorg.get<{ items: D[] }>('/api/v1/declaraties')).body.items.find((d) => d.berichtId === r.body.id)!;
    expect(eigen).toMatchObject({ status: 'deels', ingediendCents: 37 * TARIEF, toegekendCents: 18 * TARIEF });
    const detail = (await zorg.get<D>(`/api/v1/declaraties/${eigen.id}`)).body;
    expect(detail.prestaties.map((p) => [p.bsn, p.goedgekeurd, p.retourcodes.map((x) => x.code)])).toEqual([[c.bsn, false, ['9321']], [c.bsn, true, []]]);
    const voorInkoop = (await inkoper.get<D>(`/api/v1/declaraties/${eigen.id}`)).body;
    expect(voorInkoop.prestaties.every((p) => p.bsn === null && p.voorzieningId === c.voorzieningId)).toBe(true);
    expect((await regisseur.get(`/api/v1/declaraties/${eigen.id}`)).status).toBe(403);
  });

  it('een tweede debet voor dezelfde maand wordt afgewezen (9389); een credit herstelt het restant en daarna mag de maand opnieuw', async () => {
    const c = await toegewezen();
    const budget = (await leesV(c.voorzieningId)).budgetCents;
    const eerste = prestatie(c.nummer, M1, 10);
    expect((await lever(declaratie(c.bsn, M1, [eerste]))).body.status).toBe('verwerkt');
    const dubbel = await lever(declaratie(c.bsn, M1, [prestatie(c.nummer, M1, 4)]));
    expect(dubbel.body.status).toBe('afgekeurd');
    expect(codes(dubbel.body)).toEqual(['9389']);
    expect((await leesV(c.voorzieningId)).restantCents).toBe(budget - 10 * TARIEF);

    // Credit the first and declare the month anew in one message (IV091).
    const credit: Prestatie = { ...eerste, referentie: ref(), vorigReferentie: eerste.referentie, debetCredit: 'C' };
    const r = await lever(declaratie(c.bsn, M2, [credit, prestatie(c.nummer, M1, 8)]));
    expect(r.body.status, JSON.stringify(r.body)).toBe('verwerkt');
    expect(await scheidsrechters(await antwoordXml(r.body), '325')).toEqual([]);
    const na = await leesV(c.voorzieningId);
    expect(na).toMatchObject({ goedgekeurdCents: 8 * TARIEF, gecrediteerdCents: 10 * TARIEF, restantCents: budget - 8 * TARIEF });

    // The same debit cannot be credited twice (TR323: 8017).
    const weer = await lever(declaratie(c.bsn, M2, [{ ...eerste, referentie: ref(), vorigReferentie: eerste.referentie, debetCredit: 'C' }]));
    expect(codes(weer.body)).toEqual(['8017']);
  });

  it('een verkeerd tarief (0611), een onbekend toewijzingnummer (9338) en een hergebruikt referentienummer (8021) worden per prestatie afgewezen', async () => {
    const c = await toegewezen();
    const goed = prestatie(c.nummer, M1, 5);
    await lever(declaratie(c.bsn, M1, [goed]));
    const r = await lever(declaratie(c.bsn, M2, [
      prestatie(c.nummer, M2, 5, { tariefCents: 3700, bedragCents: 5 * 3700 }),
      prestatie(999_999_001, M2, 5),
      // Reuses the referentie of the approved one, on the month that one already declared.
      { ...prestatie(c.nummer, M1, 2), referentie: goed.referentie },
    ]));
    expect(codes(r.body).sort(), r.body.bevindingen.join('\n')).toEqual(['0611', '8021', '9338', '9389']);
    expect(r.body.status).toBe('afgekeurd');
    const antwoord = await antwoordXml(r.body);
    expect(await scheidsrechters(antwoord, '325')).toEqual([]);
    expect(antwoord).toMatch(/<wmo325:TotaalToegekendBedrag>\s*<iwmo:TotaalBedrag>0<\/iwmo:TotaalBedrag>/);
    expect((await leesV(c.voorzieningId)).goedgekeurdCents).toBe(5 * TARIEF);
  });

  it('een DeclaratieNummer dat al gebruikt is, maakt de hele declaratie ongedaan (9333) en er wordt niets geteld', async () => {
    const c = await toegewezen();
    const nummer = `${prefix}X${++volgnummer}`;
    expect((await lever(declaratie(c.bsn, M1, [prestatie(c.nummer, M1, 3)], nummer))).body.status).toBe('verwerkt');
    const r = await lever(declaratie(c.bsn, M2, [prestatie(c.nummer, M2, 3)], nummer));
    expect(r.body.status).toBe('afgekeurd');
    expect(codes(r.body)).toEqual(['9333']);
    const antwoord = await antwoordXml(r.body);
    expect(await scheidsrechters(antwoord, '325')).toEqual([]);
    expect(antwoord).toContain('<wmo325:RetourCode>9333</wmo325:RetourCode>');
    expect((await leesV(c.voorzieningId)).goedgekeurdCents).toBe(3 * TARIEF);
  });

  it('een declaratie die het validatieschema niet doorstaat (totaal een cent te hoog) krijgt alleen een header met 0001 en verandert niets', async () => {
    const c = await toegewezen();
    const xml = declaratie(c.bsn, M1, [prestatie(c.nummer, M1, 2)]).replace(/<iwmo:TotaalBedrag>(\d+)<\/iwmo:TotaalBedrag>/, (_m, n: string) => `<iwmo:TotaalBedrag>${Number(n) + 1}</iwmo:TotaalBedrag>`);
    const r = await lever(xml);
    expect(r.status).toBe(201);
    expect(r.body.status).toBe('afgekeurd');
    expect(codes(r.body)).toContain('0001');
    expect(r.body.bevindingen.join(' ')).toMatch(/TR358/);
    const antwoord = await antwoordXml(r.body);
    expect(await scheidsrechters(antwoord, '325')).toEqual([]);
    expect(antwoord).not.toContain('DeclaratieAntwoord');
    expect((await leesV(c.voorzieningId)).gedeclareerdCents).toBe(0);
  });

  it('budget en realisatie: per aanbieder is het gerealiseerde bedrag de som van de toegekende prestaties van het jaar, en verwacht is gerealiseerd plus wat nog te declareren is', async () => {
    const jaar = Number(M1.slice(0, 4));
    interface Rij { sleutel: string | null; ramingCents: number; gerealiseerdCents: number; nogTeDeclarerenCents: number; verwachtCents: number; aandeelGedeclareerd: number | null }
    const r = await inkoper.get<{ rijen: Rij[]; totaal: Rij }>(`/api/v1/sturing/besteding?jaar=${jaar}&per=aanbieder`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const rij = r.body.rijen.find((x) => x.sleutel === aanbiederId)!;
    const { som } = await t.database.db.selectFrom('prestaties').select((eb) => eb.fn.coalesce(eb.fn.sum<string>('toegekend_cents'), eb.lit(0)).as('som'))
      .where('aanbieder_id', '=', aanbiederId).where('periode_begin', '>=', `${jaar}-01-01`).where('periode_begin', '<=', `${jaar}-12-31`).executeTakeFirstOrThrow();
    expect(rij.gerealiseerdCents).toBe(Number(som));
    expect(rij.gerealiseerdCents).toBeGreaterThan(0);
    expect(rij.verwachtCents).toBe(rij.gerealiseerdCents + rij.nogTeDeclarerenCents);
    expect(rij.aandeelGedeclareerd).toBeGreaterThan(0);
    expect(rij.aandeelGedeclareerd).toBeLessThanOrEqual(1);
    expect(r.body.totaal.ramingCents).toBe(r.body.rijen.reduce((s, x) => s + x.ramingCents, 0));
    expect((await regisseur.get(`/api/v1/sturing/besteding?jaar=${jaar}`)).status).toBe(403);
    expect((await inkoper.get('/api/v1/sturing/besteding?per=kleur')).status).toBe(400);
  });

  it('de kosten-KPI telt het goedgekeurde bedrag van een gedeclareerde maand in plaats van de raming, meteen na de declaratie', async () => {
    const c = await toegewezen();
    const v = (await regisseur.get<Voorziening & { jaarbedragCents: number }>(`/api/v1/voorzieningen/${c.voorzieningId}`)).body;
    const beleid = await t.login('beleid');
    const kpi = async () => (await beleid.get<{ teller: number }>(`/api/v1/kpis/kosten-per-client?van=${M1}&tot=${laatsteVanMaand(M1)}&aanbieder=${aanbiederId}`)).body.teller;
    const reeks = async () => (await beleid.get<{ reeks: { periode: string; teller: number }[] }>(`/api/v1/kpis/kosten-per-inwoner?van=${M1}&tot=${laatsteVanMaand(M1)}&aanbieder=${aanbiederId}`)).body.reeks;
    const voor = await kpi();
    const reeksVoor = await reeks();
    expect(typeof voor).toBe('number');
    expect((await lever(declaratie(c.bsn, M1, [prestatie(c.nummer, M1, 12)]))).body.status).toBe('verwerkt');
    const dagen = Number(laatsteVanMaand(M1).slice(8, 10));
    const raming = v.jaarbedragCents / 100 / 365 * dagen;
    expect(Math.abs((await kpi()) - voor - (12 * TARIEF / 100 - raming))).toBeLessThanOrEqual(1);
    // The monthly series of cost per resident (counted from starts and ends) moves by the same amount.
    const reeksNa = await reeks();
    const maand = M1.slice(0, 7);
    const verschil = reeksNa.find((r) => r.periode === maand)!.teller - reeksVoor.find((r) => r.periode === maand)!.teller;
    expect(Math.abs(verschil - (12 * TARIEF / 100 - raming))).toBeLessThanOrEqual(1);
  });
});
