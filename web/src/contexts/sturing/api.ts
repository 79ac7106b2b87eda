/**
 * Sturing in the web app: the KPI definitions with this gemeente's norms, the figures per KPI over a
 * period (aggregates only, never personal data) and setting a norm.
 */
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api.ts';

export type Niveau = 'strategisch' | 'tactisch' | 'operationeel';
export type Eenheid = 'aandeel' | 'aantal';
export type Richting = 'hogerIsBeter' | 'lagerIsBeter';
export type Signaal = 'groen' | 'oranje' | 'rood';
export type Dimensie = 'periode' | 'wet' | 'kern';

export const NIVEAUS: { code: Niveau; naam: string; omschrijving: string }[] = [
  { code: 'strategisch', naam: 'Strategisch', omschrijving: 'De doelen van het sociaal domein: minder maatwerk, altijd eerst een gesprek, inwoners die zich goed geholpen voelen.' },
  { code: 'tactisch', naam: 'Tactisch', omschrijving: 'Instroom en het halen van de wettelijke termijnen, per maand.' },
  { code: 'operationeel', naam: 'Operationeel', omschrijving: 'Wat nu aandacht nodig heeft in het werk van vandaag.' },
];
export const isNiveau = (v: string | null): v is Niveau => NIVEAUS.some((n) => n.code === v);

export interface KpiDefinitie {
  id: string;
  naam: string;
  uitleg: string;
  niveau: Niveau;
  eenheid: Eenheid;
  richting: Richting;
  /** Null: this KPI has no norm (only a figure to watch). A share is 0..1. */
  norm: number | null;
  marge: number;
  dimensies: Dimensie[];
  bron: string;
}

export interface ReeksPunt {
  periode: string;
  waarde: number | null;
  teller: number;
  noemer: number;
}

export interface KpiWaarde {
  id: string;
  naam: string;
  eenheid: Eenheid;
  van: string;
  tot: string;
  waarde: number | null;
  teller: number;
  noemer: number;
  norm: number | null;
  signaal: Signaal | null;
  reeks: ReeksPunt[];
}

export interface KpiFilter {
  van: string;
  tot: string;
  wet?: string | undefined;
  kern?: string | undefined;
}

export function useKpis() {
  return useQuery({ queryKey: ['kpis'], queryFn: ({ signal }) => api<KpiDefinitie[]>('/kpis', { signal }) });
}

/** Only the filters a KPI supports go to the API; the others do not apply to it. */
export function filterVoor(kpi: KpiDefinitie, filter: KpiFilter): KpiFilter {
  return {
    van: filter.van,
    tot: filter.tot,
    ...(filter.wet && kpi.dimensies.includes('wet') ? { wet: filter.wet } : {}),
    ...(filter.kern && kpi.dimensies.includes('kern') ? { kern: filter.kern } : {}),
  };
}

/** The figures of several KPIs at once, in the order given. */
export function useKpiWaarden(kpis: KpiDefinitie[], filter: KpiFilter, opties: { enabled?: boolean } = {}) {
  return useQueries({
    queries: kpis.map((k) => {
      const f = filterVoor(k, filter);
      return {
        queryKey: ['kpi', k.id, f],
        queryFn: ({ signal }: { signal: AbortSignal }) => api<KpiWaarde>(`/kpis/${encodeURIComponent(k.id)}`, { signal, query: { ...f } }),
        enabled: opties.enabled ?? true,
      };
    }),
  });
}

export function useZetNorm(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { norm: number | null; marge?: number }) =>
      api<KpiDefinitie>(`/kpis/${encodeURIComponent(id)}/norm`, { method: 'PUT', body }),
    onSuccess: (def) => {
      queryClient.setQueryData<KpiDefinitie[]>(['kpis'], (oud) => oud?.map((k) => (k.id === def.id ? def : k)));
      void queryClient.invalidateQueries({ queryKey: ['kpis'] });
      void queryClient.invalidateQueries({ queryKey: ['kpi', id] });
    },
  });
}
