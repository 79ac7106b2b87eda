import { z } from 'zod';

/** Schema pieces shared by all contexts, with Dutch messages a person can act on. */
export const datum = z.iso.date({ error: 'Gebruik een datum in de vorm JJJJ-MM-DD' })
  .refine((d) => d >= '1800-01-01' && d <= '2999-12-31', 'Deze datum ligt buiten het bereik dat Eenvoud kent (1800–2999)');

export const tekst = (max: number, label: string) =>
  z.string({ error: `${label} is verplicht` }).trim().min(1, `${label} is verplicht`).max(max, `${label} mag hoogstens ${max} tekens zijn`);

export const optioneleTekst = (max: number, label: string) =>
  z.string().trim().max(max, `${label} mag hoogstens ${max} tekens zijn`).optional().transform((v) => (v === '' ? undefined : v));

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
