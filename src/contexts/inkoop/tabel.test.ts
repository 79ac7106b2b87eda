import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datumVan, euroNaarCents, euroTekst, leesCsv, leesKop, leesRegel, leesXlsx, naarCsv, naarXlsx, type TabelRij } from './tabel.ts';

const rij: TabelRij = {
  wet: 'wmo', productcategorie: '01', productcode: '01A01', naam: 'Hulp bij het huishouden; "schoon"', eenheid: '04', frequentie: '2',
  bekostiging: 'inspanningsgericht', tariefCents: 3645, van: '2026-01-01', resultaatgericht: false, capaciteit: 40, maandbedragCents: null,
};
const taak: TabelRij = {
  wet: 'jeugdwet', productcategorie: '31', productcode: '31T01', naam: 'Jeugdhulp door het wijkteam', eenheid: '82', frequentie: '6',
  bekostiging: 'taakgericht', tariefCents: 0, van: '2026-01-01', resultaatgericht: false, capaciteit: null, maandbedragCents: 1_250_000,
};

describe('bedragen en datums zoals Excel ze schrijft', () => {
  it('euro\'s met een komma of punt, met duizendtallen of een euroteken, en getallen uit een cel', () => {
    expect(euroNaarCents('36,45')).toBe(3645);
    expect(euroNaarCents('36,5')).toBe(3650);
    expect(euroNaarCents('36')).toBe(3600);
    expect(euroNaarCents('36.45')).toBe(3645);
    expect(euroNaarCents('1.234,56')).toBe(123_456);
    expect(euroNaarCents('€ 4.250,00')).toBe(425_000);
    expect(euroNaarCents(36.45)).toBe(3645);
    expect(euroNaarCents(0)).toBe(0);
    for (const fout of ['veel', '36,456', '-1', '1,2,3', '', null, 36.456, -2]) expect(euroNaarCents(fout)).toBeNull();
  });
  it('centen naar euro\'s en terug is exact (eigenschap)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000_000_000 }), (c) => euroNaarCents(euroTekst(c)) === c));
    expect(euroTekst(3645)).toBe('36,45');
    expect(euroTekst(5)).toBe('0,05');
  });
  it('datums als JJJJ-MM-DD of D-M-JJJJ; een niet-bestaande datum is geen datum', () => {
    expect(datumVan('2027-01-01')).toBe('2027-01-01');
    expect(datumVan('1-1-2027')).toBe('2027-01-01');
    expect(datumVan('31/12/2026')).toBe('2026-12-31');
    expect(datumVan('29-02-2028')).toBe('2028-02-29');
    for (const fout of ['2026-02-30', '29-02-2027', '2027-13-01', 'morgen', '', null, 45_000]) expect(datumVan(fout)).toBeNull();
  });
});

describe('de producttabel als CSV', () => {
  it('puntkomma\'s, BOM en Nederlandse koppen; leest terug wat zij schreef, ook met een puntkomma en aanhalingstekens in de naam', () => {
    const csv = naarCsv([rij]);
    expect(csv.startsWith('\uFEFFWet;Productcategorie;Productcode;Naam;')).toBe(true);
    const tabel = leesCsv(Buffer.from(csv));
    const { index, fouten } = leesKop(tabel.kop);
    expect(fouten).toEqual([]);
    const g = leesRegel(index, tabel.regels[0]!);
    expect(g.fouten).toEqual([]);
    expect(g.regel).toBe(2);
    expect(g.product).toMatchObject({ naam: rij.naam, tariefCents: 3645, eenheid: '04', capaciteit: 40, resultaatgericht: false });
    expect(g.van).toBe('2026-01-01');
  });
  it('regelnummers zijn die van het bestand, ook na een lege regel; een kommabestand werkt ook', () => {
    const tabel = leesCsv(Buffer.from('wet,productcode,naam,eenheid,frequentie,bekostiging,tariefcents\nwmo,01A01,A,04,2,inspanningsgericht,3645\n\njeugdwet,45A01,B,uur,per week,inspanningsgericht,9800\n'));
    expect(tabel.regels.map((r) => r.regel)).toEqual([2, 4]);
    const { index } = leesKop(tabel.kop);
    const b = leesRegel(index, tabel.regels[1]!);
    expect(b.product).toMatchObject({ wet: 'jeugdwet', eenheid: '04', frequentie: '2', tariefCents: 9800 });
    expect(b.fouten.map((f) => f.veld)).toEqual(['productcategorie']);
  });
  it('een taakgericht product heeft een bedrag per maand: de laatste kolom, in euro\'s, leest terug', () => {
    const csv = naarCsv([rij, taak]);
    const regels = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(regels[0]!.endsWith(';Capaciteit;Bedrag per maand (euro)')).toBe(true);
    expect(regels[2]).toBe('jeugdwet;31;31T01;Jeugdhulp door het wijkteam;82;6;taakgericht;0,00;2026-01-01;nee;;12500,00');
    const tabel = leesCsv(Buffer.from(csv));
    const { index } = leesKop(tabel.kop);
    const [a, b] = tabel.regels.map((r) => leesRegel(index, r));
    expect(a!.product.maandbedragCents).toBeNull();
    expect(b!.product).toMatchObject({ bekostiging: 'taakgericht', maandbedragCents: 1_250_000 });
    expect(b!.fouten).toEqual([]);
  });
  it('weigert een taakgericht product zonder bedrag, een bedrag dat geen bedrag is, en een bedrag bij een ander product', () => {
    const kop = 'Wet;Productcategorie;Productcode;Naam;Eenheid;Frequentie;Bekostiging;Tarief (euro);Van;Resultaatgericht;Capaciteit;Bedrag per maand (euro)';
    const tabel = leesCsv(Buffer.from([kop, 'jeugdwet;31;31T01;Wijkteam;82;6;taakgericht;0;;nee;;', 'jeugdwet;31;31T02;Wijkteam;82;6;taakgericht;0;;nee;;veel',
      'wmo;01;01A01;Hulp;04;2;inspanningsgericht;36,45;;nee;;100,00', 'jeugdwet;31;31T03;Wijkteam;82;6;taakgericht;0;;nee;;€ 9.000,00'].join('\n')));
    const { index } = leesKop(tabel.kop);
    const [leeg, veel, ander, goed] = tabel.regels.map((r) => leesRegel(index, r));
    expect(leeg!.fouten).toEqual([{ veld: 'maandbedrag', reden: 'Een taakgericht product heeft een bedrag per maand' }]);
    expect(veel!.fouten).toEqual([{ veld: 'maandbedrag', reden: "'veel' is geen bedrag in euro's (zoals 12.500,00)" }]);
    expect(ander!.fouten).toEqual([{ veld: 'maandbedrag', reden: 'Alleen een taakgericht product heeft een bedrag per maand: laat het leeg' }]);
    expect(goed!.fouten).toEqual([]);
    expect(goed!.product.maandbedragCents).toBe(900_000);
  });
  it('een ouder bestand zonder de kolom Bedrag per maand leest nog: het bedrag laat de regel aan de import over', () => {
    const tabel = leesCsv(Buffer.from('Wet;Productcategorie;Productcode;Naam;Eenheid;Frequentie;Bekostiging;Tarief (euro);Van\njeugdwet;31;31T01;Wijkteam;82;6;taakgericht;0;\n'));
    const { index, fouten } = leesKop(tabel.kop);
    expect(fouten).toEqual([]);
    const g = leesRegel(index, tabel.regels[0]!);
    expect(g.fouten).toEqual([]);
    expect(g.product.maandbedragCents).toBeNull();
  });
  it('een ontbrekende verplichte kolom wordt genoemd', () => {
    expect(leesKop(['Wet', 'Productcode', 'Naam']).fouten.map((f) => f.veld)).toEqual(['eenheid', 'frequentie', 'bekostiging', 'tarief']);
  });
});

describe('de producttabel als XLSX', () => {
  it('schrijft codes als tekst en het tarief als getal, en leest dat terug', async () => {
    const bytes = await naarXlsx([rij, { ...rij, productcode: '02A01', productcategorie: '02', tariefCents: 6850, capaciteit: null, resultaatgericht: true }, taak], 'Test');
    const tabel = await leesXlsx(bytes);
    const { index } = leesKop(tabel.kop);
    const [a, b, c] = tabel.regels.map((r) => leesRegel(index, r));
    expect(c!.product).toMatchObject({ productcode: '31T01', bekostiging: 'taakgericht', maandbedragCents: 1_250_000 });
    expect(c!.fouten).toEqual([]);
    expect(a!.product).toMatchObject({ productcode: '01A01', eenheid: '04', tariefCents: 3645, capaciteit: 40 });
    expect(b!.product).toMatchObject({ productcategorie: '02', tariefCents: 6850, capaciteit: null, resultaatgericht: true });
    expect(a!.fouten).toEqual([]);
  });
});
