import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import { geschatAantal, telAantal } from '../../platform/db/schatting.ts';
import { knipPagina } from '../../platform/http/keyset.ts';
import { vandaag as vandaagNL } from '../../platform/time.ts';
import { MELDING_STATUSSEN, casusNummer, isAfgerond, meldingNummer, type Kanaal, type MeldingStatus, type TriageUitkomst, type Wet } from './rules.ts';
import { effectieveConfig, type TermijnConfigInvoer } from './termijn-config.ts';
import {
  TERMIJN_STATUSSEN, berekenTermijn, type Duur, type Opschorting, type TermijnInvoer, type TermijnRegel, type TermijnSoort, type TermijnStatus, type Verdaging,
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

/** `n` consecutive numbers at once (bulk work); returns the first. The row lock holds until commit, as with one. */
export async function reserveerNummers(tx: Tx, gemeenteId: string, soort: string, jaar: number, n: number): Promise<number> {
  const r = await tx
    .insertInto('nummering')
    .values({ gemeente_id: gemeenteId, soort, jaar, laatste: n })
    .onConflict((oc) => oc.columns(['gemeente_id', 'soort', 'jaar']).doUpdateSet({ laatste: sql<number>`nummering.laatste + ${n}` }))
    .returning('laatste')
    .executeTakeFirstOrThrow();
  return r.laatste - n + 1;
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

/** The werkvoorraad's sort key: earliest running term's end ('infinity' without one), received, number. */
export type WerkSleutel = readonly [urgentie: string, ontvangenOp: string, nummer: string];

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
  /** History lists: only households the asker may see (the access rule on `m.huishouden_id`, from privacy). */
  zichtbaar?: Expression<SqlBool> | undefined;
  /** Open work: the same rule on a row of the werkvoorraad `w` (privacy's zichtbaarInWerkvoorraad). */
  zichtbaarOpen?: Expression<SqlBool> | undefined;
}

/** Open work answers from the werkvoorraad (migration 0019); a closed status or 'alle' from the history. */
export const isOpenWerk = (status: StatusKeuze | undefined): boolean =>
  status === undefined || status === 'open' || (OPEN_STATUSSEN as readonly string[]).includes(status);

/** Above this many rows a history list says "more than" instead of counting all of its history. */
export const HISTORIE_TELLING_MAX = 1000;

// ————— Open work: the werkvoorraad projection —————

/** The conditions on a werkvoorraad row `w` (all but the team's either/or, which the callers split). */
function werkVoorwaarden(f: MeldingFilter): RawBuilder<unknown>[] {
  const c: RawBuilder<unknown>[] = [];
  const status = f.status ?? 'open';
  if (status !== 'open') c.push(sql`w.status = ${status}`);
  if (f.wet) c.push(sql`w.wet = ${f.wet}`);
  if (f.kanaal) c.push(sql`w.kanaal = ${f.kanaal}`);
  if (f.kernId) {
    c.push(sql`exists (select 1 from personen p join wijken wk on wk.id = p.wijk_id where p.id = w.persoon_id and wk.kern_id = ${f.kernId}::uuid)`);
  }
  if (f.geregistreerdDoor) c.push(sql`w.geregistreerd_door = ${f.geregistreerdDoor}::uuid`);
  if (f.regisseurId) c.push(sql`w.regisseur_id = ${f.regisseurId}::uuid`);
  if (f.nietOpgepakt) c.push(sql`w.regisseur_id is null`);
  if (f.termijnstatus) c.push(sql`${f.termijnstatus} = any(w.termijnstatussen)`);
  if (f.zichtbaarOpen) c.push(sql`${f.zichtbaarOpen}`);
  return c;
}
const en = (c: readonly RawBuilder<unknown>[]) => (c.length ? sql.join(c, sql` and `) : sql`true`);

/**
 * The page (keyset after `na`) and the exact total of telWerk in one statement (one round trip); the
 * page as ordered json. The rows the asker may see are found once: the exact count has to test every
 * candidate anyway, and the page is the first of those. Reading the page again in index order tested
 * them twice where few are visible (a frontoffice's own registrations at 900,000 residents: 37 of
 * 5,951, each test a probe of the household's casussen).
 */
async function werkPaginaEnTotaal(tx: Tx, gemeenteId: string, f: MeldingFilter, na: WerkSleutel | undefined, limiet: number) {
  const c = [sql`w.gemeente_id = ${gemeenteId}::uuid`, ...werkVoorwaarden(f)];
  if (f.teamId) c.push(sql`(w.team_id = ${f.teamId}::uuid or w.regisseur_id is null)`);
  type Sleutel = { melding_id: string; urgentie: string; ontvangen_op: string; nummer: string };
  const verder = na ? sql`where (z.urgentie, z.ontvangen_op, z.nummer) > (${na[0]}::date, ${na[1]}::date, ${na[2]}::text)` : sql``;
  const r = await sql<{ totaal: number; pagina: Sleutel[] }>`with z as materialized (
      select w.melding_id, w.urgentie, w.ontvangen_op, w.nummer from werkvoorraad w where ${en(c)})
    select (select count(*)::int from z) as totaal,
      (select coalesce(json_agg(x order by x.urgentie::date, x.ontvangen_op::date, x.nummer), '[]'::json) from (
        select z.melding_id, z.urgentie::text as urgentie, z.ontvangen_op::text as ontvangen_op, z.nummer from z ${verder}
        order by z.urgentie, z.ontvangen_op, z.nummer limit ${limiet}) x) as pagina`.execute(tx);
  const rij = r.rows[0]!;
  return { totaal: Number(rij.totaal), rows: rij.pagina };
}

/** Exact counts of open work: one pass over the filtered werkvoorraad rows (open work, not history). */
async function telWerk(tx: Tx, gemeenteId: string, f: MeldingFilter) {
  const c = [sql`w.gemeente_id = ${gemeenteId}::uuid`, ...werkVoorwaarden(f)];
  if (f.teamId) c.push(sql`(w.team_id = ${f.teamId}::uuid or w.regisseur_id is null)`);
  const per = TERMIJN_STATUSSEN.map((s) => sql`count(*) filter (where ${s} = any(w.termijnstatussen))::int as ${sql.ref(s)}`);
  const r = await sql<Record<string, number>>`select count(*)::int as totaal, ${sql.join(per)} from werkvoorraad w where ${en(c)}`.execute(tx);
  const rij = r.rows[0] ?? {};
  const perTermijnstatus: Partial<Record<TermijnStatus, number>> = {};
  for (const s of TERMIJN_STATUSSEN) if (Number(rij[s] ?? 0) > 0) perTermijnstatus[s] = Number(rij[s]);
  return { totaal: Number(rij.totaal ?? 0), perTermijnstatus };
}

// ————— History (a closed status or 'alle'): the meldingen themselves —————

function gefilterd(tx: Tx, f: MeldingFilter) {
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

/** The urgency of a melding computed from its terms, the same key the werkvoorraad keeps. */
const urgentie = sql<string>`coalesce((select min(t.uiterste_datum) from termijnen t where t.melding_id = m.id and t.afgerond_op is null), 'infinity'::date)`;

/** A count that stops at HISTORIE_TELLING_MAX + 1 rows: exact below it, "more than" above. */
async function begrensdeTelling(tx: Tx, f: MeldingFilter): Promise<{ n: number; schatting: boolean }> {
  const sub = gefilterd(tx, f).clearSelect().select(sql<number>`1`.as('een')).limit(HISTORIE_TELLING_MAX + 1);
  const r = await tx.selectFrom(sub.as('x')).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const n = Number(r.n);
  return n > HISTORIE_TELLING_MAX ? { n: HISTORIE_TELLING_MAX, schatting: true } : { n, schatting: false };
}

export interface MeldingPagina {
  rijen: MeldingRij[];
  totaal: number;
  /** True for a history list longer than HISTORIE_TELLING_MAX: totaal is then that bound. */
  totaalIsSchatting: boolean;
  /** The sort key of the last row when there is a next page. */
  volgende: WerkSleutel | null;
}

/**
 * One page of the werkvoorraad, most urgent first (the earliest end date of a running term, none
 * last; then the oldest melding; then the number), continuing after `na`. Open work reads the
 * werkvoorraad projection and counts it exactly; history filters read the meldingen and count up to
 * HISTORIE_TELLING_MAX (ADR 27).
 */
export async function listMeldingen(
  tx: Tx, gemeenteId: string, f: MeldingFilter & { na?: WerkSleutel | undefined; aantal: number },
  lezer?: { actor: Actor; doel: string },
): Promise<MeldingPagina & { termijnen: TermijnRij[] }> {
  let sleutels: { id: string; sleutel: WerkSleutel }[];
  let totaal: number;
  let totaalIsSchatting = false;
  if (isOpenWerk(f.status)) {
    // Page and exact count in one statement: one round trip instead of two (ADR 27).
    const r = await werkPaginaEnTotaal(tx, gemeenteId, f, f.na, f.aantal + 1);
    sleutels = r.rows.map((x) => ({ id: x.melding_id, sleutel: [x.urgentie, x.ontvangen_op, x.nummer] as const }));
    totaal = r.totaal;
  } else {
    let q = gefilterd(tx, f).clearSelect()
      .select(['m.id', sql<string>`${urgentie}::text`.as('urgentie'), sql<string>`m.ontvangen_op::text`.as('ontvangen'), 'm.nummer']);
    if (f.na) q = q.where(sql<SqlBool>`(${urgentie}, m.ontvangen_op, m.nummer) > (${f.na[0]}::date, ${f.na[1]}::date, ${f.na[2]}::text)`);
    const rows = await q.orderBy(urgentie).orderBy('m.ontvangen_op').orderBy('m.nummer').limit(f.aantal + 1).execute();
    sleutels = rows.map((r) => ({ id: r.id, sleutel: [r.urgentie, r.ontvangen, r.nummer] as const }));
    const t = await begrensdeTelling(tx, f);
    totaal = t.n;
    totaalIsSchatting = t.schatting;
  }
  const volgende = sleutels.length > f.aantal ? sleutels[f.aantal - 1]!.sleutel : null;
  const pagina = sleutels.slice(0, f.aantal);
  const details = pagina.length ? await paginaDetails(tx, pagina.map((s) => s.id), lezer) : [];
  const perId = new Map(details.map((r) => [r.id, r]));
  // A row whose details are gone (a destroyed file's pseudonymised melding) is left out, not a 500.
  const gevonden = pagina.flatMap((s) => perId.get(s.id) ?? []);
  return {
    rijen: gevonden.map((r) => toRij(r)), totaal, totaalIsSchatting, volgende,
    termijnen: gevonden.flatMap((r) => r.termijnen.map(termijnVanJson)),
  };
}

/** A term as `json_build_object` in paginaDetails gives it (dates are 'YYYY-MM-DD' text, as the pg types give them). */
interface TermijnJson {
  id: string; melding_id: string | null; aanvraag_id: string | null; bezwaar_id: string | null; soort: string; wet: string; startdatum: string;
  duur_eenheid: string; duur_aantal: number; grondslag: string; verdaging_datum: string | null; verdaging_reden: string | null;
  afgerond_op: string | null; uiterste_datum: string; opgeschort_dagen: number; status: string; berekend_op: string;
  opschortingen: { id: string; van: string; tot: string | null; reden: string }[];
}
const termijnVanJson = (r: TermijnJson): TermijnRij => ({
  id: r.id, meldingId: r.melding_id, aanvraagId: r.aanvraag_id, bezwaarId: r.bezwaar_id, soort: r.soort as TermijnSoort, wet: r.wet as Wet, startdatum: r.startdatum,
  duur: { eenheid: r.duur_eenheid as Duur['eenheid'], aantal: r.duur_aantal }, grondslag: r.grondslag,
  verdaging: r.verdaging_datum ? { nieuweDatum: r.verdaging_datum, reden: r.verdaging_reden ?? '' } : null,
  afgerondOp: r.afgerond_op, uitersteDatum: r.uiterste_datum, opgeschortDagen: r.opgeschort_dagen, status: r.status as TermijnStatus,
  berekendOp: r.berekend_op, opschortingen: r.opschortingen,
});

/**
 * The page's details, their terms (as termijnenVanMeldingen reads them: by aangemaakt_op, suspensions
 * by van) and — with a reader — its audit entries (as appendAudit writes them: one per melding shown,
 * in page order, one moment) in ONE statement: the ids as one array parameter, so it is one prepared
 * statement whatever the page length, and one round trip instead of four (details, terms, suspensions, audit).
 */
async function paginaDetails(tx: Tx, ids: readonly string[], lezer?: { actor: Actor; doel: string }) {
  const lijst = sql`${[...ids]}::uuid[]`;
  const termijnen = sql<TermijnJson[]>`(select coalesce(json_agg(json_build_object(
      'id', t.id, 'melding_id', t.melding_id, 'aanvraag_id', t.aanvraag_id, 'bezwaar_id', t.bezwaar_id, 'soort', t.soort, 'wet', t.wet,
      'startdatum', t.startdatum, 'duur_eenheid', t.duur_eenheid, 'duur_aantal', t.duur_aantal, 'grondslag', t.grondslag,
      'verdaging_datum', t.verdaging_datum, 'verdaging_reden', t.verdaging_reden, 'afgerond_op', t.afgerond_op, 'uiterste_datum', t.uiterste_datum,
      'opgeschort_dagen', t.opgeschort_dagen, 'status', t.status, 'berekend_op', t.berekend_op,
      'opschortingen', (select coalesce(json_agg(json_build_object('id', o.id, 'van', o.van, 'tot', o.tot, 'reden', o.reden) order by o.van), '[]'::json)
        from opschortingen o where o.termijn_id = t.id)
    ) order by t.aangemaakt_op), '[]'::json) from termijnen t where t.melding_id = m.id)`;
  const lees = meldingQuery(tx).select(termijnen.as('termijnen')).where(sql<SqlBool>`m.id = any(${lijst})`);
  if (!lezer) return (await lees.execute()).map((r) => r as typeof r & { termijnen: TermijnJson[] });
  const a = lezer.actor;
  // Only the meldingen the read finds (meldingQuery's inner join on personen), in page order.
  const audit = sql`insert into auditlog (gemeente_id, moment, gebruiker_id, gebruikersnaam, rol, actie, resource_type, resource_id, persoon_id, doel)
    select ${a.gemeenteId}::uuid, ${new Date().toISOString()}::timestamptz, ${a.gebruikerId}::uuid, ${a.gebruikersnaam}::text, ${a.rol}::text,
      'lezen', 'melding', m.id::text, m.persoon_id, ${lezer.doel}::text
    from unnest(${lijst}) with ordinality u(id, i) join meldingen m on m.id = u.id join personen p on p.id = m.persoon_id
    order by u.i returning id`;
  const r = await sql<Row & { termijnen: TermijnJson[] }>`with audit as (${audit}) ${lees}`.execute(tx);
  return r.rows;
}

/**
 * Counts for the queue's summary: aggregates only, no personal data. Open work: exact. History: the
 * total counted up to HISTORIE_TELLING_MAX; the counts per termijnstatus only when that total is exact
 * (above it they would cost a pass over all history each, so they are left out).
 */
export async function telMeldingen(tx: Tx, gemeenteId: string, f: MeldingFilter): Promise<{
  totaal: number; totaalIsSchatting: boolean; perTermijnstatus: Partial<Record<TermijnStatus, number>>;
}> {
  if (isOpenWerk(f.status)) return { ...(await telWerk(tx, gemeenteId, f)), totaalIsSchatting: false };
  const totaal = await begrensdeTelling(tx, f);
  if (totaal.schatting) return { totaal: totaal.n, totaalIsSchatting: true, perTermijnstatus: {} };
  const per = await gefilterd(tx, f).clearSelect()
    .innerJoin('termijnen as t', 't.melding_id', 'm.id')
    .select(['t.status', sql<number>`count(distinct m.id)::int`.as('n')])
    .groupBy('t.status').execute();
  return {
    totaal: totaal.n, totaalIsSchatting: false,
    perTermijnstatus: Object.fromEntries(per.map((r) => [r.status, Number(r.n)])) as Partial<Record<TermijnStatus, number>>,
  };
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
  const jaar = Number(vandaagNL().slice(0, 4)); // the Dutch year: on New Year's Eve after 23:00 UTC the casus is of the new year
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

export async function lockMelding(tx: Tx, id: string): Promise<{ status: MeldingStatus; casusId: string | null; huishoudenId: string; persoonId: string; geregistreerdDoor: string | null } | undefined> {
  const r = await tx.selectFrom('meldingen').select(['status', 'casus_id', 'huishouden_id', 'persoon_id', 'geregistreerd_door']).where('id', '=', id).forUpdate().executeTakeFirst();
  return r && { status: r.status as MeldingStatus, casusId: r.casus_id, huishoudenId: r.huishouden_id, persoonId: r.persoon_id, geregistreerdDoor: r.geregistreerd_door };
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
  // `= any($1::uuid[])`: one parameter whatever the page size, so the text is the same and can be prepared.
  const elk = (ids: readonly string[]) => sql<string>`any(${[...ids]}::uuid[])`;
  if (where.bezwaarIds) q = q.where('bezwaar_id', '=', elk(where.bezwaarIds));
  if (where.aanvraagIds) q = q.where('aanvraag_id', '=', elk(where.aanvraagIds));
  if (where.meldingIds) q = q.where('melding_id', '=', elk(where.meldingIds));
  if (where.termijnId) q = q.where('id', '=', where.termijnId);
  if (where.termijnIds) q = q.where('id', '=', elk(where.termijnIds));
  if (where.open) q = q.where('afgerond_op', 'is', null);
  if (where.lock) q = q.forUpdate();
  const rows = await q.orderBy('aangemaakt_op').execute();
  if (rows.length === 0) return [];
  const ops = await tx.selectFrom('opschortingen').select(['id', 'termijn_id', 'van', 'tot', 'reden'])
    .where('termijn_id', '=', elk(rows.map((r) => r.id))).orderBy('van').execute();
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

/** Statuses of a term still running: the open work of the termijnen list (counted exactly). */
const OPEN_TERMIJN: readonly TermijnStatus[] = ['loopt', 'verlooptBinnenkort', 'verlopen', 'opgeschort'];

/**
 * Terms, the earliest end date first, then by number and id: that sort key is the keyset cursor.
 * The page is read from an index on (gemeente, status, uiterste_datum) with LIMIT before the details
 * are loaded; no window count over the whole history (ADR 27, issue 12).
 */
export async function listTermijnen(tx: Tx, f: {
  status?: TermijnStatus | undefined; soort?: TermijnSoort | undefined; wet?: Wet | undefined;
  /** The sort key (uiterste_datum, nummer, id) of the previous page's last row (the cursor `na`). */
  na?: readonly [string, string, string] | undefined;
  aantal: number;
  /** Only households the asker may see (the access rule on `p.huishouden_id`, from privacy): as sets for lists over history, per candidate row for open work. */
  zichtbaar?: { set: Expression<SqlBool>; perRij: Expression<SqlBool> } | undefined;
}) {
  const open = f.status !== undefined && OPEN_TERMIJN.includes(f.status);
  // Terms of a melding, and the decision terms on a bezwaar (through its beschikking's aanvraag).
  const basis = tx
    .selectFrom('termijnen as t')
    .leftJoin('meldingen as m', 'm.id', 't.melding_id')
    .leftJoin('bezwaren as z', 'z.id', 't.bezwaar_id')
    .leftJoin('beschikkingen as zb', 'zb.id', 'z.beschikking_id')
    .leftJoin('aanvragen as za', 'za.id', 'zb.aanvraag_id');
  // Open work: the person by primary key per candidate row. Not `p.id = coalesce(…)`: under row-level
  // security a non-leakproof join condition may not go before the gemeente check, so that reads every
  // person. Over history the access rule's sets filter the persons first, and the join on them is cheaper.
  let q = (open
    ? basis.innerJoinLateral((eb) => eb.selectFrom('personen as p0').select(['p0.id', 'p0.huishouden_id', 'p0.voornaam', 'p0.tussenvoegsel', 'p0.achternaam'])
      .whereRef('p0.id', '=', 'm.persoon_id')
      .unionAll(eb.selectFrom('personen as p1').select(['p1.id', 'p1.huishouden_id', 'p1.voornaam', 'p1.tussenvoegsel', 'p1.achternaam'])
        .whereRef('p1.id', '=', 'za.persoon_id').where('m.persoon_id', 'is', null))
      .as('p'), (j) => j.onTrue())
    : basis.innerJoin('personen as p', (j) => j.on(sql<boolean>`p.id = coalesce(m.persoon_id, za.persoon_id)`)))
    .where((eb) => eb.or([eb('t.melding_id', 'is not', null), eb('t.bezwaar_id', 'is not', null)]))
    .select(['t.id', 't.uiterste_datum', sql<string>`coalesce(m.nummer, z.nummer)`.as('nummer'), 'p.id as persoon_id', 'p.voornaam', 'p.tussenvoegsel', 'p.achternaam', sql<string | null>`coalesce(m.casus_id, za.casus_id)`.as('casus_id')]);
  if (f.status) q = q.where('t.status', '=', f.status);
  if (f.soort) q = q.where('t.soort', '=', f.soort);
  if (f.wet) q = q.where('t.wet', '=', f.wet);
  if (f.zichtbaar) q = q.where(open ? f.zichtbaar.perRij : f.zichtbaar.set);
  const telling = q;
  // Open work: planning this query (the access rule's exists parts, row-level security per table)
  // costs more than running it; one generic plan per connection serves every asker and status.
  if (open) await sql`select set_config('plan_cache_mode', 'force_generic_plan', true)`.execute(tx);
  if (f.na) q = q.where(sql<SqlBool>`(t.uiterste_datum, coalesce(m.nummer, z.nummer), t.id) > (${f.na[0]}::date, ${f.na[1]}::text, ${f.na[2]}::uuid)`);
  const kandidaten = await q.orderBy('t.uiterste_datum').orderBy(sql`coalesce(m.nummer, z.nummer)`).orderBy('t.id').limit(f.aantal + 1).execute();
  const { rijen: pagina, volgende } = knipPagina(kandidaten, f.aantal, (r) => [r.uiterste_datum, r.nummer, r.id]);
  const termijnen = new Map(pagina.length ? (await laadTermijnen(tx, { termijnIds: pagina.map((r) => r.id) })).map((t) => [t.id, t]) : []);
  // The regisseur of the page's casussen only (LIMIT first, details after).
  const casusIds = [...new Set(pagina.map((r) => r.casus_id).filter((c): c is string => c !== null))];
  const regisseurs = new Map(casusIds.length ? (await tx.selectFrom('casussen as c').innerJoin('gebruikers as g', 'g.id', 'c.regisseur_id')
    .select(['c.id', 'g.id as regisseur_id', 'g.naam']).where('c.id', 'in', casusIds).execute()).map((r) => [r.id, { id: r.regisseur_id, naam: r.naam }]) : []);
  let totaal = pagina.length;
  let totaalIsSchatting = false;
  if (f.na || volgende) {
    // Running terms are open work: counted. Finished terms (or all) grow with history: estimated.
    if (open) totaal = await telAantal(tx, telling);
    else {
      totaal = Math.max(await geschatAantal(tx, telling), pagina.length);
      totaalIsSchatting = true;
    }
  }
  return {
    totaal, totaalIsSchatting, volgende,
    rijen: pagina.map((r) => ({
      ...termijnen.get(r.id)!, nummer: r.nummer, persoonId: r.persoon_id,
      regisseur: (r.casus_id && regisseurs.get(r.casus_id)) || null,
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
