import type { Tx } from '../../platform/tenancy/tx.ts';

/** Someone who acts legally for a resident: a parent with gezag for a minor, or a curator, mentor or bewindvoerder. */
export interface Vertegenwoordiger {
  persoonId: string;
  naam: string;
  relatie: 'ouder' | 'curator' | 'mentor' | 'bewindvoerder' | 'overig';
  adres: { straat: string | null; huisnummer: string | null; postcode: string | null; plaats: string | null };
}

/**
 * The representatives a decision about this person is addressed to: the adults holding gezag over a
 * minor, or the curator/mentor/bewindvoerder of an adult. Empty for an adult who acts for themself.
 * (First version: the relation tables follow in migration 0009; until then nobody is represented.)
 */
export async function wettelijkVertegenwoordigers(_tx: Tx, _persoonId: string): Promise<Vertegenwoordiger[]> {
  return [];
}
