import { sql, type RawBuilder } from 'kysely';
import { laatsteDag, maanden } from './rules.ts';
import { declaratieCorrecties, type Bronnen, type KpiFilter } from './store.ts';

/**
 * The KPI fact sources exactly as they were before ADR 0029 (issue 12): every fact looked up per
 * counted row (the first conversation per decided product, the ZRM scores joined per evaluation).
 * Since ADR 0035 the provisions are read from `voorzieningen` itself (effective period, aanbieder,
 * bekostiging), not from the facts the triggers keep. Not used by the app: the correctness test and
 * the bench compute every figure both ways and demand the same numbers, so the faster sources can
 * never drift from this definition.
 */
const NL = sql`'Europe/Amsterdam'`;
const maandBegins = (f: KpiFilter) => maanden(f.van, f.tot).map((m) => `${m}-01`);
const maandEindes = (f: KpiFilter) => maanden(f.van, f.tot).map(laatsteDag);
const opDag = (moment: RawBuilder<unknown>) => sql`(${moment} at time zone ${NL})::date`;
const momentIn = (moment: RawBuilder<unknown>, f: KpiFilter) =>
  sql`${moment} >= (${f.van}::date::timestamp at time zone ${NL}) and ${moment} < ((${f.tot}::date + 1)::timestamp at time zone ${NL})`;
const casusWet = (casus: RawBuilder<unknown>) => sql`(select mw.wet from meldingen mw where mw.casus_id = ${casus} order by mw.ontvangen_op, mw.id limit 1)`;
const leeg = sql`null::uuid as product_id, null::uuid as aanbieder, null::text as bekostiging, null::text as stap`;
const casusKolommen = sql`c.wijk_id, g.team_id, c.regisseur_id`;

export const referentieBronnen: Bronnen = {
  meldingen: (_f: KpiFilter, maatwerk: boolean) => sql`
    select m.ontvangen_op as datum, m.wet, m.wijk_id, g.team_id, c.regisseur_id, ${leeg}, m.casus_id, m.persoon_id, m.nummer as ref,
      ${maatwerk ? sql`(cm.casus_id is not null)::int` : sql`1`} as t, 1 as n
    from meldingen m left join casussen c on c.id = m.casus_id left join gebruikers g on g.id = c.regisseur_id
      ${maatwerk ? sql`left join casus_maatwerk cm on cm.casus_id = m.casus_id` : sql``}`,
  besluiten: (f: KpiFilter) => sql`
    select ${opDag(sql`b.besloten_op`)} as datum, ap.wet, ${casusKolommen}, ap.catalogus_item_id as product_id, vz.aanbieder_id as aanbieder, vz.bekostiging, null::text as stap,
      a.casus_id, a.persoon_id, b.nummer as ref,
      (exists (select 1 from gesprekken gs where gs.casus_id = a.casus_id and gs.datum <= ${opDag(sql`b.besloten_op`)}))::int as t, 1 as n
    from beschikking_producten bp join beschikkingen b on b.id = bp.beschikking_id join aanvraag_producten ap on ap.id = bp.aanvraag_product_id
      join aanvragen a on a.id = b.aanvraag_id left join casussen c on c.id = a.casus_id left join gebruikers g on g.id = c.regisseur_id
      left join voorzieningen vz on vz.beschikking_product_id = bp.id
    where bp.uitkomst <> 'afgewezen' and ${momentIn(sql`b.besloten_op`, f)}`,
  aanvragen: () => sql`
    select a.ontvangen_op as datum, (select min(ap.wet) from aanvraag_producten ap where ap.aanvraag_id = a.id) as wet, ${casusKolommen}, ${leeg},
      a.casus_id, a.persoon_id, a.nummer as ref, 1 as t, 1 as n
    from aanvragen a left join casussen c on c.id = a.casus_id left join gebruikers g on g.id = c.regisseur_id
    where a.bron <> 'herziening'`,
  /**
   * Voorzieningen running in the period, read from `voorzieningen` itself: begin .. the effective
   * end (beeindigd_op, else the granted end, else open), only those with at least one day; what
   * they cost in it (euros, pro rata per day) as `t` and the months they run in it as `n`. Per
   * month (for a series) each provision is spread over its months; otherwise one row each.
   */
  voorzieningen: (f: KpiFilter, perMaand: boolean) => {
    const begin = perMaand ? sql`greatest(mnd.begin, ${f.van}::date, v.begin)` : sql`greatest(${f.van}::date, v.begin)`;
    const eind = perMaand ? sql`least(mnd.eind, ${f.tot}::date, v.eind)` : sql`least(${f.tot}::date, v.eind)`;
    return sql`
    select ${begin} as datum, v.wet, v.wijk_id, g.team_id, c.regisseur_id, v.product_id, v.aanbieder, v.bekostiging, null::text as stap, v.casus_id, v.persoon_id, v.ref,
      v.jaarbedrag_cents / 100.0 / 365.0 * (${eind} - ${begin} + 1) as t,
      ${perMaand ? sql`1` : sql`(extract(year from ${eind}) * 12 + extract(month from ${eind})) - (extract(year from ${begin}) * 12 + extract(month from ${begin})) + 1`} as n,
      ${eind} as eind, v.jaarbedrag_cents as jaar_cents
    from (
      select vz.wet, cz.wijk_id, vz.catalogus_item_id as product_id, vz.aanbieder_id as aanbieder, vz.bekostiging, vz.casus_id, vz.persoon_id, vz.nummer as ref,
        vz.begin, coalesce(vz.beeindigd_op, vz.eind, 'infinity'::date) as eind, vz.jaarbedrag_cents
      from voorzieningen vz join casussen cz on cz.id = vz.casus_id
      where coalesce(vz.beeindigd_op, vz.eind, 'infinity'::date) >= vz.begin) v
      ${perMaand ? sql`join unnest(${maandBegins(f)}::date[], ${maandEindes(f)}::date[]) as mnd(begin, eind) on v.begin <= mnd.eind and v.eind >= mnd.begin` : sql``}
      left join casussen c on c.id = v.casus_id left join gebruikers g on g.id = c.regisseur_id
    where v.begin <= ${f.tot}::date and v.eind >= ${f.van}::date`;
  },
  /** ADR 40: the same corrections, against the provisions read from `voorzieningen` itself. */
  declaraties: (f: KpiFilter) => declaratieCorrecties(f, sql`
    select vz.id as voorziening_id, vz.wet, cz.wijk_id, vz.catalogus_item_id as product_id, vz.aanbieder_id, vz.bekostiging, vz.casus_id, vz.persoon_id, vz.nummer as ref,
      vz.begin, coalesce(vz.beeindigd_op, vz.eind, 'infinity'::date) as eind, vz.jaarbedrag_cents
    from voorzieningen vz join casussen cz on cz.id = vz.casus_id
    where coalesce(vz.beeindigd_op, vz.eind, 'infinity'::date) >= vz.begin`),
  termijnen: () => sql`
    select t.afgerond_op as datum, t.wet, c.wijk_id, g.team_id, c.regisseur_id, null::uuid as product_id, null::uuid as aanbieder, null::text as bekostiging, t.soort as stap,
      c.id as casus_id, coalesce(m.persoon_id, a.persoon_id) as persoon_id, coalesce(m.nummer, a.nummer) as ref,
      (t.status = 'afgerondBinnenTermijn')::int as t, 1 as n
    from termijnen t left join meldingen m on m.id = t.melding_id left join aanvragen a on a.id = t.aanvraag_id
      left join casussen c on c.id = coalesce(m.casus_id, a.casus_id) left join gebruikers g on g.id = c.regisseur_id
    where t.afgerond_op is not null`,
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
  /** Per evaluation: the sum of (score now − score at the first conversation) over the domains scored both times, and how many. */
  zrm: () => sql`
    select e.datum, ${casusWet(sql`e.casus_id`)} as wet, ${casusKolommen}, ${leeg}, e.casus_id, null::uuid as persoon_id, c.nummer as ref,
      v.verschil as t, v.aantal as n
    from gesprekken e left join casussen c on c.id = e.casus_id left join gebruikers g on g.id = c.regisseur_id
      cross join lateral (select i.id from gesprekken i where i.casus_id = e.casus_id and (i.datum, i.id) < (e.datum, e.id) order by i.datum, i.id limit 1) eerste
      cross join lateral (
        select coalesce(sum(se.score - si.score), 0)::int as verschil, count(*)::int as aantal
        from gesprek_scores se join gesprek_scores si on si.gesprek_id = eerste.id and si.domein = se.domein
        where se.gesprek_id = e.id and se.score is not null and si.score is not null) v
    where e.soort = 'evaluatie' and v.aantal > 0`,
};
