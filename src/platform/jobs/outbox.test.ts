import { describe, expect, it } from 'vitest';
import { EERSTE_WACHTTIJD_MS, MAX_WACHTTIJD_MS, registreerVerwerker, systeemActor, verwerkerVan, wachttijdNa } from './outbox.ts';

describe('wachttijd tussen pogingen van een opdracht', () => {
  it('na de eerste mislukte poging 30 seconden, daarna telkens het dubbele', () => {
    expect(EERSTE_WACHTTIJD_MS).toBe(30_000);
    expect([1, 2, 3, 4, 5, 6, 7].map(wachttijdNa)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000]);
  });

  it('nooit langer dan een uur', () => {
    expect(wachttijdNa(8)).toBe(MAX_WACHTTIJD_MS);
    expect(wachttijdNa(50)).toBe(60 * 60_000);
  });
});

describe('verwerkers en de systeemactor', () => {
  it('de systeemactor is in de audittrail herkenbaar als systeem, met de soort', () => {
    expect(systeemActor('g1', 'voorziening.brief')).toEqual({
      gebruikerId: null, gebruikersnaam: 'systeem (opdracht voorziening.brief)', gemeenteId: 'g1', rollen: ['systeem'], rol: 'systeem', aanbiederId: null,
    });
  });

  it('afmelden haalt alleen de eigen verwerker weg, niet een latere vervanger', () => {
    const a = async () => {};
    const b = async () => {};
    const eerste = registreerVerwerker('test.afmelden', a);
    const tweede = registreerVerwerker('test.afmelden', b);
    eerste(); // replaced meanwhile: no effect
    expect(verwerkerVan('test.afmelden')).toBe(b);
    tweede();
    expect(verwerkerVan('test.afmelden')).toBeUndefined();
  });
});
