/**
 * How the demo generator writes its rows (ADR 30). Three ways, one interface:
 *
 * - `copy`: PostgreSQL server, as superuser, over its own connection: `COPY … FROM STDIN` in one
 *   transaction with `session_replication_role = replica` (no triggers, no foreign-key checks in
 *   this session only), secondary indexes dropped and built after the load when the gemeente is
 *   new and nobody else uses the database, then the derived data rebuilt exactly as the triggers
 *   would have made it.
 * - `unnest`: the same rules through kysely (`insert … select from unnest(…)` batches): PGlite, or
 *   a server without a connection string for COPY.
 * - `triggers`: the old way, for a role that may not switch triggers off (and the reference the
 *   test compares with): the app role under row-level security, every trigger and check firing.
 *
 * The generator hands over rows per table in chunks, tables of a chunk in foreign-key order.
 */
import { CompiledQuery, sql, type ControlledTransaction, type Kysely } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DB } from '../platform/db/schema.ts';

export type Rij = Record<string, unknown>;
export type Laadwijze = 'copy' | 'unnest' | 'triggers';

export interface Lader {
  readonly wijze: Laadwijze;
  /** Whether secondary indexes were dropped for the load (built again in `afronden`). */
  readonly indexenLater: boolean;
  /** Writes the rows of one table (all rows have the same keys). */
  schrijf(tabel: keyof DB, rijen: Rij[]): Promise<void>;
  /** Any other statement inside the load's transaction. */
  voerUit(tekst: string, params?: unknown[]): Promise<Rij[]>;
  /** Seconds spent per table and per finishing step, for `npm run demo` to show where the time goes. */
  readonly tijden: Map<string, number>;
  /** Indexes, derived data, commit, statistics. `stap` reports what it is doing (k of n). */
  afronden(stap?: (k: number, n: number) => void): Promise<void>;
  afbreken(): Promise<void>;
}

export interface LaadOpties {
  gemeenteId: string;
  /** A new gemeente (no rows of it before the load): may drop indexes when the database is ours. */
  nieuw: boolean;
  /** About how many residents the load adds: indexes are only dropped when that dominates the table. */
  inwoners: number;
  /** A connection string for COPY on a PostgreSQL server (the tables' owner or a superuser). */
  databaseUrl?: string | undefined;
  /** Force a way (tests); otherwise the fastest the connection allows. */
  wijze?: Laadwijze | undefined;
}

/** The tables the generator loads; their secondary indexes are the ones that may be dropped. */
export const GELADEN_TABELLEN = [
  'huishoudens', 'personen', 'casussen', 'meldingen', 'gesprekken', 'plannen', 'tevredenheid', 'aanvragen', 'melding_statushistorie', 'gesprek_scores',
  'plan_versies', 'doelen', 'evaluaties', 'aanvraag_statushistorie', 'beschikkingen', 'termijnen', 'arrangement_items', 'aanvraag_producten', 'beschikking_producten',
  'voorzieningen', 'voorziening_historie',
] as const satisfies readonly (keyof DB)[];

/** Application name of the generator's connections: sessions with it are not "someone else". */
export const GENERATOR_APP = 'eenvoud-demogenerator';

interface Uitvoerder { query(tekst: string, params?: unknown[]): Promise<Rij[]> }

export async function openLader(db: Kysely<DB>, o: LaadOpties): Promise<Lader> {
  const ksql = async (tekst: string, params: unknown[] = []) => (await db.executeQuery(CompiledQuery.raw(tekst, params))).rows as Rij[];
  const superuser = (await ksql(`select current_setting('is_superuser') = 'on' as ja`))[0]!.ja === true;
  const wijze: Laadwijze = o.wijze ?? (!superuser ? 'triggers' : o.databaseUrl ? 'copy' : 'unnest');
  if (wijze !== 'triggers' && !superuser) throw new Error(`Laden via ${wijze} vraagt een superuser (session_replication_role)`);

  if (wijze === 'copy') {
    const client = new pg.Client({ connectionString: o.databaseUrl, application_name: GENERATOR_APP, options: '-c timezone=Europe/Amsterdam' });
    await client.connect();
    const u: Uitvoerder = { query: async (t, p) => (await client.query(t, p)).rows as Rij[] };
    await u.query('begin');
    const klaar = async () => { await client.end(); };
    return maakLader(wijze, u, o, {
      schrijf: async (tabel, rijen, typen) => {
        const kolommen = Object.keys(rijen[0]!);
        const json = kolommen.map((k) => typen.get(k) === 'jsonb');
        const stream = client.query(copyFrom(`copy ${tabel} (${kolommen.join(', ')}) from stdin`));
        // One buffer per ~4 MB of text: a handful of writes per chunk, no row objects kept.
        let deel = '';
        const geschreven: Promise<void>[] = [];
        for (const r of rijen) {
          for (let i = 0; i < kolommen.length; i++) deel += (i ? '\t' : '') + copyTekst(r[kolommen[i]!], json[i]!);
          deel += '\n';
          if (deel.length > 4_000_000) { stream.write(deel); deel = ''; }
        }
        geschreven.push(new Promise<void>((resolve, reject) => { stream.on('finish', resolve); stream.on('error', reject); }));
        stream.end(deel);
        await Promise.all(geschreven);
      },
      commit: async () => { await u.query('commit'); await klaar(); },
      rollback: async () => { await u.query('rollback').catch(() => {}); await klaar(); },
    });
  }

  const trx: ControlledTransaction<DB> = await db.startTransaction().execute();
  const u: Uitvoerder = { query: async (t, p = []) => (await trx.executeQuery(CompiledQuery.raw(t, p))).rows as Rij[] };
  if (wijze === 'triggers') {
    // The app's own path: its role under row-level security, every trigger and foreign key checked.
    await u.query('set local role eenvoud_app');
    await u.query(`select set_config('app.gemeente', $1, true)`, [o.gemeenteId]);
  }
  return maakLader(wijze, u, o, {
    schrijf: (tabel, rijen, typen) => schrijfUnnest(trx, tabel, rijen, typen),
    commit: async () => { await trx.commit().execute(); },
    rollback: async () => { await trx.rollback().execute().catch(() => {}); },
  });
}

interface Schrijver {
  schrijf(tabel: keyof DB, rijen: Rij[], typen: Map<string, string>): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

async function maakLader(wijze: Laadwijze, u: Uitvoerder, o: LaadOpties, s: Schrijver): Promise<Lader> {
  const typenVan = new Map<string, Map<string, string>>();
  const typen = async (tabel: string) => {
    let t = typenVan.get(tabel);
    if (!t) {
      t = new Map((await u.query(`select attname as naam, format_type(atttypid, atttypmod) as type from pg_attribute
        where attrelid = $1::regclass and attnum > 0 and not attisdropped`, [tabel])).map((r) => [r.naam as string, r.type as string]));
      typenVan.set(tabel, t);
    }
    return t;
  };
  const tijden = new Map<string, number>();
  const meet = async <T>(wat: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try { return await fn(); } finally { tijden.set(wat, (tijden.get(wat) ?? 0) + (performance.now() - t0) / 1000); }
  };
  let indexen: { naam: string; def: string }[] = [];
  if (wijze !== 'triggers') {
    // This session only: no triggers and no foreign-key checks (they are triggers too) while loading.
    await u.query(`set local session_replication_role = replica`);
    if (o.nieuw && await vanOns(u, o.inwoners)) {
      indexen = (await u.query(`select i.indexrelid::regclass::text as naam, pg_get_indexdef(i.indexrelid) as def
        from pg_index i where i.indrelid = any($1::regclass[]) and not i.indisprimary
          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
        order by 1`, [GELADEN_TABELLEN])) as { naam: string; def: string }[];
      // Dropped inside the load's transaction: another session never sees a table without them.
      for (const i of indexen) await u.query(`drop index ${i.naam}`);
    }
  }
  return {
    wijze,
    tijden,
    indexenLater: indexen.length > 0,
    async schrijf(tabel, rijen) {
      if (!rijen.length) return;
      const t = await typen(tabel);
      for (const k of Object.keys(rijen[0]!)) if (!t.has(k)) throw new Error(`Kolom ${tabel}.${k} bestaat niet`);
      await meet(tabel, () => s.schrijf(tabel, rijen, t));
    },
    voerUit: (tekst, params) => u.query(tekst, params),
    async afronden(stap = () => {}) {
      const n = indexen.length + 4;
      try {
        let k = 0;
        stap(k, n);
        if (wijze !== 'triggers') {
          // From here on the session is ordinary again: what the rebuild writes fires its triggers.
          await u.query(`set local session_replication_role = origin`);
          // Index builds and the rebuild's hash joins over the whole gemeente in memory, not in batches on disk.
          await u.query(`set local maintenance_work_mem = '256MB'`);
          await u.query(`set local work_mem = '128MB'`);
          for (const i of indexen) {
            await meet('(indexen)', () => u.query(i.def));
            stap(++k, n);
          }
          await meet('(analyze)', () => u.query(`analyze ${GELADEN_TABELLEN.join(', ')}`));
          stap(++k, n);
          await bouwAfgeleideOp(u, o.gemeenteId, meet);
        }
        stap(k = n - 1, n);
        await meet('(commit)', () => s.commit());
      } catch (e) {
        await s.rollback();
        throw e;
      }
      stap(n, n);
    },
    afbreken: () => s.rollback(),
  };
}

/**
 * Is the database ours for the moment, and does the load dominate the tables? Only then are
 * indexes dropped (the tables would wait for our commit, and rebuilding an index over a much
 * larger existing table costs more than keeping it). Sessions of the generator itself don't count.
 */
async function vanOns(u: Uitvoerder, inwoners: number): Promise<boolean> {
  const [r] = await u.query(`select
      (select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
        and backend_type = 'client backend' and coalesce(application_name, '') <> $1)::int as anderen,
      (select greatest(reltuples, 0) from pg_class where oid = 'personen'::regclass)::float8 as personen`, [GENERATOR_APP]);
  return Number(r!.anderen) === 0 && Number(r!.personen) < inwoners;
}

/**
 * The derived data of the loaded gemeente exactly as the triggers would have made it: the facts of
 * migration 0008 (casus_maatwerk), then every `<context>_opbouwen(gemeente)`
 * function a context offers (found by name, called in name order), which rebuilds its own.
 */
export async function bouwAfgeleideOp(u: Uitvoerder, gemeenteId: string,
  meet: <T>(wat: string, fn: () => Promise<T>) => Promise<T> = (_w, fn) => fn()): Promise<string[]> {
  await meet('(feiten 0008)', () => feiten0008(u, gemeenteId));
  const functies = (await u.query(`select p.proname as naam from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = current_schema() and p.proname like '%\\_opbouwen' and p.pronargs = 1 and p.proargtypes[0] = 'uuid'::regtype
    order by p.proname`)).map((r) => r.naam as string);
  for (const f of functies) await meet(`(${f})`, () => u.query(`select ${pgIdent(f)}($1::uuid)`, [gemeenteId]));
  return functies;
}

async function feiten0008(u: Uitvoerder, gemeenteId: string): Promise<void> {
  // Migration 0008: per casus the day of its first (partly) granted decision; idempotent like the trigger's upsert.
  await u.query(`insert into casus_maatwerk (casus_id, gemeente_id, eerste_toekenning)
    select a.casus_id, a.gemeente_id, min((b.besloten_op at time zone 'Europe/Amsterdam')::date)
    from beschikking_producten bp join beschikkingen b on b.id = bp.beschikking_id join aanvragen a on a.id = b.aanvraag_id
    where bp.gemeente_id = $1 and bp.uitkomst <> 'afgewezen' group by a.casus_id, a.gemeente_id
    on conflict (casus_id) do update set eerste_toekenning = least(casus_maatwerk.eerste_toekenning, excluded.eerste_toekenning)`, [gemeenteId]);
  // The provisions' facts (voorziening_feiten, migration 0028) are rebuilt by voorziening_feiten_opbouwen with the other *_opbouwen.
  // Migration 0008's wijk triggers fill only a missing wijk; the generator always sets it, this is the net.
  await u.query(`update meldingen m set wijk_id = p.wijk_id from personen p where m.gemeente_id = $1 and m.wijk_id is null and p.id = m.persoon_id`, [gemeenteId]);
  await u.query(`update casussen c set wijk_id = (select p.wijk_id from personen p where p.huishouden_id = c.huishouden_id and p.wijk_id is not null order by p.id limit 1)
    where c.gemeente_id = $1 and c.wijk_id is null`, [gemeenteId]);
}

const pgIdent = (naam: string) => `"${naam.replace(/"/g, '""')}"`;

/** One value in COPY's text format: `\N` for null, backslash escapes for the separators. */
export function copyTekst(v: unknown, json: boolean): string {
  if (v === null || v === undefined) return '\\N';
  let s: string;
  if (json) s = JSON.stringify(v);
  else if (typeof v === 'string') s = v;
  else if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  else if (typeof v === 'boolean') return v ? 't' : 'f';
  else if (v instanceof Date) return v.toISOString();
  else throw new Error(`Waarde van type ${typeof v} kan niet via COPY`);
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

/**
 * Inserts rows of one table in batches as one array per column (insert … select from unnest):
 * a handful of parameters per batch instead of thousands, which both PostgreSQL and PGlite parse
 * and plan fast. Columns are those of the first row; their types come from the catalogue.
 */
async function schrijfUnnest(tx: ControlledTransaction<DB>, tabel: keyof DB, rijen: Rij[], typen: Map<string, string>) {
  const kolommen = Object.keys(rijen[0]!);
  for (const k of kolommen) if (typen.get(k)!.endsWith('[]')) throw new Error(`Kolom ${tabel}.${k} kan niet via unnest worden geschreven`);
  // jsonb goes as one JSON document per column (cheaper than an array of escaped texts).
  const array = (k: string, b: Rij[]) => (typen.get(k) === 'jsonb'
    ? sql`(select array_agg(case when jsonb_typeof(j.v) = 'null' then null else j.v end order by j.n) from jsonb_array_elements(${JSON.stringify(b.map((r) => r[k] ?? null))}::jsonb) with ordinality as j(v, n))`
    : sql`${b.map((r) => (r[k] instanceof Date ? (r[k] as Date).toISOString() : r[k] ?? null))}::${sql.raw(`${typen.get(k)!}[]`)}`);
  for (let i = 0; i < rijen.length; i += 10_000) {
    const b = rijen.slice(i, i + 10_000);
    await sql`insert into ${sql.table(tabel)} (${sql.join(kolommen.map((k) => sql.ref(k)))}) select * from unnest(${sql.join(kolommen.map((k) => array(k, b)))})`.execute(tx);
  }
}
