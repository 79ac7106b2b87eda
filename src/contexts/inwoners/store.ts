import type { Updateable } from 'kysely';
import type { PersonenTable } from '../../platform/db/schema.ts';
import type { Tx } from '../../platform/tenancy/tx.ts';

export interface PersoonInvoer {
  bsn: string;
  voornaam: string;
  tussenvoegsel?: string | undefined;
  achternaam: string;
  geboortedatum: string;
  adres?: { straat: string; huisnummer: string; postcode: string; woonplaats?: string | undefined; wijkId?: string | undefined } | undefined;
  /** The person said they have no fixed address (dakloos): no address is then not an omission. */
  geenVastAdres?: boolean | undefined;
  telefoon?: string | undefined;
  email?: string | undefined;
  bron?: 'invoer' | 'brp' | undefined;
}

export interface Persoon {
  id: string;
  bsn: string;
  voornaam: string;
  tussenvoegsel: string | null;
  achternaam: string;
  geboortedatum: string;
  straat: string | null;
  huisnummer: string | null;
  postcode: string | null;
  woonplaats: string | null;
  wijkId: string | null;
  wijk: string | null;
  kern: string | null;
  huishoudenId: string;
  telefoon: string | null;
  email: string | null;
  geenVastAdres: boolean;
  bron: 'invoer' | 'brp';
}

const persoonQuery = (tx: Tx) =>
  tx
    .selectFrom('personen as p')
    .leftJoin('wijken as w', 'w.id', 'p.wijk_id')
    .leftJoin('kernen as k', 'k.id', 'w.kern_id')
    .select([
      'p.id', 'p.bsn', 'p.voornaam', 'p.tussenvoegsel', 'p.achternaam', 'p.geboortedatum', 'p.straat', 'p.huisnummer',
      'p.postcode', 'p.woonplaats', 'p.wijk_id', 'w.naam as wijk', 'k.naam as kern', 'p.huishouden_id',
      'p.telefoon', 'p.email', 'p.geen_vast_adres', 'p.bron',
    ]);

type PersoonRow = Awaited<ReturnType<ReturnType<typeof persoonQuery>['executeTakeFirstOrThrow']>>;
const toPersoon = (r: PersoonRow): Persoon => ({
  id: r.id, bsn: r.bsn, voornaam: r.voornaam, tussenvoegsel: r.tussenvoegsel, achternaam: r.achternaam, geboortedatum: r.geboortedatum,
  straat: r.straat, huisnummer: r.huisnummer, postcode: r.postcode, woonplaats: r.woonplaats, wijkId: r.wijk_id, wijk: r.wijk,
  kern: r.kern, huishoudenId: r.huishouden_id, telefoon: r.telefoon, email: r.email, geenVastAdres: r.geen_vast_adres,
  bron: r.bron === 'brp' ? 'brp' : 'invoer',
});

export async function findPersoonByBsn(tx: Tx, bsn: string): Promise<Persoon | undefined> {
  const r = await persoonQuery(tx).where('p.bsn', '=', bsn).executeTakeFirst();
  return r && toPersoon(r);
}

/** Many persons by BSN in one query (a batch of incoming messages). */
export async function findPersonenByBsn(tx: Tx, bsns: readonly string[]): Promise<Persoon[]> {
  if (!bsns.length) return [];
  return (await persoonQuery(tx).where('p.bsn', 'in', [...new Set(bsns)]).execute()).map(toPersoon);
}

/** Many persons in one query (bulk work: the messages of thousands of clients). */
export async function getPersonen(tx: Tx, ids: readonly string[]): Promise<Persoon[]> {
  if (!ids.length) return [];
  return (await persoonQuery(tx).where('p.id', 'in', [...ids]).execute()).map(toPersoon);
}

export async function getPersoon(tx: Tx, id: string): Promise<Persoon | undefined> {
  const r = await persoonQuery(tx).where('p.id', '=', id).executeTakeFirst();
  return r && toPersoon(r);
}

export async function huishoudenLeden(tx: Tx, huishoudenId: string): Promise<Persoon[]> {
  const rows = await persoonQuery(tx).where('p.huishouden_id', '=', huishoudenId).orderBy('p.geboortedatum').execute();
  return rows.map(toPersoon);
}

export async function wijkBestaat(tx: Tx, wijkId: string): Promise<boolean> {
  return (await tx.selectFrom('wijken').select('id').where('id', '=', wijkId).executeTakeFirst()) !== undefined;
}

/** A new person gets a household of their own, unless they are added to an existing one. */
export async function createPersoon(tx: Tx, gemeenteId: string, p: PersoonInvoer, inHuishouden?: string): Promise<Persoon> {
  const huishouden = inHuishouden
    ? { id: inHuishouden }
    : await tx.insertInto('huishoudens').values({ gemeente_id: gemeenteId }).returning('id').executeTakeFirstOrThrow();
  const wijkId = p.adres?.wijkId ?? (p.adres ? await wijkBijPostcode(tx, p.adres.postcode) : null);
  const { id } = await tx
    .insertInto('personen')
    .values({
      gemeente_id: gemeenteId, bsn: p.bsn, voornaam: p.voornaam, tussenvoegsel: p.tussenvoegsel ?? null, achternaam: p.achternaam,
      geboortedatum: p.geboortedatum, straat: p.adres?.straat ?? null, huisnummer: p.adres?.huisnummer ?? null,
      postcode: p.adres?.postcode ?? null, woonplaats: p.adres?.woonplaats ?? null, wijk_id: wijkId,
      huishouden_id: huishouden.id, telefoon: p.telefoon ?? null, email: p.email ?? null,
      geen_vast_adres: !p.adres && p.geenVastAdres === true, bron: p.bron ?? 'invoer',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await getPersoon(tx, id))!;
}

export interface Kern { id: string; naam: string; wijken: { id: string; naam: string }[] }

export async function listGebieden(tx: Tx): Promise<Kern[]> {
  const rows = await tx
    .selectFrom('kernen as k')
    .leftJoin('wijken as w', 'w.kern_id', 'k.id')
    .select(['k.id as kern_id', 'k.naam as kern', 'w.id as wijk_id', 'w.naam as wijk'])
    .orderBy('k.naam')
    .orderBy('w.naam')
    .execute();
  const kernen = new Map<string, Kern>();
  for (const r of rows) {
    const k = kernen.get(r.kern_id) ?? { id: r.kern_id, naam: r.kern, wijken: [] };
    kernen.set(r.kern_id, k);
    if (r.wijk_id && r.wijk) k.wijken.push({ id: r.wijk_id, naam: r.wijk });
  }
  return [...kernen.values()];
}

/** The wijk of a postcode, from the gemeente's postcode areas (its four digits); null when outside them. */
export async function wijkBijPostcode(tx: Tx, postcode: string): Promise<string | null> {
  const pc4 = postcode.trim().slice(0, 4);
  if (!/^[1-9]\d{3}$/.test(pc4)) return null;
  const r = await tx.selectFrom('postcodegebieden').select('wijk_id').where('postcode4', '=', pc4).executeTakeFirst();
  return r?.wijk_id ?? null;
}

export interface ContactWijziging {
  adres?: { straat: string; huisnummer: string; postcode: string; woonplaats: string | null; wijkId: string | null } | null | undefined;
  geenVastAdres?: boolean | undefined;
  telefoon?: string | null | undefined;
  email?: string | null | undefined;
}

export async function wijzigContact(tx: Tx, persoonId: string, w: ContactWijziging): Promise<void> {
  const set: Updateable<PersonenTable> = {};
  if (w.adres !== undefined) {
    Object.assign(set, w.adres
      ? { straat: w.adres.straat, huisnummer: w.adres.huisnummer, postcode: w.adres.postcode, woonplaats: w.adres.woonplaats, wijk_id: w.adres.wijkId, geen_vast_adres: false }
      : { straat: null, huisnummer: null, postcode: null, woonplaats: null, wijk_id: null });
  }
  if (w.geenVastAdres !== undefined) set.geen_vast_adres = w.geenVastAdres;
  if (w.telefoon !== undefined) set.telefoon = w.telefoon;
  if (w.email !== undefined) set.email = w.email;
  if (Object.keys(set).length === 0) return;
  await tx.updateTable('personen').set(set).where('id', '=', persoonId).execute();
}

/** Name and birth date as the BRP knows them (the BRP is the authority once connected). */
export async function zetBrpGegevens(tx: Tx, persoonId: string, g: { voornaam: string; tussenvoegsel: string | null; achternaam: string; geboortedatum: string }): Promise<void> {
  await tx.updateTable('personen').set({ ...g, bron: 'brp' }).where('id', '=', persoonId).execute();
}

export interface RelatieRij {
  id: string;
  persoonId: string | null;
  anderId: string;
  soort: 'partner' | 'ouder' | 'overig' | 'curator' | 'mentor' | 'bewindvoerder';
  gezag: boolean;
  extern: { naam: string; straat: string | null; huisnummer: string | null; postcode: string | null; plaats: string | null } | null;
  bron: 'invoer' | 'brp';
}

/** Every relation touching any of these persons (both directions). */
export async function relatiesVan(tx: Tx, persoonIds: readonly string[]): Promise<RelatieRij[]> {
  if (persoonIds.length === 0) return [];
  const rows = await tx.selectFrom('relaties').selectAll()
    .where((eb) => eb.or([eb('ander_id', 'in', persoonIds), eb('persoon_id', 'in', persoonIds)]))
    .orderBy('aangemaakt_op').orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id, persoonId: r.persoon_id, anderId: r.ander_id, soort: r.soort as RelatieRij['soort'], gezag: r.gezag,
    extern: r.extern_naam ? { naam: r.extern_naam, straat: r.extern_straat, huisnummer: r.extern_huisnummer, postcode: r.extern_postcode, plaats: r.extern_plaats } : null,
    bron: r.bron === 'brp' ? 'brp' : 'invoer',
  }));
}

export async function insertRelatie(tx: Tx, gemeenteId: string, r: Omit<RelatieRij, 'id'>): Promise<string> {
  const { id } = await tx.insertInto('relaties').values({
    gemeente_id: gemeenteId, persoon_id: r.persoonId, ander_id: r.anderId, soort: r.soort, gezag: r.gezag, bron: r.bron,
    extern_naam: r.extern?.naam ?? null, extern_straat: r.extern?.straat ?? null, extern_huisnummer: r.extern?.huisnummer ?? null,
    extern_postcode: r.extern?.postcode ?? null, extern_plaats: r.extern?.plaats ?? null,
  }).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function zetGezag(tx: Tx, relatieId: string, gezag: boolean): Promise<void> {
  await tx.updateTable('relaties').set({ gezag }).where('id', '=', relatieId).execute();
}

export async function huishoudenBestaat(tx: Tx, id: string): Promise<boolean> {
  return (await tx.selectFrom('huishoudens').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** The household's hoofdpersoon: the member registered first (usually the one who came with the question). */
export async function hoofdpersoonVan(tx: Tx, huishoudenId: string): Promise<string | undefined> {
  const r = await tx.selectFrom('personen').select('id').where('huishouden_id', '=', huishoudenId)
    .orderBy('aangemaakt_op').orderBy('geboortedatum').limit(1).executeTakeFirst();
  return r?.id;
}
