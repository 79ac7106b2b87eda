import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { addMonths, format, parseISO } from 'date-fns';
import { hashPassword } from '../../platform/auth/password.ts';
import { inGemeente, type Actor } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { toegewezenHulp } from '../../testing/toewijzing.ts';
import { schrijf323 } from '../berichten/index.ts';
import { maakAanbieder, maakContract } from '../inkoop/index.ts';
import { laatsteDag } from './rules.ts';

type Prestatie = Parameters<typeof schrijf323>[3][number]['prestaties'][number];
interface Antwoord { id: string; retourId: string | null; status: string }
interface Batch {
  id: string; nummer: string; aanbiederId: string; aanbieder: { naam: string; agbCode: string }; periode: string; totaalCents: number; declaratiesCents: number;
  taakgerichtCents: number; aantalPrestaties: number; aantalDeclaraties: number;
}
interface Regel { bron: string; wet: string; productcategorie: string | null; productcode: string; soort: string; cents: number; aantalPrestaties: number; grootboekrekening: string | null; kostenplaats: string | null }
interface Detail extends Batch { regels: Regel[]; declaraties: { nummer: string; toegekendCents: number; inBatchCents: number }[]; ontbrekendGrootboek: string[] }
interface ProblemBody { status: number; code: string; detail: string; invalidParams?: { name: string; reason: string }[] }

let t: TestApp;
let regisseur: Client;
let beslisser: Client;
let beslisser2: Client;
let teamleider: Client;
let inkoper: Client;
let beheer: Client;
let beleid: Client;
let zorg: Client;
let gemeenteId: string;
let aanbiederId: string;
let taakAanbiederId: string;
let agb = '';
const GEMEENTE = '9001';
const TARIEF = 3645;
const MAANDBEDRAG = 1_250_000;
const PERIODE = vandaag().slice(0, 7);
const maand = (n: number) => format(addMonths(parseISO(`${vandaag().slice(0, 7)}-01`), n), 'yyyy-MM-dd');
const eind = (dag: string) => laatsteDag(dag.slice(0, 7));
const M1 = maand(-2);
const M2 = maand(-1);
const actorInkoop = (): Actor => ({ gebruikerId: null, gebruikersnaam: 'test-inkoop', gemeenteId, rollen: ['inkoper'], rol: 'inkoper', aanbiederId: null });

/** A decided Wmo household help (3 hours a week) assigned to the test provider; its toewijzing number and the client's BSN from the 301. */
const toegewezen = () => toegewezenHulp({ t, regisseur, teamleider, beslisser, beslisser2, zorg, aanbiederId }, { ingangsdatum: M1, einddatum: maand(4), productcode: 'HH201', streefdatum: maand(6) });

let volgnummer = 0;
const prefix = `F${String(Date.now()).slice(-5)}`;
const ref = () => `${prefix}R${++volgnummer}`;
function prestatie(nummer: number, begin: string, uren: number, extra: Partial<Prestatie> = {}): Prestatie {
  return {
    referentie: ref(), vorigReferentie: null, toewijzingNummer: nummer, categorie: '01', code: 'HH201', begin, eind: eind(begin),
    volume: uren, eenheid: '04', tariefCents: TARIEF, bedragCents: uren * TARIEF, debetCredit: 'D', ...extra,
  };
}
function declaratie(bsn: string, periode: string, prestaties: Prestatie[]): string {
  return schrijf323('iwmo', { afzender: agb, ontvanger: GEMEENTE, identificatie: `${prefix}I${++volgnummer}`, dagtekening: vandaag() },
    { nummer: `${prefix}N${++volgnummer}`, begin: periode, eind: eind(periode), dagtekening: vandaag() }, [{ bsn, prestaties }]);
}
async function lever(xml: string): Promise<Antwoord> {
  const r = await zorg.post<Antwoord>('/api/v1/berichten', undefined, { raw: xml, headers: { 'content-type': 'application/xml' } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}
/** TotaalToegekendBedrag of a 325 as the provider receives it, signed by its DebetCredit. */
async function toegekendIn325(a: Antwoord): Promise<number> {
  const xml = (await zorg.get<string>(`/api/v1/berichten/${a.retourId}/xml`)).body;
  const m = /<wmo325:TotaalToegekendBedrag>\s*<iwmo:TotaalBedrag>(\d+)<\/iwmo:TotaalBedrag>\s*<iwmo:DebetCredit>([DC])<\/iwmo:DebetCredit>/.exec(xml);
  expect(m, xml).not.toBeNull();
  return (m![2] === 'C' ? -1 : 1) * Number(m![1]);
}
const aantalBatches = async () => Number((await t.database.db.selectFrom('betaalbatches').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const download = async (c: Client, pad: string) => fetch(`${t.baseUrl}${pad}`, { headers: { cookie: c.cookie! } });

beforeAll(async () => {
  t = await startTestApp();
  [regisseur, beslisser, beslisser2, teamleider, inkoper, beheer, beleid] = (await Promise.all(
    ['regisseur', 'beslisser', 'beslisser2', 'teamleider', 'inkoper', 'beheer', 'beleid'].map((u) => t.login(u)),
  )) as [Client, Client, Client, Client, Client, Client, Client];
  gemeenteId = (await t.database.db.selectFrom('gemeenten').select('id').where('code', '=', 'demodorp').executeTakeFirstOrThrow()).id;
  agb = `6${String(Date.now()).slice(-7)}`;
  [aanbiederId, taakAanbiederId] = await inGemeente(t.database.db, gemeenteId, async (tx) => {
    const a = await maakAanbieder(tx, actorInkoop(), { naam: 'Thuiszorg Betalingen', agbCode: agb, wetten: ['wmo'] });
    await maakContract(tx, actorInkoop(), {
      aanbiederId: a.id, van: '2020-01-01', producten: [{
        wet: 'wmo', productcategorie: '01', productcode: 'HH201', naam: 'Huishoudelijke hulp HH201', eenheid: '04', frequentie: '2', tariefCents: TARIEF, bekostiging: 'inspanningsgericht', capaciteit: null,
      }],
    });
    // A youth team paid a fixed monthly amount, without declarations per client.
    const w = await maakAanbieder(tx, actorInkoop(), { naam: 'Jeugdteam Taakgericht', agbCode: `7${String(Date.now()).slice(-7)}`, wetten: ['jeugdwet'] });
    await maakContract(tx, actorInkoop(), {
      aanbiederId: w.id, van: '2020-01-01', producten: [{
        wet: 'jeugdwet', productcategorie: '31', productcode: '31T01', naam: 'Jeugdhulp door het wijkteam', eenheid: '82', frequentie: '6', tariefCents: 0, bekostiging: 'taakgericht', capaciteit: null,
        maandbedragCents: MAANDBEDRAG,
      }],
    });
    return [a.id, w.id];
  });
  await t.database.db.insertInto('gebruikers').values({
    gemeente_id: gemeenteId, gebruikersnaam: `zorg-${agb}`, naam: 'Medewerker betalingen', rollen: ['aanbieder'], aanbieder_id: aanbiederId, wachtwoord_hash: await hashPassword('demo-wachtwoord'),
  }).execute();
  zorg = await t.login(`zorg-${agb}`, 'demo-wachtwoord');
});
afterAll(async () => t?.close());

describe('grootboek (beheer)', () => {
  it('ongeldige regels: 400 met per regel het veld en de reden in het Nederlands, en er verandert niets', async () => {
    const voor = (await beheer.get<{ regels: unknown[] }>('/api/v1/grootboekregels')).body.regels;
    const r = await beheer.request<ProblemBody>('PUT', '/api/v1/grootboekregels', {
      regels: [
        { wet: 'wmo', productcategorie: null, grootboekrekening: '4300', kostenplaats: 'WMO' },
        { wet: 'wmo', productcategorie: '1', grootboekrekening: '', kostenplaats: 'HBH' },
        { wet: 'wmo', grootboekrekening: '4301', kostenplaats: 'WMO' },
      ],
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('ongeldige-invoer');
    expect(r.body.invalidParams!.map((p) => p.name)).toEqual(['regels.1.productcategorie', 'regels.1.grootboekrekening', 'regels.2.wet']);
    expect(r.body.detail).toMatch(/Vul de grootboekrekening in/);
    expect((await beheer.get<{ regels: unknown[] }>('/api/v1/grootboekregels')).body.regels).toEqual(voor);
    // Only beheer keeps the ledger.
    expect((await inkoper.get('/api/v1/grootboekregels')).status).toBe(403);
  });

  it('beheer stelt grootboekrekening en kostenplaats in per wet en productcategorie', async () => {
    const r = await beheer.request<{ regels: { wet: string; productcategorie: string | null; grootboekrekening: string }[] }>('PUT', '/api/v1/grootboekregels', {
      regels: [
        { wet: 'wmo', productcategorie: null, grootboekrekening: '4300', kostenplaats: 'WMO' },
        { wet: 'wmo', productcategorie: '01', grootboekrekening: '4310', kostenplaats: 'HBH' },
      ],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.regels.map((g) => [g.wet, g.productcategorie, g.grootboekrekening])).toEqual([['wmo', null, '4300'], ['wmo', '01', '4310']]);
  });
});

describe('betaalbatches', () => {
  let batch: Batch;
  let antwoorden: Antwoord[] = [];

  it("de totalen van de betaalbatch zijn gelijk aan de toegekende bedragen van de 325's", async () => {
    const a = await toegewezen();
    const b = await toegewezen();
    antwoorden = [
      await lever(declaratie(a.bsn, M1, [prestatie(a.nummer, M1, 12)])),
      // One prestatie over the limit (9321): the 325 approves only the other; only that is paid.
      await lever(declaratie(b.bsn, M2, [prestatie(b.nummer, M1, 19), prestatie(b.nummer, M2, 7)])),
      await lever(declaratie(a.bsn, M2, [prestatie(a.nummer, M2, 5)])),
    ];
    expect(antwoorden.map((x) => x.status)).toEqual(['verwerkt', 'deels', 'verwerkt']);
    const toegekend = (await Promise.all(antwoorden.map(toegekendIn325))).reduce((s, x) => s + x, 0);
    expect(toegekend).toBe((12 + 7 + 5) * TARIEF);

    const r = await inkoper.post<Batch[]>('/api/v1/betaalbatches', { aanbiederId, periode: PERIODE });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toHaveLength(1);
    batch = r.body[0]!;
    expect(batch).toMatchObject({
      aanbiederId, periode: PERIODE, totaalCents: toegekend, declaratiesCents: toegekend, taakgerichtCents: 0, aantalPrestaties: 3, aantalDeclaraties: 3,
      aanbieder: { naam: 'Thuiszorg Betalingen', agbCode: agb },
    });
    expect(batch.nummer).toMatch(new RegExp(`^BB-${PERIODE.replace('-', '')}-\\d{3}$`));

    // The detail: one ledger line for HH201 (most specific rule: Wmo 01), the declarations with their 325 totals.
    const d = (await inkoper.get<Detail>(`/api/v1/betaalbatches/${batch.id}`)).body;
    expect(d.regels).toEqual([expect.objectContaining({
      bron: 'declaraties', wet: 'wmo', productcategorie: '01', productcode: 'HH201', soort: 'debet', cents: toegekend, aantalPrestaties: 3, grootboekrekening: '4310', kostenplaats: 'HBH',
    })]);
    expect(d.declaraties).toHaveLength(3);
    expect(d.declaraties.every((x) => x.inBatchCents === x.toegekendCents)).toBe(true);
    expect(d.declaraties.reduce((s, x) => s + x.toegekendCents, 0)).toBe(batch.totaalCents);
    expect(d.ontbrekendGrootboek).toEqual([]);
    // Beleid reads along.
    expect((await beleid.get<Batch[]>('/api/v1/betaalbatches')).body.map((x) => x.id)).toContain(batch.id);
  });

  it('een tweede run vindt niets meer: 422 en er wordt niets vastgelegd; twee runs tegelijk betalen een prestatie één keer', async () => {
    const n = await aantalBatches();
    const r = await inkoper.post<ProblemBody>('/api/v1/betaalbatches', { aanbiederId, periode: PERIODE });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('niets-te-betalen');
    expect(r.body.detail).toMatch(/niets te betalen/);
    expect(await aantalBatches()).toBe(n);

    const c = await toegewezen();
    await lever(declaratie(c.bsn, M1, [prestatie(c.nummer, M1, 4)]));
    const [x, y] = await Promise.all([
      inkoper.post<Batch[]>('/api/v1/betaalbatches', { aanbiederId, periode: PERIODE }),
      inkoper.post<Batch[]>('/api/v1/betaalbatches', { aanbiederId, periode: PERIODE }),
    ]);
    expect([x.status, y.status].sort()).toEqual([201, 422]);
    const gemaakt = (x.status === 201 ? x : y).body;
    expect(gemaakt[0]).toMatchObject({ totaalCents: 4 * TARIEF, aantalPrestaties: 1 });
    const dubbel = await t.database.db.selectFrom('prestaties').select('id').where('aanbieder_id', '=', aanbiederId).where('goedgekeurd', '=', true)
      .where('betaalbatch_id', 'is', null).execute();
    expect(dubbel).toEqual([]);
  });

  it('een credit komt in de volgende batch als creditregel; het journaal (CSV) heeft puntkomma, euro met komma en D/C', async () => {
    const c = await toegewezen();
    const debet = prestatie(c.nummer, M1, 10);
    await lever(declaratie(c.bsn, M1, [debet]));
    await inkoper.post('/api/v1/betaalbatches', { aanbiederId, periode: PERIODE });
    // Credit the paid debit and declare the month anew with 8 hours (IV091).
    const correctie = await lever(declaratie(c.bsn, M2, [{ ...debet, referentie: ref(), vorigReferentie: debet.referentie, debetCredit: 'C' }, prestatie(c.nummer, M1, 8)]));
    expect(correctie.status).toBe('verwerkt');
    expect(await toegekendIn325(correctie)).toBe(-2 * TARIEF);
    const r = await inkoper.post<Batch[]>('/api/v1/betaalbatches', { aanbiederId, periode: PERIODE });
    expect(r.status).toBe(201);
    expect(r.body[0]!.totaalCents).toBe(-2 * TARIEF);
    const d = (await inkoper.get<Detail>(`/api/v1/betaalbatches/${r.body[0]!.id}`)).body;
    expect(d.regels.map((x) => [x.soort, x.cents])).toEqual([['credit', -10 * TARIEF], ['debet', 8 * TARIEF]]);

    const res = await download(inkoper, `/api/v1/betaalbatches/${d.id}/journaal.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toContain(`journaal-${d.nummer}.csv`);
    const regels = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
    expect(regels[0]).toEqual([
      'Batchnummer', 'Boekdatum', 'Aanbieder', 'AGB-code', 'Grootboekrekening', 'Kostenplaats', 'Wet', 'Productcategorie', 'Productcode', 'Periode',
      'Bedrag', 'Debet/credit', 'Aantal prestaties', 'Omschrijving',
    ]);
    expect(regels.slice(1).map((l) => [l[0], l[1], l[2], l[3], l[4], l[5], l[6], l[8], l[10], l[11], l[12]])).toEqual([
      [d.nummer, vandaag(), 'Thuiszorg Betalingen', agb, '4310', 'HBH', 'Wmo', 'HH201', '364,50', 'C', '1'],
      [d.nummer, vandaag(), 'Thuiszorg Betalingen', agb, '4310', 'HBH', 'Wmo', 'HH201', '291,60', 'D', '1'],
    ]);
    // No client in the journal: no BSN of any prestatie of this batch.
    expect(regels.flat().join(' ')).not.toContain(c.bsn);
  });

  it('taakgericht: één regel per maand in de batch van de aanbieder, zonder cliënten; zonder grootboekregel 422, daarna CSV en XLSX met audittrail', async () => {
    const r = await inkoper.post<Batch[]>('/api/v1/betaalbatches', { aanbiederId: taakAanbiederId, periode: PERIODE });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const b = r.body[0]!;
    expect(b).toMatchObject({ totaalCents: MAANDBEDRAG, taakgerichtCents: MAANDBEDRAG, declaratiesCents: 0, aantalPrestaties: 0, aantalDeclaraties: 0 });
    // The same month is paid once.
    expect((await inkoper.post<ProblemBody>('/api/v1/betaalbatches', { aanbiederId: taakAanbiederId, periode: PERIODE })).body.code).toBe('niets-te-betalen');
    // An earlier month not paid yet can be run on its own.
    const vorige = await inkoper.post<Batch[]>('/api/v1/betaalbatches', { aanbiederId: taakAanbiederId, periode: M2.slice(0, 7) });
    expect(vorige.status).toBe(201);
    expect(vorige.body[0]).toMatchObject({ periode: M2.slice(0, 7), totaalCents: MAANDBEDRAG });

    const d = (await inkoper.get<Detail>(`/api/v1/betaalbatches/${b.id}`)).body;
    expect(d.regels).toEqual([expect.objectContaining({ bron: 'taakgericht', wet: 'jeugdwet', productcategorie: '31', productcode: '31T01', cents: MAANDBEDRAG, grootboekrekening: null })]);
    expect(d.ontbrekendGrootboek).toEqual(['Jeugdwet, productcategorie 31']);
    const geweigerd = await inkoper.get<ProblemBody>(`/api/v1/betaalbatches/${b.id}/journaal.csv`);
    expect(geweigerd.status).toBe(422);
    expect(geweigerd.body.code).toBe('grootboek-onvolledig');
    expect(geweigerd.body.detail).toMatch(/Jeugdwet, productcategorie 31/);

    type G = { wet: string; productcategorie: string | null; gewijzigdOp: string };
    const voor = (await beheer.get<{ regels: G[] }>('/api/v1/grootboekregels')).body.regels;
    const gezet = await beheer.request<{ regels: G[] }>('PUT', '/api/v1/grootboekregels', {
      regels: [...voor.map(({ gewijzigdOp: _g, ...g }) => g), { wet: 'jeugdwet', grootboekrekening: '4420', kostenplaats: 'JGD' }],
    });
    expect(gezet.status).toBe(200);
    // The rules that stayed the same keep their date of change.
    expect(gezet.body.regels.filter((g) => g.wet === 'wmo')).toEqual(voor);

    const csv = await (await download(inkoper, `/api/v1/betaalbatches/${b.id}/journaal.csv`)).text();
    expect(csv).toContain(`;4420;JGD;Jeugdwet;31;31T01;${PERIODE};12500,00;D;0;`);
    const res = await download(beleid, `/api/v1/betaalbatches/${b.id}/journaal.xlsx`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(11).value).toBe('Bedrag');
    expect(ws.getRow(2).getCell(5).value).toBe('4420');
    expect(ws.getRow(2).getCell(11).value).toBe(12_500);
    expect(ws.getRow(2).getCell(12).value).toBe('D');

    const audit = await t.database.db.selectFrom('auditlog').select(['actie', 'doel', 'gebruikersnaam']).where('resource_id', '=', b.id).orderBy('id').execute();
    expect(audit.map((a) => [a.actie, a.gebruikersnaam])).toEqual([['aanmaken', 'inkoper'], ['lezen', 'inkoper'], ['lezen', 'beleid']]);
    expect(audit.map((a) => a.doel)).toEqual([expect.stringMatching(/^betaalbatch .* aangemaakt$/), expect.stringMatching(/\(csv\)$/), expect.stringMatching(/\(xlsx\)$/)]);
  });

  it('een periode die nog niet begonnen is of een onbekende aanbieder: 400, er wordt niets vastgelegd', async () => {
    const n = await aantalBatches();
    const toekomst = await inkoper.post<ProblemBody>('/api/v1/betaalbatches', { periode: maand(1).slice(0, 7) });
    expect(toekomst.status).toBe(400);
    expect(toekomst.body.invalidParams![0]!.reason).toMatch(/nog niet begonnen/);
    const fout = await inkoper.post<ProblemBody>('/api/v1/betaalbatches', { periode: '2026-13' });
    expect(fout.status).toBe(400);
    expect(fout.body.invalidParams![0]).toMatchObject({ name: 'periode', reason: expect.stringMatching(/JJJJ-MM/) });
    const onbekend = await inkoper.post<ProblemBody>('/api/v1/betaalbatches', { aanbiederId: '00000000-0000-4000-8000-000000000000', periode: PERIODE });
    expect(onbekend.status).toBe(400);
    expect(await aantalBatches()).toBe(n);
    expect((await inkoper.get('/api/v1/betaalbatches/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
