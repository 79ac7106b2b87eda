/**
 * The household and the person (issue 10, point 4): a melding without an address shows the task
 * "Adres aanvullen"; the regisseur completes it, adds a child with gezag to the household, and the
 * household table shows relation, age and gezag. Axe on every state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASES, expectToegankelijk, geldigBsn, inloggen, newPage, screenshot, startHarness, type DatabaseSoort, type Harness,
} from './harness.ts';

describe.each(DATABASES)('huishouden en contactgegevens (%s)', (soort: DatabaseSoort) => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness(soort); }, 120_000);
  afterAll(async () => h?.close());

  it('adres aanvullen, een kind met gezag toevoegen en het huishouden zien', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/inloggen');
      await inloggen(page, 'regisseur');
      await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
      const r = await page.request.post('/api/v1/sessies', { data: { gebruikersnaam: 'regisseur', wachtwoord: 'demo' } });
      const { csrfToken } = (await r.json()) as { csrfToken: string };
      const m = await page.request.post('/api/v1/meldingen', {
        headers: { 'x-csrf-token': csrfToken },
        data: {
          persoon: { bsn: geldigBsn(Date.now() + 777), voornaam: 'Hanna', achternaam: 'Bakker', geboortedatum: '1984-05-06' },
          wet: 'jeugdwet', kanaal: 'telefoon', ontvangenOp: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date()),
          omschrijving: 'Moeder zoekt hulp bij de opvoeding van haar zoon.',
        },
      });
      expect(m.status()).toBe(201);
      const melding = (await m.json()) as { id: string };

      await page.goto(`/meldingen/${melding.id}`);
      await page.getByRole('heading', { level: 2, name: 'Taak: adres aanvullen' }).waitFor();
      await expectToegankelijk(page, 'een melding zonder adres');
      await page.getByRole('button', { name: 'Adres aanvullen' }).click();
      await page.getByLabel(/^Postcode/).fill('7411ab');
      await page.getByLabel(/^Huisnummer/).fill('14');
      await page.getByLabel(/^Straat/).fill('Molenweg');
      await page.getByLabel(/^Plaats/).fill('Demodorp');
      await page.getByRole('button', { name: 'Contactgegevens opslaan' }).click();
      await page.getByText('De contactgegevens van Hanna Bakker zijn opgeslagen.').waitFor();

      const huishouden = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Leden en contactgegevens' }) });
      await huishouden.getByRole('cell', { name: /Molenweg 14, 7411 AB Demodorp/ }).waitFor();
      await huishouden.getByRole('button', { name: 'Lid toevoegen' }).click();
      await page.getByLabel(/^BSN/).fill(geldigBsn(Date.now() + 999));
      await page.getByLabel(/^Voornaam/).fill('Timo');
      await page.getByLabel(/^Achternaam/).fill('Bakker');
      await page.getByLabel(/^Geboortedatum/).fill('2016-09-01');
      await expectToegankelijk(page, 'het formulier lid toevoegen');
      await page.locator('form').getByRole('button', { name: 'Lid toevoegen' }).click();
      await page.getByText('Timo Bakker is aan het huishouden toegevoegd.').waitFor();
      const rij = huishouden.getByRole('row', { name: /Timo Bakker/ });
      await rij.getByRole('cell', { name: 'Kind' }).waitFor();
      await rij.getByRole('cell', { name: 'Gezag: Hanna Bakker' }).waitFor();
      await expectToegankelijk(page, 'het huishouden met een kind');
      await screenshot(page, 'huishouden-melding');
    } finally {
      await context.close();
    }
  }, 180_000);
});
