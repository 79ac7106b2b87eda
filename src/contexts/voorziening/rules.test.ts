import { describe, expect, it } from 'vitest';
import {
  OVERGANGEN, REDENEN_BEEINDIGING, STATUSSEN, beeindigdOpBijVervanging, eenheidPast, effectieveEind, overgangToegestaan, redenNaam, redenVoorInwoner, voorzieningNummer, zoekOpvolger,
  type Overgang, type Status,
} from './rules.ts';

describe('de overgangstabel van een voorziening', () => {
  const toegestaan: Record<Overgang, Status[]> = {
    toewijzen: ['toegekend'],
    starten: ['toegewezen'],
    beeindigen: ['gestart'],
    intrekken: ['toegekend', 'toegewezen'],
    vervangen: ['toegekend', 'toegewezen', 'gestart'],
  };
  for (const [overgang, van] of Object.entries(toegestaan) as [Overgang, Status[]][]) {
    for (const status of STATUSSEN) {
      if (van.includes(status)) {
        it(`${overgang} mag vanuit ${status} en leidt naar ${OVERGANGEN[overgang].naar}`, () => {
          expect(overgangToegestaan(overgang, status)).toBeNull();
        });
      } else {
        it(`${overgang} vanuit ${status} wordt geweigerd met een Nederlandse reden`, () => {
          expect(overgangToegestaan(overgang, status)).toMatch(/voorziening/);
        });
      }
    }
  }
  it('de gewone levensloop: toegekend → toegewezen → gestart → beëindigd', () => {
    expect([OVERGANGEN.toewijzen.naar, OVERGANGEN.starten.naar, OVERGANGEN.beeindigen.naar]).toEqual(['toegewezen', 'gestart', 'beeindigd']);
    expect(OVERGANGEN.intrekken.naar).toBe('ingetrokken');
    expect(OVERGANGEN.vervangen.naar).toBe('vervangen');
  });
  it('een eindstatus laat niets meer toe', () => {
    for (const eind of ['beeindigd', 'ingetrokken', 'vervangen'] as const) {
      for (const o of Object.keys(OVERGANGEN) as Overgang[]) expect(overgangToegestaan(o, eind)).toContain('kan niet meer');
    }
  });
});

describe('vervanging bij een herziening', () => {
  it('de oude voorziening eindigt de dag vóór de nieuwe begint', () => {
    expect(beeindigdOpBijVervanging({ begin: '2026-01-01', eind: null }, '2026-03-01')).toBe('2026-02-28');
  });
  it('nooit na de eigen einddatum', () => {
    expect(beeindigdOpBijVervanging({ begin: '2026-01-01', eind: '2026-01-31' }, '2026-03-01')).toBe('2026-01-31');
  });
  it('begint de nieuwe eerder dan de oude, dan heeft de oude geen dagen (dag vóór het eigen begin)', () => {
    expect(beeindigdOpBijVervanging({ begin: '2026-05-01', eind: null }, '2026-03-01')).toBe('2026-04-30');
  });
  it('de effectieve einddatum: beëindigd op, anders de toegekende einddatum', () => {
    expect(effectieveEind({ eind: '2026-12-31', beeindigdOp: '2026-06-30' })).toBe('2026-06-30');
    expect(effectieveEind({ eind: null, beeindigdOp: null })).toBeNull();
  });
  it('de opvolger is hetzelfde product in dezelfde wet', () => {
    const oud = { id: 'o', wet: 'wmo', catalogusItemId: 'c1', productcode: '01A01', productNaam: 'Hulp' };
    const nieuw = [
      { id: 'n1', wet: 'jeugdwet', catalogusItemId: 'c1', productcode: '01A01', productNaam: 'Hulp' },
      { id: 'n2', wet: 'wmo', catalogusItemId: 'c2', productcode: '02A01', productNaam: 'Begeleiding' },
      { id: 'n3', wet: 'wmo', catalogusItemId: null, productcode: '01A01', productNaam: 'Iets anders' },
    ];
    expect(zoekOpvolger(oud, nieuw, new Set())?.id).toBe('n3');
    expect(zoekOpvolger(oud, nieuw, new Set(['n3']))).toBeUndefined();
  });
});

describe('de woorden van het besluit en de codes', () => {
  it('eenheid: de WJ756-code of de Nederlandse naam', () => {
    expect(eenheidPast('04', '04')).toBe(true);
    expect(eenheidPast('uur', '04')).toBe(true);
    expect(eenheidPast('Uren', '04')).toBe(true);
    expect(eenheidPast('etmaal', '04')).toBe(false);
  });
  it('reden van beëindiging uit WMO588 of JZ588', () => {
    expect(redenNaam('wmo', '19')).toBe('Levering volgens plan beëindigd');
    expect(redenNaam('jeugdwet', '31')).toBe('Levering is volgens plan beëindigd');
    expect(redenNaam('wmo', 'herziening')).toBe('Vervangen door een herziening');
  });
  it('nummer V-JJJJ-000001', () => expect(voorzieningNummer(2026, 12)).toBe('V-2026-000012'));
});

describe('de reden van beëindiging in de brief aan de inwoner', () => {
  it('elke reden uit WMO588 en JZ588 heeft een eigen zin in gewone woorden, niet de tekst van de codelijst', () => {
    for (const wet of ['wmo', 'jeugdwet'] as const) {
      for (const [code, naam] of Object.entries(REDENEN_BEEINDIGING[wet])) {
        const z = redenVoorInwoner(wet, code)!;
        expect(z, `${wet} ${code}`).toMatch(/^[A-Z].*\.$/);
        expect(z).not.toMatch(/^De reden:/);
        expect(z.toLowerCase()).not.toBe(`${naam.toLowerCase()}.`);
      }
    }
  });
  it('de cliënt die zelf stopt leest "u", geen iStandaard-woorden in de derde persoon', () => {
    expect(redenVoorInwoner('wmo', '21')).toBe('U heeft zelf besloten te stoppen met de hulp.');
    expect(redenVoorInwoner('wmo', '31')).toBe('U bent verhuisd naar een andere gemeente.');
    // The same code means something else under the Jeugdwet (JZ588 31: volgens plan).
    expect(redenVoorInwoner('jeugdwet', '31')).toBe('De hulp is klaar, zoals was afgesproken.');
  });
  it('de codelijst voor de berichten blijft ongewijzigd', () => {
    expect(redenNaam('wmo', '21')).toBe('Levering is eenzijdig door cliënt beëindigd');
  });
  it('zonder reden geen zin; een onbekende code noemt nog steeds iets', () => {
    expect(redenVoorInwoner('wmo', null)).toBeNull();
    expect(redenVoorInwoner('wmo', '99')).toBe('De reden: 99.');
  });
});
