/**
 * Voorziening in the web app: the provisions of a casus or a person, one provision with its history
 * and letters, the contracted aanbieders to choose from, and the transitions (choose, start, end, withdraw).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api.ts';
import type { VoorzieningStatus } from './regels.ts';

export interface Voorziening {
  id: string;
  nummer: string;
  status: VoorzieningStatus;
  wet: string;
  productcategorie: string | null;
  productcode: string | null;
  productNaam: string;
  volume: number | string;
  eenheid: string | null;
  frequentie: string | null;
  begin: string;
  eind: string | null;
  beeindigdOp: string | null;
  gestartOp?: string | null;
  leveringsvorm: 'zin' | 'pgb';
  bekostiging: string | null;
  /** Pgb: recorded as passed to the SVB. */
  svb?: boolean;
  budgetCents: number;
  budgetTot: string;
  jaarbedragCents: number;
  /** ADR 40: the money from approved declarations (or the SVB for a pgb). */
  gedeclareerdCents?: number;
  goedgekeurdCents?: number;
  gecrediteerdCents?: number;
  afgewezenCents?: number;
  restantCents?: number;
  verplichtingCents?: number;
  bestedingBron?: 'declaraties' | 'svb' | 'taakgericht';
  aanbieder: { id: string; naam: string; agbCode: string } | null;
  vervangt: string | null;
  vervangenDoor: string | null;
  redenBeeindiging: string | null;
  redenBeeindigingNaam?: string | null;
  statusNaam?: string;
  beschikking: { id: string; nummer: string };
  casusId: string;
  persoonId: string;
  /** For whom, when the API names the person (a household has several members). */
  persoon?: { id: string; naam: string } | null;
}

export interface Historie {
  van: string | null;
  naar: string;
  door: { id: string; naam: string } | null;
  moment: string;
  toelichting: string | null;
}

/** A letter to the resident about the provision (made by a job after the transition). */
export interface Brief {
  id: string;
  gebeurtenis: string;
  kenmerk: string;
  onderwerp: string;
  aangemaaktOp: string;
  url: string;
}

export interface VoorzieningDetail extends Voorziening {
  historie: Historie[];
  brieven: Brief[];
  /** A withdrawn provision: from which day and why, as the beslisser entered it. */
  intrekking?: { datum: string; reden: string } | null;
}

/** A contracted aanbieder for this provision's product, with what it would cost there and whether there is room. */
export interface Kandidaat {
  aanbiederId: string;
  aanbiederNaam: string;
  agbCode: string;
  contractId: string;
  contractProductId: string;
  tariefCents: number;
  budgetCents: number;
  capaciteit: number | null;
  lopend: number;
  vrij: number | null;
}

const sleutel = ['voorzieningen'] as const;
const pad = (id: string) => `/voorzieningen/${encodeURIComponent(id)}`;


export function useVoorzieningen(filter: { casusId?: string; persoonId?: string }, opties: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...sleutel, 'lijst', filter],
    queryFn: async ({ signal }) => (await api<{ items: Voorziening[] }>('/voorzieningen', { signal, query: { ...filter } })).items,
    enabled: opties.enabled ?? true,
  });
}

export function useVoorziening(id: string) {
  return useQuery({
    queryKey: [...sleutel, 'een', id],
    queryFn: ({ signal }) => api<VoorzieningDetail>(pad(id), { signal }),
  });
}

export function useKandidaten(id: string, opties: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...sleutel, 'kandidaten', id],
    queryFn: async ({ signal }) => (await api<{ items: Kandidaat[] }>(`${pad(id)}/kandidaten`, { signal })).items,
    enabled: opties.enabled ?? true,
  });
}

export type Overgang =
  | { soort: 'aanbieder'; body: { aanbiederId: string } | { svb: true } }
  | { soort: 'start'; body: { datum: string } }
  | { soort: 'beeindig'; body: { datum: string; reden: string } }
  | { soort: 'intrekken'; body: { datum: string; reden: string } };

export function useOvergang(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (o: Overgang) => api<VoorzieningDetail>(`${pad(id)}/${o.soort}`, { method: 'POST', body: o.body }),
    onSuccess: (nieuw) => {
      // The answer is the provision after the step: shown at once, the lists and candidates asked again.
      queryClient.setQueryData([...sleutel, 'een', id], nieuw);
      void queryClient.invalidateQueries({ queryKey: sleutel, predicate: (q) => q.queryKey[1] !== 'een' });
      // The casus summary and sturing read provisions too.
      void queryClient.invalidateQueries({ queryKey: ['casus'] });
    },
  });
}


/** Who reads a voorziening (with need-to-know: the household's circle, as the casus). */
export const VOORZIENING_ROLLEN = ['regisseur', 'teamleider', 'beslisser'] as const;
