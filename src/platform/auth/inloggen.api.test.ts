/**
 * Login throttling without lock-out (issue 11.7): failures cost time (429 with Retry-After, doubling),
 * counted per account and address, per account from unknown browsers, and per address; a browser
 * that logged in before (its device cookie) keeps working for the right password while the account
 * is attacked from elsewhere. Every request here comes from its own made-up address, so the tests do
 * not slow each other (or the other test files' logins from 127.0.0.1) down.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { VRIJ } from './remming.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => t?.close());

interface Antwoord { status: number; retryAfter: number | null; apparaat: string | null; code: string | undefined }

async function inloggen(gebruikersnaam: string, wachtwoord: string, adres: string, apparaat?: string | null): Promise<Antwoord> {
  const r = await t.app.inject({
    method: 'POST', url: '/api/v1/sessies', remoteAddress: adres,
    headers: { 'content-type': 'application/json', ...(apparaat ? { cookie: `eenvoud_apparaat=${apparaat}` } : {}) },
    payload: JSON.stringify({ gebruikersnaam, wachtwoord }),
  });
  const cookies = ([] as string[]).concat(r.headers['set-cookie'] ?? []);
  const a = cookies.find((c) => c.startsWith('eenvoud_apparaat='));
  return {
    status: r.statusCode, retryAfter: r.headers['retry-after'] ? Number(r.headers['retry-after']) : null,
    apparaat: a ? a.split(';')[0]!.slice('eenvoud_apparaat='.length) : null, code: (r.json<{ code?: string }>()).code,
  };
}

/** Time passes: the failures of this address (or account) move back by some seconds. */
const tijdVerstrijkt = (seconden: number, waar: { ip?: string; naam?: string }) =>
  sql`update inlogpogingen set moment = moment - make_interval(secs => ${seconden})
      where (${waar.ip ?? null}::text is null or ip = ${waar.ip ?? null}) and (${waar.naam ?? null}::text is null or gebruikersnaam = ${waar.naam ?? null})`
    .execute(t.database.db);

/** The last failures happened just now (a busy test machine must not make the wait run out before the next request). */
const zojuist = (waar: { ip?: string; naam?: string }) =>
  sql`update inlogpogingen set moment = now() where geslaagd = false
      and (${waar.ip ?? null}::text is null or ip = ${waar.ip ?? null}) and (${waar.naam ?? null}::text is null or gebruikersnaam = ${waar.naam ?? null})`
    .execute(t.database.db);

describe('inloggen wordt trager bij fouten, maar een vreemde sluit niemand buiten', () => {
  it('vijf vergissingen zijn vrij; daarna verdubbelt de wachttijd (1, 2, 4 s) en telt zelfs het goede wachtwoord pas na het wachten', async () => {
    const ip = '10.40.0.1';
    for (let i = 0; i < VRIJ.naamEnAdres; i++) expect((await inloggen('inkoper', `fout${i}`, ip)).status).toBe(401);
    await zojuist({ ip });
    const eerste = await inloggen('inkoper', 'demo', ip);
    expect(eerste).toMatchObject({ status: 429, code: 'te-veel-inlogpogingen', retryAfter: 1 });
    await tijdVerstrijkt(1, { ip });
    expect((await inloggen('inkoper', 'nogfout', ip)).status).toBe(401);
    await zojuist({ ip });
    expect((await inloggen('inkoper', 'demo', ip)).retryAfter).toBe(2);
    await tijdVerstrijkt(2, { ip });
    expect((await inloggen('inkoper', 'weerfout', ip)).status).toBe(401);
    await zojuist({ ip });
    expect((await inloggen('inkoper', 'demo', ip)).retryAfter).toBe(4);
    await tijdVerstrijkt(5, { ip });
    const goed = await inloggen('inkoper', 'demo', ip);
    expect(goed.status).toBe(200);
    // After a success this address starts afresh.
    expect((await inloggen('inkoper', 'fout', ip)).status).toBe(401);
  });

  it('een aanval op een account vanaf veel adressen houdt de collega met haar bekende browser niet buiten', async () => {
    // Monday: the colleague logs in from her own browser, which is remembered.
    const thuis = await inloggen('beslisser2', 'demo', '10.41.0.1');
    expect(thuis.status).toBe(200);
    expect(thuis.apparaat).toMatch(/^[\w-]{40,}$/);
    // A stranger tries passwords from 30 addresses.
    const aanval: number[] = [];
    for (let i = 0; i < 30; i++) aanval.push((await inloggen('beslisser2', `raden${i}`, `10.42.${i}.7`)).status);
    expect(aanval.slice(0, VRIJ.naam)).toEqual(Array(VRIJ.naam).fill(401));
    // Then the waits double: on a slow machine one or two more guesses may get through, never many.
    expect(aanval.filter((s) => s === 401).length).toBeLessThanOrEqual(VRIJ.naam + 3);
    expect(aanval.slice(-10)).toEqual(Array(10).fill(429));
    await zojuist({ naam: 'beslisser2' });
    // An unknown browser has to wait (slowed, not locked: at most a quarter of an hour) …
    const nieuweBrowser = await inloggen('beslisser2', 'demo', '10.43.0.1');
    expect(nieuweBrowser.status).toBe(429);
    expect(nieuweBrowser.retryAfter).toBeGreaterThan(0);
    expect(nieuweBrowser.retryAfter).toBeLessThanOrEqual(15 * 60);
    // … but the colleague's own browser logs in at once, from any address.
    const collega = await inloggen('beslisser2', 'demo', '10.41.0.99', thuis.apparaat);
    expect(collega.status).toBe(200);
    expect(collega.apparaat).toBe(thuis.apparaat);
  });

  it('ook vanuit een bekende browser kosten verkeerde wachtwoorden tijd: een gestolen apparaatcookie geeft geen onbeperkt raden', async () => {
    const { apparaat } = await inloggen('subsidie', 'demo', '10.44.0.1');
    for (let i = 0; i < VRIJ.apparaat; i++) expect((await inloggen('subsidie', `fout${i}`, `10.44.1.${i}`, apparaat)).status).toBe(401);
    await zojuist({ naam: 'subsidie' });
    expect((await inloggen('subsidie', 'demo', '10.44.2.1', apparaat))).toMatchObject({ status: 429, retryAfter: 1 });
  });

  it('een apparaatcookie van een ander account telt niet als bekende browser', async () => {
    const { apparaat } = await inloggen('beheer', 'demo', '10.45.0.1');
    for (let i = 0; i < 15; i++) await inloggen('privacy', `raden${i}`, `10.45.1.${i}`);
    await zojuist({ naam: 'privacy' });
    expect((await inloggen('privacy', 'demo', '10.45.2.1', apparaat)).status).toBe(429);
  });

  it('één adres dat veel accounts probeert, wordt trager; een ander adres merkt er niets van', async () => {
    const ip = '10.46.0.1';
    for (let i = 0; i < VRIJ.adres; i++) await inloggen(`bestaatniet${i}`, 'fout', ip);
    await zojuist({ ip });
    expect(await inloggen('bestaatniet-x', 'fout', ip)).toMatchObject({ status: 429, retryAfter: 1 });
    expect((await inloggen('bestaatniet-x', 'fout', '10.46.0.2')).status).toBe(401);
  });

  it('het apparaatcookie is HttpOnly, SameSite=Strict, alleen voor het inlogpad, en een half jaar geldig', async () => {
    const r = await t.app.inject({
      method: 'POST', url: '/api/v1/sessies', remoteAddress: '10.47.0.1', headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ gebruikersnaam: 'beleid', wachtwoord: 'demo' }),
    });
    const c = ([] as string[]).concat(r.headers['set-cookie'] ?? []).find((x) => x.startsWith('eenvoud_apparaat='))!;
    expect(c).toMatch(/HttpOnly/i);
    expect(c).toMatch(/SameSite=Strict/i);
    expect(c).toMatch(/Path=\/api\/v1\/sessies/);
    expect(c).toMatch(/Max-Age=15552000/);
  });
});
