import { createHash, createHmac } from 'node:crypto';

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

/** The resource type of the entry that records a checkpoint in the chain itself (see verification). */
export const CHECKPOINT_RESOURCE = 'audit-checkpoint';

/** A signed checkpoint: the chain's length and head hash for one gemeente, at one moment. */
export interface Checkpoint {
  gemeenteId: string;
  volgnummer: number;
  aantal: number;
  kophash: string;
  moment: string; // ISO 8601 with milliseconds, UTC
  vorigeHandtekening: string;
}

/** HMAC-SHA256 over the canonical form, with the previous signature in it: checkpoints form a chain too. */
export function checkpointHandtekening(sleutel: string, c: Checkpoint): string {
  const canonical = JSON.stringify([c.gemeenteId, c.volgnummer, c.aantal, c.kophash, c.moment, c.vorigeHandtekening]);
  return createHmac('sha256', sleutel).update(canonical).digest('hex');
}

export type BevindingSoort = 'afgekapt' | 'herschreven' | 'checkpoint-ongeldig' | 'keten-verbroken' | 'buiten-keten';

export interface Bevinding {
  soort: BevindingSoort;
  /** The checkpoint concerned, if any. */
  checkpoint: number | null;
  /** The chain entry concerned, if any. */
  volgnummer: number | null;
  toelichting: string;
}

/** What the walk over the chain found, as far as the checkpoints need it. */
export interface KetenSamenvatting {
  /** The highest volgnummer in the chain (0 when empty). */
  lengte: number;
  /** The stored hash of the entry with this volgnummer (asked only for checkpoint counts). */
  hashOp: (volgnummer: number) => string | undefined;
  /** Checkpoint numbers the chain itself records (entries of type CHECKPOINT_RESOURCE). */
  genoemdeCheckpoints: readonly number[];
}

/**
 * Compares the signed checkpoints with the chain. A checkpoint whose signature fails, that does not
 * follow its predecessor, or that the chain records but the table lacks is `checkpoint-ongeldig`;
 * a valid checkpoint beyond the chain's end means `afgekapt`; a valid checkpoint whose head hash
 * differs from the entry at its count means `herschreven` (even when the chain is consistent in itself).
 * `checkpoints` in order of volgnummer.
 */
export function beoordeelCheckpoints(
  sleutel: string,
  checkpoints: readonly (Checkpoint & { handtekening: string })[],
  keten: KetenSamenvatting,
): Bevinding[] {
  const uit: Bevinding[] = [];
  let vorige = GENESIS_HASH;
  let verwacht = 1;
  let afgekapt: (Checkpoint & { handtekening: string }) | undefined;
  let herschreven: (Checkpoint & { handtekening: string }) | undefined;
  for (const c of checkpoints) {
    const gat = c.volgnummer !== verwacht;
    if (gat) {
      const tot = c.volgnummer - 1;
      uit.push({
        soort: 'checkpoint-ongeldig', checkpoint: verwacht, volgnummer: null,
        toelichting: tot > verwacht ? `De checkpoints ${verwacht} tot en met ${tot} ontbreken.` : `Checkpoint ${verwacht} ontbreekt.`,
      });
    }
    if (checkpointHandtekening(sleutel, c) !== c.handtekening) {
      uit.push({ soort: 'checkpoint-ongeldig', checkpoint: c.volgnummer, volgnummer: null, toelichting: `De handtekening van checkpoint ${c.volgnummer} klopt niet: het is vervalst of gewijzigd.` });
    } else {
      if (!gat && c.vorigeHandtekening !== vorige) {
        uit.push({ soort: 'checkpoint-ongeldig', checkpoint: c.volgnummer, volgnummer: null, toelichting: `Checkpoint ${c.volgnummer} sluit niet aan op het checkpoint ervoor.` });
      }
      if (keten.lengte < c.aantal) afgekapt = c;
      else if (!herschreven && keten.hashOp(c.aantal) !== c.kophash) herschreven = c;
    }
    vorige = c.handtekening;
    verwacht = c.volgnummer + 1;
  }
  const aanwezig = new Set(checkpoints.map((c) => c.volgnummer));
  for (const n of [...new Set(keten.genoemdeCheckpoints)].sort((a, b) => a - b)) {
    if (n >= verwacht && !aanwezig.has(n)) {
      uit.push({ soort: 'checkpoint-ongeldig', checkpoint: n, volgnummer: null, toelichting: `Checkpoint ${n} staat in de audittrail, maar ontbreekt bij de checkpoints: het is verwijderd.` });
    }
  }
  if (herschreven) {
    uit.push({
      soort: 'herschreven', checkpoint: herschreven.volgnummer, volgnummer: herschreven.aantal,
      toelichting: `Regel ${herschreven.aantal} heeft niet de hash die checkpoint ${herschreven.volgnummer} ondertekende: regels tot en met ${herschreven.aantal} zijn herschreven.`,
    });
  }
  if (afgekapt) {
    uit.push({
      soort: 'afgekapt', checkpoint: afgekapt.volgnummer, volgnummer: keten.lengte,
      toelichting: `De keten telt ${keten.lengte} regels, maar checkpoint ${afgekapt.volgnummer} ondertekende er ${afgekapt.aantal}: ${afgekapt.aantal - keten.lengte} of meer regels zijn verwijderd.`,
    });
  }
  return uit;
}
