import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/tenancy/tx.ts';
import type { DoorbraakStatus, Oordeel } from './doorbraak-rules.ts';

export interface Doorbraak {
  id: string; casusId: string; casusNummer: string; huishoudenId: string;
  gebruiker: { id: string; naam: string; gebruikersnaam: string };
  reden: string; geldigTot: Date; aangemaaktOp: Date;
  beoordeeldDoor: { id: string; naam: string } | null; beoordeeldOp: Date | null;
  oordeel: Oordeel | null; toelichting: string | null;
}

/**
 * The first moment of the next calendar day in Europe/Amsterdam, after `moment` (default: the
 * transaction's now()). PostgreSQL's time zone data handles the summer-time changes, and the
 * database clock is the one the access rule compares with (geldig_tot > now()).
 */
export const eindeVanDeDag = (moment: RawBuilder<unknown> | Date = sql`now()`): RawBuilder<Date> =>
  sql<Date>`((date_trunc('day', ${moment}::timestamptz at time zone 'Europe/Amsterdam') + interval '1 day') at time zone 'Europe/Amsterdam')`;

const basis = (tx: Tx) => tx.selectFrom('dossier_doorbraken as d')
  .innerJoin('casussen as c', 'c.id', 'd.casus_id')
  .innerJoin('gebruikers as g', 'g.id', 'd.gebruiker_id')
  .leftJoin('gebruikers as b', 'b.id', 'd.beoordeeld_door')
  .select([
    'd.id', 'd.casus_id', 'c.nummer as casus_nummer', 'd.huishouden_id', 'd.gebruiker_id', 'g.naam as g_naam', 'g.gebruikersnaam as g_gebruikersnaam',
    'd.reden', 'd.geldig_tot', 'd.aangemaakt_op', 'd.beoordeeld_door', 'b.naam as b_naam', 'd.beoordeeld_op', 'd.beoordeling', 'd.beoordeling_toelichting',
  ]);
type Row = Awaited<ReturnType<ReturnType<typeof basis>['executeTakeFirstOrThrow']>>;
const toDoorbraak = (r: Row): Doorbraak => ({
  id: r.id, casusId: r.casus_id, casusNummer: r.casus_nummer, huishoudenId: r.huishouden_id,
  gebruiker: { id: r.gebruiker_id, naam: r.g_naam, gebruikersnaam: r.g_gebruikersnaam },
  reden: r.reden, geldigTot: new Date(r.geldig_tot), aangemaaktOp: new Date(r.aangemaakt_op),
  beoordeeldDoor: r.beoordeeld_door && r.b_naam ? { id: r.beoordeeld_door, naam: r.b_naam } : null,
  beoordeeldOp: r.beoordeeld_op ? new Date(r.beoordeeld_op) : null,
  oordeel: r.beoordeling as Oordeel | null, toelichting: r.beoordeling_toelichting,
});

export async function getDoorbraak(tx: Tx, id: string, lock = false): Promise<Doorbraak | undefined> {
  let q = basis(tx).where('d.id', '=', id);
  if (lock) q = q.forUpdate('d');
  const r = await q.executeTakeFirst();
  return r && toDoorbraak(r);
}

/** The user's grant on this casus's household that is still valid now, the longest-running first. */
export async function actieveDoorbraak(tx: Tx, gebruikerId: string, huishoudenId: string): Promise<Doorbraak | undefined> {
  const r = await basis(tx)
    .where('d.gebruiker_id', '=', gebruikerId).where('d.huishouden_id', '=', huishoudenId).where('d.geldig_tot', '>', sql<Date>`now()`)
    .orderBy('d.geldig_tot', 'desc').limit(1).executeTakeFirst();
  return r && toDoorbraak(r);
}

export async function insertDoorbraak(tx: Tx, d: { gemeenteId: string; casusId: string; huishoudenId: string; gebruikerId: string; reden: string }): Promise<string> {
  const { id } = await tx.insertInto('dossier_doorbraken').values({
    gemeente_id: d.gemeenteId, casus_id: d.casusId, huishouden_id: d.huishoudenId, gebruiker_id: d.gebruikerId, reden: d.reden,
    geldig_tot: eindeVanDeDag(),
  }).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** The casus with this exact number in the transaction's gemeente (row-level security). */
export async function casusIdOpNummer(tx: Tx, nummer: string): Promise<string | undefined> {
  return (await tx.selectFrom('casussen').select('id').where('nummer', '=', nummer).executeTakeFirst())?.id;
}

/** Newest first; `open` is what the privacy officer still has to review. */
export async function listDoorbraken(tx: Tx, f: { status: DoorbraakStatus; pagina: number; aantal: number }) {
  let q = basis(tx);
  if (f.status === 'open') q = q.where('d.beoordeeld_op', 'is', null);
  if (f.status === 'beoordeeld') q = q.where('d.beoordeeld_op', 'is not', null);
  const rows = await q.select(sql<number>`count(*) over ()`.as('totaal'))
    .orderBy('d.aangemaakt_op', 'desc').orderBy('d.id')
    .limit(f.aantal).offset((f.pagina - 1) * f.aantal).execute();
  return { rijen: rows.map(toDoorbraak), totaal: Number(rows[0]?.totaal ?? 0) };
}

/** Records the review once: a row already reviewed is not touched (the caller checks the count). */
export async function beoordeelDoorbraak(tx: Tx, b: { id: string; door: string; oordeel: Oordeel; toelichting: string | null }): Promise<boolean> {
  const r = await tx.updateTable('dossier_doorbraken')
    .set({ beoordeeld_door: b.door, beoordeeld_op: sql<Date>`now()`, beoordeling: b.oordeel, beoordeling_toelichting: b.toelichting })
    .where('id', '=', b.id).where('beoordeeld_op', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
