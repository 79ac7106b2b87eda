import { describe, expect, it } from 'vitest';
import { DEMO_CATALOGUS } from '../contexts/catalogus/demo-catalogus.ts';
import { controleerProduct, eersteOverlap, isAgbCode, isKvkNummer } from '../contexts/inkoop/rules.ts';
import {
  CATALOGUS_PRODUCTCODE, DEMO_AANBIEDERS, DEMO_PRODUCTEN, DEMODORP_AANBIEDERS, pgbPerioden, productVanCode, resultaatTabellen, tariefPerioden,
} from './inkoop.ts';

describe('demo-inkoop', () => {
  it('geeft Demodorp 15–30 aanbieders met geldige, unieke AGB-codes en KvK-nummers', () => {
    expect(DEMODORP_AANBIEDERS.length).toBeGreaterThanOrEqual(15);
    expect(DEMODORP_AANBIEDERS.length).toBeLessThanOrEqual(30);
    for (const lijst of Object.values(DEMO_AANBIEDERS)) {
      expect(new Set(lijst.map((a) => a.agbCode)).size).toBe(lijst.length);
      for (const a of lijst) {
        expect(isAgbCode(a.agbCode), a.naam).toBe(true);
        if (a.kvkNummer) expect(isKvkNummer(a.kvkNummer), a.naam).toBe(true);
        // The laws an aanbieder serves are those of its products.
        expect([...new Set(a.producten.map((p) => productVanCode(p.code).wet))].sort(), a.naam).toEqual([...a.wetten].sort());
      }
    }
  });

  it('contracteert elk product, de gewone bij meerdere aanbieders, voor elke wet', () => {
    const aantal = (code: string) => DEMODORP_AANBIEDERS.filter((a) => a.producten.some((p) => p.code === code)).length;
    for (const p of DEMO_PRODUCTEN) {
      expect(aantal(p.productcode), p.productcode).toBeGreaterThanOrEqual(1);
      expect(controleerProduct({ ...p, tariefCents: p.tarief2026, capaciteit: null }), p.productcode).toEqual([]);
    }
    expect(aantal('01A01')).toBeGreaterThanOrEqual(4);
    expect(aantal('02A01')).toBeGreaterThanOrEqual(4);
    expect(aantal('45A01')).toBeGreaterThanOrEqual(3);
    expect(new Set(DEMODORP_AANBIEDERS.flatMap((a) => a.wetten))).toEqual(new Set(['wmo', 'jeugdwet', 'participatiewet', 'schuldhulp', 'minima']));
    // One hoofdaannemer of the result-based Jeugd product with onderaannemers that exist.
    const hoofd = DEMODORP_AANBIEDERS.filter((a) => a.onderaannemers?.length);
    expect(hoofd.map((a) => a.producten.some((p) => p.code === '45R01'))).toEqual([true]);
    for (const s of hoofd[0]!.onderaannemers!) expect(DEMODORP_AANBIEDERS.some((a) => a.sleutel === s)).toBe(true);
  });

  it('wijst elk maatwerkproduct van de democatalogus naar een gecontracteerd product', () => {
    for (const item of DEMO_CATALOGUS.filter((i) => i.trede === 4)) {
      const code = item.productcode ?? CATALOGUS_PRODUCTCODE[item.naam];
      expect(code, item.naam).toBeDefined();
      expect(productVanCode(code!).wet, item.naam).toBe(item.domein);
    }
  });

  it('heeft een tariefgeschiedenis zonder gaten of overlap, 2026 en 2027 uit de tabel, pgb op 75 %', () => {
    for (const p of DEMO_PRODUCTEN) {
      const t = tariefPerioden(p);
      expect(eersteOverlap(t)).toBeNull();
      expect(t[0]!.van).toBe('2015-01-01');
      expect(t.at(-1)).toEqual({ van: '2027-01-01', tot: null, tariefCents: p.tarief2027 });
      expect(t.find((x) => x.van === '2026-01-01')!.tariefCents).toBe(p.tarief2026);
      for (let i = 1; i < t.length; i++) expect(new Date(`${t[i]!.van}T00:00:00Z`).getTime() - new Date(`${t[i - 1]!.tot}T00:00:00Z`).getTime()).toBe(86_400_000);
      expect(pgbPerioden(p).at(-1)!.tariefCents).toBe(Math.round(p.tarief2027 * 0.75));
    }
    const hbh = tariefPerioden(productVanCode('01A01'), 1, '2009-01-01');
    expect(hbh[0]).toMatchObject({ van: '2009-01-01', tot: '2021-12-31' });
  });

  it('heeft de resultaattabellen: Jeugd P1–P4 × drie intensiteiten, Wmo-begeleiding × duur 6 en 12, € 1.900–€ 24.000', () => {
    const t2026 = resultaatTabellen().filter((r) => r.van === '2026-01-01');
    expect(t2026.filter((r) => r.soort === 'jeugdprofiel')).toHaveLength(12);
    expect(t2026.filter((r) => r.soort === 'wmoBegeleiding')).toHaveLength(18);
    expect(Math.min(...t2026.map((r) => r.bedragCents))).toBe(190_000);
    expect(Math.max(...t2026.map((r) => r.bedragCents))).toBe(2_400_000);
    const p4hoog = resultaatTabellen().filter((r) => r.profiel === 'P4' && r.intensiteit === 'hoog').map((r) => r.bedragCents);
    expect(p4hoog).toEqual([Math.round(24000 / 1.035) * 100, 2_400_000, 2_496_000]);
  });
});
