import { z } from 'zod';
import { Problem } from '../../platform/http/problem.ts';
import { defineRoute, idParams, roles, type AnyRoute } from '../../platform/http/route.ts';
import { paginering } from '../../platform/http/schemas.ts';
import { registreerVerwerker } from '../../platform/jobs/outbox.ts';
import { inGemeente } from '../../platform/tenancy/tx.ts';
import { TOEWIJZING_GEWIJZIGD } from '../voorziening/index.ts';
import { REDENEN_AFWIJZING, SOORTEN, VERZOEK_STATUSSEN, retourcodeTekst, soortNaam, standaardNaam, verzoekStatusNaam, type Soort, type VerzoekStatus } from './rules.ts';
import type { BerichtRij } from './store.ts';
import { meldStartOfStop, portaalToewijzingen } from './portaal.ts';
import { leesVerzoek, leesVerzoekStatus, lijstVerzoeken, wijsVerzoekAf, wijsVerzoekToe, zetInOnderzoek } from './verzoeken.ts';
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
  responses: { 200: { description: 'De keten', schema: z.object({ toewijzingNummer: z.number().int().nullable(), standaard: z.string().nullable(), items: z.array(berichtUitvoer.extend({
    xmlUrl: z.string().nullable().describe('Geen XML bij een bericht over meer cliënten (een declaratie van een maand): het is geen lezing van dit dossier alleen'),
    productRetourcodes: z.array(codeUitvoer),
  })) }) } },
  problems: ['niet-gevonden', 'geen-toegang-dossier'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const k = await berichtKeten(tx, actor!, params.id);
      return {
        body: {
          toewijzingNummer: k.toewijzingNummer, standaard: k.standaard,
          items: k.berichten.map((b) => ({
            ...resource(b), xmlUrl: b.persoonId ? resource(b).xmlUrl : null,
            productRetourcodes: b.productRetourcodes.map((c) => ({ code: c, tekst: retourcodeTekst(c) })),
          })),
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
    verzoeken: z.object({
      open: z.array(z.object({ id: z.uuid(), soort: z.string(), referentie: z.string(), status: z.enum(VERZOEK_STATUSSEN), ontvangenOp: z.string(), termijnEinde: z.string(), verlopen: z.boolean() })),
      verzoekTotAntwoord: z.object({ aantal: z.number().int(), gemiddeldDagen: z.number().nullable(), mediaanDagen: z.number().nullable(), naTermijn: z.number().int() }),
    }),
  }) } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const v = await berichtenverkeer(tx, params.id);
      return { body: { ...v, afkeuringen: v.afkeuringen.map((a) => ({ ...a, tekst: retourcodeTekst(a.code) })) } };
    }),
});

// ————— Verzoeken van aanbieders (315, 317): the regisseur's task list and answers —————

const VERZOEK_TAG = 'Verzoeken van aanbieders';
const BEHANDELAARS = roles('regisseur', 'teamleider');
const verzoekSamenvatting = z.object({
  id: z.uuid(), soort: z.enum(['315', '317']), soortNaam: z.string(), standaard: z.enum(['iwmo', 'ijw']), aanbiederId: z.uuid(), aanbiederNaam: z.string(),
  referentie: z.string(), bsn: z.string(), clientNaam: z.string(), persoonId: z.uuid().nullable(), ontvangenOp: z.string(), dagtekening: z.string(),
  status: z.enum(VERZOEK_STATUSSEN), statusNaam: z.string(), termijnEinde: z.string(), beantwoordOp: z.string().nullable(), verlopen: z.boolean(),
  werkdagenOver: z.number().int().describe('Werkdagen tot en met de termijn (0 op de laatste dag), negatief als die voorbij is'),
  onderzoekTermijn: z.string().describe('De uiterste dag als het verzoek in onderzoek gaat: 8 weken na de dagtekening, volgens de Algemene termijnenwet'),
}).meta({ id: 'VerzoekSamenvatting' });
const metNamen = <T extends { soort: '315' | '317'; status: VerzoekStatus }>(v: T) => ({ ...v, soortNaam: soortNaam[v.soort], statusNaam: verzoekStatusNaam[v.status] });

const verzoekenLijst = defineRoute({
  method: 'GET', path: '/verzoeken', tag: VERZOEK_TAG,
  summary: 'Verzoeken om toewijzing (315) en om wijziging (317) van aanbieders, open eerst op termijn: voor de casusregisseur die het huishouden heeft; de teamleider ziet ook die zonder casusregisseur',
  access: BEHANDELAARS,
  query: z.object({ open: z.enum(['ja', 'nee']).default('ja').describe('Alleen open en in onderzoek (standaard) of alle'), aanbiederId: z.uuid().optional(), ...paginering }),
  responses: { 200: { description: 'De verzoeken', schema: z.object({ items: z.array(verzoekSamenvatting), totaal: z.number().int(), pagina: z.number().int(), aantal: z.number().int() }) } },
  problems: ['ongeldige-invoer'],
  handler: async ({ deps, actor, query }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const r = await lijstVerzoeken(tx, actor!, { open: query.open === 'ja', aanbiederId: query.aanbiederId }, { limit: query.aantal, offset: (query.pagina - 1) * query.aantal });
      return { body: { items: r.items.map(metNamen), totaal: r.totaal, pagina: query.pagina, aantal: query.aantal } };
    }),
});

const verzoekEen = defineRoute({
  method: 'GET', path: '/verzoeken/{id}', tag: VERZOEK_TAG,
  summary: 'Eén verzoek: wat de aanbieder vraagt, de termijn, de voorzieningen van de cliënt waarmee het kan worden toegewezen, en de berichten',
  access: BEHANDELAARS, params: idParams,
  responses: { 200: { description: 'Het verzoek', schema: verzoekSamenvatting.extend({
    inhoud: z.unknown().describe('315: het aangevraagde product; 317: de reden met de ongewijzigde, te wijzigen en nieuwe producten'),
    onderzoekOp: z.string().nullable(), onderzoekToelichting: z.string().nullable(), eersteTermijn: z.string().describe('De eerste termijn: 5 werkdagen na ontvangst'),
    redenAfwijzing: z.string().nullable(), redenAfwijzingNaam: z.string().nullable(), toelichting: z.string().nullable().describe('De toelichting bij het laatste antwoord'),
    voorziening: z.object({ id: z.uuid(), nummer: z.string(), productNaam: z.string() }).nullable().describe('De voorziening waarmee het verzoek is toegewezen'),
    toewijzingen: z.array(z.object({ nummer: z.number().int(), voorzieningId: z.uuid(), voorzieningNummer: z.string().nullable(), productNaam: z.string().nullable() }))
      .describe('De toewijzingen die de aanbieder voor deze cliënt heeft, met hun voorziening (een 317 noemt alleen nummers)'),
    voorzieningId: z.uuid().nullable(), berichtId: z.uuid(), antwoordId: z.uuid().nullable(), casusId: z.uuid().nullable(),
    kandidaten: z.array(z.object({
      id: z.uuid(), nummer: z.string(), productNaam: z.string(), productcode: z.string().nullable(), status: z.string(), begin: z.string(), eind: z.string().nullable(),
      volume: z.number(), eenheid: z.string().nullable(), frequentie: z.string().nullable(), aanbiederNaam: z.string().nullable(),
    })),
  }) } },
  problems: ['niet-gevonden', 'geen-toegang-dossier'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const v = await leesVerzoek(tx, actor!, params.id);
      return { body: { ...metNamen(v), redenAfwijzingNaam: v.redenAfwijzing ? REDENEN_AFWIJZING[v.redenAfwijzing] ?? null : null } };
    }),
});

const toelichting = z.string().trim().max(2000).optional();
const verzoekActie = <S extends z.ZodType>(pad: string, summary: string, body: S, doe: (tx: Parameters<Parameters<typeof inGemeente>[2]>[0], actor: NonNullable<Parameters<typeof zetInOnderzoek>[1]>, id: string, b: z.infer<S>) => Promise<void>) => defineRoute({
  method: 'POST', path: `/verzoeken/{id}/${pad}`, tag: VERZOEK_TAG, summary, access: BEHANDELAARS, params: idParams, body,
  responses: { 200: { description: 'Beantwoord', schema: z.object({ id: z.uuid(), status: z.enum(VERZOEK_STATUSSEN) }) } },
  problems: ['niet-gevonden', 'geen-toegang-dossier', 'ongeldige-invoer', 'ongeldige-statusovergang', 'aanbieder-niet-gecontracteerd', 'aanbieder-vol'],
  handler: async ({ deps, actor, params, body: invoer }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      await doe(tx, actor!, params.id, invoer as z.infer<S>);
      const v = await leesVerzoekStatus(tx, params.id);
      return { body: { id: params.id, status: v } };
    }),
});

const onderzoek = verzoekActie('onderzoek', 'Het verzoek in onderzoek nemen: Eenvoud stuurt een 319 (aanvraag in onderzoek); het antwoord volgt binnen 8 weken na de dagtekening van het verzoek',
  z.object({ toelichting }), (tx, a, id, b) => zetInOnderzoek(tx, a, id, b));
const afwijzing = verzoekActie('afwijzing', 'Het verzoek afwijzen: Eenvoud stuurt een 319 met de reden (WJ759)',
  z.object({
    reden: z.string({ error: 'Kies een reden van afwijzing.' }).regex(/^[1-9]$/, 'Kies een reden van afwijzing uit de lijst.'),
    woonplaatsGemeente: z.string().trim().optional().describe('Jeugdwet, reden 8 (woonplaatsbeginsel): de CBS-code van de verantwoordelijke gemeente'), toelichting,
  }), (tx, a, id, b) => wijsVerzoekAf(tx, a, id, b));
const toewijzing = verzoekActie('toewijzing', 'Het verzoek toewijzen met een voorziening van de cliënt (besloten met een beschikking): de aanbieder wordt eraan toegewezen en krijgt een 301 met zijn referentie',
  z.object({ voorzieningId: z.uuid({ error: 'Kies de voorziening waarmee u het verzoek toewijst.' }), toelichting }), (tx, a, id, b) => wijsVerzoekToe(tx, a, id, b));

// ————— The portal for providers without software: their toewijzingen, start and stop with a form —————

const PORTAAL_TAG = 'Portaal aanbieder';
const portaalLijst = defineRoute({
  method: 'GET', path: '/portaal/toewijzingen', tag: PORTAAL_TAG,
  summary: 'De toewijzingen van de eigen organisatie (nieuwste eerst) met cliënt, product, periode, omvang en de gemelde start en stop',
  access: roles('aanbieder'), query: z.object({ ...paginering }),
  responses: { 200: { description: 'De toewijzingen', schema: z.object({
    items: z.array(z.object({
      standaard: z.enum(['iwmo', 'ijw']), nummer: z.number().int(), client: z.object({ bsn: z.string(), naam: z.string() }).nullable(), productNaam: z.string().nullable(),
      productcategorie: z.string(), productcode: z.string().nullable(), ingangsdatum: z.string(), einddatum: z.string().nullable(),
      omvang: z.object({ volume: z.number(), eenheid: z.string(), frequentie: z.string() }).nullable(), gestartOp: z.string().nullable(), gestoptOp: z.string().nullable(),
      stopReden: z.string().nullable(), wet: z.string(),
    })), totaal: z.number().int(), pagina: z.number().int(), aantal: z.number().int(),
  }) } },
  problems: ['ongeldige-invoer'],
  handler: async ({ deps, actor, query }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const r = await portaalToewijzingen(tx, actor!, { limit: query.aantal, offset: (query.pagina - 1) * query.aantal });
      return { body: { ...r, pagina: query.pagina, aantal: query.aantal } };
    }),
});
const toewijzingParams = z.object({ standaard: z.enum(['iwmo', 'ijw']), nummer: z.coerce.number().int().min(1).max(999_999_999) });
const datum = z.iso.date({ error: 'Vul een geldige datum in.' });
const meldRoute = (soort: '305' | '307') => defineRoute({
  method: 'POST', path: `/portaal/toewijzingen/{standaard}/{nummer}/${soort === '305' ? 'start' : 'stop'}`, tag: PORTAAL_TAG,
  summary: soort === '305' ? 'De start van de zorg melden: Eenvoud maakt en verwerkt de 305 alsof hij is aangeleverd, en geeft de retourcodes'
    : 'De stop van de zorg melden met een reden: Eenvoud maakt en verwerkt de 307 alsof hij is aangeleverd, en geeft de retourcodes',
  access: roles('aanbieder'), params: toewijzingParams,
  body: soort === '305' ? z.object({ datum }) : z.object({ datum, reden: z.string({ error: 'Kies een reden van beëindiging.' }).regex(/^\d{2}$/, 'Kies een reden van beëindiging.') }),
  responses: { 201: { description: 'Gemeld; de retour staat klaar', schema: z.object({ id: z.uuid(), retourId: z.uuid().nullable(), soort: z.string(), status: z.string(), retourcodes: z.array(codeUitvoer), herhaald: z.boolean(), bevindingen: z.array(z.string()) }) } },
  problems: ['niet-gevonden', 'ongeldige-invoer'],
  handler: async ({ deps, actor, params, body }) => {
    const b = body as { datum: string; reden?: string };
    const uit = await inGemeente(deps.db, actor!.gemeenteId, (tx) => meldStartOfStop(tx, actor!, params, { soort, datum: b.datum, reden: b.reden }));
    return {
      status: 201,
      body: { id: uit.berichtId, retourId: uit.retourId, soort: uit.soort, status: uit.status, retourcodes: uit.retourcodes.map((c) => ({ code: c, tekst: retourcodeTekst(c) })), herhaald: uit.herhaald, bevindingen: uit.bevindingen },
    };
  },
});

export const berichtenRoutes: AnyRoute[] = [
  lijst, een, xml, aanleveren, ketenRoute, verkeer, verzoekenLijst, verzoekEen, onderzoek, afwijzing, toewijzing, portaalLijst, meldRoute('305'), meldRoute('307'),
];
