/**
 * Bench: generate a demo gemeente of N residents (5 years) and time the generator and every KPI
 * of the strategic set over the last year. Run by hand, never in the tests:
 *   npx tsx bench/kpi.ts --inwoners 100000            (embedded PostgreSQL in a temp folder)
 *   DATABASE_URL=postgres://… npx tsx bench/kpi.ts --inwoners 100000   (PostgreSQL server)
 * Prints one Markdown table row per KPI for bench/README.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { KPIS, kpiGroepen } from '../src/contexts/sturing/index.ts';
import { genereerGemeente } from '../src/demo/generator.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { inGemeente } from '../src/platform/tenancy/tx.ts';

const { values } = parseArgs({ options: { inwoners: { type: 'string', default: '20000' }, herhalingen: { type: 'string', default: '5' } } });
const inwoners = Number(values.inwoners);
const dir = mkdtempSync(join(tmpdir(), 'eenvoud-bench-'));
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: dir, bulk: true });
await migrate(database.db);
const code = `bench-${inwoners}-${Date.now()}`;
const t0 = performance.now();
const { gemeenteId, tellingen } = await genereerGemeente(database.db, { code, naam: `Bench ${inwoners}`, inwoners, jaren: 5, seed: 1, tot: '2026-11-20' });
const genereren = (performance.now() - t0) / 1000;
const soort = database.kind === 'pglite' ? 'PGlite' : 'PostgreSQL-server';
console.log(`# ${soort}, ${inwoners.toLocaleString('nl-NL')} inwoners: ${tellingen.meldingen?.toLocaleString('nl-NL')} meldingen, genereren ${genereren.toFixed(1)} s, RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
const filter = { van: '2025-11-21', tot: '2026-11-20' };
let totaal = 0;
for (const k of KPIS) {
  const tijden: number[] = [];
  let rijen = 0;
  for (let i = 0; i < Number(values.herhalingen); i++) {
    const t = performance.now();
    rijen = (await inGemeente(database.db, gemeenteId, (tx) => kpiGroepen(tx, k.id, filter, !!k.momentopname, 'periode'))).length;
    tijden.push(performance.now() - t);
  }
  tijden.sort((a, b) => a - b);
  const mediaan = tijden[Math.floor(tijden.length / 2)]!;
  if (k.niveau === 'strategisch') totaal += mediaan;
  console.log(`| ${soort} | ${inwoners} | ${k.id} | ${mediaan.toFixed(1)} ms | ${rijen} |`);
}
console.log(`| ${soort} | ${inwoners} | **strategische KPI's samen** | ${totaal.toFixed(1)} ms | |`);
await database.close();
rmSync(dir, { recursive: true, force: true });
