import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the next transaction's BEGIN should also do, in the same round trip (ADR 28). `inGemeente`
 * sets it; the drivers (database.ts, pglite-dialect.ts) take it when they begin the transaction and
 * send `begin; set local role …; select set_config(…)` as one simple-protocol query.
 */
interface Begin { sql: string; genomen: boolean }

const volgendeBegin = new AsyncLocalStorage<Begin>();

/** Runs `fn` so that the first transaction it begins starts with `sql` after `begin`. */
export function metBegin<T>(sql: string, fn: () => Promise<T>): Promise<{ resultaat: T; genomen: boolean }> {
  const b: Begin = { sql, genomen: false };
  return volgendeBegin.run(b, async () => ({ resultaat: await fn(), genomen: b.genomen }));
}

/**
 * For a driver at BEGIN: the whole begin statement, taking the pending extra SQL once (a nested or
 * later transaction in the same async context begins plainly), or null when there is none.
 */
export function neemBegin(): string | null {
  const b = volgendeBegin.getStore();
  if (!b || b.genomen) return null;
  b.genomen = true;
  return `begin; ${b.sql}`;
}

/** Whether the driver took the pending begin (read inside the transaction, to fall back when not). */
export function beginGenomen(): boolean {
  return volgendeBegin.getStore()?.genomen ?? false;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A gemeente id, checked strictly before it is written into SQL text (it is never a parameter there). */
export function alsUuid(v: string): string {
  if (!UUID.test(v)) throw new Error('gemeente-id is geen uuid');
  return v.toLowerCase();
}
