import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vandaag } from '../../platform/time.ts';
import { startTestApp, voorbeeldMelding, type Client, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let regisseur: Client;

interface Gesprek { deelnemers: { rol: string; naam: string; persoonId: string | null }[] }
interface ProblemBody { code: string; invalidParams?: { name: string; reason: string }[] }

const gesprek = (deelnemers: unknown[]) => ({ datum: vandaag(), plek: 'thuis', deelnemers, scores: [] });

async function casusMetPersoon() {
  const m = await regisseur.post<{ id: string; persoon: { id: string; naam: string } }>('/api/v1/meldingen', voorbeeldMelding({ ontvangenOp: vandaag() }));
  const casusId = (await regisseur.post<{ casus: { id: string } }>(`/api/v1/meldingen/${m.body.id}/triage`, { uitkomst: 'onderzoek' })).body.casus.id;
  return { casusId, persoon: m.body.persoon };
}

beforeAll(async () => {
  t = await startTestApp();
  regisseur = await t.login('regisseur');
});
afterAll(async () => t?.close());

describe('deelnemers aan het gesprek kiezen uit het huishouden', () => {
  it('een gekozen lid van het huishouden krijgt de naam uit de registratie, iemand anders de getypte naam', async () => {
    const { casusId, persoon } = await casusMetPersoon();
    const r = await regisseur.post<Gesprek>(`/api/v1/casussen/${casusId}/gesprekken`, gesprek([
      { rol: 'inwoner', naam: 'verkeerd getypt', persoonId: persoon.id },
      { rol: 'mantelzorger', naam: 'Sanne de Mantelzorger' },
    ]));
    expect(r.status).toBe(201);
    expect(r.body.deelnemers).toEqual([
      { rol: 'inwoner', rolNaam: 'Inwoner', naam: persoon.naam, persoonId: persoon.id },
      { rol: 'mantelzorger', rolNaam: 'Mantelzorger', naam: 'Sanne de Mantelzorger', persoonId: null },
    ]);
  });

  it('iemand uit een ander huishouden kiezen wordt geweigerd (400, niets opgeslagen)', async () => {
    const { casusId } = await casusMetPersoon();
    const ander = await casusMetPersoon();
    const r = await regisseur.post<ProblemBody>(`/api/v1/casussen/${casusId}/gesprekken`, gesprek([{ rol: 'inwoner', naam: 'X', persoonId: ander.persoon.id }]));
    expect(r.status).toBe(400);
    expect(r.body.invalidParams?.[0]?.name).toBe('deelnemers.0.persoonId');
    expect((await regisseur.get<unknown[]>(`/api/v1/casussen/${casusId}/gesprekken`)).body).toEqual([]);
  });
});
