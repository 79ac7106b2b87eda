/**
 * Browser test of inkoop: the inkoper sets up a new aanbieder (an AGB code of its own every run) with
 * a contract and two products through the UI, gives one product a new tariff from 1 January next year
 * and sees the history (the old tariff ends on 31 December), downloads the product table as CSV,
 * imports a CSV with one good and one bad line and reads the report, and looks at the result-based
 * tables and the pgb tariffs. Every page and state is checked with axe-core; the new tariff is entered
 * by keyboard.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectToegankelijk, inloggen, newPage, screenshot, startHarness, type Harness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

const jaar = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(new Date()));
/** An AGB code no run used before: 8 digits from the clock. */
const agbCode = String(Date.now()).slice(-8);
const kvkNummer = String(Date.now() + 7).slice(-8);
const naam = `Zorg op Maat ${agbCode}`;

describe('inkoop: aanbieder, contract en tarieven', () => {
  test('de inkoper legt een aanbieder vast met een contract, zet een nieuw tarief, exporteert en importeert de producttabel', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/');
      await inloggen(page, 'inkoper');
      await page.getByRole('heading', { level: 1, name: /^Welkom, Inge/ }).waitFor();
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Aanbieders' }).click();
      await page.getByRole('heading', { level: 1, name: 'Aanbieders' }).waitFor();
      await page.getByRole('status').filter({ hasText: /aanbieder/ }).waitFor();
      await expectToegankelijk(page, 'de lijst van aanbieders');

      // A new aanbieder: first without anything, so the error summary shows what is missing.
      await page.getByRole('link', { name: 'Aanbieder toevoegen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Aanbieder toevoegen' }).waitFor();
      await page.getByRole('button', { name: 'Aanbieder toevoegen' }).click();
      const samenvatting = page.locator('.eenvoud-foutsamenvatting');
      await samenvatting.waitFor();
      expect(await samenvatting.textContent()).toMatch(/AGB-code/);
      await expectToegankelijk(page, 'het aanbiederformulier met fouten');

      await page.getByLabel(/^Naam/).fill(naam);
      await page.getByLabel(/^AGB-code/).fill(agbCode);
      await page.getByLabel(/^KvK-nummer/).fill(kvkNummer);
      await page.getByLabel(/^Straat/).fill('Dorpsstraat');
      await page.getByLabel(/^Huisnummer/).fill('12');
      await page.getByLabel(/^Postcode/).fill('1234 AB');
      await page.getByLabel(/^Plaats/).fill('Demodorp');
      await page.getByLabel(/^Contactpersoon/).fill('Carla Contract');
      await page.getByLabel(/^E-mailadres/).fill('carla@zorgopmaat.example');
      await page.getByLabel('Wmo 2015').check();
      await page.getByRole('button', { name: 'Aanbieder toevoegen' }).click();
      await page.getByRole('heading', { level: 1, name: naam }).waitFor();
      await page.getByText('Deze aanbieder heeft nog geen contract.').waitFor();
      await page.getByText('Deze aanbieder levert nu geen voorzieningen.').waitFor();
      await page.getByRole('heading', { level: 2, name: 'Lopende voorzieningen' }).waitFor();
      await expectToegankelijk(page, 'de pagina van de nieuwe aanbieder');
      await screenshot(page, 'inkoop-aanbieder');

      // Changing the details: the form comes filled in; a bad KvK number is named in the summary.
      await page.getByRole('link', { name: 'Gegevens wijzigen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Aanbieder wijzigen' }).waitFor();
      expect(await page.getByLabel(/^AGB-code/).inputValue()).toBe(agbCode);
      await page.getByLabel(/^KvK-nummer/).fill('123');
      await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
      await samenvatting.getByRole('link', { name: /KvK-nummer/ }).click();
      await expect.poll(() => page.getByLabel(/^KvK-nummer/).evaluate((el) => el.matches(':focus'))).toBe(true);
      await expectToegankelijk(page, 'het wijzigformulier met een fout');
      await page.getByLabel(/^KvK-nummer/).fill(kvkNummer);
      await page.getByLabel(/^Telefoonnummer/).fill('0571 123 456');
      await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
      await page.getByRole('heading', { level: 1, name: naam }).waitFor();
      await page.getByText('Carla Contract, carla@zorgopmaat.example, 0571 123 456').waitFor();

      // A contract with two products (the second row added with "Nog een product").
      await page.getByRole('link', { name: 'Nieuw contract' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nieuw contract' }).waitFor();
      // The aanbieder comes along from its page (the options arrive a moment after the page).
      await expect.poll(() => page.getByLabel(/^Aanbieder \(hoofdaannemer\)/).inputValue()).not.toBe('');
      await page.getByLabel(/^Perceel/).fill('Perceel 1 Huishouden en begeleiding');
      await page.getByLabel(/^Ingangsdatum/).fill(`${jaar}-01-01`);
      const product1 = page.getByRole('group', { name: 'Product 1' });
      await product1.getByLabel(/^Wet/).selectOption('wmo');
      await product1.getByLabel(/^Productcategorie/).selectOption('01');
      await product1.getByLabel(/^Productcode/).fill('01A01');
      await product1.getByLabel(/^Productnaam/).fill('Hulp bij het huishouden');
      await product1.getByLabel(/^Eenheid/).selectOption('04');
      await product1.getByLabel(/^Frequentie/).selectOption('2');
      await product1.getByLabel(/^Bekostiging/).selectOption('inspanningsgericht');
      await product1.getByLabel(/^Tarief in euro/).fill('36,45');
      await page.getByRole('button', { name: 'Nog een product' }).click();
      const product2 = page.getByRole('group', { name: 'Product 2' });
      await expect.poll(() => product2.getByLabel(/^Wet/).evaluate((el) => el.matches(':focus'))).toBe(true);
      await product2.getByLabel(/^Wet/).selectOption('wmo');
      await product2.getByLabel(/^Productcategorie/).selectOption('02');
      await product2.getByLabel(/^Productcode/).fill('02A01');
      await product2.getByLabel(/^Productnaam/).fill('Individuele begeleiding');
      await product2.getByLabel(/^Eenheid/).selectOption('04');
      await product2.getByLabel(/^Frequentie/).selectOption('2');
      await product2.getByLabel(/^Bekostiging/).selectOption('inspanningsgericht');
      await product2.getByLabel(/^Tarief in euro/).fill('68,50');
      await expectToegankelijk(page, 'het formulier voor een nieuw contract met twee producten');
      await page.getByRole('button', { name: 'Contract opslaan' }).click();

      await page.getByRole('heading', { level: 1, name: /^Contract / }).waitFor();
      const producten = page.getByRole('table', { name: /^Producten van contract/ });
      await producten.waitFor();
      const tekst = (await producten.textContent()) ?? '';
      expect(tekst).toContain('01A01');
      expect(tekst).toContain('02A01');
      expect(tekst).toContain('per week');
      expect(tekst).toContain('uur');
      expect(tekst).toContain('€ 36,45');
      expect(tekst).toContain('€ 68,50');
      expect(tekst).toContain('01 Hulp bij het huishouden');
      await expectToegankelijk(page, 'de contractpagina');
      await screenshot(page, 'inkoop-contract');

      // A new tariff from 1 January next year, by keyboard: open the form, type, Enter.
      const hhKop = page.getByRole('heading', { level: 3, name: '01A01 Hulp bij het huishouden' });
      await hhKop.waitFor();
      const uitklap = page.locator('summary', { hasText: 'Nieuw tarief vanaf een datum voor 01A01' });
      await uitklap.focus();
      await page.keyboard.press('Enter');
      const tariefForm = page.getByRole('form', { name: 'Nieuw tarief voor 01A01 Hulp bij het huishouden' });
      await tariefForm.getByLabel(/^Nieuw tarief vanaf/).fill(`${jaar + 1}-01-01`);
      await tariefForm.getByLabel(/^Tarief in euro per uur/).focus();
      await page.keyboard.type('38,10');
      await expectToegankelijk(page, 'het formulier voor een nieuw tarief');
      await page.keyboard.press('Enter');
      await page.getByText(`Het tarief van Hulp bij het huishouden is vanaf 1 januari ${jaar + 1} € 38,10.`).waitFor();
      const historie = page.getByRole('table', { name: 'Tariefhistorie van 01A01 Hulp bij het huishouden' });
      await expect.poll(async () => (await historie.getByRole('row').count())).toBe(3);
      const regels = await historie.getByRole('row').allTextContents();
      expect(regels[1]).toContain(`1 januari ${jaar}`);
      expect(regels[1]).toContain(`31 december ${jaar}`);
      expect(regels[1]).toContain('€ 36,45');
      expect(regels[2]).toContain(`1 januari ${jaar + 1}`);
      expect(regels[2]).toContain('Geen einddatum');
      expect(regels[2]).toContain('€ 38,10');
      // Today's tariff in the product table does not change before next year.
      expect(await producten.textContent()).toContain('€ 36,45');
      await expectToegankelijk(page, 'de contractpagina met het nieuwe tarief');

      // A product added to the running contract.
      await page.locator('summary', { hasText: 'Een product aan dit contract toevoegen' }).click();
      const nieuwProduct = page.getByRole('form', { name: 'Product toevoegen' });
      await nieuwProduct.getByLabel(/^Wet/).selectOption('wmo');
      await nieuwProduct.getByLabel(/^Productcategorie/).selectOption('04');
      await nieuwProduct.getByLabel(/^Productcode/).fill('04A01');
      await nieuwProduct.getByLabel(/^Productnaam/).fill('Kortdurend verblijf');
      await nieuwProduct.getByLabel(/^Eenheid/).selectOption('14');
      await nieuwProduct.getByLabel(/^Frequentie/).selectOption('4');
      await nieuwProduct.getByLabel(/^Bekostiging/).selectOption('inspanningsgericht');
      await nieuwProduct.getByLabel(/^Tarief in euro/).fill('145');
      await nieuwProduct.getByLabel(/^Capaciteit/).fill('4');
      await expectToegankelijk(page, 'het formulier om een product toe te voegen');
      await nieuwProduct.getByRole('button', { name: 'Product toevoegen' }).click();
      await page.getByText('04A01 Kortdurend verblijf is aan het contract toegevoegd.').waitFor();
      await expect.poll(async () => (await producten.getByRole('row').filter({ hasText: '04A01' }).textContent()) ?? '')
        .toMatch(/etmaal.*per maand.*€ 145,00 per etmaal/);

      // Export: the CSV holds the products.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Exporteren als CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const csv = await readFile((await download.path())!, 'utf8');
      const csvRegels = csv.replace(/^\uFEFF/, '').split(/\r?\n/).filter((r) => r.trim() !== '');
      expect(csvRegels.length).toBeGreaterThanOrEqual(3);
      expect(csvRegels.some((r) => r.includes('01A01'))).toBe(true);
      expect(csvRegels.some((r) => r.includes('02A01'))).toBe(true);
      await expect.poll(() => page.getByRole('link', { name: 'Exporteren als Excel' }).getAttribute('href')).toMatch(/xlsx/);

      // Import: the export's own format with one new product and one line with a bad productcode.
      const scheiding = csvRegels[0]!.includes(';') ? ';' : ',';
      const kop = csvRegels[0]!.split(scheiding);
      const voorbeeld = csvRegels.find((r) => r.includes('02A01'))!;
      const nieuw = voorbeeld.replace('02A01', '07A01').replace('Individuele begeleiding', 'Dagbesteding');
      const fout = voorbeeld.replace('02A01', 'X').replace('Individuele begeleiding', 'Fout product');
      expect(kop.length).toBeGreaterThan(3);
      const bestand = [csvRegels[0], nieuw, fout].join('\r\n');
      const kiesBestand = () => page.getByLabel(/^Bestand \(CSV of Excel\)/)
        .setInputFiles({ name: 'producten.csv', mimeType: 'text/csv', buffer: Buffer.from(bestand, 'utf8') });
      // All or nothing (the default): the bad line stops the whole file.
      await kiesBestand();
      await page.getByRole('button', { name: 'Importeren' }).click();
      await page.getByText(/^Er is niets opgeslagen: 1 regel is afgewezen/).waitFor();
      const afgewezen = page.getByRole('table', { name: 'Afgewezen regels' });
      expect(await afgewezen.getByRole('row').nth(1).textContent()).toMatch(/^3productcode/i);
      expect(await producten.textContent()).not.toContain('07A01');
      await expectToegankelijk(page, 'de contractpagina met een import die niets opsloeg');
      // Without all-or-nothing the good line is saved and the bad one reported.
      await page.getByLabel(/^Alles of niets/).uncheck();
      await kiesBestand();
      await page.getByRole('button', { name: 'Importeren' }).click();
      await page.getByText('De import is verwerkt: 1 toegevoegd, 0 gewijzigd, 0 ongewijzigd, 1 regel afgewezen.').waitFor();
      const verslag = page.getByRole('table', { name: 'Verslag van de import' });
      expect(await verslag.getByRole('row').allTextContents()).toEqual(['UitkomstAantal regels', 'Toegevoegd1', 'Gewijzigd0', 'Ongewijzigd0', 'Afgewezen1']);
      expect(await afgewezen.getByRole('row').nth(1).textContent()).toMatch(/^3productcode/i);
      await expect.poll(async () => (await producten.textContent()) ?? '').toContain('07A01');
      await expectToegankelijk(page, 'de contractpagina met het verslag van de import');
      await screenshot(page, 'inkoop-import');

      // The new aanbieder is in the list and found by its AGB code.
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Aanbieders' }).click();
      await page.getByRole('searchbox', { name: /^Zoeken/ }).fill(agbCode);
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: '1 aanbieder gevonden.' }).waitFor();
      await page.getByRole('link', { name: naam }).waitFor();
      await expectToegankelijk(page, 'de lijst van aanbieders, gezocht');
    } finally {
      await context.close();
    }
  });

  test('de inkoper ziet de resultaatgerichte tabellen per versie, zet een nieuwe versie vanaf een datum en zet een nieuw pgb-tarief', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/');
      await inloggen(page, 'inkoper');
      await page.getByRole('heading', { level: 1, name: /^Welkom, Inge/ }).waitFor();
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Resultaatgerichte tarieven' }).click();
      await page.getByRole('heading', { level: 1, name: 'Resultaatgerichte tarieven' }).waitFor();
      await page.getByRole('heading', { level: 2, name: /^Jeugd: profiel/ }).waitFor();
      await page.getByRole('heading', { level: 2, name: /^Wmo begeleiding/ }).waitFor();
      await expectToegankelijk(page, 'de resultaatgerichte tarieven');
      await screenshot(page, 'inkoop-resultaattarieven');
      await page.locator('summary', { hasText: /^Nieuwe versie vanaf een datum \(Jeugd\)/ }).click();
      const versieForm = page.getByRole('form', { name: 'Nieuwe versie van Jeugd: profiel × intensiteit' });
      await expectToegankelijk(page, 'het formulier voor een nieuwe versie van de Jeugdtabel');
      // A new version from 1 January in two years: every profile × intensity gets an amount in euros.
      await versieForm.getByLabel(/^Productcode/).fill('45R01');
      await versieForm.getByLabel(/^Geldig vanaf/).fill(`${jaar + 2}-01-01`);
      const cellen = versieForm.getByRole('textbox', { name: /in euro$/ });
      const aantal = await cellen.count();
      expect(aantal).toBeGreaterThanOrEqual(12);
      await cellen.first().fill('2.800,5');
      for (let i = 1; i < aantal; i++) await cellen.nth(i).fill(`${3000 + i * 100},00`);
      await versieForm.getByRole('button', { name: 'Nieuwe versie opslaan' }).click();
      await page.getByText(`De nieuwe tabel voor 45R01 geldt vanaf 1 januari ${jaar + 2}.`).waitFor();
      const versie = page.getByRole('table', { name: `45R01, geldig vanaf 1 januari ${jaar + 2}` });
      await versie.waitFor();
      expect(await versie.getByRole('row').nth(1).textContent()).toContain('€ 2.800,50');
      await expectToegankelijk(page, 'de resultaatgerichte tarieven met een nieuwe versie');

      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Pgb-tarieven' }).click();
      await page.getByRole('heading', { level: 1, name: 'Pgb-tarieven' }).waitFor();
      await expectToegankelijk(page, 'de pgb-tarieven');
      const form = page.getByRole('form', { name: 'Nieuw pgb-tarief' });
      await form.getByLabel(/^Tarief in euro/).fill('twaalf');
      await form.getByRole('button', { name: 'Pgb-tarief opslaan' }).click();
      await form.getByText('Schrijf het tarief als een bedrag in euro').waitFor();
      await expectToegankelijk(page, 'het pgb-formulier met een fout');
      await form.getByLabel(/^Wet/).selectOption('wmo');
      await form.getByLabel(/^Productcode/).fill('PG999');
      await form.getByLabel(/^Eenheid/).selectOption('04');
      await form.getByLabel(/^Frequentie/).selectOption('2');
      await form.getByLabel(/^Tarief in euro/).fill('27,34');
      await form.getByLabel(/^Geldig vanaf/).fill(`${jaar + 1}-01-01`);
      await form.getByRole('button', { name: 'Pgb-tarief opslaan' }).click();
      await page.getByText(`Het pgb-tarief van PG999 is vanaf 1 januari ${jaar + 1} € 27,34.`).waitFor();
      const rij = page.getByRole('row').filter({ hasText: 'PG999' });
      expect(await rij.textContent()).toContain('€ 27,34');
      await expectToegankelijk(page, 'de pgb-tarieven met het nieuwe tarief');
    } finally {
      await context.close();
    }
  });
});
