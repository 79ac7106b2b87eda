import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  STANDAARD_TERMIJNEN, atwEinddatum, atwFeestdagen, berekenTermijn, controleerOpschorting, controleerVerdaging, eerstePaasdag,
  eerstvolgendeWerkdag, isWerkdag, koningsdag, nominaleEinddatum, opgeschorteDagen, plusDagen, plusWerkdagen, werkdagenTussen,
  type Duur, type TermijnInvoer,
} from './termijnen.ts';

const wmoOnderzoek = (startdatum: string, extra: Partial<TermijnInvoer> = {}): TermijnInvoer => ({
  soort: 'onderzoek', startdatum, duur: STANDAARD_TERMIJNEN.wmo.onderzoek.duur, opschortingen: [], verdaging: null, afgerondOp: null, ...extra,
});
const wmoBeschikking = (startdatum: string): TermijnInvoer => ({ ...wmoOnderzoek(startdatum), soort: 'beschikking', duur: STANDAARD_TERMIJNEN.wmo.beschikking.duur });

describe('feestdagen van de Algemene termijnenwet', () => {
  it('berekent Pasen goed, ook in de vroegste en laatste mogelijke jaren', () => {
    const bekend: Record<number, string> = {
      1818: '1818-03-22', 1900: '1900-04-15', 1943: '1943-04-25', 2000: '2000-04-23', 2008: '2008-03-23', 2019: '2019-04-21',
      2024: '2024-03-31', 2025: '2025-04-20', 2026: '2026-04-05', 2027: '2027-03-28', 2038: '2038-04-25', 2285: '2285-03-22',
    };
    for (const [jaar, pasen] of Object.entries(bekend)) expect(eerstePaasdag(Number(jaar))).toBe(pasen);
  });

  it('Pasen valt altijd op een zondag tussen 22 maart en 25 april', () => {
    fc.assert(fc.property(fc.integer({ min: 1583, max: 4099 }), (jaar) => {
      const p = eerstePaasdag(jaar);
      expect(new Date(`${p}T12:00:00Z`).getUTCDay()).toBe(0);
      expect(p.slice(5) >= '03-22' && p.slice(5) <= '04-25').toBe(true);
    }));
  });

  it('geeft voor 2026 precies de Atw-dagen, met Goede Vrijdag en de gelijkgestelde dagen', () => {
    expect(atwFeestdagen(2026).map((f) => `${f.datum} ${f.naam}`)).toEqual([
      '2026-01-01 Nieuwjaarsdag',
      '2026-01-02 Gelijkgestelde dag (Atw art. 3 lid 3)',
      '2026-04-03 Goede Vrijdag',
      '2026-04-05 Eerste Paasdag',
      '2026-04-06 Tweede Paasdag',
      '2026-04-27 Koningsdag',
      '2026-05-05 Bevrijdingsdag',
      '2026-05-14 Hemelvaartsdag',
      '2026-05-15 Gelijkgestelde dag (Atw art. 3 lid 3)',
      '2026-05-24 Eerste Pinksterdag',
      '2026-05-25 Tweede Pinksterdag',
      '2026-12-25 Eerste Kerstdag',
      '2026-12-26 Tweede Kerstdag',
    ]);
  });

  it('Koningsdag schuift naar zaterdag 26 april als 27 april een zondag is', () => {
    expect(koningsdag(2014)).toBe('2014-04-26');
    expect(koningsdag(2025)).toBe('2025-04-26');
    expect(koningsdag(2026)).toBe('2026-04-27');
    expect(koningsdag(2031)).toBe('2031-04-26');
  });

  it('Koninginnedag: 30 april, op zondag naar 29 april (1980–2013) of naar 1 mei (1949–1979); daarvoor 31 augustus', () => {
    expect(koningsdag(2006)).toBe('2006-04-29');
    expect(koningsdag(2013)).toBe('2013-04-30');
    expect(koningsdag(1978)).toBe('1978-05-01');
    expect(koningsdag(1979)).toBe('1979-04-30');
    expect(koningsdag(1948)).toBe('1948-08-31');
    expect(koningsdag(1947)).toBe('1947-09-01'); // 31 augustus 1947 was een zondag
  });

  it('Koningsdag valt nooit op zondag, in elk jaar', () => {
    fc.assert(fc.property(fc.integer({ min: 1900, max: 2400 }), (jaar) => {
      expect(new Date(`${koningsdag(jaar)}T12:00:00Z`).getUTCDay()).not.toBe(0);
    }));
  });

  it('Hemelvaart is 39 dagen en Tweede Pinksterdag 50 dagen na Pasen, elk jaar', () => {
    fc.assert(fc.property(fc.integer({ min: 1900, max: 2400 }), (jaar) => {
      const dagen = atwFeestdagen(jaar, []);
      const pasen = eerstePaasdag(jaar);
      expect(dagen.find((d) => d.naam === 'Hemelvaartsdag')!.datum).toBe(plusDagen(pasen, 39));
      expect(dagen.find((d) => d.naam === 'Tweede Pinksterdag')!.datum).toBe(plusDagen(pasen, 50));
      expect(dagen.filter((d) => !d.naam.startsWith('Gelijkgestelde')).length).toBe(11);
    }));
  });

  it('weekenddagen en feestdagen zijn geen werkdag; een gewone dinsdag wel', () => {
    expect(isWerkdag('2026-11-24')).toBe(true);
    expect(isWerkdag('2026-11-28')).toBe(false); // zaterdag
    expect(isWerkdag('2026-11-29')).toBe(false); // zondag
    expect(isWerkdag('2026-05-05')).toBe(false); // Bevrijdingsdag, ook buiten lustrumjaren
    expect(isWerkdag('2026-04-03')).toBe(false); // Goede Vrijdag
    expect(isWerkdag('2026-05-15')).toBe(false); // gelijkgesteld, vrijdag na Hemelvaart
    expect(isWerkdag('2026-12-24')).toBe(true); // kerstavond is een werkdag
  });
});

describe('wettelijke termijnen per wet en stap', () => {
  it('Wmo-onderzoek: 6 weken vanaf de melding', () => {
    expect(berekenTermijn(wmoOnderzoek('2026-11-02'), '2026-11-02').uitersteDatum).toBe('2026-12-14');
  });

  it('een termijn die op Eerste Kerstdag eindigt, eindigt op de eerstvolgende werkdag (maandag 28 december)', () => {
    expect(berekenTermijn(wmoOnderzoek('2026-11-13'), '2026-11-13').uitersteDatum).toBe('2026-12-28');
  });

  it('Wmo-beschikking: 2 weken vanaf de aanvraag, over Tweede Paasdag, Koningsdag, Bevrijdingsdag en Hemelvaart heen', () => {
    expect(berekenTermijn(wmoBeschikking('2026-03-23'), '2026-03-23').uitersteDatum).toBe('2026-04-07');
    expect(berekenTermijn(wmoBeschikking('2026-04-13'), '2026-04-13').uitersteDatum).toBe('2026-04-28');
    expect(berekenTermijn(wmoBeschikking('2026-04-21'), '2026-04-21').uitersteDatum).toBe('2026-05-06');
    expect(berekenTermijn(wmoBeschikking('2026-04-30'), '2026-04-30').uitersteDatum).toBe('2026-05-18');
  });

  it('Jeugdwet, Participatiewet en andere Awb-besluiten: 8 weken vanaf de aanvraag', () => {
    for (const wet of ['jeugdwet', 'participatiewet', 'minima', 'onbekend'] as const) {
      expect(nominaleEinddatum('2026-09-01', STANDAARD_TERMIJNEN[wet].beschikking.duur)).toBe('2026-10-27');
    }
    expect(nominaleEinddatum('2026-09-01', STANDAARD_TERMIJNEN.schuldhulp.beschikking.duur)).toBe('2026-10-27');
  });

  it('schuldhulp: eerste gesprek binnen 4 weken, bij dreigende uitzetting of afsluiting binnen 3 werkdagen', () => {
    expect(nominaleEinddatum('2026-11-23', STANDAARD_TERMIJNEN.schuldhulp.eersteGesprek.duur)).toBe('2026-12-21');
    // Verzoek op Goede Vrijdag: za, zo en Tweede Paasdag tellen niet mee.
    expect(nominaleEinddatum('2026-04-03', STANDAARD_TERMIJNEN.schuldhulp.eersteGesprekSpoed.duur)).toBe('2026-04-09');
    expect(nominaleEinddatum('2026-12-23', STANDAARD_TERMIJNEN.schuldhulp.eersteGesprekSpoed.duur)).toBe('2026-12-29');
  });

  it('bezwaar: 6 weken na de dag van verzending', () => {
    expect(nominaleEinddatum('2026-11-23', STANDAARD_TERMIJNEN.bezwaar.duur)).toBe('2027-01-04');
  });

  it('Atw art. 2: een termijn van drie dagen of meer bevat minstens twee werkdagen', () => {
    const drieDagen: Duur = { eenheid: 'dagen', aantal: 3 };
    // Start op donderdag 24 december: 25, 26 en 27 tellen niet; 28 is één werkdag; dus 29 december.
    expect(atwEinddatum('2026-12-24', nominaleEinddatum('2026-12-24', drieDagen))).toBe('2026-12-29');
  });

  it('de uiterste datum is altijd een werkdag, nooit vóór de nominale einddatum, voor elke start in elk jaar', () => {
    const duren: Duur[] = [
      { eenheid: 'weken', aantal: 2 }, { eenheid: 'weken', aantal: 6 }, { eenheid: 'weken', aantal: 8 }, { eenheid: 'werkdagen', aantal: 3 },
      { eenheid: 'dagen', aantal: 3 },
    ];
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 365 * 60 }), fc.constantFrom(...duren),
      (offset, duur) => {
        const start = plusDagen('1990-01-01', offset);
        const t: TermijnInvoer = { soort: 'beschikking', startdatum: start, duur, opschortingen: [], verdaging: null, afgerondOp: null };
        const s = berekenTermijn(t, start);
        expect(isWerkdag(s.uitersteDatum)).toBe(true);
        expect(s.uitersteDatum >= s.nominaleEinddatum).toBe(true);
        expect(s.uitersteDatum).toBe(eerstvolgendeWerkdag(s.uitersteDatum));
        // Moving past the end never skips a working day: the day before the end is not a later working day.
        expect(werkdagenTussen(start, s.uitersteDatum)).toBeGreaterThanOrEqual(2);
      },
    ), { numRuns: 2000 });
  });

  it('plusWerkdagen en werkdagenTussen zijn elkaars omgekeerde', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 365 * 30 }), fc.integer({ min: 1, max: 60 }), (offset, n) => {
      const start = plusDagen('2000-01-01', offset);
      expect(werkdagenTussen(start, plusWerkdagen(start, n))).toBe(n);
    }));
  });
});

describe('opschorting en verdaging', () => {
  it('de opgeschorte dagen schuiven de uiterste datum op', () => {
    const t = wmoOnderzoek('2026-11-02', { opschortingen: [{ van: '2026-11-10', tot: '2026-11-19', reden: 'Wacht op medisch advies' }] });
    const s = berekenTermijn(t, '2026-11-20');
    expect(s.opgeschortDagen).toBe(10);
    expect(s.uitersteDatum).toBe('2026-12-24');
    expect(s.status).toBe('loopt');
  });

  it('overlappende periodes tellen één keer', () => {
    expect(opgeschorteDagen([
      { van: '2026-11-10', tot: '2026-11-19', reden: 'a' }, { van: '2026-11-15', tot: '2026-11-25', reden: 'b' },
      { van: '2026-12-01', tot: '2026-12-01', reden: 'c' },
    ], '2026-12-31')).toBe(17);
  });

  it('een lopende opschorting telt door tot vandaag en geeft de status opgeschort', () => {
    const t = wmoOnderzoek('2026-11-02', { opschortingen: [{ van: '2026-11-10', tot: null, reden: 'Wacht op gegevens van de inwoner' }] });
    const s = berekenTermijn(t, '2026-11-16');
    expect(s.status).toBe('opgeschort');
    expect(s.opgeschortDagen).toBe(7);
    expect(s.uitersteDatum).toBe('2026-12-21');
  });

  it('verdaging zet een latere einddatum; opschorting komt daar nog bij', () => {
    const t = wmoOnderzoek('2026-11-02', { verdaging: { nieuweDatum: '2027-01-11', reden: 'Complexe situatie' } });
    expect(berekenTermijn(t, '2026-11-20').uitersteDatum).toBe('2027-01-11');
    const metOpschorting = { ...t, opschortingen: [{ van: '2026-11-10', tot: '2026-11-12', reden: 'x' }] };
    expect(berekenTermijn(metOpschorting, '2026-11-20').uitersteDatum).toBe('2027-01-14');
  });

  it('weigert een tweede verdaging, een verdaging na het verlopen en een datum die niet later is', () => {
    const t = wmoOnderzoek('2026-11-02');
    expect(controleerVerdaging(t, '2027-01-11', '2026-11-20')).toBeNull();
    expect(controleerVerdaging({ ...t, verdaging: { nieuweDatum: '2027-01-11', reden: 'x' } }, '2027-02-01', '2026-11-20')).toBe('verdaging-al-gebruikt');
    expect(controleerVerdaging(t, '2027-01-11', '2026-12-15')).toBe('termijn-al-verlopen');
    expect(controleerVerdaging(t, '2026-12-10', '2026-11-20')).toBe('verdaging-niet-later');
    expect(controleerVerdaging({ ...t, afgerondOp: '2026-11-19' }, '2027-01-11', '2026-11-20')).toBe('termijn-afgerond');
  });

  it('weigert een opschorting vóór de start, met einde vóór begin, of overlappend met een lopende', () => {
    const t = wmoOnderzoek('2026-11-02', { opschortingen: [{ van: '2026-11-10', tot: null, reden: 'x' }] });
    expect(controleerOpschorting(t, { van: '2026-10-30', tot: '2026-11-01', reden: 'y' })).toBe('opschorting-voor-start');
    expect(controleerOpschorting(t, { van: '2026-11-05', tot: '2026-11-04', reden: 'y' })).toBe('opschorting-einde-voor-begin');
    expect(controleerOpschorting(t, { van: '2026-11-20', tot: '2026-11-25', reden: 'y' })).toBe('opschorting-overlapt');
    expect(controleerOpschorting(wmoOnderzoek('2026-11-02'), { van: '2026-11-20', tot: '2026-11-25', reden: 'y' })).toBeNull();
  });
});

describe('stand van een termijn', () => {
  const t = wmoOnderzoek('2026-11-02'); // uiterste datum maandag 14 december
  it('loopt, verloopt binnen 5 werkdagen, verlopen', () => {
    expect(berekenTermijn(t, '2026-11-20').status).toBe('loopt');
    expect(berekenTermijn(t, '2026-12-04').status).toBe('loopt'); // 6 werkdagen te gaan
    expect(berekenTermijn(t, '2026-12-07').status).toBe('verlooptBinnenkort'); // 5 werkdagen
    expect(berekenTermijn(t, '2026-12-14').status).toBe('verlooptBinnenkort'); // de laatste dag
    expect(berekenTermijn(t, '2026-12-15').status).toBe('verlopen');
    expect(berekenTermijn(t, '2026-12-15').werkdagenResterend).toBe(-1);
  });

  it('afgerond binnen of na de termijn', () => {
    expect(berekenTermijn({ ...t, afgerondOp: '2026-12-14' }, '2027-01-01').status).toBe('afgerondBinnenTermijn');
    expect(berekenTermijn({ ...t, afgerondOp: '2026-12-15' }, '2027-01-01').status).toBe('afgerondNaTermijn');
  });
});

describe('feestdagen met een eigen lijst gelijkgestelde dagen', () => {
  // Each test loads the module afresh, so the holiday cache starts empty and the order of asking is what the test says.
  const versLaden = async () => {
    vi.resetModules();
    return import('./termijnen.ts');
  };

  it('zonder gelijkgestelde dagen is vrijdag 15 mei 2026 een werkdag, ook als eerst de standaardlijst is gevraagd', async () => {
    const m = await versLaden();
    expect(m.isWerkdag('2026-05-15')).toBe(false);
    expect(m.isWerkdag('2026-05-15', [])).toBe(true);
  });

  it('met de standaardlijst is vrijdag 15 mei 2026 geen werkdag, ook als eerst zonder gelijkgestelde dagen is gevraagd', async () => {
    const m = await versLaden();
    expect(m.isWerkdag('2026-05-15', [])).toBe(true);
    expect(m.isWerkdag('2026-05-15')).toBe(false);
  });

  it('een eigen lijst telt alleen haar eigen dagen, naast de vaste feestdagen', async () => {
    const m = await versLaden();
    expect(m.isWerkdag('2026-11-24', ['2026-11-24'])).toBe(false);
    expect(m.isWerkdag('2026-11-24')).toBe(true);
    expect(m.isWerkdag('2026-05-15', ['2026-11-24'])).toBe(true);
    expect(m.isWerkdag('2026-05-14', ['2026-11-24'])).toBe(false); // Hemelvaartsdag blijft een feestdag
    expect(m.werkdagenTussen('2026-05-13', '2026-05-15', [])).toBe(1);
    expect(m.werkdagenTussen('2026-05-13', '2026-05-15')).toBe(0);
  });
});
