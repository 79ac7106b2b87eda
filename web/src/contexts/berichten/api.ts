/**
 * The iWmo/iJw messages (ADR 37): lists, the chain of one voorziening, the traffic per provider,
 * delivering a message, and the verzoeken of providers (315, 317) with their answers.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiProblem, api } from '../../platform/api.ts';
import type { VerzoekStatus } from './verzoeken.ts';

export interface Code { code: string; tekst: string }
export interface Bericht {
  id: string; standaard: 'iwmo' | 'ijw'; standaardNaam: string; soort: string; soortNaam: string; richting: 'uit' | 'in';
  aanbiederId: string; aanbiederNaam: string; afzender: string; ontvanger: string; identificatie: string; dagtekening: string;
  status: string; retourcodes: string[]; retourcodeTeksten: Code[]; antwoordOp: string | null; retourId: string | null;
  aantalProducten: number; aangemaaktOp: string; opgehaaldOp: string | null;
  /** Null in a voorziening's chain for a message about several clients (a month's declaration). */
  xmlUrl: string | null;
}
export interface BerichtenLijst { items: (Bericht & { client?: { bsn: string; naam: string } | null })[]; totaal: number; pagina: number; aantal: number }
export interface Filter { soort?: string; richting?: string; status?: string; aanbiederId?: string; pagina?: number }

export const STATUS_NAAM: Record<string, { naam: string; badge: 'safe' | 'warning' | 'danger' | 'neutral' }> = {
  klaar: { naam: 'Klaar om op te halen', badge: 'warning' },
  opgehaald: { naam: 'Opgehaald', badge: 'neutral' },
  geaccepteerd: { naam: 'Geaccepteerd', badge: 'safe' },
  afgekeurd: { naam: 'Afgekeurd', badge: 'danger' },
  verwerkt: { naam: 'Verwerkt', badge: 'safe' },
  deels: { naam: 'Deels verwerkt', badge: 'warning' },
};
export const SOORT_KEUZES = ['301', '302', '305', '306', '307', '308', '315', '316', '317', '318', '319', '320', '323', '325'];
export const SOORT_NAAM: Record<string, string> = {
  301: 'Toewijzing', 302: 'Retour toewijzing', 305: 'Start zorg', 306: 'Retour start zorg', 307: 'Stop zorg', 308: 'Retour stop zorg',
  315: 'Verzoek om toewijzing', 316: 'Retour verzoek om toewijzing', 317: 'Verzoek om wijziging', 318: 'Retour verzoek om wijziging',
  319: 'Antwoord op verzoek', 320: 'Retour antwoord', 323: 'Declaratie', 325: 'Declaratie-antwoord',
};

export function useBerichten(filter: Filter) {
  return useQuery({
    queryKey: ['berichten', filter],
    queryFn: ({ signal }) => api<BerichtenLijst>('/berichten', { signal, query: { ...filter, aantal: 25 } }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export interface Keten { toewijzingNummer: number | null; standaard: string | null; items: (Bericht & { productRetourcodes: Code[] })[] }
export function useKeten(voorzieningId: string, aan: boolean) {
  return useQuery({
    queryKey: ['berichten', 'keten', voorzieningId],
    queryFn: ({ signal }) => api<Keten>(`/voorzieningen/${voorzieningId}/berichten`, { signal }),
    enabled: aan,
  });
}

export interface Verkeer {
  aantallen: { soort: string; richting: string; status: string; aantal: number }[];
  afkeuringen: (Code & { aantal: number })[];
  toewijzingTotStart: { aantal: number; gemiddeldDagen: number | null; mediaanDagen: number | null };
  geenStart: { voorzieningId: string; voorzieningNummer: string; toewijzingNummer: number; toewijzingsdatum: string; dagen: number }[];
  eindigtBinnenkort: { voorzieningId: string; voorzieningNummer: string; toewijzingNummer: number; einddatum: string }[];
  drempels: { geenStartDagen: number; eindeDagen: number };
  verzoeken: {
    open: { id: string; soort: string; referentie: string; status: VerzoekStatus; ontvangenOp: string; termijnEinde: string; verlopen: boolean }[];
    verzoekTotAntwoord: { aantal: number; gemiddeldDagen: number | null; mediaanDagen: number | null; naTermijn: number };
  };
}
export function useVerkeer(aanbiederId: string) {
  return useQuery({
    queryKey: ['berichten', 'verkeer', aanbiederId],
    queryFn: ({ signal }) => api<Verkeer>(`/aanbieders/${aanbiederId}/berichtenverkeer`, { signal }),
  });
}

export interface Aangeleverd { id: string; retourId: string | null; soort: string; status: string; retourcodes: Code[]; herhaald: boolean }
export const leverAan = (xml: string) => api<Aangeleverd>('/berichten', { method: 'POST', xml });

// ————— Verzoeken van aanbieders (315, 317) —————

export interface VerzoekSamenvatting {
  id: string; soort: '315' | '317'; soortNaam: string; standaard: 'iwmo' | 'ijw'; aanbiederId: string; aanbiederNaam: string; referentie: string;
  bsn: string; clientNaam: string; persoonId: string | null; ontvangenOp: string; dagtekening: string; status: VerzoekStatus; statusNaam: string;
  termijnEinde: string; beantwoordOp: string | null; verlopen: boolean;
  /** Working days to the term (0 on its last day), negative once passed; and the last day if taken in onderzoek. */
  werkdagenOver: number; onderzoekTermijn: string;
}
/** A voorziening of the client that can grant the verzoek (in natura, same law, no provider yet or this one). */
export interface VerzoekKandidaat {
  id: string; nummer: string; productNaam: string; productcode: string | null; status: string; begin: string; eind: string | null;
  volume: number; eenheid: string | null; frequentie: string | null; aanbiederNaam: string | null;
}
export interface VerzoekDetail extends VerzoekSamenvatting {
  /** What the provider asks: a 315 or 317 in its own shape (see verzoeken.ts). */
  inhoud: unknown;
  onderzoekOp: string | null; onderzoekToelichting: string | null; eersteTermijn: string;
  redenAfwijzing: string | null; redenAfwijzingNaam: string | null; toelichting: string | null;
  /** The voorziening that granted it. */
  voorziening: { id: string; nummer: string; productNaam: string } | null;
  /** The provider's toewijzingen for this client with their voorziening: a 317 names them by number only. */
  toewijzingen: { nummer: number; voorzieningId: string; voorzieningNummer: string | null; productNaam: string | null }[];
  voorzieningId: string | null; berichtId: string; antwoordId: string | null; casusId: string | null;
  kandidaten: VerzoekKandidaat[];
}

export const VERZOEKEN_PER_PAGINA = 50;

export function useVerzoeken(filter: { open: boolean; pagina: number }) {
  return useQuery({
    queryKey: ['verzoeken', 'lijst', filter],
    queryFn: ({ signal }) => api<{ items: VerzoekSamenvatting[]; totaal: number; pagina: number; aantal: number }>('/verzoeken', {
      signal, query: { open: filter.open ? 'ja' : 'nee', pagina: filter.pagina, aantal: VERZOEKEN_PER_PAGINA },
    }),
    placeholderData: keepPreviousData,
    // A verzoek arrives from outside at any moment: the list is asked again on every visit.
    staleTime: 0,
  });
}

export function useVerzoek(id: string) {
  return useQuery({
    queryKey: ['verzoeken', 'een', id],
    queryFn: ({ signal }) => api<VerzoekDetail>(`/verzoeken/${encodeURIComponent(id)}`, { signal }),
  });
}

export type VerzoekActie =
  | { pad: 'onderzoek'; body: { toelichting?: string } }
  | { pad: 'afwijzing'; body: { reden: string; woonplaatsGemeente?: string; toelichting?: string } }
  | { pad: 'toewijzing'; body: { voorzieningId: string; toelichting?: string } };

export function useVerzoekActie(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (a: VerzoekActie) => api<{ id: string; status: VerzoekStatus }>(`/verzoeken/${encodeURIComponent(id)}/${a.pad}`, { method: 'POST', body: a.body }),
    // The answer is only the new status: the page reads the verzoek again (term, outcome) before it says it worked.
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['verzoeken'] });
      void queryClient.invalidateQueries({ queryKey: ['voorzieningen'] });
      void queryClient.invalidateQueries({ queryKey: ['berichten'] });
    },
    // Answered meanwhile (by a colleague, or in another tab): show the verzoek as it is now, beside the API's words.
    onError: (e) => {
      if (e instanceof ApiProblem && e.status === 409) void queryClient.invalidateQueries({ queryKey: ['verzoeken'] });
    },
  });
}

// ————— Declaraties (ADR 40) —————

export interface Declaratie {
  id: string; standaard: 'iwmo' | 'ijw'; standaardNaam: string; aanbiederId: string; aanbiederNaam: string; berichtId: string; antwoordId: string | null; nummer: string;
  periodeBegin: string; periodeEind: string; dagtekening: string; ingediendCents: number; toegekendCents: number; afgewezenCents: number;
  status: 'verwerkt' | 'deels' | 'afgekeurd'; retourcodes: Code[]; aantalPrestaties: number; aangemaaktOp: string;
}
export interface DeclaratiePrestatie {
  id: string; bsn: string | null; voorzieningId: string | null; voorzieningNummer: string | null; referentie: string; vorigReferentie: string | null;
  toewijzingNummer: number; categorie: string; code: string; begin: string; eind: string; volume: number; eenheid: string; tariefCents: number | null;
  ingediendCents: number; toegekendCents: number; goedgekeurd: boolean; gecrediteerd: boolean; retourcodes: Code[];
}
/** WJ756 units as a prestatie table says them. */
export const EENHEID_NAAM: Record<string, string> = { '01': 'minuten', '04': 'uur', '14': 'etmalen', '16': 'dagdelen', '82': 'stuks', '83': 'euro', '84': 'stuks' };
export const DECLARATIE_STATUS: Record<Declaratie['status'], { naam: string; badge: 'safe' | 'warning' | 'danger' }> = {
  verwerkt: { naam: 'Volledig toegekend', badge: 'safe' },
  deels: { naam: 'Deels toegekend', badge: 'warning' },
  afgekeurd: { naam: 'Niets toegekend', badge: 'danger' },
};
export function useDeclaraties(filter: { aanbiederId?: string; status?: string; pagina?: number }) {
  return useQuery({
    queryKey: ['declaraties', filter],
    queryFn: ({ signal }) => api<{ items: Declaratie[]; totaal: number; pagina: number; aantal: number }>('/declaraties', { signal, query: { ...filter, aantal: 25 } }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
export function useDeclaratie(id: string) {
  return useQuery({
    queryKey: ['declaraties', 'een', id],
    queryFn: ({ signal }) => api<Declaratie & { prestaties: DeclaratiePrestatie[] }>(`/declaraties/${id}`, { signal }),
  });
}
