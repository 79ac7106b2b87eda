/**
 * An online melding on a BSN that is already known here is never linked by itself (issue 11.7): the
 * resident gets the same answer as anyone, and the frontoffice links it in the werkvoorraad after
 * comparing what was typed with the person known under that BSN. Axe-core on every page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiAls, expectToegankelijk, geldigBsn, type Harness, inloggen, newPage, screenshot, startHarness, vandaagNL } from './harness.ts';

/** The public form filled in as a resident does (Wmo, an address in Demodorp); returns the reference shown. */
async function meldOnline(page: Page, i: { bsn: string; voornaam: string; achternaam: string; geboortedatum: string; huisnummer: string; vraag: string; telefoon: string }) {
  await page.goto('/melden/demodorp');
  await page.getByRole('heading', { level: 1, name: 'Wat is uw vraag?' }).waitFor();
  await page.getByLabel('Hulp en ondersteuning thuis (Wmo)').check();
  await page.getByLabel(/^BSN/).fill(i.bsn);
  await page.getByLabel(/^Voornaam/).fill(i.voornaam);
  await page.getByLabel(/^Achternaam/).fill(i.achternaam);
  await page.getByLabel(/^Geboortedatum/).fill(i.geboortedatum);
  await page.getByLabel(/^Postcode/).fill('7411 AB');
  await page.getByLabel(/^Huisnummer/).fill(i.huisnummer);
  await page.getByLabel(/^Straat/).fill('Kerkstraat');
  await page.getByLabel(/^Plaats/).fill('Demodorp');
  await page.getByLabel(/^Wat is uw vraag\?/).fill(i.vraag);
  await page.getByLabel(/^Telefoonnummer/).fill(i.telefoon);
  await page.getByRole('button', { name: 'Vraag versturen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Wij hebben uw vraag ontvangen' }).waitFor();
  return (await page.locator('.eenvoud-referentie').textContent())?.trim() ?? '';
}

describe('online meldingen koppelen', () => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness(); });
  afterAll(async () => { await h?.close(); });

  test('een tweede online melding op een bekend BSN wacht op de frontoffice, die haar aan de bekende inwoner koppelt', async () => {
    const stamp = Date.now();
    const bsn = geldigBsn(stamp + 777);
    const achternaam = `Bekend${String(stamp).slice(-5)}`;
    // The resident is known: her first online melding made her a person.
    const eerste = await fetch(`${h.baseUrl}/api/v1/publiek/gemeenten/demodorp/meldingen`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        persoon: { bsn, voornaam: 'Greet', achternaam, geboortedatum: '1949-03-21' }, onderwerp: 'wmo', omschrijving: 'Hulp bij het douchen.',
        contact: { telefoon: '06 12121212' }, geenVastAdres: true,
      }),
    });
    expect(eerste.status).toBe(201);

    const { context, page } = await newPage(h);
    try {
      // Someone types her BSN with another name: the answer looks exactly like any other.
      const referentie = await meldOnline(page, {
        bsn, voornaam: 'Iemand', achternaam: 'Anders', geboortedatum: '1980-01-01', huisnummer: '5', vraag: 'Mijn moeder heeft hulp nodig in huis.', telefoon: '06 34343434',
      });
      expect(referentie).toMatch(/^EV-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

      // The frontoffice sees it at the top of the werkvoorraad.
      await page.goto('/inloggen');
      await inloggen(page, 'frontoffice');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /Werkvoorraad|Mijn registraties/ }).first().click();
      const sectie = page.getByRole('region', { name: 'Online meldingen om te koppelen' });
      await sectie.waitFor();
      await expectToegankelijk(page, 'de werkvoorraad met online meldingen om te koppelen');
      const rij = sectie.getByRole('row').filter({ hasText: referentie });
      expect(await rij.textContent()).toContain('Iemand Anders');
      await rij.getByRole('link', { name: referentie }).click();

      // Typed data beside the known person: only name and birth date of the latter.
      await page.getByRole('heading', { level: 1, name: `Online melding ${referentie}` }).waitFor();
      const ingevuld = page.getByRole('region', { name: 'Wat de inwoner invulde' });
      expect(await ingevuld.textContent()).toContain('Iemand Anders');
      expect(await ingevuld.textContent()).toContain('06 34343434');
      const koppelen = page.getByRole('region', { name: 'Koppelen' });
      expect(await koppelen.textContent()).toContain(`Greet ${achternaam}`);
      await expectToegankelijk(page, 'de online melding om te koppelen');
      await screenshot(page, 'online-melding-koppelen');
      await koppelen.getByRole('button', { name: `Koppelen aan Greet ${achternaam}` }).click();

      // The melding now belongs to the known resident; her data did not change, the typed phone number is the melding's.
      await page.getByRole('heading', { level: 1, name: /^Melding M-\d{4}-\d{6}$/ }).waitFor();
      await page.getByText(/^Melding M-\d{4}-\d{6} is geregistreerd\.$/).waitFor();
      const inwoner = page.getByRole('region', { name: 'Inwoner' });
      expect(await inwoner.textContent()).toContain(`Greet ${achternaam}`);
      expect(await inwoner.textContent()).toContain('06 34343434');
      expect(await inwoner.textContent()).not.toContain('Iemand');
      await expectToegankelijk(page, 'de gekoppelde melding');
    } finally {
      await context.close();
    }
  });
  test('bij een dossier dat een casusregisseur behandelt: na het koppelen blijft de frontoffice op de pagina, met het nummer en wie het oppakt', async () => {
    const stamp = Date.now();
    const bsn = geldigBsn(stamp + 919);
    const achternaam = `Regie${String(stamp).slice(-5)}`;
    // A resident of this test whose household a casusregisseur already works on.
    const regisseur = await apiAls(h, 'regisseur');
    const eigen = await regisseur<{ id: string }>('POST', '/api/v1/meldingen', {
      persoon: { bsn, voornaam: 'Henk', achternaam, geboortedatum: '1947-11-02', adres: { straat: 'Kerkstraat', huisnummer: '12', postcode: '7411 AB', woonplaats: 'Demodorp' } },
      wet: 'wmo', kanaal: 'telefoon', ontvangenOp: vandaagNL(), omschrijving: 'Valt vaak, zoekt hulp in huis.',
    });
    await regisseur('POST', `/api/v1/meldingen/${eigen.id}/triage`, { uitkomst: 'onderzoek' });

    const { context, page } = await newPage(h);
    try {
      // His daughter fills in the online form with his BSN.
      const referentie = await meldOnline(page, {
        bsn, voornaam: 'Henk', achternaam, geboortedatum: '1947-11-02', huisnummer: '12', vraag: 'Vader kan niet meer zelf koken.', telefoon: '06 56565656',
      });

      await page.goto('/inloggen');
      await inloggen(page, 'frontoffice');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /Werkvoorraad|Mijn registraties/ }).first().click();
      const sectie = page.getByRole('region', { name: 'Online meldingen om te koppelen' });
      await sectie.getByRole('link', { name: referentie }).click();
      await page.getByRole('heading', { level: 1, name: `Online melding ${referentie}` }).waitFor();
      await page.getByRole('region', { name: 'Koppelen' }).getByRole('button', { name: `Koppelen aan Henk ${achternaam}` }).click();

      // No page it may not open: the confirmation here, with the number to give and who picks it up.
      const bevestiging = page.getByText(/^De online melding is gekoppeld als melding M-\d{4}-\d{6}\.$/);
      await bevestiging.waitFor();
      const nummer = /M-\d{4}-\d{6}/.exec((await bevestiging.textContent()) ?? '')![0];
      await page.getByText(/bestaand dossier dat een collega behandelt/).waitFor();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Online melding ${referentie}`);
      expect(await page.getByText(/U werkt niet aan dit dossier/).count()).toBe(0);
      expect(await page.getByRole('link', { name: new RegExp(nummer) }).count()).toBe(0);
      await expectToegankelijk(page, 'de online melding, gekoppeld bij een collega');
      await screenshot(page, 'online-melding-gekoppeld-bij-collega');

      // Opened again later: the number without a link.
      await page.reload();
      await page.getByText(`Gekoppeld als melding ${nummer}, bij een dossier dat een collega behandelt.`).waitFor();
    } finally {
      await context.close();
    }
  });
});
