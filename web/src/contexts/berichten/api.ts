/** The iWmo/iJw messages (ADR 37): lists, the chain of one voorziening, the traffic per provider and delivering a message. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../platform/api.ts';

export interface Code { code: string; tekst: string }
export interface Bericht {
  id: string; standaard: 'iwmo' | 'ijw'; standaardNaam: string; soort: string; soortNaam: string; richting: 'uit' | 'in';
  aanbiederId: string; aanbiederNaam: string; afzender: string; ontvanger: string; identificatie: string; dagtekening: string;
  status: string; retourcodes: string[]; retourcodeTeksten: Code[]; antwoordOp: string | null; retourId: string | null;
  aantalProducten: number; aangemaaktOp: string; opgehaaldOp: string | null; xmlUrl: string;
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
export const SOORT_KEUZES = ['301', '302', '305', '306', '307', '308', '315', '316', '317', '318', '319', '320'];
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
}
export function useVerkeer(aanbiederId: string) {
  return useQuery({
    queryKey: ['berichten', 'verkeer', aanbiederId],
    queryFn: ({ signal }) => api<Verkeer>(`/aanbieders/${aanbiederId}/berichtenverkeer`, { signal }),
  });
}

export interface Aangeleverd { id: string; retourId: string | null; soort: string; status: string; retourcodes: Code[]; herhaald: boolean }
export const leverAan = (xml: string) => api<Aangeleverd>('/berichten', { method: 'POST', xml });
