import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Tx } from '../../platform/tenancy/tx.ts';
import { bekostigingNaam, laatsteDag, maandBinnen, maanden, type Dimensie } from './rules.ts';

/**
 * The KPI computations: per KPI one fact source (a SELECT with one row per counted thing and the
 * same columns for every KPI), aggregated in PostgreSQL per period or per dimension. Every fact
 * is read live, so a figure is exact the moment a decision is taken; speed comes from indexes and
 * the columns kept by the database itself (migration 0008, ADR 0014).
 */

/** Filters every KPI can be cut by. Dates are inclusive; the calendar is Europe/Amsterdam. */
export interface KpiFilter {
  van: string; tot: string;
  wet?: string | undefined; kernId?: string | undefined; wijkId?: string | undefined; nietWijkId?: string | undefined;
  teamId?: string | undefined; regisseurId?: string | undefined; productId?: string | undefined;
  /** The aanbieder's id (inkoop): the provider the voorziening is delivered by. */
  aanbieder?: string | undefined;
  bekostiging?: string | undefined; stap?: string | undefined;
  /** The wijken of `kernId`, looked up once per computation (`metKernWijken`); not part of the question. */
  kernWijken?: readonly string[] | undefined;
}
export interface GroepRij { sleutel: string | null; teller: number; noemer: number }

/*
 * For the DuckDB cross-check (bench, H6): the three main strategic KPIs in plain SQL over the fact
 * TABLES, for gemeente $g and the period $van..$tot (dates, inclusive), without any filter. The
 * API's figure (teller, noemer) equals these; referentie.ts holds the same as the engine runs it.
 *
 * 1. aandeel-meldingen-naar-maatwerk (casus_maatwerk is "has a (partly) granted product"):
 *      select count(*) filter (where exists (
 *               select 1 from aanvragen a join beschikkingen b on b.aanvraag_id = a.id
 *                 join beschikking_producten bp on bp.beschikking_id = b.id
 *               where a.casus_id = m.casus_id and bp.uitkomst <> 'afgewezen')) as teller,
 *             count(*) as noemer
 *      from meldingen m where m.gemeente_id = $g and m.ontvangen_op between $van and $tot;
 *
 * 2. aandeel-maatwerk-met-gesprek (per (partly) granted product decided in the period):
 *      select count(*) filter (where exists (
 *               select 1 from gesprekken gs where gs.casus_id = a.casus_id
 *                 and gs.datum <= (b.besloten_op at time zone 'Europe/Amsterdam')::date)) as teller,
 *             count(*) as noemer
 *      from beschikking_producten bp join beschikkingen b on b.id = bp.beschikking_id
 *        join aanvraag_producten ap on ap.id = bp.aanvraag_product_id join aanvragen a on a.id = b.aanvraag_id
 *      where bp.gemeente_id = $g and bp.uitkomst <> 'afgewezen'
 *        and (b.besloten_op at time zone 'Europe/Amsterdam')::date between $van and $tot;
 *
 * 3. kosten-per-inwoner (euros, pro rata per day; the teller is summed from whole euros per month):
 *      select sum(k) as teller, (select count(*) from personen p where p.gemeente_id = $g) as noemer from (
 *        select round(sum(v.jaarbedrag_cents / 100.0 / 365.0
 *                 * (least(m.eind, $tot, v.eind) - greatest(m.begin, $van, v.begin) + 1))) as k
 *        from voorziening_feiten v
 *          join (select d::date as begin, (d + interval '1 month' - interval '1 day')::date as eind
 *                from generate_series(date_trunc('month', $van::date), $tot::date, interval '1 month') d) m
 *            on v.begin <= least(m.eind, $tot) and v.eind >= greatest(m.begin, $van)
 *        where v.gemeente_id = $g group by m.begin) per_maand;
 *    (voorziening_feiten: one row per voorziening with at least one day, begin .. coalesce(beeindigd_op,
 *    eind, 'infinity'), kept by triggers on voorzieningen — migration 0028, ADR 0035.)
 */

const NL = sql`'Europe/Amsterdam'`;
/** The months of the period as plain dates (first and last day), passed in instead of a time-zone-aware generate_series. */
const maandBegins = (f: KpiFilter) => maanden(f.van, f.tot).map((m) => `${m}-01`);
const maandEindes = (f: KpiFilter) => maanden(f.van, f.tot).map(laatsteDag);
const opDag = (moment: RawBuilder<unknown>) => sql`(${moment} at time zone ${NL})::date`;
/** A moment within the period's Amsterdam days, as a range the index on the moment can use. */
const momentIn = (moment: RawBuilder<unknown>, f: KpiFilter) =>
  sql`${moment} >= (${f.van}::date::timestamp at time zone ${NL}) and ${moment} < ((${f.tot}::date + 1)::timestamp at time zone ${NL})`;
/** The law of a casus: that of its first melding. */
const casusWet = (casus: RawBuilder<unknown>) => sql`(select mw.wet from meldingen mw where mw.casus_id = ${casus} order by mw.ontvangen_op, mw.id limit 1)`;

/*
 * Every fact source yields: datum, wet, wijk_id, team_id, regisseur_id, product_id, aanbieder (the
 * aanbieder's id), bekostiging, stap, casus_id, persoon_id, ref (the number a person recognises), t (what the row adds to the
 * teller) and n (what it adds to the noemer). Sources that are a stand (momentopname) take the
 * last day of the period as their peildatum.
 */
const leeg = sql`null::uuid as product_id, null::uuid as aanbieder, null::text as bekostiging, null::text as stap`;
const casusKolommen = sql`c.wijk_id, g.team_id, c.regisseur_id`;

/**
 * The correction rows of ADR 40, from a source of provisions with the columns of voorziening_feiten
 * (the facts here; the reference builds the same from voorzieningen). Same columns as the provision
 * source, `eind` and `jaar_cents` included, so the two can be one union.
 */
export function declaratieCorrecties(f: KpiFilter, voorzieningenBron: RawBuilder<unknown>) {
  return sql`
    select x.b as datum, x.wet, x.wijk_id, g.team_id, c.regisseur_id, x.product_id, x.aanbieder_id as aanbieder, x.bekostiging, null::text as stap,
      x.casus_id, x.persoon_id, x.ref,
      x.cents / 100.0 * (x.e - x.b + 1) / (x.ve - x.vb + 1) - x.jaarbedrag_cents / 100.0 / 365.0 * (x.e - x.b + 1) as t,
      0 as n, x.b as eind, 0::bigint as jaar_cents
    from (
      select v.*, d.cents,
        greatest(d.maand, v.begin) as vb, least((d.maand + interval '1 month' - interval '1 day')::date, v.eind) as ve,
        greatest(d.maand, v.begin, ${f.van}::date) as b, least((d.maand + interval '1 month' - interval '1 day')::date, v.eind, ${f.tot}::date) as e
      from (
        select p.voorziening_id, date_trunc('month', p.periode_begin)::date as maand, sum(p.toegekend_cents) as cents
        from prestaties p
        where p.goedgekeurd and p.voorziening_id is not null
          and p.periode_begin >= date_trunc('month', ${f.van}::date)::date and p.periode_begin <= ${f.tot}::date
        group by 1, 2) d
      join (${voorzieningenBron}) v on v.voorziening_id = d.voorziening_id) x
      left join casussen c on c.id = x.casus_id left join gebruikers g on g.id = c.regisseur_id
    where x.e >= x.b and x.ve >= x.vb`;
}

const bronnen = {
  meldingen: (_f: KpiFilter, maatwerk: boolean) => sql`
    select m.ontvangen_op as datum, m.wet, m.wijk_id, g.team_id, c.regisseur_id, ${leeg}, m.casus_id, m.persoon_id, m.nummer as ref,
      ${maatwerk ? sql`(cm.casus_id is not null)::int` : sql`1`} as t, 1 as n
    from meldingen m left join casussen c on c.id = m.casus_id left join gebruikers g on g.id = c.regisseur_id
      ${maatwerk ? sql`left join casus_maatwerk cm on cm.casus_id = m.casus_id` : sql``}`,
  /**
   * Per (partly) granted product decided in the period (besluit_feiten, migration 0022): was there a conversation on or before that day?
   * Its aanbieder and bekostiging are those of the voorziening made of it when the decision was sent (none before).
   */
  besluiten: (f: KpiFilter) => sql`
    select bf.besloten as datum, bf.wet, bf.wijk_id, g.team_id, c.regisseur_id, bf.product_id, vz.aanbieder_id as aanbieder, vz.bekostiging, null::text as stap,
      bf.casus_id, a.persoon_id, bf.ref, coalesce((cg.eerste_gesprek <= bf.besloten)::int, 0) as t, 1 as n
    from besluit_feiten bf left join casussen c on c.id = bf.casus_id left join gebruikers g on g.id = c.regisseur_id
      left join aanvragen a on a.id = bf.aanvraag_id left join voorzieningen vz on vz.beschikking_product_id = bf.beschikking_product_id
      left join casus_gesprek_feiten cg on cg.casus_id = bf.casus_id
    where bf.besloten between ${f.van}::date and ${f.tot}::date`,
  aanvragen: () => sql`
    select a.ontvangen_op as datum, (select min(ap.wet) from aanvraag_producten ap where ap.aanvraag_id = a.id) as wet, ${casusKolommen}, ${leeg},
      a.casus_id, a.persoon_id, a.nummer as ref, 1 as t, 1 as n
    from aanvragen a left join casussen c on c.id = a.casus_id left join gebruikers g on g.id = c.regisseur_id
    where a.bron <> 'herziening'`,
  /**
   * Voorzieningen running in the period (voorziening_feiten, kept by triggers on voorzieningen:
   * begin .. the effective end), with what they cost in it (euros, pro rata per day) as `t` and the
   * months they run in it as `n`. Per month (for a series) each provision is spread over its
   * months; otherwise one row each.
   */
  voorzieningen: (f: KpiFilter, perMaand: boolean) => {
    const begin = perMaand ? sql`greatest(mnd.begin, ${f.van}::date, v.begin)` : sql`greatest(${f.van}::date, v.begin)`;
    const eind = perMaand ? sql`least(mnd.eind, ${f.tot}::date, v.eind)` : sql`least(${f.tot}::date, v.eind)`;
    return sql`
    select ${begin} as datum, v.wet, v.wijk_id, g.team_id, c.regisseur_id, v.product_id, v.aanbieder_id as aanbieder, v.bekostiging, null::text as stap,
      v.casus_id, v.persoon_id, v.ref,
      v.jaarbedrag_cents / 100.0 / 365.0 * (${eind} - ${begin} + 1) as t,
      ${perMaand ? sql`1` : sql`(extract(year from ${eind}) * 12 + extract(month from ${eind})) - (extract(year from ${begin}) * 12 + extract(month from ${begin})) + 1`} as n,
      ${eind} as eind, v.jaarbedrag_cents as jaar_cents
    from voorziening_feiten v
      ${perMaand ? sql`join unnest(${maandBegins(f)}::date[], ${maandEindes(f)}::date[]) as mnd(begin, eind) on v.begin <= mnd.eind and v.eind >= mnd.begin` : sql``}
      left join casussen c on c.id = v.casus_id left join gebruikers g on g.id = c.regisseur_id
    where v.begin <= ${f.tot}::date and v.eind >= ${f.van}::date`;
  },
  /**
   * ADR 40: per voorziening and month with approved declarations, the approved money of that month
   * minus the estimate for it. Added to the estimates above, a cost figure counts real money where a
   * provider declared and the decision's estimate elsewhere. A month cut by the period counts the
   * approved money pro rata over the voorziening's days in it. `n` is 0: no extra provision-month.
   */
  declaraties: (f: KpiFilter) => declaratieCorrecties(f, sql`select * from voorziening_feiten`),
  /**
   * Per finished term its fact (migration 0036): day, law, kind, outcome, casus and the casus's wijk
   * in one index, so a law or kern filters before any join; melding, aanvraag, casus and team are
   * joined only for what a question reads (PostgreSQL drops an unused left join on a key).
   */
  termijnen: () => sql`
    select tf.afgerond as datum, tf.wet, tf.wijk_id, g.team_id, c.regisseur_id, null::uuid as product_id, null::uuid as aanbieder, null::text as bekostiging, tf.soort as stap,
      tf.casus_id, coalesce(m.persoon_id, a.persoon_id) as persoon_id, coalesce(m.nummer, a.nummer) as ref,
      tf.binnen::int as t, 1 as n
    from termijn_feiten tf left join meldingen m on m.id = tf.melding_id left join aanvragen a on a.id = tf.aanvraag_id
      left join casussen c on c.id = tf.casus_id left join gebruikers g on g.id = c.regisseur_id`,
  verlopenTermijnen: (f: KpiFilter) => sql`
    select ${f.tot}::date as datum, t.wet, coalesce(c.wijk_id, m.wijk_id) as wijk_id, g.team_id, c.regisseur_id, null::uuid as product_id, null::uuid as aanbieder,
      null::text as bekostiging, t.soort as stap,
      c.id as casus_id, coalesce(m.persoon_id, a.persoon_id) as persoon_id, coalesce(m.nummer, a.nummer) as ref, 1 as t, 1 as n
    from termijnen t left join meldingen m on m.id = t.melding_id left join aanvragen a on a.id = t.aanvraag_id
      left join casussen c on c.id = coalesce(m.casus_id, a.casus_id) left join gebruikers g on g.id = c.regisseur_id
    -- Overdue on the last day of the period: past its last day and not finished by then (a suspended term's clock stands still).
    where t.startdatum <= ${f.tot}::date and t.uiterste_datum < ${f.tot}::date
      and (t.afgerond_op > ${f.tot}::date or (t.afgerond_op is null and t.status <> 'opgeschort'))`,
  tevredenheid: () => sql`
    select tv.datum, ${casusWet(sql`tv.casus_id`)} as wet, ${casusKolommen}, ${leeg}, tv.casus_id, null::uuid as persoon_id, c.nummer as ref,
      tv.goed_geholpen::int as t, 1 as n
    from tevredenheid tv left join casussen c on c.id = tv.casus_id left join gebruikers g on g.id = c.regisseur_id`,
  gesloten: (f: KpiFilter) => sql`
    select ${opDag(sql`c.gesloten_op`)} as datum, ${casusWet(sql`c.id`)} as wet, ${casusKolommen}, ${leeg}, c.id as casus_id, null::uuid as persoon_id, c.nummer as ref, 1 as t, 1 as n
    from casussen c left join gebruikers g on g.id = c.regisseur_id
    where c.gesloten_op is not null and ${momentIn(sql`c.gesloten_op`, f)}`,
  lopend: (f: KpiFilter) => sql`
    select ${f.tot}::date as datum, ${casusWet(sql`c.id`)} as wet, ${casusKolommen}, ${leeg}, c.id as casus_id, null::uuid as persoon_id, c.nummer as ref, 1 as t, 1 as n
    from casussen c left join gebruikers g on g.id = c.regisseur_id
    where ${opDag(sql`c.geopend_op`)} <= ${f.tot}::date and (c.gesloten_op is null or ${opDag(sql`c.gesloten_op`)} > ${f.tot}::date)`,
  /**
   * Per evaluation: the sum of (score now − score at the first conversation) over the domains
   * scored both times, and how many — stored per evaluation when it is recorded (zrm_feiten,
   * migration 0021), only for evaluations sharing a scored domain with the first conversation.
   */
  zrm: () => sql`
    select z.datum, ${casusWet(sql`z.casus_id`)} as wet, ${casusKolommen}, ${leeg}, z.casus_id, null::uuid as persoon_id, c.nummer as ref,
      z.verschil as t, z.aantal as n
    from zrm_feiten z left join casussen c on c.id = z.casus_id left join gebruikers g on g.id = c.regisseur_id`,
};
/** The shape of the fact sources; `referentie.ts` keeps the pre-0029 definitions for the tests. */
export type Bronnen = typeof bronnen;

interface Berekening {
  /** `perMaand`: the rows are grouped per month (a source that spans months spreads itself). */
  bron: (f: KpiFilter, perMaand: boolean) => RawBuilder<unknown>;
  /** Aggregates over the rows `f`; default sum(f.t) and sum(f.n). */
  teller?: RawBuilder<unknown>;
  noemer?: RawBuilder<unknown>;
  /** The noemer is the number of residents of the area (cost per resident). */
  noemerInwoners?: boolean;
  /** A monthly series from starts and ends per month instead of a row per provision per month. */
  perMaandUitLooptijden?: (m: { maanden: number; kosten: number }) => number;
  /** Rows added to that monthly series per month (the declaration corrections of ADR 40). */
  correcties?: (f: KpiFilter) => RawBuilder<unknown>;
  /** The provisions the monthly series counts from, when `bron` adds other rows to them. */
  looptijdBron?: (f: KpiFilter, perMaand: boolean) => RawBuilder<unknown>;
  /**
   * The monthly series only: the noemer per month is the distinct persons with a provision running
   * in it (from each person's running months merged), not a sum. The total and the comparisons per
   * group keep `teller` and `noemer` over the whole period: not additive.
   */
  personenPerMaand?: true;
}

const telAlles = sql`count(*)`;
/** Cost (ADR 40): the estimate of every provision running, corrected to the approved money where declared. */
const kosten = (bronnen: Bronnen) => (f: KpiFilter, perMaand: boolean) => sql`${bronnen.voorzieningen(f, perMaand)} union all ${bronnen.declaraties(f)}`;
const berekeningenUit = (bronnen: Bronnen): Record<string, Berekening> => ({
  'aandeel-meldingen-naar-maatwerk': { bron: (f) => bronnen.meldingen(f, true) },
  'nieuwe-meldingen': { bron: (f) => bronnen.meldingen(f, false) },
  'aandeel-maatwerk-met-gesprek': { bron: bronnen.besluiten },
  'aandeel-goed-geholpen': { bron: bronnen.tevredenheid },
  'verandering-aanvragen': { bron: bronnen.aanvragen, teller: telAlles, noemer: telAlles },
  'verandering-voorzieningen': { bron: bronnen.voorzieningen, teller: sql`sum(f.n)`, noemer: sql`sum(f.n)`, perMaandUitLooptijden: (m) => m.maanden },
  'kosten-per-inwoner': { bron: kosten(bronnen), teller: sql`round(sum(f.t))`, noemerInwoners: true, perMaandUitLooptijden: (m) => Math.round(m.kosten), correcties: bronnen.declaraties, looptijdBron: bronnen.voorzieningen },
  'kosten-per-client': {
    bron: kosten(bronnen), teller: sql`round(sum(f.t))`, noemer: sql`count(distinct f.persoon_id)`,
    perMaandUitLooptijden: (m) => Math.round(m.kosten), correcties: bronnen.declaraties, looptijdBron: bronnen.voorzieningen, personenPerMaand: true,
  },
  'termijnen-binnen-termijn': { bron: bronnen.termijnen },
  'verlopen-termijnen': { bron: bronnen.verlopenTermijnen },
  'lopende-casussen': { bron: bronnen.lopend },
  'gesloten-casussen': { bron: bronnen.gesloten },
  'zrm-verandering': { bron: bronnen.zrm },
  'caseload-per-regisseur': { bron: bronnen.lopend, teller: telAlles, noemer: sql`count(distinct f.regisseur_id)` },
});
const berekeningen = berekeningenUit(bronnen);

/** Group keys on the raw column (cheap per row); turned into text once per group. */
const groepen: Record<Dimensie, RawBuilder<unknown>> = {
  periode: sql`(f.datum - extract(day from f.datum)::int + 1)`, wet: sql`f.wet`, kern: sql`w.kern_id`, wijk: sql`f.wijk_id`, team: sql`f.team_id`,
  regisseur: sql`f.regisseur_id`, product: sql`f.product_id`, aanbieder: sql`f.aanbieder`, bekostiging: sql`f.bekostiging`, stap: sql`f.stap`,
};
const alsTekst = (per: Dimensie | undefined) => (per === 'periode' ? sql`to_char(x.sleutel::timestamp, 'YYYY-MM')` : sql`x.sleutel::text`);

function waar(f: KpiFilter, momentopname: boolean) {
  const c: RawBuilder<unknown>[] = [];
  if (!momentopname) c.push(sql`f.datum between ${f.van}::date and ${f.tot}::date`);
  if (f.wet) c.push(sql`f.wet = ${f.wet}`);
  // The kern as its wijken (a plain array condition): PostgreSQL pushes it into every fact source
  // of a union down to the scan, where `w.kern_id` after the join filtered only at the end
  // (kosten-per-client in one kern at 900,000 residents: 864,113 provision-months joined, then 108,787 kept).
  if (f.kernId) c.push(f.kernWijken ? sql`f.wijk_id = any(${f.kernWijken}::uuid[])` : sql`w.kern_id = ${f.kernId}::uuid`);
  if (f.wijkId) c.push(sql`f.wijk_id = ${f.wijkId}::uuid`);
  if (f.nietWijkId) c.push(sql`f.wijk_id is distinct from ${f.nietWijkId}::uuid`);
  if (f.teamId) c.push(sql`f.team_id = ${f.teamId}::uuid`);
  if (f.regisseurId) c.push(sql`f.regisseur_id = ${f.regisseurId}::uuid`);
  if (f.productId) c.push(sql`f.product_id = ${f.productId}::uuid`);
  if (f.aanbieder) c.push(sql`f.aanbieder = ${f.aanbieder}::uuid`);
  if (f.bekostiging) c.push(sql`f.bekostiging = ${f.bekostiging}`);
  if (f.stap) c.push(sql`f.stap = ${f.stap}`);
  return c.length ? sql`where ${sql.join(c, sql` and `)}` : sql``;
}

/** Residents of the filtered area, in total or per wijk or kern (the noemer of cost per resident). */
async function inwoners(tx: Tx, f: KpiFilter, per?: 'wijk' | 'kern'): Promise<Map<string | null, number>> {
  const sleutel = per === 'wijk' ? sql`p.wijk_id::text` : per === 'kern' ? sql`w.kern_id::text` : sql`null`;
  const r = await sql<{ sleutel: string | null; n: number }>`
    select ${sleutel} as sleutel, count(*)::int as n from personen p left join wijken w on w.id = p.wijk_id
    where true ${f.wijkId ? sql`and p.wijk_id = ${f.wijkId}::uuid` : sql``} ${f.kernId ? sql`and w.kern_id = ${f.kernId}::uuid` : sql``}
      ${f.nietWijkId ? sql`and p.wijk_id is distinct from ${f.nietWijkId}::uuid` : sql``}
    group by 1`.execute(tx);
  return new Map(r.rows.map((x) => [x.sleutel, Number(x.n)]));
}

/**
 * Teller and noemer of a KPI, in total (`per` undefined) or per group: per month ('periode') or
 * per value of a dimension. Aggregates only: no row leaves the database.
 */
export async function kpiGroepen(tx: Tx, id: string, f: KpiFilter, momentopname: boolean, per?: Dimensie, referentie?: Bronnen): Promise<GroepRij[]> {
  const b = (referentie ? berekeningenUit(referentie) : berekeningen)[id];
  if (!b) throw new Error(`Geen berekening voor KPI ${id}`);
  if (referentie) return groepenVan(tx, b, f, momentopname, per);
  const voor = await feitenversie(tx);
  if (!voor.bewaarbaar) return groepenVan(tx, b, f, momentopname, per);
  const sleutel = JSON.stringify([voor.gemeente, voor.versie, id, momentopname, per ?? null, f.van, f.tot, f.wet, f.kernId, f.wijkId, f.nietWijkId, f.teamId, f.regisseurId, f.productId, f.aanbieder, f.bekostiging, f.stap]
    .map((x) => x ?? null));
  const bewaard = geheugen.get(sleutel);
  if (bewaard) {
    geheugen.delete(sleutel);
    geheugen.set(sleutel, bewaard);
    return bewaard.map((r) => ({ ...r }));
  }
  const rijen = await groepenVan(tx, b, f, momentopname, per);
  // Kept only if no change to the facts was committed while computing (each statement has its own snapshot).
  if ((await feitenversie(tx)).versie === voor.versie) {
    geheugen.set(sleutel, rijen.map((r) => ({ ...r })));
    if (geheugen.size > GEHEUGEN_MAX) geheugen.delete(geheugen.keys().next().value!);
  }
  return rijen;
}

/**
 * Figures computed before, per (gemeente, facts version, question), least recently used first.
 * Exact and live: every transaction that changes a fact raises its gemeente's version at commit
 * (migration 0021), so a figure of an older version is never served again; it ages out.
 */
const geheugen = new Map<string, GroepRij[]>();
const GEHEUGEN_MAX = 5000;

/**
 * The gemeente's committed facts version, read under its row-level security. Not to be stored
 * when this transaction has written anything itself (it would see its own uncommitted facts
 * under the old version): then it has a transaction id.
 */
async function feitenversie(tx: Tx): Promise<{ gemeente: string; versie: string; bewaarbaar: boolean }> {
  const r = await sql<{ gemeente: string | null; versie: string; schoon: boolean }>`
    select (select app_gemeente())::text as gemeente, coalesce((select v.versie from sturing_versie v where v.gemeente_id = (select app_gemeente())), 0)::text as versie,
      pg_current_xact_id_if_assigned() is null as schoon`.execute(tx);
  const x = r.rows[0]!;
  return { gemeente: x.gemeente ?? '', versie: x.versie, bewaarbaar: x.schoon && x.gemeente !== null };
}

/** Empties the memory of computed figures (tests that compare a cold computation). */
export const vergeetBerekend = () => geheugen.clear();
/** How many computed figures are in memory (tests: the API's own requests do fill it). */
export const aantalBerekend = () => geheugen.size;

/** The filter with the wijken of its kern, so `waar` can filter on the wijk column of the facts. */
async function metKernWijken(tx: Tx, f: KpiFilter): Promise<KpiFilter> {
  if (!f.kernId || f.kernWijken) return f;
  const r = await tx.selectFrom('wijken').select('id').where('kern_id', '=', f.kernId).execute();
  return { ...f, kernWijken: r.map((w) => w.id) };
}

async function groepenVan(tx: Tx, b: Berekening, filter: KpiFilter, momentopname: boolean, per?: Dimensie): Promise<GroepRij[]> {
  const f = await metKernWijken(tx, filter);
  if (per && b.perMaandUitLooptijden && (per === 'periode' || !b.personenPerMaand)) return uitLooptijdenPerGroep(tx, b, b.perMaandUitLooptijden, f, per);
  const sleutel = per ? groepen[per] : sql`null`;
  const r = await sql<{ sleutel: string | null; teller: string | number; noemer: string | number | null }>`
    select ${alsTekst(per)} as sleutel, x.teller, x.noemer from (
      select ${sleutel} as sleutel, coalesce(${b.teller ?? sql`sum(f.t)`}, 0) as teller,
        ${b.noemerInwoners ? sql`null` : sql`coalesce(${b.noemer ?? sql`sum(f.n)`}, 0)`} as noemer
      from (${b.bron(f, per === 'periode')}) f left join wijken w on w.id = f.wijk_id
      ${waar(f, momentopname)}
      ${per ? sql`group by 1` : sql``}) x
    order by 1`.execute(tx);
  // Cost per resident: per area its own residents, otherwise all residents of the filtered area.
  const perGebied = per === 'wijk' || per === 'kern' ? per : undefined;
  const bewoners = b.noemerInwoners ? await inwoners(tx, f, perGebied) : null;
  const noemerVan = (rij: { sleutel: string | null; noemer: string | number | null }) =>
    bewoners ? (bewoners.get(perGebied ? rij.sleutel : null) ?? 0) : Number(rij.noemer ?? 0);
  const rijen = r.rows.map((rij) => ({ sleutel: rij.sleutel, teller: Number(rij.teller), noemer: noemerVan(rij) }));
  if (!per && rijen.length === 0) rijen.push({ sleutel: null, teller: 0, noemer: noemerVan({ sleutel: null, noemer: 0 }) });
  return rijen;
}

/**
 * A KPI counted from the provisions' running periods, per month or per group. Per group the
 * teller is the sum of that group's months, each as the KPI rounds it: the same arithmetic as
 * the total filtered to that group (a kern's row in the comparison per kern is the kern's own
 * figure, to the euro; one rounding over the whole period differed by a euro now and then).
 */
async function uitLooptijdenPerGroep(
  tx: Tx, b: Berekening, uitLooptijden: (m: { maanden: number; kosten: number }) => number, f: KpiFilter, per: Dimensie,
): Promise<GroepRij[]> {
  const groep = per === 'periode' ? undefined : per;
  const correctie = b.correcties ? await correctiesPerMaand(tx, b.correcties, f, groep) : new Map<string, { sleutel: string | null; t: number }>();
  // A group with only corrections in the period (its provisions ended before it) still has its money.
  const perMaand = await voorzieningenPerMaand(tx, b, f, groep, [...correctie.values()].map((c) => c.sleutel));
  const perGebied = groep === 'wijk' || groep === 'kern' ? groep : undefined;
  const bewoners = b.noemerInwoners ? await inwoners(tx, f, perGebied) : null;
  const personen = b.personenPerMaand && !groep ? await personenPerMaand(tx, b, f) : null;
  const rijen = new Map<string | null, GroepRij>();
  for (const m of perMaand) {
    const teller = uitLooptijden({ ...m, kosten: m.kosten + (correctie.get(groepMaand(m.sleutel, m.maand))?.t ?? 0) });
    const sleutel = groep ? m.sleutel : m.maand;
    const rij = rijen.get(sleutel) ?? { sleutel, teller: 0, noemer: 0 };
    rij.teller += teller;
    rij.noemer = bewoners ? (bewoners.get(perGebied ? sleutel : null) ?? 0) : personen ? (personen.get(m.maand) ?? 0) : rij.noemer + teller;
    rijen.set(sleutel, rij);
  }
  const uit = [...rijen.values()];
  // The order of the SQL path (`order by` the key as text, empty last).
  const volgorde = (x: string | null) => x ?? '\uffff';
  return groep ? uit.sort((x, y) => (volgorde(x.sleutel) < volgorde(y.sleutel) ? -1 : volgorde(x.sleutel) > volgorde(y.sleutel) ? 1 : 0)) : uit;
}
const groepMaand = (sleutel: string | null, maand: string) => JSON.stringify([sleutel, maand]);

/** The first day of a date's month, as a date (date_part is a double; extract a numeric, slower per row). */
const eersteVanMaand = (d: RawBuilder<unknown>) => sql`(${d} - date_part('day', ${d})::int + 1)`;

/**
 * Provision-months and cost per month of the period without a row per provision per month: per
 * month the provisions that start and end in it (aggregated in PostgreSQL), then a running sum.
 * Running in month m = started up to m minus ended before m; cost(m) = days(m) × the daily
 * amounts running − the days before a start and after an end within m. With `per`, one such
 * series per value of that dimension (the groups' series add up to the whole).
 */
async function voorzieningenPerMaand(tx: Tx, b: Berekening, f: KpiFilter, per?: Exclude<Dimensie, 'periode'>, ookSleutels: (string | null)[] = []):
Promise<{ sleutel: string | null; maand: string; maanden: number; kosten: number }[]> {
  // Money in whole cents per year until the last step: per month the sums of jaarbedrag_cents and of
  // jaarbedrag_cents × days are exact integers; one division by 36,500 makes euros (a division per
  // row in numeric cost twice the time and rounded every row). One pass over the provisions, both
  // groupings at once (grouping sets).
  const r = await sql<{ start: boolean; sleutel: string | null; maand: string; aantal: string; cents: string; correctie: string }>`
    select grouping(x.me) = 1 as start, x.k as sleutel, to_char(coalesce(x.mb, x.me)::timestamp, 'YYYY-MM') as maand, count(*) as aantal,
      sum(x.c) as cents,
      case when grouping(x.me) = 1 then sum(x.c * (x.b - greatest(x.mb, ${f.van}::date)))
           else sum(x.c * (least((x.me + interval '1 month' - interval '1 day')::date, ${f.tot}::date) - x.e)) end as correctie
    from (
      select a.b, a.e, a.c, a.k, ${eersteVanMaand(sql`a.b`)} as mb, ${eersteVanMaand(sql`a.e`)} as me from (
        select f.datum as b, f.eind as e, f.jaar_cents as c, ${per ? sql`${groepen[per]}::text` : sql`null::text`} as k
        from (${(b.looptijdBron ?? b.bron)(f, false)}) f left join wijken w on w.id = f.wijk_id ${waar(f, false)}) a
    ) x
    group by grouping sets ((x.k, x.mb), (x.k, x.me))`.execute(tx);
  const leeg = { aantal: 0, cents: 0, correctie: 0 };
  const sleutels = new Map<string | null, { starts: Map<string, typeof leeg>; eindes: Map<string, typeof leeg> }>();
  for (const k of per ? ookSleutels : [null]) sleutels.set(k, { starts: new Map(), eindes: new Map() });
  for (const x of r.rows) {
    const s = sleutels.get(x.sleutel) ?? { starts: new Map(), eindes: new Map() };
    sleutels.set(x.sleutel, s);
    (x.start ? s.starts : s.eindes).set(x.maand, { aantal: Number(x.aantal), cents: Number(x.cents), correctie: Number(x.correctie) });
  }
  const uit: { sleutel: string | null; maand: string; maanden: number; kosten: number }[] = [];
  for (const [sleutel, { starts, eindes }] of sleutels) {
    let lopend = 0;
    let centsPerJaar = 0;
    for (const maand of maanden(f.van, f.tot)) {
      const s = starts.get(maand) ?? leeg;
      const e = eindes.get(maand) ?? leeg;
      lopend += s.aantal;
      centsPerJaar += s.cents;
      const deel = maandBinnen(maand, f.van, f.tot);
      const dagen = Number(deel.tot.slice(8, 10)) - Number(deel.van.slice(8, 10)) + 1;
      uit.push({ sleutel, maand, maanden: lopend, kosten: (dagen * centsPerJaar - s.correctie - e.correctie) / 36_500 });
      lopend -= e.aantal;
      centsPerJaar -= e.cents;
    }
  }
  return uit;
}

/**
 * Per month of the period the distinct persons with a provision running in it, without a row per
 * provision per month: per person the running months of their provisions merged into islands
 * (a window over the provisions in order of their first month), then per month the islands that
 * start and end in it and a running count. A declaration correction belongs to a provision-month
 * already counted, so only the provisions are read.
 */
async function personenPerMaand(tx: Tx, b: Berekening, f: KpiFilter): Promise<Map<string, number>> {
  const r = await sql<{ soort: 'start' | 'eind'; maand: string; aantal: string }>`
    with a as (
      select f.persoon_id as p, ${eersteVanMaand(sql`f.datum`)} as mb, ${eersteVanMaand(sql`f.eind`)} as me
      from (${(b.looptijdBron ?? b.bron)(f, false)}) f left join wijken w on w.id = f.wijk_id ${waar(f, false)}
    ), v as (
      select p, mb, me, max(me) over (partition by p order by mb, me rows between unbounded preceding and 1 preceding) as tot_nu
      from a
    ), e as (
      select p, mb, me, count(*) filter (where tot_nu is null or mb > tot_nu) over (partition by p order by mb, me rows unbounded preceding) as eiland
      from v
    ), i as (
      select min(mb) as mb, max(me) as me from e group by p, eiland
    )
    select 'start' as soort, to_char(mb::timestamp, 'YYYY-MM') as maand, count(*) as aantal from i group by mb
    union all
    select 'eind', to_char(me::timestamp, 'YYYY-MM'), count(*) from i group by me`.execute(tx);
  const per = (soort: 'start' | 'eind') => new Map(r.rows.filter((x) => x.soort === soort).map((x) => [x.maand, Number(x.aantal)]));
  const starts = per('start');
  const eindes = per('eind');
  const uit = new Map<string, number>();
  let lopend = 0;
  for (const maand of maanden(f.van, f.tot)) {
    lopend += starts.get(maand) ?? 0;
    uit.set(maand, lopend);
    lopend -= eindes.get(maand) ?? 0;
  }
  return uit;
}

/** The declaration corrections (ADR 40) per month of the period (and group), in euros, under the same filter. */
async function correctiesPerMaand(tx: Tx, correcties: (f: KpiFilter) => RawBuilder<unknown>, f: KpiFilter, per?: Exclude<Dimensie, 'periode'>):
Promise<Map<string, { sleutel: string | null; t: number }>> {
  const r = await sql<{ sleutel: string | null; maand: string; t: string }>`
    select ${per ? sql`${groepen[per]}::text` : sql`null::text`} as sleutel, to_char(f.datum, 'YYYY-MM') as maand, sum(f.t) as t
    from (${correcties(f)}) f left join wijken w on w.id = f.wijk_id ${waar(f, false)} group by 1, 2`.execute(tx);
  return new Map(r.rows.map((x) => [groepMaand(x.sleutel, x.maand), { sleutel: x.sleutel, t: Number(x.t) }]));
}

export const heeftBerekening = (id: string) => id in berekeningen;

/**
 * Whether the total over a period follows from its months: 'som' when teller and noemer add up,
 * 'inwoners' when the teller adds up and the noemer is the residents (the same every month).
 */
export function isAdditief(id: string): 'som' | 'inwoners' | false {
  const b = berekeningen[id];
  if (!b) return false;
  const telt = (x: RawBuilder<unknown> | undefined) => x === undefined || x === telAlles;
  if (b.personenPerMaand) return false;
  if (b.perMaandUitLooptijden) return b.noemerInwoners ? 'inwoners' : 'som';
  if (b.noemerInwoners) return false;
  return telt(b.teller) && telt(b.noemer) ? 'som' : false;
}

export interface OnderliggendeRij { casusId: string | null; persoonId: string | null; ref: string; datum: string; wet: string | null; wijk: string | null; kern: string | null; telt: number; weegt: number }

/** The rows behind a figure (for roles that may see cases): the casus, its number, date, law and area, and what it adds. */
export async function onderliggend(
  tx: Tx, id: string, f: KpiFilter, momentopname: boolean, limiet: number,
  /** Only rows of households the asker may see: the one access rule (privacy) on the named column. */
  zichtbaar: (kolom: string) => Expression<SqlBool>,
): Promise<{ rijen: OnderliggendeRij[]; totaal: number }> {
  const b = berekeningen[id];
  if (!b) throw new Error(`Geen berekening voor KPI ${id}`);
  f = await metKernWijken(tx, f);
  // A row is about a casus or a person: its household is the casus's, else the person's.
  const r = await sql<{ casus_id: string | null; persoon_id: string | null; ref: string; datum: string; wet: string | null; wijk: string | null; kern: string | null; t: string; n: string; totaal: string }>`
    select f.casus_id, f.persoon_id, f.ref, to_char(f.datum, 'YYYY-MM-DD') as datum, f.wet, w.naam as wijk, k.naam as kern, f.t, f.n, count(*) over () as totaal
    from (select b0.* from (${b.bron(f, false)}) b0
            cross join lateral (select coalesce((select cz.huishouden_id from casussen cz where cz.id = b0.casus_id),
                                                (select pz.huishouden_id from personen pz where pz.id = b0.persoon_id)) as huishouden_id) hz
           where ${zichtbaar('hz.huishouden_id')}) f
      left join wijken w on w.id = f.wijk_id left join kernen k on k.id = w.kern_id
    ${waar(f, momentopname)}
    order by f.datum desc, f.ref limit ${limiet}`.execute(tx);
  return {
    totaal: Number(r.rows[0]?.totaal ?? 0),
    rijen: r.rows.map((x) => ({ casusId: x.casus_id, persoonId: x.persoon_id, ref: x.ref, datum: x.datum, wet: x.wet, wijk: x.wijk, kern: x.kern, telt: Math.round(Number(x.t) * 100) / 100, weegt: Number(x.n) })),
  };
}

/**
 * The persons a drill-down shows, for the audit trail: a row's own person, or — for a row about a
 * casus as a whole — every member of the casus's household (as reading a casus is audited).
 */
export async function personenAchterRijen(tx: Tx, rijen: readonly OnderliggendeRij[]): Promise<{ persoonId: string; ref: string }[]> {
  const uit = new Map<string, string>();
  for (const r of rijen) if (r.persoonId && !uit.has(r.persoonId)) uit.set(r.persoonId, r.ref);
  const casussen = [...new Set(rijen.filter((r) => !r.persoonId && r.casusId).map((r) => r.casusId!))];
  if (casussen.length > 0) {
    const leden = await sql<{ persoon_id: string; casus_id: string }>`
      select p.id as persoon_id, c.id as casus_id from casussen c join personen p on p.huishouden_id = c.huishouden_id
      where c.id = any(${casussen}::uuid[])`.execute(tx);
    const ref = new Map(rijen.map((r) => [r.casusId, r.ref]));
    for (const l of leden.rows) if (!uit.has(l.persoon_id)) uit.set(l.persoon_id, ref.get(l.casus_id) ?? '');
  }
  return [...uit].map(([persoonId, r]) => ({ persoonId, ref: r }));
}

/** Names for the keys of a dimension, so a breakdown shows "Wijkteam Noord" instead of an id. */
export async function namen(tx: Tx, per: Dimensie, sleutels: string[]): Promise<Map<string, string>> {
  if (per === 'bekostiging') return new Map(Object.entries(bekostigingNaam));
  const ids = sleutels.filter((s) => /^[0-9a-f-]{36}$/.test(s));
  if (ids.length === 0) return new Map();
  const tabel = { kern: 'kernen', wijk: 'wijken', team: 'teams', regisseur: 'gebruikers', product: 'catalogus_items', aanbieder: 'aanbieders' } as const;
  const t = (tabel as Partial<Record<Dimensie, string>>)[per];
  if (!t) return new Map();
  const r = await sql<{ id: string; naam: string }>`select id::text, naam from ${sql.table(t)} where id = any(${ids}::uuid[])`.execute(tx);
  return new Map(r.rows.map((x) => [x.id, x.naam]));
}

export async function wijkMetKern(tx: Tx, id: string): Promise<{ id: string; naam: string; kern: string } | undefined> {
  return tx.selectFrom('wijken as w').innerJoin('kernen as k', 'k.id', 'w.kern_id').select(['w.id', 'w.naam', 'k.naam as kern']).where('w.id', '=', id).executeTakeFirst();
}

export async function normen(tx: Tx): Promise<Record<string, { norm: number; marge?: number; peildatum?: string }>> {
  const r = await tx.selectFrom('gemeente_instellingen').select('waarde').where('sleutel', '=', 'kpi-normen').executeTakeFirst();
  return (r?.waarde as Record<string, { norm: number; marge?: number; peildatum?: string }> | undefined) ?? {};
}

export async function bewaarNormen(tx: Tx, gemeenteId: string, waarde: Record<string, { norm: number; marge?: number; peildatum?: string }>, door: string | null): Promise<void> {
  await tx.insertInto('gemeente_instellingen').values({ gemeente_id: gemeenteId, sleutel: 'kpi-normen', waarde: JSON.stringify(waarde), gewijzigd_door: door })
    .onConflict((oc) => oc.columns(['gemeente_id', 'sleutel']).doUpdateSet({ waarde: JSON.stringify(waarde), gewijzigd_door: door, gewijzigd_op: new Date() })).execute();
}

export async function insertTevredenheid(tx: Tx, t: { gemeenteId: string; casusId: string; datum: string; goedGeholpen: boolean; cijfer: number | null; toelichting: string | null; door: string | null }): Promise<string> {
  return (await tx.insertInto('tevredenheid').values({
    gemeente_id: t.gemeenteId, casus_id: t.casusId, datum: t.datum, goed_geholpen: t.goedGeholpen, cijfer: t.cijfer, toelichting: t.toelichting, geregistreerd_door: t.door,
  }).returning('id').executeTakeFirstOrThrow()).id;
}
