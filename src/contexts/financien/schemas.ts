import { z } from 'zod';

const periode = z.string({ error: 'Geef de periode als JJJJ-MM, bijvoorbeeld 2026-11' }).trim()
  .regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, 'Geef de periode als JJJJ-MM, bijvoorbeeld 2026-11');
const cents = z.number().int();

export const batchInvoer = z.object({
  aanbiederId: z.uuid('Kies een aanbieder uit de lijst').optional(),
  periode,
}).meta({ id: 'BetaalbatchInvoer' });

export const batchFilter = z.object({
  aanbiederId: z.uuid('Kies een aanbieder uit de lijst').optional(),
  periode: periode.optional(),
});

const aanbieder = z.object({ id: z.uuid(), naam: z.string(), agbCode: z.string() });

export const batchUitvoer = z.object({
  id: z.uuid(), nummer: z.string(), aanbiederId: z.uuid(), aanbieder, periode: z.string(),
  totaalCents: cents, declaratiesCents: cents, taakgerichtCents: cents, aantalPrestaties: z.number().int(), aantalDeclaraties: z.number().int(),
  aangemaaktOp: z.string(), aangemaaktDoor: z.uuid().nullable(),
}).meta({ id: 'Betaalbatch' });

const journaalRegel = z.object({
  bron: z.enum(['declaraties', 'taakgericht']), wet: z.string(), productcategorie: z.string().nullable(), productcode: z.string(), naam: z.string().nullable(),
  soort: z.enum(['debet', 'credit']), cents, aantalPrestaties: z.number().int(),
  grootboekrekening: z.string().nullable(), kostenplaats: z.string().nullable(), omschrijving: z.string(),
}).meta({ id: 'JournaalRegel' });

const batchDeclaratie = z.object({
  id: z.uuid(), nummer: z.string(), standaard: z.string(), periodeBegin: z.string(), periodeEind: z.string(),
  antwoordIdentificatie: z.string().nullable(), antwoordDatum: z.string().nullable(), toegekendCents: cents, inBatchCents: cents,
}).meta({ id: 'BetaalbatchDeclaratie' });

export const batchDetailUitvoer = batchUitvoer.extend({
  boekdatum: z.string(), regels: z.array(journaalRegel), declaraties: z.array(batchDeclaratie), ontbrekendGrootboek: z.array(z.string()),
}).meta({ id: 'BetaalbatchDetail' });

const regelInvoer = z.object({
  wet: z.string({ error: 'Kies een wet' }).max(40, 'Kies een wet'),
  productcategorie: z.string().max(10, 'Een productcategorie bestaat uit 2 cijfers').nullable().optional(),
  grootboekrekening: z.string({ error: 'Vul de grootboekrekening in' }).max(100, 'Een grootboekrekening is hoogstens 30 tekens'),
  kostenplaats: z.string({ error: 'Vul de kostenplaats in' }).max(100, 'Een kostenplaats is hoogstens 30 tekens'),
});
export const grootboekInvoer = z.object({ regels: z.array(regelInvoer).max(200, 'Hoogstens 200 regels') }).meta({ id: 'GrootboekInvoer' });

export const grootboekUitvoer = z.object({
  regels: z.array(z.object({
    wet: z.string(), productcategorie: z.string().nullable(), grootboekrekening: z.string(), kostenplaats: z.string(), gewijzigdOp: z.string(),
  })),
}).meta({ id: 'Grootboek' });
