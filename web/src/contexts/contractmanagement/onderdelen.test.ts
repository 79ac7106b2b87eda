import { describe, expect, it } from 'vitest';
import type { FiguurDefinitie } from './api.ts';
import { formatFiguur, jaren, leesJaar, normTekst } from './onderdelen.tsx';

const def = (d: Partial<FiguurDefinitie>): FiguurDefinitie => ({
  id: 'afkeurAandeel', naam: 'x', uitleg: 'x', eenheid: 'aandeel', richting: 'lagerIsBeter', norm: 0.05, marge: 0.05, signaalOpNorm: false, ...d,
});

describe('contractmanagement in woorden', () => {
  it('een cijfer in zijn eenheid: aantal, aandeel, dagen, bedrag en verandering', () => {
    expect(formatFiguur(1234, 'aantal')).toBe('1.234');
    expect(formatFiguur(0.95, 'aandeel')).toBe('95,0%');
    expect(formatFiguur(12.5, 'dagen')).toBe('12,5 dagen');
    expect(formatFiguur(1, 'dagen')).toBe('1 dag');
    expect(formatFiguur(25_000_000, 'bedrag')).toBe('€ 250.000,00');
    expect(formatFiguur(0.5, 'gemiddelde')).toBe('+0,50 punt');
    expect(formatFiguur(null, 'aandeel')).toBe('–');
  });

  it('de norm in woorden: ten hoogste, onder (de grens telt als signaal), ten minste, of geen norm', () => {
    expect(normTekst(def({}))).toBe('ten hoogste 5,0%');
    expect(normTekst(def({ norm: 0.9, signaalOpNorm: true }))).toBe('onder 90,0%');
    expect(normTekst(def({ norm: 0.8, richting: 'hogerIsBeter' }))).toBe('ten minste 80,0%');
    expect(normTekst(def({ norm: null, eenheid: 'aantal' }))).toBe('Geen norm');
  });

  it('het jaar uit het adres, alleen een geldig jaar; de keuze is dit jaar en de vier ervoor', () => {
    expect(leesJaar(new URLSearchParams('jaar=2025'))).toBe(2025);
    expect(leesJaar(new URLSearchParams('jaar=twintig'))).toBeUndefined();
    expect(leesJaar(new URLSearchParams(''))).toBeUndefined();
    expect(jaren(2026)).toEqual([2026, 2025, 2024, 2023, 2022]);
  });
});
