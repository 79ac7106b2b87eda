import { describe, expect, it } from 'vitest';
import {
  HEX_KLEUR, KLEUR_TOKENS, KLEUR_VELDEN, LOGO_MAX_BYTES, LOGO_TYPES, MINIMAAL_CONTRAST, PAGINA_ACHTERGROND, STANDAARD_KLEUREN,
  contrast, controleerKleuren, controleerLogo, logoType, luminantie,
} from './rules.ts';

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

describe('huisstijl: de randen in vaste gevallen', () => {
  it('de luminantie volgt WCAG 2.1: per kanaal het gewicht, onder 0,04045 lineair, daarboven de gammacurve', () => {
    expect(luminantie('#000000')).toBe(0);
    expect(luminantie('#ffffff')).toBeCloseTo(1, 12);
    expect(luminantie('#ff0000')).toBeCloseTo(0.2126, 12);
    expect(luminantie('#00ff00')).toBeCloseTo(0.7152, 12);
    expect(luminantie('#0000ff')).toBeCloseTo(0.0722, 12);
    expect(luminantie('#050505')).toBeCloseTo(0.0015176349177441874, 15);
    expect(luminantie('#0a0a0a')).toBeCloseTo(0.003035269835488375, 15);
    expect(luminantie('#0b0b0b')).toBeCloseTo(0.0033465357638991604, 15);
    expect(luminantie('#808080')).toBeCloseTo(0.2158605001138992, 12);
    expect(luminantie('#24578F')).toBeCloseTo(0.09174628158945618, 12);
  });

  it('alleen #rrggbb is een kleur: geen korte vorm, geen naam, niets ervoor of erna', () => {
    for (const fout of ['#fff', 'ffffff', '#fffffff', ' #ffffff', '#ffffff ', 'x#ffffff', '#gggggg', 'red']) {
      expect(HEX_KLEUR.test(fout)).toBe(false);
      expect(() => luminantie(fout)).toThrow(`Geen kleur als #rrggbb: ${fout}`);
    }
    for (const goed of ['#000000', '#AbCdEf', '#09af9F']) expect(HEX_KLEUR.test(goed)).toBe(true);
  });

  it('het contrast is (licht + 0,05) / (donker + 0,05), in welke volgorde ook', () => {
    expect(contrast('#24578f', '#ffffff')).toBeCloseTo(7.407601724898472, 10);
    expect(contrast('#ffffff', '#24578f')).toBeCloseTo(7.407601724898472, 10);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.478089453577214, 10);
    expect(contrast('#336699', '#224466')).toBeCloseTo(1.6778867280254297, 10);
  });

  it('elk probleem noemt het veld en de verhouding, naar beneden afgerond op één decimaal', () => {
    expect(controleerKleuren({ ...STANDAARD_KLEUREN, primair: '#ffffff', kopTekst: '#ffffff', link: '#777777' })).toEqual([
      { veld: 'primair', reden: 'Het contrast met de tekstkleur van de knoppen is 1,0:1; minimaal 4,5:1 is nodig om het goed te kunnen lezen' },
      { veld: 'kopAchtergrond', reden: 'Het contrast met de tekstkleur van de kop is 1,0:1; minimaal 4,5:1 is nodig om het goed te kunnen lezen' },
      { veld: 'link', reden: 'Het contrast met de witte pagina is 4,4:1; minimaal 4,5:1 is nodig om het goed te kunnen lezen' },
    ]);
    // #767676 on white is 4,54:1: just enough, for each of the three pairs.
    expect(controleerKleuren({ ...STANDAARD_KLEUREN, primair: '#767676', kopAchtergrond: '#767676', kopTekst: '#ffffff', link: '#767676' })).toEqual([]);
    expect(controleerKleuren({ ...STANDAARD_KLEUREN, kopTekst: '#777777' }).map((p) => p.veld)).toEqual(['kopAchtergrond']);
    expect(controleerKleuren({ ...STANDAARD_KLEUREN, primairTekst: '#777777' }).map((p) => p.veld)).toEqual(['primair']);
  });

  it('de vaste waarden: witte pagina, 4,5:1, 100 kB, PNG/JPEG/WebP, en de Utrecht-standaardkleuren', () => {
    expect(PAGINA_ACHTERGROND).toBe('#ffffff');
    expect(MINIMAAL_CONTRAST).toBe(4.5);
    expect(LOGO_MAX_BYTES).toBe(102400);
    expect(LOGO_TYPES).toEqual(['image/png', 'image/jpeg', 'image/webp']);
    expect(STANDAARD_KLEUREN).toEqual({
      primair: '#24578f', primairTekst: '#ffffff', kopAchtergrond: '#ffffff', kopTekst: '#000000', accent: '#cc0000', link: '#24578f',
    });
  });

  it('elke kleur gaat naar de design tokens van haar plaats; de voettekst krijgt de kleuren van de kop', () => {
    expect(KLEUR_VELDEN).toEqual(['primair', 'primairTekst', 'kopAchtergrond', 'kopTekst', 'accent', 'link']);
    expect(KLEUR_TOKENS).toEqual({
      primair: [
        '--utrecht-button-primary-action-background-color', '--utrecht-button-primary-action-hover-background-color',
        '--utrecht-button-primary-action-active-background-color', '--utrecht-button-primary-action-focus-background-color',
      ],
      primairTekst: [
        '--utrecht-button-primary-action-color', '--utrecht-button-primary-action-hover-color',
        '--utrecht-button-primary-action-active-color', '--utrecht-button-primary-action-focus-color',
      ],
      kopAchtergrond: ['--utrecht-page-header-background-color', '--utrecht-page-header-content-background-color', '--utrecht-page-footer-background-color'],
      kopTekst: ['--utrecht-page-header-color', '--utrecht-page-header-content-color', '--utrecht-page-footer-color'],
      accent: ['--utrecht-page-header-border-block-end-color'],
      link: ['--utrecht-link-color', '--utrecht-link-hover-color', '--utrecht-link-visited-color'],
    });
  });

  it('een bestand dat maar in één byte van de handtekening afwijkt, is geen afbeelding', () => {
    for (let i = 0; i < 8; i++) {
      const bijna = Uint8Array.from(PNG);
      bijna[i] = bijna[i]! ^ 0x01;
      expect(logoType(bijna)).toBeNull();
    }
    expect(logoType(Uint8Array.from([0xff, 0xd8, 0xfe, 0xe0]))).toBeNull();
    expect(logoType(Uint8Array.from([0xfe, 0xd8, 0xff, 0xe0]))).toBeNull();
    expect(logoType(Uint8Array.from([0xff, 0xd9, 0xff, 0xe0]))).toBeNull();
    const tekst = (t: string) => new TextEncoder().encode(t);
    expect(logoType(tekst('RIFF\0\0\0\0WEBX'))).toBeNull();
    expect(logoType(tekst('RIFF\0\0\0\0WAVEfmt '))).toBeNull();
    expect(logoType(tekst('RIFX\0\0\0\0WEBP'))).toBeNull();
    expect(logoType(tekst('XIFF\0\0\0\0WEBP'))).toBeNull();
    expect(logoType(tekst('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(logoType(tekst('RIFF\0\0\0\0xWEBP'))).toBeNull();
    expect(logoType(new Uint8Array(0))).toBeNull();
  });

  it('een logo van precies 100 kB mag, één byte meer niet; de melding rondt naar boven af', () => {
    const precies = new Uint8Array(LOGO_MAX_BYTES);
    precies.set(PNG);
    expect(controleerLogo(precies, 'image/png')).toBeNull();
    const teGroot = new Uint8Array(LOGO_MAX_BYTES + 1);
    teGroot.set(PNG);
    expect(controleerLogo(teGroot, 'image/png')).toBe('Het logo is 101 kB; maximaal 100 kB');
    expect(controleerLogo(Uint8Array.from([0x89]), 'image/png')).toBe('Gebruik een PNG-, JPEG- of WebP-afbeelding (SVG wordt niet geaccepteerd)');
    expect(controleerLogo(new Uint8Array(0), 'image/png')).toBe('Het logo is leeg');
    expect(controleerLogo(PNG, 'image/webp')).toBe('Het bestand is geen afbeelding van het opgegeven soort');
    expect(controleerLogo(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg')).toBeNull();
  });
});
