import { appendAudit, listForPerson, type AuditRow } from '../../platform/audit/store.ts';
import { notFound } from '../../platform/http/problem.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import { findPersoonByBsn } from '../inwoners/index.ts';

/**
 * A person's trail for the privacy officer, newest first; reading it is itself recorded in that
 * person's trail (in the use case, ADR 34). 404 for an unknown BSN.
 */
export async function leesAudittrail(
  tx: Tx, actor: Actor, wie: { persoonId?: string | undefined; bsn?: string | undefined }, aantal: number, voor?: number,
): Promise<{ persoonId: string; regels: AuditRow[] }> {
  const persoonId = wie.persoonId ?? (wie.bsn ? (await findPersoonByBsn(tx, wie.bsn))?.id : undefined);
  if (!persoonId) throw notFound('Deze inwoner');
  const regels = await listForPerson(tx, persoonId, aantal, voor);
  await appendAudit(tx, actor, [{ actie: 'lezen', resourceType: 'auditlog', resourceId: persoonId, persoonId, doel: 'privacytoezicht' }]);
  return { persoonId, regels };
}
