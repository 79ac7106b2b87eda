import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * Recurring background jobs, kept in PostgreSQL (table `taken`) so that several app processes
 * share one schedule: a process claims a due job by moving its next run forward in one UPDATE,
 * so only one of them runs it. Not a timer inside a request. See docs/adr/0010-taken-in-postgresql.md.
 */
export interface Job {
  naam: string;
  /** SQL expression for the next run after now, e.g. tomorrow 02:00 Amsterdam time. */
  volgendeRun: ReturnType<typeof sql<Date>>;
  run: (db: Kysely<DB>) => Promise<unknown>;
}

/** Tomorrow at `uur`:00 in Europe/Amsterdam. */
export const dagelijksOm = (uur: number) =>
  sql<Date>`((date_trunc('day', now() at time zone 'Europe/Amsterdam') + interval '1 day' + make_interval(hours => ${uur})) at time zone 'Europe/Amsterdam')`;

export interface Logger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Registers the jobs (a new job runs at once) and returns a function that runs every due job once. */
export async function registreerTaken(db: Kysely<DB>, jobs: readonly Job[], log: Logger): Promise<() => Promise<string[]>> {
  for (const job of jobs) {
    await db.insertInto('taken').values({ naam: job.naam, volgende_run: sql<Date>`now()` }).onConflict((oc) => oc.column('naam').doNothing()).execute();
  }
  return async () => {
    const gedaan: string[] = [];
    for (const job of jobs) {
      const claimed = await db.updateTable('taken')
        .set({ volgende_run: job.volgendeRun, laatst_gestart: sql<Date>`now()` })
        .where('naam', '=', job.naam)
        .where('volgende_run', '<=', sql<Date>`now()`)
        .returning('naam')
        .executeTakeFirst();
      if (!claimed) continue;
      try {
        const resultaat = await job.run(db);
        await db.updateTable('taken').set({ laatst_klaar: sql<Date>`now()`, laatste_resultaat: JSON.stringify(resultaat ?? null), laatste_fout: null })
          .where('naam', '=', job.naam).execute();
        log.info({ event: 'taak_klaar', taak: job.naam }, 'taak_klaar');
        gedaan.push(job.naam);
      } catch (e) {
        await db.updateTable('taken').set({ laatste_fout: e instanceof Error ? e.message : String(e) }).where('naam', '=', job.naam).execute();
        log.error({ event: 'taak_mislukt', taak: job.naam, err: e }, 'taak_mislukt');
      }
    }
    return gedaan;
  };
}

/** Checks for due jobs every `intervalMs`; returns a stop function. */
export function startTaken(tick: () => Promise<unknown>, intervalMs: number, log: Logger): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    tick().catch((e: unknown) => log.error({ event: 'taken_fout', err: e }, 'taken_fout')).finally(() => { busy = false; });
  }, intervalMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
