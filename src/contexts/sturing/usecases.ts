import type { Tx } from '../../platform/tenancy/tx.ts';
import { basisperiode, maanden, normInPeriode, signaal, verschuifJaren, waardeVan, type Dimensie, type KpiDefinitie } from './rules.ts';
import { isAdditief, kpiGroepen, namen, type Bronnen, type GroepRij, type KpiFilter } from './store.ts';

export interface EigenNorm { norm: number; marge?: number; peildatum?: string }
export type Normen = Record<string, EigenNorm>;
export type KpiMetNorm = KpiDefinitie & { peildatum: string | null };

export const metNorm = (k: KpiDefinitie, eigen: Normen): KpiMetNorm => {
  const n = eigen[k.id];
  return { ...k, norm: n?.norm ?? k.norm, marge: n?.marge ?? k.marge, peildatum: n?.peildatum ?? null };
};

const afgerond = (w: number | null) => (w === null ? null : Math.round(w * 1e6) / 1e6);
/** A figure over the period `p`, coloured against the norm for that period (a yearly norm to its share). */
const figuur = (k: KpiMetNorm, p: { van: string; tot: string }, teller: number, noemer: number) => {
  const waarde = afgerond(waardeVan(teller, noemer, k.eenheid));
  const n = normInPeriode(k, p.van, p.tot);
  return { waarde, teller, noemer, signaal: signaal(waarde, n.norm, n.marge, k.richting) };
};

/** The norm as set (per year where `normPer` says so) and as it holds for this period; null without a norm. */
export const normVelden = (k: KpiMetNorm, p: { van: string; tot: string }) => ({
  norm: Number.isFinite(k.norm) ? k.norm : null,
  normPer: k.normPer ?? null,
  normInPeriode: Number.isFinite(k.norm) ? afgerond(normInPeriode(k, p.van, p.tot).norm) : null,
});

/** For a change KPI the noemer is the teller of the basisperiode; pairs the groups by key. */
async function metBasis(tx: Tx, k: KpiMetNorm, f: KpiFilter, per?: Dimensie, ref?: Bronnen): Promise<{ rijen: GroepRij[]; basis: { van: string; tot: string } | null }> {
  const nu = await kpiGroepen(tx, k.id, f, !!k.momentopname, per, ref);
  if (k.eenheid !== 'verandering') return { rijen: nu, basis: null };
  const basis = basisperiode(f.van, f.tot, k.peildatum);
  const toen = await kpiGroepen(tx, k.id, { ...f, ...basis }, !!k.momentopname, per, ref);
  if (per === 'periode') return { basis, rijen: paarMaanden(nu, toen, f, basis) };
  const toenMap = new Map(toen.map((r) => [r.sleutel, r.teller]));
  const sleutels = [...new Set([...nu.map((r) => r.sleutel), ...toen.map((r) => r.sleutel)])];
  const nuMap = new Map(nu.map((r) => [r.sleutel, r.teller]));
  return { basis, rijen: sleutels.map((s) => ({ sleutel: s, teller: nuMap.get(s) ?? 0, noemer: toenMap.get(s) ?? 0 })) };
}

/**
 * A KPI over a period: the figure with teller, noemer, norm and signal, and a series per month.
 * `ref`: compute from the reference sources (tests and bench only), never from memory.
 */
export async function berekenKpi(tx: Tx, k: KpiMetNorm, f: KpiFilter, ref?: Bronnen) {
  const metReeks = k.dimensies.includes('periode');
  const optelbaar = metReeks ? isAdditief(k.id) : false;
  let t: { teller: number; noemer: number };
  let basis: { van: string; tot: string } | null = null;
  let perMaand: GroepRij[] = [];
  if (optelbaar && k.eenheid === 'verandering') {
    // A change of an additive count: both totals are sums of their own months (the months of the
    // two periods need not pair up), so two queries give the figure and the series.
    basis = basisperiode(f.van, f.tot, k.peildatum);
    const [nu, toen] = [await kpiGroepen(tx, k.id, f, false, 'periode', ref), await kpiGroepen(tx, k.id, { ...f, ...basis }, false, 'periode', ref)];
    t = { teller: som(nu, 'teller'), noemer: som(toen, 'teller') };
    perMaand = paarMaanden(nu, toen, f, basis);
  } else if (optelbaar) {
    // Additive: the total is the sum of the months (or, for cost per resident, the same residents).
    perMaand = (await metBasis(tx, k, f, 'periode', ref)).rijen;
    t = { teller: som(perMaand, 'teller'), noemer: optelbaar === 'inwoners' ? (perMaand[0]?.noemer ?? 0) : som(perMaand, 'noemer') };
  } else {
    const totaal = await metBasis(tx, k, f, undefined, ref);
    basis = totaal.basis;
    t = totaal.rijen[0] ?? { teller: 0, noemer: 0 };
    if (metReeks) perMaand = (await metBasis(tx, k, f, 'periode', ref)).rijen;
  }
  let reeks: { periode: string; waarde: number | null; teller: number; noemer: number }[] = [];
  if (metReeks) {
    const index = new Map(perMaand.map((r) => [r.sleutel, r]));
    reeks = maanden(f.van, f.tot).map((periode) => {
      const r = index.get(periode) ?? { teller: 0, noemer: 0 };
      return { periode, waarde: afgerond(waardeVan(r.teller, r.noemer, k.eenheid)), teller: r.teller, noemer: r.noemer };
    });
  }
  return {
    id: k.id, naam: k.naam, eenheid: k.eenheid, van: f.van, tot: f.tot, ...figuur(k, f, t.teller, t.noemer),
    ...normVelden(k, f), basis, reeks,
  };
}

const som = (rijen: GroepRij[], veld: 'teller' | 'noemer') => rijen.reduce((s, r) => s + r[veld], 0);

/** Month i of the period against month i of the basisperiode. */
function paarMaanden(nu: GroepRij[], toen: GroepRij[], f: KpiFilter, basis: { van: string; tot: string }): GroepRij[] {
  const toenM = maanden(basis.van, basis.tot);
  const nuMap = new Map(nu.map((r) => [r.sleutel, r.teller]));
  const toenMap = new Map(toen.map((r) => [r.sleutel, r.teller]));
  return maanden(f.van, f.tot).map((m, i) => ({ sleutel: m, teller: nuMap.get(m) ?? 0, noemer: toenMap.get(toenM[i] ?? '') ?? 0 }));
}

/** A KPI per value of a dimension (bars per kern, area comparison, per team or product), each coloured against the norm. */
export async function verdeelKpi(tx: Tx, k: KpiMetNorm, f: KpiFilter, per: Dimensie, ref?: Bronnen) {
  const { rijen } = await metBasis(tx, k, f, per, ref);
  const naam = await namen(tx, per, rijen.map((r) => r.sleutel ?? ''));
  return rijen.map((r) => ({ sleutel: r.sleutel, naam: r.sleutel === null ? 'Onbekend' : (naam.get(r.sleutel) ?? r.sleutel), ...figuur(k, f, r.teller, r.noemer) }));
}

const PILOT_KPIS = ['kosten-per-inwoner', 'kosten-per-client', 'aandeel-goed-geholpen', 'zrm-verandering', 'aandeel-meldingen-naar-maatwerk'];

/**
 * The pilot monitor: "Wat kost het? Voelt de burger zich geholpen? Hoe zelfredzaam is de burger?"
 * for the pilot wijk against the other wijken and against the same wijk in the two years before.
 */
export async function pilotmonitor(tx: Tx, kpis: KpiMetNorm[], wijkId: string, van: string, tot: string, ref?: Bronnen) {
  const uit = [];
  for (const id of PILOT_KPIS) {
    const k = kpis.find((x) => x.id === id);
    if (!k) continue;
    const reken = async (f: KpiFilter) => {
      const [r] = await kpiGroepen(tx, k.id, f, false, undefined, ref);
      return figuur(k, f, r?.teller ?? 0, r?.noemer ?? 0);
    };
    const pilot = await reken({ van, tot, wijkId });
    const overig = await reken({ van, tot, nietWijkId: wijkId });
    const eerder = [];
    for (const jaren of [1, 2]) {
      const p = { van: verschuifJaren(van, -jaren), tot: verschuifJaren(tot, -jaren) };
      const w = await reken({ ...p, wijkId });
      eerder.push({ ...p, ...w, verschil: verschil(pilot.waarde, w.waarde) });
    }
    uit.push({
      id: k.id, naam: k.naam, eenheid: k.eenheid, richting: k.richting, ...normVelden(k, { van, tot }),
      pilot, overig, verschilMetOverig: verschil(pilot.waarde, overig.waarde), eerder,
    });
  }
  return uit;
}

const verschil = (a: number | null, b: number | null) => (a === null || b === null ? null : afgerond(a - b));
