import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inGemeente } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { startTestApp, voorbeeldMelding, type Client, type TestApp } from '../../testing/harness.ts';
import { delingenVoorInzage, eisGrondslagVoorVerstrekking } from './delingen.ts';

let t: TestApp;
let regisseur: Client;

interface ProblemBody { status: number; code: string; detail: string; invalidParams?: { name: string; reason: string }[] }
interface Grondslag {
  id: string; soort: string; status: string; gegevenDoor: { relatie: string; naam: string } | null; casusId: string | null;
  partners: { soort: string; naam: string | null }[]; doelen: { code: string }[]; wetsartikel: string | null;
  intrekking: { datum: string; door: string | null; reden: string | null } | null;
}
interface Verstrekking { id: string; grondslagId: string; partner: { soort: string; naam: string }; doel: string; datum: string }
interface Delingen { grondslagen: Grondslag[]; verstrekkingen: Verstrekking[] }

const nu = vandaag();
const gisteren = (() => { const d = new Date(`${nu}T12:00:00Z`); d.setUTCDate(d.getUTCDate() - 1); return d.toISOString().slice(0, 10); })();
const morgen = (() => { const d = new Date(`${nu}T12:00:00Z`); d.setUTCDate(d.getUTCDate() + 1); return d.toISOString().slice(0, 10); })();

/** A resident of Ruud (regisseur) with an open casus, registered through the API. */
async function inwonerMetCasus(door: Client = regisseur, persoon: Record<string, unknown> = {}) {
  const m = await door.post<{ id: string; persoon: { id: string; naam: string } }>('/api/v1/meldingen', voorbeeldMelding({
    ontvangenOp: nu, ...(Object.keys(persoon).length ? { persoon: { ...voorbeeldMelding().persoon as object, ...persoon } } : {}),
  }));
  expect(m.status).toBe(201);
  const casusId = (await door.post<{ casus: { id: string } }>(`/api/v1/meldingen/${m.body.id}/triage`, { uitkomst: 'onderzoek' })).body.casus.id;
  return { casusId, persoon: m.body.persoon };
}

const toestemming = (o: Record<string, unknown> = {}) => ({
  soort: 'toestemming', gegevenDoor: { relatie: 'zelf' }, datum: nu,
  partners: [{ soort: 'aanbieder', naam: 'Zorg Thuis Demodorp' }], doelen: ['uitvoeringVoorziening'],
  gegevens: 'Naam, adres, telefoon en de hulpvraag (begeleiding thuis)', ...o,
});
const verstrekking = (grondslagId: string, o: Record<string, unknown> = {}) => ({
  partner: { soort: 'aanbieder', naam: 'Zorg Thuis Demodorp' }, doel: 'uitvoeringVoorziening', gegevens: 'Naam, adres en hulpvraag', grondslagId, ...o,
});

beforeAll(async () => {
  t = await startTestApp();
  regisseur = await t.login('regisseur');
});
afterAll(async () => t?.close());

describe('toestemming vastleggen, delen, intrekken', () => {
  it('de inwoner geeft toestemming, er wordt gedeeld, zij trekt in en daarna wordt delen geweigerd', async () => {
    const { persoon, casusId } = await inwonerMetCasus();
    const g = await regisseur.post<Grondslag>(`/api/v1/personen/${persoon.id}/grondslagen`, toestemming());
    expect(g.status).toBe(201);
    expect(g.body).toMatchObject({ soort: 'toestemming', status: 'geldig', gegevenDoor: { relatie: 'zelf', naam: persoon.naam }, casusId, intrekking: null });

    const v = await regisseur.post<Verstrekking>(`/api/v1/personen/${persoon.id}/verstrekkingen`, verstrekking(g.body.id, { partner: { soort: 'aanbieder', naam: ' zorg thuis  demodorp ' } }));
    expect(v.status).toBe(201);
    expect(v.body).toMatchObject({ grondslagId: g.body.id, partner: { soort: 'aanbieder', naam: 'zorg thuis  demodorp' }, datum: nu });

    const i = await regisseur.post<Grondslag>(`/api/v1/grondslagen/${g.body.id}/intrekking`, { reden: 'Wil zelf contact opnemen met de aanbieder' });
    expect(i.status).toBe(200);
    expect(i.body).toMatchObject({ status: 'ingetrokken', intrekking: { datum: nu, door: 'Ruud Regisseur', reden: 'Wil zelf contact opnemen met de aanbieder' } });

    const weer = await regisseur.post<ProblemBody>(`/api/v1/personen/${persoon.id}/verstrekkingen`, verstrekking(g.body.id));
    expect(weer.status).toBe(409);
    expect(weer.body.code).toBe('grondslag-niet-geldig');
    expect(weer.body.detail).toMatch(/ingetrokken/);

    const twee = await regisseur.post<ProblemBody>(`/api/v1/grondslagen/${g.body.id}/intrekking`, {});
    expect(twee.status).toBe(409);
    expect(twee.body.code).toBe('grondslag-niet-intrekbaar');

    const d = await regisseur.get<Delingen>(`/api/v1/personen/${persoon.id}/delingen`);
    expect(d.status).toBe(200);
    expect(d.body.grondslagen.map((x) => x.status)).toEqual(['ingetrokken']);
    expect(d.body.verstrekkingen).toHaveLength(1); // the refused share wrote nothing; the earlier one keeps its ground

    const audit = await t.database.db.selectFrom('auditlog').select(['resource_type', 'actie', 'doel']).where('persoon_id', '=', persoon.id)
      .where('resource_type', 'in', ['grondslag', 'verstrekking', 'delingen']).orderBy('id').execute();
    expect(audit.map((a) => `${a.actie} ${a.resource_type}`)).toEqual(['aanmaken grondslag', 'aanmaken verstrekking', 'wijzigen grondslag', 'lezen delingen']);
  });

  it('delen buiten de toestemming wordt geweigerd (422): een andere partner, een andere aanbieder, een ander doel', async () => {
    const { persoon } = await inwonerMetCasus();
    const g = (await regisseur.post<Grondslag>(`/api/v1/personen/${persoon.id}/grondslagen`, toestemming())).body;
    const school = await regisseur.post<ProblemBody>(`/api/v1/personen/${persoon.id}/verstrekkingen`, verstrekking(g.id, { partner: { soort: 'school', naam: 'De Regenboog' } }));
    expect(school.status).toBe(422);
    expect(school.body.code).toBe('grondslag-dekt-verstrekking-niet');
    expect(school.body.invalidParams?.[0]?.name).toBe('partner');
    const andereAanbieder = await regisseur.post<ProblemBody>(`/api/v1/personen/${persoon.id}/verstrekkingen`, verstrekking(g.id, { partner: { soort: 'aanbieder', naam: 'Thuiszorg Anders' } }));
    expect(andereAanbieder.status).toBe(422);
    const doel = await regisseur.post<ProblemBody>(`/api/v1/personen/${persoon.id}/verstrekkingen`, verstrekking(g.id, { doel: 'financien' }));
    expect(doel.status).toBe(422);
    expect(doel.body.invalidParams?.[0]?.name).toBe('doel');
    expect((await regisseur.get<Delingen>(`/api/v1/personen/${persoon.id}/delingen`)).body.verstrekkingen).toEqual([]);
  });

  it('een toestemming voor elke partner van een soort dekt elke aanbieder; een verlopen toestemming niets meer', async () => {
    const { persoon } = await inwonerMetCasus();
    const elke = (await regisseur.post<Grondslag>(`/api/v1/personen/${persoon.id}/grondslagen`, toestemming({ partners: [{ soort: 'aanbieder' }] }))).body;
    expect((await regisseur.post(`/api/v1/personen/${persoon.id}/verstrekkingen`, verstrekking(elke.id, { partner: { soort: 'aanbieder', naam: 'Wie dan ook' } }))).status).toBe(201);
    const verlopen = (await regisseur.post<Grondslag>(`/api/v1/personen/${persoon.id}/grondslagen`, toestemming({ datum: '2025-01-01', geldigTot: gisteren }))).body;
    expect(verlopen.status).toBe('verlopen');
    const r = await regisseur.post<ProblemBody>(`/api/v1/personen/${persoon.id}/verstrekkingen`, verstrekking(verlopen.id));
    expect(r.status).toBe(409);
    expect(r.body.detail).toMatch(/gold tot en met/);
  });

  it('een wettelijke taak met wetsartikel is een grondslag zonder toestemming (Veilig Thuis), en kan niet worden ingetrokken', async () => {
    const { persoon } = await inwonerMetCasus();
    const g = await regisseur.post<Grondslag>(`/api/v1/personen/${persoon.id}/grondslagen`, {
      soort: 'wettelijkeTaak', wetsartikel: 'Wmo 2015 art. 5.2.6', datum: nu, partners: [{ soort: 'veiligThuis' }], doelen: ['veiligheid'],
      gegevens: 'Signalen van huiselijk geweld uit het gesprek', toelichting: 'Meldcode stap 5',
    });
    expect(g.status).toBe(201);
    expect(g.body).toMatchObject({ soort: 'wettelijkeTaak', gegevenDoor: null, wetsartikel: 'Wmo 2015 art. 5.2.6', status: 'geldig' });
    const v = await regisseur.post(`/api/v1/personen/${persoon.id}/verstrekkingen`, {
      partner: { soort: 'veiligThuis', naam: 'Veilig Thuis regio' }, doel: 'veiligheid', gegevens: 'Melding', grondslagId: g.body.id,
    });
    expect(v.status).toBe(201);
    const i = await regisseur.post<ProblemBody>(`/api/v1/grondslagen/${g.body.id}/intrekking`, {});
    expect(i.status).toBe(409);
    expect(i.body.code).toBe('grondslag-niet-intrekbaar');
  });

  it('eisGrondslagVoorVerstrekking geeft de grondslag die het delen draagt, of weigert met 409 als er geen is', async () => {
    const { persoon } = await inwonerMetCasus();
    await regisseur.post(`/api/v1/personen/${persoon.id}/grondslagen`, toestemming());
    const gemeente = await t.database.db.selectFrom('personen').select('gemeente_id').where('id', '=', persoon.id).executeTakeFirstOrThrow();
    const actor = { gebruikerId: null, gebruikersnaam: 'keten', gemeenteId: gemeente.gemeente_id, rollen: [], rol: 'systeem', aanbiederId: null };
    const g = await inGemeente(t.database.db, actor.gemeenteId, (tx) =>
      eisGrondslagVoorVerstrekking(tx, actor, { persoonId: persoon.id, partner: { soort: 'aanbieder', naam: 'Zorg Thuis Demodorp' }, doel: 'uitvoeringVoorziening' }));
    expect(g.soort).toBe('toestemming');
    await expect(inGemeente(t.database.db, actor.gemeenteId, (tx) =>
      eisGrondslagVoorVerstrekking(tx, actor, { persoonId: persoon.id, partner: { soort: 'school', naam: 'De Regenboog' }, doel: 'onderwijs' })))
      .rejects.toMatchObject({ code: 'geen-grondslag-voor-verstrekking' });
    const inzage = await inGemeente(t.database.db, actor.gemeenteId, (tx) => delingenVoorInzage(tx, persoon.id));
    expect(inzage.grondslagen.map((x) => x.id)).toEqual([g.id]);
    expect(inzage.verstrekkingen).toEqual([]);
  });
});

describe('onjuiste invoer: een duidelijke 400 en niets vastgelegd', () => {
  it.each([
    ['toestemming zonder wie haar gaf', toestemming({ gegevenDoor: undefined }), 'gegevenDoor.relatie'],
    ['wettelijke taak zonder wetsartikel', toestemming({ soort: 'wettelijkeTaak', gegevenDoor: undefined }), 'wetsartikel'],
    ['vitaal belang zonder toelichting', toestemming({ soort: 'vitaalBelang', gegevenDoor: undefined }), 'toelichting'],
    ['geen partner', toestemming({ partners: [] }), 'partners'],
    ['geen doel', toestemming({ doelen: [] }), 'doelen'],
    ['onbekend doel', toestemming({ doelen: ['reclame'] }), 'doelen.0'],
    ['een datum in de toekomst', toestemming({ datum: morgen }), 'datum'],
    ['geldig tot vóór de datum', toestemming({ datum: nu, geldigTot: gisteren }), 'geldigTot'],
    ['een curator die niet is vastgelegd', toestemming({ gegevenDoor: { relatie: 'curator' } }), 'gegevenDoor.relatie'],
    ['geen gegevens', toestemming({ gegevens: '  ' }), 'gegevens'],
  ])('%s', async (_naam, body, veld) => {
    const { persoon } = await inwonerMetCasus();
    const r = await regisseur.post<ProblemBody>(`/api/v1/personen/${persoon.id}/grondslagen`, body);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('ongeldige-invoer');
    expect(r.body.invalidParams?.map((p) => p.name)).toContain(veld);
    expect((await regisseur.get<Delingen>(`/api/v1/personen/${persoon.id}/delingen`)).body.grondslagen).toEqual([]);
  });

  it('één antwoord noemt alle velden: een wettelijke taak zonder wetsartikel, doel en gegevens', async () => {
    const { persoon } = await inwonerMetCasus();
    const r = await regisseur.post<ProblemBody>(`/api/v1/personen/${persoon.id}/grondslagen`, toestemming({ soort: 'wettelijkeTaak', gegevenDoor: undefined, doelen: [], gegevens: '' }));
    expect(r.status).toBe(400);
    expect(r.body.invalidParams?.map((p) => p.name).sort()).toEqual(['doelen', 'gegevens', 'wetsartikel']);
  });

  it('een kind van 10 geeft niet zelf toestemming: dat doet een ouder met gezag (UAVG art. 5)', async () => {
    const { persoon } = await inwonerMetCasus(regisseur, { geboortedatum: '2016-03-01', voornaam: 'Noor' });
    const r = await regisseur.post<ProblemBody>(`/api/v1/personen/${persoon.id}/grondslagen`, toestemming());
    expect(r.status).toBe(400);
    expect(r.body.invalidParams?.[0]).toMatchObject({ name: 'gegevenDoor.relatie' });
    expect(r.body.invalidParams?.[0]?.reason).toMatch(/jonger dan 16/);
  });

  it('een verstrekking op de grondslag van een ander, of in de toekomst, wordt geweigerd zonder iets vast te leggen', async () => {
    const a = await inwonerMetCasus();
    const b = await inwonerMetCasus();
    const gA = (await regisseur.post<Grondslag>(`/api/v1/personen/${a.persoon.id}/grondslagen`, toestemming())).body;
    const r = await regisseur.post<ProblemBody>(`/api/v1/personen/${b.persoon.id}/verstrekkingen`, verstrekking(gA.id));
    expect(r.status).toBe(400);
    expect(r.body.invalidParams?.[0]?.name).toBe('grondslagId');
    const toekomst = await regisseur.post<ProblemBody>(`/api/v1/personen/${a.persoon.id}/verstrekkingen`, verstrekking(gA.id, { datum: morgen }));
    expect(toekomst.status).toBe(400);
    const geenPartner = await regisseur.post<ProblemBody>(`/api/v1/personen/${a.persoon.id}/verstrekkingen`, verstrekking(gA.id, { partner: { soort: 'aanbieder' } }));
    expect(geenPartner.status).toBe(400);
    expect((await t.database.db.selectFrom('verstrekkingen').select('id').where('persoon_id', 'in', [a.persoon.id, b.persoon.id]).execute())).toEqual([]);
  });
});

describe('need-to-know', () => {
  it('een andere casusregisseur leest en schrijft de delingen van Ruuds inwoner niet (403); de teamleider wel', async () => {
    const { persoon } = await inwonerMetCasus();
    const g = (await regisseur.post<Grondslag>(`/api/v1/personen/${persoon.id}/grondslagen`, toestemming())).body;
    for (const naam of ['regisseur2', 'regisseur3']) {
      const ander = await t.login(naam);
      expect((await ander.get<ProblemBody>(`/api/v1/personen/${persoon.id}/delingen`)).body.code).toBe('geen-toegang-dossier');
      expect((await ander.post(`/api/v1/personen/${persoon.id}/grondslagen`, toestemming())).status).toBe(403);
      expect((await ander.post(`/api/v1/personen/${persoon.id}/verstrekkingen`, verstrekking(g.id))).status).toBe(403);
      expect((await ander.post(`/api/v1/grondslagen/${g.id}/intrekking`, {})).status).toBe(403);
    }
    const tl = await t.login('teamleider');
    expect((await tl.get<Delingen>(`/api/v1/personen/${persoon.id}/delingen`)).body.grondslagen).toHaveLength(1);
    expect((await regisseur.get<Delingen>(`/api/v1/personen/${persoon.id}/delingen`)).body.grondslagen[0]!.status).toBe('geldig');
  });

  it('een andere gemeente ziet de inwoner niet (404) en haar delingen staan niet in het overzicht van Demodorp', async () => {
    const { persoon } = await inwonerMetCasus();
    const g = (await regisseur.post<Grondslag>(`/api/v1/personen/${persoon.id}/grondslagen`, toestemming())).body;
    const tweestad = await t.login('regisseur-tweestad');
    expect((await tweestad.get(`/api/v1/personen/${persoon.id}/delingen`)).status).toBe(404);
    expect((await tweestad.post(`/api/v1/personen/${persoon.id}/grondslagen`, toestemming())).status).toBe(404);
    expect((await tweestad.post(`/api/v1/grondslagen/${g.id}/intrekking`, {})).status).toBe(404);

    const eigen = await inwonerMetCasus(tweestad);
    const gT = (await tweestad.post<Grondslag>(`/api/v1/personen/${eigen.persoon.id}/grondslagen`, toestemming({ partners: [{ soort: 'huisarts', naam: 'Huisarts Tweestad' }], doelen: ['medischeZorg'] }))).body;
    expect((await tweestad.post(`/api/v1/personen/${eigen.persoon.id}/verstrekkingen`, {
      partner: { soort: 'huisarts', naam: 'Huisarts Tweestad' }, doel: 'medischeZorg', gegevens: 'Uitkomst gesprek', grondslagId: gT.id,
    })).status).toBe(201);
    // A Demodorp resident cannot be shared on Tweestad's ground either.
    expect((await regisseur.post(`/api/v1/personen/${persoon.id}/verstrekkingen`, verstrekking(gT.id))).status).toBe(400);
    const privacy = await t.login('privacy');
    const lijst = await privacy.get<{ totaal: number }>('/api/v1/privacy/delingen?partner=Huisarts%20Tweestad');
    expect(lijst.body.totaal).toBe(0);
    const grondslagen = await privacy.get<{ totaal: number }>('/api/v1/privacy/delingen?lijst=grondslagen&partner=Huisarts%20Tweestad');
    expect(grondslagen.body.totaal).toBe(0);
  });
});

describe('het overzicht van de privacy officer', () => {
  it('toont alle verstrekkingen en grondslagen van de gemeente, filtert en pagineert, en legt elke getoonde inwoner vast', async () => {
    const { persoon } = await inwonerMetCasus();
    const partner = `Stichting Overzicht ${Date.now()}`;
    const g = (await regisseur.post<Grondslag>(`/api/v1/personen/${persoon.id}/grondslagen`, toestemming({ partners: [{ soort: 'skt', naam: partner }], doelen: ['afstemmingHulp'] }))).body;
    for (let i = 0; i < 3; i++) {
      expect((await regisseur.post(`/api/v1/personen/${persoon.id}/verstrekkingen`, {
        partner: { soort: 'skt', naam: partner }, doel: 'afstemmingHulp', gegevens: `Casusoverleg ${i + 1}`, grondslagId: g.id,
      })).status).toBe(201);
    }
    await regisseur.post(`/api/v1/grondslagen/${g.id}/intrekking`, {});
    const privacy = await t.login('privacy');
    const p1 = await privacy.get<{ lijst: string; totaal: number; resultaten: { gegevens: string; persoon: { id: string; naam: string }; grondslagIngetrokkenOp: string | null }[] }>(
      `/api/v1/privacy/delingen?partner=${encodeURIComponent(partner.toUpperCase())}&aantal=2`);
    expect(p1.status).toBe(200);
    expect(p1.body).toMatchObject({ lijst: 'verstrekkingen', totaal: 3 });
    expect(p1.body.resultaten.map((r) => r.gegevens)).toEqual(['Casusoverleg 3', 'Casusoverleg 2']);
    expect(p1.body.resultaten[0]).toMatchObject({ persoon: { id: persoon.id, naam: persoon.naam }, grondslagIngetrokkenOp: vandaag() });
    const p2 = await privacy.get<{ resultaten: { gegevens: string }[] }>(`/api/v1/privacy/delingen?partner=${encodeURIComponent(partner)}&aantal=2&pagina=2`);
    expect(p2.body.resultaten.map((r) => r.gegevens)).toEqual(['Casusoverleg 1']);
    expect((await privacy.get<{ totaal: number }>(`/api/v1/privacy/delingen?partner=${encodeURIComponent(partner)}&ingetrokken=nee`)).body.totaal).toBe(0);
    expect((await privacy.get<{ totaal: number }>(`/api/v1/privacy/delingen?partner=${encodeURIComponent(partner)}&soort=wettelijkeTaak`)).body.totaal).toBe(0);
    expect((await privacy.get<{ totaal: number }>(`/api/v1/privacy/delingen?partner=${encodeURIComponent(partner)}&partnerSoort=skt&soort=toestemming&ingetrokken=ja`)).body.totaal).toBe(3);
    const gl = await privacy.get<{ lijst: string; totaal: number; resultaten: { id: string; aantalVerstrekkingen: number; status: string }[] }>(
      `/api/v1/privacy/delingen?lijst=grondslagen&partner=${encodeURIComponent(partner)}`);
    expect(gl.body).toMatchObject({ lijst: 'grondslagen', totaal: 1, resultaten: [{ id: g.id, aantalVerstrekkingen: 3, status: 'ingetrokken' }] });
    expect((await privacy.get<{ totaal: number }>('/api/v1/privacy/delingen?lijst=grondslagen&partnerSoort=skt&ingetrokken=ja')).body.totaal).toBeGreaterThanOrEqual(1);
    const audit = await t.database.db.selectFrom('auditlog').select(['gebruikersnaam', 'doel']).where('persoon_id', '=', persoon.id).where('rol', '=', 'privacy').execute();
    expect(audit.length).toBeGreaterThanOrEqual(5);
    expect(audit.every((a) => a.gebruikersnaam === 'privacy' && a.doel === 'privacytoezicht: overzicht delingen')).toBe(true);
  });

  it('een onbekend filter is een 400, en een casusregisseur mag het overzicht niet zien (403)', async () => {
    const privacy = await t.login('privacy');
    expect((await privacy.get<ProblemBody>('/api/v1/privacy/delingen?soort=gerechtvaardigdBelang')).status).toBe(400);
    expect((await privacy.get<ProblemBody>('/api/v1/privacy/delingen?ingetrokken=misschien')).status).toBe(400);
    expect((await regisseur.get('/api/v1/privacy/delingen')).status).toBe(403);
  });
});
