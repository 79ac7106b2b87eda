import { describe, expect, test } from 'vitest';
import type { ResultaatTarief } from './api.ts';
import { SOORTEN, assen, kolomNaam, versies } from './resultaattabel.ts';

const jeugd = SOORTEN.find((s) => s.soort === 'jeugdprofiel')!;
const wmo = SOORTEN.find((s) => s.soort === 'wmoBegeleiding')!;

const cel = (r: Partial<ResultaatTarief>): ResultaatTarief => ({
  wet: 'jeugdwet', productcode: '45R01', soort: 'jeugdprofiel', profiel: 'P1', intensiteit: 'laag', duurMaanden: null, bedragCents: 280000,
  van: '2026-01-01', tot: null, ...r,
});

describe('resultaatgerichte tabellen per versie', () => {
  test('de cellen van één product en begindatum vormen één versie, de nieuwste eerst, per soort', () => {
    const rijen = [
      cel({ van: '2026-01-01', tot: '2026-12-31' }), cel({ profiel: 'P2', van: '2026-01-01', tot: '2026-12-31' }),
      cel({ van: '2027-01-01', bedragCents: 291200 }),
      cel({ wet: 'wmo', productcode: '02R01', soort: 'wmoBegeleiding', profiel: 'laag', intensiteit: '1', duurMaanden: 6 }),
    ];
    const v = versies(rijen, jeugd);
    expect(v.map((x) => [x.productcode, x.van, x.tot, x.regels.length])).toEqual([['45R01', '2027-01-01', null, 1], ['45R01', '2026-01-01', '2026-12-31', 2]]);
    expect(versies(rijen, wmo)).toHaveLength(1);
  });

  test('rijen en kolommen staan in de volgorde van het vak: P1–P4, laag–hoog, 6 vóór 12 maanden', () => {
    const regels = [
      cel({ profiel: 'P3', intensiteit: 'hoog' }), cel({ profiel: 'P1', intensiteit: 'midden' }), cel({ profiel: 'P2', intensiteit: 'laag' }),
    ];
    expect(assen(jeugd, regels)).toEqual({
      profielen: ['P1', 'P2', 'P3'],
      kolommen: [{ intensiteit: 'laag', duur: null }, { intensiteit: 'midden', duur: null }, { intensiteit: 'hoog', duur: null }],
    });
    const w = (profiel: string, intensiteit: string, duurMaanden: number) => cel({ soort: 'wmoBegeleiding', profiel, intensiteit, duurMaanden });
    const a = assen(wmo, [w('hoog', '2', 12), w('laag', '2', 6), w('midden', '1', 12)]);
    expect(a.profielen).toEqual(['laag', 'midden', 'hoog']);
    expect(a.kolommen.map((k) => kolomNaam(k.intensiteit, k.duur))).toEqual(['Intensiteit 1, 12 maanden', 'Intensiteit 2, 6 maanden', 'Intensiteit 2, 12 maanden']);
  });

  test('zonder tabel biedt het formulier de gebruikelijke indeling aan', () => {
    expect(assen(jeugd, []).profielen).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(assen(jeugd, []).kolommen).toHaveLength(3);
    expect(assen(wmo, []).kolommen).toHaveLength(6);
  });
});
