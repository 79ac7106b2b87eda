import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Kysely<DB>;
  close(): Promise<void>;
}

// Legal dates stay 'YYYY-MM-DD' strings (no time zone shifts); counts become numbers.
const DATE_OID = 1082;
const INT8_OID = 20;
const parseDate = (v: string) => v;
const parseInt8 = (v: string) => Number(v);

/** Opens embedded PostgreSQL in `dataDir` (or in memory when dataDir is 'memory://'). */
/**
 * `bulk`: sync to disk at the end instead of after every statement — for the demo generator only,
 * never for the app (a crash would lose the last writes).
 */
export async function openPglite(dataDir: string, opts: { bulk?: boolean } = {}): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, {
    parsers: { [DATE_OID]: parseDate, [INT8_OID]: parseInt8 },
    relaxedDurability: opts.bulk ?? false,
    // The contrib extensions the migrations create (search: trigrams, accents, edit distance).
    extensions: { pg_trgm, unaccent, fuzzystrmatch },
  });
  await pglite.exec(`set timezone = 'Europe/Amsterdam'`);
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return { kind: 'pglite', db, close: () => db.destroy() };
}

export async function openPostgres(connectionString: string, max = 10): Promise<Database> {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') => {
      if (oid === DATE_OID) return parseDate;
      if (oid === INT8_OID) return parseInt8;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({ connectionString, max, types, options: '-c timezone=Europe/Amsterdam' });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  await sql`select 1`.execute(db); // fail fast with a clear error when the server is unreachable
  return { kind: 'postgres', db, close: () => db.destroy() };
}

export async function openDatabase(opts: { databaseUrl?: string | undefined; dataDir: string; bulk?: boolean }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir, { bulk: opts.bulk ?? false });
}

/** Who the runtime connection is, as far as the audit trail's protection depends on it. */
export interface AppRolControle { rol: string; superuser: boolean; eigenaar: boolean; bypassRls: boolean }

/**
 * On a PostgreSQL server: is the runtime connection the tables' owner (or may it become the owner),
 * a superuser, or exempt from row-level security? Each lets the app disable the audit trail's
 * trigger or read across gemeenten. Null on embedded PGlite (one local user, nothing to separate).
 */
export async function controleerAppRol(database: Database): Promise<AppRolControle | null> {
  if (database.kind !== 'postgres') return null;
  const r = await sql<{ rol: string; superuser: boolean; bypass: boolean; eigenaar: boolean | null }>`
    select current_user as rol, r.rolsuper as superuser, r.rolbypassrls as bypass,
      (select pg_has_role(current_user, c.relowner, 'MEMBER') from pg_class c where c.oid = to_regclass('public.auditlog')) as eigenaar
    from pg_roles r where r.rolname = current_user`.execute(database.db);
  const x = r.rows[0]!;
  return { rol: x.rol, superuser: x.superuser, eigenaar: x.eigenaar === true, bypassRls: x.bypass };
}

/** The warning to log at start, or null when the runtime role is as it should be. */
export function appRolWaarschuwing(c: AppRolControle | null): string | null {
  if (!c) return null;
  const wat = [c.superuser && 'superuser', c.eigenaar && 'eigenaar van de tabellen', !c.superuser && c.bypassRls && 'vrijgesteld van row-level security']
    .filter((x): x is string => typeof x === 'string');
  if (wat.length === 0) return null;
  return `De app verbindt als ${c.rol}, ${wat.join(' en ')}: zo kan de app de trigger van de audittrail uitzetten en de audittrail herschrijven. ` +
    'Verbind met DATABASE_URL als een rol die alleen lid is van eenvoud_app en eenvoud_platform, en migreer met DATABASE_MIGRATIE_URL (zie README, "Database: eigenaar en app-rol").';
}
