import { z } from 'zod';
import { notFound } from '../../platform/http/problem.ts';
import { defineRoute, idParams, roles, type AnyRoute } from '../../platform/http/route.ts';
import { datum, tekst } from '../../platform/http/schemas.ts';
import { registreerVerwerker } from '../../platform/jobs/outbox.ts';
import { inGemeente, type Tx } from '../../platform/tenancy/tx.ts';
import { eisDossierToegang } from '../privacy/index.ts';
import { geldVanVoorzieningen, type Geld } from '../berichten/index.ts';
import { maakVoorzieningBrief, type BriefGegevens } from './brief.ts';
import { redenNaam, statusNaam } from './rules.ts';
import { brievenVan, getBrief, getVoorziening, historieVan, intrekkingVan, type Voorziening } from './store.ts';
import { BRIEF_SOORT, beeindig, kandidaten, leesVoorziening, start, trekIn, voorzieningenVan, wijsAanbiederToe } from './usecases.ts';

// The letter job is registered where the routes are: every process that serves the API (and the
// worker main.ts starts beside it) knows how to make the letter.
registreerVerwerker<BriefGegevens>(BRIEF_SOORT, maakVoorzieningBrief);

const TAG = 'Voorziening';
const LEZERS = roles('regisseur', 'teamleider', 'beslisser');

const voorzieningUitvoer = z.object({
  id: z.uuid(), nummer: z.string(), status: z.string(), statusNaam: z.string(), wet: z.string(), productcategorie: z.string().nullable(), productcode: z.string().nullable(),
  productNaam: z.string(), volume: z.number(), eenheid: z.string().nullable(), frequentie: z.string().nullable(), begin: z.string(), eind: z.string().nullable(),
  beeindigdOp: z.string().nullable(), gestartOp: z.string().nullable(), leveringsvorm: z.enum(['zin', 'pgb']), svb: z.boolean(), bekostiging: z.string().nullable(),
  budgetCents: z.number().int(), budgetTot: z.string(), jaarbedragCents: z.number().int(),
  aanbieder: z.object({ id: z.uuid(), naam: z.string(), agbCode: z.string() }).nullable(),
  vervangt: z.uuid().nullable(), vervangenDoor: z.uuid().nullable(), redenBeeindiging: z.string().nullable(), redenBeeindigingNaam: z.string().nullable(),
  beschikking: z.object({ id: z.uuid(), nummer: z.string() }), casusId: z.uuid(), persoonId: z.uuid(),
  // ADR 40: the money, from approved declarations (or the SVB for a pgb).
  gedeclareerdCents: z.number().int(), goedgekeurdCents: z.number().int(), gecrediteerdCents: z.number().int(), afgewezenCents: z.number().int(),
  restantCents: z.number().int(), verplichtingCents: z.number().int(), bestedingBron: z.enum(['declaraties', 'svb', 'taakgericht']),
}).meta({ id: 'Voorziening' });
const voorzieningDetail = voorzieningUitvoer.extend({
  historie: z.array(z.object({ van: z.string().nullable(), naar: z.string(), door: z.object({ id: z.uuid(), naam: z.string() }).nullable(), moment: z.string(), toelichting: z.string().nullable() })),
  brieven: z.array(z.object({ id: z.uuid(), gebeurtenis: z.string(), kenmerk: z.string(), onderwerp: z.string(), aangemaaktOp: z.string(), url: z.string() })),
  // A withdrawn provision: from which day and why, as the beslisser entered it (the code in redenBeeindiging is always 36).
  intrekking: z.object({ datum: z.string(), reden: z.string() }).nullable(),
}).meta({ id: 'VoorzieningDetail' });

function resource(v: Voorziening, g: Geld) {
  return {
    gedeclareerdCents: g.gedeclareerdCents, goedgekeurdCents: g.goedgekeurdCents, gecrediteerdCents: g.gecrediteerdCents, afgewezenCents: g.afgewezenCents,
    restantCents: g.restantCents, verplichtingCents: g.verplichtingCents, bestedingBron: g.bron,
    id: v.id, nummer: v.nummer, status: v.status, statusNaam: statusNaam[v.status], wet: v.wet, productcategorie: v.productcategorie, productcode: v.productcode,
    productNaam: v.productNaam, volume: v.volume, eenheid: v.eenheid, frequentie: v.frequentie, begin: v.begin, eind: v.eind, beeindigdOp: v.beeindigdOp, gestartOp: v.gestartOp,
    leveringsvorm: v.leveringsvorm, svb: v.svb, bekostiging: v.bekostiging, budgetCents: v.budgetCents, budgetTot: v.budgetTot, jaarbedragCents: v.jaarbedragCents,
    aanbieder: v.aanbieder, vervangt: v.vervangt, vervangenDoor: v.vervangenDoor, redenBeeindiging: v.redenBeeindiging, redenBeeindigingNaam: redenNaam(v.wet, v.redenBeeindiging),
    beschikking: v.beschikking, casusId: v.casusId, persoonId: v.persoonId,
  };
}
async function detail(tx: Tx, v: Voorziening) {
  const [historie, brieven, geld, intrekking] = await Promise.all([
    historieVan(tx, v.id), brievenVan(tx, v.id), geldVanVoorzieningen(tx, [v]), v.status === 'ingetrokken' ? intrekkingVan(tx, v.id) : null,
  ]);
  return {
    ...resource(v, geld.get(v.id)!),
    historie: historie.map((h) => ({ van: h.van, naar: h.naar, door: h.door, moment: new Date(h.moment).toISOString(), toelichting: h.toelichting })),
    brieven: brieven.map((b) => ({
      id: b.id, gebeurtenis: b.gebeurtenis, kenmerk: b.kenmerk, onderwerp: b.onderwerp, aangemaaktOp: new Date(b.aangemaakt_op).toISOString(),
      url: `/api/v1/voorzieningen/${v.id}/brieven/${b.id}.pdf`,
    })),
    intrekking,
  };
}

const lijst = defineRoute({
  method: 'GET', path: '/voorzieningen', tag: TAG, summary: 'De voorzieningen van een casus of een persoon (need-to-know; elke gelezen voorziening in de audittrail)',
  access: LEZERS,
  query: z.object({ casusId: z.uuid().optional(), persoonId: z.uuid().optional() })
    .refine((q) => (q.casusId ? 1 : 0) + (q.persoonId ? 1 : 0) === 1, { message: 'Geef casusId of persoonId (één van beide)', path: ['casusId'] }),
  responses: { 200: { description: 'De voorzieningen, nieuwste eerst', schema: z.object({ items: z.array(voorzieningUitvoer) }) } },
  problems: ['ongeldige-invoer', 'geen-toegang-dossier', 'niet-gevonden'],
  handler: async ({ deps, actor, query }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const items = await voorzieningenVan(tx, actor!, query.casusId ? { casusId: query.casusId } : { persoonId: query.persoonId! });
      const geld = await geldVanVoorzieningen(tx, items);
      return { body: { items: items.map((v) => resource(v, geld.get(v.id)!)) } };
    }),
});

const een = defineRoute({
  method: 'GET', path: '/voorzieningen/{id}', tag: TAG, summary: 'Eén voorziening met haar historie en brieven',
  access: LEZERS, params: idParams,
  responses: { 200: { description: 'De voorziening', schema: voorzieningDetail } },
  problems: ['niet-gevonden', 'geen-toegang-dossier'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({ body: await detail(tx, await leesVoorziening(tx, actor!, params.id)) })),
});

const kandidatenRoute = defineRoute({
  method: 'GET', path: '/voorzieningen/{id}/kandidaten', tag: TAG,
  summary: 'De aanbieders die op de ingangsdatum voor dit product zijn gecontracteerd, met tarief, budget tegen dat tarief, capaciteit en vrije plaatsen',
  access: roles('regisseur', 'teamleider'), params: idParams,
  responses: { 200: { description: 'De kandidaten', schema: z.object({ items: z.array(z.object({
    aanbiederId: z.uuid(), aanbiederNaam: z.string(), agbCode: z.string(), contractId: z.uuid(), contractProductId: z.uuid(), tariefCents: z.number().int(),
    budgetCents: z.number().int(), capaciteit: z.number().int().nullable(), lopend: z.number().int(), vrij: z.number().int().nullable(),
  })) }) } },
  problems: ['niet-gevonden', 'geen-toegang-dossier'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({ body: { items: await kandidaten(tx, actor!, params.id) } })),
});

const aanbiederInvoer = z.union([
  z.object({ aanbiederId: z.uuid('Kies een aanbieder') }).strict(),
  z.object({ svb: z.literal(true, { error: 'Een pgb gaat naar de SVB: stuur svb: true' }) }).strict(),
], { error: 'Kies een gecontracteerde aanbieder (aanbiederId) of, bij een pgb, svb: true' }).meta({ id: 'VoorzieningAanbieder' });

function wijziging<B>(path: string, summary: string, body: z.ZodType<B>, access: ReturnType<typeof roles>, doe: (tx: Tx, actor: Parameters<typeof start>[1], id: string, body: B) => Promise<void>) {
  return defineRoute({
    method: 'POST', path, tag: TAG, summary, access, params: idParams, body,
    responses: { 200: { description: 'De voorziening na de wijziging', schema: voorzieningDetail } },
    problems: ['niet-gevonden', 'geen-toegang-dossier', 'ongeldige-statusovergang', 'ongeldige-invoer', 'product-past-niet', 'aanbieder-niet-gecontracteerd', 'aanbieder-vol', 'geen-gecontracteerd-product'],
    handler: async ({ deps, actor, params, body: invoer }) =>
      inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
        await doe(tx, actor!, params.id, invoer as B);
        return { body: await detail(tx, (await getVoorziening(tx, params.id))!) };
      }),
  });
}

const toewijzen = wijziging('/voorzieningen/{id}/aanbieder', 'De aanbieder toewijzen (zorg in natura, gecontracteerd en met plaats) of het pgb vastleggen bij de SVB: toegekend → toegewezen',
  aanbiederInvoer, roles('regisseur', 'teamleider'), (tx, a, id, b) => wijsAanbiederToe(tx, a, id, 'svb' in b ? { svb: true } : { aanbiederId: b.aanbiederId }));
const starten = wijziging('/voorzieningen/{id}/start', 'De levering is gestart: toegewezen → gestart',
  z.object({ datum }).meta({ id: 'VoorzieningStart' }), roles('regisseur', 'teamleider'), start);
const beeindigen = wijziging('/voorzieningen/{id}/beeindig', 'De levering eindigen (laatste dag en reden uit WMO588/JZ588): gestart → beëindigd; het budget wordt herberekend',
  z.object({ datum, reden: z.string().trim().regex(/^[0-9]{2}$/, 'Kies een reden uit WMO588 (Jeugdwet: JZ588), bijvoorbeeld 19') }).meta({ id: 'VoorzieningBeeindiging' }),
  roles('regisseur', 'teamleider'), beeindig);
const intrekken = wijziging('/voorzieningen/{id}/intrekken', 'Een voorziening die nog niet loopt intrekken (beslisser): toegekend of toegewezen → ingetrokken',
  z.object({ datum, reden: tekst(1000, 'De reden van de intrekking') }).meta({ id: 'VoorzieningIntrekking' }), roles('beslisser'), trekIn);

const briefPdf = defineRoute({
  method: 'GET', path: '/voorzieningen/{id}/brieven/{briefId}.pdf', tag: TAG, summary: 'Een brief over de voorziening aan de inwoner (PDF)',
  access: LEZERS, params: z.object({ id: z.uuid(), briefId: z.uuid() }),
  responses: { 200: { description: 'De brief', contentType: 'application/pdf' } },
  problems: ['niet-gevonden', 'geen-toegang-dossier'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const v = await leesVoorziening(tx, actor!, params.id);
      await eisDossierToegang(tx, actor!, { huishoudenId: v.huishoudenId });
      const b = await getBrief(tx, v.id, params.briefId);
      if (!b) throw notFound('Deze brief');
      return { body: Buffer.from(b.pdf), headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="voorziening-${b.kenmerk}.pdf"` } };
    }),
});

export const voorzieningRoutes: AnyRoute[] = [lijst, een, kandidatenRoute, toewijzen, starten, beeindigen, intrekken, briefPdf];
