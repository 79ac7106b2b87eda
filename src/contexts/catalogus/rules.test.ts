import { describe, expect, it } from 'vitest';
import { CATALOGUS_DOMEINEN, LEEFGEBIEDEN, TREDEN, catalogusDomeinNaam, controleerItem, leefgebiedNaam, tredeNaam } from './rules.ts';

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
