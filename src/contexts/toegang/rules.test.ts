import { describe, expect, it } from 'vitest';
import { BEGINSTATUS, MELDING_STATUSSEN, meldingNummer, meldingTransities, transitie } from './rules.ts';

describe('statusverloop van een melding', () => {
  it('begint elke melding met de status gemeld', () => {
    expect(BEGINSTATUS).toBe('gemeld');
  });

  it('staat de gelukkige paden toe: gemeld → in onderzoek → afgesloten, en gemeld → afgesloten', () => {
    expect(transitie('gemeld', 'inOnderzoek').ok).toBe(true);
    expect(transitie('inOnderzoek', 'afgesloten').ok).toBe(true);
    expect(transitie('gemeld', 'afgesloten').ok).toBe(true);
  });

  it('weigert elke overgang die niet in de tabel staat, met een Nederlandse reden', () => {
    for (const van of MELDING_STATUSSEN) {
      for (const naar of MELDING_STATUSSEN) {
        const uitkomst = transitie(van, naar);
        expect(uitkomst.ok).toBe(meldingTransities[van].includes(naar));
        if (!uitkomst.ok) expect(uitkomst.reden).toMatch(/kan niet naar/);
      }
    }
  });

  it('laat een afgesloten melding nergens meer heen gaan', () => {
    expect(meldingTransities.afgesloten).toEqual([]);
  });
});

describe('meldingnummer', () => {
  it('geeft een nummer dat een inwoner kan noemen: M-jaar-volgnummer', () => {
    expect(meldingNummer(2026, 42)).toBe('M-2026-000042');
  });
});
