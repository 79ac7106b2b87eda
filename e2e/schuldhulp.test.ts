/**
 * A law without an iStandaard: schuldhulpverlening. The catalogue item names no product code, so the
 * beslisser chooses the contracted product of the law (from the contracts in force, not only from
 * codes the catalogue happens to name) and grants it through the form — the click-through found the
 * choice empty and the traject impossible to grant. Own resident, axe-core on the form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beoordeeldeAanvraag, expectToegankelijk, type Harness, inloggen, newPage, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

describe('schuldhulp', () => {
  it('de beslisser kent een schuldhulpverleningstraject toe met het gecontracteerde product van de wet', async () => {
    const { aanvraagId } = await beoordeeldeAanvraag(h, {
      bewoner: { voornaam: 'Sjoerd', achternaam: 'Schuldsma', geboortedatum: '1979-09-09', seed: Date.now() + 4242 },
      wet: 'schuldhulp', omschrijving: 'Meneer heeft betalingsachterstanden en durft de post niet meer open te maken.',
      leefgebied: 'financien', doel: 'Grip op de schulden', resultaat: 'Een schuldregeling loopt',
      product: 'Schuldhulpverlening-traject', motivering: 'De schulden zijn niet zelf te regelen.',
    });
    const { context, page } = await newPage(h);
    try {
      await page.goto('/');
      await inloggen(page, 'beslisser');
      // The session first, then the page: straight after the login form the cookie may not be there yet.
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
      await page.goto(`/aanvragen/${aanvraagId}`);
      await page.getByRole('heading', { level: 1, name: /^Aanvraag A-/ }).waitFor();
      const besluit = page.getByRole('form', { name: 'Besluiten' });
      await besluit.getByRole('group', { name: /^Uitkomst/ }).getByLabel('Toegekend', { exact: true }).check();
      await besluit.getByLabel(/^Motivering/).fill('Zelf regelen lukt niet; een traject met een schuldhulpverlener is nodig.');
      const keuze = besluit.getByLabel(/^Product uit het contract/);
      // The law's contracted products, each once.
      const opties = await keuze.locator('option').allTextContents();
      expect(opties).toContain('Schuldhulpverleningstraject (SH001)');
      expect(opties).toContain('Budgetbeheer (SH002)');
      expect(new Set(opties).size).toBe(opties.length);
      await keuze.selectOption({ label: 'Schuldhulpverleningstraject (SH001)' });
      await besluit.getByLabel(/^Omvang/).fill('1');
      await besluit.getByLabel('Zorg in natura').check();
      await expectToegankelijk(page, 'het besluit over een schuldhulpverleningstraject');
      await besluit.getByRole('button', { name: 'Besluit nemen' }).click();
      await page.getByText(/^Het besluit is genomen\./).first().waitFor();
      const a = await (await page.request.get(`/api/v1/aanvragen/${aanvraagId}`)).json() as { status: string };
      expect(['besloten', 'verzonden']).toContain(a.status);
    } finally {
      await context.close();
    }
  }, 180_000);
});
