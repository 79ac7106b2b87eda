import { z } from 'zod';
import { bsnSchema } from '../inwoners/index.ts';
import { Problem } from '../../platform/http/problem.ts';
import { defineRoute, roles, type AnyRoute } from '../../platform/http/route.ts';
import { inGemeente } from '../../platform/tenancy/tx.ts';
import { ketenBij, verifyChain } from '../../platform/audit/store.ts';
import { leesAudittrail } from './audittrail.ts';

const wachtend = 'null zolang de regel nog niet in de keten is opgenomen (de sequencer doet dat binnen enkele seconden)';
const auditRegel = z.object({
  volgnummer: z.number().int().nullable().describe(`Plaats in de keten; ${wachtend}`), moment: z.string(), gebruikerId: z.uuid().nullable(), gebruikersnaam: z.string(), rol: z.string(),
  actie: z.enum(['lezen', 'aanmaken', 'wijzigen', 'verwijderen']), resourceType: z.string(), resourceId: z.string(),
  persoonId: z.uuid().nullable(), doel: z.string(), vorigeHash: z.string().nullable().describe(wachtend), hash: z.string().nullable().describe(wachtend),
}).meta({ id: 'AuditRegel' });

const lijst = defineRoute({
  method: 'GET', path: '/audit', tag: 'Audit', summary: 'Audittrail van één inwoner (op persoonId of BSN)',
  description: 'Nieuwste eerst, ook regels die nog niet in de keten zijn opgenomen. Het inzien van de audittrail wordt zelf ook vastgelegd.',
  access: roles('privacy'),
  query: z.object({
    persoonId: z.uuid('Geef een geldig persoonId').optional(),
    bsn: bsnSchema.optional(),
    voor: z.coerce.number().int().min(1).optional(),
    aantal: z.coerce.number().int().min(1).max(500).default(100),
  }),
  responses: { 200: { description: 'De regels', schema: z.object({ persoonId: z.uuid(), resultaten: z.array(auditRegel) }) } },
  problems: ['ongeldige-invoer', 'niet-gevonden'],
  handler: async ({ deps, actor, query, request }) => {
    if (!query.persoonId && !query.bsn) {
      throw new Problem('ongeldige-invoer', 'Geef een persoonId of een BSN op.', [{ name: 'persoonId', code: 'verplicht', reason: 'persoonId of bsn is verplicht' }]);
    }
    // Chain what has been committed first, so the list shows places in the chain where it can.
    await ketenBij(deps.db, actor!.gemeenteId, { sleutel: deps.config.auditSleutel, log: request.log });
    return inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const { persoonId, regels } = await leesAudittrail(tx, actor!, query, query.aantal, query.voor);
      return { body: { persoonId, resultaten: regels } };
    });
  },
});

const verificatie = defineRoute({
  method: 'GET', path: '/audit/verificatie', tag: 'Audit', summary: 'Controleer de hashketen van de audittrail van de gemeente',
  access: roles('privacy'),
  responses: {
    200: {
      description: 'De uitkomst van de controle',
      schema: z.object({
        geldig: z.boolean().describe('Geen enkele bevinding: de keten is heel en klopt met elk ondertekend checkpoint'),
        aantal: z.number().int().describe('Gecontroleerde regels in de keten'), laatsteHash: z.string(),
        breuk: z.object({ volgnummer: z.number().int(), reden: z.string() }).nullable().describe('De eerste verbroken schakel'),
        checkpoints: z.number().int().describe('Aantal ondertekende checkpoints'),
        laatsteCheckpoint: z.object({ volgnummer: z.number().int(), aantal: z.number().int(), kophash: z.string(), moment: z.string() }).nullable(),
        bevindingen: z.array(z.object({
          soort: z.enum(['afgekapt', 'herschreven', 'checkpoint-ongeldig', 'keten-verbroken', 'buiten-keten']),
          checkpoint: z.number().int().nullable(), volgnummer: z.number().int().nullable(), toelichting: z.string(),
        })).describe('afgekapt: korter dan een checkpoint zegt; herschreven: de hash bij een checkpoint wijkt af; checkpoint-ongeldig: vervalst of verwijderd; keten-verbroken: een schakel klopt niet'),
      }).meta({ id: 'AuditVerificatie' }),
    },
  },
  handler: async ({ deps, actor, request }) => {
    // Chain every committed entry first, so the check covers everything written until now.
    await ketenBij(deps.db, actor!.gemeenteId, { sleutel: deps.config.auditSleutel, log: request.log });
    return { body: await inGemeente(deps.db, actor!.gemeenteId, (tx) => verifyChain(tx, actor!.gemeenteId, deps.config.auditSleutel)) };
  },
});

export const privacyRoutes: AnyRoute[] = [lijst, verificatie];
