import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../../app.ts';
import { nieuwBsn, startTestApp, voorbeeldMelding, type Client, type TestApp } from '../../testing/harness.ts';
import { publiekeReferentie } from '../../contexts/toegang/online.ts';
import { ALLE_ROLLEN, type Rol } from './roles.ts';
import { schrijf323, schrijfVerzoekToewijzing } from '../../contexts/berichten/xml.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => t?.close());

interface ProblemBody { status: number; code: string; detail: string }

describe('inloggen en sessies', () => {
  it('inloggen zet een HttpOnly-sessiecookie met SameSite=Lax en geeft een CSRF-token', async () => {
    const c = t.anonymous();
    const r = await c.post<{ csrfToken: string; gebruiker: { gebruikersnaam: string; rollen: { code: string }[] }; gemeente: { naam: string } }>(
      '/api/v1/sessies', { gebruikersnaam: 'regisseur', wachtwoord: 'demo' });
    expect(r.status).toBe(200);
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^eenvoud_sessie=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain http here; behind TLS the cookie is Secure
    expect(r.body.csrfToken.length).toBeGreaterThan(20);
    expect(r.body.gebruiker.rollen.map((x) => x.code)).toEqual(['regisseur']);
    expect(r.body.gemeente.naam).toBe('Demodorp');
  });

  it('achter een TLS-proxy is het sessiecookie Secure', async () => {
    const { buildApp } = await import('../../app.ts');
    const { loadConfig } = await import('../../config.ts');
    const app = await buildApp(t.database, loadConfig({ NODE_ENV: 'test', TRUST_PROXY: 'true' }), { logger: false });
    const r = await app.inject({
      method: 'POST', url: '/api/v1/sessies', headers: { 'x-forwarded-proto': 'https', 'content-type': 'application/json' },
      payload: { gebruikersnaam: 'beleid', wachtwoord: 'demo' },
    });
    expect(r.statusCode).toBe(200);
    expect(String(r.headers['set-cookie'])).toMatch(/Secure/);
    await app.close();
  });

  it('een verkeerd wachtwoord → 401 probleem in het Nederlands, zonder cookie', async () => {
    const r = await t.anonymous().post<ProblemBody>('/api/v1/sessies', { gebruikersnaam: 'beslisser', wachtwoord: 'fout' });
    expect(r.status).toBe(401);
    expect(r.headers.get('content-type')).toMatch(/problem\+json/);
    expect(r.body.code).toBe('onjuiste-inloggegevens');
    expect(r.headers.get('set-cookie')).toBeNull();
  });

  it('een onbekende gebruiker krijgt hetzelfde antwoord als een verkeerd wachtwoord', async () => {
    const r = await t.anonymous().post<ProblemBody>('/api/v1/sessies', { gebruikersnaam: 'bestaatniet', wachtwoord: 'demo' });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('onjuiste-inloggegevens');
  });

  it('na vijf mislukte pogingen wordt inloggen op die naam tijdelijk geweigerd (429), ook met het goede wachtwoord', async () => {
    const c = t.anonymous();
    for (let i = 0; i < 5; i++) expect((await c.post('/api/v1/sessies', { gebruikersnaam: 'regisseur-tweestad', wachtwoord: `fout${i}` })).status).toBe(401);
    const r = await c.post<ProblemBody>('/api/v1/sessies', { gebruikersnaam: 'regisseur-tweestad', wachtwoord: 'demo' });
    expect(r.status).toBe(429);
    expect(r.body.code).toBe('te-veel-inlogpogingen');
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('een wijziging zonder of met een verkeerd CSRF-token → 403 en er wordt niets geregistreerd', async () => {
    const c = await t.login('frontoffice');
    const zonder = await c.post<ProblemBody>('/api/v1/meldingen', voorbeeldMelding(), { csrf: false });
    expect(zonder.status).toBe(403);
    expect(zonder.body.code).toBe('csrf-token-ongeldig');
    const fout = await c.post<ProblemBody>('/api/v1/meldingen', voorbeeldMelding(), { csrf: false, headers: { 'x-csrf-token': 'verzonnen' } });
    expect(fout.status).toBe(403);
    const n = await t.database.db.selectFrom('meldingen').select((eb) => eb.fn.countAll<number>().as('n')).where('geregistreerd_door', 'is not', null)
      .where('omschrijving', '=', voorbeeldMelding().omschrijving).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('uitloggen beëindigt de sessie: daarna → 401', async () => {
    const c = await t.login('privacy');
    const cookie = c.cookie;
    expect((await c.delete('/api/v1/sessies/huidig')).status).toBe(204);
    c.cookie = cookie; // even with the old cookie, the session is gone
    const r = await c.get<ProblemBody>('/api/v1/sessies/huidig');
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('niet-ingelogd');
  });

  it('een onbekende API-functie → 404 probleem', async () => {
    const r = await t.anonymous().get<ProblemBody>('/api/v1/bestaat-niet');
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('niet-gevonden');
  });
});

/**
 * The role table: every endpoint × every role. Allowed → success, other roles → 403,
 * no session → 401. A new endpoint without a row here fails the test.
 */
describe('rollentabel: elk endpoint × elke rol', () => {
  const gebruikerVoorRol: Record<Rol, string> = {
    frontoffice: 'frontoffice', regisseur: 'regisseur', teamleider: 'teamleider', beslisser: 'beslisser', inkoper: 'inkoper',
    subsidie: 'subsidie', beleid: 'beleid', beheer: 'beheer', privacy: 'privacy', archivaris: 'archivaris',
    // Provider staff (ADR 38): only the endpoints that name the role aanbieder; every gemeente endpoint is a 403.
    aanbieder: 'aanbieder',
  };

  /** `xml`: the body is an iWmo/iJw message (application/xml), not JSON. */
  type Call = { method: string; path: string; body?: unknown; xml?: string };
  let fo: Client;
  let tl: Client;
  const vandaagNL = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const nieuweMelding = async (wet = 'wmo') =>
    (await fo.post<{ id: string; persoon: { id: string }; huishoudenId: string }>('/api/v1/meldingen', voorbeeldMelding({ wet, ontvangenOp: vandaagNL }))).body;
  const nieuweCasus = async () => {
    const m = await nieuweMelding();
    const r = await fo.post<{ casus: { id: string } }>(`/api/v1/meldingen/${m.id}/triage`, { uitkomst: 'onderzoek' });
    return r.body.casus.id;
  };
  // Retention (issue 11.6): a fresh list from a household made due through the owner connection, no other list open.
  let ar: Client | undefined;
  const vernietigingslijst = async (aanbieden = false) => {
    const db = t.database.db;
    await db.updateTable('vernietigingslijsten').set({ status: 'afgewezen' }).where('status', 'in', ['concept', 'terGoedkeuring']).execute();
    const m = await nieuweMelding();
    await db.updateTable('meldingen').set({ status: 'afgehandeld', ontvangen_op: '2015-01-05', afgerond_op: '2015-01-10' }).where('id', '=', m.id).execute();
    ar ??= await t.login('archivaris');
    const id = (await ar.post<{ id: string }>('/api/v1/vernietigingslijsten')).body.id;
    if (aanbieden) await ar.post(`/api/v1/vernietigingslijsten/${id}/aanbieding`);
    return id;
  };
  const GEEN_LIJST = '00000000-0000-4000-8000-000000000000';
  // Inkoop (issue 13): one aanbieder with a contract and product, made once by the inkoper; writes count up so each call succeeds.
  let ik: Client | undefined;
  let inkoopFix: { aanbiederId: string; contractId: string; productId: string } | undefined;
  let inkoopTeller = 0;
  const inkoop = async () => {
    ik ??= await t.login('inkoper');
    if (inkoopFix) return inkoopFix;
    const a = (await ik.post<{ id: string }>('/api/v1/aanbieders', { naam: 'Rollentabel Zorg', agbCode: '61000000', wetten: ['wmo'] })).body;
    const c = (await ik.post<{ id: string; producten: { id: string }[] }>('/api/v1/contracten', {
      aanbiederId: a.id, van: '2026-01-01', producten: [{ wet: 'wmo', productcategorie: '01', productcode: 'RT001', naam: 'Rollentabel HbH', eenheid: '04', frequentie: '2', tariefCents: 3645, bekostiging: 'inspanningsgericht' }],
    })).body;
    inkoopFix = { aanbiederId: a.id, contractId: c.id, productId: c.producten[0]!.id };
    return inkoopFix;
  };
  const inkoopDatum = () => new Date(Date.UTC(2030, 0, 1 + ++inkoopTeller)).toISOString().slice(0, 10);
  // The monthly amount of a taakgericht product: one such product on the inkoop contract, made once.
  let taakProductFix: Promise<string> | null = null;
  const taakProduct = () => {
    taakProductFix ??= (async () => {
      const { contractId } = await inkoop();
      const r = await ik!.post<{ id: string }>(`/api/v1/contracten/${contractId}/producten`, {
        wet: 'wmo', productcategorie: '06', productcode: 'RT098', naam: 'Rollentabel taakgericht', eenheid: '82', frequentie: '6', tariefCents: 0, bekostiging: 'taakgericht', maandbedragCents: 50_000,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.id;
    })();
    return taakProductFix;
  };
  // Betalingen (issue 15.3): a taakgericht product with a monthly amount, a ledger rule for the Wmo and one batch made up front.
  let betaalFix: Promise<{ aanbiederId: string; batchId: string }> | null = null;
  let betaalMaand = 0;
  const vorigeMaand = () => {
    const d = new Date(`${vandaagNL.slice(0, 7)}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - ++betaalMaand);
    return d.toISOString().slice(0, 7);
  };
  const betaling = () => {
    betaalFix ??= (async () => {
      ik ??= await t.login('inkoper');
      const a = (await ik.post<{ id: string }>('/api/v1/aanbieders', { naam: 'Rollentabel Taakgericht', agbCode: '61000099', wetten: ['wmo'] })).body;
      const c = await ik.post<{ id: string }>('/api/v1/contracten', {
        aanbiederId: a.id, van: '2020-01-01', producten: [{ wet: 'wmo', productcategorie: '06', productcode: 'RT099', naam: 'Rollentabel taakgericht', eenheid: '82', frequentie: '6', tariefCents: 0, bekostiging: 'taakgericht', maandbedragCents: 100_000 }],
      });
      expect(c.status, JSON.stringify(c.body)).toBe(201);
      await (await t.login('beheer')).request('PUT', '/api/v1/grootboekregels', { regels: [{ wet: 'wmo', grootboekrekening: '4300', kostenplaats: 'WMO' }] });
      const b = await ik.post<{ id: string }[]>('/api/v1/betaalbatches', { aanbiederId: a.id, periode: vorigeMaand() });
      expect(b.status, JSON.stringify(b.body)).toBe(201);
      return { aanbiederId: a.id, batchId: b.body[0]!.id };
    })();
    return betaalFix;
  };
  // Gebruikersbeheer (issue 14): a fresh Demodorp account per call, made through the owner connection.
  let gebruikerTeller = 0;
  const nieuweGebruiker = async () => {
    const g = await t.database.db.selectFrom('gemeenten').select('id').where('code', '=', 'demodorp').executeTakeFirstOrThrow();
    return (await t.database.db.insertInto('gebruikers').values({ gemeente_id: g.id, gebruikersnaam: `rollentabel-${++gebruikerTeller}`, naam: 'Rollentabel Collega', rollen: ['frontoffice'] })
      .returning('id').executeTakeFirstOrThrow()).id;
  };
  // Berichten (issue 14): a start message of the demo provider 'aanbieder' (Thuiszorg De Heide) about a BSN the gemeente
  // does not know: refused with 9019 but kept, with its retour — a message every allowed role may read.
  let berichtTeller = 0;
  const startbericht = () => `<?xml version="1.0" encoding="UTF-8"?>
<wmo305:Bericht xmlns:iwmo="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema" xmlns:wmo305="http://www.istandaarden.nl/iwmo/3_2/wmo305/schema">
  <wmo305:Header><wmo305:BerichtCode>418</wmo305:BerichtCode><wmo305:BerichtVersie>3</wmo305:BerichtVersie><wmo305:BerichtSubversie>2</wmo305:BerichtSubversie>
    <wmo305:Afzender>98012345</wmo305:Afzender><wmo305:Ontvanger>9001</wmo305:Ontvanger>
    <wmo305:BerichtIdentificatie><iwmo:Identificatie>ROL${String(++berichtTeller).padStart(6, '0')}${String(Date.now()).slice(-3)}</iwmo:Identificatie><iwmo:Dagtekening>2026-01-05</iwmo:Dagtekening></wmo305:BerichtIdentificatie>
    <wmo305:XsdVersie><iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie><iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie></wmo305:XsdVersie></wmo305:Header>
  <wmo305:Client><wmo305:Bsn>999900006</wmo305:Bsn><wmo305:Geboortedatum><iwmo:Datum>1950-01-01</iwmo:Datum></wmo305:Geboortedatum><wmo305:Geslacht>0</wmo305:Geslacht>
    <wmo305:Naam><iwmo:Geslachtsnaam><iwmo:Achternaam>Onbekend</iwmo:Achternaam></iwmo:Geslachtsnaam></wmo305:Naam>
    <wmo305:StartProducten><wmo305:StartProduct><wmo305:ToewijzingNummer>999999</wmo305:ToewijzingNummer><wmo305:Product><iwmo:Categorie>01</iwmo:Categorie><iwmo:Code>01A01</iwmo:Code></wmo305:Product>
      <wmo305:ToewijzingIngangsdatum>2026-01-01</wmo305:ToewijzingIngangsdatum><wmo305:Begindatum>2026-01-02</wmo305:Begindatum><wmo305:StatusAanlevering>1</wmo305:StatusAanlevering></wmo305:StartProduct></wmo305:StartProducten>
  </wmo305:Client>
</wmo305:Bericht>`;
  let berichtFix: Promise<string> | null = null;
  const bericht = () => {
    berichtFix ??= (async () => {
      const aanbieder = await t.login('aanbieder');
      const r = await aanbieder.post<{ id: string }>('/api/v1/berichten', undefined, { raw: startbericht(), headers: { 'content-type': 'application/xml' } });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.id;
    })();
    return berichtFix;
  };
  // Verzoeken (315): the demo provider asks for a toewijzing for a resident of Ruud's casus (or of a decided voorziening).
  let verzoekTeller = 0;
  const verzoek = async (persoonId?: string) => {
    if (!persoonId) {
      const m = await nieuweMelding();
      await rg.post(`/api/v1/meldingen/${m.id}/triage`, { uitkomst: 'onderzoek' });
      persoonId = m.persoon.id;
    }
    const p = await t.database.db.selectFrom('personen').select(['bsn', 'geboortedatum', 'achternaam']).where('id', '=', persoonId).executeTakeFirstOrThrow();
    const kop = { afzender: '98012345', ontvanger: '9001', identificatie: `RV${String(++verzoekTeller).padStart(4, '0')}${String(Date.now()).slice(-6)}`, dagtekening: vandaagNL };
    const xml = schrijfVerzoekToewijzing('iwmo', kop, { bsn: p.bsn, geboortedatum: String(p.geboortedatum), geslacht: '0', achternaam: p.achternaam, voorvoegsel: null, voornamen: null, voorletters: null }, [{
      referentie: `ROL-${Date.now()}-${verzoekTeller}`, categorie: '01', code: null, toewijzingIngangsdatum: vandaagNL, toewijzingEinddatum: null, omvang: null, verwijzer: null,
    }]);
    const r = await (await t.login('aanbieder')).post<{ id: string }>('/api/v1/berichten', undefined, { raw: xml, headers: { 'content-type': 'application/xml' } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return (await t.database.db.selectFrom('verzoeken').select('id').where('bericht_id', '=', r.body.id).executeTakeFirstOrThrow()).id;
  };
  // Declaraties (issue 15): the demo provider declares on a toewijzing number the gemeente does not know (refused with 9338, but kept).
  let declaratieFix: Promise<string> | null = null;
  const declaratie = () => {
    declaratieFix ??= (async () => {
      const kop = { afzender: '98012345', ontvanger: '9001', identificatie: `RD${String(Date.now()).slice(-8)}`, dagtekening: vandaagNL };
      const xml = schrijf323('iwmo', kop, { nummer: `ROLD${String(Date.now()).slice(-6)}`, begin: '2026-01-01', eind: '2026-01-31', dagtekening: vandaagNL }, [{ bsn: '999900006', prestaties: [{
        referentie: `ROLR${Date.now()}`, vorigReferentie: null, toewijzingNummer: 999_999, categorie: '01', code: '01A01', begin: '2026-01-01', eind: '2026-01-31',
        volume: 2, eenheid: '04', tariefCents: 3645, bedragCents: 7290, debetCredit: 'D',
      }] }]);
      const r = await (await t.login('aanbieder')).post<{ id: string }>('/api/v1/berichten', undefined, { raw: xml, headers: { 'content-type': 'application/xml' } });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return (await t.database.db.selectFrom('declaraties').select('id').where('bericht_id', '=', r.body.id).executeTakeFirstOrThrow()).id;
    })();
    return declaratieFix;
  };
  /** A decided voorziening assigned to Thuiszorg De Heide, its 301 sent: the number the provider reports on. */
  const toewijzingVanDeHeide = async (): Promise<number> => {
    const { id } = await voorziening('toegekend');
    await rg.post(`/api/v1/voorzieningen/${id}/aanbieder`, { aanbiederId: await demoAanbieder() });
    await t.app.opdrachten.verwerk();
    return Number((await t.database.db.selectFrom('toewijzingen').select('nummer').where('voorziening_id', '=', id).executeTakeFirstOrThrow()).nummer);
  };
  const demoAanbieder = async () => (await t.database.db.selectFrom('aanbieders').select('id').where('agb_code', '=', '98012345').executeTakeFirstOrThrow()).id;
  let rg: Client;
  let teller = 0;
  const ruudCasus = async () => {
    const m = await nieuweMelding();
    return (await rg.post<{ casus: { id: string } }>(`/api/v1/meldingen/${m.id}/triage`, { uitkomst: 'onderzoek' })).body.casus.id;
  };
  const gesprekBody = { datum: vandaagNL, plek: 'thuis', deelnemers: [{ rol: 'inwoner', naam: 'Johanna van Dijk' }], scores: [{ domein: 'financien', score: 2 }] };
  const nieuwGesprek = async () => (await rg.post<{ id: string }>(`/api/v1/casussen/${await ruudCasus()}/gesprekken`, gesprekBody)).body.id;
  const doelBody = { leefgebied: 'financien', omschrijving: 'Schulden op orde', meetbaarResultaat: 'Betalingsregeling loopt', streefdatum: '2027-06-01' };
  const planMetDoel = async () => {
    const casusId = await ruudCasus();
    const doelId = (await rg.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/doelen`, doelBody)).body.id;
    return { casusId, doelId };
  };
  const catalogusVoorbeeld = () => ({
    naam: `Testproduct ${++teller}`, omschrijving: 'Een product om te testen.', domein: 'voorliggend', trede: 3, leefgebieden: ['dagbesteding'],
    kernIds: [], aanbieder: 'Stichting Test', beschikkingNodig: false, limiet: null, zoekwoorden: ['test'], actief: true,
  });
  let b1: Client;
  let b2: Client;
  let r2: Client;
  let maandTeller = 0;
  /** A casus of Ruud with a rung-4 item that needs a decision. */
  const ruudMaatwerk = async () => {
    const p = await planMetDoel();
    // Hulp bij het huishouden: a contracted product counted in hours per week (the budget is computed from the contract).
    const wmo = (await rg.get<{ id: string; naam: string }[]>('/api/v1/catalogus?domein=wmo&trede=4')).body.find((i) => /huishouden/i.test(i.naam))!;
    const item = (await rg.post<{ id: string }>(`/api/v1/casussen/${p.casusId}/plan/arrangement`, { doelId: p.doelId, trede: 4, catalogusItemId: wmo.id, motivering: 'Nodig.' })).body;
    return { casusId: p.casusId, itemId: item.id };
  };
  const aanvraag = async (door: Client = rg) => {
    const m = await ruudMaatwerk();
    return (await door.post<{ id: string }>('/api/v1/aanvragen', { casusId: m.casusId, arrangementItemIds: [m.itemId], ontvangenOp: vandaagNL })).body.id;
  };
  const besluitBody = (itemId: string) => ({
    producten: [{ arrangementItemId: itemId, uitkomst: 'toegekend', omvang: 2, eenheid: 'uur', ingangsdatum: vandaagNL, leveringsvorm: 'zin' }], motivering: 'Passend.',
  });
  const VZ_LEZERS: readonly Rol[] = ['regisseur', 'teamleider', 'beslisser'];
  /**
   * A voorziening of a sent decision in a casus of Ruud, taken to `stap`; with `bijBeslisser` a second
   * aanvraag of the household waits with the beslissers, so the beslisser is in the circle.
   */
  const voorziening = async (stap: 'toegekend' | 'toegewezen' | 'gestart' = 'toegekend', bijBeslisser = false) => {
    const { aanvraagId } = await besloten(true);
    const casusId = (await rg.get<{ casus: { id: string } }>(`/api/v1/aanvragen/${aanvraagId}`)).body.casus.id;
    const id = (await rg.get<{ items: { id: string }[] }>(`/api/v1/voorzieningen?casusId=${casusId}`)).body.items[0]!.id;
    if (stap !== 'toegekend') {
      const k = (await rg.get<{ items: { aanbiederId: string; vrij: number | null }[] }>(`/api/v1/voorzieningen/${id}/kandidaten`)).body.items.find((x) => x.vrij !== 0)!;
      await rg.post(`/api/v1/voorzieningen/${id}/aanbieder`, { aanbiederId: k.aanbiederId });
    }
    if (stap === 'gestart') await rg.post(`/api/v1/voorzieningen/${id}/start`, { datum: vandaagNL });
    if (bijBeslisser) {
      const doelId = (await rg.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/doelen`, doelBody)).body.id;
      const wmo = (await rg.get<{ id: string; naam: string }[]>('/api/v1/catalogus?domein=wmo&trede=4')).body.find((i) => /huishouden/i.test(i.naam))!;
      const item = (await rg.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/arrangement`, { doelId, trede: 4, catalogusItemId: wmo.id, motivering: 'Nodig.' })).body;
      await rg.post('/api/v1/aanvragen', { casusId, arrangementItemIds: [item.id], ontvangenOp: vandaagNL });
    }
    return { id, casusId };
  };
  const GEEN_VOORZIENING = '00000000-0000-4000-8000-000000000001';
  /** Prepared by Ruud, checked by the teamleider, assessed by beslisser2, decided by beslisser (optionally sent). */
  const besloten = async (verzenden = false) => {
    const m = await ruudMaatwerk();
    const id = (await rg.post<{ id: string }>('/api/v1/aanvragen', { casusId: m.casusId, arrangementItemIds: [m.itemId], ontvangenOp: vandaagNL })).body.id;
    await tl.post(`/api/v1/aanvragen/${id}/toets`, {});
    await b2.post(`/api/v1/aanvragen/${id}/beoordeling`, {});
    const r = await b1.post<{ beschikkingId: string }>(`/api/v1/aanvragen/${id}/besluit`, besluitBody(m.itemId));
    if (verzenden) await b1.post(`/api/v1/aanvragen/${id}/verzending`, {});
    return { aanvraagId: id, beschikkingId: r.body.beschikkingId, itemId: m.itemId };
  };
  /**
   * Bezwaren against one sent decision in which neither the beslisser nor the teamleider took part
   * (Awb 7:5; set up directly). One decision for all: a new bezwaar is then one request.
   */
  let bezwaarBeschikking: Promise<string> | null = null;
  const nieuwBezwaar = async (opts: { commissie?: boolean; horen?: boolean; beslissen?: boolean } = {}) => {
    bezwaarBeschikking ??= (async () => {
      const { aanvraagId, beschikkingId } = await besloten(true);
      const rachida = await medewerkerId('Rachida');
      await t.database.db.updateTable('aanvragen').set({ getoetst_door: rachida, beoordeeld_door: rachida, besloten_door: rachida }).where('id', '=', aanvraagId).execute();
      return beschikkingId;
    })();
    const r = await tl.post(`/api/v1/beschikkingen/${await bezwaarBeschikking}/bezwaren`, { ontvangenOp: vandaagNL, omschrijving: 'Te weinig uren', adviescommissie: opts.commissie ?? false });
    const id = r.headers.get('location')!.split('/').at(-1)!;
    if (opts.horen || opts.beslissen) await tl.post(`/api/v1/bezwaren/${id}/hoorzitting`, { status: 'afgezien', reden: 'De indiener ziet af van horen.' });
    if (opts.beslissen) await tl.post(`/api/v1/bezwaren/${id}/beslissing`, { uitkomst: 'ongegrond', motivering: 'Passend.' });
    return id;
  };
  let beslistBezwaar: Promise<string> | null = null;
  const nieuweSteekproef = async () => {
    const maand = `${2000 + ++maandTeller}-01`;
    return (await tl.post<{ id: string }>('/api/v1/steekproeven', { maand })).body.id;
  };
  /**
   * A household of Ruud whose aanvraag is with the beslissers: the beslisser's role reads a file only
   * then (need-to-know, src/contexts/privacy/toegang.api.test.ts proves the circle).
   */
  const bijBeslisser = async () => {
    const melding = await nieuweMelding();
    const casusId = (await rg.post<{ casus: { id: string } }>(`/api/v1/meldingen/${melding.id}/triage`, { uitkomst: 'onderzoek' })).body.casus.id;
    const doelId = (await rg.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/doelen`, doelBody)).body.id;
    const wmo = (await rg.get<{ id: string }[]>('/api/v1/catalogus?domein=wmo&trede=4')).body[0]!;
    const item = (await rg.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/arrangement`, { doelId, trede: 4, catalogusItemId: wmo.id, motivering: 'Nodig.' })).body;
    await rg.post('/api/v1/aanvragen', { casusId, arrangementItemIds: [item.id], ontvangenOp: vandaagNL });
    const gesprekId = (await rg.post<{ id: string }>(`/api/v1/casussen/${casusId}/gesprekken`, gesprekBody)).body.id;
    return { melding, casusId, gesprekId };
  };
  const medewerkerId = async (naam: string) => {
    const lijst = (await tl.get<{ id: string; naam: string }[]>('/api/v1/medewerkers?rol=regisseur')).body;
    return lijst.find((m) => m.naam.startsWith(naam))!.id;
  };

  const ruudInwoner = async () => {
    const m = await nieuweMelding();
    await rg.post(`/api/v1/meldingen/${m.id}/triage`, { uitkomst: 'onderzoek' });
    return m.persoon.id;
  };
  const toestemmingBody = { soort: 'toestemming', gegevenDoor: { relatie: 'zelf' }, datum: vandaagNL, partners: [{ soort: 'aanbieder' }], doelen: ['uitvoeringVoorziening'], gegevens: 'Naam en hulpvraag' };
  const ruudToestemming = async () => {
    const persoonId = await ruudInwoner();
    return { persoonId, grondslagId: (await rg.post<{ id: string }>(`/api/v1/personen/${persoonId}/grondslagen`, toestemmingBody)).body.id };
  };

  /** A valid request per endpoint, made for the role that calls it. */
  /** An online melding waiting for the intake (as the public form leaves one for a known BSN), with a new BSN so it can also become a new person. */
  const onlineTeKoppelen = async () => {
    const g = await t.database.db.selectFrom('gemeenten').select('id').where('code', '=', 'demodorp').executeTakeFirstOrThrow();
    const ingediend = {
      persoon: { bsn: nieuwBsn(), voornaam: 'Olga', achternaam: 'Online', geboortedatum: '1970-02-03' }, geenVastAdres: true,
      onderwerp: 'wmo', omschrijving: 'Hulp in huis', spoed: false, contact: { telefoon: '0612345678' },
    };
    return (await t.database.db.insertInto('online_meldingen').values({
      gemeente_id: g.id, referentie: publiekeReferentie(), ontvangen_op: vandaagNL, ingediend: JSON.stringify(ingediend), status: 'teMatchen',
    }).returning('id').executeTakeFirstOrThrow()).id;
  };
  const voorbeeld: Record<string, (rol: Rol) => Promise<Call>> = {
    'GET /sessies/huidig': async () => ({ method: 'GET', path: '/api/v1/sessies/huidig' }),
    'DELETE /sessies/huidig': async () => ({ method: 'DELETE', path: '/api/v1/sessies/huidig' }),
    'GET /gebieden': async () => ({ method: 'GET', path: '/api/v1/gebieden' }),
    'GET /personen/{id}': async (rol) => ({ method: 'GET', path: `/api/v1/personen/${(rol === 'beslisser' ? (await bijBeslisser()).melding : await nieuweMelding()).persoon.id}` }),
    'PATCH /personen/{id}': async () => ({ method: 'PATCH', path: `/api/v1/personen/${(await nieuweMelding()).persoon.id}`, body: { telefoon: '06 12345678' } }),
    'POST /personen/{id}/vertegenwoordigers': async () => ({
      method: 'POST', path: `/api/v1/personen/${(await nieuweMelding()).persoon.id}/vertegenwoordigers`,
      body: { soort: 'bewindvoerder', naam: 'Bewind B.V.', adres: { straat: 'Postbus', huisnummer: '1', postcode: '7400 AA', plaats: 'Deventer' } },
    }),
    'PATCH /personen/{id}/relaties/{relatieId}': async () => {
      const m = await nieuweMelding();
      const h = await tl.post<{ leden: { id: string; relaties: { relatieId: string }[] }[] }>(`/api/v1/huishoudens/${m.huishoudenId}/leden`, {
        bsn: nieuwBsn(), voornaam: 'Kim', achternaam: 'Dijk', geboortedatum: '2016-01-01', relatie: 'kind', gezag: true,
      });
      const kind = h.body.leden.find((l) => l.id !== m.persoon.id)!;
      return { method: 'PATCH', path: `/api/v1/personen/${kind.id}/relaties/${kind.relaties[0]!.relatieId}`, body: { gezag: false } };
    },
    'GET /huishoudens/{id}': async (rol) => ({ method: 'GET', path: `/api/v1/huishoudens/${(rol === 'beslisser' ? (await bijBeslisser()).melding : await nieuweMelding()).huishoudenId}` }),
    'POST /huishoudens/{id}/leden': async () => ({
      method: 'POST', path: `/api/v1/huishoudens/${(await nieuweMelding()).huishoudenId}/leden`,
      body: { bsn: nieuwBsn(), voornaam: 'Kees', achternaam: 'Dijk', geboortedatum: '1950-01-01', relatie: 'partner', gezag: false },
    }),
    'POST /meldingen': async () => ({ method: 'POST', path: '/api/v1/meldingen', body: voorbeeldMelding() }),
    'GET /meldingen': async () => ({ method: 'GET', path: '/api/v1/meldingen' }),
    'GET /meldingen/tellingen': async () => ({ method: 'GET', path: '/api/v1/meldingen/tellingen?toegewezen=iedereen' }),
    // The frontoffice may read and triage the meldingen it registered itself: fixtures come from the frontoffice.
    'GET /meldingen/{id}': async (rol) => ({ method: 'GET', path: `/api/v1/meldingen/${(rol === 'beslisser' ? (await bijBeslisser()).melding : await nieuweMelding()).id}` }),
    'POST /meldingen/{id}/triage': async () => ({
      method: 'POST', path: `/api/v1/meldingen/${(await nieuweMelding()).id}/triage`, body: { uitkomst: 'enkelvoudig', advies: 'Verwezen naar de buurtkamer.' },
    }),
    'POST /meldingen/{id}/afsluiting': async () => ({ method: 'POST', path: `/api/v1/meldingen/${(await nieuweMelding()).id}/afsluiting`, body: { reden: 'Ingetrokken' } }),
    'POST /meldingen/{id}/opschortingen': async () => ({
      method: 'POST', path: `/api/v1/meldingen/${(await nieuweMelding()).id}/opschortingen`, body: { van: vandaagNL, reden: 'Wacht op gegevens' },
    }),
    'POST /meldingen/{id}/opschortingen/{opschortingId}/beeindiging': async () => {
      const m = await nieuweMelding();
      const r = await tl.post<{ termijnen: { opschortingen: { id: string }[] }[] }>(`/api/v1/meldingen/${m.id}/opschortingen`, { van: vandaagNL, reden: 'Wacht' });
      const oid = r.body.termijnen[0]!.opschortingen[0]!.id;
      return { method: 'POST', path: `/api/v1/meldingen/${m.id}/opschortingen/${oid}/beeindiging`, body: { tot: vandaagNL } };
    },
    'POST /meldingen/{id}/verdaging': async () => ({
      method: 'POST', path: `/api/v1/meldingen/${(await nieuweMelding()).id}/verdaging`, body: { nieuweDatum: '2099-01-05', reden: 'Complexe situatie' },
    }),
    'POST /meldingen/{id}/termijnen/{soort}/afronding': async () => ({
      method: 'POST', path: `/api/v1/meldingen/${(await nieuweMelding()).id}/termijnen/onderzoek/afronding`, body: { op: vandaagNL },
    }),
    'GET /casussen/{id}': async (rol) => ({ method: 'GET', path: `/api/v1/casussen/${rol === 'beslisser' ? (await bijBeslisser()).casusId : await nieuweCasus()}` }),
    'GET /casussen/{id}/overzicht': async (rol) => ({ method: 'GET', path: `/api/v1/casussen/${rol === 'beslisser' ? (await bijBeslisser()).casusId : await nieuweCasus()}/overzicht` }),
    // The casusregisseur adds a colleague of the team; the teamleider of the team may too.
    'POST /casussen/{id}/betrokkenen': async () => ({ method: 'POST', path: `/api/v1/casussen/${await ruudCasus()}/betrokkenen`, body: { gebruikerId: await medewerkerId('Rachida'), rol: 'vervanger' } }),
    'DELETE /casussen/{id}/betrokkenen/{gebruikerId}': async () => {
      const casusId = await ruudCasus();
      const rachida = await medewerkerId('Rachida');
      await rg.post(`/api/v1/casussen/${casusId}/betrokkenen`, { gebruikerId: rachida });
      return { method: 'DELETE', path: `/api/v1/casussen/${casusId}/betrokkenen/${rachida}` };
    },
    // A regisseur picks up a casus nobody has; a teamleider assigns it to someone.
    'POST /casussen/{id}/regisseur': async (rol) => ({
      method: 'POST', path: `/api/v1/casussen/${await nieuweCasus()}/regisseur`,
      body: { regisseurId: await medewerkerId(rol === 'regisseur' ? 'Ruud' : 'Rachida'), reden: 'Oppakken' },
    }),
    'GET /medewerkers': async () => ({ method: 'GET', path: '/api/v1/medewerkers?rol=regisseur' }),
    'GET /termijnen': async () => ({ method: 'GET', path: '/api/v1/termijnen?status=verlopen' }),
    'POST /termijnen/herberekening': async () => ({ method: 'POST', path: '/api/v1/termijnen/herberekening' }),
    'GET /instellingen/termijnen': async () => ({ method: 'GET', path: '/api/v1/instellingen/termijnen' }),
    'PUT /instellingen/termijnen': async () => ({
      method: 'PUT', path: '/api/v1/instellingen/termijnen', body: (await tl.get('/api/v1/instellingen/termijnen')).body,
    }),
    'GET /catalogus': async () => ({ method: 'GET', path: '/api/v1/catalogus?leefgebied=financien' }),
    'GET /catalogus/{id}': async () => {
      const lijst = (await tl.get<{ id: string }[]>('/api/v1/catalogus')).body;
      return { method: 'GET', path: `/api/v1/catalogus/${lijst[0]!.id}` };
    },
    'POST /catalogus': async () => ({ method: 'POST', path: '/api/v1/catalogus', body: catalogusVoorbeeld() }),
    'PUT /catalogus/{id}': async () => {
      const lijst = (await tl.get<{ id: string; naam: string }[]>('/api/v1/catalogus?domein=voorliggend')).body;
      return { method: 'PUT', path: `/api/v1/catalogus/${lijst[0]!.id}`, body: { ...catalogusVoorbeeld(), naam: lijst[0]!.naam } };
    },
    'GET /instrumenten': async () => ({ method: 'GET', path: '/api/v1/instrumenten' }),
    'PUT /instrumenten/{code}': async () => ({
      method: 'PUT', path: '/api/v1/instrumenten/kort-3',
      body: { naam: 'Korte check', schaal: [{ waarde: 1, label: 'Zorgelijk' }, { waarde: 2, label: 'Gaat' }, { waarde: 3, label: 'Goed' }], domeinen: [{ code: 'wonen', naam: 'Wonen', leefgebied: 'huisvesting' }] },
    }),
    // Conversation and plan fixtures belong to a casus of Ruud (the 'regisseur' user), so his role may write.
    'POST /casussen/{id}/gesprekken': async () => ({ method: 'POST', path: `/api/v1/casussen/${await ruudCasus()}/gesprekken`, body: gesprekBody }),
    'GET /casussen/{id}/gesprekken': async (rol) => ({ method: 'GET', path: `/api/v1/casussen/${rol === 'beslisser' ? (await bijBeslisser()).casusId : await ruudCasus()}/gesprekken` }),
    'GET /gesprekken/{id}': async (rol) => ({ method: 'GET', path: `/api/v1/gesprekken/${rol === 'beslisser' ? (await bijBeslisser()).gesprekId : await nieuwGesprek()}` }),
    'GET /gesprekken/{id}/verslag.pdf': async (rol) => ({ method: 'GET', path: `/api/v1/gesprekken/${rol === 'beslisser' ? (await bijBeslisser()).gesprekId : await nieuwGesprek()}/verslag.pdf` }),
    'POST /gesprekken/{id}/verzending': async () => ({ method: 'POST', path: `/api/v1/gesprekken/${await nieuwGesprek()}/verzending` }),
    'POST /gesprekken/{id}/reactie': async () => ({ method: 'POST', path: `/api/v1/gesprekken/${await nieuwGesprek()}/reactie`, body: { tekst: 'Ik mis mijn buurvrouw in het verslag.' } }),
    'GET /casussen/{id}/scores': async (rol) => ({ method: 'GET', path: `/api/v1/casussen/${rol === 'beslisser' ? (await bijBeslisser()).casusId : await ruudCasus()}/scores` }),
    'GET /casussen/{id}/plan': async (rol) => ({ method: 'GET', path: `/api/v1/casussen/${rol === 'beslisser' ? (await bijBeslisser()).casusId : (await planMetDoel()).casusId}/plan` }),
    'POST /casussen/{id}/plan': async () => ({ method: 'POST', path: `/api/v1/casussen/${await ruudCasus()}/plan` }),
    'POST /casussen/{id}/plan/doelen': async () => ({ method: 'POST', path: `/api/v1/casussen/${await ruudCasus()}/plan/doelen`, body: doelBody }),
    'POST /casussen/{id}/plan/arrangement': async () => {
      const p = await planMetDoel();
      return { method: 'POST', path: `/api/v1/casussen/${p.casusId}/plan/arrangement`, body: { doelId: p.doelId, trede: 1, omschrijving: 'Zelf een kasboek bijhouden' } };
    },
    'POST /casussen/{id}/plan/instemming': async () => ({
      method: 'POST', path: `/api/v1/casussen/${(await planMetDoel()).casusId}/plan/instemming`, body: { datum: vandaagNL, wijze: 'mondeling' },
    }),
    'POST /casussen/{id}/plan/evaluaties': async () => ({ method: 'POST', path: `/api/v1/casussen/${(await planMetDoel()).casusId}/plan/evaluaties`, body: { geplandOp: '2027-01-15' } }),
    'POST /casussen/{id}/plan/evaluaties/{evaluatieId}/uitvoering': async () => {
      const p = await planMetDoel();
      const plan = (await rg.post<{ evaluaties: { id: string }[] }>(`/api/v1/casussen/${p.casusId}/plan/evaluaties`, { geplandOp: vandaagNL })).body;
      return {
        method: 'POST', path: `/api/v1/casussen/${p.casusId}/plan/evaluaties/${plan.evaluaties[0]!.id}/uitvoering`,
        body: { gehoudenOp: vandaagNL, besluit: 'voortzetten', doelen: [{ doelId: p.doelId, status: 'deels' }] },
      };
    },
    'POST /aanvragen': async () => {
      const m = await ruudMaatwerk();
      return { method: 'POST', path: '/api/v1/aanvragen', body: { casusId: m.casusId, arrangementItemIds: [m.itemId], ontvangenOp: vandaagNL } };
    },
    'POST /aanvragen/rechtstreeks': async () => {
      const m = (await fo.post<{ id: string }>('/api/v1/meldingen', voorbeeldMelding({ wet: 'jeugdwet', ontvangenOp: vandaagNL }))).body;
      await rg.post(`/api/v1/meldingen/${m.id}/triage`, { uitkomst: 'onderzoek' });
      const jeugd = (await rg.get<{ id: string }[]>('/api/v1/catalogus?domein=jeugdwet&trede=4')).body[0]!;
      return { method: 'POST', path: '/api/v1/aanvragen/rechtstreeks', body: { meldingId: m.id, catalogusItemId: jeugd.id, ontvangenOp: vandaagNL } };
    },
    'GET /aanvragen': async () => ({ method: 'GET', path: '/api/v1/aanvragen' }),
    'GET /aanvragen/{id}': async () => ({ method: 'GET', path: `/api/v1/aanvragen/${await aanvraag()}` }),
    // Whoever prepared may not check: the regisseur gets an aanvraag prepared by the teamleider.
    'POST /aanvragen/{id}/toets': async (rol) => ({ method: 'POST', path: `/api/v1/aanvragen/${await aanvraag(rol === 'regisseur' ? tl : rg)}/toets`, body: {} }),
    'POST /aanvragen/{id}/beoordeling': async () => {
      const id = await aanvraag();
      await tl.post(`/api/v1/aanvragen/${id}/toets`, {});
      return { method: 'POST', path: `/api/v1/aanvragen/${id}/beoordeling`, body: { advies: 'Past.' } };
    },
    'POST /aanvragen/{id}/besluit': async () => {
      const m = await ruudMaatwerk();
      const id = (await rg.post<{ id: string }>('/api/v1/aanvragen', { casusId: m.casusId, arrangementItemIds: [m.itemId], ontvangenOp: vandaagNL })).body.id;
      await tl.post(`/api/v1/aanvragen/${id}/toets`, {});
      await b2.post(`/api/v1/aanvragen/${id}/beoordeling`, {});
      return { method: 'POST', path: `/api/v1/aanvragen/${id}/besluit`, body: besluitBody(m.itemId) };
    },
    'POST /aanvragen/{id}/verzending': async () => ({ method: 'POST', path: `/api/v1/aanvragen/${(await besloten()).aanvraagId}/verzending`, body: {} }),
    'POST /aanvragen/{id}/opschortingen': async () => ({ method: 'POST', path: `/api/v1/aanvragen/${await aanvraag()}/opschortingen`, body: { van: vandaagNL, reden: 'Wacht op stukken' } }),
    'POST /aanvragen/{id}/verdaging': async () => ({ method: 'POST', path: `/api/v1/aanvragen/${await aanvraag()}/verdaging`, body: { nieuweDatum: '2099-01-05', reden: 'Advies nodig' } }),
    'GET /beschikkingen/{id}': async () => ({ method: 'GET', path: `/api/v1/beschikkingen/${(await besloten()).beschikkingId}` }),
    'GET /beschikkingen/{id}/brief.pdf': async () => ({ method: 'GET', path: `/api/v1/beschikkingen/${(await besloten()).beschikkingId}/brief.pdf` }),
    // Voorzieningen: read by the household's circle; the beslisser while an aanvraag of the household is with the beslissers.
    'GET /voorzieningen': async (rol) => ({
      method: 'GET', path: `/api/v1/voorzieningen?casusId=${VZ_LEZERS.includes(rol) ? (await voorziening('toegekend', rol === 'beslisser')).casusId : GEEN_VOORZIENING}`,
    }),
    'GET /voorzieningen/{id}': async (rol) => ({
      method: 'GET', path: `/api/v1/voorzieningen/${VZ_LEZERS.includes(rol) ? (await voorziening('toegekend', rol === 'beslisser')).id : GEEN_VOORZIENING}`,
    }),
    'GET /voorzieningen/{id}/kandidaten': async (rol) => ({
      method: 'GET', path: `/api/v1/voorzieningen/${['regisseur', 'teamleider'].includes(rol) ? (await voorziening()).id : GEEN_VOORZIENING}/kandidaten`,
    }),
    'POST /voorzieningen/{id}/aanbieder': async (rol) => {
      if (!['regisseur', 'teamleider'].includes(rol)) return { method: 'POST', path: `/api/v1/voorzieningen/${GEEN_VOORZIENING}/aanbieder`, body: { svb: true } };
      const { id } = await voorziening();
      const k = (await rg.get<{ items: { aanbiederId: string; vrij: number | null }[] }>(`/api/v1/voorzieningen/${id}/kandidaten`)).body.items.find((x) => x.vrij !== 0)!;
      return { method: 'POST', path: `/api/v1/voorzieningen/${id}/aanbieder`, body: { aanbiederId: k.aanbiederId } };
    },
    'POST /voorzieningen/{id}/start': async (rol) => ({
      method: 'POST', path: `/api/v1/voorzieningen/${['regisseur', 'teamleider'].includes(rol) ? (await voorziening('toegewezen')).id : GEEN_VOORZIENING}/start`, body: { datum: vandaagNL },
    }),
    'POST /voorzieningen/{id}/beeindig': async (rol) => ({
      method: 'POST', path: `/api/v1/voorzieningen/${['regisseur', 'teamleider'].includes(rol) ? (await voorziening('gestart')).id : GEEN_VOORZIENING}/beeindig`,
      body: { datum: vandaagNL, reden: '19' },
    }),
    'POST /voorzieningen/{id}/intrekken': async (rol) => ({
      method: 'POST', path: `/api/v1/voorzieningen/${rol === 'beslisser' ? (await voorziening('toegekend', true)).id : GEEN_VOORZIENING}/intrekken`,
      body: { datum: vandaagNL, reden: 'Niet meer nodig.' },
    }),
    'GET /voorzieningen/{id}/brieven/{briefId}.pdf': async (rol) => {
      if (!VZ_LEZERS.includes(rol)) return { method: 'GET', path: `/api/v1/voorzieningen/${GEEN_VOORZIENING}/brieven/${GEEN_VOORZIENING}.pdf` };
      const { id } = await voorziening('toegewezen', rol === 'beslisser');
      await t.app.opdrachten.verwerk();
      const brief = (await rg.get<{ brieven: { id: string }[] }>(`/api/v1/voorzieningen/${id}`)).body.brieven[0]!;
      return { method: 'GET', path: `/api/v1/voorzieningen/${id}/brieven/${brief.id}.pdf` };
    },
    // A beslisser reviews a sent decision while a bezwaar against it is open (inside the circle).
    'POST /beschikkingen/{id}/herziening': async (rol) => {
      const { beschikkingId } = await besloten(true);
      if (rol === 'beslisser') await tl.post(`/api/v1/beschikkingen/${beschikkingId}/bezwaren`, { ontvangenOp: vandaagNL, omschrijving: 'Te weinig uren' });
      return { method: 'POST', path: `/api/v1/beschikkingen/${beschikkingId}/herziening`, body: { reden: 'Meer uren nodig' } };
    },
    // The teamleider of the team registers; a beslisser (jurist) outside the circle first asks break-glass.
    'POST /beschikkingen/{id}/bezwaren': async (rol) => {
      const { aanvraagId, beschikkingId } = await besloten(true);
      if (rol === 'beslisser') {
        const { casus_id } = await t.database.db.selectFrom('aanvragen').select('casus_id').where('id', '=', aanvraagId).executeTakeFirstOrThrow();
        await b1.post(`/api/v1/casussen/${casus_id}/toegang`, { reden: 'Het bezwaarschrift kwam per post binnen.' });
      }
      return { method: 'POST', path: `/api/v1/beschikkingen/${beschikkingId}/bezwaren`, body: { ontvangenOp: vandaagNL, omschrijving: 'Te weinig uren' } };
    },
    'GET /bezwaren': async () => ({ method: 'GET', path: '/api/v1/bezwaren' }),
    // A decided bezwaar; the beslisser reads it while another bezwaar of the household is open (the circle).
    'GET /bezwaren/{id}': async (rol) => {
      const id = await (beslistBezwaar ??= nieuwBezwaar({ beslissen: true }));
      if (rol === 'beslisser') await nieuwBezwaar();
      return { method: 'GET', path: `/api/v1/bezwaren/${id}` };
    },
    'POST /bezwaren/{id}/hoorzitting': async () => ({ method: 'POST', path: `/api/v1/bezwaren/${await nieuwBezwaar()}/hoorzitting`, body: { status: 'gehouden', datum: vandaagNL, verslag: 'Gehoord.' } }),
    'POST /bezwaren/{id}/advies': async () => ({ method: 'POST', path: `/api/v1/bezwaren/${await nieuwBezwaar({ commissie: true, horen: true })}/advies`, body: { advies: 'Ongegrond.', datum: vandaagNL } }),
    'POST /bezwaren/{id}/verdaging': async () => ({ method: 'POST', path: `/api/v1/bezwaren/${await nieuwBezwaar()}/verdaging`, body: { reden: 'Advies nodig.' } }),
    'POST /bezwaren/{id}/intrekking': async () => ({ method: 'POST', path: `/api/v1/bezwaren/${await nieuwBezwaar()}/intrekking`, body: { reden: 'Ingetrokken.' } }),
    'POST /bezwaren/{id}/beslissing': async () => ({ method: 'POST', path: `/api/v1/bezwaren/${await nieuwBezwaar({ horen: true })}/beslissing`, body: { uitkomst: 'ongegrond', motivering: 'Passend.' } }),
    'GET /bezwaren/{id}/brief': async (rol) => {
      const id = await (beslistBezwaar ??= nieuwBezwaar({ beslissen: true }));
      if (rol === 'beslisser') await nieuwBezwaar();
      return { method: 'GET', path: `/api/v1/bezwaren/${id}/brief` };
    },
    'GET /instellingen/correspondentie': async () => ({ method: 'GET', path: '/api/v1/instellingen/correspondentie' }),
    'PUT /instellingen/correspondentie': async () => ({
      method: 'PUT', path: '/api/v1/instellingen/correspondentie',
      body: {
        afdeling: 'Sociaal Domein', postbus: 'Postbus 100', postcode: '1234 ZZ', plaats: 'Demodorp', bezoekadres: { straat: 'Raadhuisplein 1', postcode: '1234 AB', plaats: 'Demodorp' },
        telefoon: '14 0123', email: null, website: null, bezwaarAdres: { aan: 'Het college', postbus: 'Postbus 100', postcode: '1234 ZZ', plaats: 'Demodorp' },
        rechtbank: { naam: 'Rechtbank Midden-Nederland', postbus: 'Postbus 16005', postcode: '3500 DA', plaats: 'Utrecht' },
      },
    }),
    'PUT /casussen/{id}/procescoordinatie': async () => ({ method: 'PUT', path: `/api/v1/casussen/${await ruudCasus()}/procescoordinatie`, body: { multiprobleem: true, procescoordinatorId: null } }),
    'GET /procescoordinatie': async () => ({ method: 'GET', path: '/api/v1/procescoordinatie' }),
    'GET /steekproeven/resultaten': async () => ({ method: 'GET', path: '/api/v1/steekproeven/resultaten' }),
    'POST /steekproeven': async () => ({ method: 'POST', path: '/api/v1/steekproeven', body: { maand: `${1900 + ++maandTeller}-02` } }),
    'GET /steekproeven/{id}': async () => ({ method: 'GET', path: `/api/v1/steekproeven/${await nieuweSteekproef()}` }),
    'POST /steekproeven/{id}/items/{itemId}/beoordeling': async () => {
      // A decision in which neither the beslisser nor the teamleider took part (set up directly).
      const { aanvraagId, beschikkingId } = await besloten(true);
      const rachida = await medewerkerId('Rachida');
      await t.database.db.updateTable('aanvragen').set({ getoetst_door: rachida, beoordeeld_door: rachida, besloten_door: rachida }).where('id', '=', aanvraagId).execute();
      const steekproefId = await nieuweSteekproef();
      const s = await t.database.db.selectFrom('steekproeven').select('gemeente_id').where('id', '=', steekproefId).executeTakeFirstOrThrow();
      const item = await t.database.db.insertInto('steekproef_items').values({ gemeente_id: s.gemeente_id, steekproef_id: steekproefId, beschikking_id: beschikkingId })
        .returning('id').executeTakeFirstOrThrow();
      const antwoorden = { 'vraag-verhelderd': 'ja', ladder: 'ja', passend: 'ja', grondslag: 'ja', motivering: 'ja', termijn: 'ja', bezwaarclausule: 'ja' };
      return { method: 'POST', path: `/api/v1/steekproeven/${steekproefId}/items/${item.id}/beoordeling`, body: { antwoorden, uitkomst: 'inOrde' } };
    },
    'GET /instellingen/besluit': async () => ({ method: 'GET', path: '/api/v1/instellingen/besluit' }),
    'PUT /instellingen/besluit': async () => ({ method: 'PUT', path: '/api/v1/instellingen/besluit', body: (await tl.get('/api/v1/instellingen/besluit')).body }),
    'GET /instellingen/huisstijl': async () => ({ method: 'GET', path: '/api/v1/instellingen/huisstijl' }),
    'PUT /instellingen/huisstijl': async () => ({ method: 'PUT', path: '/api/v1/instellingen/huisstijl', body: { naam: 'Gemeente Demodorp', kleuren: null } }),
    'GET /beheer/opdrachten': async () => ({ method: 'GET', path: '/api/v1/beheer/opdrachten?status=alle' }),
    'GET /berichten': async () => ({ method: 'GET', path: '/api/v1/berichten?soort=305' }),
    'GET /berichten/{id}': async () => ({ method: 'GET', path: `/api/v1/berichten/${await bericht()}` }),
    // The provider reads its own message; the regisseur, teamleider and beslisser the 301 of a voorziening in their circle.
    'GET /berichten/{id}/xml': async (rol) => {
      if (!VZ_LEZERS.includes(rol)) return { method: 'GET', path: `/api/v1/berichten/${await bericht()}/xml` };
      const v = await voorziening('toegewezen', rol === 'beslisser');
      await t.app.opdrachten.verwerk();
      const b = await t.database.db.selectFrom('bericht_toewijzingen as bt').innerJoin('toewijzingen as tw', 'tw.id', 'bt.toewijzing_id')
        .select('bt.bericht_id').where('tw.voorziening_id', '=', v.id).executeTakeFirstOrThrow();
      return { method: 'GET', path: `/api/v1/berichten/${b.bericht_id}/xml` };
    },
    'POST /berichten': async () => ({ method: 'POST', path: '/api/v1/berichten', xml: startbericht() }),
    'GET /verzoeken': async () => ({ method: 'GET', path: '/api/v1/verzoeken?open=nee' }),
    'GET /verzoeken/{id}': async (rol) => ({ method: 'GET', path: `/api/v1/verzoeken/${['regisseur', 'teamleider'].includes(rol) ? await verzoek() : GEEN_VOORZIENING}` }),
    'POST /verzoeken/{id}/onderzoek': async (rol) => ({ method: 'POST', path: `/api/v1/verzoeken/${['regisseur', 'teamleider'].includes(rol) ? await verzoek() : GEEN_VOORZIENING}/onderzoek`, body: {} }),
    'POST /verzoeken/{id}/afwijzing': async (rol) => ({ method: 'POST', path: `/api/v1/verzoeken/${['regisseur', 'teamleider'].includes(rol) ? await verzoek() : GEEN_VOORZIENING}/afwijzing`, body: { reden: '7' } }),
    'POST /verzoeken/{id}/toewijzing': async (rol) => {
      if (!['regisseur', 'teamleider'].includes(rol)) return { method: 'POST', path: `/api/v1/verzoeken/${GEEN_VOORZIENING}/toewijzing`, body: { voorzieningId: GEEN_VOORZIENING } };
      const { id } = await voorziening('toegekend');
      const { persoon_id } = await t.database.db.selectFrom('voorzieningen').select('persoon_id').where('id', '=', id).executeTakeFirstOrThrow();
      return { method: 'POST', path: `/api/v1/verzoeken/${await verzoek(persoon_id)}/toewijzing`, body: { voorzieningId: id } };
    },
    'GET /portaal/toewijzingen': async () => ({ method: 'GET', path: '/api/v1/portaal/toewijzingen' }),
    'GET /declaraties': async () => ({ method: 'GET', path: '/api/v1/declaraties' }),
    'GET /declaraties/{id}': async () => ({ method: 'GET', path: `/api/v1/declaraties/${await declaratie()}` }),
    'POST /portaal/toewijzingen/{standaard}/{nummer}/start': async (rol) => ({
      method: 'POST', path: `/api/v1/portaal/toewijzingen/iwmo/${rol === 'aanbieder' ? await toewijzingVanDeHeide() : 999_999_999}/start`, body: { datum: vandaagNL },
    }),
    'POST /portaal/toewijzingen/{standaard}/{nummer}/stop': async (rol) => {
      if (rol !== 'aanbieder') return { method: 'POST', path: '/api/v1/portaal/toewijzingen/iwmo/999999999/stop', body: { datum: vandaagNL, reden: '19' } };
      const nummer = await toewijzingVanDeHeide();
      await (await t.login('aanbieder')).post(`/api/v1/portaal/toewijzingen/iwmo/${nummer}/start`, { datum: vandaagNL });
      return { method: 'POST', path: `/api/v1/portaal/toewijzingen/iwmo/${nummer}/stop`, body: { datum: vandaagNL, reden: '19' } };
    },
    'GET /aanbieders/{id}/berichtenverkeer': async () => ({ method: 'GET', path: `/api/v1/aanbieders/${await demoAanbieder()}/berichtenverkeer` }),
    'GET /voorzieningen/{id}/berichten': async (rol) => ({
      method: 'GET', path: `/api/v1/voorzieningen/${VZ_LEZERS.includes(rol) ? (await voorziening('toegekend', rol === 'beslisser')).id : GEEN_VOORZIENING}/berichten`,
    }),
    'GET /gebruikers': async () => ({ method: 'GET', path: '/api/v1/gebruikers?actief=true' }),
    'GET /gebruikers/keuzes': async () => ({ method: 'GET', path: '/api/v1/gebruikers/keuzes' }),
    'GET /gebruikers/{id}': async () => ({ method: 'GET', path: `/api/v1/gebruikers/${await nieuweGebruiker()}` }),
    'POST /gebruikers': async () => ({ method: 'POST', path: '/api/v1/gebruikers', body: { gebruikersnaam: `rollentabel-nieuw-${++gebruikerTeller}`, naam: 'Nieuwe Collega', rollen: ['frontoffice'] } }),
    'PATCH /gebruikers/{id}': async () => ({ method: 'PATCH', path: `/api/v1/gebruikers/${await nieuweGebruiker()}`, body: { rollen: ['frontoffice', 'beleid'] } }),
    'POST /gebruikers/{id}/deactiveren': async () => ({ method: 'POST', path: `/api/v1/gebruikers/${await nieuweGebruiker()}/deactiveren` }),
    'POST /gebruikers/{id}/activeren': async () => ({ method: 'POST', path: `/api/v1/gebruikers/${await nieuweGebruiker()}/activeren` }),
    'POST /gebruikers/{id}/uitnodiging': async () => ({ method: 'POST', path: `/api/v1/gebruikers/${await nieuweGebruiker()}/uitnodiging` }),
    // A failed background task of Demodorp, made through the owner connection (the outbox's worker is not needed for the role check).
    'POST /beheer/opdrachten/{id}/opnieuw': async () => {
      const g = await t.database.db.selectFrom('gemeenten').select('id').where('code', '=', 'demodorp').executeTakeFirstOrThrow();
      const o = await t.database.db.insertInto('opdrachten').values({ gemeente_id: g.id, soort: 'test.rollentabel', gegevens: '{}', status: 'mislukt', pogingen: 8, klaar_op: new Date(), laatste_fout: 'Testfout' })
        .returning('id').executeTakeFirstOrThrow();
      return { method: 'POST', path: `/api/v1/beheer/opdrachten/${o.id}/opnieuw` };
    },
    'GET /kpis': async () => ({ method: 'GET', path: '/api/v1/kpis' }),
    'GET /kpis/{id}': async () => ({ method: 'GET', path: '/api/v1/kpis/aandeel-meldingen-naar-maatwerk' }),
    'GET /kpis/{id}/verdeling': async () => ({ method: 'GET', path: '/api/v1/kpis/aandeel-meldingen-naar-maatwerk/verdeling?per=kern' }),
    'GET /kpis/{id}/onderliggend': async () => ({ method: 'GET', path: '/api/v1/kpis/aandeel-meldingen-naar-maatwerk/onderliggend' }),
    'GET /sturing/besteding': async () => ({ method: 'GET', path: '/api/v1/sturing/besteding?per=aanbieder' }),
    'GET /sturing/pilotmonitor': async () => ({ method: 'GET', path: `/api/v1/sturing/pilotmonitor?wijk=${(await tl.get<{ wijken: { id: string }[] }[]>('/api/v1/gebieden')).body[0]!.wijken[0]!.id}` }),
    'PUT /kpis/{id}/norm': async () => ({ method: 'PUT', path: '/api/v1/kpis/aandeel-meldingen-naar-maatwerk/norm', body: { norm: 0.2 } }),
    'POST /casussen/{id}/tevredenheid': async () => ({ method: 'POST', path: `/api/v1/casussen/${await ruudCasus()}/tevredenheid`, body: { datum: vandaagNL, goedGeholpen: true } }),
    'GET /audit': async () => ({ method: 'GET', path: `/api/v1/audit?persoonId=${(await nieuweMelding()).persoon.id}` }),
    'GET /audit/verificatie': async () => ({ method: 'GET', path: '/api/v1/audit/verificatie' }),
    'GET /inzage': async () => ({ method: 'GET', path: `/api/v1/inzage?persoonId=${(await nieuweMelding()).persoon.id}` }),
    'GET /personen/{id}/inzage': async () => ({ method: 'GET', path: `/api/v1/personen/${(await nieuweMelding()).persoon.id}/inzage` }),
    // Break-glass: a casus of Ravi (Wijkteam Beekveld), outside the circle of every Demodorp-team caller.
    'POST /casussen/{id}/toegang': async () => {
      const m = await nieuweMelding();
      const casusId = (await tl.post<{ casus: { id: string } }>(`/api/v1/meldingen/${m.id}/triage`, { uitkomst: 'onderzoek', regisseurId: await medewerkerId('Ravi') })).body.casus.id;
      return { method: 'POST', path: `/api/v1/casussen/${casusId}/toegang`, body: { reden: 'Vervanging: Ravi is vandaag afwezig.' } };
    },
    'GET /casussen/{id}/toegang': async () => ({ method: 'GET', path: `/api/v1/casussen/${await ruudCasus()}/toegang` }),
    'POST /doorbraken': async () => {
      const m = await nieuweMelding();
      const casusId = (await tl.post<{ casus: { id: string } }>(`/api/v1/meldingen/${m.id}/triage`, { uitkomst: 'onderzoek', regisseurId: await medewerkerId('Ravi') })).body.casus.id;
      const { nummer } = await t.database.db.selectFrom('casussen').select('nummer').where('id', '=', casusId).executeTakeFirstOrThrow();
      return { method: 'POST', path: '/api/v1/doorbraken', body: { nummer, reden: 'De inwoner belt; Ravi is vandaag afwezig.' } };
    },
    'GET /privacy/doorbraken': async () => ({ method: 'GET', path: '/api/v1/privacy/doorbraken?status=alle' }),
    'POST /privacy/doorbraken/{id}/beoordeling': async () => {
      const d = await r2.post<{ id: string }>(`/api/v1/casussen/${await ruudCasus()}/toegang`, { reden: 'Vervanging: Ruud is vandaag afwezig.' });
      return { method: 'POST', path: `/api/v1/privacy/doorbraken/${d.body.id}/beoordeling`, body: { oordeel: 'terecht' } };
    },
    // Delen met partners: a resident of Ruud's casus, with a consent of their own where the call needs one.
    'POST /personen/{id}/grondslagen': async () => ({ method: 'POST', path: `/api/v1/personen/${await ruudInwoner()}/grondslagen`, body: toestemmingBody }),
    'POST /grondslagen/{id}/intrekking': async () => ({ method: 'POST', path: `/api/v1/grondslagen/${(await ruudToestemming()).grondslagId}/intrekking`, body: {} }),
    'GET /personen/{id}/delingen': async () => ({ method: 'GET', path: `/api/v1/personen/${await ruudInwoner()}/delingen` }),
    'POST /personen/{id}/verstrekkingen': async () => {
      const { persoonId, grondslagId } = await ruudToestemming();
      return { method: 'POST', path: `/api/v1/personen/${persoonId}/verstrekkingen`, body: { partner: { soort: 'aanbieder', naam: 'Zorg Thuis' }, doel: 'uitvoeringVoorziening', gegevens: 'Naam en hulpvraag', grondslagId } };
    },
    'GET /privacy/delingen': async () => ({ method: 'GET', path: '/api/v1/privacy/delingen?lijst=grondslagen&ingetrokken=nee' }),
    'GET /instellingen/bewaartermijnen': async () => ({ method: 'GET', path: '/api/v1/instellingen/bewaartermijnen' }),
    'PUT /instellingen/bewaartermijnen': async () => ({ method: 'PUT', path: '/api/v1/instellingen/bewaartermijnen', body: { termijnen: [{ soort: 'wmo', jaren: 10 }] } }),
    'GET /vernietigingslijsten': async () => ({ method: 'GET', path: '/api/v1/vernietigingslijsten' }),
    'GET /vernietigingslijsten/{id}': async (rol) => ({ method: 'GET', path: `/api/v1/vernietigingslijsten/${['archivaris', 'privacy'].includes(rol) ? await vernietigingslijst() : GEEN_LIJST}` }),
    'GET /vernietigingslijsten/{id}/lijst.csv': async (rol) => ({ method: 'GET', path: `/api/v1/vernietigingslijsten/${['archivaris', 'privacy'].includes(rol) ? await vernietigingslijst() : GEEN_LIJST}/lijst.csv` }),
    'GET /vernietigingslijsten/{id}/lijst.pdf': async (rol) => ({ method: 'GET', path: `/api/v1/vernietigingslijsten/${['archivaris', 'privacy'].includes(rol) ? await vernietigingslijst() : GEEN_LIJST}/lijst.pdf` }),
    'POST /vernietigingslijsten': async (rol) => {
      if (['archivaris', 'beheer'].includes(rol)) {
        await t.database.db.updateTable('vernietigingslijsten').set({ status: 'afgewezen' }).where('status', 'in', ['concept', 'terGoedkeuring']).execute();
        const m = await nieuweMelding();
        await t.database.db.updateTable('meldingen').set({ status: 'afgehandeld', ontvangen_op: '2015-01-05', afgerond_op: '2015-01-10' }).where('id', '=', m.id).execute();
      }
      return { method: 'POST', path: '/api/v1/vernietigingslijsten' };
    },
    'POST /vernietigingslijsten/{id}/aanbieding': async (rol) => ({ method: 'POST', path: `/api/v1/vernietigingslijsten/${['archivaris', 'beheer'].includes(rol) ? await vernietigingslijst() : GEEN_LIJST}/aanbieding` }),
    'POST /vernietigingslijsten/{id}/items/{itemId}/uitzondering': async (rol) => {
      if (rol !== 'archivaris') return { method: 'POST', path: `/api/v1/vernietigingslijsten/${GEEN_LIJST}/items/${GEEN_LIJST}/uitzondering`, body: { reden: 'Test' } };
      const id = await vernietigingslijst();
      const itemId = (await ar!.get<{ items: { id: string }[] }>(`/api/v1/vernietigingslijsten/${id}`)).body.items[0]!.id;
      return { method: 'POST', path: `/api/v1/vernietigingslijsten/${id}/items/${itemId}/uitzondering`, body: { reden: 'Nog in gebruik.' } };
    },
    'POST /vernietigingslijsten/{id}/goedkeuring': async (rol) => ({ method: 'POST', path: `/api/v1/vernietigingslijsten/${rol === 'archivaris' ? await vernietigingslijst(true) : GEEN_LIJST}/goedkeuring` }),
    'POST /vernietigingslijsten/{id}/afwijzing': async (rol) => ({
      method: 'POST', path: `/api/v1/vernietigingslijsten/${rol === 'archivaris' ? await vernietigingslijst(true) : GEEN_LIJST}/afwijzing`, body: { reden: 'Nog niet.' },
    }),
    'GET /aanbieders': async () => ({ method: 'GET', path: '/api/v1/aanbieders?wet=wmo' }),
    'POST /aanbieders': async () => ({ method: 'POST', path: '/api/v1/aanbieders', body: { naam: 'Nieuwe Zorg', agbCode: String(62_000_000 + ++inkoopTeller), wetten: ['wmo'] } }),
    'GET /aanbieders/{id}': async () => ({ method: 'GET', path: `/api/v1/aanbieders/${(await inkoop()).aanbiederId}` }),
    'GET /aanbieders/{id}/voorzieningen': async () => ({ method: 'GET', path: `/api/v1/aanbieders/${(await inkoop()).aanbiederId}/voorzieningen` }),
    'GET /contractmanagement': async () => ({ method: 'GET', path: '/api/v1/contractmanagement' }),
    'GET /contractmanagement/{id}': async () => ({ method: 'GET', path: `/api/v1/contractmanagement/${(await inkoop()).aanbiederId}` }),
    'GET /contractmanagement/{id}/clienten': async () => ({ method: 'GET', path: `/api/v1/contractmanagement/${(await inkoop()).aanbiederId}/clienten` }),
    'PUT /contracten/{id}/plafond': async () => ({ method: 'PUT', path: `/api/v1/contracten/${(await inkoop()).contractId}/plafond`, body: { plafondCents: 25_000_000 } }),
    'PATCH /aanbieders/{id}': async () => ({ method: 'PATCH', path: `/api/v1/aanbieders/${(await inkoop()).aanbiederId}`, body: { plaats: 'Beekveld' } }),
    'POST /contracten': async () => ({ method: 'POST', path: '/api/v1/contracten', body: { aanbiederId: (await inkoop()).aanbiederId, van: '2026-01-01', producten: [] } }),
    'GET /contracten': async () => ({ method: 'GET', path: `/api/v1/contracten?aanbiederId=${(await inkoop()).aanbiederId}` }),
    'GET /contracten/{id}': async () => ({ method: 'GET', path: `/api/v1/contracten/${(await inkoop()).contractId}` }),
    'POST /contracten/{id}/producten': async () => ({
      method: 'POST', path: `/api/v1/contracten/${(await inkoop()).contractId}/producten`,
      body: { wet: 'wmo', productcategorie: '02', productcode: `RP${String(++inkoopTeller).padStart(3, '0')}`, naam: 'Begeleiding', eenheid: '04', frequentie: '2', tariefCents: 6850, bekostiging: 'inspanningsgericht' },
    }),
    'POST /contractproducten/{id}/tarieven': async () => ({ method: 'POST', path: `/api/v1/contractproducten/${(await inkoop()).productId}/tarieven`, body: { van: inkoopDatum(), tariefCents: 3700 } }),
    'GET /contractproducten/{id}': async () => ({ method: 'GET', path: `/api/v1/contractproducten/${(await inkoop()).productId}` }),
    'PATCH /contractproducten/{id}': async () => ({ method: 'PATCH', path: `/api/v1/contractproducten/${await taakProduct()}`, body: { maandbedragCents: 50_000 + ++inkoopTeller } }),
    'GET /resultaattarieven': async () => ({ method: 'GET', path: '/api/v1/resultaattarieven?wet=jeugdwet' }),
    'PUT /resultaattarieven': async () => ({
      method: 'PUT', path: '/api/v1/resultaattarieven', body: { wet: 'jeugdwet', productcode: 'RT045', van: inkoopDatum(), regels: [{ profiel: 'P1', intensiteit: 'laag', bedragCents: 280_000 }] },
    }),
    'GET /pgbtarieven': async () => ({ method: 'GET', path: '/api/v1/pgbtarieven' }),
    'PUT /pgbtarieven': async () => ({ method: 'PUT', path: '/api/v1/pgbtarieven', body: { wet: 'wmo', productcode: 'RT001', eenheid: '04', frequentie: '2', tariefCents: 2600, van: inkoopDatum() } }),
    'GET /gecontracteerd': async () => ({ method: 'GET', path: '/api/v1/gecontracteerd?wet=wmo&productcode=RT001&datum=2026-06-01' }),
    'GET /gecontracteerde-producten': async () => ({ method: 'GET', path: '/api/v1/gecontracteerde-producten?wet=schuldhulp' }),
    'GET /contracten/{id}/producten.csv': async () => ({ method: 'GET', path: `/api/v1/contracten/${(await inkoop()).contractId}/producten.csv` }),
    'GET /contracten/{id}/producten.xlsx': async () => ({ method: 'GET', path: `/api/v1/contracten/${(await inkoop()).contractId}/producten.xlsx` }),
    'POST /contracten/{id}/producten/import': async () => ({
      method: 'POST', path: `/api/v1/contracten/${(await inkoop()).contractId}/producten/import`,
      body: { formaat: 'csv', bestand: Buffer.from(`Wet;Productcategorie;Productcode;Naam;Eenheid;Frequentie;Bekostiging;Tarief (euro)\nwmo;07;RI${String(++inkoopTeller).padStart(3, '0')};Dagbesteding;16;2;inspanningsgericht;42,80\n`).toString('base64') },
    }),
    // Only the inkoper's call gets through: it pays a month not paid before.
    'POST /betaalbatches': async (rol) => ({ method: 'POST', path: '/api/v1/betaalbatches', body: { aanbiederId: (await betaling()).aanbiederId, periode: rol === 'inkoper' ? vorigeMaand() : vandaagNL.slice(0, 7) } }),
    'GET /betaalbatches': async () => ({ method: 'GET', path: `/api/v1/betaalbatches?aanbiederId=${(await betaling()).aanbiederId}` }),
    'GET /betaalbatches/{id}': async () => ({ method: 'GET', path: `/api/v1/betaalbatches/${(await betaling()).batchId}` }),
    'GET /betaalbatches/{id}/journaal.csv': async () => ({ method: 'GET', path: `/api/v1/betaalbatches/${(await betaling()).batchId}/journaal.csv` }),
    'GET /betaalbatches/{id}/journaal.xlsx': async () => ({ method: 'GET', path: `/api/v1/betaalbatches/${(await betaling()).batchId}/journaal.xlsx` }),
    'GET /grootboekregels': async () => ({ method: 'GET', path: '/api/v1/grootboekregels' }),
    'PUT /grootboekregels': async () => ({ method: 'PUT', path: '/api/v1/grootboekregels', body: { regels: [{ wet: 'wmo', grootboekrekening: '4300', kostenplaats: 'WMO' }] } }),
    'GET /zoeken': async () => ({ method: 'GET', path: '/api/v1/zoeken?q=M-2026-000001' }),
    'GET /zoeken/meldingen/{id}': async (rol) => ({ method: 'GET', path: `/api/v1/zoeken/meldingen/${(rol === 'beslisser' ? (await bijBeslisser()).melding : await nieuweMelding()).id}` }),
    'GET /zoeken/personen/{id}': async (rol) => ({ method: 'GET', path: `/api/v1/zoeken/personen/${(rol === 'beslisser' ? (await bijBeslisser()).melding : await nieuweMelding()).persoon.id}` }),
    'GET /online-meldingen': async () => ({ method: 'GET', path: '/api/v1/online-meldingen' }),
    'GET /online-meldingen/{id}': async () => ({ method: 'GET', path: `/api/v1/online-meldingen/${await onlineTeKoppelen()}` }),
    'POST /online-meldingen/{id}/koppeling': async () => ({ method: 'POST', path: `/api/v1/online-meldingen/${await onlineTeKoppelen()}/koppeling`, body: { nieuwePersoon: true } }),
    'POST /online-meldingen/{id}/afwijzing': async () => ({ method: 'POST', path: `/api/v1/online-meldingen/${await onlineTeKoppelen()}/afwijzing`, body: { reden: 'Geen echte vraag.' } }),
  };

  const beveiligd = allRoutes.filter((r) => r.access.kind === 'roles');

  it('elk beveiligd endpoint staat in de tabel', () => {
    const ontbrekend = beveiligd.map((r) => `${r.method} ${r.path}`).filter((k) => !voorbeeld[k]);
    expect(ontbrekend).toEqual([]);
  });

  it('elk endpoint: toegestane rol → succes, andere rol → 403, geen sessie → 401', async () => {
    fo = await t.login('frontoffice');
    tl = await t.login('teamleider');
    rg = await t.login('regisseur');
    b1 = await t.login('beslisser');
    b2 = await t.login('beslisser2');
    r2 = await t.login('regisseur2');
    void r2;
    const clients = new Map<Rol, Client>();
    for (const rol of ALLE_ROLLEN) clients.set(rol, await t.login(gebruikerVoorRol[rol]));
    const uitkomsten: string[] = [];
    for (const route of beveiligd) {
      if (route.access.kind !== 'roles') continue;
      const key = `${route.method} ${route.path}`;
      const anon = await voorbeeld[key]!('frontoffice');
      const alsXml = (c: Call) => (c.xml !== undefined ? { raw: c.xml, headers: { 'content-type': 'application/xml' } } : {});
      const geenSessie = await t.anonymous().request(anon.method, anon.path, anon.body, alsXml(anon));
      if (geenSessie.status !== 401) uitkomsten.push(`${key} zonder sessie: ${geenSessie.status}`);
      for (const rol of ALLE_ROLLEN) {
        // Logging out would end the shared session: use a session of its own.
        const client = route.method === 'DELETE' && route.path === '/sessies/huidig' ? await t.login(gebruikerVoorRol[rol]) : clients.get(rol)!;
        const call = await voorbeeld[key]!(rol);
        const r = await client.request(call.method, call.path, call.body, alsXml(call));
        const toegestaan = route.access.roles.includes(rol);
        const ok = toegestaan ? r.status >= 200 && r.status < 300 : r.status === 403;
        if (!ok) uitkomsten.push(`${key} als ${rol}: ${r.status} (verwacht ${toegestaan ? '2xx' : '403'}) ${toegestaan ? JSON.stringify(r.body).slice(0, 200) : ''}`);
      }
    }
    expect(uitkomsten).toEqual([]);
  }, 900_000); // every endpoint × every role: over a thousand requests, slow when the machine is busy
});
