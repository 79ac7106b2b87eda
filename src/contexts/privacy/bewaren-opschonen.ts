import { sql, type Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { DB } from '../../platform/db/schema.ts';
import { inGemeente, type Tx } from '../../platform/tenancy/tx.ts';
import { systeem } from './vernietiging-usecases.ts';

/**
 * Personal data outside any file (ADR 23, "Gegevens zonder dossier"): login attempts, request
 * counters of the public form and online meldingen never linked to a person are removed after a
 * fixed term by the definer function `opschonen_zonder_dossier` (migration 0018; neither role may
 * delete these rows itself). Part of the daily retention job. Counts only, never content.
 */
export interface PlatformOpgeschoond { inlogpogingen: number; publiekeVerzoeken: number }
export interface GemeenteOpgeschoond { onlineMeldingenAfgewezen: number; onlineMeldingenTeMatchen: number }

async function opschonen<T>(db: Kysely<DB> | Tx): Promise<T> {
  const r = await sql<{ v: T | string }>`select opschonen_zonder_dossier() as v`.execute(db);
  const v = r.rows[0]!.v;
  return typeof v === 'string' ? (JSON.parse(v) as T) : v;
}

/** One summary entry per gemeente in its audit trail: what was removed, counted (the platform tables are shared by all gemeenten). */
export async function schoonOpZonderDossier(db: Kysely<DB>): Promise<Record<string, PlatformOpgeschoond & GemeenteOpgeschoond>> {
  // Without a gemeente in the transaction: the platform's own tables.
  const platform = await db.transaction().execute((tx) => opschonen<PlatformOpgeschoond>(tx));
  const gemeenten = await db.selectFrom('gemeenten').select(['id', 'code']).execute();
  const uitkomst: Record<string, PlatformOpgeschoond & GemeenteOpgeschoond> = {};
  for (const g of gemeenten) {
    uitkomst[g.code] = await inGemeente(db, g.id, async (tx) => {
      const eigen = await opschonen<GemeenteOpgeschoond>(tx);
      const totaal = { ...platform, ...eigen };
      await appendAudit(tx, systeem(g.id), [{
        actie: 'verwijderen', resourceType: 'gegevens-zonder-dossier', resourceId: g.id, persoonId: null,
        doel: `bewaartermijn verstreken, verwijderd: ${eigen.onlineMeldingenAfgewezen} afgewezen en ${eigen.onlineMeldingenTeMatchen} nooit gekoppelde online meldingen; `
          + `voor alle gemeenten samen ${platform.inlogpogingen} inlogpogingen en ${platform.publiekeVerzoeken} tellingen van het online formulier`,
      }]);
      return totaal;
    });
  }
  return uitkomst;
}
