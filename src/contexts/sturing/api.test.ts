import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vandaag } from '../../platform/time.ts';
import { nieuwBsn, startTestApp, voorbeeldMelding, type Client, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let regisseur: Client;
let teamleider: Client;
let beslisser: Client;
let beslisser2: Client;
let beleid: Client;

interface Kpi { id: string; waarde: number | null; teller: number; noemer: number; norm: number | null; signaal: string | null; reeks: { periode: string; waarde: number | null; teller: number; noemer: number }[] }

beforeAll(async () => {
  t = await startTestApp();
  [regisseur, teamleider, beslisser, beslisser2, beleid] = (await Promise.all(['regisseur', 'teamleider', 'beslisser', 'beslisser2', 'beleid'].map((u) => t.login(u)))) as [Client, Client, Client, Client, Client];
});
afterAll(async () => t?.close());

/** A melding received on `op` that the regisseur takes into onderzoek; returns its casus. */
async function meldingInOnderzoek(op: string, extra: Record<string, unknown> = {}): Promise<string> {
  const m = await regisseur.post<{ id: string }>('/api/v1/meldingen', voorbeeldMelding({ ontvangenOp: op, ...extra }));
  return (await regisseur.post<{ casus: { id: string } }>(`/api/v1/meldingen/${m.body.id}/triage`, { uitkomst: 'onderzoek' })).body.casus.id;
}

/** The whole decision process for one maatwerk item on a casus, ending in a granted decision (sent: `verzend`, so its voorziening exists). */
async function maatwerkBesluit(casusId: string, metGesprek = false, besluit: Record<string, unknown> = {}) {
  const { aanvraagOp, verzend, ...extra } = besluit;
  if (metGesprek) {
    await regisseur.post(`/api/v1/casussen/${casusId}/gesprekken`, { datum: vandaag(), plek: 'thuis', deelnemers: [{ rol: 'inwoner', naam: 'J. van Dijk' }], scores: [{ domein: 'financien', score: 2 }] });
  }
  const doel = await regisseur.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/doelen`, { leefgebied: 'praktischFunctioneren', omschrijving: 'Schoon huis', meetbaarResultaat: 'Wekelijks', streefdatum: '2027-06-01' });
  // A contracted product (issue 13: the decision is on a contract product, its unit and period).
  const product = (await regisseur.get<{ id: string; naam: string }[]>('/api/v1/catalogus?domein=wmo&trede=4')).body.find((i) => i.naam === 'Hulp bij het huishouden (maatwerk)')!;
  const item = await regisseur.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/arrangement`, { doelId: doel.body.id, trede: 4, catalogusItemId: product.id, motivering: 'Nodig.' });
  const a = await regisseur.post<{ id: string }>('/api/v1/aanvragen', { casusId, arrangementItemIds: [item.body.id], ontvangenOp: (aanvraagOp as string | undefined) ?? vandaag() });
  await teamleider.post(`/api/v1/aanvragen/${a.body.id}/toets`, {});
  await beslisser2.post(`/api/v1/aanvragen/${a.body.id}/beoordeling`, {});
  const r = await beslisser.post<{ status: string }>(`/api/v1/aanvragen/${a.body.id}/besluit`, {
    producten: [{ arrangementItemId: item.body.id, uitkomst: 'toegekend', omvang: 2, eenheid: 'uur', periode: 'week', ingangsdatum: vandaag(), leveringsvorm: 'zin', ...extra }], motivering: 'Passend.',
  });
  expect(r.body.status, JSON.stringify(r.body)).toBe('besloten');
  if (verzend) expect((await beslisser.post(`/api/v1/aanvragen/${a.body.id}/verzending`, {})).status).toBe(200);
}

describe('KPI’s uit de data, exact', () => {
  it('de definities staan klaar, met de Deventer-normen', async () => {
    const r = await beleid.get<{ id: string; norm: number | null }[]>('/api/v1/kpis');
    expect(r.status).toBe(200);
    expect(r.body.find((k) => k.id === 'aandeel-meldingen-naar-maatwerk')!.norm).toBe(0.2);
    expect(r.body.map((k) => k.id)).toEqual(expect.arrayContaining(['aandeel-maatwerk-met-gesprek', 'aandeel-goed-geholpen', 'termijnen-binnen-termijn']));
  });

  it('10 nieuwe meldingen waarvan 2 tot een maatwerkbesluit leidden: teller 2, noemer 10, waarde 0,2', async () => {
    const casussen: string[] = [];
    for (let i = 1; i <= 10; i++) {
      if (i <= 2) casussen.push(await meldingInOnderzoek(`2019-03-${String(i).padStart(2, '0')}`));
      else await regisseur.post('/api/v1/meldingen', voorbeeldMelding({ ontvangenOp: `2019-03-${String(i).padStart(2, '0')}` }));
    }
    for (const c of casussen) await maatwerkBesluit(c);
    const r = await beleid.get<Kpi>('/api/v1/kpis/aandeel-meldingen-naar-maatwerk?van=2019-03-01&tot=2019-03-31');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: 'aandeel-meldingen-naar-maatwerk', teller: 2, noemer: 10, waarde: 0.2, norm: 0.2, signaal: 'groen' });
    expect(r.body.reeks).toEqual([{ periode: '2019-03', waarde: 0.2, teller: 2, noemer: 10 }]);
    const wmo = await beleid.get<Kpi>('/api/v1/kpis/aandeel-meldingen-naar-maatwerk?van=2019-03-01&tot=2019-03-31&wet=jeugdwet');
    expect(wmo.body).toMatchObject({ teller: 0, noemer: 0, waarde: null, signaal: null });
  });

  it('maatwerk met een gesprek vooraf telt mee in de teller, zonder gesprek alleen in de noemer', async () => {
    const voor = (await beleid.get<Kpi>(`/api/v1/kpis/aandeel-maatwerk-met-gesprek?van=${vandaag()}&tot=${vandaag()}`)).body;
    await maatwerkBesluit(await meldingInOnderzoek(vandaag()), true);
    await maatwerkBesluit(await meldingInOnderzoek(vandaag()), false);
    const na = (await beleid.get<Kpi>(`/api/v1/kpis/aandeel-maatwerk-met-gesprek?van=${vandaag()}&tot=${vandaag()}`)).body;
    expect(na.teller - voor.teller).toBe(1);
    expect(na.noemer - voor.noemer).toBe(2);
  });

  it('goed geholpen: de antwoorden van inwoners, met signaal tegen de norm die beleid instelt', async () => {
    const casus = await meldingInOnderzoek('2019-04-01');
    for (const goed of [true, true, true, false]) {
      expect((await regisseur.post(`/api/v1/casussen/${casus}/tevredenheid`, { datum: '2019-04-15', goedGeholpen: goed, cijfer: goed ? 8 : 4 })).status).toBe(201);
    }
    const r = await beleid.get<Kpi>('/api/v1/kpis/aandeel-goed-geholpen?van=2019-04-01&tot=2019-04-30');
    expect(r.body).toMatchObject({ teller: 3, noemer: 4, waarde: 0.75, signaal: 'oranje' });
    const n = await beleid.request<{ norm: number }>('PUT', '/api/v1/kpis/aandeel-goed-geholpen/norm', { norm: 0.7 });
    expect(n.body.norm).toBe(0.7);
    expect((await beleid.get<Kpi>('/api/v1/kpis/aandeel-goed-geholpen?van=2019-04-01&tot=2019-04-30')).body.signaal).toBe('groen');
    expect((await beleid.request('PUT', '/api/v1/kpis/aandeel-goed-geholpen/norm', { norm: 70 })).status).toBe(400);
  });

  it('onbekende KPI → 404; een periode achterstevoren → 400; de frontoffice ziet geen sturingsinformatie', async () => {
    expect((await beleid.get('/api/v1/kpis/bestaat-niet')).status).toBe(404);
    expect((await beleid.get('/api/v1/kpis/nieuwe-meldingen?van=2026-05-01&tot=2026-01-01')).status).toBe(400);
    expect((await (await t.login('frontoffice')).get('/api/v1/kpis')).status).toBe(403);
  });
});

type Gebieden = { id: string; naam: string; wijken: { id: string; naam: string }[] }[];
const wijkPersoon = (wijkId: string) => ({ persoon: { bsn: nieuwBsn(), voornaam: 'Anna', achternaam: 'Bakker', geboortedatum: '1950-01-01', adres: { straat: 'Dorpsstraat', huisnummer: '1', postcode: '1234 AB', wijkId } } });

describe('KPI’s gesneden, verdeeld en tot op de casus te volgen', () => {
  let kernA: Gebieden[number];
  let kernB: Gebieden[number];
  beforeAll(async () => {
    const g = (await beleid.get<Gebieden>('/api/v1/gebieden')).body;
    [kernA, kernB] = g as [Gebieden[number], Gebieden[number]];
  });

  it('per kern: elke kern zijn eigen teller en noemer, samen de hele gemeente', async () => {
    // February 2018: 3 meldingen in kern A (1 leads to maatwerk), 2 in kern B.
    const c = await meldingInOnderzoek('2018-02-05', wijkPersoon(kernA.wijken[0]!.id));
    await maatwerkBesluit(c);
    for (const [dag, wijk] of [['06', kernA.wijken[0]!.id], ['07', kernA.wijken[0]!.id], ['08', kernB.wijken[0]!.id], ['09', kernB.wijken[0]!.id]] as const) {
      await regisseur.post('/api/v1/meldingen', voorbeeldMelding({ ontvangenOp: `2018-02-${dag}`, ...wijkPersoon(wijk) }));
    }
    const r = await beleid.get<{ rijen: { sleutel: string; naam: string; teller: number; noemer: number; waarde: number; signaal: string }[] }>(
      '/api/v1/kpis/aandeel-meldingen-naar-maatwerk/verdeling?per=kern&van=2018-02-01&tot=2018-02-28');
    expect(r.status).toBe(200);
    expect(r.body.rijen.find((x) => x.sleutel === kernA.id)).toMatchObject({ naam: kernA.naam, teller: 1, noemer: 3, signaal: 'rood' });
    expect(r.body.rijen.find((x) => x.sleutel === kernB.id)).toMatchObject({ naam: kernB.naam, teller: 0, noemer: 2, waarde: 0, signaal: 'groen' });
    const alleenA = await beleid.get<Kpi>(`/api/v1/kpis/aandeel-meldingen-naar-maatwerk?van=2018-02-01&tot=2018-02-28&kern=${kernA.id}`);
    expect(alleenA.body).toMatchObject({ teller: 1, noemer: 3 });
    const wijk = await beleid.get<Kpi>(`/api/v1/kpis/nieuwe-meldingen?van=2018-02-01&tot=2018-02-28&wijk=${kernB.wijken[0]!.id}`);
    expect(wijk.body).toMatchObject({ teller: 2 });
  });

  it('de teamleider ziet de casussen achter een cijfer (en dat wordt gelogd); beleid ziet alleen aantallen per wijk, kleine aantallen onderdrukt', async () => {
    const tl = await teamleider.get<{ soort: string; totaal: number; rijen: { ref: string; casusId: string | null; telt: number }[] }>(
      `/api/v1/kpis/aandeel-meldingen-naar-maatwerk/onderliggend?van=2018-02-01&tot=2018-02-28&kern=${kernA.id}`);
    expect(tl.status).toBe(200);
    expect(tl.body.soort).toBe('casussen');
    expect(tl.body.totaal).toBe(3);
    expect(tl.body.rijen.filter((x) => x.telt === 1)).toHaveLength(1);
    expect(tl.body.rijen.every((x) => /^M-2018-/.test(x.ref))).toBe(true);
    const bl = await beleid.get<{ soort: string; rijen: { wijk: string; teller: number | null; noemer: number | null; onderdrukt: boolean }[] }>(
      '/api/v1/kpis/aandeel-meldingen-naar-maatwerk/onderliggend?van=2018-02-01&tot=2018-02-28');
    expect(bl.body.soort).toBe('aantallen');
    expect(bl.body.rijen.find((x) => x.wijk === kernA.wijken[0]!.naam)).toEqual({ wijk: kernA.wijken[0]!.naam, teller: null, noemer: null, onderdrukt: true });
    expect(JSON.stringify(bl.body)).not.toMatch(/M-2018-/);
  });

  it('de casussen achter een cijfer staan in de audittrail van elke getoonde inwoner', async () => {
    const tl = await teamleider.get<{ rijen: { ref: string }[] }>(`/api/v1/kpis/aandeel-meldingen-naar-maatwerk/onderliggend?van=2018-02-01&tot=2018-02-28&kern=${kernA.id}`);
    const personen = await t.database.db.selectFrom('meldingen').select('persoon_id').where('nummer', 'in', tl.body.rijen.map((r) => r.ref)).execute();
    expect(personen).toHaveLength(3);
    const privacy = await t.login('privacy');
    for (const { persoon_id } of personen) {
      const trail = await privacy.get<{ resultaten: { gebruikersnaam: string; resourceType: string; doel: string }[] }>(`/api/v1/audit?persoonId=${persoon_id}`);
      expect(trail.body.resultaten).toContainEqual(expect.objectContaining({
        gebruikersnaam: 'teamleider', resourceType: 'kpi-onderliggend', doel: 'sturing: casussen achter aandeel-meldingen-naar-maatwerk 2018-02-01–2018-02-28 inzien',
      }));
    }
  });

  it('een rij over een hele casus (caseload) staat in de audittrail van elk lid van het huishouden', async () => {
    const tot = vandaag();
    const tl = await teamleider.get<{ rijen: { ref: string; casusId: string | null }[] }>(`/api/v1/kpis/caseload-per-regisseur/onderliggend?tot=${tot}`);
    expect(tl.status).toBe(200);
    const casusId = tl.body.rijen.find((r) => r.casusId)!.casusId!;
    const leden = await t.database.db.selectFrom('casussen as c').innerJoin('personen as p', 'p.huishouden_id', 'c.huishouden_id')
      .select('p.id').where('c.id', '=', casusId).execute();
    expect(leden.length).toBeGreaterThan(0);
    const audit = await t.database.db.selectFrom('auditlog').select(['persoon_id', 'resource_type']).where('resource_type', '=', 'kpi-onderliggend')
      .where('persoon_id', 'in', leden.map((l) => l.id)).where('doel', 'like', 'sturing: casussen achter caseload-per-regisseur%').execute();
    expect(new Set(audit.map((a) => a.persoon_id))).toEqual(new Set(leden.map((l) => l.id)));
  });

  it('een KPI die niet op product te snijden is, geeft een duidelijke 400', async () => {
    const r = await beleid.get<{ invalidParams: { name: string }[] }>(`/api/v1/kpis/aandeel-goed-geholpen?product=${kernA.id}`);
    expect(r.status).toBe(400);
    expect(r.body.invalidParams[0]!.name).toBe('product');
    expect((await beleid.get('/api/v1/kpis/aandeel-goed-geholpen/verdeling?per=product')).status).toBe(400);
    expect((await beleid.get('/api/v1/kpis/aandeel-goed-geholpen/verdeling?per=postcode')).status).toBe(400);
  });

  it('verandering in aanvragen: de periode tegenover de basisperiode vóór de peildatum van beleid', async () => {
    // 1 aanvraag in January 2017 (basis), 2 in January 2018 (now): +100%.
    await maatwerkBesluit(await meldingInOnderzoek('2017-01-03'), false, { aanvraagOp: '2017-01-10' });
    await maatwerkBesluit(await meldingInOnderzoek('2018-01-03'), false, { aanvraagOp: '2018-01-10' });
    await maatwerkBesluit(await meldingInOnderzoek('2018-01-04'), false, { aanvraagOp: '2018-01-11' });
    const r = await beleid.get<Kpi & { basis: { van: string; tot: string } }>('/api/v1/kpis/verandering-aanvragen?van=2018-01-01&tot=2018-01-31');
    expect(r.body).toMatchObject({ teller: 2, noemer: 1, waarde: 1, norm: -0.15, signaal: 'rood', basis: { van: '2017-01-01', tot: '2017-01-31' } });
    const p = await beleid.request('PUT', '/api/v1/kpis/verandering-aanvragen/norm', { norm: -0.15, peildatum: '2018-01-11' });
    expect(p.status).toBe(200);
    const metPeil = await beleid.get<Kpi & { basis: { van: string; tot: string } }>('/api/v1/kpis/verandering-aanvragen?van=2018-01-11&tot=2018-01-31');
    expect(metPeil.body).toMatchObject({ teller: 1, noemer: 1, waarde: 0, basis: { van: '2017-12-21', tot: '2018-01-10' } });
    expect((await beleid.request('PUT', '/api/v1/kpis/aandeel-goed-geholpen/norm', { norm: 0.8, peildatum: '2018-01-01' })).status).toBe(400);
  });

  it('kosten per cliënt: het jaarbedrag naar rato van de dagen dat de voorziening in de periode liep', async () => {
    // A voorziening of €3.650 a year = €10 a day; from 10 to 19 March 2016: 10 days = €100 for one client.
    const casus = await meldingInOnderzoek('2016-03-01');
    await maatwerkBesluit(casus, false, { aanvraagOp: '2016-03-05', ingangsdatum: '2016-03-10', einddatum: '2016-03-19', periode: 'week', verzend: true });
    // The yearly amount the contract gives is the voorziening's; set round here (as the owner) so the sums are easy to follow.
    await sql`update voorzieningen set jaarbedrag_cents = 365000 where casus_id = ${casus}`.execute(t.database.db);
    const r = await beleid.get<Kpi>('/api/v1/kpis/kosten-per-client?van=2016-03-01&tot=2016-03-31');
    expect(r.body).toMatchObject({ teller: 100, noemer: 1, waarde: 100 });
    const v = await beleid.get<Kpi>('/api/v1/kpis/verandering-voorzieningen?van=2016-03-01&tot=2016-04-30');
    expect(v.body).toMatchObject({ teller: 1, noemer: 0, waarde: null });
    expect(v.body.reeks.map((p) => [p.periode, p.teller])).toEqual([['2016-03', 1], ['2016-04', 0]]);
    // Per month from starts and ends: the same €100, also when the period starts mid-month.
    const perInwoner = await beleid.get<Kpi>('/api/v1/kpis/kosten-per-inwoner?van=2016-02-15&tot=2016-04-30');
    expect(perInwoner.body.teller).toBe(100);
    expect(perInwoner.body.reeks.map((p) => [p.periode, p.teller])).toEqual([['2016-02', 0], ['2016-03', 100], ['2016-04', 0]]);
    const deel = await beleid.get<Kpi>('/api/v1/kpis/kosten-per-inwoner?van=2016-03-15&tot=2016-03-17');
    expect(deel.body.reeks).toMatchObject([{ periode: '2016-03', teller: 30 }]);
    expect(deel.body.teller).toBe(30);
  });

  it('een kostennorm is per jaar: een maand wordt gemeten aan een twaalfde, in het cijfer, per kern en in de pilotmonitor', async () => {
    // €3.650 a year over all of August 2016 (€310) for the one client: against €6.000 a year green, against August’s €500 also
    // green; with the norm at €3.000 a year August’s share is €250 (+ €25 marge): red, where the year's €3.000 would say green.
    const casus = await meldingInOnderzoek('2016-07-20');
    await maatwerkBesluit(casus, false, { aanvraagOp: '2016-07-22', ingangsdatum: '2016-08-01', einddatum: '2016-08-31', periode: 'week', verzend: true });
    await sql`update voorzieningen set jaarbedrag_cents = 365000 where casus_id = ${casus}`.execute(t.database.db);
    type MetNorm = Kpi & { normPer: string | null; normInPeriode: number | null };
    const augustus = '?van=2016-08-01&tot=2016-08-31';
    const voor = await beleid.get<MetNorm>(`/api/v1/kpis/kosten-per-client${augustus}`);
    expect(voor.body).toMatchObject({ norm: 6000, normPer: 'jaar', normInPeriode: 500 });
    expect(voor.body.waarde).toBeLessThan(500);
    expect(voor.body.signaal).toBe('groen');
    try {
      expect((await beleid.request('PUT', '/api/v1/kpis/kosten-per-client/norm', { norm: 3000, marge: 300 })).status).toBe(200);
      const r = await beleid.get<MetNorm>(`/api/v1/kpis/kosten-per-client${augustus}`);
      expect(r.body).toMatchObject({ norm: 3000, normPer: 'jaar', normInPeriode: 250 });
      expect(r.body.waarde).toBe(310);
      expect(r.body.waarde).toBeLessThan(3000);
      expect(r.body.signaal).toBe('rood');
      const perKern = await beleid.get<{ normInPeriode: number; rijen: { waarde: number | null; signaal: string | null }[] }>(`/api/v1/kpis/kosten-per-client/verdeling${augustus}&per=kern`);
      expect(perKern.body.normInPeriode).toBe(250);
      for (const x of perKern.body.rijen) if (x.waarde !== null) expect(x.signaal).toBe(x.waarde <= 250 ? 'groen' : x.waarde <= 275 ? 'oranje' : 'rood');
      expect(perKern.body.rijen.some((x) => x.signaal === 'rood')).toBe(true);
      const wijk = kernA.wijken[0]!;
      const pilot = await beleid.get<{ indicatoren: { id: string; normPer: string | null; normInPeriode: number | null }[] }>(`/api/v1/sturing/pilotmonitor?wijk=${wijk.id}&van=2016-08-01&tot=2016-08-31`);
      expect(pilot.body.indicatoren.find((i) => i.id === 'kosten-per-client')).toMatchObject({ normPer: 'jaar', normInPeriode: 250 });
      // A whole year is held against the whole norm; a share KPI keeps its norm whatever the period.
      const jaar = await beleid.get<MetNorm>('/api/v1/kpis/kosten-per-client?van=2016-01-01&tot=2016-12-31');
      expect(jaar.body).toMatchObject({ norm: 3000, normInPeriode: 3000 });
      const aandeel = await beleid.get<MetNorm>(`/api/v1/kpis/aandeel-meldingen-naar-maatwerk${augustus}`);
      expect(aandeel.body).toMatchObject({ normPer: null, normInPeriode: aandeel.body.norm });
      const lijst = (await beleid.get<{ id: string; normPer: string | null }[]>('/api/v1/kpis')).body;
      expect(lijst.find((k) => k.id === 'kosten-per-client')!.normPer).toBe('jaar');
      expect(lijst.find((k) => k.id === 'aandeel-meldingen-naar-maatwerk')!.normPer).toBe(null);
    } finally {
      expect((await beleid.request('PUT', '/api/v1/kpis/kosten-per-client/norm', { norm: 6000, marge: 600 })).status).toBe(200);
    }
  });

  it('zelfredzaamheid: gemiddelde verandering per leefgebied tussen eerste gesprek en evaluatie', async () => {
    const casus = await meldingInOnderzoek('2015-05-01');
    const gesprek = (datum: string, soort: string, scores: [string, number][]) => regisseur.post(`/api/v1/casussen/${casus}/gesprekken`, {
      datum, plek: 'thuis', soort, deelnemers: [{ rol: 'inwoner', naam: 'J. van Dijk' }], scores: scores.map(([domein, score]) => ({ domein, score })),
    });
    expect((await gesprek('2015-05-05', 'intake', [['financien', 2], ['huisvesting', 3], ['zingeving', 4]])).status).toBe(201);
    expect((await gesprek('2015-09-05', 'evaluatie', [['financien', 4], ['huisvesting', 4], ['zingeving', 3]])).status).toBe(201);
    const r = await beleid.get<Kpi>('/api/v1/kpis/zrm-verandering?van=2015-09-01&tot=2015-09-30');
    expect(r.body).toMatchObject({ teller: 2, noemer: 3 });
    expect(r.body.waarde).toBeCloseTo(2 / 3, 6);
  });

  it('caseload per casusregisseur: open casussen op de laatste dag, gedeeld door de regisseurs die ze hebben', async () => {
    const r = await teamleider.get<Kpi>(`/api/v1/kpis/caseload-per-regisseur?tot=${vandaag()}`);
    expect(r.status).toBe(200);
    expect(r.body.noemer).toBeGreaterThan(0);
    expect(r.body.waarde).toBeCloseTo(r.body.teller / r.body.noemer, 6);
    const per = await teamleider.get<{ rijen: { naam: string; teller: number; noemer: number }[] }>(`/api/v1/kpis/caseload-per-regisseur/verdeling?per=regisseur&tot=${vandaag()}`);
    expect(per.body.rijen.reduce((s, x) => s + x.teller, 0)).toBe(r.body.teller);
    expect(per.body.rijen.every((x) => x.noemer === 1)).toBe(true);
  });

  it('pilotmonitor: de pilotwijk tegenover de andere wijken en dezelfde wijk in eerdere jaren', async () => {
    const wijk = kernA.wijken[0]!;
    const r = await beleid.get<{ wijk: { naam: string }; indicatoren: { id: string; pilot: { teller: number; noemer: number }; overig: { noemer: number }; eerder: { van: string }[] }[] }>(
      `/api/v1/sturing/pilotmonitor?wijk=${wijk.id}&van=2018-02-01&tot=2018-02-28`);
    expect(r.status).toBe(200);
    expect(r.body.wijk.naam).toBe(wijk.naam);
    expect(r.body.indicatoren.map((i) => i.id)).toEqual(expect.arrayContaining(['kosten-per-inwoner', 'aandeel-goed-geholpen', 'zrm-verandering']));
    const maatwerk = r.body.indicatoren.find((i) => i.id === 'aandeel-meldingen-naar-maatwerk')!;
    expect(maatwerk.pilot).toMatchObject({ teller: 1, noemer: 3 });
    expect(maatwerk.overig.noemer).toBe(2);
    expect(maatwerk.eerder.map((e) => e.van)).toEqual(['2017-02-01', '2016-02-01']);
    expect((await beleid.get('/api/v1/sturing/pilotmonitor?wijk=00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await beleid.get('/api/v1/sturing/pilotmonitor')).status).toBe(400);
  });
});
