/**
 * The voorziening in words and the actions it allows: pure, so the table of who may do what in which
 * status is tested once. The API checks the same (and is the final word); this only keeps the page
 * from offering a form that can never succeed.
 */
import type { Rol } from '../../platform/session.tsx';

export type VoorzieningStatus = 'toegekend' | 'toegewezen' | 'gestart' | 'beeindigd' | 'ingetrokken' | 'vervangen';

export const STATUS_NAAM: Record<VoorzieningStatus, string> = {
  toegekend: 'Toegekend',
  toegewezen: 'Toegewezen',
  gestart: 'Gestart',
  beeindigd: 'Beëindigd',
  ingetrokken: 'Ingetrokken',
  vervangen: 'Vervangen',
};

/** The look of a status; the text always says it too. */
export const STATUS_BADGE: Record<VoorzieningStatus, string> = {
  toegekend: 'warning', toegewezen: 'active', gestart: 'safe', beeindigd: 'neutral', ingetrokken: 'neutral', vervangen: 'neutral',
};

export const statusNaam = (s: string): string => STATUS_NAAM[s as VoorzieningStatus] ?? s;

export type Actie = 'aanbieder' | 'start' | 'beeindig' | 'intrekken';

/** The transitions of the voorziening (ADR 32), by action: from which status, and who may take it. */
export const ACTIES: Record<Actie, { van: readonly VoorzieningStatus[]; rollen: readonly Rol[] }> = {
  aanbieder: { van: ['toegekend'], rollen: ['regisseur', 'teamleider'] },
  start: { van: ['toegewezen'], rollen: ['regisseur', 'teamleider'] },
  beeindig: { van: ['gestart'], rollen: ['regisseur', 'teamleider'] },
  intrekken: { van: ['toegekend', 'toegewezen'], rollen: ['beslisser'] },
};

/** The actions this user may take on a voorziening in this status, in the order of the page. */
export function toegestaneActies(status: string, rollen: readonly Rol[]): Actie[] {
  return (Object.keys(ACTIES) as Actie[]).filter((a) => (ACTIES[a].van as readonly string[]).includes(status) && ACTIES[a].rollen.some((r) => rollen.includes(r)));
}

export const isAfgesloten = (status: string): boolean => status === 'beeindigd' || status === 'ingetrokken' || status === 'vervangen';

/**
 * Ended before its first day (withdrawn, or replaced before it began): the API then sets the last day
 * to the day before the begin. Such a provision has no period and no budget to show; the figures it
 * had are in the history.
 */
export const zonderDagen = (v: { begin: string; beeindigdOp: string | null }): boolean => v.beeindigdOp !== null && v.beeindigdOp < v.begin;

/** Why a provision without days has no budget, in the words of the page. */
export function geenBudgetTekst(status: string): string {
  return status === 'ingetrokken' ? 'Geen budget: de voorziening is ingetrokken voordat zij inging.' : 'Geen budget: de voorziening eindigde voordat zij inging.';
}

// ————— Code lists (iStandaarden) in Dutch —————

/** WJ756 Eenheid: how the volume reads, singular and plural. */
export const EENHEDEN: Record<string, { een: string; meer: string }> = {
  '01': { een: 'minuut', meer: 'minuten' },
  '04': { een: 'uur', meer: 'uur' },
  '14': { een: 'etmaal', meer: 'etmalen' },
  '16': { een: 'dagdeel', meer: 'dagdelen' },
  '82': { een: 'stuk', meer: 'stuks' },
  '83': { een: 'euro', meer: 'euro' },
  '84': { een: 'stuk', meer: 'stuks' },
};

/** WMO757 Frequentie. */
export const FREQUENTIES: Record<string, string> = { '1': 'per dag', '2': 'per week', '4': 'per maand', '6': 'in totaal' };

/** Bekostigingsvorm in words. */
export const BEKOSTIGING_NAAM: Record<string, string> = {
  inspanningsgericht: 'Inspanningsgericht (per eenheid)',
  outputgericht: 'Outputgericht (vast bedrag per traject of periode)',
  taakgericht: 'Taakgericht (vast budget onder het contract, geen budget per cliënt)',
};

export const LEVERINGSVORM_NAAM: Record<string, string> = { zin: 'Zorg in natura', pgb: 'Persoonsgebonden budget (pgb)' };

/** "3 uur per week", "1 stuk in totaal", "2,5 dagdelen per week". */
export function volumeTekst(volume: number | string | null, eenheid: string | null, frequentie: string | null): string {
  if (volume === null || volume === '') return '—';
  const n = typeof volume === 'string' ? Number(volume) : volume;
  if (!Number.isFinite(n)) return String(volume);
  const e = eenheid ? EENHEDEN[eenheid] : undefined;
  const woord = e ? (n === 1 ? e.een : e.meer) : eenheid ?? '';
  const per = frequentie ? FREQUENTIES[frequentie] ?? '' : '';
  return `${n.toLocaleString('nl-NL', { maximumFractionDigits: 2 })} ${woord} ${per}`.replace(/\s+/g, ' ').trim();
}

/** WMO588 (Wmo) and JZ588 (Jeugdwet) Reden beëindiging: the reasons a regisseur may give (not the ones only the system sets). */
export const REDENEN_BEEINDIGING: Record<'wmo' | 'jeugdwet', { code: string; naam: string }[]> = {
  wmo: [
    { code: '19', naam: 'Levering volgens plan beëindigd' },
    { code: '21', naam: 'Levering eenzijdig door de cliënt beëindigd' },
    { code: '22', naam: 'Levering eenzijdig door de aanbieder beëindigd' },
    { code: '23', naam: 'Levering in overeenstemming voortijdig beëindigd' },
    { code: '20', naam: 'Levering tijdelijk beëindigd (bijvoorbeeld een ziekenhuisopname)' },
    { code: '02', naam: 'Overlijden' },
    { code: '31', naam: 'Verhuizing naar een andere gemeente' },
    { code: '38', naam: 'Overstap naar een andere aanbieder' },
    { code: '39', naam: 'Uitstroom naar een ander domein (Wlz, Zvw)' },
    { code: '36', naam: 'Beëindigd op initiatief van de gemeente' },
  ],
  jeugdwet: [
    { code: '31', naam: 'Levering volgens plan beëindigd' },
    { code: '32', naam: 'Voortijdig afgesloten door de cliënt' },
    { code: '33', naam: 'Voortijdig afgesloten door de aanbieder' },
    { code: '34', naam: 'Voortijdig afgesloten in overleg' },
    { code: '35', naam: 'Voortijdig afgesloten door een externe oorzaak (bijvoorbeeld verhuizing)' },
    { code: '20', naam: 'Levering tijdelijk beëindigd (bijvoorbeeld een ziekenhuisopname)' },
    { code: '02', naam: 'Overlijden' },
    { code: '38', naam: 'Overstap naar een andere aanbieder' },
    { code: '39', naam: 'Uitstroom naar een ander domein (Wmo, Wlz, Zvw)' },
    { code: '36', naam: 'Beëindigd op initiatief van de gemeente' },
  ],
};

/** The reasons for a law; laws without an iStandaard (Participatiewet) use the Wmo list. */
export function redenenVoor(wet: string): { code: string; naam: string }[] {
  return wet === 'jeugdwet' ? REDENEN_BEEINDIGING.jeugdwet : REDENEN_BEEINDIGING.wmo;
}

/** A reason code in words for that law; 'herziening' is set by a new decision. */
export function redenNaam(wet: string, code: string | null): string | null {
  if (code === null) return null;
  if (code === 'herziening') return 'Vervangen door een nieuw besluit (herziening)';
  return redenenVoor(wet).find((r) => r.code === code)?.naam ?? code;
}

/**
 * A history note as a case worker reads it: ISO dates in Dutch, no internal ids ("(contract 1456e7d8-…)").
 * `datum` formats one 'YYYY-MM-DD'.
 */
export function leesbareToelichting(tekst: string, datum: (iso: string) => string): string {
  return tekst
    .replace(/\s*\((?:contract|id)\s+[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\)/gi, '')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '')
    .replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (_, iso: string) => datum(iso))
    .replace(/\s{2,}/g, ' ')
    .trim();
}

// ————— Money —————

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/** Cents as euros the Dutch way: 364500 → "€ 3.645,00". */
export function formatEuro(cents: number | string | null | undefined): string {
  if (cents === null || cents === undefined || cents === '') return '—';
  const n = typeof cents === 'string' ? Number(cents) : cents;
  if (!Number.isFinite(n)) return '—';
  return euro.format(n / 100);
}
