import { z } from 'zod';
import { defineRoute, idParams, roles, type AnyRoute } from '../../platform/http/route.ts';
import { paginering } from '../../platform/http/schemas.ts';
import { inGemeente } from '../../platform/tenancy/tx.ts';
import { declaratieMetPrestaties, lijstDeclaraties } from './declaraties.ts';
import { retourcodeTekst, standaardNaam } from './rules.ts';
import type { DeclaratieRij } from './store.ts';

// Declaraties (ADR 40): what providers declared and what the gemeente approved. The messages
// themselves (323, 325) are under /berichten; this is the declaration as the finance side reads it.
const TAG = 'Declaraties';
const LEZERS = roles('aanbieder', 'inkoper', 'beleid');

const code = z.object({ code: z.string(), tekst: z.string() });
const declaratieUitvoer = z.object({
  id: z.uuid(), standaard: z.enum(['iwmo', 'ijw']), standaardNaam: z.string(), aanbiederId: z.uuid(), aanbiederNaam: z.string(), berichtId: z.uuid(), antwoordId: z.uuid().nullable(),
  nummer: z.string(), periodeBegin: z.string(), periodeEind: z.string(), dagtekening: z.string(),
  ingediendCents: z.number().int(), toegekendCents: z.number().int(), afgewezenCents: z.number().int(),
  status: z.enum(['verwerkt', 'deels', 'afgekeurd']), retourcodes: z.array(code), aantalPrestaties: z.number().int(), aangemaaktOp: z.string(),
}).meta({ id: 'Declaratie' });

const resource = (d: DeclaratieRij) => ({
  id: d.id, standaard: d.standaard, standaardNaam: standaardNaam[d.standaard], aanbiederId: d.aanbiederId, aanbiederNaam: d.aanbiederNaam, berichtId: d.berichtId, antwoordId: d.antwoordId,
  nummer: d.nummer, periodeBegin: d.begin, periodeEind: d.eind, dagtekening: d.dagtekening, ingediendCents: d.ingediendCents, toegekendCents: d.toegekendCents,
  // A declaration refused as a whole (9333) approved nothing of what it asked.
  afgewezenCents: d.ingediendCents - d.toegekendCents, status: d.status as 'verwerkt' | 'deels' | 'afgekeurd',
  retourcodes: d.retourcodes.map((c) => ({ code: c, tekst: retourcodeTekst(c) })), aantalPrestaties: d.aantalPrestaties, aangemaaktOp: d.aangemaaktOp,
});

const lijst = defineRoute({
  method: 'GET', path: '/declaraties', tag: TAG,
  summary: 'Declaraties van aanbieders met het ingediende en toegekende bedrag, nieuwste eerst; een medewerker van een aanbieder ziet alleen die van de eigen organisatie',
  access: LEZERS,
  query: z.object({ aanbiederId: z.uuid().optional(), status: z.enum(['verwerkt', 'deels', 'afgekeurd']).optional(), ...paginering }),
  responses: { 200: { description: 'De declaraties', schema: z.object({ items: z.array(declaratieUitvoer), totaal: z.number().int(), pagina: z.number().int(), aantal: z.number().int() }) } },
  problems: ['ongeldige-invoer'],
  handler: async ({ deps, actor, query }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const r = await lijstDeclaraties(tx, actor!, { aanbiederId: query.aanbiederId, status: query.status }, { limit: query.aantal, offset: (query.pagina - 1) * query.aantal });
      return { body: { items: r.items.map(resource), totaal: r.totaal, pagina: query.pagina, aantal: query.aantal } };
    }),
});

const een = defineRoute({
  method: 'GET', path: '/declaraties/{id}', tag: TAG,
  summary: 'Eén declaratie met elke prestatie en haar oordeel (toegekend, of afgewezen met de retourcode); het BSN alleen voor de aanbieder zelf',
  access: LEZERS, params: idParams,
  responses: { 200: { description: 'De declaratie', schema: declaratieUitvoer.extend({
    prestaties: z.array(z.object({
      id: z.uuid(), bsn: z.string().nullable(), voorzieningId: z.uuid().nullable(), voorzieningNummer: z.string().nullable(), referentie: z.string(), vorigReferentie: z.string().nullable(),
      toewijzingNummer: z.number().int(), categorie: z.string(), code: z.string(), begin: z.string(), eind: z.string(), volume: z.number(), eenheid: z.string(),
      tariefCents: z.number().int().nullable(), ingediendCents: z.number().int(), toegekendCents: z.number().int(), goedgekeurd: z.boolean(), gecrediteerd: z.boolean(),
      retourcodes: z.array(code),
    })),
  }) } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const d = await declaratieMetPrestaties(tx, actor!, params.id);
      return {
        body: {
          ...resource(d),
          prestaties: d.prestaties.map((p) => ({
            id: p.id, bsn: p.bsn, voorzieningId: p.voorzieningId, voorzieningNummer: p.voorzieningNummer, referentie: p.referentie, vorigReferentie: p.vorigReferentie,
            toewijzingNummer: p.toewijzingNummer, categorie: p.categorie, code: p.code, begin: p.begin, eind: p.eind, volume: p.volume, eenheid: p.eenheid,
            tariefCents: p.tariefCents, ingediendCents: p.ingediendCents, toegekendCents: p.toegekendCents, goedgekeurd: p.goedgekeurd, gecrediteerd: p.gecrediteerd,
            retourcodes: p.retourcodes.map((c) => ({ code: c, tekst: retourcodeTekst(c) })),
          })),
        },
      };
    }),
});

export const declaratieRoutes: AnyRoute[] = [lijst, een];
