import { describe, expect, it } from 'vitest';
import {
  GEBRUIKERSNAAM, UITNODIGING_DAGEN, controleerSamenstelling, eigenAccountFout, soortVan, uitnodigingVerloopt, wachtwoordFout,
} from './gebruikers-rules.ts';

const A = '11111111-1111-4111-8111-111111111111';
const T = '22222222-2222-4222-8222-222222222222';

describe('gebruikersnaam', () => {
  it('kleine letters, cijfers, punt, streepje en liggend streepje; 2 tot 50 tekens, met een letter of cijfer vooraan', () => {
    for (const ok of ['ab', 'j.jansen', 'regisseur-tweestad', 'a_b', 'x1', 'a'.repeat(50)]) expect(GEBRUIKERSNAAM.test(ok), ok).toBe(true);
    for (const nee of ['a', 'J.Jansen', '.jansen', '-a', 'a b', 'jansen@gemeente.nl', 'ï', 'a'.repeat(51), '#wachtwoord-instellen:1']) {
      expect(GEBRUIKERSNAAM.test(nee), nee).toBe(false);
    }
  });
});

describe('wachtwoord', () => {
  it('minstens 12 en hoogstens 200 tekens (tekens, geen bytes), niet leeg en niet de gebruikersnaam', () => {
    expect(wachtwoordFout('')).toBe('Vul een wachtwoord in');
    expect(wachtwoordFout('            ')).toBe('Vul een wachtwoord in');
    expect(wachtwoordFout('elf-tekens!')).toBe('Het wachtwoord moet minstens 12 tekens lang zijn');
    expect(wachtwoordFout('twaalf-teken')).toBeNull();
    expect(wachtwoordFout('ééééééééééé')).toMatch(/minstens 12/); // 11 characters, 22 bytes
    expect(wachtwoordFout('x'.repeat(200))).toBeNull();
    expect(wachtwoordFout('x'.repeat(201))).toBe('Het wachtwoord mag hoogstens 200 tekens lang zijn');
    expect(wachtwoordFout('aanbieder.heide', 'aanbieder.heide')).toBe('Het wachtwoord mag niet gelijk zijn aan de gebruikersnaam');
    expect(wachtwoordFout('Aanbieder.Heide ', 'aanbieder.heide')).toMatch(/niet gelijk/);
    expect(wachtwoordFout('aanbieder.heide!', 'aanbieder.heide')).toBeNull();
  });
});

describe('rollen, team en zorgaanbieder', () => {
  it('een medewerker van de gemeente: een of meer gemeenterollen, misschien een team, geen zorgaanbieder', () => {
    expect(controleerSamenstelling({ rollen: ['regisseur', 'teamleider'], teamId: T, aanbiederId: null })).toEqual([]);
    expect(controleerSamenstelling({ rollen: ['beheer'], teamId: null, aanbiederId: null })).toEqual([]);
    expect(controleerSamenstelling({ rollen: [], teamId: null, aanbiederId: null })).toEqual([{ veld: 'rollen', reden: 'Kies minstens één rol' }]);
    expect(controleerSamenstelling({ rollen: ['regisseur', 'regisseur'], teamId: null, aanbiederId: null }).map((f) => f.veld)).toEqual(['rollen']);
    expect(controleerSamenstelling({ rollen: ['koning'], teamId: null, aanbiederId: null })).toEqual([{ veld: 'rollen', reden: 'Onbekende rol: koning' }]);
    expect(controleerSamenstelling({ rollen: ['regisseur'], teamId: null, aanbiederId: A }).map((f) => f.veld)).toEqual(['aanbiederId']);
  });

  it('een medewerker van een zorgaanbieder: alleen de rol aanbieder, met een zorgaanbieder en zonder team', () => {
    expect(controleerSamenstelling({ rollen: ['aanbieder'], teamId: null, aanbiederId: A })).toEqual([]);
    expect(controleerSamenstelling({ rollen: ['aanbieder'], teamId: null, aanbiederId: null }).map((f) => f.veld)).toEqual(['aanbiederId']);
    expect(controleerSamenstelling({ rollen: ['aanbieder', 'beheer'], teamId: null, aanbiederId: A })).toEqual([
      { veld: 'rollen', reden: 'De rol Medewerker zorgaanbieder gaat niet samen met een rol van de gemeente' },
    ]);
    expect(controleerSamenstelling({ rollen: ['aanbieder'], teamId: T, aanbiederId: A }).map((f) => f.veld)).toEqual(['teamId']);
  });

  it('de soort volgt uit de rollen', () => {
    expect(soortVan(['aanbieder'])).toBe('aanbieder');
    expect(soortVan(['regisseur'])).toBe('medewerker');
  });
});

describe('het eigen account', () => {
  it('beheer deactiveert zichzelf niet en haalt de eigen rol beheer niet weg; een ander mag', () => {
    expect(eigenAccountFout('b', 'b', { actief: false })).toMatch(/eigen account niet deactiveren/);
    expect(eigenAccountFout('b', 'b', { rollen: ['beleid'] })).toMatch(/eigen rol Functioneel beheerder/);
    expect(eigenAccountFout('b', 'b', { rollen: ['beheer', 'beleid'] })).toBeNull();
    expect(eigenAccountFout('b', 'b', { actief: true })).toBeNull();
    expect(eigenAccountFout('b', 'x', { actief: false, rollen: ['beleid'] })).toBeNull();
    expect(eigenAccountFout(null, 'x', { actief: false })).toBeNull();
  });
});

describe('de eenmalige link', () => {
  it('verloopt zeven dagen na het maken', () => {
    expect(UITNODIGING_DAGEN).toBe(7);
    expect(uitnodigingVerloopt(new Date('2026-12-01T10:00:00Z')).toISOString()).toBe('2026-12-08T10:00:00.000Z');
  });
});
