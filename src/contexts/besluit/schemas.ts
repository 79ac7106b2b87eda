import { z } from 'zod';
import { aanvragerVelden } from '../inwoners/index.ts';
import { keysetParams } from '../../platform/http/keyset.ts';
import { datum, optioneleTekst, tekst } from '../../platform/http/schemas.ts';
import { AANVRAAG_STATUSSEN, BEZWAAR_UITKOMSTEN, LEVERINGSVORMEN, normaliseerUitkomst } from './rules.ts';

export const aanvraagInvoer = z.object({
  casusId: z.uuid('Geef de casus'),
  arrangementItemIds: z.array(z.uuid('Kies onderdelen van het arrangement')).min(1, 'Kies minstens één onderdeel van het arrangement'),
  ontvangenOp: datum,
  toelichting: optioneleTekst(4000, 'Toelichting'),
  ...aanvragerVelden,
}).meta({ id: 'NieuweAanvraag' });

export const rechtstreeksInvoer = z.object({
  meldingId: z.uuid('Geef de melding'),
  catalogusItemId: z.uuid('Kies de aangevraagde voorziening'),
  ontvangenOp: datum,
  toelichting: optioneleTekst(4000, 'Toelichting'),
  ...aanvragerVelden,
}).meta({ id: 'RechtstreekseAanvraag' });

export const toetsInvoer = z.object({
  compleet: z.boolean().default(true).describe('Zijn de gegevens compleet?'),
  bevoegd: z.boolean().default(true).describe('Is de gemeente bevoegd (woonplaats, wet)?'),
  opmerkingen: optioneleTekst(4000, 'Opmerkingen'),
}).meta({ id: 'Toets' });

export const beoordelingInvoer = z.object({
  advies: z.string().trim().max(8000).default('Beoordeeld; de voorziening past bij het plan en de ladder is gevolgd.'),
}).meta({ id: 'Beoordeling' });

const uitkomst = z.string().transform((v, ctx) => {
  const u = normaliseerUitkomst(v);
  if (!u) { ctx.addIssue({ code: 'custom', message: 'Kies toegekend, deels toegekend of afgewezen' }); return z.NEVER; }
  return u;
});

export const besluitInvoer = z.object({
  producten: z.array(z.object({
    arrangementItemId: z.uuid().optional(),
    aanvraagProductId: z.uuid().optional(),
    uitkomst,
    omvang: z.number().positive('De omvang is groter dan 0').max(100_000).optional(),
    eenheid: z.string().trim().min(1).max(30).optional(),
    periode: z.enum(['dag', 'week', 'maand', 'jaar', 'totaal']).optional().describe('Moet passen bij de frequentie van het gecontracteerde product (dag 1, week 2, maand 4, totaal 6)'),
    productcode: z.string().trim().regex(/^[A-Za-z0-9]{5}$/, 'Een productcode heeft 5 tekens').optional()
      .describe('Het gecontracteerde product (iWmo/iJw); verplicht als het catalogusitem er geen noemt'),
    resultaat: z.object({ profiel: tekst(50, 'Het profiel'), intensiteit: tekst(50, 'De intensiteit') }).optional()
      .describe('Bij resultaatgerichte bekostiging: profiel (Jeugd) of complexiteit (Wmo) en intensiteit'),
    ingangsdatum: datum.optional(),
    einddatum: datum.optional(),
    leveringsvorm: z.enum(LEVERINGSVORMEN, { error: 'Kies zin (zorg in natura) of pgb' }).optional(),
    grondslag: optioneleTekst(500, 'Grondslag'),
    // Removed in issue 13: the budget is computed from the contract. Still sending it is a clear 400, not a silent strip.
    jaarbedrag: z.unknown().optional().describe('Vervallen: het budget wordt berekend uit het contract'),
  }).refine((p) => p.arrangementItemId || p.aanvraagProductId, { message: 'Noem het arrangementItemId (of aanvraagProductId)', path: ['arrangementItemId'] })
    .refine((p) => !p.einddatum || !p.ingangsdatum || p.einddatum >= p.ingangsdatum, { message: 'De einddatum ligt vóór de ingangsdatum', path: ['einddatum'] })
    .superRefine((p, ctx) => {
      if (p.jaarbedrag !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['jaarbedrag'], message: 'Het bedrag wordt berekend uit het contract (tarief × omvang × looptijd); stuur geen jaarbedrag mee' });
      }
      if (p.uitkomst === 'afgewezen') return;
      for (const veld of ['omvang', 'ingangsdatum', 'leveringsvorm'] as const) {
        if (p[veld] === undefined) ctx.addIssue({ code: 'custom', path: [veld], message: 'Verplicht bij een (deels) toekenning' });
      }
    }))
    .min(1, 'Beslis over minstens één product'),
  motivering: tekst(8000, 'De motivering'),
}).meta({ id: 'Besluit' });

export const herzieningInvoer = z.object({ reden: tekst(4000, 'De reden van de herziening'), ontvangenOp: datum.optional() }).meta({ id: 'Herziening' });
export const bezwaarInvoer = z.object({
  ontvangenOp: datum,
  omschrijving: tekst(8000, 'Waar het bezwaar over gaat'),
  adviescommissie: z.boolean({ error: 'Kies of het bezwaar langs de adviescommissie gaat' }).default(false)
    .describe('Gaat het bezwaar langs een onafhankelijke adviescommissie? Dan is de beslistermijn 12 weken in plaats van 6 (Awb 7:10).'),
  verschoonbaar: z.boolean().default(false).describe('Alleen bij een te laat bezwaar: is de termijnoverschrijding verschoonbaar (Awb 6:11)?'),
}).meta({ id: 'NieuwBezwaar' });
export const hoorzittingInvoer = z.discriminatedUnion('status', [
  z.object({ status: z.literal('gepland'), datum }),
  z.object({ status: z.literal('gehouden'), datum, verslag: tekst(8000, 'Het verslag van de hoorzitting') }),
  z.object({ status: z.literal('afgezien'), reden: tekst(2000, 'De reden om af te zien van horen') }),
], { error: 'Kies gepland, gehouden of afgezien' }).meta({ id: 'Hoorzitting' });
export const bezwaarAdviesInvoer = z.object({ advies: tekst(8000, 'Het advies'), datum }).meta({ id: 'BezwaarAdvies' });
export const bezwaarVerdagingInvoer = z.object({ reden: tekst(1000, 'De reden van de verdaging') }).meta({ id: 'BezwaarVerdaging' });
export const bezwaarIntrekkingInvoer = z.object({ reden: tekst(1000, 'De reden (bijv. de indiener trok het bezwaar in)') }).meta({ id: 'BezwaarIntrekking' });
export const bezwaarBeslissingInvoer = z.object({
  uitkomst: z.enum(BEZWAAR_UITKOMSTEN, { error: 'Kies gegrond, deels gegrond, ongegrond of niet-ontvankelijk' }),
  motivering: tekst(8000, 'De motivering'),
  verschoonbaar: z.boolean().optional().describe('Bij een te laat bezwaar: is de overschrijding verschoonbaar? Zonder: wat bij de registratie is vastgelegd.'),
}).meta({ id: 'BeslissingOpBezwaar' });
export const bezwaarFilter = z.object({
  status: z.enum(['open', 'afgehandeld', 'alle'], { error: 'Kies open, afgehandeld of alle' }).default('alle'),
  ...keysetParams,
});
export const aanvraagFilter = z.object({
  status: z.string().optional().transform((v, ctx) => {
    if (!v) return undefined;
    const lijst = v.split(',').map((s) => s.trim());
    const fout = lijst.find((s) => !(AANVRAAG_STATUSSEN as readonly string[]).includes(s));
    if (fout) { ctx.addIssue({ code: 'custom', message: `Onbekende status '${fout}'; kies uit ${AANVRAAG_STATUSSEN.join(', ')} (meerdere met komma's)` }); return z.NEVER; }
    return lijst as (typeof AANVRAAG_STATUSSEN)[number][];
  }).describe('Eén status of meerdere, gescheiden door komma’s'),
  casusId: z.uuid().optional(),
  ...keysetParams,
});
export const aanvraagTermijnWijziging = { wet: z.enum(['wmo', 'jeugdwet', 'participatiewet', 'schuldhulp', 'minima', 'onbekend']).optional() };
export const procescoordinatieInvoer = z.object({
  multiprobleem: z.boolean(),
  procescoordinatorId: z.uuid('Kies een procescoördinator').nullable(),
}).meta({ id: 'Procescoordinatie' });
export const steekproefInvoer = z.object({ maand: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Gebruik JJJJ-MM') }).meta({ id: 'NieuweSteekproef' });
export const steekproefBeoordeling = z.object({
  antwoorden: z.record(z.string(), z.enum(['ja', 'nee', 'nvt'], { error: 'Antwoord ja, nee of nvt' })),
  bevindingen: optioneleTekst(8000, 'Bevindingen'),
  uitkomst: z.enum(['inOrde', 'verbeterpunten', 'onjuist'], { error: 'Kies in orde, verbeterpunten of onjuist' }),
}).meta({ id: 'SteekproefBeoordeling' });
