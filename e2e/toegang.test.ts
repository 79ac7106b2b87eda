/**
 * Browser test of toegang: a resident's question through the public form, picked up by the
 * casusregisseur (triage, term suspended, casus), and the queues with term signals. Every page
 * and state is checked with axe-core for WCAG 2.1 AA.
 *
 * The public form allows 5 submissions per 10 minutes per IP: this file sends at most 1.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectToegankelijk, geldigBsn, type Harness, inloggen, newPage, screenshot, startHarness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

const inwoner = { voornaam: 'Jorien', achternaam: 'Online-E2E', geboortedatum: '1951-07-09' };

describe('toegang', () => {
  test('een inwoner stelt online een vraag; de regisseur doet de triage, schort de termijn op en opent de casus', async () => {
    const { context, page } = await newPage(h);
    try {
      // The public form: no login, no staff menu.
      await page.goto('/melden/demodorp');
      await page.getByRole('heading', { level: 1, name: 'Wat is uw vraag?' }).waitFor();
      // The gemeente's name arrives with its huisstijl, just after the form: wait for it.
      await page.getByRole('banner').getByText('Gemeente Demodorp').waitFor();
      await page.waitForFunction(`document.title === 'Wat is uw vraag? – Gemeente Demodorp'`);
      expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0);
      expect(await page.title()).toBe('Wat is uw vraag? – Gemeente Demodorp');
      await page.getByLabel('Weet ik niet').waitFor();
      // The honeypot is there for robots, hidden from people and screen readers.
      const honingpot = page.locator('input[name="website"]');
      expect(await honingpot.getAttribute('tabindex')).toBe('-1');
      expect(await honingpot.evaluate((el) => el.closest('[aria-hidden="true"]') !== null)).toBe(true);
      // The question about eviction only appears for debts.
      const spoed = page.getByLabel(/Dreigt u uit uw huis gezet te worden/);
      expect(await spoed.count()).toBe(0);
      await page.getByLabel('Schulden en geldzorgen').check();
      await spoed.waitFor();
      await expectToegankelijk(page, 'het publieke formulier');

      // Empty: an error summary with links to the fields.
      await page.getByLabel('Hulp en ondersteuning thuis (Wmo)').check();
      expect(await spoed.count()).toBe(0);
      await page.getByRole('button', { name: 'Vraag versturen' }).click();
      const samenvatting = page.locator('.eenvoud-foutsamenvatting');
      await samenvatting.getByRole('heading', { name: 'Controleer uw antwoorden' }).waitFor();
      expect(await samenvatting.getByRole('link', { name: /^BSN:/ }).getAttribute('href')).toBe('#veld-persoon-bsn');
      await samenvatting.getByRole('link', { name: /^Telefoon of e-mail:/ }).waitFor();
      expect(await page.getByLabel(/^Voornaam/).getAttribute('aria-invalid')).toBe('true');
      await expectToegankelijk(page, 'het publieke formulier met fouten');
      await screenshot(page, 'publiek-fouten');

      // Valid answers.
      await page.getByLabel(/^BSN/).fill(geldigBsn(Date.now() + 4242));
      await page.getByLabel(/^Voornaam/).fill(inwoner.voornaam);
      await page.getByLabel(/^Achternaam/).fill(inwoner.achternaam);
      await page.getByLabel(/^Geboortedatum/).fill(inwoner.geboortedatum);
      await page.getByLabel(/^Wat is uw vraag\?/).fill('Ik kan sinds mijn val niet meer zelf boodschappen doen en mijn huis schoonhouden.');
      await page.getByLabel(/^Telefoonnummer/).fill('06 12345678');
      await page.getByLabel(/^Postcode/).fill('7411 AB');
      await page.getByLabel(/^Huisnummer/).fill('3');
      await page.getByLabel(/^Straat/).fill('Kerkstraat');
      await page.getByLabel(/^Plaats/).fill('Demodorp');
      await screenshot(page, 'publiek-formulier');
      await page.getByRole('button', { name: 'Vraag versturen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Wij hebben uw vraag ontvangen' }).waitFor();
      // The resident gets a random reference (EV-…); staff work with the melding's own number (M-…).
      const referentie = (await page.locator('.eenvoud-referentie').textContent())?.trim() ?? '';
      expect(referentie).toMatch(/^EV-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      await page.getByRole('heading', { name: 'Wat gebeurt er nu?' }).waitFor();
      await expectToegankelijk(page, 'de bevestiging voor de inwoner');
      await screenshot(page, 'publiek-bevestiging');

      // The regisseur finds it among the meldingen nobody has picked up.
      await page.goto('/inloggen');
      await inloggen(page, 'regisseur');
      await page.getByRole('heading', { level: 1, name: /^Welkom, Ruud/ }).waitFor();
      const hoofdmenu = page.getByRole('navigation', { name: 'Hoofdmenu' });
      expect(await hoofdmenu.getByRole('link').allTextContents()).toEqual(['Start', 'Werkvoorraad', 'Nieuwe melding', 'Aanvragen', 'Verzoeken van aanbieders', 'Termijnen', 'Procescoördinatie', 'Catalogus', 'Toegang met reden']);
      await hoofdmenu.getByRole('link', { name: 'Werkvoorraad' }).click();
      await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
      await page.getByLabel('Welke meldingen').selectOption({ label: 'Nog niet opgepakt' });
      await page.getByRole('button', { name: 'Filteren' }).click();
      await page.waitForURL(/toegewezen=niemand/);
      const rij = page.getByRole('row').filter({ hasText: `${inwoner.voornaam} ${inwoner.achternaam}` });
      await rij.waitFor();
      const nummer = (await rij.getByRole('link', { name: /^M-\d{4}-\d{6}$/ }).textContent())?.trim() ?? '';
      expect(await rij.textContent()).toContain('Online formulier');
      expect(await rij.textContent()).toContain(`${inwoner.voornaam} ${inwoner.achternaam}`);
      expect(await rij.textContent()).toContain('Nog niet opgepakt');
      await rij.getByRole('link', { name: nummer }).click();

      // Triage: on to onderzoek; the regisseur doing it becomes the casusregisseur.
      await page.getByRole('heading', { level: 1, name: `Melding ${nummer}` }).waitFor();
      await expect(page.getByRole('region', { name: 'Inwoner' }).textContent()).resolves.toContain('06 12345678');
      await expectToegankelijk(page, 'een nieuwe online melding bij de regisseur');
      await page.getByRole('button', { name: 'Triage opslaan' }).click();
      await page.getByText('Kies de uitkomst van de triage').first().waitFor();
      await page.getByLabel('Door naar onderzoek').check();
      await page.getByLabel('Casusregisseur').waitFor();
      await page.getByLabel(/^Toelichting/).fill('Huishoudelijke hulp en boodschappen: keukentafelgesprek plannen.');
      await page.getByRole('button', { name: 'Triage opslaan' }).click();
      await page.getByText(/De triage is opgeslagen: de melding is door naar onderzoek\./).waitFor();
      const gegevens = page.getByRole('region', { name: 'Gegevens van de melding' });
      await expect(gegevens.textContent()).resolves.toContain('In onderzoek');
      await expect(gegevens.textContent()).resolves.toContain('Ruud Regisseur');
      expect(await page.getByRole('region', { name: 'Triage' }).count()).toBe(0);

      // The Wmo onderzoek term: 6 weeks, with its uiterste datum.
      const termijnen = page.getByRole('table', { name: /Wettelijke termijnen/ });
      const termijnRij = termijnen.getByRole('row').filter({ hasText: 'Onderzoek (Wmo)' });
      await termijnRij.waitFor();
      expect(await termijnRij.textContent()).toContain('art. 2.3.2 lid 1 Wmo 2015');
      expect(await termijnRij.textContent()).toMatch(/\d{1,2} \w+ \d{4}.*\d{1,2} \w+ \d{4}/);
      expect(await termijnRij.textContent()).toContain('Loopt');

      // Suspend the term: first without a reason (the API's Dutch message), then with one.
      await page.locator('summary', { hasText: 'Termijn opschorten' }).click();
      const opschorten = page.locator('details', { has: page.locator('summary', { hasText: 'Termijn opschorten' }) });
      await opschorten.getByRole('button', { name: 'Termijn opschorten' }).click();
      await opschorten.getByText('Reden van de opschorting is verplicht').first().waitFor();
      await expectToegankelijk(page, 'het opschortformulier met een fout');
      await opschorten.getByLabel(/^Reden van de opschorting/).fill('Wachten op medische gegevens van de huisarts.');
      await opschorten.getByRole('button', { name: 'Termijn opschorten' }).click();
      await page.getByText(/De termijn Onderzoek \(Wmo\) is opgeschort\./).waitFor();
      await termijnRij.getByText('Opgeschort').waitFor();
      const opschortingen = page.getByRole('table', { name: 'Opschortingen van de termijn Onderzoek (Wmo)' });
      expect(await opschortingen.textContent()).toContain('Loopt nog');
      expect(await opschortingen.textContent()).toContain('Wachten op medische gegevens');
      await page.locator('summary', { hasText: 'Opschorting beëindigen' }).waitFor();
      await expectToegankelijk(page, 'de melding na triage en opschorting');
      await screenshot(page, 'melding-termijnen');

      // The casus: household, meldingen and the regisseur.
      await gegevens.getByRole('link', { name: /^Casus C-\d{4}-\d{6}$/ }).click();
      await page.getByRole('heading', { level: 1, name: /^Casus C-\d{4}-\d{6}$/ }).waitFor();
      await expect(page.getByRole('region', { name: 'Casusregisseur' }).textContent()).resolves.toContain('Ruud Regisseur');
      await expect(page.getByRole('region', { name: 'Overzicht', exact: true }).getByRole('region', { name: 'Huishouden', exact: true }).textContent()).resolves.toContain(`${inwoner.voornaam} ${inwoner.achternaam}`);
      await page.getByRole('region', { name: 'Meldingen' }).getByRole('link', { name: nummer }).waitFor();
      // Handing over sits folded below the summary.
      await page.locator('summary', { hasText: /^Overdragen$/ }).click();
      await page.getByRole('heading', { level: 3, name: 'Casus overdragen' }).waitFor();
      await expectToegankelijk(page, 'de casus');
      await screenshot(page, 'casus');
    } finally {
      await context.close();
    }
  });

  test('de regisseur ziet verlopen termijnen in de werkvoorraad en op de pagina Termijnen', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/meldingen');
      await inloggen(page, 'regisseur');
      await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
      await page.getByText(/met een verlopen termijn/).waitFor();
      await page.getByLabel('Termijn', { exact: true }).selectOption({ label: 'Verlopen' });
      await page.getByRole('button', { name: 'Filteren' }).click();
      await page.waitForURL(/termijnstatus=verlopen/);
      const tabel = page.getByRole('table', { name: /^Werkvoorraad \(mijn casussen\)/ });
      await tabel.waitFor();
      const rijen = tabel.locator('tbody tr');
      expect(await rijen.count()).toBeGreaterThan(0);
      for (const tekst of await rijen.allTextContents()) {
        expect(tekst).toContain('Verlopen');
        expect(tekst).toContain('Ruud Regisseur');
      }
      await expectToegankelijk(page, 'de werkvoorraad met verlopen termijnen');
      await screenshot(page, 'werkvoorraad-verlopen');

      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Termijnen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Termijnen' }).waitFor();
      expect(await page.getByLabel('Status').inputValue()).toBe('verlopen');
      const termijnen = page.getByRole('table', { name: /termijnen? met de status verlopen/ });
      await termijnen.waitFor();
      expect(await termijnen.locator('tbody tr').count()).toBeGreaterThan(0);
      expect(await page.getByRole('button', { name: 'Signalen nu herberekenen' }).count()).toBe(0);
      await expectToegankelijk(page, 'de pagina Termijnen');
      await screenshot(page, 'termijnen');
    } finally {
      await context.close();
    }
  });

  test('de teamleider ziet het team, rekent de signalen opnieuw uit en ziet de velden voor een verwijzing', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/');
      await inloggen(page, 'teamleider');
      await page.getByRole('heading', { level: 1, name: /^Welkom, Tineke/ }).waitFor();
      const hoofdmenu = page.getByRole('navigation', { name: 'Hoofdmenu' });
      expect(await hoofdmenu.getByRole('link').allTextContents()).toEqual(['Start', 'Werkvoorraad', 'Nieuwe melding', 'Aanvragen', 'Bezwaren', 'Verzoeken van aanbieders', 'Termijnen', 'Procescoördinatie', 'Steekproeven', 'Sturing', 'Catalogus', 'Contractmanagement', 'Toegang met reden']);
      await expectToegankelijk(page, 'de startpagina van de teamleider');

      await hoofdmenu.getByRole('link', { name: 'Werkvoorraad' }).click();
      await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
      expect(await page.getByLabel('Welke meldingen').inputValue()).toBe('team');
      await page.getByRole('table', { name: /^Werkvoorraad \(mijn team\)/ }).waitFor();
      await expectToegankelijk(page, 'de werkvoorraad van de teamleider');

      await hoofdmenu.getByRole('link', { name: 'Termijnen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Termijnen' }).waitFor();
      await page.getByRole('button', { name: 'Signalen nu herberekenen' }).click();
      await page.getByText(/termijnen? herberekend op/).waitFor();
      await expectToegankelijk(page, 'de pagina Termijnen na herberekenen');

      // A referral needs the referrer; the API's field names lead to the right fields.
      await hoofdmenu.getByRole('link', { name: 'Nieuwe melding' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nieuwe melding' }).waitFor();
      expect(await page.getByRole('group', { name: 'Verwijzer' }).count()).toBe(0);
      await page.getByLabel(/^Kanaal/).selectOption('verwijzing');
      await page.getByRole('group', { name: 'Verwijzer' }).waitFor();
      await page.getByLabel(/^Wet/).selectOption('schuldhulp');
      await page.getByLabel(/^Spoed/).waitFor();
      await page.getByRole('button', { name: 'Melding registreren' }).click();
      const samenvatting = page.locator('.eenvoud-foutsamenvatting');
      await samenvatting.getByRole('link', { name: /^Naam van de verwijzer:/ }).waitFor();
      expect(await samenvatting.getByRole('link', { name: /^Soort verwijzer:/ }).getAttribute('href')).toBe('#veld-verwijzer-soort');
      expect(await page.getByLabel(/^Naam van de verwijzer/).getAttribute('aria-invalid')).toBe('true');
      await expectToegankelijk(page, 'het meldingformulier met een verwijzing');
    } finally {
      await context.close();
    }
  });

  test('een onbekende gemeente geeft een vriendelijke melding', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/melden/bestaat-niet');
      await page.getByRole('heading', { level: 1, name: 'Gemeente niet gevonden' }).waitFor();
      await expectToegankelijk(page, 'het formulier voor een onbekende gemeente');
      await page.goto('/inloggen');
      await page.getByRole('link', { name: 'Melding doen als inwoner' }).click();
      await page.getByRole('heading', { level: 1, name: 'Wat is uw vraag?' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
