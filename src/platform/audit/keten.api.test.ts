import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { Client, startTestApp, voorbeeldMelding, type TestApp } from '../../testing/harness.ts';
import { appRolWaarschuwing, controleerAppRol, openPostgres, type Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { inGemeente, type Actor } from '../tenancy/tx.ts';
import { GENESIS_HASH, entryHash, type AuditEntry } from './rules.ts';
import { TEST_AUDIT_SLEUTEL } from './sleutel.ts';
import { appendAudit, ketenBij, listForPerson, verifyChain } from './store.ts';

/**
 * The audit trail as the issue asks: appended without a shared lock, chained by a sequencer,
 * anchored by signed checkpoints — and truncation or a rewrite by the database owner is reported.
 */

const opServer = process.env.EENVOUD_TEST_DB === 'server';
const stil = { info: () => undefined };

interface Bevinding { soort: string; checkpoint: number | null; volgnummer: number | null; toelichting: string }
interface Verificatie {
  geldig: boolean; aantal: number; breuk: { volgnummer: number; reden: string } | null; checkpoints: number;
  laatsteCheckpoint: { volgnummer: number; aantal: number; kophash: string; moment: string } | null; bevindingen: Bevinding[];
}

let t: TestApp;
let privacy: Client;
let regisseur: Client;
let gemeenteId: string;
let actor: Actor;

beforeAll(async () => {
  t = await startTestApp();
  privacy = await t.login('privacy');
  regisseur = await t.login('regisseur');
  gemeenteId = (await t.database.db.selectFrom('gemeenten').select('id').where('code', '=', 'demodorp').executeTakeFirstOrThrow()).id;
  actor = { gebruikerId: null, gebruikersnaam: 'test', gemeenteId, rollen: ['regisseur'], rol: 'regisseur', aanbiederId: null };
  for (let i = 0; i < 3; i++) {
    const m = await regisseur.post<{ id: string }>('/api/v1/meldingen', voorbeeldMelding());
    await regisseur.get(`/api/v1/meldingen/${m.body.id}`);
  }
});
afterAll(async () => t?.close());

const verifieer = async () => (await privacy.get<Verificatie>('/api/v1/audit/verificatie')).body;
const checkpointNu = () => ketenBij(t.database.db, gemeenteId, { sleutel: TEST_AUDIT_SLEUTEL, log: stil, checkpoint: 'nu' });

/** As the tables' owner, with the append-only triggers off — what an attacker with the owner's password can do. */
async function alsEigenaar(fn: (db: Kysely<DB>) => Promise<unknown>): Promise<void> {
  const db = t.database.db;
  await sql`alter table auditlog disable trigger user`.execute(db);
  await sql`alter table audit_checkpoints disable trigger user`.execute(db);
  try {
    await fn(db);
  } finally {
    await sql`alter table auditlog enable trigger user`.execute(db);
    await sql`alter table audit_checkpoints enable trigger user`.execute(db);
  }
}

/** Keeps a copy of the gemeente's trail and checkpoints, to put back after a test tampered with them. */
async function bewaar(): Promise<() => Promise<void>> {
  const db = t.database.db;
  const naam = `kopie_${randomBytes(4).toString('hex')}`;
  await sql`create table ${sql.table(`${naam}_log`)} as select * from auditlog where gemeente_id = ${gemeenteId}`.execute(db);
  await sql`create table ${sql.table(`${naam}_cp`)} as select * from audit_checkpoints where gemeente_id = ${gemeenteId}`.execute(db);
  return () => alsEigenaar(async (d) => {
    await sql`delete from auditlog where gemeente_id = ${gemeenteId}`.execute(d);
    await sql`insert into auditlog overriding system value select * from ${sql.table(`${naam}_log`)}`.execute(d);
    await sql`delete from audit_checkpoints where gemeente_id = ${gemeenteId}`.execute(d);
    await sql`insert into audit_checkpoints overriding system value select * from ${sql.table(`${naam}_cp`)}`.execute(d);
    await sql`drop table ${sql.table(`${naam}_log`)}, ${sql.table(`${naam}_cp`)}`.execute(d);
  });
}

describe('toevoegen zonder gedeeld slot, koppelen door de sequencer', () => {
  it('een lezing commit zonder op de keten te wachten; de sequencer koppelt de regel daarna, en de keten klopt', async () => {
    await checkpointNu();
    const persoonId = '00000000-0000-4000-8000-000000000001';
    await inGemeente(t.database.db, gemeenteId, (tx) => appendAudit(tx, actor, [{ actie: 'lezen', resourceType: 'persoon', resourceId: persoonId, persoonId, doel: 'test' }]));
    const voor = await t.database.db.selectFrom('auditlog').select(['volgnummer', 'hash']).where('persoon_id', '=', persoonId).executeTakeFirstOrThrow();
    expect(voor).toEqual({ volgnummer: null, hash: null });
    expect(await checkpointNu()).toBeGreaterThanOrEqual(1);
    const na = await t.database.db.selectFrom('auditlog').select(['volgnummer', 'hash']).where('persoon_id', '=', persoonId).executeTakeFirstOrThrow();
    expect(na.volgnummer).toBeGreaterThan(0);
    expect(na.hash).toMatch(/^[0-9a-f]{64}$/);
    const v = await verifieer();
    expect(v).toMatchObject({ geldig: true, breuk: null, bevindingen: [] });
    expect(v.checkpoints).toBeGreaterThanOrEqual(2);
  });

  it('de lijst van een inwoner toont ook regels die nog wachten, bovenaan', async () => {
    const persoonId = '00000000-0000-4000-8000-000000000002';
    const rijen = await inGemeente(t.database.db, gemeenteId, async (tx) => {
      await appendAudit(tx, actor, [{ actie: 'lezen', resourceType: 'persoon', resourceId: persoonId, persoonId, doel: 'eerste' }]);
      return listForPerson(tx, persoonId, 10);
    });
    expect(rijen.map((r) => [r.doel, r.volgnummer])).toEqual([['eerste', null]]);
    await checkpointNu();
    await inGemeente(t.database.db, gemeenteId, (tx) => appendAudit(tx, actor, [{ actie: 'lezen', resourceType: 'persoon', resourceId: persoonId, persoonId, doel: 'tweede' }]));
    const r = await privacy.get<{ resultaten: { doel: string; volgnummer: number | null }[] }>(`/api/v1/audit?persoonId=${persoonId}`);
    expect(r.body.resultaten.map((x) => x.doel)).toEqual(['tweede', 'eerste']);
    expect(r.body.resultaten.every((x) => typeof x.volgnummer === 'number')).toBe(true);
  });

  it('de sequencer koppelt alleen: een tweede wijziging van een gekoppelde regel, verwijderen of leegmaken weigert de trigger, ook voor de eigenaar', async () => {
    const db = t.database.db;
    await expect(sql`update auditlog set hash = ${'0'.repeat(64)} where volgnummer = 1`.execute(db)).rejects.toThrow(/alleen worden aangevuld/);
    await expect(sql`delete from auditlog where volgnummer = 1`.execute(db)).rejects.toThrow(/alleen worden aangevuld/);
    await expect(sql`truncate auditlog`.execute(db)).rejects.toThrow(/alleen worden aangevuld/);
    await expect(sql`insert into auditlog (gemeente_id, moment, gebruikersnaam, rol, actie, resource_type, resource_id, doel, volgnummer, vorige_hash, hash)
      values (${gemeenteId}, now(), 'x', 'x', 'lezen', 'x', 'x', 'x', 999999, ${GENESIS_HASH}, ${GENESIS_HASH})`.execute(db)).rejects.toThrow(/zonder plaats in de keten/);
    // Chaining a pending entry may change only the chain columns, not its content.
    await inGemeente(db, gemeenteId, (tx) => appendAudit(tx, actor, [{ actie: 'lezen', resourceType: 'x', resourceId: 'wachtend', persoonId: null, doel: 'x' }]));
    await expect(sql`update auditlog set volgnummer = 999999, vorige_hash = 'a', hash = 'b', doel = 'anders' where resource_id = 'wachtend'`.execute(db)).rejects.toThrow(/alleen worden aangevuld/);
    // The app role may not write chain columns on insert, nor touch checkpoints.
    await expect(inGemeente(db, gemeenteId, (tx) => sql`insert into auditlog (gemeente_id, moment, gebruikersnaam, rol, actie, resource_type, resource_id, doel, volgnummer)
      values (${gemeenteId}, now(), 'x', 'x', 'lezen', 'x', 'x', 'x', 5)`.execute(tx))).rejects.toThrow(/permission denied/);
    await expect(inGemeente(db, gemeenteId, (tx) => tx.deleteFrom('audit_checkpoints').execute())).rejects.toThrow(/permission denied/);
    await expect(inGemeente(db, gemeenteId, (tx) => tx.updateTable('audit_checkpoints').set({ aantal: 1 }).execute())).rejects.toThrow(/permission denied/);
    await expect(sql`delete from audit_checkpoints`.execute(db)).rejects.toThrow(/alleen worden aangevuld/);
    await checkpointNu();
    expect((await verifieer()).geldig).toBe(true);
  });
});

describe('de eigenaar van de database knoeit met de audittrail: de controle meldt het', () => {
  it('afgekapt: de laatste regels verwijderd (trigger uit) → de keten is korter dan het checkpoint zegt', async () => {
    await checkpointNu();
    const cp = (await verifieer()).laatsteCheckpoint!;
    const terug = await bewaar();
    await alsEigenaar((db) => sql`delete from auditlog where gemeente_id = ${gemeenteId} and volgnummer > ${cp.aantal - 3}`.execute(db));
    const v = await verifieer();
    expect(v.geldig).toBe(false);
    expect(v.breuk).toBeNull(); // what is left is consistent in itself: only the checkpoint shows it
    expect(v.bevindingen.map((b) => b.soort)).toContain('afgekapt');
    expect(v.bevindingen.find((b) => b.soort === 'afgekapt')!.toelichting).toMatch(/regels zijn verwijderd/);
    await terug();
    expect((await verifieer()).geldig).toBe(true);
  });

  it('herschreven: een regel gewijzigd en elke latere hash opnieuw berekend (met de echte hashfunctie) → de hash bij het checkpoint wijkt af', async () => {
    await checkpointNu();
    const terug = await bewaar();
    await alsEigenaar(async (db) => {
      const rijen = await db.selectFrom('auditlog').selectAll().where('gemeente_id', '=', gemeenteId).where('volgnummer', 'is not', null).orderBy('volgnummer').execute();
      let vorige = GENESIS_HASH;
      for (const r of rijen) {
        const e: AuditEntry = {
          gemeenteId: r.gemeente_id, volgnummer: Number(r.volgnummer), moment: new Date(r.moment).toISOString(), gebruikerId: r.gebruiker_id,
          gebruikersnaam: r.gebruikersnaam, rol: r.rol, actie: r.actie as AuditEntry['actie'], resourceType: r.resource_type, resourceId: r.resource_id,
          persoonId: r.persoon_id, doel: r.volgnummer === 2 ? 'verhuld' : r.doel, vorigeHash: vorige,
        };
        const hash = entryHash(e);
        await db.updateTable('auditlog').set({ doel: e.doel, vorige_hash: vorige, hash }).where('id', '=', r.id).execute();
        vorige = hash;
      }
    });
    const v = await verifieer();
    expect(v.geldig).toBe(false);
    expect(v.breuk).toBeNull(); // the chain is consistent in itself
    expect(v.bevindingen.map((b) => b.soort)).toEqual(['herschreven']);
    expect(v.bevindingen[0]!.checkpoint).toBe(1);
    await terug();
    expect((await verifieer()).geldig).toBe(true);
  });

  it('een checkpoint verwijderd of gewijzigd → checkpoint-ongeldig', async () => {
    await checkpointNu();
    await verifieer(); // chains the checkpoint's own entry
    const terug = await bewaar();
    const laatste = (await verifieer()).laatsteCheckpoint!;
    await alsEigenaar((db) => db.deleteFrom('audit_checkpoints').where('gemeente_id', '=', gemeenteId).where('volgnummer', '=', laatste.volgnummer).execute());
    let v = await verifieer();
    expect(v.geldig).toBe(false);
    expect(v.bevindingen).toContainEqual(expect.objectContaining({ soort: 'checkpoint-ongeldig', checkpoint: laatste.volgnummer, toelichting: expect.stringMatching(/verwijderd/) }));
    await terug();

    const terug2 = await bewaar();
    await alsEigenaar((db) => db.deleteFrom('audit_checkpoints').where('gemeente_id', '=', gemeenteId).where('volgnummer', '=', 1).execute());
    v = await verifieer();
    expect(v.bevindingen).toContainEqual(expect.objectContaining({ soort: 'checkpoint-ongeldig', checkpoint: 1, toelichting: 'Checkpoint 1 ontbreekt.' }));
    await terug2();

    const terug3 = await bewaar();
    await alsEigenaar((db) => db.updateTable('audit_checkpoints').set({ aantal: 2 }).where('gemeente_id', '=', gemeenteId).where('volgnummer', '=', laatste.volgnummer).execute());
    v = await verifieer();
    expect(v.bevindingen).toContainEqual(expect.objectContaining({ soort: 'checkpoint-ongeldig', checkpoint: laatste.volgnummer, toelichting: expect.stringMatching(/vervalst of gewijzigd/) }));
    await terug3();
    expect((await verifieer()).geldig).toBe(true);
  });

  it('zonder de geheime sleutel is geen checkpoint na te maken: met een andere sleutel is elk checkpoint ongeldig', async () => {
    const v = await inGemeente(t.database.db, gemeenteId, (tx) => verifyChain(tx, gemeenteId, 'een sleutel die de aanvaller raadt, maar niet de echte'));
    expect(v.geldig).toBe(false);
    expect(v.bevindingen.length).toBe(v.checkpoints);
    expect(v.bevindingen.every((b) => b.soort === 'checkpoint-ongeldig')).toBe(true);
  });
});

describe.skipIf(!opServer)('op de PostgreSQL-server: gelijktijdig, en een app-rol die de tabellen niet bezit', () => {
  let url: string;
  beforeAll(async () => {
    const naam = (await sql<{ n: string }>`select current_database() as n`.execute(t.database.db)).rows[0]!.n;
    const u = new URL(process.env.TEST_DATABASE_URL!);
    u.pathname = `/${naam}`;
    url = u.toString();
  });
  /** A pool of its own on the test database, closed before the test ends (the database is dropped with force). */
  const metPool = async (max: number, fn: (d: Database) => Promise<void>) => {
    const pool = await openPostgres(url, max);
    try { await fn(pool); } finally { await pool.close(); }
  };

  it('een open transactie na appendAudit houdt 16 andere lezingen met appendAudit niet op: geen slot op de audittrail', async () => {
    await metPool(20, async (pool) => {
    let loslaten!: () => void;
    const open = new Promise<void>((r) => { loslaten = r; });
    let pid = 0;
    const bezig = inGemeente(pool.db, gemeenteId, async (tx) => {
      await appendAudit(tx, actor, [{ actie: 'lezen', resourceType: 'persoon', resourceId: 'open', persoonId: null, doel: 'blijft open' }]);
      pid = (await sql<{ p: number }>`select pg_backend_pid() as p`.execute(tx)).rows[0]!.p;
      await open;
    });
    while (pid === 0) await new Promise((r) => setTimeout(r, 10));
    const start = Date.now();
    await Promise.all(Array.from({ length: 16 }, (_, i) => inGemeente(pool.db, gemeenteId, (tx) =>
      appendAudit(tx, actor, [{ actie: 'lezen', resourceType: 'persoon', resourceId: `gelijktijdig-${i}`, persoonId: null, doel: 'lezen' }]))));
    expect(Date.now() - start).toBeLessThan(10_000);
    // The open transaction holds no advisory lock, and nobody waits on a lock.
    const sloten = await sql<{ n: number }>`select count(*)::int as n from pg_locks where locktype = 'advisory' and pid = ${pid}`.execute(t.database.db);
    expect(sloten.rows[0]!.n).toBe(0);
    loslaten();
    await bezig;
    });
  });

  it('na gelijktijdige toevoegingen via 16 verbindingen en twee sequencers tegelijk is alles gekoppeld en klopt de keten', async () => {
    await metPool(18, async (pool) => {
    let klaar = false;
    const sequencer = async (wacht: boolean) => {
      while (!klaar) {
        await ketenBij(pool.db, gemeenteId, { sleutel: TEST_AUDIT_SLEUTEL, log: stil, wacht, batch: 37, checkpointNaMs: 200 });
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    const sequencers = [sequencer(true), sequencer(false)];
    await Promise.all(Array.from({ length: 16 }, async (_, c) => {
      for (let i = 0; i < 15; i++) {
        await inGemeente(pool.db, gemeenteId, (tx) => appendAudit(tx, actor, [
          { actie: 'lezen', resourceType: 'persoon', resourceId: `c${c}-${i}-a`, persoonId: null, doel: 'gelijktijdig' },
          { actie: 'lezen', resourceType: 'persoon', resourceId: `c${c}-${i}-b`, persoonId: null, doel: 'gelijktijdig' },
        ]));
      }
    }));
    klaar = true;
    await Promise.all(sequencers);
    });
    await ketenBij(t.database.db, gemeenteId, { sleutel: TEST_AUDIT_SLEUTEL, log: stil });
    const r = await sql<{ wachtend: number; aantal: number; hoogste: number }>`
      select count(*) filter (where volgnummer is null)::int as wachtend, count(volgnummer)::int as aantal, max(volgnummer)::int as hoogste
      from auditlog where gemeente_id = ${gemeenteId}`.execute(t.database.db);
    expect(r.rows[0]!.wachtend).toBe(0);
    expect(r.rows[0]!.aantal).toBe(r.rows[0]!.hoogste); // no gaps
    const v = await verifieer();
    expect(v).toMatchObject({ geldig: true, breuk: null, bevindingen: [] });
    expect(v.checkpoints).toBeGreaterThanOrEqual(2);
  });

  it('een login-rol die alleen lid is van eenvoud_app en eenvoud_platform kan de trigger niet uitzetten, niets wijzigen of wissen — en de app werkt ermee', async () => {
    const rol = `eenvoud_rt_${randomBytes(4).toString('hex')}`;
    const wachtwoord = randomBytes(12).toString('hex');
    await sql`${sql.raw(`create role ${rol} login password '${wachtwoord}' in role eenvoud_app, eenvoud_platform`)}`.execute(t.database.db);
    const u = new URL(url);
    u.username = rol;
    u.password = wachtwoord;
    const rt = await openPostgres(u.toString(), 4);
    try {
      const db = rt.db;
      await expect(sql`alter table auditlog disable trigger all`.execute(db)).rejects.toThrow(/must be owner/);
      await expect(sql`alter table auditlog disable trigger auditlog_append_only`.execute(db)).rejects.toThrow(/must be owner/);
      await expect(sql`alter table audit_checkpoints disable trigger all`.execute(db)).rejects.toThrow(/must be owner/);
      await expect(sql`delete from auditlog`.execute(db)).rejects.toThrow(/permission denied/);
      await expect(sql`update auditlog set doel = 'verhuld'`.execute(db)).rejects.toThrow(/permission denied/);
      await expect(sql`truncate auditlog`.execute(db)).rejects.toThrow(/permission denied/);
      await expect(sql`delete from audit_checkpoints`.execute(db)).rejects.toThrow(/permission denied/);
      await expect(sql`drop table auditlog`.execute(db)).rejects.toThrow(/must be owner/);
      // The chain columns it may set for the sequencer: a chained entry is refused by the trigger.
      await expect(inGemeente(db, gemeenteId, (tx) => sql`update auditlog set hash = ${'0'.repeat(64)} where volgnummer = 1`.execute(tx))).rejects.toThrow(/alleen worden aangevuld/);
      expect(await controleerAppRol(rt)).toMatchObject({ rol, superuser: false, eigenaar: false, bypassRls: false });
      expect(appRolWaarschuwing(await controleerAppRol(rt))).toBeNull();
      expect(appRolWaarschuwing(await controleerAppRol(t.database))).toMatch(/superuser/);

      const app = await buildApp(rt, loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), { logger: false });
      await app.listen({ port: 0, host: '127.0.0.1' });
      try {
        const adres = app.server.address();
        if (!adres || typeof adres === 'string') throw new Error('geen poort');
        const basis = `http://127.0.0.1:${adres.port}`;
        const inloggen = async (naam: string) => {
          const c = new Client(basis);
          const r = await c.post<{ csrfToken: string }>('/api/v1/sessies', { gebruikersnaam: naam, wachtwoord: 'demo' });
          expect(r.status).toBe(200);
          c.csrfToken = r.body.csrfToken;
          return c;
        };
        const reg = await inloggen('regisseur');
        const m = await reg.post<{ id: string; persoon: { id: string } }>('/api/v1/meldingen', voorbeeldMelding());
        expect(m.status).toBe(201);
        expect((await reg.get(`/api/v1/meldingen/${m.body.id}`)).status).toBe(200);
        const po = await inloggen('privacy');
        const lijst = await po.get<{ resultaten: { doel: string; volgnummer: number | null }[] }>(`/api/v1/audit?persoonId=${m.body.persoon.id}`);
        expect(lijst.status).toBe(200);
        expect(lijst.body.resultaten.map((x) => x.doel)).toContain('melding inzien');
        const v = await po.get<Verificatie>('/api/v1/audit/verificatie');
        expect(v.body).toMatchObject({ geldig: true, bevindingen: [] });
      } finally {
        await app.close();
      }
    } finally {
      await rt.close();
      await sql`${sql.raw(`drop role ${rol}`)}`.execute(t.database.db);
    }
  });
});
