import type { Kysely } from 'kysely';
import { herberekenOpenTermijnen } from './contexts/toegang/index.ts';
import { schoonOpZonderDossier } from './contexts/privacy/bewaren-opschonen.ts';
import { stelDagelijksLijstenOp } from './contexts/privacy/vernietiging-usecases.ts';
import type { DB } from './platform/db/schema.ts';
import { dagelijksOm, type Job } from './platform/jobs/runner.ts';
import { inGemeente } from './platform/tenancy/tx.ts';
import { vandaag } from './platform/time.ts';

/** The daily signal run: every unfinished term of every gemeente gets today's stand. */
export async function signaleerTermijnen(db: Kysely<DB>): Promise<Record<string, number>> {
  const gemeenten = await db.selectFrom('gemeenten').select(['id', 'code']).execute();
  const dag = vandaag();
  const uitkomst: Record<string, number> = {};
  for (const g of gemeenten) uitkomst[g.code] = await inGemeente(db, g.id, (tx) => herberekenOpenTermijnen(tx, dag));
  return uitkomst;
}

export const allJobs: Job[] = [
  { naam: 'termijnen-signaleren', volgendeRun: dagelijksOm(2), run: signaleerTermijnen },
  // Retention: what is past its term goes on a destruction list for the archivaris (nothing is destroyed without approval);
  // personal data outside any file (login attempts, unlinked online meldingen) is removed after its fixed term.
  { naam: 'vernietigingslijst-opstellen', volgendeRun: dagelijksOm(3), run: async (db) => ({ lijsten: await stelDagelijksLijstenOp(db), opgeschoond: await schoonOpZonderDossier(db) }) },
];
