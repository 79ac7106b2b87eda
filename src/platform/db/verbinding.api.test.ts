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
