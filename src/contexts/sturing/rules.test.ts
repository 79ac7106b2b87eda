import { describe, expect, it } from 'vitest';
import { KPIS, basisperiode, jaarDeel, laatsteDag, maandBinnen, maanden, nietTeSnijden, normInPeriode, normPast, onderdrukt, signaal, verschuifJaren, waardeVan } from './rules.ts';
import { BEKOSTIGINGEN, DIMENSIES, KLEINSTE_AANTAL, bekostigingNaam } from './rules.ts';

describe('KPI-definities', () => {
  it('bevat de Deventer-doelen en de termijnen, elk met een unieke id', () => {
    const ids = KPIS.map((k) => k.id);
    expect(ids).toEqual(expect.arrayContaining(['aandeel-meldingen-naar-maatwerk', 'aandeel-maatwerk-met-gesprek', 'aandeel-goed-geholpen', 'termijnen-binnen-termijn']));
    expect(new Set(ids).size).toBe(ids.length);
    expect(KPIS.find((k) => k.id === 'aandeel-meldingen-naar-maatwerk')).toMatchObject({ norm: 0.2, richting: 'lagerIsBeter' });
  });
});

describe('signaal tegen de norm', () => {
  it('lager is beter: op of onder de norm groen, binnen de marge oranje, daarboven rood', () => {
    expect(signaal(0.2, 0.2, 0.05, 'lagerIsBeter')).toBe('groen');
    expect(signaal(0.24, 0.2, 0.05, 'lagerIsBeter')).toBe('oranje');
    expect(signaal(0.3, 0.2, 0.05, 'lagerIsBeter')).toBe('rood');
  });
  it('hoger is beter: op of boven de norm groen, binnen de marge oranje, daaronder rood', () => {
    expect(signaal(0.8, 0.8, 0.05, 'hogerIsBeter')).toBe('groen');
    expect(signaal(0.77, 0.8, 0.05, 'hogerIsBeter')).toBe('oranje');
    expect(signaal(0.6, 0.8, 0.05, 'hogerIsBeter')).toBe('rood');
  });
  it('zonder gegevens geen signaal', () => {
    expect(signaal(null, 0.8, 0.05, 'hogerIsBeter')).toBeNull();
    expect(waardeVan(0, 0, 'aandeel')).toBeNull();
    expect(waardeVan(2, 10, 'aandeel')).toBe(0.2);
  });
  it('een reeks per maand zonder gaten, ook over de jaargrens', () => {
    expect(maanden('2026-11-15', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});

describe('verandering tegenover een basisperiode', () => {
  it('zonder peildatum: dezelfde periode een jaar eerder', () => {
    expect(basisperiode('2026-01-01', '2026-06-30')).toEqual({ van: '2025-01-01', tot: '2025-06-30' });
  });
  it('met peildatum: even lang, eindigend de dag vóór de peildatum', () => {
    expect(basisperiode('2026-03-01', '2026-03-31', '2025-01-01')).toEqual({ van: '2024-12-01', tot: '2024-12-31' });
  });
  it('29 februari schuift naar 28 februari', () => {
    expect(verschuifJaren('2024-02-29', -1)).toBe('2023-02-28');
  });
  it('de waarde is teller gedeeld door noemer min één; zonder basis geen waarde', () => {
    expect(waardeVan(85, 100, 'verandering')).toBeCloseTo(-0.15, 10);
    expect(waardeVan(3, 0, 'verandering')).toBeNull();
  });
  it('een norm voor een verandering mag negatief zijn, een aandeel niet', () => {
    expect(normPast({ eenheid: 'verandering' }, -0.15)).toBe(true);
    expect(normPast({ eenheid: 'aandeel' }, -0.15)).toBe(false);
  });
});

describe('kleine aantallen', () => {
  it('1 tot en met 4 worden onderdrukt voor wie alleen aantallen ziet; 0 en 5 niet', () => {
    expect([0, 1, 4, 5].map(onderdrukt)).toEqual([false, true, true, false]);
  });
});

describe('de standaardset', () => {
  it('bevat de KPI’s uit de opdracht: verandering aanvragen en volume, stroom, caseload, zelfredzaamheid en kosten', () => {
    expect(KPIS.map((k) => k.id)).toEqual(expect.arrayContaining([
      'verandering-aanvragen', 'verandering-voorzieningen', 'nieuwe-meldingen', 'lopende-casussen', 'gesloten-casussen',
      'caseload-per-regisseur', 'zrm-verandering', 'kosten-per-inwoner', 'kosten-per-client',
    ]));
    expect(KPIS.find((k) => k.id === 'verandering-aanvragen')!.norm).toBe(-0.15);
    expect(KPIS.find((k) => k.id === 'verandering-voorzieningen')!.norm).toBe(-0.07);
  });
});

describe('maanden en snedes', () => {
  it('een maand binnen de periode: heel, of korter aan het begin of eind; februari in een schrikkeljaar', () => {
    expect(laatsteDag('2024-02')).toBe('2024-02-29');
    expect(maandBinnen('2026-03', '2026-01-01', '2026-12-31')).toEqual({ van: '2026-03-01', tot: '2026-03-31' });
    expect(maandBinnen('2026-03', '2026-03-15', '2026-03-17')).toEqual({ van: '2026-03-15', tot: '2026-03-17' });
  });
  it('een filter waarop een KPI niet te snijden is, wordt genoemd', () => {
    expect(nietTeSnijden({ dimensies: ['periode', 'wet', 'kern'] }, { wet: 'wmo', product: 'x' })).toBe('product');
    expect(nietTeSnijden({ dimensies: ['periode', 'wet', 'kern'] }, { wet: 'wmo' })).toBeUndefined();
  });
});

describe('signaal precies op de grenzen', () => {
  it('lager is beter: precies op norm + marge nog oranje, een fractie erboven rood', () => {
    expect(signaal(0.25, 0.2, 0.05, 'lagerIsBeter')).toBe('oranje');
    expect(signaal(0.2501, 0.2, 0.05, 'lagerIsBeter')).toBe('rood');
    expect(signaal(0.2001, 0.2, 0.05, 'lagerIsBeter')).toBe('oranje');
    expect(signaal(0.1, 0.2, 0.05, 'lagerIsBeter')).toBe('groen');
    expect(signaal(40, 35, 5, 'lagerIsBeter')).toBe('oranje');
    expect(signaal(40.01, 35, 5, 'lagerIsBeter')).toBe('rood');
  });

  it('hoger is beter: precies op norm − marge nog oranje, een fractie eronder rood', () => {
    // 0,8 − 0,75 is in drijvende komma net iets meer dan 0,05: de marge moet dat verdragen.
    expect(signaal(0.75, 0.8, 0.05, 'hogerIsBeter')).toBe('oranje');
    expect(signaal(0.7499, 0.8, 0.05, 'hogerIsBeter')).toBe('rood');
    expect(signaal(0.7999, 0.8, 0.05, 'hogerIsBeter')).toBe('oranje');
    expect(signaal(0.9, 0.8, 0.05, 'hogerIsBeter')).toBe('groen');
  });

  it('precies op de norm is groen, ook als de som in drijvende komma net ernaast valt', () => {
    expect(signaal(0.1 + 0.2, 0.3, 0.05, 'lagerIsBeter')).toBe('groen');
    expect(signaal(0.3, 0.1 + 0.2, 0.05, 'hogerIsBeter')).toBe('groen');
    expect(signaal(0, 0, 0, 'lagerIsBeter')).toBe('groen');
    expect(signaal(1, 0, 0, 'lagerIsBeter')).toBe('rood');
  });

  it('een KPI zonder eindige norm (alleen een cijfer om te volgen) heeft geen signaal', () => {
    expect(signaal(12, Number.POSITIVE_INFINITY, 0, 'lagerIsBeter')).toBeNull();
    expect(signaal(12, Number.NaN, 0, 'hogerIsBeter')).toBeNull();
    expect(signaal(0, 0, 0, 'hogerIsBeter')).toBe('groen');
  });
});

describe('de grenzen van een norm', () => {
  it('een aandeel ligt van 0 tot en met 1', () => {
    expect(normPast({ eenheid: 'aandeel' }, 0)).toBe(true);
    expect(normPast({ eenheid: 'aandeel' }, 1)).toBe(true);
    expect(normPast({ eenheid: 'aandeel' }, 1.0001)).toBe(false);
    expect(normPast({ eenheid: 'aandeel' }, -0.0001)).toBe(false);
  });

  it('een verandering ligt van −100% tot en met +1000%', () => {
    expect(normPast({ eenheid: 'verandering' }, -1)).toBe(true);
    expect(normPast({ eenheid: 'verandering' }, 10)).toBe(true);
    expect(normPast({ eenheid: 'verandering' }, -1.0001)).toBe(false);
    expect(normPast({ eenheid: 'verandering' }, 10.0001)).toBe(false);
  });

  it('aantallen, gemiddelden en bedragen zijn niet negatief, maar mogen boven 1', () => {
    for (const eenheid of ['aantal', 'gemiddelde', 'bedrag'] as const) {
      expect(normPast({ eenheid }, 0)).toBe(true);
      expect(normPast({ eenheid }, 6000)).toBe(true);
      expect(normPast({ eenheid }, -0.01)).toBe(false);
    }
  });

  it('elke standaardnorm past bij haar eenheid', () => {
    for (const k of KPIS.filter((x) => Number.isFinite(x.norm))) expect(normPast(k, k.norm)).toBe(true);
  });
});

describe('de standaardset in detail', () => {
  it('elke KPI met niveau, eenheid, richting, norm, marge, snedes en of het een momentopname is', () => {
    const ALLES = ['periode', 'wet', 'kern', 'wijk', 'team', 'regisseur'];
    const zonderPeriode = ['wet', 'kern', 'wijk', 'team', 'regisseur'];
    expect(KPIS.map((k) => [k.id, k.niveau, k.eenheid, k.richting, k.norm, k.marge, k.dimensies, k.momentopname ?? false])).toEqual([
      ['aandeel-meldingen-naar-maatwerk', 'strategisch', 'aandeel', 'lagerIsBeter', 0.2, 0.05, ALLES, false],
      ['aandeel-maatwerk-met-gesprek', 'strategisch', 'aandeel', 'hogerIsBeter', 1, 0.05, [...ALLES, 'product', 'aanbieder', 'bekostiging'], false],
      ['aandeel-goed-geholpen', 'strategisch', 'aandeel', 'hogerIsBeter', 0.8, 0.05, ALLES, false],
      ['verandering-aanvragen', 'strategisch', 'verandering', 'lagerIsBeter', -0.15, 0.05, ALLES, false],
      ['verandering-voorzieningen', 'strategisch', 'verandering', 'lagerIsBeter', -0.07, 0.03, [...ALLES, 'product', 'aanbieder', 'bekostiging'], false],
      ['kosten-per-inwoner', 'strategisch', 'bedrag', 'lagerIsBeter', 400, 40, ['periode', 'wet', 'kern', 'wijk', 'product', 'aanbieder', 'bekostiging'], false],
      ['termijnen-binnen-termijn', 'tactisch', 'aandeel', 'hogerIsBeter', 0.95, 0.05, [...ALLES, 'stap'], false],
      ['nieuwe-meldingen', 'tactisch', 'aantal', 'lagerIsBeter', Number.POSITIVE_INFINITY, 0, ALLES, false],
      ['lopende-casussen', 'tactisch', 'aantal', 'lagerIsBeter', Number.POSITIVE_INFINITY, 0, zonderPeriode, true],
      ['gesloten-casussen', 'tactisch', 'aantal', 'hogerIsBeter', Number.POSITIVE_INFINITY, 0, ALLES, false],
      ['zrm-verandering', 'tactisch', 'gemiddelde', 'hogerIsBeter', 0.5, 0.2, ALLES, false],
      ['kosten-per-client', 'tactisch', 'bedrag', 'lagerIsBeter', 6000, 600, [...ALLES, 'product', 'aanbieder', 'bekostiging'], false],
      ['verlopen-termijnen', 'operationeel', 'aantal', 'lagerIsBeter', 0, 0, [...zonderPeriode, 'stap'], true],
      ['caseload-per-regisseur', 'operationeel', 'gemiddelde', 'lagerIsBeter', 35, 5, zonderPeriode, true],
    ]);
  });

  it('elke KPI heeft een naam, een uitleg in hele zinnen en een bron', () => {
    for (const k of KPIS) {
      expect(k.naam).toMatch(/^[A-Z].{10,}[a-zé]$/);
      expect(k.uitleg).toMatch(/^[A-Z].{30,}\.$/);
      expect(k.bron).toMatch(/^[a-z]+(, [a-z]+)*$/);
    }
    expect(KPIS.find((k) => k.id === 'verandering-aanvragen')!.naam).toBe('Verandering in het aantal aanvragen maatwerk');
  });

  it('snedes: de periode, de wet, de plek, de mensen, het product, de aanbieder, de bekostiging en de stap', () => {
    expect(DIMENSIES).toEqual(['periode', 'wet', 'kern', 'wijk', 'team', 'regisseur', 'product', 'aanbieder', 'bekostiging', 'stap']);
    expect(BEKOSTIGINGEN.map((b) => bekostigingNaam[b])).toEqual(['Inspanningsgericht', 'Outputgericht', 'Taakgericht']);
  });

  it('de KPI’s over voorzieningen zijn te snijden naar aanbieder en bekostiging, de andere niet', () => {
    const metLevering = KPIS.filter((k) => k.dimensies.includes('bekostiging')).map((k) => k.id).sort();
    expect(metLevering).toEqual(['aandeel-maatwerk-met-gesprek', 'kosten-per-client', 'kosten-per-inwoner', 'verandering-voorzieningen']);
    expect(nietTeSnijden(KPIS.find((k) => k.id === 'nieuwe-meldingen')!, { bekostiging: 'outputgericht' })).toBe('bekostiging');
    expect(nietTeSnijden(KPIS.find((k) => k.id === 'kosten-per-client')!, { bekostiging: 'outputgericht', aanbieder: 'x' })).toBeUndefined();
  });
});

describe('waarden, periodes en snedes: de randen', () => {
  it('een aantal is de teller, ook zonder noemer; een gemiddelde en bedrag zijn teller gedeeld door noemer', () => {
    expect(waardeVan(7, 0, 'aantal')).toBe(7);
    expect(waardeVan(10, 4, 'gemiddelde')).toBe(2.5);
    expect(waardeVan(12000, 30, 'bedrag')).toBe(400);
    expect(waardeVan(5, 0, 'bedrag')).toBeNull();
    expect(waardeVan(100, 100, 'verandering')).toBe(0);
  });

  it('een lege peildatum telt als geen peildatum; een periode van één dag blijft één dag', () => {
    expect(basisperiode('2026-01-01', '2026-06-30', '')).toEqual({ van: '2025-01-01', tot: '2025-06-30' });
    expect(basisperiode('2026-01-01', '2026-06-30', null)).toEqual({ van: '2025-01-01', tot: '2025-06-30' });
    expect(basisperiode('2026-05-05', '2026-05-05', '2026-01-01')).toEqual({ van: '2025-12-31', tot: '2025-12-31' });
    expect(verschuifJaren('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('kleine aantallen: de grens is 5', () => {
    expect(KLEINSTE_AANTAL).toBe(5);
  });

  it('laatste dag van elke soort maand, en de maand binnen een periode aan het begin', () => {
    expect(['2026-01', '2026-02', '2026-04', '2026-12', '2100-02'].map(laatsteDag)).toEqual([
      '2026-01-31', '2026-02-28', '2026-04-30', '2026-12-31', '2100-02-28',
    ]);
    expect(maandBinnen('2026-03', '2026-03-10', '2026-12-31')).toEqual({ van: '2026-03-10', tot: '2026-03-31' });
    expect(maandBinnen('2026-03', '2026-01-01', '2026-03-20')).toEqual({ van: '2026-03-01', tot: '2026-03-20' });
  });

  it('maanden: één maand, een heel jaar, en niets als het einde vóór het begin ligt', () => {
    expect(maanden('2026-03-31', '2026-03-01')).toEqual(['2026-03']);
    expect(maanden('2026-01-01', '2026-12-31')).toHaveLength(12);
    expect(maanden('2026-01-01', '2026-12-31').at(-1)).toBe('2026-12');
    expect(maanden('2026-05-01', '2026-04-30')).toEqual([]);
  });

  it('de periode is geen filter: ook een KPI zonder reeks wordt er niet om geweigerd', () => {
    expect(nietTeSnijden({ dimensies: ['wet'] }, { periode: '2026-01' })).toBeUndefined();
    expect(nietTeSnijden({ dimensies: ['wet'] }, { wet: 'wmo', kern: 'x', product: 'y' })).toBe('kern');
    expect(nietTeSnijden({ dimensies: ['wet'] }, {})).toBeUndefined();
  });
});

describe('een norm per jaar (kosten)', () => {
  it('een kalenderjaar is het hele jaar, ook een schrikkeljaar; een maand een twaalfde; een halve maand naar haar dagen', () => {
    expect(jaarDeel('2025-01-01', '2025-12-31')).toBe(1);
    expect(jaarDeel('2024-01-01', '2024-12-31')).toBe(1);
    expect(jaarDeel('2026-02-01', '2026-02-28')).toBeCloseTo(1 / 12, 12);
    expect(jaarDeel('2026-01-01', '2026-03-31')).toBeCloseTo(3 / 12, 12);
    expect(jaarDeel('2026-04-16', '2026-04-30')).toBeCloseTo(15 / 30 / 12, 12);
    // Twelve months that do not start on the first: still the whole year.
    expect(jaarDeel('2025-12-02', '2026-12-01')).toBeCloseTo(1, 12);
    // The default period on 1 December: eleven months and one day of December.
    expect(jaarDeel('2026-01-01', '2026-12-01')).toBeCloseTo((11 + 1 / 31) / 12, 12);
  });

  it('de kosten-KPI’s meten een kortere periode aan haar deel van de jaarnorm; andere KPI’s houden hun norm', () => {
    const perInwoner = KPIS.find((k) => k.id === 'kosten-per-inwoner')!;
    expect(perInwoner.normPer).toBe('jaar');
    expect(KPIS.find((k) => k.id === 'kosten-per-client')!.normPer).toBe('jaar');
    expect(KPIS.filter((k) => k.normPer === 'jaar').every((k) => k.eenheid === 'bedrag')).toBe(true);
    expect(normInPeriode({ norm: 400, marge: 40, normPer: 'jaar' }, '2026-01-01', '2026-03-31')).toEqual({ norm: 100, marge: 10 });
    expect(normInPeriode({ norm: 400, marge: 40, normPer: 'jaar' }, '2026-01-01', '2026-12-31')).toEqual({ norm: 400, marge: 40 });
    expect(normInPeriode({ norm: 0.2, marge: 0.05 }, '2026-01-01', '2026-03-31')).toEqual({ norm: 0.2, marge: 0.05 });
    expect(normInPeriode({ norm: Number.POSITIVE_INFINITY, marge: 0, normPer: 'jaar' }, '2026-01-01', '2026-03-31').norm).toBe(Number.POSITIVE_INFINITY);
    // €150 per resident in one quarter is over the quarter's €100 plus €10 marge: red, where against €400 it was green.
    const n = normInPeriode(perInwoner, '2026-01-01', '2026-03-31');
    expect(signaal(150, n.norm, n.marge, perInwoner.richting)).toBe('rood');
    expect(signaal(150, perInwoner.norm, perInwoner.marge, perInwoner.richting)).toBe('groen');
  });
});
