import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vandaag } from '../../platform/time.ts';
import { startTestApp, voorbeeldMelding, type Client, type TestApp } from '../../testing/harness.ts';
import { plusDagen } from './termijnen.ts';

let t: TestApp;
let frontoffice: Client;
let regisseur: Client;
let teamleider: Client;

interface Termijn { soort: string; uitersteDatum: string; afgerondOp: string | null }
interface Melding { id: string; nummer: string; status: string; ontvangenOp: string; regisseur: { id: string } | null; termijnen: Termijn[] }
interface Lijst { resultaten: Melding[]; totaal: number; totaalIsSchatting: boolean; volgende: string | null; aantal: number }
interface Tellingen { totaal: number; perTermijnstatus: Record<string, number> }

const OPEN = ['gemeld', 'inOnderzoek'];

beforeAll(async () => {
  t = await startTestApp();
  [frontoffice, regisseur, teamleider] = (await Promise.all(['frontoffice', 'regisseur', 'teamleider'].map((u) => t.login(u)))) as [Client, Client, Client];
});
afterAll(async () => t?.close());

const registreer = async (ontvangenOp: string, c: Client = regisseur) => {
  const r = await c.post<Melding>('/api/v1/meldingen', voorbeeldMelding({ ontvangenOp }));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
};

/** The whole list, page by page with the cursor, in the order the API gives it. */
async function heleLijst(c: Client, query = '', aantal = 200): Promise<{ rijen: Melding[]; totaal: number }> {
  const rijen: Melding[] = [];
  let totaal = 0;
  for (let na: string | null | undefined; na !== null;) {
    const r = await c.get<Lijst>(`/api/v1/meldingen?aantal=${aantal}${na ? `&na=${na}` : ''}${query ? `&${query}` : ''}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    rijen.push(...r.body.resultaten);
    totaal = r.body.totaal;
    na = r.body.volgende;
  }
  return { rijen, totaal };
}

/** The urgency key: the earliest end date of a running term ('~' sorts after every date: no running term comes last). */
const eersteEinde = (m: Melding) => m.termijnen.filter((tt) => tt.afgerondOp === null).map((tt) => tt.uitersteDatum).sort()[0] ?? '~';

describe('werkvoorraad: open werk, de dringendste eerst', () => {
  let direct: Melding;
  let afgesloten: Melding;

  beforeAll(async () => {
    // Both in a household whose casus Ruud directs: closed meldingen stay in the file of whoever
    // works on it (need-to-know; a closed melding of a household nobody works on is seen by no one).
    const basis = voorbeeldMelding({ ontvangenOp: vandaag() });
    const eerste = await regisseur.post<Melding>('/api/v1/meldingen', basis);
    expect((await regisseur.post(`/api/v1/meldingen/${eerste.body.id}/triage`, { uitkomst: 'onderzoek' })).status).toBe(200);
    const nogEen = async (ontvangenOp: string) => (await regisseur.post<Melding>('/api/v1/meldingen', { ...voorbeeldMelding({ ontvangenOp }), persoon: basis.persoon })).body;
    direct = await nogEen(vandaag());
    afgesloten = await nogEen(plusDagen(vandaag(), -2));
    expect((await regisseur.post(`/api/v1/meldingen/${direct.id}/triage`, { uitkomst: 'enkelvoudig', advies: 'Uitleg gegeven over de boodschappendienst.' })).status).toBe(200);
    expect((await regisseur.post(`/api/v1/meldingen/${afgesloten.id}/afsluiting`, { reden: 'Inwoner trekt de melding in' })).status).toBe(200);
  });

  it('zonder status toont de werkvoorraad alleen open meldingen (gemeld en in onderzoek)', async () => {
    const { rijen, totaal } = await heleLijst(regisseur);
    expect(totaal).toBeGreaterThan(0);
    expect(rijen.every((m) => OPEN.includes(m.status))).toBe(true);
    const ids = rijen.map((m) => m.id);
    expect(ids).not.toContain(direct.id);
    expect(ids).not.toContain(afgesloten.id);
  });

  it('een direct afgehandelde melding verdwijnt uit de standaardlijst en uit "nog niet opgepakt"', async () => {
    const m = await registreer(vandaag(), frontoffice);
    expect((await heleLijst(regisseur)).rijen.map((x) => x.id)).toContain(m.id);
    expect((await heleLijst(teamleider, 'toegewezen=niemand')).rijen.map((x) => x.id)).toContain(m.id);
    const triage = await frontoffice.post<Melding>(`/api/v1/meldingen/${m.id}/triage`, { uitkomst: 'enkelvoudig', advies: 'Doorverwezen naar de sociale kaart.' });
    expect(triage.body.status).toBe('afgehandeld');
    expect((await heleLijst(regisseur)).rijen.map((x) => x.id)).not.toContain(m.id);
    const niemand = await heleLijst(teamleider, 'toegewezen=niemand');
    expect(niemand.rijen.map((x) => x.id)).not.toContain(m.id);
    expect(niemand.rijen.every((x) => OPEN.includes(x.status) && x.regisseur === null)).toBe(true);
  });

  it('afgehandelde en afgesloten meldingen komen alleen als erom gevraagd wordt, per status of met alle', async () => {
    const afgehandeld = await heleLijst(regisseur, 'status=afgehandeld');
    expect(afgehandeld.rijen.map((m) => m.id)).toContain(direct.id);
    expect(afgehandeld.rijen.every((m) => m.status === 'afgehandeld')).toBe(true);
    const dicht = await heleLijst(regisseur, 'status=afgesloten');
    expect(dicht.rijen.map((m) => m.id)).toContain(afgesloten.id);
    expect(dicht.rijen.every((m) => m.status === 'afgesloten')).toBe(true);
    const alle = await heleLijst(regisseur, 'status=alle');
    const open = await heleLijst(regisseur, 'status=open');
    expect(alle.rijen.map((m) => m.id)).toEqual(expect.arrayContaining([direct.id, afgesloten.id]));
    expect(alle.totaal).toBe(open.totaal + afgehandeld.totaal + dicht.totaal);
    expect(open.totaal).toBe((await heleLijst(regisseur)).totaal);
  });

  it('de dringendste eerst: de vroegste uiterste datum van een lopende termijn, daarna de oudste melding', async () => {
    // An older melding whose term was extended comes after a younger one with an earlier end date.
    const oud = await registreer(plusDagen(vandaag(), -20));
    const verdaagd = await regisseur.post<Melding>(`/api/v1/meldingen/${oud.id}/verdaging`, { nieuweDatum: plusDagen(vandaag(), 120), reden: 'Advies van de GGD nodig' });
    expect(verdaagd.status, JSON.stringify(verdaagd.body)).toBe(200);
    const jong = await registreer(plusDagen(vandaag(), -5));
    // Without a running term, the oldest first, after all meldingen that have one.
    const zonderA = await registreer(plusDagen(vandaag(), -30));
    const zonderB = await registreer(plusDagen(vandaag(), -40));
    for (const m of [zonderA, zonderB]) {
      expect((await regisseur.post(`/api/v1/meldingen/${m.id}/triage`, { uitkomst: 'onderzoek' })).status).toBe(200);
      const af = await regisseur.post(`/api/v1/meldingen/${m.id}/termijnen/onderzoek/afronding`, { op: vandaag() });
      expect(af.status, JSON.stringify(af.body)).toBe(200);
    }

    const { rijen } = await heleLijst(regisseur, 'toegewezen=iedereen');
    const plek = (m: Melding) => rijen.findIndex((x) => x.id === m.id);
    expect(plek(jong)).toBeGreaterThanOrEqual(0);
    expect(plek(jong)).toBeLessThan(plek(oud));
    expect(plek(oud)).toBeLessThan(plek(zonderB));
    expect(plek(zonderB)).toBeLessThan(plek(zonderA));
    // And the whole list keeps that order.
    const sleutel = (m: Melding) => `${eersteEinde(m)}|${m.ontvangenOp}|${m.nummer}`;
    const sleutels = rijen.map(sleutel);
    expect(sleutels).toEqual([...sleutels].sort());
  });

  it('de tellingen en de tabel tellen dezelfde meldingen, voor elke lijst van de werkvoorraad', async () => {
    for (const [c, query] of [
      [regisseur, ''], [regisseur, 'toegewezen=mij'], [teamleider, 'toegewezen=team'], [teamleider, 'toegewezen=niemand'],
      [regisseur, 'termijnstatus=verlopen'], [regisseur, 'status=afgehandeld'], [regisseur, 'status=alle'], [frontoffice, ''],
    ] as const) {
      const lijst = await heleLijst(c, query);
      const telling = await c.get<Tellingen>(`/api/v1/meldingen/tellingen${query ? `?${query}` : ''}`);
      expect(telling.status, query).toBe(200);
      expect(telling.body.totaal, query).toBe(lijst.totaal);
      expect(lijst.rijen.length, query).toBe(lijst.totaal);
      if (!query.startsWith('status=')) expect(lijst.rijen.every((m) => OPEN.includes(m.status)), query).toBe(true);
    }
  });
});
