/**
 * Gesprek in the web app: conversations across all life domains, scored with an instrument, the
 * report to the resident and the score history of a casus.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api.ts';

export const PLEKKEN = [
  { code: 'thuis', naam: 'Aan de keukentafel (thuis)' },
  { code: 'kantoor', naam: 'Op kantoor' },
  { code: 'online', naam: 'Online' },
  { code: 'anders', naam: 'Elders' },
] as const;
export type Plek = (typeof PLEKKEN)[number]['code'];

export const GESPREK_SOORTEN = [
  { code: 'intake', naam: 'Intake (eerste gesprek)' },
  { code: 'vervolg', naam: 'Vervolggesprek' },
  { code: 'evaluatie', naam: 'Evaluatiegesprek' },
] as const;
export type GesprekSoort = (typeof GESPREK_SOORTEN)[number]['code'];
export const soortNaam = (code: string): string => ({ intake: 'Intake', vervolg: 'Vervolg', evaluatie: 'Evaluatie' } as Record<string, string>)[code] ?? code;

export const DEELNEMER_ROLLEN = [
  { code: 'inwoner', naam: 'Inwoner' },
  { code: 'partner', naam: 'Partner' },
  { code: 'mantelzorger', naam: 'Mantelzorger' },
  { code: 'netwerk', naam: 'Netwerk (familie, buren, vrienden)' },
  { code: 'professional', naam: 'Professional' },
] as const;
export type DeelnemerRol = (typeof DEELNEMER_ROLLEN)[number]['code'];
export const deelnemerRolNaam = (code: string): string => DEELNEMER_ROLLEN.find((r) => r.code === code)?.naam ?? code;

export interface Instrument {
  id: string;
  code: string;
  naam: string;
  standaard: boolean;
  schaal: { waarde: number; label: string }[];
  domeinen: { code: string; naam: string; leefgebied?: string }[];
}

export function useInstrumenten() {
  return useQuery({
    queryKey: ['instrumenten'],
    queryFn: ({ signal }) => api<Instrument[]>('/instrumenten', { signal }),
    staleTime: 60 * 60_000,
  });
}

export interface Score {
  domein: string;
  domeinNaam: string;
  score: number | null;
  scoreLabel: string | null;
  toelichting: string | null;
  zelf: string | null;
  netwerk: string | null;
}

export interface Gesprek {
  id: string;
  casusId: string;
  datum: string;
  plek: Plek;
  plekNaam: string;
  soort: GesprekSoort;
  instrument: { id: string; code: string; naam: string };
  deelnemers: { rol: DeelnemerRol; naam: string; persoonId?: string | null }[];
  samenvatting: string | null;
  gevoerdDoor: { id: string; naam: string } | null;
  verslag: { verzondenOp: string | null; hash: string | null };
  inwonerReactie: { tekst: string; op: string } | null;
  scores: Score[];
}

export interface NieuwGesprek {
  datum: string;
  plek: string;
  soort: string;
  instrument?: string;
  deelnemers: { rol: string; naam: string; persoonId?: string }[];
  samenvatting?: string;
  scores: { domein: string; score: number | null; toelichting?: string; zelf?: string; netwerk?: string }[];
}

export function useGesprekken(casusId: string, opties: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['gesprekken', casusId],
    queryFn: ({ signal }) => api<Gesprek[]>(`/casussen/${encodeURIComponent(casusId)}/gesprekken`, { signal }),
    enabled: opties.enabled ?? true,
  });
}

export function useGesprek(id: string) {
  return useQuery({ queryKey: ['gesprek', id], queryFn: ({ signal }) => api<Gesprek>(`/gesprekken/${encodeURIComponent(id)}`, { signal }) });
}

export const verslagUrl = (id: string): string => `/api/v1/gesprekken/${encodeURIComponent(id)}/verslag.pdf`;

function naGesprek(queryClient: ReturnType<typeof useQueryClient>, g: Gesprek) {
  queryClient.setQueryData(['gesprek', g.id], g);
  void queryClient.invalidateQueries({ queryKey: ['gesprekken', g.casusId] });
  void queryClient.invalidateQueries({ queryKey: ['scores', g.casusId] });
  // Conversations close terms (eerste gesprek, onderzoek): the meldingen change too.
  void queryClient.invalidateQueries({ queryKey: ['casus'] });
  void queryClient.invalidateQueries({ queryKey: ['melding'] });
  void queryClient.invalidateQueries({ queryKey: ['meldingen'] });
  void queryClient.invalidateQueries({ queryKey: ['termijnen'] });
}

export function useVoerGesprek(casusId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (g: NieuwGesprek) => api<Gesprek>(`/casussen/${encodeURIComponent(casusId)}/gesprekken`, { method: 'POST', body: g }),
    onSuccess: (g) => naGesprek(queryClient, g),
  });
}

export function useVerzendVerslag(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<Gesprek>(`/gesprekken/${encodeURIComponent(id)}/verzending`, { method: 'POST' }),
    onSuccess: (g) => naGesprek(queryClient, g),
  });
}

export function useReactie(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tekst: string) => api<Gesprek>(`/gesprekken/${encodeURIComponent(id)}/reactie`, { method: 'POST', body: { tekst } }),
    onSuccess: (g) => naGesprek(queryClient, g),
  });
}

export interface ScoreHistorie {
  instrument: { code: string; naam: string };
  domeinen: { domein: string; naam: string; reeks: { datum: string; gesprekId: string; soort: string; score: number }[]; verschil: number | null }[];
}

export function useScores(casusId: string, opties: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['scores', casusId],
    queryFn: ({ signal }) => api<ScoreHistorie>(`/casussen/${encodeURIComponent(casusId)}/scores`, { signal }),
    enabled: opties.enabled ?? true,
  });
}
