import { describe, expect, it } from 'vitest';
import {
  batchnummer, controleerGrootboekregels, controleerPeriode, euroTekst, groepeerPerAanbieder, journaalCsvRecords, journaalRegels, journaalRijen, journaalTotaal,
  laatsteDag, ontbrekendGrootboek, wetVanStandaard, zoekGrootboekregel, type BatchKop, type BronRegel, type Grootboekregel,
} from './rules.ts';

const grootboek: Grootboekregel[] = [
  { wet: 'wmo', productcategorie: null, grootboekrekening: '4300', kostenplaats: 'WMO' },
  { wet: 'wmo', productcategorie: '01', grootboekrekening: '4310', kostenplaats: 'HBH' },
  { wet: 'jeugdwet', productcategorie: '45', grootboekrekening: '4420', kostenplaats: 'JGD-V' },
];

describe('periode', () => {
  it('de laatste dag van een maand, ook in februari van een schrikkeljaar', () => {
    expect(laatsteDag('2026-11')).toBe('2026-11-30');
    expect(laatsteDag('2028-02')).toBe('2028-02-29');
    expect(laatsteDag('2027-02')).toBe('2027-02-28');
    expect(laatsteDag('2026-12')).toBe('2026-12-31');
  });

  it('een periode die nog niet begonnen is of geen JJJJ-MM is, wordt geweigerd', () => {
    expect(controleerPeriode('2026-11', '2026-12-01')).toEqual([]);
    expect(controleerPeriode('2026-12', '2026-12-01')).toEqual([]);
    expect(controleerPeriode('2027-01', '2026-12-31')[0]!.reden).toMatch(/nog niet begonnen/);
    expect(controleerPeriode('2026-13', '2026-12-01')[0]!.reden).toMatch(/JJJJ-MM/);
    expect(controleerPeriode('2026-1', '2026-12-01')).toHaveLength(1);
  });
});

describe('grootboekregel: de meest specifieke regel geldt', () => {
  it('wet en productcategorie gaan voor de algemene regel van de wet', () => {
    expect(zoekGrootboekregel(grootboek, 'wmo', '01')?.grootboekrekening).toBe('4310');
    expect(zoekGrootboekregel(grootboek, 'wmo', '02')?.grootboekrekening).toBe('4300');
    expect(zoekGrootboekregel(grootboek, 'wmo', null)?.grootboekrekening).toBe('4300');
  });

  it('zonder regel voor de wet (ook niet algemeen) is er geen grootboekrekening', () => {
    expect(zoekGrootboekregel(grootboek, 'jeugdwet', '45')?.kostenplaats).toBe('JGD-V');
    expect(zoekGrootboekregel(grootboek, 'jeugdwet', '41')).toBeNull();
    expect(zoekGrootboekregel([], 'wmo', '01')).toBeNull();
  });

  it('iWmo wordt Wmo, iJw wordt Jeugdwet', () => {
    expect(wetVanStandaard('iwmo')).toBe('wmo');
    expect(wetVanStandaard('ijw')).toBe('jeugdwet');
  });
});

describe('grootboekregels controleren', () => {
  it('goede regels worden genormaliseerd: spaties weg, een lege productcategorie is de hele wet', () => {
    const { regels, fouten } = controleerGrootboekregels([{ wet: ' WMO ', productcategorie: '', grootboekrekening: ' 4300 ', kostenplaats: 'WMO ' }]);
    expect(fouten).toEqual([]);
    expect(regels).toEqual([{ wet: 'wmo', productcategorie: null, grootboekrekening: '4300', kostenplaats: 'WMO' }]);
  });

  it('elke fout noemt het veld van de regel en zegt in het Nederlands wat er mis is', () => {
    const { fouten } = controleerGrootboekregels([
      { wet: 'zorgwet', grootboekrekening: '1', kostenplaats: 'k' },
      { wet: 'wmo', productcategorie: '1', grootboekrekening: '', kostenplaats: '  ' },
      { wet: 'wmo', productcategorie: null, grootboekrekening: 'x'.repeat(31), kostenplaats: 'k' },
      { wet: 'wmo', productcategorie: null, grootboekrekening: '4300', kostenplaats: 'k' },
    ]);
    expect(fouten.map((f) => f.veld)).toEqual([
      'regels.0.wet', 'regels.1.productcategorie', 'regels.1.grootboekrekening', 'regels.1.kostenplaats', 'regels.2.grootboekrekening', 'regels.3.wet',
    ]);
    expect(fouten[0]!.reden).toMatch(/Onbekende wet 'zorgwet'/);
    expect(fouten[5]!.reden).toBe('Er staat al een regel voor Wmo zonder productcategorie');
  });
});

describe('betaalbatches per aanbieder', () => {
  it('één voorstel per aanbieder: de prestaties, het aantal declaraties en het totaal met credits en taakgerichte maanden', () => {
    const v = groepeerPerAanbieder([
      { id: 'p1', aanbiederId: 'A', declaratieId: 'd1', toegekendCents: 10_935 },
      { id: 'p2', aanbiederId: 'B', declaratieId: 'd2', toegekendCents: 5_000 },
      { id: 'p3', aanbiederId: 'A', declaratieId: 'd1', toegekendCents: 7_290 },
      { id: 'p4', aanbiederId: 'A', declaratieId: 'd3', toegekendCents: -10_935 },
    ], [{ contractProductId: 'cp1', aanbiederId: 'C', bedragCents: 250_000 }, { contractProductId: 'cp2', aanbiederId: 'A', bedragCents: 100 }]);
    expect(v).toEqual([
      { aanbiederId: 'A', prestatieIds: ['p1', 'p3', 'p4'], taakgericht: [{ contractProductId: 'cp2', aanbiederId: 'A', bedragCents: 100 }], totaalCents: 7_390, aantalPrestaties: 3, aantalDeclaraties: 2 },
      { aanbiederId: 'B', prestatieIds: ['p2'], taakgericht: [], totaalCents: 5_000, aantalPrestaties: 1, aantalDeclaraties: 1 },
      { aanbiederId: 'C', prestatieIds: [], taakgericht: [{ contractProductId: 'cp1', aanbiederId: 'C', bedragCents: 250_000 }], totaalCents: 250_000, aantalPrestaties: 0, aantalDeclaraties: 0 },
    ]);
  });

  it('niets te betalen: geen voorstel', () => {
    expect(groepeerPerAanbieder([], [])).toEqual([]);
  });

  it('het batchnummer noemt de periode en telt door', () => {
    expect(batchnummer('2026-11', 1)).toBe('BB-202611-001');
    expect(batchnummer('2026-11', 12)).toBe('BB-202611-012');
  });
});

describe('journaal', () => {
  const kop: BatchKop = { nummer: 'BB-202611-001', periode: '2026-11', boekdatum: '2026-12-01', aanbieder: { naam: 'Thuiszorg De Heide', agbCode: '98012345' } };
  const bron: BronRegel[] = [
    { bron: 'declaraties', wet: 'wmo', productcategorie: '01', productcode: 'HH201', naam: null, soort: 'debet', cents: 65_610, aantalPrestaties: 2 },
    { bron: 'declaraties', wet: 'wmo', productcategorie: '01', productcode: 'HH201', naam: null, soort: 'credit', cents: -36_450, aantalPrestaties: 1 },
    { bron: 'declaraties', wet: 'wmo', productcategorie: '02', productcode: '02A01', naam: null, soort: 'debet', cents: 6_850, aantalPrestaties: 1 },
    { bron: 'taakgericht', wet: 'jeugdwet', productcategorie: '31', productcode: '31T01', naam: 'Jeugdhulp door het wijkteam', soort: 'debet', cents: 1_250_000, aantalPrestaties: 0 },
  ];

  it('elke regel krijgt grootboekrekening en kostenplaats van de meest specifieke regel; het totaal is de som van de regels', () => {
    const regels = journaalRegels(kop, bron, grootboek);
    expect(regels.map((r) => [r.grootboekrekening, r.kostenplaats, r.productcode, r.soort])).toEqual([
      ['4300', 'WMO', '02A01', 'debet'], ['4310', 'HBH', 'HH201', 'credit'], ['4310', 'HBH', 'HH201', 'debet'], [null, null, '31T01', 'debet'],
    ]);
    expect(journaalTotaal(regels)).toBe(65_610 - 36_450 + 6_850 + 1_250_000);
    expect(ontbrekendGrootboek(regels)).toEqual(['Jeugdwet, productcategorie 31']);
    expect(regels.find((r) => r.bron === 'taakgericht')!.omschrijving).toBe('BB-202611-001 Thuiszorg De Heide: taakgericht Jeugdhulp door het wijkteam 2026-11');
    expect(regels.find((r) => r.soort === 'credit')!.omschrijving).toBe('BB-202611-001 Thuiszorg De Heide: creditering HH201 (1 prestatie)');
  });

  it('een bedrag in euro met een komma en precies twee decimalen, zonder afronding', () => {
    expect(euroTekst(65_610)).toBe('656,10');
    expect(euroTekst(5)).toBe('0,05');
    expect(euroTekst(0)).toBe('0,00');
    expect(euroTekst(-36_450)).toBe('-364,50');
    expect(euroTekst(123_456_789)).toBe('1234567,89');
  });

  it('de CSV-regels: kopregel, positief bedrag met D of C, geen gegevens van cliënten', () => {
    const records = journaalCsvRecords(kop, journaalRegels(kop, bron, grootboek));
    expect(records[0]).toEqual([
      'Batchnummer', 'Boekdatum', 'Aanbieder', 'AGB-code', 'Grootboekrekening', 'Kostenplaats', 'Wet', 'Productcategorie', 'Productcode', 'Periode',
      'Bedrag', 'Debet/credit', 'Aantal prestaties', 'Omschrijving',
    ]);
    expect(records[2]).toEqual([
      'BB-202611-001', '2026-12-01', 'Thuiszorg De Heide', '98012345', '4310', 'HBH', 'Wmo', '01', 'HH201', '2026-11', '364,50', 'C', '1',
      'BB-202611-001 Thuiszorg De Heide: creditering HH201 (1 prestatie)',
    ]);
    const rijen = journaalRijen(kop, journaalRegels(kop, bron, grootboek));
    const saldo = rijen.reduce((s, r) => s + (r.debetCredit === 'C' ? -1 : 1) * Number(r.bedrag), 0);
    expect(saldo).toBe(journaalTotaal(bron));
  });
});
