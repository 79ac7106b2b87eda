/**
 * Browser test of the portal for a provider without software of its own: a new resident is decided
 * (through the API, the steps before) and assigned to "Thuiszorg De Heide"; its staff member (demo user
 * `aanbieder`) finds the toewijzing under "Uw toewijzingen", reports the start with the form (Eenvoud
 * writes and checks the 305 as an upload), then the stop with a reason. The regisseur sees the
 * voorziening ended with that reason. Every page is checked with axe-core.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiAls, besloten, expectToegankelijk, inloggen, newPage, screenshot, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

describe('portaal voor een aanbieder zonder eigen software', () => {
  test('de aanbieder meldt start en stop met het formulier; de voorziening start en eindigt met die reden', async () => {
    const { voorzieningId, bsn } = await besloten(h, { voornaam: 'Petra', achternaam: 'Portaalsma', geboortedatum: '1939-03-14', seed: Date.now() + 5151 });
    const regisseur = await apiAls(h, 'regisseur');
    const kandidaten = await regisseur<{ items: { aanbiederId: string; aanbiederNaam: string }[] }>('GET', `/api/v1/voorzieningen/${voorzieningId}/kandidaten`);
    await regisseur('POST', `/api/v1/voorzieningen/${voorzieningId}/aanbieder`, { aanbiederId: kandidaten.items.find((k) => k.aanbiederNaam === 'Thuiszorg De Heide')!.aanbiederId });
    await h.app.opdrachten.verwerk();

    const { context, page } = await newPage(h);
    try {
      await page.goto('/portaal');
      await inloggen(page, 'aanbieder');
      const sectie = page.getByRole('region', { name: 'Uw toewijzingen' });
      const rij = sectie.getByRole('row').filter({ hasText: bsn });
      await rij.getByText('Nog geen start').waitFor();
      await expectToegankelijk(page, 'het portaal met de toewijzingen');

      await rij.getByText('Start melden', { exact: true }).first().click();
      const start = rij.getByRole('form', { name: /^Start melden voor toewijzing/ });
      await start.getByRole('button', { name: 'Start melden' }).click();
      await rij.getByText('Startbericht: verwerkt.').waitFor();
      await rij.getByText(/Gestart /).waitFor();
      await screenshot(page, 'portaal-start-gemeld');

      // Once started, the stop: without a reason the form says what is missing; with one it goes through.
      await rij.getByText('Stop melden', { exact: true }).first().click();
      const stop = rij.getByRole('form', { name: /^Stop melden voor toewijzing/ });
      await stop.getByRole('button', { name: 'Stop melden' }).click();
      await rij.getByText(/Kies een reden van beëindiging/).first().waitFor();
      await stop.getByLabel(/^Reden/).selectOption({ label: 'Levering eenzijdig door de cliënt beëindigd' });
      await stop.getByRole('button', { name: 'Stop melden' }).click();
      await rij.getByText('Stopbericht: verwerkt.').waitFor();
      await rij.getByText(/Gestopt .*eenzijdig door de cliënt/).waitFor();
      await expectToegankelijk(page, 'het portaal na start en stop');
      await screenshot(page, 'portaal-stop-gemeld');

      const v = await regisseur<{ status: string; redenBeeindiging: string | null }>('GET', `/api/v1/voorzieningen/${voorzieningId}`);
      expect(v).toMatchObject({ status: 'beeindigd', redenBeeindiging: '21' });
    } finally {
      await context.close();
    }
  });
});
