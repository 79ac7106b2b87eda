import { sql, type Compilable, type Expression, type SqlBool } from 'kysely';
import { geschatAantal, telAantal } from '../../platform/db/schatting.ts';
import { knipPagina } from '../../platform/http/keyset.ts';
import type { Tx } from '../../platform/tenancy/tx.ts';
import { OPEN_BEZWAAR_STATUSSEN as OPEN_BEZWAAR, type AanvraagStatus, type BezwaarStatus, type BezwaarUitkomst, type Leveringsvorm, type Uitkomst } from './rules.ts';

export interface Aanvraag {
  id: string; nummer: string; casusId: string; casusNummer: string; huishoudenId: string; persoonId: string; bron: 'plan' | 'inwoner' | 'herziening';
  herzieningVan: string | null; ontvangenOp: string; status: AanvraagStatus; toelichting: string | null;
  voorbereidDoor: { id: string; naam: string } | null; getoetstDoor: { id: string; naam: string } | null; toets: unknown;
  beoordeeldDoor: { id: string; naam: string } | null; beoordeling: string | null; eersteBeslisser: { id: string; naam: string } | null;
  beslotenDoor: { id: string; naam: string } | null; aangemaaktOp: Date; persoonNaam: string;
  /** Who applied (migration 0009); `persoonId` is on whose behalf. */
  aanvragerRelatie: string; aanvragerPersoonId: string | null; aanvragerNaam: string | null;
}

const ref = (id: string | null, naam: string | null) => (id && naam ? { id, naam } : null);

const basis = (tx: Tx) => tx.selectFrom('aanvragen as a')
  .innerJoin('casussen as c', 'c.id', 'a.casus_id')
  .innerJoin('personen as p', 'p.id', 'a.persoon_id')
  .leftJoin('gebruikers as v', 'v.id', 'a.voorbereid_door')
  .leftJoin('gebruikers as t', 't.id', 'a.getoetst_door')
  .leftJoin('gebruikers as b', 'b.id', 'a.beoordeeld_door')
  .leftJoin('gebruikers as e', 'e.id', 'a.eerste_beslisser')
  .leftJoin('gebruikers as d', 'd.id', 'a.besloten_door')
  .select([
    'a.id', 'a.nummer', 'a.casus_id', 'c.nummer as casus_nummer', 'a.huishouden_id', 'a.persoon_id', 'a.bron', 'a.herziening_van', 'a.ontvangen_op',
    'a.status', 'a.toelichting', 'a.voorbereid_door', 'v.naam as v_naam', 'a.getoetst_door', 't.naam as t_naam', 'a.toets', 'a.beoordeeld_door',
    'b.naam as b_naam', 'a.beoordeling', 'a.eerste_beslisser', 'e.naam as e_naam', 'a.besloten_door', 'd.naam as d_naam', 'a.aangemaakt_op',
    'a.aanvrager_relatie', 'a.aanvrager_persoon_id', 'a.aanvrager_naam',
    'p.voornaam', 'p.tussenvoegsel', 'p.achternaam',
  ]);
type Row = Awaited<ReturnType<ReturnType<typeof basis>['executeTakeFirstOrThrow']>>;
const toAanvraag = (r: Row): Aanvraag => ({
  id: r.id, nummer: r.nummer, casusId: r.casus_id, casusNummer: r.casus_nummer, huishoudenId: r.huishouden_id, persoonId: r.persoon_id,
  bron: r.bron as Aanvraag['bron'], herzieningVan: r.herziening_van, ontvangenOp: r.ontvangen_op, status: r.status as AanvraagStatus,
  toelichting: r.toelichting, voorbereidDoor: ref(r.voorbereid_door, r.v_naam), getoetstDoor: ref(r.getoetst_door, r.t_naam), toets: r.toets,
  beoordeeldDoor: ref(r.beoordeeld_door, r.b_naam), beoordeling: r.beoordeling, eersteBeslisser: ref(r.eerste_beslisser, r.e_naam),
  beslotenDoor: ref(r.besloten_door, r.d_naam), aangemaaktOp: r.aangemaakt_op,
  aanvragerRelatie: r.aanvrager_relatie, aanvragerPersoonId: r.aanvrager_persoon_id, aanvragerNaam: r.aanvrager_naam,
  persoonNaam: [r.voornaam, r.tussenvoegsel, r.achternaam].filter(Boolean).join(' '),
});

export async function getAanvraag(tx: Tx, id: string, lock = false): Promise<Aanvraag | undefined> {
  let q = basis(tx).where('a.id', '=', id);
  if (lock) q = q.forUpdate('a');
  const r = await q.executeTakeFirst();
  return r && toAanvraag(r);
}

/** Statuses of an aanvraag still with the beslissers: the open work of their queue. */
const OPEN_AANVRAAG: readonly AanvraagStatus[] = ['ingediend', 'getoetst', 'beoordeeld', 'besloten'];

/** A page of a list, its cursor, and how many rows the whole list holds (exact, or an estimate). */
export interface LijstPagina<T> { rijen: T[]; volgende: string | null; totaal: number; totaalIsSchatting: boolean }

/**
 * Exact when the list is open work (its count grows with open work only), otherwise the planner's
 * estimate — except when the first page is also the last: then the page itself is the count.
 */
async function totaalVan(tx: Tx, o: { telling: Compilable; exact: boolean; eersteEnLaatste: boolean; opPagina: number }): Promise<{ totaal: number; totaalIsSchatting: boolean }> {
  if (o.eersteEnLaatste) return { totaal: o.opPagina, totaalIsSchatting: false };
  if (o.exact) return { totaal: await telAantal(tx, o.telling), totaalIsSchatting: false };
  return { totaal: Math.max(await geschatAantal(tx, o.telling), o.opPagina), totaalIsSchatting: true };
}

/**
 * Whether a list is the beslisser's open work, sorted on the legal clock: only open steps, not one
 * casus (a casus page reads its aanvragen in the order they came in).
 */
export function aanvragenOpTermijn(f: { status?: readonly AanvraagStatus[] | undefined; casusId?: string | undefined }): boolean {
  return f.casusId === undefined && f.status !== undefined && f.status.length > 0 && f.status.every((s) => OPEN_AANVRAAG.includes(s));
}

/** The sort key of a page of aanvragen: by end date of the most urgent running term for open work, else by receipt. */
export type AanvraagSleutel = readonly [ontvangenOp: string, nummer: string] | readonly [urgentie: string, ontvangenOp: string, nummer: string];

/**
 * The earliest end date of an aanvraag's running decision terms ('infinity' without one), as the
 * werkvoorraad sorts meldingen: what must be decided first comes first, whatever the law (a Wmo
 * aanvraag of last week can be due before a Jeugdwet aanvraag of last month).
 */
const urgentieAanvraag = sql<string>`coalesce((select min(t.uiterste_datum) from termijnen t where t.aanvraag_id = a.id and t.afgerond_op is null), 'infinity'::date)`;

/**
 * Aanvragen: open work the most urgent first (`aanvragenOpTermijn`), other lists the oldest first;
 * the sort key is the keyset cursor. The page's ids come from an index in receipt order (migration
 * 0020; the open steps from a partial index, 0035), with LIMIT before anything is joined; the
 * details are read for those rows only. Open work is counted in the same statement as its page.
 */
export async function listAanvragen(tx: Tx, f: {
  status?: readonly AanvraagStatus[] | undefined; casusId?: string | undefined;
  /** The sort key of the previous page's last row (from the cursor `na`): three parts for open work on the clock, else two. */
  na?: AanvraagSleutel | undefined;
  aantal: number;
  /** Only households the asker may see (the access rule on `a.huishouden_id`, from privacy): as sets for lists over history, per candidate row for open work. */
  zichtbaar?: { set: Expression<SqlBool>; perRij: Expression<SqlBool> } | undefined;
}): Promise<LijstPagina<Aanvraag>> {
  let q = tx.selectFrom('aanvragen as a').select(['a.id', 'a.ontvangen_op', 'a.nummer'])
    // As the details (basis) join the person: an aanvraag of a destroyed file keeps a pseudonym
    // that points at no one and is left out of the list, as before (one key lookup per candidate).
    .where(({ exists, selectFrom }) => exists(selectFrom('personen as p').select('p.id').whereRef('p.id', '=', 'a.persoon_id')));
  const exact = f.casusId !== undefined || (f.status !== undefined && f.status.length > 0 && f.status.every((s) => OPEN_AANVRAAG.includes(s)));
  // As literals (values of a closed set): the generic plan then knows the open steps are few and
  // reads the partial index of open work, instead of every aanvraag of the gemeente. All open steps
  // are that index's own condition (the status check allows no other): as `in (…)` PostgreSQL
  // combined it with the household index and read all of that (456 buffers a request at 100,000).
  if (f.status?.length) {
    q = OPEN_AANVRAAG.every((s) => f.status!.includes(s)) && f.status.every((s) => OPEN_AANVRAAG.includes(s))
      ? q.where(sql<SqlBool>`a.status <> 'verzonden'`)
      : q.where(sql<SqlBool>`a.status in (${sql.join(f.status.map((s) => sql.lit(s)))})`);
  }
  if (f.zichtbaar) q = q.where(exact ? f.zichtbaar.perRij : f.zichtbaar.set);
  if (f.casusId) q = q.where('a.casus_id', '=', f.casusId);
  const telling = q;
  const opTermijn = aanvragenOpTermijn(f);
  // The route reads the cursor in this list's shape; another shape is a programming error.
  if (f.na && f.na.length !== (opTermijn ? 3 : 2)) throw new Error('Een cursor van een andere lijst van aanvragen');
  let kandidaten: { id: string; urgentie?: string; ontvangen_op: string; nummer: string }[];
  let geteld: number | undefined;
  if (exact) {
    // Open work: planning this query (the access rule's exists parts, row-level security per table)
    // costs more than running it; one generic plan per connection serves every asker and status.
    await sql`select set_config('plan_cache_mode', 'force_generic_plan', true)`.execute(tx);
    // The count needs every row of the list anyway: one pass gives both (the cursor applies after
    // the count, outside the sub-query, so earlier pages still count). The urgency is one probe of
    // the terms' index per open aanvraag (about 1,100 at 900,000 residents).
    const na = f.na;
    const rijen = await tx.selectFrom(q.select([sql<number>`count(*) over ()`.as('n'), (opTermijn ? urgentieAanvraag : sql<string>`null`).as('urgentie')]).as('k'))
      .select(['k.id', 'k.urgentie', 'k.ontvangen_op', 'k.nummer', 'k.n'])
      .$if(na !== undefined, (x) => x.where(opTermijn
        ? sql<SqlBool>`(k.urgentie, k.ontvangen_op, k.nummer) > (${na![0]}::date, ${na![1]}::date, ${na![2]}::text)`
        : sql<SqlBool>`(k.ontvangen_op, k.nummer) > (${na![0]}::date, ${na![1]}::text)`))
      .$if(opTermijn, (x) => x.orderBy('k.urgentie'))
      .orderBy('k.ontvangen_op').orderBy('k.nummer').limit(f.aantal + 1).execute();
    kandidaten = rijen;
    geteld = rijen.length ? Number(rijen[0]!.n) : undefined;
  } else {
    if (f.na) q = q.where(sql<SqlBool>`(a.ontvangen_op, a.nummer) > (${f.na[0]}::date, ${f.na[1]}::text)`);
    kandidaten = await q.orderBy('a.ontvangen_op').orderBy('a.nummer').limit(f.aantal + 1).execute();
  }
  const { rijen: pagina, volgende } = knipPagina(kandidaten, f.aantal, (r) => (opTermijn ? [r.urgentie, r.ontvangen_op, r.nummer] : [r.ontvangen_op, r.nummer]));
  // The ids as one uuid[] parameter: one prepared statement whatever the page size (not an `in` list replanned per request).
  const details = pagina.length ? await basis(tx).where('a.id', '=', sql<string>`any(${pagina.map((r) => r.id)}::uuid[])`).execute() : [];
  const perId = new Map(details.map((r) => [r.id, toAanvraag(r)]));
  const eersteEnLaatste = !f.na && !volgende;
  return {
    rijen: pagina.flatMap((r) => perId.get(r.id) ?? []), volgende,
    ...(geteld !== undefined && !eersteEnLaatste ? { totaal: geteld, totaalIsSchatting: false }
      : await totaalVan(tx, { telling, exact, eersteEnLaatste, opPagina: pagina.length })),
  };
}

export async function insertAanvraag(tx: Tx, a: {
  gemeenteId: string; nummer: string; casusId: string; huishoudenId: string; persoonId: string; bron: Aanvraag['bron']; herzieningVan: string | null;
  ontvangenOp: string; toelichting: string | null; door: string | null;
  aanvrager?: { relatie: string; persoonId: string | null; naam: string | null } | undefined;
}): Promise<string> {
  const { id } = await tx.insertInto('aanvragen').values({
    gemeente_id: a.gemeenteId, nummer: a.nummer, casus_id: a.casusId, huishouden_id: a.huishoudenId, persoon_id: a.persoonId, bron: a.bron,
    herziening_van: a.herzieningVan, ontvangen_op: a.ontvangenOp, status: 'ingediend', toelichting: a.toelichting, voorbereid_door: a.door,
    ...(a.aanvrager ? { aanvrager_relatie: a.aanvrager.relatie, aanvrager_persoon_id: a.aanvrager.persoonId, aanvrager_naam: a.aanvrager.naam } : {}),
  }).returning('id').executeTakeFirstOrThrow();
  await tx.insertInto('aanvraag_statushistorie').values({ gemeente_id: a.gemeenteId, aanvraag_id: id, van: null, naar: 'ingediend', door: a.door, toelichting: 'Aanvraag ingediend' }).execute();
  return id;
}

export interface AanvraagProduct {
  id: string; arrangementItemId: string | null; catalogusItemId: string | null; wet: string; omschrijving: string;
  trede: number | null; motivering: string | null; doel: string | null; leefgebied: string | null;
}

export async function insertAanvraagProducten(tx: Tx, gemeenteId: string, aanvraagId: string, p: readonly Omit<AanvraagProduct, 'id' | 'trede' | 'motivering' | 'doel' | 'leefgebied'>[]): Promise<void> {
  await tx.insertInto('aanvraag_producten').values(p.map((x) => ({
    gemeente_id: gemeenteId, aanvraag_id: aanvraagId, arrangement_item_id: x.arrangementItemId, catalogus_item_id: x.catalogusItemId, wet: x.wet, omschrijving: x.omschrijving,
  }))).execute();
}

export async function productenVanAanvraag(tx: Tx, aanvraagId: string): Promise<AanvraagProduct[]> {
  const rows = await tx.selectFrom('aanvraag_producten as ap')
    .leftJoin('arrangement_items as ai', 'ai.id', 'ap.arrangement_item_id')
    .leftJoin('doelen as d', 'd.id', 'ai.doel_id')
    .select(['ap.id', 'ap.arrangement_item_id', 'ap.catalogus_item_id', 'ap.wet', 'ap.omschrijving', 'ai.trede', 'ai.motivering', 'd.omschrijving as doel', 'd.leefgebied'])
    .where('ap.aanvraag_id', '=', aanvraagId).orderBy('ap.omschrijving').execute();
  return rows.map((r) => ({
    id: r.id, arrangementItemId: r.arrangement_item_id, catalogusItemId: r.catalogus_item_id, wet: r.wet, omschrijving: r.omschrijving,
    trede: r.trede, motivering: r.motivering, doel: r.doel, leefgebied: r.leefgebied,
  }));
}

/** Arrangement items already part of an aanvraag (an item is requested once; a change goes by herziening). */
export async function alAangevraagd(tx: Tx, itemIds: readonly string[]): Promise<string[]> {
  if (!itemIds.length) return [];
  const rows = await tx.selectFrom('aanvraag_producten as ap').innerJoin('aanvragen as a', 'a.id', 'ap.aanvraag_id')
    .select('ap.arrangement_item_id').where('ap.arrangement_item_id', 'in', [...itemIds]).where('a.bron', '!=', 'herziening').execute();
  return rows.map((r) => r.arrangement_item_id!).filter(Boolean);
}

export async function zetAanvraagStap(tx: Tx, a: {
  gemeenteId: string; aanvraagId: string; van: AanvraagStatus; naar: AanvraagStatus; door: string | null; toelichting: string | null;
  velden: Partial<{ getoetst_door: string; toets: string; beoordeeld_door: string; beoordeling: string; eerste_beslisser: string | null; eerste_besluit: string | null; besloten_door: string }>;
}): Promise<void> {
  await tx.updateTable('aanvragen').set({ ...a.velden, status: a.naar }).where('id', '=', a.aanvraagId).execute();
  if (a.van !== a.naar || a.toelichting) {
    await tx.insertInto('aanvraag_statushistorie').values({ gemeente_id: a.gemeenteId, aanvraag_id: a.aanvraagId, van: a.van, naar: a.naar, door: a.door, toelichting: a.toelichting }).execute();
  }
}

export async function herzieningLoopt(tx: Tx, beschikkingId: string): Promise<boolean> {
  return (await tx.selectFrom('aanvragen').select('id').where('herziening_van', '=', beschikkingId).where('status', '!=', 'verzonden').executeTakeFirst()) !== undefined;
}

/** The first decider's decision, waiting for the second decider's confirmation. */
export async function eersteBesluit(tx: Tx, aanvraagId: string): Promise<unknown> {
  return (await tx.selectFrom('aanvragen').select('eerste_besluit').where('id', '=', aanvraagId).executeTakeFirst())?.eerste_besluit ?? null;
}

export async function historieVanAanvraag(tx: Tx, aanvraagId: string) {
  return tx.selectFrom('aanvraag_statushistorie as h').leftJoin('gebruikers as g', 'g.id', 'h.door')
    .select(['h.van', 'h.naar', 'g.naam as door', 'h.moment', 'h.toelichting']).where('h.aanvraag_id', '=', aanvraagId).orderBy('h.id').execute();
}

// ————— Beschikkingen —————

export interface BeschikkingProduct {
  aanvraagProductId: string; uitkomst: Uitkomst; grondslag: string; omvang: number | null; eenheid: string | null; periode: string | null;
  ingangsdatum: string | null; einddatum: string | null; leveringsvorm: Leveringsvorm | null; eigenBijdrage: string | null; jaarbedragCents: number;
  /** Computed from the contract when decided (issue 13); null for decisions from before, and for a refusal. */
  budgetCents?: number | null; productcode?: string | null; resultaat?: { profiel: string; intensiteit: string } | null;
}

export interface Beschikking {
  id: string; nummer: string; aanvraagId: string; herzieningVan: string | null; motivering: string; beslotenOp: Date;
  verzondenOp: string | null; bezwaarTermijnEinde: string | null; pdfHash: string | null; producten: (BeschikkingProduct & { omschrijving: string; wet: string; arrangementItemId: string | null })[];
}

export async function insertBeschikking(tx: Tx, b: { gemeenteId: string; nummer: string; aanvraagId: string; herzieningVan: string | null; motivering: string; producten: BeschikkingProduct[] }): Promise<string> {
  const { id } = await tx.insertInto('beschikkingen').values({
    gemeente_id: b.gemeenteId, nummer: b.nummer, aanvraag_id: b.aanvraagId, herziening_van: b.herzieningVan, motivering: b.motivering,
  }).returning('id').executeTakeFirstOrThrow();
  await tx.insertInto('beschikking_producten').values(b.producten.map((p) => ({
    gemeente_id: b.gemeenteId, beschikking_id: id, aanvraag_product_id: p.aanvraagProductId, uitkomst: p.uitkomst, grondslag: p.grondslag,
    omvang: p.omvang, eenheid: p.eenheid, periode: p.periode, ingangsdatum: p.ingangsdatum, einddatum: p.einddatum, leveringsvorm: p.leveringsvorm,
    eigen_bijdrage: p.eigenBijdrage, jaarbedrag_cents: p.jaarbedragCents,
    budget_cents: p.budgetCents ?? null, productcode: p.productcode ?? null, resultaat: p.resultaat ? JSON.stringify(p.resultaat) : null,
  }))).execute();
  return id;
}

async function laadBeschikking(tx: Tx, where: { id?: string; aanvraagId?: string }): Promise<Beschikking | undefined> {
  let q = tx.selectFrom('beschikkingen').select(['id', 'nummer', 'aanvraag_id', 'herziening_van', 'motivering', 'besloten_op', 'verzonden_op', 'bezwaar_termijn_einde', 'pdf_hash']);
  if (where.id) q = q.where('id', '=', where.id);
  if (where.aanvraagId) q = q.where('aanvraag_id', '=', where.aanvraagId);
  const r = await q.executeTakeFirst();
  if (!r) return undefined;
  const producten = await tx.selectFrom('beschikking_producten as bp').innerJoin('aanvraag_producten as ap', 'ap.id', 'bp.aanvraag_product_id')
    .select(['bp.aanvraag_product_id', 'bp.uitkomst', 'bp.grondslag', 'bp.omvang', 'bp.eenheid', 'bp.periode', 'bp.ingangsdatum', 'bp.einddatum',
      'bp.leveringsvorm', 'bp.eigen_bijdrage', 'bp.jaarbedrag_cents', 'bp.budget_cents', 'bp.productcode', 'ap.omschrijving', 'ap.wet', 'ap.arrangement_item_id'])
    .where('bp.beschikking_id', '=', r.id).orderBy('ap.omschrijving').execute();
  return {
    id: r.id, nummer: r.nummer, aanvraagId: r.aanvraag_id, herzieningVan: r.herziening_van, motivering: r.motivering, beslotenOp: r.besloten_op,
    verzondenOp: r.verzonden_op, bezwaarTermijnEinde: r.bezwaar_termijn_einde, pdfHash: r.pdf_hash,
    producten: producten.map((p) => ({
      aanvraagProductId: p.aanvraag_product_id, uitkomst: p.uitkomst as Uitkomst, grondslag: p.grondslag, omvang: p.omvang === null ? null : Number(p.omvang),
      eenheid: p.eenheid, periode: p.periode, ingangsdatum: p.ingangsdatum, einddatum: p.einddatum, leveringsvorm: p.leveringsvorm as Leveringsvorm | null,
      eigenBijdrage: p.eigen_bijdrage, jaarbedragCents: Number(p.jaarbedrag_cents), omschrijving: p.omschrijving, wet: p.wet, arrangementItemId: p.arrangement_item_id,
      budgetCents: p.budget_cents === null ? null : Number(p.budget_cents), productcode: p.productcode,
    })),
  };
}

export const getBeschikking = (tx: Tx, id: string) => laadBeschikking(tx, { id });
export const beschikkingVanAanvraag = (tx: Tx, aanvraagId: string) => laadBeschikking(tx, { aanvraagId });

export async function markeerBeschikkingVerzonden(tx: Tx, id: string, v: { verzondenOp: string; bezwaarTermijnEinde: string; pdf: Buffer; hash: string }): Promise<void> {
  await tx.updateTable('beschikkingen').set({ verzonden_op: v.verzondenOp, bezwaar_termijn_einde: v.bezwaarTermijnEinde, pdf: v.pdf, pdf_hash: v.hash }).where('id', '=', id).execute();
}

export async function verzondenBrief(tx: Tx, id: string): Promise<Buffer | null> {
  const r = await tx.selectFrom('beschikkingen').select('pdf').where('id', '=', id).executeTakeFirst();
  return r?.pdf ? Buffer.from(r.pdf) : null;
}

export async function beschikkingenVanHuishouden(tx: Tx, huishoudenId: string) {
  const rows = await tx.selectFrom('beschikkingen as b').innerJoin('aanvragen as a', 'a.id', 'b.aanvraag_id')
    .select(['b.id', 'b.nummer', 'b.verzonden_op', 'b.bezwaar_termijn_einde', 'a.nummer as aanvraag_nummer', 'a.status'])
    .where('a.huishouden_id', '=', huishoudenId).orderBy('b.besloten_op').execute();
  return rows.map((r) => ({
    id: r.id, nummer: r.nummer, verzondenOp: r.verzonden_op, bezwaarTermijnEinde: r.bezwaar_termijn_einde, aanvraagNummer: r.aanvraag_nummer, status: r.status,
  }));
}

// ————— Bezwaar —————

export interface Bezwaar {
  id: string; nummer: string; beschikkingId: string; beschikkingNummer: string; aanvraagId: string; huishoudenId: string; persoonId: string; persoonNaam: string;
  ontvangenOp: string; omschrijving: string; tijdig: boolean; verschoonbaar: boolean; adviescommissie: boolean; beslistermijnEinde: string; status: BezwaarStatus;
  uitkomst: BezwaarUitkomst | null; hoorzittingDatum: string | null; hoorzittingVerslag: string | null; horenAfgezienReden: string | null;
  advies: string | null; adviesDatum: string | null; motivering: string | null; beslotenDoor: { id: string; naam: string } | null;
  verzondenOp: string | null; beroepTermijnEinde: string | null; pdfHash: string | null; herzieningAanvraagId: string | null;
  geregistreerdDoor: { id: string; naam: string } | null; aangemaaktOp: Date;
}

const bezwaarBasis = (tx: Tx) => tx.selectFrom('bezwaren as z')
  .innerJoin('beschikkingen as b', 'b.id', 'z.beschikking_id')
  .innerJoin('aanvragen as a', 'a.id', 'b.aanvraag_id')
  .innerJoin('personen as p', 'p.id', 'a.persoon_id')
  .leftJoin('gebruikers as d', 'd.id', 'z.besloten_door')
  .leftJoin('gebruikers as r', 'r.id', 'z.geregistreerd_door')
  .select([
    'z.id', 'z.nummer', 'z.beschikking_id', 'b.nummer as beschikking_nummer', 'b.aanvraag_id', 'a.huishouden_id', 'a.persoon_id', 'p.voornaam', 'p.tussenvoegsel', 'p.achternaam',
    'z.ontvangen_op', 'z.omschrijving', 'z.tijdig', 'z.verschoonbaar', 'z.adviescommissie', 'z.beslistermijn_einde', 'z.status', 'z.uitkomst',
    'z.hoorzitting_datum', 'z.hoorzitting_verslag', 'z.horen_afgezien_reden', 'z.advies', 'z.advies_datum', 'z.motivering', 'z.besloten_door', 'd.naam as d_naam',
    'z.verzonden_op', 'z.beroep_termijn_einde', 'z.pdf_hash', 'z.herziening_aanvraag_id', 'z.geregistreerd_door', 'r.naam as r_naam', 'z.aangemaakt_op',
  ]);
type BezwaarRow = Awaited<ReturnType<ReturnType<typeof bezwaarBasis>['executeTakeFirstOrThrow']>>;
const toBezwaar = (r: BezwaarRow): Bezwaar => ({
  id: r.id, nummer: r.nummer, beschikkingId: r.beschikking_id, beschikkingNummer: r.beschikking_nummer, aanvraagId: r.aanvraag_id, huishoudenId: r.huishouden_id,
  persoonId: r.persoon_id, persoonNaam: [r.voornaam, r.tussenvoegsel, r.achternaam].filter(Boolean).join(' '),
  ontvangenOp: r.ontvangen_op, omschrijving: r.omschrijving, tijdig: r.tijdig, verschoonbaar: r.verschoonbaar, adviescommissie: r.adviescommissie,
  beslistermijnEinde: r.beslistermijn_einde, status: r.status as BezwaarStatus, uitkomst: r.uitkomst as BezwaarUitkomst | null,
  hoorzittingDatum: r.hoorzitting_datum, hoorzittingVerslag: r.hoorzitting_verslag, horenAfgezienReden: r.horen_afgezien_reden,
  advies: r.advies, adviesDatum: r.advies_datum, motivering: r.motivering, beslotenDoor: ref(r.besloten_door, r.d_naam),
  verzondenOp: r.verzonden_op, beroepTermijnEinde: r.beroep_termijn_einde, pdfHash: r.pdf_hash, herzieningAanvraagId: r.herziening_aanvraag_id,
  geregistreerdDoor: ref(r.geregistreerd_door, r.r_naam), aangemaaktOp: r.aangemaakt_op,
});

export async function getBezwaar(tx: Tx, id: string, lock = false): Promise<Bezwaar | undefined> {
  let q = bezwaarBasis(tx).where('z.id', '=', id);
  if (lock) q = q.forUpdate('z');
  const r = await q.executeTakeFirst();
  return r && toBezwaar(r);
}

const AFGEHANDELD_BEZWAAR: readonly BezwaarStatus[] = ['beslist', 'ingetrokken'];

/** Where a bezwaren page ends: in the open part (by deadline) or in the decided part (newest first). */
export type BezwaarCursor = readonly ['open', string, string, string] | readonly ['afgehandeld', string, string];

/**
 * Open bezwaren first, by the end of their decision term (then newest, then id); then the decided
 * ones, newest first. Two index-driven parts one after the other: the open part is open work (sorted
 * whole, it is small), the decided part is read in the order of a partial index (migration 0020)
 * and stops at the page. The cursor says which part and where.
 */
export async function listBezwaren(tx: Tx, f: {
  status?: readonly BezwaarStatus[] | undefined; na?: BezwaarCursor | undefined; aantal: number;
  /** Only households the asker may see (the access rule on `a.huishouden_id`, from privacy): as sets for lists over history, per candidate row for open work. */
  zichtbaar?: { set: Expression<SqlBool>; perRij: Expression<SqlBool> } | undefined;
}): Promise<LijstPagina<Bezwaar>> {
  const gevraagd = f.status?.length ? f.status : [...OPEN_BEZWAAR, ...AFGEHANDELD_BEZWAAR];
  const open = gevraagd.filter((s) => OPEN_BEZWAAR.includes(s));
  const af = gevraagd.filter((s) => AFGEHANDELD_BEZWAAR.includes(s));
  const kandidaat = (statussen: readonly BezwaarStatus[], open: boolean) => {
    let q = tx.selectFrom('bezwaren as z')
      .innerJoin('beschikkingen as b', 'b.id', 'z.beschikking_id')
      .innerJoin('aanvragen as a', 'a.id', 'b.aanvraag_id')
      .select(['z.id', sql<string>`z.aangemaakt_op::text`.as('aangemaakt')])
      .where('z.status', 'in', [...statussen]);
    if (f.zichtbaar) q = q.where(open ? f.zichtbaar.perRij : f.zichtbaar.set);
    return q;
  };
  type Rij = { id: string; sleutel: BezwaarCursor };
  const rijen: Rij[] = [];
  const openTelling = open.length ? kandidaat(open, true) : undefined;
  if (openTelling && (!f.na || f.na[0] === 'open')) {
    let q = openTelling.leftJoin('termijnen as t', 't.bezwaar_id', 'z.id')
      .select(sql<string>`coalesce(t.uiterste_datum, z.beslistermijn_einde)`.as('einde'));
    if (f.na?.[0] === 'open') {
      const [, einde, aangemaakt, id] = f.na;
      q = q.where(sql<SqlBool>`(coalesce(t.uiterste_datum, z.beslistermijn_einde) > ${einde}::date
        or (coalesce(t.uiterste_datum, z.beslistermijn_einde) = ${einde}::date
            and (z.aangemaakt_op < ${aangemaakt}::timestamptz or (z.aangemaakt_op = ${aangemaakt}::timestamptz and z.id > ${id}::uuid))))`);
    }
    const r = await q.orderBy(sql`coalesce(t.uiterste_datum, z.beslistermijn_einde)`).orderBy('z.aangemaakt_op', 'desc').orderBy('z.id').limit(f.aantal + 1).execute();
    rijen.push(...r.map((x) => ({ id: x.id, sleutel: ['open', x.einde, x.aangemaakt, x.id] as const })));
  }
  const afTelling = af.length ? kandidaat(af, false) : undefined;
  if (afTelling && rijen.length <= f.aantal) {
    let q = afTelling;
    if (f.na?.[0] === 'afgehandeld') {
      const [, aangemaakt, id] = f.na;
      q = q.where(sql<SqlBool>`z.aangemaakt_op <= ${aangemaakt}::timestamptz and (z.aangemaakt_op < ${aangemaakt}::timestamptz or z.id > ${id}::uuid)`);
    }
    const r = await q.orderBy('z.aangemaakt_op', 'desc').orderBy('z.id').limit(f.aantal + 1 - rijen.length).execute();
    rijen.push(...r.map((x) => ({ id: x.id, sleutel: ['afgehandeld', x.aangemaakt, x.id] as const })));
  }
  const { rijen: pagina, volgende } = knipPagina(rijen, f.aantal, (r) => r.sleutel);
  const details = pagina.length ? await bezwaarBasis(tx).where('z.id', 'in', pagina.map((r) => r.id)).execute() : [];
  const perId = new Map(details.map((r) => [r.id, toBezwaar(r)]));
  // The open part is counted (open work), the decided part estimated (it grows with history).
  let totaal = 0;
  let totaalIsSchatting = false;
  if (!f.na && !volgende) totaal = pagina.length;
  else {
    if (openTelling) totaal += await telAantal(tx, openTelling);
    if (afTelling) {
      totaal += await geschatAantal(tx, afTelling);
      totaalIsSchatting = true;
    }
    totaal = Math.max(totaal, pagina.length);
  }
  return { rijen: pagina.flatMap((r) => perId.get(r.id) ?? []), volgende, totaal, totaalIsSchatting };
}

export async function insertBezwaar(tx: Tx, b: {
  gemeenteId: string; nummer: string; beschikkingId: string; ontvangenOp: string; omschrijving: string; tijdig: boolean; verschoonbaar: boolean; adviescommissie: boolean;
  beslistermijnEinde: string; door: string | null;
}): Promise<string> {
  const { id } = await tx.insertInto('bezwaren').values({
    gemeente_id: b.gemeenteId, nummer: b.nummer, beschikking_id: b.beschikkingId, ontvangen_op: b.ontvangenOp, omschrijving: b.omschrijving, tijdig: b.tijdig,
    verschoonbaar: b.verschoonbaar, adviescommissie: b.adviescommissie, beslistermijn_einde: b.beslistermijnEinde, geregistreerd_door: b.door,
  }).returning('id').executeTakeFirstOrThrow();
  await tx.insertInto('bezwaar_statushistorie').values({ gemeente_id: b.gemeenteId, bezwaar_id: id, van: null, naar: 'ontvangen', door: b.door, toelichting: 'Bezwaar geregistreerd' }).execute();
  return id;
}

/** A step on a bezwaar: the row changes and the history gains a line, in the same transaction. */
export async function zetBezwaarStap(tx: Tx, s: {
  gemeenteId: string; bezwaarId: string; van: BezwaarStatus; naar: BezwaarStatus; door: string | null; toelichting: string;
  velden: Partial<{
    hoorzitting_datum: string; hoorzitting_verslag: string | null; horen_afgezien_reden: string; advies: string; advies_datum: string; uitkomst: BezwaarUitkomst;
    motivering: string; besloten_door: string | null; verschoonbaar: boolean; verzonden_op: string; beroep_termijn_einde: string; pdf: Buffer; pdf_hash: string;
    herziening_aanvraag_id: string | null; beslistermijn_einde: string;
  }>;
}): Promise<void> {
  await tx.updateTable('bezwaren').set({ ...s.velden, status: s.naar }).where('id', '=', s.bezwaarId).execute();
  await tx.insertInto('bezwaar_statushistorie').values({ gemeente_id: s.gemeenteId, bezwaar_id: s.bezwaarId, van: s.van, naar: s.naar, door: s.door, toelichting: s.toelichting }).execute();
}

export async function historieVanBezwaar(tx: Tx, bezwaarId: string) {
  return tx.selectFrom('bezwaar_statushistorie as h').leftJoin('gebruikers as g', 'g.id', 'h.door')
    .select(['h.van', 'h.naar', 'g.naam as door', 'h.moment', 'h.toelichting']).where('h.bezwaar_id', '=', bezwaarId).orderBy('h.id').execute();
}

export async function bezwaarBrief(tx: Tx, id: string): Promise<Buffer | null> {
  const r = await tx.selectFrom('bezwaren').select('pdf').where('id', '=', id).executeTakeFirst();
  return r?.pdf ? Buffer.from(r.pdf) : null;
}

export async function bezwarenVanBeschikking(tx: Tx, beschikkingId: string) {
  return tx.selectFrom('bezwaren').select(['id', 'nummer', 'ontvangen_op', 'omschrijving', 'tijdig', 'beslistermijn_einde', 'status', 'uitkomst'])
    .where('beschikking_id', '=', beschikkingId).orderBy('ontvangen_op').execute();
}

/** The bezwaar that led to this herziening, if any. */
/**
 * What a list row of an aanvraag needs besides its details, for a whole page in one query (not
 * per row): the beschikking's id and the bezwaar that led to a herziening.
 */
export async function lijstGegevensVanAanvragen(tx: Tx, aanvraagIds: readonly string[]): Promise<Map<string, { beschikkingId: string | null; naBezwaar: { id: string; nummer: string } | null }>> {
  const uit = new Map(aanvraagIds.map((id) => [id, { beschikkingId: null as string | null, naBezwaar: null as { id: string; nummer: string } | null }]));
  if (aanvraagIds.length === 0) return uit;
  const ids = sql<string[]>`${[...aanvraagIds]}::uuid[]`;
  const rijen = await tx.selectFrom('beschikkingen').select([sql<string>`'beschikking'`.as('soort'), 'id', 'aanvraag_id', sql<string | null>`null::text`.as('nummer')])
    .where('aanvraag_id', '=', sql<string>`any(${ids})`)
    .unionAll(tx.selectFrom('bezwaren').select([sql<string>`'bezwaar'`.as('soort'), 'id', sql<string>`herziening_aanvraag_id`.as('aanvraag_id'), 'nummer'])
      .where('herziening_aanvraag_id', '=', sql<string>`any(${ids})`))
    .execute();
  for (const r of rijen) {
    const rij = uit.get(r.aanvraag_id)!;
    if (r.soort === 'beschikking') rij.beschikkingId = r.id;
    // As bezwaarVanHerziening: the first one found (there is one per herziening).
    else rij.naBezwaar ??= { id: r.id, nummer: r.nummer! };
  }
  return uit;
}

export async function bezwaarVanHerziening(tx: Tx, aanvraagId: string) {
  return tx.selectFrom('bezwaren').select(['id', 'nummer']).where('herziening_aanvraag_id', '=', aanvraagId).executeTakeFirst();
}

/** The herziening of this beschikking that is still running (not yet sent), if any. */
export async function lopendeHerziening(tx: Tx, beschikkingId: string): Promise<string | undefined> {
  return (await tx.selectFrom('aanvragen').select('id').where('herziening_van', '=', beschikkingId).where('status', '!=', 'verzonden').executeTakeFirst())?.id;
}

// ————— Steekproef —————

/** Sent decisions of a month, with the team of whoever prepared them. */
export async function verzondenInMaand(tx: Tx, maand: string) {
  return tx.selectFrom('beschikkingen as b').innerJoin('aanvragen as a', 'a.id', 'b.aanvraag_id').leftJoin('gebruikers as g', 'g.id', 'a.voorbereid_door')
    .select(['b.id', 'g.team_id']).where(sql<boolean>`to_char(b.verzonden_op, 'YYYY-MM') = ${maand}`).execute();
}

export async function insertSteekproef(tx: Tx, s: { gemeenteId: string; maand: string; percentage: number; seed: string; populatie: number; door: string | null; items: { id: string; team_id: string | null }[] }): Promise<string> {
  const { id } = await tx.insertInto('steekproeven').values({
    gemeente_id: s.gemeenteId, maand: s.maand, percentage: s.percentage, seed: s.seed, populatie: s.populatie, getrokken_door: s.door,
  }).returning('id').executeTakeFirstOrThrow();
  if (s.items.length) {
    await tx.insertInto('steekproef_items').values(s.items.map((i) => ({ gemeente_id: s.gemeenteId, steekproef_id: id, beschikking_id: i.id, team_id: i.team_id }))).execute();
  }
  return id;
}

export async function steekproefOpMaand(tx: Tx, maand: string) {
  return tx.selectFrom('steekproeven').selectAll().where('maand', '=', maand).executeTakeFirst();
}

export async function getSteekproef(tx: Tx, id: string) {
  const s = await tx.selectFrom('steekproeven').selectAll().where('id', '=', id).executeTakeFirst();
  if (!s) return undefined;
  const items = await tx.selectFrom('steekproef_items as i').innerJoin('beschikkingen as b', 'b.id', 'i.beschikking_id')
    .leftJoin('teams as t', 't.id', 'i.team_id').leftJoin('gebruikers as g', 'g.id', 'i.beoordelaar')
    .select(['i.id', 'i.beschikking_id', 'b.nummer', 'b.aanvraag_id', 't.naam as team', 'g.naam as beoordelaar', 'i.antwoorden', 'i.bevindingen', 'i.uitkomst', 'i.beoordeeld_op'])
    .where('i.steekproef_id', '=', id).orderBy('b.nummer').execute();
  return {
    id: s.id, maand: s.maand, percentage: s.percentage, seed: s.seed, populatie: s.populatie, getrokkenOp: new Date(s.getrokken_op).toISOString(),
    items: items.map((i) => ({
      id: i.id, beschikkingId: i.beschikking_id, nummer: i.nummer, aanvraagId: i.aanvraag_id, team: i.team, beoordelaar: i.beoordelaar,
      antwoorden: i.antwoorden as Record<string, string> | null, bevindingen: i.bevindingen, uitkomst: i.uitkomst,
      beoordeeldOp: i.beoordeeld_op ? new Date(i.beoordeeld_op).toISOString() : null,
    })),
  };
}

export async function steekproefItem(tx: Tx, steekproefId: string, itemId: string) {
  return tx.selectFrom('steekproef_items').selectAll().where('steekproef_id', '=', steekproefId).where('id', '=', itemId).forUpdate().executeTakeFirst();
}

export async function beoordeelItem(tx: Tx, itemId: string, r: { door: string | null; antwoorden: unknown; bevindingen: string | null; uitkomst: string }): Promise<void> {
  await tx.updateTable('steekproef_items').set({
    beoordelaar: r.door, antwoorden: JSON.stringify(r.antwoorden), bevindingen: r.bevindingen, uitkomst: r.uitkomst, beoordeeld_op: new Date(),
  }).where('id', '=', itemId).execute();
}

/** Review results per team: how many sampled decisions were reviewed, and how many were in order. */
export async function steekproefPerTeam(tx: Tx, jaar: string) {
  const rows = await tx.selectFrom('steekproef_items as i').innerJoin('steekproeven as s', 's.id', 'i.steekproef_id').leftJoin('teams as t', 't.id', 'i.team_id')
    .select(['t.naam as team', sql<number>`count(*)`.as('getrokken'), sql<number>`count(i.uitkomst)`.as('beoordeeld'),
      sql<number>`count(*) filter (where i.uitkomst = 'inOrde')`.as('in_orde')])
    .where('s.maand', 'like', `${jaar}-%`).groupBy('t.naam').orderBy('t.naam').execute();
  return rows.map((r) => ({ team: r.team ?? 'Zonder team', getrokken: Number(r.getrokken), beoordeeld: Number(r.beoordeeld), inOrde: Number(r.in_orde) }));
}

// ————— Procescoördinatie —————

export async function zetProcescoordinatie(tx: Tx, casusId: string, multiprobleem: boolean, coordinatorId: string | null): Promise<void> {
  await tx.updateTable('casussen').set({ multiprobleem, procescoordinator_id: coordinatorId }).where('id', '=', casusId).execute();
}

export async function casussenVanCoordinator(tx: Tx, coordinatorId: string) {
  return tx.selectFrom('casussen as c').leftJoin('gebruikers as r', 'r.id', 'c.regisseur_id')
    .select(['c.id', 'c.nummer', 'c.huishouden_id', 'c.multiprobleem', 'r.naam as regisseur']).where('c.procescoordinator_id', '=', coordinatorId)
    .where('c.status', '=', 'open').orderBy('c.nummer').execute();
}

export async function procescoordinatieVanCasus(tx: Tx, casusId: string) {
  return tx.selectFrom('casussen as c').leftJoin('gebruikers as g', 'g.id', 'c.procescoordinator_id')
    .select(['c.multiprobleem', 'c.procescoordinator_id', 'g.naam']).where('c.id', '=', casusId).executeTakeFirst();
}

/** Inzage (AVG art. 15): the aanvragen for this person, and those they made on someone else's behalf. */
export async function aanvragenVanPersoon(tx: Tx, persoonId: string): Promise<Aanvraag[]> {
  const rows = await basis(tx).where((eb) => eb.or([eb('a.persoon_id', '=', persoonId), eb('a.aanvrager_persoon_id', '=', persoonId)]))
    .orderBy('a.ontvangen_op').orderBy('a.nummer').execute();
  return rows.map(toAanvraag);
}
