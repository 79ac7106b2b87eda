/**
 * Embedded or server: how large an embedded database (PGlite) may grow before the start-up log
 * says to move to a PostgreSQL server. The limits follow the measurements in bench/README.md
 * ("Embedded of server"): PGlite is one PostgreSQL backend in the app's own process, so every
 * request of every user waits for the one before it, and its lists and dashboards grow with the
 * data. Up to these sizes (a demo, one team, a small gemeente) that is fine; beyond them the
 * server serves 16 users at once and keeps its figures flat.
 */
import { sql, type Kysely } from 'kysely';
import type { DatabaseKind } from './database.ts';

export interface Omvang {
  personen: number;
  meldingen: number;
}

/** Above either number an embedded database is past what it is for. */
export const EMBEDDED_GRENS: Omvang = { personen: 30_000, meldingen: 20_000 };

const getal = (n: number) => Math.round(n).toLocaleString('nl-NL');

/**
 * The start-up warning for a database of this size, or null when none is needed: only embedded
 * databases get one (a server is what the warning advises).
 */
export function omvangWaarschuwing(kind: DatabaseKind, omvang: Omvang, grens: Omvang = EMBEDDED_GRENS): string | null {
  if (kind !== 'pglite') return null;
  if (omvang.personen <= grens.personen && omvang.meldingen <= grens.meldingen) return null;
  return `De embedded database (PGlite) bevat ongeveer ${getal(omvang.personen)} inwoners en ${getal(omvang.meldingen)} meldingen. ` +
    `Embedded is bedoeld voor een demo, één team of een kleine gemeente (tot ${getal(grens.personen)} inwoners of ${getal(grens.meldingen)} meldingen): ` +
    'alle gebruikers wachten op één databaseproces en lijsten en dashboards worden trager naarmate er meer gegevens zijn. ' +
    'Gebruik een PostgreSQL-server: zet DATABASE_URL (zie README, "Embedded of server").';
}

/**
 * The number of residents and meldingen without counting them: the planner's row estimate, i.e.
 * pg_class.reltuples scaled to the table's current size, so it follows the table after the last
 * ANALYZE. PGlite has no autovacuum: a table never analyzed (reltuples −1) is analyzed first — a
 * sample of at most 30.000 rows, whatever the size — because the planner's guess without it was a
 * third of the truth (6.800 for 20.111 residents). Run as the owner (no row-level security).
 */
export async function schatOmvang<DB>(db: Kysely<DB>): Promise<Omvang> {
  const nooit = await sql<{ relname: string }>`
    select relname from pg_class where relnamespace = 'public'::regnamespace and relname in ('personen', 'meldingen') and reltuples < 0`.execute(db);
  for (const t of nooit.rows) await sql`analyze ${sql.table(t.relname)}`.execute(db);
  const schat = async (tabel: 'personen' | 'meldingen') => {
    const r = await sql<{ 'QUERY PLAN': unknown }>`explain (format json) select 1 from ${sql.table(tabel)}`.execute(db);
    const plan = r.rows[0]?.['QUERY PLAN'];
    const json = (typeof plan === 'string' ? JSON.parse(plan) : plan) as { Plan?: { 'Plan Rows'?: number } }[] | undefined;
    return Number(json?.[0]?.Plan?.['Plan Rows'] ?? 0);
  };
  return { personen: await schat('personen'), meldingen: await schat('meldingen') };
}
