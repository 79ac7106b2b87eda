import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * Accounts and sessions. These queries run as the database owner because a login happens
 * before the gemeente is known; no context reaches these tables (eenvoud_app has no grants on them).
 */

export interface Account {
  id: string;
  gemeenteId: string;
  gemeenteNaam: string;
  gemeenteCode: string;
  gebruikersnaam: string;
  naam: string;
  rollen: string[];
  wachtwoordHash: string | null;
  actief: boolean;
}

export const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');

export async function findAccount(db: Kysely<DB>, gebruikersnaam: string): Promise<Account | undefined> {
  const row = await db
    .selectFrom('gebruikers as g')
    .innerJoin('gemeenten as m', 'm.id', 'g.gemeente_id')
    .select(['g.id', 'g.gemeente_id', 'm.naam as gemeente_naam', 'm.code as gemeente_code', 'g.gebruikersnaam', 'g.naam', 'g.rollen', 'g.wachtwoord_hash', 'g.actief'])
    .where('g.gebruikersnaam', '=', gebruikersnaam)
    .executeTakeFirst();
  return row && {
    id: row.id, gemeenteId: row.gemeente_id, gemeenteNaam: row.gemeente_naam, gemeenteCode: row.gemeente_code, gebruikersnaam: row.gebruikersnaam,
    naam: row.naam, rollen: row.rollen, wachtwoordHash: row.wachtwoord_hash, actief: row.actief,
  };
}

export interface SessionInfo {
  account: Account;
  csrfToken: string;
  verlooptOp: Date;
}

/** Creates a session for an account, however its identity was proven (password now, OIDC later). */
export async function createSession(db: Kysely<DB>, account: Account, ttlMinutes: number): Promise<{ token: string; info: SessionInfo }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const verlooptOp = new Date(Date.now() + ttlMinutes * 60_000);
  await db.insertInto('sessies').values({
    token_hash: sha256(token), gebruiker_id: account.id, gemeente_id: account.gemeenteId, csrf_token: csrfToken, verloopt_op: verlooptOp,
  }).execute();
  return { token, info: { account, csrfToken, verlooptOp } };
}

export async function findSession(db: Kysely<DB>, token: string): Promise<SessionInfo | undefined> {
  const row = await db
    .selectFrom('sessies as s')
    .innerJoin('gebruikers as g', 'g.id', 's.gebruiker_id')
    .innerJoin('gemeenten as m', 'm.id', 'g.gemeente_id')
    .select([
      'g.id', 'g.gemeente_id', 'm.naam as gemeente_naam', 'm.code as gemeente_code', 'g.gebruikersnaam', 'g.naam', 'g.rollen', 'g.actief',
      's.csrf_token', 's.verloopt_op',
    ])
    .where('s.token_hash', '=', sha256(token))
    .where('s.verloopt_op', '>', sql<Date>`now()`)
    .where('g.actief', '=', true)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    account: {
      id: row.id, gemeenteId: row.gemeente_id, gemeenteNaam: row.gemeente_naam, gemeenteCode: row.gemeente_code, gebruikersnaam: row.gebruikersnaam,
      naam: row.naam, rollen: row.rollen, wachtwoordHash: null, actief: row.actief,
    },
    csrfToken: row.csrf_token,
    verlooptOp: row.verloopt_op,
  };
}

export async function deleteSession(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom('sessies').where('token_hash', '=', sha256(token)).execute();
}

export async function deleteExpiredSessions(db: Kysely<DB>): Promise<void> {
  await db.deleteFrom('sessies').where('verloopt_op', '<', sql<Date>`now()`).execute();
}

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILED_PER_NAME = 5;
export const MAX_FAILED_PER_IP = 30;

/** Failed attempts in the window, per username and per IP address. */
export async function recentFailures(db: Kysely<DB>, gebruikersnaam: string, ip: string): Promise<{ perNaam: number; perIp: number }> {
  const since = sql<Date>`now() - make_interval(mins => ${LOGIN_WINDOW_MINUTES})`;
  const r = await db
    .selectFrom('inlogpogingen')
    .select([
      sql<number>`count(*) filter (where gebruikersnaam = ${gebruikersnaam})`.as('per_naam'),
      sql<number>`count(*) filter (where ip = ${ip})`.as('per_ip'),
    ])
    .where('geslaagd', '=', false)
    .where('moment', '>', since)
    .where((eb) => eb.or([eb('gebruikersnaam', '=', gebruikersnaam), eb('ip', '=', ip)]))
    .executeTakeFirstOrThrow();
  return { perNaam: Number(r.per_naam), perIp: Number(r.per_ip) };
}

export async function recordAttempt(db: Kysely<DB>, gebruikersnaam: string, ip: string, geslaagd: boolean): Promise<void> {
  await db.insertInto('inlogpogingen').values({ gebruikersnaam, ip, geslaagd }).execute();
  if (geslaagd) {
    // A successful login clears the slate for this name.
    await db.deleteFrom('inlogpogingen').where('gebruikersnaam', '=', gebruikersnaam).where('geslaagd', '=', false).execute();
  }
}
