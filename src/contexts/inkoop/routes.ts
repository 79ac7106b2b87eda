import { z } from 'zod';
import { Problem, notFound } from '../../platform/http/problem.ts';
import { defineRoute, idParams, roles, type AnyRoute } from '../../platform/http/route.ts';
import { inGemeente } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import {
  aanbiederFilter, aanbiederInvoer, aanbiederUitvoer, aanbiederWijziging, contractInvoer, contractKortUitvoer, contractProductUitvoer, contractUitvoer,
  exportFilter, gecontracteerdFilter, gecontracteerdUitvoer, productenVanWetFilter, productVanWetUitvoer, importFilter, importInvoer, importVerslag, maandbedragInvoer, pgbInvoer, pgbUitvoer, productInvoer,
  resultaatTabelInvoer, resultaatTariefUitvoer, tariefInvoer, tarievenFilter,
} from './schemas.ts';
import { getAanbieder, productenVanWetOp, zoekAanbieders } from './store.ts';
import { TabelOnleesbaar, leesCsv, leesXlsx, naarCsv, naarXlsx } from './tabel.ts';
import {
  contractProduct, contractVan, contracten, gecontracteerd, importeerProducten, maakAanbieder, maakContract, pgbTarieven, productTabel, resultaatTarieven,
  voegProductToe, wijzigAanbieder, zetMaandbedrag, zetPgbTarief, zetResultaatTarieven, zetTarief,
} from './usecases.ts';
import { lopendeVoorzieningenVanAanbieder } from '../voorziening/index.ts';

// Inkoop holds no personal data: the people who steer, decide and choose a provider may read it.
const LEZERS = roles('inkoper', 'beleid', 'beheer', 'regisseur', 'teamleider', 'beslisser');
const SCHRIJVER = roles('inkoper');
const TAG = 'Inkoop';

const aanbiedersLijst = defineRoute({
  method: 'GET', path: '/aanbieders', tag: TAG, summary: 'Aanbieders, te zoeken op naam, AGB-code of plaats, wet en actief',
  access: LEZERS, query: aanbiederFilter,
  responses: { 200: { description: 'De aanbieders op naam', schema: z.array(aanbiederUitvoer) } },
  handler: async ({ deps, actor, query }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({ body: await zoekAanbieders(tx, query) })),
});

const aanbiederNieuw = defineRoute({
  method: 'POST', path: '/aanbieders', tag: TAG, summary: 'Een aanbieder vastleggen (AGB-code en KvK-nummer van 8 cijfers)', access: SCHRIJVER,
  body: aanbiederInvoer,
  responses: { 201: { description: 'De nieuwe aanbieder', schema: aanbiederUitvoer } },
  problems: ['ongeldige-invoer', 'conflict'],
  handler: async ({ deps, actor, body, request }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
    const a = await maakAanbieder(tx, actor!, body);
    request.log.info({ event: 'aanbieder_aangemaakt', aanbiederId: a.id }, 'aanbieder_aangemaakt');
    return { status: 201, headers: { location: `/api/v1/aanbieders/${a.id}` }, body: a };
  }),
});

const aanbiederEen = defineRoute({
  method: 'GET', path: '/aanbieders/{id}', tag: TAG, summary: 'Eén aanbieder', access: LEZERS, params: idParams,
  responses: { 200: { description: 'De aanbieder', schema: aanbiederUitvoer } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
    const a = await getAanbieder(tx, params.id);
    if (!a) throw notFound('Deze aanbieder');
    return { body: a };
  }),
});

const aanbiederWijzig = defineRoute({
  method: 'PATCH', path: '/aanbieders/{id}', tag: TAG, summary: 'Gegevens van een aanbieder wijzigen (alleen de meegestuurde velden)', access: SCHRIJVER,
  params: idParams, body: aanbiederWijziging,
  responses: { 200: { description: 'De aanbieder', schema: aanbiederUitvoer } },
  problems: ['niet-gevonden', 'ongeldige-invoer', 'conflict'],
  handler: async ({ deps, actor, params, body }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({ body: await wijzigAanbieder(tx, actor!, params.id, body) })),
});

const aanbiederVoorzieningen = defineRoute({
  method: 'GET', path: '/aanbieders/{id}/voorzieningen', tag: TAG,
  summary: 'De lopende voorzieningen van een aanbieder (toegewezen of gestart), zonder persoonsgegevens: nummer, product, periode, status en budget',
  access: roles('inkoper', 'beleid'), params: idParams,
  responses: {
    200: {
      description: 'De lopende voorzieningen',
      schema: z.array(z.object({
        id: z.uuid(), nummer: z.string(), wet: z.string(), productcode: z.string().nullable(), productNaam: z.string(), begin: z.string(), eind: z.string().nullable(),
        status: z.string(), budgetCents: z.number().int(), budgetTot: z.string(), jaarbedragCents: z.number().int(), contractProductId: z.uuid().nullable(),
      }).meta({ id: 'LopendeVoorziening' })),
    },
  },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
    if (!(await getAanbieder(tx, params.id))) throw notFound('Deze aanbieder');
    return { body: await lopendeVoorzieningenVanAanbieder(tx, params.id) };
  }),
});

const contractNieuw = defineRoute({
  method: 'POST', path: '/contracten', tag: TAG,
  summary: 'Een contract met een aanbieder (de hoofdaannemer), eventueel onderaannemers, en per product de codes, de bekostiging en het tarief vanaf de begindatum',
  access: SCHRIJVER, body: contractInvoer,
  responses: { 201: { description: 'Het nieuwe contract', schema: contractUitvoer } },
  problems: ['ongeldige-invoer', 'conflict'],
  handler: async ({ deps, actor, body, request }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
    const c = await maakContract(tx, actor!, body);
    request.log.info({ event: 'contract_aangemaakt', contractId: c.id, producten: c.producten.length }, 'contract_aangemaakt');
    return { status: 201, headers: { location: `/api/v1/contracten/${c.id}` }, body: c };
  }),
});

const contractenLijst = defineRoute({
  method: 'GET', path: '/contracten', tag: TAG, summary: 'Contracten, nieuwste eerst; met aanbiederId die van één aanbieder (als hoofd- of onderaannemer)',
  access: LEZERS, query: z.object({ aanbiederId: z.uuid('Kies een aanbieder uit de lijst').optional() }),
  responses: { 200: { description: 'De contracten', schema: z.array(contractKortUitvoer) } },
  handler: async ({ deps, actor, query }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({ body: await contracten(tx, query) })),
});

const contractEen = defineRoute({
  method: 'GET', path: '/contracten/{id}', tag: TAG, summary: 'Eén contract met zijn producten en hun hele tariefgeschiedenis', access: LEZERS, params: idParams,
  responses: { 200: { description: 'Het contract', schema: contractUitvoer } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
    const c = await contractVan(tx, params.id);
    if (!c) throw notFound('Dit contract');
    return { body: c };
  }),
});

const productNieuw = defineRoute({
  method: 'POST', path: '/contracten/{id}/producten', tag: TAG, summary: 'Een product aan een contract toevoegen; het tarief geldt vanaf van (anders de begindatum van het contract)',
  access: SCHRIJVER, params: idParams, body: productInvoer.extend({ van: tariefInvoer.shape.van.optional() }),
  responses: { 201: { description: 'Het product met zijn tarief', schema: contractProductUitvoer } },
  problems: ['niet-gevonden', 'ongeldige-invoer', 'conflict'],
  handler: async ({ deps, actor, params, body }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({ status: 201, body: await voegProductToe(tx, actor!, params.id, body) })),
});

const tariefNieuw = defineRoute({
  method: 'POST', path: '/contractproducten/{id}/tarieven', tag: TAG,
  summary: 'Een nieuw tarief vanaf een datum; het vorige tarief eindigt de dag ervoor (dezelfde begindatum corrigeert het laatste tarief)',
  access: SCHRIJVER, params: idParams, body: tariefInvoer,
  responses: { 201: { description: 'Het product met de hele tariefgeschiedenis', schema: contractProductUitvoer } },
  problems: ['niet-gevonden', 'ongeldige-invoer', 'tariefperiode-overlapt'],
  handler: async ({ deps, actor, params, body }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({ status: 201, body: await zetTarief(tx, actor!, params.id, body) })),
});

const maandbedragZet = defineRoute({
  method: 'PATCH', path: '/contractproducten/{id}', tag: TAG,
  summary: 'Het vaste bedrag per maand van een taakgericht product wijzigen; de betaalrun betaalt het vanaf de eerstvolgende maand die nog niet betaald is',
  access: SCHRIJVER, params: idParams, body: maandbedragInvoer,
  responses: { 200: { description: 'Het product', schema: contractProductUitvoer } },
  problems: ['niet-gevonden', 'ongeldige-invoer'],
  handler: async ({ deps, actor, params, body }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({ body: await zetMaandbedrag(tx, actor!, params.id, body) })),
});

const contractProductEen = defineRoute({
  method: 'GET', path: '/contractproducten/{id}', tag: TAG, summary: 'Eén contractproduct met zijn tariefgeschiedenis', access: LEZERS, params: idParams,
  responses: { 200: { description: 'Het product', schema: contractProductUitvoer } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
    const p = await contractProduct(tx, params.id);
    if (!p) throw notFound('Dit contractproduct');
    return { body: p };
  }),
});

const resultaatLijst = defineRoute({
  method: 'GET', path: '/resultaattarieven', tag: TAG,
  summary: 'De resultaatgerichte tabellen (Jeugd: profiel × intensiteit; Wmo-begeleiding: complexiteit × intensiteit × duur), met alle versies; met datum alleen die dan gelden',
  access: LEZERS, query: tarievenFilter,
  responses: { 200: { description: 'De regels van de tabellen', schema: z.array(resultaatTariefUitvoer) } },
  handler: async ({ deps, actor, query }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({ body: await resultaatTarieven(tx, query) })),
});

const resultaatZet = defineRoute({
  method: 'PUT', path: '/resultaattarieven', tag: TAG,
  summary: 'Een nieuwe versie van de resultaattabel van één product vanaf van; de vorige versie eindigt de dag ervoor',
  access: SCHRIJVER, body: resultaatTabelInvoer,
  responses: { 200: { description: 'Alle versies van de tabel van dit product', schema: z.array(resultaatTariefUitvoer) } },
  problems: ['ongeldige-invoer', 'tariefperiode-overlapt'],
  handler: async ({ deps, actor, body }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({ body: await zetResultaatTarieven(tx, actor!, body) })),
});

const pgbLijst = defineRoute({
  method: 'GET', path: '/pgbtarieven', tag: TAG, summary: 'De pgb-tarieven per product, met hun geschiedenis', access: LEZERS,
  query: tarievenFilter.omit({ datum: true }),
  responses: { 200: { description: 'De pgb-tarieven', schema: z.array(pgbUitvoer) } },
  handler: async ({ deps, actor, query }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({ body: await pgbTarieven(tx, query) })),
});

const pgbZet = defineRoute({
  method: 'PUT', path: '/pgbtarieven', tag: TAG, summary: 'Een pgb-tarief voor een product vanaf van; het vorige eindigt de dag ervoor', access: SCHRIJVER,
  body: pgbInvoer,
  responses: { 200: { description: 'De pgb-tarieven van dit product', schema: z.array(pgbUitvoer) } },
  problems: ['ongeldige-invoer', 'tariefperiode-overlapt'],
  handler: async ({ deps, actor, body }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({ body: await zetPgbTarief(tx, actor!, body) })),
});

const gecontracteerdLijst = defineRoute({
  method: 'GET', path: '/gecontracteerd', tag: TAG,
  summary: 'Wie een product levert op een datum (standaard vandaag): aanbieder, tarief, capaciteit en lopende voorzieningen — voor de keuze van de aanbieder',
  access: LEZERS, query: gecontracteerdFilter,
  responses: { 200: { description: 'De gecontracteerde aanbieders op naam', schema: z.array(gecontracteerdUitvoer) } },
  handler: async ({ deps, actor, query }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({
    body: await gecontracteerd(tx, { wet: query.wet, productcode: query.productcode.toUpperCase(), datum: query.datum ?? vandaag() }),
  })),
});

const gecontracteerdeProducten = defineRoute({
  method: 'GET', path: '/gecontracteerde-producten', tag: TAG,
  summary: 'De producten van een wet die een actieve aanbieder op een datum (standaard vandaag) onder contract heeft, één keer per productcode — de keuze bij een besluit als het catalogusproduct geen productcode noemt',
  access: LEZERS, query: productenVanWetFilter,
  responses: { 200: { description: 'De gecontracteerde producten, op naam', schema: z.array(productVanWetUitvoer) } },
  handler: async ({ deps, actor, query }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({
    body: await productenVanWetOp(tx, query.wet, query.datum ?? vandaag()),
  })),
});

const bestandsnaam = (nummer: string, ext: string) => `producten-${nummer.replace(/[^A-Za-z0-9-]/g, '_')}.${ext}`;

const exportCsv = defineRoute({
  method: 'GET', path: '/contracten/{id}/producten.csv', tag: TAG,
  summary: "De producttabel als CSV: puntkomma's, kopregel, UTF-8 met BOM, tarief in euro's met een komma (het tarief dat op datum geldt, standaard vandaag)",
  access: LEZERS, params: idParams, query: exportFilter,
  responses: { 200: { description: 'De producttabel', contentType: 'text/csv' } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params, query }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
    const c = await contractVan(tx, params.id);
    if (!c) throw notFound('Dit contract');
    const rijen = (await productTabel(tx, params.id, query.datum ?? vandaag()))!;
    return {
      body: naarCsv(rijen),
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${bestandsnaam(c.nummer, 'csv')}"` },
    };
  }),
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const exportXlsx = defineRoute({
  method: 'GET', path: '/contracten/{id}/producten.xlsx', tag: TAG, summary: 'De producttabel als Excel-werkmap (zelfde kolommen als de CSV)',
  access: LEZERS, params: idParams, query: exportFilter,
  responses: { 200: { description: 'De producttabel', contentType: XLSX_TYPE } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params, query }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
    const c = await contractVan(tx, params.id);
    if (!c) throw notFound('Dit contract');
    const rijen = (await productTabel(tx, params.id, query.datum ?? vandaag()))!;
    return {
      body: await naarXlsx(rijen, `Producten contract ${c.nummer}`),
      headers: { 'content-type': XLSX_TYPE, 'content-disposition': `attachment; filename="${bestandsnaam(c.nummer, 'xlsx')}"` },
    };
  }),
});

const importeer = defineRoute({
  method: 'POST', path: '/contracten/{id}/producten/import', tag: TAG,
  summary: 'Een producttabel (CSV of XLSX, als base64) inlezen: elke regel wordt gecontroleerd; het verslag noemt per afgewezen regel het veld en de reden',
  description: 'Kolommen (kopregel, hoofdletters maken niet uit): Wet, Productcategorie, Productcode, Naam, Eenheid (WJ756), Frequentie (WMO757), Bekostiging, '
    + "Tarief (euro) — of TariefCents —, Van, Resultaatgericht (ja/nee), Capaciteit, Bedrag per maand (euro; verplicht bij taakgericht — zonder deze kolom "
    + "houdt een bekend product zijn bedrag). CSV met puntkomma's (Excel NL), UTF-8 met of zonder BOM. "
    + 'Een bekend product (zelfde wet en productcode) wordt bijgewerkt; een ander tarief gaat in vanaf Van en sluit het vorige af. '
    + 'Met alles-of-niets=true (standaard) wordt niets opgeslagen zodra één regel is afgewezen.',
  access: SCHRIJVER, params: idParams, query: importFilter, body: importInvoer,
  responses: { 200: { description: 'Het verslag', schema: importVerslag } },
  problems: ['niet-gevonden', 'ongeldige-invoer'],
  handler: async ({ deps, actor, params, query, body, request }) => {
    const bytes = Buffer.from(body.bestand, 'base64');
    let tabel;
    try {
      tabel = body.formaat === 'csv' ? leesCsv(bytes) : await leesXlsx(bytes);
    } catch (e) {
      if (e instanceof TabelOnleesbaar) throw new Problem('ongeldige-invoer', e.message, [{ name: 'bestand', code: 'onleesbaar', reason: e.message }]);
      throw e;
    }
    const verslag = await inGemeente(deps.db, actor!.gemeenteId, (tx) => importeerProducten(tx, actor!, params.id, tabel, { allesOfNiets: query['alles-of-niets'] }));
    request.log.info({ event: 'producttabel_geimporteerd', contractId: params.id, toegevoegd: verslag.toegevoegd, gewijzigd: verslag.gewijzigd, afgewezen: verslag.afgewezen.length },
      'producttabel_geimporteerd');
    return { body: verslag };
  },
});

export const inkoopRoutes: AnyRoute[] = [
  aanbiedersLijst, aanbiederNieuw, aanbiederEen, aanbiederWijzig, aanbiederVoorzieningen, contractNieuw, contractenLijst, contractEen, productNieuw, tariefNieuw, maandbedragZet, contractProductEen,
  resultaatLijst, resultaatZet, pgbLijst, pgbZet, gecontracteerdLijst, gecontracteerdeProducten, exportCsv, exportXlsx, importeer,
];
