/**
 * Berichten store: SQL via kysely on the context's own tables (toewijzingen, berichten,
 * bericht_toewijzingen). Row-level security keeps every query inside the caller's gemeente.
 */
import { sql } from 'kysely';
import type { Tx } from '../../platform/tenancy/tx.ts';
import type { Soort, Standaard, ToewijzingInhoud } from './rules.ts';

export interface Toewijzing {
  id: string; voorzieningId: string; standaard: Standaard; nummer: number; aanbiederId: string; persoonId: string;
  toewijzingsdatum: string; toewijzingstijd: string; verstuurd: ToewijzingInhoud | null; redenWijziging: string | null;
  startBegindatum: string | null; stopEinddatum: string | null; stopReden: string | null;
}

const toewijzingKolommen = [
  'id', 'voorziening_id', 'standaard', 'nummer', 'aanbieder_id', 'persoon_id', 'toewijzingsdatum', 'toewijzingstijd', 'verstuurd', 'reden_wijziging',
  'start_begindatum', 'stop_einddatum', 'stop_reden',
] as const;
type ToewijzingRij = {
  id: string; voorziening_id: string; standaard: string; nummer: string; aanbieder_id: string; persoon_id: string; toewijzingsdatum: string; toewijzingstijd: string;
  verstuurd: unknown; reden_wijziging: string | null; start_begindatum: string | null; stop_einddatum: string | null; stop_reden: string | null;
};
const naarToewijzing = (r: ToewijzingRij): Toewijzing => ({
  id: r.id, voorzieningId: r.voorziening_id, standaard: r.standaard as Standaard, nummer: Number(r.nummer), aanbiederId: r.aanbieder_id, persoonId: r.persoon_id,
  toewijzingsdatum: r.toewijzingsdatum, toewijzingstijd: String(r.toewijzingstijd).slice(0, 8), verstuurd: (r.verstuurd as ToewijzingInhoud | null) ?? null,
  redenWijziging: r.reden_wijziging, startBegindatum: r.start_begindatum, stopEinddatum: r.stop_einddatum, stopReden: r.stop_reden,
});

export async function toewijzingVanVoorziening(tx: Tx, voorzieningId: string, vergrendel = false): Promise<Toewijzing | undefined> {
  let q = tx.selectFrom('toewijzingen').select(toewijzingKolommen).where('voorziening_id', '=', voorzieningId);
  if (vergrendel) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r && naarToewijzing(r as ToewijzingRij);
}

/** All toewijzingen of one client with one provider under one standard (the content of a 301), locked. */
export async function toewijzingenVanClient(tx: Tx, w: { persoonId: string; aanbiederId: string; standaard: Standaard }): Promise<Toewijzing[]> {
  const rijen = await tx.selectFrom('toewijzingen').select(toewijzingKolommen)
    .where('persoon_id', '=', w.persoonId).where('aanbieder_id', '=', w.aanbiederId).where('standaard', '=', w.standaard)
    .orderBy('nummer').forUpdate().execute();
  return rijen.map((r) => naarToewijzing(r as ToewijzingRij));
}

/** A provider's toewijzingen by number (the key of its start and stop messages), locked. */
export async function toewijzingenOpNummer(tx: Tx, w: { aanbiederId: string; standaard: Standaard; nummers: readonly number[] }): Promise<Toewijzing[]> {
  if (!w.nummers.length) return [];
  const rijen = await tx.selectFrom('toewijzingen').select(toewijzingKolommen)
    .where('aanbieder_id', '=', w.aanbiederId).where('standaard', '=', w.standaard).where('nummer', 'in', w.nummers.map(String))
    .orderBy('nummer').forUpdate().execute();
  return rijen.map((r) => naarToewijzing(r as ToewijzingRij));
}

export async function insertToewijzing(tx: Tx, t: { voorzieningId: string; standaard: Standaard; nummer: number; aanbiederId: string; persoonId: string; toewijzingsdatum: string; toewijzingstijd: string }): Promise<string> {
  const r = await tx.insertInto('toewijzingen').values({
    voorziening_id: t.voorzieningId, standaard: t.standaard, nummer: t.nummer, aanbieder_id: t.aanbiederId, persoon_id: t.persoonId,
    toewijzingsdatum: t.toewijzingsdatum, toewijzingstijd: t.toewijzingstijd,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function wijzigToewijzing(tx: Tx, id: string, w: Partial<{ verstuurd: ToewijzingInhoud; reden_wijziging: string | null; start_begindatum: string | null; stop_einddatum: string | null; stop_reden: string | null; toewijzingsdatum: string; toewijzingstijd: string }>): Promise<void> {
  const { verstuurd, ...rest } = w;
  await tx.updateTable('toewijzingen').set({ ...rest, ...(verstuurd ? { verstuurd: JSON.stringify(verstuurd) } : {}), gewijzigd_op: sql<Date>`now()` }).where('id', '=', id).execute();
}

export interface NieuwBericht {
  standaard: Standaard; soort: Soort; richting: 'uit' | 'in'; aanbiederId: string; afzender: string; ontvanger: string; identificatie: string; dagtekening: string;
  status: string; retourcodes: readonly string[]; antwoordOp?: string | null; persoonId?: string | null; aantalProducten: number; xml: string; sha256: string;
  /** The demo history dates its messages in the past. */
  aangemaaktOp?: string;
}

export async function insertBericht(tx: Tx, b: NieuwBericht): Promise<string> {
  const r = await tx.insertInto('berichten').values({
    standaard: b.standaard, soort: b.soort, richting: b.richting, aanbieder_id: b.aanbiederId, afzender: b.afzender, ontvanger: b.ontvanger,
    identificatie: b.identificatie, dagtekening: b.dagtekening, status: b.status, retourcodes: [...b.retourcodes], antwoord_op: b.antwoordOp ?? null,
    persoon_id: b.persoonId ?? null, aantal_producten: b.aantalProducten, xml: b.xml, sha256: b.sha256,
    ...(b.aangemaaktOp ? { aangemaakt_op: b.aangemaaktOp } : {}),
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function koppelToewijzingen(tx: Tx, berichtId: string, regels: readonly { toewijzingId: string; retourcodes: readonly string[] }[]): Promise<void> {
  if (!regels.length) return;
  await tx.insertInto('bericht_toewijzingen').values(regels.map((r) => ({ bericht_id: berichtId, toewijzing_id: r.toewijzingId, retourcodes: [...r.retourcodes] })))
    .onConflict((oc) => oc.columns(['bericht_id', 'toewijzing_id']).doNothing()).execute();
}

export async function zetRetour(tx: Tx, berichtId: string, w: { status: string; retourcodes: readonly string[]; retourId: string | null }): Promise<void> {
  await tx.updateTable('berichten').set({ status: w.status, retourcodes: [...w.retourcodes], retour_id: w.retourId }).where('id', '=', berichtId).execute();
}

export async function markeerOpgehaald(tx: Tx, berichtId: string): Promise<void> {
  await tx.updateTable('berichten').set({ status: 'opgehaald', opgehaald_op: sql<Date>`now()` }).where('id', '=', berichtId).where('status', '=', 'klaar').execute();
}

/** An earlier delivery with the same sender, kind and identification: the same content (idempotent) or not (TR056). */
export async function eerderOntvangen(tx: Tx, w: { afzender: string; soort: Soort; identificatie: string }): Promise<{ id: string; sha256: string; status: string; retourId: string | null }[]> {
  const rijen = await tx.selectFrom('berichten').select(['id', 'sha256', 'status', 'retour_id'])
    .where('afzender', '=', w.afzender).where('soort', '=', w.soort).where('identificatie', '=', w.identificatie).where('richting', '=', 'in')
    .orderBy('aangemaakt_op').execute();
  return rijen.map((r) => ({ id: r.id, sha256: r.sha256, status: r.status, retourId: r.retour_id }));
}

export async function uitgaandOpIdentificatie(tx: Tx, w: { aanbiederId: string; soort: Soort; identificatie: string }): Promise<{ id: string; status: string; persoonId: string | null; retourId: string | null } | undefined> {
  const r = await tx.selectFrom('berichten').select(['id', 'status', 'persoon_id', 'retour_id']).where('aanbieder_id', '=', w.aanbiederId).where('soort', '=', w.soort)
    .where('identificatie', '=', w.identificatie).where('richting', '=', 'uit').forUpdate().executeTakeFirst();
  return r && { id: r.id, status: r.status, persoonId: r.persoon_id, retourId: r.retour_id };
}

export interface BerichtRij {
  id: string; standaard: Standaard; soort: Soort; richting: 'uit' | 'in'; aanbiederId: string; aanbiederNaam: string; afzender: string; ontvanger: string;
  identificatie: string; dagtekening: string; status: string; retourcodes: string[]; antwoordOp: string | null; retourId: string | null;
  persoonId: string | null; aantalProducten: number; aangemaaktOp: string; opgehaaldOp: string | null;
}

function berichtBasis(tx: Tx) {
  return tx.selectFrom('berichten as b').innerJoin('aanbieders as a', 'a.id', 'b.aanbieder_id').select([
    'b.id', 'b.standaard', 'b.soort', 'b.richting', 'b.aanbieder_id', 'a.naam as aanbieder_naam', 'b.afzender', 'b.ontvanger', 'b.identificatie', 'b.dagtekening',
    'b.status', 'b.retourcodes', 'b.antwoord_op', 'b.retour_id', 'b.persoon_id', 'b.aantal_producten', 'b.aangemaakt_op', 'b.opgehaald_op',
  ]);
}
type BasisRij = Awaited<ReturnType<ReturnType<typeof berichtBasis>['executeTakeFirstOrThrow']>>;
const iso = (d: Date | string | null): string | null => (d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString());
const naarBericht = (r: BasisRij): BerichtRij => ({
  id: r.id, standaard: r.standaard as Standaard, soort: r.soort as Soort, richting: r.richting as 'uit' | 'in', aanbiederId: r.aanbieder_id, aanbiederNaam: r.aanbieder_naam,
  afzender: r.afzender, ontvanger: r.ontvanger, identificatie: r.identificatie, dagtekening: r.dagtekening, status: r.status, retourcodes: r.retourcodes,
  antwoordOp: r.antwoord_op, retourId: r.retour_id, persoonId: r.persoon_id, aantalProducten: r.aantal_producten, aangemaaktOp: iso(r.aangemaakt_op)!, opgehaaldOp: iso(r.opgehaald_op),
});

export interface BerichtFilter { aanbiederId?: string | undefined; soort?: Soort | undefined; richting?: 'uit' | 'in' | undefined; status?: string | undefined; persoonId?: string | undefined }

export async function berichtenWaar(tx: Tx, f: BerichtFilter, pagina: { limit: number; offset: number }): Promise<{ items: BerichtRij[]; totaal: number }> {
  let q = berichtBasis(tx);
  let t = tx.selectFrom('berichten as b').select(sql<string>`count(*)`.as('n'));
  if (f.aanbiederId) { q = q.where('b.aanbieder_id', '=', f.aanbiederId); t = t.where('b.aanbieder_id', '=', f.aanbiederId); }
  if (f.soort) { q = q.where('b.soort', '=', f.soort); t = t.where('b.soort', '=', f.soort); }
  if (f.richting) { q = q.where('b.richting', '=', f.richting); t = t.where('b.richting', '=', f.richting); }
  if (f.status) { q = q.where('b.status', '=', f.status); t = t.where('b.status', '=', f.status); }
  if (f.persoonId) { q = q.where('b.persoon_id', '=', f.persoonId); t = t.where('b.persoon_id', '=', f.persoonId); }
  const [rijen, n] = await Promise.all([
    q.orderBy('b.aangemaakt_op', 'desc').orderBy('b.id').limit(pagina.limit).offset(pagina.offset).execute(),
    t.executeTakeFirstOrThrow(),
  ]);
  return { items: rijen.map(naarBericht), totaal: Number(n.n) };
}

export async function getBericht(tx: Tx, id: string): Promise<BerichtRij | undefined> {
  const r = await berichtBasis(tx).where('b.id', '=', id).executeTakeFirst();
  return r && naarBericht(r);
}

export async function berichtXml(tx: Tx, id: string): Promise<string | undefined> {
  return (await tx.selectFrom('berichten').select('xml').where('id', '=', id).executeTakeFirst())?.xml;
}

/** The message chain of one voorziening: every message about its toewijzing, with the codes per product. */
export async function keten(tx: Tx, voorzieningId: string): Promise<(BerichtRij & { productRetourcodes: string[] })[]> {
  const rijen = await berichtBasis(tx)
    .innerJoin('bericht_toewijzingen as bt', 'bt.bericht_id', 'b.id')
    .innerJoin('toewijzingen as t', 't.id', 'bt.toewijzing_id')
    .select('bt.retourcodes as product_retourcodes')
    .where('t.voorziening_id', '=', voorzieningId)
    .orderBy('b.aangemaakt_op').orderBy('b.id').execute();
  return rijen.map((r) => ({ ...naarBericht(r), productRetourcodes: r.product_retourcodes }));
}

// ————— Traffic per provider (inkoop's view: numbers and voorziening numbers, no names) —————

export interface Verkeer {
  aantallen: { soort: string; richting: string; status: string; aantal: number }[];
  afkeuringen: { code: string; aantal: number }[];
  toewijzingTotStart: { aantal: number; gemiddeldDagen: number | null; mediaanDagen: number | null };
  geenStart: { voorzieningId: string; toewijzingNummer: number; toewijzingsdatum: string; dagen: number }[];
  eindigtBinnenkort: { voorzieningId: string; toewijzingNummer: number; einddatum: string }[];
}

/**
 * The numbers behind the traffic page: messages per kind, direction and status; the retourcodes of
 * refused messages; toewijzing-to-start lead times; and the two signals on toewijzingen (no start
 * within `geenStartDagen`, ending within `eindeDagen` while care runs).
 */
export async function verkeerVan(tx: Tx, aanbiederId: string, peildatum: string, opts: { geenStartDagen: number; eindeDagen: number }): Promise<Verkeer> {
  const [aantallen, afkeuringen, doorloop, geenStart, einde] = await Promise.all([
    tx.selectFrom('berichten').select(['soort', 'richting', 'status', sql<string>`count(*)`.as('n')]).where('aanbieder_id', '=', aanbiederId)
      .groupBy(['soort', 'richting', 'status']).orderBy('soort').execute(),
    sql<{ code: string; n: string }>`
      select c as code, count(*) as n from berichten, unnest(retourcodes) as c
      where aanbieder_id = ${aanbiederId} and status in ('afgekeurd', 'deels') and c not in ('0200', '8001')
      group by c order by count(*) desc, c`.execute(tx),
    sql<{ n: string; gem: string | null; med: string | null }>`
      select count(*) as n, avg(start_begindatum - toewijzingsdatum) as gem,
             percentile_cont(0.5) within group (order by start_begindatum - toewijzingsdatum) as med
      from toewijzingen where aanbieder_id = ${aanbiederId} and start_begindatum is not null`.execute(tx),
    // Only this context's own data: a toewijzing still running by its last 301 and without a start.
    sql<{ voorziening_id: string; toewijzingnummer: string; toewijzingsdatum: string; dagen: number }>`
      select t.voorziening_id, t.nummer as toewijzingnummer, to_char(t.toewijzingsdatum, 'YYYY-MM-DD') as toewijzingsdatum,
             (${peildatum}::date - t.toewijzingsdatum) as dagen
      from toewijzingen t
      where t.aanbieder_id = ${aanbiederId} and t.start_begindatum is null and t.verstuurd is not null
        and coalesce(t.verstuurd->>'redenWijziging', '') = ''
        and t.toewijzingsdatum <= ${peildatum}::date - ${opts.geenStartDagen}::int
      order by t.toewijzingsdatum, t.nummer limit 200`.execute(tx),
    sql<{ voorziening_id: string; toewijzingnummer: string; einddatum: string }>`
      select t.voorziening_id, t.nummer as toewijzingnummer, t.verstuurd->>'einddatum' as einddatum
      from toewijzingen t
      where t.aanbieder_id = ${aanbiederId} and t.start_begindatum is not null and t.stop_einddatum is null
        and coalesce(t.verstuurd->>'redenWijziging', '') = ''
        and (t.verstuurd->>'einddatum')::date between ${peildatum}::date and ${peildatum}::date + ${opts.eindeDagen}::int
      order by 3, t.nummer limit 200`.execute(tx),
  ]);
  const d = doorloop.rows[0];
  return {
    aantallen: aantallen.map((r) => ({ soort: r.soort, richting: r.richting, status: r.status, aantal: Number(r.n) })),
    afkeuringen: afkeuringen.rows.map((r) => ({ code: r.code, aantal: Number(r.n) })),
    toewijzingTotStart: {
      aantal: Number(d?.n ?? 0),
      gemiddeldDagen: d?.gem === null || d?.gem === undefined ? null : Math.round(Number(d.gem) * 10) / 10,
      mediaanDagen: d?.med === null || d?.med === undefined ? null : Number(d.med),
    },
    geenStart: geenStart.rows.map((r) => ({ voorzieningId: r.voorziening_id, toewijzingNummer: Number(r.toewijzingnummer), toewijzingsdatum: r.toewijzingsdatum, dagen: Number(r.dagen) })),
    eindigtBinnenkort: einde.rows.map((r) => ({ voorzieningId: r.voorziening_id, toewijzingNummer: Number(r.toewijzingnummer), einddatum: r.einddatum })),
  };
}
