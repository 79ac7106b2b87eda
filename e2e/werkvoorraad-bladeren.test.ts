/**
 * Paging through the werkvoorraad with the cursor (ADR 27): "Volgende pagina" until the last page,
 * "Vorige pagina" back, "Eerste pagina" to the start, by keyboard; every row once, in the API's order,
 * and the page passes axe.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { vandaag } from '../src/platform/time.ts';
import { voorbeeldMelding } from '../src/testing/harness.ts';
import { expectToegankelijk, type Harness, startHarness } from './harness.ts';

let h: Harness;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  context = await h.browser.newContext({ baseURL: h.baseUrl, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  page = await context.newPage();
  const r = await page.request.post('/api/v1/sessies', { data: { gebruikersnaam: 'teamleider', wachtwoord: 'demo' } });
  expect(r.status()).toBe(200);
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  // More than two pages of 25 meldingen nobody has picked up yet.
  for (let i = 0; i < 55; i++) {
    const m = await page.request.post('/api/v1/meldingen', { data: voorbeeldMelding({ ontvangenOp: vandaag() }), headers: { 'x-csrf-token': csrfToken } });
    expect(m.status()).toBe(201);
  }
});

afterAll(async () => {
  await context?.close();
  await h?.close();
});

const nummers = async () => page.getByRole('table', { name: /^Werkvoorraad/ }).locator('tbody tr td:first-child a').allTextContents();
const paginering = () => page.getByRole('navigation', { name: 'Paginering' });

describe('werkvoorraad bladeren', () => {
  test('volgende, vorige en eerste pagina tonen elke melding één keer, in de volgorde van de API', async () => {
    const verwacht: string[] = [];
    let na: string | null = null;
    do {
      const r = await page.request.get(`/api/v1/meldingen?toegewezen=niemand&aantal=25${na ? `&na=${na}` : ''}`);
      const body = (await r.json()) as { resultaten: { nummer: string }[]; volgende: string | null };
      verwacht.push(...body.resultaten.map((m) => m.nummer));
      na = body.volgende;
    } while (na);
    expect(verwacht.length).toBeGreaterThan(50);

    await page.goto('/meldingen?toegewezen=niemand');
    await page.getByRole('table', { name: /^Werkvoorraad \(nog niet opgepakt\)/ }).waitFor();
    const gezien: string[][] = [await nummers()];
    expect(await paginering().getByRole('link', { name: 'Vorige pagina' }).count()).toBe(0);
    await expectToegankelijk(page, 'de werkvoorraad, eerste pagina');

    // By keyboard: focus the link and press Enter.
    while (await paginering().getByRole('link', { name: 'Volgende pagina' }).count()) {
      const voor = gezien[gezien.length - 1]![0];
      await paginering().getByRole('link', { name: 'Volgende pagina' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await nummers())[0]).not.toBe(voor);
      gezien.push(await nummers());
    }
    expect(gezien.flat()).toEqual(verwacht);
    expect(await paginering().textContent()).toContain(`Pagina ${gezien.length}`);
    await expectToegankelijk(page, 'de werkvoorraad, laatste pagina');

    await paginering().getByRole('link', { name: 'Vorige pagina' }).click();
    await expect.poll(async () => (await nummers())[0]).toBe(gezien[gezien.length - 2]![0]);
    expect(await nummers()).toEqual(gezien[gezien.length - 2]);

    await paginering().getByRole('link', { name: /Eerste pagina|Vorige pagina/ }).first().click();
    await expect.poll(async () => (await nummers())[0]).toBe(gezien[0]![0]);
    expect(await nummers()).toEqual(gezien[0]);
    expect(new URL(page.url()).searchParams.get('na')).toBeNull();
  });
});
