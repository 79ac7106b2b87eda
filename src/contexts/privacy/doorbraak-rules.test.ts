import { describe, expect, it } from 'vitest';
import { DOORBRAAK_ROLLEN, OORDELEN, REDEN_MAX, REDEN_MIN, TOELICHTING_MAX, beoordelingFout, isActief, leesDossierNummer, oordeelNaam, redenFout } from './doorbraak-rules.ts';

describe('de reden van een doorbraak', () => {
  it('een reden in woorden van 10 tot 1000 tekens wordt vastgelegd', () => {
    expect(redenFout('Vervang Ruud vandaag')).toBeNull();
    expect(redenFout('a'.repeat(REDEN_MIN))).toBeNull();
    expect(redenFout('a'.repeat(REDEN_MAX))).toBeNull();
    expect(redenFout('Belt over zijn zoon; met regels\nen\ttab.')).toBeNull();
  });

  it('een lege of te korte reden wordt geweigerd met wat er mist', () => {
    expect(redenFout('')).toBe('Geef een reden van minstens 10 tekens: waarom heeft u dit dossier nu nodig?');
    expect(redenFout('a'.repeat(REDEN_MIN - 1))).toBe('Geef een reden van minstens 10 tekens: waarom heeft u dit dossier nu nodig?');
  });

  it('een te lange reden wordt geweigerd', () => {
    expect(redenFout('a'.repeat(REDEN_MAX + 1))).toBe('De reden mag hoogstens 1000 tekens zijn');
  });

  it('alleen cijfers of tekens is geen reden: er moeten minstens vijf letters in staan', () => {
    expect(redenFout('1234567890')).toBe('Beschrijf de reden in woorden: waarom heeft u dit dossier nu nodig?');
    expect(redenFout('..........')).toBe('Beschrijf de reden in woorden: waarom heeft u dit dossier nu nodig?');
    expect(redenFout('abcd 123456')).toBe('Beschrijf de reden in woorden: waarom heeft u dit dossier nu nodig?');
    expect(redenFout('abcde 12345')).toBeNull();
    expect(redenFout('Één ëïö 12')).toBeNull();
  });

  it('een nul-byte of ander stuurteken wordt geweigerd, ook in een verder goede reden', () => {
    for (const teken of ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u000e', '\u001f', '\u007f']) {
      expect(redenFout(`Vervanging van${teken} Ruud vandaag`)).toBe('De reden bevat een teken dat niet in tekst hoort (zoals een nul-byte); typ haar opnieuw');
    }
  });
});

describe('de beoordeling door de privacy officer', () => {
  it('terecht mag zonder toelichting, onterecht niet', () => {
    expect(beoordelingFout('terecht', undefined)).toBeNull();
    expect(beoordelingFout('terecht', 'Vervanger, klopt met het rooster')).toBeNull();
    expect(beoordelingFout('onterecht', undefined)).toBe('Licht toe waarom deze toegang onterecht was');
    expect(beoordelingFout('onterecht', '')).toBe('Licht toe waarom deze toegang onterecht was');
    expect(beoordelingFout('onterecht', 'Geen vervanging die dag')).toBeNull();
  });

  it('een toelichting met een nul-byte of te lang wordt geweigerd', () => {
    expect(beoordelingFout('terecht', 'a\u0000b')).toBe('De toelichting bevat een teken dat niet in tekst hoort (zoals een nul-byte)');
    expect(beoordelingFout('terecht', 'a'.repeat(TOELICHTING_MAX))).toBeNull();
    expect(beoordelingFout('terecht', 'a'.repeat(TOELICHTING_MAX + 1))).toBe('De toelichting mag hoogstens 2000 tekens zijn');
  });

  it('de oordelen hebben een Nederlandse naam', () => {
    expect(OORDELEN.map((o) => oordeelNaam[o])).toEqual(['Terecht', 'Onterecht']);
  });
});

describe('geldigheid', () => {
  it('een doorbraak geldt tot (niet tot en met) het moment geldigTot', () => {
    const tot = new Date('2026-11-30T23:00:00Z');
    expect(isActief(tot, new Date('2026-11-30T22:59:59.999Z'))).toBe(true);
    expect(isActief(tot, tot)).toBe(false);
    expect(isActief(tot, new Date('2026-12-01T08:00:00Z'))).toBe(false);
  });

  it('de medewerkers die dossiers behandelen kunnen een doorbraak vragen', () => {
    expect([...DOORBRAAK_ROLLEN]).toEqual(['regisseur', 'teamleider', 'beslisser', 'frontoffice']);
  });
});

describe('een dossier op nummer', () => {
  it('een casusnummer, ook kort, in kleine letters of met spaties, wordt het volle nummer', () => {
    for (const t of ['C-2026-000012', 'c-2026-12', ' C 2026 12 ', 'C2026-000012', 'c-2026-000012']) {
      expect(leesDossierNummer(t), t).toEqual({ soort: 'casus', nummer: 'C-2026-000012' });
    }
    expect(leesDossierNummer('C-2026-123456')).toEqual({ soort: 'casus', nummer: 'C-2026-123456' });
  });

  it('een BSN van negen cijfers, met spaties of punten', () => {
    for (const t of ['123456782', '1234.56.782', ' 1234 56 782 ']) expect(leesDossierNummer(t), t).toEqual({ soort: 'bsn', bsn: '123456782' });
  });

  it('een naam, een ander nummer of een te lang nummer is geen dossiernummer', () => {
    for (const t of ['', 'Jansen', 'M-2026-000012', 'C-2026-1234567', 'C-26-12', '12345678', '1234567890', 'C-2026-', '123456782 Jansen']) {
      expect(leesDossierNummer(t), t).toBeNull();
    }
  });
});
