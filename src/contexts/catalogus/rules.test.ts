import { describe, expect, it } from 'vitest';
import { CATALOGUS_DOMEINEN, JZ020, LEEFGEBIEDEN, TREDEN, WMO020, catalogusDomeinNaam, controleerItem, controleerProduct, leefgebiedNaam, tredeNaam } from './rules.ts';
import { DEMO_CATALOGUS } from './demo-catalogus.ts';

type Item = Parameters<typeof controleerItem>[0];
const item = (extra: Partial<Item> = {}): Item => ({ trede: 3, beschikkingNodig: false, limiet: null, domein: 'wmo', ...extra });

describe('de verantwoordelijkheidsladder in de catalogus', () => {
  it('heeft vier treden, van eigen kracht tot maatwerk', () => {
    expect(TREDEN).toEqual([1, 2, 3, 4]);
    expect(tredeNaam).toEqual({
      1: 'Eigen kracht',
      2: 'Sociaal netwerk en informele ondersteuning',
      3: 'Algemene en collectieve voorzieningen (voorliggend veld)',
      4: 'Maatwerkvoorziening',
    });
  });

  it('spreekt van de 8 leefgebieden van Deventer en van de wetten plus het voorliggend veld', () => {
    expect(LEEFGEBIEDEN).toEqual([
      'huisvesting', 'financien', 'sociaalFunctioneren', 'psychischFunctioneren', 'zingeving', 'lichamelijkFunctioneren',
      'praktischFunctioneren', 'dagbesteding',
    ]);
    expect(LEEFGEBIEDEN.map((l) => leefgebiedNaam[l])).toEqual([
      'Huisvesting', 'Financiën', 'Sociaal functioneren', 'Psychisch functioneren', 'Zingeving', 'Lichamelijk functioneren',
      'Praktisch functioneren', 'Dagbesteding',
    ]);
    expect(CATALOGUS_DOMEINEN).toEqual(['wmo', 'jeugdwet', 'participatiewet', 'schuldhulp', 'minima', 'voorliggend']);
    expect(CATALOGUS_DOMEINEN.map((d) => catalogusDomeinNaam[d])).toEqual([
      'Wmo 2015', 'Jeugdwet', 'Participatiewet', 'Schuldhulpverlening', 'Minimabeleid', 'Voorliggend veld',
    ]);
  });
});

describe('een catalogusitem past bij de ladder', () => {
  it('een maatwerkvoorziening (trede 4) vraagt altijd een beschikking', () => {
    expect(controleerItem(item({ trede: 4, beschikkingNodig: false }))).toBe('maatwerk-vraagt-beschikking');
    expect(controleerItem(item({ trede: 4, beschikkingNodig: true }))).toBeNull();
  });

  it('een grens voor inzet zonder beschikking hoort alleen bij een product zonder beschikking', () => {
    expect(controleerItem(item({ beschikkingNodig: true, limiet: { eenheid: 'uur', waarde: 10 } }))).toBe('limiet-alleen-zonder-beschikking');
    expect(controleerItem(item({ trede: 4, beschikkingNodig: true, limiet: { eenheid: 'euro', waarde: 500 } }))).toBe('limiet-alleen-zonder-beschikking');
    expect(controleerItem(item({ beschikkingNodig: false, limiet: { eenheid: 'uur', waarde: 10 } }))).toBeNull();
  });

  it('het voorliggend veld werkt zonder beschikking', () => {
    expect(controleerItem(item({ domein: 'voorliggend', beschikkingNodig: true }))).toBe('voorliggend-zonder-beschikking');
    expect(controleerItem(item({ domein: 'voorliggend', trede: 2, beschikkingNodig: false }))).toBeNull();
    expect(controleerItem(item({ domein: 'wmo', beschikkingNodig: true }))).toBeNull();
  });

  it('treden 1 tot en met 3 mogen zonder beschikking, met of zonder grens', () => {
    for (const trede of [1, 2, 3] as const) {
      expect(controleerItem(item({ trede }))).toBeNull();
      expect(controleerItem(item({ trede, limiet: { eenheid: 'euro', waarde: 250 } }))).toBeNull();
    }
  });
});

describe('een maatwerkproduct verwijst naar een gecontracteerd product', () => {
  type P = Parameters<typeof controleerProduct>[0];
  const p = (extra: Partial<P> = {}): P => ({ domein: 'wmo', beschikkingNodig: true, productcategorie: '01', productcode: '01A01', ...extra });

  it('mag zonder product: dan noemt de beschikking het', () => {
    expect(controleerProduct(p({ productcategorie: null, productcode: null }))).toBeNull();
    expect(controleerProduct({ domein: 'voorliggend', beschikkingNodig: false })).toBeNull();
  });

  it('Wmo en Jeugdwet: een categorie uit WMO020 of JZ020 en een code van 5 tekens', () => {
    expect(controleerProduct(p())).toBeNull();
    expect(controleerProduct(p({ domein: 'jeugdwet', productcategorie: '45', productcode: '45A01' }))).toBeNull();
    expect(controleerProduct(p({ productcategorie: '45' }))).toEqual({ veld: 'productcategorie', fout: 'productcategorie-ongeldig' });
    expect(controleerProduct(p({ domein: 'jeugdwet', productcategorie: '01' }))).toEqual({ veld: 'productcategorie', fout: 'productcategorie-ongeldig' });
    expect(controleerProduct(p({ productcategorie: null }))).toEqual({ veld: 'productcategorie', fout: 'productcategorie-ontbreekt' });
    expect(controleerProduct(p({ productcode: null }))).toEqual({ veld: 'productcode', fout: 'productcode-ontbreekt' });
    for (const code of ['01A0', '01A012', '01a01', '01 A1']) expect(controleerProduct(p({ productcode: code }))).toEqual({ veld: 'productcode', fout: 'productcode-ongeldig' });
  });

  it('een wet zonder iStandaard heeft geen categorie', () => {
    expect(controleerProduct(p({ domein: 'participatiewet', productcategorie: null, productcode: 'RE001' }))).toBeNull();
    expect(controleerProduct(p({ domein: 'participatiewet', productcategorie: '01', productcode: 'RE001' }))).toEqual({ veld: 'productcategorie', fout: 'productcategorie-ongeldig' });
  });

  it('alleen een product met beschikking verwijst naar een contractproduct', () => {
    expect(controleerProduct(p({ beschikkingNodig: false }))).toEqual({ veld: 'productcode', fout: 'product-zonder-beschikking' });
    expect(controleerProduct(p({ domein: 'voorliggend' }))).toEqual({ veld: 'productcode', fout: 'product-zonder-beschikking' });
  });

  it('de democatalogus: 21 producten met een code, elk geldig, elke code één keer', () => {
    const met = DEMO_CATALOGUS.filter((i) => i.productcode);
    expect(met).toHaveLength(21);
    for (const i of DEMO_CATALOGUS) expect(controleerProduct(i), i.naam).toBeNull();
    expect(new Set(met.map((i) => i.productcode)).size).toBe(21);
    expect(Object.keys(WMO020)).toHaveLength(18);
    expect(Object.keys(JZ020)).toContain('45');
  });
});
