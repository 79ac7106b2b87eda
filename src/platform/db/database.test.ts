import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed.ts';
import { appRolWaarschuwing, controleerAppRol, openPglite } from './database.ts';
import { migrate } from './migrate.ts';

const dir = mkdtempSync(join(tmpdir(), 'eenvoud-herstart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('embedded database in een datamap', () => {
  it('een herstart houdt de gegevens; migraties en demo-zaaien gebeuren maar één keer', async () => {
    const eerste = await openPglite(dir);
    expect((await migrate(eerste.db)).length).toBeGreaterThan(0);
    expect(await seedDemo(eerste.db, { nodeEnv: 'test' })).toBe(true);
    const personen = await eerste.db.selectFrom('personen').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await eerste.close();

    const tweede = await openPglite(dir);
    expect(await migrate(tweede.db)).toEqual([]);
    expect(await seedDemo(tweede.db, { nodeEnv: 'test' })).toBe(false);
    const opnieuw = await tweede.db.selectFrom('personen').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(opnieuw.n)).toBe(Number(personen.n));
    const gemeenten = await tweede.db.selectFrom('gemeenten').select('naam').orderBy('naam').execute();
    expect(gemeenten.map((g) => g.naam)).toEqual(['Demodorp', 'Tweestad']);
    await tweede.close();
  }, 60_000);

  it('de demogemeente heeft meerdere kernen en wijken, huishoudens en inwoners met geldige BSN', async () => {
    const db = await openPglite(dir);
    const { isGeldigBsn } = await import('../../contexts/inwoners/index.ts');
    const bsns = await db.db.selectFrom('personen').select('bsn').execute();
    expect(bsns.length).toBeGreaterThan(50);
    expect(bsns.every((p) => isGeldigBsn(p.bsn))).toBe(true);
    const kernen = await db.db.selectFrom('kernen').innerJoin('gemeenten', 'gemeenten.id', 'kernen.gemeente_id').select('kernen.naam')
      .where('gemeenten.code', '=', 'demodorp').execute();
    expect(kernen.length).toBeGreaterThanOrEqual(3);
    const gebruikers = await db.db.selectFrom('gebruikers').select('gebruikersnaam').execute();
    expect(gebruikers.map((g) => g.gebruikersnaam).sort()).toEqual([
      'aanbieder', 'aanbieder2', 'archivaris', 'beheer', 'beleid', 'beslisser', 'beslisser2', 'frontoffice', 'inkoper', 'jurist', 'privacy', 'regisseur',
      'regisseur-tweestad', 'regisseur2', 'regisseur3', 'subsidie', 'teamleider', 'teamleider2',
    ]);
    await db.close();
  }, 60_000);
});

describe('de rol waarmee de app verbindt', () => {
  it('een waarschuwing bij eigenaar, superuser of BYPASSRLS; geen bij een gewone app-rol of embedded PGlite', async () => {
    expect(appRolWaarschuwing(null)).toBeNull();
    expect(appRolWaarschuwing({ rol: 'eenvoud_runtime', superuser: false, eigenaar: false, bypassRls: false })).toBeNull();
    expect(appRolWaarschuwing({ rol: 'eigenaar', superuser: false, eigenaar: true, bypassRls: false })).toMatch(/^De app verbindt als eigenaar, eigenaar van de tabellen: .*trigger van de audittrail uitzetten/);
    expect(appRolWaarschuwing({ rol: 'postgres', superuser: true, eigenaar: true, bypassRls: true })).toMatch(/^De app verbindt als postgres, superuser en eigenaar van de tabellen:/);
    expect(appRolWaarschuwing({ rol: 'x', superuser: false, eigenaar: false, bypassRls: true })).toMatch(/vrijgesteld van row-level security/);
    // Embedded PGlite has one local user: nothing to ask.
    expect(await controleerAppRol({ kind: 'pglite', db: undefined as never, close: async () => undefined })).toBeNull();
  });
});
