/**
 * Berichten store: SQL via kysely on the context's own tables (toewijzingen, berichten,
 * bericht_toewijzingen). Row-level security keeps every query inside the caller's gemeente.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Tx } from '../../platform/tenancy/tx.ts';
import { OPEN_VERZOEK, type Soort, type Standaard, type ToewijzingInhoud, type VerzoekStatus } from './rules.ts';

export interface Toewijzing {
  id: string; voorzieningId: string; standaard: Standaard; nummer: number; aanbiederId: string; persoonId: string;
  toewijzingsdatum: string; toewijzingstijd: string; verstuurd: ToewijzingInhoud | null; redenWijziging: string | null;
  startBegindatum: string | null; stopEinddatum: string | null; stopReden: string | null; referentieAanbieder: string | null;
}

const toewijzingKolommen = [
  'id', 'voorziening_id', 'standaard', 'nummer', 'aanbieder_id', 'persoon_id', 'toewijzingsdatum', 'toewijzingstijd', 'verstuurd', 'reden_wijziging',
  'start_begindatum', 'stop_einddatum', 'stop_reden', 'referentie_aanbieder',
] as const;
type ToewijzingRij = {
  id: string; voorziening_id: string; standaard: string; nummer: string; aanbieder_id: string; persoon_id: string; toewijzingsdatum: string; toewijzingstijd: string;
  verstuurd: unknown; reden_wijziging: string | null; start_begindatum: string | null; stop_einddatum: string | null; stop_reden: string | null;
  referentie_aanbieder: string | null;
};
const naarToewijzing = (r: ToewijzingRij): Toewijzing => ({
  id: r.id, voorzieningId: r.voorziening_id, standaard: r.standaard as Standaard, nummer: Number(r.nummer), aanbiederId: r.aanbieder_id, persoonId: r.persoon_id,
  toewijzingsdatum: r.toewijzingsdatum, toewijzingstijd: String(r.toewijzingstijd).slice(0, 8), verstuurd: (r.verstuurd as ToewijzingInhoud | null) ?? null,
  redenWijziging: r.reden_wijziging, startBegindatum: r.start_begindatum, stopEinddatum: r.stop_einddatum, stopReden: r.stop_reden,
  referentieAanbieder: r.referentie_aanbieder,
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

export async function wijzigToewijzing(tx: Tx, id: string, w: Partial<{ verstuurd: ToewijzingInhoud; reden_wijziging: string | null; referentie_aanbieder: string | null; start_begindatum: string | null; stop_einddatum: string | null; stop_reden: string | null; toewijzingsdatum: string; toewijzingstijd: string }>): Promise<void> {
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
    // Written order (messages of one transaction share their moment): a message before the retour that answers it.
    .orderBy('b.volgnummer').execute();
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

// ————— Verzoeken (315, 317) —————

export interface Verzoek {
  id: string; soort: '315' | '317'; standaard: Standaard; aanbiederId: string; aanbiederNaam: string; berichtId: string; referentie: string; bsn: string; clientNaam: string;
  persoonId: string | null; huishoudenId: string | null; ontvangenOp: string; dagtekening: string; inhoud: unknown; status: VerzoekStatus; termijnEinde: string;
  eersteTermijn: string; onderzoekOp: string | null; onderzoekToelichting: string | null; beantwoordOp: string | null; beantwoordDoor: string | null; redenAfwijzing: string | null; toelichting: string | null;
  voorzieningId: string | null; antwoordId: string | null;
}
function verzoekBasis(tx: Tx) {
  return tx.selectFrom('verzoeken as v').innerJoin('aanbieders as a', 'a.id', 'v.aanbieder_id').select([
    'v.id', 'v.soort', 'v.standaard', 'v.aanbieder_id', 'a.naam as aanbieder_naam', 'v.bericht_id', 'v.referentie', 'v.bsn', 'v.client_naam', 'v.persoon_id', 'v.huishouden_id',
    'v.ontvangen_op', 'v.dagtekening', 'v.inhoud', 'v.status', 'v.termijn_einde', 'v.eerste_termijn', 'v.onderzoek_op', 'v.onderzoek_toelichting', 'v.beantwoord_op', 'v.beantwoord_door', 'v.reden_afwijzing',
    'v.toelichting', 'v.voorziening_id', 'v.antwoord_id',
  ]);
}
type VerzoekBasisRij = Awaited<ReturnType<ReturnType<typeof verzoekBasis>['executeTakeFirstOrThrow']>>;
const naarVerzoek = (r: VerzoekBasisRij): Verzoek => ({
  id: r.id, soort: r.soort as '315' | '317', standaard: r.standaard as Standaard, aanbiederId: r.aanbieder_id, aanbiederNaam: r.aanbieder_naam, berichtId: r.bericht_id,
  referentie: r.referentie, bsn: r.bsn, clientNaam: r.client_naam, persoonId: r.persoon_id, huishoudenId: r.huishouden_id, ontvangenOp: r.ontvangen_op, dagtekening: r.dagtekening,
  inhoud: r.inhoud, status: r.status as VerzoekStatus, termijnEinde: r.termijn_einde, eersteTermijn: r.eerste_termijn, onderzoekOp: r.onderzoek_op,
  onderzoekToelichting: r.onderzoek_toelichting, beantwoordOp: r.beantwoord_op,
  beantwoordDoor: r.beantwoord_door, redenAfwijzing: r.reden_afwijzing, toelichting: r.toelichting, voorzieningId: r.voorziening_id, antwoordId: r.antwoord_id,
});

export async function insertVerzoek(tx: Tx, v: {
  soort: '315' | '317'; standaard: Standaard; aanbiederId: string; berichtId: string; referentie: string; bsn: string; clientNaam: string; persoonId: string | null;
  huishoudenId: string | null; ontvangenOp: string; dagtekening: string; inhoud: unknown; termijnEinde: string;
}): Promise<string> {
  const r = await tx.insertInto('verzoeken').values({
    soort: v.soort, standaard: v.standaard, aanbieder_id: v.aanbiederId, bericht_id: v.berichtId, referentie: v.referentie, bsn: v.bsn, client_naam: v.clientNaam,
    persoon_id: v.persoonId, huishouden_id: v.huishoudenId, ontvangen_op: v.ontvangenOp, dagtekening: v.dagtekening, inhoud: JSON.stringify(v.inhoud), termijn_einde: v.termijnEinde,
    eerste_termijn: v.termijnEinde,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function getVerzoek(tx: Tx, id: string, vergrendel = false): Promise<Verzoek | undefined> {
  let q = verzoekBasis(tx).where('v.id', '=', id);
  if (vergrendel) q = q.forUpdate('v');
  const r = await q.executeTakeFirst();
  return r && naarVerzoek(r);
}

export async function wijzigVerzoek(tx: Tx, id: string, w: Partial<{
  status: VerzoekStatus; termijn_einde: string; eerste_termijn: string; onderzoek_op: string; onderzoek_toelichting: string | null; beantwoord_op: string; beantwoord_door: string | null; reden_afwijzing: string | null;
  toelichting: string | null; voorziening_id: string; antwoord_id: string; persoon_id: string; huishouden_id: string; ontvangen_op: string;
}>): Promise<void> {
  await tx.updateTable('verzoeken').set(w).where('id', '=', id).execute();
}

/** TR347: which of these references this provider already used under this law. */
export async function bekendeReferenties(tx: Tx, w: { aanbiederId: string; standaard: Standaard; referenties: readonly string[] }): Promise<Set<string>> {
  if (!w.referenties.length) return new Set();
  const r = await tx.selectFrom('verzoeken').select('referentie').where('aanbieder_id', '=', w.aanbiederId).where('standaard', '=', w.standaard)
    .where('referentie', 'in', [...w.referenties]).execute();
  return new Set(r.map((x) => x.referentie));
}

/** TR374 / OP350: a verzoek of this provider about this client that is not yet answered. */
export async function verzoekOnderhanden(tx: Tx, w: { aanbiederId: string; standaard: Standaard; bsn: string }): Promise<boolean> {
  const r = await tx.selectFrom('verzoeken').select('id').where('aanbieder_id', '=', w.aanbiederId).where('standaard', '=', w.standaard).where('bsn', '=', w.bsn)
    .where('status', 'in', [...OPEN_VERZOEK]).limit(1).executeTakeFirst();
  return r !== undefined;
}


export async function verzoekVanAntwoord(tx: Tx, antwoordId: string): Promise<string | undefined> {
  return (await tx.selectFrom('verzoeken').select('id').where('antwoord_id', '=', antwoordId).executeTakeFirst())?.id;
}

/** Persons not known when their verzoek arrived, to look up again (a melding may have registered them since). */
export async function verzoekenZonderPersoon(tx: Tx): Promise<{ id: string; bsn: string }[]> {
  return tx.selectFrom('verzoeken').select(['id', 'bsn']).where('persoon_id', 'is', null).where('status', 'in', [...OPEN_VERZOEK]).limit(500).execute();
}

export interface VerzoekFilter { open?: boolean | undefined; aanbiederId?: string | undefined; persoonId?: string | undefined }

/**
 * Verzoeken for the work list. `zichtbaar` is the one access rule on the household; `wees` adds the
 * verzoeken no regisseur has yet (an unknown client, or a household without a casus) for the teamleider.
 */
export async function verzoekenWaar(tx: Tx, f: VerzoekFilter, zichtbaar: RawBuilder<SqlBool>, wees: boolean, pagina: { limit: number; offset: number }): Promise<{ items: Verzoek[]; totaal: number }> {
  const zonderRegisseur = sql<SqlBool>`(v.huishouden_id is null or not exists (select 1 from casussen c1 where c1.huishouden_id = v.huishouden_id and c1.status = 'open' and c1.regisseur_id is not null))`;
  const toegang = wees ? sql<SqlBool>`(${zichtbaar} or ${zonderRegisseur})` : zichtbaar;
  let q = verzoekBasis(tx).where(toegang);
  let t = tx.selectFrom('verzoeken as v').select(sql<string>`count(*)`.as('n')).where(toegang);
  if (f.open) { q = q.where('v.status', 'in', [...OPEN_VERZOEK]); t = t.where('v.status', 'in', [...OPEN_VERZOEK]); }
  if (f.aanbiederId) { q = q.where('v.aanbieder_id', '=', f.aanbiederId); t = t.where('v.aanbieder_id', '=', f.aanbiederId); }
  if (f.persoonId) { q = q.where('v.persoon_id', '=', f.persoonId); t = t.where('v.persoon_id', '=', f.persoonId); }
  const [rijen, n] = await Promise.all([
    q.orderBy(sql`case when v.status in ('open', 'in_onderzoek') then 0 else 1 end`).orderBy('v.termijn_einde').orderBy('v.id').limit(pagina.limit).offset(pagina.offset).execute(),
    t.executeTakeFirstOrThrow(),
  ]);
  return { items: rijen.map(naarVerzoek), totaal: Number(n.n) };
}

/** May this actor (a teamleider) take up a verzoek without a regisseur? True when no open casus with a regisseur holds the household. */
export async function heeftGeenRegisseur(tx: Tx, huishoudenId: string | null): Promise<boolean> {
  if (!huishoudenId) return true;
  const r = await tx.selectFrom('casussen').select('id').where('huishouden_id', '=', huishoudenId).where('status', '=', 'open').where('regisseur_id', 'is not', null).limit(1).executeTakeFirst();
  return r === undefined;
}

/**
 * Open verzoeken, answer lead times and late answers for the traffic page (references only, no names).
 * The lead time runs to the first answer (OP274: a 319 "in onderzoek" is an answer too); late is a
 * first answer after the 5 werkdagen, or a final one after the 8 weeks.
 */
export async function verzoekVerkeer(tx: Tx, aanbiederId: string, peildatum: string) {
  const [open, doorloop] = await Promise.all([
    tx.selectFrom('verzoeken').select(['id', 'soort', 'referentie', 'status', 'ontvangen_op', 'termijn_einde']).where('aanbieder_id', '=', aanbiederId)
      .where('status', 'in', [...OPEN_VERZOEK]).orderBy('termijn_einde').orderBy('id').limit(200).execute(),
    sql<{ n: string; gem: string | null; med: string | null; laat: string }>`
      select count(*) as n, avg(coalesce(onderzoek_op, beantwoord_op) - ontvangen_op) as gem,
             percentile_cont(0.5) within group (order by coalesce(onderzoek_op, beantwoord_op) - ontvangen_op) as med,
             count(*) filter (where coalesce(onderzoek_op, beantwoord_op) > eerste_termijn or beantwoord_op > termijn_einde) as laat
      from verzoeken where aanbieder_id = ${aanbiederId} and coalesce(onderzoek_op, beantwoord_op) is not null`.execute(tx),
  ]);
  const d = doorloop.rows[0];
  return {
    open: open.map((r) => ({ id: r.id, soort: r.soort, referentie: r.referentie, status: r.status as VerzoekStatus, ontvangenOp: r.ontvangen_op, termijnEinde: r.termijn_einde, verlopen: r.termijn_einde < peildatum })),
    verzoekTotAntwoord: {
      aantal: Number(d?.n ?? 0),
      gemiddeldDagen: d?.gem === null || d?.gem === undefined ? null : Math.round(Number(d.gem) * 10) / 10,
      mediaanDagen: d?.med === null || d?.med === undefined ? null : Number(d.med),
      naTermijn: Number(d?.laat ?? 0),
    },
  };
}

/** Of these residents, the ones this provider has a toewijzing for. */
export async function eigenClienten(tx: Tx, aanbiederId: string, persoonIds: readonly string[]): Promise<Set<string>> {
  if (!persoonIds.length) return new Set();
  const r = await tx.selectFrom('toewijzingen').select('persoon_id').distinct().where('aanbieder_id', '=', aanbiederId).where('persoon_id', 'in', [...persoonIds]).execute();
  return new Set(r.map((x) => x.persoon_id));
}

export async function toewijzingenVanBericht(tx: Tx, berichtId: string): Promise<string[]> {
  return (await tx.selectFrom('bericht_toewijzingen').select('toewijzing_id').where('bericht_id', '=', berichtId).execute()).map((r) => r.toewijzing_id);
}

/** The verzoeken these voorzieningen were granted for: their references travel in the 301 (TR379). */
export async function referentiesVoorVoorzieningen(tx: Tx, voorzieningIds: readonly string[]): Promise<Map<string, string>> {
  if (!voorzieningIds.length) return new Map();
  const r = await tx.selectFrom('verzoeken').select(['voorziening_id', 'referentie']).where('voorziening_id', 'in', [...voorzieningIds]).where('status', '=', 'toegewezen')
    .orderBy('beantwoord_op').execute();
  return new Map(r.map((x) => [x.voorziening_id!, x.referentie]));
}

// ————— Bulk (a whole batch of toewijzingen in a few queries) —————

export async function toewijzingenVanVoorzieningen(tx: Tx, voorzieningIds: readonly string[]): Promise<Toewijzing[]> {
  if (!voorzieningIds.length) return [];
  const rijen = await tx.selectFrom('toewijzingen').select(toewijzingKolommen).where('voorziening_id', 'in', [...voorzieningIds]).execute();
  return rijen.map((r) => naarToewijzing(r as ToewijzingRij));
}

export async function insertToewijzingen(tx: Tx, lijst: readonly { id: string; voorzieningId: string; standaard: Standaard; nummer: number; aanbiederId: string; persoonId: string; toewijzingsdatum: string; toewijzingstijd: string }[]): Promise<void> {
  if (!lijst.length) return;
  await tx.insertInto('toewijzingen').values(lijst.map((t) => ({
    id: t.id, voorziening_id: t.voorzieningId, standaard: t.standaard, nummer: t.nummer, aanbieder_id: t.aanbiederId, persoon_id: t.persoonId,
    toewijzingsdatum: t.toewijzingsdatum, toewijzingstijd: t.toewijzingstijd,
  }))).execute();
}

/** Every toewijzing of these clients at these providers under these standards (the content of their 301s), locked. */
export async function toewijzingenVanClienten(tx: Tx, groepen: readonly { persoonId: string; aanbiederId: string; standaard: Standaard }[]): Promise<Toewijzing[]> {
  if (!groepen.length) return [];
  const rijen = await sql<ToewijzingRij>`
    select t.id, t.voorziening_id, t.standaard, t.nummer, t.aanbieder_id, t.persoon_id, to_char(t.toewijzingsdatum, 'YYYY-MM-DD') as toewijzingsdatum, t.toewijzingstijd,
           t.verstuurd, t.reden_wijziging, t.start_begindatum, t.stop_einddatum, t.stop_reden, t.referentie_aanbieder
    from toewijzingen t
    join jsonb_to_recordset(${JSON.stringify(groepen)}::jsonb) as g("persoonId" uuid, "aanbiederId" uuid, standaard text)
      on t.persoon_id = g."persoonId" and t.aanbieder_id = g."aanbiederId" and t.standaard = g.standaard
    order by t.nummer for update of t`.execute(tx);
  return rijen.rows.map(naarToewijzing);
}

/**
 * Many messages in one statement per 500, with their own ids. A message and its retour may point at each
 * other (`retourId` / `antwoordOp`): keep them next to each other (an even chunk never splits a pair),
 * the foreign keys are checked at the end of the statement.
 */
export async function insertBerichten(tx: Tx, lijst: readonly (NieuwBericht & { id: string; retourId?: string })[]): Promise<void> {
  for (let i = 0; i < lijst.length; i += 500) {
    await tx.insertInto('berichten').values(lijst.slice(i, i + 500).map((b) => ({
      id: b.id, retour_id: b.retourId ?? null, standaard: b.standaard, soort: b.soort, richting: b.richting, aanbieder_id: b.aanbiederId, afzender: b.afzender, ontvanger: b.ontvanger,
      identificatie: b.identificatie, dagtekening: b.dagtekening, status: b.status, retourcodes: [...b.retourcodes], antwoord_op: b.antwoordOp ?? null,
      persoon_id: b.persoonId ?? null, aantal_producten: b.aantalProducten, xml: b.xml, sha256: b.sha256,
    }))).execute();
  }
}

export async function koppelAlleToewijzingen(tx: Tx, regels: readonly { berichtId: string; toewijzingId: string; retourcodes: readonly string[] }[]): Promise<void> {
  for (let i = 0; i < regels.length; i += 1000) {
    await tx.insertInto('bericht_toewijzingen').values(regels.slice(i, i + 1000).map((r) => ({ bericht_id: r.berichtId, toewijzing_id: r.toewijzingId, retourcodes: [...r.retourcodes] })))
      .onConflict((oc) => oc.columns(['bericht_id', 'toewijzing_id']).doNothing()).execute();
  }
}

/** What the 301s of a batch said about each toewijzing, in one statement. */
export async function zetVerstuurd(tx: Tx, lijst: readonly { id: string; verstuurd: ToewijzingInhoud }[]): Promise<void> {
  if (!lijst.length) return;
  const rijen = lijst.map((t) => ({ id: t.id, verstuurd: t.verstuurd, reden: t.verstuurd.redenWijziging, datum: t.verstuurd.toewijzingsdatum, tijd: t.verstuurd.toewijzingstijd }));
  await sql`
    update toewijzingen t set verstuurd = x.verstuurd, reden_wijziging = x.reden, toewijzingsdatum = x.datum, toewijzingstijd = x.tijd, gewijzigd_op = now()
    from jsonb_to_recordset(${JSON.stringify(rijen)}::jsonb) as x(id uuid, verstuurd jsonb, reden text, datum date, tijd time)
    where t.id = x.id`.execute(tx);
}

/** One lock per client and provider for a whole batch, taken in a fixed order so two batches cannot deadlock. */
export async function clientSloten(tx: Tx, sleutels: readonly string[]): Promise<void> {
  if (!sleutels.length) return;
  await sql`select count(pg_advisory_xact_lock(hashtext(k))) from (select k from unnest(${[...sleutels].sort()}::text[]) as k order by k) s`.execute(tx);
}

/** The identification locks of a whole batch, in a fixed order (see `ontvangBericht`: concurrent identical deliveries). */
export async function identificatieSloten(tx: Tx, sleutels: readonly string[]): Promise<void> {
  await clientSloten(tx, sleutels);
}

/** Which of these identifications this sender delivered before (any status). */
export async function eerderOntvangenVan(tx: Tx, w: { afzender: string; soort: Soort; identificaties: readonly string[] }): Promise<Set<string>> {
  if (!w.identificaties.length) return new Set();
  const r = await tx.selectFrom('berichten').select('identificatie').where('afzender', '=', w.afzender).where('soort', '=', w.soort).where('richting', '=', 'in')
    .where('identificatie', 'in', [...w.identificaties]).execute();
  return new Set(r.map((x) => x.identificatie));
}

/** The accepted starts of a batch on their toewijzingen, in one statement. */
export async function zetGestart(tx: Tx, lijst: readonly { id: string; datum: string }[]): Promise<void> {
  if (!lijst.length) return;
  await sql`
    update toewijzingen t set start_begindatum = x.datum, stop_einddatum = null, stop_reden = null, gewijzigd_op = now()
    from jsonb_to_recordset(${JSON.stringify(lijst)}::jsonb) as x(id uuid, datum date)
    where t.id = x.id`.execute(tx);
}

// ————— Declaraties en prestaties (ADR 40) —————

export async function declaratieNummerGebruikt(tx: Tx, w: { aanbiederId: string; standaard: Standaard; nummer: string }): Promise<boolean> {
  const r = await tx.selectFrom('declaraties').select('id').where('aanbieder_id', '=', w.aanbiederId).where('standaard', '=', w.standaard)
    .where('nummer', '=', w.nummer).where(sql<SqlBool>`not ('9333' = any (retourcodes))`).executeTakeFirst();
  return r !== undefined;
}

/** Referentienummers of this provider and law already delivered (TR314), among those asked. */
export async function gebruikteReferenties(tx: Tx, w: { aanbiederId: string; standaard: Standaard; referenties: readonly string[] }): Promise<Set<string>> {
  if (!w.referenties.length) return new Set();
  const rijen = await tx.selectFrom('prestaties').select('referentie').distinct().where('aanbieder_id', '=', w.aanbiederId).where('standaard', '=', w.standaard)
    .where('referentie', 'in', [...new Set(w.referenties)]).execute();
  return new Set(rijen.map((r) => r.referentie));
}

export interface GoedgekeurdDebet {
  id: string; referentie: string; toewijzingId: string | null; toewijzingNummer: number; categorie: string; code: string; begin: string; eind: string;
  volume: number; eenheid: string; bedragCents: number; gecrediteerd: boolean;
}
const debetKolommen = ['id', 'referentie', 'toewijzing_id', 'toewijzing_nummer', 'productcategorie', 'productcode', 'periode_begin', 'periode_eind', 'volume', 'eenheid', 'toegekend_cents', 'gecrediteerd_door'] as const;
const naarDebet = (r: { id: string; referentie: string; toewijzing_id: string | null; toewijzing_nummer: number; productcategorie: string; productcode: string; periode_begin: string; periode_eind: string; volume: number; eenheid: string; toegekend_cents: number; gecrediteerd_door: string | null }): GoedgekeurdDebet => ({
  id: r.id, referentie: r.referentie, toewijzingId: r.toewijzing_id, toewijzingNummer: Number(r.toewijzing_nummer), categorie: r.productcategorie, code: r.productcode,
  begin: r.periode_begin, eind: r.periode_eind, volume: Number(r.volume), eenheid: r.eenheid, bedragCents: Number(r.toegekend_cents), gecrediteerd: r.gecrediteerd_door !== null,
});

/** Approved debits on these toewijzingen not credited since: what counts against volume and budget (TR322, TR369) and for TR389. */
export async function lopendeDebetten(tx: Tx, toewijzingIds: readonly string[]): Promise<GoedgekeurdDebet[]> {
  if (!toewijzingIds.length) return [];
  const rijen = await tx.selectFrom('prestaties').select(debetKolommen).where('toewijzing_id', 'in', [...new Set(toewijzingIds)])
    .where('goedgekeurd', '=', true).where('ingediend_cents', '>', 0).where('gecrediteerd_door', 'is', null).execute();
  return rijen.map(naarDebet);
}

/** The approved debits that credits name as VorigReferentieNummer (TR323). */
export async function debettenOpReferentie(tx: Tx, w: { aanbiederId: string; standaard: Standaard; referenties: readonly string[] }): Promise<GoedgekeurdDebet[]> {
  if (!w.referenties.length) return [];
  const rijen = await tx.selectFrom('prestaties').select(debetKolommen).where('aanbieder_id', '=', w.aanbiederId).where('standaard', '=', w.standaard)
    .where('referentie', 'in', [...new Set(w.referenties)]).where('goedgekeurd', '=', true).where('ingediend_cents', '>', 0).forUpdate().execute();
  return rijen.map(naarDebet);
}

export async function insertDeclaratie(tx: Tx, d: {
  id: string; standaard: Standaard; aanbiederId: string; berichtId: string; nummer: string; begin: string; eind: string; dagtekening: string;
  ingediendCents: number; toegekendCents: number; status: string; retourcodes: readonly string[]; aantalPrestaties: number;
}): Promise<void> {
  await tx.insertInto('declaraties').values({
    id: d.id, standaard: d.standaard, aanbieder_id: d.aanbiederId, bericht_id: d.berichtId, nummer: d.nummer, periode_begin: d.begin, periode_eind: d.eind,
    dagtekening: d.dagtekening, ingediend_cents: d.ingediendCents, toegekend_cents: d.toegekendCents, status: d.status, retourcodes: [...d.retourcodes],
    aantal_prestaties: d.aantalPrestaties,
  }).execute();
}
export async function zetDeclaratieAntwoord(tx: Tx, id: string, antwoordId: string): Promise<void> {
  await tx.updateTable('declaraties').set({ antwoord_id: antwoordId }).where('id', '=', id).execute();
}

export interface NieuwePrestatie {
  id: string; declaratieId: string; standaard: Standaard; aanbiederId: string; toewijzingId: string | null; voorzieningId: string | null; persoonId: string | null;
  bsn: string; referentie: string; vorigReferentie: string | null; toewijzingNummer: number; categorie: string; code: string; begin: string; eind: string;
  volume: number; eenheid: string; tariefCents: number | null; ingediendCents: number; toegekendCents: number; goedgekeurd: boolean; retourcodes: readonly string[];
}
export async function insertPrestaties(tx: Tx, lijst: readonly NieuwePrestatie[]): Promise<void> {
  for (let i = 0; i < lijst.length; i += 1000) {
    await tx.insertInto('prestaties').values(lijst.slice(i, i + 1000).map((p) => ({
      id: p.id, declaratie_id: p.declaratieId, standaard: p.standaard, aanbieder_id: p.aanbiederId, toewijzing_id: p.toewijzingId, voorziening_id: p.voorzieningId,
      persoon_id: p.persoonId, bsn: p.bsn, referentie: p.referentie, vorig_referentie: p.vorigReferentie, toewijzing_nummer: p.toewijzingNummer,
      productcategorie: p.categorie, productcode: p.code, periode_begin: p.begin, periode_eind: p.eind, volume: p.volume, eenheid: p.eenheid,
      tarief_cents: p.tariefCents, ingediend_cents: p.ingediendCents, toegekend_cents: p.toegekendCents, goedgekeurd: p.goedgekeurd, retourcodes: [...p.retourcodes],
    }))).execute();
  }
}
/** Approved credits mark the debits they cancel. */
export async function markeerGecrediteerd(tx: Tx, paren: readonly { debetId: string; creditId: string }[]): Promise<void> {
  if (!paren.length) return;
  await sql`update prestaties p set gecrediteerd_door = x.credit from unnest(${paren.map((x) => x.debetId)}::uuid[], ${paren.map((x) => x.creditId)}::uuid[]) as x(debet, credit) where p.id = x.debet`.execute(tx);
}

/** Per voorziening: declared (debits submitted), approved (net of credits), credited, and the last period declared. */
export interface Besteding { voorzieningId: string; gedeclareerdCents: number; goedgekeurdCents: number; gecrediteerdCents: number; afgewezenCents: number; laatstePeriode: string | null }
export async function bestedingPerVoorziening(tx: Tx, voorzieningIds: readonly string[]): Promise<Map<string, Besteding>> {
  if (!voorzieningIds.length) return new Map();
  const rijen = await tx.selectFrom('prestaties').select([
    'voorziening_id',
    sql<string>`coalesce(sum(ingediend_cents) filter (where ingediend_cents > 0), 0)`.as('gedeclareerd'),
    sql<string>`coalesce(sum(toegekend_cents), 0)`.as('goedgekeurd'),
    sql<string>`coalesce(-sum(toegekend_cents) filter (where ingediend_cents < 0), 0)`.as('gecrediteerd'),
    sql<string>`coalesce(sum(ingediend_cents) filter (where not goedgekeurd and ingediend_cents > 0), 0)`.as('afgewezen'),
    sql<string | null>`max(periode_eind) filter (where goedgekeurd)`.as('laatste'),
  ]).where('voorziening_id', 'in', [...new Set(voorzieningIds)]).groupBy('voorziening_id').execute();
  return new Map(rijen.map((r) => [r.voorziening_id!, {
    voorzieningId: r.voorziening_id!, gedeclareerdCents: Number(r.gedeclareerd), goedgekeurdCents: Number(r.goedgekeurd), gecrediteerdCents: Number(r.gecrediteerd),
    afgewezenCents: Number(r.afgewezen), laatstePeriode: r.laatste,
  }]));
}

export interface DeclaratieRij {
  id: string; standaard: Standaard; aanbiederId: string; aanbiederNaam: string; berichtId: string; antwoordId: string | null; nummer: string; begin: string; eind: string; dagtekening: string;
  ingediendCents: number; toegekendCents: number; status: string; retourcodes: string[]; aantalPrestaties: number; aangemaaktOp: string;
}
export async function declaratiesWaar(tx: Tx, f: { aanbiederId?: string; status?: string }, pagina: { limit: number; offset: number }): Promise<{ items: DeclaratieRij[]; totaal: number }> {
  let q = tx.selectFrom('declaraties as d');
  if (f.aanbiederId) q = q.where('d.aanbieder_id', '=', f.aanbiederId);
  if (f.status) q = q.where('d.status', '=', f.status);
  const [rijen, telling] = await Promise.all([
    q.innerJoin('aanbieders as a', 'a.id', 'd.aanbieder_id').selectAll('d').select('a.naam as aanbieder_naam')
      .orderBy('d.aangemaakt_op', 'desc').orderBy('d.id').limit(pagina.limit).offset(pagina.offset).execute(),
    q.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    totaal: Number(telling.n),
    items: rijen.map((r) => ({
      id: r.id, standaard: r.standaard as Standaard, aanbiederId: r.aanbieder_id, aanbiederNaam: r.aanbieder_naam, berichtId: r.bericht_id, antwoordId: r.antwoord_id, nummer: r.nummer,
      begin: r.periode_begin, eind: r.periode_eind, dagtekening: r.dagtekening, ingediendCents: Number(r.ingediend_cents), toegekendCents: Number(r.toegekend_cents),
      status: r.status, retourcodes: r.retourcodes, aantalPrestaties: r.aantal_prestaties, aangemaaktOp: new Date(r.aangemaakt_op).toISOString(),
    })),
  };
}

export interface PrestatieRij {
  id: string; bsn: string; persoonId: string | null; voorzieningId: string | null; voorzieningNummer: string | null; referentie: string; vorigReferentie: string | null;
  toewijzingNummer: number; categorie: string; code: string; begin: string; eind: string; volume: number; eenheid: string; tariefCents: number | null;
  ingediendCents: number; toegekendCents: number; goedgekeurd: boolean; retourcodes: string[]; gecrediteerd: boolean;
}
export async function prestatiesVan(tx: Tx, declaratieId: string): Promise<PrestatieRij[]> {
  const rijen = await tx.selectFrom('prestaties as p').leftJoin('voorzieningen as v', 'v.id', 'p.voorziening_id')
    .select(['p.id', 'p.bsn', 'p.persoon_id', 'p.voorziening_id', 'v.nummer as voorziening_nummer', 'p.referentie', 'p.vorig_referentie', 'p.toewijzing_nummer', 'p.productcategorie',
      'p.productcode', 'p.periode_begin', 'p.periode_eind', 'p.volume', 'p.eenheid', 'p.tarief_cents', 'p.ingediend_cents', 'p.toegekend_cents', 'p.goedgekeurd', 'p.retourcodes', 'p.gecrediteerd_door'])
    .where('p.declaratie_id', '=', declaratieId).orderBy('p.bsn').orderBy('p.periode_begin').orderBy('p.referentie').execute();
  return rijen.map((r) => ({
    id: r.id, bsn: r.bsn, persoonId: r.persoon_id, voorzieningId: r.voorziening_id, voorzieningNummer: r.voorziening_nummer, referentie: r.referentie, vorigReferentie: r.vorig_referentie,
    toewijzingNummer: Number(r.toewijzing_nummer), categorie: r.productcategorie, code: r.productcode, begin: r.periode_begin, eind: r.periode_eind, volume: Number(r.volume),
    eenheid: r.eenheid, tariefCents: r.tarief_cents === null ? null : Number(r.tarief_cents), ingediendCents: Number(r.ingediend_cents), toegekendCents: Number(r.toegekend_cents),
    goedgekeurd: r.goedgekeurd, retourcodes: r.retourcodes, gecrediteerd: r.gecrediteerd_door !== null,
  }));
}
export async function getDeclaratie(tx: Tx, id: string): Promise<DeclaratieRij | undefined> {
  const r = await tx.selectFrom('declaraties as d').innerJoin('aanbieders as a', 'a.id', 'd.aanbieder_id').selectAll('d').select('a.naam as aanbieder_naam')
    .where('d.id', '=', id).executeTakeFirst();
  return r && {
    id: r.id, standaard: r.standaard as Standaard, aanbiederId: r.aanbieder_id, aanbiederNaam: r.aanbieder_naam, berichtId: r.bericht_id, antwoordId: r.antwoord_id, nummer: r.nummer,
    begin: r.periode_begin, eind: r.periode_eind, dagtekening: r.dagtekening, ingediendCents: Number(r.ingediend_cents), toegekendCents: Number(r.toegekend_cents),
    status: r.status, retourcodes: r.retourcodes, aantalPrestaties: r.aantal_prestaties, aangemaaktOp: new Date(r.aangemaakt_op).toISOString(),
  };
}
