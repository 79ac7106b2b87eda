/**
 * Money in the inkoper's pages: the API speaks integer cents, people read and type euros. Typed
 * amounts are parsed with string maths, so "36,45" is exactly 3645 cents (no 36.45 × 100 = 3644.9999…).
 */

const euroFormat = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/** Cents as the API gives them (a number, or a string for a bigint column) as "€ 36,45". */
export function formatEuro(cents: number | string): string {
  const n = typeof cents === 'string' ? Number(cents) : cents;
  if (!Number.isFinite(n)) return String(cents);
  // Dividing an integer by 100 and formatting with 2 decimals is exact for every safe integer amount.
  return euroFormat.format(n / 100).replace(/\u00a0/g, ' ');
}

/** Cents as the text of an amount field: 3645 → "36,45", 100 → "1,00". */
export function euroInvoer(cents: number | string | null | undefined): string {
  if (cents === null || cents === undefined || cents === '') return '';
  const s = String(cents);
  if (!/^-?\d+$/.test(s)) return s;
  const negatief = s.startsWith('-');
  const cijfers = (negatief ? s.slice(1) : s).padStart(3, '0');
  return `${negatief ? '-' : ''}${cijfers.slice(0, -2).replace(/^0+(?=\d)/, '')},${cijfers.slice(-2)}`;
}

/**
 * A typed euro amount as whole cents, or null when it is no amount: "36,45", "€ 36,45", "1.234,5",
 * "1234", "36.45" (a point with one or two decimals reads as a decimal point) → 3645, 123450, 123400, 3645.
 * Negative amounts and more than two decimals are refused: a tariff is never below zero or below a cent.
 */
export function centenUitEuro(tekst: string): number | null {
  let s = tekst.replace(/[€\s\u00a0]/g, '');
  if (s === '') return null;
  if (s.includes(',')) {
    // Dutch: points group thousands, the comma is the decimal sign.
    if (!/^\d{1,3}(\.\d{3})*,\d{0,2}$|^\d+,\d{0,2}$/.test(s)) return null;
    s = s.replace(/\./g, '');
  } else if (/^\d{1,3}(\.\d{3})+$/.test(s)) {
    s = s.replace(/\./g, '');
  } else if (/^\d+\.\d{1,2}$/.test(s)) {
    s = s.replace('.', ',');
  }
  const m = /^(\d+)(?:,(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  const cents = `${m[1]}${(m[2] ?? '').padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  const n = Number(cents);
  return Number.isSafeInteger(n) ? n : null;
}
