import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adresRegel, datumLang, datumsVoluit, geadresseerde, ondertekeningRegel, opsomming, schoneInterpunctie, wetVoluit, zin } from './tekst.ts';

describe('data in brieven: één schrijfwijze', () => {
  it('schrijft een datum voluit als "3 december 2026", zonder voorloopnul', () => {
    expect(datumLang('2026-12-03')).toBe('3 december 2026');
    expect(datumLang('2027-01-31')).toBe('31 januari 2027');
  });
  it('zet JJJJ-MM-DD en DD-MM-JJJJ in een tekst om naar dezelfde schrijfwijze', () => {
    expect(datumsVoluit('Gesprek op 2026-11-30 en op 01-12-2026.')).toBe('Gesprek op 30 november 2026 en op 1 december 2026.');
  });
  it('elke dag van elk jaar geeft "d maand jjjj"', () => {
    fc.assert(fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
      expect(datumLang(d.toISOString().slice(0, 10))).toMatch(/^[1-9]\d? (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}$/);
    }));
  });
});

describe('wetten bij hun volle naam', () => {
  it('noemt nooit de code', () => {
    expect(wetVoluit('wmo')).toBe('Wet maatschappelijke ondersteuning 2015');
    expect(wetVoluit('jeugdwet')).toBe('Jeugdwet');
    expect(wetVoluit('participatiewet')).toBe('Participatiewet');
    expect(wetVoluit('schuldhulp')).toBe('Wet gemeentelijke schuldhulpverlening');
  });
});

describe('interpunctie', () => {
  it('haalt dubbele tekens weg: "..", ". .", ",.", ".,", ",," en een spatie voor een leesteken', () => {
    expect(schoneInterpunctie('Het besluit..')).toBe('Het besluit.');
    expect(schoneInterpunctie('Het besluit. .')).toBe('Het besluit.');
    expect(schoneInterpunctie('Postbus 1,.')).toBe('Postbus 1,');
    expect(schoneInterpunctie('Eerst., dan')).toBe('Eerst. dan');
    expect(schoneInterpunctie('a,, b')).toBe('a, b');
    expect(schoneInterpunctie('Zo .')).toBe('Zo.');
    expect(schoneInterpunctie('Wacht...')).toBe('Wacht.');
  });
  it('laat afkortingen, getallen en adressen heel', () => {
    expect(schoneInterpunctie('art. 7:10 lid 1 Awb, t.a.v. de heer, € 12,50 en www.rechtspraak.nl.')).toBe('art. 7:10 lid 1 Awb, t.a.v. de heer, € 12,50 en www.rechtspraak.nl.');
  });
  it('een zin eindigt met precies één punt', () => {
    expect(zin('Het huis is schoon.')).toBe('Het huis is schoon.');
    expect(zin('Het huis is schoon')).toBe('Het huis is schoon.');
    expect(zin('Klaar?')).toBe('Klaar?');
  });
  it('nooit twee leestekens na elkaar, wat de invoer ook is', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('a', 'b', ' ', '.', ',', ';', ':', '1'), { maxLength: 40 }), (tekens) => {
      expect(schoneInterpunctie(tekens.join(''))).not.toMatch(/\.\s*\.|,\s*\.|\.\s*,|,\s*,|\s[.,]/);
    }));
  });
});

describe('adressering', () => {
  const adres = { straat: 'Dorpsstraat', huisnummer: '4', postcode: '1234 AB', plaats: 'Demodorp' };
  it('een volwassene die voor zichzelf handelt, krijgt de brief zelf', () => {
    expect(geadresseerde({ naam: 'Jan de Vries', adres }, [])).toEqual({ regels: ['Jan de Vries', 'Dorpsstraat 4', '1234 AB  Demodorp'], aanhef: 'Beste Jan de Vries,' });
  });
  it('een minderjarige: aan de ouder(s)/verzorger(s), op hun adres', () => {
    const ouders = [
      { naam: 'Anna de Vries', relatie: 'ouder' as const, adres: { ...adres, straat: 'Beekweg' } },
      { naam: 'Piet de Vries', relatie: 'ouder' as const, adres },
    ];
    const g = geadresseerde({ naam: 'Sem de Vries', adres }, ouders);
    expect(g.regels).toEqual(['Aan de ouder(s)/verzorger(s) van Sem de Vries', 'Anna de Vries en Piet de Vries', 'Beekweg 4', '1234 AB  Demodorp']);
    expect(g.aanhef).toBe('Beste Anna de Vries en Piet de Vries,');
  });
  it('onder curatele: aan de curator van …', () => {
    const g = geadresseerde({ naam: 'Kees Bos', adres }, [{ naam: 'Mr. L. Jansen', relatie: 'curator', adres }]);
    expect(g.regels[0]).toBe('Aan de curator van Kees Bos');
  });
  it('een adres op één regel en een opsomming', () => {
    expect(adresRegel({ postbus: 'Postbus 100', postcode: '1000 AA', plaats: 'Demodorp' })).toBe('Postbus 100, 1000 AA Demodorp');
    expect(opsomming(['a', 'b', 'c'])).toBe('a, b en c');
  });
});

describe('de ondertekening', () => {
  it('noemt de functie en de gemeente', () => {
    expect(ondertekeningRegel('Casusregisseur', 'Demodorp')).toBe('Casusregisseur, gemeente Demodorp');
    expect(ondertekeningRegel('Sociaal Domein', 'Demodorp')).toBe('Sociaal Domein, gemeente Demodorp');
  });
  it('noemt de gemeente niet twee keer als de functie haar al noemt', () => {
    expect(ondertekeningRegel('Gemeente Demodorp', 'Demodorp')).toBe('Gemeente Demodorp');
    expect(ondertekeningRegel('Sociaal Domein gemeente Demodorp', 'Demodorp')).toBe('Sociaal Domein gemeente Demodorp');
  });
});
