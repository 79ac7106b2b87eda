/**
 * Browser test of the web app against the real API: the melding journey from frontoffice to regisseur,
 * with an axe-core WCAG 2.1 AA check of every page and state on the way.
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

/** Screenshots for a human look, only when E2E_SCREENSHOTS names a folder. */

const vandaagInNederland = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

const inwoner = { voornaam: 'Sanne', tussenvoegsel: 'van der', achternaam: 'Bruggen-E2E', geboortedatum: '1984-03-21' };
const naamInwoner = `${inwoner.voornaam} ${inwoner.tussenvoegsel} ${inwoner.achternaam}`;
let geregistreerdBsn: string | null = null;

describe('melding registreren en oppakken', () => {
  test('de frontoffice registreert een telefonische melding en de regisseur ziet die in de werkvoorraad', async () => {
    const { context, page } = await newPage(h);
    try {
      // Without a session every page leads to the login page.
      await page.goto('/meldingen');
      await page.waitForURL('**/inloggen');
      // isVisible() does not wait: the login page may still be rendering right after the redirect.
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      expect(await page.title()).toBe('Inloggen – Eenvoud');
      expect(await page.locator('html').getAttribute('lang')).toBe('nl');
      await expectToegankelijk(page, 'de inlogpagina');
      await screenshot(page, 'inloggen');

      // Log in as frontoffice: back to the page that was asked for, then to the start page.
      await inloggen(page, 'frontoffice');
      await page.getByRole('heading', { level: 1, name: 'Mijn registraties' }).waitFor();
      await page.getByRole('link', { name: 'Start', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: /^Welkom, Fenna/ }).waitFor();
      expect(await page.title()).toBe('Start – Eenvoud');
      const hoofdmenu = page.getByRole('navigation', { name: 'Hoofdmenu' });
      expect(await hoofdmenu.getByRole('link').allTextContents()).toEqual(['Start', 'Mijn registraties', 'Nieuwe melding', 'Catalogus']);
      await page.getByRole('banner').getByText('Gemeente Demodorp').waitFor();
      await page.getByRole('banner').getByText('Fenna Frontoffice').waitFor();
      await expectToegankelijk(page, 'de startpagina');
      // Keyboard: the first Tab reaches the skip link, which jumps to the main content.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: /^Welkom, Fenna/ }).waitFor();
      await page.keyboard.press('Tab');
      expect(await page.locator(':focus').textContent()).toBe('Naar de inhoud');
      await page.keyboard.press('Enter');
      expect(await page.locator(':focus').getAttribute('id')).toBe('inhoud');

      // The melding form.
      await hoofdmenu.getByRole('link', { name: 'Nieuwe melding' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nieuwe melding' }).waitFor();
      expect(await page.title()).toBe('Nieuwe melding – Eenvoud');
      await page.getByRole('group', { name: 'Inwoner', exact: true }).waitFor();
      await page.getByRole('group', { name: 'Melding', exact: true }).waitFor();
      expect(await page.getByLabel(/^Kanaal/).inputValue()).toBe('telefoon');
      expect(await page.getByLabel(/^Ontvangen op/).inputValue()).toBe(vandaagInNederland());
      // The wijk list comes from /gebieden, grouped by kern.
      await page.locator('#veld-persoon-adres-wijkId optgroup[label="Kern Beekveld"]').waitFor({ state: 'attached' });
      await expectToegankelijk(page, 'het meldingformulier');

      // First attempt with a BSN that fails the elfproef.
      await page.getByLabel(/^BSN/).fill('123456789');
      await page.getByLabel(/^Voornaam/).fill(inwoner.voornaam);
      await page.getByLabel(/^Tussenvoegsel/).fill(inwoner.tussenvoegsel);
      await page.getByLabel(/^Achternaam/).fill(inwoner.achternaam);
      await page.getByLabel(/^Geboortedatum/).fill(inwoner.geboortedatum);
      await page.getByLabel(/^Straat/).fill('Kerkstraat');
      await page.getByLabel(/^Huisnummer/).fill('12a');
      await page.getByLabel(/^Postcode/).fill('1234ab');
      await page.getByLabel(/^Wijk/).selectOption({ label: 'Centrum' });
      await page.getByLabel(/^Wet/).selectOption('wmo');
      await page.getByLabel(/^Omschrijving/).fill('Mevrouw belt: ze kan na een heupoperatie niet meer zelf douchen en vraagt om hulp.');
      await page.getByRole('button', { name: 'Melding registreren' }).click();

      const samenvatting = page.locator('.eenvoud-foutsamenvatting');
      await samenvatting.getByRole('heading', { name: 'Controleer de volgende velden' }).waitFor();
      const bsnLink = samenvatting.getByRole('link', { name: /^BSN:/ });
      expect(await bsnLink.textContent()).toContain('elfproef');
      expect(await bsnLink.getAttribute('href')).toBe('#veld-persoon-bsn');
      // Focus moves to the summary; the field is marked invalid and points at its message.
      expect(await samenvatting.evaluate((el) => el.ownerDocument.activeElement === el)).toBe(true);
      const bsnVeld = page.getByLabel(/^BSN/);
      expect(await bsnVeld.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await bsnVeld.getAttribute('aria-describedby')) ?? '';
      expect(describedBy.split(' ')).toContain('veld-persoon-bsn-fout');
      expect(await page.locator('#veld-persoon-bsn-fout').textContent()).toContain('elfproef');
      await bsnLink.click();
      expect(await bsnVeld.evaluate((el) => el.ownerDocument.activeElement === el)).toBe(true);
      await expectToegankelijk(page, 'het meldingformulier met fouten');
      await screenshot(page, 'melding-fouten');

      // Correct the BSN and register.
      const bsn = geldigBsn(Date.now());
      await bsnVeld.fill(bsn);
      await page.getByRole('button', { name: 'Melding registreren' }).click();
      await page.waitForURL(/\/meldingen\/[0-9a-f-]{36}$/);
      const bevestiging = page.getByText(/^Melding M-\d{4}-\d{6} is geregistreerd\.$/);
      await bevestiging.waitFor();
      const nummer = /M-\d{4}-\d{6}/.exec((await bevestiging.textContent()) ?? '')?.[0];
      expect(nummer).toBeDefined();
      await page.getByRole('heading', { level: 1, name: `Melding ${nummer}` }).waitFor();
      expect(await page.title()).toBe(`Melding ${nummer} – Eenvoud`);
      await expect(page.getByRole('main').textContent()).resolves.toContain(naamInwoner);
      await expectToegankelijk(page, 'de bevestiging van de melding');
      await screenshot(page, 'melding-geregistreerd');
      geregistreerdBsn = bsn;

      // Log out.
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.waitForURL('**/inloggen');
      await page.getByText('U bent uitgelogd.').waitFor();

      // The regisseur finds the melding in the werkvoorraad.
      await inloggen(page, 'regisseur');
      await page.getByRole('heading', { level: 1, name: /^Welkom, Ruud/ }).waitFor();
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Werkvoorraad' }).click();
      await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
      expect(await page.title()).toBe('Werkvoorraad – Eenvoud');
      // A regisseur starts with their own casussen; a new melding is not picked up yet.
      expect(await page.getByLabel('Welke meldingen').inputValue()).toBe('mij');
      await page.getByLabel('Welke meldingen').selectOption('niemand');
      await page.getByRole('button', { name: 'Filteren' }).click();
      await page.waitForURL(/\/meldingen\?toegewezen=niemand$/);
      const rij = page.getByRole('row').filter({ hasText: nummer! });
      await rij.waitFor();
      expect(await rij.textContent()).toContain(naamInwoner);
      expect(await rij.textContent()).toContain('Wmo 2015');
      expect(await rij.textContent()).toContain('Telefoon');
      expect(await rij.textContent()).toContain('Demodorp – Centrum');
      expect(await rij.textContent()).toContain('Gemeld');
      await expectToegankelijk(page, 'de werkvoorraad');
      await screenshot(page, 'werkvoorraad');

      // Filtering by wet is reflected in the address.
      await page.getByLabel('Wet').selectOption('wmo');
      await page.getByRole('button', { name: 'Filteren' }).click();
      await page.waitForURL(/\/meldingen\?wet=wmo&toegewezen=niemand$/);
      await page.getByRole('row').filter({ hasText: nummer! }).waitFor();
      expect(await page.getByRole('row').filter({ hasText: 'Jeugdwet' }).count()).toBe(0);

      await page.getByRole('row').filter({ hasText: nummer! }).getByRole('link', { name: nummer! }).click();
      await page.getByRole('heading', { level: 1, name: `Melding ${nummer}` }).waitFor();
      const inwonerSectie = page.getByRole('region', { name: 'Inwoner' });
      await expect(inwonerSectie.textContent()).resolves.toContain(naamInwoner);
      await expect(inwonerSectie.textContent()).resolves.toContain(`${bsn.slice(0, 3)} ${bsn.slice(3, 6)} ${bsn.slice(6)}`);
      await expect(inwonerSectie.textContent()).resolves.toContain('21 maart 1984');
      await page.getByRole('table', { name: /Statuswijzigingen/ }).or(page.getByText('Er zijn nog geen statuswijzigingen.')).waitFor();
      await expectToegankelijk(page, 'de melding bij de regisseur');
      await screenshot(page, 'melding-detail');
    } finally {
      await context.close();
    }
  });

  test('een verkeerd wachtwoord geeft een Nederlandse foutmelding', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/inloggen');
      await inloggen(page, 'beslisser', 'verkeerd-wachtwoord');
      const melding = page.getByRole('alert');
      await melding.getByText('Controleer uw gebruikersnaam en wachtwoord en probeer het opnieuw.').waitFor();
      expect(await melding.textContent()).toContain('Gebruikersnaam of wachtwoord onjuist');
      expect(page.url()).toMatch(/\/inloggen$/);
      expect(await page.getByLabel('Wachtwoord').inputValue()).toBe('');
      await expectToegankelijk(page, 'de inlogpagina met foutmelding');
    } finally {
      await context.close();
    }
  });

  test('de privacy officer ziet in de audittrail wie de inwoner registreerde en controleert de keten', async () => {
    expect(geregistreerdBsn, 'de eerste test registreert de inwoner').not.toBeNull();
    const { context, page } = await newPage(h);
    try {
      await page.goto('/');
      await inloggen(page, 'privacy');
      await page.getByRole('heading', { level: 1, name: /^Welkom, Priya/ }).waitFor();
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Audittrail' }).click();
      await page.getByRole('heading', { level: 1, name: 'Audittrail' }).waitFor();
      await expectToegankelijk(page, 'de audittrail');

      await page.getByLabel(/^BSN van de inwoner/).fill(geregistreerdBsn!);
      await page.getByRole('button', { name: 'Zoeken' }).click();
      const tabel = page.getByRole('table', { name: /Audittrail van de inwoner/ });
      await tabel.waitFor();
      expect(await tabel.textContent()).toContain('frontoffice');
      expect(await tabel.textContent()).toContain('melding registreren');
      expect(await tabel.textContent()).toContain('regisseur');

      await page.getByRole('button', { name: 'Keten controleren' }).click();
      await page.getByText('De keten is in orde.').waitFor();
      await expectToegankelijk(page, 'de audittrail met resultaten');
      await screenshot(page, 'audit');
    } finally {
      await context.close();
    }
  });

  test('een inkoper ziet op zijn startpagina en in het menu de aanbieders en tarieven, en een onbekende pagina geeft een nette 404', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/');
      await inloggen(page, 'inkoper');
      await page.getByRole('heading', { level: 1, name: /^Welkom, Inge/ }).waitFor();
      await page.getByRole('main').getByRole('link', { name: 'Aanbieders en contracten' }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allTextContents())
        .toEqual(['Start', 'Catalogus', 'Aanbieders', 'Resultaatgerichte tarieven', 'Pgb-tarieven', 'Budget en realisatie', 'Declaraties', 'Contractmanagement', 'Betalingen']);
      await expectToegankelijk(page, 'de startpagina van de inkoper');

      await page.goto('/bestaat-niet');
      await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
      expect(await page.title()).toBe('Pagina niet gevonden – Eenvoud');
      await expectToegankelijk(page, 'de 404-pagina');

      await page.goto('/meldingen');
      await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
