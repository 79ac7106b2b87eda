import { defineRoute, idParams, roles, type AnyRoute } from '../../platform/http/route.ts';
import { inGemeente } from '../../platform/tenancy/tx.ts';
import { batchDetailUitvoer, batchFilter, batchInvoer, batchUitvoer, grootboekInvoer, grootboekUitvoer } from './schemas.ts';
import { betaalbatch, betaalbatches, exporteerJournaal, grootboek, maakBetaalbatches, zetGrootboek } from './usecases.ts';
import { z } from 'zod';

// Payments hold no personal data (aggregates per product): the inkoper pays, beleid reads along.
const LEZERS = roles('inkoper', 'beleid');
const TAG = 'Financiën';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const batchesMaken = defineRoute({
  method: 'POST', path: '/betaalbatches', tag: TAG,
  summary: "Betaalbatches maken: per aanbieder de goedgekeurde, nog niet betaalde prestaties met een 325 tot en met het einde van de periode, plus de taakgerichte bedragen van die maand",
  description: 'Eén transactie: twee runs betalen nooit dezelfde prestatie of maand twee keer. Niets te betalen: 422 en er wordt niets vastgelegd.',
  access: roles('inkoper'), body: batchInvoer,
  responses: { 201: { description: 'De nieuwe betaalbatches', schema: z.array(batchUitvoer) } },
  problems: ['ongeldige-invoer', 'niets-te-betalen'],
  handler: async ({ deps, actor, body, request }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
    const batches = await maakBetaalbatches(tx, actor!, body);
    request.log.info({ event: 'betaalbatches_aangemaakt', periode: body.periode, batches: batches.length }, 'betaalbatches_aangemaakt');
    return { status: 201, body: batches };
  }),
});

const batchesLijst = defineRoute({
  method: 'GET', path: '/betaalbatches', tag: TAG, summary: 'Betaalbatches, nieuwste periode eerst; te filteren op aanbieder en periode',
  access: LEZERS, query: batchFilter,
  responses: { 200: { description: 'De betaalbatches', schema: z.array(batchUitvoer) } },
  handler: async ({ deps, actor, query }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({ body: await betaalbatches(tx, query) })),
});

const batchEen = defineRoute({
  method: 'GET', path: '/betaalbatches/{id}', tag: TAG,
  summary: 'Eén betaalbatch met zijn journaalregels (grootboekrekening en kostenplaats zoals nu ingesteld) en de declaraties die hij betaalt',
  access: LEZERS, params: idParams,
  responses: { 200: { description: 'De betaalbatch', schema: batchDetailUitvoer } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({ body: await betaalbatch(tx, params.id) })),
});

const journaalCsv = defineRoute({
  method: 'GET', path: '/betaalbatches/{id}/journaal.csv', tag: TAG,
  summary: "Het journaal van een betaalbatch als CSV: puntkomma's, kopregel, UTF-8 met BOM, bedrag in euro's met een komma en D/C ernaast",
  access: LEZERS, params: idParams,
  responses: { 200: { description: 'Het journaal', contentType: 'text/csv' } },
  problems: ['niet-gevonden', 'grootboek-onvolledig'],
  handler: async ({ deps, actor, params }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
    const j = await exporteerJournaal(tx, actor!, params.id, 'csv');
    return { body: j.inhoud, headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${j.bestandsnaam}"` } };
  }),
});

const journaalXlsx = defineRoute({
  method: 'GET', path: '/betaalbatches/{id}/journaal.xlsx', tag: TAG, summary: 'Het journaal van een betaalbatch als Excel-werkmap (zelfde kolommen als de CSV)',
  access: LEZERS, params: idParams,
  responses: { 200: { description: 'Het journaal', contentType: XLSX_TYPE } },
  problems: ['niet-gevonden', 'grootboek-onvolledig'],
  handler: async ({ deps, actor, params }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
    const j = await exporteerJournaal(tx, actor!, params.id, 'xlsx');
    return { body: j.inhoud, headers: { 'content-type': XLSX_TYPE, 'content-disposition': `attachment; filename="${j.bestandsnaam}"` } };
  }),
});

const grootboekLezen = defineRoute({
  method: 'GET', path: '/grootboekregels', tag: TAG, summary: 'Grootboekrekening en kostenplaats per wet en eventueel productcategorie (de meest specifieke regel geldt)',
  access: roles('beheer'),
  responses: { 200: { description: 'De grootboekregels', schema: grootboekUitvoer } },
  handler: async ({ deps, actor }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({ body: { regels: await grootboek(tx) } })),
});

const grootboekZetten = defineRoute({
  method: 'PUT', path: '/grootboekregels', tag: TAG,
  summary: 'Alle grootboekregels vervangen; één afgewezen regel wijst het geheel af en er verandert niets',
  access: roles('beheer'), body: grootboekInvoer,
  responses: { 200: { description: 'De grootboekregels', schema: grootboekUitvoer } },
  problems: ['ongeldige-invoer'],
  handler: async ({ deps, actor, body }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({ body: { regels: await zetGrootboek(tx, actor!, body.regels) } })),
});

export const financienRoutes: AnyRoute[] = [batchesMaken, batchesLijst, batchEen, journaalCsv, journaalXlsx, grootboekLezen, grootboekZetten];
