import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vandaag } from '../../platform/time.ts';
import { startTestApp, voorbeeldMelding, type Client, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let regisseur: Client;
let teamleider: Client;
let beslisser: Client;
let beslisser2: Client;
let beleid: Client;

interface Kpi { id: string; waarde: number | null; teller: number; noemer: number; norm: number | null; signaal: string | null; reeks: { periode: string; waarde: number | null }[] }

beforeAll(async () => {
  t = await startTestApp();
  [regisseur, teamleider, beslisser, beslisser2, beleid] = (await Promise.all(['regisseur', 'teamleider', 'beslisser', 'beslisser2', 'beleid'].map((u) => t.login(u)))) as [Client, Client, Client, Client, Client];
});
afterAll(async () => t?.close());

/** A melding received on `op` that the regisseur takes into onderzoek; returns its casus. */
async function meldingInOnderzoek(op: string): Promise<string> {
  const m = await regisseur.post<{ id: string }>('/api/v1/meldingen', voorbeeldMelding({ ontvangenOp: op }));
  return (await regisseur.post<{ casus: { id: string } }>(`/api/v1/meldingen/${m.body.id}/triage`, { uitkomst: 'onderzoek' })).body.casus.id;
}

/** The whole decision process for one maatwerk item on a casus, ending in a granted decision. */
async function maatwerkBesluit(casusId: string, metGesprek = false) {
  if (metGesprek) {
    await regisseur.post(`/api/v1/casussen/${casusId}/gesprekken`, { datum: vandaag(), plek: 'thuis', deelnemers: [{ rol: 'inwoner', naam: 'J. van Dijk' }], scores: [{ domein: 'financien', score: 2 }] });
  }
  const doel = await regisseur.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/doelen`, { leefgebied: 'praktischFunctioneren', omschrijving: 'Schoon huis', meetbaarResultaat: 'Wekelijks', streefdatum: '2027-06-01' });
  const product = (await regisseur.get<{ id: string }[]>('/api/v1/catalogus?domein=wmo&trede=4')).body[0]!;
  const item = await regisseur.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/arrangement`, { doelId: doel.body.id, trede: 4, catalogusItemId: product.id, motivering: 'Nodig.' });
  const a = await regisseur.post<{ id: string }>('/api/v1/aanvragen', { casusId, arrangementItemIds: [item.body.id], ontvangenOp: vandaag() });
  await teamleider.post(`/api/v1/aanvragen/${a.body.id}/toets`, {});
  await beslisser2.post(`/api/v1/aanvragen/${a.body.id}/beoordeling`, {});
  const r = await beslisser.post<{ status: string }>(`/api/v1/aanvragen/${a.body.id}/besluit`, {
    producten: [{ arrangementItemId: item.body.id, uitkomst: 'toegekend', omvang: 2, eenheid: 'uur', ingangsdatum: vandaag(), leveringsvorm: 'zin' }], motivering: 'Passend.',
  });
  expect(r.body.status).toBe('besloten');
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
