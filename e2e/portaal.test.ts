/**
 * Browser test of the portal for a provider without software of its own: a new resident is decided
 * (through the API, the steps before) and assigned to "Thuiszorg De Heide"; its staff member (demo user
 * `aanbieder`) finds the toewijzing under "Uw toewijzingen", reports the start with the form (Eenvoud
 * writes and checks the 305 as an upload), then the stop with a reason. The stop ends the voorziening
 * and cannot be undone in the portal, so it asks first: cancelled once, nothing is sent; confirmed, the
 * regisseur sees the voorziening ended with that reason. A toewijzing that begins later proposes its
 * ingangsdatum as the first day. Every page and state is checked with axe-core.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiAls, besloten, expectToegankelijk, inloggen, newPage, overDagen, screenshot, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

/** A new resident decided and assigned to "Thuiszorg De Heide", its toewijzing sent (the outbox run). */
async function toegewezenAanDeHeide(wie: Parameters<typeof besloten>[1]) {
  const b = await besloten(h, wie);
  const regisseur = await apiAls(h, 'regisseur');
  const kandidaten = await regisseur<{ items: { aanbiederId: string; aanbiederNaam: string }[] }>('GET', `/api/v1/voorzieningen/${b.voorzieningId}/kandidaten`);
  await regisseur('POST', `/api/v1/voorzieningen/${b.voorzieningId}/aanbieder`, { aanbiederId: kandidaten.items.find((k) => k.aanbiederNaam === 'Thuiszorg De Heide')!.aanbiederId });
  await h.app.opdrachten.verwerk();
  return { ...b, regisseur };
}

describe('portaal voor een aanbieder zonder eigen software', () => {
  test('de aanbieder meldt start en stop met het formulier; de voorziening start en eindigt met die reden', async () => {
    const { voorzieningId, bsn, regisseur } = await toegewezenAanDeHeide({ voornaam: 'Petra', achternaam: 'Portaalsma', geboortedatum: '1939-03-14', seed: Date.now() + 5151 });

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

      // Once started, the stop: without a reason the form says what is missing, before anything is asked or sent.
      await rij.getByText('Stop melden', { exact: true }).first().click();
      const stop = rij.getByRole('form', { name: /^Stop melden voor toewijzing/ });
      await stop.getByRole('button', { name: 'Stop melden' }).click();
      await stop.getByText('Kies een reden van beëindiging uit de lijst.').waitFor();
      expect(await stop.getByRole('group', { name: /stoppen met .* als laatste dag\?$/ }).count()).toBe(0);
      await expectToegankelijk(page, 'het stopformulier zonder reden');
      await stop.getByLabel(/^Reden/).selectOption({ label: 'Levering eenzijdig door de cliënt beëindigd' });

      // With a reason it asks first, in plain words: what stops when, who hears of it, and that the portal cannot undo it.
      await stop.getByRole('button', { name: 'Stop melden' }).click();
      const vraag = stop.getByRole('group', { name: /^De zorg voor Petra Portaalsma stoppen met .* als laatste dag\?$/ });
      await vraag.waitFor();
      await vraag.getByText(/De gemeente krijgt een stopbericht en beëindigt de voorziening per .*; Petra Portaalsma krijgt daarover een brief van de gemeente\./).waitFor();
      await vraag.getByText('U kunt dit in het portaal niet ongedaan maken. Is het een vergissing, neem dan contact op met de gemeente.').waitFor();
      await expectToegankelijk(page, 'de vraag of de stop gemeld moet worden');
      await screenshot(page, 'portaal-stop-bevestigen');

      // Cancelled: the question goes, nothing was sent and the voorziening still runs.
      await vraag.getByRole('button', { name: 'Annuleren' }).click();
      await vraag.waitFor({ state: 'detached' });
      await stop.getByRole('button', { name: 'Stop melden' }).waitFor();
      expect(await rij.getByText(/Gestopt /).count()).toBe(0);
      expect(await rij.getByText(/Stopbericht:/).count()).toBe(0);
      expect((await regisseur<{ status: string }>('GET', `/api/v1/voorzieningen/${voorzieningId}`)).status).toBe('gestart');

      await stop.getByRole('button', { name: 'Stop melden' }).click();
      await vraag.getByRole('button', { name: 'Ja, stop melden' }).click();
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

  test('bij een toewijzing die later ingaat, stelt start melden de ingangsdatum voor als eerste dag, niet vandaag', async () => {
    const ingang = overDagen(14);
    const { bsn } = await toegewezenAanDeHeide({ voornaam: 'Lotte', achternaam: 'Laterman', geboortedatum: '1941-06-22', seed: Date.now() + 6262, ingangsdatum: ingang });

    const { context, page } = await newPage(h);
    try {
      await page.goto('/portaal');
      await inloggen(page, 'aanbieder');
      const rij = page.getByRole('region', { name: 'Uw toewijzingen' }).getByRole('row').filter({ hasText: bsn });
      await rij.getByText('Nog geen start').waitFor();
      await rij.getByText('Start melden', { exact: true }).first().click();
      const start = rij.getByRole('form', { name: /^Start melden voor toewijzing/ });
      const eersteDag = start.getByLabel(/^Eerste dag van de zorg/);
      expect(await eersteDag.inputValue()).toBe(ingang);
      await start.getByText(/^De toewijzing gaat in op .*\. De start meldt u op of na die dag\.$/).waitFor();
      await expectToegankelijk(page, 'start melden bij een toewijzing die later ingaat');
    } finally {
      await context.close();
    }
  });
});
