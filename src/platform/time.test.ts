import { describe, expect, it } from 'vitest';
import { vandaag } from './time.ts';

// "Vandaag" is the date on the Dutch calendar, whatever zone the server runs in.
describe('vandaag op de Nederlandse kalender', () => {
  it('is een datum als JJJJ-MM-DD, met voorloopnullen', () => {
    expect(vandaag(new Date('2026-01-05T10:00:00Z'))).toBe('2026-01-05');
  });

  it('in de winter (CET, UTC+1) begint de dag om 23:00 UTC de avond ervoor', () => {
    expect(vandaag(new Date('2026-01-31T22:59:59Z'))).toBe('2026-01-31');
    expect(vandaag(new Date('2026-01-31T23:00:00Z'))).toBe('2026-02-01');
    expect(vandaag(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });

  it('rond de zomertijd (29 maart 2026): de nacht van de klokwissel en de eerste dag in CEST (UTC+2)', () => {
    expect(vandaag(new Date('2026-03-28T22:59:59Z'))).toBe('2026-03-28');
    expect(vandaag(new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
    expect(vandaag(new Date('2026-03-29T00:59:59Z'))).toBe('2026-03-29'); // 01:59 CET
    expect(vandaag(new Date('2026-03-29T01:00:00Z'))).toBe('2026-03-29'); // 03:00 CEST
    expect(vandaag(new Date('2026-03-29T21:59:59Z'))).toBe('2026-03-29'); // 23:59 CEST
    expect(vandaag(new Date('2026-03-29T22:00:00Z'))).toBe('2026-03-30'); // middernacht CEST
  });

  it('rond de wintertijd (25 oktober 2026): de dag van de klokwissel duurt 25 uur', () => {
    expect(vandaag(new Date('2026-10-24T21:59:59Z'))).toBe('2026-10-24');
    expect(vandaag(new Date('2026-10-24T22:00:00Z'))).toBe('2026-10-25'); // middernacht CEST
    expect(vandaag(new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-25'); // 02:30 CEST
    expect(vandaag(new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25'); // 02:30 CET, hetzelfde uur nog eens
    expect(vandaag(new Date('2026-10-25T22:59:59Z'))).toBe('2026-10-25'); // 23:59 CET
    expect(vandaag(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
  });

  it('zonder argument is het de datum van nu', () => {
    const voor = vandaag(new Date());
    const nu = vandaag();
    const na = vandaag(new Date());
    expect([voor, na]).toContain(nu);
    expect(nu).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
