import { z } from 'zod';
import { datum, optioneleTekst, tekst } from '../../platform/http/schemas.ts';
import { vandaag } from '../../platform/time.ts';
import { isGeldigBsn, normaliseerPostcode } from './rules.ts';

export const bsnSchema = z
  .string({ error: 'BSN is verplicht' })
  .trim()
  .regex(/^\d{9}$/, 'Een BSN bestaat uit 9 cijfers')
  .refine(isGeldigBsn, 'Dit BSN is niet geldig (het voldoet niet aan de elfproef)');

export const adresInvoer = z.object({
  straat: tekst(200, 'Straat'),
  huisnummer: tekst(20, 'Huisnummer'),
  postcode: z.string().transform((v, ctx) => {
    const p = normaliseerPostcode(v);
    if (!p) ctx.addIssue({ code: 'custom', message: 'Gebruik een postcode als 1234 AB' });
    return p ?? v;
  }),
  woonplaats: optioneleTekst(100, 'Woonplaats'),
  wijkId: z.uuid('Kies een wijk uit de lijst').optional(),
});

export const persoonInvoer = z.object({
  bsn: bsnSchema,
  voornaam: tekst(100, 'Voornaam'),
  tussenvoegsel: optioneleTekst(20, 'Tussenvoegsel'),
  achternaam: tekst(100, 'Achternaam'),
  geboortedatum: datum
    .refine((d) => d <= vandaag(), 'De geboortedatum ligt in de toekomst')
    .refine((d) => d >= '1890-01-01', 'De geboortedatum ligt te ver in het verleden'),
  adres: adresInvoer.optional(),
});

export const persoonUitvoer = z.object({
  id: z.uuid(),
  bsn: z.string(),
  voornaam: z.string(),
  tussenvoegsel: z.string().nullable(),
  achternaam: z.string(),
  naam: z.string(),
  geboortedatum: z.string(),
  adres: z.object({
    straat: z.string().nullable(), huisnummer: z.string().nullable(), postcode: z.string().nullable(), woonplaats: z.string().nullable(),
    wijk: z.string().nullable(), kern: z.string().nullable(),
  }),
  huishoudenId: z.uuid(),
}).meta({ id: 'Persoon' });

export const gebiedenUitvoer = z.array(z.object({
  id: z.uuid(), naam: z.string(), wijken: z.array(z.object({ id: z.uuid(), naam: z.string() })),
})).meta({ id: 'Kernen' });
