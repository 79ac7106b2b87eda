import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openPostgres, type Database } from './database.ts';

const opServer = process.env.EENVOUD_TEST_DB === 'server';

describe.skipIf(!opServer)('een verbinding van de app met de PostgreSQL-server', () => {
  let database: Database | undefined;
  afterAll(async () => { await database?.close(); });

  it('rekent in Amsterdamse tijd en compileert geen query (JIT uit, ADR 28): lijsten hoeven het niet per transactie uit te zetten', async () => {
    database = await openPostgres(process.env.TEST_DATABASE_URL!, 2);
    // Two connections at once: the setting is the pool's, not one connection's by chance.
    const [a, b] = await Promise.all([0, 1].map(() => database!.db.transaction().execute(async (tx) => {
      const r = await sql<{ jit: string; tz: string }>`select current_setting('jit') as jit, current_setting('TimeZone') as tz, pg_sleep(0.05)`.execute(tx);
      return r.rows[0]!;
    })));
    for (const r of [a!, b!]) expect(r).toEqual(expect.objectContaining({ jit: 'off', tz: 'Europe/Amsterdam' }));
  });
});

describe.skipIf(!opServer)('een verbinding die de server beëindigt', () => {
  it('laat de app niet vallen: de pool laat haar los en de volgende vraag krijgt een nieuwe verbinding', async () => {
    const database = await openPostgres(process.env.TEST_DATABASE_URL!, 1);
    const beheer = await openPostgres(process.env.TEST_DATABASE_URL!, 1);
    try {
      const pid = async () => (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db)).rows[0]!.pid;
      const eerst = await pid();
      // The connection is idle in the pool now; the server ends it (as pg_terminate_backend or a restart would).
      await sql`select pg_terminate_backend(${eerst}::int)`.execute(beheer.db);
      await new Promise((r) => setTimeout(r, 200));
      const daarna = await pid();
      expect(daarna).not.toBe(eerst);
    } finally {
      await database.close();
      await beheer.close();
    }
  });
});
