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

// ————— The term in words (the API counts the working days: the calendar of the Algemene termijnenwet is the server's) —————

export type TermijnStand =
  | { soort: 'verlopen'; werkdagen: number }
  | { soort: 'vandaag' }
  | { soort: 'loopt'; werkdagen: number }
  | { soort: 'beantwoord' };

/** Where the answer term stands, from the API's count of working days. */
export function termijnStand(v: { status: VerzoekStatus; verlopen: boolean; werkdagenOver: number }): TermijnStand {
  if (!isOpenVerzoek(v.status)) return { soort: 'beantwoord' };
  if (v.verlopen || v.werkdagenOver < 0) return { soort: 'verlopen', werkdagen: Math.max(0, -v.werkdagenOver) };
  if (v.werkdagenOver === 0) return { soort: 'vandaag' };
  return { soort: 'loopt', werkdagen: v.werkdagenOver };
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
