import { sql } from 'kysely';
import type { Actor, Tx } from '../tenancy/tx.ts';
import { GENESIS_HASH, entryHash, verifyRun, type AuditEntry, type ChainBreak } from './rules.ts';

export interface AuditRecord {
  actie: AuditEntry['actie'];
  resourceType: string;
  resourceId: string;
  persoonId: string | null;
  doel: string;
}

/**
 * Appends entries to the gemeente's chain inside the caller's transaction, so the action and its
 * trail commit or roll back together. An advisory lock per gemeente serialises writers.
 */
export async function appendAudit(tx: Tx, actor: Actor, records: readonly AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  await sql`select pg_advisory_xact_lock(hashtextextended(${'audit:' + actor.gemeenteId}, 0))`.execute(tx);
  const last = await tx
    .selectFrom('auditlog')
    .select(['volgnummer', 'hash'])
    .where('gemeente_id', '=', actor.gemeenteId)
    .orderBy('volgnummer', 'desc')
    .limit(1)
    .executeTakeFirst();
  let prev = { volgnummer: last ? Number(last.volgnummer) : 0, hash: last?.hash ?? GENESIS_HASH };
  const moment = new Date().toISOString();
  const rows = records.map((r) => {
    const entry: AuditEntry = {
      gemeenteId: actor.gemeenteId, volgnummer: prev.volgnummer + 1, moment, gebruikerId: actor.gebruikerId,
      gebruikersnaam: actor.gebruikersnaam, rol: actor.rol, actie: r.actie, resourceType: r.resourceType,
      resourceId: r.resourceId, persoonId: r.persoonId, doel: r.doel, vorigeHash: prev.hash,
    };
    const hash = entryHash(entry);
    prev = { volgnummer: entry.volgnummer, hash };
    return {
      gemeente_id: entry.gemeenteId, volgnummer: entry.volgnummer, moment: entry.moment, gebruiker_id: entry.gebruikerId,
      gebruikersnaam: entry.gebruikersnaam, rol: entry.rol, actie: entry.actie, resource_type: entry.resourceType,
      resource_id: entry.resourceId, persoon_id: entry.persoonId, doel: entry.doel, vorige_hash: entry.vorigeHash, hash,
    };
  });
  await tx.insertInto('auditlog').values(rows).execute();
}

export interface AuditRow extends AuditEntry { hash: string }

const toEntry = (r: {
  gemeente_id: string; volgnummer: number; moment: Date; gebruiker_id: string | null; gebruikersnaam: string; rol: string;
  actie: string; resource_type: string; resource_id: string; persoon_id: string | null; doel: string; vorige_hash: string; hash: string;
}): AuditRow => ({
  gemeenteId: r.gemeente_id, volgnummer: Number(r.volgnummer), moment: new Date(r.moment).toISOString(), gebruikerId: r.gebruiker_id,
  gebruikersnaam: r.gebruikersnaam, rol: r.rol, actie: r.actie as AuditEntry['actie'], resourceType: r.resource_type,
  resourceId: r.resource_id, persoonId: r.persoon_id, doel: r.doel, vorigeHash: r.vorige_hash, hash: r.hash,
});

export async function listForPerson(tx: Tx, persoonId: string, limit: number, voor?: number): Promise<AuditRow[]> {
  let q = tx.selectFrom('auditlog').selectAll().where('persoon_id', '=', persoonId);
  if (voor !== undefined) q = q.where('volgnummer', '<', voor);
  const rows = await q.orderBy('volgnummer', 'desc').limit(limit).execute();
  return rows.map(toEntry);
}

export interface VerifyResult {
  geldig: boolean;
  aantal: number;
  laatsteHash: string;
  breuk: ChainBreak | null;
}

/** Walks the whole chain of the transaction's gemeente in pages and recomputes every hash. */
export async function verifyChain(tx: Tx, gemeenteId: string, pageSize = 5000): Promise<VerifyResult> {
  let prev = { hash: GENESIS_HASH, volgnummer: 0 };
  let aantal = 0;
  for (;;) {
    const rows = await tx
      .selectFrom('auditlog')
      .selectAll()
      .where('gemeente_id', '=', gemeenteId)
      .where('volgnummer', '>', prev.volgnummer)
      .orderBy('volgnummer')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) break;
    const entries = rows.map(toEntry);
    const breuk = verifyRun(entries, prev);
    if (breuk) return { geldig: false, aantal: aantal + entries.length, laatsteHash: prev.hash, breuk };
    aantal += entries.length;
    const last = entries[entries.length - 1]!;
    prev = { hash: last.hash, volgnummer: last.volgnummer };
  }
  return { geldig: true, aantal, laatsteHash: prev.hash, breuk: null };
}
