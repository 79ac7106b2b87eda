/**
 * Financiën in the web app (issue 15.3): payment batches per provider and period with their journal
 * for the financial system, and the ledger rules beheer keeps. Money in cents as the API gives it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_BASE, api } from '../../platform/api.ts';

export interface Betaalbatch {
  id: string; nummer: string; aanbiederId: string; aanbieder: { id: string; naam: string; agbCode: string }; periode: string;
  totaalCents: number; declaratiesCents: number; taakgerichtCents: number; aantalPrestaties: number; aantalDeclaraties: number;
  aangemaaktOp: string; aangemaaktDoor: string | null;
}
export interface JournaalRegel {
  bron: 'declaraties' | 'taakgericht'; wet: string; productcategorie: string | null; productcode: string; naam: string | null;
  soort: 'debet' | 'credit'; cents: number; aantalPrestaties: number; grootboekrekening: string | null; kostenplaats: string | null; omschrijving: string;
}
export interface BatchDeclaratie {
  id: string; nummer: string; standaard: string; periodeBegin: string; periodeEind: string; antwoordIdentificatie: string | null;
  antwoordDatum: string | null; toegekendCents: number; inBatchCents: number;
}
export interface BetaalbatchDetail extends Betaalbatch {
  boekdatum: string; regels: JournaalRegel[]; declaraties: BatchDeclaratie[]; ontbrekendGrootboek: string[];
}
export interface Grootboekregel { wet: string; productcategorie: string | null; grootboekrekening: string; kostenplaats: string; gewijzigdOp?: string }

const id = (s: string) => encodeURIComponent(s);

export function useBetaalbatches() {
  return useQuery({
    queryKey: ['financien', 'betaalbatches'],
    queryFn: ({ signal }) => api<Betaalbatch[]>('/betaalbatches', { signal }),
  });
}

export function useBetaalbatch(batchId: string) {
  return useQuery({
    queryKey: ['financien', 'betaalbatch', batchId],
    queryFn: ({ signal }) => api<BetaalbatchDetail>(`/betaalbatches/${id(batchId)}`, { signal }),
  });
}

export function useMaakBetaalbatches() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invoer: { periode: string; aanbiederId?: string }) => api<Betaalbatch[]>('/betaalbatches', { method: 'POST', body: invoer }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['financien'] }),
  });
}

export const journaalUrl = (batchId: string, formaat: 'csv' | 'xlsx'): string => `${API_BASE}/betaalbatches/${id(batchId)}/journaal.${formaat}`;

export function useGrootboek() {
  return useQuery({
    queryKey: ['financien', 'grootboek'],
    queryFn: ({ signal }) => api<{ regels: Grootboekregel[] }>('/grootboekregels', { signal }),
  });
}

export function useZetGrootboek() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (regels: Grootboekregel[]) => api<{ regels: Grootboekregel[] }>('/grootboekregels', { method: 'PUT', body: { regels } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['financien'] }),
  });
}

/** 'YYYY-MM' in words: "november 2026". */
export function periodeNaam(periode: string): string {
  const [j, m] = periode.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(j, m - 1, 1)));
}
