import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A fixed key for tests only: checkpoints made in one test run verify in the next. */
export const TEST_AUDIT_SLEUTEL = 'eenvoud-test-audit-sleutel-niet-voor-productie-0000';

export const AUDIT_SLEUTEL_BESTAND = 'audit-sleutel';

/**
 * Development and demo without EENVOUD_AUDIT_SLEUTEL: a random key, made once and kept in the data
 * folder with mode 600 — outside the database, so whoever can rewrite the trail there cannot re-sign
 * the checkpoints (on the same machine this protects less than a real secret; production demands one).
 */
export function auditSleutelUitBestand(dataDir: string): string {
  const pad = join(dataDir, AUDIT_SLEUTEL_BESTAND);
  if (existsSync(pad)) {
    const sleutel = readFileSync(pad, 'utf8').trim();
    if (sleutel.length >= 32) return sleutel;
  }
  mkdirSync(dataDir, { recursive: true });
  const sleutel = randomBytes(32).toString('hex');
  writeFileSync(pad, `${sleutel}\n`, { mode: 0o600, flag: 'w' });
  chmodSync(pad, 0o600); // an existing file keeps its mode on write
  return sleutel;
}
