import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery } from 'kysely';
import type { Database } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { openTestDatabase } from '../testing/harness.ts';
import { genereerGemeente, type GeneratorResultaat } from './generator.ts';
import { GENERATOR_APP } from './laden.ts';

// This process's sessions count as the generator's own, so the fast load may drop and rebuild indexes.
process.env.PGAPPNAME = GENERATOR_APP;

const opties = { code: 'laadproef', naam: 'Laadstad', inwoners: 1500, jaren: 3, seed: 11, tot: '2026-06-30', idZaad: '5eed0000aaaa1111bbbb' };
let oud: { database: Database; drop: () => Promise<void> };
let nieuw: { database: Database; drop: () => Promise<void>; kind: string };
let a: GeneratorResultaat;
let b: GeneratorResultaat;

const rijen = async (d: Database, tekst: string, params: unknown[] = []) => (await d.db.executeQuery(CompiledQuery.raw(tekst, params))).rows as Record<string, unknown>[];

/** A server test database's own connection string (COPY runs over a connection of its own). */
async function urlVan(d: Database): Promise<string | undefined> {
  if (d.kind !== 'postgres') return undefined;
  const u = new URL(process.env.TEST_DATABASE_URL!);
  u.pathname = `/${(await rijen(d, 'select current_database() as naam'))[0]!.naam as string}`;
  return u.toString();
}

beforeAll(async () => {
  oud = await openTestDatabase();
  nieuw = await openTestDatabase();
  await migrate(oud.database.db);
  await migrate(nieuw.database.db);
  // The old way: every row through the app role, with row-level security, every trigger and foreign key.
  a = await genereerGemeente(oud.database.db, { ...opties, laadwijze: 'triggers' });
  // The fast way: COPY (server) or unnest (PGlite) with triggers off, indexes after, derived data rebuilt.
  b = await genereerGemeente(nieuw.database.db, { ...opties, databaseUrl: await urlVan(nieuw.database) });
}, 600_000);
afterAll(async () => { await oud?.drop(); await nieuw?.drop(); });

/**
 * Every table holding the gemeente's rows, each row as JSON without the moments the database
 * stamps itself (now()) and without the count of a version table (`*_versie`: a cache key whose
 * value only has to change, not match — the load raises it once more than the triggers do).
 */
async function inhoud(d: Database, gemeenteId: string): Promise<Record<string, string[]>> {
  const kolommen = await rijen(d, `select c.table_name as tabel, array_agg(c.column_name::text order by c.ordinal_position) as kolommen
    from information_schema.columns c join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = current_schema() and coalesce(c.column_default, '') not like '%now()%'
      and not (c.table_name like '%\\_versie' and c.column_name = 'versie')
      and exists (select 1 from information_schema.columns g where g.table_schema = c.table_schema and g.table_name = c.table_name and g.column_name = 'gemeente_id')
    group by c.table_name order by c.table_name`);
  const uit: Record<string, string[]> = {};
  for (const { tabel, kolommen: k } of kolommen as { tabel: string; kolommen: string[] }[]) {
    const lijst = k.map((x) => `"${x}"`).join(', ');
    uit[tabel] = (await rijen(d, `select (select to_jsonb(r) from (select ${lijst}) r)::text as j from "${tabel}" where gemeente_id = $1 order by 1`, [gemeenteId])).map((r) => r.j as string);
  }
  return uit;
}

describe('snel laden van de demogemeente (ADR 30)', () => {
  it('laadt op de snelle manier, met dezelfde tellingen als de oude', () => {
    expect(a.laadwijze).toBe('triggers');
    expect(b.laadwijze).toBe(nieuw.kind === 'postgres' ? 'copy' : 'unnest');
    expect(b.tellingen).toEqual(a.tellingen);
    expect(b.gemeenteId).toBe(a.gemeenteId);
  });

  it('geeft elke tabel van de gemeente precies dezelfde inhoud, ook wat triggers afleiden (sturingsfeiten, *_opbouwen)', async () => {
    const [x, y] = [await inhoud(oud.database, a.gemeenteId), await inhoud(nieuw.database, b.gemeenteId)];
    expect(Object.keys(y)).toEqual(Object.keys(x));
    // What the triggers of migration 0008 derive is there, not empty.
    expect(x.casus_maatwerk!.length).toBeGreaterThan(50);
    expect(x.voorziening_feiten!.length).toBeGreaterThan(100);
    for (const tabel of Object.keys(x)) {
      expect({ tabel, aantal: y[tabel]!.length }).toEqual({ tabel, aantal: x[tabel]!.length });
      expect(y[tabel], tabel).toEqual(x[tabel]);
    }
  });

  it('bouwt de indexen die het liet vallen weer op, precies zoals ze waren', async () => {
    const indexen = async (d: Database) => (await rijen(d, `select indexdef from pg_indexes where schemaname = current_schema() order by 1`)).map((r) => r.indexdef);
    expect(await indexen(nieuw.database)).toEqual(await indexen(oud.database));
  });
});
