import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isGeldigBsn, leeftijdOp, normaliseerPostcode, volledigeNaam } from './rules.ts';

describe('elfproef voor het BSN', () => {
  it('keurt bekende geldige BSN-nummers goed', () => {
    for (const bsn of ['111222333', '123456782', '999999990']) expect(isGeldigBsn(bsn)).toBe(true);
  });

  it('wijst een BSN af dat niet door de elfproef komt', () => {
    for (const bsn of ['123456789', '111222334', '999999999']) expect(isGeldigBsn(bsn)).toBe(false);
  });

  it('wijst een BSN af dat niet uit precies negen cijfers bestaat', () => {
    for (const bsn of ['', '12345678', '1234567890', '12345678a', ' 11122233', '111-22-333']) expect(isGeldigBsn(bsn)).toBe(false);
  });

  it('wijst 000000000 af, ook al is de som deelbaar door 11', () => {
    expect(isGeldigBsn('000000000')).toBe(false);
  });

  it('ziet elke verandering van één cijfer in een geldig BSN', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const bsn = '123456782';
        const d = (Number(bsn[pos]) + delta) % 10;
        const changed = bsn.slice(0, pos) + String(d) + bsn.slice(pos + 1);
        expect(isGeldigBsn(changed)).toBe(false);
      }),
    );
  });
});

describe('namen, postcodes en leeftijd', () => {
  it('zet de volledige naam samen met tussenvoegsel', () => {
    expect(volledigeNaam({ voornaam: 'Jan', tussenvoegsel: 'de', achternaam: 'Vries' })).toBe('Jan de Vries');
    expect(volledigeNaam({ voornaam: 'Fatima', tussenvoegsel: null, achternaam: 'El Amrani' })).toBe('Fatima El Amrani');
  });

  it('schrijft een postcode als 1234 AB en weigert wat geen postcode is', () => {
    expect(normaliseerPostcode('7411ab')).toBe('7411 AB');
    expect(normaliseerPostcode(' 7411 AB ')).toBe('7411 AB');
    expect(normaliseerPostcode('0411AB')).toBeNull();
    expect(normaliseerPostcode('7411SS')).toBeNull();
    expect(normaliseerPostcode('74111AB')).toBeNull();
  });

  it('rekent de leeftijd in hele jaren, ook rond de verjaardag', () => {
    expect(leeftijdOp('2000-06-15', '2026-06-14')).toBe(25);
    expect(leeftijdOp('2000-06-15', '2026-06-15')).toBe(26);
    expect(leeftijdOp('2004-02-29', '2026-02-28')).toBe(21);
  });
});

describe('inwoners: de randen', () => {
  it('een BSN van een andere lengte wordt geweigerd, ook als de eerste negen cijfers een geldig BSN zijn', () => {
    expect(isGeldigBsn('111222333')).toBe(true);
    for (const bsn of ['1112223330', '1112223331', 'x111222333', '111222333 ', '11122233', '1122233', '11222333', '0', '1'.repeat(20)]) {
      expect(isGeldigBsn(bsn)).toBe(false);
    }
  });

  it('het laatste cijfer telt negatief mee in de elfproef', () => {
    // 9·0 + … + 2·9 = 18 + 1 (= 19, geen elfvoud) maar 18 − 7 = 11: alleen met −1·d9 geldig.
    expect(isGeldigBsn('000000097')).toBe(true);
    expect(isGeldigBsn('000000090')).toBe(false);
  });

  it('de leeftijd rond de 18e verjaardag, de grens tussen Jeugdwet en Wmo', () => {
    expect(leeftijdOp('2008-06-15', '2026-06-14')).toBe(17); // de dag ervoor
    expect(leeftijdOp('2008-06-15', '2026-06-15')).toBe(18); // de verjaardag zelf
    expect(leeftijdOp('2008-06-15', '2026-06-16')).toBe(18); // de dag erna
    expect(leeftijdOp('2008-06-15', '2026-05-20')).toBe(17); // eerdere maand, latere dag
    expect(leeftijdOp('2008-06-15', '2026-07-01')).toBe(18); // latere maand, eerdere dag
    expect(leeftijdOp('2008-06-15', '2026-12-31')).toBe(18);
    expect(leeftijdOp('2008-01-01', '2025-12-31')).toBe(17);
    expect(leeftijdOp('2008-01-01', '2026-01-01')).toBe(18);
  });

  it('wie op 29 februari is geboren, wordt in een gewoon jaar op 1 maart een jaar ouder', () => {
    expect(leeftijdOp('2008-02-29', '2026-02-28')).toBe(17);
    expect(leeftijdOp('2008-02-29', '2026-03-01')).toBe(18);
  });

  it('een lege of ontbrekende tussenvoegsel laat geen dubbele spatie achter', () => {
    expect(volledigeNaam({ voornaam: 'Jan', tussenvoegsel: '', achternaam: 'Vries' })).toBe('Jan Vries');
    expect(volledigeNaam({ voornaam: 'Jan', tussenvoegsel: '  ', achternaam: 'Vries' })).toBe('Jan Vries');
    expect(volledigeNaam({ voornaam: 'Jan', achternaam: 'Vries' })).toBe('Jan Vries');
    expect(volledigeNaam({ voornaam: 'Jan', tussenvoegsel: 'van der', achternaam: 'Berg' })).toBe('Jan van der Berg');
  });

  it('een postcode: hoofdletters, één spatie, niet SA, SD of SS, en niets ervoor of erna', () => {
    expect(normaliseerPostcode('1000aa')).toBe('1000 AA');
    expect(normaliseerPostcode('9999 Zz')).toBe('9999 ZZ');
    expect(normaliseerPostcode('\t7411AB\n')).toBe('7411 AB');
    for (const fout of ['7411SA', '7411 sd', '7411ss', '7411  AB', '7411-AB', '741AB', '7411ABC', 'x7411AB', '7411AB x', '7411A1', 'ABCD EF', '']) {
      expect(normaliseerPostcode(fout)).toBeNull();
    }
    expect(normaliseerPostcode('7411SB')).toBe('7411 SB');
    expect(normaliseerPostcode('7411AS')).toBe('7411 AS');
  });
});
