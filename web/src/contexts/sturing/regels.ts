/** How the sturing figures read in Dutch, in each of the five units, and the CSV export of a table. */
import type { Eenheid, KpiDefinitie, NormInPeriode, Richting, Signaal } from './api.ts';

/** What is needed to write a figure: its unit, and the KPI's id (a change in ZRM scores gets a sign). */
export type Maat = { id: string; eenheid: Eenheid };

const MIN = '\u2212';
/** A real minus sign instead of a hyphen: easier to read, and read out as "min". */
const metMin = (s: string): string => s.replace(/^-/, MIN).replace(/(\s)-/, `$1${MIN}`);

const procent1 = new Intl.NumberFormat('nl-NL', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const procent1Teken = new Intl.NumberFormat('nl-NL', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const procentKort = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });
const procentKortTeken = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const getal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const getalTeken = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const gemiddeld = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
const gemiddeldTeken = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
const gemiddeldKort = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, minimumFractionDigits: 0 });
const euroCent = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const maandFormat = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const maandKort = new Intl.DateTimeFormat('nl-NL', { month: 'short', year: '2-digit', timeZone: 'UTC' });
const dagMaand = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dagMaandJaar = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A change in scores (the ZRM) is an average that can go either way: it gets a + or −. */
export const heeftTeken = (m: Maat): boolean => m.eenheid === 'verandering' || (m.eenheid === 'gemiddelde' && /verandering|verschil/.test(m.id));

/** Euros: whole euros, with cents only for small amounts that are not whole. */
export function formatBedrag(n: number): string {
  const f = Math.abs(n) < 100 && Math.round(n) !== n ? euroCent : euro;
  return n < 0 ? `${MIN}${f.format(-n)}` : f.format(n);
}

/**
 * A figure as a reader expects it: "20,0%" for a share, "12" for a number, "+12,3%" or "−15,0%" for
 * a change, "32,4" or "+0,62" for an average, "€ 1.234" for an amount, and "—" without data.
 */
export function formatWaarde(waarde: number | null, m: Maat): string {
  if (waarde === null) return '—';
  switch (m.eenheid) {
    case 'aandeel': return procent1.format(waarde);
    case 'verandering': return metMin(procent1Teken.format(waarde));
    case 'gemiddelde': return metMin((heeftTeken(m) ? gemiddeldTeken : gemiddeld).format(waarde));
    case 'bedrag': return formatBedrag(waarde);
    default: return metMin(getal.format(waarde));
  }
}

/** A norm without needless decimals: "20%", "−15%", "€ 400", "0,5", "35". */
export function formatNormWaarde(norm: number, m: Maat): string {
  switch (m.eenheid) {
    case 'aandeel': return procentKort.format(norm);
    case 'verandering': return metMin(procentKortTeken.format(norm));
    case 'gemiddelde': return metMin((heeftTeken(m) ? getalTeken : gemiddeldKort).format(norm));
    case 'bedrag': return formatBedrag(norm);
    default: return metMin(getal.format(norm));
  }
}

/**
 * A difference between two figures of the same KPI: percentage points for shares and changes
 * ("+5,0 procentpunt"), euros for amounts, and plain numbers otherwise. Always with a sign.
 */
export function formatVerschil(verschil: number | null, m: Maat): string {
  if (verschil === null) return '—';
  const teken = verschil > 0 ? '+' : verschil < 0 ? MIN : '±';
  const a = Math.abs(verschil);
  switch (m.eenheid) {
    case 'aandeel':
    case 'verandering': return `${teken}${getal.format(Math.round(a * 1000) / 10)} procentpunt`;
    case 'bedrag': return `${teken}${formatBedrag(a)}`;
    case 'gemiddelde': return `${teken}${gemiddeldKort.format(a)}`;
    default: return `${teken}${getal.format(a)}`;
  }
}

export type Oordeel = 'beter' | 'slechter' | 'gelijk';

/** Is a difference (a minus b) better or worse for a? That depends on the KPI's direction. */
export function oordeel(verschil: number | null, richting: Richting): Oordeel | null {
  if (verschil === null) return null;
  if (Math.abs(verschil) < 1e-9) return 'gelijk';
  return (verschil > 0) === (richting === 'hogerIsBeter') ? 'beter' : 'slechter';
}

/** "Norm: ten hoogste 20%" / "Norm: ten minste € 400" / "Geen norm". */
/**
 * The norm in words. A yearly norm says so, and with a figure over a shorter period also what it is
 * for that period (what the signal measured): "ten hoogste € 400 per jaar; voor deze periode € 100".
 */
export function normTekst(kpi: Pick<KpiDefinitie, 'id' | 'norm' | 'richting' | 'eenheid'> & { normPer?: 'jaar' | null }, w?: Pick<NormInPeriode, 'normInPeriode'>): string {
  if (kpi.norm === null) return 'Geen norm';
  const tekst = `Norm: ${kpi.richting === 'lagerIsBeter' ? 'ten hoogste' : 'ten minste'} ${formatNormWaarde(kpi.norm, kpi)}`;
  if (kpi.normPer !== 'jaar') return tekst;
  const deel = w?.normInPeriode ?? null;
  return deel !== null && Math.abs(deel - kpi.norm) > 0.005 ? `${tekst} per jaar; voor deze periode ${formatNormWaarde(deel, kpi)}` : `${tekst} per jaar`;
}

/** The norm a figure over the period is held against (a yearly norm: its share); null without a norm. */
export function normVoorPeriode(kpi: Pick<KpiDefinitie, 'norm'> & { normPer?: 'jaar' | null }, w: Pick<NormInPeriode, 'normInPeriode'> | undefined): number | null {
  return kpi.normPer === 'jaar' ? (w?.normInPeriode ?? null) : kpi.norm;
}

/** The norm for one month of a trend: a yearly norm's twelfth, any other norm itself. */
export function normPerMaand(kpi: Pick<KpiDefinitie, 'norm'> & { normPer?: 'jaar' | null }): number | null {
  return kpi.norm !== null && kpi.normPer === 'jaar' ? kpi.norm / 12 : kpi.norm;
}

export const SIGNAAL_TEKST: Record<Signaal, string> = { groen: 'Op norm', oranje: 'Let op', rood: 'Niet op norm' };
export const SIGNAAL_BADGE: Record<Signaal, string> = { groen: 'safe', oranje: 'warning', rood: 'danger' };
export const SIGNAAL_KLEUR: Record<Signaal | 'geen', string> = { groen: '#1f6b3a', oranje: '#a15c00', rood: '#b30000', geen: '#6b6b6b' };

export function signaalTekst(signaal: Signaal | null, heeftWaarde: boolean, heeftNorm: boolean): string {
  if (signaal) return SIGNAAL_TEKST[signaal];
  if (!heeftWaarde) return 'Geen gegevens';
  return heeftNorm ? 'Geen gegevens' : 'Geen norm';
}

/** What the teller and the noemer of a KPI count, for table headings and the CSV. */
const TELLER_NOEMER: Record<string, [string, string]> = {
  'aandeel-meldingen-naar-maatwerk': ['Naar maatwerk', 'Nieuwe meldingen'],
  'aandeel-maatwerk-met-gesprek': ['Met gesprek vooraf', 'Maatwerkbesluiten'],
  'aandeel-goed-geholpen': ['Goed geholpen', 'Antwoorden'],
  'termijnen-binnen-termijn': ['Binnen de termijn', 'Afgeronde termijnen'],
  'verandering-aanvragen': ['Aanvragen nu', 'Aanvragen in de basisperiode'],
  'verandering-voorzieningen': ['Voorzieningsmaanden nu', 'Voorzieningsmaanden in de basisperiode'],
  'kosten-per-inwoner': ['Kosten', 'Inwoners'],
  'kosten-per-client': ['Kosten', 'Cliënten'],
  'zrm-verandering': ['Verschil in punten', 'Gemeten leefgebieden'],
  'caseload-per-regisseur': ['Open casussen', 'Casusregisseurs'],
};

export function tellerNoemer(m: Maat): { teller: string; noemer: string } | null {
  if (m.eenheid === 'aantal') return null;
  const [teller, noemer] = TELLER_NOEMER[m.id] ?? (
    m.eenheid === 'verandering' ? ['Nu', 'In de basisperiode'] : m.eenheid === 'bedrag' ? ['Kosten', 'Aantal'] : ['Teller', 'Noemer']);
  return { teller, noemer };
}

/** The teller in its own unit: euros for an amount, signed points for a change in scores, otherwise a count. */
export function formatTeller(teller: number, m: Maat): string {
  if (m.eenheid === 'bedrag') return formatBedrag(teller);
  return metMin((m.eenheid === 'gemiddelde' && heeftTeken(m) ? getalTeken : getal).format(teller));
}

/** How a figure is made, in words: "2 van 24", "14 aanvragen, in de basisperiode 12", "€ 12.000 over 30 cliënten". */
export function onderbouwing(m: Maat, teller: number, noemer: number): string | null {
  const t = formatTeller(teller, m);
  const n = getal.format(noemer);
  switch (m.id) {
    case 'verandering-aanvragen': return `${t} aanvragen, in de basisperiode ${n}`;
    case 'verandering-voorzieningen': return `${t} voorzieningsmaanden, in de basisperiode ${n}`;
    case 'kosten-per-inwoner': return `${t} over ${n} inwoners`;
    case 'kosten-per-client': return `${t} over ${n} ${noemer === 1 ? 'cliënt' : 'cliënten'}`;
    case 'zrm-verandering': return `${t} punten over ${n} gemeten leefgebieden`;
    case 'caseload-per-regisseur': return `${t} open casussen over ${n} ${noemer === 1 ? 'casusregisseur' : 'casusregisseurs'}`;
  }
  switch (m.eenheid) {
    case 'aandeel': return `${t} van ${n}`;
    case 'verandering': return `${t} nu, in de basisperiode ${n}`;
    case 'aantal': return null;
    default: return `${t} over ${n}`;
  }
}

/** The unit in words, for a CSV heading and the overview. */
export function eenheidNaam(e: Eenheid): string {
  return { aandeel: 'procent', aantal: 'aantal', verandering: 'procent verandering', gemiddelde: 'gemiddelde', bedrag: 'euro' }[e];
}

/** The heading of the value column in a CSV: "Waarde (%)", "Verandering (%)", "Bedrag (euro)", … */
export function waardeKop(e: Eenheid): string {
  return { aandeel: 'Waarde (%)', aantal: 'Aantal', verandering: 'Verandering (%)', gemiddelde: 'Gemiddelde', bedrag: 'Bedrag (euro)' }[e];
}

/** Shares and changes are typed and shown in percent; the API keeps fractions. */
export const invoerSchaal = (e: Eenheid): number => (e === 'aandeel' || e === 'verandering' ? 100 : 1);

/** A value on a chart axis, already scaled (percent for shares and changes). */
export function asLabel(v: number, m: Maat): string {
  switch (m.eenheid) {
    case 'aandeel': return `${getal.format(v)}%`;
    case 'verandering': return `${v > 0 ? '+' : v < 0 ? MIN : ''}${getal.format(Math.abs(v))}%`;
    case 'bedrag': return formatBedrag(v);
    case 'gemiddelde': return metMin(gemiddeldKort.format(v));
    default: return metMin(getal.format(v));
  }
}

/** 'YYYY-MM' as "maart 2026". */
export function formatMaand(periode: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(periode);
  return m ? maandFormat.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1))) : periode;
}

/**
 * The part of month `periode` ('YYYY-MM') that lies in the period van–tot, as "1 t/m 14 december",
 * "vanaf 15 maart" or "t/m 1 december"; null when the whole month lies in it. A month cut off by the
 * period (the current month, most often) is not comparable with whole months beside it.
 */
export function deelVanMaand(periode: string, van: string, tot: string): string | null {
  const m = /^(\d{4})-(\d{2})$/.exec(periode);
  if (!m) return null;
  const eerste = `${periode}-01`;
  const laatste = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).toISOString().slice(0, 10);
  const begint = van > eerste ? van : null;
  const eindigt = tot < laatste ? tot : null;
  if (!begint && !eindigt) return null;
  const d = (s: string) => dagMaand.format(new Date(`${s}T12:00:00Z`));
  if (begint && eindigt) return `${Number(begint.slice(8, 10))} t/m ${d(eindigt)}`;
  return begint ? `vanaf ${d(begint)}` : `t/m ${d(eindigt!)}`;
}

/** 'YYYY-MM' as "mrt 26", for the axis of a chart. */
export function formatMaandKort(periode: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(periode);
  return m ? maandKort.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1))) : periode;
}

/** Two dates as a short period: "1 jan – 31 dec 2024", or "1 dec 2024 – 31 jan 2025". */
export function formatPeriodeKort(van: string, tot: string): string {
  const d = (s: string) => new Date(`${s}T12:00:00Z`);
  if (Number.isNaN(d(van).getTime()) || Number.isNaN(d(tot).getTime())) return `${van} – ${tot}`;
  const begin = van.slice(0, 4) === tot.slice(0, 4) ? dagMaand.format(d(van)) : dagMaandJaar.format(d(van));
  return `${begin} – ${dagMaandJaar.format(d(tot))}`;
}

/**
 * A Dutch number the user typed as a number; null when it is not one. Takes "20,5", "20.5", "−15",
 * "+10", "15%", "€ 6.000" and "1.234,5".
 */
export function leesGetal(tekst: string): number | null {
  let t = tekst.trim().replace(/[\s\u00a0€%]/g, '').replace(/[\u2212\u2013]/g, '-');
  if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, '');
  t = t.replace(',', '.');
  if (t === '' || !/^[-+]?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** A number for the input field, with a decimal comma and no floating-point noise. */
export function alsInvoer(n: number): string {
  return String(Math.round(n * 1e6) / 1e6).replace('.', ',').replace(/^-/, MIN);
}

// ---- CSV -----------------------------------------------------------------------------------------

export type CsvCel = string | number | null;

const csvGetal = (n: number): string => String(Math.round(n * 1e6) / 1e6).replace('.', ',');

function csvVeld(c: CsvCel): string {
  if (c === null) return '';
  const s = typeof c === 'number' ? csvGetal(c) : c;
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Semicolon-separated with a decimal comma, as Dutch spreadsheets expect. */
export function naarCsv(kop: string[], rijen: CsvCel[][]): string {
  return [kop, ...rijen].map((r) => r.map(csvVeld).join(';')).join('\r\n') + '\r\n';
}

/** A share or change as a percentage number for the CSV (0.2 → 20), anything else as it is. */
export const csvWaarde = (waarde: number | null, eenheid: Eenheid): number | null =>
  waarde === null ? null : waarde * invoerSchaal(eenheid);

/** Downloads the CSV in the browser (UTF-8 with BOM, so Excel reads the accents), without a server. */
export function downloadCsv(bestandsnaam: string, kop: string[], rijen: CsvCel[][]): void {
  const blob = new Blob(['\uFEFF', naarCsv(kop, rijen)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = bestandsnaam;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
