/**
 * Gebruikersbeheer over HTTP (issue 14, ADR 38): beheer lists, adds and changes the accounts of its
 * gemeente; a new user sets a password through a one-time link (public, throttled like logging in).
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { nogWachten } from '../../platform/auth/remming.ts';
import { ALLE_ROLLEN, isRol, rolOmschrijving } from '../../platform/auth/roles.ts';
import { wachtTekst } from '../../platform/auth/routes.ts';
import { mislukkingen, recordAttempt, vergeetSessiesVan } from '../../platform/auth/store.ts';
import { keysetLijst, keysetParams, leesCursorVan, maakCursor } from '../../platform/http/keyset.ts';
import { Problem } from '../../platform/http/problem.ts';
import { defineRoute, idParams, publicAccess, roles, type AnyRoute } from '../../platform/http/route.ts';
import { tekst } from '../../platform/http/schemas.ts';
import { inGemeente } from '../../platform/tenancy/tx.ts';
import { aanbiederKeuzes } from '../inkoop/index.ts';
import { UITNODIGING_DAGEN, WACHTWOORD_MAX, WACHTWOORD_MIN, wachtwoordFout } from './gebruikers-rules.ts';
import { gemeenteVanUitnodiging } from './gebruikers-store.ts';
import {
  LINK_ONGELDIG, gebruikerKeuzes, leesGebruiker, leesGebruikers, maakGebruiker, nieuweUitnodiging, stelWachtwoordIn, tokenHash, wijzigGebruiker, zetActief,
  type Gebruiker, type NieuweUitnodiging,
} from './gebruikers-usecases.ts';

const TAG = 'Gebruikers';

const rolUitvoer = z.object({ code: z.enum(ALLE_ROLLEN), naam: z.string() });

const gebruikerUitvoer = z.object({
  id: z.uuid(),
  gebruikersnaam: z.string(),
  naam: z.string(),
  soort: z.enum(['medewerker', 'aanbieder']).describe('medewerker: van de gemeente; aanbieder: medewerker van een zorgaanbieder'),
  rollen: z.array(rolUitvoer),
  team: z.object({ id: z.uuid(), naam: z.string() }).nullable(),
  aanbieder: z.object({ id: z.uuid(), naam: z.string() }).nullable().describe('De zorgaanbieder van een medewerker met de rol aanbieder'),
  actief: z.boolean(),
  aangemaaktOp: z.iso.datetime({ offset: true }),
  gedeactiveerdOp: z.iso.datetime({ offset: true }).nullable(),
  wachtwoordIngesteld: z.boolean(),
  uitnodiging: z.object({
    verlooptOp: z.iso.datetime({ offset: true }),
    url: z.string().optional().describe('Alleen in het antwoord dat de link maakt: daarna is hij nergens meer te lezen (alleen een hash wordt bewaard)'),
  }).nullable().describe('De open eenmalige link om een wachtwoord in te stellen, als die er is'),
}).meta({ id: 'Gebruiker' });

type GebruikerResource = z.infer<typeof gebruikerUitvoer>;

/** Where the web app's page for a link lives, on the address the request came to (behind a proxy: its forwarded host). */
const linkUrl = (request: FastifyRequest, token: string) => `${request.protocol}://${request.host}/wachtwoord-instellen?token=${token}`;

function resource(g: Gebruiker, nieuw?: { request: FastifyRequest; uitnodiging: NieuweUitnodiging }): GebruikerResource {
  return {
    id: g.id, gebruikersnaam: g.gebruikersnaam, naam: g.naam, soort: g.soort,
    rollen: g.rollen.filter(isRol).map((code) => ({ code, naam: rolOmschrijving[code] })),
    team: g.teamId ? { id: g.teamId, naam: g.teamNaam ?? '' } : null,
    aanbieder: g.aanbieder ? { id: g.aanbieder.id, naam: g.aanbieder.naam } : null,
    actief: g.actief, aangemaaktOp: g.aangemaaktOp.toISOString(), gedeactiveerdOp: g.gedeactiveerdOp?.toISOString() ?? null,
    wachtwoordIngesteld: g.heeftWachtwoord,
    uitnodiging: nieuw
      ? { verlooptOp: nieuw.uitnodiging.verlooptOp.toISOString(), url: linkUrl(nieuw.request, nieuw.uitnodiging.token) }
      : g.uitnodigingVerlooptOp ? { verlooptOp: g.uitnodigingVerlooptOp.toISOString() } : null,
  };
}

const rolInvoer = z.enum(ALLE_ROLLEN, { error: 'Onbekende rol' });
const rollenInvoer = z.array(rolInvoer, { error: 'Kies minstens één rol' }).min(1, 'Kies minstens één rol').max(ALLE_ROLLEN.length, 'Kies elke rol maar één keer');
const idOfNull = z.uuid({ error: 'Kies een waarde uit de lijst' }).nullable();

const nieuwInvoer = z.object({
  gebruikersnaam: tekst(50, 'Gebruikersnaam'),
  naam: tekst(200, 'Naam'),
  rollen: rollenInvoer,
  teamId: idOfNull.optional(),
  aanbiederId: idOfNull.optional().describe('Verplicht bij de rol aanbieder: de zorgaanbieder van deze medewerker'),
  wachtwoord: z.string().max(1000).optional()
    .describe('Alleen in de demo-modus; daarbuiten een 400. Zonder: het antwoord bevat een eenmalige link (uitnodiging.url) waarmee de gebruiker het zelf instelt'),
}).meta({ id: 'NieuweGebruiker' });

const wijzigInvoer = z.object({
  naam: tekst(200, 'Naam').optional(),
  rollen: rollenInvoer.optional(),
  teamId: idOfNull.optional(),
  aanbiederId: idOfNull.optional(),
}).meta({ id: 'GebruikerWijziging' });

const lijstQuery = z.object({
  rol: rolInvoer.optional(),
  aanbiederId: z.uuid({ error: 'Kies een zorgaanbieder uit de lijst' }).optional(),
  actief: z.enum(['true', 'false'], { error: 'Kies true of false' }).optional(),
  zoek: z.string().trim().max(100, 'Gebruik hoogstens 100 tekens').optional(),
  ...keysetParams,
});

const lijst = defineRoute({
  method: 'GET', path: '/gebruikers', tag: TAG, summary: 'De gebruikers van deze gemeente, op naam, te filteren op rol, zorgaanbieder, actief en tekst',
  description: 'Zoeken (zoek) in naam en gebruikersnaam. Per pagina met een cursor: geef `volgende` terug als `na`. Het totaal is een telling.',
  access: roles('beheer'),
  query: lijstQuery,
  responses: { 200: { description: 'Een pagina gebruikers', schema: keysetLijst(gebruikerUitvoer).meta({ id: 'GebruikerLijst' }) } },
  problems: ['ongeldige-invoer'],
  handler: async ({ deps, actor, query }) => {
    const na = leesCursorVan(query.na, [z.string().max(200), z.uuid()] as const);
    const r = await inGemeente(deps.db, actor!.gemeenteId, (tx) => leesGebruikers(tx, {
      rol: query.rol, aanbiederId: query.aanbiederId, actief: query.actief === undefined ? undefined : query.actief === 'true', zoek: query.zoek || undefined,
    }, na, query.aantal));
    const laatste = r.gebruikers.at(-1);
    return {
      body: {
        resultaten: r.gebruikers.map((g) => resource(g)), totaal: r.totaal, totaalIsSchatting: false,
        volgende: r.meer && laatste ? maakCursor([laatste.naam, laatste.id]) : null, aantal: query.aantal,
      },
    };
  },
});

const keuzes = defineRoute({
  method: 'GET', path: '/gebruikers/keuzes', tag: TAG, summary: 'Wat het formulier voor een gebruiker aanbiedt: rollen, teams, zorgaanbieders en of een wachtwoord direct mag',
  access: roles('beheer'),
  responses: {
    200: {
      description: 'De keuzes',
      schema: z.object({
        rollen: z.array(rolUitvoer.extend({ soort: z.enum(['medewerker', 'aanbieder']) })),
        teams: z.array(z.object({ id: z.uuid(), naam: z.string() })),
        aanbieders: z.array(z.object({ id: z.uuid(), naam: z.string(), agbCode: z.string(), actief: z.boolean() })),
        wachtwoordDirect: z.boolean().describe('Demo-modus: beheer mag het wachtwoord van een nieuwe gebruiker zelf instellen'),
        wachtwoordMinimum: z.number().int(),
      }).meta({ id: 'GebruikerKeuzes' }),
    },
  },
  handler: async ({ deps, actor }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({
    body: {
      rollen: ALLE_ROLLEN.map((code) => ({ code, naam: rolOmschrijving[code], soort: code === 'aanbieder' ? 'aanbieder' as const : 'medewerker' as const })),
      teams: (await gebruikerKeuzes(tx)).teams,
      aanbieders: await aanbiederKeuzes(tx),
      wachtwoordDirect: deps.config.demo,
      wachtwoordMinimum: WACHTWOORD_MIN,
    },
  })),
});

const lezen = defineRoute({
  method: 'GET', path: '/gebruikers/{id}', tag: TAG, summary: 'Eén gebruiker van deze gemeente',
  access: roles('beheer'), params: idParams,
  responses: { 200: { description: 'De gebruiker', schema: gebruikerUitvoer } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) => ({ body: resource(await inGemeente(deps.db, actor!.gemeenteId, (tx) => leesGebruiker(tx, params.id))) }),
});

const maken = defineRoute({
  method: 'POST', path: '/gebruikers', tag: TAG, summary: 'Een gebruiker toevoegen: een medewerker van de gemeente of van een zorgaanbieder',
  description: 'Een medewerker van de gemeente krijgt een of meer rollen (en eventueel een team); een medewerker van een zorgaanbieder alleen de rol aanbieder en een aanbiederId. '
    + `Het antwoord bevat een eenmalige link (uitnodiging.url, ${UITNODIGING_DAGEN} dagen geldig) waarmee de gebruiker een wachtwoord instelt; alleen in de demo-modus mag beheer het wachtwoord direct meegeven.`,
  access: roles('beheer'), body: nieuwInvoer,
  responses: { 201: { description: 'De nieuwe gebruiker, met de eenmalige link als er geen wachtwoord is meegegeven', schema: gebruikerUitvoer } },
  problems: ['ongeldige-invoer', 'conflict'],
  handler: async ({ deps, actor, body, request }) => {
    const r = await inGemeente(deps.db, actor!.gemeenteId, (tx) => maakGebruiker(tx, actor!, body, { demo: deps.config.demo }));
    request.log.info({ event: 'gebruiker_aangemaakt', gebruikerId: r.gebruiker.id, soort: r.gebruiker.soort }, 'gebruiker_aangemaakt');
    return {
      status: 201, headers: { location: `/api/v1/gebruikers/${r.gebruiker.id}` },
      body: resource(r.gebruiker, r.uitnodiging ? { request, uitnodiging: r.uitnodiging } : undefined),
    };
  },
});

const wijzigen = defineRoute({
  method: 'PATCH', path: '/gebruikers/{id}', tag: TAG, summary: 'Naam, rollen, team of zorgaanbieder van een gebruiker wijzigen',
  description: 'Een gewijzigde rol geldt bij het eerstvolgende verzoek van de gebruiker. Uw eigen rol beheer kunt u niet weghalen.',
  access: roles('beheer'), params: idParams, body: wijzigInvoer,
  responses: { 200: { description: 'De gebruiker', schema: gebruikerUitvoer } },
  problems: ['ongeldige-invoer', 'niet-gevonden'],
  handler: async ({ deps, actor, params, body, request }) => {
    const g = await inGemeente(deps.db, actor!.gemeenteId, (tx) => wijzigGebruiker(tx, actor!, params.id, body));
    vergeetSessiesVan(deps.db, g.id);
    request.log.info({ event: 'gebruiker_gewijzigd', gebruikerId: g.id }, 'gebruiker_gewijzigd');
    return { body: resource(g) };
  },
});

const actief = (actiefNa: boolean) => defineRoute({
  method: 'POST', path: `/gebruikers/{id}/${actiefNa ? 'activeren' : 'deactiveren'}`, tag: TAG,
  summary: actiefNa ? 'Een gedeactiveerde gebruiker weer activeren' : 'Een gebruiker deactiveren: alle sessies eindigen meteen, open links vervallen',
  description: actiefNa
    ? 'De gebruiker logt weer in met het eigen wachtwoord; zonder wachtwoord: maak een nieuwe eenmalige link.'
    : 'Het eerstvolgende verzoek van de gebruiker krijgt 401. Uw eigen account kunt u niet deactiveren.',
  access: roles('beheer'), params: idParams,
  responses: { 200: { description: 'De gebruiker', schema: gebruikerUitvoer } },
  problems: ['niet-gevonden', 'ongeldige-statusovergang'],
  handler: async ({ deps, actor, params, request }) => {
    const g = await inGemeente(deps.db, actor!.gemeenteId, (tx) => zetActief(tx, actor!, params.id, actiefNa));
    vergeetSessiesVan(deps.db, g.id);
    request.log.info({ event: actiefNa ? 'gebruiker_geactiveerd' : 'gebruiker_gedeactiveerd', gebruikerId: g.id }, actiefNa ? 'gebruiker_geactiveerd' : 'gebruiker_gedeactiveerd');
    return { body: resource(g) };
  },
});

const uitnodiging = defineRoute({
  method: 'POST', path: '/gebruikers/{id}/uitnodiging', tag: TAG, summary: 'Een nieuwe eenmalige link om een wachtwoord in te stellen (oudere links vervallen)',
  description: 'De link staat alleen in dit antwoord (uitnodiging.url). Ook voor wie het wachtwoord vergat: het oude blijft werken tot de link is gebruikt.',
  access: roles('beheer'), params: idParams,
  responses: { 201: { description: 'De gebruiker met de nieuwe link', schema: gebruikerUitvoer } },
  problems: ['niet-gevonden', 'ongeldige-statusovergang'],
  handler: async ({ deps, actor, params, request }) => {
    const r = await inGemeente(deps.db, actor!.gemeenteId, (tx) => nieuweUitnodiging(tx, actor!, params.id));
    request.log.info({ event: 'uitnodiging_gemaakt', gebruikerId: r.gebruiker.id }, 'uitnodiging_gemaakt');
    return { status: 201, body: resource(r.gebruiker, { request, uitnodiging: r.uitnodiging }) };
  },
});

/** Failed attempts with a link count per address, in the login throttle (ADR 26), under a name no account can have. */
const linkTeller = (ip: string) => `#wachtwoord-instellen:${ip}`;

const wachtwoordInstellen = defineRoute({
  method: 'POST', path: '/wachtwoord-instellen', tag: TAG, summary: 'Met een eenmalige link een wachtwoord instellen (zonder inloggen)',
  description: `Het wachtwoord is minstens ${WACHTWOORD_MIN} en hoogstens ${WACHTWOORD_MAX} tekens. Een gebruikte, verlopen of onbekende link geeft steeds dezelfde 400; na een paar ongeldige links vanaf één adres wordt het trager (429 met Retry-After), zoals bij inloggen. Alle sessies van de gebruiker eindigen.`,
  access: publicAccess,
  csrfExempt: true,
  body: z.object({
    token: z.string({ error: LINK_ONGELDIG }).max(200, LINK_ONGELDIG),
    wachtwoord: z.string({ error: 'Vul een wachtwoord in' }).max(1000, `Het wachtwoord mag hoogstens ${WACHTWOORD_MAX} tekens lang zijn`),
  }).meta({ id: 'WachtwoordInstellen' }),
  responses: { 200: { description: 'Het wachtwoord is ingesteld', schema: z.object({ gebruikersnaam: z.string().describe('Waarmee de gebruiker nu inlogt') }).meta({ id: 'WachtwoordIngesteld' }) } },
  problems: ['ongeldige-invoer', 'te-veel-verzoeken'],
  handler: async ({ deps, body, request }) => {
    // The password's own rules first: fixing a too short one is no failed attempt.
    const reden = wachtwoordFout(body.wachtwoord);
    if (reden) throw new Problem('ongeldige-invoer', reden, [{ name: 'wachtwoord', code: 'ongeldig', reason: reden }]);
    const ip = request.ip;
    const teller = linkTeller(ip);
    const wachten = nogWachten(await mislukkingen(deps.db, teller, ip, null), false, new Date());
    if (wachten > 0) {
      throw new Problem('te-veel-verzoeken', `Te veel pogingen met een ongeldige link. Probeer het over ${wachtTekst(wachten)} opnieuw.`, undefined, { 'retry-after': String(wachten) });
    }
    const gemeenteId = await gemeenteVanUitnodiging(deps.db, tokenHash(body.token));
    try {
      if (!gemeenteId) throw new Problem('ongeldige-invoer', LINK_ONGELDIG, [{ name: 'token', code: 'link-ongeldig', reason: LINK_ONGELDIG }]);
      const r = await inGemeente(deps.db, gemeenteId, (tx) => stelWachtwoordIn(tx, gemeenteId, body.token, body.wachtwoord));
      vergeetSessiesVan(deps.db, r.gebruikerId);
      await recordAttempt(deps.db, teller, ip, true);
      request.log.info({ event: 'wachtwoord_ingesteld', gebruikerId: r.gebruikerId }, 'wachtwoord_ingesteld');
      return { body: { gebruikersnaam: r.gebruikersnaam } };
    } catch (e) {
      if (e instanceof Problem && e.invalidParams?.some((p) => p.name === 'token')) await recordAttempt(deps.db, teller, ip, false);
      throw e;
    }
  },
});

export const gebruikersRoutes: AnyRoute[] = [lijst, keuzes, lezen, maken, wijzigen, actief(false), actief(true), uitnodiging, wachtwoordInstellen];
