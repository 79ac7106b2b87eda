import { createHash } from 'node:crypto';

/** One entry of the audit trail, as it is hashed. */
export interface AuditEntry {
  gemeenteId: string;
  volgnummer: number;
  moment: string; // ISO 8601 with milliseconds, UTC
  gebruikerId: string | null;
  gebruikersnaam: string;
  rol: string;
  actie: 'lezen' | 'aanmaken' | 'wijzigen' | 'verwijderen';
  resourceType: string;
  resourceId: string;
  persoonId: string | null;
  doel: string;
  vorigeHash: string;
}

/** The hash of the first entry's predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

/** Canonical form: a JSON array in fixed field order, so the hash does not depend on key order. */
export function entryHash(e: AuditEntry): string {
  const canonical = JSON.stringify([
    e.gemeenteId, e.volgnummer, e.moment, e.gebruikerId, e.gebruikersnaam, e.rol, e.actie,
    e.resourceType, e.resourceId, e.persoonId, e.doel, e.vorigeHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export interface ChainBreak {
  volgnummer: number;
  reden: 'hash-onjuist' | 'schakel-ontbreekt' | 'vorige-hash-onjuist';
}

/**
 * Checks a consecutive run of entries. `previous` is the hash and number before the first one
 * (GENESIS_HASH and 0 at the start of the chain). Returns the first break, or null.
 */
export function verifyRun(
  entries: readonly (AuditEntry & { hash: string })[],
  previous: { hash: string; volgnummer: number },
): ChainBreak | null {
  let prev = previous;
  for (const e of entries) {
    if (e.volgnummer !== prev.volgnummer + 1) return { volgnummer: prev.volgnummer + 1, reden: 'schakel-ontbreekt' };
    if (e.vorigeHash !== prev.hash) return { volgnummer: e.volgnummer, reden: 'vorige-hash-onjuist' };
    if (entryHash(e) !== e.hash) return { volgnummer: e.volgnummer, reden: 'hash-onjuist' };
    prev = { hash: e.hash, volgnummer: e.volgnummer };
  }
  return null;
}
