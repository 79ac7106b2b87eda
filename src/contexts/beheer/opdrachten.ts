import { z } from 'zod';
import { appendAudit } from '../../platform/audit/store.ts';
import { notFound, Problem } from '../../platform/http/problem.ts';
import { defineRoute, idParams, roles, type AnyRoute } from '../../platform/http/route.ts';
import { lijstOpdrachten, zetOpdrachtOpnieuw, type OpdrachtOverzicht } from '../../platform/jobs/outbox.ts';
import { inGemeente, type Actor, type Tx } from '../../platform/tenancy/tx.ts';

/**
 * Beheer of the outbox (ADR 33): which background tasks of this gemeente failed, with their error,
 * and putting one back. Soort, status, attempts and times only — never the opdracht's gegevens.
 */

export const OPDRACHT_STATUSSEN = ['mislukt', 'wachtend', 'gelukt', 'alle'] as const;
const MAX_IN_LIJST = 200;

/** Use case: a failed opdracht runs again now, with a fresh series of attempts; who did it is in the audit trail and the log. */
export async function probeerOpdrachtOpnieuw(tx: Tx, actor: Actor, id: string): Promise<OpdrachtOverzicht> {
  const r = await zetOpdrachtOpnieuw(tx, id);
  if (!r) throw notFound('Deze achtergrondtaak');
  if (r === 'gelukt') throw new Problem('ongeldige-statusovergang', 'Deze achtergrondtaak is al gelukt; opnieuw proberen kan alleen bij een mislukte of wachtende taak.');
  await appendAudit(tx, actor, [{
    actie: 'wijzigen', resourceType: 'opdracht', resourceId: id, persoonId: null,
    doel: `achtergrondtaak ${r.voor.soort} opnieuw proberen (was ${r.voor.status} na ${r.voor.pogingen} pogingen)`,
  }]);
  return r.na;
}

const opdrachtUitvoer = z.object({
  id: z.uuid(),
  soort: z.string().describe('Wat de taak doet, bijv. voorziening.brief'),
  status: z.enum(['wachtend', 'gelukt', 'mislukt']),
  pogingen: z.number().int().describe('Pogingen in de huidige reeks'),
  maxPogingen: z.number().int(),
  laatsteFout: z.string().nullable(),
  aangemaaktOp: z.iso.datetime({ offset: true }),
  volgendePoging: z.iso.datetime({ offset: true }).describe('Bij wachtend: wanneer de taak (opnieuw) aan de beurt is'),
  gestartOp: z.iso.datetime({ offset: true }).nullable().describe('Begin van de laatste poging'),
  klaarOp: z.iso.datetime({ offset: true }).nullable(),
}).meta({ id: 'Opdracht' });

const resource = (o: OpdrachtOverzicht): z.infer<typeof opdrachtUitvoer> => ({
  ...o,
  aangemaaktOp: o.aangemaaktOp.toISOString(), volgendePoging: o.volgendePoging.toISOString(),
  gestartOp: o.gestartOp?.toISOString() ?? null, klaarOp: o.klaarOp?.toISOString() ?? null,
});

const lijst = defineRoute({
  method: 'GET', path: '/beheer/opdrachten', tag: 'Instellingen', summary: 'Achtergrondtaken van deze gemeente (brieven, berichten): mislukte eerst te zien, nieuwste eerst',
  description: `status=mislukt (standaard), wachtend, gelukt of alle; hoogstens ${MAX_IN_LIJST}. Zonder de gegevens van de taak: alleen soort, status, pogingen, fout en tijden.`,
  access: roles('beheer'),
  query: z.object({ status: z.enum(OPDRACHT_STATUSSEN, { error: 'Kies mislukt, wachtend, gelukt of alle' }).default('mislukt') }),
  responses: {
    200: {
      description: 'De achtergrondtaken en hoeveel er per status zijn',
      schema: z.object({
        opdrachten: z.array(opdrachtUitvoer),
        aantallen: z.object({ wachtend: z.number().int(), gelukt: z.number().int(), mislukt: z.number().int() }),
      }).meta({ id: 'OpdrachtLijst' }),
    },
  },
  problems: ['ongeldige-invoer'],
  handler: async ({ deps, actor, query }) => {
    const r = await inGemeente(deps.db, actor!.gemeenteId, (tx) => lijstOpdrachten(tx, { status: query.status, limiet: MAX_IN_LIJST }));
    return { body: { opdrachten: r.opdrachten.map(resource), aantallen: r.aantallen } };
  },
});

const opnieuw = defineRoute({
  method: 'POST', path: '/beheer/opdrachten/{id}/opnieuw', tag: 'Instellingen', summary: 'Een mislukte achtergrondtaak nu opnieuw proberen (met een nieuwe reeks pogingen)',
  access: roles('beheer'),
  params: idParams,
  responses: { 200: { description: 'De taak staat weer in de wachtrij', schema: opdrachtUitvoer } },
  problems: ['niet-gevonden', 'ongeldige-statusovergang'],
  handler: async ({ deps, actor, params, request }) => {
    const o = await inGemeente(deps.db, actor!.gemeenteId, (tx) => probeerOpdrachtOpnieuw(tx, actor!, params.id));
    request.log.info({ event: 'opdracht_opnieuw', opdrachtId: o.id, soort: o.soort, door: actor!.gebruikerId }, 'opdracht_opnieuw');
    return { body: resource(o) };
  },
});

export const opdrachtenRoutes: AnyRoute[] = [lijst, opnieuw];
