import { describe, expect, it } from 'vitest';
import { formatDag, formatDatum } from './format.ts';

describe('de dag van een moment', () => {
  it('is de Nederlandse kalenderdag: kort na middernacht niet de dag ervoor, zomer en winter', () => {
    expect(formatDag('2026-12-01T23:13:00Z')).toBe('2 december 2026');
    expect(formatDag('2026-12-01T22:59:00Z')).toBe('1 december 2026');
    expect(formatDag('2026-07-01T22:30:00.000Z')).toBe('2 juli 2026');
    expect(formatDag('2026-07-01T21:59:00+00:00')).toBe('1 juli 2026');
  });

  it('een datum zonder tijd blijft die datum; wat geen datum is, blijft staan', () => {
    expect(formatDag('2026-03-29')).toBe(formatDatum('2026-03-29'));
    expect(formatDag('2026-03-29')).toBe('29 maart 2026');
    expect(formatDag('onbekend')).toBe('onbekend');
  });
});
