/**
 * Per-gemeente configuration of the statutory terms: validated data, the law's values as default.
 * Pure (schemas and merge), like rules.ts.
 */
import { z } from 'zod';
import { STANDAARD_TERMIJNEN, type Duur, type TermijnConfig, type TermijnRegel, type TermijnSoort } from './termijnen.ts';
import type { Wet } from './rules.ts';

const duur = z.object({
  eenheid: z.enum(['weken', 'dagen', 'werkdagen'], { error: 'Kies weken, dagen of werkdagen' }),
  aantal: z.number({ error: 'Geef een aantal' }).int('Geef een heel getal').min(1, 'Minstens 1').max(52, 'Hoogstens 52'),
});
const regel = z.object({ duur, grondslag: z.string().trim().min(1, 'Noem de grondslag').max(200) });

export const termijnConfigSchema = z.object({
  wmo: z.object({ onderzoek: regel, beschikking: regel }),
  jeugdwet: z.object({ beschikking: regel }),
  participatiewet: z.object({ beschikking: regel }),
  schuldhulp: z.object({ eersteGesprek: regel, eersteGesprekSpoed: regel, beschikking: regel }),
  minima: z.object({ beschikking: regel }),
  onbekend: z.object({ beschikking: regel }),
  bezwaar: regel,
}).meta({ id: 'TermijnConfiguratie' });

export type TermijnConfigInvoer = z.infer<typeof termijnConfigSchema>;

/** The stored configuration, or the law's defaults when the gemeente configured nothing (or something no longer valid). */
export function effectieveConfig(opgeslagen: unknown): TermijnConfigInvoer {
  const r = termijnConfigSchema.safeParse(opgeslagen);
  return r.success ? r.data : (STANDAARD_TERMIJNEN as unknown as TermijnConfigInvoer);
}

export type MeldingTermijnSleutel = 'onderzoek' | 'eersteGesprek' | 'eersteGesprekSpoed';

/** The rule for a term that starts with a melding. */
export function regelVoorMelding(config: TermijnConfigInvoer | TermijnConfig, wet: Wet, sleutel: MeldingTermijnSleutel): { soort: TermijnSoort; regel: TermijnRegel } {
  if (sleutel === 'onderzoek' && wet === 'wmo') return { soort: 'onderzoek', regel: config.wmo.onderzoek as TermijnRegel };
  if (wet === 'schuldhulp' && sleutel !== 'onderzoek') return { soort: 'eersteGesprek', regel: config.schuldhulp[sleutel] as TermijnRegel };
  throw new Error(`Geen meldingstermijn ${sleutel} voor ${wet}`);
}

export const duurTekst = (d: Duur): string => `${d.aantal} ${d.eenheid === 'weken' ? (d.aantal === 1 ? 'week' : 'weken') : d.eenheid === 'dagen' ? (d.aantal === 1 ? 'dag' : 'dagen') : (d.aantal === 1 ? 'werkdag' : 'werkdagen')}`;
