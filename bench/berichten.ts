/**
 * Bench (issue 14, volume): compose and referee the 301s for 10,000 toewijzingen, and ingest 10,000
 * start messages (305) with their retours, on the PostgreSQL server. Run by hand:
 *
 *   npx tsx bench/berichten.ts --nieuw     (database eenvoud_berichten: migrations, demo seed, and
 *                                           `genereerGemeente` with 100,000 residents, seed 42)
 *   npx tsx bench/berichten.ts             (reuses it; the messages of an earlier run are removed first)
 *
 * The reference, measured in the same run on the same messages: the two referees alone (xmllint
 * --schema and xsltproc with the standard's stylesheet, batched as Eenvoud runs them). The figures
 * are the wall time of Eenvoud's whole path and its ratio to that reference.
 */
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import pg from 'pg';
import { ontvangBerichten, verstuurToewijzingen } from '../src/contexts/berichten/index.ts';
import { schrijfStartStop } from '../src/contexts/berichten/xml.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { genereerGemeente } from '../src/demo/generator.ts';
import { openPostgres } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { inGemeente, type Actor } from '../src/platform/tenancy/tx.ts';
import { vandaag } from '../src/platform/time.ts';
import { valideerBerichten } from '../src/platform/xml/scheidsrechter.ts';

const { values } = parseArgs({ options: { nieuw: { type: 'boolean', default: false }, aantal: { type: 'string', default: '10000' } } });
const AANTAL = Number(values.aantal);
const SERVER = (process.env.BENCH_SERVER ?? 'postgres://postgres:postgres@127.0.0.1:5432').replace(/\/$/, '');
const DB = 'eenvoud_berichten';
const lastBijStart = loadavg();

if (values.nieuw) {
  const c = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await c.connect();
  await c.query(`drop database if exists ${DB} with (force)`);
  await c.query(`create database ${DB}`);
  await c.end();
}
const database = await openPostgres(`${SERVER}/${DB}`, 4);
await migrate(database.db);
if (values.nieuw) {
  await seedDemo(database.db, { nodeEnv: 'development' });
  const t0 = performance.now();
  await genereerGemeente(database.db, { code: 'bench-100000', naam: 'Benchstad', inwoners: 100_000, jaren: 5, seed: 42, tot: vandaag(), databaseUrl: `${SERVER}/${DB}` });
  console.log(`generator: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
const gemeente = await database.db.selectFrom('gemeenten').select('id').where('code', '=', 'bench-100000').executeTakeFirstOrThrow();
const systeem: Actor = { gebruikerId: null, gebruikersnaam: 'bench', gemeenteId: gemeente.id, rollen: [], rol: 'systeem', aanbiederId: null };
const ctx = { gemeenteId: gemeente.id, opdrachtId: 'bench', poging: 1, actor: systeem };

// A clean start (as the tables' owner: the app may not delete messages): no messages or toewijzingen of an
// earlier run; the chosen provisions running but not yet started.
await database.db.transaction().execute(async (tx) => {
  await tx.deleteFrom('bericht_toewijzingen').where('gemeente_id', '=', gemeente.id).execute();
  await tx.updateTable('berichten').set({ retour_id: null }).where('gemeente_id', '=', gemeente.id).execute();
  await tx.deleteFrom('berichten').where('gemeente_id', '=', gemeente.id).execute();
  await tx.deleteFrom('toewijzingen').where('gemeente_id', '=', gemeente.id).execute();
});
const gekozen = await inGemeente(database.db, gemeente.id, (tx) => tx.selectFrom('voorzieningen')
  .select(['id', 'aanbieder_id', 'begin']).where('leveringsvorm', '=', 'zin').where('aanbieder_id', 'is not', null).where('wet', 'in', ['wmo', 'jeugdwet'])
  .where('productcategorie', 'is not', null).where('status', 'in', ['toegewezen', 'gestart']).where('begin', '<=', vandaag())
  .orderBy('begin', 'desc').limit(AANTAL).execute());
if (gekozen.length < AANTAL) console.log(`let op: maar ${gekozen.length} lopende voorzieningen in natura gevonden`);
await database.db.updateTable('voorzieningen').set({ status: 'toegewezen', gestart_op: null }).where('id', 'in', gekozen.map((v) => v.id)).execute();

const blok = <T>(lijst: readonly T[], n: number): T[][] => Array.from({ length: Math.ceil(lijst.length / n) }, (_, i) => lijst.slice(i * n, (i + 1) * n));

// 1. The 301s: composed per toewijzing (OP087 per client and provider), refereed in batches, stored; 1,000 per transaction.
const t1 = performance.now();
for (const deel of blok(gekozen, 1000)) {
  await inGemeente(database.db, gemeente.id, (tx) => verstuurToewijzingen(tx, deel.map((v) => v.id), ctx));
}
const toewijzenS = (performance.now() - t1) / 1000;
const uit = await inGemeente(database.db, gemeente.id, (tx) => tx.selectFrom('berichten').select(['xml', 'standaard']).where('soort', '=', '301').execute());
const r1 = performance.now();
for (const std of ['iwmo', 'ijw'] as const) {
  const xmls = uit.filter((b) => b.standaard === std).map((b) => ({ xml: b.xml }));
  if (xmls.length) await valideerBerichten(xmls, { standaard: std, bericht: '301' });
}
const referentie1 = (performance.now() - r1) / 1000;

// 2. The starts: the provider's software reports each toewijzing started (a 305 per client and toewijzing), 500 per delivery.
const regels = await inGemeente(database.db, gemeente.id, (tx) => tx.selectFrom('toewijzingen as t')
  .innerJoin('voorzieningen as v', 'v.id', 't.voorziening_id').innerJoin('personen as p', 'p.id', 't.persoon_id').innerJoin('aanbieders as a', 'a.id', 't.aanbieder_id')
  .select(['t.nummer', 't.standaard', 't.aanbieder_id', 'a.agb_code', 'v.begin', 'v.productcategorie', 'v.productcode', 'p.bsn', 'p.geboortedatum', 'p.achternaam', 'p.tussenvoegsel', 'p.voornaam'])
  .execute());
const cbs = (await database.db.selectFrom('gemeenten').select('cbs_code').where('id', '=', gemeente.id).executeTakeFirstOrThrow()).cbs_code!;
const dagtekening = vandaag();
const starts = regels.map((r, i) => ({
  aanbiederId: r.aanbieder_id, standaard: r.standaard as 'iwmo' | 'ijw',
  xml: schrijfStartStop(r.standaard as 'iwmo' | 'ijw', '305', { afzender: r.agb_code, ontvanger: cbs, identificatie: `B${String(i).padStart(9, '0')}`, dagtekening }, {
    bsn: r.bsn, geboortedatum: r.geboortedatum, geslacht: '0', achternaam: r.achternaam, voorvoegsel: r.tussenvoegsel, voornamen: r.voornaam, voorletters: null,
  }, [{ toewijzingNummer: Number(r.nummer), categorie: r.productcategorie!, code: r.productcode, ingangsdatum: r.begin, begindatum: r.begin, statusAanlevering: '1' }]),
}));
const perAanbieder = new Map<string, typeof starts>();
for (const s of starts) perAanbieder.set(s.aanbiederId, [...(perAanbieder.get(s.aanbiederId) ?? []), s]);
const t2 = performance.now();
let verwerkt = 0;
let anders = 0;
for (const [aanbiederId, lijst] of perAanbieder) {
  const medewerker: Actor = { gebruikerId: null, gebruikersnaam: `bench-${aanbiederId.slice(0, 8)}`, gemeenteId: gemeente.id, rollen: ['aanbieder'], rol: 'aanbieder', aanbiederId };
  for (const deel of blok(lijst, 500)) {
    const uitkomst = await inGemeente(database.db, gemeente.id, (tx) => ontvangBerichten(tx, medewerker, deel.map((s) => s.xml)));
    for (const u of uitkomst) if (u.ok && u.ontvangen.status === 'verwerkt') verwerkt++; else anders++;
  }
}
const startS = (performance.now() - t2) / 1000;
const r2 = performance.now();
for (const std of ['iwmo', 'ijw'] as const) {
  const xmls = starts.filter((s) => s.standaard === std).map((s) => ({ xml: s.xml }));
  if (xmls.length) await valideerBerichten(xmls, { standaard: std, bericht: '305' });
}
const referentie2 = (performance.now() - r2) / 1000;
await sql`select 1`.execute(database.db);
await database.close();

const nl = (n: number, d = 1) => n.toLocaleString('nl-NL', { maximumFractionDigits: d, minimumFractionDigits: d });
console.log(`load bij start ${lastBijStart.map((l) => l.toFixed(1)).join(' / ')}, bij einde ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
console.log('| wat | aantal | Eenvoud | alleen de scheidsrechters (referentie) | verhouding | doel |');
console.log('|---|---|---|---|---|---|');
console.log(`| 301 samenstellen, XSD + validatieschema, opslaan | ${uit.length.toLocaleString('nl-NL')} berichten voor ${gekozen.length.toLocaleString('nl-NL')} toewijzingen | ${nl(toewijzenS)} s | ${nl(referentie1)} s | ${nl(toewijzenS / referentie1, 2)} | ≤ 60 s |`);
console.log(`| 305 inlezen, controleren, toepassen, 306 maken | ${starts.length.toLocaleString('nl-NL')} (${verwerkt.toLocaleString('nl-NL')} verwerkt, ${anders} anders) | ${nl(startS)} s | ${nl(referentie2)} s | ${nl(startS / referentie2, 2)} | ≤ 60 s |`);
