/**
 * Break-glass (doorbraak): someone outside the need-to-know circle opens a household's file with
 * a recorded reason, until the end of that day (Europe/Amsterdam); the privacy officer reviews
 * every such access once. Pure: what a reason and a review must be. ADR 22 describes the whole.
 */

/** The staff roles that handle files and may break the glass (the same that read a casus or its household). */
export const DOORBRAAK_ROLLEN = ['regisseur', 'teamleider', 'beslisser', 'frontoffice'] as const;

export const REDEN_MIN = 10;
export const REDEN_MAX = 1000;
export const TOELICHTING_MAX = 2000;

export const OORDELEN = ['terecht', 'onterecht'] as const;
export type Oordeel = (typeof OORDELEN)[number];
export const oordeelNaam: Record<Oordeel, string> = { terecht: 'Terecht', onterecht: 'Onterecht' };

export const DOORBRAAK_STATUSSEN = ['open', 'beoordeeld', 'alle'] as const;
export type DoorbraakStatus = (typeof DOORBRAAK_STATUSSEN)[number];

// Control characters other than tab and line breaks; NUL among them (PostgreSQL refuses it in text).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const STUURTEKENS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Why this reason cannot be recorded, or null when it can. A reason is read later by the privacy
 * officer: it must say something (enough characters, and words rather than only digits or dots).
 * The caller passes the reason already trimmed.
 */
export function redenFout(reden: string): string | null {
  if (STUURTEKENS.test(reden)) return 'De reden bevat een teken dat niet in tekst hoort (zoals een nul-byte); typ haar opnieuw';
  if (reden.length < REDEN_MIN) return `Geef een reden van minstens ${REDEN_MIN} tekens: waarom heeft u dit dossier nu nodig?`;
  if (reden.length > REDEN_MAX) return `De reden mag hoogstens ${REDEN_MAX} tekens zijn`;
  const letters = reden.match(/\p{L}/gu)?.length ?? 0;
  if (letters < REDEN_MIN / 2) return 'Beschrijf de reden in woorden: waarom heeft u dit dossier nu nodig?';
  return null;
}

/** Why this review cannot be recorded, or null. Calling an access unjustified needs an explanation. */
export function beoordelingFout(oordeel: Oordeel, toelichting: string | undefined): string | null {
  if (toelichting !== undefined && STUURTEKENS.test(toelichting)) return 'De toelichting bevat een teken dat niet in tekst hoort (zoals een nul-byte)';
  if (toelichting !== undefined && toelichting.length > TOELICHTING_MAX) return `De toelichting mag hoogstens ${TOELICHTING_MAX} tekens zijn`;
  if (oordeel === 'onterecht' && !toelichting) return 'Licht toe waarom deze toegang onterecht was';
  return null;
}

/**
 * The file someone asks for by an exact number, as a caller on the phone gives it: a casus number
 * (C-2026-000012, also c-2026-12 or with spaces) or a BSN of nine digits (spaces and dots allowed).
 * Exact only, never a name: break-glass is not a way to search. Null when it is neither.
 */
export function leesDossierNummer(tekst: string): { soort: 'casus'; nummer: string } | { soort: 'bsn'; bsn: string } | null {
  const t = tekst.trim();
  const casus = /^c[-\s]?(\d{4})[-\s]?(\d{1,6})$/i.exec(t);
  if (casus) return { soort: 'casus', nummer: `C-${casus[1]}-${casus[2]!.padStart(6, '0')}` };
  const bsn = t.replace(/[\s.]/g, '');
  if (/^\d{9}$/.test(bsn)) return { soort: 'bsn', bsn };
  return null;
}

/** Whether a grant still opens the file at `nu`: strictly before its end. */
export const isActief = (geldigTot: Date, nu: Date): boolean => nu.getTime() < geldigTot.getTime();
