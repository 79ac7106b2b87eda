import { z } from 'zod';
import { bsnSchema } from '../inwoners/index.ts';
import { ketenBij } from '../../platform/audit/store.ts';
import { Problem } from '../../platform/http/problem.ts';
import { defineRoute, idParams, roles, type AnyRoute } from '../../platform/http/route.ts';
import { inGemeente } from '../../platform/tenancy/tx.ts';
import { inzageOverzicht, maakInzage } from './inzage.ts';

const overzichtUitvoer = z.object({
  persoon: z.object({ id: z.uuid(), naam: z.string(), geboortedatum: z.string() }),
  aantallen: z.object({
    huishoudleden: z.number().int(), vertegenwoordigers: z.number().int(), meldingen: z.number().int(), casussen: z.number().int(), gesprekken: z.number().int(),
    planversies: z.number().int(), aanvragen: z.number().int(), beschikkingen: z.number().int(), bezwaren: z.number().int(), verstrekkingen: z.number().int(), brieven: z.number().int(),
    audittrail: z.number().int(),
  }),
}).meta({ id: 'InzageOverzicht' });

const overzicht = defineRoute({
  method: 'GET', path: '/inzage', tag: 'Privacy', summary: 'Wat de inzage (AVG art. 15) van een inwoner zal bevatten, op persoonId of BSN',
  description: 'Voor de privacy officer, vóór het downloaden. Het opvragen wordt vastgelegd in de audittrail van de inwoner.',
  access: roles('privacy'),
  query: z.object({ persoonId: z.uuid('Geef een geldig persoonId').optional(), bsn: bsnSchema.optional() }),
  responses: { 200: { description: 'De inwoner en het aantal gegevens per onderdeel', schema: overzichtUitvoer } },
  problems: ['ongeldige-invoer', 'niet-gevonden'],
  handler: async ({ deps, actor, query, request }) => {
    if (!query.persoonId && !query.bsn) {
      throw new Problem('ongeldige-invoer', 'Geef een BSN of een persoonId op.', [{ name: 'bsn', code: 'verplicht', reason: 'Vul het BSN van de inwoner in' }]);
    }
    const ref = query.persoonId ? { persoonId: query.persoonId } : { bsn: query.bsn! };
    // Chain what is pending first, so the counted trail is the chained one (as GET /audit does).
    await ketenBij(deps.db, actor!.gemeenteId, { sleutel: deps.config.auditSleutel, log: request.log });
    return { body: await inGemeente(deps.db, actor!.gemeenteId, (tx) => inzageOverzicht(tx, actor!, ref, request.session!.account.gemeenteNaam)) };
  },
});

const inzage = defineRoute({
  method: 'GET', path: '/personen/{id}/inzage', tag: 'Privacy', summary: 'Inzage (AVG art. 15): het hele dossier van een inwoner als ZIP met PDF, JSON en de verzonden brieven',
  description: 'De ZIP bevat inzage.pdf, inzage.json (met een veld versie), de brieven onder brieven/ en LEESMIJ.txt. '
    + 'Het maken van de inzage wordt vastgelegd in de audittrail van de inwoner (en staat zelf in de inzage).',
  access: roles('privacy'), params: idParams,
  responses: { 200: { description: 'Het ZIP-bestand', contentType: 'application/zip' } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params, request }) => {
    // Chain what is pending first, so the trail in the file carries its place in the chain; only this export's own entry is still new.
    await ketenBij(deps.db, actor!.gemeenteId, { sleutel: deps.config.auditSleutel, log: request.log });
    const uit = await inGemeente(deps.db, actor!.gemeenteId, (tx) => maakInzage(tx, actor!, params.id, request.session!.account.gemeenteNaam));
    return {
      body: Buffer.from(uit.zip),
      headers: {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="${uit.bestandsnaam}"`,
        'cache-control': 'no-store',
      },
    };
  },
});

export const inzageRoutes: AnyRoute[] = [overzicht, inzage];
