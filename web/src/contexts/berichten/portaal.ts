/** The portal's toewijzingen and the start/stop forms for providers without software of their own (ADR 37). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api.ts';
import type { Aangeleverd } from './api.ts';

export interface PortaalToewijzing {
  standaard: 'iwmo' | 'ijw'; nummer: number; client: { bsn: string; naam: string } | null; productNaam: string | null; productcategorie: string;
  productcode: string | null; ingangsdatum: string; einddatum: string | null; omvang: { volume: number; eenheid: string; frequentie: string } | null;
  gestartOp: string | null; gestoptOp: string | null; stopReden: string | null; wet: string;
}

export function usePortaalToewijzingen(pagina: number) {
  return useQuery({
    queryKey: ['portaal', 'toewijzingen', pagina],
    queryFn: ({ signal }) => api<{ items: PortaalToewijzing[]; totaal: number; pagina: number; aantal: number }>('/portaal/toewijzingen', { signal, query: { pagina, aantal: 25 } }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export type Melding = { soort: 'start'; datum: string } | { soort: 'stop'; datum: string; reden: string };

export function useMeld(t: Pick<PortaalToewijzing, 'standaard' | 'nummer'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (m: Melding) => api<Aangeleverd>(`/portaal/toewijzingen/${t.standaard}/${t.nummer}/${m.soort}`, {
      method: 'POST', body: m.soort === 'start' ? { datum: m.datum } : { datum: m.datum, reden: m.reden },
    }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['portaal'] });
      void queryClient.invalidateQueries({ queryKey: ['berichten'] });
    },
  });
}
