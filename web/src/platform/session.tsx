import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiProblem, api, setCsrfToken, setNotLoggedInHandler } from './api.ts';

export type GemeenteRol = 'frontoffice' | 'regisseur' | 'teamleider' | 'beslisser' | 'inkoper' | 'subsidie' | 'beleid' | 'beheer' | 'privacy' | 'archivaris';
/** The gemeente's staff roles, and provider staff (aanbieder, ADR 38), who see none of the gemeente's pages. */
export type Rol = GemeenteRol | 'aanbieder';

/** The Dutch names of the roles, as the API gives them in the session. */
export const rolNaam: Record<Rol, string> = {
  frontoffice: 'Frontoffice / KCC',
  regisseur: 'Casusregisseur',
  teamleider: 'Teamleider Toegang',
  beslisser: 'Beoordelaar / beslisser',
  inkoper: 'Inkoper / contractmanager',
  subsidie: 'Subsidieadviseur',
  beleid: 'Beleidsmedewerker',
  beheer: 'Functioneel beheerder',
  privacy: 'Privacy officer',
  archivaris: 'Archivaris / informatiebeheerder',
  aanbieder: 'Medewerker zorgaanbieder',
};

export interface Sessie {
  gebruiker: { id: string; gebruikersnaam: string; naam: string; rollen: { code: Rol; naam: string }[]; aanbiederId: string | null };
  gemeente: { id: string; naam: string; code: string };
  /** The provider of provider staff; null for the gemeente's own staff. */
  aanbieder: { id: string; naam: string } | null;
  csrfToken: string;
  verlooptOp: string;
}

interface SessionValue {
  sessie: Sessie | null;
  laden: boolean;
  /** True after the user logged out in this tab (the login page says so). */
  uitgelogd: boolean;
  heeftRol: (...rollen: Rol[]) => boolean;
  inloggen: (gebruikersnaam: string, wachtwoord: string) => Promise<Sessie>;
  uitloggen: () => Promise<void>;
}

/** Drops every cached answer except the session itself (whose observer must stay attached). */
function vergeetGegevens(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSIE_KEY[0] });
}

const SessionContext = createContext<SessionValue | null>(null);
const SESSIE_KEY = ['sessie'] as const;

async function huidigeSessie(): Promise<Sessie | null> {
  try {
    return await api<Sessie>('/sessies/huidig');
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 401) return null;
    throw e;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: SESSIE_KEY, queryFn: huidigeSessie, staleTime: Infinity, retry: false });
  const sessie = query.data ?? null;
  const [uitgelogd, setUitgelogd] = useState(false);

  useEffect(() => {
    setCsrfToken(sessie?.csrfToken ?? null);
  }, [sessie]);

  useEffect(() => {
    setNotLoggedInHandler(() => {
      queryClient.setQueryData(SESSIE_KEY, null);
    });
    return () => setNotLoggedInHandler(null);
  }, [queryClient]);

  const login = useMutation({
    mutationFn: (input: { gebruikersnaam: string; wachtwoord: string }) =>
      api<Sessie>('/sessies', { method: 'POST', body: input }),
  });

  const value = useMemo<SessionValue>(() => ({
    sessie,
    laden: query.isPending,
    uitgelogd,
    heeftRol: (...rollen) => !!sessie && sessie.gebruiker.rollen.some((r) => rollen.includes(r.code)),
    inloggen: async (gebruikersnaam, wachtwoord) => {
      const nieuw = await login.mutateAsync({ gebruikersnaam, wachtwoord });
      // Data of a previous user must never show up for the next one.
      vergeetGegevens(queryClient);
      setCsrfToken(nieuw.csrfToken);
      setUitgelogd(false);
      queryClient.setQueryData(SESSIE_KEY, nieuw);
      return nieuw;
    },
    uitloggen: async () => {
      try {
        await api<void>('/sessies/huidig', { method: 'DELETE' });
      } catch (e) {
        // Already logged out on the server: the outcome is the same.
        if (!(e instanceof ApiProblem && e.status === 401)) throw e;
      }
      vergeetGegevens(queryClient);
      setCsrfToken(null);
      setUitgelogd(true);
      queryClient.setQueryData(SESSIE_KEY, null);
    },
  }), [sessie, query.isPending, uitgelogd, login, queryClient]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession buiten SessionProvider');
  return v;
}

/** The session of a page that is only reachable when logged in (RequireSession guarantees it). */
export function useSessie(): Sessie {
  const { sessie } = useSession();
  if (!sessie) throw new Error('Geen sessie: deze pagina hoort achter RequireSession');
  return sessie;
}
