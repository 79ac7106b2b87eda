import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nieuwBsn, startTestApp, voorbeeldMelding, type Client, type TestApp } from '../../testing/harness.ts';
import { NAMEN } from './rules.ts';

let t: TestApp;
let frontoffice: Client;
let regisseur: Client;
let teamleider: Client;
let beslisser: Client;

interface Resultaat { soort: string; id: string; titel: string; omschrijving: string; url: string }
interface Zoekuitkomst { resultaten: Resultaat[]; gezochtOp: string; toelichting: string | null }
interface Melding { id: string; nummer: string; persoon: { id: string }; casus?: { id: string; nummer: string } | null }
interface ProblemBody { status: number; code: string; detail: string; invalidParams?: { name: string; reason: string }[] }

const zoek = (c: Client, q: string) => c.get<Zoekuitkomst>(`/api/v1/zoeken?q=${encodeURIComponent(q)}`);
const ids = (r: { body: Zoekuitkomst }) => r.body.resultaten.map((x) => x.id);
const tel = async (tabel: 'auditlog') => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(tabel)}`.execute(t.database.db)).rows[0]!.n);

// Residents of this test, with names no demo resident has.
const pieter = { bsn: nieuwBsn(), voornaam: 'Pieter', achternaam: 'Janssen', geboortedatum: '1956-03-12' };
const jan = { bsn: nieuwBsn(), voornaam: 'Jan', tussenvoegsel: 'de', achternaam: 'Vries', geboortedatum: '1948-07-01' };
const zelda = { bsn: nieuwBsn(), voornaam: 'Zelda', achternaam: 'Wijnbergen', geboortedatum: '1990-10-20' };
let pieterMelding: Melding;
let janMelding: Melding;

beforeAll(async () => {
  t = await startTestApp();
  frontoffice = await t.login('frontoffice');
  regisseur = await t.login('regisseur');
  teamleider = await t.login('teamleider');
  beslisser = await t.login('beslisser');
  pieterMelding = (await frontoffice.post<Melding>('/api/v1/meldingen', voorbeeldMelding({ persoon: pieter }))).body;
  janMelding = (await frontoffice.post<Melding>('/api/v1/meldingen', voorbeeldMelding({ persoon: jan, wet: 'schuldhulp' }))).body;
  await frontoffice.post('/api/v1/meldingen', voorbeeldMelding({ persoon: zelda, wet: 'jeugdwet' }));
});
afterAll(async () => t?.close());

describe('een inwoner zoeken', () => {
  it('op BSN: precies die inwoner, met naam, geboortedatum en een link naar het dossier', async () => {
    const r = await zoek(regisseur, pieter.bsn);
    expect(r.status).toBe(200);
    expect(r.body.gezochtOp).toBe('BSN');
    expect(r.body.resultaten).toEqual([{
      soort: 'persoon', id: pieterMelding.persoon.id, titel: 'Pieter Janssen', omschrijving: expect.stringContaining('Geboren 12 maart 1956'),
      url: `/meldingen/${pieterMelding.id}`,
    }]);
  });

  it('op BSN met spaties', async () => {
    const b = pieter.bsn;
    expect(ids(await zoek(teamleider, `${b.slice(0, 4)} ${b.slice(4, 6)} ${b.slice(6)}`))).toEqual([pieterMelding.persoon.id]);
  });

  it('op naam met een typefout en de geboortedatum, hoe die ook geschreven is', async () => {
    for (const q of ['Jansen 12-03-1956', 'Pieter Jansen 12 maart 1956', 'jamsen 1956-03-12', 'Janssen 12/3/1956', 'Pieter Janzen 12 mrt 1956', 'pieter janssne 12031956']) {
      const r = await zoek(regisseur, q);
      expect(r.status, q).toBe(200);
      expect(ids(r), q).toContain(pieterMelding.persoon.id);
      expect(r.body.resultaten[0]!.id, q).toBe(pieterMelding.persoon.id);
    }
  });

  it('met of zonder tussenvoegsel', async () => {
    // The teamleider: Jan's melding waits for triage, so the intake sees him (a beslisser would not: need-to-know).
    for (const q of ['de Vries 01-07-1948', 'Vries 1-7-1948', 'Jan Vries 1 juli 1948', 'Jan de Vries 1948-07-01', 'vires 1-7-1948', 'Vries, de 1 jul 1948']) {
      const r = await zoek(teamleider, q);
      expect(ids(r), q).toContain(janMelding.persoon.id);
    }
  });

  it('een andere naam op dezelfde geboortedatum is geen treffer', async () => {
    expect(ids(await zoek(regisseur, 'Bakker 12-03-1956'))).not.toContain(pieterMelding.persoon.id);
  });

  it('op naam alleen, ook met een letter fout', async () => {
    expect(ids(await zoek(regisseur, 'Wijnbergen'))).toContain((await zoek(regisseur, zelda.bsn)).body.resultaten[0]!.id);
    expect(ids(await zoek(regisseur, 'Wijnberge'))).toHaveLength(1);
  });

  it('een inwoner zonder open melding of casus is van niemand het dossier: zoeken vindt hem niet, de pagina geeft 403 (need-to-know)', async () => {
    const g = await t.database.db.selectFrom('gemeenten').select('id').where('code', '=', 'demodorp').executeTakeFirstOrThrow();
    const hh = await t.database.db.insertInto('huishoudens').values({ gemeente_id: g.id }).returning('id').executeTakeFirstOrThrow();
    const bsn = nieuwBsn();
    const p = await t.database.db.insertInto('personen').values({
      gemeente_id: g.id, bsn, voornaam: 'Dossierloze', tussenvoegsel: null, achternaam: 'Inwoonster', geboortedatum: '1977-04-04', huishouden_id: hh.id,
      straat: 'Dorpsstraat', huisnummer: '1', postcode: '1234 AB', woonplaats: 'Demodorp',
    }).returning('id').executeTakeFirstOrThrow();
    // The intake ground holds only while a melding is open (security review of issue 11): without
    // one, registering a melding (POST /meldingen) is the way in, not browsing the register.
    const r = await zoek(teamleider, bsn);
    expect(r.body.resultaten).toEqual([]);
    const kaart = await teamleider.get<{ code: string }>(`/api/v1/zoeken/personen/${p.id}`);
    expect(kaart.status).toBe(403);
    expect(kaart.body.code).toBe('geen-toegang-dossier');
    expect((await frontoffice.get(`/api/v1/zoeken/personen/${p.id}`)).status).toBe(403);
    const audit = await t.database.db.selectFrom('auditlog').select(['actie', 'doel']).where('persoon_id', '=', p.id).orderBy('id').execute();
    expect(audit).toEqual([]);
  });

  it('een gevonden inwoner is een inzage: de audittrail legt hem vast, in dezelfde transactie', async () => {
    const voor = await t.database.db.selectFrom('auditlog').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('persoon_id', '=', pieterMelding.persoon.id).where('doel', '=', 'zoeken').executeTakeFirstOrThrow();
    await zoek(regisseur, pieter.bsn);
    const regels = await t.database.db.selectFrom('auditlog').selectAll().where('persoon_id', '=', pieterMelding.persoon.id).where('doel', '=', 'zoeken')
      .orderBy('id', 'desc').execute();
    expect(regels.length).toBe(Number(voor.n) + 1);
    expect(regels[0]).toMatchObject({ actie: 'lezen', resource_type: 'persoon', resource_id: pieterMelding.persoon.id, gebruikersnaam: 'regisseur', rol: 'regisseur' });
  });
});

describe('een melding, casus, aanvraag of beschikking op nummer', () => {
  it('een melding op haar nummer, ook in kleine letters en zonder voorloopnullen', async () => {
    const [, jaar, volg] = pieterMelding.nummer.split('-');
    for (const q of [pieterMelding.nummer, pieterMelding.nummer.toLowerCase(), `m-${jaar}-${Number(volg)}`]) {
      const r = await zoek(regisseur, q);
      expect(r.body.resultaten, q).toEqual([expect.objectContaining({
        soort: 'melding', id: pieterMelding.id, titel: `Melding ${pieterMelding.nummer}`, url: `/meldingen/${pieterMelding.id}`,
        omschrijving: expect.stringContaining('Pieter Janssen'),
      })]);
    }
  });

  it('een casus op haar nummer, met het huishouden en de casusregisseur', async () => {
    const m = await frontoffice.post<Melding>('/api/v1/meldingen', voorbeeldMelding());
    const triage = await regisseur.post<{ casus: { id: string } }>(`/api/v1/meldingen/${m.body.id}/triage`, { uitkomst: 'onderzoek' });
    const casus = await t.database.db.selectFrom('casussen').select(['id', 'nummer']).where('id', '=', triage.body.casus.id).executeTakeFirstOrThrow();
    const r = await zoek(teamleider, casus.nummer);
    expect(r.body.resultaten).toEqual([{
      soort: 'casus', id: casus.id, titel: `Casus ${casus.nummer}`, url: `/casussen/${casus.id}`,
      omschrijving: 'Huishouden van Johanna van Dijk · open · casusregisseur Ruud Regisseur',
    }]);
  });

  it('een aanvraag en een beschikking op hun nummer (beslisser)', async () => {
    const b = await sql<{ id: string; nummer: string; aanvraag_id: string; aanvraag_nummer: string }>`
      select b.id, b.nummer, a.id as aanvraag_id, a.nummer as aanvraag_nummer
      from beschikkingen b join aanvragen a on a.id = b.aanvraag_id join gemeenten g on g.id = b.gemeente_id
      where g.code = 'demodorp' order by b.nummer limit 1`.execute(t.database.db);
    const rij = b.rows[0]!;
    expect((await zoek(beslisser, rij.nummer)).body.resultaten).toEqual([expect.objectContaining({ soort: 'beschikking', id: rij.id, url: `/beschikkingen/${rij.id}` })]);
    expect((await zoek(beslisser, rij.aanvraag_nummer)).body.resultaten).toEqual([expect.objectContaining({ soort: 'aanvraag', id: rij.aanvraag_id, url: `/aanvragen/${rij.aanvraag_id}` })]);
  });

  it('een casusregisseur vindt aanvragen alleen van de casussen die hij regisseert', async () => {
    const rijen = await sql<{ nummer: string; gebruikersnaam: string | null }>`
      select a.nummer, g.gebruikersnaam from aanvragen a join casussen c on c.id = a.casus_id left join gebruikers g on g.id = c.regisseur_id
      join gemeenten gm on gm.id = a.gemeente_id where gm.code = 'demodorp'`.execute(t.database.db);
    const vanAnder = rijen.rows.find((r) => r.gebruikersnaam !== 'regisseur')!;
    expect((await zoek(regisseur, vanAnder.nummer)).body.resultaten).toEqual([]);
    expect((await zoek(teamleider, vanAnder.nummer)).body.resultaten).toHaveLength(1);
    const eigen = rijen.rows.find((r) => r.gebruikersnaam === 'regisseur');
    if (eigen) expect((await zoek(regisseur, eigen.nummer)).body.resultaten).toHaveLength(1);
  });

  it('een nummer dat niet bestaat: geen resultaten, geen fout', async () => {
    const r = await zoek(regisseur, 'M-1999-999999');
    expect(r.status).toBe(200);
    expect(r.body.resultaten).toEqual([]);
  });
});

describe('de frontoffice (KCC) aan de telefoon', () => {
  it('vindt een online melding op het referentienummer dat de inwoner kreeg, en ziet stand en behandelaar zonder de inhoud', async () => {
    const online = await t.anonymous().post<{ referentie: string }>('/api/v1/publiek/gemeenten/demodorp/meldingen', {
      persoon: { bsn: nieuwBsn(), voornaam: 'Olga', achternaam: 'Onlinestra', geboortedatum: '1970-02-03' },
      onderwerp: 'wmo', omschrijving: 'Ik kan de trap niet meer op en heb hulp nodig in huis.', contact: { telefoon: '0612345678' },
    });
    expect(online.status).toBe(201);
    const r = await zoek(frontoffice, online.body.referentie.toLowerCase());
    expect(r.body.resultaten).toHaveLength(1);
    const hit = r.body.resultaten[0]!;
    // The resident's random reference (EV-…) finds the melding; staff see its own number.
    const { nummer } = await t.database.db.selectFrom('meldingen').select('nummer').where('publieke_referentie', '=', online.body.referentie).executeTakeFirstOrThrow();
    expect(hit).toMatchObject({ soort: 'melding', titel: `Melding ${nummer}`, url: `/zoeken/meldingen/${hit.id}` });
    expect(hit.omschrijving).not.toContain('Onlinestra');

    // A casusregisseur takes it on: the KCC sees who handles it.
    await regisseur.post(`/api/v1/meldingen/${hit.id}/triage`, { uitkomst: 'onderzoek' });
    const stand = await frontoffice.get<Record<string, unknown>>(`/api/v1/zoeken/meldingen/${hit.id}`);
    expect(stand.status).toBe(200);
    expect(stand.body).toMatchObject({
      nummer, wetNaam: 'Wmo 2015', status: 'inOnderzoek', statusNaam: 'In onderzoek', kanaalNaam: 'Online formulier',
      inwoner: { naam: 'Olga Onlinestra', geboortedatum: '1970-02-03' },
      behandeling: { casusregisseur: 'Ruud Regisseur', team: 'Wijkteam Demodorp', casusNummer: expect.stringMatching(/^C-\d{4}-\d{6}$/) },
    });
    const tekst = JSON.stringify(stand.body);
    expect(tekst).not.toContain('trap');
    expect(tekst).not.toContain('0612345678');
    expect(stand.body).not.toHaveProperty('omschrijving');
    expect(stand.body).not.toHaveProperty('bsn');
    const audit = await t.database.db.selectFrom('auditlog').selectAll().where('resource_id', '=', hit.id).where('gebruikersnaam', '=', 'frontoffice')
      .orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actie: 'lezen', resource_type: 'melding', doel: 'stand van een melding (KCC)' });
  });

  it('zoekt geen inwoners: op BSN of naam geen resultaten maar uitleg, en niets in de audittrail', async () => {
    const voor = await tel('auditlog');
    const r = await zoek(frontoffice, pieter.bsn);
    expect(r.status).toBe(200);
    expect(r.body.resultaten).toEqual([]);
    expect(r.body.toelichting).toMatch(/melding op haar nummer/);
    expect(await tel('auditlog')).toBe(voor);
    expect((await zoek(frontoffice, 'Janssen 12-03-1956')).body.resultaten).toEqual([]);
  });

  it('een onbekende melding → 404', async () => {
    const r = await frontoffice.get<ProblemBody>('/api/v1/zoeken/meldingen/00000000-0000-4000-8000-000000000000');
    expect(r.status).toBe(404);
  });
});

describe('alleen wat de gebruiker mag zien', () => {
  it('een inwoner, melding of casus van een andere gemeente bestaat niet, ook niet op BSN, naam of nummer', async () => {
    const tweestad = await t.login('regisseur-tweestad');
    const ander = { bsn: nieuwBsn(), voornaam: 'Teun', achternaam: 'Tweestedeling', geboortedatum: '1961-06-06' };
    const m = await tweestad.post<Melding>('/api/v1/meldingen', voorbeeldMelding({ persoon: ander }));
    expect(m.status).toBe(201);
    expect((await zoek(tweestad, ander.bsn)).body.resultaten).toHaveLength(1);
    expect((await zoek(tweestad, m.body.nummer)).body.resultaten).toHaveLength(1);
    for (const q of [ander.bsn, 'Tweestedeling 6-6-1961', 'Tweestedeling']) {
      expect((await zoek(teamleider, q)).body.resultaten, q).toEqual([]);
    }
    // Numbers run per gemeente: Demodorp may have its own melding with this number, never Tweestad's.
    expect(ids(await zoek(teamleider, m.body.nummer))).not.toContain(m.body.id);
    // And the other way round: Demodorp's resident is not Tweestad's.
    expect((await zoek(tweestad, pieter.bsn)).body.resultaten).toEqual([]);
    const stand = await tweestad.get<ProblemBody>(`/api/v1/zoeken/meldingen/${pieterMelding.id}`);
    expect(stand.status).toBe(404);
  });

  it('beleid, inkoper, subsidie, beheer en privacy zoeken niet in dossiers: 403', async () => {
    for (const naam of ['beleid', 'inkoper', 'subsidie', 'beheer', 'privacy']) {
      const c = await t.login(naam);
      const r = await c.get<ProblemBody>(`/api/v1/zoeken?q=${pieter.bsn}`);
      expect(r.status, naam).toBe(403);
      expect(r.body.code).toBe('geen-toegang');
    }
  });

  it('elke rol × elk zoekendpoint: de gegeven rollen → 200, de andere → 403 (de rollentabel, voor zoeken alleen)', async () => {
    const paden: [string, string[]][] = [
      [`/api/v1/zoeken?q=${encodeURIComponent(pieterMelding.nummer)}`, ['frontoffice', 'regisseur', 'teamleider', 'beslisser']],
      [`/api/v1/zoeken/meldingen/${pieterMelding.id}`, ['frontoffice', 'regisseur', 'teamleider', 'beslisser']],
      [`/api/v1/zoeken/personen/${pieterMelding.persoon.id}`, ['regisseur', 'teamleider', 'beslisser']],
    ];
    // Pieter's melding waits for triage: a beslisser's role may search, but his file is outside the
    // beslisser's circle until an aanvraag is with the beslissers (need-to-know, src/contexts/privacy).
    const buitenKring = new Set([`/api/v1/zoeken/meldingen/${pieterMelding.id} beslisser`, `/api/v1/zoeken/personen/${pieterMelding.persoon.id} beslisser`]);
    const uitkomsten: string[] = [];
    for (const rol of ['frontoffice', 'regisseur', 'teamleider', 'beslisser', 'inkoper', 'subsidie', 'beleid', 'beheer', 'privacy']) {
      const c = await t.login(rol);
      for (const [pad, rollen] of paden) {
        const r = await c.get<ProblemBody>(pad);
        const status = r.status === 403 ? `403 ${r.body.code}` : String(r.status);
        const verwacht = !rollen.includes(rol) ? '403 geen-toegang' : buitenKring.has(`${pad} ${rol}`) ? '403 geen-toegang-dossier' : '200';
        if (status !== verwacht) uitkomsten.push(`${pad} als ${rol}: ${status}, verwacht ${verwacht}`);
      }
    }
    expect(uitkomsten).toEqual([]);
  });

  it('zonder sessie: 401', async () => {
    expect((await t.anonymous().get(`/api/v1/zoeken?q=${pieter.bsn}`)).status).toBe(401);
  });
});

describe('onbruikbare invoer → 400 met uitleg, en niets vastgelegd', () => {
  it.each([
    ['leeg', ''],
    ['alleen spaties', '   '],
    ['één teken', 'J'],
    ['300 tekens', 'a'.repeat(300)],
    ['een BSN dat niet door de elfproef komt', '123456789'],
    ['een datum die niet bestaat', 'Janssen 31-02-1956'],
    ['cijfers die niets zijn', '12345'],
  ])('%s', async (_naam, q) => {
    const voor = await tel('auditlog');
    const r = await zoek(regisseur, q);
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/problem\+json/);
    const body = r.body as unknown as ProblemBody;
    expect(body.code).toBe('ongeldige-invoer');
    expect(body.invalidParams?.[0]?.name).toBe('q');
    expect(body.invalidParams?.[0]?.reason.length).toBeGreaterThan(10);
    expect(await tel('auditlog')).toBe(voor);
  });

  it('zonder q', async () => {
    const r = await regisseur.get<ProblemBody>('/api/v1/zoeken');
    expect(r.status).toBe(400);
    expect(r.body.invalidParams?.[0]).toMatchObject({ name: 'q' });
  });
});

describe('de namen die zoeken toont', () => {
  it('zijn dezelfde als die van de contexten zelf (GET /waardelijsten)', async () => {
    const w = (await t.anonymous().get<Record<string, { code: string; naam: string }[]>>('/api/v1/waardelijsten')).body;
    const alsObject = (lijst: { code: string; naam: string }[]) => Object.fromEntries(lijst.map((x) => [x.code, x.naam]));
    expect(NAMEN.wet).toEqual(alsObject(w.wetten!));
    expect(NAMEN.meldingStatus).toEqual(alsObject(w.meldingStatussen!));
    expect(NAMEN.kanaal).toEqual(alsObject(w.kanalen!));
    expect(NAMEN.aanvraagStatus).toEqual(alsObject(w.aanvraagStatussen!));
  });
});
