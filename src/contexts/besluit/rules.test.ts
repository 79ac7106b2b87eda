import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AANVRAAG_STATUSSEN, aanvraagStappen, bezwaarTijdig, magBeoordelen, normaliseerUitkomst, stapToegestaan, trekSteekproef, tweedeBeslisserNodig, vierOgen,
  type AanvraagStap,
} from './rules.ts';

const b = { voorbereidDoor: 'regisseur', getoetstDoor: 'toetser', beoordeeldDoor: 'beoordelaar', eersteBeslisser: null };

describe('stappen van een aanvraag', () => {
  it('loopt ingediend → getoetst → beoordeeld → besloten → verzonden', () => {
    expect(Object.values(aanvraagStappen).map((s) => `${s.van}→${s.naar}`)).toEqual([
      'ingediend→getoetst', 'getoetst→beoordeeld', 'beoordeeld→besloten', 'besloten→verzonden',
    ]);
  });

  it('elke stap kan alleen vanuit zijn eigen status; elke andere combinatie wordt geweigerd', () => {
    for (const stap of Object.keys(aanvraagStappen) as AanvraagStap[]) {
      for (const status of AANVRAAG_STATUSSEN) {
        expect(stapToegestaan(stap, status) === null).toBe(aanvraagStappen[stap].van === status);
      }
    }
  });
});

describe('vier ogen', () => {
  it('wie voorbereidde, mag niet toetsen, beoordelen of beslissen', () => {
    expect(vierOgen('toets', 'regisseur', b)).toMatch(/voorbereid/);
    expect(vierOgen('beoordeling', 'regisseur', b)).toMatch(/voorbereid/);
    expect(vierOgen('besluit', 'regisseur', b)).toMatch(/voorbereid/);
  });

  it('wie beoordeelde, mag niet beslissen; wie toetste wel', () => {
    expect(vierOgen('besluit', 'beoordelaar', b)).toMatch(/beoordeeld/);
    expect(vierOgen('besluit', 'toetser', b)).toBeNull();
  });

  it('boven de drempel is de tweede beslisser een ander dan de eerste', () => {
    expect(vierOgen('besluit', 'x', { ...b, eersteBeslisser: 'x' }, { tweedeBeslisser: true })).toMatch(/tweede/);
    expect(vierOgen('besluit', 'y', { ...b, eersteBeslisser: 'x' }, { tweedeBeslisser: true })).toBeNull();
    expect(tweedeBeslisserNodig(2_500_001, { tweedeBeslisserVanafCents: 2_500_000 })).toBe(true);
    expect(tweedeBeslisserNodig(2_500_000, { tweedeBeslisserVanafCents: 2_500_000 })).toBe(false);
  });

  it('voor iedereen: niemand beoordeelt én beslist dezelfde aanvraag', () => {
    fc.assert(fc.property(fc.constantFrom('a', 'b', 'c', 'd'), fc.constantFrom('a', 'b', 'c', 'd'), (beoordelaar, beslisser) => {
      const ok = vierOgen('besluit', beslisser, { ...b, voorbereidDoor: 'r', beoordeeldDoor: beoordelaar }) === null;
      if (ok) expect(beslisser).not.toBe(beoordelaar);
    }));
  });
});

describe('uitkomst, bezwaar en steekproef', () => {
  it('leest uitkomsten zoals mensen ze schrijven', () => {
    expect(normaliseerUitkomst('deels toegekend')).toBe('deelsToegekend');
    expect(normaliseerUitkomst('deelsToegekend')).toBe('deelsToegekend');
    expect(normaliseerUitkomst('Afgewezen')).toBe('afgewezen');
    expect(normaliseerUitkomst('misschien')).toBeNull();
  });

  it('een bezwaar op de laatste dag is tijdig, een dag later niet', () => {
    expect(bezwaarTijdig('2027-01-04', '2027-01-04')).toBe(true);
    expect(bezwaarTijdig('2027-01-05', '2027-01-04')).toBe(false);
  });

  it('de steekproef is reproduceerbaar: zelfde seed, maand en populatie geven dezelfde trekking', () => {
    const pop = Array.from({ length: 57 }, (_, i) => ({ id: `id-${String(i).padStart(3, '0')}` }));
    const a = trekSteekproef(pop, 10, 'eenvoud', '2026-10');
    expect(a).toHaveLength(6);
    expect(trekSteekproef([...pop].reverse(), 10, 'eenvoud', '2026-10')).toEqual(a);
    expect(trekSteekproef(pop, 10, 'eenvoud', '2026-11')).not.toEqual(a);
    expect(new Set(a.map((x) => x.id)).size).toBe(6);
  });

  it('wie aan een besluit meewerkte, beoordeelt het niet in de steekproef', () => {
    const betrokken = { ...b, beslotenDoor: 'beslisser' };
    for (const w of ['regisseur', 'toetser', 'beoordelaar', 'beslisser']) expect(magBeoordelen(w, betrokken)).toBe(false);
    expect(magBeoordelen('collega', betrokken)).toBe(true);
  });
});
