/**
 * Inkoop in the web app: aanbieders, their contracts with product tables and tariff history, the
 * result-based tables and the pgb tariffs. Money is in cents as the API gives it (see geld.ts).
 * The code lists (WJ756, WMO757, WMO020, JZ020) are fixed by the iStandaarden: their Dutch names live
 * here, so a table can say "per week" instead of "2".
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_BASE, api } from '../../platform/api.ts';

export const WETTEN = [
  { code: 'wmo', naam: 'Wmo 2015' },
  { code: 'jeugdwet', naam: 'Jeugdwet' },
  { code: 'participatiewet', naam: 'Participatiewet' },
  { code: 'schuldhulp', naam: 'Schuldhulpverlening' },
  { code: 'minima', naam: 'Minimabeleid' },
] as const;
export type InkoopWet = (typeof WETTEN)[number]['code'];
export const wetNaam = (code: string): string => WETTEN.find((w) => w.code === code)?.naam ?? code;

/** WJ756 Eenheid. */
export const EENHEDEN = [
  { code: '01', naam: 'minuut' },
  { code: '04', naam: 'uur' },
  { code: '14', naam: 'etmaal' },
  { code: '16', naam: 'dagdeel (4 uur)' },
  { code: '82', naam: 'stuks (output)' },
  { code: '83', naam: "euro's" },
  { code: '84', naam: 'stuks (inspanning)' },
] as const;
/** WMO757 Frequentie. */
export const FREQUENTIES = [
  { code: '1', naam: 'per dag' },
  { code: '2', naam: 'per week' },
  { code: '4', naam: 'per maand' },
  { code: '6', naam: 'totaal binnen de looptijd' },
] as const;
export const BEKOSTIGINGEN = [
  { code: 'inspanningsgericht', naam: 'Inspanningsgericht (per eenheid)' },
  { code: 'outputgericht', naam: 'Outputgericht (vast bedrag per traject of periode)' },
  { code: 'taakgericht', naam: 'Taakgericht (vast budget, geen declaraties per cliënt)' },
] as const;
export type Bekostiging = (typeof BEKOSTIGINGEN)[number]['code'];

/** WMO020 (Wmo) and JZ020 (Jeugdwet) productcategorie. */
export const PRODUCTCATEGORIEEN: Record<string, { code: string; naam: string }[]> = {
  wmo: [
    ['01', 'Hulp bij het huishouden'], ['02', 'Begeleiding'], ['03', 'Persoonlijke verzorging'], ['04', 'Kortdurend verblijf'],
    ['05', 'Woondiensten'], ['06', 'Overige ondersteuning gericht op het individu of huishouden/gezin'], ['07', 'Dagbesteding'],
    ['08', 'Vervoerdiensten'], ['09', 'Overige groepsgerichte ondersteuning'], ['10', 'Overige maatwerk arrangementen'], ['11', 'Rolstoelen'],
    ['12', 'Vervoervoorzieningen'], ['13', 'Woonvoorzieningen'], ['14', 'Overige hulpmiddelen'], ['15', 'Beschermd wonen'], ['16', 'Opvang'],
    ['17', 'Spoedopvang'], ['18', 'Overige beschermd wonen en opvang'],
  ].map(([code, naam]) => ({ code: code!, naam: naam! })),
  jeugdwet: [
    ['31', 'Zonder verblijf: uitgevoerd door wijk- of buurtteam'], ['40', 'Persoonlijke verzorging'], ['41', 'Dagbehandeling'],
    ['42', 'Vervoerdiensten'], ['43', 'Jeugdhulp verblijf (incl. behandeling)'], ['44', 'Jeugdhulp verblijf (excl. behandeling)'],
    ['45', 'Jeugdhulp ambulant'], ['46', 'Jeugdhulp crisis'], ['47', 'Jeugdreclassering'], ['48', 'Jeugdbescherming'],
    ['49', 'Activiteiten in het preventief justitieel kader'], ['50', 'Maatwerkarrangementen jeugd'], ['51', 'Generalistische basis-ggz'],
    ['52', 'Specialistische ggz'], ['53', 'Kindergeneeskunde'], ['54', 'Jeugd-ggz'], ['55', 'Landelijk ingekochte zorg'],
  ].map(([code, naam]) => ({ code: code!, naam: naam! })),
};

export const eenheidNaam = (code: string): string => EENHEDEN.find((e) => e.code === code)?.naam ?? code;
export const frequentieNaam = (code: string): string => FREQUENTIES.find((f) => f.code === code)?.naam ?? code;
export const bekostigingNaam = (code: string): string => BEKOSTIGINGEN.find((b) => b.code === code)?.naam.replace(/ \(.*$/, '') ?? code;
export function categorieNaam(wet: string, code: string | null): string {
  if (!code) return '–';
  const naam = PRODUCTCATEGORIEEN[wet]?.find((c) => c.code === code)?.naam;
  return naam ? `${code} ${naam}` : code;
}

export interface AanbiederRef { id: string; naam: string; agbCode: string }

export interface Aanbieder extends AanbiederRef {
  kvkNummer: string | null;
  straat: string | null;
  huisnummer: string | null;
  postcode: string | null;
  plaats: string | null;
  contactNaam: string | null;
  contactEmail: string | null;
  contactTelefoon: string | null;
  wetten: InkoopWet[];
  actief: boolean;
}

export interface AanbiederInvoer {
  naam: string; agbCode: string; kvkNummer: string | null; straat: string | null; huisnummer: string | null; postcode: string | null;
  plaats: string | null; contactNaam: string | null; contactEmail: string | null; contactTelefoon: string | null; wetten: string[]; actief: boolean;
}

export interface Tarief { id?: string; van: string; tot: string | null; tariefCents: number }

export interface ContractProduct {
  id: string;
  wet: InkoopWet;
  productcategorie: string | null;
  productcode: string;
  naam: string;
  eenheid: string;
  frequentie: string;
  bekostiging: Bekostiging;
  resultaatgericht: boolean;
  capaciteit: number | null;
  /** The tariff valid today (null when none is, e.g. all in the future). */
  tariefCents: number | null;
  tarieven: Tarief[];
  /** Taakgericht: the fixed amount per month that the payment run pays; null otherwise. */
  maandbedragCents: number | null;
}

export interface ContractKort {
  id: string;
  nummer: string;
  perceel: string | null;
  van: string;
  tot: string | null;
  aanbieder: AanbiederRef;
  aantalProducten?: number;
}

export interface Contract extends ContractKort {
  onderaannemers: AanbiederRef[];
  producten: ContractProduct[];
}

export interface ProductInvoer {
  wet: string; productcategorie: string | null; productcode: string; naam: string; eenheid: string; frequentie: string;
  bekostiging: string; resultaatgericht: boolean; capaciteit: number | null; tariefCents: number; maandbedragCents: number | null;
}

export interface ContractInvoer {
  aanbiederId: string; nummer: string | null; perceel: string | null; van: string; tot: string | null; onderaannemers: string[]; producten: ProductInvoer[];
}

export interface LopendeVoorziening {
  id: string;
  nummer: string;
  wet: string;
  productcode: string | null;
  productNaam: string;
  begin: string;
  eind: string | null;
  status: string;
  budgetCents: number;
  /** The budget spread over a year: what the voorziening costs per year. */
  jaarbedragCents: number;
}

/** One refused line of an import: the line number in the file, the column and why. */
export interface AfgewezenRegel { regel: number; veld: string; reden: string }
export interface ImportVerslag {
  /** Whether anything was saved (all-or-nothing saves nothing once a line is refused). */
  geschreven: boolean;
  toegevoegd: number;
  gewijzigd: number;
  ongewijzigd: number;
  afgewezen: AfgewezenRegel[];
}

export type ResultaatSoort = 'jeugdprofiel' | 'wmoBegeleiding';
export interface ResultaatTarief {
  id?: string; wet: string; productcode: string; soort: ResultaatSoort; profiel: string; intensiteit: string;
  duurMaanden: number | null; bedragCents: number; van: string; tot: string | null;
}
/** The API derives the kind of table from the law (Jeugdwet: profiles; Wmo: begeleiding). */
export interface ResultaatInvoer {
  wet: string; productcode: string; van: string;
  regels: { profiel: string; intensiteit: string; duurMaanden: number | null; bedragCents: number }[];
}

export interface PgbTarief {
  id?: string; wet: string; productcode: string; eenheid: string; frequentie: string; tariefCents: number; van: string; tot: string | null;
}
export type PgbInvoer = Omit<PgbTarief, 'id' | 'tot'>;

/** A list answer: a plain array or wrapped in `items` (both shapes are in use in this API). */
function lijst<T>(antwoord: T[] | { items: T[] }): T[] {
  return Array.isArray(antwoord) ? antwoord : antwoord.items;
}

const id = encodeURIComponent;

export interface AanbiederFilter { zoek?: string | undefined; wet?: string | undefined; actief?: string | undefined }

export function useAanbieders(filter: AanbiederFilter) {
  return useQuery({
    queryKey: ['inkoop', 'aanbieders', filter],
    queryFn: async ({ signal }) => lijst(await api<Aanbieder[] | { items: Aanbieder[] }>('/aanbieders', { signal, query: { ...filter } })),
    placeholderData: keepPreviousData,
  });
}

export function useAanbieder(aanbiederId: string) {
  return useQuery({
    queryKey: ['inkoop', 'aanbieder', aanbiederId],
    queryFn: ({ signal }) => api<Aanbieder>(`/aanbieders/${id(aanbiederId)}`, { signal }),
    enabled: aanbiederId !== '',
  });
}

export function useContractenVan(aanbiederId: string) {
  return useQuery({
    queryKey: ['inkoop', 'contracten', aanbiederId],
    queryFn: async ({ signal }) => lijst(await api<ContractKort[] | { items: ContractKort[] }>('/contracten', { signal, query: { aanbiederId } })),
  });
}

export function useLopendeVoorzieningen(aanbiederId: string) {
  return useQuery({
    queryKey: ['inkoop', 'aanbieder', aanbiederId, 'voorzieningen'],
    queryFn: async ({ signal }) => lijst(await api<LopendeVoorziening[] | { items: LopendeVoorziening[] }>(`/aanbieders/${id(aanbiederId)}/voorzieningen`, { signal })),
  });
}

export function useBewaarAanbieder(aanbiederId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invoer: AanbiederInvoer) => (aanbiederId
      ? api<Aanbieder>(`/aanbieders/${id(aanbiederId)}`, { method: 'PATCH', body: invoer })
      : api<Aanbieder>('/aanbieders', { method: 'POST', body: invoer })),
    onSuccess: (a) => {
      queryClient.setQueryData(['inkoop', 'aanbieder', a.id], a);
      void queryClient.invalidateQueries({ queryKey: ['inkoop'] });
    },
  });
}

export function useContract(contractId: string) {
  return useQuery({
    queryKey: ['inkoop', 'contract', contractId],
    queryFn: ({ signal }) => api<Contract>(`/contracten/${id(contractId)}`, { signal }),
  });
}

export function useMaakContract() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invoer: ContractInvoer) => api<Contract>('/contracten', { method: 'POST', body: invoer }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['inkoop'] }),
  });
}

function useContractWijziging<I, R>(contractId: string, doe: (invoer: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: doe,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['inkoop', 'contract', contractId] }),
  });
}

export function useVoegProductToe(contractId: string) {
  return useContractWijziging(contractId, (invoer: ProductInvoer & { van?: string }) =>
    api<ContractProduct>(`/contracten/${id(contractId)}/producten`, { method: 'POST', body: invoer }));
}

export function useNieuwTarief(contractId: string) {
  return useContractWijziging(contractId, ({ productId, ...invoer }: { productId: string; van: string; tariefCents: number }) =>
    api<ContractProduct>(`/contractproducten/${id(productId)}/tarieven`, { method: 'POST', body: invoer }));
}

export function useZetMaandbedrag(contractId: string) {
  return useContractWijziging(contractId, ({ productId, maandbedragCents }: { productId: string; maandbedragCents: number }) =>
    api<ContractProduct>(`/contractproducten/${id(productId)}`, { method: 'PATCH', body: { maandbedragCents } }));
}

/** Where the product table can be downloaded (a plain link: the browser saves the file). */
export const exportUrl = (contractId: string, formaat: 'csv' | 'xlsx'): string => `${API_BASE}/contracten/${id(contractId)}/producten.${formaat}`;

/** The file's bytes as base64, the way the API takes a file in a JSON body. */
async function alsBase64(bestand: Blob): Promise<string> {
  const bytes = new Uint8Array(await bestand.arrayBuffer());
  let binair = '';
  // In slices: String.fromCharCode with a whole file as arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binair += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binair);
}

/**
 * Reads a CSV or XLSX product table into the contract; the API answers with what it added, changed
 * and refused. allesOfNiets: nothing is saved once one line is refused.
 */
export function useImporteer(contractId: string) {
  return useContractWijziging(contractId, async ({ bestand, allesOfNiets }: { bestand: File; allesOfNiets: boolean }): Promise<ImportVerslag> =>
    api<ImportVerslag>(`/contracten/${id(contractId)}/producten/import`, {
      method: 'POST',
      query: { 'alles-of-niets': String(allesOfNiets) },
      body: { formaat: /\.xlsx$/i.test(bestand.name) ? 'xlsx' : 'csv', bestand: await alsBase64(bestand) },
    }));
}

export function useResultaatTarieven() {
  return useQuery({
    queryKey: ['inkoop', 'resultaat-tarieven'],
    queryFn: async ({ signal }) => lijst(await api<ResultaatTarief[] | { items: ResultaatTarief[] }>('/resultaattarieven', { signal })),
  });
}

export function useZetResultaatTarieven() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invoer: ResultaatInvoer) => api<ResultaatTarief[]>('/resultaattarieven', { method: 'PUT', body: invoer }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['inkoop', 'resultaat-tarieven'] }),
  });
}

export function usePgbTarieven() {
  return useQuery({
    queryKey: ['inkoop', 'pgb-tarieven'],
    queryFn: async ({ signal }) => lijst(await api<PgbTarief[] | { items: PgbTarief[] }>('/pgbtarieven', { signal })),
  });
}

export function useZetPgbTarief() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invoer: PgbInvoer) => api<PgbTarief[]>('/pgbtarieven', { method: 'PUT', body: invoer }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['inkoop', 'pgb-tarieven'] }),
  });
}
