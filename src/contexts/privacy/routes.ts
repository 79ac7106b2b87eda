import { z } from 'zod';
import { bsnSchema, findPersoonByBsn } from '../inwoners/index.ts';
import { Problem, notFound } from '../../platform/http/problem.ts';
import { defineRoute, roles, type AnyRoute } from '../../platform/http/route.ts';
import { inGemeente } from '../../platform/tenancy/tx.ts';
import { appendAudit, listForPerson, verifyChain } from '../../platform/audit/store.ts';

const auditRegel = z.object({
  volgnummer: z.number().int(), moment: z.string(), gebruikerId: z.uuid().nullable(), gebruikersnaam: z.string(), rol: z.string(),
  actie: z.enum(['lezen', 'aanmaken', 'wijzigen', 'verwijderen']), resourceType: z.string(), resourceId: z.string(),
  persoonId: z.uuid().nullable(), doel: z.string(), vorigeHash: z.string(), hash: z.string(),
}).meta({ id: 'AuditRegel' });

const lijst = defineRoute({
  method: 'GET', path: '/audit', tag: 'Audit', summary: 'Audittrail van één inwoner (op persoonId of BSN)',
  description: 'Nieuwste eerst. Het inzien van de audittrail wordt zelf ook vastgelegd.',
  access: roles('privacy'),
  query: z.object({
    persoonId: z.uuid('Geef een geldig persoonId').optional(),
    bsn: bsnSchema.optional(),
    voor: z.coerce.number().int().min(1).optional(),
    aantal: z.coerce.number().int().min(1).max(500).default(100),
  }),
  responses: { 200: { description: 'De regels', schema: z.object({ persoonId: z.uuid(), resultaten: z.array(auditRegel) }) } },
  problems: ['ongeldige-invoer', 'niet-gevonden'],
  handler: async ({ deps, actor, query }) => {
    if (!query.persoonId && !query.bsn) {
      throw new Problem('ongeldige-invoer', 'Geef een persoonId of een BSN op.', [{ name: 'persoonId', code: 'verplicht', reason: 'persoonId of bsn is verplicht' }]);
    }
    return inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const persoonId = query.persoonId ?? (await findPersoonByBsn(tx, query.bsn!))?.id;
      if (!persoonId) throw notFound('Deze inwoner');
      const regels = await listForPerson(tx, persoonId, query.aantal, query.voor);
      await appendAudit(tx, actor!, [{ actie: 'lezen', resourceType: 'auditlog', resourceId: persoonId, persoonId, doel: 'privacytoezicht' }]);
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
        geldig: z.boolean(), aantal: z.number().int(), laatsteHash: z.string(),
        breuk: z.object({ volgnummer: z.number().int(), reden: z.string() }).nullable(),
      }).meta({ id: 'AuditVerificatie' }),
    },
  },
  handler: async ({ deps, actor }) => ({ body: await inGemeente(deps.db, actor!.gemeenteId, (tx) => verifyChain(tx, actor!.gemeenteId)) }),
});

export const privacyRoutes: AnyRoute[] = [lijst, verificatie];
