/**
 * Money in the web app: the API speaks integer cents (ADR 34), people read and type euros. A typed
 * amount is converted with string maths, so "36,45" is exactly 3645 cents (never 36.45 × 100 = 3644.999…).
 */

/** Cents as the API gives them (a number, or a string for a bigint column) as "€ 1.250,00" (thousands with a point, always two decimals). Exact for every safe integer. */
export function formatEuro(centsOfTekst: number | string): string {
  const cents = typeof centsOfTekst === 'string' && /^-?\d+$/.test(centsOfTekst) ? Number(centsOfTekst) : centsOfTekst;
  if (typeof cents !== 'number' || !Number.isSafeInteger(cents)) return String(cents);
  const negatief = cents < 0;
  const s = String(Math.abs(cents)).padStart(3, '0');
  const euros = s.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  // The minus sign (U+2212), as the KPIs write it: a hyphen reads as a dash, and screen readers say "min".
  return `${negatief ? '\u2212' : ''}€ ${euros},${s.slice(-2)}`;
}

/** Cents as the text in an amount field: 150000 → "1500,00", 5 → "0,05"; empty for nothing. */
export function euroInvoer(centsOfTekst: number | string | null | undefined): string {
  const cents = typeof centsOfTekst === 'string' && /^\d+$/.test(centsOfTekst) ? Number(centsOfTekst) : centsOfTekst;
  if (typeof cents !== 'number' || !Number.isSafeInteger(cents) || cents < 0) return '';
  const s = String(cents).padStart(3, '0');
  return `${s.slice(0, -2)},${s.slice(-2)}`;
}

/**
 * A typed euro amount as whole cents, or null when it is no amount (or negative, or finer than a cent):
 * "250", "250,5", "€ 250,00", "1.250,00", "1250.50" (a point with one or two decimals is a decimal
 * point), "1.250" (a point before three digits groups thousands) → 25000, 25050, 25000, 125000, 125050, 125000.
 */
export function centenUitEuro(tekst: string): number | null {
  let s = tekst.replace(/[€\s\u00a0]/g, '');
  if (s === '') return null;
  if (s.includes(',')) {
    // Dutch: points group thousands, the comma is the decimal sign.
    if (!/^(\d{1,3}(\.\d{3})+|\d+),\d{0,2}$/.test(s)) return null;
    s = s.replace(/\./g, '');
  } else if (/^\d{1,3}(\.\d{3})+$/.test(s)) {
    s = s.replace(/\./g, '');
  } else if (/^\d+\.\d{1,2}$/.test(s)) {
    s = s.replace('.', ',');
  }
  const m = /^(\d+)(?:,(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  const n = Number(`${m[1]}${(m[2] ?? '').padEnd(2, '0')}`);
  return Number.isSafeInteger(n) ? n : null;
}
