import { describe, expect, it } from 'vitest';
import { MAX_WACHT_SECONDEN, VRIJ, nogWachten, wachttijd, type Telling, type Teller } from './remming.ts';

const geen: Telling = { mislukt: 0, laatste: null };
const tellingen = (t: Partial<Record<Teller, Telling>>): Record<Teller, Telling> => ({ naamEnAdres: geen, naam: geen, adres: geen, apparaat: geen, ...t });
const nu = new Date('2026-11-30T10:00:00Z');
const secondenGeleden = (s: number) => new Date(nu.getTime() - s * 1000);

describe('inloggen wordt trager, nooit geblokkeerd', () => {
  it('na de vrije pogingen verdubbelt de wachttijd, tot hoogstens een kwartier', () => {
    expect([4, 5, 6, 7, 8].map((n) => wachttijd(n, 5))).toEqual([0, 1, 2, 4, 8]);
    expect(wachttijd(100, 5)).toBe(MAX_WACHT_SECONDEN);
  });

  it('wie even wacht, mag weer: de wachttijd telt vanaf de laatste mislukte poging', () => {
    const t = tellingen({ naamEnAdres: { mislukt: VRIJ.naamEnAdres + 2, laatste: secondenGeleden(1) } });
    expect(nogWachten(t, false, nu)).toBe(3);
    expect(nogWachten(tellingen({ naamEnAdres: { mislukt: VRIJ.naamEnAdres + 2, laatste: secondenGeleden(5) } }), false, nu)).toBe(0);
  });

  it('een aanval op een account vanaf veel adressen vertraagt onbekende browsers, niet de bekende browser van de collega', () => {
    const aanval = tellingen({ naam: { mislukt: 40, laatste: secondenGeleden(0) } });
    expect(nogWachten(aanval, false, nu)).toBe(MAX_WACHT_SECONDEN);
    expect(nogWachten(aanval, true, nu)).toBe(0);
  });

  it('een bekende browser heeft een eigen teller: ook daar kosten fouten tijd', () => {
    expect(nogWachten(tellingen({ apparaat: { mislukt: VRIJ.apparaat + 1, laatste: secondenGeleden(0) } }), true, nu)).toBe(2);
  });

  it('de strengste teller beslist', () => {
    const t = tellingen({ naamEnAdres: { mislukt: VRIJ.naamEnAdres, laatste: secondenGeleden(0) }, adres: { mislukt: VRIJ.adres + 3, laatste: secondenGeleden(0) } });
    expect(nogWachten(t, false, nu)).toBe(8);
  });
});
