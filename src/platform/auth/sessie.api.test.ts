import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../../testing/harness.ts';
import { sessieCacheVan } from './sessie-cache.ts';

/**
 * The session cache (ADR 28): a session is kept in memory for its lifetime, and what ends or
 * changes it counts on the very next request. Account changes are made here straight in the
 * database, as a beheerder (or another app process) would; on the server the notification travels
 * over a second connection, so the test first waits until it has arrived (`bijgewerkt`).
 */
let t: TestApp;

beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => t?.close());

const cache = () => sessieCacheVan(t.database.db)!;
/** Everything committed so far has reached the cache (immediate on embedded PGlite, one NOTIFY round on the server). */
const gemeld = () => cache().bijgewerkt(t.database.db);

/** A second browser with the same session cookie: still holds the token after the first logs out. */
function kopie(c: Client): Client {
  const k = new Client(c.baseUrl);
  k.cookie = c.cookie;
  k.csrfToken = c.csrfToken;
  return k;
}

const rollenVan = async (c: Client) => (await c.get<{ gebruiker: { rollen: { code: string }[] } }>('/api/v1/sessies/huidig')).body.gebruiker.rollen.map((r) => r.code);

describe('sessiecache', () => {
  it('houdt een sessie in het geheugen zolang de app luistert naar wijzigingen', async () => {
    expect(cache().aan).toBe(true);
    const c = await t.login('regisseur');
    expect((await c.get('/api/v1/sessies/huidig')).status).toBe(200);
    expect(cache().grootte).toBeGreaterThan(0);
  });

  it('na uitloggen wordt het sessietoken meteen geweigerd, ook in een andere browser met hetzelfde token', async () => {
    const c = await t.login('regisseur');
    const ander = kopie(c);
    expect((await ander.get('/api/v1/sessies/huidig')).status).toBe(200);
    expect((await c.delete('/api/v1/sessies/huidig')).status).toBe(204);
    const r = await ander.get<{ code: string }>('/api/v1/sessies/huidig');
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('niet-ingelogd');
  });

  it('een sessie die buiten deze app wordt beëindigd (een andere app, de opschoning) wordt bij het volgende verzoek geweigerd', async () => {
    const c = await t.login('teamleider');
    expect((await c.get('/api/v1/sessies/huidig')).status).toBe(200);
    const id = (await t.database.db.selectFrom('gebruikers').select('id').where('gebruikersnaam', '=', 'teamleider').executeTakeFirstOrThrow()).id;
    await t.database.db.deleteFrom('sessies').where('gebruiker_id', '=', id).execute();
    await gemeld();
    expect((await c.get('/api/v1/sessies/huidig')).status).toBe(401);
  });

  it('een gedeactiveerde medewerker wordt met een open sessie bij het eerstvolgende verzoek geweigerd', async () => {
    const c = await t.login('regisseur2');
    expect((await c.get('/api/v1/sessies/huidig')).status).toBe(200);
    expect((await c.get('/api/v1/sessies/huidig')).status).toBe(200);
    await t.database.db.updateTable('gebruikers').set({ actief: false }).where('gebruikersnaam', '=', 'regisseur2').execute();
    try {
      await gemeld();
      const r = await c.get<{ code: string }>('/api/v1/sessies/huidig');
      expect(r.status).toBe(401);
      expect(r.body.code).toBe('niet-ingelogd');
      expect((await c.get(`/api/v1/casussen/${randomUUID()}`)).status).toBe(401);
    } finally {
      await t.database.db.updateTable('gebruikers').set({ actief: true }).where('gebruikersnaam', '=', 'regisseur2').execute();
    }
  });

  it('een gewijzigde rol geldt meteen: een ingetrokken rol geeft 403, een toegekende rol opent de functie', async () => {
    const c = await t.login('regisseur3');
    expect(await rollenVan(c)).toContain('regisseur');
    expect((await c.get(`/api/v1/casussen/${randomUUID()}`)).status).toBe(404); // mag casussen lezen; deze bestaat niet
    const { rollen } = await t.database.db.selectFrom('gebruikers').select('rollen').where('gebruikersnaam', '=', 'regisseur3').executeTakeFirstOrThrow();
    // Every account keeps at least one role: regisseur becomes frontoffice.
    await t.database.db.updateTable('gebruikers').set({ rollen: sql<string[]>`array_append(array_remove(rollen, 'regisseur'), 'frontoffice')` })
      .where('gebruikersnaam', '=', 'regisseur3').execute();
    try {
      await gemeld();
      const r = await c.get<{ code: string }>(`/api/v1/casussen/${randomUUID()}`);
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('geen-toegang');
      expect(await rollenVan(c)).not.toContain('regisseur');
    } finally {
      await t.database.db.updateTable('gebruikers').set({ rollen }).where('gebruikersnaam', '=', 'regisseur3').execute();
    }
    await gemeld();
    expect((await c.get(`/api/v1/casussen/${randomUUID()}`)).status).toBe(404);
    expect(await rollenVan(c)).toContain('regisseur');
  });
});
