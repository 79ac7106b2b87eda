import { z } from 'zod';
import { Problem, notFound } from '../../platform/http/problem.ts';
import { keysetLijst, leesCursor, leesCursorVan } from '../../platform/http/keyset.ts';
import { defineRoute, idParams, roles, type AnyRoute } from '../../platform/http/route.ts';
import { inGemeente, type Actor, type Tx } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { huishoudenLeden, volledigeNaam } from '../inwoners/index.ts';
import { aanvraagPartijen, aanvraagPartijenVan, aanvraagPartijenVanAlle, type PartijenVanAanvraag } from '../inwoners/index.ts';
import { arrangementVanPlan, doelenVanPlan, planVanCasus } from '../plan/index.ts';
import { eisDossierToegang } from '../privacy/index.ts';
import { termijnConfig, termijnen, termijnenVanAanvragen, termijnenVanBezwaren, termijnResource } from '../toegang/index.ts';
import { termijnUitvoer } from '../toegang/index.ts';
import {
  BEZWAAR_STATUSSEN, BEZWAAR_UITKOMSTEN, OPEN_BEZWAAR_STATUSSEN, aanvraagStatusNaam, bezwaarStappen, bezwaarStapToegestaan, bezwaarStatusNaam, bezwaarUitkomstNaam,
  bezwaarVierOgen, leveringsvormNaam, trekSteekproef, uitkomstNaam, type BezwaarStap, type BezwaarStatus,
} from './rules.ts';
import {
  aanvraagFilter, aanvraagInvoer, aanvraagTermijnWijziging, beoordelingInvoer, besluitInvoer, bezwaarAdviesInvoer, bezwaarBeslissingInvoer, bezwaarFilter, bezwaarInvoer,
  bezwaarIntrekkingInvoer, bezwaarVerdagingInvoer, herzieningInvoer, hoorzittingInvoer, procescoordinatieInvoer, rechtstreeksInvoer, steekproefBeoordeling, steekproefInvoer,
  toetsInvoer,
} from './schemas.ts';
import {
  beschikkingVanAanvraag, beschikkingenVanHuishouden, bezwaarVanHerziening, bezwarenVanBeschikking, getBezwaar, historieVanBezwaar, getAanvraag, getBeschikking,
  getSteekproef, historieVanAanvraag, insertSteekproef, lijstGegevensVanAanvragen, procescoordinatieVanCasus, productenVanAanvraag, steekproefOpMaand,
  steekproefPerTeam, verzondenBrief, verzondenInMaand, aanvragenOpTermijn, type Aanvraag, type AanvraagSleutel, type Beschikking, type Bezwaar,
} from './store.ts';
import {
  beoordeel, beschikkingBrief, beslisOpBezwaar, besluitInstellingen, beslis, dienAanvraagIn, dienRechtstreeksIn, herzie, instellingenSchema, legAdviesVast, legHoorzittingVast,
  leesBezwaar, registreerBezwaar, toets, trekBezwaarIn, verdaagBezwaar, verzend,
} from './usecases.ts';
import {
  beoordeelSteekproefItem, leesAanvraag, leesAanvragen, leesBeschikking, leesBezwaarBrief, leesBezwaren, leesMijnCoordinatie, schortBeslistermijnOp, verdaagBeslistermijn,
  zetProcescoordinatieVanCasus,
} from './usecases-dossier.ts';
import { bewaarCorrespondentie, correspondentie, correspondentieSchema } from '../../platform/pdf/correspondentie.ts';

const ref = z.object({ id: z.uuid(), naam: z.string() }).nullable();
const aanvraagUitvoer = z.object({
  id: z.uuid(), nummer: z.string(), casus: z.object({ id: z.uuid(), nummer: z.string() }), huishoudenId: z.uuid(),
  persoon: z.object({ id: z.uuid(), naam: z.string() }), bron: z.enum(['plan', 'inwoner', 'herziening']), herzieningVan: z.uuid().nullable(),
  ontvangenOp: z.string(), status: z.string(), statusNaam: z.string(), toelichting: z.string().nullable(),
  voorbereidDoor: ref, getoetstDoor: ref, beoordeeldDoor: ref, eersteBeslisser: ref, beslotenDoor: ref,
  wachtOpTweedeBeslisser: z.boolean(),
  termijnen: z.array(z.unknown()),
  beschikkingId: z.uuid().nullable(),
  ...aanvraagPartijen,
  naBezwaar: z.object({ id: z.uuid(), nummer: z.string() }).nullable().describe('Een herziening die volgt uit een (deels) gegrond bezwaar'),
}).meta({ id: 'Aanvraag' });

/** `lijst`: what a list page read for all its rows at once (beschikking, herziening, terms, parties); without it, read for this one aanvraag. */
async function aanvraagResource(tx: Tx, a: Aanvraag, lijst?: {
  gegevens: Awaited<ReturnType<typeof lijstGegevensVanAanvragen>>; termijnen: Awaited<ReturnType<typeof termijnenVanAanvragen>>; partijen: Map<string, PartijenVanAanvraag>;
}) {
  const gegevens = lijst?.gegevens.get(a.id);
  const beschikkingId = gegevens ? gegevens.beschikkingId : (await beschikkingVanAanvraag(tx, a.id))?.id ?? null;
  return {
    id: a.id, nummer: a.nummer, casus: { id: a.casusId, nummer: a.casusNummer }, huishoudenId: a.huishoudenId, persoon: { id: a.persoonId, naam: a.persoonNaam },
    bron: a.bron, herzieningVan: a.herzieningVan, ontvangenOp: a.ontvangenOp, status: a.status, statusNaam: aanvraagStatusNaam[a.status], toelichting: a.toelichting,
    ...(lijst?.partijen.get(a.id) ?? await aanvraagPartijenVan(tx, a)),
    voorbereidDoor: a.voorbereidDoor, getoetstDoor: a.getoetstDoor, beoordeeldDoor: a.beoordeeldDoor, eersteBeslisser: a.eersteBeslisser, beslotenDoor: a.beslotenDoor,
    wachtOpTweedeBeslisser: a.status === 'beoordeeld' && a.eersteBeslisser !== null,
    termijnen: (lijst ? lijst.termijnen.filter((t) => t.aanvraagId === a.id) : await termijnenVanAanvragen(tx, [a.id])).map((t) => ({ ...termijnResource(t), wet: t.wet })),
    beschikkingId,
    naBezwaar: gegevens ? gegevens.naBezwaar : (await bezwaarVanHerziening(tx, a.id)) ?? null,
  };
}

/** The beslisser sees the whole household: members, the plan with goals and the arrangement by rung, and every law's products. */
async function aanvraagDetail(tx: Tx, a: Aanvraag) {
  const leden = await huishoudenLeden(tx, a.huishoudenId);
  const plan = await planVanCasus(tx, a.casusId);
  const [doelen, items] = plan ? await Promise.all([doelenVanPlan(tx, plan.id), arrangementVanPlan(tx, plan.id)]) : [[], []];
  return {
    ...(await aanvraagResource(tx, a)),
    beoordeling: a.beoordeling, toets: a.toets,
    huishouden: leden.map((l) => ({ id: l.id, naam: volledigeNaam(l), geboortedatum: l.geboortedatum })),
    producten: await productenVanAanvraag(tx, a.id),
    plan: plan ? {
      status: plan.status, instemming: plan.instemming,
      doelen: doelen.map((d) => ({ id: d.id, leefgebied: d.leefgebied, omschrijving: d.omschrijving, meetbaarResultaat: d.meetbaarResultaat, status: d.status })),
      arrangement: items.map((i) => ({
        id: i.id, doelId: i.doelId, trede: i.trede, naam: i.catalogusItem?.naam ?? i.omschrijving, aanbieder: i.catalogusItem?.aanbieder ?? null,
        motivering: i.motivering, status: i.status,
      })),
    } : null,
    historie: (await historieVanAanvraag(tx, a.id)).map((h) => ({ ...h, moment: new Date(h.moment).toISOString() })),
  };
}

const beschikkingUitvoer = z.object({
  id: z.uuid(), nummer: z.string(), aanvraagId: z.uuid(), herzieningVan: z.uuid().nullable(), status: z.enum(['besloten', 'verzonden']),
  motivering: z.string(), beslotenOp: z.string(), verzondenOp: z.string().nullable(),
  bezwaarTermijnEinde: z.string().describe('Laatste dag om bezwaar te maken (6 weken na verzending, Atw); vóór verzending: als zij vandaag wordt verzonden'),
  pdfHash: z.string().nullable(),
  producten: z.array(z.object({
    omschrijving: z.string(), wet: z.string(), arrangementItemId: z.uuid().nullable(), uitkomst: z.string(), uitkomstNaam: z.string(), grondslag: z.string(),
    omvang: z.number().nullable(), eenheid: z.string().nullable(), periode: z.string().nullable(), ingangsdatum: z.string().nullable(), einddatum: z.string().nullable(),
    leveringsvorm: z.string().nullable(), leveringsvormNaam: z.string().nullable(), eigenBijdrage: z.string().nullable(),
    // The decision form shows the computed budget after deciding (issue 13): null for a refusal and for decisions from before.
    productcode: z.string().nullable(), budgetCents: z.number().int().nullable(),
  })),
  bezwaren: z.array(z.object({
    id: z.uuid(), nummer: z.string(), ontvangenOp: z.string(), omschrijving: z.string(), tijdig: z.boolean(), beslistermijnEinde: z.string(), status: z.string(),
    statusNaam: z.string(), uitkomst: z.string().nullable(),
  })),
}).meta({ id: 'Beschikking' });

async function voorlopigBezwaarEinde(tx: Tx): Promise<string> {
  const config = await termijnConfig(tx);
  return termijnen.atwEinddatum(vandaag(), termijnen.nominaleEinddatum(vandaag(), config.bezwaar.duur));
}

async function beschikkingResource(tx: Tx, b: Beschikking): Promise<z.infer<typeof beschikkingUitvoer>> {
  return {
    id: b.id, nummer: b.nummer, aanvraagId: b.aanvraagId, herzieningVan: b.herzieningVan, status: b.verzondenOp ? 'verzonden' : 'besloten', motivering: b.motivering,
    beslotenOp: new Date(b.beslotenOp).toISOString(), verzondenOp: b.verzondenOp, bezwaarTermijnEinde: b.bezwaarTermijnEinde ?? await voorlopigBezwaarEinde(tx), pdfHash: b.pdfHash,
    producten: b.producten.map((p) => ({
      omschrijving: p.omschrijving, wet: p.wet, arrangementItemId: p.arrangementItemId, uitkomst: p.uitkomst, uitkomstNaam: uitkomstNaam[p.uitkomst], grondslag: p.grondslag,
      omvang: p.omvang, eenheid: p.eenheid, periode: p.periode, ingangsdatum: p.ingangsdatum, einddatum: p.einddatum, leveringsvorm: p.leveringsvorm,
      leveringsvormNaam: p.leveringsvorm ? leveringsvormNaam[p.leveringsvorm] : null, eigenBijdrage: p.eigenBijdrage,
      productcode: p.productcode ?? null, budgetCents: p.budgetCents ?? null,
    })),
    bezwaren: (await bezwarenVanBeschikking(tx, b.id)).map((x) => ({
      id: x.id, nummer: x.nummer, ontvangenOp: x.ontvangen_op, omschrijving: x.omschrijving, tijdig: x.tijdig, beslistermijnEinde: x.beslistermijn_einde, status: x.status,
      statusNaam: bezwaarStatusNaam[x.status as BezwaarStatus] ?? x.status, uitkomst: x.uitkomst,
    })),
  };
}

/** An aanvraag; with an actor, only inside the household's circle (the one access rule: 403 outside it). */
async function aanvraag(tx: Tx, id: string, actor?: Actor) {
  const a = await getAanvraag(tx, id);
  if (!a) throw notFound('Deze aanvraag');
  if (actor) await eisDossierToegang(tx, actor, { huishoudenId: a.huishoudenId });
  return a;
}

const lezers = roles('beslisser', 'regisseur', 'teamleider');

const indienen = defineRoute({
  method: 'POST', path: '/aanvragen', tag: 'Besluit', summary: 'Een aanvraag indienen voor onderdelen van het arrangement die een beschikking nodig hebben',
  description: 'Eén aanvraag per huishouden, over alle wetten heen. Start per wet de beslistermijn (Wmo 2 weken, andere wetten 8 weken).',
  access: roles('regisseur', 'teamleider'), body: aanvraagInvoer,
  responses: { 201: { description: 'De aanvraag met haar termijnen', schema: aanvraagUitvoer } },
  problems: ['ongeldige-invoer', 'niet-gevonden', 'niet-uw-casus', 'conflict'],
  handler: async ({ deps, actor, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const id = await dienAanvraagIn(tx, actor!, body, vandaag());
      const a = await aanvraag(tx, id);
      return { status: 201, headers: { location: `/api/v1/aanvragen/${id}` }, body: await aanvraagResource(tx, a) };
    }),
});

const rechtstreeks = defineRoute({
  method: 'POST', path: '/aanvragen/rechtstreeks', tag: 'Besluit', summary: 'Een aanvraag die de inwoner zelf doet (Wmo: pas na het onderzoek of na zes weken)',
  access: roles('frontoffice', 'regisseur', 'teamleider'), body: rechtstreeksInvoer,
  responses: { 201: { description: 'De aanvraag', schema: aanvraagUitvoer } },
  problems: ['ongeldige-invoer', 'niet-gevonden', 'ongeldige-statusovergang'],
  handler: async ({ deps, actor, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const id = await dienRechtstreeksIn(tx, actor!, body, vandaag());
      const a = await aanvraag(tx, id);
      return { status: 201, headers: { location: `/api/v1/aanvragen/${id}` }, body: await aanvraagResource(tx, a) };
    }),
});

const lijst = defineRoute({
  method: 'GET', path: '/aanvragen', tag: 'Besluit', summary: 'Aanvragen, te filteren op status (de werkvoorraad van de beslisser); een casusregisseur ziet die van de eigen casussen',
  description: 'Open werk (alleen statussen tot en met besloten, zonder casusId) staat op de beslistermijn: de vroegste einddatum van een lopende termijn eerst, dan de oudste; aanvragen zonder lopende termijn achteraan. Andere lijsten en die van één casus: de oudste eerst. Per pagina met een cursor: geef `volgende` terug als `na`. Het totaal is exact voor open werk (statussen tot en met besloten, of één casus) en een schatting (`totaalIsSchatting`) voor lijsten met verzonden aanvragen.',
  access: lezers, query: aanvraagFilter,
  responses: { 200: { description: 'Een pagina aanvragen', schema: keysetLijst(aanvraagUitvoer).meta({ id: 'AanvraagLijst' }) } },
  problems: ['ongeldige-invoer'],
  handler: async ({ deps, actor, query }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      // Open work is on the clock (a term's end date, or 'infinity' without a running term), other lists by receipt.
      const na: AanvraagSleutel | undefined = aanvragenOpTermijn(query)
        ? leesCursorVan(query.na, [z.union([z.iso.date(), z.literal('infinity')]), z.iso.date(), z.string().max(40)] as const)
        : leesCursorVan(query.na, [z.iso.date(), z.string().max(40)] as const);
      // Need-to-know and one audit entry per row shown, in the use case.
      const { rijen, totaal, totaalIsSchatting, volgende } = await leesAanvragen(tx, actor!, { status: query.status, casusId: query.casusId, na, aantal: query.aantal });
      const ids = rijen.map((a) => a.id);
      const partijen = await aanvraagPartijenVanAlle(tx, rijen);
      const pagina = {
        gegevens: await lijstGegevensVanAanvragen(tx, ids), termijnen: await termijnenVanAanvragen(tx, ids), partijen: new Map(rijen.map((a, i) => [a.id, partijen[i]!])),
      };
      const resultaten = [];
      // One after the other: a transaction is one connection.
      for (const a of rijen) resultaten.push(await aanvraagResource(tx, a, pagina));
      return { body: { resultaten, totaal, totaalIsSchatting, volgende, aantal: query.aantal } };
    }),
});

const een = defineRoute({
  method: 'GET', path: '/aanvragen/{id}', tag: 'Besluit', summary: 'Een aanvraag met het hele huishouden, het plan en de ladder, de producten per wet en de historie',
  access: lezers, params: idParams,
  responses: { 200: { description: 'De aanvraag', schema: aanvraagUitvoer.extend({ huishouden: z.array(z.unknown()), producten: z.array(z.unknown()), plan: z.unknown(), historie: z.array(z.unknown()) }) } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      return { body: await aanvraagDetail(tx, await leesAanvraag(tx, actor!, params.id)) };
    }),
});

/** An aanvraag step: the use case does the work and writes its audit entry (ADR 34). */
function stap<B>(opts: { path: string; summary: string; description?: string; body: z.ZodType<B>; rollen: Parameters<typeof roles>; run: (tx: Tx, actor: Actor, id: string, body: B, gemeenteNaam: string) => Promise<unknown> }) {
  return defineRoute({
    method: 'POST', path: opts.path, tag: 'Besluit', summary: opts.summary, ...(opts.description ? { description: opts.description } : {}),
    access: roles(...opts.rollen), params: idParams, body: opts.body,
    responses: { 200: { description: 'De aanvraag na deze stap', schema: aanvraagUitvoer } },
    problems: ['niet-gevonden', 'ongeldige-invoer', 'ongeldige-statusovergang', 'vier-ogen-zelfde-persoon'],
    handler: async ({ deps, actor, params, body, request }) =>
      inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
        // Only inside the household's circle (a teamleider of another team cannot check it).
        await aanvraag(tx, params.id, actor!);
        await opts.run(tx, actor!, params.id, body, request.session!.account.gemeenteNaam);
        return { body: await aanvraagResource(tx, await aanvraag(tx, params.id)) };
      }),
  });
}

const toetsStap = stap({
  path: '/aanvragen/{id}/toets', summary: 'Toetsen: is de aanvraag compleet en is de gemeente bevoegd? (beslisser of teamleider, niet wie haar voorbereidde)',
  body: toetsInvoer, rollen: ['beslisser', 'teamleider'], run: (tx, actor, id, body) => toets(tx, actor, id, body),
});
const beoordelingStap = stap({
  path: '/aanvragen/{id}/beoordeling', summary: 'Beoordelen: de inhoudelijke afweging over alle wetten (niet door wie de aanvraag voorbereidde)',
  body: beoordelingInvoer, rollen: ['beslisser'], run: (tx, actor, id, body) => beoordeel(tx, actor, id, body),
});
const besluitStap = stap({
  path: '/aanvragen/{id}/besluit', summary: 'Beslissen per product (niet door wie beoordeelde of voorbereidde); boven de drempel beslist een tweede beslisser mee',
  description: 'Per product: uitkomst (toegekend, deels toegekend, afgewezen), omvang, eenheid, periode, ingangs- en einddatum, leveringsvorm (zin of pgb). Na een besluit bestaat de beschikking (beschikkingId).',
  body: besluitInvoer, rollen: ['beslisser'], run: (tx, actor, id, body) => beslis(tx, actor, id, body),
});
const verzendStap = stap({
  path: '/aanvragen/{id}/verzending', summary: 'De beschikking verzenden: de brief wordt met hash bewaard en verandert daarna niet meer',
  body: z.object({}), rollen: ['beslisser'],
  run: (tx, actor, id, _body, gemeenteNaam) => verzend(tx, actor, id, gemeenteNaam, vandaag()),
});

const opschorting = stap({
  path: '/aanvragen/{id}/opschortingen', summary: 'De beslistermijn opschorten (bijv. wachten op gegevens van de inwoner)', rollen: ['beslisser'],
  body: z.object({ van: z.iso.date(), tot: z.iso.date().optional(), reden: z.string().trim().min(1, 'Reden is verplicht').max(1000), ...aanvraagTermijnWijziging }),
  run: (tx, actor, id, b) => schortBeslistermijnOp(tx, actor, id, b, vandaag()),
});
const verdaging = stap({
  path: '/aanvragen/{id}/verdaging', summary: 'De beslistermijn één keer verdagen', rollen: ['beslisser'],
  body: z.object({ nieuweDatum: z.iso.date(), reden: z.string().trim().min(1, 'Reden is verplicht').max(1000), ...aanvraagTermijnWijziging }),
  run: (tx, actor, id, b) => verdaagBeslistermijn(tx, actor, id, b, vandaag()),
});

/** A beschikking inside the household's circle, without an audit entry (a change checks it; the reads audit in leesBeschikking). */
async function beschikking(tx: Tx, id: string, actor: Actor) {
  const b = await getBeschikking(tx, id);
  const a = b ? await getAanvraag(tx, b.aanvraagId) : undefined;
  if (!b || !a) throw notFound('Deze beschikking');
  await eisDossierToegang(tx, actor, { huishoudenId: a.huishoudenId });
  return { b, a };
}

const beschikkingLezen = defineRoute({
  method: 'GET', path: '/beschikkingen/{id}', tag: 'Besluit', summary: 'Een beschikking, met de laatste dag voor bezwaar en de bezwaren',
  access: roles('beslisser', 'regisseur', 'teamleider'), params: idParams,
  responses: { 200: { description: 'De beschikking', schema: beschikkingUitvoer } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const { b } = await leesBeschikking(tx, actor!, params.id);
      return { body: await beschikkingResource(tx, b) };
    }),
});

const brief = defineRoute({
  method: 'GET', path: '/beschikkingen/{id}/brief.pdf', tag: 'Besluit', summary: 'De beschikking als PDF-brief (na verzending precies zoals verzonden; daarvoor als concept)',
  access: roles('beslisser', 'regisseur', 'teamleider'), params: idParams,
  responses: { 200: { description: 'De brief', contentType: 'application/pdf' } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params, request }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const { b } = await leesBeschikking(tx, actor!, params.id);
      const pdf = (await verzondenBrief(tx, b.id))
        ?? await beschikkingBrief(tx, b, request.session!.account.gemeenteNaam, { concept: true, verzenddatum: vandaag(), bezwaarTermijnEinde: await voorlopigBezwaarEinde(tx) });
      return { body: pdf, headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="beschikking-${b.nummer}.pdf"` } };
    }),
});

const herziening = defineRoute({
  method: 'POST', path: '/beschikkingen/{id}/herziening', tag: 'Besluit', summary: 'Een verzonden beschikking herzien: een nieuwe aanvraag die naar het oude besluit verwijst en dezelfde vier-ogenstappen doorloopt',
  access: roles('beslisser', 'regisseur', 'teamleider'), params: idParams, body: herzieningInvoer,
  responses: { 201: { description: 'De nieuwe aanvraag', schema: aanvraagUitvoer } },
  problems: ['niet-gevonden', 'ongeldige-statusovergang'],
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const id = await herzie(tx, actor!, params.id, { reden: body.reden, ontvangenOp: body.ontvangenOp ?? vandaag() }, vandaag());
      const a = await aanvraag(tx, id);
      return { status: 201, headers: { location: `/api/v1/aanvragen/${id}` }, body: await aanvraagResource(tx, a) };
    }),
});

const bezwaar = defineRoute({
  method: 'POST', path: '/beschikkingen/{id}/bezwaren', tag: 'Besluit', summary: 'Een bezwaar registreren (tijdig of te laat), met of zonder adviescommissie; de beslistermijn start als termijn',
  description: 'De beslistermijn is 6 weken, 12 met een adviescommissie, vanaf de dag na het einde van de bezwaartermijn (Awb 7:10); bij een te laat bezwaar vanaf de ontvangst.',
  access: roles('beslisser', 'teamleider'), params: idParams, body: bezwaarInvoer,
  responses: { 201: { description: 'De beschikking met haar bezwaren', schema: beschikkingUitvoer } },
  problems: ['niet-gevonden', 'geen-toegang-dossier', 'ongeldige-statusovergang', 'ongeldige-invoer'],
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      // The circle is checked before anything is written (in the use case): the teamleider of the
      // team registers; a jurist outside the circle first asks break-glass with a reason.
      const { b } = await beschikking(tx, params.id, actor!);
      const bezwaarId = await registreerBezwaar(tx, actor!, b.id, body, vandaag());
      return { status: 201, headers: { location: `/api/v1/bezwaren/${bezwaarId}` }, body: await beschikkingResource(tx, (await getBeschikking(tx, b.id))!) };
    }),
});

// ————— Bezwaar as a workflow —————

const bezwaarUitvoer = z.object({
  id: z.uuid(), nummer: z.string(), beschikking: z.object({ id: z.uuid(), nummer: z.string() }), aanvraagId: z.uuid(), persoon: z.object({ id: z.uuid(), naam: z.string() }),
  ontvangenOp: z.string(), omschrijving: z.string(), tijdig: z.boolean(), verschoonbaar: z.boolean(), adviescommissie: z.boolean(),
  status: z.enum(BEZWAAR_STATUSSEN), statusNaam: z.string(), uitkomst: z.enum(BEZWAAR_UITKOMSTEN).nullable(), uitkomstNaam: z.string().nullable(),
  bezwaarTermijnEinde: z.string().describe('De laatste dag van de bezwaartermijn (voor tijdigheid)'),
  beslistermijnEinde: z.string().describe('Uiterste datum om te beslissen (de stand van de termijn, na verdaging)'),
  termijn: termijnUitvoer.nullable(),
  hoorzitting: z.object({ datum: z.string().nullable(), verslag: z.string().nullable(), afgezienReden: z.string().nullable() }),
  advies: z.object({ tekst: z.string(), datum: z.string() }).nullable(),
  motivering: z.string().nullable(), beslotenDoor: ref, verzondenOp: z.string().nullable(), beroepTermijnEinde: z.string().nullable(), pdfHash: z.string().nullable(),
  herziening: z.object({ id: z.uuid(), nummer: z.string() }).nullable(), geregistreerdDoor: ref,
  mogelijkeStappen: z.array(z.enum(['hoorzittingPlannen', 'hoorzittingGehouden', 'horenAfzien', 'advies', 'beslissing', 'intrekking'])).describe('Wat nu kan (de transitietabel)'),
  betrokkenBijBesluit: z.boolean().describe('De gebruiker werkte mee aan het primaire besluit en mag het bezwaar niet horen of beslissen (Awb 7:5)'),
}).meta({ id: 'Bezwaar' });
const bezwaarDetailUitvoer = bezwaarUitvoer.extend({
  historie: z.array(z.object({ van: z.string().nullable(), naar: z.string(), door: z.string().nullable(), moment: z.string(), toelichting: z.string().nullable() })),
}).meta({ id: 'BezwaarDetail' });

async function bezwaarResource(tx: Tx, z: Bezwaar, actor: Actor): Promise<z.infer<typeof bezwaarUitvoer>> {
  const t = (await termijnenVanBezwaren(tx, [z.id]))[0];
  const b = (await getBeschikking(tx, z.beschikkingId))!;
  const a = (await getAanvraag(tx, z.aanvraagId))!;
  const herziening = z.herzieningAanvraagId ? await getAanvraag(tx, z.herzieningAanvraagId) : undefined;
  const stand = { status: z.status, adviescommissie: z.adviescommissie, tijdig: z.tijdig, verschoonbaar: z.verschoonbaar };
  return {
    id: z.id, nummer: z.nummer, beschikking: { id: z.beschikkingId, nummer: z.beschikkingNummer }, aanvraagId: z.aanvraagId, persoon: { id: z.persoonId, naam: z.persoonNaam },
    ontvangenOp: z.ontvangenOp, omschrijving: z.omschrijving, tijdig: z.tijdig, verschoonbaar: z.verschoonbaar, adviescommissie: z.adviescommissie,
    status: z.status, statusNaam: bezwaarStatusNaam[z.status], uitkomst: z.uitkomst, uitkomstNaam: z.uitkomst ? bezwaarUitkomstNaam[z.uitkomst] : null,
    bezwaarTermijnEinde: b.bezwaarTermijnEinde ?? z.ontvangenOp, beslistermijnEinde: t?.uitersteDatum ?? z.beslistermijnEinde, termijn: t ? termijnResource(t) : null,
    hoorzitting: { datum: z.hoorzittingDatum, verslag: z.hoorzittingVerslag, afgezienReden: z.horenAfgezienReden },
    advies: z.advies && z.adviesDatum ? { tekst: z.advies, datum: z.adviesDatum } : null,
    motivering: z.motivering, beslotenDoor: z.beslotenDoor, verzondenOp: z.verzondenOp, beroepTermijnEinde: z.beroepTermijnEinde, pdfHash: z.pdfHash,
    herziening: herziening ? { id: herziening.id, nummer: herziening.nummer } : null, geregistreerdDoor: z.geregistreerdDoor,
    mogelijkeStappen: (Object.keys(bezwaarStappen) as BezwaarStap[]).filter((s) => bezwaarStapToegestaan(s, stand) === null),
    betrokkenBijBesluit: bezwaarVierOgen(actor.gebruikerId ?? '', {
      voorbereidDoor: a.voorbereidDoor?.id ?? null, getoetstDoor: a.getoetstDoor?.id ?? null, beoordeeldDoor: a.beoordeeldDoor?.id ?? null,
      eersteBeslisser: a.eersteBeslisser?.id ?? null, beslotenDoor: a.beslotenDoor?.id ?? null,
    }) !== null,
  };
}

async function bezwaarDetail(tx: Tx, z: Bezwaar, actor: Actor) {
  return {
    ...(await bezwaarResource(tx, z, actor)),
    historie: (await historieVanBezwaar(tx, z.id)).map((h) => ({ ...h, moment: new Date(h.moment).toISOString() })),
  };
}


const bezwaarLezers = roles('beslisser', 'teamleider', 'regisseur');
const bezwaarBehandelaars = ['beslisser', 'teamleider'] as const;

const bezwaarCursor = z.union([
  z.tuple([z.literal('open'), z.iso.date(), z.string().max(40), z.uuid()]),
  z.tuple([z.literal('afgehandeld'), z.string().max(40), z.uuid()]),
]);

const bezwarenLijst = defineRoute({
  method: 'GET', path: '/bezwaren', tag: 'Besluit', summary: 'Bezwaren voor de beslisser en teamleider: open eerst, op de uiterste datum van de beslistermijn',
  description: 'Per pagina met een cursor: geef `volgende` terug als `na`. Open bezwaren worden exact geteld; afgehandelde geschat (`totaalIsSchatting`).',
  access: roles(...bezwaarBehandelaars), query: bezwaarFilter,
  responses: { 200: { description: 'Een pagina bezwaren', schema: keysetLijst(bezwaarUitvoer).meta({ id: 'BezwaarLijst' }) } },
  problems: ['ongeldige-invoer'],
  handler: async ({ deps, actor, query }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const sleutel = leesCursor(query.na);
      const na = sleutel === undefined ? undefined : bezwaarCursor.safeParse(sleutel);
      if (na && !na.success) throw ongeldigeCursor();
      const status = query.status === 'open' ? OPEN_BEZWAAR_STATUSSEN : query.status === 'afgehandeld' ? (['beslist', 'ingetrokken'] as const) : undefined;
      const { rijen, totaal, totaalIsSchatting, volgende } = await leesBezwaren(tx, actor!, { status, na: na?.data, aantal: query.aantal });
      const resultaten = [];
      for (const z of rijen) resultaten.push(await bezwaarResource(tx, z, actor!));
      return { body: { resultaten, totaal, totaalIsSchatting, volgende, aantal: query.aantal } };
    }),
});

/** The same 400 as keyset.ts gives for a cursor of the wrong shape. */
const ongeldigeCursor = () => new Problem('ongeldige-invoer', 'De vervolgpagina bestaat niet (meer). Begin opnieuw bij de eerste pagina.', [
  { name: 'na', code: 'ongeldige-cursor', reason: 'Deze verwijzing naar de volgende pagina is niet geldig' },
]);

const bezwaarLezen = defineRoute({
  method: 'GET', path: '/bezwaren/{id}', tag: 'Besluit', summary: 'Een bezwaar: status, tijdigheid, beslistermijn, hoorzitting, advies, beslissing en historie',
  access: bezwaarLezers, params: idParams,
  responses: { 200: { description: 'Het bezwaar', schema: bezwaarDetailUitvoer } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const z = await leesBezwaar(tx, actor!, params.id, 'bezwaar inzien');
      return { body: await bezwaarDetail(tx, z, actor!) };
    }),
});

function bezwaarStap<B>(opts: { path: string; summary: string; description?: string; body: z.ZodType<B>; problems: Parameters<typeof defineRoute>[0]['problems']; run: (tx: Tx, actor: Actor, id: string, body: B, gemeenteNaam: string) => Promise<unknown> }) {
  return defineRoute({
    method: 'POST', path: opts.path, tag: 'Besluit', summary: opts.summary, ...(opts.description ? { description: opts.description } : {}),
    access: roles(...bezwaarBehandelaars), params: idParams, body: opts.body,
    responses: { 200: { description: 'Het bezwaar na deze stap', schema: bezwaarDetailUitvoer } },
    problems: opts.problems,
    handler: async ({ deps, actor, params, body, request }) =>
      inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
        await leesBezwaar(tx, actor!, params.id);
        await opts.run(tx, actor!, params.id, body, request.session!.account.gemeenteNaam);
        return { body: await bezwaarDetail(tx, (await getBezwaar(tx, params.id))!, actor!) };
      }),
  });
}

const hoorzitting = bezwaarStap({
  path: '/bezwaren/{id}/hoorzitting', summary: 'De hoorzitting plannen, vastleggen dat zij is gehouden (niet door wie aan het besluit meewerkte, Awb 7:5), of afzien van horen (Awb 7:3)',
  description: 'Body: {"status":"gepland","datum"} of {"status":"gehouden","datum","verslag"} of {"status":"afgezien","reden"}.',
  body: hoorzittingInvoer, problems: ['niet-gevonden', 'ongeldige-invoer', 'ongeldige-statusovergang', 'vier-ogen-zelfde-persoon'],
  run: (tx, actor, id, body) => legHoorzittingVast(tx, actor, id, body, vandaag()),
});
const advies = bezwaarStap({
  path: '/bezwaren/{id}/advies', summary: 'Het advies van de onafhankelijke bezwaarcommissie vastleggen (Awb 7:13)',
  body: bezwaarAdviesInvoer, problems: ['niet-gevonden', 'ongeldige-invoer', 'ongeldige-statusovergang'],
  run: (tx, actor, id, body) => legAdviesVast(tx, actor, id, body),
});
const bezwaarVerdaging = bezwaarStap({
  path: '/bezwaren/{id}/verdaging', summary: 'De beslistermijn één keer met zes weken verdagen, met reden (Awb 7:10 lid 3); een tweede keer wordt geweigerd',
  body: bezwaarVerdagingInvoer, problems: ['niet-gevonden', 'ongeldige-invoer', 'verdaging-al-gebruikt', 'termijn-al-verlopen', 'termijn-afgerond', 'geen-lopende-termijn'],
  run: (tx, actor, id, body) => verdaagBezwaar(tx, actor, id, body, vandaag()),
});
const intrekking = bezwaarStap({
  path: '/bezwaren/{id}/intrekking', summary: 'Vastleggen dat de indiener het bezwaar heeft ingetrokken',
  body: bezwaarIntrekkingInvoer, problems: ['niet-gevonden', 'ongeldige-invoer', 'ongeldige-statusovergang'],
  run: (tx, actor, id, body) => trekBezwaarIn(tx, actor, id, body, vandaag()),
});
const bezwaarBeslissing = bezwaarStap({
  path: '/bezwaren/{id}/beslissing', summary: 'Beslissen op het bezwaar (niet door wie aan het besluit meewerkte): de brief met beroepsclausule wordt met hash bewaard; (deels) gegrond start de herziening',
  description: 'Uitkomst gegrond, deelsGegrond, ongegrond of nietOntvankelijk, met motivering. Inhoudelijk beslissen kan na horen of afzien van horen, en met een commissie na haar advies.',
  body: bezwaarBeslissingInvoer, problems: ['niet-gevonden', 'ongeldige-invoer', 'ongeldige-statusovergang', 'vier-ogen-zelfde-persoon', 'casus-gesloten'],
  run: (tx, actor, id, body, gemeenteNaam) => beslisOpBezwaar(tx, actor, id, body, gemeenteNaam, vandaag()),
});

const bezwaarBriefRoute = defineRoute({
  method: 'GET', path: '/bezwaren/{id}/brief', tag: 'Besluit', summary: 'De beslissing op bezwaar als PDF-brief, precies zoals verzonden',
  access: bezwaarLezers, params: idParams,
  responses: { 200: { description: 'De brief', contentType: 'application/pdf' } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const { nummer, pdf } = await leesBezwaarBrief(tx, actor!, params.id);
      return { body: pdf, headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="beslissing-op-bezwaar-${nummer}.pdf"` } };
    }),
});

// ————— Correspondence details for letters (beheer) —————

const correspondentieLezen = defineRoute({
  method: 'GET', path: '/instellingen/correspondentie', tag: 'Instellingen', summary: 'Afzender, bezwaaradres en rechtbank in de brieven van deze gemeente',
  access: roles('beheer'),
  responses: { 200: { description: 'De gegevens', schema: correspondentieSchema } },
  handler: async ({ deps, actor, request }) => ({ body: await inGemeente(deps.db, actor!.gemeenteId, (tx) => correspondentie(tx, request.session!.account.gemeenteNaam)) }),
});

const correspondentieSchrijven = defineRoute({
  method: 'PUT', path: '/instellingen/correspondentie', tag: 'Instellingen', summary: 'Afzender, bezwaaradres en rechtbank voor de brieven instellen (geldt voor brieven die hierna worden gemaakt)',
  access: roles('beheer'), body: correspondentieSchema,
  responses: { 200: { description: 'De gegevens', schema: correspondentieSchema } },
  problems: ['ongeldige-invoer'],
  handler: async ({ deps, actor, body, request }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      await bewaarCorrespondentie(tx, actor!.gemeenteId, body, actor!.gebruikerId);
      return { body: await correspondentie(tx, request.session!.account.gemeenteNaam) };
    }),
});

const procescoordinatie = defineRoute({
  method: 'PUT', path: '/casussen/{id}/procescoordinatie', tag: 'Besluit', summary: 'Een casus als multiprobleem markeren, met een procescoördinator (elke leeftijd)',
  access: roles('teamleider'), params: idParams, body: procescoordinatieInvoer,
  responses: { 200: { description: 'De procescoördinatie', schema: z.object({ multiprobleem: z.boolean(), procescoordinator: ref }) } },
  problems: ['niet-gevonden', 'ongeldige-invoer'],
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      await zetProcescoordinatieVanCasus(tx, actor!, params.id, body);
      const p = (await procescoordinatieVanCasus(tx, params.id))!;
      return { body: { multiprobleem: p.multiprobleem, procescoordinator: p.procescoordinator_id && p.naam ? { id: p.procescoordinator_id, naam: p.naam } : null } };
    }),
});

const mijnCoordinatie = defineRoute({
  method: 'GET', path: '/procescoordinatie', tag: 'Besluit', summary: 'De casussen die ik coördineer, met alle besluiten en aanbieders van het huishouden',
  access: roles('regisseur', 'teamleider'),
  responses: { 200: { description: 'De casussen', schema: z.array(z.unknown()) } },
  handler: async ({ deps, actor }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      // Each casus read is audited in the use case.
      const casussen = await leesMijnCoordinatie(tx, actor!);
      const uit = [];
      for (const c of casussen) {
        const plan = await planVanCasus(tx, c.id);
        const items = plan ? await arrangementVanPlan(tx, plan.id) : [];
        uit.push({
          casus: { id: c.id, nummer: c.nummer, regisseur: c.regisseur, multiprobleem: c.multiprobleem },
          leden: (await huishoudenLeden(tx, c.huishouden_id)).map((l) => ({ id: l.id, naam: volledigeNaam(l), geboortedatum: l.geboortedatum })),
          besluiten: await beschikkingenVanHuishouden(tx, c.huishouden_id),
          aanbieders: [...new Set(items.filter((i) => i.trede >= 3 && i.status !== 'beeindigd').map((i) => i.catalogusItem?.aanbieder ?? i.verantwoordelijke))],
        });
      }
      return { body: uit };
    }),
});

const steekproefUitvoer = z.object({
  id: z.uuid(), maand: z.string(), percentage: z.number().int(), seed: z.string(), populatie: z.number().int(), getrokkenOp: z.string(),
  items: z.array(z.object({
    id: z.uuid(), beschikkingId: z.uuid(), nummer: z.string(), aanvraagId: z.uuid(), team: z.string().nullable(), beoordelaar: z.string().nullable(),
    antwoorden: z.record(z.string(), z.string()).nullable(), bevindingen: z.string().nullable(), uitkomst: z.string().nullable(), beoordeeldOp: z.string().nullable(),
  })),
  checklist: z.array(z.object({ code: z.string(), vraag: z.string(), soort: z.enum(['inhoud', 'recht']) })),
}).meta({ id: 'Steekproef' });

const steekproefTrekken = defineRoute({
  method: 'POST', path: '/steekproeven', tag: 'Besluit', summary: 'De steekproef van een maand trekken (reproduceerbaar: zelfde seed, maand en besluiten geven dezelfde trekking)',
  access: roles('teamleider', 'beleid'), body: steekproefInvoer,
  responses: { 201: { description: 'De steekproef', schema: steekproefUitvoer } },
  problems: ['ongeldige-invoer', 'conflict'],
  handler: async ({ deps, actor, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      if (await steekproefOpMaand(tx, body.maand)) throw new Problem('conflict', `De steekproef van ${body.maand} is al getrokken.`);
      const inst = await besluitInstellingen(tx);
      const populatie = await verzondenInMaand(tx, body.maand);
      const items = trekSteekproef(populatie, inst.steekproefPercentage, inst.steekproefSeed, body.maand);
      const id = await insertSteekproef(tx, { gemeenteId: actor!.gemeenteId, maand: body.maand, percentage: inst.steekproefPercentage, seed: inst.steekproefSeed, populatie: populatie.length, door: actor!.gebruikerId, items });
      return { status: 201, body: { ...(await getSteekproef(tx, id))!, checklist: inst.checklist } };
    }),
});

const steekproefLezen = defineRoute({
  method: 'GET', path: '/steekproeven/{id}', tag: 'Besluit', summary: 'Een steekproef met de getrokken besluiten en hun beoordeling',
  access: roles('teamleider', 'beleid', 'beslisser'), params: idParams,
  responses: { 200: { description: 'De steekproef', schema: steekproefUitvoer } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const s = await getSteekproef(tx, params.id);
      if (!s) throw notFound('Deze steekproef');
      return { body: { ...s, checklist: (await besluitInstellingen(tx)).checklist } };
    }),
});

const steekproefBeoordelen = defineRoute({
  method: 'POST', path: '/steekproeven/{id}/items/{itemId}/beoordeling', tag: 'Besluit', summary: 'Een getrokken besluit beoordelen (niet door wie eraan meewerkte): checklist op inhoud en recht, bevindingen',
  access: roles('beslisser', 'teamleider'), params: z.object({ id: z.uuid(), itemId: z.uuid() }), body: steekproefBeoordeling,
  responses: { 200: { description: 'De steekproef', schema: steekproefUitvoer } },
  problems: ['niet-gevonden', 'vier-ogen-zelfde-persoon', 'ongeldige-invoer'],
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      await beoordeelSteekproefItem(tx, actor!, params.id, params.itemId, body);
      return { body: { ...(await getSteekproef(tx, params.id))!, checklist: (await besluitInstellingen(tx)).checklist } };
    }),
});

const steekproefResultaten = defineRoute({
  method: 'GET', path: '/steekproeven/resultaten', tag: 'Besluit', summary: 'Uitkomsten van de steekproeven per team (aantal getrokken, beoordeeld, in orde)',
  access: roles('teamleider', 'beleid'), query: z.object({ jaar: z.string().regex(/^\d{4}$/, 'Gebruik een jaartal').optional() }),
  responses: { 200: { description: 'Per team', schema: z.array(z.object({ team: z.string(), getrokken: z.number().int(), beoordeeld: z.number().int(), inOrde: z.number().int(), aandeelInOrde: z.number().nullable() })) } },
  handler: async ({ deps, actor, query }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({
      body: (await steekproefPerTeam(tx, query.jaar ?? vandaag().slice(0, 4))).map((r) => ({ ...r, aandeelInOrde: r.beoordeeld ? r.inOrde / r.beoordeeld : null })),
    })),
});

const instellingenLezen = defineRoute({
  method: 'GET', path: '/instellingen/besluit', tag: 'Instellingen', summary: 'Drempel voor de tweede beslisser, eigen bijdragen, steekproef en checklist',
  access: roles('beheer', 'beleid', 'teamleider'),
  responses: { 200: { description: 'De instellingen', schema: instellingenSchema } },
  handler: async ({ deps, actor }) => ({ body: await inGemeente(deps.db, actor!.gemeenteId, (tx) => besluitInstellingen(tx)) }),
});

const instellingenSchrijven = defineRoute({
  method: 'PUT', path: '/instellingen/besluit', tag: 'Instellingen', summary: 'De besluitinstellingen van deze gemeente aanpassen',
  access: roles('beheer'), body: instellingenSchema,
  responses: { 200: { description: 'De instellingen', schema: instellingenSchema } },
  problems: ['ongeldige-invoer'],
  handler: async ({ deps, actor, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      await tx.insertInto('gemeente_instellingen').values({ gemeente_id: actor!.gemeenteId, sleutel: 'besluit', waarde: JSON.stringify(body), gewijzigd_door: actor!.gebruikerId })
        .onConflict((oc) => oc.columns(['gemeente_id', 'sleutel']).doUpdateSet({ waarde: JSON.stringify(body), gewijzigd_door: actor!.gebruikerId, gewijzigd_op: new Date() })).execute();
      return { body: await besluitInstellingen(tx) };
    }),
});

export const besluitRoutes: AnyRoute[] = [
  indienen, rechtstreeks, lijst, een, toetsStap, beoordelingStap, besluitStap, verzendStap, opschorting, verdaging,
  beschikkingLezen, brief, herziening, bezwaar, procescoordinatie, mijnCoordinatie,
  bezwarenLijst, bezwaarLezen, hoorzitting, advies, bezwaarVerdaging, intrekking, bezwaarBeslissing, bezwaarBriefRoute, correspondentieLezen, correspondentieSchrijven,
  steekproefResultaten, steekproefTrekken, steekproefLezen, steekproefBeoordelen, instellingenLezen, instellingenSchrijven,
];

