import { z } from 'zod';
import { datum, tekst } from '../../platform/http/schemas.ts';
import { BEKOSTIGINGEN, RESULTAAT_SOORTEN, WETTEN } from './rules.ts';

const wet = z.enum(WETTEN, { error: `Kies een wet: ${WETTEN.join(', ')}` });
const eenheid = z.enum(['01', '04', '14', '16', '82', '83', '84'], { error: 'Kies een eenheid uit WJ756: 01, 04, 14, 16, 82, 83 of 84' });
const frequentie = z.enum(['1', '2', '4', '6'], { error: 'Kies een frequentie uit WMO757: 1 (per dag), 2 (per week), 4 (per maand) of 6 (totaal)' });
const bekostiging = z.enum(BEKOSTIGINGEN, { error: `Kies ${BEKOSTIGINGEN.join(', ')}` });
const cents = (label: string) => z.number({ error: `${label} is een heel aantal centen` }).int(`${label} is een heel aantal centen`).min(0, `${label} is 0 of meer`).max(10_000_000_000, `${label} is te groot`);
const productcode = z.string({ error: 'Productcode is verplicht' }).trim().regex(/^[A-Za-z0-9]{5}$/, 'Een productcode bestaat uit 5 letters of cijfers');
const nulbaar = (max: number, label: string) => z.string().trim().max(max, `${label} mag hoogstens ${max} tekens zijn`).nullable().optional()
  .transform((v) => (v === '' ? null : v));

export const aanbiederVelden = {
  naam: tekst(200, 'Naam'),
  agbCode: z.string({ error: 'AGB-code is verplicht' }).trim().regex(/^[0-9]{8}$/, 'Een AGB-code bestaat uit 8 cijfers'),
  kvkNummer: z.string().trim().regex(/^([0-9]{8})?$/, 'Een KvK-nummer bestaat uit 8 cijfers').nullable().optional().transform((v) => (v === '' ? null : v)),
  straat: nulbaar(200, 'Straat'), huisnummer: nulbaar(20, 'Huisnummer'), postcode: nulbaar(10, 'Postcode'), plaats: nulbaar(100, 'Plaats'),
  contactNaam: nulbaar(200, 'Contactpersoon'),
  contactEmail: z.email('Gebruik een e-mailadres als naam@voorbeeld.nl').max(200).nullable().optional().or(z.literal('').transform(() => null)),
  contactTelefoon: nulbaar(30, 'Telefoon'),
  wetten: z.array(wet).max(5),
  actief: z.boolean(),
};
export const aanbiederInvoer = z.object({ ...aanbiederVelden, wetten: aanbiederVelden.wetten.default([]), actief: aanbiederVelden.actief.default(true) })
  .meta({ id: 'AanbiederInvoer' });
export const aanbiederWijziging = z.object(aanbiederVelden).partial()
  .refine((v) => Object.keys(v).length > 0, 'Geef minstens één veld om te wijzigen').meta({ id: 'AanbiederWijziging' });

const ref = z.object({ id: z.uuid(), naam: z.string(), agbCode: z.string() });
export const aanbiederUitvoer = z.object({
  id: z.uuid(), naam: z.string(), agbCode: z.string(), kvkNummer: z.string().nullable(), straat: z.string().nullable(), huisnummer: z.string().nullable(),
  postcode: z.string().nullable(), plaats: z.string().nullable(), contactNaam: z.string().nullable(), contactEmail: z.string().nullable(),
  contactTelefoon: z.string().nullable(), wetten: z.array(z.string()), actief: z.boolean(),
}).meta({ id: 'Aanbieder' });

export const aanbiederFilter = z.object({
  zoek: z.string().trim().max(100).optional(),
  wet: wet.optional(),
  actief: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
});

export const productInvoer = z.object({
  wet,
  productcategorie: z.string().trim().regex(/^[0-9]{2}$/, 'Een productcategorie bestaat uit 2 cijfers (WMO020 of JZ020)').nullable().optional()
    .or(z.literal('').transform(() => null)),
  productcode,
  naam: tekst(200, 'Naam'),
  eenheid, frequentie,
  tariefCents: cents('Het tarief'),
  bekostiging,
  resultaatgericht: z.boolean().default(false),
  capaciteit: z.number().int('De capaciteit is een heel aantal cliënten').min(0).max(1_000_000).nullable().optional(),
  maandbedragCents: cents('Het bedrag per maand').nullable().optional()
    .describe('Taakgericht: het vaste bedrag per maand in centen (verplicht); bij een andere bekostiging leeg'),
}).meta({ id: 'ContractProductInvoer' });

export const contractInvoer = z.object({
  aanbiederId: z.uuid('Kies een aanbieder uit de lijst'),
  nummer: nulbaar(50, 'Contractnummer'),
  perceel: nulbaar(200, 'Perceel'),
  van: datum,
  tot: datum.nullable().optional(),
  onderaannemers: z.array(z.uuid('Kies een aanbieder uit de lijst')).max(50).default([]),
  producten: z.array(productInvoer).max(500, 'Hoogstens 500 producten per keer; importeer een grotere tabel'),
}).meta({ id: 'ContractInvoer' });

export const tariefInvoer = z.object({ van: datum, tariefCents: cents('Het tarief') }).meta({ id: 'TariefInvoer' });
export const maandbedragInvoer = z.object({ maandbedragCents: cents('Het bedrag per maand') }).meta({ id: 'MaandbedragInvoer' });

const tarief = z.object({ id: z.uuid(), van: z.string(), tot: z.string().nullable(), tariefCents: z.number().int() });
export const contractProductUitvoer = z.object({
  id: z.uuid(), contractId: z.uuid(), wet: z.string(), productcategorie: z.string().nullable(), productcode: z.string(), naam: z.string(),
  eenheid: z.string(), frequentie: z.string(), bekostiging: z.string(), resultaatgericht: z.boolean(), capaciteit: z.number().int().nullable(),
  tariefCents: z.number().int().nullable().describe('Het tarief dat vandaag geldt'), tarieven: z.array(tarief).describe('De hele tariefgeschiedenis'),
  maandbedragCents: z.number().int().nullable().describe('Taakgericht: het vaste bedrag per maand in centen; anders null'),
}).meta({ id: 'ContractProduct' });
export const contractUitvoer = z.object({
  id: z.uuid(), nummer: z.string(), perceel: z.string().nullable(), van: z.string(), tot: z.string().nullable(), aanbiederId: z.uuid(),
  aanbieder: ref, onderaannemers: z.array(ref), producten: z.array(contractProductUitvoer),
}).meta({ id: 'Contract' });
export const contractKortUitvoer = z.object({
  id: z.uuid(), nummer: z.string(), perceel: z.string().nullable(), van: z.string(), tot: z.string().nullable(), aanbiederId: z.uuid(), aanbieder: ref,
  aantalProducten: z.number().int(),
}).meta({ id: 'ContractKort' });

export const resultaatTabelInvoer = z.object({
  wet: z.enum(['wmo', 'jeugdwet'], { error: 'Resultaatgerichte tabellen bestaan voor wmo (begeleiding) en jeugdwet (profielen)' }),
  productcode,
  van: datum,
  regels: z.array(z.object({
    profiel: tekst(50, 'Profiel (Jeugd) of complexiteit (Wmo)'),
    intensiteit: tekst(50, 'Intensiteit'),
    duurMaanden: z.number().int().min(1).max(120).nullable().optional(),
    bedragCents: cents('Het bedrag'),
  })).min(1, 'Een tabel heeft minstens één regel').max(500),
}).meta({ id: 'ResultaatTabelInvoer' });
export const resultaatTariefUitvoer = z.object({
  id: z.uuid(), wet: z.string(), productcode: z.string(), soort: z.enum(RESULTAAT_SOORTEN), profiel: z.string(), intensiteit: z.string(),
  duurMaanden: z.number().int().nullable(), bedragCents: z.number().int(), van: z.string(), tot: z.string().nullable(),
}).meta({ id: 'ResultaatTarief' });
export const tarievenFilter = z.object({ wet: wet.optional(), productcode: productcode.optional(), datum: datum.optional() });

export const pgbInvoer = z.object({ wet, productcode, eenheid, frequentie, tariefCents: cents('Het tarief'), van: datum }).meta({ id: 'PgbTariefInvoer' });
export const pgbUitvoer = z.object({
  id: z.uuid(), wet: z.string(), productcode: z.string(), eenheid: z.string(), frequentie: z.string(), tariefCents: z.number().int(), van: z.string(), tot: z.string().nullable(),
}).meta({ id: 'PgbTarief' });

export const gecontracteerdFilter = z.object({ wet, productcode, datum: datum.optional() });
export const productenVanWetFilter = z.object({ wet, datum: datum.optional() });
export const productVanWetUitvoer = z.object({ productcode: z.string(), naam: z.string() }).meta({ id: 'GecontracteerdProduct' });
export const gecontracteerdUitvoer = z.object({
  aanbiederId: z.uuid(), aanbiederNaam: z.string(), agbCode: z.string(), contractId: z.uuid(), contractProductId: z.uuid(), productcategorie: z.string().nullable(),
  productcode: z.string(), naam: z.string(), eenheid: z.string(), frequentie: z.string(), bekostiging: z.string(), resultaatgericht: z.boolean(),
  tariefCents: z.number().int(), capaciteit: z.number().int().nullable(), lopend: z.number().int(),
}).meta({ id: 'Gecontracteerd' });

export const importInvoer = z.object({
  formaat: z.enum(['csv', 'xlsx'], { error: "Kies formaat 'csv' of 'xlsx'" }),
  bestand: z.base64('Het bestand is niet goed meegestuurd (base64)').min(1, 'Het bestand is leeg').max(1_000_000, 'Het bestand is te groot (hoogstens 700 kB)'),
}).meta({ id: 'ProductImport' });
export const importFilter = z.object({ 'alles-of-niets': z.enum(['true', 'false']).default('true').transform((v) => v === 'true') });
export const importVerslag = z.object({
  geschreven: z.boolean().describe('Of er iets is opgeslagen (bij alles-of-niets niet zodra één regel is afgewezen)'),
  toegevoegd: z.number().int(), gewijzigd: z.number().int(), ongewijzigd: z.number().int(),
  afgewezen: z.array(z.object({ regel: z.number().int(), veld: z.string(), reden: z.string() })),
}).meta({ id: 'ImportVerslag' });
export const exportFilter = z.object({ datum: datum.optional() });
