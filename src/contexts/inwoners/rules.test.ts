import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { naarBrpPersoon } from './brp.ts';
import {
  controleerLidRelatie, controleerVertegenwoordiging, isGeldigBsn, isMinderjarig, leeftijdOp, normaliseerPostcode, opgeslagenRichting, volledigeNaam,
} from './rules.ts';

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

describe('relaties en gezag', () => {
  const peil = '2026-11-30';
  const moeder = { geboortedatum: '1985-03-04' };

  it('is minderjarig tot de achttiende verjaardag', () => {
    expect(isMinderjarig('2008-11-30', peil)).toBe(false);
    expect(isMinderjarig('2008-12-01', peil)).toBe(true);
  });

  it('geeft een ouder gezag over een minderjarig kind', () => {
    expect(controleerLidRelatie({ relatie: 'kind', gezag: true, geboortedatum: '2015-01-01' }, moeder, peil)).toBeNull();
    expect(controleerLidRelatie({ relatie: 'ouder', gezag: true, geboortedatum: '1960-01-01' }, { geboortedatum: '2012-01-01' }, peil)).toBeNull();
  });

  it('weigert gezag over een meerderjarig kind, bij een partner, en voor een minderjarige ouder', () => {
    expect(controleerLidRelatie({ relatie: 'kind', gezag: true, geboortedatum: '2000-01-01' }, moeder, peil)?.code).toBe('gezag-meerderjarig-kind');
    expect(controleerLidRelatie({ relatie: 'partner', gezag: true, geboortedatum: '1980-01-01' }, moeder, peil)?.code).toBe('gezag-alleen-ouder');
    expect(controleerLidRelatie({ relatie: 'kind', gezag: true, geboortedatum: '2025-01-01' }, { geboortedatum: '2010-01-01' }, peil)?.code).toBe('gezag-minderjarige-ouder');
  });

  it('een kind is jonger dan de ouder, een partner minstens 16', () => {
    expect(controleerLidRelatie({ relatie: 'kind', gezag: false, geboortedatum: '1980-01-01' }, moeder, peil)?.code).toBe('kind-te-oud');
    expect(controleerLidRelatie({ relatie: 'ouder', gezag: false, geboortedatum: '1990-01-01' }, moeder, peil)?.code).toBe('ouder-te-jong');
    expect(controleerLidRelatie({ relatie: 'partner', gezag: false, geboortedatum: '2012-01-01' }, moeder, peil)?.code).toBe('partner-te-jong');
  });

  it('een curator, mentor of bewindvoerder is er alleen voor een meerderjarige', () => {
    expect(controleerVertegenwoordiging('bewindvoerder', moeder, peil)).toBeNull();
    expect(controleerVertegenwoordiging('curator', { geboortedatum: '2015-01-01' }, peil)?.code).toBe('vertegenwoordiging-minderjarige');
  });

  it('slaat "kind" op als de ouder-rij van de referentiepersoon', () => {
    expect(opgeslagenRichting('kind', 'nieuw', 'ref')).toEqual({ persoonId: 'ref', anderId: 'nieuw', soort: 'ouder' });
    expect(opgeslagenRichting('partner', 'nieuw', 'ref')).toEqual({ persoonId: 'nieuw', anderId: 'ref', soort: 'partner' });
  });
});

describe('relaties en gezag: de randen en wat de medewerker leest', () => {
  const peil = '2026-11-30';
  const lid = (relatie: 'partner' | 'ouder' | 'kind' | 'overig', geboortedatum: string, gezag = false) => ({ relatie, gezag, geboortedatum });

  it('een ouder of kind met dezelfde geboortedatum als de referentiepersoon wordt geweigerd, met uitleg bij de geboortedatum', () => {
    expect(controleerLidRelatie(lid('ouder', '1985-03-04'), { geboortedatum: '1985-03-04' }, peil)).toEqual({
      veld: 'geboortedatum', code: 'ouder-te-jong', reden: 'Een ouder is ouder dan het kind: controleer de geboortedatum of de relatie',
    });
    expect(controleerLidRelatie(lid('kind', '1985-03-04'), { geboortedatum: '1985-03-04' }, peil)).toEqual({
      veld: 'geboortedatum', code: 'kind-te-oud', reden: 'Een kind is jonger dan de ouder: controleer de geboortedatum of de relatie',
    });
    expect(controleerLidRelatie(lid('ouder', '1985-03-03'), { geboortedatum: '1985-03-04' }, peil)).toBeNull();
    expect(controleerLidRelatie(lid('kind', '1985-03-05'), { geboortedatum: '1985-03-04' }, peil)).toBeNull();
  });

  it('een partner is op zijn 16e verjaardag oud genoeg, de dag ervoor niet; voor beide partners', () => {
    const volwassen = { geboortedatum: '1990-01-01' };
    expect(controleerLidRelatie(lid('partner', '2010-11-30'), volwassen, peil)).toBeNull();
    expect(controleerLidRelatie(lid('partner', '2010-12-01'), volwassen, peil)).toEqual({
      veld: 'relatie', code: 'partner-te-jong', reden: 'Partners zijn allebei minstens 16 jaar',
    });
    expect(controleerLidRelatie(lid('partner', '1990-01-01'), { geboortedatum: '2010-11-30' }, peil)).toBeNull();
    expect(controleerLidRelatie(lid('partner', '1990-01-01'), { geboortedatum: '2010-12-01' }, peil)?.code).toBe('partner-te-jong');
  });

  it('zonder gezag zijn partner en overig gewoon toegestaan', () => {
    expect(controleerLidRelatie(lid('partner', '1988-05-05'), { geboortedatum: '1990-01-01' }, peil)).toBeNull();
    expect(controleerLidRelatie(lid('overig', '2020-05-05'), { geboortedatum: '1990-01-01' }, peil)).toBeNull();
    expect(controleerLidRelatie(lid('overig', '2020-05-05', true), { geboortedatum: '1990-01-01' }, peil)).toEqual({
      veld: 'gezag', code: 'gezag-alleen-ouder', reden: 'Gezag hoort alleen bij een ouder van een minderjarig kind',
    });
  });

  it('gezag: tot de 18e verjaardag van het kind, en alleen voor een meerderjarige ouder', () => {
    const ouder = { geboortedatum: '1980-01-01' };
    expect(controleerLidRelatie(lid('kind', '2008-12-01', true), ouder, peil)).toBeNull();
    expect(controleerLidRelatie(lid('kind', '2008-11-30', true), ouder, peil)).toEqual({
      veld: 'gezag', code: 'gezag-meerderjarig-kind', reden: 'Over een kind van 18 jaar of ouder heeft niemand gezag',
    });
    expect(controleerLidRelatie(lid('ouder', '2008-11-30', true), { geboortedatum: '2025-01-01' }, peil)).toBeNull();
    expect(controleerLidRelatie(lid('ouder', '2008-12-01', true), { geboortedatum: '2025-01-01' }, peil)).toEqual({
      veld: 'gezag', code: 'gezag-minderjarige-ouder', reden: 'Een minderjarige ouder heeft geen gezag (BW 1:246)',
    });
  });

  it('een vertegenwoordiger voor een minderjarige: de uitleg noemt de soort en de ouders met gezag', () => {
    expect(controleerVertegenwoordiging('mentor', { geboortedatum: '2008-12-01' }, peil)).toEqual({
      veld: 'soort', code: 'vertegenwoordiging-minderjarige',
      reden: 'Een mentor wordt benoemd voor een meerderjarige; voor een minderjarige handelen de ouders met gezag',
    });
    expect(controleerVertegenwoordiging('curator', { geboortedatum: '2008-11-30' }, peil)).toBeNull();
  });
});

describe('de BRP (Haal Centraal v2) in Eenvoud-termen', () => {
  it('leest naam, geboortedatum, adres, relaties en gezag', () => {
    const p = naarBrpPersoon({
      burgerservicenummer: '999993653',
      naam: { voornamen: 'Noor', voorvoegsel: 'de', geslachtsnaam: 'Jong' },
      geboorte: { datum: { type: 'Datum', datum: '1988-07-07' } },
      verblijfplaats: { type: 'Adres', verblijfadres: { officieleStraatnaam: 'Stationsweg', huisnummer: 8, huisletter: 'a', postcode: '7411AB', woonplaats: 'Demodorp' } },
      indicatieCurateleRegister: false,
      kinderen: [{ burgerservicenummer: '999995078', naam: { voornamen: 'Mila' }, geboorte: { datum: { type: 'Datum', datum: '2016-04-04' } } }],
      gezag: [{ type: 'EenhoofdigOuderlijkGezag', minderjarige: { burgerservicenummer: '999995078' }, ouder: { burgerservicenummer: '999993653' } }],
    });
    expect(p).toMatchObject({
      voornaam: 'Noor', tussenvoegsel: 'de', achternaam: 'Jong', geboortedatum: '1988-07-07',
      adres: { straat: 'Stationsweg', huisnummer: '8a', postcode: '7411AB', woonplaats: 'Demodorp' },
      kinderen: [{ bsn: '999995078', geboortedatum: '2016-04-04' }],
      gezag: [{ minderjarigeBsn: '999995078', ouderBsns: ['999993653'] }],
    });
  });

  it('een onvolledige datum of een onbekende verblijfplaats wordt null, geen gok', () => {
    const p = naarBrpPersoon({ burgerservicenummer: '999993653', geboorte: { datum: { type: 'JaarDatum' } }, verblijfplaats: { type: 'VerblijfplaatsOnbekend' } });
    expect(p.geboortedatum).toBeNull();
    expect(p.adres).toBeNull();
  });
});

// Who may see a household (and whether the KCC sees only the person) is tested with the one access rule: src/contexts/privacy/rules.test.ts.
