/**
 * Browser test of the voorziening (issue 13): a new resident goes from melding through casus, plan
 * and aanvraag to a checked and assessed aanvraag (through the API, as the steps before the decision);
 * the beslisser decides in the UI — one product fixed by its catalogue item, one chosen among the
 * contracted products, the budget computed from the contract — and sends the beschikking. The
 * regisseur then sees the provisions on the casus page, chooses a contracted aanbieder by keyboard,
 * sees status "toegewezen" and the budget at that aanbieder's tariff, passes the start and ends it early
 * with a WMO588 reason; the beslisser withdraws the other provision before it began (no period, no budget).
 * Every page and state is checked with axe-core.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectToegankelijk, geldigBsn, type Harness, inloggen, newPage, overDagen, screenshot, startHarness, wisselNaar, apiAls as apiAlsOpApp } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

const vandaagNL = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
// Intl writes a no-break space between € and the amount.
const euro = (t: string | null) => (t ?? '').replace(/\u00a0/g, ' ');

const apiAls = (gebruikersnaam: string) => apiAlsOpApp(h, gebruikersnaam);

/**
 * A new resident with a melding (Wmo), the casus from triage, a plan with two maatwerk items — household
 * help from the catalogue (it names contracted product 01A01) and support with the administration
 * (no catalogue item: the beslisser picks the product) — and the aanvraag, checked by the teamleider
 * and assessed by a second beslisser, so four eyes leave the decision to 'beslisser'.
 */
async function beoordeeldeAanvraag(): Promise<{ aanvraagId: string; casusId: string }> {
  const regisseur = await apiAls('regisseur');
  const melding = await regisseur<{ id: string }>('POST', '/api/v1/meldingen', {
    persoon: {
      bsn: geldigBsn(Date.now() + 1313), voornaam: 'Wilhelmina', achternaam: 'Voorzorg', geboortedatum: '1946-05-17',
      adres: { straat: 'Kerkstraat', huisnummer: '12', postcode: '1234 AB', woonplaats: 'Demodorp' },
    },
    wet: 'wmo', kanaal: 'telefoon', ontvangenOp: vandaagNL(), omschrijving: 'Mevrouw kan haar huis niet meer schoonhouden en raakt de post kwijt.',
  });
  const casusId = (await regisseur<{ casus: { id: string } }>('POST', `/api/v1/meldingen/${melding.id}/triage`, { uitkomst: 'onderzoek' })).casus.id;
  const plan = `/api/v1/casussen/${casusId}/plan`;
  if ((await regisseur.ruw('GET', plan)).statusCode === 404) await regisseur('POST', plan);
  const doel = await regisseur<{ id: string }>('POST', `${plan}/doelen`, {
    leefgebied: 'praktischFunctioneren', omschrijving: 'Een schoon huis en de post op orde', meetbaarResultaat: 'Elke week een schoon huis; geen aanmaningen', streefdatum: overDagen(180),
  });
  const catalogus = await regisseur<{ id: string; naam: string }[]>('GET', '/api/v1/catalogus?domein=wmo&trede=4');
  const huishouden = catalogus.find((i) => i.naam === 'Hulp bij het huishouden (maatwerk)');
  expect(huishouden, 'de demo-catalogus heeft hulp bij het huishouden als maatwerk').toBeTruthy();
  const hulp = await regisseur<{ id: string; status: string }>('POST', `${plan}/arrangement`, {
    doelId: doel.id, trede: 4, catalogusItemId: huishouden!.id, motivering: 'Schoonmaken lukt niet meer; het netwerk woont ver weg.',
  });
  const begeleiding = await regisseur<{ id: string; status: string }>('POST', `${plan}/arrangement`, {
    doelId: doel.id, trede: 4, omschrijving: 'Begeleiding bij de administratie',
    motivering: 'Mevrouw overziet haar post niet meer; de vrijwillige thuisadministratie volstaat niet.',
  });
  expect([hulp.status, begeleiding.status]).toEqual(['aanvraagNodig', 'aanvraagNodig']);
  const aanvraag = await regisseur<{ id: string }>('POST', '/api/v1/aanvragen', {
    casusId, arrangementItemIds: [hulp.id, begeleiding.id], ontvangenOp: vandaagNL(),
  });
  await (await apiAls('teamleider'))('POST', `/api/v1/aanvragen/${aanvraag.id}/toets`, { compleet: true, bevoegd: true });
  await (await apiAls('beslisser2'))('POST', `/api/v1/aanvragen/${aanvraag.id}/beoordeling`, { advies: 'Past bij het plan; de lagere treden zijn geprobeerd.' });
  return { aanvraagId: aanvraag.id, casusId };
}

/** A second aanvraag of the household waits with the beslissers: the beslisser is in the circle (need-to-know) and may withdraw. */
async function beslisserInKring(casusId: string): Promise<void> {
  const regisseur = await apiAls('regisseur');
  const plan = `/api/v1/casussen/${casusId}/plan`;
  const doel = await regisseur<{ id: string }>('POST', `${plan}/doelen`, {
    leefgebied: 'dagbesteding', omschrijving: 'Een zinvolle dag', meetbaarResultaat: 'Twee dagdelen per week onder de mensen', streefdatum: overDagen(180),
  });
  const item = await regisseur<{ id: string }>('POST', `${plan}/arrangement`, {
    doelId: doel.id, trede: 4, omschrijving: 'Dagbesteding', motivering: 'Mevrouw zit alleen thuis; de buurtkamer is te ver weg.',
  });
  await regisseur('POST', '/api/v1/aanvragen', { casusId, arrangementItemIds: [item.id], ontvangenOp: vandaagNL() });
}

async function wachtTotGeladen(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.eenvoud-laden').count()).toBe(0);
}

describe('voorziening', () => {
  test('van besluit tot beëindigde voorziening: product uit het contract, budget, aanbieder kiezen, start en einde met reden', async () => {
    const { aanvraagId, casusId } = await beoordeeldeAanvraag();
    const { context, page } = await newPage(h);
    try {
      // ————— The beslisser decides in the UI —————
      await page.goto(`/aanvragen/${aanvraagId}`);
      await inloggen(page, 'beslisser');
      await page.getByRole('heading', { level: 1, name: /^Aanvraag A-\d{4}-\d{6}$/ }).waitFor();
      const besluit = page.getByRole('form', { name: 'Besluiten' });
      await besluit.waitFor();
      expect(await besluit.getByText(/Geschatte kosten per jaar/).count(), 'geen veld voor een jaarbedrag meer').toBe(0);

      const hulp = besluit.getByRole('group', { name: /^Hulp bij het huishouden \(maatwerk\)/ });
      await hulp.getByRole('group', { name: /^Uitkomst/ }).getByLabel('Toegekend', { exact: true }).check();
      // The catalogue item names the contracted product: unit and period follow the contract.
      await hulp.getByText(/Product uit het contract:.*\(01A01\)/).waitFor();
      await expect.poll(() => hulp.getByLabel(/^Eenheid/).inputValue()).toBe('uur');
      await expect.poll(() => hulp.getByLabel(/^Periode/).inputValue()).toBe('week');
      await hulp.getByLabel(/^Omvang/).fill('3');
      await hulp.getByLabel('Zorg in natura').check();

      const admin = besluit.getByRole('group', { name: /^Begeleiding bij de administratie/ });
      await admin.getByRole('group', { name: /^Uitkomst/ }).getByLabel('Toegekend', { exact: true }).check();
      // No product in the catalogue: the beslisser picks one of the law's contracted products.
      const product = admin.getByLabel(/^Product uit het contract/);
      await product.waitFor();
      await product.selectOption({ label: 'Individuele begeleiding (02A01)' });
      await expect.poll(() => admin.getByLabel(/^Eenheid/).inputValue()).toBe('uur');
      await expect.poll(() => admin.getByLabel(/^Periode/).inputValue()).toBe('week');
      await admin.getByLabel(/^Omvang/).fill('2');
      await admin.getByLabel('Zorg in natura').check();
      await besluit.getByLabel(/^Motivering/).fill('Eigen kracht, het netwerk en de algemene voorzieningen volstaan niet: hulp in het huishouden en begeleiding zijn nodig.');
      await expectToegankelijk(page, 'het besluitformulier met een product uit het contract');
      await screenshot(page, 'voorziening-besluiten');
      await besluit.getByRole('button', { name: 'Besluit nemen' }).click();
      await page.getByText('Het besluit is genomen. De beschikking is klaar om te verzenden.').waitFor();
      // The budget, computed by the API from the contract.
      const budgetten = page.getByRole('table', { name: 'Budget per toegekend product, berekend uit het contract' });
      await budgetten.waitFor();
      expect(euro(await budgetten.getByRole('row').filter({ hasText: 'Hulp bij het huishouden' }).textContent())).toMatch(/€ \d{1,3}(\.\d{3})*,\d{2}/);
      expect(await budgetten.getByRole('row').filter({ hasText: 'Begeleiding bij de administratie' }).count()).toBe(1);
      await expectToegankelijk(page, 'het genomen besluit met het budget');

      const verzend = page.getByRole('region', { name: /^Volgende stap: verzenden/ });
      await verzend.getByRole('button', { name: 'Beschikking verzenden' }).click();
      await verzend.getByRole('button', { name: 'Ja, beschikking verzenden' }).click();
      await page.getByText('De beschikking is verzonden. Zij kan nu niet meer veranderen.').waitFor();

      // ————— The regisseur: the provisions on the casus page —————
      await wisselNaar(page, 'regisseur');
      await page.goto(`/casussen/${casusId}`);
      await page.getByRole('heading', { level: 1, name: /^Casus C-/ }).waitFor();
      const sectie = page.locator('section#voorzieningen');
      const rij = sectie.getByRole('row').filter({ hasText: 'Hulp bij het huishouden' });
      await rij.waitFor();
      expect(await sectie.getByRole('row').count()).toBe(3);
      const rijTekst = euro(await rij.textContent());
      expect(rijTekst).toContain('Toegekend');
      expect(rijTekst).toContain('Nog te kiezen');
      expect(rijTekst).toContain('Wilhelmina Voorzorg');
      expect(rijTekst).toMatch(/3 uur per week/);
      expect(rijTekst).toMatch(/€ \d/);
      await expectToegankelijk(page, 'de casus met de voorzieningen');
      await screenshot(page, 'voorziening-casus');
      await rij.getByRole('link', { name: /^V-\d{4}-\d{6}$/ }).click();

      // ————— The voorziening page —————
      await page.getByRole('heading', { level: 1, name: /^Voorziening V-\d{4}-\d{6}$/ }).waitFor();
      const gegevens = page.getByRole('region', { name: 'Gegevens van de voorziening' });
      expect(await gegevens.textContent()).toContain('Toegekend');
      expect(await gegevens.textContent()).toContain('Nog te kiezen');
      const kiezen = page.getByRole('form', { name: 'Aanbieder kiezen' });
      await kiezen.waitFor();
      await wachtTotGeladen(page);
      const kandidaten = kiezen.getByRole('table', { name: /^Aanbieders met een contract voor / });
      expect(await kandidaten.locator('tbody tr').count()).toBeGreaterThan(0);
      await expectToegankelijk(page, 'de voorziening met de gecontracteerde aanbieders');
      await screenshot(page, 'voorziening-kiezen');

      // Without a choice: the error summary, which takes focus.
      await kiezen.getByRole('button', { name: 'Aanbieder kiezen' }).click();
      const samenvatting = page.locator('.eenvoud-foutsamenvatting');
      await samenvatting.getByRole('link', { name: 'Kies een aanbieder' }).waitFor();
      await expect.poll(() => page.locator('.eenvoud-foutsamenvatting:focus').count()).toBe(1);
      await expectToegankelijk(page, 'het kiezen van een aanbieder met een fout');

      // By keyboard: the summary's link leads to the first radio; space chooses, Tab to the button, Enter.
      await samenvatting.getByRole('link', { name: 'Kies een aanbieder' }).press('Enter');
      const eerste = kandidaten.getByRole('radio').first();
      await expect.poll(() => eerste.evaluate((el) => el.matches(':focus'))).toBe(true);
      await page.keyboard.press('Space');
      expect(await eerste.isChecked()).toBe(true);
      const gekozenRij = kandidaten.locator('tbody tr').first();
      const aanbieder = (await gekozenRij.locator('label').textContent())!.trim();
      const budget = euro(await gekozenRij.getByRole('cell').nth(2).textContent()).trim();
      expect(budget).toMatch(/^€ \d/);
      await page.keyboard.press('Tab');
      await expect.poll(() => page.locator(':focus').textContent()).toBe('Aanbieder kiezen');
      await page.keyboard.press('Enter');
      const bevestig = page.getByRole('group', { name: new RegExp(`^${aanbieder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} vastleggen als aanbieder\\?`) });
      await bevestig.waitFor();
      await expectToegankelijk(page, 'de vraag of de aanbieder vastgelegd mag worden');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.getByText(`${aanbieder} levert nu deze voorziening.`, { exact: false }).waitFor();
      expect(euro(await page.locator('.eenvoud-bericht').textContent())).toContain(`De status is toegewezen; het budget is ${budget}.`);
      await gegevens.getByText('Toegewezen', { exact: true }).waitFor();
      expect(euro(await gegevens.textContent())).toContain(budget);
      expect(await gegevens.textContent()).toContain(aanbieder);
      await expectToegankelijk(page, 'de toegewezen voorziening');
      await screenshot(page, 'voorziening-toegewezen');

      // The start.
      const start = page.getByRole('form', { name: 'Start doorgeven' });
      expect(await start.getByLabel(/^Eerste dag van de levering/).inputValue()).toBe(vandaagNL());
      await expectToegankelijk(page, 'het formulier Start doorgeven');
      await start.getByRole('button', { name: 'Start doorgeven' }).click();
      await page.getByText(/is doorgegeven\. De voorziening is gestart\.$/).waitFor();
      await gegevens.getByText('Gestart', { exact: true }).waitFor();

      // Ending early: without a reason the summary says so; then a reason from WMO588.
      const einde = page.getByRole('form', { name: 'Beëindigen' });
      await einde.getByRole('button', { name: 'Voorziening beëindigen' }).click();
      await page.locator('.eenvoud-foutsamenvatting').getByRole('link', { name: 'Reden: kies een reden' }).waitFor();
      expect(await einde.getByLabel(/^Reden/).getAttribute('aria-invalid')).toBe('true');
      await expectToegankelijk(page, 'het formulier Beëindigen met een fout');
      await einde.getByLabel(/^Reden/).selectOption({ label: 'Levering in overeenstemming voortijdig beëindigd' });
      await einde.getByRole('button', { name: 'Voorziening beëindigen' }).click();
      await einde.getByRole('group', { name: /^De voorziening beëindigen met/ }).waitFor();
      await expectToegankelijk(page, 'de vraag of de voorziening beëindigd mag worden');
      await einde.getByRole('button', { name: 'Ja, beëindigen' }).click();
      await page.getByText(/^De voorziening is beëindigd; de laatste dag is /).waitFor();
      await gegevens.getByText('Beëindigd', { exact: true }).waitFor();
      expect(await gegevens.textContent()).toContain('Levering in overeenstemming voortijdig beëindigd');
      const historie = page.getByRole('region', { name: 'Historie' });
      for (const stap of ['Toegewezen', 'Gestart', 'Beëindigd']) await historie.getByRole('cell', { name: stap, exact: true }).first().waitFor();
      expect(await page.getByRole('form').count(), 'een beëindigde voorziening biedt geen stappen meer').toBe(0);
      expect(await historie.textContent(), 'geen interne nummers of ISO-datums in de historie').not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}|\d{4}-\d{2}-\d{2}/);

      // The letters: made by the outbox after commit (the test runs the due jobs itself), downloadable as PDF.
      await h.app.opdrachten.verwerk();
      await page.reload();
      const brieven = page.getByRole('region', { name: 'Brieven' });
      const links = brieven.getByRole('link', { name: /\(PDF\)$/ });
      await links.first().waitFor();
      expect(await links.count()).toBe(2);
      const pdf = await page.request.get((await links.first().getAttribute('href'))!);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      await expectToegankelijk(page, 'de beëindigde voorziening met haar brieven');
      await screenshot(page, 'voorziening-beeindigd');

      // Back on the casus page, by the link at the top.
      await page.getByRole('link', { name: 'Terug naar de casus' }).click();
      const naRij = page.locator('section#voorzieningen').getByRole('row').filter({ hasText: 'Hulp bij het huishouden' });
      await naRij.getByText('Beëindigd', { exact: true }).waitFor();
      expect(await naRij.textContent()).toContain(aanbieder);
      await expectToegankelijk(page, 'de casus met een beëindigde voorziening');

      // ————— The beslisser withdraws the other provision before it began —————
      await beslisserInKring(casusId);
      const alle = (await (await apiAls('regisseur'))<{ items: { id: string; productNaam: string }[] }>('GET', `/api/v1/voorzieningen?casusId=${casusId}`)).items;
      const begeleiding = alle.find((x) => x.productNaam === 'Begeleiding bij de administratie')!;
      await wisselNaar(page, 'beslisser');
      await page.goto(`/voorzieningen/${begeleiding.id}`);
      await page.getByRole('heading', { level: 1, name: /^Voorziening V-\d{4}-\d{6}$/ }).waitFor();
      const intrekken = page.getByRole('form', { name: 'Intrekken' });
      await intrekken.getByLabel(/^Reden/).fill('Besluit berustte op onjuiste gegevens');
      await intrekken.getByRole('button', { name: 'Voorziening intrekken' }).click();
      await intrekken.getByRole('button', { name: 'Ja, intrekken' }).click();
      await page.getByText(/^De voorziening is ingetrokken met ingang van /).waitFor();
      const ingetrokken = page.getByRole('region', { name: 'Gegevens van de voorziening' });
      await ingetrokken.getByText('Ingetrokken', { exact: true }).waitFor();
      const gegevensTekst = euro(await ingetrokken.textContent());
      expect(gegevensTekst).toContain('Besluit berustte op onjuiste gegevens');
      expect(gegevensTekst).toMatch(/Ingetrokken voordat zij inging \(zou ingaan op \d{1,2} \p{L}+ \d{4}\)/u);
      expect(gegevensTekst).toContain('Geen budget: de voorziening is ingetrokken voordat zij inging.');
      expect(gegevensTekst, 'geen bedrag, geen jaarbedrag en geen periode die eindigt vóór zij begint').not.toMatch(/€|Omgerekend per jaar|tot en met/);
      expect(euro(await page.getByRole('region', { name: 'Besteding' }).textContent())).not.toContain('€');
      await expectToegankelijk(page, 'de ingetrokken voorziening');
      await screenshot(page, 'voorziening-ingetrokken');
    } finally {
      await context.close();
    }
  });
});
