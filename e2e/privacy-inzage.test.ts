/**
 * Inzage in the browser (issue 11, part 4): a resident made in this test through the API (melding,
 * casus, a gesprek whose verslag is sent), found by the privacy officer by BSN on the Inzage page,
 * with a summary of what the export holds; the ZIP downloaded as a browser download and checked
 * (PDF, JSON with this person, the verslag under brieven/, LEESMIJ). Axe on each state; by keyboard.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, expectToegankelijk, geldigBsn, inloggen, newPage, screenshot, startHarness, type DatabaseSoort, type Harness } from './harness.ts';

const vandaagNL = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

/** Logs in through the API in the page's own context and gives a caller with the CSRF token. */
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

describe.each(DATABASES)('inzage voor een inwoner (%s)', (soort: DatabaseSoort) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(soort);
  }, 120_000);
  afterAll(async () => h?.close());

  it('de privacy officer zoekt op BSN, ziet wat de inzage bevat en downloadt de ZIP', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/');
      const bsn = geldigBsn(Date.now() + 1515);
      const rg = await apiSessie(page, 'regisseur');
      const melding = await rg.post<{ id: string; persoon: { id: string } }>('/api/v1/meldingen', {
        persoon: { bsn, voornaam: 'Ingrid', achternaam: 'Inzicht', geboortedatum: '1950-02-20' },
        wet: 'wmo', kanaal: 'telefoon', ontvangenOp: vandaagNL(), omschrijving: 'Mevrouw wil weten wat de gemeente over haar weet en heeft hulp nodig bij het koken.',
      });
      const { casus } = await rg.post<{ casus: { id: string } }>(`/api/v1/meldingen/${melding.id}/triage`, { uitkomst: 'onderzoek' });
      const gesprek = await rg.post<{ id: string }>(`/api/v1/casussen/${casus.id}/gesprekken`, {
        datum: vandaagNL(), plek: 'thuis', deelnemers: [{ rol: 'inwoner', naam: 'Ingrid', persoonId: melding.persoon.id }],
        samenvatting: 'Mevrouw kookt niet meer sinds haar val.', scores: [{ domein: 'praktischFunctioneren', score: 2 }],
      });
      await rg.post(`/api/v1/gesprekken/${gesprek.id}/verzending`, {});
      await rg.uitloggen();

      await page.goto('/privacy/inzage');
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      await inloggen(page, 'privacy');
      await page.getByRole('heading', { level: 1, name: 'Inzage' }).waitFor();
      // The menu leads here for the privacy officer.
      await expect.poll(() => page.getByRole('navigation').getByRole('link', { name: 'Inzage' }).count()).toBeGreaterThan(0);
      await expectToegankelijk(page, 'de inzagepagina');

      // An unknown BSN: said at the field.
      const veld = page.getByLabel(/^BSN van de inwoner/);
      await veld.fill(geldigBsn(Date.now() + 999_999));
      await veld.press('Enter');
      await page.getByText('Er is geen inwoner met dit BSN in deze gemeente.').first().waitFor();
      await expect.poll(() => veld.getAttribute('aria-invalid')).toBe('true');
      await expectToegankelijk(page, 'de inzagepagina met een onbekend BSN');

      // By keyboard: type the BSN and press Enter.
      await veld.fill(bsn);
      await veld.press('Enter');
      const inhoud = page.getByRole('region', { name: 'Wat de inzage bevat' });
      await inhoud.getByText('Ingrid Inzicht').first().waitFor();
      const tabel = inhoud.getByRole('table', { name: /Gegevens in de inzage van Ingrid Inzicht/ });
      await expect.poll(() => tabel.getByRole('row', { name: /Meldingen 1/ }).count()).toBe(1);
      await expect.poll(() => tabel.getByRole('row', { name: /Gesprekken met scores en verslag 1/ }).count()).toBe(1);
      await expect.poll(() => tabel.getByRole('row', { name: /Verzonden brieven \(PDF\) 1/ }).count()).toBe(1);
      await screenshot(page, 'inzage-overzicht');
      await expectToegankelijk(page, 'de inzagepagina met het overzicht');

      const knop = inhoud.getByRole('link', { name: 'Inzage van Ingrid Inzicht downloaden (ZIP)' });
      await knop.focus();
      const [download] = await Promise.all([page.waitForEvent('download'), knop.press('Enter')]);
      expect(download.suggestedFilename()).toBe(`inzage-${vandaagNL()}.zip`);
      const pad = await download.path();
      const bestanden = unzipSync(new Uint8Array(readFileSync(pad)));
      const namen = Object.keys(bestanden);
      expect(namen).toEqual(expect.arrayContaining(['LEESMIJ.txt', 'inzage.pdf', 'inzage.json']));
      expect(namen.filter((n) => n.startsWith('brieven/gespreksverslag-'))).toHaveLength(1);
      expect(strFromU8(bestanden['inzage.pdf']!.slice(0, 5))).toBe('%PDF-');
      const json = JSON.parse(strFromU8(bestanden['inzage.json']!)) as { versie: number; persoon: { bsn: string; naam: string }; audittrail: { doel: string }[] };
      expect(json).toMatchObject({ versie: 1, persoon: { bsn, naam: 'Ingrid Inzicht' } });
      expect(json.audittrail.map((a) => a.doel)).toEqual(expect.arrayContaining(['inzage voorbereiden', 'inzage']));
      expect(strFromU8(bestanden['LEESMIJ.txt']!)).toContain('Inzage in uw gegevens');
      await expectToegankelijk(page, 'de inzagepagina na het downloaden');
    } finally {
      await context.close();
    }
  }, 180_000);
});
