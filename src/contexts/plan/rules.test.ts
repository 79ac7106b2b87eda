import { describe, expect, it } from 'vitest';
import { bepaalInzet, controleerEvaluatie, motiveringVereist, tredeKlopt } from './rules.ts';

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
    expect(bepaalInzet(3, lichteOndersteuning, { waarde: 5, eenheid: 'euro' })).toEqual({ status: 'aanvraagNodig', reden: 'boven-limiet' });
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
