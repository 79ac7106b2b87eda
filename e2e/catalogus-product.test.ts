/**
 * Browser test of issue 13 for beheer and beleid: a maatwerk item in the catalogue points to a
 * contracted product (productcategorie from WMO020/JZ020 and a productcode of 5 characters; a wrong
 * code is refused with the field named), and sturing compares the cost of voorzieningen per
 * bekostiging and per aanbieder (by name, never an id). Every state is checked with axe-core.
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

const HBH = 'Hulp bij het huishouden (maatwerk)';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/;

describe('het gecontracteerde product in de catalogus en de sturing per bekostiging en aanbieder', () => {
  test('beheer ziet en wijzigt de productcode van een maatwerkproduct; een verkeerde code wordt geweigerd', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/catalogus');
      await inloggen(page, 'beheer');
      await page.getByRole('link', { name: `${HBH} bewerken` }).click();
      await page.getByRole('heading', { level: 1, name: 'Product bewerken' }).waitFor();
      const product = page.getByRole('group', { name: 'Gecontracteerd product' });
      expect(await product.getByLabel('Productcategorie').inputValue()).toBe('01');
      expect(await product.getByLabel('Productcode').inputValue()).toBe('01A01');
      await expectToegankelijk(page, 'catalogusproduct bewerken');

      // A code of the wrong shape: the form names the field, nothing is saved.
      await product.getByLabel('Productcode').fill('1A-01');
      await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
      await page.getByText('Een productcode is 5 tekens: cijfers en hoofdletters, bijvoorbeeld 01A01.').first().waitFor();
      await expectToegankelijk(page, 'catalogusproduct met een foute code');
      await screenshot(page, 'catalogus-productcode-fout');

      // By keyboard: the right code (typed in lower case) is saved in capitals.
      await product.getByLabel('Productcode').fill('');
      await product.getByLabel('Productcode').pressSequentially('01a02');
      await product.getByLabel('Productcode').press('Enter');
      await page.waitForURL(/\/catalogus\?zoek=/);
      await page.getByRole('row', { name: new RegExp(HBH.replace(/[()]/g, '\\$&')) }).getByText('product 01A02 (Hulp bij het huishouden)').waitFor();
      await expectToegankelijk(page, 'catalogus met productcode');
    } finally {
      await context.close();
    }
  });

  test('beleid vergelijkt de kosten per cliënt per bekostiging en per aanbieder, met namen', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/sturing/kpi/kosten-per-client?per=bekostiging');
      await inloggen(page, 'beleid');
      const perBekostiging = page.getByRole('table', { name: /^Kosten maatwerk per cliënt per bekostiging, / });
      await perBekostiging.waitFor();
      const rijen = await perBekostiging.locator('tbody th').allTextContents();
      expect(rijen.length).toBeGreaterThan(0);
      for (const r of rijen) expect(r).toMatch(/^(Inspanningsgericht|Outputgericht|Taakgericht|Onbekend)/);
      await expectToegankelijk(page, 'kosten per cliënt per bekostiging');
      await screenshot(page, 'sturing-per-bekostiging');

      await page.getByLabel('Vergelijk per').selectOption({ label: 'Aanbieder' });
      const perAanbieder = page.getByRole('table', { name: /^Kosten maatwerk per cliënt per aanbieder, / });
      await perAanbieder.waitFor();
      await expect.poll(async () => (await perAanbieder.locator('tbody th').allTextContents()).length).toBeGreaterThan(0);
      for (const r of await perAanbieder.locator('tbody th').allTextContents()) expect(r).not.toMatch(UUID);
      await expectToegankelijk(page, 'kosten per cliënt per aanbieder');
    } finally {
      await context.close();
    }
  });
});
