import { describe, expect, it } from 'vitest';
import { eersteDagVoorstel, isTijdelijkeStop, stopFouten } from './melden.ts';

describe('de eerste dag die het portaal voorstelt bij start melden', () => {
  it('is vandaag als de toewijzing al is ingegaan', () => {
    expect(eersteDagVoorstel('2026-03-01', '2026-03-09')).toBe('2026-03-09');
    expect(eersteDagVoorstel('2026-03-09', '2026-03-09')).toBe('2026-03-09');
  });

  it('is de ingangsdatum als de toewijzing later ingaat, niet een dag ervóór', () => {
    expect(eersteDagVoorstel('2026-04-01', '2026-03-09')).toBe('2026-04-01');
  });
});

describe('een stop die niet door kan gaan, wordt vóór de bevestiging genoemd', () => {
  const vandaag = '2026-03-09';

  it('een stop met laatste dag en reden na de gemelde start kan door', () => {
    expect(stopFouten({ datum: '2026-03-09', reden: '21' }, '2026-03-02', vandaag)).toEqual([]);
    expect(stopFouten({ datum: '2026-03-02', reden: '21' }, '2026-03-02', vandaag)).toEqual([]);
  });

  it('zonder reden van beëindiging niet', () => {
    expect(stopFouten({ datum: '2026-03-09', reden: '' }, '2026-03-02', vandaag)).toEqual([{ veld: 'reden', tekst: 'Kies een reden van beëindiging uit de lijst.' }]);
  });

  it('zonder laatste dag, met een laatste dag vooruit of vóór de gemelde start niet', () => {
    expect(stopFouten({ datum: '', reden: '21' }, '2026-03-02', vandaag).map((f) => f.veld)).toEqual(['datum']);
    expect(stopFouten({ datum: '2026-03-10', reden: '21' }, '2026-03-02', vandaag)[0]?.tekst).toMatch(/niet vooruit/);
    expect(stopFouten({ datum: '2026-03-01', reden: '21' }, '2026-03-02', vandaag)[0]?.tekst).toBe('De laatste dag ligt vóór de gemelde start (2 maart 2026).');
  });

  it('reden 20 is een tijdelijke stop, de andere redenen beëindigen de zorg', () => {
    expect(isTijdelijkeStop('20')).toBe(true);
    expect(isTijdelijkeStop('21')).toBe(false);
  });
});
