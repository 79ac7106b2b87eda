import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, entryHash, verifyRun, type AuditEntry } from './rules.ts';

const keten = (n: number) => {
  const out: (AuditEntry & { hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const e: AuditEntry = {
      gemeenteId: 'g1', volgnummer: i, moment: `2026-11-0${i}T10:00:00.000Z`, gebruikerId: 'u1', gebruikersnaam: 'regisseur', rol: 'regisseur',
      actie: 'lezen', resourceType: 'melding', resourceId: `m${i}`, persoonId: 'p1', doel: 'melding inzien', vorigeHash: prev,
    };
    const hash = entryHash(e);
    out.push({ ...e, hash });
    prev = hash;
  }
  return out;
};

describe('hashketen van de audittrail', () => {
  it('een ongeschonden keten is geldig', () => {
    expect(verifyRun(keten(5), { hash: GENESIS_HASH, volgnummer: 0 })).toBeNull();
  });

  it('een gewijzigd veld in een regel wordt gevonden', () => {
    const k = keten(5);
    k[2] = { ...k[2]!, doel: 'iets anders' };
    expect(verifyRun(k, { hash: GENESIS_HASH, volgnummer: 0 })).toEqual({ volgnummer: 3, reden: 'hash-onjuist' });
  });

  it('een verwijderde regel wordt gevonden', () => {
    const k = keten(5);
    k.splice(1, 1);
    expect(verifyRun(k, { hash: GENESIS_HASH, volgnummer: 0 })).toEqual({ volgnummer: 2, reden: 'schakel-ontbreekt' });
  });

  it('een opnieuw berekende hash na wijziging breekt de schakel naar de volgende regel', () => {
    const k = keten(5);
    const gewijzigd = { ...k[1]!, gebruikersnaam: 'iemand' };
    k[1] = { ...gewijzigd, hash: entryHash(gewijzigd) };
    expect(verifyRun(k, { hash: GENESIS_HASH, volgnummer: 0 })).toEqual({ volgnummer: 3, reden: 'vorige-hash-onjuist' });
  });

  it('de hash hangt af van elk veld', () => {
    const [e] = keten(1);
    const velden = Object.keys(e!).filter((k) => k !== 'hash') as (keyof AuditEntry)[];
    for (const veld of velden) {
      const ander = { ...e!, [veld]: veld === 'volgnummer' ? 99 : 'x' } as AuditEntry;
      expect(entryHash(ander), veld).not.toBe(e!.hash);
    }
  });
});
