import { z } from 'zod';
import { optioneleTekst, tekst } from '../../platform/http/schemas.ts';
import { CATALOGUS_DOMEINEN, LEEFGEBIEDEN } from './rules.ts';

// The message is read by people at a form with the names in a list; the codes are in the OpenAPI enum.
export const leefgebied = z.enum(LEEFGEBIEDEN, { error: 'Kies een leefgebied uit de lijst.' });
export const trede = z.coerce.number().int().min(1, 'Een trede is 1 tot en met 4').max(4, 'Een trede is 1 tot en met 4') as unknown as z.ZodType<1 | 2 | 3 | 4>;
const domein = z.enum(CATALOGUS_DOMEINEN, { error: `Kies: ${CATALOGUS_DOMEINEN.join(', ')}` });

export const catalogusInvoer = z.object({
  naam: tekst(200, 'Naam'),
  omschrijving: tekst(2000, 'Omschrijving'),
  domein,
  trede: z.number({ error: 'Kies een trede van 1 tot en met 4' }).int().min(1, 'Een trede is 1 tot en met 4').max(4, 'Een trede is 1 tot en met 4'),
  leefgebieden: z.array(leefgebied).min(1, 'Kies minstens één leefgebied'),
  kernIds: z.array(z.uuid('Kies een kern uit de lijst')).max(100).default([]),
  aanbieder: tekst(200, 'Aanbieder'),
  beschikkingNodig: z.boolean({ error: 'Geef aan of een beschikking nodig is' }),
  limiet: z.discriminatedUnion('eenheid', [
    z.object({ eenheid: z.literal('uur'), waarde: z.number({ error: 'Geef het aantal uren als geheel getal' }).int('Geef het aantal uren als geheel getal').min(1, 'Minstens 1 uur').max(1_000_000) }),
    z.object({ eenheid: z.literal('euro'), waardeCents: z.number({ error: 'Geef het bedrag in centen' }).int('Geef het bedrag in hele centen').min(1, 'Minstens 1 cent').max(100_000_000_00, 'Het bedrag is te groot') }),
  ], { error: 'Kies als eenheid uur of euro' }).nullable().default(null).describe('Uren per week, of een bedrag per jaar in centen (waardeCents)'),
  zoekwoorden: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
  actief: z.boolean().default(true),
  // Checked against the law's code list in rules.ts (controleerProduct); an empty field means none.
  productcategorie: z.string().trim().max(10).nullable().default(null).transform((v) => v || null),
  productcode: z.string().trim().toUpperCase().max(10).nullable().default(null).transform((v) => v || null),
}).meta({ id: 'CatalogusItemInvoer' });

export const catalogusFilter = z.object({
  leefgebied: leefgebied.optional(),
  kern: z.uuid('Geef het id van een kern').optional(),
  domein: domein.optional(),
  trede: trede.optional(),
  zoek: optioneleTekst(100, 'Zoekterm'),
  zonderBeschikking: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
});

export const catalogusUitvoer = z.object({
  id: z.uuid(), naam: z.string(), omschrijving: z.string(), domein, domeinNaam: z.string(), trede: z.number().int(), tredeNaam: z.string(),
  leefgebieden: z.array(z.object({ code: z.string(), naam: z.string() })),
  kernen: z.array(z.object({ id: z.uuid(), naam: z.string() })),
  aanbieder: z.string(), beschikkingNodig: z.boolean(),
  limiet: z.discriminatedUnion('eenheid', [
    z.object({ eenheid: z.literal('uur'), waarde: z.number().int() }),
    z.object({ eenheid: z.literal('euro'), waardeCents: z.number().int() }),
  ]).nullable().describe('Uren per week, of een bedrag per jaar in centen (waardeCents)'),
  zoekwoorden: z.array(z.string()), actief: z.boolean(),
  productcategorie: z.string().nullable(), productcategorieNaam: z.string().nullable(), productcode: z.string().nullable(),
}).meta({ id: 'CatalogusItem' });
