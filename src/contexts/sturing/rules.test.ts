import { describe, expect, it } from 'vitest';
import { KPIS, maanden, signaal, waardeVan } from './rules.ts';

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
