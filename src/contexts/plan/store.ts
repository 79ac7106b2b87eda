import type { Tx } from '../../platform/tenancy/tx.ts';
import type { DoelStatus, EvaluatieBesluit, InstemmingWijze, Omvang, Trede } from './rules.ts';

export interface Plan {
  id: string; casusId: string; huishoudenId: string; versie: number; status: 'concept' | 'actief' | 'gesloten';
  instemming: { datum: string; wijze: InstemmingWijze } | null; gewijzigdOp: Date;
}
export interface Doel {
  id: string; leefgebied: string; omschrijving: string; meetbaarResultaat: string; streefdatum: string; status: DoelStatus;
}
export interface ArrangementItem {
  id: string; doelId: string; trede: Trede; catalogusItem: { id: string; naam: string; aanbieder: string } | null; omschrijving: string | null;
  motivering: string | null; verantwoordelijke: string; omvang: Omvang | null; startdatum: string;
  einddatum: string | null; status: 'ingezet' | 'aanvraagNodig' | 'beeindigd'; aangemaaktOp: Date;
}
export interface Evaluatie {
  id: string; geplandOp: string; gehoudenOp: string | null; gesprekId: string | null; besluit: EvaluatieBesluit | null; toelichting: string | null;
  doelstatussen: { doelId: string; status: DoelStatus }[] | null;
}

const toPlan = (r: { id: string; casus_id: string; huishouden_id: string; versie: number; status: string; instemming_datum: string | null; instemming_wijze: string | null; gewijzigd_op: Date }): Plan => ({
  id: r.id, casusId: r.casus_id, huishoudenId: r.huishouden_id, versie: r.versie, status: r.status as Plan['status'],
  instemming: r.instemming_datum && r.instemming_wijze ? { datum: r.instemming_datum, wijze: r.instemming_wijze as InstemmingWijze } : null,
  gewijzigdOp: r.gewijzigd_op,
});

export async function planVanCasus(tx: Tx, casusId: string, lock = false): Promise<Plan | undefined> {
  let q = tx.selectFrom('plannen').selectAll().where('casus_id', '=', casusId);
  if (lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r && toPlan(r);
}

export async function insertPlan(tx: Tx, p: { gemeenteId: string; casusId: string; huishoudenId: string }): Promise<Plan> {
  const r = await tx.insertInto('plannen').values({ gemeente_id: p.gemeenteId, casus_id: p.casusId, huishouden_id: p.huishoudenId, versie: 0 })
    .returningAll().executeTakeFirstOrThrow();
  return toPlan(r);
}

export async function doelenVanPlan(tx: Tx, planId: string): Promise<Doel[]> {
  const rows = await tx.selectFrom('doelen').selectAll().where('plan_id', '=', planId).orderBy('aangemaakt_op').execute();
  return rows.map((r) => ({
    id: r.id, leefgebied: r.leefgebied, omschrijving: r.omschrijving, meetbaarResultaat: r.meetbaar_resultaat, streefdatum: r.streefdatum, status: r.status as DoelStatus,
  }));
}

export async function insertDoel(tx: Tx, d: Omit<Doel, 'id' | 'status'> & { gemeenteId: string; planId: string }): Promise<string> {
  const r = await tx.insertInto('doelen').values({
    gemeente_id: d.gemeenteId, plan_id: d.planId, leefgebied: d.leefgebied, omschrijving: d.omschrijving, meetbaar_resultaat: d.meetbaarResultaat, streefdatum: d.streefdatum,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function zetDoelStatussen(tx: Tx, statussen: ReadonlyMap<string, DoelStatus>): Promise<void> {
  for (const [id, status] of statussen) await tx.updateTable('doelen').set({ status }).where('id', '=', id).execute();
}

export async function arrangementVanPlan(tx: Tx, planId: string): Promise<ArrangementItem[]> {
  const rows = await tx.selectFrom('arrangement_items as a')
    .leftJoin('catalogus_items as c', 'c.id', 'a.catalogus_item_id')
    .select(['a.id', 'a.doel_id', 'a.trede', 'c.id as c_id', 'c.naam as c_naam', 'c.aanbieder as c_aanbieder', 'a.omschrijving', 'a.motivering',
      'a.verantwoordelijke', 'a.omvang', 'a.omvang_eenheid', 'a.omvang_cents', 'a.startdatum', 'a.einddatum', 'a.status', 'a.aangemaakt_op'])
    .where('a.plan_id', '=', planId).orderBy('a.trede').orderBy('a.aangemaakt_op').execute();
  return rows.map((r) => ({
    id: r.id, doelId: r.doel_id, trede: r.trede as Trede,
    catalogusItem: r.c_id && r.c_naam ? { id: r.c_id, naam: r.c_naam, aanbieder: r.c_aanbieder ?? '' } : null,
    omschrijving: r.omschrijving, motivering: r.motivering, verantwoordelijke: r.verantwoordelijke,
    omvang: omvangVanRij(r),
    startdatum: r.startdatum, einddatum: r.einddatum, status: r.status as ArrangementItem['status'], aangemaaktOp: r.aangemaakt_op,
  }));
}

/** Euros from omvang_cents; a row bulk-loaded with whole euros in omvang (before 0029's column) still reads right. */
function omvangVanRij(r: { omvang: number | null; omvang_eenheid: string | null; omvang_cents: number | null }): Omvang | null {
  if (r.omvang_eenheid === 'uur') return r.omvang ? { eenheid: 'uur', waarde: r.omvang } : null;
  if (r.omvang_eenheid === 'euro') {
    const cents = r.omvang_cents ?? (r.omvang ? r.omvang * 100 : null);
    return cents ? { eenheid: 'euro', waardeCents: Number(cents) } : null;
  }
  return null;
}

export async function insertArrangementItem(tx: Tx, a: {
  gemeenteId: string; planId: string; doelId: string; trede: Trede; catalogusItemId: string | null; omschrijving: string | null; motivering: string | null;
  verantwoordelijke: string; omvang: Omvang | null; startdatum: string; einddatum: string | null;
  status: ArrangementItem['status']; door: string | null;
}): Promise<string> {
  const r = await tx.insertInto('arrangement_items').values({
    gemeente_id: a.gemeenteId, plan_id: a.planId, doel_id: a.doelId, trede: a.trede, catalogus_item_id: a.catalogusItemId, omschrijving: a.omschrijving,
    motivering: a.motivering, verantwoordelijke: a.verantwoordelijke, omvang: a.omvang?.eenheid === 'uur' ? a.omvang.waarde : null, omvang_eenheid: a.omvang?.eenheid ?? null,
    omvang_cents: a.omvang?.eenheid === 'euro' ? a.omvang.waardeCents : null,
    startdatum: a.startdatum, einddatum: a.einddatum, status: a.status, toegevoegd_door: a.door,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function zetInstemming(tx: Tx, planId: string, datum: string, wijze: InstemmingWijze): Promise<void> {
  await tx.updateTable('plannen').set({ instemming_datum: datum, instemming_wijze: wijze, status: 'actief' }).where('id', '=', planId).execute();
}

export async function zetPlanStatus(tx: Tx, planId: string, status: Plan['status']): Promise<void> {
  await tx.updateTable('plannen').set({ status }).where('id', '=', planId).execute();
}

/** Every change makes a new version: the plan's content as it now stands, with who, when and why. */
export async function nieuweVersie(tx: Tx, gemeenteId: string, planId: string, reden: string, door: string | null): Promise<number> {
  const plan = (await tx.selectFrom('plannen').selectAll().where('id', '=', planId).executeTakeFirstOrThrow());
  const versie = plan.versie + 1;
  const inhoud = {
    status: plan.status, instemming: plan.instemming_datum ? { datum: plan.instemming_datum, wijze: plan.instemming_wijze } : null,
    doelen: await doelenVanPlan(tx, planId), arrangement: await arrangementVanPlan(tx, planId),
  };
  await tx.updateTable('plannen').set({ versie, gewijzigd_op: new Date() }).where('id', '=', planId).execute();
  await tx.insertInto('plan_versies').values({ plan_id: planId, gemeente_id: gemeenteId, versie, inhoud: JSON.stringify(inhoud), reden, door }).execute();
  return versie;
}

export async function versiesVanPlan(tx: Tx, planId: string) {
  return tx.selectFrom('plan_versies as v').leftJoin('gebruikers as g', 'g.id', 'v.door')
    .select(['v.versie', 'v.moment', 'v.reden', 'g.naam as door']).where('v.plan_id', '=', planId).orderBy('v.versie', 'desc').execute();
}

export async function versieInhoud(tx: Tx, planId: string, versie: number): Promise<unknown> {
  return (await tx.selectFrom('plan_versies').select('inhoud').where('plan_id', '=', planId).where('versie', '=', versie).executeTakeFirst())?.inhoud;
}

export async function evaluatiesVanPlan(tx: Tx, planId: string): Promise<Evaluatie[]> {
  const rows = await tx.selectFrom('evaluaties').selectAll().where('plan_id', '=', planId).orderBy('gepland_op').execute();
  return rows.map((r) => ({
    id: r.id, geplandOp: r.gepland_op, gehoudenOp: r.gehouden_op, gesprekId: r.gesprek_id, besluit: r.besluit as EvaluatieBesluit | null,
    toelichting: r.toelichting, doelstatussen: r.doelstatussen as Evaluatie['doelstatussen'],
  }));
}

export async function insertEvaluatie(tx: Tx, e: { gemeenteId: string; planId: string; geplandOp: string }): Promise<string> {
  return (await tx.insertInto('evaluaties').values({ gemeente_id: e.gemeenteId, plan_id: e.planId, gepland_op: e.geplandOp }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function voerEvaluatieUit(tx: Tx, id: string, e: {
  gehoudenOp: string; gesprekId: string | null; besluit: EvaluatieBesluit; toelichting: string | null; doelstatussen: { doelId: string; status: DoelStatus }[]; door: string | null;
}): Promise<void> {
  await tx.updateTable('evaluaties').set({
    gehouden_op: e.gehoudenOp, gesprek_id: e.gesprekId, besluit: e.besluit, toelichting: e.toelichting, doelstatussen: JSON.stringify(e.doelstatussen), door: e.door,
  }).where('id', '=', id).execute();
}

export async function evaluatieVoorWijziging(tx: Tx, planId: string, id: string) {
  return tx.selectFrom('evaluaties').select(['id', 'gehouden_op']).where('plan_id', '=', planId).where('id', '=', id).forUpdate().executeTakeFirst();
}


/** Arrangement items with their plan's casus and catalogue product, for requests to the decision process. */
export async function itemsVoorAanvraag(tx: Tx, ids: readonly string[]) {
  if (!ids.length) return [];
  const rows = await tx.selectFrom('arrangement_items as a').innerJoin('plannen as p', 'p.id', 'a.plan_id').leftJoin('catalogus_items as c', 'c.id', 'a.catalogus_item_id')
    .select(['a.id', 'a.plan_id', 'p.casus_id', 'a.trede', 'a.status', 'a.catalogus_item_id', 'a.omschrijving', 'c.naam', 'c.domein', 'a.doel_id'])
    .where('a.id', 'in', [...ids]).execute();
  return rows.map((r) => ({
    id: r.id, planId: r.plan_id, casusId: r.casus_id, trede: r.trede, status: r.status, catalogusItemId: r.catalogus_item_id,
    omschrijving: r.naam ?? r.omschrijving ?? '', domein: r.domein, doelId: r.doel_id,
  }));
}

/** After the decision: granted items are deployed, refused ones end. */
export async function zetItemStatus(tx: Tx, ids: readonly string[], status: ArrangementItem['status']): Promise<void> {
  if (ids.length) await tx.updateTable('arrangement_items').set({ status }).where('id', 'in', [...ids]).execute();
}
