import { describe, expect, it } from 'vitest';
import {
  alsInvoer, asLabel, csvWaarde, deelVanMaand, eenheidNaam, formatBedrag, formatMaand, formatMaandKort, formatNormWaarde, formatPeriodeKort, formatTeller,
  formatVerschil, formatWaarde, heeftTeken, invoerSchaal, leesGetal, naarCsv, normPerMaand, normTekst, normVoorPeriode, onderbouwing, oordeel, signaalTekst, tellerNoemer,
  waardeKop, type Maat,
} from './regels.ts';

// Intl writes a no-break space between € and the amount; the tests read it as a plain space.
const s = (t: string | null) => (t === null ? null : t.replace(/\u00a0/g, ' '));
const MIN = '\u2212';

const aandeel: Maat = { id: 'aandeel-goed-geholpen', eenheid: 'aandeel' };
const verandering: Maat = { id: 'verandering-aanvragen', eenheid: 'verandering' };
const caseload: Maat = { id: 'caseload-per-regisseur', eenheid: 'gemiddelde' };
const zrm: Maat = { id: 'zrm-verandering', eenheid: 'gemiddelde' };
const kosten: Maat = { id: 'kosten-per-client', eenheid: 'bedrag' };
const aantal: Maat = { id: 'nieuwe-meldingen', eenheid: 'aantal' };

describe('cijfers zoals een lezer ze verwacht', () => {
  it('een aandeel met één decimaal en een procentteken; zonder gegevens een streep', () => {
    expect(formatWaarde(0.2, aandeel)).toBe('20,0%');
    expect(formatWaarde(0.1234, aandeel)).toBe('12,3%');
    expect(formatWaarde(null, aandeel)).toBe('—');
  });

  it('een verandering altijd met teken, en een echt minteken', () => {
    expect(formatWaarde(-0.15, verandering)).toBe(`${MIN}15,0%`);
    expect(formatWaarde(0.123, verandering)).toBe('+12,3%');
    expect(formatWaarde(0, verandering)).toBe('0,0%');
  });

  it('een gemiddelde zonder teken, een verandering in zelfredzaamheid met teken', () => {
    expect(heeftTeken(caseload)).toBe(false);
    expect(heeftTeken(zrm)).toBe(true);
    expect(heeftTeken({ id: 'score-verschil', eenheid: 'gemiddelde' })).toBe(true);
    expect(heeftTeken(verandering)).toBe(true);
    expect(heeftTeken({ id: 'verandering-x', eenheid: 'aantal' })).toBe(false);
    expect(formatWaarde(32.4, caseload)).toBe('32,4');
    expect(formatWaarde(0.62, zrm)).toBe('+0,62');
    expect(formatWaarde(-0.5, zrm)).toBe(`${MIN}0,5`);
  });

  it('bedragen in hele euro’s, met centen alleen voor kleine bedragen die niet rond zijn', () => {
    expect(s(formatWaarde(1234, kosten))).toBe('€ 1.234');
    expect(s(formatBedrag(1234.56))).toBe('€ 1.235');
    expect(s(formatBedrag(12.5))).toBe('€ 12,50');
    expect(s(formatBedrag(12))).toBe('€ 12');
    expect(s(formatBedrag(-12.5))).toBe(`${MIN}€ 12,50`);
    expect(s(formatBedrag(99.5))).toBe('€ 99,50');
    expect(s(formatBedrag(100.5))).toBe('€ 101');
  });

  it('een aantal als gewoon getal, met punt voor duizendtallen', () => {
    expect(formatWaarde(1234.5, aantal)).toBe('1.234,5');
    expect(formatWaarde(-3, aantal)).toBe(`${MIN}3`);
  });
});

describe('de norm in woorden', () => {
  it('een norm zonder overbodige decimalen', () => {
    expect(formatNormWaarde(0.2, aandeel)).toBe('20%');
    expect(formatNormWaarde(0.955, aandeel)).toBe('95,5%');
    expect(formatNormWaarde(-0.15, verandering)).toBe(`${MIN}15%`);
    expect(formatNormWaarde(0.1, verandering)).toBe('+10%');
    expect(s(formatNormWaarde(400, kosten))).toBe('€ 400');
    expect(formatNormWaarde(0.5, zrm)).toBe('+0,5');
    expect(formatNormWaarde(35, caseload)).toBe('35');
    expect(formatNormWaarde(35, aantal)).toBe('35');
  });

  it('ten hoogste bij lager-is-beter, ten minste bij hoger-is-beter, of geen norm', () => {
    expect(normTekst({ id: 'a', norm: 0.2, richting: 'lagerIsBeter', eenheid: 'aandeel' })).toBe('Norm: ten hoogste 20%');
    expect(s(normTekst({ id: 'k', norm: 400, richting: 'hogerIsBeter', eenheid: 'bedrag' }))).toBe('Norm: ten minste € 400');
    expect(normTekst({ id: 'n', norm: null, richting: 'lagerIsBeter', eenheid: 'aantal' })).toBe('Geen norm');
  });

  it('een norm per jaar zegt dat, en met een kortere periode ook wat zij daarvoor is; de trend meet een maand aan een twaalfde', () => {
    const kosten = { id: 'kosten-per-inwoner', norm: 400, richting: 'lagerIsBeter' as const, eenheid: 'bedrag' as const, normPer: 'jaar' as const };
    expect(s(normTekst(kosten))).toBe('Norm: ten hoogste € 400 per jaar');
    expect(s(normTekst(kosten, { normInPeriode: 100 }))).toBe('Norm: ten hoogste € 400 per jaar; voor deze periode € 100');
    expect(s(normTekst(kosten, { normInPeriode: 400 }))).toBe('Norm: ten hoogste € 400 per jaar');
    expect(normVoorPeriode(kosten, { normInPeriode: 100 })).toBe(100);
    expect(normVoorPeriode(kosten, undefined)).toBe(null);
    expect(normPerMaand(kosten)).toBeCloseTo(400 / 12, 10);
    // Any other norm holds for every period and month as it is.
    const aandeel = { id: 'a', norm: 0.2, richting: 'lagerIsBeter' as const, eenheid: 'aandeel' as const, normPer: null };
    expect(normTekst(aandeel, { normInPeriode: 0.2 })).toBe('Norm: ten hoogste 20%');
    expect(normVoorPeriode(aandeel, undefined)).toBe(0.2);
    expect(normPerMaand(aandeel)).toBe(0.2);
  });

  it('het signaal in woorden; zonder signaal: geen gegevens of geen norm', () => {
    expect(signaalTekst('groen', true, true)).toBe('Op norm');
    expect(signaalTekst('oranje', true, true)).toBe('Let op');
    expect(signaalTekst('rood', true, true)).toBe('Niet op norm');
    expect(signaalTekst(null, false, true)).toBe('Geen gegevens');
    expect(signaalTekst(null, false, false)).toBe('Geen gegevens');
    expect(signaalTekst(null, true, true)).toBe('Geen gegevens');
    expect(signaalTekst(null, true, false)).toBe('Geen norm');
  });
});

describe('verschillen tussen twee cijfers', () => {
  it('procentpunten voor aandelen en veranderingen, altijd met teken', () => {
    expect(formatVerschil(0.05, aandeel)).toBe('+5 procentpunt');
    expect(formatVerschil(-0.0512, verandering)).toBe(`${MIN}5,1 procentpunt`);
    expect(formatVerschil(0, aandeel)).toBe('±0 procentpunt');
    expect(formatVerschil(null, aandeel)).toBe('—');
  });

  it('euro’s voor bedragen, punten voor gemiddelden, gewone getallen voor aantallen', () => {
    expect(s(formatVerschil(-1500, kosten))).toBe(`${MIN}€ 1.500`);
    expect(formatVerschil(0.123, zrm)).toBe('+0,12');
    expect(formatVerschil(3, aantal)).toBe('+3');
  });

  it('beter of slechter hangt af van de richting van de KPI', () => {
    expect(oordeel(0.1, 'hogerIsBeter')).toBe('beter');
    expect(oordeel(0.1, 'lagerIsBeter')).toBe('slechter');
    expect(oordeel(-0.1, 'hogerIsBeter')).toBe('slechter');
    expect(oordeel(-0.1, 'lagerIsBeter')).toBe('beter');
    expect(oordeel(1e-12, 'hogerIsBeter')).toBe('gelijk');
    expect(oordeel(null, 'hogerIsBeter')).toBeNull();
  });
});

describe('teller, noemer en onderbouwing', () => {
  it('noemt wat teller en noemer tellen; een aantal heeft geen noemer', () => {
    expect(tellerNoemer(aandeel)).toEqual({ teller: 'Goed geholpen', noemer: 'Antwoorden' });
    expect(tellerNoemer({ id: 'eigen', eenheid: 'verandering' })).toEqual({ teller: 'Nu', noemer: 'In de basisperiode' });
    expect(tellerNoemer({ id: 'eigen', eenheid: 'bedrag' })).toEqual({ teller: 'Kosten', noemer: 'Aantal' });
    expect(tellerNoemer({ id: 'eigen', eenheid: 'aandeel' })).toEqual({ teller: 'Teller', noemer: 'Noemer' });
    expect(tellerNoemer(aantal)).toBeNull();
  });

  it('schrijft hoe een cijfer tot stand komt', () => {
    expect(onderbouwing(aandeel, 2, 24)).toBe('2 van 24');
    expect(onderbouwing(verandering, 14, 12)).toBe('14 aanvragen, in de basisperiode 12');
    expect(onderbouwing({ id: 'verandering-voorzieningen', eenheid: 'verandering' }, 90, 100)).toBe('90 voorzieningsmaanden, in de basisperiode 100');
    expect(s(onderbouwing({ id: 'kosten-per-inwoner', eenheid: 'bedrag' }, 12000, 3000))).toBe('€ 12.000 over 3.000 inwoners');
    expect(s(onderbouwing(kosten, 12000, 30))).toBe('€ 12.000 over 30 cliënten');
    expect(s(onderbouwing(kosten, 6000, 1))).toBe('€ 6.000 over 1 cliënt');
    expect(onderbouwing(zrm, -3, 12)).toBe(`${MIN}3 punten over 12 gemeten leefgebieden`);
    expect(onderbouwing(caseload, 70, 2)).toBe('70 open casussen over 2 casusregisseurs');
    expect(onderbouwing(caseload, 35, 1)).toBe('35 open casussen over 1 casusregisseur');
    expect(onderbouwing({ id: 'eigen', eenheid: 'verandering' }, 5, 4)).toBe('5 nu, in de basisperiode 4');
    expect(onderbouwing({ id: 'eigen', eenheid: 'gemiddelde' }, 5, 4)).toBe('5 over 4');
    expect(onderbouwing(aantal, 5, 0)).toBeNull();
    expect(formatTeller(2.5, zrm)).toBe('+2,5');
  });
});

describe('eenheden, invoer en grafiekassen', () => {
  it('de eenheid in woorden en als kolomkop', () => {
    expect(['aandeel', 'aantal', 'verandering', 'gemiddelde', 'bedrag'].map((e) => eenheidNaam(e as Maat['eenheid']))).toEqual([
      'procent', 'aantal', 'procent verandering', 'gemiddelde', 'euro',
    ]);
    expect(['aandeel', 'aantal', 'verandering', 'gemiddelde', 'bedrag'].map((e) => waardeKop(e as Maat['eenheid']))).toEqual([
      'Waarde (%)', 'Aantal', 'Verandering (%)', 'Gemiddelde', 'Bedrag (euro)',
    ]);
  });

  it('aandelen en veranderingen worden in procenten ingevoerd; de API houdt breuken', () => {
    expect(invoerSchaal('aandeel')).toBe(100);
    expect(invoerSchaal('verandering')).toBe(100);
    expect(invoerSchaal('bedrag')).toBe(1);
    expect(csvWaarde(0.2, 'aandeel')).toBe(20);
    expect(csvWaarde(35, 'gemiddelde')).toBe(35);
    expect(csvWaarde(null, 'aandeel')).toBeNull();
  });

  it('labels op de as, al geschaald', () => {
    expect(asLabel(20, aandeel)).toBe('20%');
    expect(asLabel(-15, verandering)).toBe(`${MIN}15%`);
    expect(asLabel(5, verandering)).toBe('+5%');
    expect(asLabel(0, verandering)).toBe('0%');
    expect(s(asLabel(400, kosten))).toBe('€ 400');
    expect(asLabel(-0.5, zrm)).toBe(`${MIN}0,5`);
    expect(asLabel(-2, aantal)).toBe(`${MIN}2`);
  });

  it('maanden en periodes in het Nederlands', () => {
    expect(formatMaand('2026-03')).toBe('maart 2026');
    expect(formatMaand('geen maand')).toBe('geen maand');
    expect(formatMaandKort('2026-03')).toBe('mrt 26');
    expect(formatMaandKort('2026')).toBe('2026');
    expect(formatPeriodeKort('2024-01-01', '2024-12-31')).toBe('1 jan – 31 dec 2024');
    expect(formatPeriodeKort('2024-12-01', '2025-01-31')).toBe('1 dec 2024 – 31 jan 2025');
    expect(formatPeriodeKort('onzin', '2025-01-31')).toBe('onzin – 2025-01-31');
  });
});

describe('getallen die iemand intypt', () => {
  it('leest Nederlandse schrijfwijzen', () => {
    expect(leesGetal('20,5')).toBe(20.5);
    expect(leesGetal('20.5')).toBe(20.5);
    expect(leesGetal(`${MIN}15`)).toBe(-15);
    expect(leesGetal('–15')).toBe(-15);
    expect(leesGetal('+10')).toBe(10);
    expect(leesGetal(' 15% ')).toBe(15);
    expect(leesGetal('€ 6.000')).toBe(6000);
    expect(leesGetal('1.234,5')).toBe(1234.5);
  });

  it('weigert wat geen getal is', () => {
    for (const t of ['', ' ', 'abc', '1,2,3', '12a', '--5']) expect(leesGetal(t)).toBeNull();
  });

  it('zet een getal in het invoerveld met decimale komma, zonder rekenruis', () => {
    expect(alsInvoer(0.1 + 0.2)).toBe('0,3');
    expect(alsInvoer(-0.15)).toBe(`${MIN}0,15`);
    expect(alsInvoer(35)).toBe('35');
  });
});

describe('CSV voor een Nederlandse spreadsheet', () => {
  it('puntkomma’s, decimale komma, lege cellen en aanhalingstekens waar nodig', () => {
    expect(naarCsv(['Wijk', 'Waarde'], [['Noord', 20.5], [null, 'a;b'], ['zeg "hoi"', 1 / 3]])).toBe(
      'Wijk;Waarde\r\nNoord;20,5\r\n;"a;b"\r\n"zeg ""hoi""";0,333333\r\n',
    );
  });
});

describe('een maand die maar voor een deel in de periode valt', () => {
  it('de lopende maand tot vandaag, een begin halverwege, beide, en hele maanden niet', () => {
    expect(s(deelVanMaand('2026-12', '2026-01-01', '2026-12-01'))).toBe('t/m 1 dec');
    expect(s(deelVanMaand('2026-03', '2026-03-15', '2026-06-30'))).toBe('vanaf 15 mrt');
    expect(s(deelVanMaand('2026-05', '2026-05-02', '2026-05-20'))).toBe('2 t/m 20 mei');
    expect(deelVanMaand('2026-02', '2026-01-01', '2026-12-01')).toBeNull();
    expect(deelVanMaand('2024-02', '2024-02-01', '2024-02-29')).toBeNull();
    expect(s(deelVanMaand('2024-02', '2024-02-01', '2024-02-28'))).toBe('t/m 28 feb');
    expect(deelVanMaand('geen maand', '2026-01-01', '2026-12-01')).toBeNull();
  });
});
