/**
 * Voorziening store: SQL via kysely. Reads the sent beschikking's products (besluit's tables) only to
 * create provisions from them; everything else is the voorzieningen tables.
 */
import { sql } from 'kysely';
import type { Tx } from '../../platform/tenancy/tx.ts';
import { LOPEND, type Status } from './rules.ts';

export interface Voorziening {
  id: string; nummer: string; status: Status; wet: string; productcategorie: string | null; productcode: string | null; productNaam: string;
  catalogusItemId: string | null; volume: number; eenheid: string | null; frequentie: string | null; begin: string; eind: string | null;
  beeindigdOp: string | null; gestartOp: string | null; leveringsvorm: 'zin' | 'pgb'; bekostiging: string | null; resultaat: { profiel: string; intensiteit: string } | null;
  budgetCents: number; budgetTot: string; jaarbedragCents: number; svb: boolean;
  aanbieder: { id: string; naam: string; agbCode: string } | null; contractProductId: string | null;
  vervangt: string | null; vervangenDoor: string | null; redenBeeindiging: string | null;
  beschikking: { id: string; nummer: string }; beschikkingProductId: string; casusId: string; huishoudenId: string; persoonId: string;
}

const kolommen = [
  'v.id', 'v.nummer', 'v.status', 'v.wet', 'v.productcategorie', 'v.productcode', 'v.product_naam', 'v.catalogus_item_id', 'v.volume', 'v.eenheid', 'v.frequentie',
  'v.begin', 'v.eind', 'v.beeindigd_op', 'v.gestart_op', 'v.leveringsvorm', 'v.bekostiging', 'v.resultaat', 'v.budget_cents', 'v.budget_tot', 'v.jaarbedrag_cents',
  'v.svb', 'v.aanbieder_id', 'v.contract_product_id', 'v.vervangt', 'v.vervangen_door', 'v.reden_beeindiging', 'v.beschikking_id', 'v.beschikking_product_id',
  'v.casus_id', 'v.huishouden_id', 'v.persoon_id', 'b.nummer as beschikking_nummer', 'a.naam as aanbieder_naam', 'a.agb_code as aanbieder_agb',
] as const;

function basis(tx: Tx) {
  return tx.selectFrom('voorzieningen as v')
    .innerJoin('beschikkingen as b', 'b.id', 'v.beschikking_id')
    .leftJoin('aanbieders as a', 'a.id', 'v.aanbieder_id')
    .select(kolommen);
}
type Rij = Awaited<ReturnType<ReturnType<typeof basis>['executeTakeFirstOrThrow']>>;

function naarVoorziening(r: Rij): Voorziening {
  return {
    id: r.id, nummer: r.nummer, status: r.status as Status, wet: r.wet, productcategorie: r.productcategorie, productcode: r.productcode, productNaam: r.product_naam,
    catalogusItemId: r.catalogus_item_id, volume: Number(r.volume), eenheid: r.eenheid, frequentie: r.frequentie, begin: r.begin, eind: r.eind,
    beeindigdOp: r.beeindigd_op, gestartOp: r.gestart_op, leveringsvorm: r.leveringsvorm as 'zin' | 'pgb', bekostiging: r.bekostiging,
    resultaat: (r.resultaat as Voorziening['resultaat']) ?? null, budgetCents: r.budget_cents, budgetTot: r.budget_tot, jaarbedragCents: r.jaarbedrag_cents, svb: r.svb,
    aanbieder: r.aanbieder_id ? { id: r.aanbieder_id, naam: r.aanbieder_naam ?? '', agbCode: r.aanbieder_agb ?? '' } : null, contractProductId: r.contract_product_id,
    vervangt: r.vervangt, vervangenDoor: r.vervangen_door, redenBeeindiging: r.reden_beeindiging,
    beschikking: { id: r.beschikking_id, nummer: r.beschikking_nummer }, beschikkingProductId: r.beschikking_product_id,
    casusId: r.casus_id, huishoudenId: r.huishouden_id, persoonId: r.persoon_id,
  };
}

/** One provision; `vergrendel` takes the row lock every transition starts with. */
export async function getVoorziening(tx: Tx, id: string, vergrendel = false): Promise<Voorziening | undefined> {
  if (vergrendel) {
    const slot = await tx.selectFrom('voorzieningen').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    if (!slot) return undefined;
  }
  const r = await basis(tx).where('v.id', '=', id).executeTakeFirst();
  return r ? naarVoorziening(r) : undefined;
}

/** Many provisions in one query (the messages of a bulk run); unknown ids are left out. */
export async function voorzieningenMetId(tx: Tx, ids: readonly string[]): Promise<Voorziening[]> {
  if (!ids.length) return [];
  return (await basis(tx).where('v.id', 'in', [...new Set(ids)]).execute()).map(naarVoorziening);
}

export async function voorzieningenWaar(tx: Tx, filter: { casusId?: string; persoonId?: string; beschikkingId?: string }): Promise<Voorziening[]> {
  let q = basis(tx);
  if (filter.casusId) q = q.where('v.casus_id', '=', filter.casusId);
  if (filter.persoonId) q = q.where('v.persoon_id', '=', filter.persoonId);
  if (filter.beschikkingId) q = q.where('v.beschikking_id', '=', filter.beschikkingId);
  return (await q.orderBy('v.begin', 'desc').orderBy('v.nummer', 'desc').execute()).map(naarVoorziening);
}

export interface HistorieRegel { van: string | null; naar: string; door: { id: string; naam: string } | null; moment: Date; toelichting: string | null; gegevens: unknown }
export async function historieVan(tx: Tx, voorzieningId: string): Promise<HistorieRegel[]> {
  const rijen = await tx.selectFrom('voorziening_historie as h').leftJoin('gebruikers as g', 'g.id', 'h.door')
    .select(['h.van', 'h.naar', 'h.door', 'g.naam', 'h.moment', 'h.toelichting', 'h.gegevens'])
    .where('h.voorziening_id', '=', voorzieningId).orderBy('h.id').execute();
  return rijen.map((r) => ({ van: r.van, naar: r.naar, door: r.door ? { id: r.door, naam: r.naam ?? '' } : null, moment: r.moment, toelichting: r.toelichting, gegevens: r.gegevens }));
}

/** A withdrawal as the beslisser entered it: from which day, and why (the letter's motivering). */
export interface Intrekking { datum: string; reden: string }

/**
 * The withdrawal of a provision, from its history. Withdrawals from before the history kept it
 * structured only have the note "Ingetrokken op YYYY-MM-DD: reden"; that is read as a fallback.
 */
export async function intrekkingVan(tx: Tx, voorzieningId: string): Promise<Intrekking | null> {
  const r = await tx.selectFrom('voorziening_historie').select(['gegevens', 'toelichting'])
    .where('voorziening_id', '=', voorzieningId).where('naar', '=', 'ingetrokken').orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!r) return null;
  const i = (r.gegevens as { intrekking?: Partial<Intrekking> } | null)?.intrekking;
  if (typeof i?.datum === 'string' && typeof i.reden === 'string') return { datum: i.datum, reden: i.reden };
  const m = /^Ingetrokken op (\d{4}-\d{2}-\d{2}): ([\s\S]+)$/.exec(r.toelichting ?? '');
  return m ? { datum: m[1]!, reden: m[2]!.trim() } : null;
}

export async function insertHistorie(tx: Tx, h: { gemeenteId: string; voorzieningId: string; van: string | null; naar: string; door: string | null; toelichting: string; gegevens?: object }): Promise<void> {
  await tx.insertInto('voorziening_historie').values({
    gemeente_id: h.gemeenteId, voorziening_id: h.voorzieningId, van: h.van, naar: h.naar, door: h.door, toelichting: h.toelichting,
    gegevens: h.gegevens ? JSON.stringify(h.gegevens) : null,
  }).execute();
}

/** Many history lines in one statement (bulk starts). */
export async function insertHistorieVoorAlle(tx: Tx, lijst: readonly Parameters<typeof insertHistorie>[1][]): Promise<void> {
  if (!lijst.length) return;
  await tx.insertInto('voorziening_historie').values(lijst.map((h) => ({
    gemeente_id: h.gemeenteId, voorziening_id: h.voorzieningId, van: h.van, naar: h.naar, door: h.door, toelichting: h.toelichting,
    gegevens: h.gegevens ? JSON.stringify(h.gegevens) : null,
  }))).execute();
}

/** Many provisions started in one statement (bulk starts; the sturing triggers fire per row as for one). */
export async function startenInEen(tx: Tx, lijst: readonly { id: string; datum: string }[]): Promise<void> {
  if (!lijst.length) return;
  await sql`
    update voorzieningen v set status = 'gestart', gestart_op = x.datum, gewijzigd_op = now()
    from jsonb_to_recordset(${JSON.stringify(lijst)}::jsonb) as x(id uuid, datum date)
    where v.id = x.id`.execute(tx);
}

export interface NieuweVoorziening {
  gemeenteId: string; nummer: string; beschikkingId: string; beschikkingProductId: string; casusId: string; huishoudenId: string; persoonId: string;
  wet: string; productcategorie: string | null; productcode: string | null; productNaam: string; catalogusItemId: string | null; volume: number;
  eenheid: string | null; frequentie: string | null; begin: string; eind: string | null; leveringsvorm: 'zin' | 'pgb'; bekostiging: string | null;
  resultaat: object | null; budgetCents: number; budgetTot: string; jaarbedragCents: number;
}
export async function insertVoorziening(tx: Tx, v: NieuweVoorziening): Promise<string> {
  const { id } = await tx.insertInto('voorzieningen').values({
    gemeente_id: v.gemeenteId, nummer: v.nummer, beschikking_id: v.beschikkingId, beschikking_product_id: v.beschikkingProductId, casus_id: v.casusId,
    huishouden_id: v.huishoudenId, persoon_id: v.persoonId, wet: v.wet, productcategorie: v.productcategorie, productcode: v.productcode, product_naam: v.productNaam,
    catalogus_item_id: v.catalogusItemId, volume: v.volume, eenheid: v.eenheid, frequentie: v.frequentie, begin: v.begin, eind: v.eind, leveringsvorm: v.leveringsvorm,
    bekostiging: v.bekostiging, resultaat: v.resultaat ? JSON.stringify(v.resultaat) : null, budget_cents: v.budgetCents, budget_tot: v.budgetTot,
    jaarbedrag_cents: v.jaarbedragCents,
  }).returning('id').executeTakeFirstOrThrow();
  return id;
}

export interface Wijziging {
  status?: Status; aanbieder_id?: string | null; contract_product_id?: string | null; svb?: boolean; gestart_op?: string | null; beeindigd_op?: string | null;
  reden_beeindiging?: string | null; vervangen_door?: string | null; vervangt?: string | null; budget_cents?: number; budget_tot?: string; jaarbedrag_cents?: number;
}
export async function wijzigVoorziening(tx: Tx, id: string, w: Wijziging): Promise<void> {
  await tx.updateTable('voorzieningen').set({ ...w, gewijzigd_op: sql<Date>`now()` }).where('id', '=', id).execute();
}

/** The granted products of a sent beschikking, with what a provision needs from the aanvraag. */
export async function toegekendeProducten(tx: Tx, beschikkingId: string) {
  return tx.selectFrom('beschikking_producten as bp')
    .innerJoin('beschikkingen as b', 'b.id', 'bp.beschikking_id')
    .innerJoin('aanvragen as a', 'a.id', 'b.aanvraag_id')
    .innerJoin('aanvraag_producten as ap', 'ap.id', 'bp.aanvraag_product_id')
    .leftJoin('catalogus_items as ci', 'ci.id', 'ap.catalogus_item_id')
    .select([
      'bp.id', 'bp.omvang', 'bp.eenheid', 'bp.periode', 'bp.ingangsdatum', 'bp.einddatum', 'bp.leveringsvorm', 'bp.budget_cents', 'bp.jaarbedrag_cents', 'bp.productcode', 'bp.resultaat',
      'ap.wet', 'ap.catalogus_item_id', 'ap.omschrijving', 'ci.naam as catalogus_naam', 'b.herziening_van', 'b.verzonden_op', 'a.casus_id', 'a.huishouden_id', 'a.persoon_id',
    ])
    .where('bp.beschikking_id', '=', beschikkingId).where('bp.uitkomst', '<>', 'afgewezen').where('bp.ingangsdatum', 'is not', null)
    .orderBy('ap.omschrijving').execute();
}

/** Running provisions (toegewezen, gestart) of a contract product: what its capacity is measured against. */
export async function aantalLopend(tx: Tx, contractProductId: string): Promise<number> {
  const r = await tx.selectFrom('voorzieningen').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('contract_product_id', '=', contractProductId).where('status', 'in', [...LOPEND]).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Running provisions of a provider, without names or BSN. */
export async function lopendVanAanbieder(tx: Tx, aanbiederId: string) {
  return tx.selectFrom('voorzieningen')
    .select(['id', 'nummer', 'wet', 'productcode', 'product_naam', 'begin', 'eind', 'status', 'budget_cents', 'budget_tot', 'jaarbedrag_cents', 'contract_product_id'])
    .where('aanbieder_id', '=', aanbiederId).where('status', 'in', [...LOPEND]).orderBy('begin').orderBy('nummer').execute();
}

// ————— Letters —————

export async function insertBrief(tx: Tx, b: { gemeenteId: string; voorzieningId: string; persoonId: string; gebeurtenis: string; kenmerk: string; onderwerp: string; pdf: Buffer; hash: string }): Promise<string> {
  const { id } = await tx.insertInto('voorziening_brieven').values({
    gemeente_id: b.gemeenteId, voorziening_id: b.voorzieningId, persoon_id: b.persoonId, gebeurtenis: b.gebeurtenis, kenmerk: b.kenmerk, onderwerp: b.onderwerp,
    pdf: b.pdf, pdf_hash: b.hash,
  }).returning('id').executeTakeFirstOrThrow();
  return id;
}
export async function brievenVan(tx: Tx, voorzieningId: string) {
  return tx.selectFrom('voorziening_brieven').select(['id', 'gebeurtenis', 'kenmerk', 'onderwerp', 'aangemaakt_op'])
    .where('voorziening_id', '=', voorzieningId).orderBy('aangemaakt_op').execute();
}
export async function getBrief(tx: Tx, voorzieningId: string, briefId: string) {
  return tx.selectFrom('voorziening_brieven').select(['id', 'kenmerk', 'pdf', 'persoon_id'])
    .where('voorziening_id', '=', voorzieningId).where('id', '=', briefId).executeTakeFirst();
}

/** Provisions in natura with a provider under a messaging law, beginning from `vanaf` (berichten's demo history and bench), oldest first. */
export async function inNaturaMetAanbieder(tx: Tx, w: { vanaf: string; max: number }): Promise<Voorziening[]> {
  const rijen = await basis(tx).where('v.leveringsvorm', '=', 'zin').where('v.aanbieder_id', 'is not', null).where('v.wet', 'in', ['wmo', 'jeugdwet'])
    .where('v.productcategorie', 'is not', null).where('v.begin', '>=', w.vanaf).orderBy('v.begin').orderBy('v.nummer').limit(w.max).execute();
  return rijen.map(naarVoorziening);
}
