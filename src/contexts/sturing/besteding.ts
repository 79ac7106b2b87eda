/**
 * Budget en realisatie (issue 15, ADR 40): per law, product, provider or wijk, what the decisions
 * estimate for a year (the voorziening's yearly amount pro rata, as the cost KPIs count it), what was
 * really approved in declarations for that year, and the expected total: the approved money plus the
 * estimate for the days not yet declared. A pgb counts as realised once passed to the SVB.
 *
 * A read model over voorziening_feiten (sturing's own, kept by triggers) and the approved prestaties
 * (berichten's table, read-only here, like the other fact sources of this context read across).
 */
import { sql } from 'kysely';
import type { Tx } from '../../platform/tenancy/tx.ts';
import { bestedingRij, type BestedingDimensie, type BestedingRij } from './rules.ts';

export { BESTEDING_DIMENSIES, type BestedingDimensie, type BestedingRij } from './rules.ts';

// Every label is an aggregate, so the query groups by the key alone.
const groep: Record<BestedingDimensie, { sleutel: string; label: string }> = {
  wet: { sleutel: 'f.wet', label: 'min(f.wet)' },
  product: { sleutel: "coalesce(f.productcode, '')", label: "min(coalesce(f.productcode, 'zonder productcode') || ' ' || v.product_naam)" },
  aanbieder: { sleutel: "coalesce(f.aanbieder_id::text, '')", label: "coalesce(min(f.aanbieder), 'geen aanbieder (pgb of nog niet gekozen)')" },
  wijk: { sleutel: "coalesce(f.wijk_id::text, '')", label: "coalesce(min(w.naam), 'onbekende wijk')" },
  bekostiging: { sleutel: "coalesce(f.bekostiging, '')", label: "min(coalesce(f.bekostiging, 'onbekend'))" },
};

/**
 * One query: per voorziening running in the year, its estimate over the year's days, the approved
 * money of product periods in the year and the last declared day; the estimate for the days after
 * that day is what is still to be declared. Grouped by the dimension.
 */
export async function bestedingPerJaar(tx: Tx, jaar: number, per: BestedingDimensie): Promise<{ rijen: BestedingRij[]; totaal: BestedingRij }> {
  const van = `${jaar}-01-01`;
  const tot = `${jaar}-12-31`;
  const g = groep[per];
  const r = await sql<{ sleutel: string | null; label: string; raming: string; gerealiseerd: string; rest: string; gedekt: string; voorzieningen: string }>`
    with p as (
      select voorziening_id, sum(toegekend_cents) as cents, max(periode_eind) filter (where goedgekeurd and ingediend_cents > 0 and gecrediteerd_door is null) as laatste
      from prestaties where voorziening_id is not null and periode_begin between ${van}::date and ${tot}::date group by voorziening_id
    ), f as (
      select f.*, greatest(f.begin, ${van}::date) as b, least(f.eind, ${tot}::date) as e, v.leveringsvorm, v.svb, p.cents, p.laatste
      from voorziening_feiten f join voorzieningen v on v.id = f.voorziening_id left join p on p.voorziening_id = f.voorziening_id
      where f.begin <= ${tot}::date and f.eind >= ${van}::date
    ), k as (
      select f.*, f.jaarbedrag_cents / 365.0 as per_dag,
        -- Days already covered by declarations (up to the last approved period), or by the SVB for a pgb.
        case when f.leveringsvorm = 'pgb' and f.svb then f.e - f.b + 1
             when f.laatste is null then 0
             else greatest(0, least(f.laatste, f.e) - f.b + 1) end as gedekte_dagen
      from f
    )
    select ${sql.raw(g.sleutel)} as sleutel, ${sql.raw(g.label)} as label,
      round(sum(f.per_dag * (f.e - f.b + 1))) as raming,
      round(sum(case when f.leveringsvorm = 'pgb' then case when f.svb then f.per_dag * (f.e - f.b + 1) else 0 end else coalesce(f.cents, 0) end)) as gerealiseerd,
      -- Not yet declared: the estimate for the year's days after the covered ones.
      round(sum(f.per_dag * greatest(0, (f.e - f.b + 1) - f.gedekte_dagen))) as rest,
      round(sum(f.per_dag * f.gedekte_dagen)) as gedekt,
      count(*) as voorzieningen
    from k f left join voorzieningen v on v.id = f.voorziening_id left join wijken w on w.id = f.wijk_id
    group by 1 order by 3 desc`.execute(tx);
  const rijen = r.rows.map((x) => bestedingRij({
    sleutel: x.sleutel || null, label: x.label, raming: Number(x.raming), gerealiseerd: Number(x.gerealiseerd), rest: Number(x.rest), gedekt: Number(x.gedekt), voorzieningen: Number(x.voorzieningen),
  }));
  const som = (k: 'ramingCents' | 'gerealiseerdCents' | 'nogTeDeclarerenCents' | 'voorzieningen') => rijen.reduce((s, x) => s + x[k], 0);
  const gedekt = rijen.reduce((s, x) => s + (x.aandeelGedeclareerd ?? 0) * x.ramingCents, 0);
  return {
    rijen,
    totaal: bestedingRij({ sleutel: null, label: 'Totaal', raming: som('ramingCents'), gerealiseerd: som('gerealiseerdCents'), rest: som('nogTeDeclarerenCents'), gedekt: Math.round(gedekt), voorzieningen: som('voorzieningen') }),
  };
}
