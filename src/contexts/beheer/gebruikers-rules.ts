/**
 * Gebruikersbeheer (issue 14, ADR 38), the pure rules: what a username and a password must look
 * like, which roles go together, and what beheer may not do to its own account. No I/O.
 */
import { AANBIEDER_ROL, isGemeenteRol, type Rol } from '../../platform/auth/roles.ts';

/** Lower case (logging in lower-cases what is typed), letters, digits and . _ -; 2 to 50 characters. */
export const GEBRUIKERSNAAM = /^[a-z0-9][a-z0-9._-]{1,49}$/;
export const GEBRUIKERSNAAM_REDEN = 'Gebruik 2 tot 50 kleine letters, cijfers, punten, streepjes of liggende streepjes, en begin met een letter of cijfer';

/** Long beats complicated (NIST SP 800-63B): a minimum length, no rules about kinds of characters. */
export const WACHTWOORD_MIN = 12;
/** Long enough for any passphrase; argon2 of a megabyte would be a way to keep the server busy. */
export const WACHTWOORD_MAX = 200;

/** A one-time link to set a password is valid this long. */
export const UITNODIGING_DAGEN = 7;

/** Why this password cannot be used, or null when it can. */
export function wachtwoordFout(wachtwoord: string, gebruikersnaam?: string): string | null {
  if (wachtwoord.trim() === '') return 'Vul een wachtwoord in';
  if ([...wachtwoord].length < WACHTWOORD_MIN) return `Het wachtwoord moet minstens ${WACHTWOORD_MIN} tekens lang zijn`;
  if ([...wachtwoord].length > WACHTWOORD_MAX) return `Het wachtwoord mag hoogstens ${WACHTWOORD_MAX} tekens lang zijn`;
  if (gebruikersnaam && wachtwoord.trim().toLowerCase() === gebruikersnaam.toLowerCase()) return 'Het wachtwoord mag niet gelijk zijn aan de gebruikersnaam';
  return null;
}

/** Gemeente staff (medewerker) or provider staff (aanbieder): decided by the roles. */
export type Soort = 'medewerker' | 'aanbieder';
export const soortVan = (rollen: readonly string[]): Soort => (rollen.includes(AANBIEDER_ROL) ? 'aanbieder' : 'medewerker');

export interface Samenstelling {
  rollen: readonly string[];
  teamId: string | null;
  aanbiederId: string | null;
}

export interface VeldFout { veld: 'rollen' | 'teamId' | 'aanbiederId'; reden: string }

/**
 * Whether these roles, team and provider fit together: gemeente staff have one or more gemeente
 * roles, maybe a team, and no provider; provider staff have the role aanbieder only, a provider and
 * no team. (The database checks the same, migration 0030.)
 */
export function controleerSamenstelling(s: Samenstelling): VeldFout[] {
  const fouten: VeldFout[] = [];
  if (s.rollen.length === 0) return [{ veld: 'rollen', reden: 'Kies minstens één rol' }];
  if (new Set(s.rollen).size !== s.rollen.length) fouten.push({ veld: 'rollen', reden: 'Kies elke rol maar één keer' });
  if (s.rollen.includes(AANBIEDER_ROL)) {
    if (s.rollen.length > 1) fouten.push({ veld: 'rollen', reden: 'De rol Medewerker zorgaanbieder gaat niet samen met een rol van de gemeente' });
    if (!s.aanbiederId) fouten.push({ veld: 'aanbiederId', reden: 'Kies de zorgaanbieder waarvoor deze medewerker werkt' });
    if (s.teamId) fouten.push({ veld: 'teamId', reden: 'Een medewerker van een zorgaanbieder hoort niet bij een team van de gemeente' });
  } else {
    const onbekend = s.rollen.filter((r) => !isGemeenteRol(r));
    if (onbekend.length > 0) fouten.push({ veld: 'rollen', reden: `Onbekende rol: ${onbekend.join(', ')}` });
    if (s.aanbiederId) fouten.push({ veld: 'aanbiederId', reden: 'Alleen een medewerker van een zorgaanbieder hoort bij een zorgaanbieder' });
  }
  return fouten;
}

/** Beheer cannot lock itself out: not deactivate its own account, nor take away its own role beheer. */
export function eigenAccountFout(actorId: string | null, gebruikerId: string, wijziging: { actief?: boolean; rollen?: readonly Rol[] | readonly string[] }): string | null {
  if (actorId !== gebruikerId) return null;
  if (wijziging.actief === false) return 'U kunt uw eigen account niet deactiveren. Vraag een andere functioneel beheerder.';
  if (wijziging.rollen && !wijziging.rollen.includes('beheer')) return 'U kunt uw eigen rol Functioneel beheerder niet weghalen. Vraag een andere functioneel beheerder.';
  return null;
}

/** The moment a link made at `nu` stops working. */
export const uitnodigingVerloopt = (nu: Date): Date => new Date(nu.getTime() + UITNODIGING_DAGEN * 24 * 60 * 60_000);
