/**
 * Verzoeken van aanbieders (315, 317) in words: the code lists the pages need (copied from the
 * iStandaarden, the web app does not import the backend), the shape of what a provider asks, and the
 * answer term counted in working days. Pure, so it is tested without a browser.
 */

export type VerzoekStatus = 'open' | 'in_onderzoek' | 'toegewezen' | 'afgewezen';
export const isOpenVerzoek = (s: VerzoekStatus): boolean => s === 'open' || s === 'in_onderzoek';

/** The look of a status; the text always says it too. */
export const VERZOEK_BADGE: Record<VerzoekStatus, 'warning' | 'active' | 'safe' | 'neutral'> = {
  open: 'warning', in_onderzoek: 'active', toegewezen: 'safe', afgewezen: 'neutral',
};
export const VERZOEK_STATUS_NAAM: Record<VerzoekStatus, string> = { open: 'Open', in_onderzoek: 'In onderzoek', toegewezen: 'Toegewezen', afgewezen: 'Afgewezen' };

/** OP274/OP346: a toewijzing or answer within 5 werkdagen; in onderzoek: at the latest 8 weeks after the request's dagtekening. */
export const ANTWOORD_WERKDAGEN = 5;
export const ONDERZOEK_WEKEN = 8;

/** WJ758 Reden verzoek. */
export const REDENEN_VERZOEK: Readonly<Record<string, string>> = { 1: 'Verandering cliëntsituatie', 2: 'Wijziging zorgplan' };
/** WJ759 Reden afwijzing verzoek (the same list in iWmo and iJw 3.2). */
export const REDENEN_AFWIJZING: readonly { code: string; naam: string }[] = [
  { code: '1', naam: 'Geen wijziging, maar nieuwe aanvraag' },
  { code: '2', naam: 'Past niet binnen budget' },
  { code: '3', naam: 'Geen contract' },
  { code: '4', naam: 'Past niet binnen contract' },
  { code: '5', naam: 'Andere gemeente' },
  { code: '6', naam: 'Stapeling' },
  { code: '7', naam: 'Zorginhoudelijke afkeur' },
  { code: '8', naam: 'Woonplaatsbeginsel' },
  { code: '9', naam: 'Leeftijdsgrens is bereikt' },
];
/** Reden 8 in the Jeugdwet names the gemeente that is responsible (TR377): its CBS code. */
export const WOONPLAATS_REDEN = '8';
export const vraagtWoonplaatsGemeente = (standaard: 'iwmo' | 'ijw', reden: string): boolean => standaard === 'ijw' && reden === WOONPLAATS_REDEN;

/** COD327 Code verwijzer. */
export const VERWIJZERS: Readonly<Record<string, string>> = {
  '01': 'Gemeente', '02': 'Huisarts', '03': 'Jeugdarts', '04': 'Gecertificeerde instelling', '05': 'Medisch specialist',
  '06': 'Zelfverwijzer of geen verwijzer', '08': 'Rechter, Officier van Justitie of functionaris justitiële jeugdinrichting',
};

export const wetVanStandaard = (s: 'iwmo' | 'ijw'): string => (s === 'ijw' ? 'Jeugdwet' : 'Wmo');

// ————— What the provider asks (the API gives it as `inhoud`, shaped by the kind of message) —————

export interface Omvang { volume: number; eenheid: string; frequentie: string }
export interface AangevraagdProduct {
  referentie: string; categorie: string | null; code: string | null; toewijzingIngangsdatum: string; toewijzingEinddatum: string | null;
  omvang: Omvang | null; budget: number | null; verwijzer: { type: string; naam: string | null; zorgverlenerscode: string | null } | null; commentaar: string | null;
}
export interface Inhoud315 { client: { geboortedatum: string | null; commentaar: string | null }; product: AangevraagdProduct }
export interface TeWijzigenProduct { toewijzingNummer: number; gewensteIngangsdatum: string; einddatum: string | null; omvang: Omvang | null; budget: number | null }
export interface NieuwProduct { categorie: string | null; code: string | null; gewensteIngangsdatum: string; einddatum: string | null; omvang: Omvang | null; budget: number | null }
export interface Inhoud317 { referentie: string; redenVerzoek: string; ongewijzigd: number[]; teWijzigen: TeWijzigenProduct[]; nieuw: NieuwProduct[] }

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The request of a 315, or null when `inhoud` is not one (the page then says it cannot show it). */
export function als315(inhoud: unknown): Inhoud315 | null {
  if (!isObject(inhoud) || !isObject(inhoud.product)) return null;
  const client = isObject(inhoud.client) ? inhoud.client : {};
  return {
    client: { geboortedatum: typeof client.geboortedatum === 'string' ? client.geboortedatum : null, commentaar: typeof client.commentaar === 'string' ? client.commentaar : null },
    product: inhoud.product as unknown as AangevraagdProduct,
  };
}

/** The request of a 317, or null when `inhoud` is not one. */
export function als317(inhoud: unknown): Inhoud317 | null {
  if (!isObject(inhoud) || !Array.isArray(inhoud.ongewijzigd) || !Array.isArray(inhoud.teWijzigen) || !Array.isArray(inhoud.nieuw)) return null;
  return inhoud as unknown as Inhoud317;
}

/** "Categorie 01, productcode 01A01" (a 315 may name only the category, or neither: the gemeente chooses). */
export function productTekst(p: { categorie: string | null; code: string | null }): string {
  if (!p.categorie && !p.code) return 'Geen product genoemd';
  return [p.categorie ? `categorie ${p.categorie}` : null, p.code ? `productcode ${p.code}` : null].filter(Boolean).join(', ').replace(/^./, (c) => c.toUpperCase());
}

// ————— The term in working days (Algemene termijnenwet: no Saturday, Sunday or recognised holiday) —————

/** Days declared equal to a holiday by royal decree (Atw art. 3 lid 3); the same data as the API's. */
const GELIJKGESTELDE_DAGEN: readonly string[] = [
  '2022-05-27', '2023-04-28', '2023-05-19', '2024-05-10', '2024-12-27', '2025-05-30',
  '2026-01-02', '2026-05-15', '2027-05-07', '2028-04-28', '2028-05-26',
];

const dagNummer = (d: string): number => {
  const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, dd) / 86_400_000);
};
const naarDatum = (n: number): string => new Date(n * 86_400_000).toISOString().slice(0, 10);
/** 0 = Sunday … 6 = Saturday; day 0 (1 January 1970) was a Thursday. */
const weekdag = (n: number): number => (((n + 4) % 7) + 7) % 7;

/** Easter Sunday (the anonymous Gregorian algorithm). */
function eerstePaasdag(jaar: number): number {
  const a = jaar % 19, b = Math.floor(jaar / 100), c = jaar % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const maand = Math.floor((h + l - 7 * m + 114) / 31);
  const dag = ((h + l - 7 * m + 114) % 31) + 1;
  return dagNummer(`${jaar}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`);
}

const feestdagCache = new Map<number, Set<number>>();
function feestdagen(jaar: number): Set<number> {
  let s = feestdagCache.get(jaar);
  if (!s) {
    const pasen = eerstePaasdag(jaar);
    const vast = (mmdd: string) => dagNummer(`${jaar}-${mmdd}`);
    // Koningsdag on Saturday 26 April when the 27th is a Sunday (from 2014).
    const koning = weekdag(vast('04-27')) === 0 ? vast('04-26') : vast('04-27');
    s = new Set([
      vast('01-01'), pasen - 2, pasen, pasen + 1, koning, vast('05-05'), pasen + 39, pasen + 49, pasen + 50, vast('12-25'), vast('12-26'),
      ...GELIJKGESTELDE_DAGEN.filter((d) => d.startsWith(`${jaar}-`)).map(dagNummer),
    ]);
    feestdagCache.set(jaar, s);
  }
  return s;
}

export function isWerkdag(datum: string): boolean {
  const n = dagNummer(datum);
  const w = weekdag(n);
  return w !== 0 && w !== 6 && !feestdagen(Number(datum.slice(0, 4))).has(n);
}

/** Working days after `van` up to and including `tot` (0 when `tot` is not after `van`). */
export function werkdagenTussen(van: string, tot: string): number {
  let n = 0;
  for (let d = dagNummer(van) + 1; d <= dagNummer(tot); d++) if (isWerkdag(naarDatum(d))) n++;
  return n;
}

/** A date plus whole weeks ('YYYY-MM-DD'), as the API counts the 8 weeks in onderzoek. */
export const plusWeken = (datum: string, weken: number): string => naarDatum(dagNummer(datum) + weken * 7);

export type TermijnStand =
  | { soort: 'verlopen'; werkdagen: number }
  | { soort: 'vandaag' }
  | { soort: 'loopt'; werkdagen: number }
  | { soort: 'beantwoord' };

/** Where the answer term stands today. `verlopen` is the API's word (it knows the calendar it used). */
export function termijnStand(v: { status: VerzoekStatus; termijnEinde: string; verlopen: boolean }, vandaag: string): TermijnStand {
  if (!isOpenVerzoek(v.status)) return { soort: 'beantwoord' };
  if (v.verlopen || v.termijnEinde < vandaag) return { soort: 'verlopen', werkdagen: werkdagenTussen(v.termijnEinde, vandaag) };
  if (v.termijnEinde === vandaag) return { soort: 'vandaag' };
  return { soort: 'loopt', werkdagen: werkdagenTussen(vandaag, v.termijnEinde) };
}

const werkdagen = (n: number): string => `${n} ${n === 1 ? 'werkdag' : 'werkdagen'}`;

/** "nog 3 werkdagen", "vandaag de laatste dag", "2 werkdagen te laat". */
export function termijnTekst(s: TermijnStand): string {
  switch (s.soort) {
    case 'verlopen': return s.werkdagen > 0 ? `${werkdagen(s.werkdagen)} te laat` : 'termijn verstreken';
    case 'vandaag': return 'vandaag de laatste dag';
    case 'loopt': return s.werkdagen > 0 ? `nog ${werkdagen(s.werkdagen)}` : 'geen werkdag meer';
    case 'beantwoord': return 'beantwoord';
  }
}
