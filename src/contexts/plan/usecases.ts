import type { AuditRecord } from '../../platform/audit/store.ts';
import { Problem, notFound } from '../../platform/http/problem.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import { getCatalogusItem, type Trede } from '../catalogus/index.ts';
import { getGesprek } from '../gesprek/index.ts';
import { auditHuishouden } from '../inwoners/index.ts';
import { casusVoorWerk } from '../toegang/index.ts';
import { bepaalInzet, controleerEvaluatie, type Omvang, inzetRedenTekst, motiveringVereist, tredeKlopt, type DoelStatus, type EvaluatieBesluit, type InstemmingWijze } from './rules.ts';
import {
  arrangementVanPlan, doelenVanPlan, evaluatieVoorWijziging, insertArrangementItem, insertDoel, insertEvaluatie, insertPlan, nieuweVersie,
  planVanCasus, voerEvaluatieUit, zetDoelStatussen, zetInstemming, zetPlanStatus, type Plan,
} from './store.ts';

/**
 * The plan concerns every member of the household: one entry per member, in the use case so the
 * route, the demo and any job write the same trail (ADR 34). Checks the casus' circle (404/403).
 */
async function auditPlan(tx: Tx, actor: Actor, casusId: string, actie: AuditRecord['actie'], resourceId: string, doel: string): Promise<void> {
  const casus = await casusVoorWerk(tx, actor, casusId, { schrijven: false });
  await auditHuishouden(tx, actor, casus.huishoudenId, actie, 'plan', resourceId, doel);
}

/** The household's plan for reading (undefined when there is none yet), audited as 'plan inzien'. */
export async function leesPlan(tx: Tx, actor: Actor, casusId: string): Promise<Plan | undefined> {
  await auditPlan(tx, actor, casusId, 'lezen', casusId, 'plan inzien');
  return planVanCasus(tx, casusId);
}

/** 1 gezin, 1 plan: the household's one plan, made on first use. */
async function hetPlan(tx: Tx, actor: Actor, casusId: string): Promise<Plan> {
  const casus = await casusVoorWerk(tx, actor, casusId, { schrijven: true });
  const plan = (await planVanCasus(tx, casusId, true)) ?? (await insertPlan(tx, { gemeenteId: actor.gemeenteId, casusId, huishoudenId: casus.huishoudenId }));
  if (plan.status === 'gesloten') throw new Problem('plan-gesloten', 'Dit plan is afgesloten. Open een nieuwe casus voor een nieuwe vraag.');
  return plan;
}

export async function maakPlan(tx: Tx, actor: Actor, casusId: string): Promise<Plan> {
  const plan = await hetPlan(tx, actor, casusId);
  if (plan.versie === 0) await nieuweVersie(tx, actor.gemeenteId, plan.id, 'Plan gemaakt', actor.gebruikerId);
  await auditPlan(tx, actor, casusId, 'aanmaken', casusId, 'plan maken');
  return plan;
}

export async function voegDoelToe(tx: Tx, actor: Actor, casusId: string, d: { leefgebied: string; omschrijving: string; meetbaarResultaat: string; streefdatum: string }): Promise<string> {
  const plan = await hetPlan(tx, actor, casusId);
  const id = await insertDoel(tx, { ...d, gemeenteId: actor.gemeenteId, planId: plan.id });
  await nieuweVersie(tx, actor.gemeenteId, plan.id, `Doel toegevoegd: ${d.omschrijving}`, actor.gebruikerId);
  await auditPlan(tx, actor, casusId, 'wijzigen', id, 'doel toevoegen');
  return id;
}

export interface ArrangementInvoer {
  doelId: string; trede: Trede; catalogusItemId?: string | undefined; omschrijving?: string | undefined; motivering?: string | undefined;
  verantwoordelijke?: string | undefined; omvang?: Omvang | undefined; startdatum: string; einddatum?: string | undefined;
}

const standaardVerantwoordelijke: Record<Trede, string> = { 1: 'Inwoner', 2: 'Sociaal netwerk', 3: 'Aanbieder', 4: 'Aanbieder' };

/**
 * Adds an item to the arrangement, bottom-up: a higher rung than anything on the goal needs a
 * motivation; what the catalogue allows without beschikking is deployed at once up to its limit,
 * everything else is marked as a request for the decision process (aanvraagNodig).
 */
export async function voegArrangementToe(tx: Tx, actor: Actor, casusId: string, a: ArrangementInvoer): Promise<{ id: string; status: 'ingezet' | 'aanvraagNodig'; reden: string | null }> {
  const plan = await hetPlan(tx, actor, casusId);
  const doel = (await doelenVanPlan(tx, plan.id)).find((d) => d.id === a.doelId);
  if (!doel) throw new Problem('ongeldige-invoer', 'Dit doel hoort niet bij het plan van deze casus.', [{ name: 'doelId', code: 'onbekend', reason: 'Kies een doel van dit plan' }]);
  const catalogus = a.catalogusItemId ? await getCatalogusItem(tx, a.catalogusItemId) : null;
  if (a.catalogusItemId && (!catalogus || !catalogus.actief)) {
    throw new Problem('ongeldige-invoer', 'Dit product staat niet (meer) in de catalogus.', [{ name: 'catalogusItemId', code: 'onbekend', reason: 'Kies een product uit de catalogus' }]);
  }
  if (!catalogus && !a.omschrijving) {
    throw new Problem('ongeldige-invoer', 'Kies een product uit de catalogus of beschrijf de inzet (bijv. wat de inwoner zelf doet, of wie uit het netwerk helpt).', [
      { name: 'omschrijving', code: 'verplicht', reason: 'Beschrijf de inzet of kies een product' },
    ]);
  }
  if (!tredeKlopt(a.trede, catalogus?.trede ?? null)) {
    throw new Problem('trede-past-niet', `'${catalogus!.naam}' staat op trede ${catalogus!.trede}, niet op trede ${a.trede}.`, [{ name: 'trede', code: 'past-niet', reason: `Dit product staat op trede ${catalogus!.trede}` }]);
  }
  const bestaand = (await arrangementVanPlan(tx, plan.id)).filter((i) => i.doelId === a.doelId && i.status !== 'beeindigd');
  if (motiveringVereist(bestaand.map((i) => i.trede), a.trede) && !a.motivering?.trim()) {
    throw new Problem('ladder-motivering-ontbreekt', `Leg uit waarom de lagere treden niet volstaan voordat u trede ${a.trede} inzet voor dit doel.`, [
      { name: 'motivering', code: 'ladder-motivering-ontbreekt', reason: 'Waarom volstaan eigen kracht, netwerk of voorliggend veld niet?' },
    ]);
  }
  const inzet = bepaalInzet(a.trede, catalogus ? { trede: catalogus.trede, beschikkingNodig: catalogus.beschikkingNodig, limiet: catalogus.limiet } : null, a.omvang ?? null);
  const id = await insertArrangementItem(tx, {
    gemeenteId: actor.gemeenteId, planId: plan.id, doelId: a.doelId, trede: a.trede, catalogusItemId: catalogus?.id ?? null,
    omschrijving: a.omschrijving ?? null, motivering: a.motivering?.trim() || null,
    verantwoordelijke: a.verantwoordelijke ?? (catalogus && a.trede >= 3 ? catalogus.aanbieder : standaardVerantwoordelijke[a.trede]),
    omvang: a.omvang ?? null, startdatum: a.startdatum, einddatum: a.einddatum ?? null, status: inzet.status, door: actor.gebruikerId,
  });
  await nieuweVersie(tx, actor.gemeenteId, plan.id, `Arrangement: ${catalogus?.naam ?? a.omschrijving} (trede ${a.trede})`, actor.gebruikerId);
  await auditPlan(tx, actor, casusId, 'wijzigen', id, 'arrangement samenstellen');
  return { id, status: inzet.status, reden: inzet.status === 'aanvraagNodig' ? inzetRedenTekst[inzet.reden] : null };
}

export async function legInstemmingVast(tx: Tx, actor: Actor, casusId: string, datum: string, wijze: InstemmingWijze): Promise<void> {
  const plan = await hetPlan(tx, actor, casusId);
  if ((await doelenVanPlan(tx, plan.id)).length === 0) throw new Problem('ongeldige-invoer', 'Een plan zonder doelen kan nog niet worden afgesproken.', [{ name: 'datum', code: 'geen-doelen', reason: 'Voeg eerst doelen toe' }]);
  await zetInstemming(tx, plan.id, datum, wijze);
  await nieuweVersie(tx, actor.gemeenteId, plan.id, `Inwoner stemt in (${wijze})`, actor.gebruikerId);
  await auditPlan(tx, actor, casusId, 'wijzigen', casusId, 'instemming vastleggen');
}

export async function planEvaluatie(tx: Tx, actor: Actor, casusId: string, geplandOp: string): Promise<string> {
  const plan = await hetPlan(tx, actor, casusId);
  const id = await insertEvaluatie(tx, { gemeenteId: actor.gemeenteId, planId: plan.id, geplandOp });
  await auditPlan(tx, actor, casusId, 'wijzigen', casusId, 'evaluatie plannen');
  return id;
}

/**
 * The evaluation: each goal gets a status, the domains were re-scored in a conversation with the
 * same instrument (gesprekId), and the plan continues, changes or closes.
 */
export async function evalueer(tx: Tx, actor: Actor, casusId: string, evaluatieId: string, e: {
  gehoudenOp: string; gesprekId?: string | undefined; besluit: EvaluatieBesluit; toelichting?: string | undefined; doelen: { doelId: string; status: DoelStatus }[];
}): Promise<void> {
  const plan = await hetPlan(tx, actor, casusId);
  const ev = await evaluatieVoorWijziging(tx, plan.id, evaluatieId);
  if (!ev) throw notFound('Deze evaluatie');
  if (ev.gehouden_op) throw new Problem('evaluatie-al-gehouden', 'Deze evaluatie is al gehouden; plan een nieuwe.');
  if (e.gesprekId) {
    const g = await getGesprek(tx, e.gesprekId);
    if (!g || g.casusId !== casusId) throw new Problem('ongeldige-invoer', 'Dit gesprek hoort niet bij deze casus.', [{ name: 'gesprekId', code: 'onbekend', reason: 'Kies een gesprek van deze casus' }]);
  }
  const doelen = await doelenVanPlan(tx, plan.id);
  const nieuw = new Map(e.doelen.map((d) => [d.doelId, d.status]));
  const fout = controleerEvaluatie(e.besluit, doelen, nieuw);
  if (fout) throw new Problem('evaluatie-onvolledig', fout, [{ name: 'doelen', code: 'onvolledig', reason: fout }]);
  await zetDoelStatussen(tx, nieuw);
  await voerEvaluatieUit(tx, evaluatieId, { gehoudenOp: e.gehoudenOp, gesprekId: e.gesprekId ?? null, besluit: e.besluit, toelichting: e.toelichting ?? null, doelstatussen: e.doelen, door: actor.gebruikerId });
  if (e.besluit === 'afsluiten') await zetPlanStatus(tx, plan.id, 'gesloten');
  await nieuweVersie(tx, actor.gemeenteId, plan.id, `Evaluatie: ${e.besluit}`, actor.gebruikerId);
  await auditPlan(tx, actor, casusId, 'wijzigen', evaluatieId, 'evalueren');
}
