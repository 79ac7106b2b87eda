/**
 * Login throttling without lock-out (issue 11): no account is ever locked. Failed attempts cost time,
 * doubling after a few free ones, counted per account from one address, per account from unknown
 * browsers anywhere, and per address; a browser that logged in to the account before (its device
 * cookie) is counted on its own, so a stranger's failures elsewhere never keep a colleague out.
 * Pure: the store counts, this decides.
 */

/** Failures in this window count; older ones are forgotten. */
export const VENSTER_MINUTEN = 15;
/** The longest wait between two attempts. */
export const MAX_WACHT_SECONDEN = 15 * 60;

/** Free failures before the wait starts, per counter. */
export const VRIJ = {
  /** One account from one address (a person mistyping). */
  naamEnAdres: 5,
  /** One account from unknown browsers anywhere (an attack spread over many addresses). */
  naam: 10,
  /** One address, any account (password spraying; an office behind one address gets room). */
  adres: 30,
  /** One known browser of the account (a stolen device cookie must not give unlimited guesses either). */
  apparaat: 5,
} as const;

export type Teller = keyof typeof VRIJ;

/** Seconds to wait after the last failure, given the failures counted: 0, then 1, 2, 4, … up to 15 minutes. */
export function wachttijd(mislukt: number, vrij: number): number {
  if (mislukt < vrij) return 0;
  return Math.min(2 ** (mislukt - vrij), MAX_WACHT_SECONDEN);
}

export interface Telling { mislukt: number; laatste: Date | null }

/**
 * How many seconds this attempt must still wait (0: go ahead). A known browser of the account
 * answers to its own counter only; any other browser to the three others, the strictest deciding.
 */
export function nogWachten(tellingen: Record<Teller, Telling>, bekendApparaat: boolean, nu: Date): number {
  const tellers: Teller[] = bekendApparaat ? ['apparaat'] : ['naamEnAdres', 'naam', 'adres'];
  let rest = 0;
  for (const t of tellers) {
    const { mislukt, laatste } = tellingen[t];
    const wacht = wachttijd(mislukt, VRIJ[t]);
    if (wacht === 0 || !laatste) continue;
    rest = Math.max(rest, Math.ceil((laatste.getTime() + wacht * 1000 - nu.getTime()) / 1000));
  }
  return Math.max(0, rest);
}
