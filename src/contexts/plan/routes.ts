import { z } from 'zod';
import { Problem } from '../../platform/http/problem.ts';
import { defineRoute, idParams, roles, type AnyRoute } from '../../platform/http/route.ts';
import { inGemeente, type Tx } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { leefgebiedNaam, tredeNaam, type Leefgebied, type Trede } from '../catalogus/index.ts';
import { doelStatusNaam } from './rules.ts';
import { arrangementInvoer, arrangementUitvoer, doelInvoer, doelUitvoer, evaluatiePlanning, evaluatieUitvoering, instemmingInvoer, planUitvoer } from './schemas.ts';
import { arrangementVanPlan, doelenVanPlan, evaluatiesVanPlan, planVanCasus, versiesVanPlan, type ArrangementItem, type Plan } from './store.ts';
import { evalueer, leesPlan, legInstemmingVast, maakPlan, planEvaluatie, voegArrangementToe, voegDoelToe } from './usecases.ts';

const itemStatusNaam = { ingezet: 'Ingezet', aanvraagNodig: 'Aanvraag nodig (beschikking)', beeindigd: 'Beëindigd' } as const;

const itemResource = (i: ArrangementItem): z.infer<typeof arrangementUitvoer> => ({
  id: i.id, doelId: i.doelId, trede: i.trede, tredeNaam: tredeNaam[i.trede], catalogusItem: i.catalogusItem, omschrijving: i.omschrijving,
  motivering: i.motivering, verantwoordelijke: i.verantwoordelijke, omvang: i.omvang, startdatum: i.startdatum, einddatum: i.einddatum,
  status: i.status, statusNaam: itemStatusNaam[i.status],
});

/** `gelezen`: the plan as a use case just read it (undefined: none yet); without it, read here. */
async function planResource(tx: Tx, casusId: string, gelezen?: { plan: Plan | undefined }): Promise<z.infer<typeof planUitvoer> | null> {
  const plan = gelezen ? gelezen.plan : await planVanCasus(tx, casusId);
  if (!plan) return null;
  const [doelen, items, versies, evaluaties] = await Promise.all([
    doelenVanPlan(tx, plan.id), arrangementVanPlan(tx, plan.id), versiesVanPlan(tx, plan.id), evaluatiesVanPlan(tx, plan.id),
  ]);
  return {
    id: plan.id, casusId, versie: plan.versie, status: plan.status, instemming: plan.instemming,
    doelen: doelen.map((d) => ({
      ...d, leefgebied: d.leefgebied as Leefgebied, leefgebiedNaam: leefgebiedNaam[d.leefgebied as Leefgebied] ?? d.leefgebied,
      statusNaam: doelStatusNaam[d.status], arrangement: items.filter((i) => i.doelId === d.id).map(itemResource),
    })),
    arrangementPerTrede: ([1, 2, 3, 4] as const).map((trede) => ({ trede, naam: tredeNaam[trede], items: items.filter((i) => i.trede === trede).map(itemResource) })),
    versies: versies.map((v) => ({ versie: v.versie, moment: new Date(v.moment).toISOString(), reden: v.reden, door: v.door })),
    evaluaties,
  };
}

const schrijvers = roles('regisseur', 'teamleider');
const schrijfProblemen = ['niet-gevonden', 'ongeldige-invoer', 'niet-uw-casus', 'casus-gesloten', 'plan-gesloten'] as const;

const lezen = defineRoute({
  method: 'GET', path: '/casussen/{id}/plan', tag: 'Plan', summary: 'Het plan van het huishouden: doelen, arrangement per trede, versies en evaluaties',
  access: roles('regisseur', 'teamleider', 'beslisser'), params: idParams,
  responses: { 200: { description: 'Het plan', schema: planUitvoer } },
  problems: ['niet-gevonden', 'plan-bestaat-niet'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const plan = await planResource(tx, params.id, { plan: await leesPlan(tx, actor!, params.id) });
      if (!plan) throw new Problem('plan-bestaat-niet', 'Deze casus heeft nog geen plan. Maak het plan, of voeg een eerste doel toe.');
      return { body: plan };
    }),
});

const maken = defineRoute({
  method: 'POST', path: '/casussen/{id}/plan', tag: 'Plan', summary: 'Het plan van het huishouden maken (één plan per huishouden; bestaat het al, dan krijgt u dat)',
  access: schrijvers, params: idParams,
  responses: { 201: { description: 'Het plan', schema: planUitvoer } },
  problems: [...schrijfProblemen],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      await maakPlan(tx, actor!, params.id);
      return { status: 201, body: (await planResource(tx, params.id))! };
    }),
});

const doel = defineRoute({
  method: 'POST', path: '/casussen/{id}/plan/doelen', tag: 'Plan', summary: 'Een doel toevoegen: leefgebied, meetbaar resultaat en streefdatum',
  access: schrijvers, params: idParams, body: doelInvoer,
  responses: { 201: { description: 'Het doel', schema: doelUitvoer } },
  problems: [...schrijfProblemen],
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const id = await voegDoelToe(tx, actor!, params.id, body);
      const plan = (await planResource(tx, params.id))!;
      return { status: 201, body: plan.doelen.find((d) => d.id === id)! };
    }),
});

const arrangement = defineRoute({
  method: 'POST', path: '/casussen/{id}/plan/arrangement', tag: 'Plan', summary: 'Een onderdeel van het arrangement toevoegen, van onder naar boven langs de ladder',
  description: 'Een hogere trede dan er al is voor het doel vraagt om een motivering (anders 400 ladder-motivering-ontbreekt). Wat de catalogus zonder beschikking toestaat, wordt direct ingezet tot de grens; trede 4 of meer dan de grens wordt een aanvraag (status aanvraagNodig).',
  access: schrijvers, params: idParams, body: arrangementInvoer,
  responses: { 201: { description: 'Het onderdeel', schema: arrangementUitvoer.extend({ redenAanvraag: z.string().nullable() }) } },
  problems: [...schrijfProblemen, 'ladder-motivering-ontbreekt', 'trede-past-niet'],
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const r = await voegArrangementToe(tx, actor!, params.id, { ...body, trede: body.trede as Trede, startdatum: body.startdatum ?? vandaag() });
      const item = (await arrangementVanPlan(tx, (await planVanCasus(tx, params.id))!.id)).find((i) => i.id === r.id)!;
      return { status: 201, body: { ...itemResource(item), redenAanvraag: r.reden } };
    }),
});

const instemming = defineRoute({
  method: 'POST', path: '/casussen/{id}/plan/instemming', tag: 'Plan', summary: 'De instemming van de inwoner vastleggen (datum en hoe); het plan wordt actief',
  access: schrijvers, params: idParams, body: instemmingInvoer,
  responses: { 200: { description: 'Het plan', schema: planUitvoer } },
  problems: [...schrijfProblemen],
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      await legInstemmingVast(tx, actor!, params.id, body.datum, body.wijze);
      return { body: (await planResource(tx, params.id))! };
    }),
});

const evaluatiePlannen = defineRoute({
  method: 'POST', path: '/casussen/{id}/plan/evaluaties', tag: 'Plan', summary: 'Een evaluatiemoment plannen',
  access: schrijvers, params: idParams, body: evaluatiePlanning,
  responses: { 201: { description: 'Het plan', schema: planUitvoer } },
  problems: [...schrijfProblemen],
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      await planEvaluatie(tx, actor!, params.id, body.geplandOp);
      return { status: 201, body: (await planResource(tx, params.id))! };
    }),
});

const evaluatieHouden = defineRoute({
  method: 'POST', path: '/casussen/{id}/plan/evaluaties/{evaluatieId}/uitvoering', tag: 'Plan',
  summary: 'Evalueren: doelen beoordelen (behaald, deels, niet behaald, vervallen), met het evaluatiegesprek, en het plan voortzetten, aanpassen of afsluiten',
  access: schrijvers, params: z.object({ id: z.uuid(), evaluatieId: z.uuid() }), body: evaluatieUitvoering,
  responses: { 200: { description: 'Het plan', schema: planUitvoer } },
  problems: [...schrijfProblemen, 'evaluatie-onvolledig', 'evaluatie-al-gehouden'],
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      await evalueer(tx, actor!, params.id, params.evaluatieId, body);
      return { body: (await planResource(tx, params.id))! };
    }),
});

export const planRoutes: AnyRoute[] = [lezen, maken, doel, arrangement, instemming, evaluatiePlannen, evaluatieHouden];
