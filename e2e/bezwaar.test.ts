/**
 * Browser test of a bezwaar as a workflow: registered from the beschikking page, handled on its own
 * page by someone not involved in the decision (Awb 7:5): hoorzitting planned and held, one
 * verdaging (a second is not offered), the decision with its letter and the herziening; the
 * Bezwaren list from the menu; beheer's page for the letters' details. Axe-core on every page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectToegankelijk, type Harness, inloggen, newPage, screenshot, startHarness, vandaagNL, wisselNaar } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

/** A sent beschikking from the demo data, without a bezwaar yet. */
async function verzondenBeschikking(page: Page): Promise<string> {
  const lijst = await (await page.request.get('/api/v1/aanvragen?status=verzonden&aantal=200')).json() as { resultaten: { beschikkingId: string | null }[] };
  for (const a of lijst.resultaten) {
    if (!a.beschikkingId) continue;
    const b = await (await page.request.get(`/api/v1/beschikkingen/${a.beschikkingId}`)).json() as { bezwaren: unknown[] };
    if (b.bezwaren.length === 0) return a.beschikkingId;
  }
  throw new Error('geen verzonden beschikking zonder bezwaar in de demodata');
}

describe('bezwaar', () => {
  test('registreren, horen, verdagen en beslissen, met brief en herziening', async () => {
    const { context, page } = await newPage(h);
    try {
      // Need-to-know: after sending, the beslisser no longer sees the file; the teamleider of the team
      // does and registers the bezwaar. With an open bezwaar the beslissers see it again.
      await page.goto('/');
      await inloggen(page, 'teamleider');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
      const id = await verzondenBeschikking(page);
      await page.goto(`/beschikkingen/${id}`);
      await page.getByRole('heading', { level: 1, name: /^Beschikking B-/ }).waitFor();

      // Register: with the advisory committee off, the term is six weeks.
      const bezwaren = page.getByRole('region', { name: 'Bezwaren' });
      await bezwaren.locator('summary', { hasText: 'Bezwaar registreren' }).click();
      await bezwaren.getByLabel(/^Waar gaat het bezwaar over\?/).fill('De inwoner vindt twee uur per week te weinig.');
      await expectToegankelijk(page, 'het formulier Bezwaar registreren');
      await bezwaren.getByRole('button', { name: 'Bezwaar registreren' }).click();
      await page.getByText(/^Het bezwaar is geregistreerd \(tijdig\)\./).waitFor();
      await expectToegankelijk(page, 'de beschikking met een bezwaar');
      await bezwaren.getByRole('link', { name: /^Bezwaar BZ-\d{4}-\d{6}$/ }).click();
      await page.getByRole('heading', { level: 1, name: /^Bezwaar BZ-\d{4}-\d{6}$/ }).waitFor();
      await page.getByText(/^Beslissen uiterlijk op \d{1,2} \w+ \d{4}$/).waitFor();
      await page.getByText(/nog \d+ dagen/).first().waitFor();
      await wisselNaar(page, 'beslisser');
      await page.getByRole('heading', { level: 1, name: /^Bezwaar BZ-\d{4}-\d{6}$/ }).waitFor();
      // The beslisser took part in the decision: the page says a colleague handles it.
      await page.getByText(/Een collega hoort en beslist op dit bezwaar/).waitFor();
      await expectToegankelijk(page, 'het bezwaar bij wie aan het besluit meewerkte');

      await wisselNaar(page, 'jurist');
      await page.getByRole('heading', { level: 1, name: /^Bezwaar BZ-/ }).waitFor();
      // Hoorzitting planned, then held.
      await page.locator('summary', { hasText: 'Hoorzitting plannen' }).click();
      const plannen = page.getByRole('form', { name: 'Hoorzitting plannen' });
      await plannen.getByLabel(/^Datum van de hoorzitting/).fill(vandaagNL());
      await expectToegankelijk(page, 'het formulier Hoorzitting plannen');
      await plannen.getByRole('button', { name: 'Hoorzitting plannen' }).click();
      await page.getByText(/^De hoorzitting is gepland op/).waitFor();
      await page.locator('summary', { hasText: 'Hoorzitting vastleggen' }).click();
      const gehouden = page.getByRole('form', { name: 'Hoorzitting vastleggen' });
      await gehouden.getByLabel(/^Wat heeft de indiener toegelicht\?/).fill('Mevrouw kan door haar heup ook niet stofzuigen.');
      await gehouden.getByRole('button', { name: 'Hoorzitting vastleggen' }).click();
      await page.getByText('De hoorzitting is vastgelegd.').waitFor();

      // One verdaging; afterwards the page says it cannot be done again.
      await page.locator('summary', { hasText: 'Beslistermijn verdagen' }).click();
      const verdagen = page.getByRole('form', { name: 'Zes weken verdagen' });
      await verdagen.getByLabel(/^Reden van de verdaging/).fill('Advies van de ergotherapeut nodig.');
      await verdagen.getByRole('button', { name: 'Zes weken verdagen' }).click();
      await page.getByText('De beslistermijn is met zes weken verdaagd.').waitFor();
      await page.getByText('De beslistermijn is al een keer verdaagd; dat kan maar één keer.').waitFor();
      await expectToegankelijk(page, 'het bezwaar na horen en verdagen');

      // The decision: open by default now that the inwoner was heard.
      const beslissing = page.getByRole('form', { name: 'Beslissen op het bezwaar' });
      await beslissing.getByRole('button', { name: 'Beslissen en brief verzenden' }).click();
      await beslissing.getByText('Kies gegrond, deels gegrond, ongegrond of niet-ontvankelijk').first().waitFor();
      await beslissing.getByLabel('Gegrond', { exact: true }).check();
      await beslissing.getByLabel(/^Motivering/).fill('Ook stofzuigen lukt niet; drie uur per week is nodig.');
      await expectToegankelijk(page, 'het formulier Beslissen op het bezwaar');
      await beslissing.getByRole('button', { name: 'Beslissen en brief verzenden' }).click();
      await page.getByText('Er is beslist op het bezwaar. De brief is verzonden en de herziening is gestart.').waitFor();
      await page.getByRole('heading', { level: 2, name: 'Beslissing op het bezwaar' }).waitFor();
      const href = await page.getByRole('link', { name: /^Brief met de beslissing op bezwaar bekijken/ }).getAttribute('href');
      const pdf = await page.request.get(href!);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      await page.getByRole('link', { name: /^Aanvraag A-\d{4}-\d{6}$/ }).waitFor();
      await expectToegankelijk(page, 'het beslist bezwaar');
      await screenshot(page, 'bezwaar-beslist');

      // The teamleider's list, from the menu.
      await wisselNaar(page, 'teamleider');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Bezwaren' }).click();
      await page.getByRole('heading', { level: 1, name: 'Bezwaren' }).waitFor();
      await page.getByRole('table').getByRole('link', { name: /^BZ-\d{4}-\d{6}$/ }).first().waitFor();
      await expectToegankelijk(page, 'de lijst Bezwaren');
      await screenshot(page, 'bezwaren');
    } finally {
      await context.close();
    }
  });

  test('beheer stelt de gegevens in brieven in', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/instellingen/correspondentie');
      await inloggen(page, 'beheer');
      await page.getByRole('heading', { level: 1, name: 'Gegevens in brieven' }).waitFor();
      await expect.poll(() => page.getByLabel(/^Postbus/).first().inputValue()).toBe('Postbus 100');
      await expectToegankelijk(page, 'Gegevens in brieven');
      await page.getByLabel(/^Postcode/).first().fill('12');
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await page.getByText('Controleer de volgende velden').waitFor();
      await expectToegankelijk(page, 'Gegevens in brieven met een fout');
      await page.getByLabel(/^Postcode/).first().fill('1234 zz');
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await page.getByText(/^De gegevens zijn opgeslagen\./).waitFor();
      await expect.poll(() => page.getByLabel(/^Postcode/).first().inputValue()).toBe('1234 ZZ');
    } finally {
      await context.close();
    }
  });
});
