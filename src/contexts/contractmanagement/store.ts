/**
 * Contractmanagement's queries. A REPORTING READ MODEL: read-only, set-based aggregates over tables
 * other contexts own — voorziening_feiten (Sturing's fact table, kept by the voorziening triggers),
 * prestaties and taakgerichte_betalingen (Berichten, ADR 40), toewijzingen and verzoeken (Berichten),
 * contracten (Inkoop), zrm_feiten and tevredenheid (Sturing's sources). Going through each context's
 * index would mean one call per provider per figure; these are one query per figure family for all
 * providers at once, grouped by aanbieder. Nothing here writes, except the contract ceiling (below).
 * Row-level security keeps every query to the asker's gemeente.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Tx } from '../../platform/tenancy/tx.ts';

export interface Periode { van: string; tot: string; peildatum: string }

const n = (v: unknown): number => Number(v ?? 0);
const perAanbieder = <T extends { aanbieder_id: string }>(rijen: readonly T[]): Map<string, T> => new Map(rijen.map((r) => [r.aanbieder_id, r]));
/** Limit a query to one provider, or none. */
const alleen = (kolom: string, aanbiederId: string | undefined) => (aanbiederId ? sql`and ${sql.ref(kolom)} = ${aanbiederId}::uuid` : sql``);

/** Care: clients, inflow, outflow, duration of ended care and volume in voorzieningsmaanden, up to the peildatum. */
export async function zorgPerAanbieder(tx: Tx, p: Periode, aanbiederId?: string) {
  const r = await sql<{ aanbieder_id: string; clienten: string; instroom: string; uitstroom: string; duur: string | null; volume: string | null }>`
    select v.aanbieder_id,
      count(distinct v.persoon_id) as clienten,
      count(*) filter (where v.begin >= ${p.van}::date) as instroom,
      count(*) filter (where v.eind <= ${p.peildatum}::date) as uitstroom,
      sum(v.eind - v.begin + 1) filter (where v.eind <= ${p.peildatum}::date) as duur,
      sum((extract(year from least(v.eind, ${p.peildatum}::date)) * 12 + extract(month from least(v.eind, ${p.peildatum}::date)))
        - (extract(year from greatest(v.begin, ${p.van}::date)) * 12 + extract(month from greatest(v.begin, ${p.van}::date))) + 1) as volume
    from voorziening_feiten v
    where v.aanbieder_id is not null and v.begin <= ${p.peildatum}::date and v.eind >= ${p.van}::date ${alleen('v.aanbieder_id', aanbiederId)}
    group by v.aanbieder_id`.execute(tx);
  return perAanbieder(r.rows.map((x) => ({
    aanbieder_id: x.aanbieder_id, clienten: n(x.clienten), instroom: n(x.instroom), uitstroom: n(x.uitstroom), duurDagenSom: n(x.duur), volume: n(x.volume),
  })));
}

/**
 * Money: approved prestaties over periods beginning in the year (credits are negative, so the sum is
 * net), the taakgericht monthly amounts of the year, and how many prestaties were declared and refused.
 */
export async function geldPerAanbieder(tx: Tx, p: Periode, aanbiederId?: string) {
  const r = await sql<{ aanbieder_id: string; besteed: string | null; prestaties: string; afgekeurd: string }>`
    with pr as (
      select pr.aanbieder_id, sum(pr.toegekend_cents) filter (where pr.goedgekeurd) as besteed, count(*) as prestaties,
             count(*) filter (where not pr.goedgekeurd) as afgekeurd
      from prestaties pr
      where pr.periode_begin between ${p.van}::date and ${p.tot}::date ${alleen('pr.aanbieder_id', aanbiederId)}
      group by pr.aanbieder_id
    ), tg as (
      select t.aanbieder_id, sum(t.bedrag_cents) as besteed
      from taakgerichte_betalingen t
      where t.maand between ${p.van.slice(0, 7)} and ${p.tot.slice(0, 7)} ${alleen('t.aanbieder_id', aanbiederId)}
      group by t.aanbieder_id
    )
    select coalesce(pr.aanbieder_id, tg.aanbieder_id) as aanbieder_id, coalesce(pr.besteed, 0) + coalesce(tg.besteed, 0) as besteed,
           coalesce(pr.prestaties, 0) as prestaties, coalesce(pr.afgekeurd, 0) as afgekeurd
    from pr full join tg on tg.aanbieder_id = pr.aanbieder_id`.execute(tx);
  return perAanbieder(r.rows.map((x) => ({ aanbieder_id: x.aanbieder_id, besteedCents: n(x.besteed), prestaties: n(x.prestaties), afgekeurd: n(x.afgekeurd) })));
}

/** The ceiling: the sum of the ceilings of the provider's contracts running in the year; null when none has one. */
export async function plafondPerAanbieder(tx: Tx, p: Periode, aanbiederId?: string) {
  const r = await sql<{ aanbieder_id: string; plafond: string | null }>`
    select c.aanbieder_id, sum(c.plafond_cents) as plafond
    from contracten c
    where c.van <= ${p.tot}::date and (c.tot is null or c.tot >= ${p.van}::date) ${alleen('c.aanbieder_id', aanbiederId)}
    group by c.aanbieder_id`.execute(tx);
  return perAanbieder(r.rows.map((x) => ({ aanbieder_id: x.aanbieder_id, plafondCents: x.plafond === null ? null : n(x.plafond) })));
}

/** Lead times from the message traffic, as Berichten measures them, for toewijzingen and verzoeken of the year. */
export async function doorlooptijdenPerAanbieder(tx: Tx, p: Periode, aanbiederId?: string) {
  const r = await sql<{ aanbieder_id: string; start_som: string | null; start_n: string | null; antwoord_som: string | null; antwoord_n: string | null }>`
    with st as (
      select t.aanbieder_id, sum(t.start_begindatum - t.toewijzingsdatum) as som, count(*) as n
      from toewijzingen t
      where t.start_begindatum is not null and t.toewijzingsdatum between ${p.van}::date and ${p.tot}::date ${alleen('t.aanbieder_id', aanbiederId)}
      group by t.aanbieder_id
    ), an as (
      select v.aanbieder_id, sum(coalesce(v.onderzoek_op, v.beantwoord_op) - v.ontvangen_op) as som, count(*) as n
      from verzoeken v
      where coalesce(v.onderzoek_op, v.beantwoord_op) is not null and v.ontvangen_op between ${p.van}::date and ${p.tot}::date ${alleen('v.aanbieder_id', aanbiederId)}
      group by v.aanbieder_id
    )
    select coalesce(st.aanbieder_id, an.aanbieder_id) as aanbieder_id, st.som as start_som, st.n as start_n, an.som as antwoord_som, an.n as antwoord_n
    from st full join an on an.aanbieder_id = st.aanbieder_id`.execute(tx);
  return perAanbieder(r.rows.map((x) => ({
    aanbieder_id: x.aanbieder_id, startDagenSom: n(x.start_som), startAantal: n(x.start_n), antwoordDagenSom: n(x.antwoord_som), antwoordAantal: n(x.antwoord_n),
  })));
}

/**
 * Outcomes with Sturing's definitions (zrm_feiten: per evaluation the sum of score changes and the
 * number of domains; tevredenheid: one answer each), for the casussen with a voorziening of the
 * provider in the year. A casus with two providers counts for both: each shares in the result.
 */
export async function uitkomstenPerAanbieder(tx: Tx, p: Periode, aanbiederId?: string) {
  const r = await sql<{ aanbieder_id: string; zrm_verschil: string | null; zrm_n: string | null; goed: string | null; tevr_n: string | null }>`
    with ca as (
      select distinct v.aanbieder_id, v.casus_id
      from voorziening_feiten v
      where v.aanbieder_id is not null and v.begin <= ${p.tot}::date and v.eind >= ${p.van}::date ${alleen('v.aanbieder_id', aanbiederId)}
    ), z as (
      select ca.aanbieder_id, sum(z.verschil) as verschil, sum(z.aantal) as n
      from ca join zrm_feiten z on z.casus_id = ca.casus_id
      where z.datum between ${p.van}::date and ${p.tot}::date
      group by ca.aanbieder_id
    ), t as (
      select ca.aanbieder_id, count(*) filter (where tv.goed_geholpen) as goed, count(*) as n
      from ca join tevredenheid tv on tv.casus_id = ca.casus_id
      where tv.datum between ${p.van}::date and ${p.tot}::date
      group by ca.aanbieder_id
    )
    select coalesce(z.aanbieder_id, t.aanbieder_id) as aanbieder_id, z.verschil as zrm_verschil, z.n as zrm_n, t.goed, t.n as tevr_n
    from z full join t on t.aanbieder_id = z.aanbieder_id`.execute(tx);
  return perAanbieder(r.rows.map((x) => ({
    aanbieder_id: x.aanbieder_id, zrmVerschil: n(x.zrm_verschil), zrmAantal: n(x.zrm_n), goedGeholpen: n(x.goed), tevredenheidAantal: n(x.tevr_n),
  })));
}

// ————— One provider's page —————

/** The provider's refused prestaties of the year per retourcode (a prestatie with two codes counts under both). */
export async function afkeuringenPerCode(tx: Tx, p: Periode, aanbiederId: string) {
  const r = await sql<{ code: string; aantal: string; bedrag: string | null }>`
    select c as code, count(*) as aantal, sum(pr.ingediend_cents) as bedrag
    from prestaties pr, unnest(pr.retourcodes) as c
    where pr.aanbieder_id = ${aanbiederId}::uuid and not pr.goedgekeurd and pr.periode_begin between ${p.van}::date and ${p.tot}::date
    group by c order by count(*) desc, c`.execute(tx);
  return r.rows.map((x) => ({ code: x.code, aantal: n(x.aantal), ingediendCents: n(x.bedrag) }));
}

/** Per product code: clients, voorzieningen running in the year, mean duration of those that ended, approved money, refused prestaties. */
export async function perProduct(tx: Tx, p: Periode, aanbiederId: string) {
  const r = await sql<{
    productcode: string | null; naam: string | null; clienten: string | null; voorzieningen: string | null; geeindigd: string | null; duur: string | null;
    besteed: string | null; prestaties: string | null; afgekeurd: string | null;
  }>`
    with vz as (
      select v.productcode, min(v.product_naam) as naam, count(distinct v.persoon_id) as clienten, count(*) as voorzieningen,
        count(*) filter (where f.eind <= ${p.peildatum}::date) as geeindigd, sum(f.eind - f.begin + 1) filter (where f.eind <= ${p.peildatum}::date) as duur
      from voorzieningen v join voorziening_feiten f on f.voorziening_id = v.id
      where v.aanbieder_id = ${aanbiederId}::uuid and f.begin <= ${p.peildatum}::date and f.eind >= ${p.van}::date
      group by v.productcode
    ), pr as (
      select pr.productcode, sum(pr.toegekend_cents) filter (where pr.goedgekeurd) as besteed, count(*) as prestaties, count(*) filter (where not pr.goedgekeurd) as afgekeurd
      from prestaties pr
      where pr.aanbieder_id = ${aanbiederId}::uuid and pr.periode_begin between ${p.van}::date and ${p.tot}::date
      group by pr.productcode
    )
    select coalesce(vz.productcode, pr.productcode) as productcode, vz.naam, vz.clienten, vz.voorzieningen, vz.geeindigd, vz.duur, pr.besteed, pr.prestaties, pr.afgekeurd
    from vz full join pr on pr.productcode = vz.productcode
    order by 1 nulls last`.execute(tx);
  return r.rows.map((x) => ({
    productcode: x.productcode, naam: x.naam, clienten: n(x.clienten), voorzieningen: n(x.voorzieningen),
    // The mean duration of the care that ended, per product: where duration can be compared.
    gemiddeldeDuurDagen: n(x.geeindigd) === 0 ? null : Math.round((n(x.duur) / n(x.geeindigd)) * 10) / 10,
    besteedCents: n(x.besteed), prestaties: n(x.prestaties), afgekeurd: n(x.afgekeurd),
  }));
}

/** The provider's contracts running in the year with their ceiling and what was approved on their products. */
export async function perContract(tx: Tx, p: Periode, aanbiederId: string) {
  const r = await sql<{ id: string; nummer: string; van: string; tot: string | null; plafond_cents: string | null; besteed: string | null }>`
    select c.id, c.nummer, to_char(c.van, 'YYYY-MM-DD') as van, to_char(c.tot, 'YYYY-MM-DD') as tot, c.plafond_cents,
      coalesce((select sum(pr.toegekend_cents) from prestaties pr join voorzieningen v on v.id = pr.voorziening_id join contract_producten cp on cp.id = v.contract_product_id
        where cp.contract_id = c.id and pr.goedgekeurd and pr.periode_begin between ${p.van}::date and ${p.tot}::date), 0)
      + coalesce((select sum(t.bedrag_cents) from taakgerichte_betalingen t join contract_producten cp on cp.id = t.contract_product_id
        where cp.contract_id = c.id and t.maand between ${p.van.slice(0, 7)} and ${p.tot.slice(0, 7)}), 0) as besteed
    from contracten c
    where c.aanbieder_id = ${aanbiederId}::uuid and c.van <= ${p.tot}::date and (c.tot is null or c.tot >= ${p.van}::date)
    order by c.van desc, c.nummer`.execute(tx);
  return r.rows.map((x) => ({ id: x.id, nummer: x.nummer, van: x.van, tot: x.tot, plafondCents: x.plafond_cents === null ? null : n(x.plafond_cents), besteedCents: n(x.besteed) }));
}

/** For the drill-down: per product the number of clients (aggregates for roles that see no names). */
export async function clientenPerProduct(tx: Tx, p: Periode, aanbiederId: string) {
  const r = await sql<{ productcode: string | null; naam: string | null; clienten: string }>`
    select v.productcode, min(v.product_naam) as naam, count(distinct v.persoon_id) as clienten
    from voorzieningen v join voorziening_feiten f on f.voorziening_id = v.id
    where v.aanbieder_id = ${aanbiederId}::uuid and f.begin <= ${p.peildatum}::date and f.eind >= ${p.van}::date
    group by v.productcode order by 1 nulls last`.execute(tx);
  return r.rows.map((x) => ({ productcode: x.productcode, naam: x.naam, clienten: n(x.clienten) }));
}

/**
 * For the drill-down: the voorzieningen of the provider running in the year whose household passes
 * `zichtbaar` (the one access rule), newest first, with what was approved on each in the year.
 */
export async function voorzieningenInZorg(tx: Tx, p: Periode, aanbiederId: string, zichtbaar: (kolom: string) => RawBuilder<SqlBool>, limiet: number) {
  const r = await sql<{ id: string; nummer: string; persoon_id: string; casus_id: string; productcode: string | null; product_naam: string; begin: string; eind: string | null; besteed: string | null; totaal: string }>`
    select v.id, v.nummer, v.persoon_id, v.casus_id, v.productcode, v.product_naam, to_char(v.begin, 'YYYY-MM-DD') as begin,
      to_char(nullif(f.eind, 'infinity'::date), 'YYYY-MM-DD') as eind,
      (select sum(pr.toegekend_cents) from prestaties pr where pr.voorziening_id = v.id and pr.goedgekeurd and pr.periode_begin between ${p.van}::date and ${p.tot}::date) as besteed,
      count(*) over () as totaal
    from voorzieningen v join voorziening_feiten f on f.voorziening_id = v.id
    where v.aanbieder_id = ${aanbiederId}::uuid and f.begin <= ${p.peildatum}::date and f.eind >= ${p.van}::date and ${zichtbaar('v.huishouden_id')}
    order by v.begin desc, v.nummer
    limit ${limiet}`.execute(tx);
  return {
    totaal: n(r.rows[0]?.totaal),
    rijen: r.rows.map((x) => ({
      voorzieningId: x.id, nummer: x.nummer, persoonId: x.persoon_id, casusId: x.casus_id, productcode: x.productcode, productNaam: x.product_naam,
      begin: x.begin, eind: x.eind, besteedCents: n(x.besteed),
    })),
  };
}

