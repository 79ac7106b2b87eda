/** Delen met partners over HTTP: grondslagen, intrekking, verstrekkingen, and the privacy officer's overview. */
import { z } from 'zod';
import { defineRoute, idParams, roles, type AnyRoute } from '../../platform/http/route.ts';
import { datum, optioneleTekst, paginering, tekst } from '../../platform/http/schemas.ts';
import { inGemeente } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import {
  DOELEN, GRONDSLAG_SOORTEN, PARTNER_SOORTEN, TOESTEMMING_GEVERS, controleerGrondslag, doelNaam, grondslagAvg, grondslagSoortNaam, grondslagStatus, grondslagStatusNaam,
  partnerSoortNaam, toestemmingGeverNaam,
} from './delingen-rules.ts';
import type { Grondslag, Verstrekking } from './delingen-store.ts';
import { delingenVanPersoon, legGrondslagVast, legVerstrekkingVast, overzichtDelingen, trekToestemmingIn } from './delingen.ts';

/** Who works on the household records and reads its grounds and shares (need-to-know decides per household). */
const DELEN_ROLLEN = ['regisseur', 'teamleider'] as const;

const partnerSoort = z.enum(PARTNER_SOORTEN, { error: 'Kies de soort partner' });
const doel = z.enum(DOELEN, { error: 'Kies het doel van het delen' });
const grondslagSoort = z.enum(GRONDSLAG_SOORTEN, { error: 'Kies de grondslag: toestemming, wettelijke taak, wettelijke verplichting of vitaal belang' });

const grondslagInvoer = z.object({
  soort: grondslagSoort,
  gegevenDoor: z.object({
    relatie: z.enum(TOESTEMMING_GEVERS, { error: 'Kies wie de toestemming gaf' }),
    persoonId: z.uuid().optional().describe('Welke vertegenwoordiger, als er meer zijn (persoon- of relatie-id uit het huishouden)'),
  }).optional().describe('Verplicht bij toestemming: de inwoner zelf of een wettelijk vertegenwoordiger'),
  datum: datum.describe('Wanneer de toestemming is gegeven of de grondslag is vastgesteld'),
  geldigTot: datum.nullable().optional().describe('Tot en met wanneer de grondslag geldt (leeg: tot intrekking)'),
  partners: z.array(z.object({
    soort: partnerSoort,
    naam: optioneleTekst(200, 'Naam van de partner').describe('Leeg: elke partner van deze soort'),
  }), { error: 'Kies met wie gedeeld mag worden' }).min(1, 'Kies met wie gedeeld mag worden').max(20),
  doelen: z.array(doel, { error: 'Kies waarvoor gedeeld mag worden' }).min(1, 'Kies waarvoor gedeeld mag worden').max(DOELEN.length),
  gegevens: tekst(2000, 'Welke gegevens'),
  wetsartikel: optioneleTekst(300, 'Wetsartikel').describe('Verplicht bij wettelijke taak of verplichting, bijvoorbeeld Wmo 2015 art. 5.2.6'),
  toelichting: optioneleTekst(2000, 'Toelichting').describe('Verplicht bij vitaal belang'),
}).superRefine((g, ctx) => {
  // The same rule as the use case, here too so one answer names every field (also beside a missing purpose).
  if (!(GRONDSLAG_SOORTEN as readonly string[]).includes(g.soort) || !/^\d{4}-\d{2}-\d{2}$/.test(String(g.datum))) return;
  for (const f of controleerGrondslag(g, vandaag())) ctx.addIssue({ code: 'custom', path: f.veld.split('.'), message: f.reden });
}).meta({ id: 'GrondslagInvoer' });

const grondslagUitvoer = z.object({
  id: z.uuid(), persoonId: z.uuid(), casusId: z.uuid().nullable(),
  soort: grondslagSoort, soortNaam: z.string(), avg: z.string(),
  gegevenDoor: z.object({ relatie: z.enum(TOESTEMMING_GEVERS), relatieNaam: z.string(), naam: z.string() }).nullable(),
  datum: z.string(), geldigTot: z.string().nullable(),
  partners: z.array(z.object({ soort: partnerSoort, soortNaam: z.string(), naam: z.string().nullable() })),
  doelen: z.array(z.object({ code: doel, naam: z.string() })),
  gegevens: z.string(), wetsartikel: z.string().nullable(), toelichting: z.string().nullable(),
  status: z.enum(['geldig', 'ingetrokken', 'verlopen', 'nogNietGeldig']), statusNaam: z.string(),
  vastgelegdDoor: z.string().nullable(), vastgelegdOp: z.string(),
  intrekking: z.object({ datum: z.string(), door: z.string().nullable(), reden: z.string().nullable() }).nullable(),
}).meta({ id: 'Grondslag' });

const verstrekkingInvoer = z.object({
  partner: z.object({ soort: partnerSoort, naam: tekst(200, 'Naam van de partner') }),
  doel,
  gegevens: tekst(2000, 'Welke gegevens'),
  grondslagId: z.uuid('Kies de grondslag waarop u deelt'),
  datum: datum.optional().describe('Wanneer gedeeld; standaard vandaag'),
  toelichting: optioneleTekst(2000, 'Toelichting'),
}).meta({ id: 'VerstrekkingInvoer' });

const verstrekkingUitvoer = z.object({
  id: z.uuid(), persoonId: z.uuid(), casusId: z.uuid().nullable(), grondslagId: z.uuid(), grondslagSoort: grondslagSoort, grondslagSoortNaam: z.string(),
  partner: z.object({ soort: partnerSoort, soortNaam: z.string(), naam: z.string() }),
  doel, doelNaam: z.string(), gegevens: z.string(), datum: z.string(), toelichting: z.string().nullable(),
  vastgelegdDoor: z.string().nullable(), vastgelegdOp: z.string(),
}).meta({ id: 'Verstrekking' });

const persoonKort = z.object({ id: z.uuid(), naam: z.string(), bsn: z.string() });

export const grondslagResource = (g: Grondslag, peildatum: string): z.infer<typeof grondslagUitvoer> => {
  const status = grondslagStatus(g, peildatum);
  return {
    id: g.id, persoonId: g.persoonId, casusId: g.casusId, soort: g.soort, soortNaam: grondslagSoortNaam[g.soort], avg: grondslagAvg[g.soort],
    gegevenDoor: g.gegevenDoor ? { relatie: g.gegevenDoor.relatie, relatieNaam: toestemmingGeverNaam[g.gegevenDoor.relatie], naam: g.gegevenDoor.naam } : null,
    datum: g.datum, geldigTot: g.geldigTot,
    partners: g.partners.map((p) => ({ soort: p.soort, soortNaam: partnerSoortNaam[p.soort], naam: p.naam ?? null })),
    doelen: g.doelen.map((d) => ({ code: d, naam: doelNaam[d] })),
    gegevens: g.gegevens, wetsartikel: g.wetsartikel, toelichting: g.toelichting, status, statusNaam: grondslagStatusNaam[status],
    vastgelegdDoor: g.vastgelegdDoor, vastgelegdOp: g.vastgelegdOp,
    intrekking: g.ingetrokkenOp ? { datum: g.ingetrokkenOp, door: g.ingetrokkenDoor, reden: g.intrekkingReden } : null,
  };
};

export const verstrekkingResource = (v: Verstrekking): z.infer<typeof verstrekkingUitvoer> => ({
  id: v.id, persoonId: v.persoonId, casusId: v.casusId, grondslagId: v.grondslagId, grondslagSoort: v.grondslagSoort, grondslagSoortNaam: grondslagSoortNaam[v.grondslagSoort],
  partner: { soort: v.partner.soort, soortNaam: partnerSoortNaam[v.partner.soort], naam: v.partner.naam },
  doel: v.doel, doelNaam: doelNaam[v.doel], gegevens: v.gegevens, datum: v.datum, toelichting: v.toelichting, vastgelegdDoor: v.vastgelegdDoor, vastgelegdOp: v.vastgelegdOp,
});

const nieuweGrondslag = defineRoute({
  method: 'POST', path: '/personen/{id}/grondslagen', tag: 'Privacy', summary: 'Een grondslag voor delen vastleggen: toestemming of een andere AVG-grondslag',
  description: 'Toestemming: wie gaf haar (de inwoner of een wettelijk vertegenwoordiger; onder de 16 een ouder met gezag, UAVG art. 5), wanneer, voor welke gegevens, '
    + 'welk doel en welke partners, eventueel tot wanneer. Een wettelijke taak of verplichting noemt het wetsartikel; vitaal belang een toelichting.',
  access: roles(...DELEN_ROLLEN), params: idParams, body: grondslagInvoer,
  responses: { 201: { description: 'De grondslag', schema: grondslagUitvoer } },
  problems: ['ongeldige-invoer', 'niet-gevonden', 'geen-toegang-dossier'],
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const g = await legGrondslagVast(tx, actor!, params.id, body, vandaag());
      return { status: 201, headers: { location: `/api/v1/grondslagen/${g.id}` }, body: grondslagResource(g, vandaag()) };
    }),
});

const intrekking = defineRoute({
  method: 'POST', path: '/grondslagen/{id}/intrekking', tag: 'Privacy', summary: 'Toestemming intrekken; daarna is zij geen grondslag meer voor nieuwe verstrekkingen',
  access: roles(...DELEN_ROLLEN), params: idParams,
  body: z.object({
    datum: datum.optional().describe('Vanaf wanneer; standaard vandaag'),
    reden: optioneleTekst(1000, 'Reden'),
  }).meta({ id: 'IntrekkingInvoer' }),
  responses: { 200: { description: 'De ingetrokken toestemming', schema: grondslagUitvoer } },
  problems: ['ongeldige-invoer', 'niet-gevonden', 'geen-toegang-dossier', 'grondslag-niet-intrekbaar'],
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({ body: grondslagResource(await trekToestemmingIn(tx, actor!, params.id, body, vandaag()), vandaag()) })),
});

const nieuweVerstrekking = defineRoute({
  method: 'POST', path: '/personen/{id}/verstrekkingen', tag: 'Privacy', summary: 'Vastleggen welke gegevens naar een partner gingen, op welke grondslag',
  description: 'Geweigerd (409) als de grondslag is ingetrokken, verlopen of nog niet geldig is, en (422) als de partner of het doel buiten de grondslag valt. Dan wordt niets vastgelegd.',
  access: roles(...DELEN_ROLLEN), params: idParams, body: verstrekkingInvoer,
  responses: { 201: { description: 'De verstrekking', schema: verstrekkingUitvoer } },
  problems: ['ongeldige-invoer', 'niet-gevonden', 'geen-toegang-dossier', 'grondslag-niet-geldig', 'grondslag-dekt-verstrekking-niet'],
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({ status: 201, body: verstrekkingResource(await legVerstrekkingVast(tx, actor!, params.id, body, vandaag())) })),
});

const delingenUitvoer = z.object({
  persoonId: z.uuid(), grondslagen: z.array(grondslagUitvoer), verstrekkingen: z.array(verstrekkingUitvoer),
}).meta({ id: 'Delingen' });

const vanPersoon = defineRoute({
  method: 'GET', path: '/personen/{id}/delingen', tag: 'Privacy', summary: 'De grondslagen en verstrekkingen van één inwoner, nieuwste eerst',
  access: roles(...DELEN_ROLLEN), params: idParams,
  responses: { 200: { description: 'Grondslagen en verstrekkingen', schema: delingenUitvoer } },
  problems: ['niet-gevonden', 'geen-toegang-dossier'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const d = await delingenVanPersoon(tx, actor!, params.id);
      const nu = vandaag();
      return { body: { persoonId: params.id, grondslagen: d.grondslagen.map((g) => grondslagResource(g, nu)), verstrekkingen: d.verstrekkingen.map(verstrekkingResource) } };
    }),
});

const overzichtUitvoer = z.discriminatedUnion('lijst', [
  z.object({
    lijst: z.literal('verstrekkingen'), totaal: z.number().int(), pagina: z.number().int(), aantal: z.number().int(),
    resultaten: z.array(verstrekkingUitvoer.extend({ persoon: persoonKort, grondslagIngetrokkenOp: z.string().nullable() })),
  }),
  z.object({
    lijst: z.literal('grondslagen'), totaal: z.number().int(), pagina: z.number().int(), aantal: z.number().int(),
    resultaten: z.array(grondslagUitvoer.extend({ persoon: persoonKort, aantalVerstrekkingen: z.number().int() })),
  }),
]).meta({ id: 'DelingenOverzicht' });

const overzicht = defineRoute({
  method: 'GET', path: '/privacy/delingen', tag: 'Privacy', summary: 'Alle verstrekkingen of grondslagen van de gemeente, voor de privacy officer',
  description: 'Nieuwste eerst. Filter op soort partner, (een deel van) de naam van de partner, soort grondslag en ingetrokken. Elke getoonde inwoner komt in de audittrail.',
  access: roles('privacy'),
  query: z.object({
    lijst: z.enum(['verstrekkingen', 'grondslagen'], { error: 'Kies verstrekkingen of grondslagen' }).default('verstrekkingen'),
    partnerSoort: partnerSoort.optional(),
    partner: z.string().trim().max(200, 'Gebruik hoogstens 200 tekens').optional().transform((v) => v || undefined),
    soort: grondslagSoort.optional(),
    ingetrokken: z.enum(['ja', 'nee'], { error: 'Kies ja of nee' }).optional(),
    ...paginering,
  }),
  responses: { 200: { description: 'De lijst', schema: overzichtUitvoer } },
  problems: ['ongeldige-invoer'],
  handler: async ({ deps, actor, query }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const f = {
        partnerSoort: query.partnerSoort, partnerNaam: query.partner, soort: query.soort,
        ingetrokken: query.ingetrokken === undefined ? undefined : query.ingetrokken === 'ja', pagina: query.pagina, aantal: query.aantal,
      };
      const uit = await overzichtDelingen(tx, actor!, query.lijst, f);
      const nu = vandaag();
      const basis = { totaal: uit.totaal, pagina: query.pagina, aantal: query.aantal };
      if (uit.lijst === 'verstrekkingen') {
        return { body: { lijst: uit.lijst, ...basis, resultaten: uit.rijen.map((r) => ({ ...verstrekkingResource(r), persoon: r.persoon, grondslagIngetrokkenOp: r.grondslagIngetrokkenOp })) } };
      }
      return { body: { lijst: uit.lijst, ...basis, resultaten: uit.rijen.map((r) => ({ ...grondslagResource(r, nu), persoon: r.persoon, aantalVerstrekkingen: r.aantalVerstrekkingen })) } };
    }),
});

export const delingenRoutes: AnyRoute[] = [nieuweGrondslag, intrekking, vanPersoon, nieuweVerstrekking, overzicht];
