/**
 * Inwoners: pure rules about persons and households.
 */

/**
 * The elfproef for a burgerservicenummer: nine digits d1..d9 with
 * 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11, and not all zeros.
 */
export function isGeldigBsn(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false;
  if (bsn === '000000000') return false;
  let som = 0;
  for (let i = 0; i < 8; i++) som += Number(bsn[i]) * (9 - i);
  som -= Number(bsn[8]);
  return som % 11 === 0;
}

/** The full name as a letter addresses it: "Jan de Vries". */
export function volledigeNaam(p: { voornaam: string; tussenvoegsel?: string | null; achternaam: string }): string {
  return [p.voornaam, p.tussenvoegsel, p.achternaam].filter((d) => d && d.trim() !== '').join(' ');
}

/** A Dutch postcode: four digits (not starting with 0), two letters (not SA, SD or SS). */
export function normaliseerPostcode(postcode: string): string | null {
  const m = /^\s*([1-9]\d{3})\s?([a-zA-Z]{2})\s*$/.exec(postcode);
  if (!m) return null;
  const letters = m[2]!.toUpperCase();
  if (['SA', 'SD', 'SS'].includes(letters)) return null;
  return `${m[1]} ${letters}`;
}

/** Age in whole years on a given day (both 'YYYY-MM-DD'). */
export function leeftijdOp(geboortedatum: string, peildatum: string): number {
  const [gj, gm, gd] = geboortedatum.split('-').map(Number) as [number, number, number];
  const [pj, pm, pd] = peildatum.split('-').map(Number) as [number, number, number];
  let jaren = pj - gj;
  if (pm < gm || (pm === gm && pd < gd)) jaren--;
  return jaren;
}
