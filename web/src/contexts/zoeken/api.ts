/**
 * Zoeken in the web app: one search field for BSN, name with birth date, or a number; the results
 * page and the KCC's view of a melding's status.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../platform/api.ts';
import type { Rol } from '../../platform/session.tsx';

/** Who may search: the roles that work with files (the API answers 403 to the others). */
export const ZOEK_ROLLEN: readonly Rol[] = ['frontoffice', 'regisseur', 'teamleider', 'beslisser'];
/** Shorter than this, the API cannot search; the page says so before asking. */
export const ZOEKVRAAG_MIN = 2;
export const ZOEKVRAAG_MAX = 100;
export const ZOEK_HINT = 'BSN, naam + geboortedatum of nummer';

export type Soort = 'persoon' | 'melding' | 'casus' | 'aanvraag' | 'beschikking';
export const soortNaam: Record<Soort, string> = {
  persoon: 'Inwoner', melding: 'Melding', casus: 'Casus', aanvraag: 'Aanvraag', beschikking: 'Beschikking',
};

export interface Zoekresultaat {
  soort: Soort;
  id: string;
  titel: string;
  omschrijving: string;
  url: string;
}

export interface Zoekuitkomst {
  resultaten: Zoekresultaat[];
  gezochtOp: string;
  toelichting: string | null;
}

export function useZoeken(q: string, opts: { enabled: boolean }) {
  return useQuery({
    queryKey: ['zoeken', q],
    queryFn: ({ signal }) => api<Zoekuitkomst>('/zoeken', { signal, query: { q } }),
    enabled: opts.enabled,
    // Every search is an audited read: ask again only when the user searches again.
    staleTime: Infinity,
    gcTime: 0,
  });
}

export interface MeldingStand {
  id: string;
  nummer: string;
  wet: string;
  wetNaam: string;
  kanaalNaam: string;
  status: string;
  statusNaam: string;
  ontvangenOp: string;
  afgerondOp: string | null;
  inwoner: { naam: string; geboortedatum: string };
  behandeling: { casusNummer: string | null; casusregisseur: string | null; team: string | null };
}

export function useMeldingStand(id: string) {
  return useQuery({
    queryKey: ['zoeken', 'melding', id],
    queryFn: ({ signal }) => api<MeldingStand>(`/zoeken/meldingen/${id}`, { signal }),
    gcTime: 0,
  });
}

/** Who sees a found resident's own page (the frontoffice searches meldingen only). */
export const PERSOON_ROLLEN: readonly Rol[] = ['regisseur', 'teamleider', 'beslisser'];

export interface GevondenInwoner {
  id: string;
  naam: string;
  geboortedatum: string;
  adres: { straat: string | null; huisnummer: string | null; postcode: string | null; woonplaats: string | null };
  casussen: { id: string; nummer: string; status: string; url: string }[];
  meldingen: { id: string; nummer: string; status: string; statusNaam: string; ontvangenOp: string; url: string }[];
}

export function useGevondenInwoner(id: string) {
  return useQuery({
    queryKey: ['zoeken', 'persoon', id],
    queryFn: ({ signal }) => api<GevondenInwoner>(`/zoeken/personen/${id}`, { signal }),
    gcTime: 0,
  });
}
