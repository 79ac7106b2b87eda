import { describe, expect, it } from 'vitest';
import { leesPubliekeReferentie, publiekeReferentie } from './online.ts';

describe('het referentienummer voor de inwoner', () => {
  it('is willekeurig, zonder tekens die je verwart (0/O, 1/I/L), in de vorm EV-XXXX-XXXX', () => {
    const refs = Array.from({ length: 500 }, publiekeReferentie);
    for (const r of refs) expect(r).toMatch(/^EV-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(new Set(refs).size).toBe(500);
  });

  it('wordt herkend zoals een inwoner het voorleest: kleine letters, spaties, zonder streepjes', () => {
    expect(leesPubliekeReferentie('ev-7k3q-9xwd')).toBe('EV-7K3Q-9XWD');
    expect(leesPubliekeReferentie(' EV 7K3Q 9XWD ')).toBe('EV-7K3Q-9XWD');
    expect(leesPubliekeReferentie('EV7K3Q9XWD')).toBe('EV-7K3Q-9XWD');
    expect(leesPubliekeReferentie('M-2026-000123')).toBeNull();
  });
});
