import { describe, expect, it } from 'vitest';
import { KPIS, basisperiode, laatsteDag, maandBinnen, maanden, nietTeSnijden, normPast, onderdrukt, signaal, verschuifJaren, waardeVan } from './rules.ts';

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
