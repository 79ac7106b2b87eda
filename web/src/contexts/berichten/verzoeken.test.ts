import { describe, expect, it } from 'vitest';
import { als315, als317, productTekst, termijnStand, termijnTekst, vraagtWoonplaatsGemeente } from './verzoeken.ts';

describe('de antwoordtermijn in woorden (de werkdagen telt de API, met de kalender van de Atw)', () => {
  it('de stand van de termijn in woorden: nog te gaan, vandaag, te laat, beantwoord', () => {
    const open = (werkdagenOver: number, verlopen = false) => ({ status: 'open' as const, werkdagenOver, verlopen });
    expect(termijnTekst(termijnStand(open(5)))).toBe('nog 5 werkdagen');
    expect(termijnTekst(termijnStand(open(1)))).toBe('nog 1 werkdag');
    expect(termijnTekst(termijnStand(open(0)))).toBe('vandaag de laatste dag');
    expect(termijnStand(open(-2, true))).toEqual({ soort: 'verlopen', werkdagen: 2 });
    expect(termijnTekst(termijnStand(open(-2, true)))).toBe('2 werkdagen te laat');
    // Passed on a Saturday: no working day late yet.
    expect(termijnTekst(termijnStand(open(0, true)))).toBe('termijn verstreken');
    expect(termijnStand({ status: 'afgewezen', werkdagenOver: -2, verlopen: false })).toEqual({ soort: 'beantwoord' });
  });
});

describe('wat de aanbieder vraagt', () => {
  it('een 315 en een 317 worden herkend aan hun vorm; iets anders niet', () => {
    const p = { referentie: 'R1', categorie: '01', code: '01A01', toewijzingIngangsdatum: '2026-03-09', toewijzingEinddatum: null, omvang: null, budget: null, verwijzer: null, commentaar: null };
    expect(als315({ client: { geboortedatum: '1944-02-03', commentaar: null }, product: p })?.product.code).toBe('01A01');
    expect(als315({ referentie: 'R1', ongewijzigd: [], teWijzigen: [], nieuw: [] })).toBeNull();
    expect(als317({ referentie: 'R1', redenVerzoek: '1', ongewijzigd: [1], teWijzigen: [], nieuw: [] })?.ongewijzigd).toEqual([1]);
    expect(als317(null)).toBeNull();
    expect(als317({ product: p })).toBeNull();
  });

  it('het product in woorden', () => {
    expect(productTekst({ categorie: '01', code: '01A01' })).toBe('Categorie 01, productcode 01A01');
    expect(productTekst({ categorie: '01', code: null })).toBe('Categorie 01');
    expect(productTekst({ categorie: null, code: null })).toBe('Geen product genoemd');
  });

  it('alleen in de Jeugdwet noemt een afwijzing op het woonplaatsbeginsel de verantwoordelijke gemeente', () => {
    expect(vraagtWoonplaatsGemeente('ijw', '8')).toBe(true);
    expect(vraagtWoonplaatsGemeente('iwmo', '8')).toBe(false);
    expect(vraagtWoonplaatsGemeente('ijw', '4')).toBe(false);
  });
});
