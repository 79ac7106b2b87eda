import { describe, expect, it } from 'vitest';
import { DEVENTER_8, ZRM_2017, controleerScores, scoreVerschil } from './rules.ts';

describe('instrumenten', () => {
  it('het standaardinstrument zijn de 8 leefgebieden van Deventer op de ZRM-schaal van 1 tot 5', () => {
    expect(DEVENTER_8.standaard).toBe(true);
    expect(DEVENTER_8.domeinen.map((d) => d.naam)).toEqual([
      'Huisvesting', 'Financiën', 'Sociaal functioneren', 'Psychisch functioneren', 'Zingeving', 'Lichamelijk functioneren',
      'Praktisch functioneren', 'Dagbesteding',
    ]);
    expect(DEVENTER_8.schaal.map((s) => `${s.waarde} ${s.label}`)).toEqual([
      '1 Acute problematiek', '2 Niet zelfredzaam', '3 Beperkt zelfredzaam', '4 Voldoende zelfredzaam', '5 Volledig zelfredzaam',
    ]);
  });

  it('de ZRM 2017 heeft 13 domeinen, elk gekoppeld aan een leefgebied', () => {
    expect(ZRM_2017.domeinen).toHaveLength(13);
    expect(ZRM_2017.domeinen.every((d) => DEVENTER_8.domeinen.some((x) => x.code === d.leefgebied))).toBe(true);
  });
});

describe('scores van een gesprek', () => {
  it('aanvaardt scores op de schaal, en leeg voor een domein dat niet besproken is', () => {
    expect(controleerScores(DEVENTER_8, [{ domein: 'financien', score: 2 }, { domein: 'zingeving', score: null }])).toEqual([]);
  });

  it('weigert een onbekend domein, een dubbel domein en een score buiten de schaal', () => {
    const fouten = controleerScores(DEVENTER_8, [
      { domein: 'financien', score: 6 }, { domein: 'justitie', score: 3 }, { domein: 'financien', score: 2 },
    ]);
    expect(fouten.map((f) => [f.index, f.veld])).toEqual([[0, 'score'], [1, 'domein'], [2, 'domein']]);
  });

  it('het verschil in zelfredzaamheid telt alleen domeinen die beide keren zijn gescoord', () => {
    expect(scoreVerschil(
      [{ domein: 'financien', score: 2 }, { domein: 'huisvesting', score: 3 }, { domein: 'zingeving', score: null }],
      [{ domein: 'financien', score: 4 }, { domein: 'huisvesting', score: 3 }, { domein: 'zingeving', score: 4 }],
    )).toEqual({ financien: 2, huisvesting: 0 });
  });
});
