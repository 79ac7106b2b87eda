import { sql } from 'kysely';
import type { Tx } from '../../platform/tenancy/tx.ts';
import { meldingNummer, type Kanaal, type MeldingStatus, type Wet } from './rules.ts';

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
  geregistreerdDoor: { id: string; naam: string } | null;
  aangemaaktOp: Date;
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
}

export async function insertMelding(tx: Tx, m: NieuweMelding): Promise<string> {
  const jaar = Number(m.ontvangenOp.slice(0, 4));
  const nummer = meldingNummer(jaar, await volgendNummer(tx, m.gemeenteId, 'melding', jaar));
  const { id } = await tx
    .insertInto('meldingen')
    .values({
      gemeente_id: m.gemeenteId, nummer, persoon_id: m.persoonId, huishouden_id: m.huishoudenId, wet: m.wet, kanaal: m.kanaal,
      ontvangen_op: m.ontvangenOp, omschrijving: m.omschrijving, status: m.status, geregistreerd_door: m.geregistreerdDoor,
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
    .select([
      'm.id', 'm.nummer', 'm.status', 'm.wet', 'm.kanaal', 'm.ontvangen_op', 'm.omschrijving', 'm.persoon_id', 'm.huishouden_id',
      'p.bsn', 'p.voornaam', 'p.tussenvoegsel', 'p.achternaam', 'p.geboortedatum', 'w.naam as wijk', 'k.naam as kern',
      'g.id as door_id', 'g.naam as door_naam', 'm.aangemaakt_op',
    ]);

type Row = Awaited<ReturnType<ReturnType<typeof meldingQuery>['executeTakeFirstOrThrow']>>;
const toRij = (r: Row): MeldingRij => ({
  id: r.id, nummer: r.nummer, status: r.status as MeldingStatus, wet: r.wet as Wet, kanaal: r.kanaal as Kanaal,
  ontvangenOp: r.ontvangen_op, omschrijving: r.omschrijving, persoonId: r.persoon_id, huishoudenId: r.huishouden_id,
  bsn: r.bsn, voornaam: r.voornaam, tussenvoegsel: r.tussenvoegsel, achternaam: r.achternaam, geboortedatum: r.geboortedatum,
  wijk: r.wijk, kern: r.kern, geregistreerdDoor: r.door_id && r.door_naam ? { id: r.door_id, naam: r.door_naam } : null,
  aangemaaktOp: r.aangemaakt_op,
});

export async function getMelding(tx: Tx, id: string): Promise<MeldingRij | undefined> {
  const r = await meldingQuery(tx).where('m.id', '=', id).executeTakeFirst();
  return r && toRij(r);
}

export interface MeldingFilter {
  status?: MeldingStatus | undefined;
  wet?: Wet | undefined;
  kanaal?: Kanaal | undefined;
  geregistreerdDoor?: string | undefined;
  pagina: number;
  aantal: number;
}

export async function listMeldingen(tx: Tx, f: MeldingFilter): Promise<{ rijen: MeldingRij[]; totaal: number }> {
  let q = meldingQuery(tx);
  if (f.status) q = q.where('m.status', '=', f.status);
  if (f.wet) q = q.where('m.wet', '=', f.wet);
  if (f.kanaal) q = q.where('m.kanaal', '=', f.kanaal);
  if (f.geregistreerdDoor) q = q.where('m.geregistreerd_door', '=', f.geregistreerdDoor);
  const rows = await q
    .select(sql<number>`count(*) over ()`.as('totaal'))
    .orderBy('m.ontvangen_op', 'asc')
    .orderBy('m.nummer', 'asc')
    .limit(f.aantal)
    .offset((f.pagina - 1) * f.aantal)
    .execute();
  let totaal = rows[0]?.totaal ?? 0;
  if (rows.length === 0 && f.pagina > 1) {
    let c = tx.selectFrom('meldingen as m').select(sql<number>`count(*)`.as('n'));
    if (f.status) c = c.where('m.status', '=', f.status);
    if (f.wet) c = c.where('m.wet', '=', f.wet);
    if (f.kanaal) c = c.where('m.kanaal', '=', f.kanaal);
    if (f.geregistreerdDoor) c = c.where('m.geregistreerd_door', '=', f.geregistreerdDoor);
    totaal = (await c.executeTakeFirstOrThrow()).n;
  }
  return { rijen: rows.map(toRij), totaal: Number(totaal) };
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
