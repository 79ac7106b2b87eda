/**
 * Bench: audited reads of one gemeente at 16 clients on the PostgreSQL server, beside `pgbench -S`
 * at 16 clients on the same server as the reference. Run by hand:
 *
 *   npx tsx bench/audit-append.ts                 (BENCH_SERVER, default postgres://postgres:postgres@127.0.0.1:5432)
 *   npx tsx bench/audit-append.ts --seconden 20
 *
 * Creates database eenvoud_audit_bench (migrations + demo seed), then for `--seconden` each:
 * - gelezen met audit: 16 connections, each in a loop one transaction as the app makes it for a
 *   casus read (row-level security, the gemeente set, read a casus with its household, appendAudit
 *   one entry per member, commit), while the background sequencer chains and signs as in the app;
 * - gelezen zonder audit: the same transactions without appendAudit (what the audit costs);
 * - met een slot per gemeente: the same with a per-gemeente advisory lock held until commit, as
 *   appendAudit did before migration 0014 (an emulation: that code no longer exists);
 * - `pgbench -S -c 16 -j 2` (select-only, scale 10, its own database).
 * During each run pg_stat_activity is sampled every 20 ms: the share of the bench's active backends
 * waiting on a lock. Afterwards the sequencer chains what is left and the chain is verified.
 * Prints Markdown table rows for bench/README.md ("Audittrail").
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { startAuditSequencer } from '../src/platform/audit/sequencer.ts';
import { appendAudit, ketenBij, verifyChain } from '../src/platform/audit/store.ts';
import { openPostgres } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { inGemeente, type Actor } from '../src/platform/tenancy/tx.ts';

const { values } = parseArgs({ options: { seconden: { type: 'string', default: '10' }, clients: { type: 'string', default: '16' } } });
const SECONDEN = Number(values.seconden);
const CLIENTS = Number(values.clients);
const lastBijStart = loadavg();
const SERVER = (process.env.BENCH_SERVER ?? 'postgres://postgres:postgres@127.0.0.1:5432').replace(/\/$/, '');
const DB_NAAM = 'eenvoud_audit_bench';
const PGBENCH_DB = 'eenvoud_pgbench_audit';

async function beheer(...opdrachten: string[]) {
  const c = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await c.connect();
  for (const o of opdrachten) await c.query(o);
  await c.end();
}

await beheer(`drop database if exists ${DB_NAAM} with (force)`, `create database ${DB_NAAM}`);
const database = await openPostgres(`${SERVER}/${DB_NAAM}`, CLIENTS + 4);
await migrate(database.db);
await seedDemo(database.db, { nodeEnv: 'test' });
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
const db = database.db;
const gemeenteId = (await db.selectFrom('gemeenten').select('id').where('code', '=', 'demodorp').executeTakeFirstOrThrow()).id;
const casussen = (await db.selectFrom('casussen').select(['id', 'huishouden_id']).where('gemeente_id', '=', gemeenteId).execute());
if (casussen.length === 0) throw new Error('de demo heeft geen casussen');
const actor: Actor = { gebruikerId: null, gebruikersnaam: 'bench', gemeenteId, rollen: ['regisseur'], rol: 'regisseur', aanbiederId: null };

type Soort = 'audit' | 'zonder' | 'slot';

/** One audited casus read as a route makes it: the casus, its household's members, an entry per member. */
async function lees(d: Kysely<DB>, i: number, soort: Soort) {
  const c = casussen[i % casussen.length]!;
  await inGemeente(d, gemeenteId, async (tx) => {
    if (soort === 'slot') await sql`select pg_advisory_xact_lock(hashtextextended(${'audit-bench:' + gemeenteId}, 0))`.execute(tx);
    await tx.selectFrom('casussen').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    const leden = await tx.selectFrom('personen').select(['id']).where('huishouden_id', '=', c.huishouden_id).execute();
    if (soort !== 'zonder') {
      await appendAudit(tx, actor, leden.map((l) => ({ actie: 'lezen' as const, resourceType: 'casus', resourceId: c.id, persoonId: l.id, doel: 'bench: casus inzien' })));
    }
  });
}

interface Uitkomst { tps: number; n: number; p50: number; p95: number; wachtOpSlot: number }
const kwantiel = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;

async function meet(soort: Soort): Promise<Uitkomst> {
  const stop = Date.now() + SECONDEN * 1000;
  const tijden: number[] = [];
  let wachtend = 0;
  let actief = 0;
  const steekproef = setInterval(() => {
    void sql<{ actief: number; wachtend: number }>`
      select count(*)::int as actief, count(*) filter (where wait_event_type = 'Lock')::int as wachtend
      from pg_stat_activity where datname = ${DB_NAAM} and state <> 'idle' and pid <> pg_backend_pid()`.execute(db)
      .then((r) => { actief += r.rows[0]!.actief; wachtend += r.rows[0]!.wachtend; }, () => undefined);
  }, 20);
  let teller = 0;
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (Date.now() < stop) {
      const t0 = performance.now();
      await lees(db, teller++, soort);
      tijden.push(performance.now() - t0);
    }
  }));
  clearInterval(steekproef);
  return { tps: tijden.length / SECONDEN, n: tijden.length, p50: kwantiel(tijden, 0.5), p95: kwantiel(tijden, 0.95), wachtOpSlot: actief ? wachtend / actief : 0 };
}

// Warm-up, then the three kinds; the sequencer runs beside them as in the app (every 2 s, checkpoint per minute).
for (let i = 0; i < 200; i++) await lees(db, i, 'zonder');
const log = { info: () => undefined, error: (o: object) => console.error(o) };
const stopSequencer = startAuditSequencer(db, { sleutel: config.auditSleutel, log });
const audit = await meet('audit');
const zonder = await meet('zonder');
const slot = await meet('slot');
await stopSequencer();
const t0 = performance.now();
const rest = await ketenBij(db, gemeenteId, { sleutel: config.auditSleutel, log, checkpoint: 'nu' });
const naKoppelen = performance.now() - t0;
const controle = await inGemeente(db, gemeenteId, (tx) => verifyChain(tx, gemeenteId, config.auditSleutel));
const wachtNog = await sql<{ n: number }>`select count(*)::int as n from auditlog where volgnummer is null`.execute(db);
await database.close();

// The reference: pgbench -S at the same number of clients, on the same server.
await beheer(`drop database if exists ${PGBENCH_DB} with (force)`, `create database ${PGBENCH_DB}`);
const u = new URL(SERVER);
const pgEnv = { ...process.env, PGPASSWORD: decodeURIComponent(u.password), PGHOST: u.hostname, PGPORT: u.port || '5432', PGUSER: decodeURIComponent(u.username) };
execFileSync('pgbench', ['-i', '-q', '-s', '10', PGBENCH_DB], { env: pgEnv, stdio: 'ignore' });
const uit = execFileSync('pgbench', ['-S', '-c', String(CLIENTS), '-j', '2', '-T', String(SECONDEN), PGBENCH_DB], { env: pgEnv, encoding: 'utf8' });
await beheer(`drop database if exists ${PGBENCH_DB} with (force)`, `drop database if exists ${DB_NAAM} with (force)`);
const pgbenchTps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(uit)?.[1] ?? /tps = ([\d.]+)/.exec(uit)?.[1]);

const ms = (x: number) => `${x.toFixed(2).replace('.', ',')} ms`;
const getal = (x: number) => Math.round(x).toLocaleString('nl-NL');
const procent = (x: number) => `${Math.round(x * 100)} %`;
const ratio = (x: number) => `${(x / pgbenchTps).toFixed(3).replace('.', ',')}`;
console.log(`\nload average bij de start ${lastBijStart.map((x) => x.toFixed(1)).join(' / ')}, aan het eind ${loadavg().map((x) => x.toFixed(1)).join(' / ')}; ${CLIENTS} clients, ${SECONDEN} s per meting\n`);
console.log('| transacties (16 clients) | n | per seconde | p50 | p95 | backends wachtend op een slot | ÷ `pgbench -S` |');
console.log('|---|---|---|---|---|---|---|');
console.log(`| casus lezen met audit (zonder gedeeld slot, sequencer ernaast) | ${getal(audit.n)} | ${getal(audit.tps)} | ${ms(audit.p50)} | ${ms(audit.p95)} | ${procent(audit.wachtOpSlot)} | ${ratio(audit.tps)} |`);
console.log(`| casus lezen zonder audit | ${getal(zonder.n)} | ${getal(zonder.tps)} | ${ms(zonder.p50)} | ${ms(zonder.p95)} | ${procent(zonder.wachtOpSlot)} | ${ratio(zonder.tps)} |`);
console.log(`| casus lezen met audit en een slot per gemeente tot de commit (zoals vóór 0014, nagebootst) | ${getal(slot.n)} | ${getal(slot.tps)} | ${ms(slot.p50)} | ${ms(slot.p95)} | ${procent(slot.wachtOpSlot)} | ${ratio(slot.tps)} |`);
console.log(`| referentie: \`pgbench -S -c ${CLIENTS} -j 2\` (schaal 10) | — | ${getal(pgbenchTps)} | | | | 1 |`);
console.log(`\nna de metingen: ${rest ?? 0} regels nog gekoppeld in ${ms(naKoppelen)}; ${wachtNog.rows[0]!.n} wachtend (de eigen regel van het laatste checkpoint, voor de volgende ronde); keten van ${controle.aantal} regels ${controle.geldig ? 'geldig' : 'ONGELDIG'}, ${controle.checkpoints} checkpoints`);
