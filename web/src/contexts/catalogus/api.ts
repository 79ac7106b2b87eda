/**
 * Catalogus in the web app: the products and services of the social domain (PDC and sociale kaart),
 * placed on the verantwoordelijkheidsladder. The fixed lists (leefgebieden, domeinen, treden) are
 * not in GET /waardelijsten, so their Dutch names live here, the same as in the API.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api.ts';

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

export interface Limiet {
  eenheid: 'uur' | 'euro';
  waarde: number;
}

/** "2 uur per week" or "€ 1.500 per jaar": the limit as the catalogue means it. */
export function limietTekst(l: Limiet | null): string {
  if (!l) return 'Geen grens';
  return l.eenheid === 'uur'
    ? `${l.waarde} uur per week`
    : `€ ${new Intl.NumberFormat('nl-NL').format(l.waarde)} per jaar`;
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
}

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
