/**
 * Voorziening rules (pure): the declarative transition table, the replacement date on a herziening,
 * the effective period, and the mapping of the decision's free words onto the iStandaard codes.
 */
import { addDays, addYears, differenceInCalendarDays, format, parseISO } from 'date-fns';

export const STATUSSEN = ['toegekend', 'toegewezen', 'gestart', 'beeindigd', 'ingetrokken', 'vervangen'] as const;
export type Status = (typeof STATUSSEN)[number];
export const EINDSTATUSSEN: readonly Status[] = ['beeindigd', 'ingetrokken', 'vervangen'];
/** Running for the provider's capacity and the provider page: assigned or started. */
export const LOPEND: readonly Status[] = ['toegewezen', 'gestart'];

export const statusNaam: Record<Status, string> = {
  toegekend: 'Toegekend', toegewezen: 'Toegewezen aan aanbieder', gestart: 'Gestart', beeindigd: 'Beëindigd', ingetrokken: 'Ingetrokken', vervangen: 'Vervangen',
};

export type Overgang = 'toewijzen' | 'starten' | 'beeindigen' | 'intrekken' | 'vervangen';

/** The transition table: from which statuses each step may be taken, and where it leads. Everything else is refused. */
export const OVERGANGEN: Readonly<Record<Overgang, { van: readonly Status[]; naar: Status; naam: string }>> = {
  toewijzen: { van: ['toegekend'], naar: 'toegewezen', naam: 'een aanbieder toewijzen' },
  starten: { van: ['toegewezen'], naar: 'gestart', naam: 'de levering starten' },
  beeindigen: { van: ['gestart'], naar: 'beeindigd', naam: 'beëindigen' },
  intrekken: { van: ['toegekend', 'toegewezen'], naar: 'ingetrokken', naam: 'intrekken' },
  vervangen: { van: ['toegekend', 'toegewezen', 'gestart'], naar: 'vervangen', naam: 'vervangen' },
};

const waarom: Partial<Record<Overgang, string>> = {
  starten: 'Wijs eerst een aanbieder toe (of leg het pgb vast).',
  beeindigen: 'Alleen een gestarte voorziening kan worden beëindigd; een voorziening die nog niet loopt, kan de beslisser intrekken.',
  intrekken: 'Een gestarte voorziening wordt beëindigd, niet ingetrokken.',
  toewijzen: 'De aanbieder wordt gekozen zolang de voorziening alleen is toegekend.',
};

/** Null when the step is allowed; otherwise the Dutch reason (a 409 ongeldige-statusovergang). */
export function overgangToegestaan(overgang: Overgang, status: Status): string | null {
  const o = OVERGANGEN[overgang];
  if (o.van.includes(status)) return null;
  if (EINDSTATUSSEN.includes(status)) return `Deze voorziening is ${statusNaam[status].toLowerCase()}; ${o.naam} kan niet meer.`;
  return `Een voorziening met status '${statusNaam[status].toLowerCase()}' kan niet ${o.naam}. ${waarom[overgang] ?? ''}`.trim();
}

export const isEindstatus = (s: Status): boolean => EINDSTATUSSEN.includes(s);

const d = (s: string) => parseISO(s);
const iso = (x: Date) => format(x, 'yyyy-MM-dd');
export const dagErvoor = (datum: string): string => iso(addDays(d(datum), -1));
export const dagenTussen = (van: string, tot: string): number => differenceInCalendarDays(d(tot), d(van)) + 1;

/**
 * The real last day of a provision that a herziening replaces: the day before the new one begins,
 * never after its own granted end, never before the day before its own begin (then it had no days).
 */
export function beeindigdOpBijVervanging(oud: { begin: string; eind: string | null }, nieuwBegin: string): string {
  let dag = dagErvoor(nieuwBegin);
  if (oud.eind && oud.eind < dag) dag = oud.eind;
  const ondergrens = dagErvoor(oud.begin);
  return dag < ondergrens ? ondergrens : dag;
}

/** The period that counts for money and clients: begin .. beeindigd_op, else the granted end, else open. */
export function effectieveEind(v: { eind: string | null; beeindigdOp: string | null }): string | null {
  return v.beeindigdOp ?? v.eind;
}

/** Which old provision a new product replaces: same law and the same catalogue item, product code or name. */
export interface VergelijkProduct { id: string; wet: string; catalogusItemId: string | null; productcode: string | null; productNaam: string }
export function zoekOpvolger<T extends VergelijkProduct>(oud: VergelijkProduct, nieuw: readonly T[], alGebruikt: ReadonlySet<string>): T | undefined {
  const vrij = nieuw.filter((n) => !alGebruikt.has(n.id) && n.wet === oud.wet);
  return vrij.find((n) => oud.catalogusItemId !== null && n.catalogusItemId === oud.catalogusItemId)
    ?? vrij.find((n) => oud.productcode !== null && n.productcode === oud.productcode)
    ?? vrij.find((n) => n.productNaam === oud.productNaam);
}

// ————— The decision's words onto the iStandaard codes —————

/** WJ756 eenheid: the code and the Dutch words a decision may use for it. */
export const EENHEDEN: Readonly<Record<string, { naam: string; woorden: readonly string[] }>> = {
  '01': { naam: 'minuut', woorden: ['minuut', 'minuten', 'min'] },
  '04': { naam: 'uur', woorden: ['uur', 'uren'] },
  '14': { naam: 'etmaal', woorden: ['etmaal', 'etmalen'] },
  '16': { naam: 'dagdeel', woorden: ['dagdeel', 'dagdelen'] },
  '82': { naam: 'stuks', woorden: ['stuks', 'stuk', 'stuks (output)', 'traject', 'trajecten'] },
  '83': { naam: "euro's", woorden: ['euro', "euro's", 'euros'] },
  '84': { naam: 'stuks', woorden: ['stuks (inspanning)', 'stuks', 'stuk'] },
};

/** Does the decision's eenheid (a WJ756 code or a Dutch word) mean the contract product's eenheid? */
export function eenheidPast(invoer: string, contractEenheid: string): boolean {
  const v = invoer.trim().toLowerCase();
  if (v === contractEenheid) return true;
  return EENHEDEN[contractEenheid]?.woorden.includes(v) ?? false;
}

/** The decision's periode onto WMO757 frequentie; 'jaar' has no code and is refused for a granted product. */
export const PERIODE_FREQUENTIE: Readonly<Record<string, string | undefined>> = { dag: '1', week: '2', maand: '4', totaal: '6' };
export const FREQUENTIE_PERIODE: Readonly<Record<string, string>> = { 1: 'dag', 2: 'week', 4: 'maand', 6: 'totaal' };
export const frequentieNaam: Readonly<Record<string, string>> = { 1: 'per dag', 2: 'per week', 4: 'per maand', 6: 'totaal binnen de looptijd' };

/** WMO588 (Wmo and the other laws) and JZ588 (Jeugdwet): reasons an end may give. 'herziening' is set by the system only. */
export const REDENEN_BEEINDIGING: Readonly<Record<'wmo' | 'jeugdwet', Readonly<Record<string, string>>>> = {
  wmo: {
    '02': 'Overlijden', '19': 'Levering volgens plan beëindigd', '20': 'Levering is tijdelijk beëindigd', '21': 'Levering is eenzijdig door cliënt beëindigd',
    '22': 'Levering is eenzijdig door aanbieder beëindigd', '23': 'Levering is in overeenstemming voortijdig beëindigd', '31': 'Verhuizing naar een andere gemeente',
    '36': 'Geïnitieerd door de gemeente', '37': 'In verband met wijzigingsverzoek', '38': 'Overstap naar andere aanbieder', '39': 'Uitstroom naar ander domein',
  },
  jeugdwet: {
    '02': 'Overlijden', '20': 'Levering is tijdelijk beëindigd', '31': 'Levering is volgens plan beëindigd', '32': 'Voortijdig afgesloten, door cliënt',
    '33': 'Voortijdig afgesloten, door aanbieder', '34': 'Voortijdig afgesloten, in overleg', '35': 'Voortijdig afgesloten, externe oorzaak',
    '36': 'Geïnitieerd door de gemeente', '37': 'In verband met wijzigingsverzoek', '38': 'Overstap naar andere aanbieder', '39': 'Uitstroom naar ander domein',
  },
};
export const redenLijst = (wet: string): 'wmo' | 'jeugdwet' => (wet === 'jeugdwet' ? 'jeugdwet' : 'wmo');
export function redenNaam(wet: string, code: string | null): string | null {
  if (!code) return null;
  if (code === 'herziening') return 'Vervangen door een herziening';
  return REDENEN_BEEINDIGING[redenLijst(wet)][code] ?? code;
}

/**
 * The same reasons as the resident reads them in a letter: one plain sentence addressed to "u", not the
 * code table's third-person iStandaard words (those stay for the messages to the provider). The
 * Jeugdwet letter goes to the parents, so "u" is them.
 */
const REDEN_VOOR_INWONER_GEDEELD: Readonly<Record<string, string>> = {
  '02': 'De voorziening stopt door een overlijden.',
  '20': 'De hulp is voorlopig gestopt, bijvoorbeeld door een opname in het ziekenhuis.',
  '36': 'De gemeente heeft besloten deze hulp te stoppen.',
  '37': 'Uw hulp is gewijzigd. Daarom stopt deze voorziening.',
  '38': 'U bent overgestapt naar een andere zorgaanbieder.',
};
export const REDEN_VOOR_INWONER: Readonly<Record<'wmo' | 'jeugdwet', Readonly<Record<string, string>>>> = {
  wmo: {
    ...REDEN_VOOR_INWONER_GEDEELD,
    '19': 'De hulp is klaar, zoals was afgesproken.',
    '21': 'U heeft zelf besloten te stoppen met de hulp.',
    '22': 'Uw zorgaanbieder is gestopt met de hulp aan u.',
    '23': 'U en uw zorgaanbieder hebben samen afgesproken eerder te stoppen.',
    '31': 'U bent verhuisd naar een andere gemeente.',
    '39': 'U krijgt uw hulp voortaan via een andere regeling, zoals de Wet langdurige zorg of uw zorgverzekering.',
  },
  jeugdwet: {
    ...REDEN_VOOR_INWONER_GEDEELD,
    '31': 'De hulp is klaar, zoals was afgesproken.',
    '32': 'U heeft zelf besloten eerder te stoppen met de hulp.',
    '33': 'De zorgaanbieder is eerder gestopt met de hulp.',
    '34': 'U en de zorgaanbieder hebben samen afgesproken eerder te stoppen.',
    '35': 'De hulp is eerder gestopt door een oorzaak buiten u en de zorgaanbieder, bijvoorbeeld een verhuizing.',
    '39': 'De hulp gaat voortaan via een andere regeling, zoals de Wmo, de Wet langdurige zorg of de zorgverzekering.',
  },
};
/** The reason as a sentence to the resident; a code without one (never expected) still gives its name rather than nothing. */
export function redenVoorInwoner(wet: string, code: string | null): string | null {
  if (!code) return null;
  if (code === 'herziening') return 'Wij hebben een nieuw besluit over uw hulp genomen.';
  return REDEN_VOOR_INWONER[redenLijst(wet)][code] ?? `De reden: ${(redenNaam(wet, code) ?? code).toLowerCase()}.`;
}

/** The number a provision gets: V-YYYY-000001. */
export const voorzieningNummer = (jaar: number, volgnummer: number): string => `V-${jaar}-${String(volgnummer).padStart(6, '0')}`;

/** The budget's last day: the granted end, or the first 12 months when open-ended (as inkoop computes it). */
export function budgetTotVoor(begin: string, eind: string | null): string {
  return eind ?? iso(addDays(addYears(d(begin), 1), -1));
}

/** A provision without a contract (backfilled): the yearly amount pro rata over its period, to the cent. */
export function budgetProRata(jaarbedragCents: number, begin: string, tot: string): number {
  const dagen = Math.max(0, dagenTussen(begin, tot));
  return Math.round((jaarbedragCents * dagen) / 365);
}
