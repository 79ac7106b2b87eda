import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vandaag } from '../../platform/time.ts';
import { startTestApp, voorbeeldMelding, type Client, type TestApp } from '../../testing/harness.ts';
import { pdfTekst } from '../../testing/pdf.ts';

let t: TestApp;
let regisseur: Client;
let regisseur2: Client;
let teamleider: Client;
let casusId: string;

interface Gesprek { id: string; instrument: { code: string }; scores: { domein: string; score: number | null; scoreLabel: string | null }[]; verslag: { verzondenOp: string | null; hash: string | null }; inwonerReactie: { tekst: string } | null }
interface Item { id: string; trede: number; status: string; redenAanvraag: string | null; verantwoordelijke: string }
interface Plan { versie: number; status: string; instemming: unknown; doelen: { id: string; status: string; arrangement: Item[] }[]; arrangementPerTrede: { trede: number; items: Item[] }[]; versies: { versie: number; reden: string }[]; evaluaties: { id: string; gehoudenOp: string | null; besluit: string | null }[] }
interface ProblemBody { code: string; detail: string; invalidParams?: { name: string }[] }
interface CatItem { id: string; naam: string; trede: number; beschikkingNodig: boolean; limiet: { eenheid: 'uur'; waarde: number } | { eenheid: 'euro'; waardeCents: number } | null }

const ACHT = ['huisvesting', 'financien', 'sociaalFunctioneren', 'psychischFunctioneren', 'zingeving', 'lichamelijkFunctioneren', 'praktischFunctioneren', 'dagbesteding'];
const gesprek = (scores: (number | null)[], over: Record<string, unknown> = {}) => ({
  datum: vandaag(), plek: 'thuis', deelnemers: [{ rol: 'inwoner', naam: 'Johanna van Dijk' }, { rol: 'mantelzorger', naam: 'Piet van Dijk' }],
  samenvatting: 'Mevrouw wil thuis blijven wonen.', scores: ACHT.map((domein, i) => ({ domein, score: scores[i] ?? null, toelichting: `Over ${domein}` })), ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  [regisseur, regisseur2, teamleider] = (await Promise.all(['regisseur', 'regisseur2', 'teamleider'].map((u) => t.login(u)))) as [Client, Client, Client];
  const m = await regisseur.post<{ id: string }>('/api/v1/meldingen', voorbeeldMelding({ wet: 'schuldhulp', ontvangenOp: vandaag() }));
  casusId = (await regisseur.post<{ casus: { id: string } }>(`/api/v1/meldingen/${m.body.id}/triage`, { uitkomst: 'onderzoek' })).body.casus.id;
});
afterAll(async () => t?.close());

describe('het gesprek over alle leefgebieden', () => {
  it('de instrumenten zijn de 8 leefgebieden (standaard) en de ZRM 2017 met 13 domeinen', async () => {
    const r = await regisseur.get<{ code: string; standaard: boolean; domeinen: unknown[]; schaal: unknown[] }[]>('/api/v1/instrumenten');
    expect(r.body.map((i) => [i.code, i.standaard, i.domeinen.length, i.schaal.length])).toEqual([['deventer-8', true, 8, 5], ['zrm-2017', false, 13, 5]]);
  });

  it('instrumenten zijn instelbaar: de beheerder voegt er een toe, en daarmee kan worden gescoord', async () => {
    const beheer = await t.login('beheer');
    const r = await beheer.request<{ code: string }[]>('PUT', '/api/v1/instrumenten/kort-3', {
      naam: 'Korte check', schaal: [{ waarde: 1, label: 'Zorgelijk' }, { waarde: 2, label: 'Gaat' }, { waarde: 3, label: 'Goed' }],
      domeinen: [{ code: 'wonen', naam: 'Wonen', leefgebied: 'huisvesting' }, { code: 'geld', naam: 'Geld', leefgebied: 'financien' }],
    });
    expect(r.status).toBe(200);
    expect(r.body.map((i) => i.code)).toContain('kort-3');
    const fout = await beheer.request<ProblemBody>('PUT', '/api/v1/instrumenten/kort-4', { naam: 'X', schaal: [{ waarde: 1, label: 'a' }], domeinen: [] });
    expect(fout.status).toBe(400);
    expect(fout.body.invalidParams!.map((p) => p.name).sort()).toEqual(['domeinen', 'schaal']);
    const g = await teamleider.post<Gesprek>(`/api/v1/casussen/${casusId}/gesprekken`, { ...gesprek([]), soort: 'vervolg', instrument: 'kort-3', scores: [{ domein: 'geld', score: 3 }] });
    expect(g.status).toBe(201);
    expect(g.body.scores[0]).toMatchObject({ score: 3, scoreLabel: 'Goed' });
  });

  it('de regisseur legt een keukentafelgesprek vast met scores per leefgebied; het eerste gesprek rondt de schuldhulptermijn af', async () => {
    const r = await regisseur.post<Gesprek>(`/api/v1/casussen/${casusId}/gesprekken`, gesprek([3, 1, 2, 3, 4, 2, 3, null]));
    expect(r.status).toBe(201);
    expect(r.body.scores.find((s) => s.domein === 'financien')).toMatchObject({ score: 1, scoreLabel: 'Acute problematiek' });
    expect(r.body.scores.find((s) => s.domein === 'dagbesteding')).toMatchObject({ score: null });
    const casus = await regisseur.get<{ meldingen: { termijnen: { soort: string; status: string }[] }[] }>(`/api/v1/casussen/${casusId}`);
    expect(casus.body.meldingen[0]!.termijnen[0]).toMatchObject({ soort: 'eersteGesprek', status: 'afgerondBinnenTermijn' });
  });

  it('scores buiten de schaal of voor een onbekend domein → 400 met het veld', async () => {
    const r = await regisseur.post<ProblemBody>(`/api/v1/casussen/${casusId}/gesprekken`, {
      ...gesprek([]), scores: [{ domein: 'financien', score: 7 }, { domein: 'geluk', score: 3 }],
    });
    expect(r.status).toBe(400);
    expect(r.body.invalidParams!.map((p) => p.name)).toEqual(['scores.0.score', 'scores.1.domein']);
    const zrm = await regisseur.post<ProblemBody>(`/api/v1/casussen/${casusId}/gesprekken`, { ...gesprek([]), instrument: 'onbekend' });
    expect(zrm.body.code).toBe('instrument-onbekend');
  });

  it('een andere regisseur kan geen gesprek vastleggen in deze casus; de teamleider wel', async () => {
    // Rachida is not in this household's circle (need-to-know): she does not even see the casus.
    const r = await regisseur2.post<ProblemBody>(`/api/v1/casussen/${casusId}/gesprekken`, gesprek([3]));
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('geen-toegang-dossier');
    expect((await teamleider.post(`/api/v1/casussen/${casusId}/gesprekken`, gesprek([3], { soort: 'vervolg', instrument: 'zrm-2017', scores: [{ domein: 'justitie', score: 5 }] }))).status).toBe(201);
  });

  it('het gespreksverslag is een echte PDF-brief; na verzenden staat het vast, met hash, en kan het niet opnieuw', async () => {
    const g = (await regisseur.get<Gesprek[]>(`/api/v1/casussen/${casusId}/gesprekken`)).body.find((x) => x.instrument.code === 'deventer-8')!;
    const concept = await regisseur.request<string>('GET', `/api/v1/gesprekken/${g.id}/verslag.pdf`);
    expect(concept.headers.get('content-type')).toBe('application/pdf');
    const conceptPdf = new Uint8Array(await (await fetch(`${t.baseUrl}/api/v1/gesprekken/${g.id}/verslag.pdf`, { headers: { cookie: regisseur.cookie! } })).arrayBuffer());
    expect(new TextDecoder().decode(conceptPdf.slice(0, 5))).toBe('%PDF-');
    const tekst = await pdfTekst(conceptPdf);
    expect(tekst).toContain('CONCEPT');
    expect(tekst).toContain('Johanna van Dijk');
    expect(tekst).toContain('Acute problematiek');
    const v = await regisseur.post<Gesprek>(`/api/v1/gesprekken/${g.id}/verzending`);
    expect(v.status).toBe(200);
    expect(v.body.verslag.hash).toMatch(/^[0-9a-f]{64}$/);
    const verzonden = new Uint8Array(await (await fetch(`${t.baseUrl}/api/v1/gesprekken/${g.id}/verslag.pdf`, { headers: { cookie: regisseur.cookie! } })).arrayBuffer());
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(verzonden).digest('hex')).toBe(v.body.verslag.hash);
    expect(await pdfTekst(verzonden)).not.toContain('CONCEPT');
    expect((await regisseur.post<ProblemBody>(`/api/v1/gesprekken/${g.id}/verzending`)).body.code).toBe('verslag-al-verzonden');
    const reactie = await regisseur.post<Gesprek>(`/api/v1/gesprekken/${g.id}/reactie`, { tekst: 'Mijn dochter helpt ook met de boodschappen.' });
    expect(reactie.body.inwonerReactie?.tekst).toContain('dochter');
  });
});

describe('één plan per huishouden, langs de ladder', () => {
  let doelId: string;

  it('een doel per leefgebied met meetbaar resultaat en streefdatum; elke wijziging is een nieuwe versie', async () => {
    const r = await regisseur.post<{ id: string; leefgebied: string }>(`/api/v1/casussen/${casusId}/plan/doelen`, {
      leefgebied: 'financien', omschrijving: 'Weer grip op geld', meetbaarResultaat: 'Alle vaste lasten betaald, 3 maanden op rij', streefdatum: '2027-05-01',
    });
    expect(r.status).toBe(201);
    doelId = r.body.id;
    const verleden = await regisseur.post<ProblemBody>(`/api/v1/casussen/${casusId}/plan/doelen`, {
      leefgebied: 'financien', omschrijving: 'x', meetbaarResultaat: 'y', streefdatum: '2020-01-01',
    });
    expect(verleden.status).toBe(400);
    expect(verleden.body.invalidParams![0]!.name).toBe('streefdatum');
    const plan = (await regisseur.get<Plan>(`/api/v1/casussen/${casusId}/plan`)).body;
    expect(plan.status).toBe('concept');
    expect(plan.versies.map((v) => v.reden)).toEqual([expect.stringContaining('Doel toegevoegd')]);
  });

  it('eigen kracht eerst, zonder motivering; een hogere trede zonder motivering → 400 ladder-motivering-ontbreekt en niets geschreven', async () => {
    const eigen = await regisseur.post<Item>(`/api/v1/casussen/${casusId}/plan/arrangement`, { doelId, trede: 1, omschrijving: 'Mevrouw houdt een kasboek bij' });
    expect(eigen.status).toBe(201);
    expect(eigen.body).toMatchObject({ status: 'ingezet', verantwoordelijke: 'Inwoner' });
    const versieVoor = (await regisseur.get<Plan>(`/api/v1/casussen/${casusId}/plan`)).body.versie;
    const netwerk = await regisseur.post<ProblemBody>(`/api/v1/casussen/${casusId}/plan/arrangement`, { doelId, trede: 2, omschrijving: 'Zoon helpt met de post' });
    expect(netwerk.status).toBe(400);
    expect(netwerk.body.code).toBe('ladder-motivering-ontbreekt');
    expect(netwerk.body.invalidParams![0]!.name).toBe('motivering');
    const plan = (await regisseur.get<Plan>(`/api/v1/casussen/${casusId}/plan`)).body;
    expect(plan.versie).toBe(versieVoor);
    expect(plan.doelen[0]!.arrangement).toHaveLength(1);
  });

  it('voorliggend veld zonder beschikking wordt direct ingezet; tot de grens direct, erboven een aanvraag', async () => {
    const cat = (await regisseur.get<CatItem[]>('/api/v1/catalogus?trede=3&zonderBeschikking=true')).body;
    const vrij = cat.find((i) => !i.limiet)!;
    const metGrens = cat.find((i) => i.limiet?.eenheid === 'uur') as CatItem & { limiet: { eenheid: 'uur'; waarde: number } };
    const a = await regisseur.post<Item>(`/api/v1/casussen/${casusId}/plan/arrangement`, {
      doelId, trede: 3, catalogusItemId: vrij.id, motivering: 'Het netwerk kan de administratie niet aan.',
    });
    expect(a.body.status).toBe('ingezet');
    const binnen = await regisseur.post<Item>(`/api/v1/casussen/${casusId}/plan/arrangement`, {
      doelId, trede: 3, catalogusItemId: metGrens.id, omvang: { waarde: metGrens.limiet!.waarde, eenheid: 'uur' },
    });
    expect(binnen.body.status).toBe('ingezet');
    const boven = await regisseur.post<Item>(`/api/v1/casussen/${casusId}/plan/arrangement`, {
      doelId, trede: 3, catalogusItemId: metGrens.id, omvang: { waarde: metGrens.limiet!.waarde + 1, eenheid: 'uur' },
    });
    expect(boven.body.status).toBe('aanvraagNodig');
    expect(boven.body.redenAanvraag).toMatch(/groter dan/);
  });

  it('een omvang in euro’s is in centen: tot en met de grens (op de cent) direct, één cent erboven een aanvraag (ADR 34)', async () => {
    const beheer = await t.login('beheer');
    const budget = await beheer.post<CatItem>('/api/v1/catalogus', {
      naam: 'Klein budget zonder beschikking', omschrijving: 'Een klein bedrag per jaar, direct in te zetten.', domein: 'wmo', trede: 3, leefgebieden: ACHT,
      kernIds: [], aanbieder: 'Stichting Welzijn Demodorp', beschikkingNodig: false, limiet: { eenheid: 'euro', waardeCents: 25050 }, zoekwoorden: [], actief: true,
    });
    expect(budget.status).toBe(201);
    // A household of its own, so the other tests' counts per rung stay as they are.
    const m = await regisseur.post<{ id: string }>('/api/v1/meldingen', voorbeeldMelding({ wet: 'wmo', ontvangenOp: vandaag() }));
    const casusId = (await regisseur.post<{ casus: { id: string } }>(`/api/v1/meldingen/${m.body.id}/triage`, { uitkomst: 'onderzoek' })).body.casus.id;
    const doelId = (await regisseur.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/doelen`, {
      leefgebied: 'financien', omschrijving: 'Meedoen in de buurt', meetbaarResultaat: 'Eén activiteit per week', streefdatum: '2027-05-01',
    })).body.id;
    const motivering = 'Het netwerk kan dit niet betalen.';
    const binnen = await regisseur.post<Item & { omvang: unknown }>(`/api/v1/casussen/${casusId}/plan/arrangement`, {
      doelId, trede: 3, catalogusItemId: budget.body.id, motivering, omvang: { eenheid: 'euro', waardeCents: 25050 },
    });
    expect(binnen.status).toBe(201);
    expect(binnen.body).toMatchObject({ status: 'ingezet', omvang: { eenheid: 'euro', waardeCents: 25050 } });
    const rij = await t.database.db.selectFrom('arrangement_items').select(['omvang', 'omvang_eenheid', 'omvang_cents']).where('id', '=', binnen.body.id).executeTakeFirstOrThrow();
    expect(rij).toEqual({ omvang: null, omvang_eenheid: 'euro', omvang_cents: 25050 });
    const boven = await regisseur.post<Item>(`/api/v1/casussen/${casusId}/plan/arrangement`, {
      doelId, trede: 3, catalogusItemId: budget.body.id, motivering, omvang: { eenheid: 'euro', waardeCents: 25051 },
    });
    expect(boven.body.status).toBe('aanvraagNodig');
    const versieVoor = (await regisseur.get<Plan>(`/api/v1/casussen/${casusId}/plan`)).body.versie;
    const inEuros = await regisseur.post<ProblemBody>(`/api/v1/casussen/${casusId}/plan/arrangement`, {
      doelId, trede: 3, catalogusItemId: budget.body.id, motivering, omvang: { eenheid: 'euro', waarde: 250 },
    });
    expect(inEuros.status).toBe(400);
    expect(inEuros.body.invalidParams![0]!.name).toMatch(/^omvang/);
    expect((await regisseur.get<Plan>(`/api/v1/casussen/${casusId}/plan`)).body.versie).toBe(versieVoor);
  });

  it('een maatwerkvoorziening (trede 4) wordt altijd een aanvraag; de trede moet bij het product passen', async () => {
    const maatwerk = (await regisseur.get<CatItem[]>('/api/v1/catalogus?trede=4&leefgebied=financien')).body[0]!;
    const verkeerd = await regisseur.post<ProblemBody>(`/api/v1/casussen/${casusId}/plan/arrangement`, { doelId, trede: 3, catalogusItemId: maatwerk.id });
    expect(verkeerd.body.code).toBe('trede-past-niet');
    const zonder = await regisseur.post<ProblemBody>(`/api/v1/casussen/${casusId}/plan/arrangement`, { doelId, trede: 4, catalogusItemId: maatwerk.id });
    expect(zonder.body.code).toBe('ladder-motivering-ontbreekt');
    const r = await regisseur.post<Item>(`/api/v1/casussen/${casusId}/plan/arrangement`, {
      doelId, trede: 4, catalogusItemId: maatwerk.id, motivering: 'Acute schulden: voorliggend veld is niet genoeg.',
    });
    expect(r.body.status).toBe('aanvraagNodig');
    const plan = (await regisseur.get<Plan>(`/api/v1/casussen/${casusId}/plan`)).body;
    expect(plan.arrangementPerTrede.map((tr) => [tr.trede, tr.items.length])).toEqual([[1, 1], [2, 0], [3, 3], [4, 1]]);
  });

  it('instemming van de inwoner maakt het plan actief; een tweede casus van hetzelfde huishouden bestaat niet', async () => {
    const r = await regisseur.post<Plan>(`/api/v1/casussen/${casusId}/plan/instemming`, { datum: vandaag(), wijze: 'schriftelijk' });
    expect(r.body.status).toBe('actief');
    expect(r.body.instemming).toEqual({ datum: vandaag(), wijze: 'schriftelijk' });
  });

  it('evaluatie: opnieuw scoren met hetzelfde instrument, doelen beoordelen, en afsluiten pas als elk doel een eindstatus heeft', async () => {
    const gepland = await regisseur.post<Plan>(`/api/v1/casussen/${casusId}/plan/evaluaties`, { geplandOp: vandaag() });
    const evaluatieId = gepland.body.evaluaties[0]!.id;
    const g = await regisseur.post<Gesprek>(`/api/v1/casussen/${casusId}/gesprekken`, gesprek([4, 3, 3, 3, 4, 2, 4, null], { soort: 'evaluatie' }));
    const onvolledig = await regisseur.post<ProblemBody>(`/api/v1/casussen/${casusId}/plan/evaluaties/${evaluatieId}/uitvoering`, {
      gehoudenOp: vandaag(), gesprekId: g.body.id, besluit: 'afsluiten', doelen: [],
    });
    expect(onvolledig.status).toBe(400);
    expect(onvolledig.body.code).toBe('evaluatie-onvolledig');
    const r = await regisseur.post<Plan>(`/api/v1/casussen/${casusId}/plan/evaluaties/${evaluatieId}/uitvoering`, {
      gehoudenOp: vandaag(), gesprekId: g.body.id, besluit: 'afsluiten', doelen: [{ doelId, status: 'behaald' }],
    });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('gesloten');
    expect(r.body.doelen[0]!.status).toBe('behaald');
    expect(r.body.evaluaties[0]).toMatchObject({ gehoudenOp: vandaag(), besluit: 'afsluiten' });
    const dicht = await regisseur.post<ProblemBody>(`/api/v1/casussen/${casusId}/plan/doelen`, { leefgebied: 'huisvesting', omschrijving: 'x', meetbaarResultaat: 'y', streefdatum: '2027-01-01' });
    expect(dicht.body.code).toBe('plan-gesloten');
  });

  it('de scores over de tijd tonen per leefgebied de reeks en het verschil tussen eerste en laatste gesprek', async () => {
    const r = await regisseur.get<{ instrument: { code: string }; domeinen: { domein: string; reeks: { score: number }[]; verschil: number | null }[] }>(`/api/v1/casussen/${casusId}/scores`);
    expect(r.body.instrument.code).toBe('deventer-8');
    const fin = r.body.domeinen.find((d) => d.domein === 'financien')!;
    expect(fin.reeks.map((x) => x.score)).toEqual([1, 3]);
    expect(fin.verschil).toBe(2);
    expect(r.body.domeinen.find((d) => d.domein === 'dagbesteding')!.verschil).toBeNull();
  });

  it('elke stap staat in de audittrail, voor elk lid van het huishouden', async () => {
    const rows = await t.database.db.selectFrom('auditlog').select(['doel', 'resource_type']).where('doel', 'in', ['arrangement samenstellen', 'gesprek vastleggen', 'gespreksverslag verzenden']).execute();
    expect(new Set(rows.map((r) => r.doel))).toEqual(new Set(['arrangement samenstellen', 'gesprek vastleggen', 'gespreksverslag verzenden']));
  });
});
