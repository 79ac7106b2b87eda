import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Tx } from '../../platform/tenancy/tx.ts';
import { MELDING_STATUSSEN, casusNummer, isAfgerond, meldingNummer, type Kanaal, type MeldingStatus, type TriageUitkomst, type Wet } from './rules.ts';
import { effectieveConfig, type TermijnConfigInvoer } from './termijn-config.ts';
import {
  berekenTermijn, type Duur, type Opschorting, type TermijnInvoer, type TermijnRegel, type TermijnSoort, type TermijnStatus, type Verdaging,
} from './termijnen.ts';

export interface MeldingRij {
  id: string;
  nummer: string;
  status: MeldingStatus;
  wet: Wet;
  kanaal: Kanaal;
  ontvangenOp: string;
  omschrijving: string;
  persoonId: string;
  huishoudenId: string;
  bsn: string;
  voornaam: string;
  tussenvoegsel: string | null;
  achternaam: string;
  geboortedatum: string;
  wijk: string | null;
  kern: string | null;
  kernId: string | null;
  geregistreerdDoor: { id: string; naam: string } | null;
  aangemaaktOp: Date;
  casus: { id: string; nummer: string } | null;
  regisseur: { id: string; naam: string } | null;
  triageUitkomst: TriageUitkomst | null;
  advies: string | null;
  gegevenProduct: string | null;
  verwijzer: unknown;
  signaal: unknown;
  spoed: boolean;
  contactTelefoon: string | null;
  contactEmail: string | null;
  afgerondOp: string | null;
}

export async function volgendNummer(tx: Tx, gemeenteId: string, soort: string, jaar: number): Promise<number> {
  const r = await tx
    .insertInto('nummering')
    .values({ gemeente_id: gemeenteId, soort, jaar, laatste: 1 })
    .onConflict((oc) => oc.columns(['gemeente_id', 'soort', 'jaar']).doUpdateSet({ laatste: sql<number>`nummering.laatste + 1` }))
    .returning('laatste')
    .executeTakeFirstOrThrow();
  return r.laatste;
}

export interface NieuweMelding {
  gemeenteId: string;
  persoonId: string;
  huishoudenId: string;
  wet: Wet;
  kanaal: Kanaal;
  ontvangenOp: string;
  omschrijving: string;
  status: MeldingStatus;
  geregistreerdDoor: string | null;
  spoed?: boolean;
  verwijzer?: unknown;
  signaal?: unknown;
  contactTelefoon?: string | null;
  contactEmail?: string | null;
}

export async function insertMelding(tx: Tx, m: NieuweMelding): Promise<string> {
  const jaar = Number(m.ontvangenOp.slice(0, 4));
  const nummer = meldingNummer(jaar, await volgendNummer(tx, m.gemeenteId, 'melding', jaar));
  const { id } = await tx
    .insertInto('meldingen')
    .values({
      gemeente_id: m.gemeenteId, nummer, persoon_id: m.persoonId, huishouden_id: m.huishoudenId, wet: m.wet, kanaal: m.kanaal,
      ontvangen_op: m.ontvangenOp, omschrijving: m.omschrijving, status: m.status, geregistreerd_door: m.geregistreerdDoor,
      spoed: m.spoed ?? false, verwijzer: m.verwijzer ? JSON.stringify(m.verwijzer) : null, signaal: m.signaal ? JSON.stringify(m.signaal) : null,
      contact_telefoon: m.contactTelefoon ?? null, contact_email: m.contactEmail ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('melding_statushistorie')
    .values({ gemeente_id: m.gemeenteId, melding_id: id, van: null, naar: m.status, door: m.geregistreerdDoor, reden: 'Melding geregistreerd' })
    .execute();
  return id;
}

const meldingQuery = (tx: Tx) =>
  tx
    .selectFrom('meldingen as m')
    .innerJoin('personen as p', 'p.id', 'm.persoon_id')
    .leftJoin('wijken as w', 'w.id', 'p.wijk_id')
    .leftJoin('kernen as k', 'k.id', 'w.kern_id')
    .leftJoin('gebruikers as g', 'g.id', 'm.geregistreerd_door')
    .leftJoin('casussen as c', 'c.id', 'm.casus_id')
    .leftJoin('gebruikers as r', 'r.id', 'c.regisseur_id')
    .select([
      'm.id', 'm.nummer', 'm.status', 'm.wet', 'm.kanaal', 'm.ontvangen_op', 'm.omschrijving', 'm.persoon_id', 'm.huishouden_id',
      'p.bsn', 'p.voornaam', 'p.tussenvoegsel', 'p.achternaam', 'p.geboortedatum', 'w.naam as wijk', 'k.naam as kern', 'k.id as kern_id',
      'g.id as door_id', 'g.naam as door_naam', 'm.aangemaakt_op', 'c.id as casus_id', 'c.nummer as casus_nummer',
      'r.id as regisseur_id', 'r.naam as regisseur_naam', 'm.triage_uitkomst', 'm.advies', 'm.gegeven_product', 'm.verwijzer', 'm.signaal',
      'm.spoed', 'm.contact_telefoon', 'm.contact_email', 'm.afgerond_op',
    ]);

type Row = Awaited<ReturnType<ReturnType<typeof meldingQuery>['executeTakeFirstOrThrow']>>;
const toRij = (r: Row): MeldingRij => ({
  id: r.id, nummer: r.nummer, status: r.status as MeldingStatus, wet: r.wet as Wet, kanaal: r.kanaal as Kanaal,
  ontvangenOp: r.ontvangen_op, omschrijving: r.omschrijving, persoonId: r.persoon_id, huishoudenId: r.huishouden_id,
  bsn: r.bsn, voornaam: r.voornaam, tussenvoegsel: r.tussenvoegsel, achternaam: r.achternaam, geboortedatum: r.geboortedatum,
  wijk: r.wijk, kern: r.kern, kernId: r.kern_id, geregistreerdDoor: r.door_id && r.door_naam ? { id: r.door_id, naam: r.door_naam } : null,
  aangemaaktOp: r.aangemaakt_op, casus: r.casus_id && r.casus_nummer ? { id: r.casus_id, nummer: r.casus_nummer } : null,
  regisseur: r.regisseur_id && r.regisseur_naam ? { id: r.regisseur_id, naam: r.regisseur_naam } : null,
  triageUitkomst: r.triage_uitkomst as TriageUitkomst | null, advies: r.advies, gegevenProduct: r.gegeven_product,
  verwijzer: r.verwijzer, signaal: r.signaal, spoed: r.spoed, contactTelefoon: r.contact_telefoon, contactEmail: r.contact_email,
  afgerondOp: r.afgerond_op,
});

export async function getMelding(tx: Tx, id: string): Promise<MeldingRij | undefined> {
  const r = await meldingQuery(tx).where('m.id', '=', id).executeTakeFirst();
  return r && toRij(r);
}

/**
 * Open work: a melding is open until triage answered it at once ('afgehandeld') or it was closed
 * ('afgesloten'). The werkvoorraad list and its counts both use this one definition.
 */
export const OPEN_STATUSSEN: readonly MeldingStatus[] = MELDING_STATUSSEN.filter((s) => !isAfgerond(s));
/** A status, or 'open' (the default: open work only) or 'alle' (closed ones too). */
export type StatusKeuze = MeldingStatus | 'open' | 'alle';

export interface MeldingFilter {
  /** Without a status: open meldingen only. */
  status?: StatusKeuze | undefined;
  wet?: Wet | undefined;
  kanaal?: Kanaal | undefined;
  kernId?: string | undefined;
  termijnstatus?: TermijnStatus | undefined;
  geregistreerdDoor?: string | undefined;
  /** Only meldingen of this casusregisseur. */
  regisseurId?: string | undefined;
  /** Only meldingen of regisseurs in this team, or not yet picked up. */
  teamId?: string | undefined;
  /** Only meldingen no casusregisseur has picked up yet. */
  nietOpgepakt?: boolean | undefined;
  /** Only households the asker may see (the access rule on `m.huishouden_id`, from privacy). */
  zichtbaar?: Expression<SqlBool> | undefined;
  pagina: number;
  aantal: number;
}

function gefilterd(tx: Tx, f: Omit<MeldingFilter, 'pagina' | 'aantal'>) {
  let q = meldingQuery(tx);
  const status = f.status ?? 'open';
  if (status === 'open') q = q.where('m.status', 'in', OPEN_STATUSSEN);
  else if (status !== 'alle') q = q.where('m.status', '=', status);
  if (f.wet) q = q.where('m.wet', '=', f.wet);
  if (f.kanaal) q = q.where('m.kanaal', '=', f.kanaal);
  if (f.kernId) q = q.where('k.id', '=', f.kernId);
  if (f.geregistreerdDoor) q = q.where('m.geregistreerd_door', '=', f.geregistreerdDoor);
  if (f.regisseurId) q = q.where('c.regisseur_id', '=', f.regisseurId);
  if (f.nietOpgepakt) q = q.where('c.regisseur_id', 'is', null);
  if (f.zichtbaar) q = q.where(f.zichtbaar);
  if (f.teamId) q = q.where((eb) => eb.or([eb('r.team_id', '=', f.teamId!), eb('c.regisseur_id', 'is', null)]));
  if (f.termijnstatus) {
    const ts = f.termijnstatus;
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom('termijnen as t').select('t.id').whereRef('t.melding_id', '=', 'm.id').where('t.status', '=', ts)));
  }
  return q;
}

export async function listMeldingen(tx: Tx, f: MeldingFilter): Promise<{ rijen: MeldingRij[]; totaal: number }> {
  const rows = await gefilterd(tx, f)
    .select(sql<number>`count(*) over ()`.as('totaal'))
    // Most urgent first: the earliest end date of a running term (none: last), then the oldest melding.
    .orderBy(sql`(select min(t.uiterste_datum) from termijnen t where t.melding_id = m.id and t.afgerond_op is null) asc nulls last`)
    .orderBy('m.ontvangen_op', 'asc')
    .orderBy('m.nummer', 'asc')
    .limit(f.aantal)
    .offset((f.pagina - 1) * f.aantal)
    .execute();
  return { rijen: rows.map(toRij), totaal: Number(rows[0]?.totaal ?? 0) };
}

/** Counts for the queue's summary: aggregates only, no personal data. */
export async function telMeldingen(tx: Tx, f: Omit<MeldingFilter, 'pagina' | 'aantal'>) {
  const totaal = await gefilterd(tx, f).clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const perTermijn = await gefilterd(tx, f).clearSelect()
    .innerJoin('termijnen as t', 't.melding_id', 'm.id')
    .select(['t.status', sql<number>`count(distinct m.id)`.as('n')])
    .groupBy('t.status').execute();
  return { totaal: Number(totaal.n), perTermijnstatus: Object.fromEntries(perTermijn.map((r) => [r.status, Number(r.n)])) as Partial<Record<TermijnStatus, number>> };
}

export interface StatusWijziging { van: MeldingStatus | null; naar: MeldingStatus; door: string | null; doorNaam: string | null; moment: Date; reden: string | null }

export async function statushistorie(tx: Tx, meldingId: string): Promise<StatusWijziging[]> {
  const rows = await tx
    .selectFrom('melding_statushistorie as h')
    .leftJoin('gebruikers as g', 'g.id', 'h.door')
    .select(['h.van', 'h.naar', 'h.door', 'g.naam', 'h.moment', 'h.reden'])
    .where('h.melding_id', '=', meldingId)
    .orderBy('h.id')
    .execute();
  return rows.map((r) => ({
    van: r.van as MeldingStatus | null, naar: r.naar as MeldingStatus, door: r.door, doorNaam: r.naam, moment: r.moment, reden: r.reden,
  }));
}

// ————— Casus: one household, one open casus, one casusregisseur —————

export interface Casus {
  id: string;
  nummer: string;
  huishoudenId: string;
  status: 'open' | 'gesloten';
  regisseur: { id: string; naam: string } | null;
  geopendOp: Date;
}

const casusQuery = (tx: Tx) =>
  tx
    .selectFrom('casussen as c')
    .leftJoin('gebruikers as g', 'g.id', 'c.regisseur_id')
    .select(['c.id', 'c.nummer', 'c.huishouden_id', 'c.status', 'c.regisseur_id', 'g.naam as regisseur_naam', 'c.geopend_op']);
type CasusRow = Awaited<ReturnType<ReturnType<typeof casusQuery>['executeTakeFirstOrThrow']>>;
const toCasus = (r: CasusRow): Casus => ({
  id: r.id, nummer: r.nummer, huishoudenId: r.huishouden_id, status: r.status as Casus['status'],
  regisseur: r.regisseur_id && r.regisseur_naam ? { id: r.regisseur_id, naam: r.regisseur_naam } : null, geopendOp: r.geopend_op,
});

export async function openCasusVanHuishouden(tx: Tx, huishoudenId: string): Promise<Casus | undefined> {
  const r = await casusQuery(tx).where('c.huishouden_id', '=', huishoudenId).where('c.status', '=', 'open').executeTakeFirst();
  return r && toCasus(r);
}

export async function getCasus(tx: Tx, id: string, lock = false): Promise<Casus | undefined> {
  let q = casusQuery(tx).where('c.id', '=', id);
  if (lock) q = q.forUpdate('c');
  const r = await q.executeTakeFirst();
  return r && toCasus(r);
}

export async function insertCasus(tx: Tx, c: { gemeenteId: string; huishoudenId: string; regisseurId: string | null; door: string | null }): Promise<string> {
  const jaar = new Date().getFullYear();
  const nummer = casusNummer(jaar, await volgendNummer(tx, c.gemeenteId, 'casus', jaar));
  const { id } = await tx
    .insertInto('casussen')
    .values({ gemeente_id: c.gemeenteId, nummer, huishouden_id: c.huishoudenId, regisseur_id: c.regisseurId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.insertInto('casus_regisseurhistorie').values({
    gemeente_id: c.gemeenteId, casus_id: id, van_regisseur: null, naar_regisseur: c.regisseurId, door: c.door,
    reden: c.regisseurId ? 'Casus geopend en opgepakt' : 'Casus geopend, nog op te pakken',
  }).execute();
  return id;
}

export async function zetRegisseur(tx: Tx, c: { gemeenteId: string; casusId: string; van: string | null; naar: string; door: string | null; reden: string }): Promise<void> {
  await tx.updateTable('casussen').set({ regisseur_id: c.naar }).where('id', '=', c.casusId).execute();
  await tx.insertInto('casus_regisseurhistorie').values({
    gemeente_id: c.gemeenteId, casus_id: c.casusId, van_regisseur: c.van, naar_regisseur: c.naar, door: c.door, reden: c.reden,
  }).execute();
}

export async function regisseurHistorie(tx: Tx, casusId: string) {
  return tx
    .selectFrom('casus_regisseurhistorie as h')
    .leftJoin('gebruikers as van', 'van.id', 'h.van_regisseur')
    .leftJoin('gebruikers as naar', 'naar.id', 'h.naar_regisseur')
    .leftJoin('gebruikers as door', 'door.id', 'h.door')
    .select(['h.moment', 'van.naam as van', 'naar.naam as naar', 'door.naam as door', 'h.reden'])
    .where('h.casus_id', '=', casusId)
    .orderBy('h.id')
    .execute();
}

export async function koppelMeldingAanCasus(tx: Tx, meldingId: string, casusId: string): Promise<void> {
  await tx.updateTable('meldingen').set({ casus_id: casusId }).where('id', '=', meldingId).execute();
}

export interface Medewerker { id: string; naam: string; rollen: string[]; actief: boolean; teamId: string | null }

export async function getMedewerker(tx: Tx, id: string): Promise<Medewerker | undefined> {
  const r = await tx.selectFrom('gebruikers').select(['id', 'naam', 'rollen', 'actief', 'team_id']).where('id', '=', id).executeTakeFirst();
  return r && { id: r.id, naam: r.naam, rollen: r.rollen, actief: r.actief, teamId: r.team_id };
}

export async function listMedewerkers(tx: Tx, rol: string): Promise<Medewerker[]> {
  const rows = await tx
    .selectFrom('gebruikers')
    .select(['id', 'naam', 'rollen', 'actief', 'team_id'])
    .where(sql<boolean>`${rol} = any(rollen)`)
    .where('actief', '=', true)
    .orderBy('naam')
    .execute();
  return rows.map((r) => ({ id: r.id, naam: r.naam, rollen: r.rollen, actief: r.actief, teamId: r.team_id }));
}

// ————— Status changes —————

export async function zetStatus(
  tx: Tx,
  m: { gemeenteId: string; meldingId: string; van: MeldingStatus; naar: MeldingStatus; door: string | null; reden: string; afgerondOp?: string | null },
): Promise<void> {
  await tx.updateTable('meldingen')
    .set({ status: m.naar, gewijzigd_op: new Date(), ...(m.afgerondOp !== undefined ? { afgerond_op: m.afgerondOp } : {}) })
    .where('id', '=', m.meldingId)
    .execute();
  await tx.insertInto('melding_statushistorie').values({
    gemeente_id: m.gemeenteId, melding_id: m.meldingId, van: m.van, naar: m.naar, door: m.door, reden: m.reden,
  }).execute();
}

export async function zetTriage(tx: Tx, meldingId: string, t: { uitkomst: TriageUitkomst; advies: string | null; product: string | null }): Promise<void> {
  await tx.updateTable('meldingen').set({ triage_uitkomst: t.uitkomst, advies: t.advies, gegeven_product: t.product }).where('id', '=', meldingId).execute();
}

export async function lockMelding(tx: Tx, id: string): Promise<{ status: MeldingStatus; casusId: string | null; huishoudenId: string; geregistreerdDoor: string | null } | undefined> {
  const r = await tx.selectFrom('meldingen').select(['status', 'casus_id', 'huishouden_id', 'geregistreerd_door']).where('id', '=', id).forUpdate().executeTakeFirst();
  return r && { status: r.status as MeldingStatus, casusId: r.casus_id, huishoudenId: r.huishouden_id, geregistreerdDoor: r.geregistreerd_door };
}

export async function meldingenVanCasus(tx: Tx, casusId: string): Promise<MeldingRij[]> {
  const rows = await meldingQuery(tx).where('m.casus_id', '=', casusId).orderBy('m.ontvangen_op').execute();
  return rows.map(toRij);
}

// ————— Terms —————

export interface TermijnRij {
  id: string;
  meldingId: string | null;
  aanvraagId: string | null;
  bezwaarId: string | null;
  soort: TermijnSoort;
  wet: Wet;
  startdatum: string;
  duur: Duur;
  grondslag: string;
  verdaging: Verdaging | null;
  afgerondOp: string | null;
  uitersteDatum: string;
  opgeschortDagen: number;
  status: TermijnStatus;
  berekendOp: string;
  opschortingen: (Opschorting & { id: string })[];
}

export async function termijnConfig(tx: Tx): Promise<TermijnConfigInvoer> {
  const r = await tx.selectFrom('gemeente_instellingen').select('waarde').where('sleutel', '=', 'termijnen').executeTakeFirst();
  return effectieveConfig(r?.waarde);
}

export async function bewaarTermijnConfig(tx: Tx, gemeenteId: string, config: TermijnConfigInvoer, door: string | null): Promise<void> {
  await tx.insertInto('gemeente_instellingen')
    .values({ gemeente_id: gemeenteId, sleutel: 'termijnen', waarde: JSON.stringify(config), gewijzigd_door: door })
    .onConflict((oc) => oc.columns(['gemeente_id', 'sleutel']).doUpdateSet({ waarde: JSON.stringify(config), gewijzigd_door: door, gewijzigd_op: new Date() }))
    .execute();
}

const invoerVan = (t: TermijnRij): TermijnInvoer => ({
  soort: t.soort, startdatum: t.startdatum, duur: t.duur, opschortingen: t.opschortingen, verdaging: t.verdaging, afgerondOp: t.afgerondOp,
});
export const termijnInvoer = invoerVan;

export async function insertTermijn(
  tx: Tx,
  t: { gemeenteId: string; meldingId?: string; aanvraagId?: string; bezwaarId?: string; soort: TermijnSoort; wet: Wet; startdatum: string; regel: TermijnRegel },
  vandaag: string,
): Promise<void> {
  const stand = berekenTermijn({ soort: t.soort, startdatum: t.startdatum, duur: t.regel.duur, opschortingen: [], verdaging: null, afgerondOp: null }, vandaag);
  await tx.insertInto('termijnen').values({
    gemeente_id: t.gemeenteId, melding_id: t.meldingId ?? null, aanvraag_id: t.aanvraagId ?? null, bezwaar_id: t.bezwaarId ?? null, soort: t.soort, wet: t.wet, startdatum: t.startdatum,
    duur_eenheid: t.regel.duur.eenheid, duur_aantal: t.regel.duur.aantal, grondslag: t.regel.grondslag,
    uiterste_datum: stand.uitersteDatum, opgeschort_dagen: stand.opgeschortDagen, status: stand.status, berekend_op: vandaag,
  }).execute();
}

async function laadTermijnen(tx: Tx, where: { meldingIds?: string[]; aanvraagIds?: string[]; bezwaarIds?: string[]; termijnIds?: string[]; termijnId?: string; open?: boolean; lock?: boolean }): Promise<TermijnRij[]> {
  let q = tx.selectFrom('termijnen').selectAll();
  if (where.bezwaarIds) q = q.where('bezwaar_id', 'in', where.bezwaarIds.length ? where.bezwaarIds : ['00000000-0000-0000-0000-000000000000']);
  if (where.aanvraagIds) q = q.where('aanvraag_id', 'in', where.aanvraagIds.length ? where.aanvraagIds : ['00000000-0000-0000-0000-000000000000']);
  if (where.meldingIds) q = q.where('melding_id', 'in', where.meldingIds.length ? where.meldingIds : ['00000000-0000-0000-0000-000000000000']);
  if (where.termijnId) q = q.where('id', '=', where.termijnId);
  if (where.termijnIds) q = q.where('id', 'in', where.termijnIds.length ? where.termijnIds : ['00000000-0000-0000-0000-000000000000']);
  if (where.open) q = q.where('afgerond_op', 'is', null);
  if (where.lock) q = q.forUpdate();
  const rows = await q.orderBy('aangemaakt_op').execute();
  if (rows.length === 0) return [];
  const ops = await tx.selectFrom('opschortingen').select(['id', 'termijn_id', 'van', 'tot', 'reden'])
    .where('termijn_id', 'in', rows.map((r) => r.id)).orderBy('van').execute();
  return rows.map((r) => ({
    id: r.id, meldingId: r.melding_id, aanvraagId: r.aanvraag_id, bezwaarId: r.bezwaar_id, soort: r.soort as TermijnSoort, wet: r.wet as Wet, startdatum: r.startdatum,
    duur: { eenheid: r.duur_eenheid as Duur['eenheid'], aantal: r.duur_aantal }, grondslag: r.grondslag,
    verdaging: r.verdaging_datum ? { nieuweDatum: r.verdaging_datum, reden: r.verdaging_reden ?? '' } : null,
    afgerondOp: r.afgerond_op, uitersteDatum: r.uiterste_datum, opgeschortDagen: r.opgeschort_dagen, status: r.status as TermijnStatus,
    berekendOp: r.berekend_op,
    opschortingen: ops.filter((o) => o.termijn_id === r.id).map((o) => ({ id: o.id, van: o.van, tot: o.tot, reden: o.reden })),
  }));
}

export const termijnenVanMeldingen = (tx: Tx, meldingIds: string[]) => laadTermijnen(tx, { meldingIds });
export const termijnenVanAanvragen = (tx: Tx, aanvraagIds: string[]) => laadTermijnen(tx, { aanvraagIds });
export const termijnenVanBezwaren = (tx: Tx, bezwaarIds: string[]) => laadTermijnen(tx, { bezwaarIds });
export const termijnVoorWijziging = async (tx: Tx, termijnId: string) => (await laadTermijnen(tx, { termijnId, lock: true }))[0];

/** Recomputes and stores the stand of the given terms (after a change, or by the daily job). */
export async function slaStandOp(tx: Tx, termijnen: readonly TermijnRij[], vandaag: string): Promise<number> {
  if (termijnen.length === 0) return 0;
  const standen = termijnen.map((t) => ({ id: t.id, stand: berekenTermijn(invoerVan(t), vandaag) }));
  await sql`
    update termijnen t set uiterste_datum = v.uiterste::date, opgeschort_dagen = v.dagen, status = v.status, berekend_op = ${vandaag}::date
    from (select unnest(${standen.map((s) => s.id)}::uuid[]) as id, unnest(${standen.map((s) => s.stand.uitersteDatum)}::text[]) as uiterste,
                 unnest(${standen.map((s) => s.stand.opgeschortDagen)}::int[]) as dagen, unnest(${standen.map((s) => s.stand.status)}::text[]) as status) v
    where t.id = v.id`.execute(tx);
  return standen.length;
}

/** The daily signal run for the transaction's gemeente: every unfinished term gets its stand of today. */
export async function herberekenOpenTermijnen(tx: Tx, vandaag: string): Promise<number> {
  return slaStandOp(tx, await laadTermijnen(tx, { open: true }), vandaag);
}

export async function insertOpschorting(tx: Tx, o: { gemeenteId: string; termijnId: string; van: string; tot: string | null; reden: string; door: string | null }): Promise<string> {
  const r = await tx.insertInto('opschortingen').values({
    gemeente_id: o.gemeenteId, termijn_id: o.termijnId, van: o.van, tot: o.tot, reden: o.reden, door: o.door,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function beeindigOpschorting(tx: Tx, opschortingId: string, tot: string): Promise<void> {
  await tx.updateTable('opschortingen').set({ tot }).where('id', '=', opschortingId).execute();
}

export async function zetVerdaging(tx: Tx, termijnId: string, v: { nieuweDatum: string; reden: string; door: string | null }): Promise<void> {
  await tx.updateTable('termijnen')
    .set({ verdaging_datum: v.nieuweDatum, verdaging_reden: v.reden, verdaagd_door: v.door, verdaagd_op: new Date() })
    .where('id', '=', termijnId).execute();
}

/** Finishes an aanvraag's decision terms (the beschikking was sent). */
export async function rondAanvraagTermijnenAf(tx: Tx, aanvraagId: string, op: string, vandaag: string): Promise<void> {
  await tx.updateTable('termijnen').set({ afgerond_op: op }).where('aanvraag_id', '=', aanvraagId).where('afgerond_op', 'is', null).execute();
  await slaStandOp(tx, await laadTermijnen(tx, { aanvraagIds: [aanvraagId] }), vandaag);
}

/** Finishes the decision term on a bezwaar (decided or withdrawn). */
export async function rondBezwaarTermijnAf(tx: Tx, bezwaarId: string, op: string, vandaag: string): Promise<void> {
  await tx.updateTable('termijnen').set({ afgerond_op: op }).where('bezwaar_id', '=', bezwaarId).where('afgerond_op', 'is', null).execute();
  await slaStandOp(tx, await laadTermijnen(tx, { bezwaarIds: [bezwaarId] }), vandaag);
}

export async function rondTermijnenAf(tx: Tx, meldingId: string, op: string, soort?: TermijnSoort): Promise<void> {
  let q = tx.updateTable('termijnen').set({ afgerond_op: op }).where('melding_id', '=', meldingId).where('afgerond_op', 'is', null);
  if (soort) q = q.where('soort', '=', soort);
  await q.execute();
}

export interface TermijnOverzichtRij extends TermijnRij { nummer: string; persoonNaam: string; persoonId: string; regisseur: { id: string; naam: string } | null }

export async function listTermijnen(tx: Tx, f: {
  status?: TermijnStatus | undefined; soort?: TermijnSoort | undefined; wet?: Wet | undefined; pagina: number; aantal: number;
  /** Only households the asker may see (the access rule on `p.huishouden_id`, from privacy). */
  zichtbaar?: Expression<SqlBool> | undefined;
}) {
  // Terms of a melding, and the decision terms on a bezwaar (through its beschikking's aanvraag).
  let q = tx
    .selectFrom('termijnen as t')
    .leftJoin('meldingen as m', 'm.id', 't.melding_id')
    .leftJoin('bezwaren as z', 'z.id', 't.bezwaar_id')
    .leftJoin('beschikkingen as zb', 'zb.id', 'z.beschikking_id')
    .leftJoin('aanvragen as za', 'za.id', 'zb.aanvraag_id')
    .innerJoin('personen as p', (j) => j.on(sql<boolean>`p.id = coalesce(m.persoon_id, za.persoon_id)`))
    .leftJoin('casussen as c', (j) => j.on(sql<boolean>`c.id = coalesce(m.casus_id, za.casus_id)`))
    .leftJoin('gebruikers as g', 'g.id', 'c.regisseur_id')
    .where((eb) => eb.or([eb('t.melding_id', 'is not', null), eb('t.bezwaar_id', 'is not', null)]))
    .select(['t.id', sql<string>`coalesce(m.nummer, z.nummer)`.as('nummer'), 'p.id as persoon_id', 'p.voornaam', 'p.tussenvoegsel', 'p.achternaam', 'g.id as regisseur_id', 'g.naam as regisseur_naam', sql<number>`count(*) over ()`.as('totaal')]);
  if (f.status) q = q.where('t.status', '=', f.status);
  if (f.soort) q = q.where('t.soort', '=', f.soort);
  if (f.wet) q = q.where('t.wet', '=', f.wet);
  if (f.zichtbaar) q = q.where(f.zichtbaar);
  const rows = await q.orderBy('t.uiterste_datum').orderBy(sql`coalesce(m.nummer, z.nummer)`).limit(f.aantal).offset((f.pagina - 1) * f.aantal).execute();
  const termijnen = new Map((await laadTermijnen(tx, { termijnIds: rows.map((r) => r.id) })).map((t) => [t.id, t]));
  return {
    totaal: Number(rows[0]?.totaal ?? 0),
    rijen: rows.map((r) => ({
      ...termijnen.get(r.id)!, nummer: r.nummer, persoonId: r.persoon_id,
      regisseur: r.regisseur_id && r.regisseur_naam ? { id: r.regisseur_id, naam: r.regisseur_naam } : null,
      persoonNaam: [r.voornaam, r.tussenvoegsel, r.achternaam].filter(Boolean).join(' '),
    })) as TermijnOverzichtRij[],
  };
}

// ————— Public form —————

/** Public information only (id, name, code); read as owner because no one is logged in. */
export async function gemeenteOpCode(db: Kysely<DB>, code: string) {
  return db.selectFrom('gemeenten').select(['id', 'naam', 'code']).where('code', '=', code).executeTakeFirst();
}

/** Counts and records anonymous submissions per (hashed) IP address, for throttling. */
export async function publiekeVerzoekenSinds(db: Kysely<DB>, ipHash: string, minuten: number): Promise<number> {
  const r = await db.selectFrom('publieke_verzoeken').select(sql<number>`count(*)`.as('n'))
    .where('ip_hash', '=', ipHash).where('moment', '>', sql<Date>`now() - make_interval(mins => ${minuten})`)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function registreerPubliekVerzoek(db: Kysely<DB>, ipHash: string): Promise<void> {
  await db.insertInto('publieke_verzoeken').values({ ip_hash: ipHash }).execute();
}

export async function meldingNummerVan(tx: Tx, id: string): Promise<string> {
  return (await tx.selectFrom('meldingen').select('nummer').where('id', '=', id).executeTakeFirstOrThrow()).nummer;
}

/** Finishes the open terms of one kind for every melding of a casus (the report sent, the first conversation held). */
export async function rondTermijnenVanCasusAf(tx: Tx, casusId: string, soort: TermijnSoort, op: string, vandaag: string): Promise<number> {
  const meldingIds = (await tx.selectFrom('meldingen').select('id').where('casus_id', '=', casusId).execute()).map((m) => m.id);
  if (!meldingIds.length) return 0;
  const r = await tx.updateTable('termijnen').set({ afgerond_op: op })
    .where('melding_id', 'in', meldingIds).where('soort', '=', soort).where('afgerond_op', 'is', null).returning('id').execute();
  if (r.length) await slaStandOp(tx, await laadTermijnen(tx, { termijnIds: r.map((x) => x.id) }), vandaag);
  return r.length;
}

/** What a direct aanvraag needs to know of its melding: casus, law, person, and the Wmo onderzoek term. */
export async function meldingVoorAanvraag(tx: Tx, id: string) {
  const m = await tx.selectFrom('meldingen').select(['id', 'casus_id', 'wet', 'persoon_id', 'huishouden_id', 'geregistreerd_door']).where('id', '=', id).executeTakeFirst();
  if (!m) return undefined;
  const onderzoek = await tx.selectFrom('termijnen').select(['afgerond_op', 'uiterste_datum']).where('melding_id', '=', id).where('soort', '=', 'onderzoek').executeTakeFirst();
  return {
    id: m.id, casusId: m.casus_id, wet: m.wet as Wet, persoonId: m.persoon_id, huishoudenId: m.huishouden_id, geregistreerdDoor: m.geregistreerd_door,
    onderzoek: onderzoek ? { afgerondOp: onderzoek.afgerond_op, uitersteDatum: onderzoek.uiterste_datum } : null,
  };
}

// ————— Inzage (AVG art. 15): a person's own meldingen and the casussen of their household —————

export async function meldingenVanPersoon(tx: Tx, persoonId: string): Promise<MeldingRij[]> {
  const rows = await meldingQuery(tx).where('m.persoon_id', '=', persoonId).orderBy('m.ontvangen_op').orderBy('m.nummer').execute();
  return rows.map(toRij);
}

export async function casussenVanHuishouden(tx: Tx, huishoudenId: string): Promise<Casus[]> {
  const rows = await casusQuery(tx).where('c.huishouden_id', '=', huishoudenId).orderBy('c.geopend_op').orderBy('c.nummer').execute();
  return rows.map(toCasus);
}

// ————— Casus betrokkenen: colleagues the regisseur or teamleider adds (need-to-know, ADR 25) —————

export interface Betrokkene { gebruikerId: string; naam: string; rol: string | null; toegevoegdOp: Date; toegevoegdDoor: string | null }

export async function betrokkenenVanCasus(tx: Tx, casusId: string): Promise<Betrokkene[]> {
  const rows = await tx.selectFrom('casus_betrokkenen as b')
    .innerJoin('gebruikers as g', 'g.id', 'b.gebruiker_id')
    .leftJoin('gebruikers as d', 'd.id', 'b.toegevoegd_door')
    .select(['b.gebruiker_id', 'g.naam', 'b.rol', 'b.toegevoegd_op', 'd.naam as door'])
    .where('b.casus_id', '=', casusId)
    .orderBy('g.naam')
    .execute();
  return rows.map((r) => ({ gebruikerId: r.gebruiker_id, naam: r.naam, rol: r.rol, toegevoegdOp: r.toegevoegd_op, toegevoegdDoor: r.door }));
}

/** Adds a betrokkene; false when they were already one (the unique pair answers). */
export async function insertBetrokkene(tx: Tx, b: { gemeenteId: string; casusId: string; gebruikerId: string; rol: string | null; door: string | null }): Promise<boolean> {
  const r = await tx.insertInto('casus_betrokkenen')
    .values({ gemeente_id: b.gemeenteId, casus_id: b.casusId, gebruiker_id: b.gebruikerId, rol: b.rol, toegevoegd_door: b.door })
    .onConflict((oc) => oc.columns(['casus_id', 'gebruiker_id']).doNothing())
    .returning('id').executeTakeFirst();
  return r !== undefined;
}

/** Removes a betrokkene; false when there was none. */
export async function deleteBetrokkene(tx: Tx, casusId: string, gebruikerId: string): Promise<boolean> {
  const r = await tx.deleteFrom('casus_betrokkenen').where('casus_id', '=', casusId).where('gebruiker_id', '=', gebruikerId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
