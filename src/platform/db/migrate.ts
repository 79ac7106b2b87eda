import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations');

/**
 * Forward-only numbered SQL migrations (`src/migrations/0001_name.sql`), each in its own
 * transaction, run as the database owner. A landed migration is never edited; a new file fixes it.
 */
export async function migrate(db: Kysely<DB>, dir = MIGRATIONS_DIR): Promise<string[]> {
  await sql`create table if not exists schema_migraties (
    naam text primary key,
    uitgevoerd_op timestamptz not null default now()
  )`.execute(db);
  const done = new Set((await sql<{ naam: string }>`select naam from schema_migraties`.execute(db)).rows.map((r) => r.naam));
  const files = readdirSync(dir).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  const applied: string[] = [];
  for (const file of files) {
    if (done.has(file)) continue;
    const text = readFileSync(join(dir, file), 'utf8');
    await db.transaction().execute(async (tx) => {
      // Serialise concurrent starts of several app processes on one server.
      await sql`select pg_advisory_xact_lock(8211)`.execute(tx);
      const again = await sql`select 1 from schema_migraties where naam = ${file}`.execute(tx);
      if (again.rows.length > 0) return;
      await sql.raw(text).execute(tx);
      await sql`insert into schema_migraties (naam) values (${file})`.execute(tx);
      applied.push(file);
    });
  }
  return applied;
}
