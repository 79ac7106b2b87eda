/**
 * Need-to-know on every read (issue 11, ADR 25): one household's complete file — melding, casus,
 * gesprek and verslag, plan, aanvraag, beschikking and its letter, bezwaar and its letter — read
 * through every read route by every relation to the household. Inside the circle: 200 (or the
 * household in the list); outside it: 403 `geen-toegang-dossier` (or absent from the list); a role
 * the route does not serve: 403 `geen-toegang`. A new read route without a row here fails the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../../app.ts';
import { addDays, format, parseISO } from 'date-fns';
import { vandaag } from '../../platform/time.ts';
import { startTestApp, voorbeeldMelding, type Client, type Response, type TestApp } from '../../testing/harness.ts';
import { schrijfVerzoekWijziging } from '../berichten/index.ts';

let t: TestApp;
const vandaagNL = vandaag();
interface ProblemBody { code: string; detail: string }

/** The household's file, built through the API by the people who work on it. */
interface Dossier {
  persoonId: string; bsn: string; huishoudenId: string; meldingId: string; meldingNummer: string; casusId: string; casusNummer: string;
  gesprekId: string; aanvraagId: string; aanvraagNummer: string; beschikkingId: string; beschikkingNummer: string; bezwaarId: string; tweedeItemId: string;
  voorzieningId: string; briefId: string; berichtId: string; verzoekId: string; aanbiederId: string;
}
let d: Dossier;
const c: Record<string, Client> = {};
const ids: Record<string, string> = {};

async function ok<T>(r: Promise<Response<T>>, status = 200): Promise<T> {
  const x = await r;
  expect(x.status, JSON.stringify(x.body).slice(0, 300)).toBe(status);
  return x.body;
}

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['frontoffice', 'regisseur', 'regisseur2', 'regisseur3', 'teamleider', 'teamleider2', 'beslisser', 'beslisser2', 'jurist', 'beleid', 'privacy', 'archivaris', 'aanbieder']) {
    c[u] = await t.login(u);
  }
  for (const g of await t.database.db.selectFrom('gebruikers').select(['id', 'gebruikersnaam']).execute()) ids[g.gebruikersnaam] = g.id;
  const { frontoffice: fo, regisseur: rg, beslisser: b1, beslisser2: b2, jurist, teamleider: tl } = c as Record<string, Client>;

  // The frontoffice registers; Ruud (Wijkteam Demodorp) takes the casus at triage.
  const m = await ok(fo!.post<{ id: string; nummer: string; persoon: { id: string; bsn: string }; huishoudenId: string }>('/api/v1/meldingen', voorbeeldMelding({ ontvangenOp: vandaagNL })), 201);
  const casus = (await ok(rg!.post<{ casus: { id: string; nummer: string } }>(`/api/v1/meldingen/${m.id}/triage`, { uitkomst: 'onderzoek' }))).casus;
  const gesprek = await ok(rg!.post<{ id: string }>(`/api/v1/casussen/${casus.id}/gesprekken`, {
    datum: vandaagNL, plek: 'thuis', deelnemers: [{ rol: 'inwoner', naam: 'Johanna van Dijk' }], scores: [{ domein: 'financien', score: 2 }],
  }), 201);
  const doel = await ok(rg!.post<{ id: string }>(`/api/v1/casussen/${casus.id}/plan/doelen`, {
    leefgebied: 'praktischFunctioneren', omschrijving: 'Schoon huis', meetbaarResultaat: 'Wekelijks schoon', streefdatum: '2027-06-01',
  }), 201);
  // Hulp bij het huishouden first: contracted per hour, so the decision below needs no resultaat profile.
  const wmo = (await ok(rg!.get<{ id: string; naam: string }[]>('/api/v1/catalogus?domein=wmo&trede=4')))
    .sort((a, b) => Number(/huishouden/i.test(b.naam)) - Number(/huishouden/i.test(a.naam)));
  const item = async (i: number) => (await ok(rg!.post<{ id: string }>(`/api/v1/casussen/${casus.id}/plan/arrangement`, {
    doelId: doel.id, trede: 4, catalogusItemId: wmo[i]!.id, motivering: 'Nodig.',
  }), 201)).id;
  const item1 = await item(0);
  const item2 = await item(1);
  // A sent decision: checked and assessed by Bente, decided and sent by Bas.
  const a = await ok(rg!.post<{ id: string; nummer: string }>('/api/v1/aanvragen', { casusId: casus.id, arrangementItemIds: [item1], ontvangenOp: vandaagNL }), 201);
  await ok(b2!.post(`/api/v1/aanvragen/${a.id}/toets`, {}));
  await ok(b2!.post(`/api/v1/aanvragen/${a.id}/beoordeling`, {}));
  const besluit = await ok(b1!.post<{ beschikkingId: string }>(`/api/v1/aanvragen/${a.id}/besluit`, {
    producten: [{ arrangementItemId: item1, uitkomst: 'toegekend', omvang: 2, ingangsdatum: vandaagNL, leveringsvorm: 'zin' }], motivering: 'Passend.',
  }));
  await ok(b1!.post(`/api/v1/aanvragen/${a.id}/verzending`, {}));
  const beschikking = await ok(rg!.get<{ nummer: string }>(`/api/v1/beschikkingen/${besluit.beschikkingId}`));
  // The sent decision became a voorziening; Ruud assigns a contracted provider and the letter follows through the outbox.
  const voorziening = (await ok(rg!.get<{ items: { id: string }[] }>(`/api/v1/voorzieningen?casusId=${casus.id}`))).items[0]!;
  // The provider of the demo user 'aanbieder' (Thuiszorg De Heide, no capacity limit): its staff are refused all the same (ADR 38).
  const eigenAanbieder = (await t.database.db.selectFrom('gebruikers').select('aanbieder_id').where('gebruikersnaam', '=', 'aanbieder').executeTakeFirstOrThrow()).aanbieder_id;
  const kandidaten = (await ok(rg!.get<{ items: { aanbiederId: string; vrij: number | null }[] }>(`/api/v1/voorzieningen/${voorziening.id}/kandidaten`)))
    .items.filter((k) => k.vrij === null || k.vrij > 0);
  const kandidaat = kandidaten.find((k) => k.aanbiederId === eigenAanbieder)!;
  expect(kandidaat, 'Thuiszorg De Heide is gecontracteerd voor hulp bij het huishouden').toBeDefined();
  await ok(rg!.post(`/api/v1/voorzieningen/${voorziening.id}/aanbieder`, { aanbiederId: kandidaat.aanbiederId }));
  await t.app.opdrachten.verwerk();
  // The outbox also sent the toewijzing (301) to that provider.
  const bericht = (await ok(rg!.get<{ items: { id: string; soort: string }[] }>(`/api/v1/voorzieningen/${voorziening.id}/berichten`))).items.find((b) => b.soort === '301')!;
  expect(bericht, 'de toewijzing (301) is verstuurd').toBeDefined();
  const brief = (await ok(rg!.get<{ brieven: { id: string }[] }>(`/api/v1/voorzieningen/${voorziening.id}`))).brieven[0]!;
  // A bezwaar, decided by the jurist (who took no part in the decision): its letter exists, it is closed.
  const z = await tl!.post(`/api/v1/beschikkingen/${besluit.beschikkingId}/bezwaren`, { ontvangenOp: vandaagNL, omschrijving: 'Te weinig uren' });
  expect(z.status).toBe(201);
  const bezwaarId = z.headers.get('location')!.split('/').at(-1)!;
  await ok(jurist!.post(`/api/v1/bezwaren/${bezwaarId}/hoorzitting`, { status: 'afgezien', reden: 'De indiener ziet af van horen.' }));
  await ok(jurist!.post(`/api/v1/bezwaren/${bezwaarId}/beslissing`, { uitkomst: 'ongegrond', motivering: 'Passend.' }));
  // The provider asks for a change of that toewijzing (317): a verzoek in the regisseur's work list.
  const xml301 = (await c.aanbieder!.get<string>(`/api/v1/berichten/${bericht.id}/xml`)).body;
  const nummer = Number(/ToewijzingNummer>(\d+)</.exec(xml301)![1]);
  const verzoekXml = schrijfVerzoekWijziging('iwmo', { afzender: '98012345', ontvanger: '9001', identificatie: `TG${String(Date.now()).slice(-9)}`, dagtekening: vandaagNL }, m.persoon.bsn, {
    referentie: `TG-${Date.now()}`, redenVerzoek: '1', ongewijzigd: [],
    teWijzigen: [{ toewijzingNummer: nummer, gewensteIngangsdatum: format(addDays(parseISO(vandaagNL), 7), 'yyyy-MM-dd'), einddatum: format(addDays(parseISO(vandaagNL), 120), 'yyyy-MM-dd'), omvang: { volume: 3, eenheid: '04', frequentie: '2' }, budget: null }], nieuw: [],
  });
  const verzoek = await ok(c.aanbieder!.post<{ id: string; status: string }>('/api/v1/berichten', undefined, { raw: verzoekXml, headers: { 'content-type': 'application/xml' } }), 201);
  expect(verzoek.status, JSON.stringify(verzoek)).toBe('verwerkt');
  const verzoekId = (await t.database.db.selectFrom('verzoeken').select('id').where('bericht_id', '=', verzoek.id).executeTakeFirstOrThrow()).id;
  d = {
    verzoekId,
    persoonId: m.persoon.id, bsn: m.persoon.bsn, huishoudenId: m.huishoudenId, meldingId: m.id, meldingNummer: m.nummer, casusId: casus.id, casusNummer: casus.nummer,
    gesprekId: gesprek.id, aanvraagId: a.id, aanvraagNummer: a.nummer, beschikkingId: besluit.beschikkingId, beschikkingNummer: beschikking.nummer, bezwaarId,
    tweedeItemId: item2, voorzieningId: voorziening.id, briefId: brief.id, berichtId: bericht.id, aanbiederId: kandidaat.aanbiederId,
  };
}, 300_000);
afterAll(async () => t?.close());

/** A read of one file (`dossier`), or a list in which the household appears or not (`lijst`). */
type Lees =
  | { soort: 'dossier'; pad: () => string }
  | { soort: 'lijst'; pad: () => string; bevat: (body: unknown) => boolean };

const resultaten = (b: unknown) => (b as { resultaten: { id: string }[] }).resultaten;

/** Every read route that shows (part of) a household's file, or a list of them. */
const leesRoutes: Record<string, Lees> = {
  'GET /personen/{id}': { soort: 'dossier', pad: () => `/api/v1/personen/${d.persoonId}` },
  'GET /huishoudens/{id}': { soort: 'dossier', pad: () => `/api/v1/huishoudens/${d.huishoudenId}` },
  'GET /meldingen/{id}': { soort: 'dossier', pad: () => `/api/v1/meldingen/${d.meldingId}` },
  'GET /casussen/{id}': { soort: 'dossier', pad: () => `/api/v1/casussen/${d.casusId}` },
  'GET /casussen/{id}/overzicht': { soort: 'dossier', pad: () => `/api/v1/casussen/${d.casusId}/overzicht` },
  'GET /casussen/{id}/gesprekken': { soort: 'dossier', pad: () => `/api/v1/casussen/${d.casusId}/gesprekken` },
  'GET /casussen/{id}/scores': { soort: 'dossier', pad: () => `/api/v1/casussen/${d.casusId}/scores` },
  'GET /casussen/{id}/plan': { soort: 'dossier', pad: () => `/api/v1/casussen/${d.casusId}/plan` },
  'GET /gesprekken/{id}': { soort: 'dossier', pad: () => `/api/v1/gesprekken/${d.gesprekId}` },
  'GET /gesprekken/{id}/verslag.pdf': { soort: 'dossier', pad: () => `/api/v1/gesprekken/${d.gesprekId}/verslag.pdf` },
  'GET /aanvragen/{id}': { soort: 'dossier', pad: () => `/api/v1/aanvragen/${d.aanvraagId}` },
  'GET /beschikkingen/{id}': { soort: 'dossier', pad: () => `/api/v1/beschikkingen/${d.beschikkingId}` },
  'GET /beschikkingen/{id}/brief.pdf': { soort: 'dossier', pad: () => `/api/v1/beschikkingen/${d.beschikkingId}/brief.pdf` },
  'GET /bezwaren/{id}': { soort: 'dossier', pad: () => `/api/v1/bezwaren/${d.bezwaarId}` },
  'GET /bezwaren/{id}/brief': { soort: 'dossier', pad: () => `/api/v1/bezwaren/${d.bezwaarId}/brief` },
  'GET /zoeken/personen/{id}': { soort: 'dossier', pad: () => `/api/v1/zoeken/personen/${d.persoonId}` },
  'GET /zoeken/meldingen/{id}': { soort: 'dossier', pad: () => `/api/v1/zoeken/meldingen/${d.meldingId}` },
  'GET /personen/{id}/delingen': { soort: 'dossier', pad: () => `/api/v1/personen/${d.persoonId}/delingen` },
  'GET /voorzieningen': { soort: 'dossier', pad: () => `/api/v1/voorzieningen?casusId=${d.casusId}` },
  'GET /voorzieningen/{id}': { soort: 'dossier', pad: () => `/api/v1/voorzieningen/${d.voorzieningId}` },
  'GET /voorzieningen/{id}/kandidaten': { soort: 'dossier', pad: () => `/api/v1/voorzieningen/${d.voorzieningId}/kandidaten` },
  'GET /voorzieningen/{id}/brieven/{briefId}.pdf': { soort: 'dossier', pad: () => `/api/v1/voorzieningen/${d.voorzieningId}/brieven/${d.briefId}.pdf` },
  'GET /voorzieningen/{id}/berichten': { soort: 'dossier', pad: () => `/api/v1/voorzieningen/${d.voorzieningId}/berichten` },
  'GET /berichten/{id}/xml': { soort: 'dossier', pad: () => `/api/v1/berichten/${d.berichtId}/xml` },
  'GET /verzoeken/{id}': { soort: 'dossier', pad: () => `/api/v1/verzoeken/${d.verzoekId}` },
  'GET /verzoeken': { soort: 'lijst', pad: () => '/api/v1/verzoeken?aantal=200', bevat: (b) => (b as { items: { id: string }[] }).items.some((x) => x.id === d.verzoekId) },
  'GET /meldingen': {
    soort: 'lijst', pad: () => '/api/v1/meldingen?toegewezen=iedereen&aantal=200', bevat: (b) => resultaten(b).some((x) => x.id === d.meldingId),
  },
  'GET /termijnen': {
    soort: 'lijst', pad: () => '/api/v1/termijnen?aantal=200',
    bevat: (b) => (b as { resultaten: { persoon: { id: string } }[] }).resultaten.some((x) => x.persoon.id === d.persoonId),
  },
  'GET /aanvragen': { soort: 'lijst', pad: () => '/api/v1/aanvragen?aantal=200', bevat: (b) => resultaten(b).some((x) => x.id === d.aanvraagId) },
  'GET /bezwaren': { soort: 'lijst', pad: () => '/api/v1/bezwaren?aantal=200', bevat: (b) => resultaten(b).some((x) => x.id === d.bezwaarId) },
  'GET /zoeken': {
    soort: 'lijst', pad: () => `/api/v1/zoeken?q=${d.bsn}`, bevat: (b) => (b as { resultaten: unknown[] }).resultaten.length > 0,
  },
  'GET /kpis/{id}/onderliggend': {
    soort: 'lijst', pad: () => `/api/v1/kpis/aandeel-meldingen-naar-maatwerk/onderliggend?van=${vandaagNL}&tot=${vandaagNL}`,
    bevat: (b) => ((b as { rijen?: { ref?: string }[] }).rijen ?? []).some((r) => r.ref === d.meldingNummer),
  },
  // Contract management's drill-down: names only for the teamleider whose team has the household; inkoper and beleid get counts.
  'GET /contractmanagement/{id}/clienten': {
    soort: 'lijst', pad: () => `/api/v1/contractmanagement/${d.aanbiederId}/clienten`,
    bevat: (b) => ((b as { rijen?: { voorzieningId?: string }[] }).rijen ?? []).some((r) => r.voorzieningId === d.voorzieningId),
  },
  // "The casussen I coordinate": a work list of the procescoördinator only, within the circle.
  'GET /procescoordinatie': {
    soort: 'lijst', pad: () => '/api/v1/procescoordinatie', bevat: (b) => (b as { casus: { id: string } }[]).some((x) => x.casus.id === d.casusId),
  },
};

/**
 * Read routes that show no household's file, each with why. Role-based by design: settings,
 * catalogue and aggregates (no persons), the quality sample (numbers only), and the privacy
 * officer's and archivist's own endpoints, which issue 11 keeps outside the circle and audits.
 */
const geenDossier: Record<string, string> = {
  'GET /sessies/huidig': 'de eigen sessie',
  'GET /gebieden': 'kernen en wijken',
  'GET /catalogus': 'de productencatalogus', 'GET /catalogus/{id}': 'de productencatalogus',
  'GET /instrumenten': 'gespreksinstrumenten',
  'GET /medewerkers': 'collega\'s om aan toe te wijzen',
  'GET /meldingen/tellingen': 'aantallen zonder persoonsgegevens; hetzelfde filter als GET /meldingen (aparte test hieronder)',
  'GET /online-meldingen': 'intake: online meldingen die nog aan geen huishouden gekoppeld zijn (wat de inwoner zelf invulde)',
  'GET /online-meldingen/{id}': 'intake: een nog niet gekoppelde online melding; van een bekende inwoner alleen naam en geboortedatum om te vergelijken',
  'GET /casussen/{id}/toegang': 'de eigen doorbraak van de vrager (reden en geldigheid), geen dossiergegevens',
  'GET /instellingen/termijnen': 'instellingen', 'GET /instellingen/correspondentie': 'instellingen', 'GET /instellingen/besluit': 'instellingen',
  'GET /instellingen/huisstijl': 'instellingen', 'GET /instellingen/bewaartermijnen': 'instellingen',
  'GET /kpis': 'KPI-definities', 'GET /kpis/{id}': 'een cijfer (aggregaat)', 'GET /kpis/{id}/verdeling': 'aggregaten per dimensie',
  'GET /sturing/pilotmonitor': 'aggregaten van een wijk',
  'GET /sturing/besteding': 'bedragen per wet, product, aanbieder, wijk of bekostiging, zonder personen',
  'GET /steekproeven/{id}': 'kwaliteitssteekproef: beschikkingnummers en team, geen persoonsgegevens (rolgebonden)',
  'GET /steekproeven/resultaten': 'aggregaten van de steekproeven',
  'GET /audit': 'privacy officer: audittrail van een inwoner (eigen, geaudit endpoint)',
  'GET /audit/verificatie': 'privacy officer: controle van de hashketen',
  'GET /inzage': 'privacy officer: inhoud van een inzageverzoek (AVG art. 15)',
  'GET /personen/{id}/inzage': 'privacy officer: inzage-ZIP (AVG art. 15)',
  'GET /privacy/delingen': 'privacy officer: overzicht van verstrekkingen',
  'GET /privacy/doorbraken': 'privacy officer: beoordeling van doorbraken',
  'GET /vernietigingslijsten': 'archivaris: vernietigingslijsten (nummers, geen namen)',
  'GET /vernietigingslijsten/{id}': 'archivaris: een vernietigingslijst (nummers, geen namen)',
  'GET /vernietigingslijsten/{id}/lijst.csv': 'archivaris: een vernietigingslijst als CSV',
  'GET /vernietigingslijsten/{id}/lijst.pdf': 'archivaris: een vernietigingslijst als PDF',
  'GET /beheer/opdrachten': 'beheer: achtergrondtaken (soort, status, pogingen, fout), geen dossiergegevens',
  'GET /gebruikers': 'beheer: de accounts van de gemeente (medewerkers, geen inwoners)', 'GET /gebruikers/{id}': 'beheer: één account',
  'GET /gebruikers/keuzes': 'beheer: rollen, teams en zorgaanbieders voor het formulier',
  'GET /berichten': 'berichtenverkeer: soort, status en retourcodes per aanbieder, zonder cliëntgegevens (de XML is een dossierlezing)',
  'GET /berichten/{id}': 'berichtenverkeer: één bericht zonder cliëntgegevens',
  'GET /declaraties': 'declaraties: bedragen en retourcodes per aanbieder, zonder cliëntgegevens',
  'GET /declaraties/{id}': 'één declaratie: voor gemeentemedewerkers zonder BSN of naam (voorzieningnummer en bedragen); de aanbieder ziet alleen de eigen cliënten',
  'GET /portaal/toewijzingen': 'aanbieder: de toewijzingen aan de eigen organisatie met de eigen cliënten (de toewijzing is de grond, ADR 37), geen dossier van de gemeente',
  'GET /aanbieders/{id}/berichtenverkeer': 'inkoop: aantallen, retourcodes, doorlooptijden en voorzieningnummers, zonder persoonsgegevens',
  'GET /aanbieders': 'inkoop: aanbieders', 'GET /aanbieders/{id}': 'inkoop: een aanbieder',
  'GET /aanbieders/{id}/voorzieningen': 'inkoop: lopende voorzieningen van een aanbieder zonder persoonsgegevens (nummer, product, periode, budget)',
  'GET /contracten': 'inkoop: contracten', 'GET /contracten/{id}': 'inkoop: een contract met producten en tarieven',
  'GET /contractproducten/{id}': 'inkoop: een contractproduct en zijn tarieven',
  'GET /contracten/{id}/producten.csv': 'inkoop: de producttabel als CSV', 'GET /contracten/{id}/producten.xlsx': 'inkoop: de producttabel als Excel',
  'GET /resultaattarieven': 'inkoop: tarieven per profiel en intensiteit', 'GET /pgbtarieven': 'inkoop: pgb-tarieven',
  'GET /gecontracteerd': 'inkoop: aanbieders met een contract voor een product op een datum',
  'GET /gecontracteerde-producten': 'inkoop: de gecontracteerde producten van een wet op een datum (code en naam)',
  'GET /betaalbatches': 'financiën: betaalbatches per aanbieder (bedragen en aantallen), geen persoonsgegevens',
  'GET /betaalbatches/{id}': 'financiën: een betaalbatch met journaalregels per product en declaratienummers, geen cliënten',
  'GET /betaalbatches/{id}/journaal.csv': 'financiën: het journaal per grootboekregel (CSV), geen cliënten',
  'GET /betaalbatches/{id}/journaal.xlsx': 'financiën: het journaal per grootboekregel (Excel), geen cliënten',
  'GET /grootboekregels': 'beheer: grootboekrekening en kostenplaats per wet en productcategorie',
  'GET /contractmanagement': 'contractmanagement: cijfers per aanbieder (aggregaten), geen persoonsgegevens',
  'GET /contractmanagement/{id}': 'contractmanagement: cijfers van één aanbieder per contract, product en retourcode (aggregaten)',
};

/** Who asks, and how they stand to the household: the circle says yes or no. */
interface Relatie { naam: string; gebruiker: string; inKring: boolean; voor?: () => Promise<void>; na?: () => Promise<void> }

const relaties: Relatie[] = [
  { naam: 'eigen casusregisseur', gebruiker: 'regisseur', inKring: true },
  { naam: 'andere regisseur van hetzelfde team', gebruiker: 'regisseur2', inKring: false },
  {
    naam: 'collega die de regisseur aan de casus toevoegde', gebruiker: 'regisseur2', inKring: true,
    voor: async () => { await ok(c.regisseur!.post(`/api/v1/casussen/${d.casusId}/betrokkenen`, { gebruikerId: ids.regisseur2, rol: 'vervanger' }), 201); },
    na: async () => { await ok(c.regisseur!.delete(`/api/v1/casussen/${d.casusId}/betrokkenen/${ids.regisseur2}`)); },
  },
  { naam: 'collega na weghalen als betrokkene', gebruiker: 'regisseur2', inKring: false },
  { naam: 'regisseur van een ander team', gebruiker: 'regisseur3', inKring: false },
  {
    naam: 'procescoördinator (uit een ander team)', gebruiker: 'regisseur3', inKring: true,
    voor: async () => { await ok(c.teamleider!.request('PUT', `/api/v1/casussen/${d.casusId}/procescoordinatie`, { multiprobleem: true, procescoordinatorId: ids.regisseur3 })); },
    na: async () => { await ok(c.teamleider!.request('PUT', `/api/v1/casussen/${d.casusId}/procescoordinatie`, { multiprobleem: false, procescoordinatorId: null })); },
  },
  { naam: 'teamleider van het team', gebruiker: 'teamleider', inKring: true },
  { naam: 'teamleider van een ander team', gebruiker: 'teamleider2', inKring: false },
  { naam: 'beslisser zonder aanvraag bij de beslissers', gebruiker: 'beslisser', inKring: false },
  { naam: 'frontoffice (die de melding registreerde)', gebruiker: 'frontoffice', inKring: false },
  { naam: 'beleidsmedewerker', gebruiker: 'beleid', inKring: false },
  { naam: 'privacy officer', gebruiker: 'privacy', inKring: false },
  { naam: 'archivaris', gebruiker: 'archivaris', inKring: false },
  // Provider staff (ADR 38) hold no gemeente role: every read route refuses them on the role (403 geen-toegang).
  { naam: 'medewerker van de zorgaanbieder van de voorziening', gebruiker: 'aanbieder', inKring: false },
  {
    naam: 'regisseur van een ander team met een geldige doorbraak', gebruiker: 'regisseur3', inKring: true,
    voor: async () => {
      await t.database.db.insertInto('dossier_doorbraken').values({
        gemeente_id: (await t.database.db.selectFrom('casussen').select('gemeente_id').where('id', '=', d.casusId).executeTakeFirstOrThrow()).gemeente_id,
        casus_id: d.casusId, huishouden_id: d.huishoudenId, gebruiker_id: ids.regisseur3!, reden: 'Vervanging: de inwoner belt over de hulp',
        geldig_tot: new Date(Date.now() + 3_600_000),
      }).execute();
    },
    // As the owner: the grant runs out (the app role cannot change it).
    na: async () => { await t.database.db.updateTable('dossier_doorbraken').set({ geldig_tot: new Date(Date.now() - 1000) }).where('gebruiker_id', '=', ids.regisseur3!).execute(); },
  },
  { naam: 'dezelfde regisseur nadat de doorbraak verliep', gebruiker: 'regisseur3', inKring: false },
  {
    naam: 'jurist terwijl een bezwaar loopt', gebruiker: 'jurist', inKring: true,
    voor: async () => {
      const z = await c.teamleider!.post(`/api/v1/beschikkingen/${d.beschikkingId}/bezwaren`, { ontvangenOp: vandaagNL, omschrijving: 'Nog steeds te weinig' });
      expect(z.status).toBe(201);
      tweedeBezwaar = z.headers.get('location')!.split('/').at(-1)!;
    },
    na: async () => { await ok(c.jurist!.post(`/api/v1/bezwaren/${tweedeBezwaar}/intrekking`, { reden: 'Ingetrokken.' })); },
  },
  { naam: 'jurist nadat het bezwaar is ingetrokken', gebruiker: 'jurist', inKring: false },
  {
    naam: 'beslisser terwijl een aanvraag bij de beslissers ligt', gebruiker: 'beslisser', inKring: true,
    voor: async () => { await ok(c.regisseur!.post('/api/v1/aanvragen', { casusId: d.casusId, arrangementItemIds: [d.tweedeItemId], ontvangenOp: vandaagNL }), 201); },
  },
];
let tweedeBezwaar = '';

/**
 * Exceptions, on purpose: the KCC's status view of a melding (state and who handles it, no
 * contents) is role-based, so the frontoffice can answer "how is my melding doing?".
 */
const uitzondering: Record<string, Partial<Record<string, number>>> = {
  'GET /zoeken/meldingen/{id}': { frontoffice: 200 },
  // The provider's staff read the messages to their own organisation: the assignment is their ground (ADR 37), not the circle.
  'GET /berichten/{id}/xml': { aanbieder: 200 },
};

const gelezenRoutes = allRoutes.filter((r) => r.method === 'GET' && r.access.kind === 'roles');

describe('need-to-know: elke leesroute × elke relatie tot het huishouden', () => {
  it('elke leesroute staat in de tabel (met het dossier, of als route zonder dossier met een reden)', () => {
    const ontbrekend = gelezenRoutes.map((r) => `${r.method} ${r.path}`).filter((k) => !leesRoutes[k] && !geenDossier[k]);
    expect(ontbrekend).toEqual([]);
  });

  it('binnen de kring 200 (of in de lijst), erbuiten 403 geen-toegang-dossier (of niet in de lijst), een andere rol 403', async () => {
    const fouten: string[] = [];
    let binnen = 0;
    let buiten = 0;
    const rolVan = async (g: string) => (await t.database.db.selectFrom('gebruikers').select('rollen').where('gebruikersnaam', '=', g).executeTakeFirstOrThrow()).rollen;
    for (const rel of relaties) {
      await rel.voor?.();
      const client = c[rel.gebruiker]!;
      const rollen = await rolVan(rel.gebruiker);
      for (const route of gelezenRoutes) {
        const key = `${route.method} ${route.path}`;
        const lees = leesRoutes[key];
        if (!lees || route.access.kind !== 'roles') continue;
        const r = await client.get(lees.pad());
        const rolMag = route.access.roles.some((x) => rollen.includes(x));
        const verwacht = uitzondering[key]?.[rel.gebruiker];
        const body = r.body as ProblemBody;
        let goed: boolean;
        let wat: string;
        if (verwacht !== undefined) {
          goed = r.status === verwacht; wat = String(verwacht);
        } else if (!rolMag) {
          goed = r.status === 403 && body.code === 'geen-toegang'; wat = '403 geen-toegang (rol)';
        } else if (lees.soort === 'dossier') {
          goed = rel.inKring ? r.status === 200 : r.status === 403 && body.code === 'geen-toegang-dossier';
          wat = rel.inKring ? '200' : '403 geen-toegang-dossier';
        } else {
          const inLijst = r.status === 200 && lees.bevat(r.body);
          const moet = key === 'GET /procescoordinatie' ? rel.naam.startsWith('procescoördinator') : rel.inKring;
          goed = r.status === 200 && inLijst === moet; wat = moet ? 'in de lijst' : 'niet in de lijst';
        }
        if (r.status === 200 && (lees.soort === 'dossier' || lees.bevat(r.body))) binnen++;
        else buiten++;
        if (!goed) fouten.push(`${key} als ${rel.naam} (${rel.gebruiker}): ${r.status} ${typeof r.body === 'object' ? JSON.stringify(r.body).slice(0, 120) : ''} — verwacht ${wat}`);
      }
      await rel.na?.();
    }
    expect(fouten).toEqual([]);
    // Not vacuous: hundreds of reads, both opened and refused.
    expect(binnen).toBeGreaterThan(100);
    expect(buiten).toBeGreaterThan(100);
  }, 600_000);

  it('de tellingen van de werkvoorraad tellen alleen wat de lijst toont', async () => {
    for (const g of ['regisseur', 'regisseur2', 'teamleider', 'teamleider2', 'frontoffice']) {
      const lijst = await ok(c[g]!.get<{ totaal: number }>('/api/v1/meldingen?toegewezen=iedereen&aantal=1'));
      const tel = await ok(c[g]!.get<{ totaal: number }>('/api/v1/meldingen/tellingen?toegewezen=iedereen'));
      expect(tel.totaal, g).toBe(lijst.totaal);
    }
  });
});

describe('betrokkenen van een casus', () => {
  it('de regisseur voegt een teamgenoot toe, die staat in de casus; weghalen sluit het dossier weer', async () => {
    const na = await ok(c.regisseur!.post<{ betrokkenen: { gebruikerId: string; naam: string; rol: string | null }[] }>(
      `/api/v1/casussen/${d.casusId}/betrokkenen`, { gebruikerId: ids.regisseur2, rol: 'schuldhulp' }), 201);
    expect(na.betrokkenen).toEqual([expect.objectContaining({ gebruikerId: ids.regisseur2, naam: 'Rachida Regisseur', rol: 'schuldhulp' })]);
    expect((await c.regisseur2!.get(`/api/v1/casussen/${d.casusId}`)).status).toBe(200);
    const dubbel = await c.regisseur!.post<ProblemBody>(`/api/v1/casussen/${d.casusId}/betrokkenen`, { gebruikerId: ids.regisseur2 });
    expect(dubbel.status).toBe(409);
    const weg = await ok(c.teamleider!.delete<{ betrokkenen: unknown[] }>(`/api/v1/casussen/${d.casusId}/betrokkenen/${ids.regisseur2}`));
    expect(weg.betrokkenen).toEqual([]);
    expect((await c.regisseur2!.get<ProblemBody>(`/api/v1/casussen/${d.casusId}`)).body.code).toBe('geen-toegang-dossier');
    expect((await c.teamleider!.delete(`/api/v1/casussen/${d.casusId}/betrokkenen/${ids.regisseur2}`)).status).toBe(404);
  });

  it('alleen een collega uit het team; een andere regisseur of de teamleider van een ander team mag niemand toevoegen; niets geschreven', async () => {
    const anderTeam = await c.regisseur!.post<ProblemBody & { invalidParams: { name: string }[] }>(`/api/v1/casussen/${d.casusId}/betrokkenen`, { gebruikerId: ids.regisseur3 });
    expect(anderTeam.status).toBe(400);
    expect(anderTeam.body.invalidParams[0]!.name).toBe('gebruikerId');
    const onbekend = await c.regisseur!.post(`/api/v1/casussen/${d.casusId}/betrokkenen`, { gebruikerId: '00000000-0000-4000-8000-000000000000' });
    expect(onbekend.status).toBe(400);
    const teLang = await c.regisseur!.post(`/api/v1/casussen/${d.casusId}/betrokkenen`, { gebruikerId: ids.regisseur2, rol: 'x'.repeat(101) });
    expect(teLang.status).toBe(400);
    expect((await c.regisseur2!.post<ProblemBody>(`/api/v1/casussen/${d.casusId}/betrokkenen`, { gebruikerId: ids.regisseur2 })).body.code).toBe('geen-toegang-dossier');
    expect((await c.teamleider2!.post<ProblemBody>(`/api/v1/casussen/${d.casusId}/betrokkenen`, { gebruikerId: ids.regisseur2 })).body.code).toBe('geen-toegang-dossier');
    expect((await c.beslisser!.post(`/api/v1/casussen/${d.casusId}/betrokkenen`, { gebruikerId: ids.regisseur2 })).status).toBe(403);
    const n = await t.database.db.selectFrom('casus_betrokkenen').select((eb) => eb.fn.countAll<number>().as('n')).where('casus_id', '=', d.casusId).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('toevoegen en weghalen staan in de audittrail van elk lid van het huishouden', async () => {
    await ok(c.regisseur!.post(`/api/v1/casussen/${d.casusId}/betrokkenen`, { gebruikerId: ids.regisseur2 }), 201);
    await ok(c.regisseur!.delete(`/api/v1/casussen/${d.casusId}/betrokkenen/${ids.regisseur2}`));
    const trail = await ok(c.privacy!.get<{ resultaten: { gebruikersnaam: string; doel: string }[] }>(`/api/v1/audit?persoonId=${d.persoonId}`));
    expect(trail.resultaten).toContainEqual(expect.objectContaining({ gebruikersnaam: 'regisseur', doel: `betrokkene toevoegen (${ids.regisseur2})` }));
    expect(trail.resultaten).toContainEqual(expect.objectContaining({ gebruikersnaam: 'regisseur', doel: `betrokkene weghalen (${ids.regisseur2})` }));
  });
});

describe('schrijven buiten de kring', () => {
  it('wie buiten de kring staat, kan niets wijzigen dat het dossier teruggeeft', async () => {
    const pogingen: [Client, string, string, unknown][] = [
      [c.teamleider2!, 'POST', `/api/v1/casussen/${d.casusId}/gesprekken`, { datum: vandaagNL, plek: 'thuis', deelnemers: [{ rol: 'inwoner', naam: 'X' }], scores: [] }],
      [c.teamleider2!, 'POST', `/api/v1/casussen/${d.casusId}/regisseur`, { regisseurId: ids.regisseur3, reden: 'Overname' }],
      [c.teamleider2!, 'PATCH', `/api/v1/personen/${d.persoonId}`, { telefoon: '06 11111111' }],
      [c.teamleider2!, 'POST', `/api/v1/huishoudens/${d.huishoudenId}/leden`, { bsn: '123456782', voornaam: 'Kees', achternaam: 'Dijk', geboortedatum: '1950-01-01', relatie: 'partner', gezag: false }],
      [c.frontoffice!, 'PATCH', `/api/v1/personen/${d.persoonId}`, { telefoon: '06 11111111' }],
      [c.regisseur2!, 'POST', `/api/v1/meldingen/${d.meldingId}/opschortingen`, { van: vandaagNL, reden: 'Wacht' }],
      [c.teamleider2!, 'POST', `/api/v1/aanvragen/${d.aanvraagId}/toets`, {}],
      [c.teamleider2!, 'POST', `/api/v1/beschikkingen/${d.beschikkingId}/bezwaren`, { ontvangenOp: vandaagNL, omschrijving: 'Te weinig' }],
    ];
    for (const [client, method, pad, body] of pogingen) {
      const r = await client.request<ProblemBody>(method, pad, body);
      expect(`${method} ${pad}: ${r.status} ${r.body.code}`).toBe(`${method} ${pad}: 403 geen-toegang-dossier`);
    }
  });
});
