import { describe, expect, it } from 'vitest';
import {
  DOEL_STATUSSEN, EVALUATIE_BESLUITEN, INSTEMMING_WIJZEN, bepaalInzet, controleerEvaluatie, doelStatusNaam, inzetRedenTekst, motiveringVereist, tredeKlopt,
} from './rules.ts';

describe('de verantwoordelijkheidsladder', () => {
  it('eigen kracht als eerste stap vraagt geen motivering', () => {
    expect(motiveringVereist([], 1)).toBe(false);
  });

  it('een hogere trede dan alles wat er al voor het doel is, vraagt om een motivering', () => {
    expect(motiveringVereist([], 2)).toBe(true);
    expect(motiveringVereist([], 4)).toBe(true);
    expect(motiveringVereist([1], 2)).toBe(true);
    expect(motiveringVereist([1, 2], 3)).toBe(true);
    expect(motiveringVereist([1, 3], 4)).toBe(true);
  });

  it('op of onder de hoogste trede die er al is, hoeft geen nieuwe motivering', () => {
    expect(motiveringVereist([1, 3], 3)).toBe(false);
    expect(motiveringVereist([3], 2)).toBe(false);
    expect(motiveringVereist([4], 1)).toBe(false);
  });

  it('een catalogusproduct bepaalt de trede', () => {
    expect(tredeKlopt(3, 3)).toBe(true);
    expect(tredeKlopt(2, 3)).toBe(false);
    expect(tredeKlopt(2, null)).toBe(true);
  });
});

describe('inzetten zonder beschikking, tot de grens', () => {
  const lichteOndersteuning = { trede: 3 as const, beschikkingNodig: false, limiet: { eenheid: 'uur' as const, waarde: 10 } };

  it('eigen kracht, netwerk en voorliggend veld zonder grens worden direct ingezet', () => {
    expect(bepaalInzet(1, null, null)).toEqual({ status: 'ingezet' });
    expect(bepaalInzet(3, { trede: 3, beschikkingNodig: false, limiet: null }, null)).toEqual({ status: 'ingezet' });
  });

  it('tot de grens direct; erboven wordt het een aanvraag', () => {
    expect(bepaalInzet(3, lichteOndersteuning, { waarde: 10, eenheid: 'uur' })).toEqual({ status: 'ingezet' });
    expect(bepaalInzet(3, lichteOndersteuning, { waarde: 11, eenheid: 'uur' })).toEqual({ status: 'aanvraagNodig', reden: 'boven-limiet' });
    expect(bepaalInzet(3, lichteOndersteuning, { waardeCents: 500, eenheid: 'euro' })).toEqual({ status: 'aanvraagNodig', reden: 'boven-limiet' });
    expect(bepaalInzet(3, lichteOndersteuning, null)).toEqual({ status: 'aanvraagNodig', reden: 'omvang-ontbreekt' });
  });

  it('een maatwerkvoorziening (trede 4) of een product met beschikking wordt altijd een aanvraag', () => {
    expect(bepaalInzet(4, { trede: 4, beschikkingNodig: true, limiet: null }, null)).toEqual({ status: 'aanvraagNodig', reden: 'maatwerk' });
    expect(bepaalInzet(4, null, null)).toEqual({ status: 'aanvraagNodig', reden: 'maatwerk' });
    expect(bepaalInzet(3, { trede: 3, beschikkingNodig: true, limiet: null }, null)).toEqual({ status: 'aanvraagNodig', reden: 'beschikking-nodig' });
  });
});

describe('evaluatie', () => {
  const doelen = [{ id: 'a', status: 'lopend' as const }, { id: 'b', status: 'lopend' as const }];
  it('afsluiten kan pas als elk lopend doel een eindstatus krijgt', () => {
    expect(controleerEvaluatie('afsluiten', doelen, new Map([['a', 'behaald']]))).toMatch(/eindstatus/);
    expect(controleerEvaluatie('afsluiten', doelen, new Map([['a', 'behaald'], ['b', 'deels']]))).toBeNull();
    expect(controleerEvaluatie('voortzetten', doelen, new Map())).toBeNull();
  });
  it('een doel van een ander plan wordt geweigerd', () => {
    expect(controleerEvaluatie('voortzetten', doelen, new Map([['x', 'behaald']]))).toMatch(/hoort niet/);
  });
});

describe('ladder en inzet: de randen', () => {
  it('een catalogusproduct op trede 4 is maatwerk, ook als er een lagere trede is gekozen', () => {
    expect(bepaalInzet(3, { trede: 4, beschikkingNodig: false, limiet: null }, null)).toEqual({ status: 'aanvraagNodig', reden: 'maatwerk' });
  });

  it('een product met beschikking wordt een aanvraag, ook met een omvang binnen de grens', () => {
    expect(bepaalInzet(3, { trede: 3, beschikkingNodig: true, limiet: { eenheid: 'uur', waarde: 10 } }, { waarde: 1, eenheid: 'uur' }))
      .toEqual({ status: 'aanvraagNodig', reden: 'beschikking-nodig' });
  });

  it('eigen kracht en netwerk zonder catalogusproduct worden direct ingezet, ook met een omvang', () => {
    expect(bepaalInzet(2, null, { waarde: 99, eenheid: 'uur' })).toEqual({ status: 'ingezet' });
  });

  it('een grens in euro’s: tot en met de grens direct, erboven een aanvraag', () => {
    const budget = { trede: 3 as const, beschikkingNodig: false, limiet: { eenheid: 'euro' as const, waardeCents: 50000 } };
    expect(bepaalInzet(3, budget, { waardeCents: 50000, eenheid: 'euro' })).toEqual({ status: 'ingezet' });
    expect(bepaalInzet(3, budget, { waardeCents: 50001, eenheid: 'euro' })).toEqual({ status: 'aanvraagNodig', reden: 'boven-limiet' });
    expect(bepaalInzet(3, budget, { waarde: 1, eenheid: 'uur' })).toEqual({ status: 'aanvraagNodig', reden: 'boven-limiet' });
  });

  it('de motivering hangt af van de hoogste trede die er al is, niet van de eerste of de laatste', () => {
    expect(motiveringVereist([3, 1], 2)).toBe(false);
    expect(motiveringVereist([2, 1], 3)).toBe(true);
    expect(motiveringVereist([2], 2)).toBe(false);
  });

  it('elke reden om een aanvraag te doen heeft een uitleg voor de professional', () => {
    expect(inzetRedenTekst).toEqual({
      maatwerk: 'Een maatwerkvoorziening vraagt om een aanvraag en een beschikking.',
      'beschikking-nodig': 'Dit product vraagt om een beschikking.',
      'boven-limiet': 'De omvang is groter dan wat zonder beschikking mag worden ingezet.',
      'omvang-ontbreekt': 'Noem de omvang: dit product mag tot een grens zonder beschikking worden ingezet.',
    });
  });
});

describe('evaluatie: de randen', () => {
  it('een doel dat al een eindstatus had, hoeft bij afsluiten niet opnieuw; een doel dat lopend blijft wel', () => {
    const doelen = [{ id: 'a', status: 'behaald' as const }, { id: 'b', status: 'lopend' as const }];
    expect(controleerEvaluatie('afsluiten', doelen, new Map([['b', 'nietBehaald']]))).toBeNull();
    expect(controleerEvaluatie('afsluiten', doelen, new Map([['b', 'lopend']]))).toBe('Geef elk lopend doel een eindstatus voordat het plan wordt afgesloten');
    expect(controleerEvaluatie('afsluiten', doelen, new Map())).toMatch(/eindstatus/);
    expect(controleerEvaluatie('aanpassen', doelen, new Map())).toBeNull();
    expect(controleerEvaluatie('afsluiten', [], new Map())).toBeNull();
  });

  it('noemt het doel dat niet bij het plan hoort, ook als ook afsluiten niet kan', () => {
    expect(controleerEvaluatie('afsluiten', [{ id: 'a', status: 'lopend' }], new Map([['x', 'behaald']]))).toBe('Doel x hoort niet bij dit plan');
  });

  it('de statussen, wijzen van instemming en evaluatiebesluiten', () => {
    expect(DOEL_STATUSSEN.map((s) => doelStatusNaam[s])).toEqual(['Lopend', 'Behaald', 'Deels behaald', 'Niet behaald', 'Vervallen']);
    expect(INSTEMMING_WIJZEN).toEqual(['mondeling', 'schriftelijk', 'digitaal']);
    expect(EVALUATIE_BESLUITEN).toEqual(['voortzetten', 'aanpassen', 'afsluiten']);
  });
});
