/**
 * Browser test of the house style: Demodorp and Tweestad each look like themselves (not like
 * Utrecht), the functioneel beheerder changes Demodorp's colour with a live preview, a colour that
 * cannot be read is refused in words, and the header of every page — staff and public — shows the
 * style. axe-core checks each state.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectToegankelijk, type Harness, inloggen, newPage, screenshot, startHarness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

// This runs in the page; the tests are compiled without the DOM types, hence the cast.
type Venster = { getComputedStyle: (e: unknown) => Record<string, string> };
const stijl = (page: Page, selector: string, eigenschap: string) => page.locator(selector).first()
  .evaluate((el, naam) => (globalThis as unknown as Venster).getComputedStyle(el)[naam], eigenschap);
const achtergrondVanKop = (page: Page) => stijl(page, '.eenvoud-header', 'backgroundColor');
const UTRECHT_ROOD = 'rgb(204, 0, 0)';

describe('huisstijl van de gemeente', () => {
  test('de openbare pagina\'s van Demodorp en Tweestad tonen elk hun eigen naam, logo en kleuren', async () => {
    const { context, page } = await newPage(h);
    await page.goto('/melden/demodorp');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => achtergrondVanKop(page)).toBe('rgb(31, 92, 63)');
    await expect.poll(() => page.locator('.eenvoud-header').textContent()).toContain('Gemeente Demodorp');
    await expect.poll(() => page.locator('.eenvoud-header img').evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth)).toBe(64);
    await expectToegankelijk(page, 'het meldformulier van Demodorp in zijn huisstijl');
    await screenshot(page, 'huisstijl-demodorp-melden');

    await page.goto('/sociale-kaart/tweestad');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => achtergrondVanKop(page)).toBe('rgb(91, 42, 134)');
    await expect.poll(() => page.locator('.eenvoud-header').textContent()).toContain('Gemeente Tweestad');
    const streep = await stijl(page, '.eenvoud-header', 'borderBottomColor');
    expect(streep).not.toBe(UTRECHT_ROOD);
    await expectToegankelijk(page, 'de sociale kaart van Tweestad in zijn huisstijl');
    await context.close();
  });

  test('de functioneel beheerder kiest een nieuwe kleur, ziet die in het voorbeeld en daarna in de kop', async () => {
    const { context, page } = await newPage(h);
    await page.goto('/inloggen');
    await inloggen(page, 'beheer');
    await page.getByRole('link', { name: 'Huisstijl' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Huisstijl' }).waitFor();
    await expect.poll(() => achtergrondVanKop(page)).toBe('rgb(31, 92, 63)');
    await expectToegankelijk(page, 'de huisstijlpagina');

    // A colour too light for white text: the live check says so, and the API refuses it in words.
    const kop = page.getByLabel('Achtergrond van de kop', { exact: true });
    await kop.fill('#7fb89a');
    await page.getByText(/Contrast kop: \d,\d:1 — te laag, minimaal 4,5:1/).waitFor();
    await page.getByRole('button', { name: 'Huisstijl opslaan' }).click();
    const samenvatting = page.getByRole('heading', { name: 'Controleer de volgende velden' });
    await samenvatting.waitFor();
    await page.getByRole('link', { name: /Achtergrond van de kop: Het contrast met de tekstkleur van de kop is/ }).waitFor();
    await expectToegankelijk(page, 'de huisstijlpagina met een geweigerde kleur');
    await expect.poll(() => achtergrondVanKop(page)).toBe('rgb(31, 92, 63)');

    // A dark blue reads well: the preview shows it at once, the header after saving.
    await kop.fill('#123a73');
    await page.getByText(/Contrast kop: \d+,\d:1 — goed leesbaar/).waitFor();
    await expect.poll(() => stijl(page, '.eenvoud-huisstijl__voorbeeld-kop', 'backgroundColor')).toBe('rgb(18, 58, 115)');
    await page.getByRole('button', { name: 'Huisstijl opslaan' }).click();
    await page.getByText('De huisstijl is opgeslagen.', { exact: false }).waitFor();
    await expect.poll(() => achtergrondVanKop(page)).toBe('rgb(18, 58, 115)');
    await expectToegankelijk(page, 'de huisstijlpagina na opslaan');
    await screenshot(page, 'huisstijl-beheer');

    // Every other staff page, and the public form, show it too.
    await page.getByRole('link', { name: 'Catalogus' }).first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => achtergrondVanKop(page)).toBe('rgb(18, 58, 115)');
    await expect.poll(() => page.locator('.eenvoud-header').textContent()).toContain('Gemeente Demodorp');
    await expectToegankelijk(page, 'de catalogus in de nieuwe huisstijl');
    await page.goto('/melden/demodorp');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => achtergrondVanKop(page)).toBe('rgb(18, 58, 115)');
    await context.close();
  });

  test('een regisseur van Tweestad werkt in de huisstijl van Tweestad, en heeft geen huisstijlpagina', async () => {
    const { context, page } = await newPage(h);
    await page.goto('/inloggen');
    await inloggen(page, 'regisseur-tweestad');
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    await expect.poll(() => achtergrondVanKop(page)).toBe('rgb(91, 42, 134)');
    expect(await page.getByRole('link', { name: 'Huisstijl' }).count()).toBe(0);
    await expectToegankelijk(page, 'de startpagina van Tweestad');
    await context.close();
  });
});
