/**
 * Bench (issue 15, point 7, volume): a declaration (323) of 5,000 prestaties checked and answered
 * (325) within 30 s, and a month of declarations of a 100,000-resident gemeente (≈ 60,000
 * prestaties) within 5 minutes, on the PostgreSQL server. Run by hand:
 *
 *   npx tsx bench/declaraties.ts --nieuw   (database eenvoud_declaraties: a copy of eenvoud_berichten, which
 *                                           `npx tsx bench/berichten.ts --nieuw` made and whose last run
 *                                           left 7,239 started toewijzingen of the 100,000-resident gemeente)
 *   npx tsx bench/declaraties.ts           (reuses it; the declarations of an earlier run are removed first)
 *
 * The prestaties are what the demo history declares (`declarabeleToewijzingen`: per toewijzing and
 * calendar month, within every rule), so nearly all are approved and every rule runs in full. The
 * reference, measured in the same run on the same messages: the two referees alone on the 323s
 * (xmllint --schema and xsltproc with the standard's stylesheet, batched as Eenvoud runs them).
 * Peak memory: this process's resident set, sampled every 50 ms (the referees' own processes not included).
 */
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import pg from 'pg';
import { ontvangBerichten } from '../src/contexts/berichten/index.ts';
import { BERICHT_MAX_BYTES } from '../src/contexts/berichten/usecases.ts';
import { declarabeleToewijzingen, type Declarabel } from '../src/contexts/berichten/declaratie-historie.ts';
import { laatsteVanMaand, type Prestatie, type Standaard } from '../src/contexts/berichten/rules.ts';
import { schrijf323, type DeclaratieClient } from '../src/contexts/berichten/xml.ts';
import { openPostgres } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { inGemeente, type Actor } from '../src/platform/tenancy/tx.ts';
import { vandaag } from '../src/platform/time.ts';
import { valideerBerichten } from '../src/platform/xml/scheidsrechter.ts';

const { values } = parseArgs({ options: {
  nieuw: { type: 'boolean', default: false }, een: { type: 'string', default: '5000' }, maand: { type: 'string', default: '60000' }, maanden: { type: 'string', default: '12' },
  profiel: { type: 'boolean', default: false },
} });
const EEN = Number(values.een);
const MAAND = Number(values.maand);
const SERVER = (process.env.BENCH_SERVER ?? 'postgres://postgres:postgres@127.0.0.1:5432').replace(/\/$/, '');
const DB = 'eenvoud_declaraties';
const lastBijStart = loadavg();

if (values.nieuw) {
  const c = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await c.connect();
  await c.query(`drop database if exists ${DB} with (force)`);
  // A file copy of the messages bench's database: its generated gemeente and started toewijzingen, in seconds.
  await c.query(`create database ${DB} template eenvoud_berichten`);
  await c.end();
}
// --profiel: the wall time of every statement, summed per statement text (the server has no pg_stat_statements), to find the hot spots.
const perStatement = new Map<string, { n: number; ms: number }>();
if (values.profiel) {
  const origineel = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
  (pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
    const tekst = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text ?? '?';
    const sleutel = tekst.replace(/\$\d+(, \$\d+)*/g, '$…').replace(/\s+/g, ' ').slice(0, 110);
    const t0 = performance.now();
    const uit = origineel.apply(this, args);
    const klaar = () => { const x = perStatement.get(sleutel) ?? { n: 0, ms: 0 }; x.n++; x.ms += performance.now() - t0; perStatement.set(sleutel, x); };
    if (uit && typeof (uit as Promise<unknown>).then === 'function') (uit as Promise<unknown>).then(klaar, klaar);
    return uit;
  };
}
const database = await openPostgres(`${SERVER}/${DB}`, 4);
await migrate(database.db);
const gemeente = await database.db.selectFrom('gemeenten').select(['id', 'cbs_code']).where('code', '=', 'bench-100000').executeTakeFirstOrThrow();
const cbs = gemeente.cbs_code!;

/** As the tables' owner (the app may not delete messages): no declarations of an earlier run or phase. */
async function schoon(): Promise<void> {
  await database.db.transaction().execute(async (tx) => {
    const ids = tx.selectFrom('berichten').select('id').where('gemeente_id', '=', gemeente.id).where('soort', 'in', ['323', '325']);
    await tx.deleteFrom('bericht_toewijzingen').where('bericht_id', 'in', ids).execute();
    // Truncated, not deleted: the foreign key gecrediteerd_door has no index, so a delete checks every row against a scan of the
    // table (42,000 prestaties took minutes). Only the bench gemeente declares in this database.
    await sql`truncate prestaties, declaraties cascade`.execute(tx);
    await tx.updateTable('berichten').set({ retour_id: null }).where('gemeente_id', '=', gemeente.id).where('soort', '=', '323').execute();
    await tx.deleteFrom('berichten').where('gemeente_id', '=', gemeente.id).where('soort', 'in', ['323', '325']).execute();
  });
}

/** Wall time and the peak resident set of this process while `fn` runs. */
async function meet<T>(fn: () => Promise<T>): Promise<{ uit: T; s: number; piekMb: number }> {
  let piek = process.memoryUsage().rss;
  const klok = setInterval(() => { piek = Math.max(piek, process.memoryUsage().rss); }, 50);
  const t0 = performance.now();
  try {
    const uit = await fn();
    return { uit, s: (performance.now() - t0) / 1000, piekMb: Math.max(piek, process.memoryUsage().rss) / 2 ** 20 };
  } finally {
    clearInterval(klok);
  }
}

const maandTerug = (n: number): string => {
  const d = new Date(`${vandaag().slice(0, 7)}-01T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 10);
};

const nl = (n: number, d = 1) => n.toLocaleString('nl-NL', { maximumFractionDigits: d, minimumFractionDigits: d });
const geheel = (n: number | string) => Number(n).toLocaleString('nl-NL');

await schoon();
// The toewijzingen of the messages bench start on their voorziening's begin: a year back at most is declared.
const declarabel = await inGemeente(database.db, gemeente.id, (tx) => declarabeleToewijzingen(tx, { van: maandTerug(Number(values.maanden)), tot: maandTerug(1) }));
const beschikbaar = declarabel.reduce((s, d) => s + d.maanden.length, 0);
console.log(`${declarabel.length.toLocaleString('nl-NL')} toewijzingen met ${beschikbaar.toLocaleString('nl-NL')} declarabele maanden (${maandTerug(Number(values.maanden)).slice(0, 7)} – ${maandTerug(1).slice(0, 7)})`);

interface Regel { d: Declarabel; m: Declarabel['maanden'][number] }
const prestatie = ({ d, m }: Regel): Prestatie => ({
  referentie: `B${m.maand.slice(0, 7).replace('-', '')}-${d.nummer}`, vorigReferentie: null, toewijzingNummer: d.nummer, categorie: d.categorie, code: d.code,
  begin: m.begin, eind: m.eind, volume: m.volume, eenheid: d.eenheid, tariefCents: m.tariefCents, bedragCents: m.volume * m.tariefCents, debetCredit: 'D',
});
/** One 323: the prestaties grouped per client, in month order per toewijzing (each counts for the next). */
function declaratie(std: Standaard, agb: string, nummer: string, regels: readonly Regel[]): string {
  const perClient = new Map<string, Prestatie[]>();
  for (const r of [...regels].sort((a, b) => a.m.maand.localeCompare(b.m.maand))) (perClient.get(r.d.bsn) ?? perClient.set(r.d.bsn, []).get(r.d.bsn)!).push(prestatie(r));
  const clienten: DeclaratieClient[] = [...perClient].map(([bsn, prestaties]) => ({ bsn, prestaties }));
  const laatste = regels.reduce((s, r) => (r.m.maand > s ? r.m.maand : s), '');
  return schrijf323(std, { afzender: agb, ontvanger: cbs, identificatie: nummer, dagtekening: vandaag() }, { nummer, begin: laatste, eind: laatsteVanMaand(laatste), dagtekening: vandaag() }, clienten);
}
const medewerker = (aanbiederId: string): Actor => ({ gebruikerId: null, gebruikersnaam: `bench-${aanbiederId.slice(0, 8)}`, gemeenteId: gemeente.id, rollen: ['aanbieder'], rol: 'aanbieder', aanbiederId });
const telStatus = (uit: Awaited<ReturnType<typeof ontvangBerichten>>) => uit.reduce((s, u) => ({ ...s, [u.ok ? u.ontvangen.status : 'probleem']: (s[u.ok ? u.ontvangen.status : 'probleem'] ?? 0) + 1 }), {} as Record<string, number>);
const goedgekeurd = async () => (await database.db.selectFrom('prestaties').select((e) => [e.fn.countAll<string>().as('n'), e.fn.sum<string>(e.case().when('goedgekeurd', '=', true).then(1).else(0).end()).as('goed')])
  .where('gemeente_id', '=', gemeente.id).executeTakeFirstOrThrow());

// (a) One provider's 323 of EEN prestaties: the provider (iWmo) with the most, its months oldest first (a backlog declared at once).
const perAanbieder = new Map<string, Regel[]>();
for (const d of declarabel) if (d.std === 'iwmo') for (const m of d.maanden) (perAanbieder.get(d.aanbiederId) ?? perAanbieder.set(d.aanbiederId, []).get(d.aanbiederId)!).push({ d, m });
const [grootste, alleRegels] = [...perAanbieder].sort((a, b) => b[1].length - a[1].length)[0]!;
const opVolgorde = [...alleRegels].sort((a, b) => a.m.maand.localeCompare(b.m.maand) || a.d.nummer - b.d.nummer);
const eenRegels = opVolgorde.slice(0, EEN);
const eenXml = declaratie('iwmo', eenRegels[0]!.d.agb, 'BENCH1', eenRegels);
const a = await meet(() => inGemeente(database.db, gemeente.id, (tx) => ontvangBerichten(tx, medewerker(grootste), [eenXml])));
const aStand = await goedgekeurd();
const refA = await meet(() => valideerBerichten([{ xml: eenXml }], { standaard: 'iwmo', bericht: '323' }, { maxBytes: BERICHT_MAX_BYTES }));
const aUit = a.uit[0]!;
const aProbleem = aUit.ok ? (aUit.ontvangen.status === 'afgekeurd' ? `${aUit.ontvangen.retourcodes.join(',')} ${aUit.ontvangen.bevindingen.slice(0, 3).join(' | ')}` : null) : aUit.probleem.message;
console.log(`(a) ${eenRegels.length} prestaties, ${(Buffer.byteLength(eenXml) / 2 ** 20).toFixed(2)} MB XML: ${a.s.toFixed(1)} s, ${JSON.stringify(telStatus(a.uit))}, ${aStand.goed}/${aStand.n} goedgekeurd${aProbleem ? `; ${aProbleem}` : ''}`);
// Refused for its size (the message's byte limit): the largest declaration that is taken, to time the check itself.
// The byte limit may be met at the gate (a problem) or at the referees' own gate (0001, "Niet aan de scheidsrechters gegeven (te-groot)").
const grens = aProbleem ? Number(/meer dan (\d+) bytes/.exec(aProbleem)?.[1] ?? 0) || null : null;
let past: { n: number; xml: string; s: number; piekMb: number; ref: number; goed: string; status: string } | null = null;
if (grens) {
  let n = Math.floor((EEN * grens) / Buffer.byteLength(eenXml));
  let xml = declaratie('iwmo', eenRegels[0]!.d.agb, 'BENCH2', opVolgorde.slice(0, n));
  while (Buffer.byteLength(xml) > grens) xml = declaratie('iwmo', eenRegels[0]!.d.agb, 'BENCH2', opVolgorde.slice(0, (n -= 50)));
  const r = await meet(() => inGemeente(database.db, gemeente.id, (tx) => ontvangBerichten(tx, medewerker(grootste), [xml])));
  const ref = await meet(() => valideerBerichten([{ xml }], { standaard: 'iwmo', bericht: '323' }, { maxBytes: BERICHT_MAX_BYTES }));
  past = { n, xml, s: r.s, piekMb: r.piekMb, ref: ref.s, goed: (await goedgekeurd()).goed, status: JSON.stringify(telStatus(r.uit)) };
  console.log(`(a') ${n} prestaties, ${(Buffer.byteLength(xml) / 2 ** 20).toFixed(2)} MB XML: ${r.s.toFixed(1)} s, ${past.status}, ${past.goed} goedgekeurd`);
}

// (b) A month's declarations of all providers: the most recent months until MAAND prestaties, one 323 per provider, law and month,
// each provider's delivered at once in month order (one transaction per provider, as a hub's delivery).
await schoon();
const perMaand = new Map<string, Regel[]>();
for (const d of declarabel) for (const m of d.maanden) (perMaand.get(m.maand) ?? perMaand.set(m.maand, []).get(m.maand)!).push({ d, m });
const maanden = [...perMaand.keys()].sort().reverse();
const gekozen: Regel[] = [];
for (const m of maanden) { if (gekozen.length >= MAAND) break; gekozen.push(...perMaand.get(m)!); }
const bundels = new Map<string, { aanbiederId: string; std: Standaard; agb: string; maand: string; regels: Regel[] }>();
for (const r of gekozen) {
  const k = `${r.d.aanbiederId}|${r.d.std}|${r.m.maand}`;
  (bundels.get(k) ?? bundels.set(k, { aanbiederId: r.d.aanbiederId, std: r.d.std, agb: r.d.agb, maand: r.m.maand, regels: [] }).get(k)!).regels.push(r);
}
const xmls = [...bundels.values()].sort((x, y) => x.maand.localeCompare(y.maand)).map((b) => ({
  ...b, xml: declaratie(b.std, b.agb, `B${b.std === 'iwmo' ? 'W' : 'J'}${b.maand.slice(0, 7).replace('-', '')}`, b.regels),
}));
const leveringen = new Map<string, typeof xmls>();
for (const x of xmls) (leveringen.get(x.aanbiederId) ?? leveringen.set(x.aanbiederId, []).get(x.aanbiederId)!).push(x);
perStatement.clear();
const cpuB = process.cpuUsage();
const b = await meet(async () => {
  const alle: Awaited<ReturnType<typeof ontvangBerichten>> = [];
  for (const [aanbiederId, lijst] of leveringen) alle.push(...await inGemeente(database.db, gemeente.id, (tx) => ontvangBerichten(tx, medewerker(aanbiederId), lijst.map((x) => x.xml))));
  return alle;
});
const cpuBs = (({ user, system }) => (user + system) / 1e6)(process.cpuUsage(cpuB));
const bStand = await goedgekeurd();
if (values.profiel) {
  const alle = [...perStatement].sort((x, y) => y[1].ms - x[1].ms);
  const totaal = alle.reduce((s, [, x]) => s + x.ms, 0) / 1000;
  console.log(`(b) profiel: ${nl(b.s)} s wand, ${nl(cpuBs)} s CPU in dit proces (JavaScript), ${nl(totaal)} s wachten op PostgreSQL (${geheel(alle.reduce((s, [, x]) => s + x.n, 0))} statements)`);
  for (const [sq, x] of alle.slice(0, 15)) console.log(`  ${nl(x.ms / 1000)} s  ${geheel(x.n)}×  ${sq}`);
}
// The referees batched as Eenvoud runs them: per delivery (one provider's declarations) and law.
const refB = await meet(async () => {
  for (const lijst of leveringen.values()) {
    for (const std of ['iwmo', 'ijw'] as const) {
      const deze = lijst.filter((x) => x.std === std).map((x) => ({ xml: x.xml }));
      if (deze.length) await valideerBerichten(deze, { standaard: std, bericht: '323' }, { maxBytes: BERICHT_MAX_BYTES });
    }
  }
});
const mb = xmls.reduce((s, x) => s + x.xml.length, 0) / 2 ** 20;
console.log(`(b) ${gekozen.length} prestaties in ${xmls.length} declaraties (${[...new Set(gekozen.map((r) => r.m.maand.slice(0, 7)))].length} maanden, ${leveringen.size} aanbieders), ${mb.toFixed(1)} MB XML: ${b.s.toFixed(1)} s, ${JSON.stringify(telStatus(b.uit))}, ${bStand.goed}/${bStand.n} goedgekeurd`);
await database.close();

console.log(`load bij start ${lastBijStart.map((l) => l.toFixed(1)).join(' / ')}, bij einde ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
console.log('| wat | aantal | Eenvoud | alleen de scheidsrechters (referentie) | verhouding | piekgeheugen (RSS) | doel |');
console.log('|---|---|---|---|---|---|---|');
console.log(`| één 323 inlezen, controleren, 325 maken | ${geheel(eenRegels.length)} prestaties${grens ? ', geweigerd (te groot)' : ` (${geheel(aStand.goed ?? 0)} goedgekeurd)`} | ${nl(a.s)} s | ${nl(refA.s)} s | ${nl(a.s / refA.s, 2)} | ${geheel(Math.round(a.piekMb))} MB | ≤ 30 s |`);
if (past) console.log(`| de grootste 323 die past (${nl(Buffer.byteLength(past.xml) / 2 ** 20, 2)} MB) | ${geheel(past.n)} prestaties (${geheel(past.goed)} goedgekeurd) | ${nl(past.s)} s | ${nl(past.ref)} s | ${nl(past.s / past.ref, 2)} | ${geheel(Math.round(past.piekMb))} MB | ≤ 30 s voor ${geheel(EEN)} |`);
console.log(`| een maand declaraties van alle aanbieders | ${geheel(gekozen.length)} prestaties in ${geheel(xmls.length)} declaraties (${geheel(bStand.goed)} goedgekeurd) | ${nl(b.s)} s | ${nl(refB.s)} s | ${nl(b.s / refB.s, 2)} | ${geheel(Math.round(b.piekMb))} MB | ≤ 300 s |`);
