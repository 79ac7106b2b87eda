import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inGemeente } from '../../platform/tenancy/tx.ts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { berekenBudget, type BudgetAntwoord } from './index.ts';

let t: TestApp;
let inkoper: Client;
let regisseur: Client;
let beleid: Client;
let tweestad: Client;
let gemeenteId: string;

interface Aanbieder { id: string; naam: string; agbCode: string; kvkNummer: string | null; plaats: string | null; wetten: string[]; actief: boolean }
interface Tarief { id: string; van: string; tot: string | null; tariefCents: number }
interface Product { id: string; wet: string; productcode: string; naam: string; eenheid: string; frequentie: string; bekostiging: string; tariefCents: number | null; tarieven: Tarief[]; capaciteit: number | null; maandbedragCents: number | null }
interface Contract { id: string; nummer: string; van: string; tot: string | null; aanbieder: { id: string; naam: string }; onderaannemers: { id: string }[]; producten: Product[] }
interface ProblemBody { code: string; detail: string; invalidParams?: { name: string; reason: string }[] }
interface Verslag { geschreven: boolean; toegevoegd: number; gewijzigd: number; ongewijzigd: number; afgewezen: { regel: number; veld: string; reden: string }[] }

// Codes of this test file only, so the demo's contracts never mix in.
const CODE = 'T1H01';
const CODE_TAAK = 'T1T01';
const CODE_RES = 'T1R01';
let agbTeller = 0;
const agb = () => `7${String(process.pid % 10_000).padStart(4, '0')}${String(++agbTeller).padStart(3, '0')}`;

const aanbieder = (over: Record<string, unknown> = {}) => ({
  naam: 'Thuiszorg De Linde', agbCode: agb(), kvkNummer: '12345678', straat: 'Lindelaan', huisnummer: '4', postcode: '7411 AB', plaats: 'Demodorp',
  contactNaam: 'Petra Linde', contactEmail: 'inkoop@delinde.nl', contactTelefoon: '0570 123456', wetten: ['wmo'], ...over,
});
const taak = (over: Record<string, unknown> = {}) => ({
  wet: 'wmo', productcategorie: '06', productcode: CODE_TAAK, naam: 'Algemene thuisondersteuning', eenheid: '82', frequentie: '6', tariefCents: 0,
  bekostiging: 'taakgericht', maandbedragCents: 500_000, ...over,
});
const hbh = (over: Record<string, unknown> = {}) => ({
  wet: 'wmo', productcategorie: '01', productcode: CODE, naam: 'Hulp bij het huishouden', eenheid: '04', frequentie: '2', tariefCents: 3645,
  bekostiging: 'inspanningsgericht', ...over,
});
const aantal = async (tabel: 'aanbieders' | 'contracten' | 'contract_producten' | 'contract_tarieven' | 'resultaat_tarieven' | 'pgb_tarieven') =>
  Number((await t.database.db.selectFrom(tabel).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const base64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const budget = (v: Parameters<typeof berekenBudget>[1]): Promise<BudgetAntwoord> => {
  return inGemeente(t.database.db, gemeenteId, (tx) => berekenBudget(tx, v));
};

let linde: Aanbieder;
let zorgGroep: Aanbieder;
let contract: Contract;

beforeAll(async () => {
  t = await startTestApp();
  [inkoper, regisseur, beleid, tweestad] = (await Promise.all(['inkoper', 'regisseur', 'beleid', 'regisseur-tweestad'].map((u) => t.login(u)))) as [Client, Client, Client, Client];
  gemeenteId = (await t.database.db.selectFrom('gemeenten').select('id').where('code', '=', 'demodorp').executeTakeFirstOrThrow()).id;
});
afterAll(async () => t?.close());

describe('aanbieders', () => {
  it('de inkoper legt een aanbieder vast; de lezers vinden en zien haar', async () => {
    const r = await inkoper.post<Aanbieder>('/api/v1/aanbieders', aanbieder());
    expect(r.status).toBe(201);
    expect(r.headers.get('location')).toBe(`/api/v1/aanbieders/${r.body.id}`);
    linde = r.body;
    expect(linde).toMatchObject({ naam: 'Thuiszorg De Linde', kvkNummer: '12345678', wetten: ['wmo'], actief: true });
    zorgGroep = (await inkoper.post<Aanbieder>('/api/v1/aanbieders', aanbieder({ naam: 'Zorggroep Heide', kvkNummer: null, wetten: ['wmo', 'jeugdwet'] }))).body;
    const lijst = await regisseur.get<Aanbieder[]>('/api/v1/aanbieders?zoek=linde');
    expect(lijst.status).toBe(200);
    expect(lijst.body.map((a) => a.id)).toContain(linde.id);
    expect((await beleid.get<Aanbieder[]>('/api/v1/aanbieders?wet=jeugdwet')).body.map((a) => a.id)).toContain(zorgGroep.id);
    expect((await beleid.get<Aanbieder>(`/api/v1/aanbieders/${linde.id}`)).body.agbCode).toBe(linde.agbCode);
  });

  it('wijzigt alleen de meegestuurde velden', async () => {
    const r = await inkoper.request<Aanbieder>('PATCH', `/api/v1/aanbieders/${linde.id}`, { plaats: 'Beekveld', wetten: ['wmo', 'jeugdwet'] });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ plaats: 'Beekveld', wetten: ['wmo', 'jeugdwet'], naam: 'Thuiszorg De Linde', kvkNummer: '12345678' });
  });

  it('een AGB-code en KvK-nummer hebben 8 cijfers; een AGB-code komt één keer voor; fouten schrijven niets', async () => {
    const voor = await aantal('aanbieders');
    const kort = await inkoper.post<ProblemBody>('/api/v1/aanbieders', aanbieder({ agbCode: '1234567' }));
    expect(kort.status).toBe(400);
    expect(kort.body.invalidParams?.[0]).toMatchObject({ name: 'agbCode', reason: 'Een AGB-code bestaat uit 8 cijfers' });
    expect((await inkoper.post('/api/v1/aanbieders', aanbieder({ kvkNummer: '1234567X' }))).status).toBe(400);
    expect((await inkoper.post('/api/v1/aanbieders', aanbieder({ wetten: ['zorgverzekeringswet'] }))).status).toBe(400);
    const dubbel = await inkoper.post<ProblemBody>('/api/v1/aanbieders', aanbieder({ agbCode: linde.agbCode }));
    expect(dubbel.status).toBe(409);
    expect(dubbel.body.detail).toContain(linde.agbCode);
    expect((await inkoper.request('PATCH', `/api/v1/aanbieders/${zorgGroep.id}`, { agbCode: linde.agbCode })).status).toBe(409);
    expect(await aantal('aanbieders')).toBe(voor);
  });

  it('alleen de inkoper schrijft; Tweestad ziet de aanbieders van Demodorp niet', async () => {
    expect((await regisseur.post('/api/v1/aanbieders', aanbieder())).status).toBe(403);
    expect((await beleid.request('PATCH', `/api/v1/aanbieders/${linde.id}`, { plaats: 'X' })).status).toBe(403);
    expect((await tweestad.get(`/api/v1/aanbieders/${linde.id}`)).status).toBe(404);
    expect((await tweestad.get<Aanbieder[]>('/api/v1/aanbieders')).body.map((a) => a.id)).not.toContain(linde.id);
    expect((await tweestad.get<unknown[]>(`/api/v1/contracten?aanbiederId=${linde.id}`)).body).toEqual([]);
  });

  it('de lopende voorzieningen van een aanbieder: voor inkoper en beleid, zonder persoonsgegevens', async () => {
    const r = await beleid.get<unknown[]>(`/api/v1/aanbieders/${zorgGroep.id}/voorzieningen`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual([]);
    expect((await inkoper.get(`/api/v1/aanbieders/00000000-0000-4000-8000-000000000000/voorzieningen`)).status).toBe(404);
    expect((await regisseur.get(`/api/v1/aanbieders/${zorgGroep.id}/voorzieningen`)).status).toBe(403);
    expect((await tweestad.get(`/api/v1/aanbieders/${zorgGroep.id}/voorzieningen`)).status).toBe(403);
  });

  it('een lopende voorziening van de demogemeente staat bij haar aanbieder (zonder persoonsgegevens) en telt mee als lopend bij de keuze', async () => {
    const v = await t.database.db.selectFrom('voorzieningen').select(['nummer', 'aanbieder_id', 'wet', 'productcode', 'begin'])
      .where('status', 'in', ['toegewezen', 'gestart']).where('aanbieder_id', 'is not', null).orderBy('nummer').executeTakeFirstOrThrow();
    const r = await inkoper.get<Record<string, unknown>[]>(`/api/v1/aanbieders/${v.aanbieder_id}/voorzieningen`);
    expect(r.body.map((x) => x.nummer)).toContain(v.nummer);
    for (const x of r.body) expect(Object.keys(x).filter((k) => /persoon|bsn|naam$|huishouden|casus/i.test(k) && k !== 'productNaam')).toEqual([]);
    const g = await regisseur.get<{ aanbiederId: string; lopend: number }[]>(`/api/v1/gecontracteerd?wet=${v.wet}&productcode=${v.productcode}&datum=${v.begin}`);
    expect(g.body.find((x) => x.aanbiederId === v.aanbieder_id)!.lopend).toBeGreaterThanOrEqual(1);
  });
});

describe('contracten, producten en tarieven', () => {
  it('legt een contract vast met onderaannemer en producten; het tarief geldt vanaf de begindatum van het contract', async () => {
    const r = await inkoper.post<Contract>('/api/v1/contracten', {
      aanbiederId: linde.id, perceel: 'Perceel 1: Hulp thuis', van: '2026-01-01', tot: '2027-12-31', onderaannemers: [zorgGroep.id],
      producten: [hbh(), taak()],
    });
    expect(r.status).toBe(201);
    contract = r.body;
    expect(contract.nummer).toMatch(/^C-2026-\d{4}$/);
    expect(contract.aanbieder.id).toBe(linde.id);
    expect(contract.onderaannemers.map((o) => o.id)).toEqual([zorgGroep.id]);
    const p = contract.producten.find((x) => x.productcode === CODE)!;
    expect(p.tarieven).toEqual([{ id: expect.any(String), van: '2026-01-01', tot: null, tariefCents: 3645 }]);
    // As hoofdaannemer and as onderaannemer.
    expect((await regisseur.get<{ id: string }[]>(`/api/v1/contracten?aanbiederId=${linde.id}`)).body.map((c) => c.id)).toEqual([contract.id]);
    expect((await regisseur.get<{ id: string }[]>(`/api/v1/contracten?aanbiederId=${zorgGroep.id}`)).body.map((c) => c.id)).toContain(contract.id);
    expect((await beleid.get<Contract>(`/api/v1/contracten/${contract.id}`)).body.producten).toHaveLength(2);
  });

  it('een taakgericht product heeft een bedrag per maand; een ander product niet', async () => {
    const c = (await beleid.get<Contract>(`/api/v1/contracten/${contract.id}`)).body;
    expect(c.producten.find((x) => x.productcode === CODE_TAAK)!.maandbedragCents).toBe(500_000);
    expect(c.producten.find((x) => x.productcode === CODE)!.maandbedragCents).toBeNull();
  });

  it('een taakgericht product zonder bedrag per maand, of een bedrag bij een ander product: een 400 met de reden per veld en er is niets opgeslagen', async () => {
    const voor = await Promise.all([aantal('contracten'), aantal('contract_producten'), aantal('contract_tarieven')]);
    const zonder = await inkoper.post<ProblemBody>('/api/v1/contracten', { aanbiederId: linde.id, van: '2026-01-01', producten: [taak({ productcode: 'T1T02', maandbedragCents: undefined })] });
    expect(zonder.status).toBe(400);
    expect(zonder.body.invalidParams).toEqual([{ name: 'producten.0.maandbedragCents', code: 'ongeldig', reason: 'Een taakgericht product heeft een bedrag per maand' }]);
    const bijAnder = await inkoper.post<ProblemBody>('/api/v1/contracten', { aanbiederId: linde.id, van: '2026-01-01', producten: [hbh({ productcode: 'T1X03', maandbedragCents: 100 })] });
    expect(bijAnder.status).toBe(400);
    expect(bijAnder.body.invalidParams).toEqual([{ name: 'producten.0.maandbedragCents', code: 'ongeldig', reason: 'Alleen een taakgericht product heeft een bedrag per maand: laat het leeg' }]);
    const negatief = await inkoper.post<ProblemBody>('/api/v1/contracten', { aanbiederId: linde.id, van: '2026-01-01', producten: [taak({ productcode: 'T1T02', maandbedragCents: -1 })] });
    expect(negatief.status).toBe(400);
    expect(negatief.body.invalidParams?.[0]).toMatchObject({ name: 'producten.0.maandbedragCents', reason: 'Het bedrag per maand is 0 of meer' });
    const los = await inkoper.post<ProblemBody>(`/api/v1/contracten/${contract.id}/producten`, taak({ productcode: 'T1T02', maandbedragCents: null }));
    expect(los.status).toBe(400);
    expect(los.body.invalidParams).toEqual([{ name: 'maandbedragCents', code: 'ongeldig', reason: 'Een taakgericht product heeft een bedrag per maand' }]);
    expect(await Promise.all([aantal('contracten'), aantal('contract_producten'), aantal('contract_tarieven')])).toEqual(voor);
  });

  it('de inkoper wijzigt het bedrag per maand van een taakgericht product, met een regel in de audittrail; bij een ander product een 400; niemand anders mag het', async () => {
    const p = contract.producten.find((x) => x.productcode === CODE_TAAK)!;
    const r = await inkoper.request<Product>('PATCH', `/api/v1/contractproducten/${p.id}`, { maandbedragCents: 525_000 });
    expect(r.status).toBe(200);
    expect(r.body.maandbedragCents).toBe(525_000);
    expect((await regisseur.get<Product>(`/api/v1/contractproducten/${p.id}`)).body.maandbedragCents).toBe(525_000);
    const audit = await t.database.db.selectFrom('auditlog').select(['actie', 'resource_type', 'persoon_id', 'doel', 'gebruikersnaam']).where('resource_id', '=', p.id).execute();
    expect(audit).toEqual([{ actie: 'wijzigen', resource_type: 'contractproduct', persoon_id: null, doel: `bedrag per maand van ${CODE_TAAK} Algemene thuisondersteuning: € 5000,00 → € 5250,00`, gebruikersnaam: 'inkoper' }]);

    const hulp = contract.producten.find((x) => x.productcode === CODE)!;
    const ander = await inkoper.request<ProblemBody>('PATCH', `/api/v1/contractproducten/${hulp.id}`, { maandbedragCents: 100 });
    expect(ander.status).toBe(400);
    expect(ander.body.invalidParams).toEqual([{ name: 'maandbedragCents', code: 'ongeldig', reason: 'Alleen een taakgericht product heeft een bedrag per maand: laat het leeg' }]);
    expect((await inkoper.request('PATCH', `/api/v1/contractproducten/${p.id}`, { maandbedragCents: 12.5 })).status).toBe(400);
    expect((await inkoper.request('PATCH', `/api/v1/contractproducten/${p.id}`, {})).status).toBe(400);
    expect((await inkoper.request('PATCH', '/api/v1/contractproducten/00000000-0000-4000-8000-000000000000', { maandbedragCents: 1 })).status).toBe(404);
    expect((await regisseur.request('PATCH', `/api/v1/contractproducten/${p.id}`, { maandbedragCents: 1 })).status).toBe(403);
    expect((await tweestad.request('PATCH', `/api/v1/contractproducten/${p.id}`, { maandbedragCents: 1 })).status).toBe(403);
    expect((await regisseur.get<Product>(`/api/v1/contractproducten/${p.id}`)).body.maandbedragCents).toBe(525_000);
    expect((await regisseur.get<Product>(`/api/v1/contractproducten/${hulp.id}`)).body.maandbedragCents).toBeNull();
    expect(await t.database.db.selectFrom('auditlog').select('id').where('resource_id', '=', p.id).execute()).toHaveLength(1);
  });

  it('een ongeldig product, een onbekende aanbieder of een dubbel nummer: een 4xx en er is niets opgeslagen', async () => {
    const voor = await Promise.all([aantal('contracten'), aantal('contract_producten'), aantal('contract_tarieven')]);
    const fout = await inkoper.post<ProblemBody>('/api/v1/contracten', {
      aanbiederId: linde.id, van: '2026-01-01', producten: [hbh({ productcode: 'T1X01' }), hbh({ productcode: 'T1X02', productcategorie: '45' })],
    });
    expect(fout.status).toBe(400);
    expect(fout.body.invalidParams).toEqual([{ name: 'producten.1.productcategorie', code: 'ongeldig', reason: "Productcategorie '45' staat niet in WMO020" }]);
    expect((await inkoper.post('/api/v1/contracten', { aanbiederId: linde.id, van: '2026-01-01', producten: [hbh({ eenheid: '05' })] })).status).toBe(400);
    expect((await inkoper.post('/api/v1/contracten', { aanbiederId: linde.id, van: '2026-01-01', producten: [hbh(), hbh()] })).status).toBe(400);
    expect((await inkoper.post('/api/v1/contracten', { aanbiederId: '00000000-0000-4000-8000-000000000000', van: '2026-01-01', producten: [] })).status).toBe(400);
    expect((await inkoper.post('/api/v1/contracten', { aanbiederId: linde.id, van: '2026-01-01', tot: '2025-12-31', producten: [] })).status).toBe(400);
    expect((await inkoper.post('/api/v1/contracten', { aanbiederId: linde.id, nummer: contract.nummer, van: '2026-01-01', producten: [] })).status).toBe(409);
    expect(await Promise.all([aantal('contracten'), aantal('contract_producten'), aantal('contract_tarieven')])).toEqual(voor);
  });

  it('een nieuw tarief vanaf 1 januari sluit het vorige op 31 december af; de geschiedenis blijft', async () => {
    const p = contract.producten.find((x) => x.productcode === CODE)!;
    const r = await inkoper.post<Product>(`/api/v1/contractproducten/${p.id}/tarieven`, { van: '2027-01-01', tariefCents: 3810 });
    expect(r.status).toBe(201);
    expect(r.body.tarieven.map(({ van, tot, tariefCents }) => ({ van, tot, tariefCents }))).toEqual([
      { van: '2026-01-01', tot: '2026-12-31', tariefCents: 3645 },
      { van: '2027-01-01', tot: null, tariefCents: 3810 },
    ]);
    const c = (await regisseur.get<Contract>(`/api/v1/contracten/${contract.id}`)).body;
    expect(c.producten.find((x) => x.id === p.id)!.tarieven).toHaveLength(2);
  });

  it('een tarief midden in de geschiedenis is een conflict met een duidelijke reden; buiten het contract een 400; niets gewijzigd', async () => {
    const p = contract.producten.find((x) => x.productcode === CODE)!;
    const voor = (await regisseur.get<Product>(`/api/v1/contractproducten/${p.id}`)).body.tarieven;
    const r = await inkoper.post<ProblemBody>(`/api/v1/contractproducten/${p.id}/tarieven`, { van: '2026-06-01', tariefCents: 3700 });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('tariefperiode-overlapt');
    expect(r.body.detail).toContain('Er geldt al een tarief vanaf 2027-01-01');
    expect((await inkoper.post(`/api/v1/contractproducten/${p.id}/tarieven`, { van: '2028-01-01', tariefCents: 3900 })).status).toBe(400);
    expect((await inkoper.post(`/api/v1/contractproducten/${p.id}/tarieven`, { van: '2027-03-01', tariefCents: -1 })).status).toBe(400);
    expect((await regisseur.post(`/api/v1/contractproducten/${p.id}/tarieven`, { van: '2027-03-01', tariefCents: 1 })).status).toBe(403);
    expect((await regisseur.get<Product>(`/api/v1/contractproducten/${p.id}`)).body.tarieven).toEqual(voor);
  });

  it('voegt één product toe; hetzelfde product nog eens is een conflict', async () => {
    const r = await inkoper.post<Product>(`/api/v1/contracten/${contract.id}/producten`, hbh({ productcode: CODE_RES, productcategorie: '02', naam: 'Begeleid wonen (resultaat)', eenheid: '82', frequentie: '6', tariefCents: 0, bekostiging: 'outputgericht', resultaatgericht: true, capaciteit: 10 }));
    expect(r.status).toBe(201);
    expect(r.body.tarieven).toEqual([{ id: expect.any(String), van: '2026-01-01', tot: null, tariefCents: 0 }]);
    expect(r.body.capaciteit).toBe(10);
    expect((await inkoper.post(`/api/v1/contracten/${contract.id}/producten`, hbh())).status).toBe(409);
  });
});

describe('wie is gecontracteerd, en het budget', () => {
  let tweede: Contract;
  it('toont per datum de aanbieders met hun tarief, capaciteit en lopende voorzieningen', async () => {
    // A second provider for the same product, dearer in 2026 only.
    tweede = (await inkoper.post<Contract>('/api/v1/contracten', { aanbiederId: zorgGroep.id, van: '2026-01-01', tot: '2026-12-31', producten: [hbh({ tariefCents: 3700 })] })).body;
    const in2026 = await regisseur.get<{ aanbiederId: string; tariefCents: number; lopend: number; capaciteit: number | null }[]>(`/api/v1/gecontracteerd?wet=wmo&productcode=${CODE}&datum=2026-06-01`);
    expect(in2026.status).toBe(200);
    expect(in2026.body.map((g) => [g.aanbiederId, g.tariefCents, g.lopend, g.capaciteit])).toEqual([[linde.id, 3645, 0, null], [zorgGroep.id, 3700, 0, null]]);
    const in2027 = await regisseur.get<{ aanbiederId: string; tariefCents: number }[]>(`/api/v1/gecontracteerd?wet=wmo&productcode=${CODE}&datum=2027-02-01`);
    expect(in2027.body.map((g) => [g.aanbiederId, g.tariefCents])).toEqual([[linde.id, 3810]]);
    expect((await regisseur.get<unknown[]>('/api/v1/gecontracteerd?wet=wmo&productcode=ZZZ99&datum=2026-06-01')).body).toEqual([]);
    expect((await regisseur.get('/api/v1/gecontracteerd?wet=wmo')).status).toBe(400);
  });

  it('3 uur per week over een tariefwijziging op 1 januari: de som van beide periodes, tot op de cent', async () => {
    const p = contract.producten.find((x) => x.productcode === CODE)!;
    const b = await budget({ wet: 'wmo', productcode: CODE, contractProductId: p.id, leveringsvorm: 'zin', volume: 3, begin: '2026-11-01', eind: '2027-02-28' });
    // 61 days × 3/7 × 3645 = 95.290,71 → 95.291; 59 days × 3/7 × 3810 = 96.338,57 → 96.339.
    expect(b.bron).toBe('contract');
    expect(b.regels.map((r) => [r.van, r.tot, r.tariefCents, r.bedragCents])).toEqual([['2026-11-01', '2026-12-31', 3645, 95_291], ['2027-01-01', '2027-02-28', 3810, 96_339]]);
    expect(b.budgetCents).toBe(191_630);
    expect(b.budgetTot).toBe('2027-02-28');
    expect(b.jaarbedragCents).toBe(582_875);
  });

  it('vóór de keuze van een aanbieder reserveert het budget het hoogste tarief per dag', async () => {
    const b = await budget({ wet: 'wmo', productcode: CODE, leveringsvorm: 'zin', volume: 3, begin: '2026-11-01', eind: '2027-02-28' });
    expect(b.bron).toBe('referentie');
    // 2026 at the second provider's 3700: 61 × 3/7 × 3700 = 96.728,57 → 96.729; 2027 only De Linde's 3810.
    expect(b.budgetCents).toBe(96_729 + 96_339);
    void tweede;
    // A contract that starts later counts from its first day: 59 × 3/7 × 3900 = 98.614,29 → 98.614 for 2027.
    const later = (await inkoper.post<Aanbieder>('/api/v1/aanbieders', aanbieder({ naam: 'Huishoudhulp Later' }))).body;
    expect((await inkoper.post('/api/v1/contracten', { aanbiederId: later.id, van: '2027-01-01', producten: [hbh({ tariefCents: 3900 })] })).status).toBe(201);
    const metLater = await budget({ wet: 'wmo', productcode: CODE, leveringsvorm: 'zin', volume: 3, begin: '2026-11-01', eind: '2027-02-28' });
    expect(metLater.regels.map((r) => [r.van, r.tariefCents, r.bedragCents])).toEqual([['2026-11-01', 3700, 96_729], ['2027-01-01', 3900, 98_614]]);
  });

  it('taakgericht: geen budget per cliënt; niets gecontracteerd: 422', async () => {
    expect((await budget({ wet: 'wmo', productcode: CODE_TAAK, leveringsvorm: 'zin', volume: 1, begin: '2026-03-01', eind: null })).budgetCents).toBe(0);
    await expect(budget({ wet: 'wmo', productcode: 'ZZZ99', leveringsvorm: 'zin', volume: 1, begin: '2026-03-01', eind: null })).rejects.toMatchObject({ code: 'geen-gecontracteerd-product' });
    await expect(budget({ wet: 'wmo', productcode: CODE, leveringsvorm: 'zin', volume: 1, begin: '2025-03-01', eind: null })).rejects.toMatchObject({ code: 'geen-gecontracteerd-product' });
    await expect(budget({ wet: 'wmo', productcode: CODE, leveringsvorm: 'pgb', volume: 1, begin: '2026-03-01', eind: null })).rejects.toMatchObject({ code: 'geen-gecontracteerd-product' });
  });

  it('pgb: het budget volgt het pgb-tarief, dat net zo een geschiedenis heeft', async () => {
    const r = await inkoper.request<{ van: string; tot: string | null; tariefCents: number }[]>('PUT', '/api/v1/pgbtarieven', { wet: 'wmo', productcode: CODE, eenheid: '04', frequentie: '2', tariefCents: 2600, van: '2026-01-01' });
    expect(r.status).toBe(200);
    await inkoper.request('PUT', '/api/v1/pgbtarieven', { wet: 'wmo', productcode: CODE, eenheid: '04', frequentie: '2', tariefCents: 2700, van: '2027-01-01' });
    const lijst = (await regisseur.get<{ van: string; tot: string | null; tariefCents: number }[]>(`/api/v1/pgbtarieven?wet=wmo&productcode=${CODE}`)).body;
    expect(lijst.map((x) => [x.van, x.tot, x.tariefCents])).toEqual([['2026-01-01', '2026-12-31', 2600], ['2027-01-01', null, 2700]]);
    expect((await inkoper.request<ProblemBody>('PUT', '/api/v1/pgbtarieven', { wet: 'wmo', productcode: CODE, eenheid: '04', frequentie: '2', tariefCents: 1, van: '2026-05-01' })).status).toBe(409);
    const b = await budget({ wet: 'wmo', productcode: CODE, leveringsvorm: 'pgb', volume: 3, begin: '2026-11-01', eind: '2027-02-28' });
    expect(b.bron).toBe('pgb');
    // 61 × 3/7 × 2600 = 67.971,43 → 67.971; 59 × 3/7 × 2700 = 68.271,43 → 68.271.
    expect(b.budgetCents).toBe(67_971 + 68_271);
  });

  it('resultaatgericht: de tabel per versie; een nieuwe versie sluit de vorige; het budget komt uit de tabel', async () => {
    const tabel = (van: string, factor: number) => ({
      wet: 'wmo', productcode: CODE_RES, van,
      regels: ['laag', 'hoog'].flatMap((c, i) => [6, 12].map((duur) => ({ profiel: c, intensiteit: '2', duurMaanden: duur, bedragCents: Math.round((190_000 + i * 500_000 + duur * 10_000) * factor) }))),
    });
    expect((await inkoper.request('PUT', '/api/v1/resultaattarieven', tabel('2026-01-01', 1))).status).toBe(200);
    const v2 = await inkoper.request<{ van: string; tot: string | null }[]>('PUT', '/api/v1/resultaattarieven', tabel('2027-01-01', 1.04));
    expect(v2.status).toBe(200);
    expect(new Set(v2.body.map((r) => `${r.van}..${r.tot}`))).toEqual(new Set(['2026-01-01..2026-12-31', '2027-01-01..null']));
    expect((await inkoper.request<ProblemBody>('PUT', '/api/v1/resultaattarieven', tabel('2026-06-01', 1))).body.code).toBe('tariefperiode-overlapt');
    expect((await inkoper.request('PUT', '/api/v1/resultaattarieven', { ...tabel('2028-01-01', 1), regels: [{ profiel: 'laag', intensiteit: '2', bedragCents: 1 }] })).status).toBe(400);
    expect((await beleid.get<unknown[]>(`/api/v1/resultaattarieven?wet=wmo&productcode=${CODE_RES}&datum=2026-06-01`)).body).toHaveLength(4);
    // 7 months → the 12-month amount: 190.000 + 500.000 + 120.000 for complexiteit hoog.
    const b = await budget({ wet: 'wmo', productcode: CODE_RES, leveringsvorm: 'zin', volume: 1, begin: '2026-03-01', eind: '2026-09-30', resultaat: { profiel: 'hoog', intensiteit: '2' } });
    expect(b).toMatchObject({ bron: 'resultaat', budgetCents: 810_000, budgetTot: '2026-09-30' });
    const zes = await budget({ wet: 'wmo', productcode: CODE_RES, leveringsvorm: 'zin', volume: 1, begin: '2027-03-01', eind: '2027-08-31', resultaat: { profiel: 'laag', intensiteit: '2' } });
    expect(zes.budgetCents).toBe(Math.round(250_000 * 1.04));
    await expect(budget({ wet: 'wmo', productcode: CODE_RES, leveringsvorm: 'zin', volume: 1, begin: '2026-03-01', eind: null })).rejects.toMatchObject({ code: 'ongeldige-invoer' });
  });
});

describe('de producttabel als CSV en XLSX', () => {
  it('exporteert CSV met puntkomma\'s, BOM, Nederlandse kolomnamen en het tarief in euro\'s met een komma', async () => {
    const r = await beleid.get<string>(`/api/v1/contracten/${contract.id}/producten.csv?datum=2027-02-01`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/csv');
    expect(r.headers.get('content-disposition')).toContain('.csv');
    const regels = r.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(regels[0]).toBe('Wet;Productcategorie;Productcode;Naam;Eenheid;Frequentie;Bekostiging;Tarief (euro);Van;Resultaatgericht;Capaciteit;Bedrag per maand (euro)');
    expect(regels).toContain(`wmo;01;${CODE};Hulp bij het huishouden;04;2;inspanningsgericht;38,10;2027-01-01;nee;;`);
    expect(regels).toContain(`wmo;06;${CODE_TAAK};Algemene thuisondersteuning;82;6;taakgericht;0,00;2026-01-01;nee;;5250,00`);
  });

  it('exporteert XLSX met dezelfde kolommen, en dat bestand leest terug zonder wijzigingen', async () => {
    const res = await fetch(`${t.baseUrl}/api/v1/contracten/${contract.id}/producten.xlsx`, { headers: { cookie: inkoper.cookie! } });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(3).value).toBe('Productcode');
    const terug = await inkoper.post<Verslag>(`/api/v1/contracten/${contract.id}/producten/import`, { formaat: 'xlsx', bestand: base64(bytes) });
    expect(terug.status).toBe(200);
    expect(terug.body).toEqual({ geschreven: false, toegevoegd: 0, gewijzigd: 0, ongewijzigd: 3, afgewezen: [] });
  });

  const csv = (...regels: string[]) => base64(`\uFEFFWet;Productcategorie;Productcode;Naam;Eenheid;Frequentie;Bekostiging;Tarief (euro);Van\r\n${regels.join('\r\n')}\r\n`);
  const goed = [
    'wmo;2;T1B01;Individuele begeleiding;4;2;inspanningsgericht;68,50;1-1-2026', // Excel dropped the leading zeros: 02 and 04.
    `wmo;01;${CODE};Hulp bij het huishouden;04;2;inspanningsgericht;39,00;2027-07-01`,
  ];

  it('één afgewezen regel en alles-of-niets (standaard): een verslag per regel en veld, en er is niets opgeslagen', async () => {
    const voor = await Promise.all([aantal('contract_producten'), aantal('contract_tarieven')]);
    const r = await inkoper.post<Verslag>(`/api/v1/contracten/${contract.id}/producten/import`, {
      formaat: 'csv', bestand: csv(...goed, 'wmo;07;T1D01;Dagbesteding;dagdeel;per week;inspanningsgericht;42,8;2026-01-01', 'wmo;07;T1D02;Dagbesteding;05;2;inspanningsgericht;veel;2026-02-30'),
    });
    expect(r.status).toBe(200);
    expect(r.body.geschreven).toBe(false);
    expect(r.body.afgewezen).toEqual([
      { regel: 5, veld: 'eenheid', reden: "Eenheid '05' staat niet in WJ756 (01, 04, 14, 16, 82, 83, 84)" },
      { regel: 5, veld: 'tarief', reden: "'veel' is geen bedrag in euro's (zoals 36,45)" },
      { regel: 5, veld: 'van', reden: "'2026-02-30' is geen bestaande datum (JJJJ-MM-DD of DD-MM-JJJJ)" },
    ]);
    expect(await Promise.all([aantal('contract_producten'), aantal('contract_tarieven')])).toEqual(voor);
  });

  it('zonder alles-of-niets: de goede regels worden opgeslagen (nieuw product, nieuw tarief vanaf Van), de foute gemeld', async () => {
    const r = await inkoper.post<Verslag>(`/api/v1/contracten/${contract.id}/producten/import?alles-of-niets=false`, {
      formaat: 'csv', bestand: csv(...goed, `wmo;01;${CODE};Hulp bij het huishouden;04;2;inspanningsgericht;40,00;2026-05-01`, `wmo;06;${CODE_TAAK};Algemene thuisondersteuning;82;6;taakgericht;0,00;`),
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ geschreven: true, toegevoegd: 1, gewijzigd: 1, ongewijzigd: 1 });
    expect(r.body.afgewezen.map((a) => [a.regel, a.veld])).toEqual([[4, 'productcode']]);
    const c = (await regisseur.get<Contract>(`/api/v1/contracten/${contract.id}`)).body;
    const nieuw = c.producten.find((p) => p.productcode === 'T1B01')!;
    expect(nieuw).toMatchObject({ wet: 'wmo', eenheid: '04', frequentie: '2', naam: 'Individuele begeleiding' });
    expect(nieuw.tarieven.map((x) => [x.van, x.tariefCents])).toEqual([['2026-01-01', 6850]]);
    expect(c.producten.find((p) => p.productcode === CODE)!.tarieven.map((x) => [x.van, x.tot, x.tariefCents])).toEqual([
      ['2026-01-01', '2026-12-31', 3645], ['2027-01-01', '2027-06-30', 3810], ['2027-07-01', null, 3900],
    ]);
  });

  it('de import zet het bedrag per maand; een ouder bestand zonder die kolom laat het staan, maar een nieuw taakgericht product vraagt erom', async () => {
    const kop = 'Wet;Productcategorie;Productcode;Naam;Eenheid;Frequentie;Bekostiging;Tarief (euro);Van;Resultaatgericht;Capaciteit;Bedrag per maand (euro)';
    const met = await inkoper.post<Verslag>(`/api/v1/contracten/${contract.id}/producten/import`, {
      formaat: 'csv', bestand: base64(`${kop}\nwmo;06;${CODE_TAAK};Algemene thuisondersteuning;82;6;taakgericht;0,00;;nee;;5.400,00\n`),
    });
    expect(met.body).toEqual({ geschreven: true, toegevoegd: 0, gewijzigd: 1, ongewijzigd: 0, afgewezen: [] });
    const p = contract.producten.find((x) => x.productcode === CODE_TAAK)!;
    expect((await regisseur.get<Product>(`/api/v1/contractproducten/${p.id}`)).body.maandbedragCents).toBe(540_000);
    expect((await t.database.db.selectFrom('auditlog').select('doel').where('resource_id', '=', p.id).orderBy('id', 'desc').executeTakeFirstOrThrow()).doel).toContain('€ 5400,00');

    const oud = await inkoper.post<Verslag>(`/api/v1/contracten/${contract.id}/producten/import?alles-of-niets=false`, {
      formaat: 'csv', bestand: csv(`wmo;06;${CODE_TAAK};Algemene thuisondersteuning;82;6;taakgericht;0,00;`, 'wmo;06;T1T09;Nieuwe thuisondersteuning;82;6;taakgericht;0,00;'),
    });
    expect(oud.body).toEqual({
      geschreven: false, toegevoegd: 0, gewijzigd: 0, ongewijzigd: 1,
      afgewezen: [{ regel: 3, veld: 'maandbedrag', reden: "Een taakgericht product heeft een bedrag per maand: voeg de kolom 'Bedrag per maand (euro)' toe" }],
    });
    expect((await regisseur.get<Product>(`/api/v1/contractproducten/${p.id}`)).body.maandbedragCents).toBe(540_000);
  });

  it('een ontbrekende kolom, een leeg of onleesbaar bestand: een duidelijk verslag of een 400', async () => {
    const zonderTarief = await inkoper.post<Verslag>(`/api/v1/contracten/${contract.id}/producten/import`, { formaat: 'csv', bestand: base64('Wet;Productcode;Naam;Eenheid;Frequentie;Bekostiging\nwmo;T1Z01;X;04;2;inspanningsgericht\n') });
    expect(zonderTarief.body.afgewezen).toEqual([{ regel: 1, veld: 'tarief', reden: "De kolom 'Tarief (euro)' ontbreekt in de kopregel" }]);
    const leeg = await inkoper.post<Verslag>(`/api/v1/contracten/${contract.id}/producten/import`, { formaat: 'csv', bestand: csv() });
    expect(leeg.body.afgewezen[0]!.veld).toBe('bestand');
    const kapot = await inkoper.post<ProblemBody>(`/api/v1/contracten/${contract.id}/producten/import`, { formaat: 'xlsx', bestand: base64('geen excel') });
    expect(kapot.status).toBe(400);
    expect(kapot.body.detail).toContain('XLSX-bestand kon niet worden gelezen');
    expect((await inkoper.post(`/api/v1/contracten/${contract.id}/producten/import`, { formaat: 'pdf', bestand: base64('x') })).status).toBe(400);
    expect((await regisseur.post(`/api/v1/contracten/${contract.id}/producten/import`, { formaat: 'csv', bestand: csv(...goed) })).status).toBe(403);
    expect((await tweestad.get(`/api/v1/contracten/${contract.id}/producten.csv`)).status).toBe(404);
  });
});
