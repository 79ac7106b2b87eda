import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vandaag } from '../../platform/time.ts';
import { nieuwBsn, startTestApp, voorbeeldMelding, type Client, type TestApp } from '../../testing/harness.ts';
import { pdfTekst } from '../../testing/pdf.ts';
import type { InzageJson } from './inzage.ts';

let t: TestApp;
let regisseur: Client;
let beslisser: Client;
let beslisser2: Client;
let teamleider: Client;
let privacy: Client;

const dag = vandaag();
const GEHEIM_VAN_PARTNER = 'Alleen met de partner besproken: zijn schulden bij de bank.';
const VERSLAG = 'Mevrouw woont alleen boven; de trap is een probleem. Zij wil zo lang mogelijk zelf blijven douchen met wat hulp.';

interface Reis { persoonId: string; naam: string; beschikkingNummer: string; bezwaarNummer: string }

/** A resident walked through the whole journey, so that every part of the inzage has something in it. */
async function reis(): Promise<Reis> {
  const melding = voorbeeldMelding({ ontvangenOp: dag, persoon: { ...voorbeeldMelding().persoon, voornaam: 'Inge', achternaam: 'Inzagestra', tussenvoegsel: undefined } });
  const m = await regisseur.post<{ id: string; persoon: { id: string; naam: string }; huishoudenId: string }>('/api/v1/meldingen', melding);
  expect(m.status, JSON.stringify(m.body)).toBe(201);
  const persoonId = m.body.persoon.id;
  expect((await regisseur.request('PATCH', `/api/v1/personen/${persoonId}`, { telefoon: '06 11223344', email: 'inge@example.nl' })).status).toBe(200);
  const lid = await regisseur.post<{ leden: { id: string; naam: string }[] }>(`/api/v1/huishoudens/${m.body.huishoudenId}/leden`, {
    bsn: nieuwBsn(), voornaam: 'Paul', achternaam: 'Inzagestra', geboortedatum: '1947-03-03', relatie: 'partner', gezag: false,
  });
  expect(lid.status, JSON.stringify(lid.body)).toBe(201);
  const partnerId = lid.body.leden.find((l) => l.id !== persoonId)!.id;
  const vv = await regisseur.post(`/api/v1/personen/${persoonId}/vertegenwoordigers`, {
    soort: 'bewindvoerder', naam: 'Bewind & Co B.V.', adres: { straat: 'Postbus', huisnummer: '12', postcode: '7400 AA', plaats: 'Deventer' },
  });
  expect(vv.status, JSON.stringify(vv.body)).toBe(201);

  const casusId = (await regisseur.post<{ casus: { id: string } }>(`/api/v1/meldingen/${m.body.id}/triage`, { uitkomst: 'onderzoek' })).body.casus.id;
  const g = await regisseur.post<{ id: string }>(`/api/v1/casussen/${casusId}/gesprekken`, {
    datum: dag, plek: 'thuis', deelnemers: [{ rol: 'inwoner', naam: 'Inge', persoonId }], samenvatting: VERSLAG,
    scores: [{ domein: 'huisvesting', score: 2, toelichting: 'Trap naar de slaapkamer' }, { domein: 'financien', score: 4 }],
  });
  expect(g.status, JSON.stringify(g.body)).toBe(201);
  expect((await regisseur.post(`/api/v1/gesprekken/${g.body.id}/verzending`, {})).status).toBe(200);
  // A conversation with only the partner: his, not hers.
  const gp = await regisseur.post(`/api/v1/casussen/${casusId}/gesprekken`, {
    datum: dag, plek: 'kantoor', soort: 'vervolg', deelnemers: [{ rol: 'partner', naam: 'Paul', persoonId: partnerId }], samenvatting: GEHEIM_VAN_PARTNER,
    scores: [{ domein: 'financien', score: 1, toelichting: GEHEIM_VAN_PARTNER }],
  });
  expect(gp.status, JSON.stringify(gp.body)).toBe(201);

  const doel = await regisseur.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/doelen`, {
    leefgebied: 'praktischFunctioneren', omschrijving: 'Zelf blijven douchen', meetbaarResultaat: 'Drie keer per week douchen met hulp', streefdatum: '2027-06-01',
  });
  expect(doel.status, JSON.stringify(doel.body)).toBe(201);
  const wmo = (await regisseur.get<{ id: string; naam: string }[]>('/api/v1/catalogus?domein=wmo&trede=4')).body.find((i) => /huishouden/i.test(i.naam))!;
  const item = (await regisseur.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/arrangement`, { doelId: doel.body.id, trede: 4, catalogusItemId: wmo.id, motivering: 'Nodig.' })).body.id;
  const a = (await regisseur.post<{ id: string }>('/api/v1/aanvragen', { casusId, arrangementItemIds: [item], ontvangenOp: dag })).body.id;
  expect((await beslisser2.post(`/api/v1/aanvragen/${a}/toets`, {})).status).toBe(200);
  expect((await beslisser2.post(`/api/v1/aanvragen/${a}/beoordeling`, {})).status).toBe(200);
  const besluit = await beslisser.post<{ beschikkingId: string }>(`/api/v1/aanvragen/${a}/besluit`, {
    producten: [{ arrangementItemId: item, uitkomst: 'toegekend', omvang: 2, eenheid: 'uur', ingangsdatum: dag, leveringsvorm: 'zin' }], motivering: 'Passend bij het plan.',
  });
  expect(besluit.status, JSON.stringify(besluit.body)).toBe(200);
  expect((await beslisser.post(`/api/v1/aanvragen/${a}/verzending`, {})).status).toBe(200);
  // The casusregisseur works on the household (need-to-know); the beslisser no longer once it is sent.
  const beschikking = (await regisseur.get<{ nummer: string }>(`/api/v1/beschikkingen/${besluit.body.beschikkingId}`)).body;
  expect(beschikking.nummer).toMatch(/^B-\d{4}-\d{6}$/);

  const z = await teamleider.post(`/api/v1/beschikkingen/${besluit.body.beschikkingId}/bezwaren`, { ontvangenOp: dag, omschrijving: 'Twee uur is te weinig.' });
  expect(z.status, JSON.stringify(z.body)).toBe(201);
  const bezwaarId = z.headers.get('location')!.split('/').at(-1)!;
  expect((await teamleider.post(`/api/v1/bezwaren/${bezwaarId}/hoorzitting`, { status: 'gehouden', datum: dag, verslag: 'Mevrouw lichtte toe.' })).status).toBe(200);
  const beslist = await teamleider.post<{ nummer: string; status: string }>(`/api/v1/bezwaren/${bezwaarId}/beslissing`, { uitkomst: 'ongegrond', motivering: 'Twee uur past bij de situatie.' });
  expect(beslist.body.status, JSON.stringify(beslist.body)).toBe('beslist');
  // Consent to share with the provider, and one share on it.
  const grond = await regisseur.post<{ id: string }>(`/api/v1/personen/${persoonId}/grondslagen`, {
    soort: 'toestemming', gegevenDoor: { relatie: 'zelf' }, datum: dag, partners: [{ soort: 'aanbieder', naam: 'Thuiszorg De Heide' }], doelen: ['uitvoeringVoorziening'],
    gegevens: 'Naam, adres en de hulpvraag',
  });
  expect(grond.status, JSON.stringify(grond.body)).toBe(201);
  const deling = await regisseur.post(`/api/v1/personen/${persoonId}/verstrekkingen`, {
    partner: { soort: 'aanbieder', naam: 'Thuiszorg De Heide' }, doel: 'uitvoeringVoorziening', gegevens: 'Naam, adres en hulpvraag', grondslagId: grond.body.id,
  });
  expect(deling.status, JSON.stringify(deling.body)).toBe(201);
  return { persoonId, naam: m.body.persoon.naam, beschikkingNummer: beschikking.nummer, bezwaarNummer: beslist.body.nummer };
}

async function download(c: Client, persoonId: string) {
  return fetch(`${t.baseUrl}/api/v1/personen/${persoonId}/inzage`, { headers: { cookie: c.cookie! } });
}

beforeAll(async () => {
  t = await startTestApp();
  [regisseur, beslisser, beslisser2, teamleider, privacy] = (await Promise.all(['regisseur', 'beslisser', 'beslisser2', 'teamleider', 'privacy'].map((u) => t.login(u)))) as [Client, Client, Client, Client, Client];
}, 120_000);
afterAll(async () => t?.close());

describe('inzage (AVG art. 15): het hele dossier van een inwoner als ZIP', () => {
  let r: Reis;
  let bestanden: Record<string, Uint8Array>;
  let json: InzageJson;
  let zip: Uint8Array;

  it('de privacy officer downloadt één ZIP met PDF, JSON, de verzonden brieven en een LEESMIJ; niet te bewaren door de browser', async () => {
    r = await reis();
    const res = await download(privacy, r.persoonId);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="inzage-${dag}.zip"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    zip = new Uint8Array(await res.arrayBuffer());
    // To look at the export by hand: INZAGE_UIT=/tmp/inzage.zip.
    if (process.env.INZAGE_UIT) writeFileSync(process.env.INZAGE_UIT, zip);
    bestanden = unzipSync(zip);
    const namen = Object.keys(bestanden).sort();
    expect(namen).toEqual(expect.arrayContaining(['LEESMIJ.txt', 'inzage.json', 'inzage.pdf', `brieven/beschikking-${r.beschikkingNummer}.pdf`, `brieven/beslissing-op-bezwaar-${r.bezwaarNummer}.pdf`]));
    expect(namen.filter((n) => n.startsWith('brieven/gespreksverslag-'))).toHaveLength(1);
    for (const n of namen.filter((x) => x.endsWith('.pdf'))) expect(strFromU8(bestanden[n]!.slice(0, 5)), n).toBe('%PDF-');
  });

  it('de ZIP opent ook op een kale machine (unzip -t of Python zipfile)', () => {
    const map = mkdtempSync(join(tmpdir(), 'inzage-'));
    try {
      const pad = join(map, 'inzage.zip');
      writeFileSync(pad, zip);
      let uit: string;
      try {
        uit = execFileSync('unzip', ['-t', pad], { encoding: 'utf8' });
        expect(uit).toMatch(/No errors detected/);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        uit = execFileSync('python3', ['-m', 'zipfile', '-t', pad], { encoding: 'utf8' });
        expect(uit).toMatch(/Done testing/);
      }
    } finally {
      rmSync(map, { recursive: true, force: true });
    }
  });

  it('de JSON heeft een versie, ISO-datums en elk onderdeel is gevuld', () => {
    json = JSON.parse(strFromU8(bestanden['inzage.json']!)) as InzageJson;
    expect(json).toMatchObject({ versie: 1, soort: 'inzage-avg-artikel-15', datum: dag, gemeente: { naam: 'Demodorp' }, opgevraagdDoor: { rol: 'privacy' } });
    expect(json.gemaaktOp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(json.persoon).toMatchObject({ id: r.persoonId, naam: r.naam, telefoon: '06 11223344', email: 'inge@example.nl', geboortedatum: '1948-05-12' });
    expect(json.persoon.bsn).toMatch(/^\d{9}$/);
    expect(json.huishouden.leden.map((l) => [l.naam, l.relatieTotU]).sort()).toEqual([['Inge Inzagestra', 'uzelf'], ['Paul Inzagestra', 'partner']]);
    expect(json.relaties).toEqual(expect.arrayContaining([expect.objectContaining({ soort: 'partner', naam: 'Paul Inzagestra' })]));
    expect(json.vertegenwoordigers).toEqual([{ naam: 'Bewind & Co B.V.', relatie: 'bewindvoerder' }]);
    expect(json.meldingen).toHaveLength(1);
    expect(json.meldingen[0]).toMatchObject({ wet: 'wmo', wetNaam: 'Wmo 2015', omschrijving: voorbeeldMelding().omschrijving, statusNaam: expect.any(String) });
    expect(json.meldingen[0]!.historie.length).toBeGreaterThan(0);
    expect(json.casussen).toHaveLength(1);
    const casus = json.casussen[0]!;
    expect(casus.regisseur).toBe('Ruud Regisseur');
    expect(casus.gesprekken).toHaveLength(1);
    expect(casus.gesprekken[0]).toMatchObject({ betrokkenheid: 'deelnemer', verslag: VERSLAG, brief: expect.stringMatching(/^brieven\/gespreksverslag-/) });
    expect(casus.gesprekken[0]!.scores).toEqual(expect.arrayContaining([expect.objectContaining({ domein: 'huisvesting', domeinNaam: 'Huisvesting', score: 2, toelichting: 'Trap naar de slaapkamer' })]));
    expect(casus.plan!.doelen[0]).toMatchObject({ omschrijving: 'Zelf blijven douchen', leefgebiedNaam: 'Praktisch functioneren' });
    expect(casus.plan!.arrangement[0]).toMatchObject({ trede: 4, motivering: 'Nodig.' });
    expect(casus.plan!.versies.length).toBeGreaterThan(0);
    expect(json.aanvragen).toHaveLength(1);
    expect(json.aanvragen[0]!.producten.length).toBe(1);
    expect(json.beschikkingen).toHaveLength(1);
    expect(json.beschikkingen[0]).toMatchObject({ nummer: r.beschikkingNummer, motivering: 'Passend bij het plan.', brief: `brieven/beschikking-${r.beschikkingNummer}.pdf` });
    expect(json.beschikkingen[0]!.verzondenOp).toBe(dag);
    expect(json.beschikkingen[0]!.producten[0]).toMatchObject({ uitkomst: 'toegekend', omvang: 2 });
    expect(json.bezwaren).toHaveLength(1);
    expect(json.bezwaren[0]).toMatchObject({ nummer: r.bezwaarNummer, uitkomst: 'ongegrond', motivering: 'Twee uur past bij de situatie.', hoorzitting: { verslag: 'Mevrouw lichtte toe.' } });
    expect(json.delingen.grondslagen[0]).toMatchObject({ soort: 'toestemming', gegevenDoor: { relatie: 'zelf', naam: r.naam }, ingetrokkenOp: null });
    expect(json.delingen.verstrekkingen).toEqual([expect.objectContaining({ datum: dag, partner: expect.objectContaining({ naam: 'Thuiszorg De Heide' }), doel: 'uitvoeringVoorziening', grondslag: 'toestemming' })]);
    // Every letter in brieven/ is named in the JSON with its SHA-256, and matches the bytes.
    expect(json.brieven).toHaveLength(3);
    for (const b of json.brieven) expect(createHash('sha256').update(bestanden[b.bestand]!).digest('hex')).toBe(b.sha256);
    expect(json.beschikkingen[0]!.briefSha256).toBe(json.brieven.find((b) => b.soort === 'beschikking')!.sha256);
  });

  it('de audittrail van de inwoner staat erin, met de export zelf (lezen, doel inzage)', async () => {
    expect(json.audittrail.length).toBeGreaterThan(5);
    expect(json.audittrail.map((a) => a.doel)).toContain('inzage');
    expect(json.audittrail.find((a) => a.doel === 'inzage')).toMatchObject({ actie: 'lezen', gebruikersnaam: 'privacy', rol: 'privacy', gegevens: 'inzage' });
    expect(json.audittrail.some((a) => a.gebruikersnaam === 'regisseur' && a.actie === 'aanmaken')).toBe(true);
    // Everything before the export is chained (it has its place); only the export's own entry, still in its transaction, is new.
    expect(json.audittrail.filter((a) => a.volgnummer === null).map((a) => a.doel)).toEqual(['inzage']);
    expect(json.audittrail.at(-1)!.doel).toBe('inzage');
    // Exactly one entry per export, for this person.
    const rijen = await t.database.db.selectFrom('auditlog').select(['actie', 'doel', 'resource_type']).where('persoon_id', '=', r.persoonId).where('doel', '=', 'inzage').execute();
    expect(rijen).toEqual([{ actie: 'lezen', doel: 'inzage', resource_type: 'inzage' }]);
  });

  it('over andere leden van het huishouden: alleen naam en relatie, niet hun eigen gesprek, scores, BSN of geboortedatum', async () => {
    const tekst = strFromU8(bestanden['inzage.json']!);
    expect(tekst).not.toContain(GEHEIM_VAN_PARTNER);
    expect(tekst).not.toContain('1947-03-03');
    expect(await pdfTekst(bestanden['inzage.pdf']!)).not.toContain('schulden bij de bank');
    const leesmij = strFromU8(bestanden['LEESMIJ.txt']!);
    expect(leesmij).toContain('Een gesprek met alleen een ander lid');
    expect(leesmij).toContain('"versie": 1');
    expect(leesmij).toContain('inzage.pdf');
    expect(leesmij).toContain('brieven/');
  });

  it('de PDF is leesbaar: kopjes per onderdeel, de naam, het beschikkingsnummer, de datum en paginanummers', async () => {
    const tekst = await pdfTekst(bestanden['inzage.pdf']!);
    for (const kop of ['Inzage in uw gegevens', 'Inhoud', '1. Uw persoonsgegevens', '2. Uw huishouden en vertegenwoordigers', '3. Meldingen', '4. Casussen en gesprekken', '5. Plannen',
      '6. Aanvragen', '7. Beschikkingen', '8. Bezwaren', '9. Gedeeld met partners', '10. Wie uw gegevens heeft gebruikt', '11. Over dit overzicht']) {
      expect(tekst).toContain(kop);
    }
    expect(tekst).toContain(r.naam);
    expect(tekst).toContain(`Beschikking ${r.beschikkingNummer}`);
    expect(tekst).toContain(`Bezwaar ${r.bezwaarNummer}`);
    expect(tekst).toContain('Gemeente Demodorp');
    expect(tekst).toContain('Zelf blijven douchen');
    expect(tekst).toMatch(/pagina 1 van \d+/);
    const beschikking = await pdfTekst(bestanden[`brieven/beschikking-${r.beschikkingNummer}.pdf`]!);
    expect(beschikking).toContain(r.beschikkingNummer);
  });

  it('het overzicht voor de privacy officer telt per onderdeel, op BSN', async () => {
    const o = await privacy.get<{ persoon: { id: string; naam: string }; aantallen: Record<string, number> }>(`/api/v1/inzage?bsn=${json.persoon.bsn}`);
    expect(o.status).toBe(200);
    expect(o.body.persoon).toMatchObject({ id: r.persoonId, naam: r.naam });
    expect(o.body.aantallen).toMatchObject({ meldingen: 1, casussen: 1, gesprekken: 1, aanvragen: 1, beschikkingen: 1, bezwaren: 1, verstrekkingen: 1, brieven: 3, huishoudleden: 2, vertegenwoordigers: 1 });
    expect((await privacy.get('/api/v1/inzage')).status).toBe(400);
  });

  it('andere rollen krijgen 403, een onbekende inwoner 404, een inwoner van een andere gemeente ook 404', async () => {
    for (const c of [regisseur, teamleider, beslisser]) expect((await download(c, r.persoonId)).status).toBe(403);
    expect((await download(privacy, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    // A malformed id names no resident either (as on every /{id} route).
    expect((await download(privacy, 'geen-uuid')).status).toBe(404);
    const tweestad = await t.login('regisseur-tweestad');
    const ander = await tweestad.post<{ persoon: { id: string } }>('/api/v1/meldingen', voorbeeldMelding({ ontvangenOp: dag }));
    expect(ander.status).toBe(201);
    expect((await download(privacy, ander.body.persoon.id)).status).toBe(404);
    expect((await privacy.get(`/api/v1/inzage?persoonId=${ander.body.persoon.id}`)).status).toBe(404);
  });
});
