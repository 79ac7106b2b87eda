import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vandaag } from '../../platform/time.ts';
import { nieuwBsn, startTestApp, voorbeeldMelding, type Client, type TestApp } from '../../testing/harness.ts';
import { pdfTekst } from '../../testing/pdf.ts';
import { termijnen } from '../toegang/index.ts';

let t: TestApp;
let regisseur: Client;
let beslisser: Client;
let beslisser2: Client;
let teamleider: Client;
let beheer: Client;

interface ProblemBody { code: string; detail: string; invalidParams?: { name: string }[] }
interface Termijn { soort: string; startdatum: string; uitersteDatum: string; verdaging: { nieuweDatum: string } | null; afgerondOp: string | null }
interface Bezwaar {
  id: string; nummer: string; status: string; tijdig: boolean; verschoonbaar: boolean; adviescommissie: boolean; uitkomst: string | null; bezwaarTermijnEinde: string;
  beslistermijnEinde: string; termijn: Termijn | null; herziening: { id: string; nummer: string } | null; pdfHash: string | null; beroepTermijnEinde: string | null;
  mogelijkeStappen: string[]; betrokkenBijBesluit: boolean; historie: { van: string | null; naar: string }[];
}
interface Beschikking { id: string; bezwaarTermijnEinde: string; bezwaren: { id: string; nummer: string; tijdig: boolean }[] }

const vandaagNL = vandaag();

/** A sent Wmo beschikking: prepared by Ruud, checked and assessed by Bente (beslisser2), decided and sent by Bas (beslisser). */
async function verzondenBeschikking(opts: { minderjarig?: boolean } = {}): Promise<{ beschikkingId: string; casusId: string }> {
  const melding = voorbeeldMelding({ ontvangenOp: vandaagNL });
  if (opts.minderjarig) melding.persoon = { ...melding.persoon, voornaam: 'Sem', tussenvoegsel: 'van', achternaam: 'Dijk', geboortedatum: '2014-04-04' };
  const m = await regisseur.post<{ id: string; persoon: { id: string } }>('/api/v1/meldingen', melding);
  if (opts.minderjarig) {
    // The mother, with gezag over the minor, joins the household.
    const { huishouden_id } = await t.database.db.selectFrom('personen').select('huishouden_id').where('id', '=', m.body.persoon.id).executeTakeFirstOrThrow();
    const lid = await regisseur.post(`/api/v1/huishoudens/${huishouden_id}/leden`, {
      bsn: nieuwBsn(), voornaam: 'Sanne', achternaam: 'van Dijk', geboortedatum: '1984-02-02', relatie: 'ouder', gezag: true,
    });
    expect(lid.status, JSON.stringify(lid.body)).toBe(201);
  }
  const casusId = (await regisseur.post<{ casus: { id: string } }>(`/api/v1/meldingen/${m.body.id}/triage`, { uitkomst: 'onderzoek' })).body.casus.id;
  const doel = await regisseur.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/doelen`, {
    leefgebied: 'praktischFunctioneren', omschrijving: 'Schoon huis', meetbaarResultaat: 'Wekelijks schoon', streefdatum: '2027-06-01',
  });
  const wmo = (await regisseur.get<{ id: string; naam: string }[]>('/api/v1/catalogus?domein=wmo&trede=4')).body.find((i) => /huishouden/i.test(i.naam))!;
  const item = (await regisseur.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/arrangement`, { doelId: doel.body.id, trede: 4, catalogusItemId: wmo.id, motivering: 'Nodig.' })).body.id;
  const a = (await regisseur.post<{ id: string }>('/api/v1/aanvragen', { casusId, arrangementItemIds: [item], ontvangenOp: vandaagNL })).body.id;
  expect((await beslisser2.post(`/api/v1/aanvragen/${a}/toets`, {})).status).toBe(200);
  expect((await beslisser2.post(`/api/v1/aanvragen/${a}/beoordeling`, {})).status).toBe(200);
  const r = await beslisser.post<{ beschikkingId: string }>(`/api/v1/aanvragen/${a}/besluit`, {
    producten: [{ arrangementItemId: item, uitkomst: 'toegekend', omvang: 2, eenheid: 'uur', ingangsdatum: vandaagNL, leveringsvorm: 'zin' }], motivering: 'Passend bij het plan.',
  });
  expect((await beslisser.post(`/api/v1/aanvragen/${a}/verzending`, {})).status).toBe(200);
  return { beschikkingId: r.body.beschikkingId, casusId };
}

/** Moves a sent decision into the past (the immutability trigger is lifted for the test only). */
async function verzondenOp(beschikkingId: string, datum: string) {
  const einde = termijnen.atwEinddatum(datum, termijnen.plusWeken(datum, 6));
  await sql`alter table beschikkingen disable trigger beschikkingen_onveranderlijk`.execute(t.database.db);
  await sql`update beschikkingen set verzonden_op = ${datum}, bezwaar_termijn_einde = ${einde} where id = ${beschikkingId}`.execute(t.database.db);
  await sql`alter table beschikkingen enable trigger beschikkingen_onveranderlijk`.execute(t.database.db);
  return einde;
}

async function registreer(beschikkingId: string, body: Record<string, unknown> = {}): Promise<Bezwaar> {
  const r = await teamleider.post<Beschikking>(`/api/v1/beschikkingen/${beschikkingId}/bezwaren`, { ontvangenOp: vandaagNL, omschrijving: 'Twee uur is te weinig.', ...body });
  expect(r.status).toBe(201);
  const id = r.headers.get('location')!.split('/').at(-1)!;
  return (await teamleider.get<Bezwaar>(`/api/v1/bezwaren/${id}`)).body;
}

async function pdfVan(c: Client, pad: string): Promise<Uint8Array> {
  const res = await fetch(`${t.baseUrl}${pad}`, { headers: { cookie: c.cookie! } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  return new Uint8Array(await res.arrayBuffer());
}

const fonts = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';
/** The text per page (to check what stands together on one page). */
async function paginas(data: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false, standardFontDataUrl: fonts, verbosity: 0 }).promise;
  const uit: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const c = await (await doc.getPage(i)).getTextContent();
    uit.push(c.items.map((it) => ('str' in it ? it.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  await doc.destroy();
  return uit;
}

/** What a lawyer checks in every letter: one date format, clean punctuation, no law codes. */
function netjes(tekst: string) {
  expect(tekst).not.toMatch(/\.\s*\.|,\s*\.|\s,/);
  expect(tekst).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  expect(tekst).not.toMatch(/\b\d{1,2}-\d{1,2}-\d{4}\b/);
  expect(tekst).not.toMatch(/\bwmo\b/);
}

beforeAll(async () => {
  t = await startTestApp();
  [regisseur, beslisser, beslisser2, teamleider, beheer] = (await Promise.all(['regisseur', 'beslisser', 'beslisser2', 'teamleider', 'beheer'].map((u) => t.login(u)))) as [Client, Client, Client, Client, Client];
});
afterAll(async () => t?.close());

describe('een bezwaar als werkstroom', () => {
  let b: { beschikkingId: string; casusId: string };
  let bezwaar: Bezwaar;

  it('registratie: tijdig, met een nummer en een echte beslistermijn van 6 weken na het einde van de bezwaartermijn (Atw: een werkdag)', async () => {
    b = await verzondenBeschikking();
    bezwaar = await registreer(b.beschikkingId);
    expect(bezwaar).toMatchObject({ status: 'ontvangen', tijdig: true, adviescommissie: false, uitkomst: null });
    expect(bezwaar.nummer).toMatch(/^BZ-\d{4}-\d{6}$/);
    const start = bezwaar.bezwaarTermijnEinde;
    expect(bezwaar.termijn).toMatchObject({ soort: 'bezwaar', startdatum: start, uitersteDatum: termijnen.atwEinddatum(start, termijnen.plusWeken(start, 6)) });
    expect(termijnen.isWerkdag(bezwaar.beslistermijnEinde)).toBe(true);
    expect(bezwaar.historie.map((h) => h.naar)).toEqual(['ontvangen']);
  });

  it('de beslistermijn staat in /termijnen met een verwijzing naar het bezwaar', async () => {
    const r = await teamleider.get<{ resultaten: { soort: string; bezwaar: { id: string; nummer: string } | null; melding: unknown }[] }>('/api/v1/termijnen?soort=bezwaar&status=loopt&aantal=200');
    expect(r.status).toBe(200);
    const rij = r.body.resultaten.find((x) => x.bezwaar?.id === bezwaar.id);
    expect(rij).toMatchObject({ soort: 'bezwaar', bezwaar: { nummer: bezwaar.nummer }, melding: null });
  });

  it('verboden overgangen: inhoudelijk beslissen vóór het horen, advies zonder commissie', async () => {
    const vroeg = await teamleider.post<ProblemBody>(`/api/v1/bezwaren/${bezwaar.id}/beslissing`, { uitkomst: 'ongegrond', motivering: 'Past.' });
    expect(vroeg.status).toBe(409);
    expect(vroeg.body.code).toBe('ongeldige-statusovergang');
    const advies = await teamleider.post<ProblemBody>(`/api/v1/bezwaren/${bezwaar.id}/advies`, { advies: 'x', datum: vandaagNL });
    expect(advies.status).toBe(409);
    const fout = await teamleider.post<ProblemBody>(`/api/v1/bezwaren/${bezwaar.id}/hoorzitting`, { status: 'misschien' });
    expect(fout.status).toBe(400);
  });

  it('hoorzitting: gepland, en gehouden door iemand die niet aan het besluit meewerkte (Awb 7:5)', async () => {
    const gepland = await teamleider.post<Bezwaar>(`/api/v1/bezwaren/${bezwaar.id}/hoorzitting`, { status: 'gepland', datum: vandaagNL });
    expect(gepland.body.status).toBe('hoorzittingGepland');
    const betrokken = await beslisser.post<ProblemBody>(`/api/v1/bezwaren/${bezwaar.id}/hoorzitting`, { status: 'gehouden', datum: vandaagNL, verslag: 'Mevrouw lichtte toe.' });
    expect(betrokken.status).toBe(403);
    expect(betrokken.body.code).toBe('vier-ogen-zelfde-persoon');
    const gehouden = await teamleider.post<Bezwaar>(`/api/v1/bezwaren/${bezwaar.id}/hoorzitting`, { status: 'gehouden', datum: vandaagNL, verslag: 'Mevrouw lichtte toe dat zij ook niet kan stofzuigen.' });
    expect(gehouden.body.status).toBe('gehoord');
  });

  it('één verdaging van zes weken met reden; een tweede wordt duidelijk geweigerd', async () => {
    const voor = (await teamleider.get<Bezwaar>(`/api/v1/bezwaren/${bezwaar.id}`)).body;
    const r = await teamleider.post<Bezwaar>(`/api/v1/bezwaren/${bezwaar.id}/verdaging`, { reden: 'Advies van de ergotherapeut nodig.' });
    expect(r.status).toBe(200);
    const start = voor.termijn!.startdatum;
    expect(r.body.beslistermijnEinde).toBe(termijnen.atwEinddatum(start, termijnen.plusWeken(start, 12)));
    expect(r.body.termijn!.verdaging).not.toBeNull();
    const nogEens = await teamleider.post<ProblemBody>(`/api/v1/bezwaren/${bezwaar.id}/verdaging`, { reden: 'Nog meer tijd.' });
    expect(nogEens.status).toBe(409);
    expect(nogEens.body.code).toBe('verdaging-al-gebruikt');
    expect(nogEens.body.detail).toMatch(/één verdaging/);
    expect((await teamleider.post<ProblemBody>(`/api/v1/bezwaren/${bezwaar.id}/verdaging`, {})).status).toBe(400);
  });

  it('wie het besluit nam, beslist niet op het bezwaar (vier ogen, Awb 7:5)', async () => {
    for (const c of [beslisser, beslisser2]) {
      const r = await c.post<ProblemBody>(`/api/v1/bezwaren/${bezwaar.id}/beslissing`, { uitkomst: 'gegrond', motivering: 'Meer uren.' });
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('vier-ogen-zelfde-persoon');
    }
    expect((await beslisser.get<Bezwaar>(`/api/v1/bezwaren/${bezwaar.id}`)).body.betrokkenBijBesluit).toBe(true);
    expect((await regisseur.post<ProblemBody>(`/api/v1/bezwaren/${bezwaar.id}/beslissing`, { uitkomst: 'gegrond', motivering: 'x' })).status).toBe(403);
  });

  it('gegrond: de herziening start (de aanvraag noemt het bezwaar), de termijn is afgerond en de brief is een echte PDF met beroepsclausule', async () => {
    const r = await teamleider.post<Bezwaar>(`/api/v1/bezwaren/${bezwaar.id}/beslissing`, { uitkomst: 'gegrond', motivering: 'Mevrouw kan ook niet stofzuigen; drie uur is nodig.' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'beslist', uitkomst: 'gegrond' });
    expect(r.body.termijn!.afgerondOp).toBe(vandaagNL);
    expect(r.body.beroepTermijnEinde).toBe(termijnen.atwEinddatum(vandaagNL, termijnen.plusWeken(vandaagNL, 6)));
    const h = (await teamleider.get<{ bron: string; herzieningVan: string; naBezwaar: { id: string; nummer: string } | null; toelichting: string; status: string }>(`/api/v1/aanvragen/${r.body.herziening!.id}`)).body;
    expect(h).toMatchObject({ bron: 'herziening', herzieningVan: b.beschikkingId, status: 'ingediend', naBezwaar: { id: bezwaar.id, nummer: bezwaar.nummer } });
    expect(h.toelichting).toContain(bezwaar.nummer);
    const pdf = await pdfVan(teamleider, `/api/v1/bezwaren/${bezwaar.id}/brief`);
    expect(new TextDecoder().decode(pdf.slice(0, 4))).toBe('%PDF');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(r.body.pdfHash);
    const tekst = await pdfTekst(pdf);
    expect(tekst).toContain('Wij verklaren uw bezwaar gegrond');
    expect(tekst).toContain('beroep instellen bij Rechtbank Midden-Nederland');
    expect(tekst).toContain('binnen zes weken na de dag waarop deze brief is verzonden');
    expect(tekst).toContain('Postbus 16005, 3500 DA Utrecht');
    expect(tekst).toContain('Wet maatschappelijke ondersteuning 2015');
    expect(tekst).toContain('Ruud Regisseur');
    expect(tekst).toContain('06 12 34 56 01');
    netjes(tekst);
    // Decided: nothing more can happen, not even by the database owner.
    expect((await teamleider.post<ProblemBody>(`/api/v1/bezwaren/${bezwaar.id}/hoorzitting`, { status: 'gepland', datum: vandaagNL })).status).toBe(409);
    await expect(sql`update bezwaren set motivering = 'anders' where id = ${bezwaar.id}`.execute(t.database.db)).rejects.toThrow(/verzonden/);
    const historie = (await teamleider.get<Bezwaar>(`/api/v1/bezwaren/${bezwaar.id}`)).body.historie.map((x) => x.naar);
    expect(historie).toEqual(['ontvangen', 'hoorzittingGepland', 'gehoord', 'gehoord', 'beslist']);
  });
});

describe('tijdigheid en adviescommissie', () => {
  it('te laat en niet verschoonbaar: geregistreerd als te laat, termijn vanaf ontvangst, alleen niet-ontvankelijk (zonder horen) en geen herziening', async () => {
    const { beschikkingId } = await verzondenBeschikking();
    const einde = await verzondenOp(beschikkingId, termijnen.plusWeken(vandaagNL, -10));
    expect(einde < vandaagNL).toBe(true);
    const z = await registreer(beschikkingId);
    expect(z).toMatchObject({ tijdig: false, verschoonbaar: false });
    expect(z.termijn!.startdatum).toBe(vandaagNL);
    await teamleider.post(`/api/v1/bezwaren/${z.id}/hoorzitting`, { status: 'afgezien', reden: 'Het bezwaar is kennelijk niet-ontvankelijk.' });
    const inhoudelijk = await teamleider.post<ProblemBody>(`/api/v1/bezwaren/${z.id}/beslissing`, { uitkomst: 'ongegrond', motivering: 'x' });
    expect(inhoudelijk.status).toBe(409);
    expect(inhoudelijk.body.detail).toMatch(/te laat/);
    const r = await teamleider.post<Bezwaar>(`/api/v1/bezwaren/${z.id}/beslissing`, { uitkomst: 'nietOntvankelijk', motivering: 'Het bezwaar kwam vier weken te laat, zonder reden.' });
    expect(r.body).toMatchObject({ status: 'beslist', uitkomst: 'nietOntvankelijk', herziening: null });
    const tekst = await pdfTekst(await pdfVan(teamleider, `/api/v1/bezwaren/${z.id}/brief`));
    expect(tekst).toContain('niet-ontvankelijk');
    netjes(tekst);
  });

  it('te laat maar verschoonbaar: inhoudelijk beslissen, niet niet-ontvankelijk', async () => {
    const { beschikkingId } = await verzondenBeschikking();
    await verzondenOp(beschikkingId, termijnen.plusWeken(vandaagNL, -10));
    const z = await registreer(beschikkingId, { verschoonbaar: true });
    expect(z).toMatchObject({ tijdig: false, verschoonbaar: true });
    await teamleider.post(`/api/v1/bezwaren/${z.id}/hoorzitting`, { status: 'afgezien', reden: 'De indiener ziet af van horen.' });
    expect((await teamleider.post<ProblemBody>(`/api/v1/bezwaren/${z.id}/beslissing`, { uitkomst: 'nietOntvankelijk', motivering: 'x' })).status).toBe(409);
    expect((await teamleider.post<Bezwaar>(`/api/v1/bezwaren/${z.id}/beslissing`, { uitkomst: 'ongegrond', motivering: 'Twee uur past bij de situatie.' })).body.status).toBe('beslist');
  });

  it('met adviescommissie: 12 weken; pas na haar advies inhoudelijk beslissen; ingetrokken rondt de termijn af', async () => {
    const { beschikkingId } = await verzondenBeschikking();
    const z = await registreer(beschikkingId, { adviescommissie: true });
    const start = z.bezwaarTermijnEinde;
    expect(z.termijn!.uitersteDatum).toBe(termijnen.atwEinddatum(start, termijnen.plusWeken(start, 12)));
    await teamleider.post(`/api/v1/bezwaren/${z.id}/hoorzitting`, { status: 'gehouden', datum: vandaagNL, verslag: 'De commissie hoorde de indiener.' });
    expect((await teamleider.post<ProblemBody>(`/api/v1/bezwaren/${z.id}/beslissing`, { uitkomst: 'ongegrond', motivering: 'x' })).body.detail).toMatch(/advies/);
    expect((await teamleider.post<Bezwaar>(`/api/v1/bezwaren/${z.id}/advies`, { advies: 'De commissie adviseert het bezwaar ongegrond te verklaren.', datum: vandaagNL })).body.status).toBe('advies');
    const tweede = await registreer(beschikkingId);
    const ingetrokken = await teamleider.post<Bezwaar>(`/api/v1/bezwaren/${tweede.id}/intrekking`, { reden: 'Mevrouw trok het bezwaar telefonisch in.' });
    expect(ingetrokken.body).toMatchObject({ status: 'ingetrokken' });
    expect(ingetrokken.body.termijn!.afgerondOp).toBe(vandaagNL);
  });

  it('de lijst voor beslisser en teamleider: open eerst, op de uiterste datum; afgehandeld daarna', async () => {
    const r = await beslisser.get<{ resultaten: Bezwaar[]; totaal: number }>('/api/v1/bezwaren?aantal=200');
    expect(r.status).toBe(200);
    const open = r.body.resultaten.map((x) => !['beslist', 'ingetrokken'].includes(x.status));
    expect(open.indexOf(false)).toBeGreaterThan(0);
    expect(open.slice(open.indexOf(false)).every((x) => !x)).toBe(true);
    const einden = r.body.resultaten.filter((x, i) => open[i]).map((x) => x.beslistermijnEinde);
    expect(einden).toEqual([...einden].sort());
    const alleenOpen = await teamleider.get<{ resultaten: Bezwaar[] }>('/api/v1/bezwaren?status=open');
    expect(alleenOpen.body.resultaten.every((x) => !['beslist', 'ingetrokken'].includes(x.status))).toBe(true);
    expect((await regisseur.get('/api/v1/bezwaren')).status).toBe(403);
  });

  it('een bezwaar vóór de verzending of met ontvangst in de toekomst wordt geweigerd', async () => {
    const { beschikkingId } = await verzondenBeschikking();
    const r = await teamleider.post<ProblemBody>(`/api/v1/beschikkingen/${beschikkingId}/bezwaren`, { ontvangenOp: '2099-01-01', omschrijving: 'x' });
    expect(r.status).toBe(400);
    expect(r.body.invalidParams![0]!.name).toBe('ontvangenOp');
  });

  it('een jurist buiten de kring registreert geen bezwaar (dat zou het dossier openen); eerst tijdelijke toegang met reden, dan wel', async () => {
    const { beschikkingId, casusId } = await verzondenBeschikking();
    const jurist = await t.login('jurist');
    const aantal = async () => Number((await t.database.db.selectFrom('bezwaren').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('beschikking_id', '=', beschikkingId).executeTakeFirstOrThrow()).n);
    const geweigerd = await jurist.post<ProblemBody>(`/api/v1/beschikkingen/${beschikkingId}/bezwaren`, { ontvangenOp: vandaagNL, omschrijving: 'Te weinig uren' });
    expect(geweigerd.status).toBe(403);
    expect(geweigerd.body.code).toBe('geen-toegang-dossier');
    expect(await aantal()).toBe(0);
    // Nothing opened: the jurist still cannot read the beschikking.
    expect((await jurist.get<ProblemBody>(`/api/v1/beschikkingen/${beschikkingId}`)).body.code).toBe('geen-toegang-dossier');
    const { nummer } = (await teamleider.get<{ nummer: string }>(`/api/v1/casussen/${casusId}`)).body;
    expect((await jurist.post('/api/v1/doorbraken', { nummer, reden: 'Het bezwaarschrift kwam per post binnen bij de jurist.' })).status).toBe(201);
    expect((await jurist.post(`/api/v1/beschikkingen/${beschikkingId}/bezwaren`, { ontvangenOp: vandaagNL, omschrijving: 'Te weinig uren' })).status).toBe(201);
    expect(await aantal()).toBe(1);
  });
});

describe('brieven die een jurist en een inwoner accepteren', () => {
  it('beheer stelt afzender, bezwaaradres en rechtbank in; een ongeldige postcode → 400 zonder iets te schrijven', async () => {
    const huidig = (await beheer.get<Record<string, unknown> & { postbus: string }>('/api/v1/instellingen/correspondentie')).body;
    expect(huidig.postbus).toBe('Postbus 100');
    const fout = await beheer.request<ProblemBody>('PUT', '/api/v1/instellingen/correspondentie', { ...huidig, postcode: '12' });
    expect(fout.status).toBe(400);
    expect(fout.body.invalidParams!.map((p) => p.name)).toContain('postcode');
    const ok = await beheer.request<{ postbus: string; postcode: string }>('PUT', '/api/v1/instellingen/correspondentie', { ...huidig, postbus: 'Postbus 200', postcode: '1234zz' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ postbus: 'Postbus 200', postcode: '1234 ZZ' });
    expect((await teamleider.get('/api/v1/instellingen/correspondentie')).status).toBe(403);
  });

  it('de beschikking: volledig afzender- en bezwaaradres, de wet voluit, de casusregisseur met telefoon, één datumnotatie, geen dubbele leestekens', async () => {
    const { beschikkingId } = await verzondenBeschikking();
    const tekst = await pdfTekst(await pdfVan(regisseur, `/api/v1/beschikkingen/${beschikkingId}/brief.pdf`));
    expect(tekst).toContain('Postbus 200, 1234 ZZ Demodorp');
    expect(tekst).toContain('Bezoekadres: Raadhuisplein 1, 1234 AB Demodorp');
    expect(tekst).toContain('Telefoon 14 0123');
    expect(tekst).toContain('t.a.v. de bezwaarschriftencommissie');
    expect(tekst).toContain('de Wet maatschappelijke ondersteuning 2015');
    expect(tekst).toContain('Ruud Regisseur');
    expect(tekst).toContain('06 12 34 56 01');
    expect(tekst).toMatch(/\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/);
    netjes(tekst);
  });

  it('een besluit over een minderjarige gaat aan de ouder(s)/verzorger(s) met gezag, op hun adres', async () => {
    const { beschikkingId } = await verzondenBeschikking({ minderjarig: true });
    const tekst = await pdfTekst(await pdfVan(regisseur, `/api/v1/beschikkingen/${beschikkingId}/brief.pdf`));
    expect(tekst).toContain('Aan de ouder(s)/verzorger(s) van Sem van Dijk');
    expect(tekst).toContain('Beste Sanne van Dijk,');
    netjes(tekst);
  });

  it('het gespreksverslag eindigt met afspraken en vervolg, en de ondertekening staat op dezelfde pagina als de laatste alinea', async () => {
    const m = await regisseur.post<{ id: string }>('/api/v1/meldingen', voorbeeldMelding({ ontvangenOp: vandaagNL }));
    const casusId = (await regisseur.post<{ casus: { id: string } }>(`/api/v1/meldingen/${m.body.id}/triage`, { uitkomst: 'onderzoek' })).body.casus.id;
    // Long answers push the end of the letter to the bottom of a page: the closing must move along.
    const lang = 'Mevrouw vertelt uitgebreid hoe haar week eruitziet en wat zij nog zelf doet, met hulp van haar buren en haar dochter. '.repeat(6);
    const scores = ['huisvesting', 'financien', 'sociaalFunctioneren', 'psychischFunctioneren', 'zingeving', 'lichamelijkFunctioneren'].map((domein, i) => ({ domein, score: (i % 3) + 1, toelichting: lang }));
    const g = await regisseur.post<{ id: string } & ProblemBody>(`/api/v1/casussen/${casusId}/gesprekken`, {
      datum: vandaagNL, plek: 'thuis', deelnemers: [{ rol: 'inwoner', naam: 'Johanna van Dijk' }], scores, samenvatting: lang,
    });
    expect(g.status, JSON.stringify(g.body)).toBe(201);
    const pdf = await pdfVan(regisseur, `/api/v1/gesprekken/${g.body.id}/verslag.pdf`);
    const p = await paginas(pdf);
    const tekst = p.join(' ');
    expect(tekst.lastIndexOf('Afspraken en vervolg')).toBeGreaterThan(tekst.lastIndexOf('Bent u het niet eens'));
    const laatste = p.at(-1)!;
    expect(laatste).toContain('Verandert er iets, of heeft u een vraag?');
    expect(laatste).toContain('Met vriendelijke groet');
    expect(tekst).toContain('06 12 34 56 01');
    expect(tekst).toMatch(/Postbus \d+, 1234 ZZ Demodorp/);
    netjes(tekst);
  });
});
