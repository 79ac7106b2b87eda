/**
 * Sturing in the web app: the KPI definitions with this gemeente's norms, the figures per KPI over a
 * period (aggregates only), a KPI per kern, wijk, team and so on, what lies behind a figure, the
 * pilot monitor and setting a norm.
 */
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api.ts';

export type Niveau = 'strategisch' | 'tactisch' | 'operationeel';
/**
 * aandeel: a share 0..1; aantal: a count; verandering: now against the basisperiode as a fraction
 * (−0,15 = 15% minder); gemiddelde: an average; bedrag: euros.
 */
export type Eenheid = 'aandeel' | 'aantal' | 'verandering' | 'gemiddelde' | 'bedrag';
export type Richting = 'hogerIsBeter' | 'lagerIsBeter';
export type Signaal = 'groen' | 'oranje' | 'rood';
export type Dimensie = 'periode' | 'wet' | 'kern' | 'wijk' | 'team' | 'regisseur' | 'product' | 'aanbieder' | 'bekostiging' | 'stap';
/** The dimensions a KPI can be compared by (every dimension except the month). */
export type Snede = Exclude<Dimensie, 'periode'>;
export const SNEDEN: readonly Snede[] = ['kern', 'wijk', 'wet', 'team', 'regisseur', 'product', 'aanbieder', 'bekostiging', 'stap'];
export const isSnede = (v: string | null): v is Snede => SNEDEN.includes(v as Snede);

export const NIVEAUS: { code: Niveau; naam: string; omschrijving: string }[] = [
  { code: 'strategisch', naam: 'Strategisch', omschrijving: 'De doelen van het sociaal domein: minder maatwerk, altijd eerst een gesprek, inwoners die zich goed geholpen voelen, en wat het kost.' },
  { code: 'tactisch', naam: 'Tactisch', omschrijving: 'Instroom, doorstroom en uitstroom, de wettelijke termijnen, zelfredzaamheid en kosten per cliënt.' },
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
  /** Null: this KPI has no norm (only a figure to watch). A share or change is a fraction. */
  norm: number | null;
  marge: number;
  dimensies: Dimensie[];
  bron: string;
  /** A stand on the last day of the period, not a sum over it; no series per month. */
  momentopname: boolean;
  /** Only for a change: the basisperiode ends the day before this date. */
  peildatum: string | null;
  /** 'jaar': norm and marge are amounts per year; a shorter period is held against its share (normInPeriode). */
  normPer: 'jaar' | null;
}

/** The norm as set and as it holds for the asked period (what the signal was measured against). */
export interface NormInPeriode {
  norm: number | null;
  normPer: 'jaar' | null;
  normInPeriode: number | null;
}

export interface ReeksPunt {
  periode: string;
  waarde: number | null;
  teller: number;
  noemer: number;
}

export interface Periode {
  van: string;
  tot: string;
}

export interface Figuur {
  waarde: number | null;
  teller: number;
  noemer: number;
  signaal: Signaal | null;
}

export interface KpiWaarde extends Figuur, NormInPeriode {
  id: string;
  naam: string;
  eenheid: Eenheid;
  van: string;
  tot: string;
  /** For a change: the period it is compared with. */
  basis: Periode | null;
  reeks: ReeksPunt[];
}

export interface VerdelingRij extends Figuur {
  /** The id or code to filter on; null for "Onbekend". */
  sleutel: string | null;
  naam: string;
}

export interface KpiVerdeling extends NormInPeriode {
  id: string;
  per: Snede;
  van: string;
  tot: string;
  rijen: VerdelingRij[];
}

export interface OnderliggendeCasus {
  casusId: string | null;
  ref: string;
  datum: string;
  wet: string | null;
  wijk: string | null;
  kern: string | null;
  telt: number;
  weegt: number;
}

export type KpiOnderliggend =
  | { soort: 'casussen'; totaal: number; getoond: number; rijen: OnderliggendeCasus[] }
  | { soort: 'aantallen'; rijen: { wijk: string; teller: number | null; noemer: number | null; onderdrukt: boolean }[] };

export interface PilotIndicator extends NormInPeriode {
  id: string;
  naam: string;
  eenheid: Eenheid;
  richting: Richting;
  pilot: Figuur;
  overig: Figuur;
  verschilMetOverig: number | null;
  eerder: (Figuur & Periode & { verschil: number | null })[];
}

export interface Pilotmonitor {
  wijk: { id: string; naam: string; kern: string };
  van: string;
  tot: string;
  indicatoren: PilotIndicator[];
}

/** The period and every cut a figure can be filtered on; ids for kern, wijk, team, regisseur, product and aanbieder (who delivers the voorziening). */
export interface KpiFilter {
  van: string;
  tot: string;
  wet?: string | undefined;
  kern?: string | undefined;
  wijk?: string | undefined;
  team?: string | undefined;
  regisseur?: string | undefined;
  product?: string | undefined;
  aanbieder?: string | undefined;
  /** The contract's bekostiging of the voorziening: inspanningsgericht, outputgericht or taakgericht. */
  bekostiging?: string | undefined;
  stap?: string | undefined;
}

export function useKpis() {
  return useQuery({ queryKey: ['kpis'], queryFn: ({ signal }) => api<KpiDefinitie[]>('/kpis', { signal }), staleTime: 60_000 });
}

/** The cuts of a filter that are set but that this KPI cannot be cut by: they are not sent, and the page says so. */
export function nietToepasbaar(kpi: Pick<KpiDefinitie, 'dimensies'>, filter: KpiFilter): Snede[] {
  return SNEDEN.filter((s) => !!filter[s] && !kpi.dimensies.includes(s));
}

/** Only the filters a KPI supports go to the API; the others do not apply to it. */
export function filterVoor(kpi: Pick<KpiDefinitie, 'dimensies'>, filter: KpiFilter): KpiFilter {
  const f: KpiFilter = { van: filter.van, tot: filter.tot };
  for (const s of SNEDEN) {
    if (filter[s] && kpi.dimensies.includes(s)) f[s] = filter[s];
  }
  return f;
}

const kpiPad = (id: string, deel = '') => `/kpis/${encodeURIComponent(id)}${deel}`;

/** The figures of several KPIs at once (in parallel), in the order given. */
export function useKpiWaarden(kpis: KpiDefinitie[], filter: KpiFilter, opties: { enabled?: boolean } = {}) {
  return useQueries({
    queries: kpis.map((k) => {
      const f = filterVoor(k, filter);
      return {
        queryKey: ['kpi', k.id, f],
        queryFn: ({ signal }: { signal: AbortSignal }) => api<KpiWaarde>(kpiPad(k.id), { signal, query: { ...f } }),
        enabled: opties.enabled ?? true,
      };
    }),
  });
}

export function useKpiWaarde(kpi: KpiDefinitie | undefined, filter: KpiFilter, opties: { enabled?: boolean } = {}) {
  const f = kpi ? filterVoor(kpi, filter) : filter;
  return useQuery({
    queryKey: ['kpi', kpi?.id, f],
    queryFn: ({ signal }) => api<KpiWaarde>(kpiPad(kpi!.id), { signal, query: { ...f } }),
    enabled: !!kpi && (opties.enabled ?? true),
  });
}

/** A KPI per kern, wijk, team and so on; only for a dimension the KPI has. */
export function useKpiVerdeling(kpi: KpiDefinitie | undefined, filter: KpiFilter, per: Snede | null, opties: { enabled?: boolean } = {}) {
  const f = kpi ? filterVoor(kpi, filter) : filter;
  return useQuery({
    queryKey: ['kpi-verdeling', kpi?.id, per, f],
    queryFn: ({ signal }) => api<KpiVerdeling>(kpiPad(kpi!.id, '/verdeling'), { signal, query: { ...f, per: per! } }),
    enabled: !!kpi && !!per && kpi.dimensies.includes(per) && (opties.enabled ?? true),
    placeholderData: keepPreviousData,
  });
}

/** What lies behind a figure: the cases (teamleider) or counts per wijk (beleid, beheer). */
export function useKpiOnderliggend(kpi: KpiDefinitie | undefined, filter: KpiFilter, periode: string | undefined, opties: { enabled?: boolean } = {}) {
  const f = kpi ? filterVoor(kpi, filter) : filter;
  return useQuery({
    queryKey: ['kpi-onderliggend', kpi?.id, f, periode ?? null],
    queryFn: ({ signal }) => api<KpiOnderliggend>(kpiPad(kpi!.id, '/onderliggend'), { signal, query: { ...f, periode } }),
    enabled: !!kpi && (opties.enabled ?? true),
  });
}

export function usePilotmonitor(wijk: string | undefined, periode: Periode, opties: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['pilotmonitor', wijk, periode.van, periode.tot],
    queryFn: ({ signal }) => api<Pilotmonitor>('/sturing/pilotmonitor', { signal, query: { wijk, van: periode.van, tot: periode.tot } }),
    enabled: !!wijk && (opties.enabled ?? true),
  });
}

export interface NormInvoer {
  norm: number;
  marge?: number;
  /** Only for a change (YYYY-MM-DD); left out, the basisperiode is the same period a year earlier. */
  peildatum?: string;
}

export function useZetNorm(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NormInvoer) => api<KpiDefinitie>(kpiPad(id, '/norm'), { method: 'PUT', body }),
    onSuccess: (def) => {
      queryClient.setQueryData<KpiDefinitie[]>(['kpis'], (oud) => oud?.map((k) => (k.id === def.id ? def : k)));
      void queryClient.invalidateQueries({ queryKey: ['kpis'] });
      for (const sleutel of ['kpi', 'kpi-verdeling', 'kpi-onderliggend']) void queryClient.invalidateQueries({ queryKey: [sleutel, id] });
      void queryClient.invalidateQueries({ queryKey: ['pilotmonitor'] });
    },
  });
}

// ————— Budget en realisatie (ADR 40) —————

export const BESTEDING_PER = [
  { code: 'wet', naam: 'Wet' }, { code: 'product', naam: 'Product' }, { code: 'aanbieder', naam: 'Aanbieder' }, { code: 'wijk', naam: 'Wijk' }, { code: 'bekostiging', naam: 'Bekostiging' },
] as const;
export type BestedingPer = (typeof BESTEDING_PER)[number]['code'];
export interface BestedingRij {
  sleutel: string | null; label: string; ramingCents: number; gerealiseerdCents: number; nogTeDeclarerenCents: number; verwachtCents: number;
  verschilCents: number; aandeelGedeclareerd: number | null; voorzieningen: number;
}
export function useBesteding(jaar: number, per: BestedingPer) {
  return useQuery({
    queryKey: ['sturing', 'besteding', jaar, per],
    queryFn: ({ signal }) => api<{ jaar: number; per: BestedingPer; rijen: BestedingRij[]; totaal: BestedingRij }>('/sturing/besteding', { signal, query: { jaar, per } }),
    placeholderData: keepPreviousData,
  });
}
