import { describe, expect, test } from 'vitest';
import { centenUitEuro, euroInvoer, formatEuro } from './geld.ts';

describe('bedragen in euro en centen', () => {
  test('een tarief in centen staat er als euro op zijn Nederlands', () => {
    expect(formatEuro(3645)).toBe('€ 36,45');
    expect(formatEuro(425000)).toBe('€ 4.250,00');
    expect(formatEuro('205')).toBe('€ 2,05');
    expect(formatEuro(0)).toBe('€ 0,00');
  });

  test('een getypt bedrag wordt precies het aantal centen, zonder afrondingsfouten', () => {
    expect(centenUitEuro('36,45')).toBe(3645);
    expect(centenUitEuro('€ 36,45')).toBe(3645);
    expect(centenUitEuro('0,29')).toBe(29);
    expect(centenUitEuro('1,15')).toBe(115);
    expect(centenUitEuro('4,35')).toBe(435);
    expect(centenUitEuro('1.234,5')).toBe(123450);
    expect(centenUitEuro('1.234')).toBe(123400);
    expect(centenUitEuro('1234')).toBe(123400);
    expect(centenUitEuro('36.45')).toBe(3645);
    expect(centenUitEuro('38,')).toBe(3800);
    expect(centenUitEuro('0')).toBe(0);
  });

  test('wat geen bedrag is, of minder dan een cent of negatief, wordt geweigerd', () => {
    for (const fout of ['', 'abc', '36,456', '-5', '1,2,3', '12.34.56', '1.23,45', '99999999999999999999']) {
      expect(centenUitEuro(fout), fout).toBeNull();
    }
  });

  test('een bedrag in centen komt terug in het invoerveld zoals het getypt zou zijn', () => {
    expect(euroInvoer(3645)).toBe('36,45');
    expect(euroInvoer(100)).toBe('1,00');
    expect(euroInvoer(5)).toBe('0,05');
    expect(euroInvoer(null)).toBe('');
    for (const c of [0, 1, 29, 115, 3645, 1234567]) expect(centenUitEuro(euroInvoer(c))).toBe(c);
  });
});
