import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { VENSTER_MINUTEN, type Teller, type Telling } from './remming.ts';
import { sessieCacheVan } from './sessie-cache.ts';

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
  /** Provider staff (role aanbieder, ADR 38): the provider this account works for; null for gemeente staff. */
  aanbiederId: string | null;
  aanbiederNaam: string | null;
}

export const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');

export async function findAccount(db: Kysely<DB>, gebruikersnaam: string): Promise<Account | undefined> {
  const row = await db
    .selectFrom('gebruikers as g')
    .innerJoin('gemeenten as m', 'm.id', 'g.gemeente_id')
    .leftJoin('aanbieders as a', 'a.id', 'g.aanbieder_id')
    .select([
      'g.id', 'g.gemeente_id', 'm.naam as gemeente_naam', 'm.code as gemeente_code', 'g.gebruikersnaam', 'g.naam', 'g.rollen', 'g.wachtwoord_hash', 'g.actief',
      'g.aanbieder_id', 'a.naam as aanbieder_naam',
    ])
    .where('g.gebruikersnaam', '=', gebruikersnaam)
    .executeTakeFirst();
  return row && {
    id: row.id, gemeenteId: row.gemeente_id, gemeenteNaam: row.gemeente_naam, gemeenteCode: row.gemeente_code, gebruikersnaam: row.gebruikersnaam,
    naam: row.naam, rollen: row.rollen, wachtwoordHash: row.wachtwoord_hash, actief: row.actief,
    aanbiederId: row.aanbieder_id, aanbiederNaam: row.aanbieder_naam,
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

/** The session of a token: from the session cache while it runs (ADR 28), else from the database. */
export async function findSession(db: Kysely<DB>, token: string): Promise<SessionInfo | undefined> {
  const hash = sha256(token);
  const cache = sessieCacheVan(db);
  const bekend = cache?.lees(hash);
  if (bekend) return bekend;
  const generatie = cache?.generatie ?? 0;
  const row = await db
    .selectFrom('sessies as s')
    .innerJoin('gebruikers as g', 'g.id', 's.gebruiker_id')
    .innerJoin('gemeenten as m', 'm.id', 'g.gemeente_id')
    .leftJoin('aanbieders as a', 'a.id', 'g.aanbieder_id')
    .select([
      'g.id', 'g.gemeente_id', 'm.naam as gemeente_naam', 'm.code as gemeente_code', 'g.gebruikersnaam', 'g.naam', 'g.rollen', 'g.actief',
      'g.aanbieder_id', 'a.naam as aanbieder_naam', 's.csrf_token', 's.verloopt_op',
    ])
    .where('s.token_hash', '=', hash)
    .where('s.verloopt_op', '>', sql<Date>`now()`)
    .where('g.actief', '=', true)
    .executeTakeFirst();
  if (!row) return undefined;
  // Frozen: one cached object serves many requests, none may change it.
  const info: SessionInfo = Object.freeze({
    account: Object.freeze({
      id: row.id, gemeenteId: row.gemeente_id, gemeenteNaam: row.gemeente_naam, gemeenteCode: row.gemeente_code, gebruikersnaam: row.gebruikersnaam,
      naam: row.naam, rollen: Object.freeze([...row.rollen]) as string[], wachtwoordHash: null, actief: row.actief,
      aanbiederId: row.aanbieder_id, aanbiederNaam: row.aanbieder_naam,
    }),
    csrfToken: row.csrf_token,
    verlooptOp: new Date(row.verloopt_op),
  });
  cache?.bewaar(hash, info, generatie);
  return info;
}

/** Logout: the session is gone from this process's cache at once, from the others' by NOTIFY (migration 0023). */
export async function deleteSession(db: Kysely<DB>, token: string): Promise<void> {
  const hash = sha256(token);
  sessieCacheVan(db)?.vergeetSessie(hash);
  await db.deleteFrom('sessies').where('token_hash', '=', hash).execute();
  sessieCacheVan(db)?.vergeetSessie(hash);
}

/**
 * After a committed change to an account (deactivated, other roles, another provider, a new
 * password): this process's cache forgets its sessions at once, before the NOTIFY of migration
 * 0023 arrives, so the caller's next request already counts. The other processes hear the NOTIFY.
 */
export function vergeetSessiesVan(db: Kysely<DB>, gebruikerId: string): void {
  sessieCacheVan(db)?.vergeetGebruiker(gebruikerId);
}

export async function deleteExpiredSessions(db: Kysely<DB>): Promise<void> {
  await db.deleteFrom('sessies').where('verloopt_op', '<', sql<Date>`now()`).execute();
  await db.deleteFrom('bekende_apparaten').where('verloopt_op', '<', sql<Date>`now()`).execute();
}

/** Failed attempts in the throttling window, per counter (see remming.ts), with the moment of the last. */
export async function mislukkingen(
  db: Kysely<DB>, gebruikersnaam: string, ip: string, apparaat: string | null,
): Promise<Record<Teller, Telling>> {
  const since = sql<Date>`now() - make_interval(mins => ${VENSTER_MINUTEN})`;
  const apparaatFilter = apparaat ? sql<boolean>`apparaat = ${apparaat}` : sql<boolean>`false`;
  const r = await db
    .selectFrom('inlogpogingen')
    .select([
      sql<number>`count(*) filter (where gebruikersnaam = ${gebruikersnaam} and ip = ${ip} and apparaat is null)`.as('naam_adres_n'),
      sql<Date | null>`max(moment) filter (where gebruikersnaam = ${gebruikersnaam} and ip = ${ip} and apparaat is null)`.as('naam_adres_t'),
      sql<number>`count(*) filter (where gebruikersnaam = ${gebruikersnaam} and apparaat is null)`.as('naam_n'),
      sql<Date | null>`max(moment) filter (where gebruikersnaam = ${gebruikersnaam} and apparaat is null)`.as('naam_t'),
      sql<number>`count(*) filter (where ip = ${ip} and apparaat is null)`.as('adres_n'),
      sql<Date | null>`max(moment) filter (where ip = ${ip} and apparaat is null)`.as('adres_t'),
      sql<number>`count(*) filter (where ${apparaatFilter})`.as('apparaat_n'),
      sql<Date | null>`max(moment) filter (where ${apparaatFilter})`.as('apparaat_t'),
    ])
    .where('geslaagd', '=', false)
    .where('moment', '>', since)
    .where((eb) => eb.or([eb('gebruikersnaam', '=', gebruikersnaam), eb('ip', '=', ip), ...(apparaat ? [eb('apparaat', '=', apparaat)] : [])]))
    .executeTakeFirstOrThrow();
  const t = (n: number, m: Date | string | null): Telling => ({ mislukt: Number(n), laatste: m ? new Date(m) : null });
  return {
    naamEnAdres: t(r.naam_adres_n, r.naam_adres_t), naam: t(r.naam_n, r.naam_t), adres: t(r.adres_n, r.adres_t), apparaat: t(r.apparaat_n, r.apparaat_t),
  };
}

/**
 * Records an attempt. A success clears only its own slate (this account from this address, or this
 * known browser): failures a stranger caused elsewhere keep slowing the stranger down.
 */
export async function recordAttempt(db: Kysely<DB>, gebruikersnaam: string, ip: string, geslaagd: boolean, apparaat: string | null = null): Promise<void> {
  await db.insertInto('inlogpogingen').values({ gebruikersnaam, ip, geslaagd, apparaat }).execute();
  if (geslaagd) {
    await db.deleteFrom('inlogpogingen').where('geslaagd', '=', false)
      .where((eb) => eb.or([
        eb.and([eb('gebruikersnaam', '=', gebruikersnaam), eb('ip', '=', ip), eb('apparaat', 'is', null)]),
        ...(apparaat ? [eb('apparaat', '=', apparaat)] : []),
      ]))
      .execute();
  }
}

/** A browser that logged in to this account before: its cookie's token, checked against the account. */
export const APPARAAT_DAGEN = 180;

export async function bekendApparaat(db: Kysely<DB>, token: string | undefined, gebruikerId: string | undefined): Promise<string | null> {
  if (!token || !gebruikerId || token.length > 100) return null;
  const hash = sha256(token);
  const r = await db.selectFrom('bekende_apparaten').select('token_hash').where('token_hash', '=', hash).where('gebruiker_id', '=', gebruikerId)
    .where('verloopt_op', '>', sql<Date>`now()`).executeTakeFirst();
  return r ? hash : null;
}

/** After a successful login: the known browser's cookie renewed, or a new one issued. Returns the token to set. */
export async function onthoudApparaat(db: Kysely<DB>, account: Account, bekend: string | null, token: string | undefined): Promise<string> {
  const verloopt = new Date(Date.now() + APPARAAT_DAGEN * 24 * 60 * 60_000);
  if (bekend && token) {
    await db.updateTable('bekende_apparaten').set({ laatst_gebruikt_op: new Date(), verloopt_op: verloopt }).where('token_hash', '=', bekend).execute();
    return token;
  }
  const nieuw = randomBytes(32).toString('base64url');
  await db.insertInto('bekende_apparaten').values({ token_hash: sha256(nieuw), gebruiker_id: account.id, gemeente_id: account.gemeenteId, verloopt_op: verloopt }).execute();
  return nieuw;
}
