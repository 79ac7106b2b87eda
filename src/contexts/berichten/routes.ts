import { z } from 'zod';
import { Problem } from '../../platform/http/problem.ts';
import { defineRoute, idParams, roles, type AnyRoute } from '../../platform/http/route.ts';
import { paginering } from '../../platform/http/schemas.ts';
import { registreerVerwerker } from '../../platform/jobs/outbox.ts';
import { inGemeente } from '../../platform/tenancy/tx.ts';
import { TOEWIJZING_GEWIJZIGD } from '../voorziening/index.ts';
import { SOORTEN, retourcodeTekst, soortNaam, standaardNaam, type Soort } from './rules.ts';
import type { BerichtRij } from './store.ts';
import { berichtKeten, berichtenverkeer, leesBericht, leesBerichtXml, lijstBerichten, ontvangBericht, verstuurToewijzing } from './usecases.ts';

// The 301 job is registered where the routes are, like the letters: every process serving the API composes them.
registreerVerwerker<{ voorzieningId: string }>(TOEWIJZING_GEWIJZIGD, async (tx, gegevens, ctx) => { await verstuurToewijzing(tx, gegevens, ctx); });

const TAG = 'Berichten';
/** Provider staff (their own messages), inkoop (traffic per provider) and beheer. */
const LEZERS = roles('aanbieder', 'inkoper', 'beheer');

const codeUitvoer = z.object({ code: z.string(), tekst: z.string() });
const berichtUitvoer = z.object({
  id: z.uuid(), standaard: z.enum(['iwmo', 'ijw']), standaardNaam: z.string(), soort: z.enum(SOORTEN), soortNaam: z.string(), richting: z.enum(['uit', 'in']),
  aanbiederId: z.uuid(), aanbiederNaam: z.string(), afzender: z.string(), ontvanger: z.string(), identificatie: z.string(), dagtekening: z.string(),
  status: z.string(), retourcodes: z.array(z.string()), retourcodeTeksten: z.array(codeUitvoer), antwoordOp: z.uuid().nullable(), retourId: z.uuid().nullable(),
  aantalProducten: z.number().int(), aangemaaktOp: z.string(), opgehaaldOp: z.string().nullable(), xmlUrl: z.string(),
}).meta({ id: 'Bericht' });

function resource(b: BerichtRij) {
  return {
    id: b.id, standaard: b.standaard, standaardNaam: standaardNaam[b.standaard], soort: b.soort, soortNaam: soortNaam[b.soort], richting: b.richting,
    aanbiederId: b.aanbiederId, aanbiederNaam: b.aanbiederNaam, afzender: b.afzender, ontvanger: b.ontvanger, identificatie: b.identificatie, dagtekening: b.dagtekening,
    status: b.status, retourcodes: b.retourcodes, retourcodeTeksten: b.retourcodes.map((c) => ({ code: c, tekst: retourcodeTekst(c) })),
    antwoordOp: b.antwoordOp, retourId: b.retourId, aantalProducten: b.aantalProducten, aangemaaktOp: b.aangemaaktOp, opgehaaldOp: b.opgehaaldOp,
    xmlUrl: `/api/v1/berichten/${b.id}/xml`,
  };
}

const lijst = defineRoute({
  method: 'GET', path: '/berichten', tag: TAG,
  summary: 'Berichten (iWmo/iJw 3.2) met aanbieders, nieuwste eerst; een medewerker van een aanbieder ziet alleen die van de eigen organisatie',
  access: LEZERS,
  query: z.object({
    aanbiederId: z.uuid().optional(), soort: z.enum(SOORTEN, { error: `Kies een soort: ${SOORTEN.join(', ')}` }).optional(), richting: z.enum(['uit', 'in']).optional(),
    status: z.enum(['klaar', 'opgehaald', 'geaccepteerd', 'afgekeurd', 'verwerkt', 'deels']).optional(), ...paginering,
  }),
  responses: { 200: { description: 'De berichten', schema: z.object({ items: z.array(berichtUitvoer.extend({
    client: z.object({ bsn: z.string(), naam: z.string() }).nullable().describe('Alleen voor de medewerker van de aanbieder: de eigen cliënt van het bericht'),
  })), totaal: z.number().int(), pagina: z.number().int(), aantal: z.number().int() }) } },
  problems: ['ongeldige-invoer'],
  handler: async ({ deps, actor, query }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const r = await lijstBerichten(tx, actor!, { aanbiederId: query.aanbiederId, soort: query.soort as Soort | undefined, richting: query.richting, status: query.status },
        { limit: query.aantal, offset: (query.pagina - 1) * query.aantal });
      return { body: { items: r.items.map((b) => ({ ...resource(b), client: b.client })), totaal: r.totaal, pagina: query.pagina, aantal: query.aantal } };
    }),
});

const een = defineRoute({
  method: 'GET', path: '/berichten/{id}', tag: TAG, summary: 'Eén bericht: soort, status, retourcodes en de retour die erop antwoordt',
  access: LEZERS, params: idParams,
  responses: { 200: { description: 'Het bericht', schema: berichtUitvoer } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({ body: resource(await leesBericht(tx, actor!, params.id)) })),
});

const xml = defineRoute({
  method: 'GET', path: '/berichten/{id}/xml', tag: TAG,
  summary: 'Het bericht als XML, zoals het over de lijn ging (bevat cliëntgegevens: voor de aanbieder zelf; voor de casusregisseur, teamleider en beslisser alleen met toegang tot het dossier)',
  access: roles('aanbieder', 'regisseur', 'teamleider', 'beslisser'), params: idParams,
  responses: { 200: { description: 'Het bericht', contentType: 'application/xml' } },
  problems: ['niet-gevonden', 'geen-toegang-dossier'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const { bericht, xml: inhoud } = await leesBerichtXml(tx, actor!, params.id);
      const naam = `${bericht.standaard === 'iwmo' ? 'WMO' : 'JW'}${bericht.soort}-${bericht.identificatie}.xml`;
      return { body: inhoud, headers: { 'content-type': 'application/xml; charset=utf-8', 'content-disposition': `attachment; filename="${naam}"`, 'cache-control': 'no-store' } };
    }),
});

const aanleveren = defineRoute({
  method: 'POST', path: '/berichten', tag: TAG,
  summary: 'Een bericht van de aanbieder aanleveren (302, 305, 307; Content-Type: application/xml). Antwoord: het ontvangen bericht en de retour die Eenvoud erop maakte',
  description: 'Het bericht wordt eerst als onbetrouwbaar gelezen (geen DTD, geen entiteiten, begrensde grootte en diepte), dan door de XSD en het validatieschema (XSLT) '
    + 'van de standaard gecontroleerd en daarna tegen de eigen gegevens (TR019, TR326, TR074, OP072/TR382, TR413–TR415). Hetzelfde bericht nogmaals aanleveren '
    + 'geeft hetzelfde antwoord en verandert niets.',
  access: roles('aanbieder'),
  responses: { 201: { description: 'Ontvangen; de retour staat klaar', schema: z.object({ id: z.uuid(), retourId: z.uuid().nullable(), soort: z.string(), status: z.string(), retourcodes: z.array(codeUitvoer), herhaald: z.boolean(), bevindingen: z.array(z.string()) }) } },
  problems: ['geen-bericht', 'onveilige-xml', 'bericht-niet-van-u', 'alleen-xml', 'verzoek-te-groot'],
  handler: async ({ deps, actor, request }) => {
    if (!Buffer.isBuffer(request.body)) throw new Problem('alleen-xml', 'Stuur het bericht zelf als body, met Content-Type: application/xml.');
    const uit = await inGemeente(deps.db, actor!.gemeenteId, (tx) => ontvangBericht(tx, actor!, request.body as Buffer));
    request.log.info({ event: 'bericht_ontvangen', soort: uit.soort, status: uit.status, herhaald: uit.herhaald, codes: uit.retourcodes }, 'bericht_ontvangen');
    return {
      status: 201,
      body: { id: uit.berichtId, retourId: uit.retourId, soort: uit.soort, status: uit.status, retourcodes: uit.retourcodes.map((c) => ({ code: c, tekst: retourcodeTekst(c) })), herhaald: uit.herhaald, bevindingen: uit.bevindingen },
    };
  },
});

const ketenRoute = defineRoute({
  method: 'GET', path: '/voorzieningen/{id}/berichten', tag: TAG, summary: 'De berichtenketen van een voorziening: toewijzing, start, stop en hun retouren (need-to-know)',
  access: roles('regisseur', 'teamleider', 'beslisser'), params: idParams,
  responses: { 200: { description: 'De keten', schema: z.object({ toewijzingNummer: z.number().int().nullable(), standaard: z.string().nullable(), items: z.array(berichtUitvoer.extend({ productRetourcodes: z.array(codeUitvoer) })) }) } },
  problems: ['niet-gevonden', 'geen-toegang-dossier'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const k = await berichtKeten(tx, actor!, params.id);
      return {
        body: {
          toewijzingNummer: k.toewijzingNummer, standaard: k.standaard,
          items: k.berichten.map((b) => ({ ...resource(b), productRetourcodes: b.productRetourcodes.map((c) => ({ code: c, tekst: retourcodeTekst(c) })) })),
        },
      };
    }),
});

const signaalRij = z.object({ voorzieningId: z.uuid(), voorzieningNummer: z.string(), toewijzingNummer: z.number().int() });
const verkeer = defineRoute({
  method: 'GET', path: '/aanbieders/{id}/berichtenverkeer', tag: TAG,
  summary: 'Het berichtenverkeer met één aanbieder: aantallen per soort, afkeuringen per retourcode, doorlooptijd toewijzing–start en signalen (zonder namen)',
  access: roles('inkoper', 'beheer'), params: idParams,
  responses: { 200: { description: 'Het verkeer', schema: z.object({
    aantallen: z.array(z.object({ soort: z.string(), richting: z.string(), status: z.string(), aantal: z.number().int() })),
    afkeuringen: z.array(codeUitvoer.extend({ aantal: z.number().int() })),
    toewijzingTotStart: z.object({ aantal: z.number().int(), gemiddeldDagen: z.number().nullable(), mediaanDagen: z.number().nullable() }),
    geenStart: z.array(signaalRij.extend({ toewijzingsdatum: z.string(), dagen: z.number().int() })),
    eindigtBinnenkort: z.array(signaalRij.extend({ einddatum: z.string() })),
    drempels: z.object({ geenStartDagen: z.number().int(), eindeDagen: z.number().int() }),
  }) } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const v = await berichtenverkeer(tx, params.id);
      return { body: { ...v, afkeuringen: v.afkeuringen.map((a) => ({ ...a, tekst: retourcodeTekst(a.code) })) } };
    }),
});

export const berichtenRoutes: AnyRoute[] = [lijst, een, xml, aanleveren, ketenRoute, verkeer];
