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
