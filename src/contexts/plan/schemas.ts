import { z } from 'zod';
import { datum, optioneleTekst, tekst } from '../../platform/http/schemas.ts';
import { vandaag } from '../../platform/time.ts';
import { leefgebied } from '../catalogus/index.ts';
import { DOEL_STATUSSEN, EVALUATIE_BESLUITEN, INSTEMMING_WIJZEN } from './rules.ts';


export const doelInvoer = z.preprocess(
  // `domein` is accepted as another word for leefgebied.
  (v) => (v && typeof v === 'object' && !('leefgebied' in v) && 'domein' in v ? { ...v, leefgebied: (v as { domein: unknown }).domein } : v),
  z.object({
    leefgebied,
    omschrijving: tekst(1000, 'Het doel'),
    meetbaarResultaat: tekst(1000, 'Het meetbare resultaat'),
    streefdatum: datum.refine((d) => d >= vandaag(), 'De streefdatum ligt in het verleden'),
  }),
).meta({ id: 'NieuwDoel' });

export const arrangementInvoer = z.object({
  doelId: z.uuid('Kies een doel van dit plan'),
  trede: z.number({ error: 'Kies een trede van 1 tot en met 4' }).int().min(1, 'Een trede is 1 tot en met 4').max(4, 'Een trede is 1 tot en met 4'),
  catalogusItemId: z.uuid('Kies een product uit de catalogus').optional(),
  omschrijving: optioneleTekst(1000, 'Omschrijving'),
  motivering: optioneleTekst(4000, 'Motivering'),
  verantwoordelijke: optioneleTekst(200, 'Verantwoordelijke'),
  omvang: z.discriminatedUnion('eenheid', [
    z.object({ eenheid: z.literal('uur'), waarde: z.number({ error: 'Geef het aantal uren als geheel getal' }).int('Geef het aantal uren als geheel getal').min(1, 'Minstens 1 uur').max(1_000_000) }),
    z.object({ eenheid: z.literal('euro'), waardeCents: z.number({ error: 'Geef het bedrag in centen' }).int('Geef het bedrag in hele centen').min(1, 'Minstens 1 cent').max(100_000_000_00, 'Het bedrag is te groot') }),
  ], { error: 'Kies als eenheid uur of euro' }).optional().describe('Uren per week, of een bedrag per jaar in centen (waardeCents)'),
  startdatum: datum.optional(),
  einddatum: datum.optional(),
}).refine((a) => !a.einddatum || !a.startdatum || a.einddatum >= a.startdatum, { path: ['einddatum'], message: 'De einddatum ligt vóór de startdatum' })
  .meta({ id: 'NieuwArrangementItem' });

export const instemmingInvoer = z.object({
  datum,
  wijze: z.enum(INSTEMMING_WIJZEN, { error: `Kies hoe de inwoner instemde: ${INSTEMMING_WIJZEN.join(', ')}` }),
}).meta({ id: 'Instemming' });

export const evaluatiePlanning = z.object({ geplandOp: datum }).meta({ id: 'EvaluatiePlanning' });

export const evaluatieUitvoering = z.object({
  gehoudenOp: datum,
  gesprekId: z.uuid('Kies het evaluatiegesprek').optional(),
  besluit: z.enum(EVALUATIE_BESLUITEN, { error: `Kies: ${EVALUATIE_BESLUITEN.join(', ')}` }),
  toelichting: optioneleTekst(4000, 'Toelichting'),
  doelen: z.array(z.object({ doelId: z.uuid(), status: z.enum(DOEL_STATUSSEN, { error: `Kies: ${DOEL_STATUSSEN.join(', ')}` }) })).default([]),
}).meta({ id: 'Evaluatie' });

const arrangementUitvoer = z.object({
  id: z.uuid(), doelId: z.uuid(), trede: z.number().int(), tredeNaam: z.string(),
  catalogusItem: z.object({ id: z.uuid(), naam: z.string(), aanbieder: z.string() }).nullable(),
  omschrijving: z.string().nullable(), motivering: z.string().nullable(), verantwoordelijke: z.string(),
  omvang: z.discriminatedUnion('eenheid', [
    z.object({ eenheid: z.literal('uur'), waarde: z.number().int() }),
    z.object({ eenheid: z.literal('euro'), waardeCents: z.number().int() }),
  ]).nullable().describe('Uren per week, of een bedrag per jaar in centen (waardeCents)'),
  startdatum: z.string(), einddatum: z.string().nullable(), status: z.enum(['ingezet', 'aanvraagNodig', 'beeindigd']), statusNaam: z.string(),
}).meta({ id: 'ArrangementItem' });

const doelUitvoer = z.object({
  id: z.uuid(), leefgebied, leefgebiedNaam: z.string(), omschrijving: z.string(), meetbaarResultaat: z.string(), streefdatum: z.string(),
  status: z.enum(DOEL_STATUSSEN), statusNaam: z.string(), arrangement: z.array(arrangementUitvoer),
}).meta({ id: 'Doel' });

export const planUitvoer = z.object({
  id: z.uuid(), casusId: z.uuid(), versie: z.number().int(), status: z.enum(['concept', 'actief', 'gesloten']),
  instemming: z.object({ datum: z.string(), wijze: z.enum(INSTEMMING_WIJZEN) }).nullable(),
  doelen: z.array(doelUitvoer),
  arrangementPerTrede: z.array(z.object({ trede: z.number().int(), naam: z.string(), items: z.array(arrangementUitvoer) })),
  versies: z.array(z.object({ versie: z.number().int(), moment: z.string(), reden: z.string(), door: z.string().nullable() })),
  evaluaties: z.array(z.object({
    id: z.uuid(), geplandOp: z.string(), gehoudenOp: z.string().nullable(), gesprekId: z.uuid().nullable(),
    besluit: z.enum(EVALUATIE_BESLUITEN).nullable(), toelichting: z.string().nullable(),
    doelstatussen: z.array(z.object({ doelId: z.uuid(), status: z.enum(DOEL_STATUSSEN) })).nullable(),
  })),
}).meta({ id: 'Plan' });

export { arrangementUitvoer, doelUitvoer };
