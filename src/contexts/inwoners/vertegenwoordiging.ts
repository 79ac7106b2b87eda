import type { Tx } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { isMinderjarig, volledigeNaam } from './rules.ts';
import { getPersoon, relatiesVan } from './store.ts';

/** Someone who acts legally for a resident: a parent with gezag for a minor, or a curator, mentor or bewindvoerder. */
export interface Vertegenwoordiger {
  persoonId: string;
  naam: string;
  relatie: 'ouder' | 'curator' | 'mentor' | 'bewindvoerder' | 'overig';
  adres: { straat: string | null; huisnummer: string | null; postcode: string | null; plaats: string | null };
}

/**
 * The representatives a decision about this person is addressed to: the adults holding gezag over a
 * minor, or the curator/mentor/bewindvoerder of an adult. Empty for an adult who acts for themself
 * (and for a minor whose gezag is not recorded: the letter then goes to the minor's own address).
 * An external representative (a professional bewindvoerder) has no person record: `persoonId` is
 * then the id of the relation.
 */
export async function wettelijkVertegenwoordigers(tx: Tx, persoonId: string, peildatum: string = vandaag()): Promise<Vertegenwoordiger[]> {
  const p = await getPersoon(tx, persoonId);
  if (!p) return [];
  const minderjarig = isMinderjarig(p.geboortedatum, peildatum);
  const relaties = (await relatiesVan(tx, [persoonId])).filter((r) => r.anderId === persoonId && (minderjarig
    ? r.soort === 'ouder' && r.gezag
    : r.soort === 'curator' || r.soort === 'mentor' || r.soort === 'bewindvoerder'));
  const uit: Vertegenwoordiger[] = [];
  for (const r of relaties) {
    const relatie = r.soort === 'partner' ? 'overig' : r.soort;
    if (r.persoonId) {
      const v = await getPersoon(tx, r.persoonId);
      if (!v) continue;
      uit.push({ persoonId: v.id, naam: volledigeNaam(v), relatie, adres: { straat: v.straat, huisnummer: v.huisnummer, postcode: v.postcode, plaats: v.woonplaats } });
    } else if (r.extern) {
      uit.push({ persoonId: r.id, naam: r.extern.naam, relatie, adres: { straat: r.extern.straat, huisnummer: r.extern.huisnummer, postcode: r.extern.postcode, plaats: r.extern.plaats } });
    }
  }
  return uit;
}
