import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inGemeente } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { startTestApp, voorbeeldMelding, type Client, type TestApp } from '../../testing/harness.ts';
import { pdfTekst } from '../../testing/pdf.ts';
import { stelDagelijksLijstenOp } from './vernietiging-usecases.ts';

let t: TestApp;
let regisseur: Client;
let beslisser: Client;
let beslisser2: Client;
let teamleider: Client;
let archivaris: Client;
let beheer: Client;
let privacy: Client;
let beleid: Client;
let demodorp: string;
let tweestad: string;

interface ProblemBody { code: string; detail: string; invalidParams?: { name: string; reason: string }[] }
interface Item { id: string; soort: string; ref: string; nummers: string[]; einde: string; vernietigbaarPer: string; grondslag: string; uitgezonderd: { reden: string } | null; uitgevoerdOp: string | null }
interface Lijst { id: string; nummer: string; status: string; opgesteldDoor: string | null; resultaat: Record<string, number> | null; items: Item[] }
interface Kpi { teller: number; noemer: number }
interface Dossier { persoonId: string; bsn: string; achternaam: string; huishoudenId: string; meldingNummer: string; casusNummer: string | null; beschikkingId: string | null }

const vandaagNL = vandaag();
/** Kept, not destroyed. Read as the owner: a closed melding without a casus is outside every need-to-know circle (ADR 25). */
const persoonBestaat = async (id: string) => (await t.database.db.selectFrom('personen').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
let volg = 0;

beforeAll(async () => {
  t = await startTestApp();
  regisseur = await t.login('regisseur');
  beslisser = await t.login('beslisser');
  beslisser2 = await t.login('beslisser2');
  teamleider = await t.login('teamleider');
  archivaris = await t.login('archivaris');
  beheer = await t.login('beheer');
  privacy = await t.login('privacy');
  beleid = await t.login('beleid');
  const g = await t.database.db.selectFrom('gemeenten').select(['id', 'code']).execute();
  demodorp = g.find((x) => x.code === 'demodorp')!.id;
  tweestad = g.find((x) => x.code === 'tweestad')!.id;
}, 120_000);
afterAll(async () => t?.close());

/** A resident with a melding, through the API; `verder` takes it into a casus with a granted Wmo provision (and a bezwaar). */
async function nieuwDossier(verder: 'enkelvoudig' | 'voorziening' | 'bezwaar'): Promise<Dossier> {
  const achternaam = `Vernietig${String.fromCharCode(97 + (volg++ % 26))}${volg}`;
  const melding = voorbeeldMelding({ ontvangenOp: vandaagNL });
  melding.persoon = { ...melding.persoon, achternaam };
  const m = await regisseur.post<{ id: string; nummer: string; persoon: { id: string; bsn: string }; huishoudenId: string }>('/api/v1/meldingen', melding);
  expect(m.status, JSON.stringify(m.body)).toBe(201);
  const basis = { persoonId: m.body.persoon.id, bsn: (melding.persoon as { bsn: string }).bsn, achternaam, huishoudenId: m.body.huishoudenId, meldingNummer: m.body.nummer };
  if (verder === 'enkelvoudig') {
    const r = await regisseur.post(`/api/v1/meldingen/${m.body.id}/triage`, { uitkomst: 'enkelvoudig', advies: 'Verwezen naar de buurtcoach.' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return { ...basis, casusNummer: null, beschikkingId: null };
  }
  const casus = (await regisseur.post<{ casus: { id: string; nummer: string } }>(`/api/v1/meldingen/${m.body.id}/triage`, { uitkomst: 'onderzoek' })).body.casus;
  const gesprek = await regisseur.post(`/api/v1/casussen/${casus.id}/gesprekken`, {
    datum: vandaagNL, plek: 'thuis', deelnemers: [{ rol: 'inwoner', naam: `Johanna ${achternaam}` }], scores: [{ domein: 'financien', score: 2, toelichting: 'Schulden bij de zorgverzekeraar' }],
  });
  expect(gesprek.status, JSON.stringify(gesprek.body)).toBe(201);
  const doel = await regisseur.post<{ id: string }>(`/api/v1/casussen/${casus.id}/plan/doelen`, {
    leefgebied: 'praktischFunctioneren', omschrijving: 'Schoon huis', meetbaarResultaat: 'Wekelijks schoon', streefdatum: '2027-06-01',
  });
  const wmo = (await regisseur.get<{ id: string; naam: string }[]>('/api/v1/catalogus?domein=wmo&trede=4')).body.find((i) => /huishouden/i.test(i.naam))!;
  const item = (await regisseur.post<{ id: string }>(`/api/v1/casussen/${casus.id}/plan/arrangement`, { doelId: doel.body.id, trede: 4, catalogusItemId: wmo.id, motivering: 'Nodig.' })).body.id;
  const a = (await regisseur.post<{ id: string }>('/api/v1/aanvragen', { casusId: casus.id, arrangementItemIds: [item], ontvangenOp: vandaagNL })).body.id;
  expect((await beslisser2.post(`/api/v1/aanvragen/${a}/toets`, {})).status).toBe(200);
  expect((await beslisser2.post(`/api/v1/aanvragen/${a}/beoordeling`, {})).status).toBe(200);
  const r = await beslisser.post<{ beschikkingId: string }>(`/api/v1/aanvragen/${a}/besluit`, {
    producten: [{ arrangementItemId: item, uitkomst: 'toegekend', omvang: 2, eenheid: 'uur', ingangsdatum: vandaagNL, leveringsvorm: 'zin' }], motivering: `Passend bij het plan van mevrouw ${achternaam}.`,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  expect((await beslisser.post(`/api/v1/aanvragen/${a}/verzending`, {})).status).toBe(200);
  if (verder === 'bezwaar') {
    const z = await teamleider.post(`/api/v1/beschikkingen/${r.body.beschikkingId}/bezwaren`, { ontvangenOp: vandaagNL, omschrijving: 'Twee uur is te weinig.' });
    expect(z.status, JSON.stringify(z.body)).toBe(201);
  }
  return { ...basis, casusNummer: casus.nummer, beschikkingId: r.body.beschikkingId };
}

/** Moves a whole file into the past through the owner connection: closed in 2011–2013, the provision ended 2012. */
async function maakOud(d: Dossier): Promise<void> {
  const db = t.database.db;
  await sql`update meldingen set ontvangen_op = '2011-02-01', status = case when status = 'afgehandeld' then status else 'afgesloten' end, afgerond_op = '2011-03-01' where huishouden_id = ${d.huishoudenId}`.execute(db);
  await sql`update casussen set status = 'gesloten', geopend_op = '2011-02-01T10:00:00Z', gesloten_op = '2013-01-01T10:00:00Z' where huishouden_id = ${d.huishoudenId}`.execute(db);
  await sql`update aanvragen set ontvangen_op = '2011-03-01' where huishouden_id = ${d.huishoudenId}`.execute(db);
  await sql`alter table beschikkingen disable trigger beschikkingen_onveranderlijk`.execute(db);
  await sql`update beschikkingen set verzonden_op = '2011-04-01', besloten_op = '2011-04-01T10:00:00Z', bezwaar_termijn_einde = '2011-05-13'
    where aanvraag_id in (select id from aanvragen where huishouden_id = ${d.huishoudenId})`.execute(db);
  await sql`alter table beschikkingen enable trigger beschikkingen_onveranderlijk`.execute(db);
  await sql`update beschikking_producten set ingangsdatum = '2011-04-01', einddatum = '2012-12-31'
    where beschikking_id in (select b.id from beschikkingen b join aanvragen a on a.id = b.aanvraag_id where a.huishouden_id = ${d.huishoudenId})`.execute(db);
  // The facts follow the voorziening (0028): its period moves with the decision.
  await sql`update voorzieningen set begin = '2011-04-01', eind = '2012-12-31', budget_tot = '2012-12-31'
    where casus_id in (select id from casussen where huishouden_id = ${d.huishoudenId})`.execute(db);
}

const kpi = async (id: string, van: string, tot: string) => (await beleid.get<Kpi>(`/api/v1/kpis/${id}?van=${van}&tot=${tot}`)).body;

describe('bewaartermijnen instellen (functioneel beheer)', () => {
  it('toont per soort dossier de termijn met de standaard en zijn bron', async () => {
    const r = await beheer.get<{ termijnen: { soort: string; jaren: number; standaardGrondslag: string; aangepast: boolean }[] }>('/api/v1/instellingen/bewaartermijnen');
    expect(r.status).toBe(200);
    const jeugd = r.body.termijnen.find((x) => x.soort === 'jeugd')!;
    expect(jeugd).toMatchObject({ jaren: 20, aangepast: false });
    expect(jeugd.standaardGrondslag).toContain('Jeugdwet art. 7.3.8');
    expect(r.body.termijnen.find((x) => x.soort === 'wmo')!.standaardGrondslag).toContain('Selectielijst gemeenten en intergemeentelijke organen 2020');
  });

  it('weigert onzin: jeugdhulp korter dan de wettelijke 20 jaar, nul jaar, een breuk; en schrijft dan niets', async () => {
    for (const [termijn, veld] of [[{ soort: 'jeugd', jaren: 19 }, 'Jeugdwet'], [{ soort: 'melding-zonder-vervolg', jaren: 0 }, 'minste'], [{ soort: 'wmo', jaren: 2.5 }, 'heel']] as const) {
      const r = await beheer.request<ProblemBody>('PUT', '/api/v1/instellingen/bewaartermijnen', { termijnen: [{ soort: 'wmo', jaren: 12 }, termijn] });
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('ongeldige-invoer');
      expect(JSON.stringify(r.body)).toContain(veld);
    }
    const r = await beheer.get<{ termijnen: { soort: string; jaren: number }[] }>('/api/v1/instellingen/bewaartermijnen');
    expect(r.body.termijnen.find((x) => x.soort === 'wmo')!.jaren).toBe(10);
  });

  it('een eigen termijn met grondslag, en terug naar de standaard', async () => {
    const r = await beheer.request<{ termijnen: { soort: string; jaren: number; grondslag: string; aangepast: boolean }[] }>(
      'PUT', '/api/v1/instellingen/bewaartermijnen', { termijnen: [{ soort: 'bezwaar', jaren: 12, grondslag: 'Besluit college 2026-14' }] });
    expect(r.status).toBe(200);
    expect(r.body.termijnen.find((x) => x.soort === 'bezwaar')).toMatchObject({ jaren: 12, grondslag: 'Besluit college 2026-14', aangepast: true });
    const terug = await beheer.request<{ termijnen: { soort: string; aangepast: boolean }[] }>('PUT', '/api/v1/instellingen/bewaartermijnen', { termijnen: [{ soort: 'bezwaar', jaren: 10 }] });
    expect(terug.body.termijnen.find((x) => x.soort === 'bezwaar')!.aangepast).toBe(false);
    expect((await archivaris.request('PUT', '/api/v1/instellingen/bewaartermijnen', { termijnen: [{ soort: 'wmo', jaren: 10 }] })).status).toBe(403);
  });
});

describe('vernietigen: voorstel, goedkeuring door de archivaris, uitvoering', () => {
  let vervallen: Dossier;
  let zonderVervolg: Dossier;
  let metBezwaar: Dossier;
  let lopend: Dossier;
  let lijst: Lijst;
  const kpiVoor: Record<string, Kpi> = {};

  it('stelt een lijst op met de vervallen dossiers, zonder het dossier met een bezwaar in behandeling of een open casus', async () => {
    vervallen = await nieuwDossier('voorziening');
    zonderVervolg = await nieuwDossier('enkelvoudig');
    metBezwaar = await nieuwDossier('bezwaar');
    lopend = await nieuwDossier('enkelvoudig');
    for (const d of [vervallen, zonderVervolg, metBezwaar]) await maakOud(d);

    const r = await archivaris.post<Lijst>('/api/v1/vernietigingslijsten');
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ status: 'concept', opgesteldDoor: 'Anouk Archivaris' });
    lijst = (await archivaris.get<Lijst>(`/api/v1/vernietigingslijsten/${r.body.id}`)).body;
    const refs = lijst.items.map((i) => i.ref);
    expect(refs).toContain(vervallen.casusNummer);
    expect(refs).toContain(zonderVervolg.meldingNummer);
    expect(refs).not.toContain(metBezwaar.casusNummer);
    expect(refs).not.toContain(lopend.meldingNummer);
    const item = lijst.items.find((i) => i.ref === vervallen.casusNummer)!;
    // Wmo: 10 years after the provision ended (2012-12-31); the casus closed on 2013-01-01 counts as the last end.
    expect(item).toMatchObject({ soort: 'wmo', einde: '2013-01-01', vernietigbaarPer: '2023-01-01' });
    expect(item.nummers).toContain(vervallen.meldingNummer);
    expect(item.grondslag).toContain('Selectielijst');
    expect(lijst.items.find((i) => i.ref === zonderVervolg.meldingNummer)).toMatchObject({ soort: 'melding-zonder-vervolg', vernietigbaarPer: '2013-03-01' });
    // The list names no one: no BSN, no name.
    const tekst = JSON.stringify(lijst);
    for (const d of [vervallen, zonderVervolg]) {
      expect(tekst).not.toContain(d.bsn);
      expect(tekst).not.toContain(d.achternaam);
    }
    // One list in preparation at a time.
    expect((await beheer.post<ProblemBody>('/api/v1/vernietigingslijsten')).status).toBe(409);
  });

  it('de lijst als CSV en als PDF voor het archief, ook zonder namen', async () => {
    const r = await privacy.get<string>(`/api/v1/vernietigingslijsten/${lijst.id}/lijst.csv`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/csv/);
    expect(r.body).toContain(vervallen.casusNummer);
    expect(r.body).toContain('vernietigbaar per');
    expect(r.body).not.toContain(vervallen.bsn);
    expect(r.body).not.toContain(vervallen.achternaam);
    const pdf = await fetch(`${t.baseUrl}/api/v1/vernietigingslijsten/${lijst.id}/lijst.pdf`, { headers: { cookie: archivaris.cookie! } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const tekst = await pdfTekst(new Uint8Array(await pdf.arrayBuffer()));
    expect(tekst).toContain(lijst.nummer);
    expect(tekst).toContain(vervallen.casusNummer);
    expect(tekst).not.toContain(vervallen.achternaam);
  });

  it('de archivaris zondert een dossier uit met een reden; zonder reden niet', async () => {
    const item = lijst.items.find((i) => i.ref === zonderVervolg.meldingNummer)!;
    const zonder = await archivaris.post<ProblemBody>(`/api/v1/vernietigingslijsten/${lijst.id}/items/${item.id}/uitzondering`, { reden: '' });
    expect(zonder.status).toBe(400);
    expect((await privacy.post(`/api/v1/vernietigingslijsten/${lijst.id}/items/${item.id}/uitzondering`, { reden: 'Nee' })).status).toBe(403);
    const r = await archivaris.post<Lijst>(`/api/v1/vernietigingslijsten/${lijst.id}/items/${item.id}/uitzondering`, { reden: 'Lopend verzoek om inzage van de inwoner.' });
    expect(r.status).toBe(200);
    expect(r.body.items.find((i) => i.id === item.id)!.uitgezonderd).toMatchObject({ reden: 'Lopend verzoek om inzage van de inwoner.' });
  });

  it('alleen de archivaris keurt goed, en pas als de lijst ter goedkeuring is aangeboden', async () => {
    expect((await beheer.post(`/api/v1/vernietigingslijsten/${lijst.id}/goedkeuring`)).status).toBe(403);
    expect((await privacy.post(`/api/v1/vernietigingslijsten/${lijst.id}/goedkeuring`)).status).toBe(403);
    const teVroeg = await archivaris.post<ProblemBody>(`/api/v1/vernietigingslijsten/${lijst.id}/goedkeuring`);
    expect(teVroeg.status).toBe(409);
    expect(teVroeg.body.code).toBe('ongeldige-statusovergang');
    const a = await beheer.post<Lijst>(`/api/v1/vernietigingslijsten/${lijst.id}/aanbieding`);
    expect(a.status).toBe(200);
    expect(a.body.status).toBe('terGoedkeuring');
  });

  it('goedkeuren vernietigt: de persoon is weg, zoeken vindt niets, het uitgezonderde en het geblokkeerde dossier blijven', async () => {
    for (const [id, van, tot] of [['nieuwe-meldingen', '2011-01-01', '2011-12-31'], ['kosten-per-client', '2012-01-01', '2012-12-31'], ['gesloten-casussen', '2013-01-01', '2013-01-31']] as const) {
      kpiVoor[id] = await kpi(id, van, tot);
    }
    expect(kpiVoor['nieuwe-meldingen']!.teller).toBeGreaterThanOrEqual(3);
    expect(kpiVoor['kosten-per-client']!.noemer).toBeGreaterThanOrEqual(2);

    // What the resident typed on the public form, linked to the melding (migration 0017): personal data too.
    const m = await t.database.db.selectFrom('meldingen').select('id').where('huishouden_id', '=', vervallen.huishoudenId).executeTakeFirstOrThrow();
    await t.database.db.insertInto('online_meldingen').values({
      gemeente_id: demodorp, referentie: 'EV-TEST-0001', ontvangen_op: '2011-02-01', status: 'gekoppeld', melding_id: m.id,
      ingediend: JSON.stringify({ persoon: { bsn: vervallen.bsn, achternaam: vervallen.achternaam } }),
    }).execute();
    // A product described by hand (migration 0018 clears it): free text can name the resident.
    await t.database.db.updateTable('aanvraag_producten').set({ omschrijving: `Hulp bij het huishouden voor mevrouw ${vervallen.achternaam}` })
      .where('aanvraag_id', 'in', (eb) => eb.selectFrom('aanvragen').select('id').where('huishouden_id', '=', vervallen.huishoudenId)).execute();
    const r = await archivaris.post<Lijst>(`/api/v1/vernietigingslijsten/${lijst.id}/goedkeuring`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.status).toBe('uitgevoerd');
    expect(r.body.resultaat).toMatchObject({ uitgezonderd: 1 });
    expect(r.body.resultaat!.dossiers).toBeGreaterThanOrEqual(1);
    expect(r.body.items.find((i) => i.ref === vervallen.casusNummer)!.uitgevoerdOp).not.toBeNull();

    expect((await regisseur.get(`/api/v1/personen/${vervallen.persoonId}`)).status).toBe(404);
    const zoek = await regisseur.get<{ resultaten: { soort: string; titel: string }[] }>(`/api/v1/zoeken?q=${vervallen.bsn}`);
    expect(zoek.body.resultaten.filter((x) => x.soort === 'persoon')).toEqual([]);
    expect(JSON.stringify(zoek.body)).not.toContain(vervallen.achternaam);
    expect(await persoonBestaat(zonderVervolg.persoonId)).toBe(true);
    expect((await regisseur.get(`/api/v1/personen/${metBezwaar.persoonId}`)).status).toBe(200);
  });

  it('de inhoud is weg, de telgegevens voor sturing blijven anoniem', async () => {
    const db = t.database.db;
    expect(await db.selectFrom('personen').select('id').where('huishouden_id', '=', vervallen.huishoudenId).execute()).toEqual([]);
    expect(await db.selectFrom('online_meldingen').select('id').where('referentie', '=', 'EV-TEST-0001').execute()).toEqual([]);
    const meldingen = await db.selectFrom('meldingen').select(['omschrijving', 'persoon_id', 'ontvangen_op', 'wet']).where('huishouden_id', '=', vervallen.huishoudenId).execute();
    expect(meldingen.length).toBe(1);
    expect(meldingen[0]).toMatchObject({ omschrijving: '', wet: 'wmo' });
    expect(meldingen[0]!.persoon_id).not.toBe(vervallen.persoonId);
    const casus = await db.selectFrom('casussen').select('id').where('huishouden_id', '=', vervallen.huishoudenId).executeTakeFirstOrThrow();
    expect(await db.selectFrom('plannen').select('id').where('casus_id', '=', casus.id).execute()).toEqual([]);
    const gesprek = await db.selectFrom('gesprekken').select(['id', 'deelnemers', 'samenvatting']).where('casus_id', '=', casus.id).executeTakeFirstOrThrow();
    expect(gesprek.deelnemers).toEqual([]);
    expect(await db.selectFrom('gesprek_scores').select(['score', 'toelichting']).where('gesprek_id', '=', gesprek.id).execute()).toEqual([{ score: 2, toelichting: null }]);
    const b = await db.selectFrom('beschikkingen').select(['motivering', 'pdf', 'nummer']).where('id', '=', vervallen.beschikkingId!).executeTakeFirstOrThrow();
    expect(b).toMatchObject({ motivering: '', pdf: null });
    expect(await db.selectFrom('aanvragen').select(['toelichting', 'aanvrager_naam', 'aanvrager_persoon_id']).where('huishouden_id', '=', vervallen.huishoudenId).execute())
      .toEqual([{ toelichting: null, aanvrager_naam: null, aanvrager_persoon_id: null }]);
    // The applied-for product keeps its catalogue name (steering counts by product), not the text typed by hand.
    const producten = await db.selectFrom('aanvraag_producten as ap').leftJoin('catalogus_items as ci', 'ci.id', 'ap.catalogus_item_id')
      .innerJoin('aanvragen as a', 'a.id', 'ap.aanvraag_id').select(['ap.omschrijving', 'ci.naam']).where('a.huishouden_id', '=', vervallen.huishoudenId).execute();
    expect(producten.length).toBeGreaterThan(0);
    for (const p of producten) expect(p.omschrijving).toBe(p.naam ?? '');

    for (const [id, van, tot] of [['nieuwe-meldingen', '2011-01-01', '2011-12-31'], ['kosten-per-client', '2012-01-01', '2012-12-31'], ['gesloten-casussen', '2013-01-01', '2013-01-31']] as const) {
      expect(await kpi(id, van, tot), id).toEqual(kpiVoor[id]);
    }
  });

  it('wat overblijft breekt niets: lijsten, zoeken, de casus en de onderliggende cijfers geven geen 500', async () => {
    const db = t.database.db;
    const melding = await db.selectFrom('meldingen').select(['id', 'nummer', 'casus_id']).where('huishouden_id', '=', vervallen.huishoudenId).executeTakeFirstOrThrow();
    const paden = [
      '/api/v1/meldingen?status=afgesloten', '/api/v1/termijnen', `/api/v1/meldingen/${melding.id}`, `/api/v1/casussen/${melding.casus_id}`,
      `/api/v1/zoeken?q=${melding.nummer}`, `/api/v1/zoeken?q=${vervallen.casusNummer}`, '/api/v1/kpis/nieuwe-meldingen/onderliggend?van=2011-01-01&tot=2011-12-31',
      `/api/v1/beschikkingen/${vervallen.beschikkingId}`, '/api/v1/bezwaren', '/api/v1/aanvragen',
    ];
    for (const pad of paden) {
      for (const c of [teamleider, regisseur, beslisser]) {
        const r = await c.get(pad);
        expect(r.status, `${pad}: ${JSON.stringify(r.body).slice(0, 300)}`).toBeLessThan(500);
      }
    }
  });

  it('de audittrail legt vast wat vernietigd is (soort, id, lijst, wie) zonder de inhoud, en de keten klopt', async () => {
    const r = await privacy.get<{ resultaten: { actie: string; resourceType: string; resourceId: string; doel: string; gebruikersnaam: string }[] }>(
      `/api/v1/audit?persoonId=${vervallen.persoonId}&aantal=500`);
    expect(r.status).toBe(200);
    const vernietiging = r.body.resultaten.filter((x) => x.actie === 'verwijderen');
    expect(vernietiging).toEqual([expect.objectContaining({ resourceType: 'persoon', resourceId: vervallen.persoonId, gebruikersnaam: 'archivaris' })]);
    expect(vernietiging[0]!.doel).toContain(lijst.nummer);
    expect(vernietiging[0]!.doel).toContain('goedgekeurd door archivaris');
    const alles = await sql<{ resource_type: string; doel: string }>`select resource_type, doel from auditlog where doel like ${`%${lijst.nummer}%`}`.execute(t.database.db);
    expect(new Set(alles.rows.map((x) => x.resource_type))).toEqual(new Set(['huishouden', 'persoon', 'melding', 'casus', 'aanvraag', 'beschikking', 'gesprek', 'plan', 'vernietigingslijst']));
    expect(JSON.stringify(alles.rows)).not.toContain(vervallen.achternaam);
    expect(JSON.stringify(alles.rows)).not.toContain(vervallen.bsn);
    const v = await privacy.get<{ geldig: boolean }>('/api/v1/audit/verificatie');
    expect(v.status).toBe(200);
    expect(v.body.geldig).toBe(true);
  });

  it('de dagelijkse taak stelt een lijst op en biedt hem aan; de archivaris wijst hem af met een reden en er wordt niets vernietigd', async () => {
    const nog = await nieuwDossier('enkelvoudig');
    await maakOud(nog);
    const uitkomst = await stelDagelijksLijstenOp(t.database.db);
    expect(uitkomst.demodorp).toBe('lijst opgesteld');
    const lijsten = (await archivaris.get<{ resultaten: Lijst[] }>('/api/v1/vernietigingslijsten')).body.resultaten;
    const nieuw = lijsten.find((l) => l.status === 'terGoedkeuring')!;
    expect(nieuw.opgesteldDoor).toBeNull();
    // A second run the same day leaves the open list alone.
    expect((await stelDagelijksLijstenOp(t.database.db)).demodorp).toBe('niets te doen');
    expect((await archivaris.post<ProblemBody>(`/api/v1/vernietigingslijsten/${nieuw.id}/afwijzing`, {})).status).toBe(400);
    const af = await archivaris.post<Lijst>(`/api/v1/vernietigingslijsten/${nieuw.id}/afwijzing`, { reden: 'Eerst de selectielijstcategorieën bevestigen.' });
    expect(af.status).toBe(200);
    expect(af.body.status).toBe('afgewezen');
    expect((await archivaris.post(`/api/v1/vernietigingslijsten/${nieuw.id}/goedkeuring`)).status).toBe(409);
    expect(await persoonBestaat(nog.persoonId)).toBe(true);
  });
});

describe('alleen langs de goedgekeurde lijst, alleen in de eigen gemeente', () => {
  it('de app-rol kan zelf geen personen verwijderen; de vernietigfunctie weigert een huishouden dat niet op een goedgekeurde lijst staat', async () => {
    const d = await nieuwDossier('enkelvoudig');
    await expect(inGemeente(t.database.db, demodorp, (tx) => sql`delete from personen where id = ${d.persoonId}`.execute(tx))).rejects.toThrow(/permission denied/);
    const uitgevoerd = await t.database.db.selectFrom('vernietigingslijsten').select('id').where('status', '=', 'uitgevoerd').executeTakeFirstOrThrow();
    await expect(inGemeente(t.database.db, demodorp, (tx) => sql`select vernietig_huishouden(${uitgevoerd.id}::uuid, ${d.huishoudenId}::uuid)`.execute(tx)))
      .rejects.toThrow(/niet \(meer\) op een goedgekeurde vernietigingslijst/);
    expect(await persoonBestaat(d.persoonId)).toBe(true);
  });

  it('een andere gemeente ziet de lijsten niet en kan er niet mee vernietigen', async () => {
    const lijst = await t.database.db.selectFrom('vernietigingslijsten').select(['id']).where('gemeente_id', '=', demodorp).executeTakeFirstOrThrow();
    const item = await t.database.db.selectFrom('vernietigingslijst_items').select(['huishouden_id']).where('lijst_id', '=', lijst.id).executeTakeFirstOrThrow();
    const zichtbaar = await inGemeente(t.database.db, tweestad, (tx) => tx.selectFrom('vernietigingslijsten').select('id').execute());
    expect(zichtbaar).toEqual([]);
    await expect(inGemeente(t.database.db, tweestad, (tx) => sql`select vernietig_huishouden(${lijst.id}::uuid, ${item.huishouden_id}::uuid)`.execute(tx))).rejects.toThrow();
    const anders = await t.login('regisseur-tweestad');
    expect((await anders.get(`/api/v1/vernietigingslijsten/${lijst.id}`)).status).toBe(403);
  });
});
