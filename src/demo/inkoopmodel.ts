/**
 * The generator's view of a gemeente's inkoop: per product code the contracted products with their
 * tariff history, the pgb tariffs and the result tables, in memory, so the history's budgets are
 * computed with inkoop's own pure budget maths (src/contexts/inkoop/rules.ts, ADR 31) — never a
 * formula of its own. Written as rows for a new gemeente (deterministic ids), read back for one
 * that has them (Demodorp after its seed).
 */
import {
  berekenEenheidBudget, hoogsteTarieven, kiesDuur, maandenVan, resultaatBudget, taakgerichtBudget, budgetTot,
  type Budget, type Frequentie, type TariefPeriode,
} from '../contexts/inkoop/rules.ts';
import type { Tx } from '../platform/tenancy/tx.ts';
import {
  DEMO_PRODUCTEN, contractNummer, pgbPerioden, productVanCode, resultaatTabellen, tariefPerioden, type DemoAanbieder,
} from './inkoop.ts';

export interface ContractProductModel {
  id: string; aanbiederId: string; aanbiederNaam: string; code: string; wet: string; categorie: string | null; naam: string; eenheid: string;
  frequentie: string; bekostiging: string; resultaatgericht: boolean; capaciteit: number | null; contractVan: string; contractTot: string | null;
  tarieven: TariefPeriode[]; gewicht: number;
}
interface ResultaatModel { code: string; profiel: string; intensiteit: string; duur: number | null; bedragCents: number; van: string; tot: string | null }

export interface InkoopModel {
  /** Contracted products per product code (contract order). */
  perCode: Map<string, ContractProductModel[]>;
  /** The reservation before a provider is chosen: the highest tariff of the contracts on each day. */
  hoogste: Map<string, TariefPeriode[]>;
  pgb: Map<string, TariefPeriode[]>;
  resultaat: ResultaatModel[];
  /** The first day any contract runs: no provision of the history begins before it. */
  eersteDag: string | null;
  /** Budgets computed lately (see budgetVoor): the current generation and the one before. */
  budgetten: Map<string, Budget>;
  budgettenVorige: Map<string, Budget>;
}

const EINDELOOS = '9999-12-31';
/**
 * Budgets kept per generation. Two provisions share a budget only when product, provider, volume
 * and both dates are the same (4% of the look-ups at 100,000 residents, 23% at 900,000), and nearly
 * always they are drawn close together in time: keeping every budget held over 300,000 of them at
 * 900,000 residents for the same hits.
 */
const BUDGETTEN_PER_GENERATIE = 10_000;

/** Inkoop rows of a new gemeente (ids from `nieuwId`, so two runs give the same rows). */
export async function schrijfInkoop(tx: Tx, gemeenteId: string, code: string, aanbieders: readonly DemoAanbieder[], vanaf: string, nieuwId: () => string): Promise<void> {
  const ids = new Map(aanbieders.map((a) => [a.sleutel, nieuwId()]));
  await tx.insertInto('aanbieders').values(aanbieders.map((a) => ({
    id: ids.get(a.sleutel)!, gemeente_id: gemeenteId, naam: a.naam, agb_code: a.agbCode, kvk_nummer: a.kvkNummer, straat: a.straat, huisnummer: a.huisnummer,
    postcode: a.postcode, plaats: a.plaats, contact_naam: a.contactNaam, contact_email: a.contactEmail, contact_telefoon: a.contactTelefoon, wetten: a.wetten,
  }))).execute();
  const contracten = aanbieders.map((a, i) => ({ id: nieuwId(), gemeente_id: gemeenteId, aanbieder_id: ids.get(a.sleutel)!, nummer: contractNummer(code, i, a.wetten[0]!, vanaf),
    perceel: a.perceel ?? null, van: vanaf, tot: null }));
  await tx.insertInto('contracten').values(contracten).execute();
  const onder = aanbieders.flatMap((a, i) => (a.onderaannemers ?? []).filter((s) => ids.has(s)).map((s) => ({ gemeente_id: gemeenteId, contract_id: contracten[i]!.id, aanbieder_id: ids.get(s)! })));
  if (onder.length) await tx.insertInto('contract_onderaannemers').values(onder).execute();
  const producten: { id: string; gemeente_id: string; contract_id: string; wet: string; productcategorie: string | null; productcode: string; naam: string; eenheid: string;
    frequentie: string; bekostiging: string; resultaatgericht: boolean; capaciteit: number | null; maandbedrag_cents: number | null }[] = [];
  const tarieven: { id: string; gemeente_id: string; contract_product_id: string; van: string; tot: string | null; tarief_cents: number }[] = [];
  aanbieders.forEach((a, i) => {
    for (const cp of a.producten) {
      const p = productVanCode(cp.code);
      const id = nieuwId();
      producten.push({ id, gemeente_id: gemeenteId, contract_id: contracten[i]!.id, wet: p.wet, productcategorie: p.productcategorie, productcode: p.productcode,
        naam: p.naam, eenheid: p.eenheid, frequentie: p.frequentie, bekostiging: p.bekostiging, resultaatgericht: p.resultaatgericht, capaciteit: cp.capaciteit ?? null,
        maandbedrag_cents: p.maandbedragCents ?? null });
      for (const t of tariefPerioden(p, cp.factor, vanaf)) tarieven.push({ id: nieuwId(), gemeente_id: gemeenteId, contract_product_id: id, van: t.van, tot: t.tot, tarief_cents: t.tariefCents });
    }
  });
  await tx.insertInto('contract_producten').values(producten).execute();
  await tx.insertInto('contract_tarieven').values(tarieven).execute();
  await tx.insertInto('resultaat_tarieven').values(resultaatTabellen(vanaf).map((r) => ({
    id: nieuwId(), gemeente_id: gemeenteId, wet: r.wet, productcode: r.productcode, soort: r.soort, profiel: r.profiel, intensiteit: r.intensiteit,
    duur_maanden: r.duurMaanden, bedrag_cents: r.bedragCents, van: r.van, tot: r.tot,
  }))).execute();
  await tx.insertInto('pgb_tarieven').values(DEMO_PRODUCTEN.filter((p) => p.pgb).flatMap((p) => pgbPerioden(p, vanaf).map((t) => ({
    id: nieuwId(), gemeente_id: gemeenteId, wet: p.wet, productcode: p.productcode, eenheid: p.eenheid, frequentie: p.frequentie, tarief_cents: t.tariefCents, van: t.van, tot: t.tot,
  })))).execute();
}

/** The gemeente's inkoop as the generator needs it; `gewichten` by AGB code (how often residents choose an aanbieder). */
export async function laadInkoopModel(tx: Tx, gewichten: ReadonlyMap<string, number>): Promise<InkoopModel> {
  const producten = await tx.selectFrom('contract_producten as p').innerJoin('contracten as c', 'c.id', 'p.contract_id').innerJoin('aanbieders as a', 'a.id', 'c.aanbieder_id')
    .select(['p.id', 'c.aanbieder_id', 'a.naam as aanbieder_naam', 'a.agb_code', 'p.productcode', 'p.wet', 'p.productcategorie', 'p.naam', 'p.eenheid', 'p.frequentie',
      'p.bekostiging', 'p.resultaatgericht', 'p.capaciteit', 'c.van', 'c.tot'])
    .where('a.actief', '=', true).orderBy('c.nummer').orderBy('p.productcode').execute();
  const tarieven = await tx.selectFrom('contract_tarieven').select(['contract_product_id', 'van', 'tot', 'tarief_cents']).orderBy('contract_product_id').orderBy('van').execute();
  const perProduct = new Map<string, TariefPeriode[]>();
  for (const t of tarieven) {
    const l = perProduct.get(t.contract_product_id) ?? [];
    l.push({ van: t.van, tot: t.tot, tariefCents: Number(t.tarief_cents) });
    perProduct.set(t.contract_product_id, l);
  }
  const perCode = new Map<string, ContractProductModel[]>();
  let eersteDag: string | null = null;
  for (const p of producten) {
    const m: ContractProductModel = {
      id: p.id, aanbiederId: p.aanbieder_id, aanbiederNaam: p.aanbieder_naam, code: p.productcode, wet: p.wet, categorie: p.productcategorie, naam: p.naam,
      eenheid: p.eenheid, frequentie: p.frequentie, bekostiging: p.bekostiging, resultaatgericht: p.resultaatgericht, capaciteit: p.capaciteit,
      contractVan: p.van, contractTot: p.tot, gewicht: gewichten.get(p.agb_code) ?? 1,
      // Tariffs count only inside their contract's period (as inkoop's berekenBudget clips them).
      tarieven: (perProduct.get(p.id) ?? []).map((t) => binnen(t, p.van, p.tot)).filter((t): t is TariefPeriode => t !== null),
    };
    perCode.set(p.productcode, [...(perCode.get(p.productcode) ?? []), m]);
    if (eersteDag === null || p.van < eersteDag) eersteDag = p.van;
  }
  // The reservation: the highest tariff among the contracts, each tariff within its contract's period.
  const hoogste = new Map<string, TariefPeriode[]>();
  for (const [code, lijst] of perCode) {
    hoogste.set(code, hoogsteTarieven(lijst.flatMap((cp) => cp.tarieven)));
  }
  const pgb = new Map<string, TariefPeriode[]>();
  for (const r of await tx.selectFrom('pgb_tarieven').select(['productcode', 'van', 'tot', 'tarief_cents']).orderBy('productcode').orderBy('van').execute()) {
    pgb.set(r.productcode, [...(pgb.get(r.productcode) ?? []), { van: r.van, tot: r.tot, tariefCents: Number(r.tarief_cents) }]);
  }
  const resultaat = (await tx.selectFrom('resultaat_tarieven').select(['productcode', 'profiel', 'intensiteit', 'duur_maanden', 'bedrag_cents', 'van', 'tot']).execute())
    .map((r) => ({ code: r.productcode, profiel: r.profiel, intensiteit: r.intensiteit, duur: r.duur_maanden, bedragCents: Number(r.bedrag_cents), van: r.van, tot: r.tot }));
  return { perCode, hoogste, pgb, resultaat, eersteDag, budgetten: new Map(), budgettenVorige: new Map() };
}

function binnen(t: TariefPeriode, van: string, tot: string | null): TariefPeriode | null {
  const v = t.van > van ? t.van : van;
  const e = (t.tot ?? EINDELOOS) < (tot ?? EINDELOOS) ? t.tot : tot;
  return e !== null && e < v ? null : { van: v, tot: e, tariefCents: t.tariefCents };
}

/** The contracts of a code running on a day. */
export function gecontracteerdOp(model: InkoopModel, code: string, datum: string): ContractProductModel[] {
  return (model.perCode.get(code) ?? []).filter((cp) => cp.contractVan <= datum && datum <= (cp.contractTot ?? EINDELOOS));
}

export interface BudgetVraag {
  code: string; contractProduct: ContractProductModel | null; leveringsvorm: 'zin' | 'pgb'; volume: number; begin: string; eind: string | null;
  resultaat: { profiel: string; intensiteit: string } | null;
}

/**
 * The budget as inkoop computes it: taakgericht 0; result-based from the table valid on the begin
 * date (Wmo: the duration of the period rounded up to the table's); pgb from the pgb tariffs; zin
 * from the chosen contract's tariffs, or before a choice the highest of the contracts (the reservation).
 */
export function budgetVoor(model: InkoopModel, v: BudgetVraag): Budget {
  // Some provisions share product, provider, volume and period: a recent budget is reused (the maths are pure).
  const sleutel = `${v.code}|${v.contractProduct?.id ?? ''}|${v.leveringsvorm}|${v.volume}|${v.begin}|${v.eind ?? ''}|${v.resultaat?.profiel ?? ''}|${v.resultaat?.intensiteit ?? ''}`;
  let b = model.budgetten.get(sleutel) ?? model.budgettenVorige.get(sleutel);
  if (!b) {
    b = berekenBudgetVoor(model, v);
    if (model.budgetten.size >= BUDGETTEN_PER_GENERATIE) {
      model.budgettenVorige = model.budgetten;
      model.budgetten = new Map();
    }
    model.budgetten.set(sleutel, b);
  }
  return b;
}

function berekenBudgetVoor(model: InkoopModel, v: BudgetVraag): Budget {
  const p = productVanCode(v.code);
  if (p.bekostiging === 'taakgericht') return taakgerichtBudget(v.begin, v.eind);
  if (p.resultaatgericht) {
    const rijen = model.resultaat.filter((r) => r.code === v.code && r.profiel === v.resultaat!.profiel && r.intensiteit === v.resultaat!.intensiteit
      && r.van <= v.begin && v.begin <= (r.tot ?? EINDELOOS));
    let rij = rijen[0];
    if (rijen.some((r) => r.duur !== null)) {
      const duur = kiesDuur(rijen.map((r) => r.duur!), maandenVan(v.begin, budgetTot(v.begin, v.eind)));
      rij = rijen.find((r) => r.duur === duur);
    }
    if (!rij) throw new Error(`Geen resultaattarief voor ${v.code} ${v.resultaat!.profiel}/${v.resultaat!.intensiteit} op ${v.begin}`);
    return resultaatBudget(rij.bedragCents, v.volume, v.begin, v.eind);
  }
  const tarieven = v.leveringsvorm === 'pgb' ? model.pgb.get(v.code) : v.contractProduct ? v.contractProduct.tarieven : model.hoogste.get(v.code);
  const b = tarieven ? berekenEenheidBudget({ tarieven, volume: v.volume, frequentie: p.frequentie as Frequentie, begin: v.begin, eind: v.eind }) : null;
  if (!b) throw new Error(`Geen tarief voor ${v.code} (${v.leveringsvorm}) op ${v.begin}`);
  return b;
}
