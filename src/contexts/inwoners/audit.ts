import { appendAudit, type AuditRecord } from '../../platform/audit/store.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import { huishoudenLeden } from './store.ts';

/**
 * What is said or decided about a household concerns every member: one audit entry per member,
 * in the caller's transaction.
 */
export async function auditHuishouden(
  tx: Tx, actor: Actor, huishoudenId: string, actie: AuditRecord['actie'], resourceType: string, resourceId: string, doel: string,
): Promise<void> {
  const leden = await huishoudenLeden(tx, huishoudenId);
  await appendAudit(tx, actor, leden.map((l) => ({ actie, resourceType, resourceId, persoonId: l.id, doel })));
}
