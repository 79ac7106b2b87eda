import { describe, expect, it } from 'vitest';
import {
  DEELNEMER_ROLLEN, DEVENTER_8, GESPREK_SOORTEN, PLEKKEN, STANDAARD_INSTRUMENTEN, ZRM_2017, controleerScores, deelnemerRolNaam, gesprekSoortNaam,
  plekNaam, plekZin, scoreVerschil,
} from './rules.ts';

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

describe('instrumenten in detail', () => {
  it('de standaardinstrumenten zijn de 8 leefgebieden en de ZRM 2017; alleen de eerste is standaard', () => {
    expect(STANDAARD_INSTRUMENTEN.map((i) => [i.code, i.standaard])).toEqual([['deventer-8', true], ['zrm-2017', false]]);
    expect(DEVENTER_8.naam).toBe('8 leefgebieden (Deventer) met ZRM-schaal');
    expect(ZRM_2017.naam).toBe('Zelfredzaamheid-Matrix 2017 (13 domeinen)');
    expect(ZRM_2017.schaal).toBe(DEVENTER_8.schaal);
  });

  it('elk leefgebied van Deventer verwijst naar zichzelf in de catalogus', () => {
    expect(DEVENTER_8.domeinen.map((d) => [d.code, d.leefgebied])).toEqual([
      ['huisvesting', 'huisvesting'], ['financien', 'financien'], ['sociaalFunctioneren', 'sociaalFunctioneren'],
      ['psychischFunctioneren', 'psychischFunctioneren'], ['zingeving', 'zingeving'], ['lichamelijkFunctioneren', 'lichamelijkFunctioneren'],
      ['praktischFunctioneren', 'praktischFunctioneren'], ['dagbesteding', 'dagbesteding'],
    ]);
  });

  it('de 13 domeinen van de ZRM 2017, met hun naam en het leefgebied waar ze onder vallen', () => {
    expect(ZRM_2017.domeinen.map((d) => `${d.code}|${d.naam}|${d.leefgebied}`)).toEqual([
      'financien|Financiën|financien',
      'werkOpleiding|Werk & opleiding|dagbesteding',
      'tijdsbesteding|Tijdsbesteding|dagbesteding',
      'huisvesting|Huisvesting|huisvesting',
      'huiselijkeRelaties|Huiselijke relaties|sociaalFunctioneren',
      'geestelijkeGezondheid|Geestelijke gezondheid|psychischFunctioneren',
      'lichamelijkeGezondheid|Lichamelijke gezondheid|lichamelijkFunctioneren',
      'middelengebruik|Middelengebruik|psychischFunctioneren',
      'basaleAdl|Basale ADL|praktischFunctioneren',
      'instrumenteleAdl|Instrumentele ADL|praktischFunctioneren',
      'sociaalNetwerk|Sociaal netwerk|sociaalFunctioneren',
      'maatschappelijkeParticipatie|Maatschappelijke participatie|zingeving',
      'justitie|Justitie|sociaalFunctioneren',
    ]);
  });

  it('plekken, deelnemers en soorten gesprek hebben een Nederlandse naam; de brief noemt de plek in een zin', () => {
    expect(PLEKKEN.map((p) => [plekNaam[p], plekZin[p]])).toEqual([
      ['Aan de keukentafel (thuis)', 'bij u thuis aan de keukentafel'], ['Op kantoor', 'op het gemeentekantoor'], ['Online', 'online'],
      ['Elders', 'op een andere plek'],
    ]);
    expect(DEELNEMER_ROLLEN.map((r) => deelnemerRolNaam[r])).toEqual([
      'Inwoner', 'Partner', 'Mantelzorger', 'Netwerk (familie, buren, vrienden)', 'Professional',
    ]);
    expect(GESPREK_SOORTEN.map((s) => gesprekSoortNaam[s])).toEqual(['Intake (eerste gesprek)', 'Vervolggesprek', 'Evaluatiegesprek']);
  });
});

describe('scores van een gesprek in detail', () => {
  it('noemt bij een fout het domein, het instrument en de schaal', () => {
    const fouten = controleerScores(DEVENTER_8, [
      { domein: 'justitie', score: 3 }, { domein: 'financien', score: 0 }, { domein: 'financien', score: null },
    ]);
    expect(fouten).toEqual([
      { index: 0, veld: 'domein', reden: "'justitie' is geen domein van 8 leefgebieden (Deventer) met ZRM-schaal" },
      { index: 1, veld: 'score', reden: 'Een score is 1, 2, 3, 4, 5 (of leeg als het niet besproken is)' },
      { index: 2, veld: 'domein', reden: "Het domein 'financien' staat er twee keer in" },
    ]);
  });

  it('een onbekend domein met een score buiten de schaal geeft twee fouten; een onbekend domein twee keer telt niet als dubbel', () => {
    expect(controleerScores(DEVENTER_8, [{ domein: 'x', score: 9 }, { domein: 'x', score: 1 }]).map((f) => `${f.index}${f.veld}`)).toEqual([
      '0domein', '0score', '1domein',
    ]);
    expect(controleerScores(DEVENTER_8, [{ domein: 'x', score: 1 }, { domein: 'x', score: 1 }])[1]!.reden).toMatch(/geen domein/);
  });

  it('elke waarde op de schaal is goed, ook de uitersten', () => {
    expect(controleerScores(DEVENTER_8, [1, 2, 3, 4, 5].map((score, i) => ({ domein: DEVENTER_8.domeinen[i]!.code, score })))).toEqual([]);
    expect(controleerScores(ZRM_2017, [{ domein: 'justitie', score: 1 }])).toEqual([]);
  });

  it('een domein dat eerder niet of nu niet is gescoord, telt niet mee; een daling is negatief', () => {
    expect(scoreVerschil([{ domein: 'financien', score: 4 }], [{ domein: 'financien', score: 1 }])).toEqual({ financien: -3 });
    expect(scoreVerschil([{ domein: 'financien', score: 4 }], [{ domein: 'financien', score: null }])).toEqual({});
    expect(scoreVerschil([{ domein: 'financien', score: null }], [{ domein: 'financien', score: 2 }])).toEqual({});
    expect(scoreVerschil([], [{ domein: 'financien', score: 2 }])).toEqual({});
  });
});
