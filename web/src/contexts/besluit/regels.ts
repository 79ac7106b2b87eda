/**
 * Who may take which step, so the page offers only what the user may do and says why not. The API
 * checks the same (and is the final word): this only avoids a form that can never succeed.
 */
import type { Rol } from '../../platform/session.tsx';
import type { Aanvraag, AanvraagStatus } from './api.ts';

export type StapSoort = 'toets' | 'beoordeling' | 'besluit' | 'verzending';

export const STAP_ROLLEN: Record<StapSoort, readonly Rol[]> = {
  toets: ['beslisser', 'teamleider'],
  beoordeling: ['beslisser'],
  besluit: ['beslisser'],
  verzending: ['beslisser'],
};

export const STAP_STATUS: Record<StapSoort, AanvraagStatus> = {
  toets: 'ingediend', beoordeling: 'getoetst', besluit: 'beoordeeld', verzending: 'besloten',
};

export const STAP_NAAM: Record<StapSoort, string> = {
  toets: 'Toetsen', beoordeling: 'Beoordelen', besluit: 'Besluiten', verzending: 'Verzenden',
};

/** The current step of an aanvraag, or null when it has been sent. */
export function huidigeStap(status: AanvraagStatus): StapSoort | null {
  return (Object.keys(STAP_STATUS) as StapSoort[]).find((s) => STAP_STATUS[s] === status) ?? null;
}

/** The four-eyes rule in plain words: why this person may not take this step, or null. */
export function vierOgenReden(stap: StapSoort, ik: string, a: Aanvraag): string | null {
  if (stap === 'toets' && a.voorbereidDoor?.id === ik) return 'U heeft deze aanvraag voorbereid; een collega toetst haar.';
  if (stap === 'beoordeling' && a.voorbereidDoor?.id === ik) return 'U heeft deze aanvraag voorbereid; een collega beoordeelt haar.';
  if (stap === 'besluit') {
    if (a.beoordeeldDoor?.id === ik) return 'U heeft deze aanvraag beoordeeld; een andere beslisser besluit erover.';
    if (a.voorbereidDoor?.id === ik) return 'U heeft deze aanvraag voorbereid; een beslisser die er niet aan meewerkte besluit erover.';
    if (a.wachtOpTweedeBeslisser && a.eersteBeslisser?.id === ik) {
      return 'U heeft het eerste besluit al genomen. Boven het drempelbedrag beslist een tweede beslisser mee: dat moet een collega zijn.';
    }
  }
  return null;
}

/**
 * Who applied, with the relation in brackets: "Bas Smit (ouder met gezag)". For 'overig' the name as
 * entered says it (often with its own relation, "M. Brinkhorst (dochter)"): no "(een ander)" after it.
 */
export function aanvragerTekst(a: { relatie: string; relatieNaam: string; naam: string | null }): string {
  const naam = a.naam ?? 'onbekend';
  return a.relatie === 'overig' ? naam : `${naam} (${a.relatieNaam})`;
}

/** As the API sorts the aanvragen: lists of open steps on the decision term, lists with sent ones by receipt. */
export const opBeslistermijn = (keuze: string): boolean => keuze !== 'alle' && keuze !== 'verzonden';
