import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../platform/auth/password.ts';
import { inGemeente, type Actor } from '../../platform/tenancy/tx.ts';
import { addDays, format, parseISO } from 'date-fns';
import { vandaag } from '../../platform/time.ts';
import { valideerBerichten } from '../../platform/xml/scheidsrechter.ts';
import { startTestApp, voorbeeldMelding, type Client, type TestApp } from '../../testing/harness.ts';
import { maakAanbieder, maakContract } from '../inkoop/index.ts';
import { termijnen } from '../toegang/index.ts';
import type { VerzoekWijziging } from './rules.ts';
import { schrijfRetourAntwoord, schrijfVerzoekToewijzing, schrijfVerzoekWijziging } from './xml.ts';

let t: TestApp;
let regisseur: Client;
let beslisser: Client;
let beslisser2: Client;
let teamleider: Client;
let inkoper: Client;
let zorg: Client;        // staff of the provider the voorzieningen go to
let andereZorg: Client;  // staff of another provider
let gemeenteId: string;
const GEMEENTE = '9001';
const dag = (n: number) => format(addDays(parseISO(vandaag()), n), 'yyyy-MM-dd');
/** The decision took effect three weeks ago; a start or stop may not lie after the message's own date (TR134). */
const BEGIN = dag(-21);
let agbZorg = '';
let agbAnder = '';

interface Bericht { id: string; soort: string; richting: string; status: string; retourcodes: string[]; retourId: string | null; aanbiederId: string; identificatie: string }
interface Voorziening { id: string; status: string; gestartOp: string | null; beeindigdOp: string | null; redenBeeindiging: string | null; persoonId: string; aanbieder: { id: string } | null }

const actorInkoop = (): Actor => ({ gebruikerId: null, gebruikersnaam: 'test-inkoop', gemeenteId, rollen: ['inkoper'], rol: 'inkoper', aanbiederId: null });

async function aanbiederMetContract(naam: string, agb: string, code: string) {
  return inGemeente(t.database.db, gemeenteId, async (tx) => {
    const a = await maakAanbieder(tx, actorInkoop(), { naam, agbCode: agb, wetten: ['wmo'] });
    await maakContract(tx, actorInkoop(), {
      aanbiederId: a.id, van: '2026-01-01', producten: [{
        wet: 'wmo', productcategorie: '01', productcode: code, naam: `Huishoudelijke hulp ${code}`, eenheid: '04', frequentie: '2', tariefCents: 3645, bekostiging: 'inspanningsgericht', capaciteit: null,
      }],
    });
    return a.id;
  });
}

async function medewerker(gebruikersnaam: string, aanbiederId: string): Promise<Client> {
  await t.database.db.insertInto('gebruikers').values({
    gemeente_id: gemeenteId, gebruikersnaam, naam: `Medewerker ${gebruikersnaam}`, rollen: ['aanbieder'], aanbieder_id: aanbiederId, wachtwoord_hash: await hashPassword('demo-wachtwoord'),
  }).execute();
  return t.login(gebruikersnaam, 'demo-wachtwoord');
}

/** A resident decided (four eyes) for hulp bij het huishouden, 3 hours a week from BEGIN, assigned to `aanbiederId`. */
async function toegewezen(aanbiederId: string, code: string, opts: { verwerk?: boolean; toewijzen?: boolean } = {}): Promise<Voorziening> {
  const m = await regisseur.post<{ id: string }>('/api/v1/meldingen', voorbeeldMelding({ ontvangenOp: vandaag() }));
  const casusId = (await regisseur.post<{ casus: { id: string } }>(`/api/v1/meldingen/${m.body.id}/triage`, { uitkomst: 'onderzoek' })).body.casus.id;
  const doel = await regisseur.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/doelen`, {
    leefgebied: 'praktischFunctioneren', omschrijving: 'Schoon huis', meetbaarResultaat: 'Huis wekelijks schoon', streefdatum: dag(180),
  });
  const wmo = (await regisseur.get<{ id: string; naam: string }[]>('/api/v1/catalogus?domein=wmo&trede=4')).body.find((i) => /huishouden/i.test(i.naam))!;
  const itemId = (await regisseur.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/arrangement`, {
    doelId: doel.body.id, trede: 4, catalogusItemId: wmo.id, motivering: 'Mevrouw kan door haar heup niet meer zwaar schoonmaken.',
  })).body.id;
  const aanvraagId = (await regisseur.post<{ id: string }>('/api/v1/aanvragen', { casusId, arrangementItemIds: [itemId], ontvangenOp: vandaag() })).body.id;
  await teamleider.post(`/api/v1/aanvragen/${aanvraagId}/toets`, {});
  await beslisser2.post(`/api/v1/aanvragen/${aanvraagId}/beoordeling`, {});
  const b = await beslisser.post(`/api/v1/aanvragen/${aanvraagId}/besluit`, {
    producten: [{ arrangementItemId: itemId, uitkomst: 'toegekend', omvang: 3, ingangsdatum: BEGIN, einddatum: dag(160), leveringsvorm: 'zin', productcode: code, eenheid: 'uur', periode: 'week' }],
    motivering: 'Mevrouw kan het huishouden niet zelf of met haar netwerk doen.',
  });
  expect(b.status, JSON.stringify(b.body)).toBe(200);
  await beslisser.post(`/api/v1/aanvragen/${aanvraagId}/verzending`, {});
  const v = (await regisseur.get<{ items: Voorziening[] }>(`/api/v1/voorzieningen?casusId=${casusId}`)).body.items[0]!;
  if (opts.toewijzen === false) return v;
  const r = await regisseur.post(`/api/v1/voorzieningen/${v.id}/aanbieder`, { aanbiederId });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  if (opts.verwerk === false) return v;
  await t.app.opdrachten.verwerk();
  const mislukt = await t.database.db.selectFrom('opdrachten').select(['laatste_fout', 'status']).where('soort', '=', 'berichten.toewijzing').where('laatste_fout', 'is not', null).execute();
  expect(mislukt).toEqual([]);
  return v;
}

const leesV = async (id: string) => (await regisseur.get<Voorziening>(`/api/v1/voorzieningen/${id}`)).body;

/** The 301 the provider fetches: its number, BSN and dates are what a 305/307 must repeat. */
async function laatste301(door: Client): Promise<{ bericht: Bericht; xml: string; nummer: number; bsn: string; geboortedatum: string; achternaam: string }> {
  const lijst = (await door.get<{ items: Bericht[] }>('/api/v1/berichten?soort=301')).body.items;
  const bericht = lijst[0]!;
  const xml = (await door.get<string>(`/api/v1/berichten/${bericht.id}/xml`)).body;
  const veld = (naam: string) => new RegExp(`<[a-z0-9]+:${naam}>([^<]*)</`).exec(xml)![1]!;
  return { bericht, xml, nummer: Number(veld('ToewijzingNummer')), bsn: veld('Bsn'), geboortedatum: veld('Datum'), achternaam: veld('Achternaam') };
}

let volgnummer = 100_000;
interface Product { nummer: number; begindatum: string; status?: string; einddatum?: string; reden?: string }
function startStop(soort: '305' | '307', c: { bsn: string; geboortedatum: string; achternaam: string }, producten: Product[], opts: { agb?: string; identificatie?: string } = {}): string {
  const p = `wmo${soort}`;
  const stop = soort === '307';
  const regels = producten.map((x) => `
      <${p}:${stop ? 'StopProduct' : 'StartProduct'}>
        <${p}:ToewijzingNummer>${x.nummer}</${p}:ToewijzingNummer>
        <${p}:Product><iwmo:Categorie>01</iwmo:Categorie><iwmo:Code>HH${String(x.nummer % 1000).padStart(3, '0')}</iwmo:Code></${p}:Product>
        <${p}:ToewijzingIngangsdatum>${BEGIN}</${p}:ToewijzingIngangsdatum>
        <${p}:Begindatum>${x.begindatum}</${p}:Begindatum>${stop ? `
        <${p}:RedenBeeindiging>${x.reden ?? '19'}</${p}:RedenBeeindiging>
        <${p}:Einddatum>${x.einddatum}</${p}:Einddatum>` : ''}
        <${p}:StatusAanlevering>${x.status ?? '1'}</${p}:StatusAanlevering>
      </${p}:${stop ? 'StopProduct' : 'StartProduct'}>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<${p}:Bericht xmlns:iwmo="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema" xmlns:${p}="http://www.istandaarden.nl/iwmo/3_2/${p}/schema">
  <${p}:Header>
    <${p}:BerichtCode>${stop ? 420 : 418}</${p}:BerichtCode><${p}:BerichtVersie>3</${p}:BerichtVersie><${p}:BerichtSubversie>2</${p}:BerichtSubversie>
    <${p}:Afzender>${opts.agb ?? agbZorg}</${p}:Afzender><${p}:Ontvanger>${GEMEENTE}</${p}:Ontvanger>
    <${p}:BerichtIdentificatie><iwmo:Identificatie>${opts.identificatie ?? `T${++volgnummer}`}</iwmo:Identificatie><iwmo:Dagtekening>${vandaag()}</iwmo:Dagtekening></${p}:BerichtIdentificatie>
    <${p}:XsdVersie><iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie><iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie></${p}:XsdVersie>
  </${p}:Header>
  <${p}:Client>
    <${p}:Bsn>${c.bsn}</${p}:Bsn>
    <${p}:Geboortedatum><iwmo:Datum>${c.geboortedatum}</iwmo:Datum></${p}:Geboortedatum>
    <${p}:Geslacht>0</${p}:Geslacht>
    <${p}:Naam><iwmo:Geslachtsnaam><iwmo:Achternaam>${c.achternaam}</iwmo:Achternaam></iwmo:Geslachtsnaam></${p}:Naam>
    <${p}:${stop ? 'StopProducten' : 'StartProducten'}>${regels}
    </${p}:${stop ? 'StopProducten' : 'StartProducten'}>
  </${p}:Client>
</${p}:Bericht>`;
}

const lever = (door: Client, xml: string) =>
  door.post<{ id: string; retourId: string | null; status: string; retourcodes: { code: string }[]; herhaald: boolean; bevindingen: string[]; code?: string; detail?: string }>(
    '/api/v1/berichten', undefined, { raw: xml, headers: { 'content-type': 'application/xml' } });
const codes = (r: { retourcodes: { code: string }[] }) => r.retourcodes.map((c) => c.code);

async function scheidsrechters(xml: string, bericht: string) {
  const [u] = await valideerBerichten([{ xml }], { standaard: 'iwmo', bericht: bericht as '301' });
  return [...u!.xsdFouten, ...u!.regelFouten.map((f) => f.code)];
}

let aanbiederId: string;
let anderId: string;

beforeAll(async () => {
  t = await startTestApp();
  [regisseur, beslisser, beslisser2, teamleider, inkoper] = (await Promise.all(['regisseur', 'beslisser', 'beslisser2', 'teamleider', 'inkoper'].map((u) => t.login(u)))) as [Client, Client, Client, Client, Client];
  gemeenteId = (await t.database.db.selectFrom('gemeenten').select('id').where('code', '=', 'demodorp').executeTakeFirstOrThrow()).id;
  agbZorg = `8${String(Date.now()).slice(-7)}`;
  agbAnder = `7${String(Date.now()).slice(-7)}`;
  aanbiederId = await aanbiederMetContract('Thuiszorg Berichten', agbZorg, 'HH101');
  anderId = await aanbiederMetContract('Andere Zorg Berichten', agbAnder, 'HH102');
  zorg = await medewerker(`zorg-${agbZorg}`, aanbiederId);
  andereZorg = await medewerker(`zorg-${agbAnder}`, anderId);
});
afterAll(async () => t?.close());

describe('toewijzing (301): na de commit, geldig volgens beide scheidsrechters', () => {
  it('een toegewezen voorziening in natura levert de aanbieder een WMO301 op die de XSD en het validatieschema zonder fout doorstaat', async () => {
    await toegewezen(aanbiederId, 'HH101');
    const { bericht, xml, nummer } = await laatste301(zorg);
    expect(bericht).toMatchObject({ soort: '301', richting: 'uit', aanbiederId });
    expect(nummer).toBeGreaterThan(0);
    expect(await scheidsrechters(xml, '301')).toEqual([]);
    expect(xml).toContain(`<wmo301:Afzender>${GEMEENTE}</wmo301:Afzender>`);
    expect(xml).toContain(`<wmo301:Ontvanger>${agbZorg}</wmo301:Ontvanger>`);
    // Fetched by the provider: no longer 'klaar'.
    expect((await zorg.get<Bericht>(`/api/v1/berichten/${bericht.id}`)).body.status).toBe('opgehaald');
  });

  it('een medewerker van een andere aanbieder ziet 0 van deze berichten en krijgt hun XML niet', async () => {
    const eigen = (await zorg.get<{ items: Bericht[]; totaal: number }>('/api/v1/berichten')).body;
    expect(eigen.totaal).toBeGreaterThan(0);
    const ander = (await andereZorg.get<{ items: Bericht[]; totaal: number }>(`/api/v1/berichten?aanbiederId=${aanbiederId}`)).body;
    expect(ander.items.filter((b) => b.aanbiederId === aanbiederId)).toEqual([]);
    expect((await andereZorg.get(`/api/v1/berichten/${eigen.items[0]!.id}/xml`)).status).toBe(404);
    expect((await andereZorg.get(`/api/v1/berichten/${eigen.items[0]!.id}`)).status).toBe(404);
  });

  it('de aanbieder kan geen dossier lezen: zijn rol opent geen voorziening of casus', async () => {
    const { bericht } = await laatste301(zorg);
    expect(bericht).toBeTruthy();
    expect((await zorg.get('/api/v1/voorzieningen?persoonId=00000000-0000-4000-8000-000000000000')).status).toBe(403);
  });
});

describe('start (305) en stop (307), getoetst tegen de eigen gegevens', () => {
  it('een geldige 305 zet de voorziening op gestart en krijgt een 306 met 0200; dezelfde 305 nogmaals geeft hetzelfde antwoord en verandert niets', async () => {
    const v = await toegewezen(aanbiederId, 'HH101');
    const c = await laatste301(zorg);
    const xml = startStop('305', c, [{ nummer: c.nummer, begindatum: dag(-19) }]);
    const r = await lever(zorg, xml);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body, JSON.stringify(r.body)).toMatchObject({ status: 'verwerkt', herhaald: false, bevindingen: [] });
    expect(await leesV(v.id)).toMatchObject({ status: 'gestart', gestartOp: dag(-19) });
    const retour = (await zorg.get<string>(`/api/v1/berichten/${r.body.retourId}/xml`)).body;
    expect(await scheidsrechters(retour, '306')).toEqual([]);
    expect(retour).toContain('<wmo306:RetourCode>0200</wmo306:RetourCode>');

    const nogmaals = await lever(zorg, xml);
    expect(nogmaals.status).toBe(201);
    expect(nogmaals.body).toMatchObject({ id: r.body.id, retourId: r.body.retourId, herhaald: true });
    const historie = (await regisseur.get<{ historie: { naar: string }[] }>(`/api/v1/voorzieningen/${v.id}`)).body.historie;
    expect(historie.filter((h) => h.naar === 'gestart')).toHaveLength(1);
  });

  it('een tweede start zonder stop wordt afgewezen met 9326 (TR326) en verandert niets', async () => {
    const v = await toegewezen(aanbiederId, 'HH101');
    const c = await laatste301(zorg);
    expect((await lever(zorg, startStop('305', c, [{ nummer: c.nummer, begindatum: dag(-20) }]))).body.status).toBe('verwerkt');
    const tweede = await lever(zorg, startStop('305', c, [{ nummer: c.nummer, begindatum: dag(-17) }]));
    expect(tweede.body).toMatchObject({ status: 'afgekeurd' });
    expect(codes(tweede.body)).toEqual(['9326']);
    expect(await leesV(v.id)).toMatchObject({ status: 'gestart', gestartOp: dag(-20) });
  });

  it('een start op een onbekend toewijzingnummer krijgt 9019 (TR019); een kapotte 305 krijgt 0001; beide veranderen niets', async () => {
    const v = await toegewezen(aanbiederId, 'HH101');
    const c = await laatste301(zorg);
    const onbekend = await lever(zorg, startStop('305', c, [{ nummer: 999_999_999, begindatum: dag(-19) }]));
    expect(onbekend.status).toBe(201);
    expect(codes(onbekend.body)).toEqual(['9019']);
    const kapot = startStop('305', c, [{ nummer: c.nummer, begindatum: dag(-19) }]).replace(/<wmo305:Geslacht>0<\/wmo305:Geslacht>/, '');
    const r = await lever(zorg, kapot);
    expect(r.status).toBe(201);
    expect(r.body.status).toBe('afgekeurd');
    expect(codes(r.body)).toContain('0001');
    const retour = (await zorg.get<string>(`/api/v1/berichten/${r.body.retourId}/xml`)).body;
    expect(await scheidsrechters(retour, '306')).toEqual([]);
    expect((await leesV(v.id)).status).toBe('toegewezen');
  });

  it('een stop vóór een start krijgt 9069 (OP072); na de start beëindigt een 307 de voorziening met haar reden en volgt een nieuwe 301 met reden wijziging', async () => {
    const v = await toegewezen(aanbiederId, 'HH101');
    const c = await laatste301(zorg);
    const teVroeg = await lever(zorg, startStop('307', c, [{ nummer: c.nummer, begindatum: dag(-19), einddatum: dag(-1), reden: '21' }]));
    expect(codes(teVroeg.body)).toEqual(['9069']);
    expect((await leesV(v.id)).status).toBe('toegewezen');

    await lever(zorg, startStop('305', c, [{ nummer: c.nummer, begindatum: dag(-19) }]));
    const stop = await lever(zorg, startStop('307', c, [{ nummer: c.nummer, begindatum: dag(-19), einddatum: dag(-1), reden: '21' }]));
    expect(stop.body, JSON.stringify(stop.body)).toMatchObject({ status: 'verwerkt' });
    expect(await leesV(v.id)).toMatchObject({ status: 'beeindigd', beeindigdOp: dag(-1), redenBeeindiging: '21' });
    const retour = (await zorg.get<string>(`/api/v1/berichten/${stop.body.retourId}/xml`)).body;
    expect(await scheidsrechters(retour, '308')).toEqual([]);

    await t.app.opdrachten.verwerk();
    const nieuw = await laatste301(zorg);
    expect(nieuw.bericht.id).not.toBe(c.bericht.id);
    expect(nieuw.xml).toContain(`<wmo301:Einddatum>${dag(-1)}</wmo301:Einddatum>`);
    expect(nieuw.xml).toContain('<wmo301:RedenWijziging>12</wmo301:RedenWijziging>');
    expect(await scheidsrechters(nieuw.xml, '301')).toEqual([]);
  });

  it('een 302 van de aanbieder markeert de 301 als geaccepteerd', async () => {
    await toegewezen(aanbiederId, 'HH101');
    const c = await laatste301(zorg);
    const retour = c.xml
      .replaceAll('wmo301', 'wmo302')
      .replace('<wmo302:BerichtCode>414</wmo302:BerichtCode>', '<wmo302:BerichtCode>415</wmo302:BerichtCode>')
      .replace('</wmo302:XsdVersie>', `</wmo302:XsdVersie><wmo302:IdentificatieRetour>R${++volgnummer}</wmo302:IdentificatieRetour><wmo302:DagtekeningRetour>${vandaag()}</wmo302:DagtekeningRetour><wmo302:XsdVersieRetour><iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie><iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie></wmo302:XsdVersieRetour>`)
      .replace(/<\/wmo302:ToegewezenProduct>/g, '<wmo302:RetourCodes><wmo302:RetourCode>0200</wmo302:RetourCode></wmo302:RetourCodes></wmo302:ToegewezenProduct>')
      .replace('</wmo302:Contact>', '<wmo302:RetourCodes><wmo302:RetourCode>0200</wmo302:RetourCode></wmo302:RetourCodes></wmo302:Contact>')
      .replace('</wmo302:ToegewezenProducten>', '</wmo302:ToegewezenProducten><wmo302:RetourCodes><wmo302:RetourCode>0200</wmo302:RetourCode></wmo302:RetourCodes>');
    // The header's Afzender and Ontvanger stay those of the 301 (gemeente → aanbieder); the deliverer is the provider.
    const r = await lever(zorg, retour);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect((await zorg.get<Bericht>(`/api/v1/berichten/${c.bericht.id}`)).body.status).toBe('geaccepteerd');
  });
});

describe('verzoeken van de aanbieder (315, 317): een taak voor de casusregisseur met de wettelijke termijn', () => {
  interface VerzoekRij { id: string; soort: string; status: string; referentie: string; termijnEinde: string; clientNaam: string; bsn: string; verlopen: boolean }
  interface VerzoekDetail extends VerzoekRij { kandidaten: { id: string }[]; voorzieningId: string | null; antwoordId: string | null }
  let ref = 0;
  const kop = (agb = agbZorg) => ({ afzender: agb, ontvanger: GEMEENTE, identificatie: `V${++volgnummer}`, dagtekening: vandaag() });
  const vijfWerkdagen = () => termijnen.plusWerkdagen(vandaag(), 5);
  const referentie = () => `REF-${Date.now().toString(36)}-${++ref}`;
  const wijziging = (nummer: number, r: string, extra: Partial<VerzoekWijziging> = {}): VerzoekWijziging => ({
    referentie: r, redenVerzoek: '1', ongewijzigd: [], teWijzigen: [{ toewijzingNummer: nummer, gewensteIngangsdatum: dag(7), einddatum: dag(160), omvang: { volume: 300, eenheid: '01', frequentie: '2' }, budget: null }], nieuw: [], ...extra,
  });
  const verzoekVan = async (berichtId: string) => (await t.database.db.selectFrom('verzoeken').select('id').where('bericht_id', '=', berichtId).executeTakeFirstOrThrow()).id;

  it('een 317 op de actuele toewijzing wordt een open verzoek met 5 werkdagen termijn; de 318 doorstaat beide scheidsrechters', async () => {
    const v = await toegewezen(aanbiederId, 'HH101');
    const c = await laatste301(zorg);
    const r = await lever(zorg, schrijfVerzoekWijziging('iwmo', kop(), c.bsn, wijziging(c.nummer, referentie())));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body, JSON.stringify(r.body)).toMatchObject({ status: 'verwerkt', bevindingen: [] });
    const retour = (await zorg.get<string>(`/api/v1/berichten/${r.body.retourId}/xml`)).body;
    expect(await scheidsrechters(retour, '318')).toEqual([]);
    const id = await verzoekVan(r.body.id);
    const lijst = (await regisseur.get<{ items: VerzoekRij[] }>('/api/v1/verzoeken')).body.items;
    expect(lijst.find((v) => v.id === id)).toMatchObject({ soort: '317', status: 'open', termijnEinde: vijfWerkdagen(), bsn: c.bsn, verlopen: false, werkdagenOver: 5 });
    // A regisseur of another team does not see the verzoek of a household outside his circle.
    const ander = await t.login('regisseur3');
    expect((await ander.get<{ items: VerzoekRij[] }>('/api/v1/verzoeken')).body.items.some((v) => v.id === id)).toBe(false);
    expect((await ander.get(`/api/v1/verzoeken/${id}`)).status).toBe(403);
    expect((await zorg.get(`/api/v1/verzoeken/${id}`)).status).toBe(403);
    // Granting with the voorziening as it is would send the old 3 hours: the change (a herziening) comes first.
    const ongewijzigd = await regisseur.post<{ detail: string }>(`/api/v1/verzoeken/${id}/toewijzing`, { voorzieningId: v.id });
    expect(ongewijzigd.status).toBe(409);
    expect(ongewijzigd.body.detail).toMatch(/nog niet gewijzigd.*300 minuut per week.*3 uur per week/);
  });

  it('een 317 die een actuele toewijzing mist of een onbekende noemt krijgt 9349/9351 en wordt geen taak; een gebruikte referentie 9347; een tweede verzoek terwijl er een open staat 9374', async () => {
    await toegewezen(aanbiederId, 'HH101');
    const c = await laatste301(zorg);
    const onbekend = await lever(zorg, schrijfVerzoekWijziging('iwmo', kop(), c.bsn, wijziging(999_999_998, referentie())));
    expect(onbekend.body.status).toBe('afgekeurd');
    expect(codes(onbekend.body).sort()).toEqual(['9349', '9351']);
    expect(await t.database.db.selectFrom('verzoeken').select('id').where('bericht_id', '=', onbekend.body.id).execute()).toEqual([]);
    const retour = (await zorg.get<string>(`/api/v1/berichten/${onbekend.body.retourId}/xml`)).body;
    expect(await scheidsrechters(retour, '318')).toEqual([]);
    expect(retour).toContain('<wmo318:RetourCode>9351</wmo318:RetourCode>');

    const r1 = referentie();
    expect((await lever(zorg, schrijfVerzoekWijziging('iwmo', kop(), c.bsn, wijziging(c.nummer, r1)))).body.status).toBe('verwerkt');
    const tweede = await lever(zorg, schrijfVerzoekWijziging('iwmo', kop(), c.bsn, wijziging(c.nummer, referentie())));
    expect(codes(tweede.body)).toEqual(['9374']);
    const zelfdeReferentie = await lever(zorg, schrijfVerzoekWijziging('iwmo', kop(), c.bsn, wijziging(c.nummer, r1)));
    expect(codes(zelfdeReferentie.body)).toContain('9347');
  });

  it('in onderzoek: een 319 met antwoord 2 en 8 weken; nogmaals kan niet; afwijzen stuurt een 319 met de reden; de 320 van de aanbieder markeert de 319', async () => {
    const v = await toegewezen(aanbiederId, 'HH101');
    const c = await laatste301(zorg);
    const r = await lever(zorg, schrijfVerzoekWijziging('iwmo', kop(), c.bsn, wijziging(c.nummer, referentie())));
    const id = await verzoekVan(r.body.id);
    const o = await regisseur.post<{ status: string }>(`/api/v1/verzoeken/${id}/onderzoek`, { toelichting: 'We vragen de wijkverpleging om advies.' });
    expect(o.status, JSON.stringify(o.body)).toBe(200);
    expect(o.body.status).toBe('in_onderzoek');
    const detail = (await regisseur.get<VerzoekDetail>(`/api/v1/verzoeken/${id}`)).body;
    expect(detail.termijnEinde).toBe(termijnen.atwEinddatum(vandaag(), termijnen.plusWeken(vandaag(), 8)));
    expect((detail as unknown as { onderzoekTermijn: string }).onderzoekTermijn).toBe(detail.termijnEinde);
    const onderzoek = (await zorg.get<string>(`/api/v1/berichten/${detail.antwoordId}/xml`)).body;
    expect(await scheidsrechters(onderzoek, '319')).toEqual([]);
    expect(onderzoek).toContain('<wmo319:VerzoekAntwoord>2</wmo319:VerzoekAntwoord>');
    expect((await regisseur.post(`/api/v1/verzoeken/${id}/onderzoek`, {})).status).toBe(409);

    expect((await regisseur.post(`/api/v1/verzoeken/${id}/afwijzing`, { reden: '12' })).status).toBe(400);
    const af = await regisseur.post<{ status: string }>(`/api/v1/verzoeken/${id}/afwijzing`, { reden: '4', toelichting: 'Meer uren past niet in het contract.' });
    expect(af.status, JSON.stringify(af.body)).toBe(200);
    const na = (await regisseur.get<VerzoekDetail>(`/api/v1/verzoeken/${id}`)).body;
    expect(na.status).toBe('afgewezen');
    const antwoord = (await zorg.get<{ id: string; xml?: string }>(`/api/v1/berichten/${na.antwoordId}`)).body;
    const xml = (await zorg.get<string>(`/api/v1/berichten/${antwoord.id}/xml`)).body;
    expect(xml).toContain('<wmo319:RedenAfwijzingVerzoek>4</wmo319:RedenAfwijzingVerzoek>');
    expect(await scheidsrechters(xml, '319')).toEqual([]);
    expect((await regisseur.post(`/api/v1/verzoeken/${id}/afwijzing`, { reden: '4' })).status).toBe(409);

    const identificatie = /<iwmo:Identificatie>([^<]+)</.exec(xml)![1]!;
    const retour = schrijfRetourAntwoord('iwmo', xml, { origineel: { afzender: GEMEENTE, ontvanger: agbZorg, identificatie, dagtekening: vandaag() }, identificatie: `R${++volgnummer}`, dagtekening: vandaag(), retourcodes: ['0200'] });
    const ontvangen = await lever(zorg, retour);
    expect(ontvangen.status, JSON.stringify(ontvangen.body)).toBe(201);
    expect((await zorg.get<Bericht>(`/api/v1/berichten/${antwoord.id}`)).body.status).toBe('geaccepteerd');
    // The verzoek, its retour and both answers stand in the voorziening's message chain.
    const keten = (await regisseur.get<{ items: Bericht[] }>(`/api/v1/voorzieningen/${v.id}/berichten`)).body.items.map((b) => b.soort);
    expect(keten).toEqual(expect.arrayContaining(['301', '317', '318', '319']));
    expect(keten.filter((x) => x === '319')).toHaveLength(2);
  });

  it('een 315 voor een inwoner met een besloten voorziening: toewijzen wijst de aanbieder toe en de 301 draagt de ReferentieAanbieder', async () => {
    const v = await toegewezen(aanbiederId, 'HH101', { toewijzen: false });
    const p = (await regisseur.get<{ bsn: string; geboortedatum: string; achternaam: string; voornaam: string }>(`/api/v1/personen/${v.persoonId}`)).body;
    const r1 = referentie();
    const xml = schrijfVerzoekToewijzing('iwmo', kop(), { bsn: p.bsn, geboortedatum: p.geboortedatum, geslacht: '0', achternaam: p.achternaam, voorvoegsel: null, voornamen: p.voornaam, voorletters: null }, [{
      referentie: r1, categorie: '01', code: 'HH101', toewijzingIngangsdatum: dag(3), toewijzingEinddatum: dag(160), omvang: { volume: 3, eenheid: '04', frequentie: '2' }, verwijzer: { type: '02', naam: 'Huisarts De Vries', zorgverlenerscode: null },
    }]);
    const r = await lever(zorg, xml);
    expect(r.body, JSON.stringify(r.body)).toMatchObject({ status: 'verwerkt', bevindingen: [] });
    expect(await scheidsrechters((await zorg.get<string>(`/api/v1/berichten/${r.body.retourId}/xml`)).body, '316')).toEqual([]);
    const id = await verzoekVan(r.body.id);
    const detail = (await regisseur.get<VerzoekDetail>(`/api/v1/verzoeken/${id}`)).body;
    expect(detail.kandidaten.map((k) => k.id)).toContain(v.id);
    // A voorziening of someone else cannot grant it.
    const vreemd = await toegewezen(anderId, 'HH102', { toewijzen: false, verwerk: false });
    expect((await regisseur.post(`/api/v1/verzoeken/${id}/toewijzing`, { voorzieningId: vreemd.id })).status).toBe(400);
    const ok = await regisseur.post<{ status: string }>(`/api/v1/verzoeken/${id}/toewijzing`, { voorzieningId: v.id });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.status).toBe('toegewezen');
    expect((await leesV(v.id)).aanbieder?.id).toBe(aanbiederId);
    await t.app.opdrachten.verwerk();
    const c = await laatste301(zorg);
    expect(c.xml).toContain(`<wmo301:ReferentieAanbieder>${r1}</wmo301:ReferentieAanbieder>`);
    expect(await scheidsrechters(c.xml, '301')).toEqual([]);
    expect((await regisseur.post(`/api/v1/verzoeken/${id}/afwijzing`, { reden: '7' })).status).toBe(409);
  });

  it('het berichtenverkeer toont open verzoeken met hun termijn en de doorlooptijd verzoek–antwoord', async () => {
    const v = (await inkoper.get<{ verzoeken: { open: { termijnEinde: string; verlopen: boolean }[]; verzoekTotAntwoord: { aantal: number } } }>(`/api/v1/aanbieders/${aanbiederId}/berichtenverkeer`)).body;
    expect(v.verzoeken.open.length).toBeGreaterThan(0);
    expect(v.verzoeken.open.every((o) => o.termijnEinde >= vandaag() && !o.verlopen)).toBe(true);
    expect(v.verzoeken.verzoekTotAntwoord.aantal).toBeGreaterThanOrEqual(2);
  });
});

describe('toewijzingen in bulk (een migratie, de volumebench)', () => {
  it('één 301 per cliënt en aanbieder in een paar queries, elk door beide scheidsrechters, met unieke nummers; wat al verstuurd is gaat niet opnieuw', async () => {
    const { verstuurToewijzingen } = await import('./bulk.ts');
    const al = await toegewezen(aanbiederId, 'HH101');
    const nieuw = [await toegewezen(aanbiederId, 'HH101', { verwerk: false }), await toegewezen(anderId, 'HH102', { verwerk: false })];
    await t.database.db.deleteFrom('opdrachten').where('soort', '=', 'berichten.toewijzing').where('status', '=', 'wachtend').execute();
    const actor: Actor = { gebruikerId: null, gebruikersnaam: 'test-bulk', gemeenteId, rollen: [], rol: 'systeem', aanbiederId: null };
    const ctx = { gemeenteId, opdrachtId: 'test', poging: 1, actor };
    const ids = await inGemeente(t.database.db, gemeenteId, (tx) => verstuurToewijzingen(tx, [al.id, ...nieuw.map((v) => v.id)], ctx));
    expect(ids).toHaveLength(2);
    const rijen = await t.database.db.selectFrom('berichten').select(['xml', 'soort', 'aanbieder_id', 'persoon_id']).where('id', 'in', ids).execute();
    for (const r of rijen) expect(await scheidsrechters(r.xml, '301')).toEqual([]);
    expect(new Set(rijen.map((r) => r.persoon_id))).toEqual(new Set(nieuw.map((v) => v.persoonId)));
    const nummers = (await t.database.db.selectFrom('toewijzingen').select(['nummer', 'standaard']).execute()).map((x) => `${x.standaard}:${x.nummer}`);
    expect(new Set(nummers).size).toBe(nummers.length);
    expect(await inGemeente(t.database.db, gemeenteId, (tx) => verstuurToewijzingen(tx, nieuw.map((v) => v.id), ctx))).toEqual([]);
  });
});

describe('startberichten in bulk (de levering van een hub, de volumebench)', () => {
  it('gewone 305s gaan set-based en krijgen precies het antwoord van één voor één: verwerkt, 9019, 9326 binnen dezelfde bundel, en een herhaling gaat de lange weg', async () => {
    const { ontvangBerichten } = await import('./usecases.ts');
    const a = await toegewezen(aanbiederId, 'HH101');
    const ca = await laatste301(zorg);
    const b = await toegewezen(aanbiederId, 'HH101');
    const cb = await laatste301(zorg);
    const eerder = startStop('305', cb, [{ nummer: cb.nummer, begindatum: dag(-19) }]);
    expect((await lever(zorg, eerder)).body.status).toBe('verwerkt');
    const medewerker = await t.database.db.selectFrom('gebruikers').select('id').where('gebruikersnaam', '=', `zorg-${agbZorg}`).executeTakeFirstOrThrow();
    const actor: Actor = { gebruikerId: medewerker.id, gebruikersnaam: `zorg-${agbZorg}`, gemeenteId, rollen: ['aanbieder'], rol: 'aanbieder', aanbiederId };
    const bundel = [
      startStop('305', ca, [{ nummer: ca.nummer, begindatum: dag(-19) }]),           // goed
      startStop('305', ca, [{ nummer: 999_999_997, begindatum: dag(-19) }]),         // onbekende toewijzing: 9019
      startStop('305', ca, [{ nummer: ca.nummer, begindatum: dag(-15) }]),           // tweede start in dezelfde bundel: 9326
      eerder,                                                                         // al ontvangen: herhaald
    ];
    const uit = await inGemeente(t.database.db, gemeenteId, (tx) => ontvangBerichten(tx, actor, bundel));
    const ontvangen = uit.map((u) => (u.ok ? u.ontvangen : null));
    expect(ontvangen.map((o) => o?.status)).toEqual(['verwerkt', 'afgekeurd', 'afgekeurd', 'verwerkt']);
    expect(ontvangen.map((o) => o?.retourcodes)).toEqual([[], ['9019'], ['9326'], []]);
    expect(ontvangen[3]?.herhaald).toBe(true);
    expect(await leesV(a.id)).toMatchObject({ status: 'gestart', gestartOp: dag(-19) });
    expect(await leesV(b.id)).toMatchObject({ status: 'gestart', gestartOp: dag(-19) });
    for (const o of ontvangen.slice(0, 3)) {
      const retour = (await zorg.get<string>(`/api/v1/berichten/${o!.retourId}/xml`)).body;
      expect(await scheidsrechters(retour, '306')).toEqual([]);
      expect((await zorg.get<Bericht>(`/api/v1/berichten/${o!.berichtId}`)).body).toMatchObject({ soort: '305', retourId: o!.retourId });
    }
    const keten = (await regisseur.get<{ items: Bericht[] }>(`/api/v1/voorzieningen/${a.id}/berichten`)).body.items.map((x) => x.soort);
    expect(keten).toEqual(['301', '305', '306', '305', '306']);
    const historie = (await regisseur.get<{ historie: { naar: string }[] }>(`/api/v1/voorzieningen/${a.id}`)).body.historie;
    expect(historie.filter((h) => h.naar === 'gestart')).toHaveLength(1);
  });
});

describe('het portaal voor een aanbieder zonder eigen software', () => {
  interface PortaalRij { standaard: string; nummer: number; client: { bsn: string } | null; gestartOp: string | null; gestoptOp: string | null }
  it('de aanbieder ziet zijn toewijzingen met cliënt en meldt start en stop met een formulier; Eenvoud maakt een geldige 305/307 en verwerkt die als aangeleverd', async () => {
    const v = await toegewezen(aanbiederId, 'HH101');
    const c = await laatste301(zorg);
    const lijst = (await zorg.get<{ items: PortaalRij[] }>('/api/v1/portaal/toewijzingen')).body.items;
    expect(lijst.find((x) => x.nummer === c.nummer)).toMatchObject({ standaard: 'iwmo', client: { bsn: c.bsn }, gestartOp: null });
    expect((await andereZorg.get<{ items: PortaalRij[] }>('/api/v1/portaal/toewijzingen')).body.items.some((x) => x.nummer === c.nummer)).toBe(false);

    expect((await zorg.post(`/api/v1/portaal/toewijzingen/iwmo/${c.nummer}/stop`, { datum: dag(-1), reden: '19' })).status).toBe(400);
    expect((await zorg.post(`/api/v1/portaal/toewijzingen/iwmo/${c.nummer}/start`, { datum: dag(5) })).status).toBe(400);
    expect((await zorg.post(`/api/v1/portaal/toewijzingen/iwmo/${c.nummer}/start`, { datum: dag(-30) })).status).toBe(400);
    expect((await andereZorg.post(`/api/v1/portaal/toewijzingen/iwmo/${c.nummer}/start`, { datum: dag(-19) })).status).toBe(404);
    const start = await zorg.post<{ status: string; retourId: string }>(`/api/v1/portaal/toewijzingen/iwmo/${c.nummer}/start`, { datum: dag(-19) });
    expect(start.status, JSON.stringify(start.body)).toBe(201);
    expect(start.body.status).toBe('verwerkt');
    expect(await leesV(v.id)).toMatchObject({ status: 'gestart', gestartOp: dag(-19) });
    const retour = (await zorg.get<string>(`/api/v1/berichten/${start.body.retourId}/xml`)).body;
    expect(await scheidsrechters(retour, '306')).toEqual([]);
    const voorStart = await zorg.post<{ detail: string }>(`/api/v1/portaal/toewijzingen/iwmo/${c.nummer}/stop`, { datum: dag(-20), reden: '21' });
    expect(voorStart.status).toBe(400);
    const stop = await zorg.post<{ status: string }>(`/api/v1/portaal/toewijzingen/iwmo/${c.nummer}/stop`, { datum: dag(-2), reden: '21' });
    expect(stop.body.status).toBe('verwerkt');
    expect(await leesV(v.id)).toMatchObject({ status: 'beeindigd', beeindigdOp: dag(-2), redenBeeindiging: '21' });
    expect((await zorg.get<{ items: PortaalRij[] }>('/api/v1/portaal/toewijzingen')).body.items.find((x) => x.nummer === c.nummer)).toMatchObject({ gestartOp: dag(-19), gestoptOp: dag(-2) });
  });
});

describe('inkomende XML is vijandig tot het tegendeel bewezen is', () => {
  const vijandig: [string, string][] = [
    ['XXE (externe entiteit)', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'],
    ['billion laughs', '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><l>&c;</l>'],
    ['externe DTD', '<?xml version="1.0"?><!DOCTYPE x SYSTEM "http://127.0.0.1:9/x.dtd"><x/>'],
    ['te diep', `<?xml version="1.0"?>${'<a>'.repeat(200)}${'</a>'.repeat(200)}`],
  ];
  for (const [naam, xml] of vijandig) {
    it(`${naam}: 400 met een duidelijke uitleg, niets opgeslagen`, async () => {
      const voor = (await zorg.get<{ totaal: number }>('/api/v1/berichten')).body.totaal;
      const r = await lever(zorg, xml);
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('onveilige-xml');
      expect((await zorg.get<{ totaal: number }>('/api/v1/berichten')).body.totaal).toBe(voor);
    });
  }

  it('geen bericht (JSON, onbekende XML, een bericht van een ander) krijgt een 4xx en schrijft niets', async () => {
    expect((await zorg.post('/api/v1/berichten', { soort: '305' })).status).toBe(415);
    expect((await lever(zorg, '<?xml version="1.0"?><factuur/>')).body.code).toBe('geen-bericht');
    const c = { bsn: '999900006', geboortedatum: '1950-01-01', achternaam: 'Test' };
    expect((await lever(zorg, startStop('305', c, [{ nummer: 1, begindatum: dag(-19) }], { agb: agbAnder }))).status).toBe(403);
    expect((await inkoper.post('/api/v1/berichten', undefined, { raw: startStop('305', c, [{ nummer: 1, begindatum: dag(-19) }]), headers: { 'content-type': 'application/xml' } })).status).toBe(403);
  });
});

describe('de berichtengeschiedenis van de demo', () => {
  it('toewijzingen, starts en stops van het afgelopen jaar, gedateerd toen, en elk bericht door beide scheidsrechters', async () => {
    const { zaaiBerichtenHistorie } = await import('./historie.ts');
    // A provision assigned three weeks ago and started, whose 301 the outbox has not sent yet: the history writes its messages.
    const v = await toegewezen(aanbiederId, 'HH101', { verwerk: false });
    await regisseur.post(`/api/v1/voorzieningen/${v.id}/start`, { datum: dag(-20) });
    await t.database.db.deleteFrom('opdrachten').where('soort', '=', 'berichten.toewijzing').where('status', '=', 'wachtend').execute();
    const actor: Actor = { gebruikerId: null, gebruikersnaam: 'test-historie', gemeenteId, rollen: [], rol: 'systeem', aanbiederId: null };
    const r = await inGemeente(t.database.db, gemeenteId, (tx) => zaaiBerichtenHistorie(tx, { gemeenteId, opdrachtId: 'test', poging: 1, actor }, { vanaf: dag(-365), tot: dag(-1), max: 50 }));
    expect(r.voorzieningen).toBeGreaterThan(0);
    expect(r.berichten).toBeGreaterThanOrEqual(3);
    const keten = (await regisseur.get<{ items: Bericht[] }>(`/api/v1/voorzieningen/${v.id}/berichten`)).body.items.map((b) => b.soort);
    expect(keten).toEqual(expect.arrayContaining(['301', '305', '306']));
    // A second run leaves what is there (the toewijzingen exist): nothing twice.
    const nogmaals = await inGemeente(t.database.db, gemeenteId, (tx) => zaaiBerichtenHistorie(tx, { gemeenteId, opdrachtId: 'test', poging: 1, actor }, { vanaf: dag(-365), tot: dag(-1), max: 50 }));
    expect(nogmaals.berichten).toBe(0);
  });

  it('verzoeken van de demo-aanbieders: echte 317s, één over zijn termijn, één in onderzoek en één afgewezen met een echte 319', async () => {
    const { zaaiVerzoeken } = await import('./historie.ts');
    const voor = Number((await t.database.db.selectFrom('verzoeken').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const n = await inGemeente(t.database.db, gemeenteId, (tx) => zaaiVerzoeken(tx, gemeenteId, 3));
    expect(n).toBeGreaterThan(0);
    const nieuw = await t.database.db.selectFrom('verzoeken').select(['status', 'termijn_einde', 'antwoord_id']).orderBy('aangemaakt_op', 'desc').limit(n).execute();
    expect(nieuw).toHaveLength(Number((await t.database.db.selectFrom('verzoeken').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n) - voor);
    expect(nieuw.some((v) => v.termijn_einde < vandaag())).toBe(true);
    if (n >= 3) expect(new Set(nieuw.map((v) => v.status))).toEqual(new Set(['afgewezen', 'in_onderzoek', 'open']));
    // The demo's own regisseur has one too (a 315 for a provision he decided without a provider, or a 317).
    expect((await regisseur.get<{ totaal: number }>('/api/v1/verzoeken?open=nee')).body.totaal).toBeGreaterThan(0);
    for (const v of nieuw.filter((x) => x.antwoord_id)) {
      const { xml } = await t.database.db.selectFrom('berichten').select('xml').where('id', '=', v.antwoord_id!).executeTakeFirstOrThrow();
      expect(await scheidsrechters(xml, '319')).toEqual([]);
    }
  });
});
