import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registreerVerwerker } from '../../platform/jobs/outbox.ts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';

/**
 * Beheer sees the gemeente's failed background tasks (soort, error, attempts — no dossier data) and
 * puts one back; who did it is in the audit trail. Another gemeente's tasks stay out of sight.
 */

interface Opdracht { id: string; soort: string; status: string; pogingen: number; maxPogingen: number; laatsteFout: string | null; klaarOp: string | null; volgendePoging: string }
interface Lijst { opdrachten: Opdracht[]; aantallen: { wachtend: number; gelukt: number; mislukt: number } }

let t: TestApp;
let beheer: Client;
let regisseur: Client;
let lukt = false;
const weg: Array<() => void> = [];

beforeAll(async () => {
  t = await startTestApp();
  beheer = await t.login('beheer');
  regisseur = await t.login('regisseur');
  weg.push(registreerVerwerker('test.brief-versturen', async () => {
    if (!lukt) throw new Error('Brievenprinter niet bereikbaar');
  }));
});
afterAll(async () => {
  while (weg.length) weg.pop()!();
  await t.close();
});
afterEach(() => { lukt = false; });

describe('achtergrondtaken voor beheer', () => {
  it('een mislukte taak staat met haar fout in de lijst; opnieuw proberen zet haar terug en ze lukt alsnog', async () => {
    const id = await t.app.opdrachten.inWachtrij('demodorp', { soort: 'test.brief-versturen', gegevens: { voorzieningId: '00000000-0000-4000-8000-000000000001' }, maxPogingen: 1 });
    expect(await t.app.opdrachten.verwerk()).toMatchObject({ mislukt: 1 });

    const r = await beheer.get<Lijst>('/api/v1/beheer/opdrachten');
    expect(r.status).toBe(200);
    const o = r.body.opdrachten.find((x) => x.id === id)!;
    expect(o).toMatchObject({ soort: 'test.brief-versturen', status: 'mislukt', pogingen: 1, maxPogingen: 1, laatsteFout: 'Brievenprinter niet bereikbaar' });
    expect(o.klaarOp).not.toBeNull();
    expect(r.body.aantallen.mislukt).toBeGreaterThanOrEqual(1);
    // No gegevens: the opdracht's ids of dossiers stay out of the list.
    expect(JSON.stringify(r.body)).not.toContain('00000000-0000-4000-8000-000000000001');

    const opnieuw = await beheer.post<Opdracht>(`/api/v1/beheer/opdrachten/${id}/opnieuw`);
    expect(opnieuw.status).toBe(200);
    expect(opnieuw.body).toMatchObject({ id, status: 'wachtend', pogingen: 0, klaarOp: null });
    expect(new Date(opnieuw.body.volgendePoging).getTime()).toBeLessThanOrEqual(Date.now() + 1000);

    const wachtend = await beheer.get<Lijst>('/api/v1/beheer/opdrachten?status=wachtend');
    expect(wachtend.body.opdrachten.map((x) => x.id)).toContain(id);
    expect((await beheer.get<Lijst>('/api/v1/beheer/opdrachten')).body.opdrachten.map((x) => x.id)).not.toContain(id);

    lukt = true;
    expect(await t.app.opdrachten.verwerk()).toMatchObject({ gelukt: 1 });
    const alle = await beheer.get<Lijst>('/api/v1/beheer/opdrachten?status=alle');
    expect(alle.body.opdrachten.find((x) => x.id === id)).toMatchObject({ status: 'gelukt', pogingen: 1, laatsteFout: null });

    // Who put it back, in the audit trail.
    const audit = await t.database.db.selectFrom('auditlog').select(['gebruikersnaam', 'rol', 'actie', 'doel'])
      .where('resource_type', '=', 'opdracht').where('resource_id', '=', id).execute();
    expect(audit).toEqual([{ gebruikersnaam: 'beheer', rol: 'beheer', actie: 'wijzigen', doel: 'achtergrondtaak test.brief-versturen opnieuw proberen (was mislukt na 1 pogingen)' }]);
  });

  it('een gelukte taak kan niet opnieuw; een onbekende geeft 404', async () => {
    lukt = true;
    const id = await t.app.opdrachten.inWachtrij('demodorp', { soort: 'test.brief-versturen', gegevens: {} });
    await t.app.opdrachten.verwerk();
    const r = await beheer.post<{ code: string }>(`/api/v1/beheer/opdrachten/${id}/opnieuw`);
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('ongeldige-statusovergang');
    expect((await beheer.post<{ code: string }>('/api/v1/beheer/opdrachten/00000000-0000-4000-8000-000000000000/opnieuw')).status).toBe(404);
    expect((await beheer.get('/api/v1/beheer/opdrachten?status=kapot')).status).toBe(400);
  });

  it('beheer van Demodorp ziet de taken van Tweestad niet en kan ze niet opnieuw proberen', async () => {
    const id = await t.app.opdrachten.inWachtrij('tweestad', { soort: 'test.brief-versturen', gegevens: {}, maxPogingen: 1 });
    await t.app.opdrachten.verwerk();
    const r = await beheer.get<Lijst>('/api/v1/beheer/opdrachten?status=alle');
    expect(r.body.opdrachten.map((x) => x.id)).not.toContain(id);
    expect((await beheer.post(`/api/v1/beheer/opdrachten/${id}/opnieuw`)).status).toBe(404);
    const o = await t.database.db.selectFrom('opdrachten').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    expect(o.status).toBe('mislukt');
  });

  it('alleen beheer ziet de achtergrondtaken', async () => {
    expect((await regisseur.get('/api/v1/beheer/opdrachten')).status).toBe(403);
    expect((await t.anonymous().get('/api/v1/beheer/opdrachten')).status).toBe(401);
  });
});
