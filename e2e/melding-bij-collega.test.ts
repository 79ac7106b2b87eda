/**
 * Need-to-know at registration (security review of issue 11): the frontoffice registers a melding
 * for a resident whose file a casusregisseur already works on. The API answers only the melding's
 * number and status; the form page stays, says so in Dutch and shows nothing of the file. Axe checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectToegankelijk, geldigBsn, inloggen, newPage, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const vandaagNL = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
const persoon = { bsn: geldigBsn(Date.now() + 4242), voornaam: 'Hendrika', achternaam: 'Kolibrie', geboortedatum: '1951-09-14' };

describe('een melding bij een dossier van een collega', () => {
  it('de frontoffice ziet alleen het nummer en de uitleg, niet de inwoner of wie het dossier heeft', async () => {
    const { context, page } = await newPage(h);
    try {
      // Ruud registers the resident and takes the casus at triage, through the API in the page's context.
      const login = await page.request.post('/api/v1/sessies', { data: { gebruikersnaam: 'regisseur', wachtwoord: 'demo' } });
      const headers = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
      const m = await page.request.post('/api/v1/meldingen', {
        headers, data: { persoon, wet: 'wmo', kanaal: 'telefoon', ontvangenOp: vandaagNL(), omschrijving: 'Mevrouw vraagt hulp bij het huishouden.' },
      });
      expect(m.status(), await m.text()).toBe(201);
      const triage = await page.request.post(`/api/v1/meldingen/${((await m.json()) as { id: string }).id}/triage`, { headers, data: { uitkomst: 'onderzoek' } });
      expect(triage.status(), await triage.text()).toBe(200);
      expect((await page.request.delete('/api/v1/sessies/huidig', { headers })).status()).toBeLessThan(300);

      await page.goto('/meldingen/nieuw');
      await inloggen(page, 'frontoffice');
      await page.getByRole('heading', { level: 1, name: 'Nieuwe melding' }).waitFor();
      await page.getByLabel(/^BSN/).fill(persoon.bsn);
      await page.getByLabel(/^Voornaam/).fill(persoon.voornaam);
      await page.getByLabel(/^Achternaam/).fill(persoon.achternaam);
      await page.getByLabel(/^Geboortedatum/).fill(persoon.geboortedatum);
      await page.getByLabel(/^Wet/).selectOption('wmo');
      await page.getByLabel(/^Omschrijving/).fill('Mevrouw belt opnieuw: de hulp bij het douchen is nog niet geregeld.');
      await page.getByRole('button', { name: 'Melding registreren' }).click();

      await page.getByText(/^Melding M-\d{4}-\d{6} is geregistreerd\.$/).waitFor();
      await page.getByText(/^De melding is toegevoegd aan een bestaand dossier dat een collega behandelt\./).waitFor();
      expect(page.url()).toMatch(/\/meldingen\/nieuw$/);
      const main = (await page.getByRole('main').textContent()) ?? '';
      expect(main).not.toMatch(/Kolibrie|Ruud|C-\d{4}-\d{6}/);
      // The form is empty again, ready for the next call.
      expect(await page.getByLabel(/^BSN/).inputValue()).toBe('');
      await expectToegankelijk(page, 'de bevestiging van een melding bij het dossier van een collega');
    } finally {
      await context.close();
    }
  });
});
