import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { CHECKPOINT_NA_MS, ketenBij, wachtendeGemeenten } from './store.ts';

export interface SequencerLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SequencerOpties {
  sleutel: string;
  log: SequencerLogger;
  /** How often to look for pending entries. */
  intervalMs?: number;
  /** How often every gemeente is visited for a due checkpoint, also without pending entries. */
  checkpointNaMs?: number;
}

/**
 * The background sequencer of the app process: every few seconds it chains the pending audit
 * entries of each gemeente that has them, and once per checkpoint interval it visits every gemeente
 * so a quiet one still gets its last entries signed. Several app processes may run it: a gemeente
 * that another process is chaining is skipped (try-lock). Returns a stop function.
 */
/** Returns `stop`: no new rounds, and a promise that settles when a round under way has finished (close the database after it). */
export function startAuditSequencer(db: Kysely<DB>, opts: SequencerOpties): () => Promise<void> {
  const naMs = opts.checkpointNaMs ?? CHECKPOINT_NA_MS;
  let busy = false;
  let ronde: Promise<void> = Promise.resolve();
  let laatsteRonde = 0;
  const tick = async () => {
    const alle = Date.now() - laatsteRonde >= naMs;
    const gemeenten = alle
      ? (await db.selectFrom('gemeenten').select('id').execute()).map((g) => g.id)
      : await wachtendeGemeenten(db);
    if (alle) laatsteRonde = Date.now();
    for (const g of gemeenten) {
      await ketenBij(db, g, { sleutel: opts.sleutel, log: opts.log, wacht: false, checkpointNaMs: naMs });
    }
  };
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    ronde = tick().catch((e: unknown) => opts.log.error({ event: 'audit_sequencer_fout', err: e }, 'audit_sequencer_fout')).finally(() => { busy = false; });
  }, opts.intervalMs ?? 2000);
  timer.unref();
  return () => { clearInterval(timer); return ronde; };
}
