/** Inkoop's SQL: aanbieders, contracten, products, tariffs, result tables and pgb tariffs. */
import { sql } from 'kysely';
import type { Tx } from '../../platform/tenancy/tx.ts';

export interface Aanbieder {
  id: string; naam: string; agbCode: string; kvkNummer: string | null; straat: string | null; huisnummer: string | null;
  postcode: string | null; plaats: string | null; contactNaam: string | null; contactEmail: string | null; contactTelefoon: string | null;
  wetten: string[]; actief: boolean;
}
export type AanbiederOpslag = Omit<Aanbieder, 'id'>;
export interface AanbiederRef { id: string; naam: string; agbCode: string }

const aanbiederKolommen = [
  'id', 'naam', 'agb_code', 'kvk_nummer', 'straat', 'huisnummer', 'postcode', 'plaats', 'contact_naam', 'contact_email', 'contact_telefoon', 'wetten', 'actief',
] as const;
type AanbiederRij = {
  id: string; naam: string; agb_code: string; kvk_nummer: string | null; straat: string | null; huisnummer: string | null; postcode: string | null;
  plaats: string | null; contact_naam: string | null; contact_email: string | null; contact_telefoon: string | null; wetten: string[]; actief: boolean;
};
const naarAanbieder = (r: AanbiederRij): Aanbieder => ({
  id: r.id, naam: r.naam, agbCode: r.agb_code, kvkNummer: r.kvk_nummer, straat: r.straat, huisnummer: r.huisnummer, postcode: r.postcode,
  plaats: r.plaats, contactNaam: r.contact_naam, contactEmail: r.contact_email, contactTelefoon: r.contact_telefoon, wetten: r.wetten, actief: r.actief,
});
const aanbiederWaarden = (a: Partial<AanbiederOpslag>) => ({
  ...(a.naam !== undefined ? { naam: a.naam } : {}), ...(a.agbCode !== undefined ? { agb_code: a.agbCode } : {}),
  ...(a.kvkNummer !== undefined ? { kvk_nummer: a.kvkNummer } : {}), ...(a.straat !== undefined ? { straat: a.straat } : {}),
  ...(a.huisnummer !== undefined ? { huisnummer: a.huisnummer } : {}), ...(a.postcode !== undefined ? { postcode: a.postcode } : {}),
  ...(a.plaats !== undefined ? { plaats: a.plaats } : {}), ...(a.contactNaam !== undefined ? { contact_naam: a.contactNaam } : {}),
  ...(a.contactEmail !== undefined ? { contact_email: a.contactEmail } : {}), ...(a.contactTelefoon !== undefined ? { contact_telefoon: a.contactTelefoon } : {}),
  ...(a.wetten !== undefined ? { wetten: a.wetten } : {}), ...(a.actief !== undefined ? { actief: a.actief } : {}),
});

export async function insertAanbieder(tx: Tx, gemeenteId: string, a: AanbiederOpslag): Promise<string> {
  const r = await tx.insertInto('aanbieders').values({ gemeente_id: gemeenteId, naam: a.naam, agb_code: a.agbCode, ...aanbiederWaarden(a) })
    .returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateAanbieder(tx: Tx, id: string, a: Partial<AanbiederOpslag>): Promise<void> {
  const waarden = aanbiederWaarden(a);
  if (Object.keys(waarden).length) await tx.updateTable('aanbieders').set(waarden).where('id', '=', id).execute();
}

export async function getAanbieder(tx: Tx, id: string): Promise<Aanbieder | undefined> {
  const r = await tx.selectFrom('aanbieders').select(aanbiederKolommen).where('id', '=', id).executeTakeFirst();
  return r ? naarAanbieder(r) : undefined;
}

export async function agbBestaat(tx: Tx, agbCode: string, behalve?: string): Promise<boolean> {
  let q = tx.selectFrom('aanbieders').select('id').where('agb_code', '=', agbCode);
  if (behalve) q = q.where('id', '<>', behalve);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function zoekAanbieders(tx: Tx, f: { zoek?: string | undefined; wet?: string | undefined; actief?: boolean | undefined }): Promise<Aanbieder[]> {
  let q = tx.selectFrom('aanbieders').select(aanbiederKolommen);
  if (f.actief !== undefined) q = q.where('actief', '=', f.actief);
  if (f.wet) q = q.where(sql<boolean>`${f.wet} = any(wetten)`);
  if (f.zoek) {
    const patroon = `%${f.zoek.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('naam', 'ilike', patroon), eb('agb_code', 'like', patroon), eb('plaats', 'ilike', patroon)]));
  }
  return (await q.orderBy('naam').orderBy('agb_code').execute()).map(naarAanbieder);
}

export async function aanbiederRefs(tx: Tx, ids: readonly string[]): Promise<Map<string, AanbiederRef>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.selectFrom('aanbieders').select(['id', 'naam', 'agb_code']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, naam: r.naam, agbCode: r.agb_code }]));
}

// ————— Contracten —————

export interface ContractRij { id: string; aanbiederId: string; nummer: string; perceel: string | null; van: string; tot: string | null }

export async function insertContract(tx: Tx, gemeenteId: string, c: Omit<ContractRij, 'id'>): Promise<string> {
  return (await tx.insertInto('contracten').values({
    gemeente_id: gemeenteId, aanbieder_id: c.aanbiederId, nummer: c.nummer, perceel: c.perceel, van: c.van, tot: c.tot,
  }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertOnderaannemers(tx: Tx, gemeenteId: string, contractId: string, aanbiederIds: readonly string[]): Promise<void> {
  if (aanbiederIds.length === 0) return;
  await tx.insertInto('contract_onderaannemers').values(aanbiederIds.map((a) => ({ gemeente_id: gemeenteId, contract_id: contractId, aanbieder_id: a }))).execute();
}

const contractSelect = (tx: Tx) => tx.selectFrom('contracten').select(['id', 'aanbieder_id as aanbiederId', 'nummer', 'perceel', 'van', 'tot']);

export async function getContract(tx: Tx, id: string, opts: { voorUpdate?: boolean } = {}): Promise<ContractRij | undefined> {
  let q = contractSelect(tx).where('id', '=', id);
  if (opts.voorUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function nummerBestaat(tx: Tx, nummer: string): Promise<boolean> {
  return (await tx.selectFrom('contracten').select('id').where('nummer', '=', nummer).executeTakeFirst()) !== undefined;
}

export async function contractenLijst(tx: Tx, f: { aanbiederId?: string | undefined }): Promise<(ContractRij & { aantalProducten: number })[]> {
  let q = tx.selectFrom('contracten as c').select([
    'c.id', 'c.aanbieder_id as aanbiederId', 'c.nummer', 'c.perceel', 'c.van', 'c.tot',
    sql<number>`(select count(*)::int from contract_producten p where p.contract_id = c.id)`.as('aantalProducten'),
  ]);
  if (f.aanbiederId) {
    const id = f.aanbiederId;
    q = q.where((eb) => eb.or([
      eb('c.aanbieder_id', '=', id),
      eb.exists(eb.selectFrom('contract_onderaannemers as o').select('o.contract_id').whereRef('o.contract_id', '=', 'c.id').where('o.aanbieder_id', '=', id)),
    ]));
  }
  return q.orderBy('c.van', 'desc').orderBy('c.nummer').execute();
}

export async function onderaannemersVan(tx: Tx, contractId: string): Promise<string[]> {
  return (await tx.selectFrom('contract_onderaannemers').select('aanbieder_id').where('contract_id', '=', contractId).execute()).map((r) => r.aanbieder_id);
}

/** The next contract number of a year (C-2026-0001), on the platform's counter. */
export async function volgendContractnummer(tx: Tx, gemeenteId: string, jaar: number): Promise<string> {
  const r = await tx.insertInto('nummering').values({ gemeente_id: gemeenteId, soort: 'contract', jaar, laatste: 1 })
    .onConflict((oc) => oc.columns(['gemeente_id', 'soort', 'jaar']).doUpdateSet({ laatste: sql<number>`nummering.laatste + 1` }))
    .returning('laatste').executeTakeFirstOrThrow();
  return `C-${jaar}-${String(r.laatste).padStart(4, '0')}`;
}

// ————— Producten en tarieven —————

export interface ProductRij {
  id: string; contractId: string; wet: string; productcategorie: string | null; productcode: string; naam: string; eenheid: string;
  frequentie: string; bekostiging: string; resultaatgericht: boolean; capaciteit: number | null; maandbedragCents: number | null;
}
export interface TariefRij { id: string; contractProductId: string; van: string; tot: string | null; tariefCents: number }

export async function insertProduct(tx: Tx, gemeenteId: string, contractId: string, p: Omit<ProductRij, 'id' | 'contractId'>): Promise<string> {
  return (await tx.insertInto('contract_producten').values({
    gemeente_id: gemeenteId, contract_id: contractId, wet: p.wet, productcategorie: p.productcategorie, productcode: p.productcode, naam: p.naam,
    eenheid: p.eenheid, frequentie: p.frequentie, bekostiging: p.bekostiging, resultaatgericht: p.resultaatgericht, capaciteit: p.capaciteit,
    maandbedrag_cents: p.maandbedragCents,
  }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateProduct(tx: Tx, id: string, p: Omit<ProductRij, 'id' | 'contractId' | 'wet' | 'productcode'>): Promise<void> {
  await tx.updateTable('contract_producten').set({
    productcategorie: p.productcategorie, naam: p.naam, eenheid: p.eenheid, frequentie: p.frequentie, bekostiging: p.bekostiging,
    resultaatgericht: p.resultaatgericht, capaciteit: p.capaciteit, maandbedrag_cents: p.maandbedragCents,
  }).where('id', '=', id).execute();
}

export async function updateMaandbedrag(tx: Tx, id: string, maandbedragCents: number): Promise<void> {
  await tx.updateTable('contract_producten').set({ maandbedrag_cents: maandbedragCents }).where('id', '=', id).execute();
}

const productSelect = (tx: Tx) => tx.selectFrom('contract_producten').select([
  'id', 'contract_id as contractId', 'wet', 'productcategorie', 'productcode', 'naam', 'eenheid', 'frequentie', 'bekostiging', 'resultaatgericht', 'capaciteit',
  'maandbedrag_cents as maandbedragCents',
]);

export async function productenVanContract(tx: Tx, contractId: string): Promise<ProductRij[]> {
  return productSelect(tx).where('contract_id', '=', contractId).orderBy('wet').orderBy('productcode').execute();
}

export async function getProduct(tx: Tx, id: string, opts: { voorUpdate?: boolean } = {}): Promise<ProductRij | undefined> {
  let q = productSelect(tx).where('id', '=', id);
  if (opts.voorUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function insertTarief(tx: Tx, gemeenteId: string, t: Omit<TariefRij, 'id'>): Promise<string> {
  return (await tx.insertInto('contract_tarieven').values({
    gemeente_id: gemeenteId, contract_product_id: t.contractProductId, van: t.van, tot: t.tot, tarief_cents: t.tariefCents,
  }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateTarief(tx: Tx, id: string, w: { tot?: string | null; tariefCents?: number }): Promise<void> {
  await tx.updateTable('contract_tarieven').set({
    ...(w.tot !== undefined ? { tot: w.tot } : {}), ...(w.tariefCents !== undefined ? { tarief_cents: w.tariefCents } : {}),
  }).where('id', '=', id).execute();
}

export async function tarievenVan(tx: Tx, productIds: readonly string[]): Promise<TariefRij[]> {
  if (productIds.length === 0) return [];
  return tx.selectFrom('contract_tarieven').select(['id', 'contract_product_id as contractProductId', 'van', 'tot', 'tarief_cents as tariefCents'])
    .where('contract_product_id', 'in', [...productIds]).orderBy('contract_product_id').orderBy('van').execute();
}

/** Every contract product of a (wet, productcode) with its contract's period and aanbieder. */
export async function productenMetCode(tx: Tx, wet: string, productcode: string): Promise<(ProductRij & { contractVan: string; contractTot: string | null; aanbiederId: string })[]> {
  return tx.selectFrom('contract_producten as p').innerJoin('contracten as c', 'c.id', 'p.contract_id').select([
    'p.id', 'p.contract_id as contractId', 'p.wet', 'p.productcategorie', 'p.productcode', 'p.naam', 'p.eenheid', 'p.frequentie', 'p.bekostiging',
    'p.resultaatgericht', 'p.capaciteit', 'p.maandbedrag_cents as maandbedragCents', 'c.van as contractVan', 'c.tot as contractTot', 'c.aanbieder_id as aanbiederId',
  ]).where('p.wet', '=', wet).where('p.productcode', '=', productcode).orderBy('c.van', 'desc').execute();
}

/**
 * The products of a law that some active aanbieder's contract holds on a date, once per code (the
 * name of the newest contract): what a beslisser can grant when the catalogue item names no code.
 */
export async function productenVanWetOp(tx: Tx, wet: string, datum: string): Promise<{ productcode: string; naam: string }[]> {
  const rijen = await tx.selectFrom('contract_producten as p').innerJoin('contracten as c', 'c.id', 'p.contract_id').innerJoin('aanbieders as a', 'a.id', 'c.aanbieder_id')
    .select(['p.productcode', 'p.naam']).distinctOn('p.productcode')
    .where('p.wet', '=', wet).where('a.actief', '=', true).where('c.van', '<=', datum)
    .where((eb) => eb.or([eb('c.tot', 'is', null), eb('c.tot', '>=', datum)]))
    .orderBy('p.productcode').orderBy('c.van', 'desc').execute();
  return rijen.sort((x, y) => x.naam.localeCompare(y.naam, 'nl'));
}

export interface TaakgerichtContractProduct {
  id: string; aanbiederId: string; wet: string; productcategorie: string | null; productcode: string; naam: string;
  maandbedragCents: number | null; contractVan: string; contractTot: string | null;
}

/** The taakgericht contract products (of one aanbieder, as hoofdaannemer), by aanbieder and productcode. */
export async function taakgerichteProducten(tx: Tx, aanbiederId?: string): Promise<TaakgerichtContractProduct[]> {
  let q = tx.selectFrom('contract_producten as p').innerJoin('contracten as c', 'c.id', 'p.contract_id').select([
    'p.id', 'c.aanbieder_id as aanbiederId', 'p.wet', 'p.productcategorie', 'p.productcode', 'p.naam', 'p.maandbedrag_cents as maandbedragCents',
    'c.van as contractVan', 'c.tot as contractTot',
  ]).where('p.bekostiging', '=', 'taakgericht');
  if (aanbiederId) q = q.where('c.aanbieder_id', '=', aanbiederId);
  return q.orderBy('c.aanbieder_id').orderBy('p.productcode').orderBy('p.id').execute();
}

export interface ProductRef { id: string; wet: string; productcategorie: string | null; productcode: string; naam: string }

/** What these contract products are (those of the gemeente; others are absent), whatever their bekostiging now. */
export async function productRefs(tx: Tx, ids: readonly string[]): Promise<Map<string, ProductRef>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.selectFrom('contract_producten').select(['id', 'wet', 'productcategorie', 'productcode', 'naam']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Running provisions (assigned or started, on the date) per aanbieder for one product. */
export async function lopendPerAanbieder(tx: Tx, wet: string, productcode: string, datum: string): Promise<Map<string, number>> {
  // A plain count on voorziening's table (as agreed in the shared model); the partial index on
  // (gemeente_id, aanbieder_id, contract_product_id) where running serves it.
  const rows = await sql<{ aanbieder_id: string; aantal: number }>`
    select aanbieder_id, count(*)::int as aantal from voorzieningen
    where wet = ${wet} and productcode = ${productcode} and status in ('toegewezen', 'gestart') and aanbieder_id is not null
      and begin <= ${datum}::date and coalesce(beeindigd_op, eind, 'infinity'::date) >= ${datum}::date
    group by aanbieder_id`.execute(tx);
  return new Map(rows.rows.map((r) => [r.aanbieder_id, r.aantal]));
}

// ————— Resultaat- en pgb-tarieven —————

export interface ResultaatRij {
  id: string; wet: string; productcode: string; soort: string; profiel: string; intensiteit: string; duurMaanden: number | null;
  bedragCents: number; van: string; tot: string | null;
}
const resultaatSelect = (tx: Tx) => tx.selectFrom('resultaat_tarieven').select([
  'id', 'wet', 'productcode', 'soort', 'profiel', 'intensiteit', 'duur_maanden as duurMaanden', 'bedrag_cents as bedragCents', 'van', 'tot',
]);

export async function resultaatTarieven(tx: Tx, f: { wet?: string | undefined; productcode?: string | undefined; datum?: string | undefined } = {}): Promise<ResultaatRij[]> {
  let q = resultaatSelect(tx);
  if (f.wet) q = q.where('wet', '=', f.wet);
  if (f.productcode) q = q.where('productcode', '=', f.productcode);
  if (f.datum) {
    const datum = f.datum;
    q = q.where('van', '<=', datum).where((eb) => eb.or([eb('tot', 'is', null), eb('tot', '>=', datum)]));
  }
  return q.orderBy('wet').orderBy('productcode').orderBy('van').orderBy('profiel').orderBy('intensiteit').orderBy('duur_maanden').execute();
}

export async function insertResultaatTarieven(tx: Tx, gemeenteId: string, rijen: readonly Omit<ResultaatRij, 'id'>[]): Promise<void> {
  if (rijen.length === 0) return;
  await tx.insertInto('resultaat_tarieven').values(rijen.map((r) => ({
    gemeente_id: gemeenteId, wet: r.wet, productcode: r.productcode, soort: r.soort, profiel: r.profiel, intensiteit: r.intensiteit,
    duur_maanden: r.duurMaanden, bedrag_cents: r.bedragCents, van: r.van, tot: r.tot,
  }))).execute();
}

export async function sluitResultaatTarieven(tx: Tx, wet: string, productcode: string, van: string, tot: string): Promise<void> {
  await tx.updateTable('resultaat_tarieven').set({ tot }).where('wet', '=', wet).where('productcode', '=', productcode).where('van', '=', van).execute();
}

export async function verwijderResultaatVersie(tx: Tx, wet: string, productcode: string, van: string): Promise<void> {
  await tx.deleteFrom('resultaat_tarieven').where('wet', '=', wet).where('productcode', '=', productcode).where('van', '=', van).execute();
}

export interface PgbRij { id: string; wet: string; productcode: string; eenheid: string; frequentie: string; tariefCents: number; van: string; tot: string | null }
export async function pgbTarieven(tx: Tx, f: { wet?: string | undefined; productcode?: string | undefined } = {}): Promise<PgbRij[]> {
  let q = tx.selectFrom('pgb_tarieven').select(['id', 'wet', 'productcode', 'eenheid', 'frequentie', 'tarief_cents as tariefCents', 'van', 'tot']);
  if (f.wet) q = q.where('wet', '=', f.wet);
  if (f.productcode) q = q.where('productcode', '=', f.productcode);
  return q.orderBy('wet').orderBy('productcode').orderBy('van').execute();
}
export async function insertPgbTarief(tx: Tx, gemeenteId: string, r: Omit<PgbRij, 'id'>): Promise<string> {
  return (await tx.insertInto('pgb_tarieven').values({
    gemeente_id: gemeenteId, wet: r.wet, productcode: r.productcode, eenheid: r.eenheid, frequentie: r.frequentie, tarief_cents: r.tariefCents, van: r.van, tot: r.tot,
  }).returning('id').executeTakeFirstOrThrow()).id;
}
export async function updatePgbTarief(tx: Tx, id: string, w: Partial<Pick<PgbRij, 'tot' | 'tariefCents' | 'eenheid' | 'frequentie'>>): Promise<void> {
  await tx.updateTable('pgb_tarieven').set({
    ...(w.tot !== undefined ? { tot: w.tot } : {}), ...(w.tariefCents !== undefined ? { tarief_cents: w.tariefCents } : {}),
    ...(w.eenheid !== undefined ? { eenheid: w.eenheid } : {}), ...(w.frequentie !== undefined ? { frequentie: w.frequentie } : {}),
  }).where('id', '=', id).execute();
}

/** The yearly ceiling of a contract (issue 15: contract management sets it), locked; the old value for the audit entry. */
export async function zetPlafond(tx: Tx, contractId: string, plafondCents: number | null): Promise<{ aanbiederId: string; nummer: string; vorig: number | null } | undefined> {
  const oud = await tx.selectFrom('contracten').select(['aanbieder_id', 'nummer', 'plafond_cents']).where('id', '=', contractId).forUpdate().executeTakeFirst();
  if (!oud) return undefined;
  await tx.updateTable('contracten').set({ plafond_cents: plafondCents }).where('id', '=', contractId).execute();
  return { aanbiederId: oud.aanbieder_id, nummer: oud.nummer, vorig: oud.plafond_cents === null ? null : Number(oud.plafond_cents) };
}
