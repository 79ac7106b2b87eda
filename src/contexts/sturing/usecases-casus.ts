/**
 * Sturing's use cases that touch a person's file: recording the satisfaction answer and showing the
 * cases behind a figure. Each writes its own audit entries (ADR 34), so every caller leaves the same trail.
 */
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import { auditHuishouden } from '../inwoners/index.ts';
import { zichtbareHuishoudens } from '../privacy/index.ts';
import { casusVoorWerk } from '../toegang/index.ts';
import { insertTevredenheid, onderliggend, personenAchterRijen, type KpiFilter } from './store.ts';

export interface TevredenheidInvoer { datum: string; goedGeholpen: boolean; cijfer?: number | undefined; toelichting?: string | undefined }

/** The resident's answer to "Voelt u zich goed geholpen?", by the casusregisseur of the casus. */
export async function legTevredenheidVast(tx: Tx, actor: Actor, casusId: string, inv: TevredenheidInvoer): Promise<string> {
  const casus = await casusVoorWerk(tx, actor, casusId, { schrijven: true });
  const id = await insertTevredenheid(tx, {
    gemeenteId: actor.gemeenteId, casusId: casus.id, datum: inv.datum, goedGeholpen: inv.goedGeholpen, cijfer: inv.cijfer ?? null,
    toelichting: inv.toelichting ?? null, door: actor.gebruikerId,
  });
  await auditHuishouden(tx, actor, casus.huishoudenId, 'aanmaken', 'tevredenheid', id, 'tevredenheid vastleggen');
  return id;
}

/**
 * The cases behind a figure, limited to the households the asker may see (the one access rule), with
 * one audit entry for the figure and one per person shown, so the drill-down is in each person's trail.
 */
export async function casussenAchterKpi(tx: Tx, actor: Actor, kpiId: string, f: KpiFilter, momentopname: boolean, limiet: number) {
  const r = await onderliggend(tx, kpiId, f, momentopname, limiet, (kolom) => zichtbareHuishoudens(actor, kolom));
  const doel = `sturing: casussen achter ${kpiId} ${f.van}–${f.tot} inzien`;
  await appendAudit(tx, actor, [
    { actie: 'lezen', resourceType: 'kpi-onderliggend', resourceId: kpiId, persoonId: null, doel },
    ...(await personenAchterRijen(tx, r.rijen)).map((p) => ({ actie: 'lezen' as const, resourceType: 'kpi-onderliggend', resourceId: p.ref, persoonId: p.persoonId, doel })),
  ]);
  return r;
}
