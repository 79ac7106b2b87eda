import { describe, expect, it } from 'vitest';
import { aanvragerTekst, opBeslistermijn } from './regels.ts';

describe('wie de aanvraag deed', () => {
  it('met de relatie tussen haakjes, behalve bij een ander: dan zegt de naam het zelf', () => {
    expect(aanvragerTekst({ relatie: 'ouder', relatieNaam: 'ouder met gezag', naam: 'Bas Smit' })).toBe('Bas Smit (ouder met gezag)');
    expect(aanvragerTekst({ relatie: 'overig', relatieNaam: 'een ander', naam: 'Marieke Brinkhorst (dochter)' })).toBe('Marieke Brinkhorst (dochter)');
    expect(aanvragerTekst({ relatie: 'bewindvoerder', relatieNaam: 'bewindvoerder', naam: null })).toBe('onbekend (bewindvoerder)');
  });
});

describe('de volgorde van de lijst Aanvragen', () => {
  it('open stappen op de beslistermijn; lijsten met verzonden aanvragen op ontvangst', () => {
    for (const k of ['open', 'ingediend', 'getoetst', 'beoordeeld', 'besloten']) expect(opBeslistermijn(k), k).toBe(true);
    for (const k of ['verzonden', 'alle']) expect(opBeslistermijn(k), k).toBe(false);
  });
});
