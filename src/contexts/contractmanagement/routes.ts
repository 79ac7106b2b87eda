import { z } from 'zod';
import { defineRoute, idParams, roles, type AnyRoute } from '../../platform/http/route.ts';
import { inGemeente } from '../../platform/tenancy/tx.ts';
import { FIGUUR_IDS } from './rules.ts';
import { aanbiederPagina, clientenVan, vergelijking, wijzigPlafond } from './usecases.ts';

/** Aggregates per provider, no personal data: the contract manager, policy, and the teamleider who drills down to the clients of the team. */
const LEZERS = roles('inkoper', 'beleid', 'teamleider');
/** The clients behind a provider: the teamleider sees names of the households in reach; inkoper and beleid counts per product. */
const CLIENTEN_LEZERS = roles('inkoper', 'beleid', 'teamleider');
const TAG = 'Contractmanagement';

const jaarFilter = z.object({
  jaar: z.coerce.number({ error: 'Geef het jaar als getal, bijv. 2026' }).int('Geef het jaar als geheel getal').min(2000, 'Kies een jaar vanaf 2000').max(2100, 'Kies een jaar vóór 2100').optional(),
});

const signaal = z.enum(['groen', 'oranje', 'rood']).nullable();
const figuur = z.object({ waarde: z.number().nullable(), norm: z.number().nullable(), signaal }).meta({ id: 'ContractFiguur' });
const figuren = z.object(Object.fromEntries(FIGUUR_IDS.map((id) => [id, figuur])) as Record<(typeof FIGUUR_IDS)[number], typeof figuur>);
const definitie = z.object({
  id: z.enum(FIGUUR_IDS), naam: z.string(), uitleg: z.string(), eenheid: z.enum(['aantal', 'aandeel', 'dagen', 'bedrag', 'gemiddelde']),
  richting: z.enum(['hogerIsBeter', 'lagerIsBeter']), norm: z.number().nullable(), marge: z.number(), signaalOpNorm: z.boolean(),
}).meta({ id: 'ContractFiguurDefinitie' });
const aanbiederKort = z.object({ id: z.uuid(), naam: z.string(), agbCode: z.string(), actief: z.boolean() });
const periode = { jaar: z.number().int(), van: z.string(), tot: z.string(), peildatum: z.string() };
const signalen = z.object({ rood: z.number().int(), oranje: z.number().int() });

const vergelijkingUitvoer = z.object({
  ...periode, definities: z.array(definitie),
  rijen: z.array(z.object({ aanbieder: aanbiederKort, figuren, signalen })),
}).meta({ id: 'Contractvergelijking' });

const paginaUitvoer = z.object({
  ...periode, aanbieder: aanbiederKort, definities: z.array(definitie), figuren, signalen,
  contracten: z.array(z.object({ id: z.uuid(), nummer: z.string(), van: z.string(), tot: z.string().nullable(), plafondCents: z.number().int().nullable(), besteedCents: z.number().int() })),
  producten: z.array(z.object({
    productcode: z.string().nullable(), naam: z.string().nullable(), clienten: z.number().int(), voorzieningen: z.number().int(), gemiddeldeDuurDagen: z.number().nullable(),
    besteedCents: z.number().int(),
    prestaties: z.number().int(), afgekeurd: z.number().int(),
  })),
  afkeuringen: z.object({
    prestaties: z.number().int(), afgekeurd: z.number().int(),
    perCode: z.array(z.object({ code: z.string(), tekst: z.string(), aantal: z.number().int(), ingediendCents: z.number().int() })),
  }),
  doorlooptijden: z.object({
    toewijzingTotStart: figuur.extend({ aantal: z.number().int() }),
    verzoekTotAntwoord: figuur.extend({ aantal: z.number().int() }),
  }),
}).meta({ id: 'Contractaanbieder' });

const clientenUitvoer = z.discriminatedUnion('soort', [
  z.object({
    soort: z.literal('clienten'), ...periode, aanbieder: z.object({ id: z.uuid(), naam: z.string() }), totaal: z.number().int(), getoond: z.number().int(),
    rijen: z.array(z.object({
      voorzieningId: z.uuid(), nummer: z.string(), casusId: z.uuid(), naam: z.string(), productcode: z.string().nullable(), productNaam: z.string(),
      begin: z.string(), eind: z.string().nullable(), besteedCents: z.number().int(),
    })),
  }),
  z.object({
    soort: z.literal('aantallen'), ...periode, aanbieder: z.object({ id: z.uuid(), naam: z.string() }),
    rijen: z.array(z.object({ productcode: z.string().nullable(), productNaam: z.string().nullable(), clienten: z.number().int().nullable(), onderdrukt: z.boolean() })),
  }),
]).meta({ id: 'ContractClienten', description: 'De teamleider ziet de cliënten van de huishoudens die hij mag zien (geaudit per persoon); inkoper en beleid zien aantallen per product, kleine aantallen (< 5) onderdrukt.' });

const overzicht = defineRoute({
  method: 'GET', path: '/contractmanagement', tag: TAG,
  summary: 'Alle aanbieders vergeleken over een jaar: cliënten, in- en uitstroom, duur, volume, besteding tegen het plafond, kosten per cliënt, afkeuringen, doorlooptijden en uitkomsten, elk met norm en signaal',
  description: 'Standaard het lopende jaar (tot vandaag). Alleen aantallen en bedragen, geen persoonsgegevens.',
  access: LEZERS, query: jaarFilter,
  responses: { 200: { description: 'De vergelijking', schema: vergelijkingUitvoer } },
  problems: ['ongeldige-invoer'],
  handler: async ({ deps, actor, query }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({ body: await vergelijking(tx, query.jaar) })),
});

const pagina = defineRoute({
  method: 'GET', path: '/contractmanagement/{id}', tag: TAG,
  summary: 'Eén aanbieder over een jaar: de cijfers met norm en signaal, per contract en product, afkeuringen per retourcode en doorlooptijden',
  access: LEZERS, params: idParams, query: jaarFilter,
  responses: { 200: { description: 'De aanbieder', schema: paginaUitvoer } },
  problems: ['niet-gevonden', 'ongeldige-invoer'],
  handler: async ({ deps, actor, params, query }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({ body: await aanbiederPagina(tx, params.id, query.jaar) })),
});

const clienten = defineRoute({
  method: 'GET', path: '/contractmanagement/{id}/clienten', tag: TAG,
  summary: 'De cliënten in zorg bij een aanbieder: namen voor de teamleider (alleen wie hij mag zien, geaudit), aantallen per product voor inkoper en beleid',
  access: CLIENTEN_LEZERS, params: idParams, query: jaarFilter,
  responses: { 200: { description: 'De cliënten of de aantallen', schema: clientenUitvoer } },
  problems: ['niet-gevonden', 'ongeldige-invoer'],
  handler: async ({ deps, actor, params, query }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({ body: await clientenVan(tx, actor!, params.id, query.jaar) })),
});

const plafond = defineRoute({
  method: 'PUT', path: '/contracten/{id}/plafond', tag: TAG,
  summary: 'Het jaarplafond van een contract instellen in centen, of weghalen met null',
  access: roles('inkoper'), params: idParams,
  body: z.object({
    plafondCents: z.number({ error: 'Geef het plafond als bedrag in centen, of null voor geen plafond' })
      .int('Geef het plafond in hele centen').min(0, 'Het plafond kan niet negatief zijn').nullable(),
  }).meta({ id: 'ContractPlafond' }),
  responses: { 200: { description: 'Het contract met het nieuwe plafond', schema: z.object({ contractId: z.uuid(), nummer: z.string(), aanbiederId: z.uuid(), plafondCents: z.number().int().nullable() }) } },
  problems: ['niet-gevonden', 'ongeldige-invoer'],
  handler: async ({ deps, actor, params, body, request }) => inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
    const r = await wijzigPlafond(tx, actor!, params.id, body.plafondCents);
    request.log.info({ event: 'contractplafond_gewijzigd', contractId: r.contractId }, 'contractplafond_gewijzigd');
    return { body: r };
  }),
});

export const contractmanagementRoutes: AnyRoute[] = [overzicht, pagina, clienten, plafond];
