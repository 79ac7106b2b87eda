import { z } from 'zod';
import { datum, paginering, tekst } from '../../platform/http/schemas.ts';
import { vandaag } from '../../platform/time.ts';
import { persoonInvoer } from '../inwoners/index.ts';
import { KANALEN, MELDING_STATUSSEN, WETTEN } from './rules.ts';

const wet = z.enum(WETTEN, { error: `Kies een wet: ${WETTEN.join(', ')}` });
const kanaal = z.enum(KANALEN, { error: `Kies een kanaal: ${KANALEN.join(', ')}` });
const status = z.enum(MELDING_STATUSSEN, { error: `Kies een status: ${MELDING_STATUSSEN.join(', ')}` });

export const meldingInvoer = z.object({
  persoon: persoonInvoer,
  wet,
  kanaal,
  ontvangenOp: datum.refine((d) => d <= vandaag(), 'De datum van ontvangst ligt in de toekomst'),
  omschrijving: tekst(4000, 'Omschrijving'),
}).meta({ id: 'NieuweMelding' });

export const meldingFilter = z.object({
  status: status.optional(),
  wet: wet.optional(),
  kanaal: kanaal.optional(),
  ...paginering,
});

const persoonKort = z.object({ id: z.uuid(), naam: z.string(), geboortedatum: z.string() });

export const meldingUitvoer = z.object({
  id: z.uuid(),
  nummer: z.string(),
  status: status,
  statusNaam: z.string(),
  wet,
  wetNaam: z.string(),
  kanaal,
  kanaalNaam: z.string(),
  ontvangenOp: z.string(),
  omschrijving: z.string(),
  persoon: persoonKort,
  huishoudenId: z.uuid(),
  wijk: z.string().nullable(),
  kern: z.string().nullable(),
  geregistreerdDoor: z.object({ id: z.uuid(), naam: z.string() }).nullable(),
  aangemaaktOp: z.string(),
}).meta({ id: 'Melding' });

export const meldingDetail = meldingUitvoer.extend({
  persoon: persoonKort.extend({ bsn: z.string() }),
  statushistorie: z.array(z.object({
    van: status.nullable(), naar: status, door: z.string().nullable(), moment: z.string(), reden: z.string().nullable(),
  })),
}).meta({ id: 'MeldingDetail' });

export const meldingLijst = z.object({
  resultaten: z.array(meldingUitvoer),
  totaal: z.number().int(),
  pagina: z.number().int(),
  aantal: z.number().int(),
}).meta({ id: 'MeldingLijst' });
