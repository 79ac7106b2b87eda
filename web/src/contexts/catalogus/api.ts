/**
 * Catalogus in the web app: the products and services of the social domain (PDC and sociale kaart),
 * placed on the verantwoordelijkheidsladder. The fixed lists (leefgebieden, domeinen, treden) are
 * not in GET /waardelijsten, so their Dutch names live here, the same as in the API.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api.ts';
import { formatEuro } from '../../platform/geld.ts';

export const LEEFGEBIEDEN = [
  { code: 'huisvesting', naam: 'Huisvesting' },
  { code: 'financien', naam: 'Financiën' },
  { code: 'sociaalFunctioneren', naam: 'Sociaal functioneren' },
  { code: 'psychischFunctioneren', naam: 'Psychisch functioneren' },
  { code: 'zingeving', naam: 'Zingeving' },
  { code: 'lichamelijkFunctioneren', naam: 'Lichamelijk functioneren' },
  { code: 'praktischFunctioneren', naam: 'Praktisch functioneren' },
  { code: 'dagbesteding', naam: 'Dagbesteding' },
] as const;
export type Leefgebied = (typeof LEEFGEBIEDEN)[number]['code'];

/** The life domains in words a resident uses (for the public social map). */
export const LEEFGEBIED_PUBLIEK: Record<string, string> = {
  huisvesting: 'Wonen',
  financien: 'Geld en rondkomen',
  sociaalFunctioneren: 'Contact met anderen',
  psychischFunctioneren: 'Hoe u zich voelt',
  zingeving: 'Zin en meedoen',
  lichamelijkFunctioneren: 'Gezondheid en bewegen',
  praktischFunctioneren: 'Dagelijkse dingen in en om het huis',
  dagbesteding: 'Werk en dagbesteding',
};

export const DOMEINEN = [
  { code: 'wmo', naam: 'Wmo 2015' },
  { code: 'jeugdwet', naam: 'Jeugdwet' },
  { code: 'participatiewet', naam: 'Participatiewet' },
  { code: 'schuldhulp', naam: 'Schuldhulpverlening' },
  { code: 'minima', naam: 'Minimabeleid' },
  { code: 'voorliggend', naam: 'Voorliggend veld' },
] as const;
export type Domein = (typeof DOMEINEN)[number]['code'];

export const TREDEN = [
  { trede: 1, naam: 'Eigen kracht' },
  { trede: 2, naam: 'Sociaal netwerk en informele ondersteuning' },
  { trede: 3, naam: 'Algemene en collectieve voorzieningen (voorliggend veld)' },
  { trede: 4, naam: 'Maatwerkvoorziening' },
] as const;
export type Trede = 1 | 2 | 3 | 4;

export const leefgebiedNaam = (code: string): string => LEEFGEBIEDEN.find((l) => l.code === code)?.naam ?? code;
export const tredeNaam = (t: number): string => TREDEN.find((x) => x.trede === t)?.naam ?? `Trede ${t}`;

/** Hours per week, or euros per year in integer cents (the API's `waardeCents`, ADR 34). */
export type Limiet = { eenheid: 'uur'; waarde: number } | { eenheid: 'euro'; waardeCents: number };

/** "2 uur per week" or "€ 1.500,00 per jaar": the limit (or an arrangement's amount) as the catalogue means it. */
export function limietTekst(l: Limiet | null): string {
  if (!l) return 'Geen grens';
  return l.eenheid === 'uur' ? `${l.waarde} uur per week` : `${formatEuro(l.waardeCents)} per jaar`;
}

export interface CatalogusItem {
  id: string;
  naam: string;
  omschrijving: string;
  domein: Domein;
  domeinNaam: string;
  trede: Trede;
  tredeNaam: string;
  leefgebieden: { code: Leefgebied; naam: string }[];
  kernen: { id: string; naam: string }[];
  aanbieder: string;
  beschikkingNodig: boolean;
  limiet: Limiet | null;
  zoekwoorden: string[];
  actief: boolean;
  /** The contracted product a decision on this item grants (iStandaard category; none for laws without one). */
  productcategorie: string | null;
  productcategorieNaam: string | null;
  productcode: string | null;
}

/** iWmo WMO020 and iJw JZ020: the product categories a maatwerk item of that law may name (as in the API). */
export const PRODUCTCATEGORIEEN: Partial<Record<Domein, Record<string, string>>> = {
  wmo: {
    '01': 'Hulp bij het huishouden', '02': 'Begeleiding', '03': 'Persoonlijke verzorging', '04': 'Kortdurend verblijf', '05': 'Woondiensten',
    '06': 'Overige ondersteuning gericht op het individu of huishouden/gezin', '07': 'Dagbesteding', '08': 'Vervoerdiensten',
    '09': 'Overige groepsgerichte ondersteuning', '10': 'Overige maatwerk arrangementen', '11': 'Rolstoelen', '12': 'Vervoervoorzieningen',
    '13': 'Woonvoorzieningen', '14': 'Overige hulpmiddelen', '15': 'Beschermd wonen', '16': 'Opvang', '17': 'Spoedopvang',
    '18': 'Overige beschermd wonen en opvang',
  },
  jeugdwet: {
    '31': 'Zonder verblijf: uitgevoerd door wijk- of buurtteam', '32': 'Zonder verblijf: ambulante jeugdhulp op locatie van de aanbieder',
    '33': 'Zonder verblijf: daghulp op locatie van de aanbieder', '34': 'Zonder verblijf: jeugdhulp in het netwerk van de jeugdige',
    '35': 'Met verblijf: pleegzorg', '36': 'Met verblijf: gezinsgericht', '37': 'Met verblijf: gesloten plaatsing', '38': 'Met verblijf: overig residentieel',
    '40': 'Persoonlijke verzorging', '41': 'Dagbehandeling', '42': 'Vervoerdiensten', '43': 'Jeugdhulp verblijf (incl. behandeling)',
    '44': 'Jeugdhulp verblijf (excl. behandeling)', '45': 'Jeugdhulp ambulant', '46': 'Jeugdhulp crisis', '47': 'Jeugdreclassering',
    '48': 'Jeugdbescherming', '49': 'Activiteiten in het preventief justitieel kader', '50': 'Maatwerkarrangementen jeugd',
    '51': 'Generalistische basis-ggz', '52': 'Specialistische ggz', '53': 'Kindergeneeskunde', '54': 'Jeugd-ggz', '55': 'Landelijk ingekochte zorg',
  },
};

export interface CatalogusFilter {
  zoek?: string | undefined;
  leefgebied?: string | undefined;
  kern?: string | undefined;
  domein?: string | undefined;
  trede?: string | number | undefined;
  zonderBeschikking?: 'true' | undefined;
}

export function useCatalogus(filter: CatalogusFilter, opties: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['catalogus', filter],
    queryFn: ({ signal }) => api<CatalogusItem[]>('/catalogus', { signal, query: { ...filter } }),
    placeholderData: keepPreviousData,
    enabled: opties.enabled ?? true,
    staleTime: 60_000,
  });
}

export function useCatalogusItem(id: string) {
  return useQuery({
    queryKey: ['catalogus', 'item', id],
    queryFn: ({ signal }) => api<CatalogusItem>(`/catalogus/${encodeURIComponent(id)}`, { signal }),
  });
}

export interface CatalogusInvoer {
  naam: string;
  omschrijving: string;
  domein: string;
  trede: number | null;
  leefgebieden: string[];
  kernIds: string[];
  aanbieder: string;
  beschikkingNodig: boolean;
  limiet: Limiet | null;
  zoekwoorden: string[];
  actief: boolean;
  productcategorie: string | null;
  productcode: string | null;
}

export function useBewaarCatalogusItem(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invoer: CatalogusInvoer) => (id
      ? api<CatalogusItem>(`/catalogus/${encodeURIComponent(id)}`, { method: 'PUT', body: invoer })
      : api<CatalogusItem>('/catalogus', { method: 'POST', body: invoer })),
    onSuccess: (item) => {
      queryClient.setQueryData(['catalogus', 'item', item.id], item);
      void queryClient.invalidateQueries({ queryKey: ['catalogus'] });
    },
  });
}

// ————— The public social map (no login) —————

export interface SocialeKaart {
  gemeente: string;
  kernen: { id: string; naam: string }[];
  resultaten: Pick<CatalogusItem, 'id' | 'naam' | 'omschrijving' | 'aanbieder' | 'kernen' | 'leefgebieden'>[];
}

export function useSocialeKaart(code: string, filter: { leefgebied?: string | undefined; kern?: string | undefined; zoek?: string | undefined }) {
  return useQuery({
    queryKey: ['publiek', 'sociale-kaart', code, filter],
    queryFn: ({ signal }) => api<SocialeKaart>(`/publiek/gemeenten/${encodeURIComponent(code)}/voorliggend-veld`, { signal, query: { ...filter } }),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}
