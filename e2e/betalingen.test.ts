/**
 * Browser test of payments (issue 15.3): beheer sets the ledger (a refused rule shows the error
 * summary and saves nothing); the inkoper changes the fixed monthly amount of the demo's youth team
 * (taakgericht) on its contract page (an amount that is no amount is named at the field), opens
 * Betalingen from the menu, gets a field error for a period that is no JJJJ-MM and makes the batches
 * of last month: a batch cannot be undone, so the form asks first, naming for whom and which month;
 * cancelled once, nothing is made. The youth team's batch pays the amount just set. The batch opens on its journal
 * lines, with the warning that the Jeugdwet has no ledger rule. Every page and state is checked with axe-core.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectToegankelijk, inloggen, newPage, screenshot, startHarness, vandaagNL, type Harness } from './harness.ts';

let h: Harness;
const JEUGDTEAM = 'Stichting Sociaal Werk Demodorp (jeugdteam)';

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

describe('betalingen: grootboek en betaalbatches', () => {
  test('beheer stelt het grootboek in; een lege grootboekrekening geeft een foutsamenvatting en er wordt niets opgeslagen', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/');
      await inloggen(page, 'beheer');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Grootboek' }).click();
      await page.getByRole('heading', { level: 1, name: 'Grootboek' }).waitFor();
      await expectToegankelijk(page, 'het grootboek');

      // The demo's ledger has three rules; the first loses its account.
      const regel = page.getByRole('group', { name: 'Regel 1' });
      expect(await page.getByRole('group', { name: /^Regel \d$/ }).count()).toBe(3);
      await regel.getByLabel('Grootboekrekening').fill('');
      await page.getByRole('button', { name: 'Grootboek opslaan' }).click();
      await page.getByRole('heading', { name: 'Controleer de volgende velden' }).waitFor();
      await page.getByRole('link', { name: /Grootboekrekening \(regel 1\): Vul de grootboekrekening in/ }).waitFor();
      await expectToegankelijk(page, 'het grootboek met een fout');

      await regel.getByLabel('Grootboekrekening').fill('4300');
      await page.getByRole('button', { name: 'Grootboek opslaan' }).click();
      await page.getByText('Het grootboek is opgeslagen: 3 regels.').waitFor();
      await expectToegankelijk(page, 'het opgeslagen grootboek');
      await screenshot(page, 'grootboek');
    } finally {
      await context.close();
    }
  });

  test('de inkoper zet het bedrag per maand van het taakgerichte jeugdteam op de contractpagina; een bedrag dat geen bedrag is, wordt bij het veld genoemd', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/');
      await inloggen(page, 'inkoper');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Aanbieders' }).click();
      await page.getByRole('heading', { level: 1, name: 'Aanbieders' }).waitFor();
      await page.getByRole('link', { name: JEUGDTEAM }).click();
      await page.getByRole('heading', { level: 1, name: JEUGDTEAM }).waitFor();
      await page.getByRole('table', { name: 'Contracten van de aanbieder' }).getByRole('link').first().click();
      await page.getByRole('heading', { level: 1, name: /^Contract / }).waitFor();
      const producten = page.getByRole('table', { name: /^Producten van contract/ });
      await producten.getByRole('row', { name: /31T01/ }).getByText('€ 12.500,00 per maand').waitFor();
      await expectToegankelijk(page, 'het contract van het jeugdteam');

      await page.getByText('Bedrag per maand wijzigen voor 31T01').click();
      const form = page.getByRole('form', { name: /^Bedrag per maand voor 31T01/ });
      const veld = form.getByLabel(/^Bedrag per maand \(euro\)/);
      expect(await veld.inputValue()).toBe('12500,00');
      await veld.fill('dertienduizend');
      await form.getByRole('button', { name: 'Bedrag per maand opslaan' }).click();
      await form.getByText('Schrijf het bedrag per maand als een bedrag in euro, bijvoorbeeld 12.500,00.').waitFor();
      await expectToegankelijk(page, 'het bedrag per maand met een fout');

      await veld.fill('13.250,00');
      await form.getByRole('button', { name: 'Bedrag per maand opslaan' }).click();
      await page.getByText(/Het bedrag per maand van Jeugdhulp door het wijkteam \(lumpsum\) is € 13\.250,00\./).waitFor();
      await producten.getByRole('row', { name: /31T01/ }).getByText('€ 13.250,00 per maand').waitFor();
      await expectToegankelijk(page, 'het contract met het nieuwe bedrag per maand');
      await screenshot(page, 'bedrag-per-maand');
    } finally {
      await context.close();
    }
  });

  test('de inkoper maakt de betaalbatches van de vorige maand (voorgevuld) en opent er een; een periode die geen JJJJ-MM is, wordt bij het veld genoemd', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/');
      await inloggen(page, 'inkoper');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Betalingen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Betalingen' }).waitFor();
      await expectToegankelijk(page, 'de betalingen');

      const periode = page.getByLabel('Periode');
      const huidige = await periode.inputValue();
      expect(huidige < vandaagNL().slice(0, 7)).toBe(true);
      // A period that is no month is named at the field, before any question is asked.
      await periode.fill('2026-13');
      await page.getByRole('button', { name: 'Betaalbatches maken' }).click();
      await page.getByRole('heading', { name: 'Controleer de volgende velden' }).waitFor();
      await page.getByRole('link', { name: 'Periode: Geef de periode als JJJJ-MM, bijvoorbeeld 2026-11' }).waitFor();
      expect(await page.getByRole('group', { name: /^Betaalbatches maken voor/ }).count()).toBe(0);
      await expectToegankelijk(page, 'de betalingen met een fout');

      // The default is every provider: the question says so, with the month, and that a batch cannot be undone.
      await periode.fill(huidige);
      await page.getByRole('button', { name: 'Betaalbatches maken' }).click();
      const vraag = page.getByRole('group', { name: /^Betaalbatches maken voor alle aanbieders over \S+ \d{4}\?$/ });
      await vraag.waitFor();
      await vraag.getByText(/^Elke aanbieder met iets te betalen krijgt een eigen betaalbatch/).waitFor();
      await vraag.getByText('Een betaalbatch kan niet ongedaan worden gemaakt: wat erin zit, wordt betaald en komt in geen andere batch meer.').waitFor();
      await expectToegankelijk(page, 'de vraag of de betaalbatches gemaakt moeten worden');
      await screenshot(page, 'betalingen-bevestigen');

      // Cancelled: nothing is made (the API lists as many batches of that month as before).
      const batchesVanMaand = async () => ((await (await page.request.get(`/api/v1/betaalbatches?periode=${huidige}`)).json()) as unknown[]).length;
      const ervoor = await batchesVanMaand();
      await vraag.getByRole('button', { name: 'Annuleren' }).click();
      await vraag.waitFor({ state: 'detached' });
      expect(await page.getByText(/betaalbatch(es)? gemaakt voor/).count()).toBe(0);
      expect(await batchesVanMaand()).toBe(ervoor);

      await page.getByRole('button', { name: 'Betaalbatches maken' }).click();
      await vraag.getByRole('button', { name: 'Ja, betaalbatches maken voor alle aanbieders' }).click();
      await page.getByText(/betaalbatch(es)? gemaakt voor/).waitFor();
      expect(await batchesVanMaand()).toBeGreaterThan(ervoor);
      // The youth team is paid the amount the inkoper set on its contract page.
      await page.getByRole('table').getByRole('row').filter({ hasText: JEUGDTEAM }).getByRole('cell', { name: '€ 13.250,00' }).first().waitFor();
      await expectToegankelijk(page, 'de betalingen na het maken');
      await screenshot(page, 'betalingen');
      await page.getByRole('table').getByRole('link').first().click();
      await page.getByRole('heading', { level: 1, name: /^Betaalbatch BB-/ }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Journaalregels' }).waitFor();
      // Every law has a ledger rule (the demo's, changed above): the journal can be downloaded.
      const csv = page.getByRole('link', { name: 'downloaden als CSV' });
      await csv.waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), csv.click()]);
      expect(download.suggestedFilename()).toMatch(/^journaal-BB-\d{6}-\d{3}\.csv$/);
      await expectToegankelijk(page, 'een betaalbatch');
      await screenshot(page, 'betaalbatch');
    } finally {
      await context.close();
    }
  });
});
