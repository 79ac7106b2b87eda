import { describe, expect, it } from 'vitest';
import { centenUitEuro, euroInvoer, formatEuro } from './geld.ts';

describe('euro’s en centen', () => {
  it('een getypt bedrag wordt precies centen, zonder afrondfouten', () => {
    expect(centenUitEuro('250')).toBe(25000);
    expect(centenUitEuro('250,5')).toBe(25050);
    expect(centenUitEuro('250,50')).toBe(25050);
    expect(centenUitEuro('€ 250,00')).toBe(25000);
    expect(centenUitEuro('1.250,00')).toBe(125000);
    expect(centenUitEuro('1.250')).toBe(125000);
    expect(centenUitEuro('1250.5')).toBe(125050);
    expect(centenUitEuro('0,05')).toBe(5);
    // 36.45 × 100 is 3644.9999… in floating point; string maths gives the right cent.
    expect(centenUitEuro('36,45')).toBe(3645);
    expect(centenUitEuro('1.234.567,89')).toBe(123456789);
    expect(centenUitEuro(' 12 ,3')).toBe(1230);
  });

  it('wat geen bedrag is, of fijner dan een cent, of negatief, geeft null', () => {
    for (const t of ['', 'abc', '12,345', '-5', '1,2,3', '1.2.3', '12.3456', '1.25,00', '€']) expect(centenUitEuro(t), t).toBeNull();
  });

  it('centen worden getoond als "€ 1.250,00" en staan in een invoerveld als "1250,00"', () => {
    expect(formatEuro(125000)).toBe('€ 1.250,00');
    expect(formatEuro(5)).toBe('€ 0,05');
    expect(formatEuro(150000)).toBe('€ 1.500,00');
    expect(formatEuro(123456789)).toBe('€ 1.234.567,89');
    expect(formatEuro(-2550)).toBe('\u2212€ 25,50');
    expect(euroInvoer(150000)).toBe('1500,00');
    expect(euroInvoer(5)).toBe('0,05');
    expect(euroInvoer(null)).toBe('');
  });

  it('heen en terug verandert niets', () => {
    for (const c of [1, 99, 100, 3645, 25050, 150000, 999999999]) expect(centenUitEuro(euroInvoer(c))).toBe(c);
  });
});
