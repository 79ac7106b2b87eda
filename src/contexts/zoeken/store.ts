/**
 * Zoeken: the SQL. Search reads across the contexts' tables, read-only, the way sturing does: it
 * owns no tables, only the indexes of migration 0011 (trigram on the name, btree on the birth date).
 * Every query is answered by an index: the BSN and the numbers by their unique (gemeente_id, …)
 * index, a name with a birth date by the birth date, a name alone by the trigram index.
 */
import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * Which households' hits the searcher may get: the one access rule (privacy's zichtbaarPerRij)
 * on the named huishouden_id column, or null for the KCC's status view of a melding.
 */
export type Zichtbaar = ((kolom: string) => Expression<SqlBool>) | null;
import type { Tx } from '../../platform/tenancy/tx.ts';

/** With a birth date the day narrows to a handful of people, so the name may differ more. */
export const NAAM_MET_DATUM_DREMPEL = 0.3;
export const MAX_PERSONEN = 20;

export interface PersoonTreffer {
  id: string;
  voornaam: string;
  tussenvoegsel: string | null;
  achternaam: string;
  geboortedatum: string;
  woonplaats: string | null;
  kern: string | null;
  casusId: string | null;
  meldingId: string | null;
}


function persoonQuery(tx: Tx) {
  return tx
    .selectFrom('personen as p')
    .leftJoin('wijken as w', 'w.id', 'p.wijk_id')
    .leftJoin('kernen as k', 'k.id', 'w.kern_id')
    .select((eb) => [
      'p.id', 'p.voornaam', 'p.tussenvoegsel', 'p.achternaam', 'p.geboortedatum', 'p.woonplaats', 'k.naam as kern',
      // Where the hit leads: the household's open casus first, else its latest; else the person's latest melding.
      eb.selectFrom('casussen as c').select('c.id').whereRef('c.huishouden_id', '=', 'p.huishouden_id')
        .orderBy(sql`c.status = 'open'`, 'desc').orderBy('c.geopend_op', 'desc').limit(1).as('casus_id'),
      eb.selectFrom('meldingen as m').select('m.id').whereRef('m.persoon_id', '=', 'p.id')
        .orderBy('m.ontvangen_op', 'desc').orderBy('m.aangemaakt_op', 'desc').limit(1).as('melding_id'),
    ]);
}

type PersoonRij = Awaited<ReturnType<ReturnType<typeof persoonQuery>['execute']>>[number];
const toTreffer = (r: PersoonRij): PersoonTreffer => ({
  id: r.id, voornaam: r.voornaam, tussenvoegsel: r.tussenvoegsel, achternaam: r.achternaam, geboortedatum: r.geboortedatum,
  woonplaats: r.woonplaats, kern: r.kern, casusId: r.casus_id, meldingId: r.melding_id,
});

export async function personenOpBsn(tx: Tx, bsn: string, zichtbaar: Zichtbaar): Promise<PersoonTreffer[]> {
  let q = persoonQuery(tx).where('p.bsn', '=', bsn);
  if (zichtbaar) q = q.where(zichtbaar('p.huishouden_id'));
  return (await q.execute()).map(toTreffer);
}

/**
 * By name and/or birth date. With a date: everyone born that day whose name looks like the search,
 * by trigrams over the whole name or — for one or two wrong letters in a short surname, where
 * trigrams see too little — by edit distance of a typed word to the surname. Without a date: the
 * trigram index on the name (similarity at least 0.5, set in zoek_personen_op_naam).
 */
export async function personenOpNaam(tx: Tx, naam: string | null, geboortedatum: string | null, zichtbaar: Zichtbaar): Promise<PersoonTreffer[]> {
  let q = persoonQuery(tx);
  if (zichtbaar) q = q.where(zichtbaar('p.huishouden_id'));
  if (geboortedatum) q = q.where('p.geboortedatum', '=', geboortedatum);
  if (naam && geboortedatum) {
    const gelijkenis = sql<number>`word_similarity(zoek_normaal(${naam}), p.zoeknaam)`;
    // A typed word of 5+ letters may be 2 edits from (a word of) the surname, a shorter one 1 edit.
    const bijnaAchternaam = sql<boolean>`exists (
      select 1
      from unnest(string_to_array(zoek_normaal(${naam}), ' ')) as w(woord),
           unnest(string_to_array(zoek_normaal(p.achternaam), ' ') || replace(zoek_normaal(p.achternaam), ' ', '')) as a(deel)
      where length(w.woord) >= 3 and levenshtein(w.woord, a.deel) <= case when length(w.woord) >= 5 then 2 else 1 end
    )`;
    q = q.where(sql<boolean>`(${gelijkenis} >= ${NAAM_MET_DATUM_DREMPEL} or ${bijnaAchternaam})`).orderBy(gelijkenis, 'desc');
  } else if (naam) {
    // The trigram index through zoek_personen_op_naam (migration 0011: under row-level security the
    // trigram operator cannot use an index; the function applies the gemeente condition itself).
    const treffers = await sql<{ persoon_id: string; gelijkenis: number }>`select persoon_id, gelijkenis from zoek_personen_op_naam(${naam}, ${MAX_PERSONEN})`.execute(tx);
    if (treffers.rows.length === 0) return [];
    const volgorde = new Map(treffers.rows.map((r, i) => [r.persoon_id, i]));
    const rijen = await q.where('p.id', 'in', [...volgorde.keys()]).execute();
    return rijen.map(toTreffer).sort((a, b) => volgorde.get(a.id)! - volgorde.get(b.id)!);
  }
  const rijen = await q.orderBy('p.achternaam').orderBy('p.voornaam').limit(MAX_PERSONEN).execute();
  return rijen.map(toTreffer);
}

/** The one person a hit on a melding, casus, aanvraag or beschikking names. */
export interface Hoofdpersoon {
  persoonId: string;
  naam: { voornaam: string; tussenvoegsel: string | null; achternaam: string };
}

export interface MeldingTreffer extends Hoofdpersoon {
  id: string; nummer: string; wet: string; status: string; ontvangenOp: string;
}

export async function meldingOpNummer(tx: Tx, nummer: string, zichtbaar: Zichtbaar): Promise<MeldingTreffer | undefined> {
  let q = tx
    .selectFrom('meldingen as m')
    .innerJoin('personen as p', 'p.id', 'm.persoon_id')
    .select(['m.id', 'm.nummer', 'm.wet', 'm.status', 'm.ontvangen_op', 'p.id as persoon_id', 'p.voornaam', 'p.tussenvoegsel', 'p.achternaam'])
    .where((eb) => (nummer.startsWith('EV-') ? eb('m.publieke_referentie', '=', nummer) : eb('m.nummer', '=', nummer)));
  if (zichtbaar) q = q.where(zichtbaar('m.huishouden_id'));
  const r = await q.executeTakeFirst();
  return r && {
    id: r.id, nummer: r.nummer, wet: r.wet, status: r.status, ontvangenOp: r.ontvangen_op, persoonId: r.persoon_id,
    naam: { voornaam: r.voornaam, tussenvoegsel: r.tussenvoegsel, achternaam: r.achternaam },
  };
}

export interface CasusTreffer {
  id: string; nummer: string; status: string; regisseur: string | null;
  /** Null only for a casus without meldingen (not made by Eenvoud itself). */
  hoofdpersoon: Hoofdpersoon | null;
}

export async function casusOpNummer(tx: Tx, nummer: string, zichtbaar: Zichtbaar): Promise<CasusTreffer | undefined> {
  let q = tx
    .selectFrom('casussen as c')
    .leftJoin('gebruikers as g', 'g.id', 'c.regisseur_id')
    // The household is named after the person of its first melding.
    .leftJoinLateral(
      (eb) => eb.selectFrom('meldingen as m').innerJoin('personen as p', 'p.id', 'm.persoon_id')
        .select(['p.id as persoon_id', 'p.voornaam', 'p.tussenvoegsel', 'p.achternaam'])
        .whereRef('m.casus_id', '=', 'c.id').orderBy('m.ontvangen_op').orderBy('m.aangemaakt_op').limit(1).as('hp'),
      (join) => join.onTrue(),
    )
    .select(['c.id', 'c.nummer', 'c.status', 'g.naam as regisseur', 'hp.persoon_id', 'hp.voornaam', 'hp.tussenvoegsel', 'hp.achternaam'])
    .where('c.nummer', '=', nummer);
  if (zichtbaar) q = q.where(zichtbaar('c.huishouden_id'));
  const r = await q.executeTakeFirst();
  return r && {
    id: r.id, nummer: r.nummer, status: r.status, regisseur: r.regisseur,
    hoofdpersoon: r.persoon_id && r.voornaam !== null && r.achternaam !== null
      ? { persoonId: r.persoon_id, naam: { voornaam: r.voornaam, tussenvoegsel: r.tussenvoegsel, achternaam: r.achternaam } }
      : null,
  };
}

export interface AanvraagTreffer extends Hoofdpersoon {
  id: string; nummer: string; status: string; ontvangenOp: string;
}

export async function aanvraagOpNummer(tx: Tx, nummer: string, zichtbaar: Zichtbaar): Promise<AanvraagTreffer | undefined> {
  let q = tx
    .selectFrom('aanvragen as a')
    .innerJoin('personen as p', 'p.id', 'a.persoon_id')
    .select(['a.id', 'a.nummer', 'a.status', 'a.ontvangen_op', 'p.id as persoon_id', 'p.voornaam', 'p.tussenvoegsel', 'p.achternaam'])
    .where('a.nummer', '=', nummer);
  if (zichtbaar) q = q.where(zichtbaar('a.huishouden_id'));
  const r = await q.executeTakeFirst();
  return r && {
    id: r.id, nummer: r.nummer, status: r.status, ontvangenOp: r.ontvangen_op, persoonId: r.persoon_id,
    naam: { voornaam: r.voornaam, tussenvoegsel: r.tussenvoegsel, achternaam: r.achternaam },
  };
}

export interface BeschikkingTreffer extends Hoofdpersoon {
  id: string; nummer: string; beslotenOp: Date; verzondenOp: string | null;
}

export async function beschikkingOpNummer(tx: Tx, nummer: string, zichtbaar: Zichtbaar): Promise<BeschikkingTreffer | undefined> {
  let q = tx
    .selectFrom('beschikkingen as b')
    .innerJoin('aanvragen as a', 'a.id', 'b.aanvraag_id')
    .innerJoin('personen as p', 'p.id', 'a.persoon_id')
    .select(['b.id', 'b.nummer', 'b.besloten_op', 'b.verzonden_op', 'p.id as persoon_id', 'p.voornaam', 'p.tussenvoegsel', 'p.achternaam'])
    .where('b.nummer', '=', nummer);
  if (zichtbaar) q = q.where(zichtbaar('a.huishouden_id'));
  const r = await q.executeTakeFirst();
  return r && {
    id: r.id, nummer: r.nummer, beslotenOp: r.besloten_op, verzondenOp: r.verzonden_op, persoonId: r.persoon_id,
    naam: { voornaam: r.voornaam, tussenvoegsel: r.tussenvoegsel, achternaam: r.achternaam },
  };
}

/** What the KCC may see of a melding: its state and who handles it, not its contents. */
export interface MeldingStand {
  id: string;
  nummer: string;
  wet: string;
  kanaal: string;
  status: string;
  ontvangenOp: string;
  afgerondOp: string | null;
  persoonId: string;
  naam: { voornaam: string; tussenvoegsel: string | null; achternaam: string };
  geboortedatum: string;
  casusNummer: string | null;
  regisseur: string | null;
  team: string | null;
}

export async function meldingStand(tx: Tx, id: string): Promise<MeldingStand | undefined> {
  const r = await tx
    .selectFrom('meldingen as m')
    .innerJoin('personen as p', 'p.id', 'm.persoon_id')
    .leftJoin('casussen as c', 'c.id', 'm.casus_id')
    .leftJoin('gebruikers as g', 'g.id', 'c.regisseur_id')
    .leftJoin('teams as t', 't.id', 'g.team_id')
    .select([
      'm.id', 'm.nummer', 'm.wet', 'm.kanaal', 'm.status', 'm.ontvangen_op', 'm.afgerond_op', 'p.id as persoon_id', 'p.voornaam',
      'p.tussenvoegsel', 'p.achternaam', 'p.geboortedatum', 'c.nummer as casus_nummer', 'g.naam as regisseur', 't.naam as team',
    ])
    .where('m.id', '=', id)
    .executeTakeFirst();
  return r && {
    id: r.id, nummer: r.nummer, wet: r.wet, kanaal: r.kanaal, status: r.status, ontvangenOp: r.ontvangen_op, afgerondOp: r.afgerond_op,
    persoonId: r.persoon_id, naam: { voornaam: r.voornaam, tussenvoegsel: r.tussenvoegsel, achternaam: r.achternaam },
    geboortedatum: r.geboortedatum, casusNummer: r.casus_nummer, regisseur: r.regisseur, team: r.team,
  };
}

/** A resident as a search hit opens when there is no casus or melding to lead to (yet). */
export interface PersoonKaart {
  id: string;
  naam: { voornaam: string; tussenvoegsel: string | null; achternaam: string };
  geboortedatum: string;
  adres: { straat: string | null; huisnummer: string | null; postcode: string | null; woonplaats: string | null };
  casussen: { id: string; nummer: string; status: string }[];
  meldingen: { id: string; nummer: string; status: string; ontvangenOp: string }[];
}

export async function persoonKaart(tx: Tx, id: string): Promise<PersoonKaart | undefined> {
  const p = await tx.selectFrom('personen')
    .select(['id', 'voornaam', 'tussenvoegsel', 'achternaam', 'geboortedatum', 'straat', 'huisnummer', 'postcode', 'woonplaats', 'huishouden_id'])
    .where('id', '=', id).executeTakeFirst();
  if (!p) return undefined;
  const casussen = await tx.selectFrom('casussen').select(['id', 'nummer', 'status']).where('huishouden_id', '=', p.huishouden_id)
    .orderBy('geopend_op', 'desc').execute();
  const meldingen = await tx.selectFrom('meldingen').select(['id', 'nummer', 'status', 'ontvangen_op']).where('persoon_id', '=', p.id)
    .orderBy('ontvangen_op', 'desc').execute();
  return {
    id: p.id, naam: { voornaam: p.voornaam, tussenvoegsel: p.tussenvoegsel, achternaam: p.achternaam }, geboortedatum: p.geboortedatum,
    adres: { straat: p.straat, huisnummer: p.huisnummer, postcode: p.postcode, woonplaats: p.woonplaats },
    casussen, meldingen: meldingen.map((m) => ({ id: m.id, nummer: m.nummer, status: m.status, ontvangenOp: m.ontvangen_op })),
  };
}
