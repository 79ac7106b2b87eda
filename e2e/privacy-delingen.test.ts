/**
 * Delen met partners (issue 11, point 5): on the casus page the regisseur records the resident's
 * consent, records a share on it, is refused a share outside its scope, and withdraws the consent;
 * after that there is no ground left to share on. The privacy officer finds the share and the
 * withdrawn consent on "Delen met partners". Axe on every state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, expectToegankelijk, geldigBsn, inloggen, newPage, screenshot, startHarness, type DatabaseSoort, type Harness } from './harness.ts';

const vandaagNL = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

describe.each(DATABASES)('toestemming en delen (%s)', (soort: DatabaseSoort) => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness(soort); }, 120_000);
  afterAll(async () => h?.close());

  it('toestemming vastleggen, delen, buiten de toestemming geweigerd, intrekken, en de privacy officer ziet het', async () => {
    const { context, page } = await newPage(h);
    const partner = `Zorg Thuis ${Date.now()}`;
    try {
      await page.goto('/inloggen');
      await inloggen(page, 'regisseur');
      await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
      const { csrfToken } = (await (await page.request.get('/api/v1/sessies/huidig')).json()) as { csrfToken: string };
      const post = async <T>(pad: string, data: unknown): Promise<T> => {
        const r = await page.request.post(pad, { headers: { 'x-csrf-token': csrfToken }, data });
        expect(r.status(), await r.text()).toBeLessThan(300);
        return (await r.json()) as T;
      };
      const melding = await post<{ id: string }>('/api/v1/meldingen', {
        persoon: { bsn: geldigBsn(Date.now() + 4242), voornaam: 'Greet', achternaam: 'Delen', geboortedatum: '1950-02-03' },
        wet: 'wmo', kanaal: 'telefoon', ontvangenOp: vandaagNL(), omschrijving: 'Mevrouw wil hulp bij het huishouden.',
      });
      const { casus } = await post<{ casus: { id: string } }>(`/api/v1/meldingen/${melding.id}/triage`, { uitkomst: 'onderzoek' });

      await page.goto(`/casussen/${casus.id}`);
      await page.getByRole('heading', { level: 1, name: /^Casus/ }).waitFor();
      await page.locator('#deel-delen > summary').click();
      const sectie = page.locator('section#delen');
      await sectie.getByText('Voor Greet Delen is nog geen toestemming of andere grondslag vastgelegd.').waitFor();
      await expectToegankelijk(page, 'toestemming en delen, leeg');

      // Consent by the resident, for one named provider and one purpose.
      await sectie.getByRole('button', { name: 'Grondslag vastleggen' }).click();
      await sectie.getByLabel('Greet Delen zelf').check();
      await sectie.getByLabel('Naam van de partner').fill(partner);
      await sectie.getByLabel('Uitvoering van de voorziening of hulp').check();
      await sectie.getByLabel(/^Welke gegevens/).fill('Naam, adres en de hulpvraag');
      await expectToegankelijk(page, 'het formulier grondslag vastleggen');
      await sectie.getByRole('button', { name: 'Toestemming opslaan' }).click();
      await sectie.getByText('Toestemming voor Greet Delen is vastgelegd.').waitFor();
      await sectie.getByRole('row', { name: new RegExp(partner) }).getByRole('cell', { name: 'Geldig' }).waitFor();

      // A share on it.
      await sectie.getByRole('button', { name: 'Verstrekking vastleggen' }).click();
      expect(await sectie.getByLabel(/^Naam van de partner/).inputValue()).toBe(partner);
      await sectie.getByLabel(/^Welke gegevens/).fill('Naam, adres en hulpvraag voor de start van de hulp');
      await expectToegankelijk(page, 'het formulier verstrekking vastleggen');
      await sectie.getByRole('button', { name: 'Verstrekking opslaan' }).click();
      await sectie.getByText(`De verstrekking aan ${partner} is vastgelegd.`).waitFor();

      // A share to a school is outside the consent: refused, with the reason.
      await sectie.getByRole('button', { name: 'Verstrekking vastleggen' }).click();
      await sectie.getByLabel(/^Soort partner/).selectOption('school');
      await sectie.getByLabel(/^Naam van de partner/).fill('Basisschool De Regenboog');
      await sectie.getByLabel(/^Welke gegevens/).fill('Naam');
      await sectie.getByRole('button', { name: 'Verstrekking opslaan' }).click();
      await page.getByRole('heading', { name: 'De grondslag dekt deze verstrekking niet' }).waitFor();
      await expectToegankelijk(page, 'een verstrekking buiten de toestemming');
      await screenshot(page, 'delingen-geweigerd');
      await sectie.getByRole('button', { name: 'Annuleren' }).click();
      expect(await sectie.getByRole('row', { name: /Basisschool De Regenboog/ }).count()).toBe(0);

      // Withdrawn: no ground left for a new share.
      await sectie.getByRole('button', { name: /^Toestemming intrekken/ }).click();
      await sectie.getByLabel('Reden').fill('Mevrouw regelt het liever zelf');
      await expectToegankelijk(page, 'het formulier toestemming intrekken');
      await sectie.getByRole('button', { name: 'Intrekking vastleggen' }).click();
      await sectie.getByText(/is ingetrokken\. Zij is geen grond meer/).waitFor();
      await sectie.getByRole('cell', { name: /Ingetrokken/ }).waitFor();
      await sectie.getByRole('button', { name: 'Verstrekking vastleggen' }).click();
      await sectie.getByText(/geen geldige toestemming of andere grondslag/).waitFor();
      await expectToegankelijk(page, 'toestemming en delen na intrekken');
      await screenshot(page, 'delingen-casus');

      // The privacy officer's overview.
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      await page.goto('/privacy/delingen');
      await inloggen(page, 'privacy');
      await page.getByRole('heading', { level: 1, name: 'Delen met partners' }).waitFor();
      await page.getByLabel('Naam van de partner').fill(partner);
      await page.getByRole('button', { name: 'Filteren' }).click();
      const rij = page.getByRole('row', { name: /Greet Delen/ });
      await rij.getByRole('cell', { name: /Naam, adres en hulpvraag voor de start van de hulp/ }).waitFor();
      await rij.getByRole('cell', { name: /ingetrokken op/ }).waitFor();
      await expectToegankelijk(page, 'het overzicht van verstrekkingen');
      await page.getByLabel('Toon').selectOption('grondslagen');
      await page.getByRole('button', { name: 'Filteren' }).click();
      await page.getByRole('columnheader', { name: 'Met wie' }).waitFor();
      await page.getByRole('row', { name: /Greet Delen/ }).getByRole('cell', { name: /Ingetrokken/ }).waitFor();
      await expectToegankelijk(page, 'het overzicht van grondslagen');
      await screenshot(page, 'delingen-privacy');
      await page.getByRole('navigation').getByRole('link', { name: 'Delen met partners' }).first().waitFor();
    } finally {
      await context.close();
    }
  }, 240_000);
});
