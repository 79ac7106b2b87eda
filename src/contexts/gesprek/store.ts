import type { Tx } from '../../platform/tenancy/tx.ts';
import type { DeelnemerRol, GesprekSoort, InstrumentDefinitie, Plek, ScoreInvoer } from './rules.ts';

export interface Instrument extends InstrumentDefinitie { id: string }

const toInstrument = (r: { id: string; code: string; naam: string; schaal: unknown; domeinen: unknown; standaard: boolean }): Instrument => ({
  id: r.id, code: r.code, naam: r.naam, schaal: r.schaal as Instrument['schaal'], domeinen: r.domeinen as Instrument['domeinen'], standaard: r.standaard,
});

export async function listInstrumenten(tx: Tx): Promise<Instrument[]> {
  const rows = await tx.selectFrom('instrumenten').selectAll().orderBy('standaard', 'desc').orderBy('naam').execute();
  return rows.map(toInstrument);
}

export async function instrumentOpCode(tx: Tx, code: string | undefined): Promise<Instrument | undefined> {
  let q = tx.selectFrom('instrumenten').selectAll();
  q = code ? q.where('code', '=', code) : q.where('standaard', '=', true);
  const r = await q.executeTakeFirst();
  return r && toInstrument(r);
}

export async function insertInstrumenten(tx: Tx, gemeenteId: string, defs: readonly InstrumentDefinitie[]): Promise<void> {
  await tx.insertInto('instrumenten').values(defs.map((d) => ({
    gemeente_id: gemeenteId, code: d.code, naam: d.naam, schaal: JSON.stringify(d.schaal), domeinen: JSON.stringify(d.domeinen), standaard: d.standaard,
  }))).execute();
}

/** persoonId: a member of the household, picked rather than typed. */
export interface Deelnemer { rol: DeelnemerRol; naam: string; persoonId?: string | undefined }

export interface Gesprek {
  id: string;
  casusId: string;
  datum: string;
  plek: Plek;
  soort: GesprekSoort;
  instrument: { id: string; code: string; naam: string };
  deelnemers: Deelnemer[];
  samenvatting: string | null;
  gevoerdDoor: { id: string; naam: string } | null;
  verslagVerzondenOp: Date | null;
  verslagHash: string | null;
  inwonerReactie: string | null;
  inwonerReactieOp: Date | null;
  scores: (ScoreInvoer & { score: number | null })[];
}

export async function insertGesprek(tx: Tx, g: {
  gemeenteId: string; casusId: string; datum: string; plek: Plek; soort: GesprekSoort; instrumentId: string; deelnemers: Deelnemer[];
  samenvatting: string | null; door: string | null; scores: readonly ScoreInvoer[];
}): Promise<string> {
  const { id } = await tx.insertInto('gesprekken').values({
    gemeente_id: g.gemeenteId, casus_id: g.casusId, datum: g.datum, plek: g.plek, soort: g.soort, instrument_id: g.instrumentId,
    deelnemers: JSON.stringify(g.deelnemers), samenvatting: g.samenvatting, gevoerd_door: g.door,
  }).returning('id').executeTakeFirstOrThrow();
  if (g.scores.length) {
    await tx.insertInto('gesprek_scores').values(g.scores.map((s) => ({
      gesprek_id: id, gemeente_id: g.gemeenteId, domein: s.domein, score: s.score, toelichting: s.toelichting ?? null, zelf: s.zelf ?? null, netwerk: s.netwerk ?? null,
    }))).execute();
  }
  return id;
}

async function laad(tx: Tx, where: { id?: string; casusId?: string; lock?: boolean }): Promise<Gesprek[]> {
  let q = tx.selectFrom('gesprekken as g')
    .innerJoin('instrumenten as i', 'i.id', 'g.instrument_id')
    .leftJoin('gebruikers as u', 'u.id', 'g.gevoerd_door')
    .select(['g.id', 'g.casus_id', 'g.datum', 'g.plek', 'g.soort', 'i.id as instrument_id', 'i.code as instrument_code', 'i.naam as instrument_naam',
      'g.deelnemers', 'g.samenvatting', 'u.id as door_id', 'u.naam as door_naam', 'g.verslag_verzonden_op', 'g.verslag_hash', 'g.inwoner_reactie',
      'g.inwoner_reactie_op']);
  if (where.id) q = q.where('g.id', '=', where.id);
  if (where.casusId) q = q.where('g.casus_id', '=', where.casusId);
  if (where.lock) q = q.forUpdate('g');
  const rows = await q.orderBy('g.datum').orderBy('g.aangemaakt_op').execute();
  if (!rows.length) return [];
  const scores = await tx.selectFrom('gesprek_scores').selectAll().where('gesprek_id', 'in', rows.map((r) => r.id)).execute();
  return rows.map((r) => ({
    id: r.id, casusId: r.casus_id, datum: r.datum, plek: r.plek as Plek, soort: r.soort as GesprekSoort,
    instrument: { id: r.instrument_id, code: r.instrument_code, naam: r.instrument_naam }, deelnemers: r.deelnemers as Deelnemer[],
    samenvatting: r.samenvatting, gevoerdDoor: r.door_id && r.door_naam ? { id: r.door_id, naam: r.door_naam } : null,
    verslagVerzondenOp: r.verslag_verzonden_op, verslagHash: r.verslag_hash, inwonerReactie: r.inwoner_reactie, inwonerReactieOp: r.inwoner_reactie_op,
    scores: scores.filter((s) => s.gesprek_id === r.id).map((s) => ({
      domein: s.domein, score: s.score, toelichting: s.toelichting ?? undefined, zelf: s.zelf ?? undefined, netwerk: s.netwerk ?? undefined,
    })),
  }));
}

export const getGesprek = async (tx: Tx, id: string, lock = false) => (await laad(tx, { id, lock }))[0];
export const gesprekkenVanCasus = (tx: Tx, casusId: string) => laad(tx, { casusId });

export async function markeerVerzonden(tx: Tx, id: string, hash: string, pdf: Buffer): Promise<void> {
  await tx.updateTable('gesprekken').set({ verslag_verzonden_op: new Date(), verslag_hash: hash, verslag_pdf: pdf }).where('id', '=', id).execute();
}

export async function verzondenVerslag(tx: Tx, id: string): Promise<Buffer | null> {
  const r = await tx.selectFrom('gesprekken').select('verslag_pdf').where('id', '=', id).executeTakeFirst();
  return r?.verslag_pdf ? Buffer.from(r.verslag_pdf) : null;
}

export async function zetReactie(tx: Tx, id: string, tekst: string): Promise<void> {
  await tx.updateTable('gesprekken').set({ inwoner_reactie: tekst, inwoner_reactie_op: new Date() }).where('id', '=', id).execute();
}

export async function bewaarInstrument(tx: Tx, gemeenteId: string, d: InstrumentDefinitie): Promise<void> {
  if (d.standaard) await tx.updateTable('instrumenten').set({ standaard: false }).where('code', '!=', d.code).execute();
  const waarden = { naam: d.naam, schaal: JSON.stringify(d.schaal), domeinen: JSON.stringify(d.domeinen), standaard: d.standaard };
  await tx.insertInto('instrumenten').values({ gemeente_id: gemeenteId, code: d.code, ...waarden })
    .onConflict((oc) => oc.columns(['gemeente_id', 'code']).doUpdateSet(waarden)).execute();
}
