import { z } from 'zod';
import { SOORTEN, ZOEKVRAAG_MAX, ZOEKVRAAG_MIN } from './rules.ts';

export const zoekInvoer = z.object({
  q: z.string({ error: 'Typ wat u zoekt: een BSN, een naam met geboortedatum of een nummer' })
    .trim()
    .min(ZOEKVRAAG_MIN, `Typ minstens ${ZOEKVRAAG_MIN} tekens`)
    .max(ZOEKVRAAG_MAX, `Typ hoogstens ${ZOEKVRAAG_MAX} tekens`),
});

export const zoekUitvoer = z.object({
  resultaten: z.array(z.object({
    soort: z.enum(SOORTEN),
    id: z.uuid(),
    titel: z.string(),
    omschrijving: z.string(),
    url: z.string().describe('Het pad van de pagina in de webapp die dit resultaat toont'),
  }).meta({ id: 'Zoekresultaat' })),
  gezochtOp: z.string().describe('Hoe de zoekvraag is gelezen, bijv. "naam \'jansen\' en geboortedatum 12 maart 1956"'),
  toelichting: z.string().nullable().describe('Waarom er niet gezocht is (de rol zoekt deze soort niet), anders null'),
}).meta({ id: 'Zoekresultaten' });

export const meldingStandUitvoer = z.object({
  id: z.uuid(),
  nummer: z.string(),
  wet: z.string(),
  wetNaam: z.string(),
  kanaalNaam: z.string(),
  status: z.string(),
  statusNaam: z.string(),
  ontvangenOp: z.string(),
  afgerondOp: z.string().nullable(),
  inwoner: z.object({ naam: z.string(), geboortedatum: z.string() }).describe('Alleen om de beller te herkennen'),
  behandeling: z.object({
    casusNummer: z.string().nullable(),
    casusregisseur: z.string().nullable(),
    team: z.string().nullable(),
  }),
}).meta({ id: 'MeldingStand' });

export const persoonKaartUitvoer = z.object({
  id: z.uuid(),
  naam: z.string(),
  geboortedatum: z.string(),
  adres: z.object({ straat: z.string().nullable(), huisnummer: z.string().nullable(), postcode: z.string().nullable(), woonplaats: z.string().nullable() }),
  casussen: z.array(z.object({ id: z.uuid(), nummer: z.string(), status: z.string(), url: z.string() })),
  meldingen: z.array(z.object({ id: z.uuid(), nummer: z.string(), status: z.string(), statusNaam: z.string(), ontvangenOp: z.string(), url: z.string() })),
}).meta({ id: 'GevondenInwoner' });
