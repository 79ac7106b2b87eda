import type { Tx } from '../../platform/tenancy/tx.ts';

export interface PersoonInvoer {
  bsn: string;
  voornaam: string;
  tussenvoegsel?: string | undefined;
  achternaam: string;
  geboortedatum: string;
  adres?: { straat: string; huisnummer: string; postcode: string; woonplaats?: string | undefined; wijkId?: string | undefined } | undefined;
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
}

const persoonQuery = (tx: Tx) =>
  tx
    .selectFrom('personen as p')
    .leftJoin('wijken as w', 'w.id', 'p.wijk_id')
    .leftJoin('kernen as k', 'k.id', 'w.kern_id')
    .select([
      'p.id', 'p.bsn', 'p.voornaam', 'p.tussenvoegsel', 'p.achternaam', 'p.geboortedatum', 'p.straat', 'p.huisnummer',
      'p.postcode', 'p.woonplaats', 'p.wijk_id', 'w.naam as wijk', 'k.naam as kern', 'p.huishouden_id',
    ]);

type PersoonRow = Awaited<ReturnType<ReturnType<typeof persoonQuery>['executeTakeFirstOrThrow']>>;
const toPersoon = (r: PersoonRow): Persoon => ({
  id: r.id, bsn: r.bsn, voornaam: r.voornaam, tussenvoegsel: r.tussenvoegsel, achternaam: r.achternaam, geboortedatum: r.geboortedatum,
  straat: r.straat, huisnummer: r.huisnummer, postcode: r.postcode, woonplaats: r.woonplaats, wijkId: r.wijk_id, wijk: r.wijk,
  kern: r.kern, huishoudenId: r.huishouden_id,
});

export async function findPersoonByBsn(tx: Tx, bsn: string): Promise<Persoon | undefined> {
  const r = await persoonQuery(tx).where('p.bsn', '=', bsn).executeTakeFirst();
  return r && toPersoon(r);
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

/** A new person gets a household of their own; moving into another household is a later step. */
export async function createPersoon(tx: Tx, gemeenteId: string, p: PersoonInvoer): Promise<Persoon> {
  const huishouden = await tx.insertInto('huishoudens').values({ gemeente_id: gemeenteId }).returning('id').executeTakeFirstOrThrow();
  const { id } = await tx
    .insertInto('personen')
    .values({
      gemeente_id: gemeenteId, bsn: p.bsn, voornaam: p.voornaam, tussenvoegsel: p.tussenvoegsel ?? null, achternaam: p.achternaam,
      geboortedatum: p.geboortedatum, straat: p.adres?.straat ?? null, huisnummer: p.adres?.huisnummer ?? null,
      postcode: p.adres?.postcode ?? null, woonplaats: p.adres?.woonplaats ?? null, wijk_id: p.adres?.wijkId ?? null,
      huishouden_id: huishouden.id,
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
