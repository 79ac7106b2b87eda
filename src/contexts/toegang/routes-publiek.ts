import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { appendAudit } from '../../platform/audit/store.ts';
import type { DB } from '../../platform/db/schema.ts';
import { Problem, notFound } from '../../platform/http/problem.ts';
import { defineRoute, publicAccess, roles, type AnyRoute } from '../../platform/http/route.ts';
import { inGemeente, type Actor } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { publiekeMelding } from './schemas.ts';
import {
  bewaarTermijnConfig, gemeenteOpCode, meldingNummerVan, publiekeVerzoekenSinds, registreerPubliekVerzoek, termijnConfig,
} from './store.ts';
import { termijnConfigSchema } from './termijn-config.ts';
import { registreerMelding } from './usecases.ts';

/** The public form allows this many submissions per IP address per window. */
export const PUBLIEK_MAX_PER_VENSTER = 5;
export const PUBLIEK_VENSTER_MINUTEN = 10;

const gemeenteParams = z.object({ code: z.string().regex(/^[a-z0-9-]{1,50}$/) });

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
  description: `Vraagt alleen wat nodig is. Hoogstens ${PUBLIEK_MAX_PER_VENSTER} meldingen per ${PUBLIEK_VENSTER_MINUTEN} minuten per IP-adres. Antwoordt met een referentienummer, zonder gegevens terug te geven.`,
  access: publicAccess,
  csrfExempt: true,
  params: gemeenteParams,
  body: publiekeMelding,
  responses: {
    201: {
      description: 'Ontvangen',
      schema: z.object({ referentie: z.string(), ontvangenOp: z.string(), boodschap: z.string() }).meta({ id: 'OntvangstBevestiging' }),
    },
  },
  problems: ['ongeldige-invoer', 'te-veel-verzoeken', 'niet-gevonden'],
  handler: async ({ deps, params, body, request }) => {
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
    if (body.website) {
      // A robot filled the hidden field: answer as usual, store nothing.
      return { status: 201, body: { referentie: 'M-ontvangen', ontvangenOp: dag, boodschap: 'Wij hebben uw melding ontvangen.' } };
    }
    const actor: Actor = { gebruikerId: null, gebruikersnaam: 'inwoner (online formulier)', gemeenteId: g.id, rollen: ['inwoner'], rol: 'inwoner' };
    return inGemeente(deps.db, g.id, async (tx) => {
      const r = await registreerMelding(tx, {
        gemeenteId: g.id, persoon: body.persoon, wet: body.onderwerp, kanaal: 'online', ontvangenOp: dag, omschrijving: body.omschrijving,
        spoed: body.spoed ?? false, contact: body.contact, door: null,
      }, dag).catch((e: unknown) => {
        // Do not tell a stranger which BSN is known here: one plain message for a mismatch.
        if (e instanceof Problem && e.code === 'persoon-komt-niet-overeen') {
          throw new Problem('ongeldige-invoer', 'Uw BSN en geboortedatum horen niet bij elkaar. Controleer ze, of bel de gemeente.', [
            { name: 'persoon.geboortedatum', code: 'komt-niet-overeen', reason: 'Controleer uw BSN en geboortedatum' },
          ]);
        }
        throw e;
      });
      await appendAudit(tx, actor, [
        ...(r.nieuwePersoon ? [{ actie: 'aanmaken' as const, resourceType: 'persoon', resourceId: r.persoon.id, persoonId: r.persoon.id, doel: 'online melding' }] : []),
        { actie: 'aanmaken', resourceType: 'melding', resourceId: r.meldingId, persoonId: r.persoon.id, doel: 'online melding' },
      ]);
      const nummer = await meldingNummerVan(tx, r.meldingId);
      request.log.info({ event: 'online_melding_ontvangen' }, 'online_melding_ontvangen');
      return {
        status: 201,
        body: {
          referentie: nummer, ontvangenOp: dag,
          boodschap: `Wij hebben uw melding ontvangen. Uw referentienummer is ${nummer}. Binnen twee werkdagen neemt een medewerker contact met u op.`,
        },
      };
    });
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

export const toegangPubliekRoutes: AnyRoute[] = [gemeente, melden, configLezen, configSchrijven];
