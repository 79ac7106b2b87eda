/**
 * Inkoop's use cases: each takes the transaction (and the actor) so a route, the demo seed or an
 * import all go the same way. Inkoop holds no personal data: structured log events are written by
 * the routes (contract_aangemaakt). A changed taakgericht monthly amount is money financien pays
 * out without declarations, so that change leaves an audit entry (ADR 34: here, not in the route).
 */
import { appendAudit } from '../../platform/audit/store.ts';
import { Problem, notFound, type InvalidParam } from '../../platform/http/problem.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import {
  WETTEN, berekenEenheidBudget, budgetTot, controleerMaandbedrag, controleerProduct, geldtOp, hoogsteTarieven, isAgbCode, isKvkNummer, kiesDuur, maandenVan,
  planNieuwePeriode, resultaatBudget, resultaatSoortVan, taakgerichtBudget, volumeHonderdsten, WMO757,
  type Afwijzing, type Budget, type Frequentie, type ProductGegevens, type TariefPeriode,
} from './rules.ts';
import {
  aanbiederRefs, agbBestaat, contractenLijst, getAanbieder, getContract, getProduct, insertAanbieder, insertContract, insertOnderaannemers, insertPgbTarief,
  insertProduct, insertResultaatTarieven, insertTarief, lopendPerAanbieder, nummerBestaat, onderaannemersVan, pgbTarieven, productenMetCode,
  productenVanContract, productRefs, resultaatTarieven, sluitResultaatTarieven, taakgerichteProducten as leesTaakgerichteProducten, tarievenVan,
  updateAanbieder, updateMaandbedrag, updatePgbTarief, updateProduct, updateTarief, verwijderResultaatVersie, volgendContractnummer, zoekAanbieders,
  type Aanbieder, type AanbiederOpslag, type AanbiederRef, type PgbRij, type ProductRef, type ProductRij, type ResultaatRij, type TaakgerichtContractProduct,
  type TariefRij,
} from './store.ts';
import { euroTekst, leesKop, leesRegel, type RuweTabel, type TabelRij } from './tabel.ts';

export type { Aanbieder, AanbiederRef, ProductRef, TaakgerichtContractProduct } from './store.ts';

const ongeldig = (fouten: Afwijzing[], detail?: string) =>
  new Problem('ongeldige-invoer', detail ?? fouten.map((f) => f.reden).join('; '), fouten.map((f) => ({ name: f.veld, code: 'ongeldig', reason: f.reden })));

// ————— Aanbieders —————

export type AanbiederInvoer = Omit<AanbiederOpslag, 'actief' | 'wetten' | 'kvkNummer' | 'straat' | 'huisnummer' | 'postcode' | 'plaats' | 'contactNaam' | 'contactEmail' | 'contactTelefoon'>
  & Partial<AanbiederOpslag>;

function controleerAanbieder(a: Partial<AanbiederOpslag>): Afwijzing[] {
  const fouten: Afwijzing[] = [];
  if (a.naam !== undefined && !a.naam.trim()) fouten.push({ veld: 'naam', reden: 'Naam is verplicht' });
  if (a.agbCode !== undefined && !isAgbCode(a.agbCode)) fouten.push({ veld: 'agbCode', reden: 'Een AGB-code bestaat uit 8 cijfers' });
  if (a.kvkNummer && !isKvkNummer(a.kvkNummer)) fouten.push({ veld: 'kvkNummer', reden: 'Een KvK-nummer bestaat uit 8 cijfers' });
  for (const w of a.wetten ?? []) {
    if (!(WETTEN as readonly string[]).includes(w)) fouten.push({ veld: 'wetten', reden: `Onbekende wet '${w}': kies ${WETTEN.join(', ')}` });
  }
  return fouten;
}

export async function maakAanbieder(tx: Tx, actor: Actor, invoer: AanbiederInvoer): Promise<Aanbieder> {
  const a: AanbiederOpslag = {
    naam: invoer.naam, agbCode: invoer.agbCode, kvkNummer: invoer.kvkNummer ?? null, straat: invoer.straat ?? null, huisnummer: invoer.huisnummer ?? null,
    postcode: invoer.postcode ?? null, plaats: invoer.plaats ?? null, contactNaam: invoer.contactNaam ?? null, contactEmail: invoer.contactEmail ?? null,
    contactTelefoon: invoer.contactTelefoon ?? null, wetten: [...new Set(invoer.wetten ?? [])], actief: invoer.actief ?? true,
  };
  const fouten = controleerAanbieder(a);
  if (fouten.length) throw ongeldig(fouten);
  if (await agbBestaat(tx, a.agbCode)) {
    throw new Problem('conflict', `Er is al een aanbieder met AGB-code ${a.agbCode}.`, [{ name: 'agbCode', code: 'bestaat-al', reason: 'Deze AGB-code is al in gebruik' }]);
  }
  const id = await insertAanbieder(tx, actor.gemeenteId, a);
  return (await getAanbieder(tx, id))!;
}

export async function wijzigAanbieder(tx: Tx, _actor: Actor, id: string, wijziging: Partial<AanbiederOpslag>): Promise<Aanbieder> {
  if (!(await getAanbieder(tx, id))) throw notFound('Deze aanbieder');
  const w = { ...wijziging, ...(wijziging.wetten ? { wetten: [...new Set(wijziging.wetten)] } : {}) };
  const fouten = controleerAanbieder(w);
  if (fouten.length) throw ongeldig(fouten);
  if (w.agbCode && (await agbBestaat(tx, w.agbCode, id))) {
    throw new Problem('conflict', `Er is al een aanbieder met AGB-code ${w.agbCode}.`, [{ name: 'agbCode', code: 'bestaat-al', reason: 'Deze AGB-code is al in gebruik' }]);
  }
  await updateAanbieder(tx, id, w);
  return (await getAanbieder(tx, id))!;
}

/** Who an aanbieder is (for other contexts: the voorziening shows its provider), or null. */
export async function aanbiederVan(tx: Tx, id: string): Promise<Aanbieder | null> {
  return (await getAanbieder(tx, id)) ?? null;
}

/** The providers to choose from elsewhere (beheer ties provider staff to one), by name, with whether they are active. */
export async function aanbiederKeuzes(tx: Tx): Promise<(AanbiederRef & { actief: boolean })[]> {
  return (await zoekAanbieders(tx, {})).map((x) => ({ id: x.id, naam: x.naam, agbCode: x.agbCode, actief: x.actief }));
}

/** Names and AGB codes of these providers (those of the gemeente; others are absent). */
export async function aanbiedersMetId(tx: Tx, ids: readonly string[]): Promise<Map<string, AanbiederRef>> {
  return aanbiederRefs(tx, ids);
}

// ————— Contracten —————

export interface ContractProductInvoer {
  wet: string; productcategorie?: string | null | undefined; productcode: string; naam: string; eenheid: string; frequentie: string;
  tariefCents: number; bekostiging: string; resultaatgericht?: boolean | undefined; capaciteit?: number | null | undefined;
  /** Taakgericht: the fixed amount per month in cents (required); otherwise absent or null. */
  maandbedragCents?: number | null | undefined;
}
export interface ContractInvoer {
  aanbiederId: string; nummer?: string | null | undefined; perceel?: string | null | undefined; van: string; tot?: string | null | undefined;
  onderaannemers?: string[] | undefined; producten: ContractProductInvoer[];
}

export interface Tarief { id: string; van: string; tot: string | null; tariefCents: number }
export interface ContractProduct extends ProductRij {
  /** The tariff valid today (null when none is). */
  tariefCents: number | null;
  tarieven: Tarief[];
}
export interface Contract {
  id: string; nummer: string; perceel: string | null; van: string; tot: string | null; aanbiederId: string; aanbieder: AanbiederRef;
  onderaannemers: AanbiederRef[]; producten: ContractProduct[];
}

/** A product as it is stored: the monthly amount always present (null when not taakgericht). */
export type ProductOpslag = ProductGegevens & { maandbedragCents: number | null };

export const productGegevens = (p: ContractProductInvoer): ProductOpslag => ({
  wet: p.wet, productcategorie: p.productcategorie ?? null, productcode: p.productcode.toUpperCase(), naam: p.naam.trim(), eenheid: p.eenheid,
  frequentie: p.frequentie, bekostiging: p.bekostiging, resultaatgericht: p.resultaatgericht ?? false, tariefCents: p.tariefCents, capaciteit: p.capaciteit ?? null,
  maandbedragCents: p.maandbedragCents ?? null,
});

const metIndex = (fouten: Afwijzing[], i: number): Afwijzing[] => fouten.map((f) => ({ veld: `producten.${i}.${f.veld}`, reden: f.reden }));

export async function maakContract(tx: Tx, actor: Actor, invoer: ContractInvoer): Promise<Contract> {
  const fouten: Afwijzing[] = [];
  const tot = invoer.tot ?? null;
  if (tot !== null && tot < invoer.van) fouten.push({ veld: 'tot', reden: 'Het contract eindigt vóór het begint' });
  const hoofd = await getAanbieder(tx, invoer.aanbiederId);
  if (!hoofd) fouten.push({ veld: 'aanbiederId', reden: 'Deze aanbieder bestaat niet' });
  const onder = [...new Set(invoer.onderaannemers ?? [])];
  if (onder.includes(invoer.aanbiederId)) fouten.push({ veld: 'onderaannemers', reden: 'De hoofdaannemer kan niet ook onderaannemer zijn' });
  const bekend = await aanbiederRefs(tx, onder);
  if (onder.some((o) => !bekend.has(o))) fouten.push({ veld: 'onderaannemers', reden: 'Een van de onderaannemers bestaat niet' });
  const producten = invoer.producten.map(productGegevens);
  const gezien = new Set<string>();
  producten.forEach((p, i) => {
    fouten.push(...metIndex(controleerProduct(p), i));
    const sleutel = `${p.wet}/${p.productcode}`;
    if (gezien.has(sleutel)) fouten.push({ veld: `producten.${i}.productcode`, reden: `Product ${p.productcode} (${p.wet}) staat twee keer in het contract` });
    gezien.add(sleutel);
  });
  const nummer = invoer.nummer?.trim() || null;
  if (nummer && (await nummerBestaat(tx, nummer))) {
    throw new Problem('conflict', `Er is al een contract met nummer ${nummer}.`, [{ name: 'nummer', code: 'bestaat-al', reason: 'Dit contractnummer is al in gebruik' }]);
  }
  if (fouten.length) throw ongeldig(fouten);
  const id = await insertContract(tx, actor.gemeenteId, {
    aanbiederId: invoer.aanbiederId, nummer: nummer ?? (await volgendContractnummer(tx, actor.gemeenteId, Number(invoer.van.slice(0, 4)))),
    perceel: invoer.perceel?.trim() || null, van: invoer.van, tot,
  });
  await insertOnderaannemers(tx, actor.gemeenteId, id, onder);
  for (const p of producten) {
    const pid = await insertProduct(tx, actor.gemeenteId, id, p);
    await insertTarief(tx, actor.gemeenteId, { contractProductId: pid, van: invoer.van, tot: null, tariefCents: p.tariefCents });
  }
  return (await contractVan(tx, id))!;
}

/** A contract with its aanbieder, onderaannemers and products with their whole tariff history. */
export async function contractVan(tx: Tx, id: string, peildatum: string = vandaag()): Promise<Contract | null> {
  const c = await getContract(tx, id);
  if (!c) return null;
  const onder = await onderaannemersVan(tx, id);
  const refs = await aanbiederRefs(tx, [c.aanbiederId, ...onder]);
  const producten = await productenVanContract(tx, id);
  const tarieven = await tarievenVan(tx, producten.map((p) => p.id));
  return {
    ...c, aanbieder: refs.get(c.aanbiederId)!, onderaannemers: onder.map((o) => refs.get(o)!).sort((a, b) => a.naam.localeCompare(b.naam, 'nl')),
    producten: producten.map((p) => metTarieven(p, tarieven, peildatum)),
  };
}

function metTarieven(p: ProductRij, tarieven: readonly TariefRij[], peildatum: string): ContractProduct {
  const eigen = tarieven.filter((t) => t.contractProductId === p.id).map((t) => ({ id: t.id, van: t.van, tot: t.tot, tariefCents: t.tariefCents }));
  return { ...p, tariefCents: eigen.find((t) => geldtOp(t, peildatum))?.tariefCents ?? null, tarieven: eigen };
}

export async function contracten(tx: Tx, f: { aanbiederId?: string | undefined }) {
  const lijst = await contractenLijst(tx, f);
  const refs = await aanbiederRefs(tx, lijst.map((c) => c.aanbiederId));
  return lijst.map((c) => ({ ...c, aanbieder: refs.get(c.aanbiederId)! }));
}

/** Adds one product to a contract; its tariff starts on `van` (default: the contract's start). */
export async function voegProductToe(tx: Tx, actor: Actor, contractId: string, invoer: ContractProductInvoer & { van?: string | undefined }): Promise<ContractProduct> {
  const c = await getContract(tx, contractId, { voorUpdate: true });
  if (!c) throw notFound('Dit contract');
  const p = productGegevens(invoer);
  const fouten = controleerProduct(p);
  const van = invoer.van ?? c.van;
  if (van < c.van || (c.tot !== null && van > c.tot)) fouten.push({ veld: 'van', reden: `Het tarief moet ingaan binnen de looptijd van het contract (${c.van} t/m ${c.tot ?? 'onbepaald'})` });
  if (fouten.length) throw ongeldig(fouten);
  if ((await productenVanContract(tx, contractId)).some((b) => b.wet === p.wet && b.productcode === p.productcode)) {
    throw new Problem('conflict', `Product ${p.productcode} (${p.wet}) staat al in dit contract.`, [{ name: 'productcode', code: 'bestaat-al', reason: 'Dit product staat al in het contract' }]);
  }
  const pid = await insertProduct(tx, actor.gemeenteId, contractId, p);
  await insertTarief(tx, actor.gemeenteId, { contractProductId: pid, van, tot: null, tariefCents: p.tariefCents });
  return productMetTarieven(tx, pid);
}

async function productMetTarieven(tx: Tx, id: string): Promise<ContractProduct> {
  const p = (await getProduct(tx, id))!;
  return metTarieven(p, await tarievenVan(tx, [id]), vandaag());
}

export async function contractProduct(tx: Tx, id: string): Promise<ContractProduct | null> {
  return (await getProduct(tx, id)) ? productMetTarieven(tx, id) : null;
}

/**
 * A new tariff from `van`: ends the previous period the day before; the same start date corrects
 * the latest tariff; a date on or before the start of a later period is refused (409).
 */
export async function zetTarief(tx: Tx, actor: Actor, contractProductId: string, invoer: { van: string; tariefCents: number }): Promise<ContractProduct> {
  const p = await getProduct(tx, contractProductId, { voorUpdate: true });
  if (!p) throw notFound('Dit contractproduct');
  const c = (await getContract(tx, p.contractId))!;
  if (!Number.isSafeInteger(invoer.tariefCents) || invoer.tariefCents < 0) throw ongeldig([{ veld: 'tariefCents', reden: 'Het tarief is een heel aantal centen, 0 of meer' }]);
  if (invoer.van < c.van || (c.tot !== null && invoer.van > c.tot)) {
    throw ongeldig([{ veld: 'van', reden: `Het tarief moet ingaan binnen de looptijd van het contract (${c.van} t/m ${c.tot ?? 'onbepaald'})` }]);
  }
  const bestaand = await tarievenVan(tx, [p.id]);
  const plan = planNieuwePeriode(bestaand, invoer.van);
  if (plan.soort === 'conflict') {
    throw new Problem('tariefperiode-overlapt',
      `Er geldt al een tarief vanaf ${plan.laatsteVan}. Een nieuw tarief gaat in na die datum; een tarief midden in de geschiedenis wordt niet herschreven.`,
      [{ name: 'van', code: 'overlapt', reason: `Kies een datum na ${plan.laatsteVan}` }]);
  }
  if (plan.soort === 'vervang') await updateTarief(tx, plan.id, { tariefCents: invoer.tariefCents });
  else {
    if (plan.afsluiten) await updateTarief(tx, plan.afsluiten.id, { tot: plan.afsluiten.tot });
    await insertTarief(tx, actor.gemeenteId, { contractProductId: p.id, van: invoer.van, tot: null, tariefCents: invoer.tariefCents });
  }
  return productMetTarieven(tx, p.id);
}

const maandbedragAudit = (tx: Tx, actor: Actor, p: { id: string; productcode: string; naam: string }, oud: number | null, nieuw: number) =>
  appendAudit(tx, actor, [{
    actie: 'wijzigen', resourceType: 'contractproduct', resourceId: p.id, persoonId: null,
    doel: `bedrag per maand van ${p.productcode} ${p.naam}: ${oud === null ? 'geen' : `€ ${euroTekst(oud)}`} → € ${euroTekst(nieuw)}`,
  }]);

/**
 * The fixed monthly amount of a taakgericht product (financien pays it each month from the next
 * payment run on; months already paid keep what was paid). Another bekostiging has none: 400.
 */
export async function zetMaandbedrag(tx: Tx, actor: Actor, contractProductId: string, invoer: { maandbedragCents: number }): Promise<ContractProduct> {
  const p = await getProduct(tx, contractProductId, { voorUpdate: true });
  if (!p) throw notFound('Dit contractproduct');
  const fouten = controleerMaandbedrag(p.bekostiging, invoer.maandbedragCents);
  if (fouten.length) throw ongeldig(fouten);
  if (p.maandbedragCents !== invoer.maandbedragCents) {
    await updateMaandbedrag(tx, p.id, invoer.maandbedragCents);
    await maandbedragAudit(tx, actor, p, p.maandbedragCents, invoer.maandbedragCents);
  }
  return productMetTarieven(tx, p.id);
}

/** For financien's payment run: the taakgericht products with their monthly amount and their contract's period. */
export async function taakgerichteProducten(tx: Tx, aanbiederId?: string): Promise<TaakgerichtContractProduct[]> {
  return leesTaakgerichteProducten(tx, aanbiederId);
}

/** What these contract products are (law, category, code, name), for a payment that names them. */
export async function contractProductRefs(tx: Tx, ids: readonly string[]): Promise<Map<string, ProductRef>> {
  return productRefs(tx, ids);
}

// ————— Resultaat- en pgb-tarieven —————

export interface ResultaatTabelInvoer {
  wet: string; productcode: string; van: string;
  regels: { profiel: string; intensiteit: string; duurMaanden?: number | null | undefined; bedragCents: number }[];
}

/**
 * A new version of one product's result table from `van`: the previous version ends the day before;
 * a version starting the same day is replaced; a date on or before a later version is refused.
 */
export async function zetResultaatTarieven(tx: Tx, actor: Actor, invoer: ResultaatTabelInvoer): Promise<ResultaatRij[]> {
  const soort = resultaatSoortVan(invoer.wet);
  const fouten: Afwijzing[] = [];
  if (!soort) fouten.push({ veld: 'wet', reden: 'Resultaatgerichte tabellen bestaan alleen voor Wmo (begeleiding) en Jeugdwet (profielen)' });
  const gezien = new Set<string>();
  invoer.regels.forEach((r, i) => {
    if (!r.profiel.trim()) fouten.push({ veld: `regels.${i}.profiel`, reden: 'Profiel is verplicht' });
    if (!r.intensiteit.trim()) fouten.push({ veld: `regels.${i}.intensiteit`, reden: 'Intensiteit is verplicht' });
    if (soort === 'wmoBegeleiding' && !r.duurMaanden) fouten.push({ veld: `regels.${i}.duurMaanden`, reden: 'Wmo-begeleiding heeft een duur in maanden' });
    if (soort === 'jeugdprofiel' && r.duurMaanden) fouten.push({ veld: `regels.${i}.duurMaanden`, reden: 'Een Jeugdprofiel heeft geen duur' });
    if (!Number.isSafeInteger(r.bedragCents) || r.bedragCents < 0) fouten.push({ veld: `regels.${i}.bedragCents`, reden: 'Het bedrag is een heel aantal centen, 0 of meer' });
    const k = `${r.profiel}|${r.intensiteit}|${r.duurMaanden ?? ''}`;
    if (gezien.has(k)) fouten.push({ veld: `regels.${i}`, reden: 'Deze combinatie staat twee keer in de tabel' });
    gezien.add(k);
  });
  if (invoer.regels.length === 0) fouten.push({ veld: 'regels', reden: 'Een tabel heeft minstens één regel' });
  if (fouten.length) throw ongeldig(fouten);
  const bestaand = await resultaatTarieven(tx, { wet: invoer.wet, productcode: invoer.productcode });
  const versies = [...new Map(bestaand.map((r) => [r.van, { id: r.van, van: r.van, tot: r.tot }])).values()];
  const plan = planNieuwePeriode(versies, invoer.van);
  if (plan.soort === 'conflict') {
    throw new Problem('tariefperiode-overlapt', `Er is al een versie van deze tabel vanaf ${plan.laatsteVan}. Een nieuwe versie gaat in na die datum.`,
      [{ name: 'van', code: 'overlapt', reason: `Kies een datum na ${plan.laatsteVan}` }]);
  }
  let tot: string | null = null;
  if (plan.soort === 'vervang') {
    tot = bestaand.find((r) => r.van === invoer.van)?.tot ?? null;
    await verwijderResultaatVersie(tx, invoer.wet, invoer.productcode, invoer.van);
  } else if (plan.afsluiten) {
    await sluitResultaatTarieven(tx, invoer.wet, invoer.productcode, plan.afsluiten.id, plan.afsluiten.tot);
  }
  await insertResultaatTarieven(tx, actor.gemeenteId, invoer.regels.map((r) => ({
    wet: invoer.wet, productcode: invoer.productcode.toUpperCase(), soort: soort!, profiel: r.profiel.trim(), intensiteit: r.intensiteit.trim(),
    duurMaanden: soort === 'wmoBegeleiding' ? r.duurMaanden! : null, bedragCents: r.bedragCents, van: invoer.van, tot,
  })));
  return resultaatTarieven(tx, { wet: invoer.wet, productcode: invoer.productcode.toUpperCase() });
}

export { resultaatTarieven, pgbTarieven };

export interface PgbTariefInvoer { wet: string; productcode: string; eenheid: string; frequentie: string; tariefCents: number; van: string }

/** A pgb tariff from `van` for (wet, productcode): the previous one ends the day before (as the contract tariffs). */
export async function zetPgbTarief(tx: Tx, actor: Actor, invoer: PgbTariefInvoer): Promise<PgbRij[]> {
  const fouten = controleerProduct({
    wet: invoer.wet, productcategorie: null, productcode: invoer.productcode, naam: 'pgb', eenheid: invoer.eenheid, frequentie: invoer.frequentie,
    bekostiging: 'inspanningsgericht', resultaatgericht: false, tariefCents: invoer.tariefCents, capaciteit: null,
  }).filter((f) => f.veld !== 'productcategorie');
  if (fouten.length) throw ongeldig(fouten);
  const productcode = invoer.productcode.toUpperCase();
  const bestaand = await pgbTarieven(tx, { wet: invoer.wet, productcode });
  const plan = planNieuwePeriode(bestaand, invoer.van);
  if (plan.soort === 'conflict') {
    throw new Problem('tariefperiode-overlapt', `Er geldt al een pgb-tarief vanaf ${plan.laatsteVan}. Een nieuw tarief gaat in na die datum.`,
      [{ name: 'van', code: 'overlapt', reason: `Kies een datum na ${plan.laatsteVan}` }]);
  }
  if (plan.soort === 'vervang') await updatePgbTarief(tx, plan.id, { tariefCents: invoer.tariefCents, eenheid: invoer.eenheid, frequentie: invoer.frequentie });
  else {
    if (plan.afsluiten) await updatePgbTarief(tx, plan.afsluiten.id, { tot: plan.afsluiten.tot });
    await insertPgbTarief(tx, actor.gemeenteId, { wet: invoer.wet, productcode, eenheid: invoer.eenheid, frequentie: invoer.frequentie, tariefCents: invoer.tariefCents, van: invoer.van, tot: null });
  }
  return pgbTarieven(tx, { wet: invoer.wet, productcode });
}

// ————— For the voorziening: who is contracted, what the product is, the budget —————

export interface Gecontracteerd {
  aanbiederId: string; aanbiederNaam: string; agbCode: string; contractId: string; contractProductId: string; productcategorie: string | null;
  productcode: string; naam: string; eenheid: string; frequentie: string; bekostiging: string; resultaatgericht: boolean; tariefCents: number;
  capaciteit: number | null; lopend: number;
}

const geldigOp = (datum: string) => (p: { contractVan: string; contractTot: string | null }) => geldtOp({ van: p.contractVan, tot: p.contractTot }, datum);

/** The active aanbieders contracted for (wet, productcode) on a date, with the tariff, capacity and running provisions. */
export async function gecontracteerd(tx: Tx, q: { wet: string; productcode: string; datum: string }): Promise<Gecontracteerd[]> {
  const producten = (await productenMetCode(tx, q.wet, q.productcode)).filter(geldigOp(q.datum));
  if (producten.length === 0) return [];
  const aanbieders = new Map((await Promise.all([...new Set(producten.map((p) => p.aanbiederId))].map((id) => getAanbieder(tx, id))))
    .filter((a): a is Aanbieder => a !== undefined && a.actief).map((a) => [a.id, a]));
  const tarieven = await tarievenVan(tx, producten.map((p) => p.id));
  const lopend = await lopendPerAanbieder(tx, q.wet, q.productcode, q.datum);
  const uit: Gecontracteerd[] = [];
  for (const p of producten) {
    const a = aanbieders.get(p.aanbiederId);
    if (!a) continue;
    const eigen = tarieven.filter((t) => t.contractProductId === p.id && t.van <= q.datum);
    // The tariff valid on the date, else the last one before it (continuation, ADR 31).
    const t = eigen.find((x) => geldtOp(x, q.datum)) ?? eigen.at(-1);
    if (!t) continue;
    uit.push({
      aanbiederId: a.id, aanbiederNaam: a.naam, agbCode: a.agbCode, contractId: p.contractId, contractProductId: p.id, productcategorie: p.productcategorie,
      productcode: p.productcode, naam: p.naam, eenheid: p.eenheid, frequentie: p.frequentie, bekostiging: p.bekostiging, resultaatgericht: p.resultaatgericht,
      tariefCents: t.tariefCents, capaciteit: p.capaciteit, lopend: lopend.get(a.id) ?? 0,
    });
  }
  return uit.sort((x, y) => x.aanbiederNaam.localeCompare(y.aanbiederNaam, 'nl') || x.contractId.localeCompare(y.contractId));
}

export interface ProductInfo {
  wet: string; productcategorie: string | null; productcode: string; naam: string; eenheid: string; frequentie: string; bekostiging: string; resultaatgericht: boolean;
}

/** What a product is (name, category, unit, frequency, bekostiging): from a contract valid on the date, else the latest one; null if never contracted. */
export async function productInfo(tx: Tx, q: { wet: string; productcode: string; datum: string }): Promise<ProductInfo | null> {
  const alle = await productenMetCode(tx, q.wet, q.productcode);
  const p = alle.find(geldigOp(q.datum)) ?? alle[0];
  if (!p) return null;
  return {
    wet: p.wet, productcategorie: p.productcategorie, productcode: p.productcode, naam: p.naam, eenheid: p.eenheid, frequentie: p.frequentie,
    bekostiging: p.bekostiging, resultaatgericht: p.resultaatgericht,
  };
}

export interface BudgetVraag {
  wet: string; productcode: string; contractProductId?: string | null | undefined; leveringsvorm: 'zin' | 'pgb'; volume: number | string;
  frequentie?: string | null | undefined; begin: string; eind: string | null; resultaat?: { profiel: string; intensiteit: string } | null | undefined;
}
export interface BudgetAntwoord extends Budget { bron: 'contract' | 'referentie' | 'pgb' | 'resultaat' | 'taakgericht' }

const nietGecontracteerd = (detail: string) => new Problem('geen-gecontracteerd-product', detail);

/**
 * The budget of a provision in cents (ADR 31): with a contractProductId that contract's tariffs;
 * without, the highest tariff among the contracts valid on each day (the reservation); pgb from the
 * pgb tariffs; result-based from the result table; taakgericht 0.
 */
export async function berekenBudget(tx: Tx, v: BudgetVraag): Promise<BudgetAntwoord> {
  const invoerFout = (veld: string, reden: string) => new Problem('ongeldige-invoer', reden, [{ name: veld, code: 'ongeldig', reason: reden }] satisfies InvalidParam[]);
  if (v.eind !== null && v.eind < v.begin) throw invoerFout('eind', 'De einddatum ligt vóór de begindatum');
  try { volumeHonderdsten(v.volume); } catch { throw invoerFout('volume', 'Het volume is een getal van 0 of meer met hoogstens 2 decimalen'); }
  if (v.frequentie && !(v.frequentie in WMO757)) throw invoerFout('frequentie', 'Kies een frequentie uit WMO757 (1, 2, 4 of 6)');
  const productcode = v.productcode.toUpperCase();

  if (v.leveringsvorm === 'pgb') {
    const rijen = await pgbTarieven(tx, { wet: v.wet, productcode });
    const opBegin = rijen.find((r) => geldtOp(r, v.begin));
    if (!opBegin) throw nietGecontracteerd(`Er is geen pgb-tarief voor product ${productcode} (${v.wet}) op ${v.begin}.`);
    const b = berekenEenheidBudget({ tarieven: rijen, volume: v.volume, frequentie: (v.frequentie ?? opBegin.frequentie) as Frequentie, begin: v.begin, eind: v.eind })!;
    return { ...b, bron: 'pgb' };
  }

  let producten: (ProductRij & { contractVan: string; contractTot: string | null })[];
  // The reservation prices every day at the highest tariff of the contracts valid on that day, also those starting later.
  let metTarief: (ProductRij & { contractVan: string; contractTot: string | null })[];
  if (v.contractProductId) {
    const p = await getProduct(tx, v.contractProductId);
    if (!p || p.wet !== v.wet || p.productcode !== productcode) throw invoerFout('contractProductId', 'Dit contractproduct hoort niet bij deze wet en productcode');
    const c = (await getContract(tx, p.contractId))!;
    producten = [{ ...p, contractVan: c.van, contractTot: c.tot }];
    metTarief = producten;
    if (!geldtOp({ van: c.van, tot: c.tot }, v.begin)) throw nietGecontracteerd(`Het contract van dit product geldt niet op ${v.begin}.`);
  } else {
    metTarief = await productenMetCode(tx, v.wet, productcode);
    producten = metTarief.filter(geldigOp(v.begin));
  }
  if (producten.length === 0) throw nietGecontracteerd(`Product ${productcode} (${v.wet}) is op ${v.begin} bij geen enkele aanbieder gecontracteerd.`);

  if (producten.every((p) => p.bekostiging === 'taakgericht')) return { ...taakgerichtBudget(v.begin, v.eind), bron: 'taakgericht' };

  if (producten.some((p) => p.resultaatgericht)) {
    const soort = resultaatSoortVan(v.wet);
    if (!v.resultaat) throw invoerFout('resultaat', 'Dit product wordt resultaatgericht bekostigd: kies profiel en intensiteit');
    const { profiel, intensiteit } = v.resultaat;
    const rijen = (await resultaatTarieven(tx, { wet: v.wet, productcode, datum: v.begin }))
      .filter((r) => r.soort === soort && r.profiel === profiel && r.intensiteit === intensiteit);
    let rij = rijen[0];
    if (soort === 'wmoBegeleiding') {
      const duur = kiesDuur(rijen.map((r) => r.duurMaanden!), maandenVan(v.begin, budgetTot(v.begin, v.eind)));
      rij = rijen.find((r) => r.duurMaanden === duur);
    }
    if (!rij) throw nietGecontracteerd(`De resultaattabel van ${productcode} kent op ${v.begin} geen bedrag voor profiel '${profiel}' en intensiteit '${intensiteit}'.`);
    return { ...resultaatBudget(rij.bedragCents, v.volume, v.begin, v.eind), bron: 'resultaat' };
  }

  // Tariffs count only inside their contract's period.
  const tarieven = await tarievenVan(tx, metTarief.map((p) => p.id));
  const perioden: TariefPeriode[] = tarieven.flatMap((t) => {
    const p = metTarief.find((x) => x.id === t.contractProductId)!;
    const van = t.van > p.contractVan ? t.van : p.contractVan;
    const tot = [t.tot, p.contractTot].filter((x): x is string => x !== null).sort()[0] ?? null;
    return tot !== null && tot < van ? [] : [{ van, tot, tariefCents: t.tariefCents }];
  });
  const frequentie = (v.frequentie ?? producten[0]!.frequentie) as Frequentie;
  const b = berekenEenheidBudget({ tarieven: v.contractProductId ? perioden : hoogsteTarieven(perioden), volume: v.volume, frequentie, begin: v.begin, eind: v.eind });
  if (!b) throw nietGecontracteerd(`Voor product ${productcode} (${v.wet}) geldt op ${v.begin} geen tarief.`);
  return { ...b, bron: v.contractProductId ? 'contract' : 'referentie' };
}


// ————— The product table as a file (CSV/XLSX) —————

/** The product table for export: one line per product with the tariff valid on the date (else the next, else the last). */
export async function productTabel(tx: Tx, contractId: string, peildatum: string = vandaag()): Promise<TabelRij[] | null> {
  const c = await contractVan(tx, contractId, peildatum);
  if (!c) return null;
  return c.producten.map((p) => {
    const t = p.tarieven.find((x) => geldtOp(x, peildatum)) ?? p.tarieven.find((x) => x.van > peildatum) ?? p.tarieven.at(-1);
    return {
      wet: p.wet, productcategorie: p.productcategorie, productcode: p.productcode, naam: p.naam, eenheid: p.eenheid, frequentie: p.frequentie,
      bekostiging: p.bekostiging, tariefCents: t?.tariefCents ?? null, van: t?.van ?? null, resultaatgericht: p.resultaatgericht, capaciteit: p.capaciteit,
      maandbedragCents: p.maandbedragCents,
    };
  });
}

export interface ImportVerslag {
  geschreven: boolean; toegevoegd: number; gewijzigd: number; ongewijzigd: number; afgewezen: { regel: number; veld: string; reden: string }[];
}

const MAX_REGELS = 5000;

/**
 * Reads a product table into a contract. Every line is checked first (codes, amounts, dates, the
 * tariff history); a new product is added with its tariff from `Van` (else the contract's start), a
 * known one (same wet and productcode) gets its description updated and, when the tariff differs, a
 * new tariff from `Van`. With `allesOfNiets` one refused line means nothing is written.
 */
export async function importeerProducten(tx: Tx, actor: Actor, contractId: string, tabel: RuweTabel, opties: { allesOfNiets: boolean }): Promise<ImportVerslag> {
  const c = await getContract(tx, contractId, { voorUpdate: true });
  if (!c) throw notFound('Dit contract');
  const niets = (afgewezen: ImportVerslag['afgewezen']): ImportVerslag => ({ geschreven: false, toegevoegd: 0, gewijzigd: 0, ongewijzigd: 0, afgewezen });
  const kop = leesKop(tabel.kop);
  if (kop.fouten.length) return niets(kop.fouten.map((f) => ({ regel: 1, ...f })));
  if (tabel.regels.length === 0) return niets([{ regel: 1, veld: 'bestand', reden: 'Het bestand bevat geen productregels onder de kopregel' }]);
  if (tabel.regels.length > MAX_REGELS) return niets([{ regel: 1, veld: 'bestand', reden: `Hoogstens ${MAX_REGELS} productregels per bestand` }]);

  const bestaand = await productenVanContract(tx, contractId);
  const tarieven = await tarievenVan(tx, bestaand.map((p) => p.id));
  const vandaagNL = vandaag();
  const afgewezen: ImportVerslag['afgewezen'] = [];
  const gezien = new Map<string, number>();
  const metMaandbedrag = kop.index.has('maandbedrag');
  type Actie = { soort: 'toevoegen'; p: ProductOpslag; van: string } | { soort: 'wijzigen'; oud: ProductRij; p: ProductOpslag; beschrijving: boolean; tariefVan: string | null };
  const acties: Actie[] = [];
  let ongewijzigd = 0;
  for (const r of tabel.regels) {
    const g = leesRegel(kop.index, r);
    const fouten = [...g.fouten];
    const sleutel = `${g.product.wet}/${g.product.productcode}`;
    if (gezien.has(sleutel)) fouten.push({ veld: 'productcode', reden: `Product ${g.product.productcode} (${g.product.wet}) staat al op regel ${gezien.get(sleutel)}` });
    else gezien.set(sleutel, r.regel);
    if (g.van && (g.van < c.van || (c.tot !== null && g.van > c.tot))) {
      fouten.push({ veld: 'van', reden: `De datum ligt buiten de looptijd van het contract (${c.van} t/m ${c.tot ?? 'onbepaald'})` });
    }
    const oud = bestaand.find((p) => p.wet === g.product.wet && p.productcode === g.product.productcode);
    // A file from before the monthly amount column: a known taakgericht product keeps its amount, a new one needs the column.
    const p: ProductOpslag = metMaandbedrag ? g.product
      : { ...g.product, maandbedragCents: oud && g.product.bekostiging === 'taakgericht' ? oud.maandbedragCents : null };
    if (!metMaandbedrag) {
      fouten.push(...controleerMaandbedrag(p.bekostiging, p.maandbedragCents).map((f) => ({ veld: 'maandbedrag', reden: `${f.reden}: voeg de kolom 'Bedrag per maand (euro)' toe` })));
    }
    let actie: Actie | null = null;
    if (fouten.length === 0 && !oud) actie = { soort: 'toevoegen', p, van: g.van ?? c.van };
    else if (fouten.length === 0 && oud) {
      const beschrijving = oud.productcategorie !== p.productcategorie || oud.naam !== p.naam || oud.eenheid !== p.eenheid || oud.frequentie !== p.frequentie
        || oud.bekostiging !== p.bekostiging || oud.resultaatgericht !== p.resultaatgericht || oud.capaciteit !== p.capaciteit
        || oud.maandbedragCents !== p.maandbedragCents;
      const eigen = tarieven.filter((t) => t.contractProductId === oud.id);
      const peil = g.van ?? vandaagNL;
      const huidig = eigen.find((t) => geldtOp(t, peil)) ?? eigen.filter((t) => t.van <= peil).at(-1);
      let tariefVan: string | null = null;
      if (huidig?.tariefCents !== p.tariefCents) {
        if (!g.van) fouten.push({ veld: 'van', reden: 'Het tarief wijzigt: vul bij Van in vanaf welke datum het nieuwe tarief geldt' });
        else {
          const plan = planNieuwePeriode(eigen, g.van);
          if (plan.soort === 'conflict') fouten.push({ veld: 'van', reden: `Er geldt al een tarief vanaf ${plan.laatsteVan}; een nieuw tarief gaat in na die datum` });
          else tariefVan = g.van;
        }
      }
      if (fouten.length === 0) {
        if (beschrijving || tariefVan) actie = { soort: 'wijzigen', oud, p, beschrijving, tariefVan };
        else ongewijzigd++;
      }
    }
    if (fouten.length) afgewezen.push(...fouten.map((f) => ({ regel: r.regel, veld: f.veld, reden: f.reden })));
    else if (actie) acties.push(actie);
  }
  if (afgewezen.length && opties.allesOfNiets) return niets(afgewezen);

  let toegevoegd = 0;
  let gewijzigd = 0;
  for (const a of acties) {
    if (a.soort === 'toevoegen') {
      const pid = await insertProduct(tx, actor.gemeenteId, contractId, a.p);
      await insertTarief(tx, actor.gemeenteId, { contractProductId: pid, van: a.van, tot: null, tariefCents: a.p.tariefCents });
      toegevoegd++;
    } else {
      if (a.beschrijving) await updateProduct(tx, a.oud.id, a.p);
      if (a.p.maandbedragCents !== null && a.p.maandbedragCents !== a.oud.maandbedragCents) await maandbedragAudit(tx, actor, a.oud, a.oud.maandbedragCents, a.p.maandbedragCents);
      if (a.tariefVan) await zetTarief(tx, actor, a.oud.id, { van: a.tariefVan, tariefCents: a.p.tariefCents });
      gewijzigd++;
    }
  }
  return { geschreven: toegevoegd + gewijzigd > 0, toegevoegd, gewijzigd, ongewijzigd, afgewezen };
}
