/**
 * Bench "Schaal" (issue 12): one run that generates (or reuses) a gemeente of N residents on the
 * PostgreSQL server and measures, beside its references, what its users wait for. Run by hand:
 *
 *   BENCH_SERVER=postgres://postgres:postgres@127.0.0.1:5432 \
 *     npx tsx bench/schaal.ts --inwoners 100000 [--jaren 5] [--seed 1] [--hergebruik] [--historie 2,5,10]
 *
 * See bench/README.md, "Schaal — bench/schaal.ts", for what each figure means. In one run:
 * 1. the reference `pgbench -S -c 16 -j 2 -T 15` on its own scale-10 database on the same server;
 * 2. at 16 concurrent sessions (autocannon, one logged-in session per connection): the queues of
 *    teamleider, regisseur and frontoffice, termijnen, aanvragen, search (BSN, name + birth date,
 *    number) and one casus read over many casussen the reader may see — p50/p95/p99 and req/s;
 * 3. the sturing pages cold (a restarted app with a fresh connection pool) and warm: strategic, and
 *    tactical filtered to one law and one kern, requested as the browser does;
 * 4. three strategic KPIs in DuckDB on the same data: values compared with the API, time ratio;
 * 5. optionally (--historie) the regisseur's and teamleider's queue at 2, 5 and 10 years of history.
 * Writes bench/resultaten/schaal-<N>-<jaren>-<moment>.{json,md}.
 *
 * `--embedded`: the same lists, reads and pages on embedded PGlite instead (the gemeente generated
 * into a data folder under the temp dir, reused with --hergebruik), beside the same `pgbench -S`
 * on the server; no DuckDB and no history. For the README's "Embedded of server".
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { CompiledQuery, type Kysely } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { startAuditSequencer } from '../src/platform/audit/sequencer.ts';
import { hashPassword } from '../src/platform/auth/password.ts';
import { SESSION_COOKIE } from '../src/platform/auth/session-cookie.ts';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { vandaag } from '../src/platform/time.ts';
import { DUCKDB_KPIS, duckdbReferentie, type DuckdbKpi, type KpiMaanden } from './schaal/duckdb.ts';
import { postgresCpu, startLast, type Klant, type LastUitslag } from './schaal/last.ts';

const { values } = parseArgs({ options: {
  inwoners: { type: 'string', default: '100000' },
  jaren: { type: 'string', default: '5' },
  seed: { type: 'string', default: '1' },
  hergebruik: { type: 'boolean', default: false },
  embedded: { type: 'boolean', default: false },
  historie: { type: 'string' },
  'historie-inwoners': { type: 'string', default: '20000' },
  seconden: { type: 'string', default: '10' },
  opwarmen: { type: 'string', default: '3' },
  verbindingen: { type: 'string', default: '16' },
  herhalingen: { type: 'string', default: '10' },
  poort: { type: 'string', default: '3106' },
  tijdslimiet: { type: 'string', default: '10' },
  'pgbench-seconden': { type: 'string', default: '15' },
} });
const INWONERS = Number(values.inwoners);
const JAREN = Number(values.jaren);
const SEED = Number(values.seed);
const SECONDEN = Number(values.seconden);
const OPWARMEN = Number(values.opwarmen);
const VERBINDINGEN = Number(values.verbindingen);
const HERHALINGEN = Number(values.herhalingen);
const POORT = Number(values.poort);
const TIJDSLIMIET = Number(values.tijdslimiet);
const EMBEDDED = values.embedded === true;
const HISTORIE = values.historie && !EMBEDDED ? values.historie.split(',').map(Number) : [];
const HISTORIE_INWONERS = Number(values['historie-inwoners']);
for (const [naam, x] of Object.entries({ INWONERS, JAREN, SEED, SECONDEN, VERBINDINGEN, HERHALINGEN, POORT, HISTORIE_INWONERS })) {
  if (!Number.isInteger(x) || x < 0) throw new Error(`${naam.toLowerCase()}: geef een geheel getal`);
}
if (HISTORIE.some((j) => !Number.isInteger(j) || j < 1 || j > 20)) throw new Error('--historie: jaren 1–20, met komma’s (2,5,10)');

const SERVER = (process.env.BENCH_SERVER ?? 'postgres://postgres:postgres@127.0.0.1:5432').replace(/\/$/, '');
/** A PostgreSQL server on this machine: its CPU per request can be counted from /proc (embedded: it is in the app's own CPU). */
const PG_LOKAAL = process.platform === 'linux' && !EMBEDDED && ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(SERVER).hostname);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DOEL = { wachtrijP95: 50, casusAandeelPgbench: 0.2, dashboardWarm: 100, dashboardKoud: 1000, tactischKoud: 1000, duckdbVerhouding: 1.5 };
const lastBijStart = loadavg();
const begonnen = new Date();
const log = (tekst: string) => console.error(`[${new Date().toISOString().slice(11, 19)} load ${loadavg()[0]!.toFixed(1)}] ${tekst}`);

// ---------------------------------------------------------------------------------------------
// The gemeente: generated with the project's generator, or reused.

async function beheer<T>(fn: (c: pg.Client) => Promise<T>, db = 'postgres'): Promise<T> {
  const c = new pg.Client({ connectionString: `${SERVER}/${db}` });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Where the gemeente lives: a database on the server, or an embedded data folder. */
interface Gemeente {
  soort: 'server' | 'embedded'; url: string | undefined; dataDir: string | undefined; dbNaam: string; code: string; inwoners: number; jaren: number;
  generator: { seconden: number; rssMb: number; vacuumSeconden: number } | null;
}

/** The generator as `npm run demo` runs it, under GNU time: wall seconds and its largest resident set. */
function genereer(inwoners: number, jaren: number, env: NodeJS.ProcessEnv): { seconden: number; rssMb: number } {
  const tijdBestand = join(mkdtempSync(join(tmpdir(), 'schaal-tijd-')), 'tijd');
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', tijdBestand, 'npx', 'tsx', 'tools/demo.ts',
    '--inwoners', String(inwoners), '--jaren', String(jaren), '--seed', String(SEED)], {
    cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...env, NODE_ENV: 'development' },
  });
  if (r.status !== 0) throw new Error(`de generator stopte met ${r.status}`);
  const [seconden, kb] = readFileSync(tijdBestand, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  rmSync(dirname(tijdBestand), { recursive: true, force: true });
  return { seconden: seconden!, rssMb: Math.round(kb! / 1024) };
}

async function zorgVoorEmbedded(inwoners: number, jaren: number, hergebruik: boolean): Promise<Gemeente> {
  const dataDir = join(tmpdir(), `eenvoud-schaal-embedded-${inwoners}-${jaren}`);
  const g: Gemeente = { soort: 'embedded', url: undefined, dataDir, dbNaam: dataDir, code: `demo-${inwoners}-${SEED}`, inwoners, jaren, generator: null };
  if (hergebruik && existsSync(join(dataDir, 'klaar'))) {
    log(`${dataDir}: hergebruikt`);
    return g;
  }
  rmSync(dataDir, { recursive: true, force: true });
  log(`${dataDir}: nieuw, genereren in PGlite (${inwoners} inwoners, ${jaren} jaar, seed ${SEED})…`);
  const { DATABASE_URL: _geen, ...env } = process.env;
  const gen = genereer(inwoners, jaren, { ...env, EENVOUD_DATA_DIR: dataDir });
  writeFileSync(join(dataDir, 'klaar'), '');
  log(`${dataDir}: gegenereerd in ${gen.seconden} s (RSS ${gen.rssMb} MB)`);
  return { ...g, generator: { ...gen, vacuumSeconden: 0 } };
}

async function zorgVoorGemeente(inwoners: number, jaren: number, hergebruik: boolean): Promise<Gemeente> {
  const dbNaam = `eenvoud_schaal_${inwoners}_${jaren}`;
  const code = `demo-${inwoners}-${SEED}`;
  const url = `${SERVER}/${dbNaam}`;
  const g: Gemeente = { soort: 'server', url, dataDir: undefined, dbNaam, code, inwoners, jaren, generator: null };
  const bestaat = await beheer(async (c) => (await c.query('select 1 from pg_database where datname = $1', [dbNaam])).rowCount === 1);
  if (bestaat && hergebruik) {
    const id = await beheer(async (c) => {
      try {
        return (await c.query<{ id: string }>('select id from gemeenten where code = $1', [code])).rows[0]?.id;
      } catch {
        return undefined; // no tables yet: generate anew
      }
    }, dbNaam);
    if (id) {
      log(`${dbNaam}: gemeente ${code} hergebruikt`);
      return g;
    }
  }
  log(`${dbNaam}: nieuw, genereren (${inwoners} inwoners, ${jaren} jaar, seed ${SEED})…`);
  await beheer(async (c) => {
    await c.query(`drop database if exists ${dbNaam} with (force)`);
    await c.query(`create database ${dbNaam}`);
  });
  const gen = genereer(inwoners, jaren, { ...process.env, DATABASE_URL: url });
  // Fresh statistics and visibility map, as autovacuum would have them some minutes after a bulk load.
  const t = performance.now();
  await beheer((c) => c.query('vacuum analyze'), dbNaam);
  const vacuumSeconden = (performance.now() - t) / 1000;
  log(`${dbNaam}: gegenereerd in ${gen.seconden} s (RSS ${gen.rssMb} MB), vacuum analyze ${vacuumSeconden.toFixed(0)} s`);
  return { ...g, generator: { ...gen, vacuumSeconden } };
}

/** Plain SQL with $1… parameters on the app's own database (as its owner, outside row-level security): the bench picks, the API answers. */
type Vraag = <R>(tekst: string, parameters?: unknown[]) => Promise<R[]>;
const vraagVia = <DB>(db: Kysely<DB>): Vraag => async <R>(tekst: string, parameters: unknown[] = []) =>
  (await db.executeQuery<R>(CompiledQuery.raw(tekst, parameters))).rows;

/**
 * The generator has no frontoffice staff and records no registrar on its meldingen; the frontoffice
 * queue ("the meldingen I registered") would be empty. The bench adds four frontoffice accounts
 * (`<code>-frontoffice1..4`, password demo) and makes them the registrar of the meldingen that came
 * in by phone, desk or e-mail, spread evenly — once; a gemeente that has frontoffice staff is left
 * as it is. The werkvoorraad triggers see the update like any other.
 */
async function vulAan(vraag: Vraag, gemeenteId: string, code: string): Promise<string | null> {
  if ((await vraag(`select 1 from gebruikers where gemeente_id = $1 and 'frontoffice' = any(rollen) limit 1`, [gemeenteId])).length > 0) return null;
  const t = performance.now();
  const hash = await hashPassword('demo');
  await vraag(`
    insert into gebruikers (gemeente_id, gebruikersnaam, naam, rollen, wachtwoord_hash)
    select $1, $2 || '-frontoffice' || i, 'Frontoffice ' || i, array['frontoffice'], $3 from generate_series(1, 4) i`, [gemeenteId, code, hash]);
  const n = (await vraag<{ n: number }>(`
    with fo as (select array_agg(id order by gebruikersnaam) as ids from gebruikers where gemeente_id = $1 and 'frontoffice' = any(rollen)),
      u as (update meldingen set geregistreerd_door = (select ids[1 + abs(hashtext(meldingen.id::text)) % 4] from fo)
            where gemeente_id = $1 and geregistreerd_door is null and kanaal in ('telefoon', 'balie', 'email') returning 1)
    select count(*)::int as n from u`, [gemeenteId]))[0]!.n;
  await vraag('vacuum analyze meldingen');
  const tekst = `4 frontoffice-accounts toegevoegd als registratoren van ${n} meldingen (telefoon, balie, e-mail) in ${((performance.now() - t) / 1000).toFixed(0)} s`;
  log(tekst);
  return tekst;
}

// ---------------------------------------------------------------------------------------------
// The reference: pgbench -S.

interface Pgbench {
  tps: number; latentieGemiddeld: number; p50: number; p95: number; p99: number; clients: number; seconden: number;
  /** CPU per transaction in ms, as for the requests: PostgreSQL (when local) and pgbench's own client. */
  cpu?: { postgres: number | null; client: number };
}

function pgbenchS(): Pgbench {
  const u = new URL(SERVER);
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(u.password), PGHOST: u.hostname, PGPORT: u.port || '5432', PGUSER: decodeURIComponent(u.username) };
  const db = 'eenvoud_schaal_pgbench';
  const klaar = spawnSync('psql', ['-Atc', 'select count(*) from pgbench_accounts', db], { env, encoding: 'utf8' });
  if (klaar.status !== 0 || klaar.stdout.trim() !== '1000000') {
    spawnSync('dropdb', ['--if-exists', db], { env });
    execFileSync('createdb', [db], { env });
    execFileSync('pgbench', ['-i', '-q', '-s', '10', db], { env, stdio: 'ignore' });
  }
  const logMap = mkdtempSync(join(tmpdir(), 'schaal-pgbench-'));
  const seconden = Number(values['pgbench-seconden']);
  const pg0 = PG_LOKAAL ? postgresCpu() : 0;
  // Under GNU time: the client's own CPU, as the load generator's is counted for the requests.
  const run = spawnSync('/usr/bin/time', ['-f', 'cpu-client %U %S', 'pgbench', '-S', '-c', '16', '-j', '2', '-T', String(seconden), '-l', '--sampling-rate', '0.05', '--log-prefix', join(logMap, 'pgbench'), db], { env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pgbench: ${run.stderr}`);
  const pgCpu = PG_LOKAAL ? postgresCpu() - pg0 : null;
  const uit = run.stdout;
  const client = /cpu-client ([\d.]+) ([\d.]+)/.exec(run.stderr);
  const tijden = readdirSync(logMap).flatMap((f) => readFileSync(join(logMap, f), 'utf8').trim().split('\n').map((l) => Number(l.split(' ')[2]) / 1000)).sort((a, b) => a - b);
  rmSync(logMap, { recursive: true, force: true });
  const tps = Number(/tps = ([\d.]+)/.exec(uit)?.[1]);
  const latentieGemiddeld = Number(/latency average = ([\d.]+) ms/.exec(uit)?.[1]);
  const transacties = Number(/number of transactions actually processed: (\d+)/.exec(uit)?.[1] ?? tps * seconden);
  const perTransactie = (s: number) => (s * 1000) / Math.max(1, transacties);
  const cpu = client ? { postgres: pgCpu === null ? null : perTransactie(pgCpu), client: perTransactie(Number(client[1]) + Number(client[2])) } : undefined;
  return { tps, latentieGemiddeld, p50: kwantiel(tijden, 0.5), p95: kwantiel(tijden, 0.95), p99: kwantiel(tijden, 0.99), clients: 16, seconden, ...(cpu ? { cpu } : {}) };
}

const kwantiel = (xs: number[], q: number) => (xs.length === 0 ? Number.NaN : [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!);
const mediaan = (xs: number[]) => kwantiel(xs, 0.5);

// ---------------------------------------------------------------------------------------------
// The app, in this process, as `npm start` runs it against the server (pool, sequencer).

interface Draaiend { database: Database; vraag: Vraag; app: FastifyInstance; basis: string; bezig: () => number; stop: () => Promise<void> }

async function startApp(g: Gemeente): Promise<Draaiend> {
  const config = loadConfig(g.soort === 'server' ? { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: g.url } : { NODE_ENV: 'test', LOG_LEVEL: 'silent', EENVOUD_DATA_DIR: g.dataDir });
  const database = await openDatabase(config);
  await migrate(database.db);
  const app = await buildApp(database, config, { logger: false });
  // Requests whose handler has not answered yet, also those whose client has gone (their work goes on).
  let bezig = 0;
  app.addHook('onRequest', async () => { bezig++; });
  app.addHook('onSend', async (_req, _reply, payload) => { bezig--; return payload; });
  await app.listen({ port: POORT, host: '127.0.0.1' });
  const stopSequencer = startAuditSequencer(database.db, {
    sleutel: config.auditSleutel, log: { info: () => {}, error: (o, msg) => log(`sequencer: ${msg} ${String((o as { err?: unknown }).err ?? JSON.stringify(o))}`) },
  });
  return {
    database, vraag: vraagVia(database.db), app, basis: `http://127.0.0.1:${POORT}`, bezig: () => bezig,
    stop: async () => {
      await stopSequencer();
      await app.close();
      await database.close();
    },
  };
}

async function inloggen(basis: string, gebruikersnaam: string): Promise<string> {
  const r = await fetch(`${basis}/api/v1/sessies`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ gebruikersnaam, wachtwoord: 'demo' }) });
  if (!r.ok) throw new Error(`inloggen als ${gebruikersnaam}: ${r.status} ${await r.text()}`);
  const c = r.headers.getSetCookie().find((x) => x.startsWith(`${SESSION_COOKIE}=`));
  if (!c) throw new Error(`inloggen als ${gebruikersnaam}: geen sessiecookie`);
  return c.split(';')[0]!;
}

async function haal<T>(basis: string, cookie: string, pad: string): Promise<T> {
  const r = await fetch(`${basis}/api/v1${pad}`, { headers: { cookie } });
  if (!r.ok) throw new Error(`GET ${pad}: ${r.status} ${(await r.text()).slice(0, 300)}`);
  return (await r.json()) as T;
}

// ---------------------------------------------------------------------------------------------
// Who asks what: the demo users of the generated gemeente and what they may see.

interface Mensen { teamleider: string; regisseurs: { naam: string; id: string }[]; beslissers: string[]; frontoffice: string[]; beleid: string }

async function mensen(vraag: Vraag, gemeenteId: string): Promise<Mensen> {
  const rij = await vraag<{ gebruikersnaam: string; id: string; rollen: string[] }>(`
    select gebruikersnaam, id, rollen from gebruikers where gemeente_id = $1 and actief order by gebruikersnaam`, [gemeenteId]);
  const met = (rol: string) => rij.filter((r) => r.rollen.includes(rol));
  // The regisseurs with the most open casussen: a full caseload, as a real one.
  const regisseurs = await vraag<{ naam: string; id: string }>(`
    select g.gebruikersnaam as naam, g.id from gebruikers g join casussen c on c.regisseur_id = g.id and c.status = 'open'
    where g.gemeente_id = $1 group by g.id order by count(*) desc, g.gebruikersnaam limit $2`, [gemeenteId, VERBINDINGEN]);
  return {
    teamleider: met('teamleider')[0]!.gebruikersnaam, regisseurs, beslissers: met('beslisser').map((r) => r.gebruikersnaam),
    frontoffice: met('frontoffice').map((r) => r.gebruikersnaam), beleid: met('beleid')[0]!.gebruikersnaam,
  };
}

/** One session per connection; a user with fewer connections than sessions logs in more than once. */
async function sessies(basis: string, namen: string[], n: number): Promise<string[]> {
  const uit: string[] = [];
  for (let i = 0; i < n; i++) uit.push(await inloggen(basis, namen[i % namen.length]!));
  return uit;
}

// ---------------------------------------------------------------------------------------------

interface Meting { naam: string; wie: string; pad: string; uitslag: LastUitslag; nogBezig: number }

/**
 * After a measurement, the work of requests nobody waits for any more (timed out, or sent when the
 * measurement ended) may still run and hold the app's pool, or PGlite's one backend: the next
 * measurement must start on an idle app. Wait until every request has been answered (at most 2
 * minutes); on the server, queries still running then are cancelled. Returns how many requests
 * were left over when the measurement ended.
 */
async function ruimOp(g: Gemeente, app: Draaiend): Promise<number> {
  const over = app.bezig();
  for (const eind = Date.now() + 120_000; app.bezig() > 0 && Date.now() < eind;) await new Promise((r) => setTimeout(r, 200));
  if (g.soort === 'server' && app.bezig() > 0) {
    await beheer((c) => c.query(`select pg_cancel_backend(pid) from pg_stat_activity
      where datname = $1 and pid <> pg_backend_pid() and state = 'active' and backend_type = 'client backend'`, [g.dbNaam]));
    for (const eind = Date.now() + 10_000; app.bezig() > 0 && Date.now() < eind;) await new Promise((r) => setTimeout(r, 200));
  }
  return over;
}

interface KpiVergelijking {
  kpi: DuckdbKpi; gelijk: boolean; verschillen: string[]; api: { teller: number; noemer: number }; duckdb: { teller: number; noemer: number };
  duckdbMs: number; postgresSqlMs: number; apiWarmMs: number; apiKoudMs: number;
}

async function tellingen(vraag: Vraag, gemeenteId: string): Promise<Record<string, number>> {
  const r = await vraag<{ tabel: string; n: number }>(`
    select 'inwoners' as tabel, count(*)::int as n from personen where gemeente_id = $1
    union all select 'meldingen', count(*)::int from meldingen where gemeente_id = $1
    union all select 'open meldingen', count(*)::int from meldingen where gemeente_id = $1 and status in ('gemeld', 'inOnderzoek')
    union all select 'casussen', count(*)::int from casussen where gemeente_id = $1
    union all select 'open casussen', count(*)::int from casussen where gemeente_id = $1 and status = 'open'
    union all select 'aanvragen', count(*)::int from aanvragen where gemeente_id = $1
    union all select 'termijnen', count(*)::int from termijnen where gemeente_id = $1
    union all select 'auditregels', count(*)::int from auditlog where gemeente_id = $1`, [gemeenteId]);
  return Object.fromEntries(r.map((x) => [x.tabel, Number(x.n)]));
}

async function main() {
  log(`Schaal: ${INWONERS} inwoners, ${JAREN} jaar, seed ${SEED}, ${VERBINDINGEN} sessies; server ${new URL(SERVER).host}`);
  const g = EMBEDDED ? await zorgVoorEmbedded(INWONERS, JAREN, values.hergebruik === true) : await zorgVoorGemeente(INWONERS, JAREN, values.hergebruik === true);
  const server = await beheer(async (c) => ({
    versie: (await c.query<{ v: string }>('select version() as v')).rows[0]!.v.split(',')[0]!,
    sharedBuffers: (await c.query<{ s: string }>("select current_setting('shared_buffers') as s")).rows[0]!.s,
    workMem: (await c.query<{ s: string }>("select current_setting('work_mem') as s")).rows[0]!.s,
  }));

  log('pgbench -S (referentie)…');
  const ref = pgbenchS();
  log(`pgbench -S: ${ref.tps.toFixed(0)} tps, p95 ${ref.p95.toFixed(2)} ms`);

  // 2. The lists and reads at 16 sessions.
  let app = await startApp(g);
  const gemeenteId = (await app.vraag<{ id: string }>('select id from gemeenten where code = $1', [g.code]))[0]!.id;
  const aanvulling = await vulAan(app.vraag, gemeenteId, g.code);
  const aantallen = await tellingen(app.vraag, gemeenteId);
  const wie = await mensen(app.vraag, gemeenteId);
  const last = startLast();
  const metingen: Meting[] = [];
  const meet = async (naam: string, gebruiker: string, pad: string, klanten: Klant[]) => {
    log(`${naam}: ${VERBINDINGEN} sessies, ${OPWARMEN} s opwarmen + ${SECONDEN} s…`);
    const uitslag = await last.meet({ basis: app.basis, verbindingen: VERBINDINGEN, seconden: SECONDEN, opwarmen: OPWARMEN, tijdslimiet: TIJDSLIMIET, klanten, pgLokaal: PG_LOKAAL });
    const nogBezig = await ruimOp(g, app);
    metingen.push({ naam, wie: gebruiker, pad, uitslag, nogBezig });
    log(`${naam}: ${uitslag.perSeconde.toFixed(0)}/s, p50 ${uitslag.p50.toFixed(1)} ms, p95 ${uitslag.p95.toFixed(1)} ms${Object.keys(uitslag.anders).length ? `, anders ${JSON.stringify(uitslag.anders)}` : ''}${nogBezig ? `, ${nogBezig} verzoeken nog bezig aan het einde` : ''}`);
  };
  const teamleider = await sessies(app.basis, [wie.teamleider], VERBINDINGEN);
  const regisseurs = await sessies(app.basis, wie.regisseurs.map((r) => r.naam), VERBINDINGEN);
  const beslissers = await sessies(app.basis, wie.beslissers, VERBINDINGEN);
  const frontoffice = await sessies(app.basis, wie.frontoffice, VERBINDINGEN);
  const zelfde = (cookies: string[], pad: string): Klant[] => cookies.map((cookie) => ({ cookie, paden: [pad] }));

  await meet('werkvoorraad teamleider (toegewezen=team)', 'teamleider', '/api/v1/meldingen?toegewezen=team', zelfde(teamleider, '/api/v1/meldingen?toegewezen=team'));
  await meet('werkvoorraad casusregisseur (toegewezen=mij)', `${wie.regisseurs.length} casusregisseurs`, '/api/v1/meldingen?toegewezen=mij', zelfde(regisseurs, '/api/v1/meldingen?toegewezen=mij'));
  await meet('werkvoorraad frontoffice (eigen registraties)', `${wie.frontoffice.length} frontoffice`, '/api/v1/meldingen', zelfde(frontoffice, '/api/v1/meldingen'));
  // What the pages ask without a choice (TermijnenPage: the expired terms; AanvragenPage: the open steps, 50 per page).
  const termijnenPad = '/api/v1/termijnen?status=verlopen&aantal=25';
  const aanvragenPad = '/api/v1/aanvragen?status=ingediend%2Cgetoetst%2Cbeoordeeld%2Cbesloten&aantal=50';
  await meet('termijnen (casusregisseur)', `${wie.regisseurs.length} casusregisseurs`, termijnenPad, zelfde(regisseurs, termijnenPad));
  await meet('aanvragen (beslisser)', `${wie.beslissers.length} beslissers`, aanvragenPad, zelfde(beslissers, aanvragenPad));

  // Search: random residents and numbers of this gemeente, as in bench/zoeken.ts.
  // A fixed sample (ordered by a hash of the id), the same in every run on the same data.
  const steekproef = {
    personen: await app.vraag<{ bsn: string; achternaam: string; geboortedatum: string }>(`
      select bsn, achternaam, to_char(geboortedatum, 'DD-MM-YYYY') as geboortedatum from personen where gemeente_id = $1 order by md5(id::text) limit 400`, [gemeenteId]),
    nummers: await app.vraag<{ nummer: string }>(`
      (select nummer from meldingen where gemeente_id = $1 order by md5(id::text) limit 100) union all (select nummer from casussen where gemeente_id = $1 order by md5(id::text) limit 100)
      union all (select nummer from aanvragen where gemeente_id = $1 order by md5(id::text) limit 100) union all (select nummer from beschikkingen where gemeente_id = $1 order by md5(id::text) limit 100)`, [gemeenteId]),
  };
  const typefout = (naam: string, i: number) => {
    const pos = 1 + (i % Math.max(1, naam.length - 1));
    const nieuw = 'aeiounrstlkm'[(naam.charCodeAt(pos) + i) % 12]!;
    return naam.slice(0, pos) + (nieuw === naam[pos] ? 'x' : nieuw) + naam.slice(pos + 1);
  };
  const verdeel = (cookies: string[], paden: string[]): Klant[] => cookies.map((cookie, i) => ({ cookie, paden: paden.filter((_, j) => j % cookies.length === i) }));
  const zoek = (q: string) => `/api/v1/zoeken?q=${encodeURIComponent(q)}`;
  await meet('zoeken op BSN', 'teamleider', '/api/v1/zoeken?q=<bsn>', verdeel(teamleider, steekproef.personen.map((p) => zoek(p.bsn))));
  await meet('zoeken op naam (één letter fout) + geboortedatum', 'teamleider', '/api/v1/zoeken?q=<naam> <dd-mm-jjjj>',
    verdeel(teamleider, steekproef.personen.map((p, i) => zoek(`${typefout(p.achternaam, i)} ${p.geboortedatum}`))));
  await meet('zoeken op nummer', 'teamleider', '/api/v1/zoeken?q=<nummer>', verdeel(teamleider, steekproef.nummers.map((n) => zoek(n.nummer))));

  // One casus read: each regisseur's session walks that regisseur's own open casussen.
  const casussen = await app.vraag<{ regisseur_id: string; ids: string[] }>(`
    select regisseur_id, (array_agg(id order by nummer))[1:60] as ids from casussen
    where gemeente_id = $1 and status = 'open' and regisseur_id = any(string_to_array($2, ',')::uuid[]) group by regisseur_id`, [gemeenteId, wie.regisseurs.map((r) => r.id).join(',')]);
  const idsVan = new Map(casussen.map((r) => [r.regisseur_id, r.ids]));
  const casusKlanten = regisseurs.map((cookie, i) => ({ cookie, paden: (idsVan.get(wie.regisseurs[i % wie.regisseurs.length]!.id) ?? []).map((id) => `/api/v1/casussen/${id}`) }));
  const aantalCasussen = new Set(casusKlanten.flatMap((k) => k.paden)).size;
  await meet('één casus lezen (GET /casussen/{id})', `${wie.regisseurs.length} casusregisseurs, ${aantalCasussen} eigen casussen`, '/api/v1/casussen/{id}', casusKlanten.filter((k) => k.paden.length > 0));

  // 3. The sturing pages, cold and warm.
  interface KpiDef { id: string; niveau: string; dimensies: string[] }
  const jaar = vandaag().slice(0, 4);
  const periode = { van: `${jaar}-01-01`, tot: vandaag() };
  const kernen = await app.vraag<{ id: string; naam: string }>(`
    select k.id, k.naam from kernen k left join wijken w on w.kern_id = k.id left join personen p on p.wijk_id = w.id
    where k.gemeente_id = $1 group by k.id order by count(p.id) desc limit 1`, [gemeenteId]);
  const kern = kernen[0]!;
  const qs = (o: Record<string, string | undefined>) => new URLSearchParams(Object.entries(o).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  /** The requests of a sturing page as SturingPage.tsx makes them: first the KPI list (with gebieden and waardelijsten beside it), then every KPI of the level and the highlighted comparison at once. */
  async function pagina(basis: string, cookie: string, niveau: 'strategisch' | 'tactisch', filter: { wet?: string; kern?: string }): Promise<{ ms: number; verzoeken: { pad: string; ms: number }[]; waarden: Record<string, unknown> }> {
    const verzoeken: { pad: string; ms: number }[] = [];
    const t0 = performance.now();
    const getimed = async <T>(pad: string): Promise<T> => {
      const t = performance.now();
      const x = await haal<T>(basis, cookie, pad);
      verzoeken.push({ pad, ms: performance.now() - t });
      return x;
    };
    const [kpis] = await Promise.all([getimed<KpiDef[]>('/kpis'), getimed('/gebieden'), getimed('/waardelijsten')]);
    const vanNiveau = kpis.filter((k) => k.niveau === niveau);
    const filterVoor = (k: KpiDef) => ({ ...periode, wet: k.dimensies.includes('wet') ? filter.wet : undefined, kern: k.dimensies.includes('kern') ? filter.kern : undefined });
    const uitgelicht = niveau === 'strategisch' ? { id: 'aandeel-meldingen-naar-maatwerk', per: 'kern' } : { id: 'termijnen-binnen-termijn', per: 'stap' };
    const u = vanNiveau.find((k) => k.id === uitgelicht.id)!;
    const waarden: Record<string, unknown> = {};
    await Promise.all([
      ...vanNiveau.map(async (k) => { waarden[k.id] = await getimed(`/kpis/${k.id}?${qs(filterVoor(k))}`); }),
      getimed(`/kpis/${u.id}/verdeling?${qs({ ...filterVoor(u), per: uitgelicht.per })}`),
    ]);
    return { ms: performance.now() - t0, verzoeken, waarden };
  }
  await last.stop();
  const dashboards: { naam: string; koud: number; koudVerzoeken: { pad: string; ms: number }[]; warm: number[] }[] = [];
  let strategischeWaarden: Record<string, unknown> = {};
  for (const [naam, niveau, filter] of [
    ['strategisch dashboard (alle strategische KPI’s + vergelijking per kern)', 'strategisch', {}],
    [`tactisch dashboard, Wmo in kern ${kern.naam}`, 'tactisch', { wet: 'wmo', kern: kern.id }],
  ] as const) {
    // Cold: the app restarted (no in-process cache, no session cache) with a new pool, i.e. new server backends (no plan or catalogue caches); PostgreSQL's shared buffers and the OS page cache stay as they are.
    await app.stop();
    if (g.soort === 'server') await beheer((c) => c.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [g.dbNaam]));
    app = await startApp(g);
    const cookie = await inloggen(app.basis, wie.beleid);
    const koud = await pagina(app.basis, cookie, niveau, filter);
    const warm: number[] = [];
    for (let i = 0; i < HERHALINGEN; i++) {
      const p = await pagina(app.basis, cookie, niveau, filter);
      warm.push(p.ms);
      if (niveau === 'strategisch') strategischeWaarden = p.waarden;
    }
    dashboards.push({ naam, koud: koud.ms, koudVerzoeken: koud.verzoeken, warm });
    log(`${naam}: koud ${koud.ms.toFixed(0)} ms, warm p50 ${mediaan(warm).toFixed(0)} ms`);
  }

  // 4. Three strategic KPIs in DuckDB on the same data; the API's values must be equal (server only: the export is a COPY over the wire).
  const kpiVergelijking: KpiVergelijking[] = [];
  let duckRijen: Record<string, number> = {};
  let duckExport = Number.NaN;
  if (g.soort === 'server') {
    log('DuckDB: exporteren en laden…');
    const duck = await duckdbReferentie(g.url!, gemeenteId);
    const cookieBeleid = await inloggen(app.basis, wie.beleid);
    const koudeVerzoeken = dashboards[0]!.koudVerzoeken;
    for (const kpi of DUCKDB_KPIS) {
      const pad = `/kpis/${kpi}?${qs(periode)}`;
      const api = strategischeWaarden[kpi] as { teller: number; noemer: number; reeks: { periode: string; teller: number; noemer: number }[] };
      const d = await duck.bereken(kpi, periode.van, periode.tot);
      const verschillen = vergelijk(api, d);
      const tijd = async (fn: () => Promise<unknown>) => {
        await fn();
        const xs: number[] = [];
        for (let i = 0; i < 5; i++) { const t = performance.now(); await fn(); xs.push(performance.now() - t); }
        return mediaan(xs);
      };
      const duckdbMs = await tijd(() => duck.bereken(kpi, periode.van, periode.tot));
      const postgresSqlMs = await tijd(() => duck.berekenInPostgres(kpi, periode.van, periode.tot));
      const apiWarmMs = await tijd(() => haal(app.basis, cookieBeleid, pad));
      const apiKoudMs = koudeVerzoeken.find((v) => v.pad === pad)?.ms ?? Number.NaN;
      kpiVergelijking.push({ kpi, gelijk: verschillen.length === 0, verschillen, api: { teller: api.teller, noemer: api.noemer }, duckdb: { teller: d.teller, noemer: d.noemer }, duckdbMs, postgresSqlMs, apiWarmMs, apiKoudMs });
      log(`${kpi}: ${verschillen.length === 0 ? 'gelijk' : `VERSCHIL ${verschillen.slice(0, 3).join('; ')}`}; DuckDB ${duckdbMs.toFixed(1)} ms, API warm ${apiWarmMs.toFixed(1)} ms`);
    }
    duckRijen = duck.rijen;
    duckExport = duck.exportSeconden;
    await duck.sluit();
  }
  await app.stop();

  // 5. History: the same queues at 2, 5 and 10 years.
  const historie: { jaren: number; inwoners: number; meldingen: number; openMeldingen: number; team: LastUitslag; mij: LastUitslag; generator: Gemeente['generator'] }[] = [];
  if (HISTORIE.length > 0) {
    for (const jaren of HISTORIE) {
      const h = await zorgVoorGemeente(HISTORIE_INWONERS, jaren, values.hergebruik === true);
      const a = await startApp(h);
      const hId = (await a.vraag<{ id: string }>('select id from gemeenten where code = $1', [h.code]))[0]!.id;
      const telling = (await a.vraag<{ m: number; o: number }>(`
        select count(*)::int as m, (count(*) filter (where status in ('gemeld', 'inOnderzoek')))::int as o from meldingen where gemeente_id = $1`, [hId]))[0]!;
      const hw = await mensen(a.vraag, hId);
      const l = startLast();
      const tl = await sessies(a.basis, [hw.teamleider], VERBINDINGEN);
      const rg = await sessies(a.basis, hw.regisseurs.map((r) => r.naam), VERBINDINGEN);
      const o = { basis: a.basis, verbindingen: VERBINDINGEN, seconden: SECONDEN, opwarmen: OPWARMEN, tijdslimiet: TIJDSLIMIET };
      log(`historie ${jaren} jaar: wachtrijen…`);
      const team = await l.meet({ ...o, klanten: zelfde(tl, '/api/v1/meldingen?toegewezen=team') });
      await ruimOp(h, a);
      const mij = await l.meet({ ...o, klanten: zelfde(rg, '/api/v1/meldingen?toegewezen=mij') });
      await ruimOp(h, a);
      await l.stop();
      await a.stop();
      historie.push({ jaren, inwoners: HISTORIE_INWONERS, meldingen: Number(telling.m), openMeldingen: Number(telling.o), team, mij, generator: h.generator });
      log(`historie ${jaren} jaar: team p95 ${team.p95.toFixed(1)} ms, mij p95 ${mij.p95.toFixed(1)} ms`);
    }
  }

  const lastBijEinde = loadavg();
  const resultaat = {
    begonnen: begonnen.toISOString(), klaar: new Date().toISOString(),
    machine: { cores: cpus().length, geheugenGb: Math.round(totalmem() / 2 ** 30), node: process.version, loadBijStart: lastBijStart, loadBijEinde: lastBijEinde, server },
    opties: { inwoners: INWONERS, jaren: JAREN, seed: SEED, sessies: VERBINDINGEN, seconden: SECONDEN, opwarmen: OPWARMEN, herhalingen: HERHALINGEN, tijdslimiet: TIJDSLIMIET },
    gemeente: { soort: g.soort, database: g.dbNaam, code: g.code, aantallen, generator: g.generator, aanvulling },
    doelen: DOEL, pgbench: ref, metingen, dashboards,
    duckdb: { exportSeconden: duckExport, rijen: duckRijen, kpis: kpiVergelijking }, historie,
  };
  const md = rapport(resultaat);
  const map = join(ROOT, 'bench', 'resultaten');
  mkdirSync(map, { recursive: true });
  const naam = `schaal-${INWONERS}-${JAREN}-${begonnen.toISOString().slice(0, 16).replace(/[:T]/g, '')}`;
  writeFileSync(join(map, `${naam}.json`), `${JSON.stringify(resultaat, null, 2)}\n`);
  writeFileSync(join(map, `${naam}.md`), md);
  console.log(md);
  log(`geschreven: bench/resultaten/${naam}.json en .md`);
  if (kpiVergelijking.some((k) => !k.gelijk)) process.exitCode = 1;
}

/** The API's figure and monthly series against DuckDB's; every difference, in words. */
function vergelijk(api: { teller: number; noemer: number; reeks: { periode: string; teller: number; noemer: number }[] }, d: KpiMaanden): string[] {
  const uit: string[] = [];
  if (api.teller !== d.teller) uit.push(`teller ${api.teller} ≠ ${d.teller}`);
  if (api.noemer !== d.noemer) uit.push(`noemer ${api.noemer} ≠ ${d.noemer}`);
  for (const p of api.reeks) {
    const m = d.maanden.get(p.periode) ?? { teller: 0, noemer: p.noemer === 0 ? 0 : Number.NaN };
    if (p.teller !== m.teller) uit.push(`${p.periode} teller ${p.teller} ≠ ${m.teller}`);
    if (p.noemer !== m.noemer && !(p.teller === 0 && m.teller === 0)) uit.push(`${p.periode} noemer ${p.noemer} ≠ ${m.noemer}`);
  }
  return uit;
}

// ---------------------------------------------------------------------------------------------
// The report: every figure beside its reference.

const nl = (x: number, d = 0) => (Number.isFinite(x) ? x.toLocaleString('nl-NL', { minimumFractionDigits: d, maximumFractionDigits: d }) : '—');
const ms = (x: number) => `${nl(x, x < 1 ? 3 : x < 10 ? 2 : x < 100 ? 1 : 0)} ms`;
const keer = (x: number) => `${nl(x, x < 10 ? 2 : 1)}×`;
const pct = (x: number) => `${nl(x * 100, x < 0.1 ? 2 : 1)} %`;

type Resultaat = {
  begonnen: string; klaar: string;
  machine: { cores: number; geheugenGb: number; node: string; loadBijStart: number[]; loadBijEinde: number[]; server: { versie: string; sharedBuffers: string; workMem: string } };
  opties: { inwoners: number; jaren: number; seed: number; sessies: number; seconden: number; opwarmen: number; herhalingen: number; tijdslimiet: number };
  gemeente: { soort: Gemeente['soort']; database: string; code: string; aantallen: Record<string, number>; generator: Gemeente['generator']; aanvulling: string | null };
  doelen: typeof DOEL; pgbench: Pgbench; metingen: Meting[];
  dashboards: { naam: string; koud: number; koudVerzoeken: { pad: string; ms: number }[]; warm: number[] }[];
  duckdb: { exportSeconden: number; rijen: Record<string, number>; kpis: KpiVergelijking[] };
  historie: { jaren: number; inwoners: number; meldingen: number; openMeldingen: number; team: LastUitslag; mij: LastUitslag; generator: Gemeente['generator'] }[];
};

function rapport(r: Resultaat): string {
  const l = (xs: number[]) => xs.map((x) => nl(x, 1)).join(' ');
  const a = r.gemeente.aantallen;
  const regels: string[] = [];
  const embedded = r.gemeente.soort === 'embedded';
  regels.push(`### ${nl(r.opties.inwoners)} inwoners, ${r.opties.jaren} jaar, ${embedded ? 'embedded PGlite' : 'PostgreSQL-server'} — ${r.begonnen.slice(0, 16).replace('T', ' ')} UTC`, '');
  regels.push(`Load average bij de start ${l(r.machine.loadBijStart)}, aan het einde ${l(r.machine.loadBijEinde)} (${r.machine.cores} cores, ${r.machine.geheugenGb} GB; ${r.machine.server.versie}, shared_buffers ${r.machine.server.sharedBuffers}, work_mem ${r.machine.server.workMem}). ` +
    `Gemeente \`${r.gemeente.code}\` in ${embedded ? 'PGlite in ' : ''}\`${r.gemeente.database}\`: ${nl(a.inwoners ?? 0)} inwoners, ${nl(a.meldingen ?? 0)} meldingen (${nl(a['open meldingen'] ?? 0)} open), ${nl(a.casussen ?? 0)} casussen (${nl(a['open casussen'] ?? 0)} open), ${nl(a.aanvragen ?? 0)} aanvragen, ${nl(a.termijnen ?? 0)} termijnen, ${nl(a.auditregels ?? 0)} auditregels vóór de meting. ` +
    (r.gemeente.generator ? `Generator ${nl(r.gemeente.generator.seconden, 1)} s, RSS ${nl(r.gemeente.generator.rssMb)} MB (daarna vacuum analyze ${nl(r.gemeente.generator.vacuumSeconden)} s).` : 'Hergebruikt (niet opnieuw gegenereerd).') +
    (r.gemeente.aanvulling ? ` Bench: ${r.gemeente.aanvulling}.` : ''), '');
  const p = r.pgbench;
  regels.push(`**Verzoeken bij ${r.opties.sessies} sessies tegelijk** (autocannon, ${r.opties.opwarmen} s opwarmen, ${r.opties.seconden} s meten, time-out na ${r.opties.tijdslimiet} s; tijd in de client rond het HTTP-verzoek; n = antwoorden binnen de meting). Referentie \`pgbench -S -c 16 -j 2 -T ${p.seconden}\` (schaal 10): **${nl(p.tps)} tps**, p50 ${ms(p.p50)}, p95 ${ms(p.p95)}${p.cpu ? `; CPU per transactie: PostgreSQL ${p.cpu.postgres === null ? '—' : ms(p.cpu.postgres)}, pgbench zelf ${ms(p.cpu.client)}` : ''}.`, '');
  regels.push('| verzoek | wie | n | per s | ÷ tps `pgbench -S` | p50 | p95 | p99 | p95 ÷ p95 `pgbench -S` | p95 ÷ doel 50 ms | CPU per verzoek: app / PostgreSQL / lastgenerator | niet-2xx, time-outs |', '|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const m of r.metingen) {
    const u = m.uitslag;
    const wachtrij = m.naam.startsWith('werkvoorraad');
    // Requests still running when the measurement ended (one per connection is normal) are in the JSON, not here.
    const anders = Object.entries(u.anders).map(([k, v]) => `${v}× ${k}`).join(', ') || '0';
    const casus = m.naam.startsWith('één casus');
    regels.push(`| ${m.naam} | ${m.wie} | ${nl(u.n)} | ${nl(u.perSeconde)} | ${casus ? `**${pct(u.perSeconde / p.tps)}**` : pct(u.perSeconde / p.tps)} | ${ms(u.p50)} | ${wachtrij ? `**${ms(u.p95)}**` : ms(u.p95)} | ${ms(u.p99)} | ${keer(u.p95 / p.p95)} | ${wachtrij ? keer(u.p95 / r.doelen.wachtrijP95) : ''} | ${u.cpu ? `${ms(u.cpu.app)} / ${u.cpu.postgres === null ? '—' : ms(u.cpu.postgres)} / ${ms(u.cpu.last)}` : ''} | ${anders} |`);
  }
  regels.push('', `Doelen: wachtrijen p95 ≤ 50 ms; één casus lezen ≥ 20 % van de tps van \`pgbench -S\`. CPU per verzoek: processortijd tijdens de meting gedeeld door n — de app (dit proces zonder de draad van de lastgenerator), alle PostgreSQL-processen van deze machine (ook de sequencer van de audittrail en de autovacuum) en autocannon zelf; samen tegen ${cpus().length} cores.`, '');
  regels.push('**Sturing, zoals de browser de pagina opvraagt** (eerst /kpis met /gebieden en /waardelijsten, dan elke KPI van het niveau en de uitgelichte vergelijking tegelijk; als `beleid`). *Koud*: ' + (embedded ? 'de eerste keer na het sluiten en opnieuw openen van PGlite en de app (ook de buffers van PGlite zijn dan leeg; het OS houdt zijn cache).' : 'de eerste keer na een herstart van de app met een nieuwe pool (nieuwe serverprocessen: geen plan- of catalogus-cache, geen cache in de app); de buffers van PostgreSQL en het OS blijven warm.') + ' *Warm*: daarna ' + `${r.opties.herhalingen} keer.`, '');
  regels.push('| pagina | koud | ÷ doel koud (1 s) | warm p50 | warm p95 | ÷ doel warm (100 ms) |', '|---|---|---|---|---|---|');
  for (const d of r.dashboards) {
    const tactisch = d.naam.startsWith('tactisch');
    regels.push(`| ${d.naam} | **${ms(d.koud)}** | ${keer(d.koud / (tactisch ? r.doelen.tactischKoud : r.doelen.dashboardKoud))} | **${ms(kwantiel(d.warm, 0.5))}** | ${ms(kwantiel(d.warm, 0.95))} | ${tactisch ? '' : keer(kwantiel(d.warm, 0.5) / r.doelen.dashboardWarm)} |`);
  }
  if (r.duckdb.kpis.length > 0) {
  regels.push('', `**Drie strategische KPI’s tegen DuckDB** (dit jaar tot vandaag, met de reeks per maand; export uit PostgreSQL en laden in DuckDB ${nl(r.duckdb.exportSeconden, 1)} s, niet in de verhouding). Waarden: teller en noemer van het cijfer en van elke maand.`, '');
  regels.push('| KPI | API teller / noemer | DuckDB teller / noemer | gelijk | DuckDB | zelfde SQL in PostgreSQL | API warm | API warm ÷ DuckDB | API koud | API koud ÷ DuckDB |', '|---|---|---|---|---|---|---|---|---|---|');
  for (const k of r.duckdb.kpis) {
    regels.push(`| ${k.kpi} | ${nl(k.api.teller)} / ${nl(k.api.noemer)} | ${nl(k.duckdb.teller)} / ${nl(k.duckdb.noemer)} | ${k.gelijk ? 'ja' : `**nee**: ${k.verschillen.slice(0, 3).join('; ')}`} | ${ms(k.duckdbMs)} | ${ms(k.postgresSqlMs)} | ${ms(k.apiWarmMs)} | **${keer(k.apiWarmMs / k.duckdbMs)}** | ${ms(k.apiKoudMs)} | ${keer(k.apiKoudMs / k.duckdbMs)} |`);
  }
  regels.push('', 'Doel: ≤ 1,5× DuckDB.');
  }
  if (r.historie.length > 0) {
    regels.push('', `**Wachtrijen bij meer geschiedenis** (${nl(r.historie[0]!.inwoners)} inwoners, ${r.opties.sessies} sessies):`, '');
    regels.push('| jaren geschiedenis | meldingen | open | teamleider p50 | teamleider p95 | casusregisseur p50 | casusregisseur p95 | p95 ÷ doel 50 ms |', '|---|---|---|---|---|---|---|---|');
    for (const h of r.historie) {
      regels.push(`| ${h.jaren} | ${nl(h.meldingen)} | ${nl(h.openMeldingen)} | ${ms(h.team.p50)} | **${ms(h.team.p95)}** | ${ms(h.mij.p50)} | **${ms(h.mij.p95)}** | ${keer(Math.max(h.team.p95, h.mij.p95) / r.doelen.wachtrijP95)} |`);
    }
  }
  return `${regels.join('\n')}\n`;
}

await main();
process.exit(process.exitCode ?? 0);
