import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, beoordeelCheckpoints, checkpointHandtekening, entryHash, verifyRun, type AuditEntry, type Checkpoint } from './rules.ts';

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

const SLEUTEL = 'test-sleutel-voor-de-checkpoints-van-de-audittrail';

/** Signed checkpoints over a chain of `n` entries at the given counts. */
const checkpoints = (k: ReturnType<typeof keten>, tellingen: number[], sleutel = SLEUTEL) => {
  const out: (Checkpoint & { handtekening: string })[] = [];
  let vorige = GENESIS_HASH;
  tellingen.forEach((aantal, i) => {
    const c: Checkpoint = { gemeenteId: 'g1', volgnummer: i + 1, aantal, kophash: k[aantal - 1]!.hash, moment: `2026-11-30T1${i}:00:00.000Z`, vorigeHandtekening: vorige };
    const handtekening = checkpointHandtekening(sleutel, c);
    out.push({ ...c, handtekening });
    vorige = handtekening;
  });
  return out;
};
const samenvatting = (k: ReturnType<typeof keten>, genoemd: number[] = []) => ({
  lengte: k.length, hashOp: (n: number) => k[n - 1]?.hash, genoemdeCheckpoints: genoemd,
});

describe('ondertekende checkpoints van de audittrail', () => {
  it('een keten die klopt met elk checkpoint geeft geen bevindingen', () => {
    const k = keten(6);
    expect(beoordeelCheckpoints(SLEUTEL, checkpoints(k, [2, 4, 6]), samenvatting(k, [1, 2, 3]))).toEqual([]);
  });

  it('de handtekening hangt af van de sleutel en van elk veld, ook van de vorige handtekening', () => {
    const c: Checkpoint = { gemeenteId: 'g1', volgnummer: 1, aantal: 3, kophash: 'a'.repeat(64), moment: '2026-11-30T10:00:00.000Z', vorigeHandtekening: GENESIS_HASH };
    const h = checkpointHandtekening(SLEUTEL, c);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(checkpointHandtekening('een andere sleutel', c)).not.toBe(h);
    for (const veld of Object.keys(c) as (keyof Checkpoint)[]) {
      const ander = { ...c, [veld]: typeof c[veld] === 'number' ? 99 : 'x' } as Checkpoint;
      expect(checkpointHandtekening(SLEUTEL, ander), veld).not.toBe(h);
    }
  });

  it('afgekapt: de keten is korter dan een checkpoint ondertekende', () => {
    const k = keten(6);
    const cps = checkpoints(k, [2, 5]);
    const korter = k.slice(0, 3);
    expect(beoordeelCheckpoints(SLEUTEL, cps, samenvatting(korter))).toEqual([
      { soort: 'afgekapt', checkpoint: 2, volgnummer: 3, toelichting: 'De keten telt 3 regels, maar checkpoint 2 ondertekende er 5: 2 of meer regels zijn verwijderd.' },
    ]);
  });

  it('herschreven: een keten die in zichzelf klopt, maar bij een checkpoint een andere hash heeft', () => {
    const k = keten(6);
    const cps = checkpoints(k, [3, 6]);
    const herschreven = keten(6);
    herschreven[2] = { ...herschreven[2]!, hash: 'f'.repeat(64) };
    expect(beoordeelCheckpoints(SLEUTEL, cps, samenvatting(herschreven))).toEqual([
      { soort: 'herschreven', checkpoint: 1, volgnummer: 3, toelichting: 'Regel 3 heeft niet de hash die checkpoint 1 ondertekende: regels tot en met 3 zijn herschreven.' },
    ]);
  });

  it('een vervalst checkpoint (andere sleutel of gewijzigd aantal) telt niet mee en wordt gemeld', () => {
    const k = keten(4);
    const cps = checkpoints(k, [2, 4]);
    cps[1] = { ...cps[1]!, aantal: 3 };
    expect(beoordeelCheckpoints(SLEUTEL, cps, samenvatting(k))).toEqual([
      { soort: 'checkpoint-ongeldig', checkpoint: 2, volgnummer: null, toelichting: 'De handtekening van checkpoint 2 klopt niet: het is vervalst of gewijzigd.' },
    ]);
    const vreemd = checkpoints(k, [2], 'sleutel van iemand anders');
    expect(beoordeelCheckpoints(SLEUTEL, vreemd, samenvatting(k)).map((b) => b.soort)).toEqual(['checkpoint-ongeldig']);
  });

  it('een verwijderd checkpoint: een gat in de nummering, of het laatste dat de keten zelf noemt', () => {
    const k = keten(6);
    const cps = checkpoints(k, [2, 4, 6]);
    expect(beoordeelCheckpoints(SLEUTEL, [cps[0]!, cps[2]!], samenvatting(k, [1, 2, 3]))).toEqual([
      { soort: 'checkpoint-ongeldig', checkpoint: 2, volgnummer: null, toelichting: 'Checkpoint 2 ontbreekt.' },
    ]);
    expect(beoordeelCheckpoints(SLEUTEL, [cps[2]!], samenvatting(k)).map((b) => b.toelichting)).toEqual(['De checkpoints 1 tot en met 2 ontbreken.']);
    expect(beoordeelCheckpoints(SLEUTEL, cps.slice(0, 2), samenvatting(k, [1, 2, 3]))).toEqual([
      { soort: 'checkpoint-ongeldig', checkpoint: 3, volgnummer: null, toelichting: 'Checkpoint 3 staat in de audittrail, maar ontbreekt bij de checkpoints: het is verwijderd.' },
    ]);
  });

  it('een checkpoint dat niet op het vorige aansluit (opnieuw ondertekend met een gestolen sleutel, de keten van checkpoints herschreven)', () => {
    const k = keten(4);
    const cps = checkpoints(k, [2, 4]);
    const los: Checkpoint = { ...cps[1]!, vorigeHandtekening: GENESIS_HASH };
    const losGetekend = { ...los, handtekening: checkpointHandtekening(SLEUTEL, los) };
    expect(beoordeelCheckpoints(SLEUTEL, [cps[0]!, losGetekend], samenvatting(k))).toEqual([
      { soort: 'checkpoint-ongeldig', checkpoint: 2, volgnummer: null, toelichting: 'Checkpoint 2 sluit niet aan op het checkpoint ervoor.' },
    ]);
  });
});
