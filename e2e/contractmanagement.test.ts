/**
 * Browser test of contract management (issue 15.4). Through the API the inkoper makes an own
 * provider (an AGB code of its own every run) with a contract for hulp bij het huishouden, and a new
 * resident's voorziening is assigned to it. In the browser the inkoper opens Contractmanagement from
 * the main menu, finds the provider's row with its figures and signals (as words, not colour only),
 * opens its page, is told off for a ceiling that is no amount, sets a ceiling in euros and sees it in
 * the contract table. Beleid sees the page without the form and counts only; the teamleider of the
 * resident's team sees the client by name. Every page and state is checked with axe-core.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiAls, besloten, expectToegankelijk, inloggen, newPage, screenshot, startHarness, wisselNaar, zichtbaarOfUitleg, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const agbCode = String(Date.now() + 154).slice(-8);
const naam = `Thuishulp Contractbeheer ${agbCode}`;

describe('contractmanagement', () => {
  test('de inkoper vergelijkt aanbieders, opent er één en stelt het plafond van het contract in; beleid kijkt mee, de teamleider ziet de cliënt', async () => {
    // ————— Test data: an own provider with a contract, and one client in care with it —————
    const inkoper = await apiAls(h, 'inkoper');
    const aanbieder = await inkoper<{ id: string }>('POST', '/api/v1/aanbieders', { naam, agbCode, wetten: ['wmo'] });
    const contract = await inkoper<{ id: string; nummer: string }>('POST', '/api/v1/contracten', {
      aanbiederId: aanbieder.id, van: '2020-01-01', producten: [{
        wet: 'wmo', productcategorie: '01', productcode: '01A01', naam: 'Hulp bij het huishouden', eenheid: '04', frequentie: '2', tariefCents: 3500,
        bekostiging: 'inspanningsgericht', capaciteit: null,
      }],
    });
    const { voorzieningId } = await besloten(h, { voornaam: 'Cora', achternaam: 'Contractsma', geboortedatum: '1946-04-15', seed: Date.now() + 1540 });
    await (await apiAls(h, 'regisseur'))('POST', `/api/v1/voorzieningen/${voorzieningId}/aanbieder`, { aanbiederId: aanbieder.id });

    const { context, page } = await newPage(h);
    context.setDefaultTimeout(60_000);
    try {
      const fouten: string[] = [];
      page.on('pageerror', (e) => fouten.push(e.message));
      await page.goto('/');
      await zichtbaarOfUitleg(page, page.getByLabel('Gebruikersnaam')).catch((e: Error) => { throw new Error(`${e.message}\nFouten in de pagina: ${fouten.join('; ')}`); });
      await inloggen(page, 'inkoper');
      await page.getByRole('heading', { level: 1, name: /^Welkom, Inge/ }).waitFor();
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Contractmanagement' }).click();
      await page.getByRole('heading', { level: 1, name: 'Contractmanagement' }).waitFor();

      // ————— The comparison: the provider's row with its figures; signals in words —————
      const rij = page.getByRole('row').filter({ has: page.getByRole('link', { name: naam }) });
      await zichtbaarOfUitleg(page, rij);
      const cellen = await rij.getByRole('cell').allTextContents();
      // Signalen, then Cliënten in zorg (1), Instroom (1), Uitstroom (0).
      expect(cellen.slice(0, 4)).toEqual(['Geen', '1', '1', '0']);
      // Spend without a ceiling: no share, said in words.
      expect(cellen.join(' ')).toContain('Geen gegevens');
      await page.getByRole('heading', { level: 2, name: 'Wat de cijfers betekenen en hun normen' }).waitFor();
      await expectToegankelijk(page, 'de vergelijking van aanbieders');
      await screenshot(page, 'contractmanagement-vergelijking');

      // Sorting by name is a choice of the select, and the table says so.
      await page.getByLabel('Sorteren op').selectOption('naam');
      await page.locator('caption', { hasText: 'naam (a–z)' }).waitFor();

      // ————— The provider's page —————
      await rij.getByRole('link', { name: naam }).click();
      await page.getByRole('heading', { level: 1, name: naam }).waitFor();
      const cijfers = page.getByRole('table', { name: /Cijfers van/ });
      await zichtbaarOfUitleg(page, cijfers.getByRole('row', { name: /Cliënten in zorg/ }));
      expect(await cijfers.getByRole('row', { name: /Cliënten in zorg/ }).getByRole('cell').allTextContents()).toEqual(['1', 'Geen norm', 'Geen norm']);
      expect(await cijfers.getByRole('row', { name: /Afgekeurde prestaties/ }).getByRole('cell').first().textContent()).toBe('–');
      const contracten = page.getByRole('table', { name: /Contracten van/ });
      await expect.poll(() => contracten.getByRole('row', { name: new RegExp(contract.nummer) }).getByRole('cell').nth(1).textContent()).toBe('Geen plafond');
      await page.getByRole('heading', { level: 2, name: 'Berichtenverkeer' }).waitFor();
      await expectToegankelijk(page, 'de pagina van de aanbieder');

      // ————— The ceiling: an amount that is none is refused, then one in euros is saved —————
      await page.getByText(`Plafond van contract ${contract.nummer} wijzigen`).click();
      const veld = page.getByLabel('Plafond per jaar in euro');
      await veld.fill('heel veel');
      await page.getByRole('button', { name: 'Plafond opslaan' }).click();
      await page.getByText('Vul het plafond in euro in, bijvoorbeeld 250.000,00.').waitFor();
      await expectToegankelijk(page, 'het plafondformulier met een fout');

      await veld.fill('250.000,00');
      await page.getByRole('button', { name: 'Plafond opslaan' }).click();
      await page.getByText(`Het plafond van contract ${contract.nummer} is nu € 250.000,00 per jaar.`).waitFor();
      await expect.poll(() => contracten.getByRole('row', { name: new RegExp(contract.nummer) }).getByRole('cell').nth(1).textContent()).toBe('€ 250.000,00');
      await expectToegankelijk(page, 'de pagina van de aanbieder na het opslaan van het plafond');
      await screenshot(page, 'contractmanagement-aanbieder');

      // ————— Beleid sees the same figures, without the form and without the message traffic —————
      await wisselNaar(page, 'beleid');
      await page.getByRole('heading', { level: 1, name: naam }).waitFor();
      await contracten.getByRole('row', { name: new RegExp(contract.nummer) }).waitFor();
      expect(await page.getByText(`Plafond van contract ${contract.nummer} wijzigen`).count()).toBe(0);
      expect(await page.getByRole('heading', { level: 2, name: 'Berichtenverkeer' }).count()).toBe(0);
      await page.getByRole('heading', { level: 2, name: 'Cliënten in zorg' }).waitFor();
      await page.getByText('minder dan 5').first().waitFor();
      await expectToegankelijk(page, 'de pagina van de aanbieder voor beleid');

      // ————— The teamleider of the resident's team: the same page, and the client by name —————
      await wisselNaar(page, 'teamleider');
      await page.getByRole('heading', { level: 1, name: naam }).waitFor();
      expect(await page.getByText(`Plafond van contract ${contract.nummer} wijzigen`).count()).toBe(0);
      await page.getByRole('region', { name: 'Cliënten in zorg' }).getByText(/Contractsma/).first().waitFor();
      await expectToegankelijk(page, 'de cliënten van de aanbieder voor de teamleider');
    } finally {
      await context.close();
    }
  });
});
