/** Bezwaar as a workflow in the web app: the list, one bezwaar, and its steps. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api.ts';
import type { NaamRef, Termijn } from '../toegang/api.ts';
import type { KeysetLijst } from './api.ts';

export type BezwaarStatus = 'ontvangen' | 'hoorzittingGepland' | 'gehoord' | 'horenAfgezien' | 'advies' | 'beslist' | 'ingetrokken';
export type BezwaarUitkomst = 'gegrond' | 'deelsGegrond' | 'ongegrond' | 'nietOntvankelijk';
export type BezwaarStap = 'hoorzittingPlannen' | 'hoorzittingGehouden' | 'horenAfzien' | 'advies' | 'beslissing' | 'intrekking';

export const BEZWAAR_UITKOMSTEN: { code: BezwaarUitkomst; naam: string }[] = [
  { code: 'gegrond', naam: 'Gegrond' },
  { code: 'deelsGegrond', naam: 'Deels gegrond' },
  { code: 'ongegrond', naam: 'Ongegrond' },
  { code: 'nietOntvankelijk', naam: 'Niet-ontvankelijk' },
];

/** The look of a bezwaar status; the text always says it too. */
export const bezwaarBadge: Record<BezwaarStatus, string> = {
  ontvangen: 'warning', hoorzittingGepland: 'active', gehoord: 'active', horenAfgezien: 'active', advies: 'active', beslist: 'safe', ingetrokken: 'neutral',
};

export interface BezwaarSamenvatting {
  id: string;
  nummer: string;
  beschikking: { id: string; nummer: string };
  aanvraagId: string;
  persoon: NaamRef;
  ontvangenOp: string;
  omschrijving: string;
  tijdig: boolean;
  verschoonbaar: boolean;
  adviescommissie: boolean;
  status: BezwaarStatus;
  statusNaam: string;
  uitkomst: BezwaarUitkomst | null;
  uitkomstNaam: string | null;
  bezwaarTermijnEinde: string;
  beslistermijnEinde: string;
  termijn: Termijn | null;
  hoorzitting: { datum: string | null; verslag: string | null; afgezienReden: string | null };
  advies: { tekst: string; datum: string } | null;
  motivering: string | null;
  beslotenDoor: NaamRef | null;
  verzondenOp: string | null;
  beroepTermijnEinde: string | null;
  pdfHash: string | null;
  herziening: { id: string; nummer: string } | null;
  geregistreerdDoor: NaamRef | null;
  mogelijkeStappen: BezwaarStap[];
  betrokkenBijBesluit: boolean;
}

export interface BezwaarDetail extends BezwaarSamenvatting {
  historie: { van: string | null; naar: string; door: string | null; moment: string; toelichting: string | null }[];
}

export const bezwaarBriefUrl = (id: string) => `/api/v1/bezwaren/${encodeURIComponent(id)}/brief`;

export function useBezwaren(filter: { status: 'open' | 'afgehandeld' | 'alle'; na?: string | undefined; aantal?: number }) {
  return useQuery({
    queryKey: ['bezwaren', 'lijst', filter],
    queryFn: ({ signal }) => api<KeysetLijst<BezwaarSamenvatting>>('/bezwaren', { signal, query: { ...filter } }),
  });
}

export function useBezwaar(id: string) {
  return useQuery({
    queryKey: ['bezwaren', 'een', id],
    queryFn: ({ signal }) => api<BezwaarDetail>(`/bezwaren/${encodeURIComponent(id)}`, { signal }),
  });
}

export type BezwaarActie =
  | { pad: 'hoorzitting'; body: { status: 'gepland'; datum: string } | { status: 'gehouden'; datum: string; verslag: string } | { status: 'afgezien'; reden: string } }
  | { pad: 'advies'; body: { advies: string; datum: string } }
  | { pad: 'verdaging'; body: { reden: string } }
  | { pad: 'intrekking'; body: { reden: string } }
  | { pad: 'beslissing'; body: { uitkomst: BezwaarUitkomst; motivering: string; verschoonbaar?: boolean } };

export function useBezwaarActie(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (a: BezwaarActie) => api<BezwaarDetail>(`/bezwaren/${encodeURIComponent(id)}/${a.pad}`, { method: 'POST', body: a.body }),
    onSuccess: (z) => {
      queryClient.setQueryData(['bezwaren', 'een', id], z);
      void queryClient.invalidateQueries({ queryKey: ['bezwaren', 'lijst'] });
      void queryClient.invalidateQueries({ queryKey: ['beschikkingen'] });
      void queryClient.invalidateQueries({ queryKey: ['aanvragen'] });
    },
  });
}
