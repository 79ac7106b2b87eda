import { describe, expect, it } from 'vitest';
import { KPIS } from '../sturing/index.ts';
import { FIGUREN, LEEG, aantalSignalen, figurenVan, jaarPeriode, onderdrukt, plafondFout, signaalVan } from './rules.ts';

const def = (id: string) => FIGUREN.find((f) => f.id === id)!;

describe('normen en signalen van het contractmanagement', () => {
  it('besteding tegenover plafond: onder 90% groen, vanaf 90% oranje (de grens telt mee), boven 100% rood', () => {
    const d = def('bestedingTovPlafond');
    expect(signaalVan(0.8999, d)).toBe('groen');
    expect(signaalVan(0.9, d)).toBe('oranje');
    expect(signaalVan(1, d)).toBe('oranje');
    expect(signaalVan(1.0001, d)).toBe('rood');
  });

  it('aandeel afgekeurde prestaties: 5% is nog op norm, daarboven oranje, boven 10% rood', () => {
    const d = def('afkeurAandeel');
    expect(signaalVan(0.05, d)).toBe('groen');
    expect(signaalVan(0.051, d)).toBe('oranje');
    expect(signaalVan(0.1, d)).toBe('oranje');
    expect(signaalVan(0.11, d)).toBe('rood');
  });

  it('goed geholpen en ZRM-verandering gebruiken de norm en marge van de KPI’s in sturing', () => {
    const goed = KPIS.find((k) => k.id === 'aandeel-goed-geholpen')!;
    const zrm = KPIS.find((k) => k.id === 'zrm-verandering')!;
    expect(def('goedGeholpen')).toMatchObject({ norm: goed.norm, marge: goed.marge, richting: 'hogerIsBeter' });
    expect(def('zrmVerandering')).toMatchObject({ norm: zrm.norm, marge: zrm.marge, richting: 'hogerIsBeter' });
    expect(signaalVan(0.8, def('goedGeholpen'))).toBe('groen');
    expect(signaalVan(0.76, def('goedGeholpen'))).toBe('oranje');
    expect(signaalVan(0.5, def('goedGeholpen'))).toBe('rood');
  });

  it('een aantal zonder norm krijgt geen signaal; zonder gegevens ook niet', () => {
    expect(signaalVan(120, def('clienten'))).toBeNull();
    expect(signaalVan(null, def('afkeurAandeel'))).toBeNull();
  });
});

describe('figuren van een aanbieder', () => {
  it('rekent aandelen, gemiddelden en kosten per cliënt uit de sommen, in hele centen', () => {
    const f = figurenVan({
      ...LEEG, clienten: 3, instroom: 2, uitstroom: 2, duurDagenSom: 500, volume: 20, besteedCents: 1_000_001, plafondCents: 1_100_000,
      prestaties: 40, afgekeurd: 3, startDagenSom: 30, startAantal: 2, antwoordDagenSom: 9, antwoordAantal: 3, zrmVerschil: 6, zrmAantal: 8, goedGeholpen: 7, tevredenheidAantal: 10,
    });
    expect(f.gemiddeldeDuur).toEqual({ waarde: 250, norm: null, signaal: null });
    expect(f.bestedingTovPlafond.waarde).toBeCloseTo(0.909092, 6);
    expect(f.bestedingTovPlafond.signaal).toBe('oranje');
    expect(f.kostenPerClient.waarde).toBe(333_334);
    expect(f.afkeurAandeel).toMatchObject({ waarde: 0.075, signaal: 'oranje' });
    expect(f.toewijzingTotStart).toMatchObject({ waarde: 15, signaal: 'oranje' });
    expect(f.verzoekTotAntwoord).toMatchObject({ waarde: 3, signaal: 'groen' });
    expect(f.zrmVerandering).toMatchObject({ waarde: 0.75, signaal: 'groen' });
    expect(f.goedGeholpen).toMatchObject({ waarde: 0.7, signaal: 'rood' });
    expect(f.clienten).toEqual({ waarde: 3, norm: null, signaal: null });
    expect(aantalSignalen(f)).toEqual({ rood: 1, oranje: 3 });
  });

  it('zonder plafond, prestaties of cliënten is er geen waarde en geen signaal (niet 0%)', () => {
    const f = figurenVan({ ...LEEG, besteedCents: 5000 });
    expect(f.bestedingTovPlafond).toEqual({ waarde: null, norm: 0.9, signaal: null });
    expect(f.afkeurAandeel.waarde).toBeNull();
    expect(f.kostenPerClient.waarde).toBeNull();
    expect(figurenVan({ ...LEEG, clienten: 4 }).kostenPerClient).toEqual({ waarde: null, norm: 600_000, signaal: null });
    expect(figurenVan({ ...LEEG, plafondCents: 0, besteedCents: 1 }).bestedingTovPlafond.waarde).toBeNull();
  });
});

describe('jaar, plafond en kleine aantallen', () => {
  it('het lopende jaar telt tot vandaag; een afgelopen jaar tot 31 december', () => {
    expect(jaarPeriode(2026, '2026-12-01')).toEqual({ van: '2026-01-01', tot: '2026-12-31', peildatum: '2026-12-01' });
    expect(jaarPeriode(2025, '2026-12-01').peildatum).toBe('2025-12-31');
  });

  it('een plafond is een heel, niet-negatief aantal centen; null haalt het weg', () => {
    expect(plafondFout(null)).toBeNull();
    expect(plafondFout(250_000_00)).toBeNull();
    expect(plafondFout(-1)).toMatch(/negatief/);
    expect(plafondFout(10.5)).toMatch(/hele centen/);
    expect(plafondFout(200_000_000_000)).toMatch(/onwaarschijnlijk hoog/);
  });

  it('aantallen van 1 tot en met 4 worden onderdrukt, 0 en 5 niet', () => {
    expect([0, 1, 4, 5].map(onderdrukt)).toEqual([false, true, true, false]);
  });

  it('de normen die de gemeente in Sturing stelt, gelden ook hier (kosten per cliënt in centen)', () => {
    const f = figurenVan({ ...LEEG, clienten: 2, besteedCents: 1_000_000 }, { 'kosten-per-client': { norm: 4000, marge: 500 } });
    expect(f.kostenPerClient).toEqual({ waarde: 500_000, norm: 400_000, signaal: 'rood' });
    expect(figurenVan({ ...LEEG, clienten: 2, besteedCents: 880_000 }, { 'kosten-per-client': { norm: 4000, marge: 500 } }).kostenPerClient.signaal).toBe('oranje');
    expect(figurenVan({ ...LEEG, clienten: 2, besteedCents: 1_000_000 }).kostenPerClient.norm).toBe(600_000);
  });
});
