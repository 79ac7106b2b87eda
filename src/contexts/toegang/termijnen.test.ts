import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  STANDAARD_TERMIJNEN, atwEinddatum, atwFeestdagen, berekenTermijn, controleerOpschorting, controleerVerdaging, eerstePaasdag,
  eerstvolgendeWerkdag, isWerkdag, koningsdag, nominaleEinddatum, opgeschorteDagen, plusDagen, plusWerkdagen, werkdagenTussen,
  type Duur, type TermijnInvoer,
} from './termijnen.ts';
import {
  BIJNA_VERLOPEN_WERKDAGEN, GELIJKGESTELDE_DAGEN, TERMIJN_STATUSSEN, dagenTussen, plusWeken, termijnFoutTekst, termijnSoortNaam, termijnStatusNaam,
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
    ), { numRuns: 500 }); // 500 random starts per run: enough here, and mutation testing runs this test for every mutant
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

  it('twee verschillende eigen lijsten in hetzelfde jaar lenen elkaars antwoord niet', async () => {
    const m = await versLaden();
    expect(m.isWerkdag('2026-11-24', ['2026-11-24'])).toBe(false);
    expect(m.isWerkdag('2026-11-24', [])).toBe(true);
    expect(m.isWerkdag('2026-11-24', ['2026-11-25'])).toBe(true);
  });
});

/** Gauss's Easter algorithm with its two exceptions: another formula than the one in termijnen.ts, to check it against. */
function pasenVolgensGauss(jaar: number): string {
  const a = jaar % 19;
  const b = jaar % 4;
  const c = jaar % 7;
  const k = Math.floor(jaar / 100);
  const p = Math.floor((13 + 8 * k) / 25);
  const q = Math.floor(k / 4);
  const M = (15 - p + k - q) % 30;
  const N = (4 + k - q) % 7;
  const d = (19 * a + M) % 30;
  const e = (2 * b + 4 * c + 6 * d + N) % 7;
  let maart = 22 + d + e; // a day number from 1 March
  if (d === 29 && e === 6) maart = 50; // 19 April, not 26
  else if (d === 28 && e === 6 && (11 * M + 11) % 30 < 19) maart = 49; // 18 April, not 25
  const [maand, dag] = maart > 31 ? [4, maart - 31] : [3, maart];
  return `${jaar}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
}

describe('feestdagen: de randen', () => {
  it('Pasen in de jaren waarin Gauss zonder zijn uitzonderingen een week te laat uitkomt', () => {
    expect(eerstePaasdag(1609)).toBe('1609-04-19');
    expect(eerstePaasdag(1954)).toBe('1954-04-18');
    expect(eerstePaasdag(1981)).toBe('1981-04-19');
    expect(eerstePaasdag(2049)).toBe('2049-04-18');
    expect(eerstePaasdag(2076)).toBe('2076-04-19');
    expect(eerstePaasdag(2106)).toBe('2106-04-18');
  });

  it('Pasen in eeuwjaren, waar de correcties voor schrikkeldagen en de maan verschuiven', () => {
    expect(eerstePaasdag(1700)).toBe('1700-04-11');
    expect(eerstePaasdag(2100)).toBe('2100-03-28');
  });

  it('Pasen valt in elk jaar van de gregoriaanse tabel samen met het algoritme van Gauss', () => {
    for (let jaar = 1583; jaar <= 4099; jaar++) expect(eerstePaasdag(jaar)).toBe(pasenVolgensGauss(jaar));
  });

  it('Koninginnedag en Koningsdag in de grensjaren 1949, 1980 en 2014', () => {
    expect(koningsdag(1948)).toBe('1948-08-31'); // Wilhelmina, laatste jaar
    expect(koningsdag(1949)).toBe('1949-04-30'); // Juliana, eerste jaar
    expect(koningsdag(1979)).toBe('1979-04-30');
    expect(koningsdag(1980)).toBe('1980-04-30'); // Beatrix, eerste jaar
    expect(koningsdag(1989)).toBe('1989-04-29'); // 30 april 1989 was een zondag
    expect(koningsdag(1967)).toBe('1967-05-01'); // 30 april 1967 was een zondag
    expect(koningsdag(2013)).toBe('2013-04-30'); // Beatrix, laatste jaar
    expect(koningsdag(2014)).toBe('2014-04-26'); // Willem-Alexander, eerste jaar (27 april een zondag)
    expect(koningsdag(2015)).toBe('2015-04-27');
    expect(koningsdag(1942)).toBe('1942-08-31');
  });

  it('de feestdag heet Koninginnedag tot en met 2013, daarna Koningsdag', () => {
    expect(atwFeestdagen(2013, []).find((f) => f.datum === '2013-04-30')!.naam).toBe('Koninginnedag');
    expect(atwFeestdagen(2014, []).find((f) => f.datum === '2014-04-26')!.naam).toBe('Koningsdag');
  });

  it('een jaartal onder 1000 krijgt voorloopnullen', () => {
    expect(koningsdag(800)).toMatch(/^0800-0(8-31|9-01)$/);
  });

  it('de gelijkgestelde dagen van de besluiten 2023–2025 en 2026–2028', () => {
    expect(GELIJKGESTELDE_DAGEN).toEqual([
      '2022-05-27', '2023-04-28', '2023-05-19', '2024-05-10', '2024-12-27', '2025-05-30',
      '2026-01-02', '2026-05-15', '2027-05-07', '2028-04-28', '2028-05-26',
    ]);
    expect(atwFeestdagen(2026, ['2026-05-15', '2027-05-07']).filter((f) => f.naam.startsWith('Gelijkgestelde')).map((f) => f.datum)).toEqual(['2026-05-15']);
  });

  it('een werkdag is zijn eigen eerstvolgende werkdag; nul werkdagen erbij is dezelfde dag', () => {
    expect(eerstvolgendeWerkdag('2026-11-24')).toBe('2026-11-24');
    expect(eerstvolgendeWerkdag('2026-12-25')).toBe('2026-12-28');
    expect(plusWerkdagen('2026-11-28', 0)).toBe('2026-11-28');
    expect(plusWerkdagen('2026-11-27', 1)).toBe('2026-11-30');
  });

  it('werkdagen tellen is hetzelfde als dag voor dag kijken, ook over jaargrenzen en vóór 1970', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 365 * 90 }), fc.integer({ min: 0, max: 800 }), (offset, lengte) => {
      const a = plusDagen('1950-01-01', offset);
      const b = plusDagen(a, lengte);
      let geteld = 0;
      for (let d = plusDagen(a, 1); d <= b; d = plusDagen(d, 1)) if (isWerkdag(d)) geteld++;
      expect(werkdagenTussen(a, b)).toBe(geteld);
    }), { numRuns: 60 });
    expect(werkdagenTussen('2026-11-30', '2026-11-24')).toBe(0);
    expect(werkdagenTussen('2026-11-24', '2026-11-24')).toBe(0);
    expect(werkdagenTussen('2026-12-24', '2027-01-04')).toBe(5); // 28–31 december en 4 januari
  });

  it('dagen en weken rekenen op de kalender', () => {
    expect(dagenTussen('2026-03-28', '2026-03-30')).toBe(2); // over de zomertijd heen
    expect(dagenTussen('2026-03-30', '2026-03-28')).toBe(-2);
    expect(plusWeken('2026-10-20', 1)).toBe('2026-10-27'); // over de wintertijd heen
    expect(nominaleEinddatum('2026-11-23', { eenheid: 'dagen', aantal: 10 })).toBe('2026-12-03');
    expect(nominaleEinddatum('2026-11-27', { eenheid: 'werkdagen', aantal: 1 }, [])).toBe('2026-11-30');
  });

  it('Atw art. 2 geldt pas vanaf drie dagen: een termijn van twee dagen schuift alleen naar de eerstvolgende werkdag', () => {
    // Start donderdag 24 december; twee dagen is zaterdag 26 december, Tweede Kerstdag: maandag 28 december.
    expect(atwEinddatum('2026-12-24', nominaleEinddatum('2026-12-24', { eenheid: 'dagen', aantal: 2 }))).toBe('2026-12-28');
    expect(atwEinddatum('2026-12-24', '2026-12-27')).toBe('2026-12-29');
  });
});

describe('opschorting: de randen', () => {
  const bestaand = { van: '2026-11-10', tot: '2026-11-12', reden: 'Wacht op medisch advies' };
  const t = wmoOnderzoek('2026-11-02', { opschortingen: [bestaand] });

  it('een tweede opschorting die niet overlapt, ook direct ervoor of erna, wordt aanvaard', () => {
    expect(controleerOpschorting(t, { van: '2026-11-13', tot: '2026-11-15', reden: 'y' })).toBeNull();
    expect(controleerOpschorting(t, { van: '2026-11-05', tot: '2026-11-09', reden: 'y' })).toBeNull();
    expect(controleerOpschorting(t, { van: '2026-11-20', tot: null, reden: 'y' })).toBeNull();
  });

  it('een opschorting die overlapt, ook maar één dag of helemaal eromheen, wordt geweigerd', () => {
    for (const [van, tot] of [['2026-11-12', '2026-11-15'], ['2026-11-05', '2026-11-10'], ['2026-11-11', '2026-11-11'], ['2026-11-05', '2026-11-20'],
      ['2026-11-05', null], ['2026-11-12', null]] as const) {
      expect(controleerOpschorting(t, { van, tot, reden: 'y' })).toBe('opschorting-overlapt');
    }
  });

  it('een opschorting op de startdatum van de termijn mag; een dag eerder niet', () => {
    const leeg = wmoOnderzoek('2026-11-02');
    expect(controleerOpschorting(leeg, { van: '2026-11-02', tot: '2026-11-03', reden: 'y' })).toBeNull();
    expect(controleerOpschorting(leeg, { van: '2026-11-01', tot: '2026-11-03', reden: 'y' })).toBe('opschorting-voor-start');
  });

  it('een opschorting van één dag mag, telt één dag en schuift de uiterste datum een dag op', () => {
    const leeg = wmoOnderzoek('2026-11-02');
    const eenDag = { van: '2026-11-10', tot: '2026-11-10', reden: 'y' };
    expect(controleerOpschorting(leeg, eenDag)).toBeNull();
    expect(opgeschorteDagen([eenDag], '2026-12-31')).toBe(1);
    const s = berekenTermijn({ ...leeg, opschortingen: [eenDag] }, '2026-11-20');
    expect(s.opgeschortDagen).toBe(1);
    expect(s.uitersteDatum).toBe('2026-12-15');
  });

  it('een afgeronde termijn neemt geen opschorting meer aan', () => {
    expect(controleerOpschorting({ ...t, afgerondOp: '2026-11-20' }, { van: '2026-11-21', tot: '2026-11-22', reden: 'y' })).toBe('termijn-afgerond');
  });

  it('een opschorting binnen een eerdere telt niet dubbel; periodes in willekeurige volgorde tellen hetzelfde', () => {
    const buiten = { van: '2026-11-10', tot: '2026-11-20', reden: 'a' };
    const binnen = { van: '2026-11-12', tot: '2026-11-15', reden: 'b' };
    const later = { van: '2026-12-01', tot: '2026-12-02', reden: 'c' };
    expect(opgeschorteDagen([buiten, binnen], '2026-12-31')).toBe(11);
    expect(opgeschorteDagen([binnen, buiten], '2026-12-31')).toBe(11);
    expect(opgeschorteDagen([later, binnen, buiten], '2026-12-31')).toBe(13);
    expect(opgeschorteDagen([later, buiten], '2026-12-31')).toBe(13);
    // Precies aansluitend: de dag waarop de tweede begint, is de laatste van de eerste.
    expect(opgeschorteDagen([{ van: '2026-11-10', tot: '2026-11-12', reden: 'a' }, { van: '2026-11-12', tot: '2026-11-14', reden: 'b' }], '2026-12-31')).toBe(5);
    expect(opgeschorteDagen([], '2026-12-31')).toBe(0);
  });

  it('een lopende opschorting die na de peildatum begint, telt nog niet', () => {
    expect(opgeschorteDagen([{ van: '2026-11-10', tot: null, reden: 'a' }], '2026-11-09')).toBe(0);
    expect(opgeschorteDagen([{ van: '2026-11-10', tot: null, reden: 'a' }, { van: '2026-11-01', tot: '2026-11-02', reden: 'b' }], '2026-11-05')).toBe(2);
    expect(opgeschorteDagen([{ van: '2026-11-10', tot: null, reden: 'a' }], '2026-11-10')).toBe(1);
  });

  it('een afgesloten opschorting die vandaag nog loopt, geeft op haar eerste en laatste dag de status opgeschort', () => {
    const met = wmoOnderzoek('2026-11-02', { opschortingen: [{ van: '2026-11-10', tot: '2026-11-19', reden: 'x' }] });
    expect(berekenTermijn(met, '2026-11-09').status).toBe('loopt');
    expect(berekenTermijn(met, '2026-11-10').status).toBe('opgeschort');
    expect(berekenTermijn(met, '2026-11-19').status).toBe('opgeschort');
    expect(berekenTermijn(met, '2026-11-20').status).toBe('loopt');
  });

  it('na afronding telt een lopende opschorting tot de dag van afronding', () => {
    const met = wmoOnderzoek('2026-11-02', { opschortingen: [{ van: '2026-11-10', tot: null, reden: 'x' }], afgerondOp: '2026-11-12' });
    const s = berekenTermijn(met, '2026-12-31');
    expect(s.opgeschortDagen).toBe(3);
    expect(s.status).toBe('afgerondBinnenTermijn');
  });
});

describe('verdaging en stand: de randen', () => {
  const t = wmoOnderzoek('2026-11-02'); // uiterste datum maandag 14 december

  it('werkdagen resterend tellen af tot nul op de laatste dag', () => {
    expect(berekenTermijn(t, '2026-12-04').werkdagenResterend).toBe(6);
    expect(berekenTermijn(t, '2026-12-07').werkdagenResterend).toBe(5);
    expect(berekenTermijn(t, '2026-12-11').werkdagenResterend).toBe(1);
    expect(berekenTermijn(t, '2026-12-12').werkdagenResterend).toBe(1); // zaterdag: maandag is de enige werkdag nog
    expect(berekenTermijn(t, '2026-12-14').werkdagenResterend).toBe(0);
    expect(berekenTermijn(t, '2026-12-21').werkdagenResterend).toBe(-5);
    expect(BIJNA_VERLOPEN_WERKDAGEN).toBe(5);
  });

  it('verdagen kan nog op de laatste dag, niet meer de dag erna', () => {
    expect(controleerVerdaging(t, '2027-01-11', '2026-12-14')).toBeNull();
    expect(controleerVerdaging(t, '2027-01-11', '2026-12-15')).toBe('termijn-al-verlopen');
  });

  it('verdagen naar dezelfde uiterste datum is geen verdaging; een dag later wel', () => {
    expect(controleerVerdaging(t, '2026-12-14', '2026-11-20')).toBe('verdaging-niet-later');
    expect(controleerVerdaging(t, '2026-12-15', '2026-11-20')).toBeNull();
  });

  it('een verdaging naar een eerdere datum dan de nominale einddatum verkort de termijn niet, maar telt wel als verdaagd', () => {
    const s = berekenTermijn({ ...t, verdaging: { nieuweDatum: '2026-12-01', reden: 'x' } }, '2026-11-20');
    expect(s.uitersteDatum).toBe('2026-12-14');
    expect(s.verdaagd).toBe(true);
    expect(berekenTermijn(t, '2026-11-20').verdaagd).toBe(false);
    expect(berekenTermijn({ ...t, verdaging: { nieuweDatum: '2026-12-14', reden: 'x' } }, '2026-11-20').uitersteDatum).toBe('2026-12-14');
  });

  it('de stand noemt soort, start, nominale en uiterste datum', () => {
    expect(berekenTermijn(t, '2026-11-20')).toEqual({
      soort: 'onderzoek', startdatum: '2026-11-02', nominaleEinddatum: '2026-12-14', uitersteDatum: '2026-12-14', opgeschortDagen: 0,
      verdaagd: false, status: 'loopt', werkdagenResterend: 16,
    });
  });

  it('een eigen lijst gelijkgestelde dagen telt mee in de stand', () => {
    const s = berekenTermijn({ ...wmoOnderzoek('2026-11-02'), gelijkgesteld: ['2026-12-14'] }, '2026-11-20');
    expect(s.uitersteDatum).toBe('2026-12-15');
    expect(s.werkdagenResterend).toBe(16);
  });
});

describe('termijnen in woorden en per wet', () => {
  it('de grondslag per wet en stap', () => {
    expect(STANDAARD_TERMIJNEN.wmo.onderzoek.grondslag).toBe('art. 2.3.2 lid 1 Wmo 2015');
    expect(STANDAARD_TERMIJNEN.wmo.beschikking).toEqual({ duur: { eenheid: 'weken', aantal: 2 }, grondslag: 'art. 2.3.5 lid 1 Wmo 2015' });
    for (const wet of ['jeugdwet', 'participatiewet', 'minima', 'onbekend'] as const) {
      expect(STANDAARD_TERMIJNEN[wet].beschikking).toEqual({ duur: { eenheid: 'weken', aantal: 8 }, grondslag: 'art. 4:13 Awb' });
    }
    expect(STANDAARD_TERMIJNEN.schuldhulp).toEqual({
      eersteGesprek: { duur: { eenheid: 'weken', aantal: 4 }, grondslag: 'art. 4 lid 1 Wgs' },
      eersteGesprekSpoed: { duur: { eenheid: 'werkdagen', aantal: 3 }, grondslag: 'art. 4 lid 2 Wgs (dreigende huisuitzetting of afsluiting)' },
      beschikking: { duur: { eenheid: 'weken', aantal: 8 }, grondslag: 'art. 4:13 Awb' },
    });
    expect(STANDAARD_TERMIJNEN.bezwaar).toEqual({ duur: { eenheid: 'weken', aantal: 6 }, grondslag: 'art. 6:7 en 6:8 Awb' });
  });

  it('soorten, statussen en fouten in woorden', () => {
    expect(termijnSoortNaam).toEqual({
      onderzoek: 'Onderzoek (Wmo)', beschikking: 'Beschikking', eersteGesprek: 'Eerste gesprek (schuldhulpverlening)', bezwaar: 'Bezwaar',
    });
    expect(TERMIJN_STATUSSEN.map((s) => termijnStatusNaam[s])).toEqual([
      'Loopt', 'Verloopt binnen 5 werkdagen', 'Verlopen', 'Opgeschort', 'Afgerond binnen termijn', 'Afgerond na termijn',
    ]);
    expect(termijnFoutTekst).toEqual({
      'termijn-afgerond': 'Deze termijn is al afgerond.',
      'termijn-al-verlopen': 'Deze termijn is al verlopen; verdagen kan alleen tot en met de uiterste datum.',
      'opschorting-voor-start': 'Een opschorting kan niet beginnen vóór de start van de termijn.',
      'opschorting-einde-voor-begin': 'De einddatum van de opschorting ligt vóór de begindatum.',
      'opschorting-overlapt': 'Deze opschorting overlapt met een eerdere opschorting of er loopt er nog een.',
      'verdaging-al-gebruikt': 'Een termijn kan maar één keer worden verdaagd.',
      'verdaging-niet-later': 'De nieuwe datum moet na de huidige uiterste datum liggen.',
    });
  });
});
