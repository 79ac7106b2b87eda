/**
 * What the payment run (context financien, issue 15) may read and mark of the prestaties, which
 * berichten owns: the approved, unpaid prestaties whose 325 went out by a date, tying them to a
 * batch, and a batch's prestaties aggregated per product (never per client: the journal carries no
 * personal data). Set-based: a run over thousands of prestaties is a handful of queries.
 */
import { sql } from 'kysely';
import type { Tx } from '../../platform/tenancy/tx.ts';
import type { Standaard } from './rules.ts';

export interface TeBetalenPrestatie {
  id: string; aanbiederId: string; declaratieId: string; standaard: Standaard; productcategorie: string; productcode: string;
  /** Signed: debit positive, credit negative. */
  toegekendCents: number;
}

/**
 * The approved prestaties not yet in a batch whose declaration was answered (the 325's dagtekening)
 * on or before `tot`, locked (FOR UPDATE) so a concurrent run waits and then finds them paid. Every
 * prestatie of a declaration shares its 325, so a declaration is always paid whole and the batch
 * reconciles to the 325's TotaalToegekendBedrag.
 */
export async function teBetalen(tx: Tx, w: { aanbiederId?: string | undefined; tot: string }): Promise<TeBetalenPrestatie[]> {
  let q = tx.selectFrom('prestaties as p')
    .innerJoin('declaraties as d', 'd.id', 'p.declaratie_id')
    .innerJoin('berichten as a', 'a.id', 'd.antwoord_id')
    .select(['p.id', 'p.aanbieder_id', 'p.declaratie_id', 'p.standaard', 'p.productcategorie', 'p.productcode', 'p.toegekend_cents'])
    .where('p.goedgekeurd', '=', true).where('p.betaalbatch_id', 'is', null).where('a.dagtekening', '<=', w.tot);
  if (w.aanbiederId) q = q.where('p.aanbieder_id', '=', w.aanbiederId);
  const rijen = await q.orderBy('p.aanbieder_id').orderBy('d.dagtekening').orderBy('p.id').forUpdate('p').execute();
  return rijen.map((r) => ({
    id: r.id, aanbiederId: r.aanbieder_id, declaratieId: r.declaratie_id, standaard: r.standaard as Standaard, productcategorie: r.productcategorie,
    productcode: r.productcode, toegekendCents: Number(r.toegekend_cents),
  }));
}

/** Ties prestaties to their batch; only those still unpaid (the count says how many). */
export async function koppelAanBatch(tx: Tx, ids: readonly string[], batchId: string): Promise<number> {
  if (!ids.length) return 0;
  const r = await tx.updateTable('prestaties').set({ betaalbatch_id: batchId })
    .where(sql<boolean>`id = any(${[...ids]}::uuid[])`).where('betaalbatch_id', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export interface BatchRegel {
  standaard: Standaard; productcategorie: string; productcode: string;
  /** Debits and credits apart, so the financial system sees corrections as such. */
  soort: 'debet' | 'credit';
  /** Signed sum. */
  cents: number;
  aantal: number;
}

/** A batch's prestaties summed per law, product and debit/credit. */
export async function prestatiesVanBatch(tx: Tx, batchId: string): Promise<BatchRegel[]> {
  const lijst = (await sql<{ standaard: string; productcategorie: string; productcode: string; soort: string; cents: string; aantal: string }>`
    select standaard, productcategorie, productcode, case when toegekend_cents < 0 then 'credit' else 'debet' end as soort,
      sum(toegekend_cents) as cents, count(*) as aantal
    from prestaties where betaalbatch_id = ${batchId}
    group by 1, 2, 3, 4 order by 1, 2, 3, 4`.execute(tx)).rows;
  return lijst.map((r) => ({
    standaard: r.standaard as Standaard, productcategorie: r.productcategorie, productcode: r.productcode, soort: r.soort === 'credit' ? 'credit' : 'debet',
    cents: Number(r.cents), aantal: Number(r.aantal),
  }));
}

export interface BatchDeclaratie {
  id: string; nummer: string; standaard: Standaard; periodeBegin: string; periodeEind: string;
  /** The 325 that answered it: its identification and dagtekening. */
  antwoordIdentificatie: string | null; antwoordDatum: string | null;
  /** TotaalToegekendBedrag of the 325 (signed cents). */
  toegekendCents: number;
  /** What of it this batch pays (equal to toegekendCents: a declaration is paid whole). */
  inBatchCents: number;
}

/** The declarations a batch pays, with their 325: the reconciliation of the batch total. */
export async function declaratiesVanBatch(tx: Tx, batchId: string): Promise<BatchDeclaratie[]> {
  const rijen = await sql<{
    id: string; nummer: string; standaard: string; periode_begin: string; periode_eind: string; identificatie: string | null; dagtekening: string | null;
    toegekend_cents: string; in_batch: string;
  }>`
    select d.id, d.nummer, d.standaard, d.periode_begin, d.periode_eind, a.identificatie, a.dagtekening, d.toegekend_cents, sum(p.toegekend_cents) as in_batch
    from prestaties p join declaraties d on d.id = p.declaratie_id left join berichten a on a.id = d.antwoord_id
    where p.betaalbatch_id = ${batchId}
    group by d.id, a.identificatie, a.dagtekening
    order by a.dagtekening, d.nummer`.execute(tx);
  return rijen.rows.map((r) => ({
    id: r.id, nummer: r.nummer, standaard: r.standaard as Standaard, periodeBegin: r.periode_begin, periodeEind: r.periode_eind,
    antwoordIdentificatie: r.identificatie, antwoordDatum: r.dagtekening,
    toegekendCents: Number(r.toegekend_cents), inBatchCents: Number(r.in_batch),
  }));
}
