/** How the sturing figures read in Dutch, and the CSV export of a table. */
import type { Eenheid, KpiDefinitie, Signaal } from './api.ts';

const procent1 = new Intl.NumberFormat('nl-NL', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const procentKort = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });
const getal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const maandFormat = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const maandKort = new Intl.DateTimeFormat('nl-NL', { month: 'short', year: '2-digit', timeZone: 'UTC' });

/** A figure as a reader expects it: "20,0%" for a share, "12" for a number, "—" without data. */
export function formatWaarde(waarde: number | null, eenheid: Eenheid): string {
  if (waarde === null) return '—';
  return eenheid === 'aandeel' ? procent1.format(waarde) : getal.format(waarde);
}

/** A norm without needless decimals: "20%", "95%", "0". */
export function formatNormWaarde(norm: number, eenheid: Eenheid): string {
  return eenheid === 'aandeel' ? procentKort.format(norm) : getal.format(norm);
}

/** "Norm: ten hoogste 20%" / "Norm: ten minste 80%" / "Geen norm". */
export function normTekst(kpi: Pick<KpiDefinitie, 'norm' | 'richting' | 'eenheid'>): string {
  if (kpi.norm === null) return 'Geen norm';
  return `Norm: ${kpi.richting === 'lagerIsBeter' ? 'ten hoogste' : 'ten minste'} ${formatNormWaarde(kpi.norm, kpi.eenheid)}`;
}

export const SIGNAAL_TEKST: Record<Signaal, string> = { groen: 'Op norm', oranje: 'Let op', rood: 'Niet op norm' };
export const SIGNAAL_BADGE: Record<Signaal, string> = { groen: 'safe', oranje: 'warning', rood: 'danger' };

export function signaalTekst(signaal: Signaal | null, heeftWaarde: boolean, heeftNorm: boolean): string {
  if (signaal) return SIGNAAL_TEKST[signaal];
  if (!heeftWaarde) return 'Geen gegevens';
  return heeftNorm ? 'Geen gegevens' : 'Geen norm';
}

/** 'YYYY-MM' as "maart 2026". */
export function formatMaand(periode: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(periode);
  return m ? maandFormat.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1))) : periode;
}

/** 'YYYY-MM' as "mrt 26", for the axis of a chart. */
export function formatMaandKort(periode: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(periode);
  return m ? maandKort.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1))) : periode;
}

/** A Dutch number the user typed ("20,5" or "20.5") as a number; null when it is not one. */
export function leesGetal(tekst: string): number | null {
  const t = tekst.trim().replace(/\s/g, '').replace(',', '.');
  if (t === '' || !/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** A number for the input field, with a decimal comma and no floating-point noise. */
export function alsInvoer(n: number): string {
  return String(Math.round(n * 1e6) / 1e6).replace('.', ',');
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

/** A share as a percentage number for the CSV (0.2 → 20), a number as it is. */
export const csvWaarde = (waarde: number | null, eenheid: Eenheid): number | null =>
  waarde === null ? null : eenheid === 'aandeel' ? waarde * 100 : waarde;

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
