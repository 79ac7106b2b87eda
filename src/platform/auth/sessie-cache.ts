import { sql, type Kysely } from 'kysely';
import { luisterVia, type Luisteraar } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import type { SessionInfo } from './store.ts';

/**
 * Sessions in memory for their lifetime (ADR 28), so a request costs no session lookup. Bounded
 * (least recently used out), and only on while this process hears the database's NOTIFY on
 * 'eenvoud_sessies' (migration 0023): a logout, a deactivated account or a changed role drops the
 * entries at once, in every app process. When the listening connection breaks, the cache empties
 * and stays off until it listens again.
 */
export const KANAAL = 'eenvoud_sessies';
export const MAX_SESSIES = 10_000;

export class SessieCache {
  private readonly sessies = new Map<string, SessionInfo>();
  /** Bumped by every invalidation: a lookup that began before one may not store its (possibly stale) answer. */
  private versie = 0;
  aan = false;
  private wachtend = new Map<string, () => void>();
  private volgnummer = 0;

  constructor(private readonly max = MAX_SESSIES) {}

  get grootte(): number { return this.sessies.size; }
  get generatie(): number { return this.versie; }

  lees(tokenHash: string, nu = Date.now()): SessionInfo | undefined {
    if (!this.aan) return undefined;
    const s = this.sessies.get(tokenHash);
    if (!s) return undefined;
    this.sessies.delete(tokenHash);
    if (s.verlooptOp.getTime() <= nu) return undefined;
    this.sessies.set(tokenHash, s); // most recently used last
    return s;
  }

  /** Keeps a session read from the database, unless something was invalidated since `generatie`. */
  bewaar(tokenHash: string, info: SessionInfo, generatie: number): void {
    if (!this.aan || generatie !== this.versie) return;
    this.sessies.set(tokenHash, info);
    while (this.sessies.size > this.max) this.sessies.delete(this.sessies.keys().next().value!);
  }

  vergeetSessie(tokenHash: string): void {
    this.versie++;
    this.sessies.delete(tokenHash);
  }

  vergeetGebruiker(gebruikerId: string): void {
    this.versie++;
    for (const [k, s] of this.sessies) if (s.account.id === gebruikerId) this.sessies.delete(k);
  }

  leeg(): void {
    this.versie++;
    this.sessies.clear();
  }

  /** A notification from migration 0023's triggers (or a sync marker of `bijgewerkt`). */
  melding(payload: string): void {
    const [soort, waarde = ''] = splits(payload);
    if (soort === 'sessie') this.vergeetSessie(waarde);
    else if (soort === 'gebruiker') this.vergeetGebruiker(waarde);
    else if (soort === 'sync') {
      this.wachtend.get(waarde)?.();
      this.wachtend.delete(waarde);
    } else this.leeg();
  }

  /**
   * Resolves when every notification committed before this call has reached this cache: its own
   * marker comes after them, as PostgreSQL delivers notifications in commit order. For tests and
   * tools that change accounts from another connection; requests never wait on it.
   */
  async bijgewerkt(db: Kysely<DB>, timeoutMs = 5000): Promise<void> {
    if (!this.aan) return;
    const id = `${process.pid}-${++this.volgnummer}`;
    const klaar = new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => { this.wachtend.delete(id); reject(new Error('sessiecache: geen melding ontvangen')); }, timeoutMs);
      this.wachtend.set(id, () => { clearTimeout(t); resolve(); });
    });
    await sql`select pg_notify(${KANAAL}, ${`sync:${id}`})`.execute(db);
    await klaar;
  }
}

function splits(payload: string): [string, string?] {
  const i = payload.indexOf(':');
  return i < 0 ? [payload] : [payload.slice(0, i), payload.slice(i + 1)];
}

interface Gestart { cache: SessieCache; gebruikers: number; stop: () => Promise<void> }
const caches = new WeakMap<Kysely<DB>, Gestart>();

/** The cache of `db` while an app on it runs; undefined otherwise (every lookup then asks the database). */
export function sessieCacheVan(db: Kysely<DB>): SessieCache | undefined {
  return caches.get(db)?.cache;
}

export interface CacheLogger { warn(obj: object, msg: string): void; info(obj: object, msg: string): void }

/**
 * Starts the cache of `db` and its listener; several apps on one database share it. Returns the stop
 * function. Without a way to listen (a database not opened by database.ts) there is no cache.
 */
export async function startSessieCache(db: Kysely<DB>, log: CacheLogger, opnieuwNaMs = 5000): Promise<() => Promise<void>> {
  const bestaand = caches.get(db);
  if (bestaand) {
    bestaand.gebruikers++;
    return bestaand.stop;
  }
  const luister = luisterVia(db);
  if (!luister) return async () => {};
  const cache = new SessieCache();
  let luisteraar: Luisteraar | null = null;
  let gestopt = false;
  let timer: NodeJS.Timeout | null = null;
  const verbind = async (): Promise<void> => {
    try {
      luisteraar = await luister(KANAAL, (p) => cache.melding(p), () => {
        // Missed notifications cannot be told apart from none: forget everything until listening again.
        cache.aan = false;
        cache.leeg();
        luisteraar = null;
        if (gestopt) return;
        log.warn({ event: 'sessiecache_uit' }, 'sessiecache_uit');
        timer = setTimeout(() => { void verbind(); }, opnieuwNaMs);
        timer.unref();
      });
      if (gestopt) { await luisteraar.stop(); return; }
      cache.leeg();
      cache.aan = true;
    } catch {
      if (gestopt) return;
      log.warn({ event: 'sessiecache_uit' }, 'sessiecache_uit');
      timer = setTimeout(() => { void verbind(); }, opnieuwNaMs);
      timer.unref();
    }
  };
  const gestart: Gestart = {
    cache, gebruikers: 1,
    stop: async () => {
      if (--gestart.gebruikers > 0) return;
      gestopt = true;
      caches.delete(db);
      cache.aan = false;
      cache.leeg();
      if (timer) clearTimeout(timer);
      await luisteraar?.stop();
    },
  };
  caches.set(db, gestart);
  await verbind();
  return gestart.stop;
}
