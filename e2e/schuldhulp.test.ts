/**
 * A law without an iStandaard: schuldhulpverlening. The catalogue item names no product code, so the
 * beslisser chooses the contracted product of the law (from the contracts in force, not only from
 * codes the catalogue happens to name) and grants it through the form — the click-through found the
 * choice empty and the traject impossible to grant. Own resident, axe-core on the form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAls, expectToegankelijk, geldigBsn, type Harness, inloggen, newPage, overDagen, startHarness, vandaagNL } from './harness.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

describe('schuldhulp', () => {
  it('de beslisser kent een schuldhulpverleningstraject toe met het gecontracteerde product van de wet', async () => {
    const regisseur = await apiAls(h, 'regisseur');
    const melding = await regisseur<{ id: string }>('POST', '/api/v1/meldingen', {
      persoon: { bsn: geldigBsn(Date.now() + 4242), voornaam: 'Sjoerd', achternaam: 'Schuldsma', geboortedatum: '1979-09-09', adres: { straat: 'Kerkstraat', huisnummer: '3', postcode: '1234 AB', woonplaats: 'Demodorp' } },
      wet: 'schuldhulp', kanaal: 'telefoon', ontvangenOp: vandaagNL(), omschrijving: 'Meneer heeft betalingsachterstanden en durft de post niet meer open te maken.',
    });
    const casusId = (await regisseur<{ casus: { id: string } }>('POST', `/api/v1/meldingen/${melding.id}/triage`, { uitkomst: 'onderzoek' })).casus.id;
    const plan = `/api/v1/casussen/${casusId}/plan`;
    if ((await regisseur.ruw('GET', plan)).statusCode === 404) await regisseur('POST', plan);
    const doel = await regisseur<{ id: string }>('POST', `${plan}/doelen`, {
      leefgebied: 'financien', omschrijving: 'Grip op de schulden', meetbaarResultaat: 'Een schuldregeling loopt', streefdatum: overDagen(365),
    });
    const item = (await regisseur<{ id: string; naam: string }[]>('GET', '/api/v1/catalogus?domein=schuldhulp&trede=4')).find((i) => i.naam === 'Schuldhulpverlening-traject')!;
    expect(item, 'het catalogusproduct').toBeDefined();
    const traject = await regisseur<{ id: string }>('POST', `${plan}/arrangement`, { doelId: doel.id, trede: 4, catalogusItemId: item.id, motivering: 'De schulden zijn niet zelf te regelen.' });
    const aanvraag = await regisseur<{ id: string }>('POST', '/api/v1/aanvragen', { casusId, arrangementItemIds: [traject.id], ontvangenOp: vandaagNL() });
    await (await apiAls(h, 'teamleider'))('POST', `/api/v1/aanvragen/${aanvraag.id}/toets`, { compleet: true, bevoegd: true });
    await (await apiAls(h, 'beslisser2'))('POST', `/api/v1/aanvragen/${aanvraag.id}/beoordeling`, { advies: 'Past bij het plan.' });

    const { context, page } = await newPage(h);
    try {
      await page.goto('/');
      await inloggen(page, 'beslisser');
      await page.goto(`/aanvragen/${aanvraag.id}`);
      await page.getByRole('heading', { level: 1, name: /^Aanvraag A-/ }).waitFor();
      const besluit = page.getByRole('form', { name: 'Besluiten' });
      await besluit.getByRole('group', { name: /^Uitkomst/ }).getByLabel('Toegekend', { exact: true }).check();
      await besluit.getByLabel(/^Motivering/).fill('Zelf regelen lukt niet; een traject met een schuldhulpverlener is nodig.');
      const keuze = besluit.getByLabel(/^Product uit het contract/);
      // The law's contracted products, each once.
      const opties = await keuze.locator('option').allTextContents();
      expect(opties).toContain('Schuldhulpverleningstraject (SH001)');
      expect(opties).toContain('Budgetbeheer (SH002)');
      expect(new Set(opties).size).toBe(opties.length);
      await keuze.selectOption({ label: 'Schuldhulpverleningstraject (SH001)' });
      await besluit.getByLabel(/^Omvang/).fill('1');
      await besluit.getByLabel('Zorg in natura').check();
      await expectToegankelijk(page, 'het besluit over een schuldhulpverleningstraject');
      await besluit.getByRole('button', { name: 'Besluit nemen' }).click();
      await page.getByText(/^Het besluit is genomen\./).first().waitFor();
      const a = await (await page.request.get(`/api/v1/aanvragen/${aanvraag.id}`)).json() as { status: string };
      expect(['besloten', 'verzonden']).toContain(a.status);
    } finally {
      await context.close();
    }
  }, 180_000);
});
