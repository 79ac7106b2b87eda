/**
 * Bench: search in a gemeente of 100,000 residents on the PostgreSQL server, through the HTTP API
 * with a session, beside `pgbench -S` on the same server as the reference. Run by hand:
 *
 *   npx tsx bench/zoeken.ts --nieuw        (creates database eenvoud_zoeken and fills it with
 *                                           `npm run demo -- --inwoners 100000 --jaren 5 --seed 42`)
 *   npx tsx bench/zoeken.ts                (reuses that database: the generator takes minutes)
 *
 * BENCH_SERVER (default postgres://postgres:postgres@127.0.0.1:5432) names the server; PGPASSWORD
 * is passed to pgbench from it. Prints Markdown table rows for bench/README.md ("Zoeken").
 *
 * Searches, each `--herhalingen` times (default 300) after a warm-up, one after the other, timed in
 * the client (a worker thread) around the HTTP request (session check, row-level security, query,
 * audit entry, JSON), and once more without HTTP (the use case in its transaction):
 * - BSN: a random resident's BSN;
 * - naam + geboortedatum (typefout): a random resident's surname with one letter changed, and the
 *   birth date written as 12-03-1956;
 * - nummer: a random melding, casus, aanvraag or beschikking number (some in lower case without
 *   leading zeros).
 * The reference: `pgbench -S` (one client, select-only on pgbench_accounts, scale 10) in its own
 * database on the same server, its per-transaction latencies from `--log`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { zoek as zoekInTx, zoekvraag } from '../src/contexts/zoeken/index.ts';
import { openPostgres } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { inGemeente, type Actor } from '../src/platform/tenancy/tx.ts';

const { values } = parseArgs({ options: {
  nieuw: { type: 'boolean', default: false },
  herhalingen: { type: 'string', default: '300' },
  poort: { type: 'string', default: '3102' },
  seconden: { type: 'string', default: '15' },
} });
const herhalingen = Number(values.herhalingen);
// The machine is shared: the load says how much of it this run had.
const lastBijStart = loadavg();
const SERVER = (process.env.BENCH_SERVER ?? 'postgres://postgres:postgres@127.0.0.1:5432').replace(/\/$/, '');
const DB = 'eenvoud_zoeken';
const CODE = 'demo-100000-42';

async function beheer(...opdrachten: string[]) {
  const c = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await c.connect();
  for (const o of opdrachten) await c.query(o);
  await c.end();
}

if (values.nieuw) {
  await beheer(`drop database if exists ${DB} with (force)`, `create database ${DB}`);
  const t0 = performance.now();
  const r = spawnSync('npm', ['run', 'demo', '--', '--inwoners', '100000', '--jaren', '5', '--seed', '42'], {
    stdio: 'inherit', env: { ...process.env, DATABASE_URL: `${SERVER}/${DB}` },
  });
  if (r.status !== 0) throw new Error('npm run demo mislukte');
  console.log(`generator: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

const database = await openPostgres(`${SERVER}/${DB}`, 10);
await migrate(database.db);
await sql`vacuum analyze`.execute(database.db);
const app = await buildApp(database, loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), { logger: false });
await app.listen({ port: Number(values.poort), host: '127.0.0.1' });
const basis = `http://127.0.0.1:${values.poort}/api/v1`;

const inloggen = await fetch(`${basis}/sessies`, {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ gebruikersnaam: `${CODE}-teamleider`, wachtwoord: 'demo' }),
});
if (!inloggen.ok) throw new Error(`inloggen: ${inloggen.status} ${await inloggen.text()}`);
const cookie = inloggen.headers.get('set-cookie')!.split(';')[0]!;

// Deterministic samples from the gemeente (as owner: the bench picks, the API searches under RLS).
const gemeente = (await database.db.selectFrom('gemeenten').select('id').where('code', '=', CODE).executeTakeFirstOrThrow()).id;
const teamleider = await database.db.selectFrom('gebruikers').select(['id', 'gebruikersnaam', 'rollen']).where('gebruikersnaam', '=', `${CODE}-teamleider`).executeTakeFirstOrThrow();
const actor: Actor = { gebruikerId: teamleider.id, gebruikersnaam: teamleider.gebruikersnaam, gemeenteId: gemeente, rollen: teamleider.rollen, rol: 'teamleider', aanbiederId: null };
await sql`select setseed(0.42)`.execute(database.db);
const personen = (await sql<{ bsn: string; achternaam: string; geboortedatum: string }>`
  select bsn, achternaam, geboortedatum from personen where gemeente_id = ${gemeente} order by random() limit ${herhalingen}`.execute(database.db)).rows;
const nummers = (await sql<{ nummer: string }>`
  (select nummer from meldingen where gemeente_id = ${gemeente} order by random() limit ${Math.ceil(herhalingen / 4)})
  union all (select nummer from casussen where gemeente_id = ${gemeente} order by random() limit ${Math.ceil(herhalingen / 4)})
  union all (select nummer from aanvragen where gemeente_id = ${gemeente} order by random() limit ${Math.ceil(herhalingen / 4)})
  union all (select nummer from beschikkingen where gemeente_id = ${gemeente} order by random() limit ${Math.ceil(herhalingen / 4)})`.execute(database.db)).rows;

/** One letter of the surname changed (not the first), as a hurried case worker types it. */
function typefout(naam: string, i: number): string {
  const letters = 'aeiounrstlkm';
  const pos = 1 + (i % Math.max(1, naam.length - 1));
  const nieuw = letters[(naam.charCodeAt(pos) + i) % letters.length]!;
  return naam.slice(0, pos) + (nieuw === naam[pos] ? 'x' : nieuw) + naam.slice(pos + 1);
}
const ddmmjjjj = (d: string) => `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}`;
const zonderNullen = (n: string) => { const [l, j, v] = n.split('-'); return `${l!.toLowerCase()}-${j}-${Number(v)}`; };

interface Meting { p50: number; p95: number; gevonden: number; n: number; dbP50: number; dbP95: number }
const kwantiel = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

/**
 * The client runs in a worker thread with its own event loop, as a browser is a process of its own:
 * in the server's loop it would take the server's turns and count them twice.
 */
const KLANT = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { basis, cookie, vragen } = workerData;
  const zoek = async (q) => {
    const r = await fetch(basis + '/zoeken?q=' + encodeURIComponent(q), { headers: { cookie } });
    if (!r.ok) throw new Error('zoeken ' + q + ': ' + r.status + ' ' + (await r.text()));
    return (await r.json()).resultaten.map((x) => x.titel);
  };
  for (const q of vragen.slice(0, 20)) await zoek(q);
  const tijden = [];
  const titels = [];
  for (const q of vragen) {
    const t = performance.now();
    titels.push(await zoek(q));
    tijden.push(performance.now() - t);
  }
  parentPort.postMessage({ tijden, titels });
})();
`;
function inKlant(vragen: string[]): Promise<{ tijden: number[]; titels: string[][] }> {
  return new Promise((resolve, reject) => {
    const w = new Worker(KLANT, { eval: true, workerData: { basis, cookie, vragen } });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

async function meet(vragen: { q: string; verwacht: (titels: string[]) => boolean }[]): Promise<Meting> {
  const { tijden, titels } = await inKlant(vragen.map((v) => v.q));
  const gevonden = vragen.filter((v, i) => v.verwacht(titels[i]!)).length;
  // The same searches without HTTP: the use case in its transaction (row-level security, query, audit).
  const db: number[] = [];
  for (const v of vragen) {
    const t = performance.now();
    await inGemeente(database.db, gemeente, (tx) => zoekInTx(tx, actor, zoekvraag(v.q)));
    db.push(performance.now() - t);
  }
  return { p50: kwantiel(tijden, 0.5), p95: kwantiel(tijden, 0.95), gevonden, n: vragen.length, dbP50: kwantiel(db, 0.5), dbP95: kwantiel(db, 0.95) };
}

const bsn = await meet(personen.map((p) => ({ q: p.bsn, verwacht: (t) => t.length === 1 })));
const naam = await meet(personen.map((p, i) => ({
  q: `${typefout(p.achternaam, i)} ${ddmmjjjj(p.geboortedatum)}`,
  verwacht: (t) => t.some((x) => x.endsWith(p.achternaam)),
})));
const nummer = await meet(nummers.map((n, i) => ({
  q: i % 2 ? zonderNullen(n.nummer) : n.nummer, verwacht: (t) => t.length === 1 && t[0]!.endsWith(n.nummer),
})));
await app.close();
await database.close();
// The reference: pgbench -S, select-only, one client, on the same server.
const PGBENCH_DB = 'eenvoud_pgbench';
await beheer(`drop database if exists ${PGBENCH_DB} with (force)`, `create database ${PGBENCH_DB}`);
const u = new URL(SERVER);
const pgEnv = { ...process.env, PGPASSWORD: decodeURIComponent(u.password), PGHOST: u.hostname, PGPORT: u.port || '5432', PGUSER: decodeURIComponent(u.username) };
execFileSync('pgbench', ['-i', '-q', '-s', '10', PGBENCH_DB], { env: pgEnv, stdio: 'ignore' });
const logdir = mkdtempSync(join(tmpdir(), 'zoeken-pgbench-'));
execFileSync('pgbench', ['-S', '-c', '1', '-j', '1', '-T', String(values.seconden), '-l', '--log-prefix', join(logdir, 'pgbench'), PGBENCH_DB], { env: pgEnv, stdio: 'ignore' });
// Per transaction: client, transaction no., latency in µs, …
const latenties = readdirSync(logdir).flatMap((f) => readFileSync(join(logdir, f), 'utf8').trim().split('\n').map((l) => Number(l.split(' ')[2]) / 1000));
rmSync(logdir, { recursive: true, force: true });
await beheer(`drop database if exists ${PGBENCH_DB} with (force)`);
const ref = { p50: kwantiel(latenties, 0.5), p95: kwantiel(latenties, 0.95), n: latenties.length };

const ms = (x: number) => `${x.toFixed(2).replace('.', ',')} ms`;
const keer = (x: number) => `${Math.round(x).toLocaleString('nl-NL')}×`;
console.log(`load average bij de start: ${lastBijStart.map((x) => x.toFixed(1)).join(' ')} (${cpus().length} cores)`);
console.log('| zoekvraag | n | gevonden | HTTP p50 | HTTP p95 | zonder HTTP p50 | zonder HTTP p95 | HTTP p95 ÷ p95 pgbench -S |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [titel, m] of [['BSN', bsn], ['naam (één letter fout) + geboortedatum', naam], ['nummer (melding, casus, aanvraag, beschikking)', nummer]] as const) {
  console.log(`| ${titel} | ${m.n} | ${m.gevonden} | ${ms(m.p50)} | **${ms(m.p95)}** | ${ms(m.dbP50)} | ${ms(m.dbP95)} | ${keer(m.p95 / ref.p95)} |`);
}
console.log(`| referentie: \`pgbench -S\` (1 client, schaal 10) | ${ref.n.toLocaleString('nl-NL')} | — | ${ms(ref.p50)} | ${ms(ref.p95)} | | | 1× |`);
