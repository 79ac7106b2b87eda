/**
 * The KPI reference of bench/schaal.ts: three strategic KPIs computed in DuckDB on the same data.
 * The fact tables of one gemeente are exported from PostgreSQL with COPY … TO STDOUT (CSV, only
 * the columns the KPIs need; a moment becomes its Amsterdam calendar day, as the app counts it),
 * loaded into DuckDB tables in memory, and the KPIs computed there in plain SQL — per month over
 * the period, as the dashboard shows them. The same SQL runs on PostgreSQL too (the exports as
 * CTEs), to show what the plain query costs there.
 *
 * The definitions are the plain SQL in the comment block at the top of src/contexts/sturing/store.ts,
 * over the base tables (not the app's derived ones, except voorziening_feiten which that block uses):
 * - aandeel-meldingen-naar-maatwerk: meldingen received in the period; teller those whose casus
 *   has a (partly) granted product, noemer all;
 * - aandeel-maatwerk-met-gesprek: decided products (not refused) in the period; teller those whose
 *   casus had a conversation on or before the day of the decision, noemer all;
 * - kosten-per-inwoner: per month the cost of running provisions (annual amount / 365 per day, the
 *   days of the provision in that month), rounded to euros per month; teller the sum of the
 *   months, noemer the residents.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';

interface Export { naam: string; kolommen: Record<string, 'VARCHAR' | 'DATE' | 'BIGINT'>; select: (gemeente: string) => string }

/** What each KPI needs, per gemeente. The gemeente id is a uuid checked by the caller. */
const EXPORTS: Export[] = [
  { naam: 'k_meldingen', kolommen: { datum: 'DATE', casus_id: 'VARCHAR' },
    select: (g) => `select ontvangen_op as datum, casus_id from meldingen where gemeente_id = '${g}'` },
  { naam: 'k_beschikking_producten', kolommen: { beschikking_id: 'VARCHAR', uitkomst: 'VARCHAR' },
    select: (g) => `select beschikking_id, uitkomst from beschikking_producten where gemeente_id = '${g}'` },
  { naam: 'k_beschikkingen', kolommen: { id: 'VARCHAR', aanvraag_id: 'VARCHAR', dag: 'DATE' },
    select: (g) => `select id, aanvraag_id, (besloten_op at time zone 'Europe/Amsterdam')::date as dag from beschikkingen where gemeente_id = '${g}'` },
  { naam: 'k_aanvragen', kolommen: { id: 'VARCHAR', casus_id: 'VARCHAR' },
    select: (g) => `select id, casus_id from aanvragen where gemeente_id = '${g}'` },
  { naam: 'k_gesprekken', kolommen: { casus_id: 'VARCHAR', datum: 'DATE' },
    select: (g) => `select casus_id, datum from gesprekken where gemeente_id = '${g}'` },
  // An open end is 'infinity' in PostgreSQL; any day after every period does the same.
  { naam: 'k_voorzieningen', kolommen: { begin: 'DATE', eind: 'DATE', jaarbedrag_cents: 'BIGINT' },
    select: (g) => `select begin, least(eind, '2999-12-31'::date) as eind, jaarbedrag_cents from voorziening_feiten where gemeente_id = '${g}'` },
  { naam: 'k_personen', kolommen: { id: 'VARCHAR' },
    select: (g) => `select id from personen where gemeente_id = '${g}'` },
];

export const DUCKDB_KPIS = ['aandeel-meldingen-naar-maatwerk', 'aandeel-maatwerk-met-gesprek', 'kosten-per-inwoner'] as const;
export type DuckdbKpi = (typeof DUCKDB_KPIS)[number];

/** Months of the period as (maand yyyymm, first day, last day), clipped to the period. */
function maandenVan(van: string, tot: string): { maand: number; begin: string; eind: string }[] {
  const uit: { maand: number; begin: string; eind: string }[] = [];
  let j = Number(van.slice(0, 4));
  let m = Number(van.slice(5, 7));
  for (;;) {
    const sleutel = `${j}-${String(m).padStart(2, '0')}`;
    if (sleutel > tot.slice(0, 7)) break;
    const laatste = new Date(Date.UTC(j, m, 0)).toISOString().slice(0, 10);
    const begin = `${sleutel}-01` < van ? van : `${sleutel}-01`;
    uit.push({ maand: j * 100 + m, begin, eind: laatste > tot ? tot : laatste });
    if (++m > 12) { m = 1; j++; }
  }
  return uit;
}

const maandVan = (kolom: string) => `cast(extract(year from ${kolom}) * 100 + extract(month from ${kolom}) as integer)`;

/** The plain SQL of each KPI per month: rows (maand, teller, noemer); the same text for DuckDB and PostgreSQL. */
export function kpiSql(kpi: DuckdbKpi, van: string, tot: string): string {
  const periode = `between date '${van}' and date '${tot}'`;
  switch (kpi) {
    case 'aandeel-meldingen-naar-maatwerk':
      return `select ${maandVan('m.datum')} as maand, sum(case when cm.casus_id is not null then 1 else 0 end) as teller, count(*) as noemer
        from k_meldingen m left join (
          select distinct a.casus_id from k_aanvragen a join k_beschikkingen b on b.aanvraag_id = a.id
            join k_beschikking_producten bp on bp.beschikking_id = b.id where bp.uitkomst <> 'afgewezen') cm on cm.casus_id = m.casus_id
        where m.datum ${periode} group by 1 order by 1`;
    case 'aandeel-maatwerk-met-gesprek':
      return `select ${maandVan('b.dag')} as maand, sum(case when g.eerste <= b.dag then 1 else 0 end) as teller, count(*) as noemer
        from k_beschikking_producten bp join k_beschikkingen b on b.id = bp.beschikking_id join k_aanvragen a on a.id = b.aanvraag_id
          left join (select casus_id, min(datum) as eerste from k_gesprekken group by casus_id) g on g.casus_id = a.casus_id
        where bp.uitkomst <> 'afgewezen' and b.dag ${periode} group by 1 order by 1`;
    case 'kosten-per-inwoner': {
      const mnd = maandenVan(van, tot).map((m) => `(${m.maand}, date '${m.begin}', date '${m.eind}')`).join(', ');
      return `select mnd.maand, round(sum(cast(v.jaarbedrag_cents as float8) / 36500.0 * (least(mnd.eind, v.eind) - greatest(mnd.begin, v.begin) + 1))) as teller,
          (select count(*) from k_personen) as noemer
        from (values ${mnd}) as mnd(maand, begin, eind) join k_voorzieningen v on v.begin <= mnd.eind and v.eind >= mnd.begin
        group by 1 order by 1`;
    }
  }
}

export interface KpiMaanden { maanden: Map<string, { teller: number; noemer: number }>; teller: number; noemer: number }

/** Per month 'YYYY-MM' and the period's total, as the API sums them (cost per resident: the residents once). */
function totaal(kpi: DuckdbKpi, rijen: { maand: number; teller: number; noemer: number }[]): KpiMaanden {
  const maanden = new Map(rijen.map((r) => [`${Math.floor(r.maand / 100)}-${String(r.maand % 100).padStart(2, '0')}`, { teller: r.teller, noemer: r.noemer }]));
  const teller = rijen.reduce((s, r) => s + r.teller, 0);
  const noemer = kpi === 'kosten-per-inwoner' ? (rijen[0]?.noemer ?? 0) : rijen.reduce((s, r) => s + r.noemer, 0);
  return { maanden, teller, noemer };
}

const getallen = (rows: Record<string, unknown>[]) => rows.map((r) => ({ maand: Number(r.maand), teller: Number(r.teller), noemer: Number(r.noemer) }));

export interface DuckdbReferentie {
  /** Seconds to export from PostgreSQL and load into DuckDB (not part of any ratio). */
  exportSeconden: number;
  rijen: Record<string, number>;
  bereken: (kpi: DuckdbKpi, van: string, tot: string) => Promise<KpiMaanden>;
  /** The same SQL on PostgreSQL (the exports as CTEs), as the tables' owner. */
  berekenInPostgres: (kpi: DuckdbKpi, van: string, tot: string) => Promise<KpiMaanden>;
  sluit: () => Promise<void>;
}

export async function duckdbReferentie(databaseUrl: string, gemeenteId: string): Promise<DuckdbReferentie> {
  if (!/^[0-9a-f-]{36}$/.test(gemeenteId)) throw new Error('gemeente-id is geen uuid');
  const t0 = performance.now();
  const map = mkdtempSync(join(tmpdir(), 'schaal-duckdb-'));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const instance = await DuckDBInstance.create(':memory:');
  const con: DuckDBConnection = await instance.connect();
  const rijen: Record<string, number> = {};
  try {
    for (const e of EXPORTS) {
      const bestand = join(map, `${e.naam}.csv`);
      await pipeline(client.query(copyTo(`copy (${e.select(gemeenteId)}) to stdout with (format csv, header true)`)), createWriteStream(bestand));
      const kolommen = Object.entries(e.kolommen).map(([k, t]) => `'${k}': '${t}'`).join(', ');
      await con.run(`create table ${e.naam} as select * from read_csv('${bestand}', header = true, columns = {${kolommen}})`);
      rijen[e.naam] = Number((await con.runAndReadAll(`select count(*) as n from ${e.naam}`)).getRowObjectsJS()[0]!.n);
    }
  } finally {
    rmSync(map, { recursive: true, force: true });
  }
  const exportSeconden = (performance.now() - t0) / 1000;
  const ctes = EXPORTS.map((e) => `${e.naam} as (${e.select(gemeenteId)})`).join(',\n');
  return {
    exportSeconden, rijen,
    bereken: async (kpi, van, tot) => totaal(kpi, getallen((await con.runAndReadAll(kpiSql(kpi, van, tot))).getRowObjectsJS())),
    berekenInPostgres: async (kpi, van, tot) => totaal(kpi, getallen((await client.query(`with ${ctes}\n${kpiSql(kpi, van, tot)}`)).rows)),
    sluit: async () => {
      con.closeSync();
      instance.closeSync();
      await client.end();
    },
  };
}
