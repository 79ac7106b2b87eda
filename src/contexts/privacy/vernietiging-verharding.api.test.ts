import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_AUDIT_SLEUTEL } from '../../platform/audit/sleutel.ts';
import { verifyChain } from '../../platform/audit/store.ts';
import type { DB } from '../../platform/db/schema.ts';
import { inGemeente, type Tx } from '../../platform/tenancy/tx.ts';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { schoonOpZonderDossier } from './bewaren-opschonen.ts';

/**
 * Security review of issue 11 (migration 0018): what the app role could do with its own SQL,
 * outside the use cases — the database now refuses it. And the personal data outside any file
 * is removed after its term by the daily retention job.
 */

let t: TestApp;
let db: Kysely<DB>;
let demodorp: string;
let huishouden: string;

class Terugdraaien extends Error {}

/** As the app role in demodorp, in a transaction that is always rolled back. */
async function alsApp(fn: (tx: Tx) => Promise<unknown>): Promise<void> {
  await inGemeente(db, demodorp, async (tx) => {
    // No open list of an earlier test in the way (at most one per gemeente); undone with the rest.
    await tx.updateTable('vernietigingslijsten').set({ status: 'afgewezen' }).where('status', 'in', ['concept', 'terGoedkeuring']).execute();
    await fn(tx);
    throw new Terugdraaien();
  }).catch((e: unknown) => {
    if (!(e instanceof Terugdraaien)) throw e;
  });
}

const nu = () => new Date();
const morgen = () => sql<string>`((now() at time zone 'Europe/Amsterdam')::date + 1)`;

async function conceptLijst(tx: Tx, nummer: string): Promise<string> {
  const { id } = await tx.insertInto('vernietigingslijsten').values({ gemeente_id: demodorp, nummer, peildatum: '2026-01-01', status: 'concept' })
    .returning('id').executeTakeFirstOrThrow();
  return id;
}

async function item(tx: Tx, lijstId: string, per: string | ReturnType<typeof morgen> = '2020-01-01'): Promise<string> {
  const { id } = await tx.insertInto('vernietigingslijst_items').values({
    gemeente_id: demodorp, lijst_id: lijstId, huishouden_id: huishouden, soort: 'wmo', ref: 'C-TEST', nummers: [], einde: '2000-01-01', vernietigbaar_per: per, grondslag: 'test',
  }).returning('id').executeTakeFirstOrThrow();
  return id;
}

const aanbieden = (tx: Tx, id: string) => tx.updateTable('vernietigingslijsten').set({ status: 'terGoedkeuring', aangeboden_op: nu() }).where('id', '=', id).execute();
async function goedkeuren(tx: Tx, id: string): Promise<void> {
  const archivaris = await tx.selectFrom('gebruikers').select('id').where('gebruikersnaam', '=', 'archivaris').executeTakeFirstOrThrow();
  await tx.updateTable('vernietigingslijsten').set({ status: 'goedgekeurd', beoordeeld_door: archivaris.id, beoordeeld_op: nu() }).where('id', '=', id).execute();
}

/** Runs fn in a savepoint and returns its error message (the transaction goes on after it). */
async function fout(tx: Tx, fn: () => Promise<unknown>): Promise<string> {
  await sql`savepoint poging`.execute(tx);
  try {
    await fn();
  } catch (e) {
    await sql`rollback to savepoint poging`.execute(tx);
    return e instanceof Error ? e.message : String(e);
  }
  await sql`release savepoint poging`.execute(tx);
  return 'gelukt';
}

beforeAll(async () => {
  t = await startTestApp();
  db = t.database.db;
  demodorp = (await db.selectFrom('gemeenten').select('id').where('code', '=', 'demodorp').executeTakeFirstOrThrow()).id;
  huishouden = (await db.selectFrom('personen').select('huishouden_id').where('gemeente_id', '=', demodorp).executeTakeFirstOrThrow()).huishouden_id!;
}, 120_000);
afterAll(async () => t?.close());

describe('een vernietigingslijst gaat alleen door haar goedkeuring, ook voor de app-rol met eigen SQL', () => {
  it('een lijst die al goedgekeurd binnenkomt weigert de database', async () => {
    await alsApp(async (tx) => {
      const m = await fout(tx, () => tx.insertInto('vernietigingslijsten').values({ gemeente_id: demodorp, nummer: 'VL-TEST-1', peildatum: '2026-01-01', status: 'goedgekeurd', beoordeeld_op: nu() }).execute());
      expect(m).toMatch(/begint als concept/);
    });
  });

  it('een concept in één stap goedkeuren, of aanbieden zonder moment, weigert de database', async () => {
    await alsApp(async (tx) => {
      const id = await conceptLijst(tx, 'VL-TEST-2');
      expect(await fout(tx, () => goedkeuren(tx, id))).toMatch(/geen stap van de goedkeuring/);
      expect(await fout(tx, () => tx.updateTable('vernietigingslijsten').set({ status: 'terGoedkeuring' }).where('id', '=', id).execute())).toMatch(/moment van aanbieden/);
    });
  });

  it('een dossier toevoegen aan een aangeboden of goedgekeurde lijst weigert de database', async () => {
    await alsApp(async (tx) => {
      const id = await conceptLijst(tx, 'VL-TEST-3');
      await aanbieden(tx, id);
      expect(await fout(tx, () => item(tx, id))).toMatch(/alleen op een vernietigingslijst die nog concept is/);
      await goedkeuren(tx, id);
      expect(await fout(tx, () => item(tx, id))).toMatch(/alleen op een vernietigingslijst die nog concept is/);
    });
  });

  it('een uitzondering na de goedkeuring ongedaan maken, of zelf "vernietigd" noteren, weigert de database', async () => {
    await alsApp(async (tx) => {
      const id = await conceptLijst(tx, 'VL-TEST-4');
      const i = await item(tx, id);
      await tx.updateTable('vernietigingslijst_items').set({ uitgezonderd_reden: 'Lopende rechtszaak', uitgezonderd_op: nu() }).where('id', '=', i).execute();
      await aanbieden(tx, id);
      await goedkeuren(tx, id);
      expect(await fout(tx, () => tx.updateTable('vernietigingslijst_items').set({ uitgezonderd_reden: null, uitgezonderd_op: null }).where('id', '=', i).execute()))
        .toMatch(/Uitzonderen kan één keer/);
      expect(await fout(tx, () => tx.updateTable('vernietigingslijst_items').set({ uitgevoerd_op: nu() }).where('id', '=', i).execute()))
        .toMatch(/Alleen de vernietiging zelf/);
    });
  });

  it('een dossier waarvan de bewaartermijn nog niet is verstreken vernietigt de functie niet, ook niet op een goedgekeurde lijst', async () => {
    await alsApp(async (tx) => {
      const id = await conceptLijst(tx, 'VL-TEST-5');
      await item(tx, id, morgen());
      await aanbieden(tx, id);
      await goedkeuren(tx, id);
      expect(await fout(tx, () => sql`select vernietig_huishouden(${id}::uuid, ${huishouden}::uuid)`.execute(tx))).toMatch(/nog niet verstreken/);
      const personen = await tx.selectFrom('personen').select('id').where('huishouden_id', '=', huishouden).execute();
      expect(personen.length).toBeGreaterThan(0);
    });
  });
});

describe('audittrail: geen regels buiten de keten', () => {
  it('de app-rol kan een regel niet op plaats 0 of lager in de keten zetten', async () => {
    await alsApp(async (tx) => {
      await tx.insertInto('auditlog').values({ gemeente_id: demodorp, moment: nu(), gebruikersnaam: 'x', rol: 'x', actie: 'lezen', resource_type: 'x', resource_id: 'buiten', doel: 'x' }).execute();
      const m = await fout(tx, () => tx.updateTable('auditlog').set({ volgnummer: 0, vorige_hash: 'x', hash: 'y' }).where('resource_id', '=', 'buiten').where('volgnummer', 'is', null).execute());
      expect(m).toMatch(/auditlog_volgnummer_positief/);
    });
  });

  it('een gekoppelde regel buiten de keten (de controle op plaats > 0 weggehaald door de eigenaar) meldt de verificatie', async () => {
    await db.transaction().execute(async (tx) => {
      expect((await verifyChain(tx, demodorp, TEST_AUDIT_SLEUTEL)).bevindingen.map((b) => b.soort)).not.toContain('buiten-keten');
      await sql`alter table auditlog drop constraint auditlog_volgnummer_positief`.execute(tx);
      await tx.insertInto('auditlog').values({ gemeente_id: demodorp, moment: nu(), gebruikersnaam: 'x', rol: 'x', actie: 'lezen', resource_type: 'x', resource_id: 'buiten', doel: 'x' }).execute();
      await tx.updateTable('auditlog').set({ volgnummer: -1, vorige_hash: 'x', hash: 'y' }).where('resource_id', '=', 'buiten').where('volgnummer', 'is', null).execute();
      const v = await verifyChain(tx, demodorp, TEST_AUDIT_SLEUTEL);
      expect(v.geldig).toBe(false);
      expect(v.bevindingen.find((b) => b.soort === 'buiten-keten')?.toelichting).toMatch(/1 regel\(s\) staan buiten de keten/);
      throw new Terugdraaien();
    }).catch((e: unknown) => {
      if (!(e instanceof Terugdraaien)) throw e;
    });
    // The constraint is back (the transaction was rolled back).
    const c = await sql<{ n: number }>`select count(*)::int as n from pg_constraint where conname = 'auditlog_volgnummer_positief'`.execute(db);
    expect(c.rows[0]!.n).toBe(1);
  });
});

describe('doorbraak: hoogstens een dag, ook in de database', () => {
  it('de app-rol kan geen doorbraak van meerdere dagen, met een eigen aanmaakmoment of al beoordeeld vastleggen', async () => {
    await alsApp(async (tx) => {
      const casus = await tx.selectFrom('casussen').select(['id', 'huishouden_id']).executeTakeFirstOrThrow();
      const gebruiker = await tx.selectFrom('gebruikers').select('id').where('gebruikersnaam', '=', 'regisseur3').executeTakeFirstOrThrow();
      const basis = { gemeente_id: demodorp, casus_id: casus.id, huishouden_id: casus.huishouden_id, gebruiker_id: gebruiker.id, reden: 'Vervanging tijdens de vakantie' };
      expect(await fout(tx, () => tx.insertInto('dossier_doorbraken').values({ ...basis, geldig_tot: sql<Date>`now() + interval '3 days'` }).execute()))
        .toMatch(/dossier_doorbraken_hoogstens_een_dag/);
      expect(await fout(tx, () => tx.insertInto('dossier_doorbraken').values({ ...basis, geldig_tot: sql<Date>`now() + interval '30 days'`, aangemaakt_op: sql<Date>`now() + interval '29 days'` }).execute()))
        .toMatch(/permission denied/);
      expect(await fout(tx, () => tx.insertInto('dossier_doorbraken').values({ ...basis, geldig_tot: sql<Date>`now() + interval '1 hour'`, beoordeling: 'terecht', beoordeeld_op: nu(), beoordeeld_door: gebruiker.id }).execute()))
        .toMatch(/permission denied/);
      expect(await fout(tx, () => tx.insertInto('dossier_doorbraken').values({ ...basis, geldig_tot: sql<Date>`now() + interval '1 hour'` }).execute())).toBe('gelukt');
    });
  });
});

describe('gegevens zonder dossier worden na hun termijn verwijderd door de dagelijkse taak', () => {
  it('oude inlogpogingen, tellingen van het formulier en nooit gekoppelde online meldingen gaan; recente blijven; één samenvatting in de audittrail', async () => {
    const oud = (dagen: number) => sql<Date>`now() - make_interval(days => ${dagen})`;
    await db.insertInto('inlogpogingen').values([
      { gebruikersnaam: 'opschoon-oud', ip: '192.0.2.1', geslaagd: false, moment: oud(91) },
      { gebruikersnaam: 'opschoon-nieuw', ip: '192.0.2.2', geslaagd: false, moment: oud(1) },
    ]).execute();
    await db.insertInto('publieke_verzoeken').values([{ ip_hash: 'opschoon-oud', moment: oud(31) }, { ip_hash: 'opschoon-nieuw', moment: oud(1) }]).execute();
    const dag = (dagen: number) => sql<string>`((now() at time zone 'Europe/Amsterdam')::date - ${dagen}::int)`;
    const ingediend = JSON.stringify({ persoon: { bsn: '999999999', achternaam: 'Opschoon' } });
    await db.insertInto('online_meldingen').values([
      { gemeente_id: demodorp, referentie: 'EV-OUD1-AFGW', ontvangen_op: dag(400), ingediend, status: 'afgewezen', behandeld_op: oud(370), reden: 'Dubbel' },
      { gemeente_id: demodorp, referentie: 'EV-NEW1-AFGW', ontvangen_op: dag(400), ingediend, status: 'afgewezen', behandeld_op: oud(10), reden: 'Dubbel' },
      { gemeente_id: demodorp, referentie: 'EV-OUD2-MTCH', ontvangen_op: dag(370), ingediend, status: 'teMatchen' },
      { gemeente_id: demodorp, referentie: 'EV-NEW2-MTCH', ontvangen_op: dag(10), ingediend, status: 'teMatchen' },
    ]).execute();

    const r = await schoonOpZonderDossier(db);
    expect(r.demodorp).toMatchObject({ inlogpogingen: 1, publiekeVerzoeken: 1, onlineMeldingenAfgewezen: 1, onlineMeldingenTeMatchen: 1 });

    expect((await db.selectFrom('inlogpogingen').select('gebruikersnaam').where('gebruikersnaam', 'like', 'opschoon-%').execute()).map((x) => x.gebruikersnaam)).toEqual(['opschoon-nieuw']);
    expect((await db.selectFrom('publieke_verzoeken').select('ip_hash').where('ip_hash', 'like', 'opschoon-%').execute()).map((x) => x.ip_hash)).toEqual(['opschoon-nieuw']);
    expect((await db.selectFrom('online_meldingen').select('referentie').where('referentie', 'like', 'EV-%').where('gemeente_id', '=', demodorp)
      .where('referentie', 'in', ['EV-OUD1-AFGW', 'EV-NEW1-AFGW', 'EV-OUD2-MTCH', 'EV-NEW2-MTCH']).orderBy('referentie').execute()).map((x) => x.referentie))
      .toEqual(['EV-NEW1-AFGW', 'EV-NEW2-MTCH']);

    const audit = await db.selectFrom('auditlog').select(['actie', 'resource_type', 'doel', 'persoon_id']).where('gemeente_id', '=', demodorp)
      .where('resource_type', '=', 'gegevens-zonder-dossier').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actie: 'verwijderen', persoon_id: null });
    expect(audit[0]!.doel).toMatch(/1 afgewezen en 1 nooit gekoppelde online meldingen/);
    expect(audit[0]!.doel).not.toMatch(/Opschoon|999999999|192\.0\.2/);

    // The app role may not delete these rows itself: only through the function.
    await inGemeente(db, demodorp, async (tx) => {
      expect(await fout(tx, () => tx.deleteFrom('online_meldingen').where('referentie', '=', 'EV-NEW2-MTCH').execute())).toMatch(/permission denied/);
    });
  });
});
