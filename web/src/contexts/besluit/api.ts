/**
 * Besluit (TIM) in the web app: the aanvraag and its four-eyes steps, the beschikking with bezwaar
 * and herziening, procescoördinatie and the monthly steekproef.
 */
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api.ts';
import type { NaamRef, Termijn, Wet } from '../toegang/api.ts';

export type AanvraagStatus = 'ingediend' | 'getoetst' | 'beoordeeld' | 'besloten' | 'verzonden';
export const AANVRAAG_STATUSSEN: { code: AanvraagStatus; naam: string }[] = [
  { code: 'ingediend', naam: 'Ingediend' },
  { code: 'getoetst', naam: 'Getoetst' },
  { code: 'beoordeeld', naam: 'Beoordeeld' },
  { code: 'besloten', naam: 'Besloten' },
  { code: 'verzonden', naam: 'Verzonden' },
];
export const OPEN_STATUSSEN: AanvraagStatus[] = ['ingediend', 'getoetst', 'beoordeeld', 'besloten'];

/** The look of an aanvraag status; the text always says it too. */
export const aanvraagBadge: Record<AanvraagStatus, string> = {
  ingediend: 'warning', getoetst: 'active', beoordeeld: 'active', besloten: 'safe', verzonden: 'neutral',
};

export type AanvraagTermijn = Termijn & { wet: Wet };

export interface Aanvraag {
  id: string;
  nummer: string;
  casus: { id: string; nummer: string };
  huishoudenId: string;
  persoon: NaamRef;
  bron: 'plan' | 'inwoner' | 'herziening';
  herzieningVan: string | null;
  ontvangenOp: string;
  status: AanvraagStatus;
  statusNaam: string;
  toelichting: string | null;
  voorbereidDoor: NaamRef | null;
  getoetstDoor: NaamRef | null;
  beoordeeldDoor: NaamRef | null;
  eersteBeslisser: NaamRef | null;
  beslotenDoor: NaamRef | null;
  wachtOpTweedeBeslisser: boolean;
  termijnen: AanvraagTermijn[];
  beschikkingId: string | null;
  /** A herziening that follows from a (partly) well-founded bezwaar. */
  naBezwaar?: { id: string; nummer: string } | null;
  /** On whose behalf, who applied, and to whom the decision goes (inwoners: wettelijk vertegenwoordigers). */
  namens: { id: string; naam: string; minderjarig: boolean };
  aanvrager: { relatie: string; relatieNaam: string; persoonId: string | null; naam: string | null };
  vertegenwoordigers: { persoonId: string; naam: string; relatie: string }[];
}

export interface AanvraagProduct {
  id: string;
  arrangementItemId: string | null;
  catalogusItemId: string | null;
  wet: Wet;
  omschrijving: string;
  trede: number | null;
  motivering: string | null;
  doel: string | null;
  leefgebied: string | null;
}

export interface AanvraagDetail extends Aanvraag {
  beoordeling: string | null;
  toets: { compleet: boolean; bevoegd: boolean; opmerkingen?: string } | null;
  huishouden: { id: string; naam: string; geboortedatum: string }[];
  producten: AanvraagProduct[];
  plan: {
    status: string;
    instemming: { datum: string; wijze: string } | null;
    doelen: { id: string; leefgebied: string; omschrijving: string; meetbaarResultaat: string; status: string }[];
    arrangement: { id: string; doelId: string; trede: number; naam: string | null; aanbieder: string | null; motivering: string | null; status: string }[];
  } | null;
  historie: { van: string | null; naar: string; door: string | null; moment: string; toelichting: string | null }[];
}

export interface Lijst<T> {
  resultaten: T[];
  totaal: number;
  pagina: number;
  aantal: number;
}

/** A keyset list (ADR 27): a page and the cursor of the next one; totaalIsSchatting for lists over history. */
export interface KeysetLijst<T> {
  resultaten: T[];
  totaal: number;
  totaalIsSchatting: boolean;
  volgende: string | null;
  aantal: number;
}

const aanvragenSleutel = ['aanvragen'] as const;

/** One page of aanvragen with one status (or all). */
export function useAanvragen(filter: { status?: string | undefined; casusId?: string | undefined; na?: string | undefined; aantal?: number }, opties: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...aanvragenSleutel, 'lijst', filter],
    queryFn: ({ signal }) => api<KeysetLijst<Aanvraag>>('/aanvragen', { signal, query: { ...filter } }),
    enabled: opties.enabled ?? true,
  });
}

/**
 * Everything not yet sent. The API filters on one status at a time, so this asks once per open
 * status and puts the answers together, the oldest first.
 */
export function useOpenAanvragen(opties: { enabled?: boolean } = {}) {
  return useQueries({
    queries: OPEN_STATUSSEN.map((status) => ({
      queryKey: [...aanvragenSleutel, 'lijst', { status, aantal: 200 }],
      queryFn: ({ signal }: { signal: AbortSignal }) => api<Lijst<Aanvraag>>('/aanvragen', { signal, query: { status, aantal: 200 } }),
      enabled: opties.enabled ?? true,
    })),
    combine: (r) => ({
      data: r.every((q) => q.data) ? r.flatMap((q) => q.data!.resultaten).sort((a, b) => a.ontvangenOp.localeCompare(b.ontvangenOp) || a.nummer.localeCompare(b.nummer)) : undefined,
      totaal: r.reduce((s, q) => s + (q.data?.totaal ?? 0), 0),
      afgekapt: r.some((q) => q.data && q.data.totaal > q.data.resultaten.length),
      isPending: r.some((q) => q.isPending),
      isFetching: r.some((q) => q.isFetching),
      error: r.find((q) => q.error)?.error ?? null,
    }),
  });
}

export function useAanvraag(id: string) {
  return useQuery({
    queryKey: [...aanvragenSleutel, 'een', id],
    queryFn: ({ signal }) => api<AanvraagDetail>(`/aanvragen/${encodeURIComponent(id)}`, { signal }),
  });
}

/** The details of several aanvragen (to know which plan items were already requested). */
export function useAanvraagDetails(ids: string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: [...aanvragenSleutel, 'een', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => api<AanvraagDetail>(`/aanvragen/${encodeURIComponent(id)}`, { signal }),
    })),
    combine: (r) => ({ data: r.every((q) => q.data) ? r.map((q) => q.data!) : undefined, isPending: r.some((q) => q.isPending) }),
  });
}

export interface NieuweAanvraag {
  casusId: string;
  arrangementItemIds: string[];
  ontvangenOp: string;
  toelichting?: string;
  /** On whose behalf (a household member); without it the person of the casus's first melding. */
  namensPersoonId?: string;
  /** Who applies; without it the API decides (a minor's parent with gezag, else the member themself). */
  aanvrager?: { relatie: AanvragerRelatie; persoonId?: string; naam?: string };
}
export type AanvragerRelatie = 'zelf' | 'ouder' | 'curator' | 'mentor' | 'bewindvoerder' | 'overig';

export function useDienAanvraagIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NieuweAanvraag) => api<Aanvraag>('/aanvragen', { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: aanvragenSleutel });
    },
  });
}

export type Periode = 'dag' | 'week' | 'maand' | 'jaar' | 'totaal';
export type Uitkomst = 'toegekend' | 'deelsToegekend' | 'afgewezen';

export interface BesluitProduct {
  aanvraagProductId: string;
  uitkomst: Uitkomst;
  omvang?: number;
  eenheid?: string;
  periode?: Periode;
  ingangsdatum?: string;
  einddatum?: string;
  leveringsvorm?: 'zin' | 'pgb';
  /** The contracted product (iStandaard code); required when the catalogue item names none. The budget follows from it. */
  productcode?: string;
  /** Result-based products: profile (Jeugd) or complexity (Wmo) and intensity. */
  resultaat?: { profiel: string; intensiteit: string };
}

export type Stap =
  | { soort: 'toets'; body: { compleet: boolean; bevoegd: boolean; opmerkingen?: string } }
  | { soort: 'beoordeling'; body: { advies?: string } }
  | { soort: 'besluit'; body: { producten: BesluitProduct[]; motivering: string } }
  | { soort: 'verzending' }
  | { soort: 'opschorting'; body: { van: string; tot?: string; reden: string; wet?: string } }
  | { soort: 'verdaging'; body: { nieuweDatum: string; reden: string; wet?: string } };

const stapPad: Record<Stap['soort'], string> = {
  toets: 'toets', beoordeling: 'beoordeling', besluit: 'besluit', verzending: 'verzending', opschorting: 'opschortingen', verdaging: 'verdaging',
};

export function useAanvraagStap(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (s: Stap) =>
      api<Aanvraag>(`/aanvragen/${encodeURIComponent(id)}/${stapPad[s.soort]}`, { method: 'POST', body: 'body' in s ? s.body : {} }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: aanvragenSleutel });
      void queryClient.invalidateQueries({ queryKey: ['beschikkingen'] });
    },
  });
}

export interface BeschikkingProduct {
  omschrijving: string;
  wet: Wet;
  arrangementItemId: string | null;
  uitkomst: Uitkomst;
  uitkomstNaam: string;
  grondslag: string;
  omvang: number | null;
  eenheid: string | null;
  periode: Periode | null;
  ingangsdatum: string | null;
  einddatum: string | null;
  leveringsvorm: 'zin' | 'pgb' | null;
  leveringsvormNaam: string | null;
  eigenBijdrage: string | null;
}

/** A bezwaar as the beschikking lists it; the whole workflow is in BezwaarApi.ts. */
export interface Bezwaar {
  id: string;
  nummer: string;
  ontvangenOp: string;
  omschrijving: string;
  tijdig: boolean;
  beslistermijnEinde: string;
  status: string;
  statusNaam: string;
  uitkomst: string | null;
}

export interface Beschikking {
  id: string;
  nummer: string;
  aanvraagId: string;
  herzieningVan: string | null;
  status: 'besloten' | 'verzonden';
  motivering: string;
  beslotenOp: string;
  verzondenOp: string | null;
  bezwaarTermijnEinde: string;
  pdfHash: string | null;
  producten: BeschikkingProduct[];
  bezwaren: Bezwaar[];
}

export const briefUrl = (id: string) => `/api/v1/beschikkingen/${encodeURIComponent(id)}/brief.pdf`;

export function useBeschikking(id: string) {
  return useQuery({
    queryKey: ['beschikkingen', id],
    queryFn: ({ signal }) => api<Beschikking>(`/beschikkingen/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useRegistreerBezwaar(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { ontvangenOp: string; omschrijving: string; adviescommissie: boolean; verschoonbaar: boolean }) =>
      api<Beschikking>(`/beschikkingen/${encodeURIComponent(id)}/bezwaren`, { method: 'POST', body }),
    onSuccess: (b) => {
      queryClient.setQueryData(['beschikkingen', id], b);
      void queryClient.invalidateQueries({ queryKey: ['bezwaren'] });
    },
  });
}

export function useStartHerziening(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { reden: string; ontvangenOp?: string }) =>
      api<Aanvraag>(`/beschikkingen/${encodeURIComponent(id)}/herziening`, { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: aanvragenSleutel });
    },
  });
}

// ————— Procescoördinatie —————

export interface Procescoordinatie {
  multiprobleem: boolean;
  procescoordinator: NaamRef | null;
}

export function useZetProcescoordinatie(casusId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { multiprobleem: boolean; procescoordinatorId: string | null }) =>
      api<Procescoordinatie>(`/casussen/${encodeURIComponent(casusId)}/procescoordinatie`, { method: 'PUT', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['procescoordinatie'] });
    },
  });
}

export interface GecoordineerdeCasus {
  casus: { id: string; nummer: string; regisseur: string | null; multiprobleem: boolean };
  leden: { id: string; naam: string; geboortedatum: string }[];
  besluiten: { id: string; nummer: string; verzondenOp: string | null; bezwaarTermijnEinde: string | null; aanvraagNummer: string; status: AanvraagStatus }[];
  aanbieders: string[];
}

export function useMijnCoordinatie() {
  return useQuery({
    queryKey: ['procescoordinatie'],
    queryFn: ({ signal }) => api<GecoordineerdeCasus[]>('/procescoordinatie', { signal }),
  });
}

// ————— Steekproef —————

export type Antwoord = 'ja' | 'nee' | 'nvt';
export type SteekproefUitkomst = 'inOrde' | 'verbeterpunten' | 'onjuist';
export const STEEKPROEF_UITKOMSTEN: { code: SteekproefUitkomst; naam: string }[] = [
  { code: 'inOrde', naam: 'In orde' },
  { code: 'verbeterpunten', naam: 'In orde, met verbeterpunten' },
  { code: 'onjuist', naam: 'Onjuist' },
];
export const steekproefUitkomstNaam = (code: string | null): string => STEEKPROEF_UITKOMSTEN.find((u) => u.code === code)?.naam ?? 'Nog niet beoordeeld';

export interface SteekproefItem {
  id: string;
  beschikkingId: string;
  nummer: string;
  aanvraagId: string;
  team: string | null;
  beoordelaar: string | null;
  antwoorden: Record<string, Antwoord> | null;
  bevindingen: string | null;
  uitkomst: SteekproefUitkomst | null;
  beoordeeldOp: string | null;
}

export interface Steekproef {
  id: string;
  maand: string;
  percentage: number;
  seed: string;
  populatie: number;
  items: SteekproefItem[];
  checklist: { code: string; vraag: string; soort: 'inhoud' | 'recht' }[];
}

export function useSteekproef(id: string) {
  return useQuery({
    queryKey: ['steekproeven', id],
    queryFn: ({ signal }) => api<Steekproef>(`/steekproeven/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useTrekSteekproef() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (maand: string) => api<Steekproef>('/steekproeven', { method: 'POST', body: { maand } }),
    onSuccess: (s) => {
      queryClient.setQueryData(['steekproeven', s.id], s);
      void queryClient.invalidateQueries({ queryKey: ['steekproefresultaten'] });
    },
  });
}

export function useBeoordeelSteekproefItem(steekproefId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId: string; body: { antwoorden: Record<string, Antwoord>; bevindingen?: string; uitkomst: SteekproefUitkomst } }) =>
      api<Steekproef>(`/steekproeven/${encodeURIComponent(steekproefId)}/items/${encodeURIComponent(itemId)}/beoordeling`, { method: 'POST', body }),
    onSuccess: (s) => {
      queryClient.setQueryData(['steekproeven', steekproefId], s);
      void queryClient.invalidateQueries({ queryKey: ['steekproefresultaten'] });
    },
  });
}

export interface TeamResultaat {
  team: string;
  getrokken: number;
  beoordeeld: number;
  inOrde: number;
  aandeelInOrde: number | null;
}

export function useSteekproefResultaten(jaar: string, opties: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['steekproefresultaten', jaar],
    queryFn: ({ signal }) => api<TeamResultaat[]>('/steekproeven/resultaten', { signal, query: { jaar } }),
    enabled: opties.enabled ?? true,
  });
}

/** The steekproeven drawn in this browser, by month: the API has no list of them. */
const STEEKPROEF_OPSLAG = 'eenvoud.steekproeven';
export function onthoudSteekproef(gemeenteId: string, maand: string, id: string): void {
  try {
    const alles = JSON.parse(localStorage.getItem(STEEKPROEF_OPSLAG) ?? '{}') as Record<string, string>;
    alles[`${gemeenteId}:${maand}`] = id;
    localStorage.setItem(STEEKPROEF_OPSLAG, JSON.stringify(alles));
  } catch {
    // No storage: the user can still open the steekproef by its link.
  }
}
export function bekendeSteekproeven(gemeenteId: string): { maand: string; id: string }[] {
  try {
    const alles = JSON.parse(localStorage.getItem(STEEKPROEF_OPSLAG) ?? '{}') as Record<string, string>;
    return Object.entries(alles).filter(([k]) => k.startsWith(`${gemeenteId}:`)).map(([k, id]) => ({ maand: k.slice(gemeenteId.length + 1), id }))
      .sort((a, b) => b.maand.localeCompare(a.maand));
  } catch {
    return [];
  }
}
