import { z } from 'zod';
import { ROLLEN } from '../../platform/auth/roles.ts';
import { Problem, notFound } from '../../platform/http/problem.ts';
import { defineRoute, idParams, publicAccess, roles, type AnyRoute } from '../../platform/http/route.ts';
import { inGemeente, type Tx } from '../../platform/tenancy/tx.ts';
import { catalogusDomeinNaam, controleerItem, controleerProduct, leefgebiedNaam, productcategorieenVan, tredeNaam, type ProductFout, type Trede } from './rules.ts';
import { catalogusFilter, catalogusInvoer, catalogusUitvoer, leefgebied } from './schemas.ts';
import { getCatalogusItem, insertCatalogusItems, kernIdsBestaan, naamBestaat, updateCatalogusItem, zoekCatalogus, type CatalogusItem } from './store.ts';

export const catalogusResource = (i: CatalogusItem): z.infer<typeof catalogusUitvoer> => ({
  ...i, domeinNaam: catalogusDomeinNaam[i.domein], tredeNaam: tredeNaam[i.trede],
  leefgebieden: i.leefgebieden.map((code) => ({ code, naam: leefgebiedNaam[code] })),
  productcategorieNaam: i.productcategorie ? productcategorieenVan(i.domein)?.[i.productcategorie] ?? null : null,
});

const foutTekst = {
  'maatwerk-vraagt-beschikking': 'Een maatwerkvoorziening (trede 4) gaat altijd via een beschikking.',
  'limiet-alleen-zonder-beschikking': 'Een grens voor inzet zonder beschikking past alleen bij producten zonder beschikking.',
  'voorliggend-zonder-beschikking': 'Het voorliggend veld is vrij toegankelijk: zonder beschikking.',
} as const;

const productFoutTekst: Record<ProductFout, string> = {
  'product-zonder-beschikking': 'Alleen een product dat met een beschikking wordt toegekend, verwijst naar een gecontracteerd product.',
  'productcode-ontbreekt': 'Geef de productcode bij de productcategorie.',
  'productcode-ongeldig': 'Een productcode is 5 tekens: cijfers en hoofdletters, bijvoorbeeld 01A01.',
  'productcategorie-ontbreekt': 'Kies de productcategorie van de iStandaard bij deze wet.',
  'productcategorie-ongeldig': 'Deze productcategorie hoort niet bij de wet van het product (Wmo: WMO020, Jeugdwet: JZ020; andere wetten hebben er geen).',
};

async function controleer(tx: Tx, body: z.infer<typeof catalogusInvoer>, id?: string) {
  const fout = controleerItem({ ...body, trede: body.trede as Trede });
  if (fout) throw new Problem('catalogus-ongeldig', foutTekst[fout], [{ name: fout === 'limiet-alleen-zonder-beschikking' ? 'limiet' : 'beschikkingNodig', code: fout, reason: foutTekst[fout] }]);
  const product = controleerProduct(body);
  if (product) throw new Problem('catalogus-ongeldig', productFoutTekst[product.fout], [{ name: product.veld, code: product.fout, reason: productFoutTekst[product.fout] }]);
  if (!(await kernIdsBestaan(tx, body.kernIds))) throw new Problem('ongeldige-invoer', 'Een van de kernen bestaat niet.', [{ name: 'kernIds', code: 'onbekend', reason: 'Kies kernen uit de lijst' }]);
  if (await naamBestaat(tx, body.naam, id)) throw new Problem('conflict', `Er is al een product met de naam '${body.naam}'.`, [{ name: 'naam', code: 'bestaat-al', reason: 'Kies een andere naam' }]);
}

const zoeken = defineRoute({
  method: 'GET', path: '/catalogus', tag: 'Catalogus', summary: 'Producten en diensten (PDC en sociale kaart), te zoeken op behoefte, leefgebied, kern, domein en trede',
  access: roles(...ROLLEN),
  query: catalogusFilter,
  responses: { 200: { description: 'De producten, laagste trede eerst', schema: z.array(catalogusUitvoer) } },
  problems: ['ongeldige-invoer'],
  handler: async ({ deps, actor, query }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({
      body: (await zoekCatalogus(tx, { ...query, kernId: query.kern, inclusiefInactief: actor!.rol === 'beheer' })).map(catalogusResource),
    })),
});

const een = defineRoute({
  method: 'GET', path: '/catalogus/{id}', tag: 'Catalogus', summary: 'Eén product of dienst',
  access: roles(...ROLLEN), params: idParams,
  responses: { 200: { description: 'Het product', schema: catalogusUitvoer } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const i = await getCatalogusItem(tx, params.id);
      if (!i) throw notFound('Dit product');
      return { body: catalogusResource(i) };
    }),
});

const nieuw = defineRoute({
  method: 'POST', path: '/catalogus', tag: 'Catalogus', summary: 'Een product of dienst toevoegen', access: roles('beheer'),
  body: catalogusInvoer,
  responses: { 201: { description: 'Het nieuwe product', schema: catalogusUitvoer } },
  problems: ['ongeldige-invoer', 'catalogus-ongeldig', 'conflict'],
  handler: async ({ deps, actor, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      await controleer(tx, body);
      const [id] = await insertCatalogusItems(tx, actor!.gemeenteId, [{ ...body, trede: body.trede as Trede }]);
      return { status: 201, headers: { location: `/api/v1/catalogus/${id}` }, body: catalogusResource((await getCatalogusItem(tx, id!))!) };
    }),
});

const wijzig = defineRoute({
  method: 'PUT', path: '/catalogus/{id}', tag: 'Catalogus', summary: 'Een product of dienst wijzigen (of op inactief zetten)', access: roles('beheer'),
  params: idParams, body: catalogusInvoer,
  responses: { 200: { description: 'Het product', schema: catalogusUitvoer } },
  problems: ['niet-gevonden', 'ongeldige-invoer', 'catalogus-ongeldig', 'conflict'],
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      if (!(await getCatalogusItem(tx, params.id))) throw notFound('Dit product');
      await controleer(tx, body, params.id);
      await updateCatalogusItem(tx, params.id, { ...body, trede: body.trede as Trede });
      return { body: catalogusResource((await getCatalogusItem(tx, params.id))!) };
    }),
});

const publiek = defineRoute({
  method: 'GET', path: '/publiek/gemeenten/{code}/voorliggend-veld', tag: 'Publiek',
  summary: 'De sociale kaart voor inwoners: wat er zonder aanvraag te vinden is (voorliggend veld en zelfhulp)',
  access: publicAccess,
  params: z.object({ code: z.string().regex(/^[a-z0-9-]{1,50}$/) }),
  query: z.object({ leefgebied: leefgebied.optional(), kern: z.uuid().optional(), zoek: z.string().trim().max(100).optional() }),
  responses: {
    200: {
      description: 'De gemeente, haar kernen en het voorliggend veld',
      schema: z.object({
        gemeente: z.string(), kernen: z.array(z.object({ id: z.uuid(), naam: z.string() })),
        resultaten: z.array(catalogusUitvoer.pick({ id: true, naam: true, omschrijving: true, aanbieder: true, kernen: true, leefgebieden: true })),
      }).meta({ id: 'SocialeKaart' }),
    },
  },
  problems: ['niet-gevonden'],
  handler: async ({ deps, params, query }) => {
    const g = await deps.db.selectFrom('gemeenten').select(['id', 'naam']).where('code', '=', params.code).executeTakeFirst();
    if (!g) throw notFound('Deze gemeente');
    return inGemeente(deps.db, g.id, async (tx) => {
      const items = await zoekCatalogus(tx, { vrijToegankelijk: true, leefgebied: query.leefgebied, kernId: query.kern, zoek: query.zoek });
      const kernen = await tx.selectFrom('kernen').select(['id', 'naam']).orderBy('naam').execute();
      return {
        body: {
          gemeente: g.naam, kernen,
          resultaten: items.map((i) => {
            const r = catalogusResource(i);
            return { id: r.id, naam: r.naam, omschrijving: r.omschrijving, aanbieder: r.aanbieder, kernen: r.kernen, leefgebieden: r.leefgebieden };
          }),
        },
      };
    });
  },
});

export const catalogusRoutes: AnyRoute[] = [zoeken, een, nieuw, wijzig, publiek];
