import { z } from 'zod';

/**
 * Zod's own messages ("Ongeldige invoer: verwacht string, ontving undefined", "Ongeldig: UUID") are for
 * programmers. Where a schema gives no message of its own, these say it the way a case worker would;
 * the field itself is named by the form (invalidParams carries its path).
 */
export function menselijkeMelding(iss: z.core.$ZodRawIssue): string | undefined {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined || iss.input === null) return 'Dit veld is verplicht';
      if (iss.expected === 'number' || iss.expected === 'int') return 'Vul een getal in';
      if (iss.expected === 'boolean') return 'Kies ja of nee';
      if (iss.expected === 'array') return 'Kies een of meer waarden';
      return 'Deze waarde past hier niet';
    case 'invalid_format':
      if (iss.format === 'date') return 'Vul een bestaande datum in';
      if (iss.format === 'email') return 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl';
      if (iss.format === 'uuid' || iss.format === 'guid') return 'Kies een waarde uit de lijst';
      return 'Deze waarde heeft niet de goede vorm';
    case 'invalid_value':
      return 'Kies een van de mogelijkheden';
    case 'too_small':
      if (iss.origin === 'string') return Number(iss.minimum) <= 1 ? 'Dit veld is verplicht' : `Vul minstens ${String(iss.minimum)} tekens in`;
      if (iss.origin === 'array') return Number(iss.minimum) <= 1 ? 'Kies er minstens één' : `Kies er minstens ${String(iss.minimum)}`;
      return `Dit moet minstens ${String(iss.minimum)} zijn`;
    case 'too_big':
      if (iss.origin === 'string') return `Gebruik hoogstens ${String(iss.maximum)} tekens`;
      if (iss.origin === 'array') return `Kies er hoogstens ${String(iss.maximum)}`;
      return `Dit mag hoogstens ${String(iss.maximum)} zijn`;
    default:
      return undefined;
  }
}
z.config({ customError: menselijkeMelding });

/** Schema pieces shared by all contexts, with Dutch messages a person can act on. */
export const datum = z.iso.date({ error: 'Vul een bestaande datum in' }).describe('Een datum als JJJJ-MM-DD')
  .refine((d) => d >= '1800-01-01' && d <= '2999-12-31', 'Deze datum ligt buiten het bereik dat Eenvoud kent (1800–2999)');

export const tekst = (max: number, label: string) =>
  z.string({ error: `${label} is verplicht` }).trim().min(1, `${label} is verplicht`).max(max, `${label} mag hoogstens ${max} tekens zijn`);

export const optioneleTekst = (max: number, label: string) =>
  z.string().trim().max(max, `${label} mag hoogstens ${max} tekens zijn`).optional().transform((v) => (v === '' ? undefined : v));

/**
 * A code in settings (a checklist item, a domain): required, short, letters, digits and hyphens, so
 * it can be a key, a URL part or a column without surprises. Settings accepted an empty code before.
 */
export const code = (label: string, max = 50) =>
  z.string({ error: `${label} is verplicht` }).trim().min(1, `${label} is verplicht`).max(max, `${label} mag hoogstens ${max} tekens zijn`)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, `${label} bestaat uit letters, cijfers en streepjes`);

/** A list in settings: never unbounded (a 900 KB checklist was accepted before). */
export const lijst = <T extends z.ZodType>(item: T, max: number, label: string) =>
  z.array(item).max(max, `${label}: hoogstens ${max}`);

export const paginering = {
  pagina: z.coerce.number().int().min(1).default(1),
  aantal: z.coerce.number().int().min(1).max(200).default(50),
};

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  instance: z.string().optional(),
  invalidParams: z.array(z.object({ name: z.string(), code: z.string(), reason: z.string() })).optional(),
}).meta({ id: 'Probleem' });
