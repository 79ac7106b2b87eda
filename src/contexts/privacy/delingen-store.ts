/** Delen met partners: the SQL for grondslagen and verstrekkingen. */
import { sql } from 'kysely';
import type { Tx } from '../../platform/tenancy/tx.ts';
import type { Doel, GrondslagSoort, PartnerSoort, ScopePartner, ToestemmingGever } from './delingen-rules.ts';

export interface Grondslag {
  id: string;
  persoonId: string;
  huishoudenId: string;
  casusId: string | null;
  soort: GrondslagSoort;
  gegevenDoor: { relatie: ToestemmingGever; naam: string; id: string | null } | null;
  datum: string;
  geldigTot: string | null;
  partners: ScopePartner[];
  doelen: Doel[];
  gegevens: string;
  wetsartikel: string | null;
  toelichting: string | null;
  vastgelegdDoor: string | null;
  vastgelegdOp: string;
  ingetrokkenOp: string | null;
  ingetrokkenDoor: string | null;
  intrekkingReden: string | null;
}

export interface Verstrekking {
  id: string;
  persoonId: string;
  huishoudenId: string;
  casusId: string | null;
  grondslagId: string;
  grondslagSoort: GrondslagSoort;
  partner: { soort: PartnerSoort; naam: string };
  doel: Doel;
  gegevens: string;
  datum: string;
  toelichting: string | null;
  vastgelegdDoor: string | null;
  vastgelegdOp: string;
}

const grondslagQuery = (tx: Tx) => tx.selectFrom('grondslagen as g')
  .leftJoin('gebruikers as v', 'v.id', 'g.vastgelegd_door')
  .leftJoin('gebruikers as i', 'i.id', 'g.ingetrokken_door')
  .select([
    'g.id', 'g.persoon_id', 'g.huishouden_id', 'g.casus_id', 'g.soort', 'g.gegeven_door_relatie', 'g.gegeven_door_naam', 'g.gegeven_door_id',
    'g.datum', 'g.geldig_tot', 'g.partners', 'g.doelen', 'g.gegevens', 'g.wetsartikel', 'g.toelichting', 'g.vastgelegd_op', 'g.ingetrokken_op',
    'g.intrekking_reden', 'v.naam as vastgelegd_door_naam', 'i.naam as ingetrokken_door_naam',
  ]);

type GrondslagRij = Awaited<ReturnType<ReturnType<typeof grondslagQuery>['executeTakeFirstOrThrow']>>;

const toGrondslag = (r: GrondslagRij): Grondslag => ({
  id: r.id, persoonId: r.persoon_id, huishoudenId: r.huishouden_id, casusId: r.casus_id, soort: r.soort as GrondslagSoort,
  gegevenDoor: r.gegeven_door_relatie ? { relatie: r.gegeven_door_relatie as ToestemmingGever, naam: r.gegeven_door_naam ?? '', id: r.gegeven_door_id } : null,
  datum: r.datum, geldigTot: r.geldig_tot, partners: r.partners as ScopePartner[], doelen: r.doelen as Doel[], gegevens: r.gegevens,
  wetsartikel: r.wetsartikel, toelichting: r.toelichting, vastgelegdDoor: r.vastgelegd_door_naam, vastgelegdOp: new Date(r.vastgelegd_op).toISOString(),
  ingetrokkenOp: r.ingetrokken_op, ingetrokkenDoor: r.ingetrokken_door_naam, intrekkingReden: r.intrekking_reden,
});

export interface NieuweGrondslag {
  gemeenteId: string; persoonId: string; huishoudenId: string; casusId: string | null; soort: GrondslagSoort;
  gegevenDoor: { relatie: ToestemmingGever; naam: string; id: string | null } | null; datum: string; geldigTot: string | null;
  partners: ScopePartner[]; doelen: Doel[]; gegevens: string; wetsartikel: string | null; toelichting: string | null; door: string | null;
}

export async function insertGrondslag(tx: Tx, g: NieuweGrondslag): Promise<string> {
  const r = await tx.insertInto('grondslagen').values({
    gemeente_id: g.gemeenteId, persoon_id: g.persoonId, huishouden_id: g.huishoudenId, casus_id: g.casusId, soort: g.soort,
    gegeven_door_relatie: g.gegevenDoor?.relatie ?? null, gegeven_door_naam: g.gegevenDoor?.naam ?? null, gegeven_door_id: g.gegevenDoor?.id ?? null,
    datum: g.datum, geldig_tot: g.geldigTot, partners: JSON.stringify(g.partners), doelen: g.doelen, gegevens: g.gegevens,
    wetsartikel: g.wetsartikel, toelichting: g.toelichting, vastgelegd_door: g.door,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** With `lock`, the row stays locked until commit: a share and a withdrawal of the same ground take turns. */
export async function getGrondslag(tx: Tx, id: string, lock = false): Promise<Grondslag | undefined> {
  if (lock) await tx.selectFrom('grondslagen').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  const r = await grondslagQuery(tx).where('g.id', '=', id).executeTakeFirst();
  return r && toGrondslag(r);
}

export async function grondslagenVanPersoon(tx: Tx, persoonId: string): Promise<Grondslag[]> {
  const rows = await grondslagQuery(tx).where('g.persoon_id', '=', persoonId).orderBy('g.datum', 'desc').orderBy('g.vastgelegd_op', 'desc').execute();
  return rows.map(toGrondslag);
}

export async function trekIn(tx: Tx, id: string, i: { datum: string; door: string | null; reden: string | null }): Promise<void> {
  await tx.updateTable('grondslagen').set({
    ingetrokken_op: i.datum, ingetrokken_door: i.door, intrekking_reden: i.reden, intrekking_vastgelegd_op: sql<Date>`now()`,
  }).where('id', '=', id).execute();
}

const verstrekkingQuery = (tx: Tx) => tx.selectFrom('verstrekkingen as v')
  .innerJoin('grondslagen as g', 'g.id', 'v.grondslag_id')
  .leftJoin('gebruikers as u', 'u.id', 'v.vastgelegd_door')
  .select([
    'v.id', 'v.persoon_id', 'v.huishouden_id', 'v.casus_id', 'v.grondslag_id', 'g.soort as grondslag_soort', 'v.partner_soort', 'v.partner_naam',
    'v.doel', 'v.gegevens', 'v.datum', 'v.toelichting', 'v.vastgelegd_op', 'u.naam as vastgelegd_door_naam',
  ]);

type VerstrekkingRij = Awaited<ReturnType<ReturnType<typeof verstrekkingQuery>['executeTakeFirstOrThrow']>>;

const toVerstrekking = (r: VerstrekkingRij): Verstrekking => ({
  id: r.id, persoonId: r.persoon_id, huishoudenId: r.huishouden_id, casusId: r.casus_id, grondslagId: r.grondslag_id,
  grondslagSoort: r.grondslag_soort as GrondslagSoort, partner: { soort: r.partner_soort as PartnerSoort, naam: r.partner_naam }, doel: r.doel as Doel,
  gegevens: r.gegevens, datum: r.datum, toelichting: r.toelichting, vastgelegdDoor: r.vastgelegd_door_naam, vastgelegdOp: new Date(r.vastgelegd_op).toISOString(),
});

export interface NieuweVerstrekking {
  gemeenteId: string; persoonId: string; huishoudenId: string; casusId: string | null; grondslagId: string;
  partner: { soort: PartnerSoort; naam: string }; doel: Doel; gegevens: string; datum: string; toelichting: string | null; door: string | null;
}

export async function insertVerstrekking(tx: Tx, v: NieuweVerstrekking): Promise<string> {
  const r = await tx.insertInto('verstrekkingen').values({
    gemeente_id: v.gemeenteId, persoon_id: v.persoonId, huishouden_id: v.huishoudenId, casus_id: v.casusId, grondslag_id: v.grondslagId,
    partner_soort: v.partner.soort, partner_naam: v.partner.naam, doel: v.doel, gegevens: v.gegevens, datum: v.datum, toelichting: v.toelichting,
    vastgelegd_door: v.door,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function getVerstrekking(tx: Tx, id: string): Promise<Verstrekking | undefined> {
  const r = await verstrekkingQuery(tx).where('v.id', '=', id).executeTakeFirst();
  return r && toVerstrekking(r);
}

export async function verstrekkingenVanPersoon(tx: Tx, persoonId: string): Promise<Verstrekking[]> {
  const rows = await verstrekkingQuery(tx).where('v.persoon_id', '=', persoonId).orderBy('v.datum', 'desc').orderBy('v.vastgelegd_op', 'desc').execute();
  return rows.map(toVerstrekking);
}

export interface OverzichtFilter {
  partnerSoort?: PartnerSoort | undefined;
  /** Part of a partner's name (case-insensitive). */
  partnerNaam?: string | undefined;
  soort?: GrondslagSoort | undefined;
  ingetrokken?: boolean | undefined;
  pagina: number;
  aantal: number;
}

export interface PersoonKort { id: string; naam: string; bsn: string }

const persoonNaam = sql<string>`concat_ws(' ', p.voornaam, p.tussenvoegsel, p.achternaam)`;

/**
 * The privacy officer's list of shares, newest first, each with its ground. A partner filter
 * matches the share's partner; soort and ingetrokken filter on its ground.
 */
export async function overzichtVerstrekkingen(tx: Tx, f: OverzichtFilter): Promise<{ rijen: (Verstrekking & { persoon: PersoonKort; grondslagIngetrokkenOp: string | null })[]; totaal: number }> {
  let q = tx.selectFrom('verstrekkingen as v').innerJoin('grondslagen as g', 'g.id', 'v.grondslag_id');
  if (f.partnerSoort) q = q.where('v.partner_soort', '=', f.partnerSoort);
  if (f.partnerNaam) q = q.where(sql<boolean>`v.partner_naam ilike ${'%' + escapeLike(f.partnerNaam) + '%'}`);
  if (f.soort) q = q.where('g.soort', '=', f.soort);
  if (f.ingetrokken !== undefined) q = q.where('g.ingetrokken_op', f.ingetrokken ? 'is not' : 'is', null);
  const totaal = Number((await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const ids = await q.select('v.id').orderBy('v.vastgelegd_op', 'desc').orderBy('v.id').limit(f.aantal).offset((f.pagina - 1) * f.aantal).execute();
  if (ids.length === 0) return { rijen: [], totaal };
  const rows = await verstrekkingQuery(tx).innerJoin('personen as p', 'p.id', 'v.persoon_id')
    .select([persoonNaam.as('persoon_naam'), 'p.bsn', 'g.ingetrokken_op'])
    .where('v.id', 'in', ids.map((r) => r.id)).orderBy('v.vastgelegd_op', 'desc').orderBy('v.id').execute();
  return {
    rijen: rows.map((r) => ({ ...toVerstrekking(r), persoon: { id: r.persoon_id, naam: r.persoon_naam, bsn: r.bsn }, grondslagIngetrokkenOp: r.ingetrokken_op })),
    totaal,
  };
}

/** The privacy officer's list of grounds, newest recorded first; a partner filter matches the scope. */
export async function overzichtGrondslagen(tx: Tx, f: OverzichtFilter): Promise<{ rijen: (Grondslag & { persoon: PersoonKort; aantalVerstrekkingen: number })[]; totaal: number }> {
  let q = tx.selectFrom('grondslagen as g');
  if (f.partnerSoort) q = q.where(sql<boolean>`g.partners @> ${JSON.stringify([{ soort: f.partnerSoort }])}::jsonb`);
  if (f.partnerNaam) {
    q = q.where(sql<boolean>`exists (select 1 from jsonb_array_elements(g.partners) e where e->>'naam' ilike ${'%' + escapeLike(f.partnerNaam) + '%'})`);
  }
  if (f.soort) q = q.where('g.soort', '=', f.soort);
  if (f.ingetrokken !== undefined) q = q.where('g.ingetrokken_op', f.ingetrokken ? 'is not' : 'is', null);
  const totaal = Number((await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const ids = await q.select('g.id').orderBy('g.vastgelegd_op', 'desc').orderBy('g.id').limit(f.aantal).offset((f.pagina - 1) * f.aantal).execute();
  if (ids.length === 0) return { rijen: [], totaal };
  const rows = await grondslagQuery(tx).innerJoin('personen as p', 'p.id', 'g.persoon_id')
    .select([
      persoonNaam.as('persoon_naam'), 'p.bsn',
      sql<string>`(select count(*) from verstrekkingen x where x.grondslag_id = g.id)`.as('aantal'),
    ])
    .where('g.id', 'in', ids.map((r) => r.id)).orderBy('g.vastgelegd_op', 'desc').orderBy('g.id').execute();
  return {
    rijen: rows.map((r) => ({ ...toGrondslag(r), persoon: { id: r.persoon_id, naam: r.persoon_naam, bsn: r.bsn }, aantalVerstrekkingen: Number(r.aantal) })),
    totaal,
  };
}

/** The grounds of a person that are not withdrawn, newest first: the candidates for a new share. */
export async function lopendeGrondslagen(tx: Tx, persoonId: string): Promise<Grondslag[]> {
  const rows = await grondslagQuery(tx).where('g.persoon_id', '=', persoonId).where('g.ingetrokken_op', 'is', null)
    .orderBy('g.datum', 'desc').orderBy('g.vastgelegd_op', 'desc').execute();
  return rows.map(toGrondslag);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
