/**
 * Online meldingen that wait for the intake (a BSN already known, or one the BRP contradicts):
 * the list, one of them with the person known under the typed BSN, and linking or rejecting.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api.ts';

export interface Ingediend {
  persoon: { bsn: string; voornaam: string; tussenvoegsel?: string; achternaam: string; geboortedatum: string };
  adres?: { straat: string; huisnummer: string; postcode: string; woonplaats?: string };
  geenVastAdres: boolean;
  onderwerp: string;
  omschrijving: string;
  spoed: boolean;
  contact?: { telefoon?: string; email?: string };
}

export interface OnlineMelding {
  id: string;
  referentie: string;
  ontvangenOp: string;
  status: 'teMatchen' | 'gekoppeld' | 'afgewezen';
  naam: string;
  ingediend: Ingediend;
  melding: { id: string; nummer: string } | null;
  reden: string | null;
}

export interface OnlineMeldingDetail extends OnlineMelding {
  bekendePersoon: { id: string; naam: string; geboortedatum: string } | null;
  /** False when a colleague handles the household's file: the melding is not yours to open. */
  meldingInzien: boolean;
}

export interface OnlineMeldingGekoppeld { meldingId: string; meldingNummer: string; bijCollega: boolean; bericht?: string }

export function useOnlineMeldingen(opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['online-meldingen'],
    queryFn: ({ signal }) => api<{ resultaten: OnlineMelding[]; totaal: number }>('/online-meldingen?aantal=50', { signal }),
    enabled: opts.enabled ?? true,
  });
}

export function useOnlineMelding(id: string) {
  return useQuery({
    queryKey: ['online-melding', id],
    queryFn: ({ signal }) => api<OnlineMeldingDetail>(`/online-meldingen/${id}`, { signal }),
  });
}

export type Koppeling = { persoonId: string } | { nieuwePersoon: true };

export function useKoppelOnlineMelding(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (k: Koppeling) => api<OnlineMeldingGekoppeld>(`/online-meldingen/${id}/koppeling`, { method: 'POST', body: k }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['online-meldingen'] });
      void queryClient.invalidateQueries({ queryKey: ['online-melding', id] });
      void queryClient.invalidateQueries({ queryKey: ['meldingen'] });
    },
  });
}

export function useWijsOnlineMeldingAf(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reden: string) => api<void>(`/online-meldingen/${id}/afwijzing`, { method: 'POST', body: { reden } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['online-meldingen'] });
      void queryClient.invalidateQueries({ queryKey: ['online-melding', id] });
    },
  });
}
