/**
 * Issue 12, the beslisser's list of aanvragen: a page reads its parties (on whose behalf, who applied,
 * the representatives) in one query for all rows, counts open work in the same statement as the page,
 * and checks need-to-know per candidate row. This test keeps the reads of before as the reference —
 * the list query with count(*) over () and the set form of the access rule, and per row the person,
 * the applicant and wettelijkVertegenwoordigers, each on its own — and proves for the beslisser,
 * regisseur and teamleider, walking every page with `na`, that the rows, every field of them and the
 * counts are the same, with minors and adults who are represented; and again after changes.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genereerGemeente } from '../../demo/generator.ts';
import { maakCursor } from '../../platform/http/keyset.ts';
import { inGemeente, type Actor, type Tx } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import {
  AANVRAGER_RELATIES, AANVRAGER_RELATIE_NAAM, aanvraagPartijenVan, aanvraagPartijenVanAlle, getPersoon, isMinderjarig, volledigeNaam, wettelijkVertegenwoordigers,
  type AanvragerRelatie,
} from '../inwoners/index.ts';
import { zichtbareHuishoudens } from '../privacy/index.ts';
import { getAanvraag, type Aanvraag } from './store.ts';

let t: TestApp;
let gemeenteId: string;
const code = 'aanvraaglijst';
const rollen = {} as Record<'beslisser' | 'regisseur' | 'teamleider', { client: Client; actor: Actor }>;
/** The crafted aanvragen: a minor applied for by a parent, adults with a curator, bewindvoerder or someone else. */
const ids: Record<string, string> = {};

// ————— The reference: the reads as they were before —————

/**
 * The list query before issue 12: joins, the set form of the access rule, count(*) over (). Open
 * work on the clock: the earliest end of a running term, read here with a plain join and group by;
 * the ties (and an aanvraag without a running term, last) by receipt.
 */
async function oudeLijst(tx: Tx, actor: Actor, status: string[] | undefined) {
  let q = tx.selectFrom('aanvragen as a')
    .innerJoin('casussen as c', 'c.id', 'a.casus_id')
    .innerJoin('personen as p', 'p.id', 'a.persoon_id')
    .leftJoin('termijnen as t', (j) => j.onRef('t.aanvraag_id', '=', 'a.id').on('t.afgerond_op', 'is', null))
    .select(['a.id', 'a.ontvangen_op', 'a.nummer', sql<string | null>`min(t.uiterste_datum)::text`.as('einde'), sql<number>`count(*) over ()`.as('totaal')])
    .where(zichtbareHuishoudens(actor, 'a.huishouden_id'))
    .groupBy(['a.id', 'a.ontvangen_op', 'a.nummer']);
  if (status) q = q.where('a.status', 'in', status);
  const rows = await q.execute();
  const opTermijn = status !== undefined && !status.includes('verzonden');
  const sleutel = (r: typeof rows[0]) => `${opTermijn ? r.einde ?? '9999-99-99' : ''}|${r.ontvangen_op}|${r.nummer}`;
  rows.sort((x, y) => (sleutel(x) < sleutel(y) ? -1 : sleutel(x) > sleutel(y) ? 1 : 0));
  return { ids: rows.map((r) => r.id), totaal: Number(rows[0]?.totaal ?? 0), rijen: rows };
}

/** aanvraagPartijenVan as it was: the person, the applicant and the representatives, one read after the other. */
async function oudePartijenVan(tx: Tx, a: Aanvraag, peildatum: string) {
  const p = (await getPersoon(tx, a.persoonId))!;
  const relatie = (AANVRAGER_RELATIES as readonly string[]).includes(a.aanvragerRelatie) ? a.aanvragerRelatie as AanvragerRelatie : 'zelf';
  const ander = a.aanvragerPersoonId && a.aanvragerPersoonId !== p.id ? await getPersoon(tx, a.aanvragerPersoonId) : undefined;
  const naam = relatie === 'zelf' ? volledigeNaam(p) : a.aanvragerNaam ?? (ander ? volledigeNaam(ander) : null);
  return {
    namens: { id: p.id, naam: volledigeNaam(p), minderjarig: isMinderjarig(p.geboortedatum, peildatum) },
    aanvrager: { relatie, relatieNaam: AANVRAGER_RELATIE_NAAM[relatie], persoonId: relatie === 'zelf' ? p.id : a.aanvragerPersoonId ?? null, naam },
    vertegenwoordigers: await wettelijkVertegenwoordigers(tx, p.id, peildatum),
  };
}

// ————— The list through HTTP, every page by cursor —————

type Rij = Record<string, unknown> & { id: string; ontvangenOp: string; nummer: string };
interface Pagina { resultaten: Rij[]; totaal: number; totaalIsSchatting: boolean; volgende: string | null }

async function alleBladzijden(c: Client, pad: string, aantal: number) {
  const rijen: Rij[] = [];
  const totalen: { totaal: number; schatting: boolean }[] = [];
  let na: string | null = null;
  for (let i = 0; i < 500; i++) {
    const r: { status: number; body: Pagina } = await c.get<Pagina>(`${pad}${pad.includes('?') ? '&' : '?'}aantal=${aantal}${na ? `&na=${encodeURIComponent(na)}` : ''}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    rijen.push(...r.body.resultaten);
    totalen.push({ totaal: r.body.totaal, schatting: r.body.totaalIsSchatting });
    na = r.body.volgende;
    if (!na) break;
  }
  return { rijen, totalen };
}

const PARTIJEN = ['namens', 'aanvrager', 'vertegenwoordigers'] as const;
const FILTERS: { status?: string[]; open: boolean }[] = [
  { status: ['ingediend', 'getoetst', 'beoordeeld', 'besloten'], open: true }, // the web page's "Nog niet verzonden"
  { status: ['ingediend'], open: true }, { status: ['beoordeeld', 'besloten'], open: true },
  { status: ['verzonden'], open: false }, { open: false },
];

/** So the comparison is not vacuous. */
const gezien = { paginas: 0, rijen: 0, minderjarigMetVertegenwoordiger: 0, volwasseneMetVertegenwoordiger: 0, aanvragerAnders: 0, viaGet: 0, eerderDanOuder: 0 };

async function vergelijkAlles() {
  const peildatum = vandaag();
  for (const [rol, { client, actor }] of Object.entries(rollen)) {
    for (const f of FILTERS) {
      const wat = `${rol} ${f.status?.join(',') ?? 'alle'}`;
      const pad = `/api/v1/aanvragen${f.status ? `?status=${f.status.join(',')}` : ''}`;
      const oud = await inGemeente(t.database.db, gemeenteId, (tx) => oudeLijst(tx, actor, f.status));
      const nieuw = await alleBladzijden(client, pad, f.open ? 4 : 25);
      expect(nieuw.rijen.map((r) => r.id), `rijen en volgorde, ${wat}`).toEqual(oud.ids);
      // The clock puts a later received aanvraag before an older one: count such neighbours.
      if (f.open) nieuw.rijen.forEach((r, i) => { if (i > 0 && r.ontvangenOp < nieuw.rijen[i - 1]!.ontvangenOp) gezien.eerderDanOuder++; });
      if (nieuw.totalen.length === 1) expect(nieuw.totalen[0], wat).toEqual({ totaal: oud.totaal, schatting: false });
      else {
        for (const x of nieuw.totalen) {
          if (f.open) expect(x, `totaal op elke pagina, ${wat}`).toEqual({ totaal: oud.totaal, schatting: false });
          else expect(x.schatting, wat).toBe(true);
        }
      }
      gezien.paginas += nieuw.totalen.length;
      gezien.rijen += nieuw.rijen.length;

      // The parties of every row, as the per-row reads gave them.
      const verwacht = await inGemeente(t.database.db, gemeenteId, async (tx) => {
        const uit = [];
        for (const r of nieuw.rijen) uit.push(await oudePartijenVan(tx, (await getAanvraag(tx, r.id))!, peildatum));
        return uit;
      });
      nieuw.rijen.forEach((r, i) => {
        const v = verwacht[i]!;
        expect(Object.fromEntries(PARTIJEN.map((k) => [k, r[k]])), `partijen van ${r.nummer}, ${wat}`).toEqual(v);
        if (v.namens.minderjarig && v.vertegenwoordigers.length) gezien.minderjarigMetVertegenwoordiger++;
        if (!v.namens.minderjarig && v.vertegenwoordigers.length) gezien.volwasseneMetVertegenwoordiger++;
        if (v.aanvrager.relatie !== 'zelf') gezien.aanvragerAnders++;
      });

      // Open work: every other field as the single read gives it (beschikking, herziening, terms per row).
      if (f === FILTERS[0]) {
        for (const r of nieuw.rijen) {
          const een = await client.get<Record<string, unknown>>(`/api/v1/aanvragen/${r.id}`);
          expect(een.status).toBe(200);
          const velden = Object.keys(r).filter((k) => !(PARTIJEN as readonly string[]).includes(k));
          expect(Object.fromEntries(velden.map((k) => [k, r[k]])), `velden van ${r.nummer}, ${wat}`).toEqual(Object.fromEntries(velden.map((k) => [k, een.body[k]])));
          expect(Object.keys(r).sort()).toEqual(Object.keys(een.body).filter((k) => !['beoordeling', 'toets', 'huishouden', 'producten', 'plan', 'historie'].includes(k)).sort());
          gezien.viaGet++;
        }
        // A cursor past the last row: an empty page that still counts the whole list.
        const laatste = oud.rijen.at(-1);
        if (laatste) {
          const cursor = maakCursor([laatste.einde ?? 'infinity', laatste.ontvangen_op, laatste.nummer]);
          const leeg = await client.get<Pagina>(`${pad}&aantal=4&na=${encodeURIComponent(cursor)}`);
          expect(leeg.body, wat).toMatchObject({ resultaten: [], totaal: oud.totaal, totaalIsSchatting: false, volgende: null });
          // A cursor of the other shape (a list by receipt) is refused, not read as something else.
          const ander = await client.get<{ code: string }>(`${pad}&aantal=4&na=${encodeURIComponent(maakCursor([laatste.ontvangen_op, laatste.nummer]))}`);
          expect(ander.status, wat).toBe(400);
        }
      }
    }
  }
}

/** The batched read against the per-row one for every aanvraag of the gemeente (also sent ones), and the single read. */
async function vergelijkPartijen() {
  const peildatum = vandaag();
  await inGemeente(t.database.db, gemeenteId, async (tx) => {
    const alle = await tx.selectFrom('aanvragen').select('id').orderBy('nummer').execute();
    const aanvragen = [];
    for (const { id } of alle) { const a = await getAanvraag(tx, id); if (a) aanvragen.push(a); }
    expect(aanvragen.length).toBeGreaterThan(50);
    const samen = await aanvraagPartijenVanAlle(tx, aanvragen, peildatum);
    for (const [i, a] of aanvragen.entries()) {
      const oud = await oudePartijenVan(tx, a, peildatum);
      expect(samen[i], a.nummer).toEqual(oud);
      expect(await aanvraagPartijenVan(tx, a, peildatum), a.nummer).toEqual(oud);
    }
    // Twice the same aanvraag, in any order: each gets its own.
    const twee = [aanvragen[1]!, aanvragen[0]!, aanvragen[1]!];
    expect(await aanvraagPartijenVanAlle(tx, twee, peildatum)).toEqual([samen[1], samen[0], samen[1]]);
  });
}

beforeAll(async () => {
  t = await startTestApp();
  const r = await genereerGemeente(t.database.db, { code, naam: 'Aanvraagstad', inwoners: 800, jaren: 2, seed: 7, tot: '2026-11-27', wachtwoord: 'demo' });
  gemeenteId = r.gemeenteId;
  const owner = t.database.db;
  const g = gemeenteId;
  const gebruiker = async (naam: string) => (await sql<{ id: string }>`select id from gebruikers where gemeente_id = ${g} and gebruikersnaam = ${naam}`.execute(owner)).rows[0]!.id;
  const regisseur = await gebruiker(`${code}-regisseur1`);
  const beslisser = await gebruiker(`${code}-beslisser1`);

  // Open work enough for pages: sent aanvragen back in every open step (so they keep a beschikking
  // and terms), on a few shared dates (ties the order breaks on nummer); some wait for a second beslisser.
  const terug = (await sql<{ id: string }>`select id from aanvragen where gemeente_id = ${g} and status = 'verzonden' order by nummer limit 30`.execute(owner)).rows;
  const stappen = ['ingediend', 'getoetst', 'beoordeeld', 'besloten'];
  for (const [i, a] of terug.entries()) {
    await sql`update aanvragen set status = ${stappen[i % 4]!}, ontvangen_op = ${`2026-11-0${1 + (i % 3)}`}::date,
      eerste_beslisser = ${i % 8 === 2 ? beslisser : null} where id = ${a.id}`.execute(owner);
  }
  // The legal clock: a running term on most of them, its end date running against receipt (a later
  // aanvraag can be due first), some on the same end date (receipt breaks the tie), a few without one.
  for (const [i, a] of terug.entries()) {
    if (i % 5 === 4) continue;
    await sql`update termijnen set afgerond_op = null, uiterste_datum = ${`2026-12-${String(20 - (i % 7)).padStart(2, '0')}`}::date where aanvraag_id = ${a.id}`.execute(owner);
  }
  const open = (await sql<{ id: string; huishouden_id: string; persoon_id: string; casus_id: string }>`
    select id, huishouden_id, persoon_id, casus_id from aanvragen where gemeente_id = ${g} and status <> 'verzonden' order by nummer`.execute(owner)).rows;
  expect(open.length).toBeGreaterThan(12);
  // The crafted ones are the regisseur's, so they are in all three lists.
  for (const a of open.slice(0, 8)) await sql`update casussen set regisseur_id = ${regisseur} where id = ${a.casus_id}`.execute(owner);

  let bsn = 999000100;
  const persoon = async (huishouden: string, voornaam: string, achternaam: string, geboortedatum: string, tussenvoegsel: string | null = null, gemeente = g) =>
    (await sql<{ id: string }>`insert into personen (gemeente_id, bsn, voornaam, tussenvoegsel, achternaam, geboortedatum, straat, huisnummer, postcode, woonplaats, huishouden_id)
      values (${gemeente}, ${String(bsn++)}, ${voornaam}, ${tussenvoegsel}, ${achternaam}, ${geboortedatum}::date, 'Dorpsstraat', ${String(bsn % 100)}, '1234 AB', 'Aanvraagstad', ${huishouden})
      returning id`.execute(owner)).rows[0]!.id;
  const nieuwHuishouden = async (gemeente = g) => (await sql<{ id: string }>`insert into huishoudens (gemeente_id) values (${gemeente}) returning id`.execute(owner)).rows[0]!.id;
  const relatie = async (ander: string, soort: string, o: { persoon?: string; gezag?: boolean; extern?: string; op?: string }) =>
    (await sql<{ id: string }>`insert into relaties (gemeente_id, persoon_id, ander_id, soort, gezag, extern_naam, extern_straat, extern_huisnummer, extern_postcode, extern_plaats, aangemaakt_op)
      values (${g}, ${o.persoon ?? null}, ${ander}, ${soort}, ${o.gezag ?? false}, ${o.extern ?? null}, ${o.extern ? 'Postbus' : null}, ${o.extern ? '12' : null},
              ${o.extern ? '9999 ZZ' : null}, ${o.extern ? 'Elders' : null}, ${o.op ?? '2026-01-01T10:00:00Z'}::timestamptz)
      returning id`.execute(owner)).rows[0]!.id;

  // 1. A minor, applied for by a parent with gezag (name from the person record): a second parent
  //    without gezag, an external guardian with gezag, a curator and a partner (not for a minor).
  const [a1, a2, a3, a4, a5, a6] = open as [typeof open[0], typeof open[0], typeof open[0], typeof open[0], typeof open[0], typeof open[0]];
  const kind = await persoon(a1.huishouden_id, 'Kees', 'Minder', '2015-06-15');
  const ouder = await persoon(a1.huishouden_id, 'Anna', 'Vries', '1985-02-02', 'de');
  const andereOuder = await persoon(await nieuwHuishouden(), 'Bert', 'Minder', '1983-03-03');
  const curator = await persoon(await nieuwHuishouden(), 'Carla', 'Curator', '1970-07-07');
  ids.ouderRelatie = await relatie(kind, 'ouder', { persoon: ouder, gezag: true, op: '2026-02-01T10:00:00Z' });
  await relatie(kind, 'ouder', { persoon: andereOuder, gezag: false });
  await relatie(kind, 'ouder', { extern: 'Stichting Voogdij', gezag: true, op: '2026-02-01T10:00:00Z' }); // the same moment: the id decides
  await relatie(kind, 'curator', { persoon: curator });
  await relatie(kind, 'partner', { persoon: andereOuder });
  await sql`update aanvragen set persoon_id = ${kind}, aanvrager_relatie = 'ouder', aanvrager_persoon_id = ${ouder}, aanvrager_naam = null where id = ${a1.id}`.execute(owner);
  ids.minderjarig = a1.id;
  ids.kind = kind;

  // 2. An adult with a curator (a person), a mentor and a bewindvoerder (external), a parent with gezag
  //    (not for an adult) and a curator whose record is in another gemeente (not readable: left out).
  const demodorp = (await sql<{ id: string }>`select id from gemeenten where code = 'demodorp'`.execute(owner)).rows[0]!.id;
  const elders = await persoon(await nieuwHuishouden(demodorp), 'Dirk', 'Elders', '1960-01-01', null, demodorp);
  await relatie(a2.persoon_id, 'curator', { persoon: curator, op: '2025-05-05T10:00:00Z' });
  ids.mentor = await relatie(a2.persoon_id, 'mentor', { extern: 'Mentorschap Midden', op: '2025-04-04T10:00:00Z' });
  await relatie(a2.persoon_id, 'bewindvoerder', { extern: 'Bewindvoering Noord' });
  await relatie(a2.persoon_id, 'ouder', { persoon: ouder, gezag: true });
  await relatie(a2.persoon_id, 'curator', { persoon: elders });
  await sql`update aanvragen set aanvrager_relatie = 'bewindvoerder', aanvrager_persoon_id = null, aanvrager_naam = 'Bewindvoering Noord' where id = ${a2.id}`.execute(owner);
  ids.bewindvoerder = a2.id;

  // 3. Someone else, named only by the person record; 4. a curator with a name given; 5. 'zelf' with
  //    a stray applicant; 6. a destroyed file (its pseudonym points at no one: never in the list).
  await sql`update aanvragen set aanvrager_relatie = 'overig', aanvrager_persoon_id = ${andereOuder}, aanvrager_naam = null where id = ${a3.id}`.execute(owner);
  await sql`update aanvragen set aanvrager_relatie = 'curator', aanvrager_persoon_id = ${curator}, aanvrager_naam = 'C. Curator' where id = ${a4.id}`.execute(owner);
  await sql`update aanvragen set aanvrager_relatie = 'zelf', aanvrager_persoon_id = ${ouder}, aanvrager_naam = 'Iemand' where id = ${a5.id}`.execute(owner);
  await sql`update aanvragen set persoon_id = gen_random_uuid() where id = ${a6.id}`.execute(owner);
  ids.overig = a3.id;

  // A herziening after a bezwaar: the list names that bezwaar.
  const beschikking = (await sql<{ id: string }>`select id from beschikkingen where gemeente_id = ${g} order by nummer desc limit 1`.execute(owner)).rows[0]!.id;
  await sql`insert into bezwaren (gemeente_id, nummer, beschikking_id, ontvangen_op, omschrijving, tijdig, beslistermijn_einde, status, uitkomst, herziening_aanvraag_id)
    values (${g}, 'BZ-2026-000001', ${beschikking}, '2026-10-01', 'Proef', true, '2026-12-01', 'beslist', 'gegrond', ${a4.id})`.execute(owner);

  const rijen = await owner.selectFrom('gebruikers').select(['id', 'gebruikersnaam', 'rollen', 'gemeente_id'])
    .where('gemeente_id', '=', g).where('gebruikersnaam', 'in', [`${code}-beslisser1`, `${code}-regisseur1`, `${code}-teamleider`]).execute();
  for (const u of rijen) {
    const rol = u.gebruikersnaam.endsWith('beslisser1') ? 'beslisser' : u.gebruikersnaam.endsWith('regisseur1') ? 'regisseur' : 'teamleider';
    rollen[rol] = {
      client: await t.login(u.gebruikersnaam),
      actor: { gebruikerId: u.id, gebruikersnaam: u.gebruikersnaam, gemeenteId: u.gemeente_id, rollen: u.rollen, rol: u.rollen[0]!, aanbiederId: null },
    };
  }
  expect(Object.keys(rollen)).toHaveLength(3);
}, 600_000);
afterAll(async () => t?.close());

describe('de lijst van aanvragen (werkvoorraad van de beslisser)', () => {
  it('geeft voor beslisser, regisseur en teamleider dezelfde rijen, velden en totalen als de lezingen per rij van voorheen', async () => {
    await vergelijkAlles();
    await vergelijkPartijen();
    expect(gezien.paginas).toBeGreaterThan(30);
    expect(gezien.minderjarigMetVertegenwoordiger).toBeGreaterThan(0);
    expect(gezien.volwasseneMetVertegenwoordiger).toBeGreaterThan(0);
    expect(gezien.aanvragerAnders).toBeGreaterThan(0);
    expect(gezien.viaGet).toBeGreaterThan(20);
    expect(gezien.eerderDanOuder).toBeGreaterThan(5);
    // The minor's parties, spelled out once.
    const r = await rollen.beslisser.client.get<Pagina>('/api/v1/aanvragen?status=ingediend,getoetst,beoordeeld,besloten&aantal=200');
    const minderjarig = r.body.resultaten.find((x) => x.id === ids.minderjarig)!;
    expect(minderjarig).toMatchObject({
      namens: { id: ids.kind, naam: 'Kees Minder', minderjarig: true },
      aanvrager: { relatie: 'ouder', relatieNaam: 'ouder met gezag', naam: 'Anna de Vries' },
    });
    expect((minderjarig.vertegenwoordigers as { naam: string }[]).map((v) => v.naam).sort()).toEqual(['Anna de Vries', 'Stichting Voogdij']);
    expect(r.body.resultaten.find((x) => x.id === ids.bewindvoerder)!.vertegenwoordigers).toHaveLength(3);
  }, 600_000);

  it('en na wijzigingen: gezag, vertegenwoordiging, een stap, een verzonden aanvraag, een andere regisseur', async () => {
    const owner = t.database.db;
    await sql`update relaties set gezag = false where id = ${ids.ouderRelatie}`.execute(owner);
    await sql`delete from relaties where id = ${ids.mentor}`.execute(owner);
    await sql`insert into relaties (gemeente_id, ander_id, soort, extern_naam) select gemeente_id, persoon_id, 'mentor', 'Mentor Twee' from aanvragen where id = ${ids.bewindvoerder}`.execute(owner);
    await sql`update aanvragen set status = 'getoetst' where id = (select id from aanvragen where gemeente_id = ${gemeenteId} and status = 'ingediend' order by nummer desc limit 1)`.execute(owner);
    await sql`update aanvragen set status = 'verzonden' where id = (select id from aanvragen where gemeente_id = ${gemeenteId} and status = 'besloten' order by nummer limit 1)`.execute(owner);
    await sql`update casussen set regisseur_id = (select id from gebruikers where gemeente_id = ${gemeenteId} and gebruikersnaam = ${`${code}-regisseur2`})
      where id = (select casus_id from aanvragen where id = ${ids.overig})`.execute(owner);
    await vergelijkAlles();
    await vergelijkPartijen();
  }, 600_000);
});
