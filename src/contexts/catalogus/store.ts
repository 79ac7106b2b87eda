import { sql } from 'kysely';
import type { Tx } from '../../platform/tenancy/tx.ts';
import { limietInCenten, type CatalogusDomein, type CatalogusItemInvoer, type Leefgebied, type Limiet, type Trede } from './rules.ts';

export interface CatalogusItem {
  id: string;
  naam: string;
  omschrijving: string;
  domein: CatalogusDomein;
  trede: Trede;
  leefgebieden: Leefgebied[];
  kernen: { id: string; naam: string }[];
  aanbieder: string;
  beschikkingNodig: boolean;
  limiet: Limiet | null;
  zoekwoorden: string[];
  actief: boolean;
  productcategorie: string | null;
  productcode: string | null;
}

export interface CatalogusOpslag extends Omit<CatalogusItemInvoer, 'kernen'> { kernIds: string[] }

const basis = (tx: Tx) =>
  tx.selectFrom('catalogus_items as c').select([
    'c.id', 'c.naam', 'c.omschrijving', 'c.domein', 'c.trede', 'c.leefgebieden', 'c.kern_ids', 'c.aanbieder', 'c.beschikking_nodig',
    'c.limiet_eenheid', 'c.limiet_waarde', 'c.limiet_cents', 'c.zoekwoorden', 'c.actief', 'c.productcategorie', 'c.productcode',
  ]);
type Row = Awaited<ReturnType<ReturnType<typeof basis>['executeTakeFirstOrThrow']>>;

async function metKernen(tx: Tx, rows: Row[]): Promise<CatalogusItem[]> {
  const kernen = new Map((await tx.selectFrom('kernen').select(['id', 'naam']).execute()).map((k) => [k.id, k.naam]));
  return rows.map((r) => ({
    id: r.id, naam: r.naam, omschrijving: r.omschrijving, domein: r.domein as CatalogusDomein, trede: r.trede as Trede,
    leefgebieden: r.leefgebieden as Leefgebied[], kernen: r.kern_ids.map((id) => ({ id, naam: kernen.get(id) ?? '?' })),
    aanbieder: r.aanbieder, beschikkingNodig: r.beschikking_nodig,
    limiet: limietVanRij(r),
    zoekwoorden: r.zoekwoorden, actief: r.actief, productcategorie: r.productcategorie, productcode: r.productcode,
  }));
}

/** Euros from limiet_cents; a row bulk-loaded with whole euros in limiet_waarde (before 0029's columns) still reads right. */
function limietVanRij(r: Pick<Row, 'limiet_eenheid' | 'limiet_waarde' | 'limiet_cents'>): Limiet | null {
  if (r.limiet_eenheid === 'uur') return r.limiet_waarde ? { eenheid: 'uur', waarde: r.limiet_waarde } : null;
  if (r.limiet_eenheid === 'euro') {
    const cents = r.limiet_cents ?? (r.limiet_waarde ? r.limiet_waarde * 100 : null);
    return cents ? { eenheid: 'euro', waardeCents: Number(cents) } : null;
  }
  return null;
}

export interface CatalogusFilter {
  leefgebied?: Leefgebied | undefined;
  kernId?: string | undefined;
  domein?: CatalogusDomein | undefined;
  trede?: Trede | undefined;
  zoek?: string | undefined;
  zonderBeschikking?: boolean | undefined;
  inclusiefInactief?: boolean | undefined;
  /** What residents may use without anyone's decision: the voorliggend veld and self-help (rungs 1–2). */
  vrijToegankelijk?: boolean | undefined;
}

export async function zoekCatalogus(tx: Tx, f: CatalogusFilter): Promise<CatalogusItem[]> {
  let q = basis(tx);
  if (!f.inclusiefInactief) q = q.where('c.actief', '=', true);
  if (f.leefgebied) q = q.where(sql<boolean>`${f.leefgebied} = any(c.leefgebieden)`);
  if (f.kernId) q = q.where(sql<boolean>`(cardinality(c.kern_ids) = 0 or ${f.kernId}::uuid = any(c.kern_ids))`);
  if (f.domein) q = q.where('c.domein', '=', f.domein);
  if (f.trede) q = q.where('c.trede', '=', f.trede);
  if (f.zonderBeschikking) q = q.where('c.beschikking_nodig', '=', false);
  if (f.vrijToegankelijk) q = q.where('c.beschikking_nodig', '=', false).where((eb) => eb.or([eb('c.domein', '=', 'voorliggend'), eb('c.trede', '<=', 2)]));
  if (f.zoek) {
    const patroon = `%${f.zoek.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(sql<boolean>`(c.naam ilike ${patroon} or c.omschrijving ilike ${patroon} or c.aanbieder ilike ${patroon}
      or exists (select 1 from unnest(c.zoekwoorden) w where w ilike ${patroon}))`);
  }
  return metKernen(tx, await q.orderBy('c.trede').orderBy('c.naam').execute());
}

export async function getCatalogusItem(tx: Tx, id: string): Promise<CatalogusItem | undefined> {
  const r = await basis(tx).where('c.id', '=', id).executeTakeFirst();
  return r ? (await metKernen(tx, [r]))[0] : undefined;
}

const kolommen = (i: CatalogusOpslag) => {
  const limiet = limietInCenten(i.limiet);
  return {
    naam: i.naam, omschrijving: i.omschrijving, domein: i.domein, trede: i.trede, leefgebieden: i.leefgebieden, kern_ids: i.kernIds,
    aanbieder: i.aanbieder, beschikking_nodig: i.beschikkingNodig, limiet_eenheid: limiet?.eenheid ?? null,
    limiet_waarde: limiet?.eenheid === 'uur' ? limiet.waarde : null, limiet_cents: limiet?.eenheid === 'euro' ? limiet.waardeCents : null,
    zoekwoorden: i.zoekwoorden, productcategorie: i.productcategorie ?? null, productcode: i.productcode ?? null,
  };
};

export async function insertCatalogusItems(tx: Tx, gemeenteId: string, items: readonly CatalogusOpslag[]): Promise<string[]> {
  if (items.length === 0) return [];
  const rows = await tx.insertInto('catalogus_items').values(items.map((i) => ({ gemeente_id: gemeenteId, ...kolommen(i) }))).returning('id').execute();
  return rows.map((r) => r.id);
}

export async function updateCatalogusItem(tx: Tx, id: string, i: CatalogusOpslag & { actief: boolean }): Promise<boolean> {
  const r = await tx.updateTable('catalogus_items').set({ ...kolommen(i), actief: i.actief, gewijzigd_op: new Date() }).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function naamBestaat(tx: Tx, naam: string, behalve?: string): Promise<boolean> {
  let q = tx.selectFrom('catalogus_items').select('id').where(sql<boolean>`lower(naam) = lower(${naam})`);
  if (behalve) q = q.where('id', '!=', behalve);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function kernIdsBestaan(tx: Tx, ids: readonly string[]): Promise<boolean> {
  if (ids.length === 0) return true;
  const rows = await tx.selectFrom('kernen').select('id').where('id', 'in', [...ids]).execute();
  return rows.length === new Set(ids).size;
}

export async function kernIdsOpNaam(tx: Tx): Promise<Map<string, string>> {
  return new Map((await tx.selectFrom('kernen').select(['id', 'naam']).execute()).map((k) => [k.naam, k.id]));
}

export interface ProductVanItem { wet: Exclude<CatalogusDomein, 'voorliggend'>; productcategorie: string | null; productcode: string }

/** The contracted product a decision on this catalogue item grants; null when the item names none (the decision must). */
export async function productVanItem(tx: Tx, itemId: string): Promise<ProductVanItem | null> {
  const r = await tx.selectFrom('catalogus_items').select(['domein', 'productcategorie', 'productcode']).where('id', '=', itemId).executeTakeFirst();
  if (!r || r.productcode === null || r.domein === 'voorliggend') return null;
  return { wet: r.domein as ProductVanItem['wet'], productcategorie: r.productcategorie, productcode: r.productcode };
}
