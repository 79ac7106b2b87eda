/**
 * Browser test of payments (issue 15.3): beheer sets the ledger (a refused rule shows the error
 * summary and saves nothing), the inkoper opens Betalingen from the menu, gets a field error for a
 * period that is no JJJJ-MM and makes the batches of this month: the demo's youth team is paid a
 * fixed monthly amount (taakgericht), set here as the owner because inkoop has no field for it yet.
 * The batch opens on its journal lines, with the warning that the Jeugdwet has no ledger rule.
 * Every page and state is checked with axe-core.
 */
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { buildApp, WEB_ROOT } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { openTestDatabase } from '../src/testing/harness.ts';
import { CHROMIUM_PATH, assertWebBuilt, expectToegankelijk, inloggen, newPage, screenshot, type Harness } from './harness.ts';

let h: Harness;

// The shared harness, with one step between the seed and the start: the monthly amount.
beforeAll(async () => {
  assertWebBuilt();
  const { database, drop } = await openTestDatabase('pglite');
  await migrate(database.db);
  await seedDemo(database.db, { nodeEnv: 'test' });
  await database.db.updateTable('contract_producten').set({ maandbedrag_cents: 1_250_000 }).where('productcode', '=', '31T01').execute();
  const app = await buildApp(database, loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), { webRoot: WEB_ROOT, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  h = {
    app, browser, baseUrl: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    close: async () => { await browser.close(); await app.close(); await drop(); },
  };
});

afterAll(async () => {
  await h?.close();
});

describe('betalingen: grootboek en betaalbatches', () => {
  test('beheer stelt het grootboek in; een lege grootboekrekening geeft een foutsamenvatting en er wordt niets opgeslagen', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/');
      await inloggen(page, 'beheer');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Grootboek' }).click();
      await page.getByRole('heading', { level: 1, name: 'Grootboek' }).waitFor();
      await expectToegankelijk(page, 'het grootboek');

      const regel = page.getByRole('group', { name: 'Regel 1' });
      await regel.getByLabel('Wet').selectOption('wmo');
      await regel.getByLabel('Kostenplaats').fill('WMO');
      await page.getByRole('button', { name: 'Grootboek opslaan' }).click();
      await page.getByRole('heading', { name: 'Controleer de volgende velden' }).waitFor();
      await page.getByRole('link', { name: /Grootboekrekening \(regel 1\): Vul de grootboekrekening in/ }).waitFor();
      await expectToegankelijk(page, 'het grootboek met een fout');

      await regel.getByLabel('Grootboekrekening').fill('4300');
      await page.getByRole('button', { name: 'Grootboek opslaan' }).click();
      await page.getByText('Het grootboek is opgeslagen: 1 regel.').waitFor();
      await expectToegankelijk(page, 'het opgeslagen grootboek');
      await screenshot(page, 'grootboek');
    } finally {
      await context.close();
    }
  });

  test('de inkoper maakt de betaalbatches van deze maand en opent er een; een periode die geen JJJJ-MM is, wordt bij het veld genoemd', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/');
      await inloggen(page, 'inkoper');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Betalingen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Betalingen' }).waitFor();
      await expectToegankelijk(page, 'de betalingen');

      const periode = page.getByLabel('Periode');
      const huidige = await periode.inputValue();
      await periode.fill('2026-13');
      await page.getByRole('button', { name: 'Betaalbatches maken' }).click();
      await page.getByText('Controleer de velden hieronder').waitFor();
      await expectToegankelijk(page, 'de betalingen met een fout');

      await periode.fill(huidige);
      await page.getByRole('button', { name: 'Betaalbatches maken' }).click();
      await page.getByText(/betaalbatch(es)? gemaakt voor/).waitFor();
      await expectToegankelijk(page, 'de betalingen na het maken');
      await screenshot(page, 'betalingen');
      await page.getByRole('table').getByRole('link').first().click();
      await page.getByRole('heading', { level: 1, name: /^Betaalbatch BB-/ }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Journaalregels' }).waitFor();
      await page.getByText('Het journaal kan nog niet worden gedownload.').waitFor();
      await expectToegankelijk(page, 'een betaalbatch');
      await screenshot(page, 'betaalbatch');
    } finally {
      await context.close();
    }
  });
});
