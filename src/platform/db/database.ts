import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { CompiledQuery, Kysely, PostgresDialect, PostgresDriver, sql, type DatabaseConnection, type Driver, type PostgresPool, type PostgresPoolClient, type TransactionSettings } from 'kysely';
import pg from 'pg';
import { neemBegin } from './begin.ts';
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
  // One process, one connection: a NOTIFY arrives with the result of the statement that committed it.
  luisteraars.set(db, async (kanaal, bij) => {
    const stop = await pglite.listen(kanaal, bij);
    return { stop: async () => { if (!pglite.closed) await stop(); } };
  });
  return { kind: 'pglite', db, close: () => db.destroy() };
}

// ---------------------------------------------------------------------------------------------
// LISTEN/NOTIFY (the session cache's invalidation, ADR 28)

export interface Luisteraar { stop(): Promise<void> }
/** Listens on a channel; `verloren` is called when the listening connection breaks (notifications may be missed). */
export type Luister = (kanaal: string, bij: (payload: string) => void, verloren: () => void) => Promise<Luisteraar>;

const luisteraars = new WeakMap<Kysely<DB>, Luister>();

/** How to listen for notifications on the database behind `db`, when it was opened here. */
export function luisterVia(db: Kysely<DB>): Luister | undefined {
  return luisteraars.get(db);
}

// ---------------------------------------------------------------------------------------------
// Named prepared statements on the server (ADR 28)

/** At most this many named statements per connection; past it, queries go unnamed (planned each time). */
export const MAX_BENOEMD = 500;
// A list of five or more parameters, e.g. `in ($1, $2, $3, $4, $5)`: one text per list length, rarely reused.
const LANGE_LIJST = /\(\$\d+(?:, \$\d+){4,}\)/;
const DDL = /^\s*(create|alter|drop|comment|grant|revoke)\s/im;

/**
 * Bumped when this process runs DDL: a statement prepared before a schema change could answer
 * "cached plan must not change result type" (a `select *` over a changed table), so names of the
 * new generation are prepared afresh. Migrations run before the app serves; tests create schemas.
 */
let generatie = 0;

/** A per-connection name for a query text, or undefined to send it unnamed. */
export function naamVoor(tekst: string, aantalParameters: number, benoemd: Set<string>): string | undefined {
  if (aantalParameters === 0) {
    if (DDL.test(tekst)) generatie++;
    return undefined; // simple protocol: scripts of several statements (migrations, the begin of inGemeente)
  }
  if (LANGE_LIJST.test(tekst)) return undefined;
  const naam = `e${generatie}_${createHash('sha1').update(tekst).digest('base64url').slice(0, 22)}`;
  if (benoemd.has(naam)) return naam;
  if (benoemd.size >= MAX_BENOEMD) return undefined;
  benoemd.add(naam);
  return naam;
}

type PgClient = pg.PoolClient;

/** A pooled node-pg client whose parameterised queries get a stable name per text, so PostgreSQL parses and plans them once. */
function benoemdeClient(client: PgClient): PostgresPoolClient {
  const benoemd = new Set<string>();
  return {
    // Kysely calls query(sql, parameters); its cursor form is not configured here.
    query: ((tekst: string, waarden: readonly unknown[]) => {
      const name = naamVoor(tekst, waarden.length, benoemd);
      return name ? client.query({ name, text: tekst, values: waarden as unknown[] }) : client.query(tekst, waarden as unknown[]);
    }) as unknown as PostgresPoolClient['query'],
    release: () => client.release(),
  };
}

class BenoemdePool implements PostgresPool {
  private readonly clients = new WeakMap<PgClient, PostgresPoolClient>();
  constructor(private readonly pool: pg.Pool) {}
  async connect(): Promise<PostgresPoolClient> {
    const c = await this.pool.connect();
    let w = this.clients.get(c);
    if (!w) {
      w = benoemdeClient(c);
      this.clients.set(c, w);
    }
    return w;
  }
  end(): Promise<void> { return this.pool.end(); }
}

/** Begins a transaction of `inGemeente` together with its role and gemeente, in one round trip. */
class EenvoudPostgresDriver extends PostgresDriver {
  override async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const begin = settings.isolationLevel || settings.accessMode ? null : neemBegin();
    if (begin) await conn.executeQuery(CompiledQuery.raw(begin));
    else await super.beginTransaction(conn, settings);
  }
}

class EenvoudPostgresDialect extends PostgresDialect {
  constructor(private readonly pool: PostgresPool) { super({ pool }); }
  override createDriver(): Driver { return new EenvoudPostgresDriver({ pool: this.pool }); }
}

export async function openPostgres(connectionString: string, max = 10): Promise<Database> {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') => {
      if (oid === DATE_OID) return parseDate;
      if (oid === INT8_OID) return parseInt8;
      return pg.types.getTypeParser(oid, format);
    },
  };
  // JIT off for every connection of the app: its queries are short, and compiling one whose cost
  // estimate passes jit_above_cost (the access rule's `exists` parts in a list) takes longer than
  // running it (ADR 25). Lists no longer need a round trip to switch it off (ADR 28).
  const options = '-c timezone=Europe/Amsterdam -c jit=off';
  const pool = new pg.Pool({ connectionString, max, types, options });
  // An idle connection the server ends (a restart, a failover, an administrator) is an 'error' on
  // the pool; without a listener that ends the process. The pool drops the connection and the next
  // query opens a new one: say so and go on.
  pool.on('error', (e) => console.warn(JSON.stringify({ level: 40, event: 'db_verbinding_verbroken', msg: e.message })));
  const db = new Kysely<DB>({ dialect: new EenvoudPostgresDialect(new BenoemdePool(pool)) });
  await sql`select 1`.execute(db); // fail fast with a clear error when the server is unreachable
  // A connection of its own, outside the pool: LISTEN holds it for the app's lifetime.
  luisteraars.set(db, async (kanaal, bij, verloren) => {
    const client = new pg.Client({ connectionString, options });
    let gestopt = false;
    const weg = () => { if (!gestopt) { gestopt = true; verloren(); } };
    client.on('notification', (m) => { if (m.channel === kanaal) bij(m.payload ?? ''); });
    client.on('error', weg);
    client.on('end', weg);
    await client.connect();
    await client.query(`listen ${pg.escapeIdentifier(kanaal)}`);
    return { stop: async () => { gestopt = true; await client.end().catch(() => undefined); } };
  });
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
