/**
 * Need-to-know in the browser (issue 11, part 1): a resident made in this test is Ruud's. Rachida
 * (same team) does not see the file; Ruud adds her as a colleague on the casus page, by keyboard,
 * and she does; after Ruud removes her she gets the "geen toegang" message again. Axe on each state.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, expectToegankelijk, geldigBsn, inloggen, newPage, screenshot, startHarness, wisselNaar, type DatabaseSoort, type Harness } from './harness.ts';

const vandaagNL = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

async function apiSessie(page: Page, gebruikersnaam: string) {
  const r = await page.request.post('/api/v1/sessies', { data: { gebruikersnaam, wachtwoord: 'demo' } });
  expect(r.status()).toBe(200);
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  return {
    async post<T>(pad: string, body: unknown): Promise<T> {
      const res = await page.request.post(pad, { data: body, headers });
      expect(res.status(), `POST ${pad}: ${await res.text()}`).toBeLessThan(300);
      return (await res.json()) as T;
    },
    async uitloggen(): Promise<void> {
      expect((await page.request.delete('/api/v1/sessies/huidig', { headers })).status()).toBeLessThan(300);
    },
  };
}

describe.each(DATABASES)('betrokken collega\'s op de casus (%s)', (soort: DatabaseSoort) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(soort);
  }, 120_000);
  afterAll(async () => h?.close());

  it('Ruud voegt Rachida toe en haalt haar weer weg; alleen daartussen ziet zij het dossier', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/');
      // A new resident, registered by the frontoffice; Ruud takes the casus at triage.
      const fo = await apiSessie(page, 'frontoffice');
      const melding = await fo.post<{ id: string }>('/api/v1/meldingen', {
        persoon: { bsn: geldigBsn(Date.now() + 7), voornaam: 'Gerrit', achternaam: 'Zandbergen', geboortedatum: '1947-05-21' },
        wet: 'wmo', kanaal: 'telefoon', ontvangenOp: vandaagNL(), omschrijving: 'Meneer redt het huishouden niet meer sinds zijn vrouw overleed.',
      });
      await fo.uitloggen();
      const rg = await apiSessie(page, 'regisseur');
      const casus = (await rg.post<{ casus: { id: string; nummer: string } }>(`/api/v1/meldingen/${melding.id}/triage`, { uitkomst: 'onderzoek' })).casus;
      await rg.uitloggen();

      // Rachida: not on the casus, so no file.
      await page.goto(`/casussen/${casus.id}`);
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      await inloggen(page, 'regisseur2');
      await page.getByText('U heeft geen toegang tot dit dossier').first().waitFor();
      expect(await page.getByText('Gerrit Zandbergen').count()).toBe(0);

      // Ruud opens "Betrokken collega's" and adds her, by keyboard.
      await wisselNaar(page, 'regisseur');
      await page.getByRole('heading', { level: 1, name: `Casus ${casus.nummer}` }).waitFor();
      const deel = page.locator('#deel-betrokkenen');
      await deel.locator('summary').first().focus();
      await page.keyboard.press('Enter');
      const sectie = page.getByRole('region', { name: 'Betrokken collega\'s' });
      await sectie.getByText('Er zijn geen collega\'s toegevoegd.').waitFor();
      await sectie.getByText('Collega toevoegen').first().click();
      await sectie.getByLabel(/^Collega uit het team/).selectOption({ label: 'Rachida Regisseur' });
      await sectie.getByLabel(/^Rol in de casus/).fill('vervanger tijdens verlof');
      await sectie.getByRole('button', { name: 'Collega toevoegen' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('Rachida Regisseur is toegevoegd en kan het dossier nu inzien.').waitFor();
      await sectie.getByRole('cell', { name: 'vervanger tijdens verlof' }).waitFor();
      await screenshot(page, 'betrokkenen-toegevoegd');
      await expectToegankelijk(page, 'de casus met een betrokken collega');

      // Rachida now reads the file.
      await wisselNaar(page, 'regisseur2');
      await page.getByRole('heading', { level: 1, name: `Casus ${casus.nummer}` }).waitFor();
      await page.getByText('Gerrit Zandbergen').first().waitFor();

      // Ruud removes her: the file closes again for her.
      await wisselNaar(page, 'regisseur');
      await page.getByRole('heading', { level: 1, name: `Casus ${casus.nummer}` }).waitFor();
      const open = page.getByRole('region', { name: 'Betrokken collega\'s' });
      if (!(await open.isVisible())) await page.locator('#deel-betrokkenen summary').first().click();
      await open.getByRole('button', { name: 'Weghalen: Rachida Regisseur' }).click();
      await page.getByText('Rachida Regisseur is weggehaald en kan het dossier niet meer inzien.').waitFor();
      await open.getByText('Er zijn geen collega\'s toegevoegd.').waitFor();
      await expectToegankelijk(page, 'de casus na het weghalen');

      await wisselNaar(page, 'regisseur2');
      await page.getByText('U heeft geen toegang tot dit dossier').first().waitFor();
      await expectToegankelijk(page, 'de casus zonder toegang');
    } finally {
      await context.close();
    }
  }, 180_000);
});
