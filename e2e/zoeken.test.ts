/**
 * Browser test of the search field in the header: a resident created in this test is found by BSN
 * and by name with a typo plus birth date; the frontoffice finds the melding by its number and sees
 * its status without its contents. axe on every page and state; by keyboard; on a 375 px phone.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectToegankelijk, geldigBsn, type Harness, inloggen, newPage, screenshot, startHarness, vandaagNL } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const inwoner = { bsn: geldigBsn(Date.now() + 4242), voornaam: 'Zoë', tussenvoegsel: 'van der', achternaam: 'Zoekstra', geboortedatum: '1956-03-12' };
const OMSCHRIJVING = 'Mevrouw kan de trap niet meer op en zoekt hulp bij het traplopen.';

/** Types in the header's search field and submits with Enter, as a case worker at the keyboard does. */
async function zoek(page: Page, q: string): Promise<void> {
  const veld = page.getByRole('search', { name: 'Zoeken in dossiers' }).getByLabel('Zoeken', { exact: true });
  await veld.fill(q);
  await veld.press('Enter');
  await page.waitForURL((u) => u.pathname === '/zoeken' && u.searchParams.get('q') === q.trim());
  await page.getByRole('heading', { level: 1, name: 'Zoeken' }).waitFor();
}

// A string: the test code is typed for Node, the check runs in the browser.
const pastOpScherm = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

describe('zoeken vanuit de kop van elke pagina', () => {
  test('een casusregisseur vindt een nieuwe inwoner op BSN en op naam met typefout en geboortedatum; de frontoffice vindt de melding op nummer', async () => {
    // The resident, registered through the API by the frontoffice (a melding by telephone).
    const fo = await h.browser.newContext({ baseURL: h.baseUrl });
    const sessie = await fo.request.post('/api/v1/sessies', { data: { gebruikersnaam: 'frontoffice', wachtwoord: 'demo' } });
    const { csrfToken } = (await sessie.json()) as { csrfToken: string };
    const r = await fo.request.post('/api/v1/meldingen', {
      headers: { 'x-csrf-token': csrfToken },
      data: { persoon: inwoner, wet: 'wmo', kanaal: 'telefoon', ontvangenOp: vandaagNL(), omschrijving: OMSCHRIJVING },
    });
    expect(r.status()).toBe(201);
    const melding = (await r.json()) as { id: string; nummer: string; huishoudenId: string };
    await fo.close();
    // Her partner joins the household: a resident without a melding or casus of his own.
    const rg = await h.browser.newContext({ baseURL: h.baseUrl });
    const rgSessie = (await (await rg.request.post('/api/v1/sessies', { data: { gebruikersnaam: 'regisseur', wachtwoord: 'demo' } })).json()) as { csrfToken: string };
    const partner = { bsn: geldigBsn(Date.now() + 777), voornaam: 'Zeger', achternaam: 'Zoekstra', geboortedatum: '1954-08-30', relatie: 'partner', gezag: false };
    const lid = await rg.request.post(`/api/v1/huishoudens/${melding.huishoudenId}/leden`, { headers: { 'x-csrf-token': rgSessie.csrfToken }, data: partner });
    expect(lid.status(), await lid.text()).toBe(201);
    await rg.close();

    const { context, page } = await newPage(h);
    try {
      await page.goto('/inloggen');
      await inloggen(page, 'regisseur');
      await page.getByRole('heading', { level: 1, name: /^Welkom, Ruud/ }).waitFor();
      // The field is in the header (banner) with its hint, on every staff page.
      const banner = page.getByRole('banner');
      await banner.getByRole('search', { name: 'Zoeken in dossiers' }).waitFor();
      expect(await banner.textContent()).toContain('BSN, naam + geboortedatum of nummer');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Termijnen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Termijnen' }).waitFor();
      await banner.getByRole('search', { name: 'Zoeken in dossiers' }).waitFor();

      // By BSN: one hit, the resident, leading to the file.
      await zoek(page, inwoner.bsn);
      await page.getByText('1 resultaat bij het zoeken op BSN.').waitFor();
      const resultaten = page.getByRole('list', { name: 'Zoekresultaten' });
      const link = resultaten.getByRole('link', { name: 'Zoë van der Zoekstra' });
      await link.waitFor();
      expect(await resultaten.textContent()).toContain('Geboren 12 maart 1956');
      expect(await page.title()).toBe('Zoeken – Eenvoud');
      await expectToegankelijk(page, 'de zoekresultaten (BSN)');
      await screenshot(page, 'zoeken-bsn');
      // By keyboard: the link opens the file.
      await link.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/meldingen/${melding.id}`);
      await page.getByRole('heading', { level: 1, name: new RegExp(melding.nummer) }).waitFor();

      // By name with a typo and the birth date as it is typed: without the tussenvoegsel, "Zoekstar".
      await zoek(page, 'Zoekstar 12-03-1956');
      await resultaten.getByRole('link', { name: 'Zoë van der Zoekstra' }).waitFor();
      expect(await page.getByRole('status').first().textContent()).toContain("naam 'Zoekstar' en geboortedatum 12 maart 1956");
      await expectToegankelijk(page, 'de zoekresultaten (naam en geboortedatum)');
      await zoek(page, 'van der Zoeksta 12 maart 1956');
      await resultaten.getByRole('link', { name: 'Zoë van der Zoekstra' }).waitFor();

      // The partner has no file yet: his hit leads to his own page in search.
      await zoek(page, 'Zeger Zoekstra 30-08-1954');
      await resultaten.getByRole('link', { name: 'Zeger Zoekstra' }).click();
      await page.getByRole('heading', { level: 1, name: 'Zeger Zoekstra' }).waitFor();
      await page.getByText('Deze inwoner heeft nog geen melding en geen casus.').waitFor();
      await expectToegankelijk(page, 'een gevonden inwoner zonder dossier');
      await zoek(page, 'Zoë van der Zoekstra 12-03-1956');

      // On a phone the results fit without sideways scrolling.
      await page.setViewportSize({ width: 375, height: 812 });
      await page.getByRole('heading', { level: 1, name: 'Zoeken' }).waitFor();
      expect(await pastOpScherm(page), 'de zoekresultaten passen op een telefoon van 375 px').toBe(true);
      await expectToegankelijk(page, 'de zoekresultaten op een telefoon');
      await screenshot(page, 'zoeken-375');
      await page.setViewportSize({ width: 1280, height: 800 });

      // Clear messages: too short, nothing found, a date that does not exist.
      await zoek(page, 'Z');
      await page.getByText('Typ minstens 2 tekens.', { exact: false }).waitFor();
      await expectToegankelijk(page, 'zoeken met een te korte vraag');
      await zoek(page, 'Qwxyzstra 1-1-1950');
      await page.getByText('Geen resultaten', { exact: false }).waitFor();
      await expectToegankelijk(page, 'zoeken zonder resultaten');
      await zoek(page, 'Zoekstra 31-02-1956');
      await page.getByText("'31-02-1956' is geen bestaande datum", { exact: false }).waitFor();
      await expectToegankelijk(page, 'zoeken met een datum die niet bestaat');
    } finally {
      await context.close();
    }

    // The frontoffice on the phone with the resident: the melding by its number, in lower case.
    const kcc = await newPage(h);
    try {
      const p = kcc.page;
      await p.goto('/inloggen');
      await inloggen(p, 'frontoffice');
      await p.getByRole('heading', { level: 1 }).first().waitFor();
      await zoek(p, melding.nummer.toLowerCase());
      const hit = p.getByRole('list', { name: 'Zoekresultaten' }).getByRole('link', { name: `Melding ${melding.nummer}` });
      await hit.waitFor();
      // No name in the hit: the status page shows it to check the caller.
      expect(await p.getByRole('list', { name: 'Zoekresultaten' }).textContent()).not.toContain('Zoekstra');
      await expectToegankelijk(p, 'de zoekresultaten van de frontoffice');
      await hit.click();
      await p.getByRole('heading', { level: 1, name: `Stand van melding ${melding.nummer}` }).waitFor();
      const main = p.getByRole('main');
      await p.getByRole('heading', { level: 2, name: 'Beller controleren' }).waitFor();
      const tekst = await main.textContent();
      expect(tekst).toContain('Zoë van der Zoekstra');
      expect(tekst).toContain('12 maart 1956');
      expect(tekst).toContain('Gemeld');
      expect(tekst).toContain('Nog geen casusregisseur');
      expect(tekst).not.toContain('trap');
      expect(tekst).not.toContain(inwoner.bsn);
      await expectToegankelijk(p, 'de stand van een melding voor de frontoffice');
      await p.setViewportSize({ width: 375, height: 812 });
      expect(await pastOpScherm(p), 'de stand van een melding past op een telefoon van 375 px').toBe(true);
      await screenshot(p, 'zoeken-melding-stand');

      // The frontoffice does not search residents: an explanation instead of hits.
      await p.setViewportSize({ width: 1280, height: 800 });
      await zoek(p, inwoner.bsn);
      await p.getByText('Met uw rol zoekt u een melding op haar nummer', { exact: false }).waitFor();
      await expectToegankelijk(p, 'zoeken als frontoffice op BSN');
    } finally {
      await kcc.context.close();
    }
  });

  test('wie geen dossiers ziet, heeft geen zoekveld', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/inloggen');
      await inloggen(page, 'beleid');
      await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
      expect(await page.getByRole('search', { name: 'Zoeken in dossiers' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
