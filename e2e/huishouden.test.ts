/**
 * The household and the person (issue 10, point 4): a melding without an address shows the task
 * "Adres aanvullen"; the regisseur completes it, adds a child with gezag to the household, and the
 * household table shows relation, age and gezag. Point 5: a bewindvoerder for an adult, gezag
 * changed for a second parent, and an aanvraag filed on behalf of the child by the parent the
 * regisseur chooses. Axe on every state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASES, expectToegankelijk, geldigBsn, inloggen, newPage, overDagen, screenshot, startHarness, type DatabaseSoort, type Harness,
} from './harness.ts';

const vandaagNL = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

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

  it('een bewindvoerder vastleggen, het gezag wijzigen en een aanvraag indienen namens het kind door de gekozen ouder', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/inloggen');
      await inloggen(page, 'regisseur');
      await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
      const { csrfToken } = (await (await page.request.get('/api/v1/sessies/huidig')).json()) as { csrfToken: string };
      const headers = { 'x-csrf-token': csrfToken };
      const post = async <T>(pad: string, data?: unknown): Promise<T> => {
        const r = await page.request.post(pad, { headers, ...(data === undefined ? {} : { data }) });
        expect(r.status(), await r.text()).toBeLessThan(300);
        return (await r.json()) as T;
      };
      // A mother with her son (gezag: the mother) and the son's father (no gezag yet), and a casus in onderzoek with Ruud.
      const melding = await post<{ id: string; huishoudenId: string; persoon: { id: string } }>('/api/v1/meldingen', {
        persoon: { bsn: geldigBsn(Date.now() + 1234), voornaam: 'Lotte', achternaam: 'Smit', geboortedatum: '1986-02-03' },
        wet: 'jeugdwet', kanaal: 'telefoon', ontvangenOp: vandaagNL(), omschrijving: 'Moeder vraagt hulp voor haar zoon.',
      });
      const metZoon = await post<{ leden: { id: string; naam: string }[] }>(`/api/v1/huishoudens/${melding.huishoudenId}/leden`, {
        bsn: geldigBsn(Date.now() + 2345), voornaam: 'Sem', achternaam: 'Smit', geboortedatum: '2015-04-05', relatie: 'kind', gezag: true,
      });
      const sem = metZoon.leden.find((l) => l.naam === 'Sem Smit')!;
      await post(`/api/v1/huishoudens/${melding.huishoudenId}/leden`, {
        bsn: geldigBsn(Date.now() + 3456), voornaam: 'Bas', achternaam: 'Smit', geboortedatum: '1984-06-07', relatie: 'ouder', gezag: false, tenOpzichteVan: sem.id,
      });
      const { casus } = await post<{ casus: { id: string } }>(`/api/v1/meldingen/${melding.id}/triage`, { uitkomst: 'onderzoek' });
      const basis = `/api/v1/casussen/${casus.id}/plan`;
      if ((await page.request.get(basis)).status() === 404) await post(basis);
      const doel = await post<{ id: string }>(`${basis}/doelen`, {
        leefgebied: 'praktischFunctioneren', omschrijving: 'Sem gaat weer naar school', meetbaarResultaat: 'Vier dagen per week op school', streefdatum: overDagen(180),
      });
      await post(`${basis}/arrangement`, {
        doelId: doel.id, trede: 4, omschrijving: 'Ambulante jeugdhulp',
        motivering: 'Sem heeft specialistische begeleiding nodig; het netwerk en de algemene voorzieningen volstaan niet.',
      });

      await page.goto(`/casussen/${casus.id}`);
      await page.getByRole('heading', { level: 1, name: /^Casus C-/ }).waitFor();
      const huishouden = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Leden en contactgegevens' }) });
      await huishouden.getByRole('row', { name: /Sem Smit/ }).getByRole('cell', { name: 'Gezag: Lotte Smit' }).waitFor();

      // A professional bewindvoerder for the mother.
      await huishouden.getByRole('button', { name: 'Vertegenwoordiger van Lotte Smit vastleggen' }).click();
      const vv = page.getByRole('form', { name: 'Vertegenwoordiger vastleggen: Lotte Smit' });
      await vv.getByLabel(/^Soort vertegenwoordiger/).selectOption('bewindvoerder');
      await vv.getByLabel(/^Naam van de vertegenwoordiger/).fill('Bewindvoering Oost B.V.');
      await vv.getByLabel(/^Postcode/).fill('7400ac');
      await vv.getByLabel(/^Huisnummer of postbusnummer/).fill('120');
      await vv.getByLabel(/^Straat of Postbus/).fill('Postbus');
      await vv.getByLabel(/^Plaats/).fill('Deventer');
      await expectToegankelijk(page, 'het formulier vertegenwoordiger vastleggen');
      await screenshot(page, 'huishouden-vertegenwoordiger-formulier');
      await vv.getByRole('button', { name: 'Vertegenwoordiger opslaan' }).click();
      await page.getByText('Bewindvoering Oost B.V. is vastgelegd als bewindvoerder van Lotte Smit.', { exact: false }).waitFor();
      await huishouden.getByRole('row', { name: /Lotte Smit/ }).getByRole('cell', { name: 'Bewindvoering Oost B.V. (Bewindvoerder)' }).waitFor();
      await expectToegankelijk(page, 'het huishouden met een bewindvoerder');

      // The father gets gezag too (a court decision).
      await huishouden.getByRole('button', { name: 'Gezag over Sem Smit wijzigen' }).click();
      const gezag = page.getByRole('form', { name: 'Gezag wijzigen: Sem Smit' });
      expect(await gezag.getByLabel('Lotte Smit heeft gezag').isChecked()).toBe(true);
      expect(await gezag.getByLabel('Bas Smit heeft gezag').isChecked()).toBe(false);
      await gezag.getByLabel('Bas Smit heeft gezag').check();
      await expectToegankelijk(page, 'het formulier gezag wijzigen');
      await screenshot(page, 'huishouden-gezag-formulier');
      await gezag.getByRole('button', { name: 'Gezag opslaan' }).click();
      await page.getByText('Het gezag over Sem Smit is opgeslagen: Lotte Smit en Bas Smit.').waitFor();
      await huishouden.getByRole('row', { name: /Sem Smit/ }).getByRole('cell', { name: 'Gezag: Lotte Smit en Bas Smit' }).waitFor();
      await expectToegankelijk(page, 'het huishouden na het wijzigen van het gezag');

      // The aanvraag: by default for the mother herself; for Sem the parent with gezag applies, and the regisseur picks the father.
      const aanvragen = page.getByRole('region', { name: 'Aanvragen en besluiten' });
      await aanvragen.locator('summary', { hasText: 'Aanvraag indienen' }).click();
      const form = aanvragen.getByRole('form', { name: 'Aanvraag indienen' });
      const namens = form.getByLabel(/^Voor wie is de aanvraag/);
      const wie = form.getByLabel(/^Wie vraagt aan/);
      expect(await namens.locator('option:checked').textContent()).toMatch(/^Lotte Smit/);
      expect(await wie.inputValue()).toBe('zelf');
      await form.getByText('Lotte Smit is meerderjarig en vraagt standaard zelf aan; het besluit gaat ook naar Bewindvoering Oost B.V. (bewindvoerder).').waitFor();
      await namens.selectOption(sem.id);
      expect(await wie.inputValue()).toBe('ouder');
      await form.getByText(/^Sem Smit is minderjarig, dus vraagt de ouder met gezag aan \(Lotte Smit of Bas Smit\)/).waitFor();
      const welke = form.getByLabel(/^Welke ouder met gezag/);
      expect(await welke.locator('option:checked').textContent()).toBe('Lotte Smit');
      await welke.selectOption({ label: 'Bas Smit' });
      await expectToegankelijk(page, 'het aanvraagformulier namens een kind');
      await screenshot(page, 'huishouden-aanvraagformulier-namens-kind');
      await form.getByRole('button', { name: 'Aanvraag indienen' }).click();
      await page.getByText(/^Aanvraag A-\d{4}-\d{6} is ingediend\./).waitFor();
      await page.getByRole('link', { name: /^Naar aanvraag A-/ }).click();
      await page.getByRole('heading', { level: 1, name: /^Aanvraag A-\d{4}-\d{6}$/ }).waitFor();
      await page.getByText('Aangevraagd door Bas Smit (ouder met gezag) namens Sem Smit').waitFor();
      await screenshot(page, 'huishouden-aanvraag-namens-kind');
      // In the household's list of aanvragen the row says for whom and by whom, as the beslisser's list does.
      const nummer = (await page.getByRole('heading', { level: 1, name: /^Aanvraag A-/ }).textContent())!.replace('Aanvraag ', '');
      await page.goBack();
      const rij = page.getByRole('row').filter({ has: page.getByRole('link', { name: nummer, exact: true }) });
      await rij.getByText('Sem Smit (minderjarig)').waitFor();
      await rij.getByText('aangevraagd door Bas Smit (ouder met gezag)').waitFor();
      await expectToegankelijk(page, 'de casus met een aanvraag namens een kind');
    } finally {
      await context.close();
    }
  }, 240_000);
});
