import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { Problem, notFound } from '../../platform/http/problem.ts';
import { defineRoute, publicAccess, roles, type AnyRoute } from '../../platform/http/route.ts';
import { inGemeente, type Actor } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { brpHuishouden, publiekAdres } from '../inwoners/index.ts';
import { ontvangOnlineMelding, publiekeReferentie, type Ingediend } from './online.ts';
import { onlineMeldingRoutes } from './routes-online.ts';
import { publiekeMelding } from './schemas.ts';
import { bewaarTermijnConfig, gemeenteOpCode, publiekeVerzoekenSinds, registreerPubliekVerzoek, termijnConfig } from './store.ts';
import { termijnConfigSchema } from './termijn-config.ts';

/** The public form allows this many submissions per IP address per window. */
export const PUBLIEK_MAX_PER_VENSTER = 5;
export const PUBLIEK_VENSTER_MINUTEN = 10;
/** The least time an answer of the public form takes (a new person and melding take longer than a waiting one). */
export const PUBLIEK_MIN_ANTWOORD_MS = 400;

const gemeenteParams = z.object({ code: z.string().regex(/^[a-z0-9-]{1,50}$/) });

/**
 * The online form asks for an address and lets only someone who says they have none (dakloos) leave
 * it out. The API itself accepts a melding without either (an older client, a form sent half): the
 * melding then shows staff the task "Adres aanvullen".
 */
const publiekeMeldingMetAdres = publiekeMelding.extend({
  adres: publiekAdres.optional().describe('Uw woonadres (postcode, huisnummer, straat, plaats)'),
  geenVastAdres: z.boolean().optional().describe('Ik heb geen vast adres (bijvoorbeeld dakloos)'),
}).superRefine((m, ctx) => {
  if (m.adres && m.geenVastAdres === true) {
    ctx.addIssue({ code: 'custom', path: ['geenVastAdres'], message: 'U gaf een adres én dat u geen vast adres heeft: kies één van beide' });
  }
}).meta({ id: 'PubliekeMelding' });

async function vindGemeente(db: Kysely<DB>, code: string) {
  const g = await gemeenteOpCode(db, code);
  if (!g) throw notFound('Deze gemeente');
  return g;
}

const gemeente = defineRoute({
  method: 'GET', path: '/publiek/gemeenten/{code}', tag: 'Publiek', summary: 'Naam van een gemeente, voor het online meldformulier',
  access: publicAccess,
  params: gemeenteParams,
  responses: { 200: { description: 'De gemeente', schema: z.object({ code: z.string(), naam: z.string() }) } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, params }) => {
    const g = await vindGemeente(deps.db, params.code);
    return { body: { code: g.code, naam: g.naam } };
  },
});

const melden = defineRoute({
  method: 'POST', path: '/publiek/gemeenten/{code}/meldingen', tag: 'Publiek', summary: 'Online melding door een inwoner (zonder inloggen in de demo; later met DigiD)',
  description: `Vraagt alleen wat nodig is. Hoogstens ${PUBLIEK_MAX_PER_VENSTER} meldingen per ${PUBLIEK_VENSTER_MINUTEN} minuten per IP-adres. Antwoordt altijd gelijk (201, een willekeurig referentienummer als EV-7K3Q-9XWD), of het BSN nu bekend is of niet, zonder gegevens terug te geven. Een onbekend BSN wordt meteen een nieuwe inwoner met een melding; een bekend BSN wacht tot een medewerker de melding koppelt.`,
  access: publicAccess,
  csrfExempt: true,
  params: gemeenteParams,
  body: publiekeMeldingMetAdres,
  responses: {
    201: {
      description: 'Ontvangen',
      schema: z.object({ referentie: z.string(), ontvangenOp: z.string(), boodschap: z.string() }).meta({ id: 'OntvangstBevestiging' }),
    },
  },
  problems: ['ongeldige-invoer', 'te-veel-verzoeken', 'niet-gevonden', 'brp-niet-bereikbaar'],
  handler: async ({ deps, params, body, request }) => {
    const begin = performance.now();
    const g = await vindGemeente(deps.db, params.code);
    const ipHash = createHash('sha256').update(`eenvoud-publiek:${request.ip}`).digest('hex');
    // Count and record under a lock per address, so parallel requests cannot all slip under the limit.
    const teVeel = await deps.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${ipHash}))`.execute(trx);
      if (await publiekeVerzoekenSinds(trx, ipHash, PUBLIEK_VENSTER_MINUTEN) >= PUBLIEK_MAX_PER_VENSTER) return true;
      await registreerPubliekVerzoek(trx, ipHash);
      return false;
    });
    if (teVeel) {
      throw new Problem('te-veel-verzoeken', `U heeft net al een melding gedaan. Probeer het over ${PUBLIEK_VENSTER_MINUTEN} minuten opnieuw, of bel de gemeente.`, undefined, {
        'retry-after': String(PUBLIEK_VENSTER_MINUTEN * 60),
      });
    }
    const dag = vandaag();
    // One answer for every submission — known BSN, unknown BSN, a robot in the hidden field — so the
    // answer tells nobody whether a BSN is known here, and the reference tells nothing about volumes.
    const referentie = publiekeReferentie();
    const ontvangen = {
      status: 201,
      body: {
        referentie, ontvangenOp: dag,
        boodschap: `Wij hebben uw melding ontvangen. Uw referentienummer is ${referentie}. Binnen twee werkdagen neemt een medewerker contact met u op.`,
      },
    };
    // Every answer takes at least as long as the slowest usual path, so timing does not tell a known BSN either.
    const gelijkOpTijd = async () => { await sleep(Math.max(0, PUBLIEK_MIN_ANTWOORD_MS - (performance.now() - begin))); return ontvangen; };
    if (body.website) return gelijkOpTijd(); // A robot filled the hidden field: store nothing.
    const actor: Actor = { gebruikerId: null, gebruikersnaam: 'inwoner (online formulier)', gemeenteId: g.id, rollen: ['inwoner'], rol: 'inwoner', aanbiederId: null };
    const brp = await brpHuishouden(deps.config.brp, body.persoon.bsn, dag);
    const ingediend: Ingediend = {
      persoon: body.persoon,
      ...(body.adres ? { adres: { straat: body.adres.straat, huisnummer: body.adres.huisnummer, postcode: body.adres.postcode, woonplaats: body.adres.plaats } } : {}),
      geenVastAdres: body.geenVastAdres === true,
      onderwerp: body.onderwerp, omschrijving: body.omschrijving, spoed: body.spoed ?? false,
      ...(body.contact ? { contact: body.contact } : {}),
    };
    await inGemeente(deps.db, g.id, (tx) => ontvangOnlineMelding(tx, actor, ingediend, brp, dag, referentie));
    request.log.info({ event: 'online_melding_ontvangen' }, 'online_melding_ontvangen');
    return gelijkOpTijd();
  },
});

const configLezen = defineRoute({
  method: 'GET', path: '/instellingen/termijnen', tag: 'Instellingen', summary: 'De termijnen van deze gemeente (standaard: wat de wet zegt)',
  access: roles('beheer', 'beleid', 'teamleider'),
  responses: { 200: { description: 'De termijnen', schema: termijnConfigSchema } },
  handler: async ({ deps, actor }) => ({ body: await inGemeente(deps.db, actor!.gemeenteId, (tx) => termijnConfig(tx)) }),
});

const configSchrijven = defineRoute({
  method: 'PUT', path: '/instellingen/termijnen', tag: 'Instellingen', summary: 'De termijnen van deze gemeente aanpassen (geldt voor nieuwe termijnen)',
  access: roles('beheer'),
  body: termijnConfigSchema,
  responses: { 200: { description: 'De opgeslagen termijnen', schema: termijnConfigSchema } },
  problems: ['ongeldige-invoer'],
  handler: async ({ deps, actor, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      await bewaarTermijnConfig(tx, actor!.gemeenteId, body, actor!.gebruikerId);
      return { body: await termijnConfig(tx) };
    }),
});

export const toegangPubliekRoutes: AnyRoute[] = [gemeente, melden, configLezen, configSchrijven, ...onlineMeldingRoutes];
