import { describe, expect, it } from 'vitest';
import { SessieCache } from './sessie-cache.ts';
import type { SessionInfo } from './store.ts';

const sessie = (gebruikerId: string, verlooptOp = new Date(Date.now() + 60_000)): SessionInfo => ({
  account: { id: gebruikerId, gemeenteId: 'g', gemeenteNaam: 'G', gemeenteCode: 'g', gebruikersnaam: gebruikerId, naam: gebruikerId, rollen: ['regisseur'], wachtwoordHash: null, actief: true,
    aanbiederId: null, aanbiederNaam: null },
  csrfToken: 'c', verlooptOp,
});

const aan = (max?: number) => { const c = new SessieCache(max); c.aan = true; return c; };

describe('sessiecache', () => {
  it('houdt niets bij zolang hij niet luistert', () => {
    const c = new SessieCache();
    c.bewaar('t', sessie('a'), c.generatie);
    expect(c.lees('t')).toBeUndefined();
  });

  it('geeft een sessie tot haar verloopmoment, daarna niet meer', () => {
    const c = aan();
    const s = sessie('a', new Date(1_000_000));
    c.bewaar('t', s, c.generatie);
    expect(c.lees('t', 999_999)).toBe(s);
    expect(c.lees('t', 1_000_000)).toBeUndefined();
    expect(c.grootte).toBe(0);
  });

  it('is begrensd: de langst niet gebruikte sessie gaat eruit', () => {
    const c = aan(2);
    c.bewaar('a', sessie('a'), c.generatie);
    c.bewaar('b', sessie('b'), c.generatie);
    c.lees('a');
    c.bewaar('c', sessie('c'), c.generatie);
    expect(c.grootte).toBe(2);
    expect(c.lees('b')).toBeUndefined();
    expect(c.lees('a')).toBeDefined();
    expect(c.lees('c')).toBeDefined();
  });

  it('vergeet bij een melding de sessie, alle sessies van de gebruiker, of alles', () => {
    const c = aan();
    for (const [t, g] of [['t1', 'a'], ['t2', 'a'], ['t3', 'b'], ['t4', 'c']] as const) c.bewaar(t, sessie(g), c.generatie);
    c.melding('sessie:t3');
    expect(c.lees('t3')).toBeUndefined();
    c.melding('gebruiker:a');
    expect(c.lees('t1')).toBeUndefined();
    expect(c.lees('t2')).toBeUndefined();
    expect(c.lees('t4')).toBeDefined();
    c.melding('alles');
    expect(c.grootte).toBe(0);
  });

  it('bewaart geen antwoord van een opzoeking die begon vóór een wijziging (dat kan al verouderd zijn)', () => {
    const c = aan();
    const generatie = c.generatie;
    c.melding('gebruiker:a'); // the deactivation commits while the lookup is under way
    c.bewaar('t', sessie('a'), generatie);
    expect(c.lees('t')).toBeUndefined();
  });
});
