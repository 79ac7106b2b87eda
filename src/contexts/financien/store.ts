/**
 * The SQL of financien: payment batches, taakgericht month payments and the ledger rules. The
 * prestaties are berichten's and are read and marked through its index (betaling.ts).
 */
import { sql } from 'kysely';
import type { Tx } from '../../platform/tenancy/tx.ts';
import { contractProductRefs, taakgerichteProducten } from '../inkoop/index.ts';
import type { Grootboekregel, Wet } from './rules.ts';

/** One payment run per gemeente at a time: a second run waits, then finds what the first paid. */
export const betaalrunSlot = (tx: Tx, gemeenteId: string) => sql`select pg_advisory_xact_lock(hashtext(${`betaalrun:${gemeenteId}`}))`.execute(tx);

export interface TaakgerichtProduct {
  contractProductId: string; aanbiederId: string; wet: string; productcategorie: string | null; productcode: string; naam: string; bedragCents: number;
}

/**
 * The taakgericht contract products with a monthly amount whose contract runs in that month and that
 * have no payment for it yet (one per product and month, unique in the table). The products come
 * from inkoop's index; only the payments are financien's.
 */
export async function taakgerichtTeBetalen(tx: Tx, w: { aanbiederId?: string | undefined; maand: string; van: string; tot: string }): Promise<TaakgerichtProduct[]> {
  const producten = (await taakgerichteProducten(tx, w.aanbiederId))
    .filter((p) => (p.maandbedragCents ?? 0) > 0 && p.contractVan <= w.tot && (p.contractTot === null || p.contractTot >= w.van));
  if (!producten.length) return [];
  const betaald = new Set((await tx.selectFrom('taakgerichte_betalingen').select('contract_product_id')
    .where('maand', '=', w.maand).where('contract_product_id', 'in', producten.map((p) => p.id)).execute()).map((r) => r.contract_product_id));
  return producten.filter((p) => !betaald.has(p.id)).map((p) => ({
    contractProductId: p.id, aanbiederId: p.aanbiederId, wet: p.wet, productcategorie: p.productcategorie, productcode: p.productcode, naam: p.naam,
    bedragCents: p.maandbedragCents!,
  }));
}

export async function aantalBatchesInPeriode(tx: Tx, periode: string): Promise<number> {
  const r = await tx.selectFrom('betaalbatches').select((eb) => eb.fn.countAll<string>().as('n')).where('periode', '=', periode).executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface BatchRij {
  id: string; nummer: string; aanbiederId: string; periode: string; totaalCents: number; aantalPrestaties: number; aantalDeclaraties: number;
  aangemaaktOp: string; aangemaaktDoor: string | null;
}

export async function insertBatch(tx: Tx, b: Omit<BatchRij, 'id' | 'aangemaaktOp'>): Promise<string> {
  const r = await tx.insertInto('betaalbatches').values({
    nummer: b.nummer, aanbieder_id: b.aanbiederId, periode: b.periode, totaal_cents: b.totaalCents, aantal_prestaties: b.aantalPrestaties,
    aantal_declaraties: b.aantalDeclaraties, aangemaakt_door: b.aangemaaktDoor,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function insertTaakgericht(tx: Tx, rijen: readonly { contractProductId: string; aanbiederId: string; maand: string; bedragCents: number; batchId: string }[]): Promise<void> {
  if (!rijen.length) return;
  await tx.insertInto('taakgerichte_betalingen').values(rijen.map((r) => ({
    contract_product_id: r.contractProductId, aanbieder_id: r.aanbiederId, maand: r.maand, bedrag_cents: r.bedragCents, betaalbatch_id: r.batchId,
  }))).execute();
}

const batchKolommen = ['id', 'nummer', 'aanbieder_id', 'periode', 'totaal_cents', 'aantal_prestaties', 'aantal_declaraties', 'aangemaakt_op', 'aangemaakt_door'] as const;
type BatchDb = { id: string; nummer: string; aanbieder_id: string; periode: string; totaal_cents: number; aantal_prestaties: number; aantal_declaraties: number; aangemaakt_op: Date; aangemaakt_door: string | null };
const naarBatch = (r: BatchDb): BatchRij => ({
  id: r.id, nummer: r.nummer, aanbiederId: r.aanbieder_id, periode: r.periode, totaalCents: Number(r.totaal_cents), aantalPrestaties: r.aantal_prestaties,
  aantalDeclaraties: r.aantal_declaraties, aangemaaktOp: new Date(r.aangemaakt_op).toISOString(), aangemaaktDoor: r.aangemaakt_door,
});

export async function batchesLijst(tx: Tx, f: { aanbiederId?: string | undefined; periode?: string | undefined; ids?: readonly string[] }): Promise<BatchRij[]> {
  let q = tx.selectFrom('betaalbatches').select(batchKolommen);
  if (f.aanbiederId) q = q.where('aanbieder_id', '=', f.aanbiederId);
  if (f.periode) q = q.where('periode', '=', f.periode);
  if (f.ids) q = f.ids.length ? q.where('id', 'in', [...f.ids]) : q.where(sql<boolean>`false`);
  return (await q.orderBy('periode', 'desc').orderBy('nummer', 'desc').limit(500).execute()).map(naarBatch);
}

export async function getBatch(tx: Tx, id: string): Promise<BatchRij | undefined> {
  const r = await tx.selectFrom('betaalbatches').select(batchKolommen).where('id', '=', id).executeTakeFirst();
  return r ? naarBatch(r) : undefined;
}

/** A batch's taakgericht lines, with the product they pay. */
export async function taakgerichtVanBatch(tx: Tx, batchId: string): Promise<(TaakgerichtProduct & { maand: string })[]> {
  const rijen = await tx.selectFrom('taakgerichte_betalingen').select(['contract_product_id', 'aanbieder_id', 'maand', 'bedrag_cents'])
    .where('betaalbatch_id', '=', batchId).execute();
  const producten = await contractProductRefs(tx, rijen.map((r) => r.contract_product_id));
  return rijen.map((r) => {
    // The payment references the product (foreign key), so it is always there.
    const p = producten.get(r.contract_product_id)!;
    return {
      contractProductId: r.contract_product_id, aanbiederId: r.aanbieder_id, maand: r.maand, bedragCents: Number(r.bedrag_cents), wet: p.wet,
      productcategorie: p.productcategorie, productcode: p.productcode, naam: p.naam,
    };
  }).sort((a, b) => (a.productcode < b.productcode ? -1 : a.productcode > b.productcode ? 1 : a.maand < b.maand ? -1 : a.maand > b.maand ? 1 : 0));
}

/** The taakgericht sum of each batch (absent: none). */
export async function taakgerichtTotalen(tx: Tx, batchIds: readonly string[]): Promise<Map<string, number>> {
  if (!batchIds.length) return new Map();
  const rijen = await tx.selectFrom('taakgerichte_betalingen').select(['betaalbatch_id', sql<string>`sum(bedrag_cents)`.as('cents')])
    .where('betaalbatch_id', 'in', [...batchIds]).groupBy('betaalbatch_id').execute();
  return new Map(rijen.map((r) => [r.betaalbatch_id, Number(r.cents)]));
}

export async function grootboekregels(tx: Tx): Promise<(Grootboekregel & { gewijzigdOp: string })[]> {
  const rijen = await tx.selectFrom('grootboekregels').select(['wet', 'productcategorie', 'grootboekrekening', 'kostenplaats', 'gewijzigd_op'])
    .orderBy('wet').orderBy(sql`productcategorie nulls first`).execute();
  return rijen.map((r) => ({
    wet: r.wet as Wet, productcategorie: r.productcategorie, grootboekrekening: r.grootboekrekening, kostenplaats: r.kostenplaats,
    gewijzigdOp: new Date(r.gewijzigd_op).toISOString(),
  }));
}

/**
 * Replaces the gemeente's ledger rules with this set (RLS keeps it to the gemeente). A rule that stays
 * the same keeps its row and gewijzigd_op, so the date says when that booking last changed.
 */
export async function vervangGrootboekregels(tx: Tx, regels: readonly Grootboekregel[]): Promise<{ toegevoegd: number; gewijzigd: number; verwijderd: number }> {
  const sleutel = (r: { wet: string; productcategorie: string | null }) => `${r.wet}|${r.productcategorie ?? ''}`;
  const nieuw = new Map(regels.map((r) => [sleutel(r), r]));
  const huidig = await tx.selectFrom('grootboekregels').select(['id', 'wet', 'productcategorie', 'grootboekrekening', 'kostenplaats']).forUpdate().execute();
  const gelijk = (h: (typeof huidig)[number]) => {
    const n = nieuw.get(sleutel(h));
    return n !== undefined && n.grootboekrekening === h.grootboekrekening && n.kostenplaats === h.kostenplaats;
  };
  const weg = huidig.filter((h) => !gelijk(h));
  const blijft = new Set(huidig.filter(gelijk).map(sleutel));
  const erbij = regels.filter((r) => !blijft.has(sleutel(r)));
  if (weg.length) await tx.deleteFrom('grootboekregels').where('id', 'in', weg.map((w) => w.id)).execute();
  if (erbij.length) {
    await tx.insertInto('grootboekregels').values(erbij.map((r) => ({
      wet: r.wet, productcategorie: r.productcategorie, grootboekrekening: r.grootboekrekening, kostenplaats: r.kostenplaats,
    }))).execute();
  }
  const bestond = new Set(huidig.map(sleutel));
  const verwijderd = huidig.filter((h) => !nieuw.has(sleutel(h))).length;
  const toegevoegd = regels.filter((r) => !bestond.has(sleutel(r))).length;
  return { toegevoegd, gewijzigd: weg.length - verwijderd, verwijderd };
}
