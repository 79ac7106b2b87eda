/**
 * Browser test of money in cents (ADR 34): the functioneel beheerder types a catalogue limit in euros
 * with cents ("1.250,50"); the API stores exact cents and the catalogue shows "€ 1.250,50 per jaar".
 * An amount finer than a cent is refused in words at the field, nothing saved. axe-core checks each state.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectToegankelijk, type Harness, inloggen, newPage, screenshot, startHarness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

describe('bedragen in euro’s met centen', () => {
  test('een grens zonder beschikking in euro’s met centen: precies bewaard en getoond, een bedrag fijner dan een cent geweigerd', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/catalogus/nieuw');
      await inloggen(page, 'beheer');
      await page.getByRole('heading', { level: 1, name: 'Product toevoegen' }).waitFor();
      await page.getByLabel(/^Naam/).fill('Klein budget voor de buurt');
      await page.getByLabel(/^Omschrijving/).fill('Een klein bedrag per jaar voor een buurtactiviteit.');
      await page.getByLabel(/^Aanbieder/).fill('Stichting Welzijn Demodorp');
      await page.getByLabel(/^Domein/).selectOption({ label: 'Voorliggend veld' });
      await page.getByLabel(/^3 – Algemene/).check();
      await page.getByLabel('Dagbesteding', { exact: true }).check();
      await page.getByLabel(/^Nee, vrij toegankelijk/).check();
      await page.getByLabel(/^Eenheid/).selectOption({ label: 'Euro per jaar' });
      const bedrag = page.getByLabel(/^Hoogstens \(euro\)/);
      await bedrag.fill('12,345');
      await page.getByRole('button', { name: 'Product toevoegen' }).click();
      await page.getByText('Geef een bedrag in euro’s, bijvoorbeeld 250,00').first().waitFor();
      expect(await bedrag.getAttribute('aria-invalid')).toBe('true');
      await expectToegankelijk(page, 'het formulier met een bedrag fijner dan een cent');
      await screenshot(page, 'bedragen-catalogus-fout');

      await bedrag.fill('1.250,50');
      await page.getByRole('button', { name: 'Product toevoegen' }).click();
      await page.waitForURL(/\/catalogus\?zoek=/);
      const rij = page.getByRole('row').filter({ hasText: 'Klein budget voor de buurt' });
      await rij.waitFor();
      expect(await rij.textContent()).toContain('€ 1.250,50 per jaar');
      await expectToegankelijk(page, 'de catalogus met de grens in euro’s');

      // The API holds exact cents.
      const items = await page.evaluate(async () => (await fetch('/api/v1/catalogus?zoek=Klein%20budget')).json()) as { limiet: unknown }[];
      expect(items[0]!.limiet).toEqual({ eenheid: 'euro', waardeCents: 125050 });
    } finally {
      await context.close();
    }
  });
});
