import { describe, expect, it } from 'vitest';
import { als315, als317, isWerkdag, plusWeken, productTekst, termijnStand, termijnTekst, vraagtWoonplaatsGemeente, werkdagenTussen } from './verzoeken.ts';

describe('de antwoordtermijn in werkdagen', () => {
  it('weekend en erkende feestdagen tellen niet (Atw)', () => {
    expect(isWerkdag('2026-03-06')).toBe(true); // Friday
    expect(isWerkdag('2026-03-07')).toBe(false); // Saturday
    expect(isWerkdag('2026-04-06')).toBe(false); // Tweede Paasdag 2026
    expect(isWerkdag('2026-04-27')).toBe(false); // Koningsdag
    expect(isWerkdag('2026-05-14')).toBe(false); // Hemelvaartsdag
    expect(isWerkdag('2026-05-15')).toBe(false); // decreed equal to a holiday
    expect(isWerkdag('2027-04-26')).toBe(true); // 27 April 2027 is a Tuesday: the Monday before is an ordinary day
  });

  it('werkdagen na de eerste dag tot en met de laatste', () => {
    expect(werkdagenTussen('2026-03-06', '2026-03-13')).toBe(5);
    expect(werkdagenTussen('2026-03-06', '2026-03-06')).toBe(0);
    expect(werkdagenTussen('2026-03-13', '2026-03-06')).toBe(0);
    // Thursday before Easter to the Wednesday after: Good Friday and Easter Monday do not count.
    expect(werkdagenTussen('2026-04-02', '2026-04-08')).toBe(2);
  });

  it('in onderzoek: acht kalenderweken na de dagtekening', () => {
    expect(plusWeken('2026-03-06', 8)).toBe('2026-05-01');
    expect(plusWeken('2026-12-30', 8)).toBe('2027-02-24');
  });

  it('de stand van de termijn in woorden: nog te gaan, vandaag, te laat, beantwoord', () => {
    const open = (termijnEinde: string, verlopen = false) => ({ status: 'open' as const, termijnEinde, verlopen });
    expect(termijnTekst(termijnStand(open('2026-03-13'), '2026-03-06'))).toBe('nog 5 werkdagen');
    expect(termijnTekst(termijnStand(open('2026-03-09'), '2026-03-06'))).toBe('nog 1 werkdag');
    expect(termijnTekst(termijnStand(open('2026-03-06'), '2026-03-06'))).toBe('vandaag de laatste dag');
    expect(termijnStand(open('2026-03-04', true), '2026-03-06')).toEqual({ soort: 'verlopen', werkdagen: 2 });
    expect(termijnTekst(termijnStand(open('2026-03-04', true), '2026-03-06'))).toBe('2 werkdagen te laat');
    expect(termijnTekst(termijnStand(open('2026-03-06', true), '2026-03-07'))).toBe('termijn verstreken');
    expect(termijnStand({ status: 'afgewezen', termijnEinde: '2026-03-04', verlopen: false }, '2026-03-06')).toEqual({ soort: 'beantwoord' });
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
