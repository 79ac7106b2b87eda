import { z } from 'zod';
import { Problem } from '../../platform/http/problem.ts';
import { defineRoute, idParams, roles, type AnyRoute } from '../../platform/http/route.ts';
import { paginering } from '../../platform/http/schemas.ts';
import { inGemeente } from '../../platform/tenancy/tx.ts';
import { DOORBRAAK_ROLLEN, DOORBRAAK_STATUSSEN, OORDELEN, REDEN_MAX, TOELICHTING_MAX, oordeelNaam } from './doorbraak-rules.ts';
import type { Doorbraak } from './doorbraak-store.ts';
import {
  beoordeelDoorbraakUseCase, doorbrakenVoorToezicht, legDoorbraakZonderResultaatVast, mijnDoorbraak, vraagDoorbraak, vraagDoorbraakOpNummer,
} from './doorbraak-usecases.ts';

const doorbraakUitvoer = z.object({
  id: z.uuid(),
  casus: z.object({ id: z.uuid(), nummer: z.string() }),
  gebruiker: z.object({ id: z.uuid(), naam: z.string(), gebruikersnaam: z.string() }).describe('Wie de toegang vroeg'),
  reden: z.string(),
  aangemaaktOp: z.string().describe('Wanneer de toegang werd gevraagd'),
  geldigTot: z.string().describe('Tot wanneer de toegang geldt: het einde van die dag (Europe/Amsterdam)'),
  actief: z.boolean().describe('Geldt de toegang nu nog?'),
  beoordeling: z.object({
    oordeel: z.enum(OORDELEN), oordeelNaam: z.string(), toelichting: z.string().nullable(),
    door: z.object({ id: z.uuid(), naam: z.string() }).nullable(), op: z.string(),
  }).nullable().describe('Het oordeel van de privacy officer; null zolang niet beoordeeld'),
}).meta({ id: 'Doorbraak' });

const resource = (d: Doorbraak, nu = new Date()): z.infer<typeof doorbraakUitvoer> => ({
  id: d.id, casus: { id: d.casusId, nummer: d.casusNummer }, gebruiker: d.gebruiker, reden: d.reden,
  aangemaaktOp: d.aangemaaktOp.toISOString(), geldigTot: d.geldigTot.toISOString(), actief: nu < d.geldigTot,
  beoordeling: d.oordeel && d.beoordeeldOp
    ? { oordeel: d.oordeel, oordeelNaam: oordeelNaam[d.oordeel], toelichting: d.toelichting, door: d.beoordeeldDoor, op: d.beoordeeldOp.toISOString() }
    : null,
});

// Validation of content (length, words, control characters) is in doorbraak-rules.ts, so the
// messages are the same wherever a reason is recorded; the schema only bounds the size.
const doorbraakInvoer = z.object({
  reden: z.string({ error: 'Geef een reden' }).trim().max(REDEN_MAX, `De reden mag hoogstens ${REDEN_MAX} tekens zijn`)
    .describe('Waarom u dit dossier nu nodig heeft (10 tot 1000 tekens). De privacy officer leest dit.'),
}).meta({ id: 'DoorbraakVerzoek' });

const beoordelingInvoer = z.object({
  oordeel: z.enum(OORDELEN, { error: 'Kies terecht of onterecht' }),
  toelichting: z.string().trim().max(TOELICHTING_MAX, `De toelichting mag hoogstens ${TOELICHTING_MAX} tekens zijn`).optional()
    .transform((v) => (v === '' ? undefined : v)).describe('Verplicht bij onterecht'),
}).meta({ id: 'DoorbraakBeoordeling' });

const vraag = defineRoute({
  method: 'POST', path: '/casussen/{id}/toegang', tag: 'Privacy', summary: 'Tijdelijke toegang tot een dossier waar u niet aan werkt (met reden, tot het einde van de dag)',
  description: 'Voor wie buiten de kring van betrokkenen een dossier toch nodig heeft (vervanger, telefoon aannemen). '
    + 'De toegang geldt voor het hele huishouden van de casus tot middernacht (Europe/Amsterdam), staat in de audittrail en wordt door de privacy officer beoordeeld. '
    + 'Wie al toegang heeft, krijgt 409; wie al tijdelijke toegang heeft, krijgt die terug (200).',
  access: roles(...DOORBRAAK_ROLLEN),
  params: idParams, body: doorbraakInvoer,
  responses: {
    201: { description: 'De toegang is vastgelegd', schema: doorbraakUitvoer },
    200: { description: 'U had al tijdelijke toegang; die geldt nog', schema: doorbraakUitvoer },
  },
  problems: ['ongeldige-invoer', 'niet-gevonden', 'toegang-al-aanwezig'],
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const { doorbraak, nieuw } = await vraagDoorbraak(tx, actor!, params.id, body.reden);
      return { status: nieuw ? 201 : 200, body: resource(doorbraak) };
    }),
});

const opNummer = defineRoute({
  method: 'POST', path: '/doorbraken', tag: 'Privacy', summary: 'Tijdelijke toegang met reden tot een dossier dat u niet kunt vinden, op casusnummer of BSN',
  description: 'Zoeken toont alleen dossiers waar u aan werkt. Wie een dossier toch nodig heeft (de inwoner belt, u vervangt een collega) opent het hiermee '
    + 'op een exact casusnummer of BSN, met reden, tot middernacht; daarna zoals POST /casussen/{id}/toegang. Bij een BSN: de laatst geopende lopende casus van het huishouden.',
  access: roles(...DOORBRAAK_ROLLEN),
  body: doorbraakInvoer.extend({
    nummer: z.string({ error: 'Vul een casusnummer of BSN in' }).max(40, 'Vul een casusnummer (zoals C-2026-000012) of een BSN van 9 cijfers in')
      .describe('Casusnummer (C-2026-000012) of BSN'),
  }).meta({ id: 'DoorbraakOpNummer' }),
  responses: {
    201: { description: 'De toegang is vastgelegd', schema: doorbraakUitvoer },
    200: { description: 'U had al tijdelijke toegang; die geldt nog', schema: doorbraakUitvoer },
  },
  problems: ['ongeldige-invoer', 'niet-gevonden', 'toegang-al-aanwezig'],
  handler: async ({ deps, actor, body }) => {
    try {
      return await inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
        const { doorbraak, nieuw } = await vraagDoorbraakOpNummer(tx, actor!, body.nummer, body.reden);
        return { status: nieuw ? 201 : 200, body: resource(doorbraak) };
      });
    } catch (e) {
      // The failed attempt is audited on its own; the 404 itself stays exactly the same.
      if (e instanceof Problem && e.code === 'niet-gevonden') await inGemeente(deps.db, actor!.gemeenteId, (tx) => legDoorbraakZonderResultaatVast(tx, actor!));
      throw e;
    }
  },
});

const mijn = defineRoute({
  method: 'GET', path: '/casussen/{id}/toegang', tag: 'Privacy', summary: 'Uw tijdelijke toegang tot dit dossier die nu geldt (of null)',
  access: roles(...DOORBRAAK_ROLLEN),
  params: idParams,
  responses: { 200: { description: 'Uw geldende tijdelijke toegang', schema: z.object({ doorbraak: doorbraakUitvoer.nullable() }) } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const d = await mijnDoorbraak(tx, actor!, params.id);
      return { body: { doorbraak: d && resource(d) } };
    }),
});

const lijst = defineRoute({
  method: 'GET', path: '/privacy/doorbraken', tag: 'Privacy', summary: 'Tijdelijke toegang met reden (doorbraken) voor de privacy officer, nieuwste eerst',
  description: 'status=open toont wat nog beoordeeld moet worden. Het inzien wordt vastgelegd in de audittrail van de huishoudens.',
  access: roles('privacy'),
  query: z.object({ status: z.enum(DOORBRAAK_STATUSSEN, { error: 'Kies open, beoordeeld of alle' }).default('open'), ...paginering }),
  responses: {
    200: {
      description: 'Een pagina doorbraken',
      schema: z.object({ resultaten: z.array(doorbraakUitvoer), totaal: z.number().int(), pagina: z.number().int(), aantal: z.number().int() }).meta({ id: 'DoorbraakLijst' }),
    },
  },
  problems: ['ongeldige-invoer'],
  handler: async ({ deps, actor, query }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const { rijen, totaal } = await doorbrakenVoorToezicht(tx, actor!, query);
      const nu = new Date();
      return { body: { resultaten: rijen.map((d) => resource(d, nu)), totaal, pagina: query.pagina, aantal: query.aantal } };
    }),
});

const beoordeling = defineRoute({
  method: 'POST', path: '/privacy/doorbraken/{id}/beoordeling', tag: 'Privacy', summary: 'Een doorbraak beoordelen: terecht of onterecht (met toelichting); één keer',
  access: roles('privacy'),
  params: idParams, body: beoordelingInvoer,
  responses: { 200: { description: 'De beoordeelde doorbraak', schema: doorbraakUitvoer } },
  problems: ['ongeldige-invoer', 'niet-gevonden', 'doorbraak-al-beoordeeld'],
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({
      body: resource(await beoordeelDoorbraakUseCase(tx, actor!, params.id, body.oordeel, body.toelichting)),
    })),
});

export const doorbraakRoutes: AnyRoute[] = [vraag, opNummer, mijn, lijst, beoordeling];
