/**
 * Browser test of sturing: the beleidsmedewerker sees the KPIs per level with figure, norm and a
 * signal in words, filters on wet (in the URL), reads a trend as a table, downloads it as CSV and
 * sets a norm. The frontoffice has no Sturing. Every page and state is checked with axe-core.
 */
import { readFile } from 'node:fs/promises';
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

const MAATWERK = 'Aandeel nieuwe meldingen dat tot een maatwerkvoorziening leidt';
const SIGNAAL = /^(Op norm|Let op|Niet op norm|Geen gegevens|Geen norm)$/;

/** Waits until every KPI card on the page shows its figure (no "berekend" left). */
async function wachtOpKaarten(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 2, name: 'De KPI’s' }).waitFor();
  await expect.poll(() => page.locator('.eenvoud-laden').count()).toBe(0);
}

describe('sturing', () => {
  test('de beleidsmedewerker ziet de KPI’s per niveau, filtert, exporteert en past een norm aan', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/');
      await inloggen(page, 'beleid');
      await page.getByRole('heading', { level: 1, name: /^Welkom, Bo/ }).waitFor();
      await page.getByText("Sturingsinformatie: KPI's, normen en signalen").waitFor();
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Sturing' }).click();

      // Strategisch: the cards with a percentage and a signal in words.
      await page.getByRole('heading', { level: 1, name: 'Sturing' }).waitFor();
      expect(await page.title()).toBe('Sturing: strategisch – Eenvoud');
      await wachtOpKaarten(page);
      const kaart = page.getByRole('article', { name: MAATWERK });
      await kaart.waitFor();
      expect(await kaart.locator('.eenvoud-kpi__waarde').textContent()).toMatch(/^\d{1,3},\d%$/);
      expect(await kaart.locator('.utrecht-status-badge').textContent()).toMatch(SIGNAAL);
      await kaart.getByText(/^\d+ van \d+$/).waitFor();
      await kaart.getByText('Norm: ten hoogste 20%').waitFor();
      await page.getByRole('article', { name: 'Aandeel cliënten dat zich goed geholpen voelt' }).getByText('Norm: ten minste 80%').waitFor();
      await page.getByRole('region', { name: 'Signalen' }).waitFor();
      await page.getByRole('table', { name: /^Alle KPI’s op niveau strategisch/ }).waitFor();
      expect(await page.locator('.eenvoud-grafiek svg').count()).toBeGreaterThan(0);
      expect(await page.getByRole('link', { name: 'Strategisch' }).getAttribute('aria-current')).toBe('page');
      await expectToegankelijk(page, 'Sturing, strategisch');
      await screenshot(page, 'sturing-strategisch');

      // Tactisch and operationeel.
      await page.getByRole('navigation', { name: 'Niveau' }).getByRole('link', { name: 'Tactisch' }).click();
      await page.waitForURL(/niveau=tactisch/);
      await page.getByRole('heading', { level: 2, name: 'Tactisch' }).waitFor();
      await wachtOpKaarten(page);
      await page.getByRole('article', { name: 'Nieuwe meldingen (instroom)' }).getByText('Geen norm').first().waitFor();
      await expectToegankelijk(page, 'Sturing, tactisch');

      await page.getByRole('navigation', { name: 'Niveau' }).getByRole('link', { name: 'Operationeel' }).click();
      await page.waitForURL(/niveau=operationeel/);
      await page.getByRole('heading', { level: 2, name: 'Operationeel' }).waitFor();
      await wachtOpKaarten(page);
      await page.getByRole('article', { name: 'Lopende termijnen die verlopen zijn' }).getByText(/de gekozen periode geldt niet/).waitFor();
      await expectToegankelijk(page, 'Sturing, operationeel');

      // Filter on wet: in the URL; a KPI without that dimension says so.
      await page.getByRole('navigation', { name: 'Niveau' }).getByRole('link', { name: 'Strategisch' }).click();
      await page.getByRole('heading', { level: 2, name: 'Strategisch' }).waitFor();
      await page.getByLabel('Wet').selectOption({ label: 'Wmo 2015' });
      await page.getByRole('button', { name: 'Filteren' }).click();
      await page.waitForURL(/wet=wmo/);
      await wachtOpKaarten(page);
      await page.getByText(/^Periode en filters: .*wet: Wmo 2015/).waitFor();
      await page.getByRole('article', { name: 'Aandeel cliënten dat zich goed geholpen voelt' })
        .getByText('Het filter op wet (Wmo 2015) geldt niet voor deze KPI: zij is niet per wet uit te splitsen.').waitFor();
      await expectToegankelijk(page, 'Sturing, gefilterd op Wmo 2015');

      // Quick choice: the last 12 months.
      await page.getByRole('button', { name: 'Laatste 12 maanden' }).click();
      await page.waitForURL(/van=\d{4}-\d{2}-\d{2}.*wet=wmo/);
      await wachtOpKaarten(page);

      // The trend as a table, and as CSV.
      await kaart.getByRole('button', { name: 'Toon als tabel' }).click();
      const tabel = kaart.getByRole('table', { name: `${MAATWERK} per maand` });
      await tabel.waitFor();
      expect(await tabel.getByRole('row').count()).toBeGreaterThan(10);
      expect(await kaart.getByRole('button', { name: 'Verberg tabel' }).getAttribute('aria-expanded')).toBe('true');
      await expectToegankelijk(page, 'Sturing, trend als tabel');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        kaart.getByRole('button', { name: 'Tabel downloaden als CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const csv = await readFile(await download.path(), 'utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      expect(csv.slice(1).split('\r\n')[0]).toBe('Maand;Waarde (%);Teller;Noemer');

      const [overzicht] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Overzicht downloaden als CSV' }).click(),
      ]);
      expect(overzicht.suggestedFilename()).toMatch(/^kpis-strategisch-.*\.csv$/);

      // The norm: first a share above 100% (the API's Dutch error), then a good one.
      await kaart.locator('summary', { hasText: 'Norm aanpassen' }).click();
      const form = kaart.getByRole('form', { name: `Norm aanpassen: ${MAATWERK}` });
      await form.getByLabel('Norm in procenten').fill('150');
      await form.getByRole('button', { name: 'Norm opslaan' }).click();
      await kaart.getByText('Een aandeel is een getal tussen 0 en 1 (bijv. 0,2 voor 20%).').waitFor();
      await expectToegankelijk(page, 'Sturing, fout bij de norm');
      await form.getByLabel('Norm in procenten').fill('25');
      await form.getByLabel('Marge in procentpunten').fill('2,5');
      await form.getByRole('button', { name: 'Norm opslaan' }).click();
      await kaart.getByText('De norm is aangepast. Norm: ten hoogste 25%.').waitFor();
      await kaart.locator('.eenvoud-kpi__norm', { hasText: 'Norm: ten hoogste 25%' }).waitFor();
      await expectToegankelijk(page, 'Sturing, norm aangepast');
    } finally {
      await context.close();
    }
  });

  test('de teamleider ziet Sturing maar kan geen norm aanpassen; de frontoffice ziet Sturing niet', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/sturing');
      await inloggen(page, 'teamleider');
      await page.getByRole('heading', { level: 1, name: 'Sturing' }).waitFor();
      await wachtOpKaarten(page);
      await page.getByRole('article', { name: MAATWERK }).waitFor();
      expect(await page.locator('summary', { hasText: 'Norm aanpassen' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();

      await inloggen(page, 'frontoffice');
      await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
      const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
      await menu.getByRole('link', { name: 'Start' }).waitFor();
      expect(await menu.getByRole('link', { name: 'Sturing' }).count()).toBe(0);
      await page.goto('/sturing');
      await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
