/**
 * Gebruikersbeheer in the web app (ADR 38): the accounts of the gemeente, the choices for the form,
 * and the one-time link to set a password. The API checks everything; these only carry it.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api.ts';
import type { Rol } from '../../platform/session.tsx';

export type Soort = 'medewerker' | 'aanbieder';

export interface Gebruiker {
  id: string;
  gebruikersnaam: string;
  naam: string;
  soort: Soort;
  rollen: { code: Rol; naam: string }[];
  team: { id: string; naam: string } | null;
  aanbieder: { id: string; naam: string } | null;
  actief: boolean;
  aangemaaktOp: string;
  gedeactiveerdOp: string | null;
  wachtwoordIngesteld: boolean;
  /** The open one-time link; `url` only in the answer that made it. */
  uitnodiging: { verlooptOp: string; url?: string } | null;
}

export interface GebruikerLijst { resultaten: Gebruiker[]; totaal: number; totaalIsSchatting: boolean; volgende: string | null; aantal: number }

export interface GebruikerKeuzes {
  rollen: { code: Rol; naam: string; soort: Soort }[];
  teams: { id: string; naam: string }[];
  aanbieders: { id: string; naam: string; agbCode: string; actief: boolean }[];
  /** Demo mode: beheer may set the new user's password itself. */
  wachtwoordDirect: boolean;
  wachtwoordMinimum: number;
}

export interface GebruikerFilter { rol?: string | undefined; aanbiederId?: string | undefined; actief?: string | undefined; zoek?: string | undefined; na?: string | undefined }

export interface NieuweGebruiker {
  gebruikersnaam: string; naam: string; rollen: Rol[]; teamId?: string | null; aanbiederId?: string | null; wachtwoord?: string;
}
export interface GebruikerWijziging { naam?: string; rollen?: Rol[]; teamId?: string | null; aanbiederId?: string | null }

/** The API's minimum; the form says it before sending (the API checks it again). */
export const WACHTWOORD_MIN = 12;

export function useGebruikers(filter: GebruikerFilter) {
  return useQuery({
    queryKey: ['gebruikers', filter],
    queryFn: ({ signal }) => api<GebruikerLijst>('/gebruikers', { signal, query: { ...filter, aantal: 50 } }),
    placeholderData: keepPreviousData,
  });
}

export function useGebruiker(id: string) {
  return useQuery({
    queryKey: ['gebruikers', 'een', id],
    queryFn: ({ signal }) => api<Gebruiker>(`/gebruikers/${id}`, { signal }),
    enabled: id !== '',
  });
}

export function useGebruikerKeuzes() {
  return useQuery({
    queryKey: ['gebruikers', 'keuzes'],
    queryFn: ({ signal }) => api<GebruikerKeuzes>('/gebruikers/keuzes', { signal }),
    staleTime: 60_000,
  });
}

/** Every change to an account: afterwards the lists and the account ask afresh. */
function useGebruikerActie<I>(doe: (invoer: I) => Promise<Gebruiker>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: doe,
    onSuccess: async (g) => {
      queryClient.setQueryData(['gebruikers', 'een', g.id], { ...g, uitnodiging: g.uitnodiging ? { verlooptOp: g.uitnodiging.verlooptOp } : null });
      await queryClient.invalidateQueries({ queryKey: ['gebruikers'], predicate: (q) => q.queryKey[1] !== 'een' && q.queryKey[1] !== 'keuzes' });
    },
  });
}

export const useMaakGebruiker = () => useGebruikerActie((g: NieuweGebruiker) => api<Gebruiker>('/gebruikers', { method: 'POST', body: g }));
export const useWijzigGebruiker = (id: string) =>
  useGebruikerActie((w: GebruikerWijziging) => api<Gebruiker>(`/gebruikers/${id}`, { method: 'PATCH', body: w }));
export const useZetActief = (id: string) =>
  useGebruikerActie((actief: boolean) => api<Gebruiker>(`/gebruikers/${id}/${actief ? 'activeren' : 'deactiveren'}`, { method: 'POST' }));
export const useNieuweUitnodiging = (id: string) => useGebruikerActie(() => api<Gebruiker>(`/gebruikers/${id}/uitnodiging`, { method: 'POST' }));

/** The public page of a one-time link: no session, no CSRF token. */
export const stelWachtwoordIn = (token: string, wachtwoord: string) =>
  api<{ gebruikersnaam: string }>('/wachtwoord-instellen', { method: 'POST', body: { token, wachtwoord } });
