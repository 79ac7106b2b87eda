import { describe, expect, it } from 'vitest';
import { STANDAARD_KLEUREN, contrast, controleerKleuren, controleerLogo, logoType } from './rules.ts';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('huisstijl: kleuren blijven leesbaar', () => {
  it('berekent het contrast zoals WCAG: zwart op wit is 21:1, gelijke kleuren 1:1', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#777777')).toBe(1);
    // The classic border case: #767676 on white just passes AA, #777777 just fails.
    expect(contrast('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  it('de standaardkleuren voldoen', () => {
    expect(controleerKleuren(STANDAARD_KLEUREN)).toEqual([]);
  });

  it('weigert een knop, kop of link die te weinig contrast heeft, met het veld en de verhouding in gewone woorden', () => {
    const p = controleerKleuren({ ...STANDAARD_KLEUREN, primair: '#ffcc00', kopAchtergrond: '#336699', kopTekst: '#224466', link: '#777777' });
    expect(p.map((x) => x.veld)).toEqual(['primair', 'kopAchtergrond', 'link']);
    expect(p[0]!.reden).toMatch(/^Het contrast met de tekstkleur van de knoppen is 1,\d:1; minimaal 4,5:1/);
    expect(p[2]!.reden).toContain('4,4:1');
  });

  it('een accentstreep is versiering en mag elke kleur hebben', () => {
    expect(controleerKleuren({ ...STANDAARD_KLEUREN, accent: '#fefefe' })).toEqual([]);
  });
});

describe('huisstijl: een logo is een kleine afbeelding zonder script', () => {
  it('herkent PNG, JPEG en WebP aan de eerste bytes, niet aan wat de afzender zegt', () => {
    expect(logoType(PNG)).toBe('image/png');
    expect(logoType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(logoType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(logoType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
  });

  it('weigert SVG, een verkeerd opgegeven soort, een leeg en een te groot bestand', () => {
    expect(controleerLogo(new TextEncoder().encode('<svg/>'), 'image/png')).toMatch(/SVG wordt niet geaccepteerd/);
    expect(controleerLogo(PNG, 'image/jpeg')).toMatch(/geen afbeelding van het opgegeven soort/);
    expect(controleerLogo(new Uint8Array(0), 'image/png')).toMatch(/leeg/);
    const groot = new Uint8Array(101 * 1024);
    groot.set(PNG);
    expect(controleerLogo(groot, 'image/png')).toMatch(/maximaal 100 kB/);
    expect(controleerLogo(PNG, 'image/png')).toBeNull();
  });
});
