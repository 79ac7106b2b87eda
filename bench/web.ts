/**
 * Bench: how much JavaScript each page loads and how fast the pages come up, in a real browser.
 * Run by hand, never in the tests:
 *   npx vite build --config web/vite.config.ts --outDir /tmp/bench-web --emptyOutDir
 *   npx tsx bench/web.ts --web /tmp/bench-web [--runs 10] [--zonder-historie]
 * Prints Markdown tables for bench/README.md.
 *
 * The app runs in this process on embedded PGlite with the demo seed and (unless --zonder-historie)
 * Demodorp's five-year history, as after the first `npm start`. Chromium (playwright-core) opens each
 * page in a fresh context (no cache, as a first visit):
 * - JavaScript: the bytes on the wire of every script response the page loads (Accept-Encoding: gzip
 *   forced for this count; the browser's own choice, brotli, is smaller), until the page is ready;
 * - time: from navigation to the main heading (h1) visible, and to the data shown (no "Laden…" left);
 * - reference, in the same run: an empty static HTML page from the same server (same pipeline:
 *   compression, headers), so a busy machine can be told from a slow page.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApp, WEB_ROOT } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { zaaiDemoHistorie } from '../src/demo/historie.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { openPglite } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { vandaag } from '../src/platform/time.ts';

const { values } = parseArgs({ options: {
  web: { type: 'string', default: WEB_ROOT },
  runs: { type: 'string', default: '10' },
  'zonder-historie': { type: 'boolean', default: false },
} });
const runs = Number(values.runs);

// A copy of the build with one empty page beside it: the reference.
const web = mkdtempSync(join(tmpdir(), 'eenvoud-bench-web-'));
cpSync(values.web, web, { recursive: true });
writeFileSync(join(web, 'bench-leeg.html'), '<!doctype html><html lang="nl"><title>leeg</title><h1>Leeg</h1></html>');

const database = await openPglite('memory://');
await migrate(database.db);
await seedDemo(database.db, { nodeEnv: 'test' });
if (!values['zonder-historie']) {
  const t = Date.now();
  await zaaiDemoHistorie(database.db, vandaag());
  console.error(`historie gezaaid in ${((Date.now() - t) / 1000).toFixed(0)} s`);
}
const casus = await database.db.selectFrom('casussen').innerJoin('gebruikers', 'gebruikers.id', 'casussen.regisseur_id')
  .select('casussen.id').where('gebruikers.gebruikersnaam', '=', 'regisseur').where('casussen.status', '=', 'open').executeTakeFirstOrThrow();

const app = await buildApp(database, loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), { webRoot: web, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const baseURL = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const browser: Browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

interface Pagina { naam: string; pad: string; gebruiker: string | null; kop: RegExp }
const paginas: Pagina[] = [
  { naam: 'leeg HTML-bestand (referentie)', pad: '/bench-leeg.html', gebruiker: null, kop: /Leeg/ },
  { naam: 'inloggen', pad: '/inloggen', gebruiker: null, kop: /Inloggen/ },
  { naam: 'openbaar meldformulier', pad: '/melden/demodorp', gebruiker: null, kop: /./ },
  { naam: 'werkvoorraad (regisseur)', pad: '/meldingen', gebruiker: 'regisseur', kop: /./ },
  { naam: 'casus (regisseur)', pad: `/casussen/${casus.id}`, gebruiker: 'regisseur', kop: /Casus/ },
  { naam: 'sturing, strategisch (beleid)', pad: '/sturing', gebruiker: 'beleid', kop: /./ },
];

async function context(gebruiker: string | null, gzip: boolean): Promise<BrowserContext> {
  // bypassCSP: the readiness check is evaluated in the page, which the app's CSP (no eval) would refuse.
  const c = await browser.newContext({ baseURL, locale: 'nl-NL', bypassCSP: true, ...(gzip ? { extraHTTPHeaders: { 'accept-encoding': 'gzip' } } : {}) });
  if (gebruiker) {
    const r = await c.request.post('/api/v1/sessies', { data: { gebruikersnaam: gebruiker, wachtwoord: 'demo' } });
    if (!r.ok()) throw new Error(`inloggen als ${gebruiker}: ${r.status()}`);
  }
  return c;
}

async function klaar(page: Page, p: Pagina): Promise<{ kop: number; gegevens: number }> {
  const start = performance.now();
  await page.goto(p.pad, { waitUntil: 'commit' });
  await page.getByRole('heading', { level: 1, name: p.kop }).first().waitFor({ timeout: 60_000 });
  const kop = performance.now() - start;
  // As a string: this runs in the page, and the bench is compiled without the DOM types.
  await page.waitForFunction('!document.querySelector(\'.eenvoud-laden, [aria-busy="true"]\')', undefined, { timeout: 60_000 });
  return { kop, gegevens: performance.now() - start };
}

async function scriptBytes(p: Pagina): Promise<{ bytes: number; bestanden: number }> {
  const c = await context(p.gebruiker, true);
  const page = await c.newPage();
  const scripts: Promise<number>[] = [];
  page.on('requestfinished', (req) => {
    if (req.resourceType() === 'script') scripts.push(req.sizes().then((s) => s.responseBodySize));
  });
  await klaar(page, p);
  await page.waitForLoadState('networkidle');
  const bytes = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
  await c.close();
  return { bytes, bestanden: scripts.length };
}

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
const ms = (x: number) => `${Math.round(x)} ms`;

console.log('| pagina | JavaScript (gzip, over de lijn) | bestanden |');
console.log('|---|---|---|');
for (const p of paginas.slice(1)) {
  const { bytes, bestanden } = await scriptBytes(p);
  console.log(`| ${p.naam} | ${(bytes / 1024).toFixed(1)} kB | ${bestanden} |`);
}

// Interleaved, so a burst of load elsewhere on the machine hits every page alike.
const tijden = new Map(paginas.map((p) => [p.naam, { kop: [] as number[], gegevens: [] as number[] }]));
for (let i = 0; i < runs + 1; i++) {
  for (const p of paginas) {
    const c = await context(p.gebruiker, false);
    const t = await klaar(await c.newPage(), p);
    await c.close();
    if (i === 0) continue; // warm-up: the server's first answers (JIT, query plans)
    tijden.get(p.naam)!.kop.push(t.kop);
    tijden.get(p.naam)!.gegevens.push(t.gegevens);
  }
}
console.log(`\n| pagina (${runs} keer, koude browser) | kop zichtbaar p50 | p95 | gegevens getoond p50 | p95 |`);
console.log('|---|---|---|---|---|');
for (const p of paginas) {
  const t = tijden.get(p.naam)!;
  console.log(`| ${p.naam} | ${ms(pct(t.kop, 0.5))} | ${ms(pct(t.kop, 0.95))} | ${ms(pct(t.gegevens, 0.5))} | ${ms(pct(t.gegevens, 0.95))} |`);
}

await browser.close();
await app.close();
await database.close();
rmSync(web, { recursive: true, force: true });
