/**
 * Bench: generate a demo gemeente of N residents (5 years of history) and time what the dashboards
 * ask of the database. Run by hand, never in the tests:
 *   npx tsx bench/kpi.ts --inwoners 100000                 (embedded PostgreSQL in a temp folder)
 *   BENCH_SERVER=postgres://user:pw@host:5432 npx tsx bench/kpi.ts --inwoners 100000
 *                                                         (PostgreSQL server; uses a fresh database eenvoud_bench)
 * Prints Markdown table rows for bench/README.md.
 *
 * - "strategisch dashboard": every strategic KPI over the last 12 months with its monthly series
 *   (and basisperiode), plus the bars per kern of the main KPI: what /sturing loads.
 * - "tactisch gefilterd": every tactical KPI for Wmo in one kern, same period, with series.
 * Each is run `herhalingen` times after one warm-up; the median is reported.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { KPIS, berekenKpi, metNorm, verdeelKpi } from '../src/contexts/sturing/index.ts';
import { genereerGemeente } from '../src/demo/generator.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { inGemeente } from '../src/platform/tenancy/tx.ts';

const { values } = parseArgs({ options: { inwoners: { type: 'string', default: '20000' }, herhalingen: { type: 'string', default: '5' } } });
const inwoners = Number(values.inwoners);
const herhalingen = Number(values.herhalingen);
const TOT = '2026-11-20';
const VAN = '2025-11-21';

let databaseUrl: string | undefined;
if (process.env.BENCH_SERVER) {
  const beheer = new pg.Client({ connectionString: `${process.env.BENCH_SERVER.replace(/\/$/, '')}/postgres` });
  await beheer.connect();
  await beheer.query('drop database if exists eenvoud_bench with (force)');
  await beheer.query('create database eenvoud_bench');
  await beheer.end();
  databaseUrl = `${process.env.BENCH_SERVER.replace(/\/$/, '')}/eenvoud_bench`;
}
const dir = mkdtempSync(join(tmpdir(), 'eenvoud-bench-'));
const database = await openDatabase({ databaseUrl, dataDir: dir, bulk: true });
await migrate(database.db);
const soort = database.kind === 'pglite' ? 'PGlite' : 'PostgreSQL-server';

const t0 = performance.now();
const { gemeenteId, tellingen } = await genereerGemeente(database.db, { code: `bench-${inwoners}`, naam: `Bench ${inwoners}`, inwoners, jaren: 5, seed: 1, tot: TOT });
const genereren = (performance.now() - t0) / 1000;
const rss = process.memoryUsage().rss / 1e6;
// Fresh statistics, as autovacuum would have them after a bulk load.
const t1 = performance.now();
await sql`analyze`.execute(database.db);
const analyseren = (performance.now() - t1) / 1000;
const n = (x: number | undefined) => (x ?? 0).toLocaleString('nl-NL');
console.log(`| ${soort} | ${n(inwoners)} | ${n(tellingen.meldingen)} | ${n(tellingen.beschikking_producten)} | ${genereren.toFixed(1)} s (+ analyze ${analyseren.toFixed(1)} s) | ${rss.toFixed(0)} MB |`);

const kern = await inGemeente(database.db, gemeenteId, (tx) => tx.selectFrom('kernen').select('id').orderBy('naam').executeTakeFirstOrThrow());
const strategisch = KPIS.filter((k) => k.niveau === 'strategisch').map((k) => metNorm(k, {}));
const tactisch = KPIS.filter((k) => k.niveau === 'tactisch').map((k) => metNorm(k, {}));

async function mediaan(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const tijden: number[] = [];
  for (let i = 0; i < herhalingen; i++) {
    const t = performance.now();
    await fn();
    tijden.push(performance.now() - t);
  }
  return tijden.sort((a, b) => a - b)[Math.floor(tijden.length / 2)]!;
}

const perKpi: string[] = [];
for (const k of [...strategisch, ...tactisch]) {
  const ms = await mediaan(() => inGemeente(database.db, gemeenteId, (tx) => berekenKpi(tx, k, { van: VAN, tot: TOT })));
  perKpi.push(`| ${soort} | ${n(inwoners)} | ${k.id} | ${ms.toFixed(1)} ms |`);
}
const dashboard = await mediaan(() => inGemeente(database.db, gemeenteId, async (tx) => {
  for (const k of strategisch) await berekenKpi(tx, k, { van: VAN, tot: TOT });
  await verdeelKpi(tx, strategisch[0]!, { van: VAN, tot: TOT }, 'kern');
}));
// As the browser asks: one request per KPI at the same time (the server has a pool of connections).
const parallel = await mediaan(() => Promise.all([
  ...strategisch.map((k) => inGemeente(database.db, gemeenteId, (tx) => berekenKpi(tx, k, { van: VAN, tot: TOT }))),
  inGemeente(database.db, gemeenteId, (tx) => verdeelKpi(tx, strategisch[0]!, { van: VAN, tot: TOT }, 'kern')),
]));
const gefilterd = await mediaan(() => inGemeente(database.db, gemeenteId, async (tx) => {
  for (const k of tactisch) await berekenKpi(tx, k, { van: VAN, tot: TOT, wet: 'wmo', kernId: kern.id });
}));
console.log(perKpi.join('\n'));
console.log(`| ${soort} | ${n(inwoners)} | **strategisch dashboard (${strategisch.length} KPI's + staven per kern)** | **${dashboard.toFixed(0)} ms** |`);
console.log(`| ${soort} | ${n(inwoners)} | **strategisch dashboard, verzoeken tegelijk (zoals de browser)** | **${parallel.toFixed(0)} ms** |`);
console.log(`| ${soort} | ${n(inwoners)} | **tactisch, Wmo in één kern (${tactisch.length} KPI's)** | **${gefilterd.toFixed(0)} ms** |`);
await database.close();
rmSync(dir, { recursive: true, force: true });
