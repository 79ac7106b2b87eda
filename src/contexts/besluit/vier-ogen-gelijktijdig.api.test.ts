/**
 * Four eyes under truly concurrent transactions (issue 11, point 8). On embedded PGlite transactions run
 * one at a time, so a "two deciders at once" test there cannot tell whether the row lock works: it passed
 * with the lock removed, because the unique index on beschikkingen.aanvraag_id stopped the second decider.
 * Here, on the PostgreSQL server, two decisions run on two connections, interleaved on purpose:
 * decider 1 has decided but not yet committed while decider 2 starts. With the lock, decider 2 waits for
 * the row, reads `besloten` and gets the four-eyes answer (409 ongeldige-statusovergang). With a plain read
 * instead of the lock (the `lees` seam of `beslis`), decider 2 reads `beoordeeld`, passes the four-eyes
 * check, and only the unique index stops it — a database error, not the rule: the lock is what holds.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Problem } from '../../platform/http/problem.ts';
import { inGemeente, type Actor } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { startTestApp, voorbeeldMelding, type Client, type TestApp } from '../../testing/harness.ts';
import { getAanvraag } from './store.ts';
import { beslis } from './usecases.ts';

const opServer = process.env.EENVOUD_TEST_DB === 'server';

describe.skipIf(!opServer)('vier ogen onder echt gelijktijdige transacties (alleen op de PostgreSQL-server: zet TEST_DATABASE_URL; PGlite voert één transactie tegelijk uit)', () => {
  let t: TestApp;
  let regisseur: Client;
  let teamleider: Client;
  let gemeenteId: string;
  let beslisser1: Actor;
  let beslisser2: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    [regisseur, teamleider] = await Promise.all([t.login('regisseur'), t.login('teamleider')]);
    gemeenteId = (await t.database.db.selectFrom('gemeenten').select('id').where('code', '=', 'demodorp').executeTakeFirstOrThrow()).id;
    const actor = async (naam: string): Promise<Actor> => {
      const g = await t.database.db.selectFrom('gebruikers').select(['id', 'rollen']).where('gebruikersnaam', '=', naam).executeTakeFirstOrThrow();
      return { gebruikerId: g.id, gebruikersnaam: naam, gemeenteId, rollen: g.rollen, rol: 'beslisser', aanbiederId: null };
    };
    [beslisser1, beslisser2] = await Promise.all([actor('beslisser'), actor('beslisser2')]);
    // regisseur2 assesses (beoordeelt) in these tests, so neither decider took part before.
    await t.database.db.updateTable('gebruikers').set({ rollen: ['regisseur', 'beslisser'] }).where('gebruikersnaam', '=', 'regisseur2').execute();
  });
  afterAll(async () => {
    await t?.database.db.updateTable('gebruikers').set({ rollen: ['regisseur'] }).where('gebruikersnaam', '=', 'regisseur2').execute();
    await t?.close();
  });

  /** An aanvraag for one Wmo maatwerk item, toetst and beoordeeld: ready for the decision. */
  async function beoordeeldeAanvraag(): Promise<{ id: string; besluit: { producten: { arrangementItemId: string; uitkomst: 'toegekend'; omvang: number; eenheid: string; ingangsdatum: string; leveringsvorm: 'zin' }[]; motivering: string } }> {
    const m = await regisseur.post<{ id: string }>('/api/v1/meldingen', voorbeeldMelding({ ontvangenOp: vandaag() }));
    const casusId = (await regisseur.post<{ casus: { id: string } }>(`/api/v1/meldingen/${m.body.id}/triage`, { uitkomst: 'onderzoek' })).body.casus.id;
    const doel = await regisseur.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/doelen`, {
      leefgebied: 'praktischFunctioneren', omschrijving: 'Schoon huis', meetbaarResultaat: 'Huis wekelijks schoon', streefdatum: '2027-06-01',
    });
    const wmo = (await regisseur.get<{ id: string; naam: string }[]>('/api/v1/catalogus?domein=wmo&trede=4')).body.find((i) => /huishouden/i.test(i.naam))!;
    const item = (await regisseur.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/arrangement`, {
      doelId: doel.body.id, trede: 4, catalogusItemId: wmo.id, motivering: 'Mevrouw kan door haar heup niet meer zwaar schoonmaken.',
    })).body.id;
    const a = (await regisseur.post<{ id: string }>('/api/v1/aanvragen', { casusId, arrangementItemIds: [item], ontvangenOp: vandaag() })).body;
    expect((await teamleider.post(`/api/v1/aanvragen/${a.id}/toets`, {})).status).toBe(200);
    const beoordelaar = await t.login('regisseur2');
    expect((await beoordelaar.post(`/api/v1/aanvragen/${a.id}/beoordeling`, {})).status).toBe(200);
    return {
      id: a.id,
      besluit: {
        producten: [{ arrangementItemId: item, uitkomst: 'toegekend', omvang: 3, eenheid: 'uur', ingangsdatum: vandaag(), leveringsvorm: 'zin' }],
        motivering: 'Mevrouw kan het huishouden niet zelf of met haar netwerk doen.',
      },
    };
  }

  /** Backends of this test database waiting for a lock held by another transaction. */
  const wachtenOpEenSlot = async () => {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(t.database.db);
    return rows[0]!.n;
  };

  /**
   * Decider 1 decides and holds its transaction open (decided, not committed); then decider 2 starts on
   * another connection with the given way of reading; then decider 1 commits. Returns what decider 2 got.
   */
  async function tweeBeslissersTegelijk(id: string, besluit: Parameters<typeof beslis>[3], lees2?: Parameters<typeof beslis>[4]) {
    let commit1!: () => void;
    const magCommitten = new Promise<void>((r) => { commit1 = r; });
    let besloten1!: () => void;
    const eersteHeeftBesloten = new Promise<void>((r) => { besloten1 = r; });
    const een = inGemeente(t.database.db, gemeenteId, async (tx) => {
      const r = await beslis(tx, beslisser1, id, besluit);
      besloten1();
      await magCommitten;
      return r;
    });
    await eersteHeeftBesloten;
    let gezien: string | undefined;
    const twee = inGemeente(t.database.db, gemeenteId, async (tx) => beslis(tx, beslisser2, id, besluit, lees2 && (async (tx2, aanvraagId) => {
      const a = await lees2(tx2, aanvraagId);
      gezien = a.status;
      return a;
    }))).then((r) => ({ ok: r }), (fout: unknown) => ({ fout }));
    return { een, twee, commit1, gezien: () => gezien };
  }

  it('met de rijvergrendeling wacht de tweede beslisser op de eerste en krijgt daarna de vier-ogenweigering: precies één beschikking', async () => {
    const { id, besluit } = await beoordeeldeAanvraag();
    const { een, twee, commit1 } = await tweeBeslissersTegelijk(id, besluit);
    // Decider 2 really is inside its transaction, blocked on decider 1's row lock.
    await expect.poll(wachtenOpEenSlot, { timeout: 10_000 }).toBeGreaterThan(0);
    commit1();
    expect((await een).besloten).toBe(true);
    const uitkomst = await twee;
    expect('fout' in uitkomst).toBe(true);
    const fout = (uitkomst as { fout: unknown }).fout;
    expect(fout).toBeInstanceOf(Problem);
    expect((fout as Problem).code).toBe('ongeldige-statusovergang');
    expect((fout as Problem).status).toBe(409);
    const n = await t.database.db.selectFrom('beschikkingen').select((eb) => eb.fn.countAll<number>().as('n')).where('aanvraag_id', '=', id).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it('zonder de rijvergrendeling leest de tweede beslisser nog "beoordeeld", komt door de vier-ogencontrole, en houdt alleen de unieke index hem tegen', async () => {
    const { id, besluit } = await beoordeeldeAanvraag();
    const zonderSlot = async (tx: Parameters<typeof getAanvraag>[0], aanvraagId: string) => (await getAanvraag(tx, aanvraagId, false))!;
    const { een, twee, commit1, gezien } = await tweeBeslissersTegelijk(id, besluit, zonderSlot);
    // Decider 2 got past the read at once (no lock to wait for) and past the check, and now waits on the
    // unique index (or the number counter) behind decider 1's uncommitted beschikking.
    await expect.poll(wachtenOpEenSlot, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(gezien()).toBe('beoordeeld');
    commit1();
    expect((await een).besloten).toBe(true);
    const uitkomst = await twee;
    expect('fout' in uitkomst).toBe(true);
    const fout = (uitkomst as { fout: unknown }).fout;
    // Not the four-eyes answer: the race was real and a database constraint had to end it.
    expect(fout).not.toBeInstanceOf(Problem);
    expect((fout as { code?: string }).code).toBe('23505');
  });
});

