import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/tenancy/tx.ts';

/** Filters every KPI can be cut by. Dates are inclusive; the calendar is Europe/Amsterdam. */
export interface KpiFilter { van: string; tot: string; wet?: string | undefined; kernId?: string | undefined }
export interface PeriodeRij { periode: string; teller: number; noemer: number }

const NL = sql`'Europe/Amsterdam'`;
const kernVanPersoon = (persoon: RawBuilder<unknown>, kernId: string | undefined) =>
  kernId ? sql`and exists (select 1 from personen kp join wijken kw on kw.id = kp.wijk_id where kp.id = ${persoon} and kw.kern_id = ${kernId}::uuid)` : sql``;

/** Per KPI one SQL query that returns, per month, the numerator and denominator (aggregates only). */
const queries: Record<string, (f: KpiFilter) => RawBuilder<PeriodeRij>> = {
  'aandeel-meldingen-naar-maatwerk': (f) => sql<PeriodeRij>`
    select to_char(m.ontvangen_op, 'YYYY-MM') as periode,
      count(*) filter (where exists (
        select 1 from aanvragen a join beschikkingen b on b.aanvraag_id = a.id join beschikking_producten bp on bp.beschikking_id = b.id
        where a.casus_id = m.casus_id and bp.uitkomst <> 'afgewezen'))::int as teller,
      count(*)::int as noemer
    from meldingen m
    where m.ontvangen_op between ${f.van}::date and ${f.tot}::date
      ${f.wet ? sql`and m.wet = ${f.wet}` : sql``} ${kernVanPersoon(sql`m.persoon_id`, f.kernId)}
    group by 1 order by 1`,
  'nieuwe-meldingen': (f) => sql<PeriodeRij>`
    select to_char(m.ontvangen_op, 'YYYY-MM') as periode, count(*)::int as teller, count(*)::int as noemer
    from meldingen m
    where m.ontvangen_op between ${f.van}::date and ${f.tot}::date
      ${f.wet ? sql`and m.wet = ${f.wet}` : sql``} ${kernVanPersoon(sql`m.persoon_id`, f.kernId)}
    group by 1 order by 1`,
  'aandeel-maatwerk-met-gesprek': (f) => sql<PeriodeRij>`
    select to_char((b.besloten_op at time zone ${NL})::date, 'YYYY-MM') as periode,
      count(*) filter (where exists (select 1 from gesprekken g where g.casus_id = a.casus_id and g.datum <= (b.besloten_op at time zone ${NL})::date))::int as teller,
      count(*)::int as noemer
    from beschikkingen b join aanvragen a on a.id = b.aanvraag_id
    where (b.besloten_op at time zone ${NL})::date between ${f.van}::date and ${f.tot}::date
      and exists (select 1 from beschikking_producten bp where bp.beschikking_id = b.id and bp.uitkomst <> 'afgewezen')
      ${f.wet ? sql`and exists (select 1 from aanvraag_producten ap where ap.aanvraag_id = a.id and ap.wet = ${f.wet})` : sql``}
      ${kernVanPersoon(sql`a.persoon_id`, f.kernId)}
    group by 1 order by 1`,
  'aandeel-goed-geholpen': (f) => sql<PeriodeRij>`
    select to_char(t.datum, 'YYYY-MM') as periode, count(*) filter (where t.goed_geholpen)::int as teller, count(*)::int as noemer
    from tevredenheid t join casussen c on c.id = t.casus_id
    where t.datum between ${f.van}::date and ${f.tot}::date
      ${f.kernId ? sql`and exists (select 1 from personen kp join wijken kw on kw.id = kp.wijk_id where kp.huishouden_id = c.huishouden_id and kw.kern_id = ${f.kernId}::uuid)` : sql``}
    group by 1 order by 1`,
  'termijnen-binnen-termijn': (f) => sql<PeriodeRij>`
    select to_char(t.afgerond_op, 'YYYY-MM') as periode,
      count(*) filter (where t.status = 'afgerondBinnenTermijn')::int as teller, count(*)::int as noemer
    from termijnen t left join meldingen m on m.id = t.melding_id left join aanvragen a on a.id = t.aanvraag_id
    where t.afgerond_op between ${f.van}::date and ${f.tot}::date
      ${f.wet ? sql`and t.wet = ${f.wet}` : sql``} ${kernVanPersoon(sql`coalesce(m.persoon_id, a.persoon_id)`, f.kernId)}
    group by 1 order by 1`,
  'verlopen-termijnen': (f) => sql<PeriodeRij>`
    select 'nu' as periode, count(*)::int as teller, count(*)::int as noemer
    from termijnen t left join meldingen m on m.id = t.melding_id left join aanvragen a on a.id = t.aanvraag_id
    where t.afgerond_op is null and t.status = 'verlopen'
      ${f.wet ? sql`and t.wet = ${f.wet}` : sql``} ${kernVanPersoon(sql`coalesce(m.persoon_id, a.persoon_id)`, f.kernId)}`,
};

export async function kpiPerPeriode(tx: Tx, id: string, f: KpiFilter): Promise<PeriodeRij[]> {
  const q = queries[id];
  if (!q) throw new Error(`Geen berekening voor KPI ${id}`);
  return (await q(f).execute(tx)).rows.map((r) => ({ periode: r.periode, teller: Number(r.teller), noemer: Number(r.noemer) }));
}

export const heeftBerekening = (id: string) => id in queries;

export async function normen(tx: Tx): Promise<Record<string, { norm: number; marge?: number }>> {
  const r = await tx.selectFrom('gemeente_instellingen').select('waarde').where('sleutel', '=', 'kpi-normen').executeTakeFirst();
  return (r?.waarde as Record<string, { norm: number; marge?: number }> | undefined) ?? {};
}

export async function bewaarNormen(tx: Tx, gemeenteId: string, waarde: Record<string, { norm: number; marge?: number }>, door: string | null): Promise<void> {
  await tx.insertInto('gemeente_instellingen').values({ gemeente_id: gemeenteId, sleutel: 'kpi-normen', waarde: JSON.stringify(waarde), gewijzigd_door: door })
    .onConflict((oc) => oc.columns(['gemeente_id', 'sleutel']).doUpdateSet({ waarde: JSON.stringify(waarde), gewijzigd_door: door, gewijzigd_op: new Date() })).execute();
}

export async function insertTevredenheid(tx: Tx, t: { gemeenteId: string; casusId: string; datum: string; goedGeholpen: boolean; cijfer: number | null; toelichting: string | null; door: string | null }): Promise<string> {
  return (await tx.insertInto('tevredenheid').values({
    gemeente_id: t.gemeenteId, casus_id: t.casusId, datum: t.datum, goed_geholpen: t.goedGeholpen, cijfer: t.cijfer, toelichting: t.toelichting, geregistreerd_door: t.door,
  }).returning('id').executeTakeFirstOrThrow()).id;
}
