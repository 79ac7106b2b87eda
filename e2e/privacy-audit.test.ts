/**
 * The audit trail in the browser (issue 11, part 3): the privacy officer finds a resident made in
 * this test by BSN, sees who did what, checks the chain (in order, with its signed checkpoint), and —
 * after the database owner deleted the last entries behind the app's back — sees the truncation
 * reported in Dutch. Axe on each state; by keyboard.
 */
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, WEB_ROOT } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { TEST_AUDIT_SLEUTEL } from '../src/platform/audit/sleutel.ts';
import { ketenBij } from '../src/platform/audit/store.ts';
import type { Database } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { openTestDatabase } from '../src/testing/harness.ts';
import { CHROMIUM_PATH, DATABASES, assertWebBuilt, expectToegankelijk, geldigBsn, inloggen, screenshot, type DatabaseSoort } from './harness.ts';

const vandaagNL = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

describe.each(DATABASES)('audittrail en controle van de keten (%s)', (soort: DatabaseSoort) => {
  let database: Database;
  let drop: () => Promise<void>;
  let browser: Browser;
  let baseUrl: string;
  let sluitApp: () => Promise<void>;

  beforeAll(async () => {
    assertWebBuilt();
    ({ database, drop } = await openTestDatabase(soort));
    await migrate(database.db);
    await seedDemo(database.db, { nodeEnv: 'test' });
    const app = await buildApp(database, loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), { webRoot: WEB_ROOT, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    sluitApp = () => app.close();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await sluitApp?.();
    await drop?.();
  });

  async function registreer(page: Page, bsn: string): Promise<void> {
    const r = await page.request.post('/api/v1/sessies', { data: { gebruikersnaam: 'regisseur', wachtwoord: 'demo' } });
    const { csrfToken } = (await r.json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': csrfToken };
    const m = await page.request.post('/api/v1/meldingen', {
      headers,
      data: {
        persoon: { bsn, voornaam: 'Anton', achternaam: 'Audit', geboortedatum: '1944-07-01' }, wet: 'wmo', kanaal: 'telefoon',
        ontvangenOp: vandaagNL(), omschrijving: 'Meneer vraagt hulp bij het huishouden.',
      },
    });
    expect(m.status()).toBe(201);
    const { id } = (await m.json()) as { id: string };
    expect((await page.request.get(`/api/v1/meldingen/${id}`)).status()).toBe(200);
    await page.request.delete('/api/v1/sessies/huidig', { headers });
  }

  it('de privacy officer ziet wie wat deed, controleert de keten, en ziet dat verwijderde regels worden gemeld', async () => {
    const context = await browser.newContext({ baseURL: baseUrl, locale: 'nl-NL' });
    const page = await context.newPage();
    try {
      await page.goto('/');
      const bsn = geldigBsn(Date.now() + 4242);
      await registreer(page, bsn);

      await page.goto('/audit');
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      await inloggen(page, 'privacy');
      await page.getByRole('heading', { level: 1, name: 'Audittrail' }).waitFor();
      await expectToegankelijk(page, 'de audittrail');

      // By keyboard: type the BSN, Enter.
      const veld = page.getByLabel(/^BSN van de inwoner/);
      await veld.fill(bsn);
      await veld.press('Enter');
      const tabel = page.getByRole('table', { name: /Audittrail van de inwoner/ });
      await tabel.waitFor();
      await expect.poll(() => tabel.textContent()).toContain('melding inzien');
      expect(await tabel.textContent()).toContain('melding registreren');

      // Sign a checkpoint now (the app does this every minute) and check the chain, by keyboard.
      const gemeenteId = (await database.db.selectFrom('gemeenten').select('id').where('code', '=', 'demodorp').executeTakeFirstOrThrow()).id;
      await ketenBij(database.db, gemeenteId, { sleutel: TEST_AUDIT_SLEUTEL, log: { info: () => undefined }, checkpoint: 'nu' });
      const knop = page.getByRole('button', { name: 'Keten controleren' });
      await knop.focus();
      await page.keyboard.press('Enter');
      await page.getByText('De keten is in orde.').waitFor();
      await page.getByText(/Er (is 1 ondertekend checkpoint|zijn \d+ ondertekende checkpoints); het laatste is van .* en telt \d+ regels\./).waitFor();
      await expectToegankelijk(page, 'de audittrail met een geldige keten');

      // The database owner deletes the last entries with the trigger switched off.
      const { rows } = await sql<{ aantal: number }>`select aantal::int from audit_checkpoints where gemeente_id = ${gemeenteId} order by volgnummer desc limit 1`.execute(database.db);
      await sql`alter table auditlog disable trigger auditlog_append_only`.execute(database.db);
      await sql`delete from auditlog where gemeente_id = ${gemeenteId} and volgnummer > ${rows[0]!.aantal - 2}`.execute(database.db);
      await sql`alter table auditlog enable trigger auditlog_append_only`.execute(database.db);

      await knop.focus();
      await page.keyboard.press('Enter');
      await page.getByText('Er is met de audittrail geknoeid.').waitFor();
      const bevindingen = page.getByRole('list').filter({ hasText: 'Regels verwijderd (keten afgekapt)' });
      await bevindingen.waitFor();
      expect(await bevindingen.textContent()).toMatch(/maar checkpoint \d+ ondertekende er \d+: 2 of meer regels zijn verwijderd/);
      await expectToegankelijk(page, 'de audittrail met een afgekapte keten');
      await screenshot(page, 'audit-afgekapt');
    } finally {
      await context.close();
    }
  });
});
