/**
 * Contractmanagement in the web app: the comparison of providers over a year, one provider's page,
 * the clients behind it and the contract ceiling. Money in cents as the API gives it (see geld.ts).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api.ts';


export type Signaal = 'groen' | 'oranje' | 'rood';
export type Eenheid = 'aantal' | 'aandeel' | 'dagen' | 'bedrag' | 'gemiddelde';
export type FiguurId =
  | 'clienten' | 'instroom' | 'uitstroom' | 'gemiddeldeDuur' | 'volume' | 'besteed' | 'bestedingTovPlafond' | 'kostenPerClient'
  | 'afkeurAandeel' | 'toewijzingTotStart' | 'verzoekTotAntwoord' | 'zrmVerandering' | 'goedGeholpen';
export interface Figuur { waarde: number | null; norm: number | null; signaal: Signaal | null }
export interface FiguurDefinitie {
  id: FiguurId; naam: string; uitleg: string; eenheid: Eenheid; richting: 'hogerIsBeter' | 'lagerIsBeter'; norm: number | null; marge: number; signaalOpNorm: boolean;
}
export type Figuren = Record<FiguurId, Figuur>;
interface Periode { jaar: number; van: string; tot: string; peildatum: string }
export interface AanbiederKort { id: string; naam: string; agbCode: string; actief: boolean }

export interface Vergelijking extends Periode {
  definities: FiguurDefinitie[];
  rijen: { aanbieder: AanbiederKort; figuren: Figuren; signalen: { rood: number; oranje: number } }[];
}
export interface Contractaanbieder extends Periode {
  aanbieder: AanbiederKort; definities: FiguurDefinitie[]; figuren: Figuren; signalen: { rood: number; oranje: number };
  contracten: { id: string; nummer: string; van: string; tot: string | null; plafondCents: number | null; besteedCents: number }[];
  producten: {
    productcode: string | null; naam: string | null; clienten: number; voorzieningen: number; gemiddeldeDuurDagen: number | null; besteedCents: number; prestaties: number; afgekeurd: number;
  }[];
  afkeuringen: { prestaties: number; afgekeurd: number; perCode: { code: string; tekst: string; aantal: number; ingediendCents: number }[] };
  doorlooptijden: { toewijzingTotStart: Figuur & { aantal: number }; verzoekTotAntwoord: Figuur & { aantal: number } };
}
export type ContractClienten = Periode & { aanbieder: { id: string; naam: string } } & (
  | {
    soort: 'clienten'; totaal: number; getoond: number;
    rijen: { voorzieningId: string; nummer: string; casusId: string; naam: string; productcode: string | null; productNaam: string; begin: string; eind: string | null; besteedCents: number }[];
  }
  | { soort: 'aantallen'; rijen: { productcode: string | null; productNaam: string | null; clienten: number | null; onderdrukt: boolean }[] }
);

const metJaar = (pad: string, jaar: number | undefined) => (jaar ? `${pad}?jaar=${jaar}` : pad);

export function useVergelijking(jaar: number | undefined) {
  return useQuery({
    queryKey: ['contractmanagement', 'vergelijking', jaar ?? null],
    queryFn: ({ signal }) => api<Vergelijking>(metJaar('/contractmanagement', jaar), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useContractaanbieder(id: string, jaar: number | undefined) {
  return useQuery({
    queryKey: ['contractmanagement', 'aanbieder', id, jaar ?? null],
    queryFn: ({ signal }) => api<Contractaanbieder>(metJaar(`/contractmanagement/${encodeURIComponent(id)}`, jaar), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useContractClienten(id: string, jaar: number | undefined) {
  return useQuery({
    queryKey: ['contractmanagement', 'clienten', id, jaar ?? null],
    queryFn: ({ signal }) => api<ContractClienten>(metJaar(`/contractmanagement/${encodeURIComponent(id)}/clienten`, jaar), { signal }),
  });
}

export function useZetPlafond(contractId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (plafondCents: number | null) => api<{ contractId: string; plafondCents: number | null }>(`/contracten/${encodeURIComponent(contractId)}/plafond`, {
      method: 'PUT', body: { plafondCents },
    }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['contractmanagement'] }),
  });
}
