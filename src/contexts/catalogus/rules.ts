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
  /** For items professionals may deploy without a beschikking: up to this much (per year for euro, per week for hours). */
  limiet: { eenheid: LimietEenheid; waarde: number } | null;
  /** Needs a resident might name, for search: "boodschappen", "eenzaam", "trap". */
  zoekwoorden: string[];
}

export type CatalogusFout = 'maatwerk-vraagt-beschikking' | 'limiet-alleen-zonder-beschikking' | 'voorliggend-zonder-beschikking';

/** Consistency of an item with the ladder. */
export function controleerItem(i: Pick<CatalogusItemInvoer, 'trede' | 'beschikkingNodig' | 'limiet' | 'domein'>): CatalogusFout | null {
  if (i.trede === 4 && !i.beschikkingNodig) return 'maatwerk-vraagt-beschikking';
  if (i.beschikkingNodig && i.limiet) return 'limiet-alleen-zonder-beschikking';
  if (i.domein === 'voorliggend' && i.beschikkingNodig) return 'voorliggend-zonder-beschikking';
  return null;
}
