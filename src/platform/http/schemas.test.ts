import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { datum } from './schemas.ts';

const melding = (schema: z.ZodType, waarde: unknown) => schema.safeParse(waarde).error?.issues[0]?.message;

describe('foutmeldingen in de woorden van een medewerker', () => {
  it('zonder eigen tekst zegt het schema wat er moet gebeuren, zonder technische termen', () => {
    expect(melding(z.object({ a: z.string() }), {})).toBe('Dit veld is verplicht');
    expect(melding(z.uuid(), 'x')).toBe('Kies een waarde uit de lijst');
    expect(melding(z.enum(['a', 'b']), 'c')).toBe('Kies een van de mogelijkheden');
    expect(melding(z.number(), 'vijf')).toBe('Vul een getal in');
    expect(melding(z.email(), 'geen')).toBe('Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl');
    expect(melding(z.string().max(3), 'vier')).toBe('Gebruik hoogstens 3 tekens');
    expect(melding(z.array(z.string()).min(1), [])).toBe('Kies er minstens één');
    expect(melding(datum, '31-12-2026')).toBe('Vul een bestaande datum in');
  });

  it('een eigen tekst in het schema gaat voor', () => {
    expect(melding(z.string().min(1, 'Reden is verplicht'), '')).toBe('Reden is verplicht');
  });
});
