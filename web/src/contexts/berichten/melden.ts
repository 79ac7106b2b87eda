/**
 * The portal's start and stop forms: which first day to propose, and what is plainly wrong with a
 * stop before the provider is asked to confirm it. The API checks everything again (it writes and
 * checks the 305/307 as an upload); these checks only keep a confirmation from promising what the
 * API will then refuse.
 */
import { formatDatum } from '../../platform/format.ts';

/**
 * The first day proposed for a start: today, unless the toewijzing begins later — today would then be
 * refused as before its ingangsdatum, and the provider would have to find the right date from the error.
 */
export function eersteDagVoorstel(ingangsdatum: string, vandaag: string): string {
  return ingangsdatum > vandaag ? ingangsdatum : vandaag;
}

export interface StopFout { veld: 'datum' | 'reden'; tekst: string }

/** What keeps a stop from going through, in the API's words, so the confirmation is only asked for a stop that can. */
export function stopFouten(stop: { datum: string; reden: string }, gestartOp: string | null, vandaag: string): StopFout[] {
  const fouten: StopFout[] = [];
  if (!stop.datum) fouten.push({ veld: 'datum', tekst: 'Vul de laatste dag van de zorg in.' });
  else if (stop.datum > vandaag) fouten.push({ veld: 'datum', tekst: 'Een stop meldt u op of na de laatste dag zelf, niet vooruit.' });
  else if (gestartOp && stop.datum < gestartOp) fouten.push({ veld: 'datum', tekst: `De laatste dag ligt vóór de gemelde start (${formatDatum(gestartOp)}).` });
  if (!stop.reden) fouten.push({ veld: 'reden', tekst: 'Kies een reden van beëindiging uit de lijst.' });
  return fouten;
}

/** Reason 20 pauses the care: the voorziening keeps running and a new start may follow (TR326); every other reason ends it. */
export const isTijdelijkeStop = (reden: string): boolean => reden === '20';
