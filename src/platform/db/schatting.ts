import { CompiledQuery, type Compilable } from 'kysely';
import type { Tx } from '../tenancy/tx.ts';

/**
 * The planner's estimate of how many rows a query would return (EXPLAIN, nothing is executed). A
 * list over years of history shows "about N" instead of counting every closed row on each request:
 * an exact count there costs what the history costs, the estimate what one plan costs.
 */
export async function geschatAantal(tx: Tx, q: Compilable): Promise<number> {
  const c = q.compile();
  const r = await tx.executeQuery<Record<string, unknown>>(CompiledQuery.raw(`explain (format json) ${c.sql}`, [...c.parameters]));
  const waarde = Object.values(r.rows[0] ?? {})[0];
  // node-postgres parses the json column, PGlite may hand back its text.
  const plan = (typeof waarde === 'string' ? JSON.parse(waarde) : waarde) as { Plan?: { 'Plan Rows'?: number } }[] | undefined;
  const rijen = plan?.[0]?.Plan?.['Plan Rows'];
  return typeof rijen === 'number' && Number.isFinite(rijen) ? Math.max(0, Math.round(rijen)) : 0;
}

/** The exact number of rows a query returns, counted by the database (for lists of open work). */
export async function telAantal(tx: Tx, q: Compilable): Promise<number> {
  const c = q.compile();
  const r = await tx.executeQuery<{ n: number }>(CompiledQuery.raw(`select count(*)::int as n from (${c.sql}) as x`, [...c.parameters]));
  return Number(r.rows[0]?.n ?? 0);
}
