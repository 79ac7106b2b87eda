import { z } from 'zod';
import { datum, optioneleTekst, tekst } from '../../platform/http/schemas.ts';
import { vandaag } from '../../platform/time.ts';
import { AANVRAGER_RELATIES } from './vertegenwoordiging.ts';
import { LID_RELATIES, VERTEGENWOORDIGER_SOORTEN, isGeldigBsn, normaliseerPostcode } from './rules.ts';

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
  contact: z.object({ telefoon: z.string().nullable(), email: z.string().nullable() }),
  geenVastAdres: z.boolean().describe('De inwoner heeft gezegd geen vast adres te hebben (bijv. dakloos)'),
  bron: z.enum(['invoer', 'brp']).describe('Waar naam, geboortedatum en adres vandaan komen'),
}).meta({ id: 'Persoon' });

export const gebiedenUitvoer = z.array(z.object({
  id: z.uuid(), naam: z.string(), wijken: z.array(z.object({ id: z.uuid(), naam: z.string() })),
})).meta({ id: 'Kernen' });

export const telefoonSchema = z.string().trim().regex(/^\+?[0-9 ()-]{8,20}$/, 'Gebruik een telefoonnummer als 06 12345678');
export const emailSchema = z.email('Gebruik een e-mailadres als naam@voorbeeld.nl');
const geboortedatum = persoonInvoer.shape.geboortedatum;

export const lidInvoer = z.object({
  bsn: bsnSchema,
  voornaam: optioneleTekst(100, 'Voornaam').describe('Verplicht zonder BRP-koppeling; met koppeling komt de naam uit de BRP'),
  tussenvoegsel: optioneleTekst(20, 'Tussenvoegsel'),
  achternaam: optioneleTekst(100, 'Achternaam').describe('Verplicht zonder BRP-koppeling'),
  geboortedatum: geboortedatum.optional().describe('Verplicht zonder BRP-koppeling; met koppeling moet hij kloppen met de BRP'),
  relatie: z.enum(LID_RELATIES, { error: 'Kies de relatie: partner, ouder, kind of overig' })
    .describe('Wat het nieuwe lid is van de persoon in tenOpzichteVan (standaard de hoofdpersoon van het huishouden): kind = het nieuwe lid is het kind van die persoon'),
  gezag: z.boolean({ error: 'Geef aan of er gezag is (ja of nee)' }).default(false)
    .describe('Alleen bij ouder/kind met een minderjarig kind: de ouder heeft gezag over het kind. Met BRP-koppeling bepaalt de BRP dit'),
  tenOpzichteVan: z.uuid('Kies een lid van het huishouden').optional().describe('Het lid tegenover wie de relatie geldt; standaard de hoofdpersoon (het eerst geregistreerde lid)'),
}).meta({ id: 'NieuwLid' });

export const persoonWijziging = z.object({
  adres: adresInvoer.nullable().optional().describe('null: het adres weghalen (alleen samen met geenVastAdres: true). De wijk volgt uit de postcode, tenzij wijkId is gegeven'),
  geenVastAdres: z.boolean().optional(),
  telefoon: telefoonSchema.nullable().optional(),
  email: emailSchema.nullable().optional(),
}).refine((w) => Object.values(w).some((v) => v !== undefined), { message: 'Geef minstens één gegeven om te wijzigen' }).meta({ id: 'PersoonWijziging' });

export const vertegenwoordigerInvoer = z.object({
  soort: z.enum(VERTEGENWOORDIGER_SOORTEN, { error: 'Kies curator, mentor of bewindvoerder' }),
  persoonId: z.uuid('Kies een inwoner uit de lijst').optional().describe('Een bekende inwoner als vertegenwoordiger…'),
  naam: optioneleTekst(200, 'Naam van de vertegenwoordiger').describe('…of een professional: naam en postadres'),
  adres: z.object({
    straat: tekst(200, 'Straat'), huisnummer: tekst(20, 'Huisnummer'),
    postcode: adresInvoer.shape.postcode, plaats: tekst(100, 'Plaats'),
  }).optional(),
}).refine((v) => v.persoonId || (v.naam && v.adres), { message: 'Kies een inwoner, of geef naam en postadres', path: ['naam'] })
  .meta({ id: 'NieuweVertegenwoordiger' });

export const gezagWijziging = z.object({
  gezag: z.boolean({ error: 'Geef aan of deze ouder gezag heeft (ja of nee)' })
    .describe('true: de ouder heeft (weer) gezag over het minderjarige kind; false: het gezag is beëindigd (bijv. door een uitspraak van de rechter)'),
}).meta({ id: 'GezagWijziging' });

const relatieSoort = z.enum(['partner', 'ouder', 'kind', 'overig', 'curator', 'mentor', 'bewindvoerder']);
export const vertegenwoordigerUitvoer = z.object({
  persoonId: z.uuid(), naam: z.string(), relatie: z.enum(['ouder', 'curator', 'mentor', 'bewindvoerder', 'overig']),
  adres: z.object({ straat: z.string().nullable(), huisnummer: z.string().nullable(), postcode: z.string().nullable(), plaats: z.string().nullable() }),
}).meta({ id: 'Vertegenwoordiger' });

export const huishoudenUitvoer = z.object({
  id: z.uuid(),
  hoofdpersoonId: z.uuid().nullable(),
  leden: z.array(persoonUitvoer.extend({
    leeftijd: z.number().int(),
    minderjarig: z.boolean(),
    relatieTotHoofdpersoon: z.union([relatieSoort, z.literal('hoofdpersoon')]).nullable(),
    relaties: z.array(z.object({ relatieId: z.uuid(), soort: relatieSoort, persoonId: z.uuid().nullable(), naam: z.string(), gezag: z.boolean() }))
      .describe('Vanuit dit lid gezien: soort = wat de ander is van dit lid (ouder, kind, partner, curator…)'),
    vertegenwoordigers: z.array(vertegenwoordigerUitvoer).describe('Wie namens dit lid handelt en de brieven krijgt'),
  })),
}).meta({ id: 'Huishouden' });

/** The address a resident types on the public form: as on an envelope. */
export const publiekAdres = z.object({
  postcode: adresInvoer.shape.postcode,
  huisnummer: tekst(20, 'Huisnummer'),
  straat: tekst(200, 'Straat'),
  plaats: tekst(100, 'Plaats'),
}, { error: 'Vul uw adres in: postcode, huisnummer, straat en plaats' });

/** On an aanvraag: on whose behalf, and who applies (besluit spreads these into its create schemas). */
export const aanvragerVelden = {
  namensPersoonId: z.uuid('Kies een lid van het huishouden').optional()
    .describe('Over wie het besluit gaat (een lid van het huishouden); standaard de persoon van de (eerste) melding'),
  aanvrager: z.object({
    relatie: z.enum(AANVRAGER_RELATIES, { error: 'Kies wie aanvraagt: zelf, ouder, curator, mentor, bewindvoerder of overig' }),
    persoonId: z.uuid('Kies een persoon uit de lijst').optional().describe('De ouder met gezag, curator, mentor of bewindvoerder (standaard de eerste die is vastgelegd)'),
    naam: optioneleTekst(200, 'Naam van de aanvrager').describe('Bij overig: wie aanvraagt'),
  }).optional().describe('Wie aanvraagt; standaard de inwoner zelf, of voor een minderjarige de ouder met gezag'),
};

export const aanvraagPartijen = {
  namens: z.object({ id: z.uuid(), naam: z.string(), minderjarig: z.boolean() }).describe('Over wie het besluit gaat'),
  aanvrager: z.object({
    relatie: z.enum(AANVRAGER_RELATIES), relatieNaam: z.string(), persoonId: z.uuid().nullable(), naam: z.string().nullable(),
  }).describe('Wie de aanvraag deed'),
  vertegenwoordigers: z.array(vertegenwoordigerUitvoer).describe('Aan wie het besluit wordt gericht (ouders met gezag, curator, mentor, bewindvoerder); leeg: aan de inwoner zelf'),
};
