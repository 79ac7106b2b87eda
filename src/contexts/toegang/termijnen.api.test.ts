import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allJobs, signaleerTermijnen } from '../../jobs.ts';
import { registreerTaken } from '../../platform/jobs/runner.ts';
import { vandaag } from '../../platform/time.ts';
import { startTestApp, voorbeeldMelding, type Client, type TestApp } from '../../testing/harness.ts';
import { eerstvolgendeWerkdag, nominaleEinddatum, plusDagen } from './termijnen.ts';

let t: TestApp;
let regisseur: Client;
let beheer: Client;
let tweestad: Client;

interface Termijn { id: string; soort: string; startdatum: string; uitersteDatum: string; opgeschortDagen: number; status: string; verdaging: unknown; opschortingen: { id: string; tot: string | null }[] }
interface Melding { id: string; nummer: string; termijnen: Termijn[] }
interface ProblemBody { code: string; detail: string; invalidParams?: { name: string }[] }

beforeAll(async () => {
  t = await startTestApp();
  [regisseur, beheer, tweestad] = (await Promise.all(['regisseur', 'beheer', 'regisseur-tweestad'].map((u) => t.login(u)))) as [Client, Client, Client];
});
afterAll(async () => t?.close());

const wmo = async (ontvangenOp: string, c: Client = regisseur) => {
  const r = await c.post<Melding>('/api/v1/meldingen', voorbeeldMelding({ ontvangenOp }));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
};

describe('termijnen aan de melding', () => {
  it('een Wmo-melding heeft de onderzoekstermijn van 6 weken, na Kerst op de eerstvolgende werkdag', async () => {
    const m = await wmo('2025-11-14');
    expect(m.termijnen).toEqual([expect.objectContaining({
      soort: 'onderzoek', startdatum: '2025-11-14', uitersteDatum: '2025-12-29', opgeschortDagen: 0, status: 'verlopen',
    })]);
  });

  it('opschorting met van, tot en reden schuift de uiterste datum op met de opgeschorte dagen', async () => {
    const start = plusDagen(vandaag(), -10);
    const m = await wmo(start);
    const voor = m.termijnen[0]!.uitersteDatum;
    const r = await regisseur.post<Melding>(`/api/v1/meldingen/${m.id}/opschortingen`, {
      van: plusDagen(start, 1), tot: plusDagen(start, 10), reden: 'Wacht op advies van de GGD',
    });
    expect(r.status).toBe(200);
    const na = r.body.termijnen[0]!;
    expect(na.opgeschortDagen).toBe(10);
    expect(na.uitersteDatum).toBe(eerstvolgendeWerkdag(plusDagen(nominaleEinddatum(start, { eenheid: 'weken', aantal: 6 }), 10)));
    expect(na.uitersteDatum > voor).toBe(true);
  });

  it('een lopende opschorting geeft de status opgeschort; beëindigen zet de klok weer aan', async () => {
    const m = await wmo(plusDagen(vandaag(), -3));
    const r = await regisseur.post<Melding>(`/api/v1/meldingen/${m.id}/opschortingen`, { van: plusDagen(vandaag(), -2), reden: 'Inwoner levert stukken aan' });
    expect(r.body.termijnen[0]!.status).toBe('opgeschort');
    const oid = r.body.termijnen[0]!.opschortingen[0]!.id;
    // The last suspended day was yesterday: from today the clock runs again.
    const eind = await regisseur.post<Melding>(`/api/v1/meldingen/${m.id}/opschortingen/${oid}/beeindiging`, { tot: plusDagen(vandaag(), -1) });
    expect(eind.body.termijnen[0]!.status).not.toBe('opgeschort');
    expect(eind.body.termijnen[0]!.opgeschortDagen).toBe(2);
    const nogEens = await regisseur.post<ProblemBody>(`/api/v1/meldingen/${m.id}/opschortingen/${oid}/beeindiging`, { tot: vandaag() });
    expect(nogEens.status).toBe(409);
  });

  it('een overlappende opschorting, of een die eindigt vóór zij begint, wordt geweigerd en schrijft niets', async () => {
    const start = plusDagen(vandaag(), -10);
    const m = await wmo(start);
    await regisseur.post(`/api/v1/meldingen/${m.id}/opschortingen`, { van: plusDagen(start, 1), tot: plusDagen(start, 5), reden: 'a' });
    const overlap = await regisseur.post<ProblemBody>(`/api/v1/meldingen/${m.id}/opschortingen`, { van: plusDagen(start, 3), tot: plusDagen(start, 8), reden: 'b' });
    expect(overlap.status).toBe(409);
    expect(overlap.body.code).toBe('opschorting-overlapt');
    const omgekeerd = await regisseur.post<ProblemBody>(`/api/v1/meldingen/${m.id}/opschortingen`, { van: plusDagen(start, 8), tot: plusDagen(start, 7), reden: 'c' });
    expect(omgekeerd.status).toBe(400);
    expect(omgekeerd.body.invalidParams!.map((p) => p.name)).toEqual(['tot']);
    const d = (await regisseur.get<Melding>(`/api/v1/meldingen/${m.id}`)).body;
    expect(d.termijnen[0]!.opschortingen).toHaveLength(1);
  });

  it('verdaging: één keer, naar een latere datum, vóór het verlopen', async () => {
    const m = await wmo(plusDagen(vandaag(), -7));
    const eerder = await regisseur.post<ProblemBody>(`/api/v1/meldingen/${m.id}/verdaging`, { nieuweDatum: plusDagen(vandaag(), 3), reden: 'x' });
    expect(eerder.status).toBe(400);
    expect(eerder.body.code).toBe('verdaging-niet-later');
    const r = await regisseur.post<Melding>(`/api/v1/meldingen/${m.id}/verdaging`, { nieuweDatum: '2099-06-03', reden: 'Advies van de GGD nodig' });
    expect(r.status).toBe(200);
    expect(r.body.termijnen[0]!.uitersteDatum).toBe(eerstvolgendeWerkdag('2099-06-03'));
    expect(r.body.termijnen[0]!.verdaging).toEqual({ nieuweDatum: '2099-06-03', reden: 'Advies van de GGD nodig' });
    const tweede = await regisseur.post<ProblemBody>(`/api/v1/meldingen/${m.id}/verdaging`, { nieuweDatum: '2099-07-01', reden: 'y' });
    expect(tweede.status).toBe(409);
    expect(tweede.body.code).toBe('verdaging-al-gebruikt');
    const oud = await wmo('2025-01-06');
    const telaat = await regisseur.post<ProblemBody>(`/api/v1/meldingen/${oud.id}/verdaging`, { nieuweDatum: '2099-01-01', reden: 'z' });
    expect(telaat.status).toBe(409);
    expect(telaat.body.code).toBe('termijn-al-verlopen');
  });

  it('een melding zonder lopende termijn kan niet worden opgeschort (409)', async () => {
    const m = (await regisseur.post<Melding>('/api/v1/meldingen', voorbeeldMelding({ wet: 'jeugdwet', ontvangenOp: vandaag() }))).body;
    expect(m.termijnen).toEqual([]);
    const r = await regisseur.post<ProblemBody>(`/api/v1/meldingen/${m.id}/opschortingen`, { van: vandaag(), reden: 'x' });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('geen-lopende-termijn');
  });

  it('afronden binnen de termijn geeft afgerond binnen termijn; een verlopen termijn afgerond geeft afgerond na termijn', async () => {
    const nu = await wmo(plusDagen(vandaag(), -2));
    const a = await regisseur.post<Melding>(`/api/v1/meldingen/${nu.id}/termijnen/onderzoek/afronding`, { op: vandaag() });
    expect(a.body.termijnen[0]!.status).toBe('afgerondBinnenTermijn');
    const oud = await wmo('2025-03-03');
    const b = await regisseur.post<Melding>(`/api/v1/meldingen/${oud.id}/termijnen/onderzoek/afronding`, { op: vandaag() });
    expect(b.body.termijnen[0]!.status).toBe('afgerondNaTermijn');
  });
});

describe('signalen en werkvoorraad op termijnstatus', () => {
  it('GET /termijnen?status=verlopen geeft de verlopen termijnen van de eigen gemeente, vroegste eerst', async () => {
    const m = await wmo('2025-06-02');
    const r = await regisseur.get<{ resultaten: (Termijn & { melding: { id: string } })[]; totaal: number }>('/api/v1/termijnen?status=verlopen&aantal=200');
    expect(r.status).toBe(200);
    expect(r.body.resultaten.every((x) => x.status === 'verlopen')).toBe(true);
    expect(r.body.resultaten.map((x) => x.melding.id)).toContain(m.id);
    const datums = r.body.resultaten.map((x) => x.uitersteDatum);
    expect([...datums].sort()).toEqual(datums);
    const andere = await tweestad.get<{ resultaten: { melding: { id: string } }[] }>('/api/v1/termijnen?status=verlopen&aantal=200');
    expect(andere.body.resultaten.map((x) => x.melding.id)).not.toContain(m.id);
  });

  it('de werkvoorraad filtert op termijnstatus', async () => {
    const m = await wmo('2025-06-09');
    const r = await regisseur.get<{ resultaten: Melding[] }>('/api/v1/meldingen?termijnstatus=verlopen&aantal=200');
    expect(r.body.resultaten.map((x) => x.id)).toContain(m.id);
    expect(r.body.resultaten.every((x) => x.termijnen.some((tt) => tt.status === 'verlopen'))).toBe(true);
  });

  it('de tellingen voor de werkvoorraad kloppen met de lijst, zonder persoonsgegevens', async () => {
    const lijst = await regisseur.get<{ totaal: number }>('/api/v1/meldingen?termijnstatus=verlopen&toegewezen=iedereen');
    const alle = await regisseur.get<{ totaal: number }>('/api/v1/meldingen?toegewezen=iedereen');
    const r = await regisseur.get<{ totaal: number; perTermijnstatus: Record<string, number> }>('/api/v1/meldingen/tellingen?toegewezen=iedereen');
    expect(r.status).toBe(200);
    expect(r.body.perTermijnstatus.verlopen).toBe(lijst.body.totaal);
    expect(r.body.totaal).toBe(alle.body.totaal);
    expect(JSON.stringify(r.body)).not.toMatch(/naam|bsn/i);
  });

  it('de dagelijkse taak zet elke open termijn op de stand van vandaag, en draait maar één keer per dag', async () => {
    const m = await wmo('2025-06-16');
    await sql`update termijnen set status = 'loopt', berekend_op = '2025-06-16' where melding_id = ${m.id}`.execute(t.database.db);
    const uitkomst = await signaleerTermijnen(t.database.db);
    expect(uitkomst.demodorp).toBeGreaterThan(0);
    const rij = await t.database.db.selectFrom('termijnen').select(['status', 'berekend_op']).where('melding_id', '=', m.id).executeTakeFirstOrThrow();
    expect(rij).toEqual({ status: 'verlopen', berekend_op: vandaag() });
    const log = { info: () => {}, error: () => {} };
    const tick = await registreerTaken(t.database.db, allJobs, log);
    // Every daily job runs once at registration (the destruction-list proposal too), then not again today.
    expect(await tick()).toEqual(allJobs.map((j) => j.naam));
    expect(await tick()).toEqual([]); // claimed until tomorrow's run
    const volgende = await t.database.db.selectFrom('taken').select('volgende_run').where('naam', '=', 'termijnen-signaleren').executeTakeFirstOrThrow();
    expect(new Date(volgende.volgende_run).getTime()).toBeGreaterThan(Date.now());
  });

  it('op verzoek herberekenen kan door de teamleider of beheerder', async () => {
    const r = await beheer.post<{ herberekend: number; berekendOp: string }>('/api/v1/termijnen/herberekening');
    expect(r.status).toBe(200);
    expect(r.body.berekendOp).toBe(vandaag());
  });
});

describe('termijnen instelbaar per gemeente', () => {
  it('de beheerder stelt de Wmo-onderzoekstermijn in op 4 weken; nieuwe meldingen volgen, andere gemeenten niet', async () => {
    const huidig = (await beheer.get<Record<string, Record<string, { duur: { eenheid: string; aantal: number }; grondslag: string }>>>('/api/v1/instellingen/termijnen')).body;
    expect(huidig.wmo!.onderzoek!.duur).toEqual({ eenheid: 'weken', aantal: 6 });
    const nieuw = { ...huidig, wmo: { ...huidig.wmo, onderzoek: { duur: { eenheid: 'weken', aantal: 4 }, grondslag: 'Verordening Wmo Demodorp, art. 4' } } };
    const r = await beheer.request('PUT', '/api/v1/instellingen/termijnen', nieuw);
    expect(r.status).toBe(200);
    const m = await wmo('2026-11-02');
    expect(m.termijnen[0]!.uitersteDatum).toBe('2026-11-30');
    const elders = await wmo('2026-11-02', tweestad);
    expect(elders.termijnen[0]!.uitersteDatum).toBe('2026-12-14');
    await beheer.request('PUT', '/api/v1/instellingen/termijnen', huidig);
  });

  it('een ongeldige instelling → 400 met het veld, en er verandert niets', async () => {
    const huidig = (await beheer.get<Record<string, unknown>>('/api/v1/instellingen/termijnen')).body;
    const r = await beheer.request<ProblemBody>('PUT', '/api/v1/instellingen/termijnen', { ...huidig, bezwaar: { duur: { eenheid: 'maanden', aantal: 0 }, grondslag: '' } });
    expect(r.status).toBe(400);
    expect(r.body.invalidParams!.map((p) => p.name).sort()).toEqual(['bezwaar.duur.aantal', 'bezwaar.duur.eenheid', 'bezwaar.grondslag']);
    expect((await beheer.get('/api/v1/instellingen/termijnen')).body).toEqual(huidig);
  });
});
