import { sql } from 'kysely';
import type { Tx } from '../../platform/tenancy/tx.ts';
import { BEWAAR_SOORTEN, soortVanWet, type BewaarSoort, type LijstStatus, type Stuk } from './bewaren-rules.ts';

/** SQL for retention and destruction (issue 11, point 6). Row-level security scopes every query to the gemeente. */

export interface BewaartermijnRij { soort: BewaarSoort; jaren: number; grondslag: string; gewijzigdDoor: string | null; gewijzigdOp: Date }

export async function bewaartermijnen(tx: Tx): Promise<BewaartermijnRij[]> {
  const rijen = await tx.selectFrom('bewaartermijnen as b').leftJoin('gebruikers as g', 'g.id', 'b.gewijzigd_door')
    .select(['b.soort', 'b.jaren', 'b.grondslag', 'g.naam', 'b.gewijzigd_op']).execute();
  return rijen
    .filter((r) => (BEWAAR_SOORTEN as readonly string[]).includes(r.soort))
    .map((r) => ({ soort: r.soort as BewaarSoort, jaren: r.jaren, grondslag: r.grondslag, gewijzigdDoor: r.naam, gewijzigdOp: r.gewijzigd_op }));
}

export async function bewaarTermijn(tx: Tx, t: { gemeenteId: string; soort: BewaarSoort; jaren: number; grondslag: string; door: string | null }): Promise<void> {
  await tx.insertInto('bewaartermijnen').values({ gemeente_id: t.gemeenteId, soort: t.soort, jaren: t.jaren, grondslag: t.grondslag, gewijzigd_door: t.door })
    .onConflict((oc) => oc.columns(['gemeente_id', 'soort']).doUpdateSet({ jaren: t.jaren, grondslag: t.grondslag, gewijzigd_door: t.door, gewijzigd_op: new Date() }))
    .execute();
}

export async function verwijderTermijn(tx: Tx, soort: BewaarSoort): Promise<void> {
  await tx.deleteFrom('bewaartermijnen').where('soort', '=', soort).execute();
}

const NL = sql`'Europe/Amsterdam'`;

/**
 * Every record that decides a household file's retention, per household that still has people
 * (a destroyed file has none). `huishoudenIds` narrows it (re-checking the items of a list).
 * One scan per table: this runs once a day, and for a list's items at approval.
 */
export async function dossierStukken(tx: Tx, huishoudenIds?: readonly string[]): Promise<Map<string, Stuk[]>> {
  const filter = (kolom: ReturnType<typeof sql>) => (huishoudenIds ? sql`and ${kolom} = any(${huishoudenIds}::uuid[])` : sql``);
  const r = await sql<{ huishouden_id: string; stuk: Stuk['stuk']; ref: string; wet: string; open: boolean; einde: string | null; blokkeert_tot: string | null }>`
    select x.huishouden_id, x.stuk, x.ref, x.wet, x.open, to_char(x.einde, 'YYYY-MM-DD') as einde, to_char(x.blokkeert_tot, 'YYYY-MM-DD') as blokkeert_tot
    from (
      select m.huishouden_id, 'melding' as stuk, m.nummer as ref,
        case when m.casus_id is null then 'melding-zonder-vervolg' else m.wet end as wet,
        m.status not in ('afgehandeld', 'afgesloten') as open,
        coalesce(m.afgerond_op, (m.gewijzigd_op at time zone ${NL})::date) as einde, null::date as blokkeert_tot
      from meldingen m where true ${filter(sql`m.huishouden_id`)}
      union all
      select c.huishouden_id, 'casus', c.nummer,
        coalesce((select mw.wet from meldingen mw where mw.casus_id = c.id order by mw.ontvangen_op, mw.id limit 1), 'onbekend'),
        c.status = 'open', (c.gesloten_op at time zone ${NL})::date, null::date
      from casussen c where true ${filter(sql`c.huishouden_id`)}
      union all
      select a.huishouden_id, 'aanvraag', a.nummer,
        coalesce((select min(ap.wet) from aanvraag_producten ap where ap.aanvraag_id = a.id), 'onbekend'),
        a.status <> 'verzonden', coalesce(b.verzonden_op, (b.besloten_op at time zone ${NL})::date), b.bezwaar_termijn_einde
      from aanvragen a left join beschikkingen b on b.aanvraag_id = a.id where true ${filter(sql`a.huishouden_id`)}
      union all
      select a.huishouden_id, 'voorziening', b.nummer, ap.wet, false, bp.einddatum, null::date
      from beschikking_producten bp join beschikkingen b on b.id = bp.beschikking_id join aanvragen a on a.id = b.aanvraag_id
        join aanvraag_producten ap on ap.id = bp.aanvraag_product_id
      where bp.uitkomst <> 'afgewezen' ${filter(sql`a.huishouden_id`)}
      union all
      select a.huishouden_id, 'bezwaar', z.nummer, 'bezwaar',
        z.status not in ('beslist', 'ingetrokken') or (z.status = 'beslist' and z.verzonden_op is null),
        coalesce(z.verzonden_op, (select (max(h.moment) at time zone ${NL})::date from bezwaar_statushistorie h where h.bezwaar_id = z.id)),
        z.beroep_termijn_einde
      from bezwaren z join beschikkingen b on b.id = z.beschikking_id join aanvragen a on a.id = b.aanvraag_id
      where true ${filter(sql`a.huishouden_id`)}
    ) x
    where exists (select 1 from personen p where p.huishouden_id = x.huishouden_id)`.execute(tx);
  const perHuishouden = new Map<string, Stuk[]>();
  for (const rij of r.rows) {
    const soort: BewaarSoort = rij.wet === 'melding-zonder-vervolg' || rij.wet === 'bezwaar' ? rij.wet : soortVanWet(rij.wet);
    const stuk: Stuk = { stuk: rij.stuk, ref: rij.ref, soort, open: rij.open, einde: rij.einde, blokkeertTot: rij.blokkeert_tot };
    const lijst = perHuishouden.get(rij.huishouden_id);
    if (lijst) lijst.push(stuk);
    else perHuishouden.set(rij.huishouden_id, [stuk]);
  }
  return perHuishouden;
}

export async function volgendLijstnummer(tx: Tx, gemeenteId: string, jaar: number): Promise<number> {
  const r = await tx.insertInto('nummering').values({ gemeente_id: gemeenteId, soort: 'vernietigingslijst', jaar, laatste: 1 })
    .onConflict((oc) => oc.columns(['gemeente_id', 'soort', 'jaar']).doUpdateSet({ laatste: sql<number>`nummering.laatste + 1` }))
    .returning('laatste').executeTakeFirstOrThrow();
  return r.laatste;
}

export interface NieuwItem { huishoudenId: string; soort: BewaarSoort; ref: string; nummers: string[]; einde: string; vernietigbaarPer: string; grondslag: string }

/**
 * A list starts as a concept with its items (the database accepts items only on a concept list,
 * migration 0018); a list the job offers at once takes that step right after.
 */
export async function insertLijst(tx: Tx, l: { gemeenteId: string; nummer: string; peildatum: string; door: string | null; status: 'concept' | 'terGoedkeuring' }, items: readonly NieuwItem[]): Promise<string> {
  const { id } = await tx.insertInto('vernietigingslijsten').values({
    gemeente_id: l.gemeenteId, nummer: l.nummer, peildatum: l.peildatum, opgesteld_door: l.door, status: 'concept',
  }).returning('id').executeTakeFirstOrThrow();
  if (items.length > 0) {
    await tx.insertInto('vernietigingslijst_items').values(items.map((i) => ({
      gemeente_id: l.gemeenteId, lijst_id: id, huishouden_id: i.huishoudenId, soort: i.soort, ref: i.ref, nummers: i.nummers,
      einde: i.einde, vernietigbaar_per: i.vernietigbaarPer, grondslag: i.grondslag,
    }))).execute();
  }
  if (l.status === 'terGoedkeuring') await zetStatus(tx, id, 'terGoedkeuring', { aangeboden_door: l.door, aangeboden_op: new Date() });
  return id;
}

export async function openLijst(tx: Tx): Promise<{ id: string; nummer: string } | undefined> {
  return tx.selectFrom('vernietigingslijsten').select(['id', 'nummer']).where('status', 'in', ['concept', 'terGoedkeuring']).executeTakeFirst();
}

export interface LijstKop {
  id: string; nummer: string; status: LijstStatus; peildatum: string;
  opgesteldDoor: string | null; opgesteldOp: Date; aangebodenDoor: string | null; aangebodenOp: Date | null;
  beoordeeldDoor: string | null; beoordeeldOp: Date | null; afwijzingReden: string | null; uitgevoerdOp: Date | null;
  resultaat: Record<string, number> | null; aantalItems: number; aantalUitgezonderd: number;
}

const kopQuery = (tx: Tx) => tx.selectFrom('vernietigingslijsten as l')
  .leftJoin('gebruikers as o', 'o.id', 'l.opgesteld_door')
  .leftJoin('gebruikers as a', 'a.id', 'l.aangeboden_door')
  .leftJoin('gebruikers as b', 'b.id', 'l.beoordeeld_door')
  .select((eb) => [
    'l.id', 'l.nummer', 'l.status', sql<string>`to_char(l.peildatum, 'YYYY-MM-DD')`.as('peildatum'), 'o.naam as opgesteld_naam', 'l.opgesteld_op',
    'a.naam as aangeboden_naam', 'l.aangeboden_op', 'b.naam as beoordeeld_naam', 'l.beoordeeld_op', 'l.afwijzing_reden', 'l.uitgevoerd_op', 'l.resultaat',
    eb.selectFrom('vernietigingslijst_items as i').whereRef('i.lijst_id', '=', 'l.id').select(sql<number>`count(*)::int`.as('n')).as('aantal'),
    eb.selectFrom('vernietigingslijst_items as i').whereRef('i.lijst_id', '=', 'l.id').where('i.uitgezonderd_reden', 'is not', null)
      .select(sql<number>`count(*)::int`.as('n')).as('uitgezonderd'),
  ]);

type KopRij = Awaited<ReturnType<ReturnType<typeof kopQuery>['executeTakeFirstOrThrow']>>;
const naarKop = (r: KopRij): LijstKop => ({
  id: r.id, nummer: r.nummer, status: r.status as LijstStatus, peildatum: r.peildatum,
  opgesteldDoor: r.opgesteld_naam, opgesteldOp: r.opgesteld_op, aangebodenDoor: r.aangeboden_naam, aangebodenOp: r.aangeboden_op,
  beoordeeldDoor: r.beoordeeld_naam, beoordeeldOp: r.beoordeeld_op, afwijzingReden: r.afwijzing_reden, uitgevoerdOp: r.uitgevoerd_op,
  resultaat: (r.resultaat as Record<string, number> | null) ?? null, aantalItems: Number(r.aantal ?? 0), aantalUitgezonderd: Number(r.uitgezonderd ?? 0),
});

export async function lijsten(tx: Tx, limiet: number): Promise<LijstKop[]> {
  return (await kopQuery(tx).orderBy('l.opgesteld_op', 'desc').limit(limiet).execute()).map(naarKop);
}

export async function lijstKop(tx: Tx, id: string, opts: { voorUpdate?: boolean } = {}): Promise<LijstKop | undefined> {
  if (opts.voorUpdate) await tx.selectFrom('vernietigingslijsten').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  const r = await kopQuery(tx).where('l.id', '=', id).executeTakeFirst();
  return r ? naarKop(r) : undefined;
}

export interface LijstItem {
  id: string; huishoudenId: string; soort: BewaarSoort; ref: string; nummers: string[]; einde: string; vernietigbaarPer: string; grondslag: string;
  uitgezonderd: { reden: string; door: string | null; op: Date } | null; uitgevoerdOp: Date | null; overgeslagenReden: string | null;
}

export async function lijstItems(tx: Tx, lijstId: string): Promise<LijstItem[]> {
  const r = await tx.selectFrom('vernietigingslijst_items as i').leftJoin('gebruikers as g', 'g.id', 'i.uitgezonderd_door')
    .select([
      'i.id', 'i.huishouden_id', 'i.soort', 'i.ref', 'i.nummers', sql<string>`to_char(i.einde, 'YYYY-MM-DD')`.as('einde'),
      sql<string>`to_char(i.vernietigbaar_per, 'YYYY-MM-DD')`.as('per'), 'i.grondslag', 'i.uitgezonderd_reden', 'g.naam', 'i.uitgezonderd_op',
      'i.uitgevoerd_op', 'i.overgeslagen_reden',
    ])
    .where('i.lijst_id', '=', lijstId).orderBy('i.vernietigbaar_per').orderBy('i.ref').execute();
  return r.map((x) => ({
    id: x.id, huishoudenId: x.huishouden_id, soort: x.soort as BewaarSoort, ref: x.ref, nummers: x.nummers, einde: x.einde, vernietigbaarPer: x.per,
    grondslag: x.grondslag, uitgezonderd: x.uitgezonderd_reden ? { reden: x.uitgezonderd_reden, door: x.naam, op: x.uitgezonderd_op! } : null,
    uitgevoerdOp: x.uitgevoerd_op, overgeslagenReden: x.overgeslagen_reden,
  }));
}

export async function zetStatus(tx: Tx, id: string, status: LijstStatus, velden: {
  aangeboden_door?: string | null; aangeboden_op?: Date; beoordeeld_door?: string | null; beoordeeld_op?: Date; afwijzing_reden?: string;
  uitgevoerd_op?: Date; resultaat?: string;
} = {}): Promise<void> {
  await tx.updateTable('vernietigingslijsten').set({ status, ...velden }).where('id', '=', id).execute();
}

export async function zonderUit(tx: Tx, itemId: string, reden: string, door: string | null): Promise<void> {
  await tx.updateTable('vernietigingslijst_items').set({ uitgezonderd_reden: reden, uitgezonderd_door: door, uitgezonderd_op: new Date() }).where('id', '=', itemId).execute();
}

export async function slaOver(tx: Tx, itemId: string, reden: string): Promise<void> {
  await tx.updateTable('vernietigingslijst_items').set({ overgeslagen_reden: reden }).where('id', '=', itemId).execute();
}

/** What the definer function destroyed in one household: ids per kind (for the audit trail). */
export interface Vernietigd {
  personen: string[]; casussen: string[]; meldingen: string[]; aanvragen: string[]; beschikkingen: string[]; bezwaren: string[];
  gesprekken: string[]; plannen: string[]; anders: number;
}

/** The only way the app destroys: the security-definer function of migration 0016 (the app role has no DELETE). */
export async function vernietigHuishouden(tx: Tx, lijstId: string, huishoudenId: string): Promise<Vernietigd> {
  const r = await sql<{ v: Vernietigd | string }>`select vernietig_huishouden(${lijstId}::uuid, ${huishoudenId}::uuid) as v`.execute(tx);
  const v = r.rows[0]!.v;
  return typeof v === 'string' ? (JSON.parse(v) as Vernietigd) : v;
}
