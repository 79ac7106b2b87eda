/**
 * Bewaren en vernietigen in the browser (issue 11, point 6): two residents made in this test, their
 * meldingen handled at once and moved years into the past through the owner connection. The
 * archivaris draws up a list, excludes one file with a reason, offers the list, approves it after
 * the confirmation, and sees the statement of destruction; beheer sets a retention term and is
 * stopped below the Jeugdwet minimum. Axe on every page and state.
 */
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, WEB_ROOT } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { seedDemo } from '../src/demo/seed.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { openTestDatabase } from '../src/testing/harness.ts';
import {
  assertWebBuilt, CHROMIUM_PATH, DATABASES, expectToegankelijk, geldigBsn, inloggen, newPage, screenshot, wisselNaar, type DatabaseSoort, type Harness,
} from './harness.ts';

const vandaagNL = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

/** The harness of ./harness.ts, keeping the database: this test moves a file into the past as the owner. */
async function startMetDatabase(soort: DatabaseSoort): Promise<{ h: Harness; db: Kysely<DB> }> {
  assertWebBuilt();
  const { database, drop } = await openTestDatabase(soort);
  await migrate(database.db);
  await seedDemo(database.db, { nodeEnv: 'test' });
  const app = await buildApp(database, loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), { webRoot: WEB_ROOT, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    db: database.db,
    h: { app, baseUrl, browser, close: async () => { await browser.close(); await app.close(); await drop(); } },
  };
}

/** A resident registered and answered at once by the casusregisseur, through the API in the page's context. */
async function afgehandeldeMelding(page: Page, achternaam: string, seed: number): Promise<{ id: string; nummer: string; persoonId: string }> {
  const login = await page.request.post('/api/v1/sessies', { data: { gebruikersnaam: 'regisseur', wachtwoord: 'demo' } });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const r = await page.request.post('/api/v1/meldingen', {
    headers,
    data: {
      persoon: { bsn: geldigBsn(seed), voornaam: 'Gerrit', achternaam, geboortedatum: '1949-07-21' },
      wet: 'wmo', kanaal: 'telefoon', ontvangenOp: vandaagNL(), omschrijving: 'Meneer vraagt naar een boodschappendienst.',
    },
  });
  expect(r.status(), await r.text()).toBe(201);
  const m = (await r.json()) as { id: string; nummer: string; persoon: { id: string } };
  const t = await page.request.post(`/api/v1/meldingen/${m.id}/triage`, { headers, data: { uitkomst: 'enkelvoudig', advies: 'Verwezen naar de boodschappendienst van de buurt.' } });
  expect(t.status(), await t.text()).toBe(200);
  expect((await page.request.delete('/api/v1/sessies/huidig', { headers })).status()).toBeLessThan(300);
  return { id: m.id, nummer: m.nummer, persoonId: m.persoon.id };
}

describe.each(DATABASES)('vernietiging: de archivaris keurt een vernietigingslijst goed (%s)', (soort: DatabaseSoort) => {
  let h: Harness;
  let db: Kysely<DB>;
  beforeAll(async () => {
    ({ h, db } = await startMetDatabase(soort));
  }, 120_000);
  afterAll(async () => h?.close());

  it('lijst opstellen, een dossier uitzonderen met reden, aanbieden, goedkeuren na bevestiging; het andere dossier is vernietigd', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/');
      const weg = await afgehandeldeMelding(page, 'Vergeetmenietje', Date.now());
      const blijft = await afgehandeldeMelding(page, 'Bewaarder', Date.now() + 7919);
      // Both answered in 2015: past the two years of a melding without follow-up.
      await db.updateTable('meldingen').set({ ontvangen_op: '2015-01-05', afgerond_op: '2015-01-10' }).where('id', 'in', [weg.id, blijft.id]).execute();

      await page.goto('/privacy/vernietiging');
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      await inloggen(page, 'archivaris');
      await page.getByRole('heading', { level: 1, name: 'Vernietigingslijsten' }).waitFor();
      await expectToegankelijk(page, 'de vernietigingslijsten zonder lijst');

      await page.getByRole('button', { name: 'Nu een lijst opstellen' }).click();
      await page.getByRole('heading', { level: 1, name: /^Vernietigingslijst VL-/ }).waitFor();
      const tabel = page.getByRole('table', { name: /dossiers?, het eerst vervallen eerst/ });
      await tabel.getByRole('cell', { name: weg.nummer, exact: true }).waitFor();
      await tabel.getByRole('cell', { name: blijft.nummer, exact: true }).waitFor();
      // No names on the list.
      expect(await page.getByText('Vergeetmenietje').count()).toBe(0);
      await screenshot(page, 'vernietiging-concept');
      await expectToegankelijk(page, 'een concept-vernietigingslijst');

      // Exclude one file: without a reason the field says so, with one it is kept.
      await page.getByRole('button', { name: `Uitzonderen: ${blijft.nummer}` }).click();
      const uitzondering = page.getByRole('region', { name: `Uitzonderen: ${blijft.nummer}` });
      const kopUitzondering = page.getByRole('heading', { level: 2, name: `Uitzonderen: ${blijft.nummer}` });
      await expect.poll(async () => kopUitzondering.evaluate((el) => el.ownerDocument.activeElement === el)).toBe(true);
      await uitzondering.getByRole('button', { name: 'Uitzonderen' }).click();
      await uitzondering.getByText('Geef de reden waarom dit dossier bewaard blijft').waitFor();
      await expectToegankelijk(page, 'het formulier Uitzonderen met een fout');
      await uitzondering.getByLabel(/^Reden/).fill('De inwoner heeft om inzage gevraagd.');
      await uitzondering.getByRole('button', { name: 'Uitzonderen' }).click();
      await page.getByText(`Dossier ${blijft.nummer} is uitgezonderd en wordt niet vernietigd.`).waitFor();
      await tabel.getByText('Uitgezonderd: De inwoner heeft om inzage gevraagd.').waitFor();

      await page.getByRole('button', { name: 'Ter goedkeuring aanbieden' }).click();
      await page.getByRole('button', { name: 'Ja, aanbieden' }).click();
      await page.getByText(/is ter goedkeuring aangeboden/).waitFor();

      // Approving asks first, with focus on the question; Annuleren leaves everything as it was.
      await page.getByRole('button', { name: 'Goedkeuren en vernietigen' }).click();
      const vraag = page.getByRole('group', { name: /Weet u het zeker\? 1 dossier wordt nu vernietigd/ });
      await vraag.waitFor();
      await expect.poll(async () => vraag.evaluate((el) => el.ownerDocument.activeElement === el)).toBe(true);
      await screenshot(page, 'vernietiging-bevestigen');
      await expectToegankelijk(page, 'de vraag om bevestiging');
      await vraag.getByRole('button', { name: 'Annuleren' }).click();
      expect(await db.selectFrom('personen').select('id').where('id', '=', weg.persoonId).execute()).toHaveLength(1);

      await page.getByRole('button', { name: 'Goedkeuren en vernietigen' }).click();
      // Keyboard: the confirm button is reached with Tab from the question.
      await page.keyboard.press('Tab');
      const ja = page.getByRole('button', { name: 'Ja, goedkeuren en vernietigen' });
      await expect.poll(async () => ja.evaluate((el) => el.ownerDocument.activeElement === el)).toBe(true);
      await page.keyboard.press('Enter');
      await page.getByText(/is goedgekeurd en uitgevoerd: 1 dossier vernietigd/).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Verklaring van vernietiging' }).waitFor();
      await tabel.getByText(/^Vernietigd op/).waitFor();
      await screenshot(page, 'vernietiging-uitgevoerd');
      await expectToegankelijk(page, 'een uitgevoerde vernietigingslijst');

      expect(await db.selectFrom('personen').select('id').where('id', '=', weg.persoonId).execute()).toEqual([]);
      expect(await db.selectFrom('personen').select('id').where('id', '=', blijft.persoonId).execute()).toHaveLength(1);
      const melding = await db.selectFrom('meldingen').select(['omschrijving', 'ontvangen_op']).where('id', '=', weg.id).executeTakeFirstOrThrow();
      expect(melding.omschrijving).toBe('');
    } finally {
      await context.close();
    }
  }, 180_000);

  it('beheer stelt een bewaartermijn in (jeugdhulp niet onder de twintig jaar van de Jeugdwet) en laat een lijst opstellen; de privacy officer leest mee', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/instellingen/bewaartermijnen');
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      await inloggen(page, 'beheer');
      await page.getByRole('heading', { level: 1, name: 'Bewaartermijnen' }).waitFor();
      await page.getByText(/Jeugdwet art\. 7\.3\.8/).first().waitFor();
      await expectToegankelijk(page, 'de bewaartermijnen');
      const jeugd = page.getByRole('group', { name: 'Jeugdhulpdossier' });
      await jeugd.getByLabel(/^Aantal jaren/).fill('19');
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await page.getByText(/Jeugdhulpdossier: vul een heel aantal jaren in van 20 tot en met 115/).first().waitFor();
      await expectToegankelijk(page, 'de bewaartermijnen met een fout');
      await jeugd.getByLabel(/^Aantal jaren/).fill('25');
      await jeugd.getByLabel(/^Eigen grondslag/).fill('Besluit college 2026-31: langer voor pleegzorg.');
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await page.getByText('De bewaartermijnen zijn opgeslagen. De volgende vernietigingslijst gebruikt ze.').waitFor();
      await jeugd.getByText(/Aangepast door/).waitFor();
      await screenshot(page, 'bewaartermijnen');
      // Beheer draws up a list now: the file excluded in the first test is due again and goes to the archivaris.
      await page.getByRole('button', { name: 'Nu een vernietigingslijst opstellen' }).click();
      await page.getByText(/^Vernietigingslijst VL-\d{4}-\d{4} met 1 dossier ligt ter goedkeuring bij de archivaris\.$/).waitFor();
      await expectToegankelijk(page, 'de bewaartermijnen na het opstellen van een lijst');
      // The privacy officer reads the lists but cannot judge them.
      await page.goto('/privacy/vernietiging');
      await wisselNaar(page, 'privacy');
      await page.getByRole('heading', { level: 1, name: 'Vernietigingslijsten' }).waitFor();
      expect(await page.getByRole('button', { name: 'Nu een lijst opstellen' }).count()).toBe(0);
      await page.getByRole('cell', { name: 'Ter goedkeuring' }).waitFor();
      await page.getByRole('link', { name: /^VL-/ }).first().click();
      await page.getByRole('heading', { level: 1, name: /^Vernietigingslijst VL-/ }).waitFor();
      expect(await page.getByRole('button', { name: 'Goedkeuren en vernietigen' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Uitzonderen/ }).count()).toBe(0);
      await expectToegankelijk(page, 'een vernietigingslijst voor de privacy officer');
    } finally {
      await context.close();
    }
  }, 120_000);
});
