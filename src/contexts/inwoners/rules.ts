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

/** Meerderjarig at 18 (BW 1:233); age counted on the given day. */
export function isMinderjarig(geboortedatum: string, peildatum: string): boolean {
  return leeftijdOp(geboortedatum, peildatum) < 18;
}

export const LID_RELATIES = ['partner', 'ouder', 'kind', 'overig'] as const;
export type LidRelatie = (typeof LID_RELATIES)[number];
export const VERTEGENWOORDIGER_SOORTEN = ['curator', 'mentor', 'bewindvoerder'] as const;
export type VertegenwoordigerSoort = (typeof VERTEGENWOORDIGER_SOORTEN)[number];
/** As stored: one direction only ("A is ouder van B"); kind is the same row read the other way. */
export type RelatieSoort = 'partner' | 'ouder' | 'overig' | VertegenwoordigerSoort;

export interface RelatieFout { veld: string; code: string; reden: string }

/**
 * Whether a new member can stand in this relation to the reference person. `relatie` says what the
 * NEW member is to the reference person ("kind" = the new member is the child of the reference).
 * Gezag belongs to a parent over a minor child, so it is allowed only for ouder/kind with the child
 * under 18 and the parent an adult.
 */
export function controleerLidRelatie(
  inv: { relatie: LidRelatie; gezag: boolean; geboortedatum: string },
  referentie: { geboortedatum: string },
  peildatum: string,
): RelatieFout | null {
  const nieuw = inv.geboortedatum;
  const ref = referentie.geboortedatum;
  if (inv.relatie === 'ouder' && nieuw >= ref) {
    return { veld: 'geboortedatum', code: 'ouder-te-jong', reden: 'Een ouder is ouder dan het kind: controleer de geboortedatum of de relatie' };
  }
  if (inv.relatie === 'kind' && nieuw <= ref) {
    return { veld: 'geboortedatum', code: 'kind-te-oud', reden: 'Een kind is jonger dan de ouder: controleer de geboortedatum of de relatie' };
  }
  if (inv.relatie === 'partner' && (leeftijdOp(nieuw, peildatum) < 16 || leeftijdOp(ref, peildatum) < 16)) {
    return { veld: 'relatie', code: 'partner-te-jong', reden: 'Partners zijn allebei minstens 16 jaar' };
  }
  if (!inv.gezag) return null;
  if (inv.relatie !== 'ouder' && inv.relatie !== 'kind') {
    return { veld: 'gezag', code: 'gezag-alleen-ouder', reden: 'Gezag hoort alleen bij een ouder van een minderjarig kind' };
  }
  const [ouder, kind] = inv.relatie === 'ouder' ? [nieuw, ref] : [ref, nieuw];
  if (!isMinderjarig(kind, peildatum)) {
    return { veld: 'gezag', code: 'gezag-meerderjarig-kind', reden: 'Over een kind van 18 jaar of ouder heeft niemand gezag' };
  }
  if (isMinderjarig(ouder, peildatum)) {
    return { veld: 'gezag', code: 'gezag-minderjarige-ouder', reden: 'Een minderjarige ouder heeft geen gezag (BW 1:246)' };
  }
  return null;
}

/** A curator, mentor or bewindvoerder is appointed for an adult (BW 1:378, 1:431, 1:450). */
export function controleerVertegenwoordiging(soort: VertegenwoordigerSoort, vertegenwoordigde: { geboortedatum: string }, peildatum: string): RelatieFout | null {
  if (isMinderjarig(vertegenwoordigde.geboortedatum, peildatum)) {
    return { veld: 'soort', code: 'vertegenwoordiging-minderjarige', reden: `Een ${soort} wordt benoemd voor een meerderjarige; voor een minderjarige handelen de ouders met gezag` };
  }
  return null;
}

/** The stored direction of a member relation: who is the `soort` of whom. */
export function opgeslagenRichting(relatie: LidRelatie, nieuwId: string, referentieId: string): { persoonId: string; anderId: string; soort: RelatieSoort } {
  if (relatie === 'kind') return { persoonId: referentieId, anderId: nieuwId, soort: 'ouder' };
  return { persoonId: nieuwId, anderId: referentieId, soort: relatie };
}

// Who may see a household is the one access rule of privacy (ADR 25): src/contexts/privacy/rules.ts.
