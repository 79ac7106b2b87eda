import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openPglite } from './database.ts';
import { EMBEDDED_GRENS, omvangWaarschuwing, schatOmvang } from './omvang.ts';

describe('waarschuwing bij de start: embedded of server', () => {
  it('een demo of kleine gemeente in de embedded database krijgt geen waarschuwing', () => {
    expect(omvangWaarschuwing('pglite', { personen: 20_500, meldingen: 12_000 })).toBeNull();
    expect(omvangWaarschuwing('pglite', EMBEDDED_GRENS)).toBeNull();
  });

  it('meer inwoners of meer meldingen dan de grens geeft een Nederlandse waarschuwing met het advies een server te gebruiken', () => {
    const teVeelInwoners = omvangWaarschuwing('pglite', { personen: EMBEDDED_GRENS.personen + 1, meldingen: 0 });
    const teVeelMeldingen = omvangWaarschuwing('pglite', { personen: 0, meldingen: EMBEDDED_GRENS.meldingen + 1 });
    for (const w of [teVeelInwoners, teVeelMeldingen]) {
      expect(w).toContain('embedded database (PGlite)');
      expect(w).toContain('DATABASE_URL');
      expect(w).toContain('PostgreSQL-server');
    }
    expect(omvangWaarschuwing('pglite', { personen: 100_000, meldingen: 58_906 })).toContain('ongeveer 100.000 inwoners en 58.906 meldingen');
    expect(omvangWaarschuwing('pglite', { personen: 100_000, meldingen: 0 })).toContain('tot 30.000 inwoners of 20.000 meldingen');
  });

  it('een PostgreSQL-server krijgt nooit deze waarschuwing, hoe groot ook', () => {
    expect(omvangWaarschuwing('postgres', { personen: 900_000, meldingen: 1_000_000 })).toBeNull();
  });

  it('de grens is per gemeente instelbaar in de functie (voor een andere maat)', () => {
    expect(omvangWaarschuwing('pglite', { personen: 11, meldingen: 0 }, { personen: 10, meldingen: 10 })).not.toBeNull();
    expect(omvangWaarschuwing('pglite', { personen: 10, meldingen: 10 }, { personen: 10, meldingen: 10 })).toBeNull();
  });

  it('de schatting volgt de tabel zonder te tellen, ook als er nooit analyze draaide (PGlite kent geen autovacuum)', async () => {
    const database = await openPglite('memory://');
    try {
      await sql`create table personen (id int primary key, naam text)`.execute(database.db);
      await sql`create table meldingen (id int primary key, tekst text)`.execute(database.db);
      await sql`insert into personen select i, 'persoon ' || i from generate_series(1, 6000) i`.execute(database.db);
      await sql`insert into meldingen select i, 'melding ' || i from generate_series(1, 1500) i`.execute(database.db);
      expect(await schatOmvang(database.db)).toEqual({ personen: 6000, meldingen: 1500 });
      // After growing without a new ANALYZE the estimate scales with the table's pages.
      await sql`insert into personen select i, 'persoon ' || i from generate_series(6001, 12000) i`.execute(database.db);
      const later = await schatOmvang(database.db);
      expect(later.personen).toBeGreaterThan(10_000);
      expect(later.personen).toBeLessThan(14_000);
      expect(later.meldingen).toBe(1500);
    } finally {
      await database.close();
    }
  }, 60_000);
});
