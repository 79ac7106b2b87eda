/** Toegang in the web app: the shapes the API answers with, the Dutch names, and the queries. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api.ts';

export const WETTEN = ['wmo', 'jeugdwet', 'participatiewet', 'schuldhulp', 'minima', 'onbekend'] as const;
export type Wet = (typeof WETTEN)[number];
export const wetNaam: Record<Wet, string> = {
  wmo: 'Wmo 2015',
  jeugdwet: 'Jeugdwet',
  participatiewet: 'Participatiewet',
  schuldhulp: 'Schuldhulpverlening',
  minima: 'Minimabeleid',
  onbekend: 'Nog onbekend',
};

export const KANALEN = ['balie', 'telefoon', 'email', 'online', 'verwijzing', 'vroegsignalering'] as const;
export type Kanaal = (typeof KANALEN)[number];
export const kanaalNaam: Record<Kanaal, string> = {
  balie: 'Balie',
  telefoon: 'Telefoon',
  email: 'E-mail',
  online: 'Online formulier',
  verwijzing: 'Verwijzing door professional',
  vroegsignalering: 'Vroegsignalering',
};

export const STATUSSEN = ['gemeld', 'inOnderzoek', 'afgesloten'] as const;
export type MeldingStatus = (typeof STATUSSEN)[number];
export const statusNaam: Record<MeldingStatus, string> = {
  gemeld: 'Gemeld',
  inOnderzoek: 'In onderzoek',
  afgesloten: 'Afgesloten',
};

/** The look of a status in a StatusBadge. */
export const statusBadge: Record<MeldingStatus, string> = {
  gemeld: 'warning',
  inOnderzoek: 'active',
  afgesloten: 'neutral',
};

export const isWet = (v: string | null): v is Wet => !!v && (WETTEN as readonly string[]).includes(v);
export const isStatus = (v: string | null): v is MeldingStatus => !!v && (STATUSSEN as readonly string[]).includes(v);

export interface Melding {
  id: string;
  nummer: string;
  status: MeldingStatus;
  statusNaam: string;
  wet: Wet;
  wetNaam: string;
  kanaal: Kanaal;
  kanaalNaam: string;
  ontvangenOp: string;
  omschrijving: string;
  persoon: { id: string; naam: string; geboortedatum: string };
  huishoudenId: string;
  wijk: string | null;
  kern: string | null;
  geregistreerdDoor: { id: string; naam: string } | null;
  aangemaaktOp: string;
}

export interface MeldingDetail extends Melding {
  persoon: Melding['persoon'] & { bsn: string };
  statushistorie: { van: MeldingStatus | null; naar: MeldingStatus; door: string | null; moment: string; reden: string | null }[];
}

export interface MeldingLijst {
  resultaten: Melding[];
  totaal: number;
  pagina: number;
  aantal: number;
}

export interface NieuweMelding {
  persoon: {
    bsn: string;
    voornaam: string;
    tussenvoegsel?: string;
    achternaam: string;
    geboortedatum: string;
    adres?: { straat: string; huisnummer: string; postcode: string; woonplaats?: string; wijkId?: string };
  };
  wet: Wet | '';
  kanaal: Kanaal;
  ontvangenOp: string;
  omschrijving: string;
}

export interface Kern {
  id: string;
  naam: string;
  wijken: { id: string; naam: string }[];
}

export interface MeldingFilter {
  status?: MeldingStatus | undefined;
  wet?: Wet | undefined;
  pagina: number;
  aantal: number;
}

export function useGebieden() {
  return useQuery({ queryKey: ['gebieden'], queryFn: ({ signal }) => api<Kern[]>('/gebieden', { signal }), staleTime: 60 * 60_000 });
}

export function useMeldingen(filter: MeldingFilter) {
  return useQuery({
    queryKey: ['meldingen', filter],
    queryFn: ({ signal }) => api<MeldingLijst>('/meldingen', { signal, query: { ...filter } }),
    placeholderData: keepPreviousData,
  });
}

export function useMelding(id: string) {
  return useQuery({ queryKey: ['melding', id], queryFn: ({ signal }) => api<MeldingDetail>(`/meldingen/${encodeURIComponent(id)}`, { signal }) });
}

export function useRegistreerMelding() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (melding: NieuweMelding) => api<MeldingDetail>('/meldingen', { method: 'POST', body: melding }),
    onSuccess: (melding) => {
      queryClient.setQueryData(['melding', melding.id], melding);
      void queryClient.invalidateQueries({ queryKey: ['meldingen'] });
    },
  });
}
