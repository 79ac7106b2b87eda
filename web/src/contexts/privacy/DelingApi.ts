/** Delen met partners in the web app: a person's grounds and shares, and the privacy officer's overview. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api.ts';

export interface Waarde { code: string; naam: string }

/** The choice lists of sharing, from GET /waardelijsten (the same request and cache as the other lists). */
export interface DelenLijsten {
  grondslagSoorten: Waarde[];
  partnerSoorten: Waarde[];
  delenDoelen: Waarde[];
  toestemmingGevers: Waarde[];
  wetsartikelen: Waarde[];
}

export function useDelenLijsten() {
  return useQuery({
    queryKey: ['waardelijsten'],
    queryFn: ({ signal }) => api<DelenLijsten>('/waardelijsten', { signal }),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

export type GrondslagSoort = 'toestemming' | 'wettelijkeTaak' | 'wettelijkeVerplichting' | 'vitaalBelang';
export type GrondslagStatus = 'geldig' | 'ingetrokken' | 'verlopen' | 'nogNietGeldig';

export interface Grondslag {
  id: string; persoonId: string; casusId: string | null; soort: GrondslagSoort; soortNaam: string; avg: string;
  gegevenDoor: { relatie: string; relatieNaam: string; naam: string } | null;
  datum: string; geldigTot: string | null;
  partners: { soort: string; soortNaam: string; naam: string | null }[];
  doelen: { code: string; naam: string }[];
  gegevens: string; wetsartikel: string | null; toelichting: string | null;
  status: GrondslagStatus; statusNaam: string; vastgelegdDoor: string | null; vastgelegdOp: string;
  intrekking: { datum: string; door: string | null; reden: string | null } | null;
}

export interface Verstrekking {
  id: string; persoonId: string; casusId: string | null; grondslagId: string; grondslagSoort: GrondslagSoort; grondslagSoortNaam: string;
  partner: { soort: string; soortNaam: string; naam: string }; doel: string; doelNaam: string; gegevens: string; datum: string;
  toelichting: string | null; vastgelegdDoor: string | null; vastgelegdOp: string;
}

export interface Delingen { persoonId: string; grondslagen: Grondslag[]; verstrekkingen: Verstrekking[] }

export function useDelingen(persoonId: string | undefined) {
  return useQuery({
    queryKey: ['delingen', persoonId],
    queryFn: ({ signal }) => api<Delingen>(`/personen/${persoonId}/delingen`, { signal }),
    enabled: !!persoonId,
  });
}

export interface NieuweGrondslag {
  soort: GrondslagSoort;
  gegevenDoor?: { relatie: string; persoonId?: string };
  datum: string;
  geldigTot?: string | null;
  partners: { soort: string; naam?: string }[];
  doelen: string[];
  gegevens: string;
  wetsartikel?: string;
  toelichting?: string;
}

export interface NieuweVerstrekking {
  partner: { soort: string; naam: string };
  doel: string;
  gegevens: string;
  grondslagId: string;
  datum?: string;
  toelichting?: string;
}

/** After every change the person's list is read again (with its fresh statuses). */
function useNaWijziging(persoonId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['delingen', persoonId] });
    void qc.invalidateQueries({ queryKey: ['privacy-delingen'] });
  };
}

export function useLegGrondslagVast(persoonId: string) {
  const klaar = useNaWijziging(persoonId);
  return useMutation({
    mutationFn: (g: NieuweGrondslag) => api<Grondslag>(`/personen/${persoonId}/grondslagen`, { method: 'POST', body: g }),
    onSuccess: klaar,
  });
}

export function useTrekIn(persoonId: string) {
  const klaar = useNaWijziging(persoonId);
  return useMutation({
    mutationFn: (i: { grondslagId: string; reden?: string }) =>
      api<Grondslag>(`/grondslagen/${i.grondslagId}/intrekking`, { method: 'POST', body: i.reden ? { reden: i.reden } : {} }),
    onSuccess: klaar,
  });
}

export function useLegVerstrekkingVast(persoonId: string) {
  const klaar = useNaWijziging(persoonId);
  return useMutation({
    mutationFn: (v: NieuweVerstrekking) => api<Verstrekking>(`/personen/${persoonId}/verstrekkingen`, { method: 'POST', body: v }),
    onSuccess: klaar,
  });
}

export interface PersoonKort { id: string; naam: string; bsn: string }
export type OverzichtVerstrekking = Verstrekking & { persoon: PersoonKort; grondslagIngetrokkenOp: string | null };
export type OverzichtGrondslag = Grondslag & { persoon: PersoonKort; aantalVerstrekkingen: number };
export type DelingenOverzicht =
  | { lijst: 'verstrekkingen'; totaal: number; pagina: number; aantal: number; resultaten: OverzichtVerstrekking[] }
  | { lijst: 'grondslagen'; totaal: number; pagina: number; aantal: number; resultaten: OverzichtGrondslag[] };

export interface OverzichtFilter {
  lijst: 'verstrekkingen' | 'grondslagen';
  partnerSoort: string;
  partner: string;
  soort: string;
  ingetrokken: '' | 'ja' | 'nee';
  pagina: number;
}

export const AANTAL_PER_PAGINA = 25;

export function useDelingenOverzicht(f: OverzichtFilter) {
  return useQuery({
    queryKey: ['privacy-delingen', f],
    queryFn: ({ signal }) => api<DelingenOverzicht>('/privacy/delingen', {
      signal,
      query: { lijst: f.lijst, partnerSoort: f.partnerSoort, partner: f.partner, soort: f.soort, ingetrokken: f.ingetrokken, pagina: f.pagina, aantal: AANTAL_PER_PAGINA },
    }),
    // Personal data of many residents: not kept once the page is left.
    gcTime: 0,
  });
}
