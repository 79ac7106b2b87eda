import { z } from 'zod';
import { datum, optioneleTekst, tekst } from '../../platform/http/schemas.ts';
import { vandaag } from '../../platform/time.ts';
import { LEEFGEBIEDEN } from '../catalogus/index.ts';
import { DEELNEMER_ROLLEN, GESPREK_SOORTEN, PLEKKEN } from './rules.ts';

export const scoreInvoer = z.object({
  domein: z.string().trim().min(1, 'Noem het domein'),
  score: z.number().int('Een score is een heel getal').nullable(),
  toelichting: optioneleTekst(2000, 'Toelichting'),
  zelf: optioneleTekst(2000, 'Wat de inwoner zelf kan'),
  netwerk: optioneleTekst(2000, 'Wat het netwerk doet'),
});

export const gesprekInvoer = z.object({
  datum: datum.refine((d) => d <= vandaag(), 'Een gesprek kan niet in de toekomst zijn gevoerd'),
  plek: z.enum(PLEKKEN, { error: `Kies de plek: ${PLEKKEN.join(', ')}` }),
  soort: z.enum(GESPREK_SOORTEN).default('intake'),
  instrument: z.string().trim().max(50).optional().describe('Code van het instrument; zonder: het standaardinstrument van de gemeente'),
  deelnemers: z.array(z.object({
    rol: z.enum(DEELNEMER_ROLLEN, { error: `Kies de rol: ${DEELNEMER_ROLLEN.join(', ')}` }),
    naam: tekst(200, 'Naam'),
    persoonId: z.uuid('Kies een lid van het huishouden').optional()
      .describe('Een lid van het huishouden van de casus: de naam komt dan uit de basisregistratie, niet uit wat er getypt is'),
  }))
    .min(1, 'Kies wie er meededen'),
  samenvatting: optioneleTekst(8000, 'Samenvatting'),
  scores: z.array(scoreInvoer).max(50),
}).meta({ id: 'NieuwGesprek' });

export const reactieInvoer = z.object({ tekst: tekst(8000, 'De reactie van de inwoner') });

const scoreUitvoer = z.object({
  domein: z.string(), domeinNaam: z.string(), score: z.number().int().nullable(), scoreLabel: z.string().nullable(),
  toelichting: z.string().nullable(), zelf: z.string().nullable(), netwerk: z.string().nullable(),
});

export const gesprekUitvoer = z.object({
  id: z.uuid(), casusId: z.uuid(), datum: z.string(), plek: z.enum(PLEKKEN), plekNaam: z.string(), soort: z.enum(GESPREK_SOORTEN), soortNaam: z.string(),
  instrument: z.object({ id: z.uuid(), code: z.string(), naam: z.string() }),
  deelnemers: z.array(z.object({ rol: z.enum(DEELNEMER_ROLLEN), rolNaam: z.string(), naam: z.string(), persoonId: z.uuid().nullable() })),
  samenvatting: z.string().nullable(), gevoerdDoor: z.object({ id: z.uuid(), naam: z.string() }).nullable(),
  verslag: z.object({ verzondenOp: z.string().nullable(), hash: z.string().nullable() }),
  inwonerReactie: z.object({ tekst: z.string(), op: z.string() }).nullable(),
  scores: z.array(scoreUitvoer),
}).meta({ id: 'Gesprek' });

export const instrumentUitvoer = z.object({
  id: z.uuid(), code: z.string(), naam: z.string(), standaard: z.boolean(),
  schaal: z.array(z.object({ waarde: z.number().int(), label: z.string() })),
  domeinen: z.array(z.object({ code: z.string(), naam: z.string(), leefgebied: z.string().optional() })),
}).meta({ id: 'Instrument' });

export const scoreHistorie = z.object({
  instrument: z.object({ code: z.string(), naam: z.string() }),
  domeinen: z.array(z.object({
    domein: z.string(), naam: z.string(),
    reeks: z.array(z.object({ datum: z.string(), gesprekId: z.uuid(), soort: z.string(), score: z.number().int() })),
    verschil: z.number().int().nullable(),
  })),
}).meta({ id: 'ScoreHistorie' });

export const instrumentInvoer = z.object({
  naam: tekst(200, 'Naam'),
  standaard: z.boolean().default(false),
  schaal: z.array(z.object({ waarde: z.number().int().min(0).max(100), label: tekst(100, 'Label') })).min(2, 'Een schaal heeft minstens twee waarden').max(20, 'Een schaal heeft hoogstens 20 waarden')
    .refine((s) => new Set(s.map((x) => x.waarde)).size === s.length, 'Elke waarde van de schaal komt één keer voor'),
  domeinen: z.array(z.object({
    code: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{1,49}$/, 'Een code bestaat uit letters en cijfers'),
    naam: tekst(100, 'Naam van het domein'),
    leefgebied: z.enum(LEEFGEBIEDEN, { error: 'Koppel het domein aan een van de 8 leefgebieden' }).optional(),
  })).min(1, 'Noem minstens één domein').max(40)
    .refine((d) => new Set(d.map((x) => x.code)).size === d.length, 'Elke domeincode komt één keer voor'),
}).meta({ id: 'InstrumentInvoer' });
