import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, voorbeeldMelding, type Client, type TestApp } from '../../testing/harness.ts';
import { inGemeente } from './tx.ts';

let t: TestApp;
let demodorp: Client;
let tweestad: Client;
let demodorpMelding: { id: string; persoon: { id: string } };
let gemeenten: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  demodorp = await t.login('regisseur');
  tweestad = await t.login('regisseur-tweestad');
  demodorpMelding = (await demodorp.post<typeof demodorpMelding>('/api/v1/meldingen', voorbeeldMelding())).body;
  const rows = await t.database.db.selectFrom('gemeenten').select(['id', 'code']).execute();
  gemeenten = Object.fromEntries(rows.map((r) => [r.code, r.id]));
});
afterAll(async () => t?.close());

describe('gemeente-isolatie', () => {
  it('een regisseur van Tweestad krijgt 404 voor een melding van Demodorp', async () => {
    const r = await tweestad.get(`/api/v1/meldingen/${demodorpMelding.id}`);
    expect(r.status).toBe(404);
    expect((await tweestad.get(`/api/v1/personen/${demodorpMelding.persoon.id}`)).status).toBe(404);
  });

  it('een regisseur van Tweestad ziet in de werkvoorraad nooit een melding van Demodorp', async () => {
    const r = await tweestad.get<{ resultaten: { id: string }[]; totaal: number }>('/api/v1/meldingen?status=alle&aantal=200');
    expect(r.status).toBe(200);
    expect(r.body.totaal).toBeGreaterThan(0); // Tweestad has meldingen of its own
    expect(r.body.resultaten.map((m) => m.id)).not.toContain(demodorpMelding.id);
    const tweestadIds = (await t.database.db.selectFrom('meldingen').select('id').where('gemeente_id', '=', gemeenten.tweestad!).execute()).map((m) => m.id);
    // Only Tweestad's own (need-to-know narrows it further: closed meldingen without a casus are seen by nobody).
    expect(r.body.resultaten.every((m) => tweestadIds.includes(m.id))).toBe(true);
  });

  it('dezelfde BSN in Tweestad wordt een eigen persoon, los van Demodorp', async () => {
    const invoer = voorbeeldMelding();
    const a = await demodorp.post<{ persoon: { id: string } }>('/api/v1/meldingen', invoer);
    const b = await tweestad.post<{ persoon: { id: string } }>('/api/v1/meldingen', invoer);
    expect(b.status).toBe(201);
    expect(b.body.persoon.id).not.toBe(a.body.persoon.id);
  });

  it('de database zelf (row-level security) laat een transactie van Tweestad geen rij van Demodorp zien', async () => {
    const zichtbaar = await inGemeente(t.database.db, gemeenten.tweestad!, (tx) =>
      tx.selectFrom('meldingen').select(['id', 'gemeente_id']).execute());
    expect(zichtbaar.length).toBeGreaterThan(0);
    expect(zichtbaar.every((m) => m.gemeente_id === gemeenten.tweestad)).toBe(true);
    const personen = await inGemeente(t.database.db, gemeenten.tweestad!, (tx) =>
      tx.selectFrom('personen').select('id').where('id', '=', demodorpMelding.persoon.id).execute());
    expect(personen).toEqual([]);
  });

  it('de database weigert een rij voor een andere gemeente te schrijven', async () => {
    await expect(inGemeente(t.database.db, gemeenten.tweestad!, (tx) =>
      tx.insertInto('huishoudens').values({ gemeente_id: gemeenten.demodorp! }).execute())).rejects.toThrow(/row-level security/);
    await expect(inGemeente(t.database.db, gemeenten.tweestad!, (tx) =>
      tx.updateTable('personen').set({ voornaam: 'Gekaapt' }).where('id', '=', demodorpMelding.persoon.id).returning('id').execute()))
      .resolves.toEqual([]);
  });

  it('zonder gekozen gemeente ziet de app-rol niets', async () => {
    const rows = await t.database.db.transaction().execute(async (tx) => {
      await sql`set local role eenvoud_app`.execute(tx);
      return tx.selectFrom('meldingen').select('id').execute();
    });
    expect(rows).toEqual([]);
  });

  it('de app-rol kan geen sessies of wachtwoord-hashes lezen', async () => {
    await expect(inGemeente(t.database.db, gemeenten.demodorp!, (tx) => tx.selectFrom('sessies').selectAll().execute())).rejects.toThrow(/permission denied/);
    await expect(inGemeente(t.database.db, gemeenten.demodorp!, (tx) => tx.selectFrom('gebruikers').select('wachtwoord_hash').execute()))
      .rejects.toThrow(/permission denied/);
  });
});
