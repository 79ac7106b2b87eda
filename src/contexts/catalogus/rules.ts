/**
 * Catalogus: the products and services of the whole social domain, including the voorliggend
 * veld, placed on the verantwoordelijkheidsladder. Pure types and rules.
 */

/** The life domains the catalogue speaks of: Deventer's 8 leefgebieden (the default instrument). */
export const LEEFGEBIEDEN = [
  'huisvesting', 'financien', 'sociaalFunctioneren', 'psychischFunctioneren', 'zingeving', 'lichamelijkFunctioneren',
  'praktischFunctioneren', 'dagbesteding',
] as const;
export type Leefgebied = (typeof LEEFGEBIEDEN)[number];
export const leefgebiedNaam: Record<Leefgebied, string> = {
  huisvesting: 'Huisvesting',
  financien: 'Financiën',
  sociaalFunctioneren: 'Sociaal functioneren',
  psychischFunctioneren: 'Psychisch functioneren',
  zingeving: 'Zingeving',
  lichamelijkFunctioneren: 'Lichamelijk functioneren',
  praktischFunctioneren: 'Praktisch functioneren',
  dagbesteding: 'Dagbesteding',
};

/** Where an item belongs: a law, or the voorliggend veld (no decision needed). */
export const CATALOGUS_DOMEINEN = ['wmo', 'jeugdwet', 'participatiewet', 'schuldhulp', 'minima', 'voorliggend'] as const;
export type CatalogusDomein = (typeof CATALOGUS_DOMEINEN)[number];
export const catalogusDomeinNaam: Record<CatalogusDomein, string> = {
  wmo: 'Wmo 2015', jeugdwet: 'Jeugdwet', participatiewet: 'Participatiewet', schuldhulp: 'Schuldhulpverlening', minima: 'Minimabeleid',
  voorliggend: 'Voorliggend veld',
};

/** The verantwoordelijkheidsladder. */
export const TREDEN = [1, 2, 3, 4] as const;
export type Trede = (typeof TREDEN)[number];
export const tredeNaam: Record<Trede, string> = {
  1: 'Eigen kracht',
  2: 'Sociaal netwerk en informele ondersteuning',
  3: 'Algemene en collectieve voorzieningen (voorliggend veld)',
  4: 'Maatwerkvoorziening',
};

export type LimietEenheid = 'uur' | 'euro';
/** A limit without beschikking: hours per week, or an amount per year in integer cents (ADR 34). */
export type Limiet = { eenheid: 'uur'; waarde: number } | { eenheid: 'euro'; waardeCents: number };
/** A limit as hand-written data gives it (the demo catalogue): hours, or whole euros; the insert converts to cents. */
export interface LimietInEuros { eenheid: LimietEenheid; waarde: number }

/** A limit in cents, whichever form it came in (data in whole euros is multiplied by 100). */
export function limietInCenten(l: Limiet | LimietInEuros | null | undefined): Limiet | null {
  if (!l) return null;
  if (l.eenheid === 'uur') return { eenheid: 'uur', waarde: (l as { waarde: number }).waarde };
  return 'waardeCents' in l ? { eenheid: 'euro', waardeCents: l.waardeCents } : { eenheid: 'euro', waardeCents: l.waarde * 100 };
}

export interface CatalogusItemInvoer {
  naam: string;
  /** Plain Dutch (B1), for residents too. */
  omschrijving: string;
  domein: CatalogusDomein;
  trede: Trede;
  leefgebieden: Leefgebied[];
  /** Names of the kernen where it is offered; empty = everywhere in the gemeente. */
  kernen: string[];
  aanbieder: string;
  beschikkingNodig: boolean;
  /** For items professionals may deploy without a beschikking: up to this much (per year in cents for euro, per week for hours). */
  limiet: Limiet | LimietInEuros | null;
  /** Needs a resident might name, for search: "boodschappen", "eenzaam", "trap". */
  zoekwoorden: string[];
  /** The contracted product a decision on this item grants (iStandaard WMO020/JZ020 category; null for laws without one). */
  productcategorie?: string | null;
  /** 5 characters; null when the decision names the product itself. */
  productcode?: string | null;
}

export type CatalogusFout = 'maatwerk-vraagt-beschikking' | 'limiet-alleen-zonder-beschikking' | 'voorliggend-zonder-beschikking';

/** Consistency of an item with the ladder. */
export function controleerItem(i: Pick<CatalogusItemInvoer, 'trede' | 'beschikkingNodig' | 'limiet' | 'domein'>): CatalogusFout | null {
  if (i.trede === 4 && !i.beschikkingNodig) return 'maatwerk-vraagt-beschikking';
  if (i.beschikkingNodig && i.limiet) return 'limiet-alleen-zonder-beschikking';
  if (i.domein === 'voorliggend' && i.beschikkingNodig) return 'voorliggend-zonder-beschikking';
  return null;
}

/** iWmo WMO020: productcategorie. */
export const WMO020: Readonly<Record<string, string>> = {
  '01': 'Hulp bij het huishouden', '02': 'Begeleiding', '03': 'Persoonlijke verzorging', '04': 'Kortdurend verblijf', '05': 'Woondiensten',
  '06': 'Overige ondersteuning gericht op het individu of huishouden/gezin', '07': 'Dagbesteding', '08': 'Vervoerdiensten',
  '09': 'Overige groepsgerichte ondersteuning', '10': 'Overige maatwerk arrangementen', '11': 'Rolstoelen', '12': 'Vervoervoorzieningen',
  '13': 'Woonvoorzieningen', '14': 'Overige hulpmiddelen', '15': 'Beschermd wonen', '16': 'Opvang', '17': 'Spoedopvang',
  '18': 'Overige beschermd wonen en opvang',
};

/** iJw JZ020: productcategorie (the 2015 codes 31–38 still occur in contracts). */
export const JZ020: Readonly<Record<string, string>> = {
  '31': 'Zonder verblijf: uitgevoerd door wijk- of buurtteam', '32': 'Zonder verblijf: ambulante jeugdhulp op locatie van de aanbieder',
  '33': 'Zonder verblijf: daghulp op locatie van de aanbieder', '34': 'Zonder verblijf: jeugdhulp in het netwerk van de jeugdige',
  '35': 'Met verblijf: pleegzorg', '36': 'Met verblijf: gezinsgericht', '37': 'Met verblijf: gesloten plaatsing', '38': 'Met verblijf: overig residentieel',
  '40': 'Persoonlijke verzorging', '41': 'Dagbehandeling', '42': 'Vervoerdiensten', '43': 'Jeugdhulp verblijf (incl. behandeling)',
  '44': 'Jeugdhulp verblijf (excl. behandeling)', '45': 'Jeugdhulp ambulant', '46': 'Jeugdhulp crisis', '47': 'Jeugdreclassering',
  '48': 'Jeugdbescherming', '49': 'Activiteiten in het preventief justitieel kader', '50': 'Maatwerkarrangementen jeugd',
  '51': 'Generalistische basis-ggz', '52': 'Specialistische ggz', '53': 'Kindergeneeskunde', '54': 'Jeugd-ggz', '55': 'Landelijk ingekochte zorg',
};

/** The category list of a law, or null for a law without an iStandaard (its products carry no category). */
export function productcategorieenVan(domein: CatalogusDomein): Readonly<Record<string, string>> | null {
  return domein === 'wmo' ? WMO020 : domein === 'jeugdwet' ? JZ020 : null;
}

/** A productcode as iWmo/iJw write it: 5 characters, digits and capitals. */
export const PRODUCTCODE = /^[0-9A-Z]{5}$/;

export type ProductFout = 'product-zonder-beschikking' | 'productcode-ontbreekt' | 'productcode-ongeldig' | 'productcategorie-ontbreekt' | 'productcategorie-ongeldig';

/**
 * The product an item points to. Optional (the decision may name it), but when given it must fit the item's law:
 * only for items granted by a beschikking, a category from that law's list (none for a law without iStandaard).
 */
export function controleerProduct(i: Pick<CatalogusItemInvoer, 'domein' | 'beschikkingNodig' | 'productcategorie' | 'productcode'>): { veld: 'productcode' | 'productcategorie'; fout: ProductFout } | null {
  const categorie = i.productcategorie ?? null;
  const code = i.productcode ?? null;
  if (categorie === null && code === null) return null;
  if (!i.beschikkingNodig || i.domein === 'voorliggend') return { veld: 'productcode', fout: 'product-zonder-beschikking' };
  if (code === null) return { veld: 'productcode', fout: 'productcode-ontbreekt' };
  if (!PRODUCTCODE.test(code)) return { veld: 'productcode', fout: 'productcode-ongeldig' };
  const lijst = productcategorieenVan(i.domein);
  if (lijst === null) return categorie === null ? null : { veld: 'productcategorie', fout: 'productcategorie-ongeldig' };
  if (categorie === null) return { veld: 'productcategorie', fout: 'productcategorie-ontbreekt' };
  return Object.hasOwn(lijst, categorie) ? null : { veld: 'productcategorie', fout: 'productcategorie-ongeldig' };
}
