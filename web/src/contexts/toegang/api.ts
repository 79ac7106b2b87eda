/**
 * Toegang in the web app: the shapes the API answers with, the queries and the changes.
 * The choice lists (wetten, kanalen, statussen, …) and their Dutch names come from the API
 * (GET /waardelijsten): the backend is the single source.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api.ts';

export type Wet = 'wmo' | 'jeugdwet' | 'participatiewet' | 'schuldhulp' | 'minima' | 'onbekend';
export type Kanaal = 'balie' | 'telefoon' | 'email' | 'online' | 'verwijzing' | 'vroegsignalering';
export type MeldingStatus = 'gemeld' | 'afgehandeld' | 'inOnderzoek' | 'afgesloten';
export type TermijnStatus = 'loopt' | 'verlooptBinnenkort' | 'verlopen' | 'opgeschort' | 'afgerondBinnenTermijn' | 'afgerondNaTermijn';
export type TermijnSoort = 'onderzoek' | 'beschikking' | 'eersteGesprek' | 'bezwaar';
export type Toegewezen = 'mij' | 'team' | 'niemand' | 'iedereen';

export interface Waarde {
  code: string;
  naam: string;
}

export interface Waardelijsten {
  wetten: Waarde[];
  kanalen: Waarde[];
  meldingStatussen: Waarde[];
  termijnStatussen: Waarde[];
  verwijzers: Waarde[];
  signaalbronnen: Waarde[];
  termijnSoorten: Waarde[];
}

/** The fixed choice lists; they change only with a new version of Eenvoud, so they are fetched once. */
export function useWaardelijsten() {
  return useQuery({
    queryKey: ['waardelijsten'],
    queryFn: ({ signal }) => api<Waardelijsten>('/waardelijsten', { signal }),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

/** The Dutch name of a code in a list, or the code itself while the list is not there. */
// While the lists are still loading the name is empty, never the code ('wmo', 'inOnderzoek'): a code is no text for a case worker.
export const naamVan = (lijst: readonly Waarde[] | undefined, code: string): string => (lijst ? lijst.find((w) => w.code === code)?.naam ?? code : '');
/** Is this a code of the list? (For values read from the address bar.) */
export const inLijst = (lijst: readonly Waarde[] | undefined, code: string | null): code is string => !!code && !!lijst?.some((w) => w.code === code);

/** The look of a melding status in a StatusBadge. */
export const statusBadge: Record<MeldingStatus, string> = {
  gemeld: 'warning',
  afgehandeld: 'neutral',
  inOnderzoek: 'active',
  afgesloten: 'neutral',
};

export interface Opschorting {
  id: string;
  van: string;
  tot: string | null;
  reden: string;
}

export interface Termijn {
  id: string;
  soort: TermijnSoort;
  soortNaam: string;
  startdatum: string;
  uitersteDatum: string;
  opgeschortDagen: number;
  status: TermijnStatus;
  statusNaam: string;
  grondslag: string;
  duur: string;
  verdaging: { nieuweDatum: string; reden: string } | null;
  afgerondOp: string | null;
  berekendOp: string;
  opschortingen: Opschorting[];
}

export interface NaamRef {
  id: string;
  naam: string;
}

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
  geregistreerdDoor: NaamRef | null;
  casus: { id: string; nummer: string } | null;
  regisseur: NaamRef | null;
  spoed: boolean;
  termijnen: Termijn[];
  aangemaaktOp: string;
}

export interface Verwijzer {
  soort: string;
  naam: string;
  organisatie?: string;
  telefoon?: string;
}

export interface Signaal {
  bron: string;
  achterstandEuro?: number;
  toelichting?: string;
}

/**
 * The answer when the melding joined a file the user does not work on (need-to-know): only its
 * number and status, with the API's Dutch explanation.
 */
export interface MeldingBijCollega {
  id: string;
  nummer: string;
  status: MeldingStatus;
  statusNaam: string;
  bijCollega: true;
  bericht: string;
}
export const isBijCollega = (m: MeldingDetail | MeldingBijCollega): m is MeldingBijCollega => 'bijCollega' in m && m.bijCollega;

export interface MeldingDetail extends Melding {
  persoon: Melding['persoon'] & { bsn: string };
  triage: { uitkomst: 'enkelvoudig' | 'onderzoek'; advies: string | null; product: string | null } | null;
  /** The API types these loosely (as stored); read them defensively. */
  verwijzer: Partial<Verwijzer> | null;
  signaal: Partial<Signaal> | null;
  contact: { telefoon: string | null; email: string | null };
  afgerondOp: string | null;
  statushistorie: { van: MeldingStatus | null; naar: MeldingStatus; door: string | null; moment: string; reden: string | null }[];
}

export interface Lijst<T> {
  resultaten: T[];
  totaal: number;
  pagina: number;
  aantal: number;
}

/** A keyset list (ADR 27): a page and the cursor of the next one; totaal may be a bound ("meer dan 1000"). */
export interface KeysetLijst<T> {
  resultaten: T[];
  totaal: number;
  totaalIsSchatting: boolean;
  volgende: string | null;
  aantal: number;
}

export type MeldingLijst = KeysetLijst<Melding>;

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
  spoed?: boolean;
  verwijzer?: { soort: string; naam: string; organisatie?: string; telefoon?: string };
  signaal?: { bron: string; achterstandEuro?: number; toelichting?: string };
  contact?: { telefoon?: string; email?: string };
}

export interface Kern {
  id: string;
  naam: string;
  wijken: { id: string; naam: string }[];
}

export interface MeldingFilter {
  status?: string | undefined;
  wet?: string | undefined;
  kanaal?: string | undefined;
  kernId?: string | undefined;
  termijnstatus?: string | undefined;
  toegewezen?: Toegewezen | undefined;
  /** The cursor of the page (ADR 27); without it, the first page. */
  na?: string | undefined;
  aantal: number;
}

export function useGebieden() {
  return useQuery({ queryKey: ['gebieden'], queryFn: ({ signal }) => api<Kern[]>('/gebieden', { signal }), staleTime: 60 * 60_000 });
}

export function useMeldingen(filter: MeldingFilter, opties: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['meldingen', filter],
    queryFn: ({ signal }) => api<MeldingLijst>('/meldingen', { signal, query: { ...filter } }),
    placeholderData: keepPreviousData,
    enabled: opties.enabled ?? true,
  });
}

export interface MeldingTellingen { totaal: number; totaalIsSchatting: boolean; perTermijnstatus: Partial<Record<string, number>> }

/** Counts for the queue's summary line (aggregates only: no audit entries per row). */
export function useMeldingTellingen(filter: MeldingFilter, opties: { enabled?: boolean } = {}) {
  // The same filter as the list (without the page), so the count line and the table count the same meldingen.
  const { na: _n, aantal: _a, ...rest } = filter;
  return useQuery({
    queryKey: ['meldingen', 'tellingen', rest],
    queryFn: ({ signal }) => api<MeldingTellingen>('/meldingen/tellingen', { signal, query: { ...rest } }),
    enabled: opties.enabled ?? true,
  });
}

export function useMelding(id: string) {
  return useQuery({ queryKey: ['melding', id], queryFn: ({ signal }) => api<MeldingDetail>(`/meldingen/${encodeURIComponent(id)}`, { signal }) });
}

export function useRegistreerMelding() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (melding: NieuweMelding) => api<MeldingDetail | MeldingBijCollega>('/meldingen', { method: 'POST', body: melding }),
    onSuccess: (melding) => {
      if (!isBijCollega(melding)) queryClient.setQueryData(['melding', melding.id], melding);
      void queryClient.invalidateQueries({ queryKey: ['meldingen'] });
    },
  });
}

// ————— Changes to one melding (triage, terms, closing); each answers with the melding as it now is —————

export type TriageInvoer =
  | { uitkomst: 'enkelvoudig'; advies: string; product?: string }
  | { uitkomst: 'onderzoek'; regisseurId?: string; toelichting?: string };

export type MeldingActie =
  | { soort: 'triage'; body: TriageInvoer }
  | { soort: 'afsluiting'; body: { reden: string } }
  | { soort: 'opschorting'; body: { van: string; tot?: string; reden: string; soort?: TermijnSoort } }
  | { soort: 'beeindiging'; opschortingId: string; body: { tot: string } }
  | { soort: 'verdaging'; body: { nieuweDatum: string; reden: string; soort?: TermijnSoort } };

function actiePad(id: string, a: MeldingActie): string {
  const basis = `/meldingen/${encodeURIComponent(id)}`;
  switch (a.soort) {
    case 'triage': return `${basis}/triage`;
    case 'afsluiting': return `${basis}/afsluiting`;
    case 'opschorting': return `${basis}/opschortingen`;
    case 'beeindiging': return `${basis}/opschortingen/${encodeURIComponent(a.opschortingId)}/beeindiging`;
    case 'verdaging': return `${basis}/verdaging`;
  }
}

export function useMeldingActie(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (actie: MeldingActie) => api<MeldingDetail>(actiePad(id, actie), { method: 'POST', body: actie.body }),
    onSuccess: (melding) => {
      queryClient.setQueryData(['melding', melding.id], melding);
      void queryClient.invalidateQueries({ queryKey: ['meldingen'] });
      void queryClient.invalidateQueries({ queryKey: ['termijnen'] });
      void queryClient.invalidateQueries({ queryKey: ['casus'] });
    },
  });
}

// ————— Casussen and medewerkers —————

export interface Casus {
  id: string;
  nummer: string;
  status: 'open' | 'gesloten';
  huishoudenId: string;
  regisseur: NaamRef | null;
  geopendOp: string;
  leden: { id: string; naam: string; geboortedatum: string }[];
  meldingen: Melding[];
  regisseurHistorie: { moment: string; van: string | null; naar: string | null; door: string | null; reden: string }[];
  /** Colleagues the casusregisseur or the teamleider added: they may read the file (need-to-know). */
  betrokkenen: Betrokkene[];
}

export interface Betrokkene { gebruikerId: string; naam: string; rol: string | null; toegevoegdOp: string; toegevoegdDoor: string | null }

export function useVoegBetrokkeneToe(casusId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { gebruikerId: string; rol?: string }) =>
      api<Casus>(`/casussen/${encodeURIComponent(casusId)}/betrokkenen`, { method: 'POST', body }),
    onSuccess: (casus) => queryClient.setQueryData(['casus', casus.id], casus),
  });
}

export function useHaalBetrokkeneWeg(casusId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (gebruikerId: string) =>
      api<Casus>(`/casussen/${encodeURIComponent(casusId)}/betrokkenen/${encodeURIComponent(gebruikerId)}`, { method: 'DELETE' }),
    onSuccess: (casus) => queryClient.setQueryData(['casus', casus.id], casus),
  });
}

export function useCasus(id: string) {
  return useQuery({ queryKey: ['casus', id], queryFn: ({ signal }) => api<Casus>(`/casussen/${encodeURIComponent(id)}`, { signal }) });
}

export function useWijsCasusToe(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { regisseurId: string; reden: string }) =>
      api<Casus>(`/casussen/${encodeURIComponent(id)}/regisseur`, { method: 'POST', body }),
    onSuccess: (casus) => {
      queryClient.setQueryData(['casus', casus.id], casus);
      void queryClient.invalidateQueries({ queryKey: ['meldingen'] });
      void queryClient.invalidateQueries({ queryKey: ['melding'] });
      void queryClient.invalidateQueries({ queryKey: ['termijnen'] });
    },
  });
}

export interface Medewerker {
  id: string;
  naam: string;
  teamId: string | null;
}

export function useRegisseurs(opties: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['medewerkers', 'regisseur'],
    queryFn: ({ signal }) => api<Medewerker[]>('/medewerkers', { signal, query: { rol: 'regisseur' } }),
    staleTime: 5 * 60_000,
    enabled: opties.enabled ?? true,
  });
}

// ————— Termijnen —————

export interface TermijnRegel extends Termijn {
  /** The melding of the term; null for the decision term on a bezwaar (then `bezwaar` is set). */
  melding: { id: string; nummer: string } | null;
  bezwaar: { id: string; nummer: string } | null;
  persoon: NaamRef;
  regisseur: { id: string; naam: string } | null;
}

export interface TermijnFilter {
  status?: string | undefined;
  soort?: string | undefined;
  wet?: string | undefined;
  /** The cursor of the page (the `volgende` of the one before); none for the first page. */
  na?: string | undefined;
  aantal: number;
}

export function useTermijnen(filter: TermijnFilter, opties: { enabled?: boolean } = {}) {
  return useQuery({
    enabled: opties.enabled ?? true,
    queryKey: ['termijnen', filter],
    queryFn: ({ signal }) => api<KeysetLijst<TermijnRegel>>('/termijnen', { signal, query: { ...filter } }),
    placeholderData: keepPreviousData,
  });
}

export function useHerbereken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ herberekend: number; berekendOp: string }>('/termijnen/herberekening', { method: 'POST' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['termijnen'] });
      void queryClient.invalidateQueries({ queryKey: ['meldingen'] });
      void queryClient.invalidateQueries({ queryKey: ['melding'] });
    },
  });
}

// ————— The public form for residents (no login) —————

export interface PubliekeGemeente {
  code: string;
  naam: string;
}

export function usePubliekeGemeente(code: string) {
  return useQuery({
    queryKey: ['publiek', 'gemeente', code],
    queryFn: ({ signal }) => api<PubliekeGemeente>(`/publiek/gemeenten/${encodeURIComponent(code)}`, { signal }),
    staleTime: 60 * 60_000,
  });
}

export interface PubliekeMelding {
  persoon: { bsn: string; voornaam: string; tussenvoegsel?: string; achternaam: string; geboortedatum: string };
  onderwerp: string;
  omschrijving: string;
  spoed?: boolean;
  contact: { telefoon?: string; email?: string };
  website?: string;
}

export interface Ontvangstbevestiging {
  referentie: string;
  ontvangenOp: string;
  boodschap: string;
}

export function usePubliekMelden(code: string) {
  return useMutation({
    mutationFn: (melding: PubliekeMelding) =>
      api<Ontvangstbevestiging>(`/publiek/gemeenten/${encodeURIComponent(code)}/meldingen`, { method: 'POST', body: melding }),
  });
}
