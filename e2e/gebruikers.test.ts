/**
 * Browser test of gebruikersbeheer (issue 14, ADR 38): beheer adds a member of a provider's staff,
 * the new user opens the one-time link in a browser of their own, sets a password, logs in and lands
 * on the portal (with none of the gemeente's menu); beheer deactivates them and their next page load
 * ends at the login. axe-core checks each page.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectToegankelijk, type Harness, inloggen, newPage, screenshot, startHarness } from './harness.ts';

let h: Harness;

beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

describe('gebruikersbeheer', () => {
  test('beheer voegt een medewerker van een zorgaanbieder toe; die stelt met de link een wachtwoord in, komt in het portaal en is na deactiveren meteen uitgelogd', async () => {
    const gebruikersnaam = `e2e.zorg.${Date.now() % 100_000}`;
    const beheer = await newPage(h);
    const b = beheer.page;
    await b.goto('/inloggen');
    await inloggen(b, 'beheer');
    await b.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Gebruikers' }).click();
    await b.getByRole('heading', { level: 1, name: 'Gebruikers' }).waitFor();
    await b.getByRole('row').filter({ hasText: 'Anna Aanbieder' }).waitFor();
    await expectToegankelijk(b, 'de lijst van gebruikers');

    await b.getByRole('link', { name: 'Nieuwe gebruiker' }).click();
    await b.getByRole('heading', { level: 1, name: 'Nieuwe gebruiker' }).waitFor();
    await b.getByLabel('Medewerker van een zorgaanbieder').check();
    // Sent without a provider: the summary names the field and links to it.
    await b.getByRole('textbox', { name: /^Naam/ }).fill('Zeynep Zorg');
    await b.getByLabel('Gebruikersnaam').fill(gebruikersnaam);
    await b.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    const samenvatting = b.locator('.eenvoud-foutsamenvatting');
    await samenvatting.getByRole('link', { name: /Zorgaanbieder: Kies de zorgaanbieder/ }).waitFor();
    await b.locator('.eenvoud-foutsamenvatting:focus').waitFor(); // focus on the summary
    await expect.poll(() => b.getByRole('combobox', { name: /^Zorgaanbieder/ }).getAttribute('aria-invalid')).toBe('true');
    await expectToegankelijk(b, 'het formulier met een fout');

    await b.getByRole('combobox', { name: /^Zorgaanbieder/ }).selectOption({ label: 'Thuiszorg De Heide (AGB 98012345)' });
    await b.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    await b.getByRole('heading', { name: 'Link om een wachtwoord in te stellen' }).waitFor();
    const link = await b.getByLabel('Eenmalige link').inputValue();
    expect(link).toMatch(/\/wachtwoord-instellen\?token=[A-Za-z0-9_-]{43}$/);
    await expectToegankelijk(b, 'de nieuwe gebruiker met de eenmalige link');
    await screenshot(b, 'gebruiker-link');

    // The new user, in a browser of their own.
    const zorg = await newPage(h);
    const z = zorg.page;
    await z.goto(link);
    await z.getByRole('heading', { level: 1, name: 'Wachtwoord instellen' }).waitFor();
    await expectToegankelijk(z, 'de pagina van de eenmalige link');
    await z.getByLabel('Nieuw wachtwoord').fill('kort');
    await z.getByLabel('Herhaal het wachtwoord').fill('kort');
    await z.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await z.locator('.eenvoud-foutsamenvatting').getByRole('link', { name: /minstens 12 tekens/ }).waitFor();
    await expect.poll(() => z.getByLabel('Nieuw wachtwoord').getAttribute('aria-invalid')).toBe('true');
    await expectToegankelijk(z, 'de eenmalige link met een fout');
    const wachtwoord = 'groene-tulpen-in-mei';
    await z.getByLabel('Nieuw wachtwoord').fill(wachtwoord);
    await z.getByLabel('Herhaal het wachtwoord').fill(wachtwoord);
    await z.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await z.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await z.getByText('Uw wachtwoord is ingesteld').waitFor();
    expect(await z.getByLabel('Gebruikersnaam').inputValue()).toBe(gebruikersnaam);
    await z.getByLabel('Wachtwoord').fill(wachtwoord);
    await z.getByRole('button', { name: 'Inloggen' }).click();
    await z.getByRole('heading', { level: 1, name: 'Portaal zorgaanbieder' }).waitFor();
    expect(new URL(z.url()).pathname).toBe('/portaal');
    await z.getByText('Thuiszorg De Heide').first().waitFor();
    // None of the gemeente's menu: the portal only, and no search field.
    const menu = z.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link');
    expect(await menu.allInnerTexts()).toEqual(['Portaal']);
    expect(await z.getByRole('search').count()).toBe(0);
    await expectToegankelijk(z, 'het portaal van de zorgaanbieder');
    await screenshot(z, 'portaal');
    // A gemeente page by its address: no access.
    await z.goto('/meldingen');
    await z.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();

    // Beheer opens the user, makes a new link (shown once) and deactivates, after confirming.
    await b.getByRole('link', { name: 'Naar Zeynep Zorg' }).click();
    await b.getByRole('heading', { level: 1, name: 'Zeynep Zorg' }).waitFor();
    await b.getByRole('button', { name: 'Nieuwe uitnodiging' }).click();
    await b.getByLabel('Eenmalige link').waitFor();
    expect(await b.getByLabel('Eenmalige link').inputValue()).not.toBe(link);
    await b.getByRole('button', { name: 'Gebruiker deactiveren' }).click();
    await b.getByText('Weet u zeker dat u Zeynep Zorg wilt deactiveren?').waitFor();
    await b.locator('.eenvoud-bevestig:focus').waitFor(); // focus on the question
    await expectToegankelijk(b, 'de gebruiker met de vraag om te bevestigen');
    await b.getByRole('button', { name: 'Ja, deactiveren' }).click();
    await b.getByText('Zeynep Zorg is gedeactiveerd en meteen uitgelogd.').waitFor();
    await b.getByRole('button', { name: 'Gebruiker activeren' }).waitFor();
    await expectToegankelijk(b, 'de gedeactiveerde gebruiker');

    // The provider's next page load ends at the login.
    await z.goto('/portaal');
    await z.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(new URL(z.url()).pathname).toBe('/inloggen');

    await zorg.context.close();
    await beheer.context.close();
  });
});
