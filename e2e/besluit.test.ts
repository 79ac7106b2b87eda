/**
 * Browser test of the decision process (Besluit / TIM): the regisseur files an aanvraag from the
 * plan, colleagues check, assess and decide it with four eyes, the beschikking is sent and a
 * bezwaar registered; then the beslisser's queue and the teamleider's steekproef. Every page and
 * state is checked with axe-core.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectToegankelijk, type Harness, inloggen, newPage, overDagen, screenshot, startHarness, wisselNaar } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

/** A rung-4 item that needs an aanvraag, on one of Ruud's casussen, made through the API with his session. */
async function maakAanvraagNodig(page: Page): Promise<string> {
  const sessie = await (await page.request.get('/api/v1/sessies/huidig')).json() as { csrfToken: string };
  const headers = { 'x-csrf-token': sessie.csrfToken };
  const meldingen = await (await page.request.get('/api/v1/meldingen?toegewezen=mij&status=inOnderzoek&aantal=50')).json() as {
    resultaten: { casus: { id: string } | null }[];
  };
  const casusId = meldingen.resultaten.find((m) => m.casus)?.casus?.id;
  expect(casusId, 'Ruud heeft een casus in onderzoek').toBeTruthy();
  const basis = `/api/v1/casussen/${casusId}/plan`;
  const plan = await page.request.get(basis);
  if (plan.status() === 404) expect((await page.request.post(basis, { headers })).status()).toBeLessThan(300);
  const doel = await page.request.post(`${basis}/doelen`, {
    headers, data: { leefgebied: 'praktischFunctioneren', omschrijving: 'Het huis schoon en leefbaar houden', meetbaarResultaat: 'Elke week een schoon huis', streefdatum: overDagen(180) },
  });
  expect(doel.status(), await doel.text()).toBe(201);
  const item = await page.request.post(`${basis}/arrangement`, {
    headers, data: {
      doelId: (await doel.json() as { id: string }).id, trede: 4, omschrijving: 'Huishoudelijke hulp',
      motivering: 'De inwoner kan niet meer zelf schoonmaken, het netwerk woont ver weg en de algemene voorzieningen volstaan niet.',
    },
  });
  expect(item.status(), await item.text()).toBe(201);
  expect((await item.json() as { status: string }).status).toBe('aanvraagNodig');
  return casusId!;
}

describe('besluit', () => {
  test('van aanvraag tot verzonden beschikking, met vier ogen', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/');
      await inloggen(page, 'regisseur');
      await page.getByRole('heading', { level: 1, name: /^Welkom, Ruud/ }).waitFor();
      const casusId = await maakAanvraagNodig(page);

      // The casus page: the plan items that need a beschikking, all checked.
      await page.goto(`/casussen/${casusId}`);
      await page.getByRole('heading', { level: 1, name: /^Casus C-/ }).waitFor();
      const sectie = page.getByRole('region', { name: 'Aanvragen en besluiten' });
      await sectie.locator('summary', { hasText: 'Aanvraag indienen' }).click();
      const form = sectie.getByRole('form', { name: 'Aanvraag indienen' });
      const item = form.getByLabel('Huishoudelijke hulp (trede 4)');
      expect(await item.isChecked()).toBe(true);
      expect(await form.getByLabel(/^Ontvangen op/).inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await form.getByLabel(/^Toelichting voor de beslisser/).fill('De inwoner vroeg om hulp in het huishouden.');
      await expectToegankelijk(page, 'het formulier Aanvraag indienen');
      await form.getByRole('button', { name: 'Aanvraag indienen' }).click();
      await page.getByText(/^Aanvraag A-\d{4}-\d{6} is ingediend\. Een collega toetst haar\.$/).waitFor();
      await sectie.getByRole('table').getByText('Ingediend').first().waitFor();
      await page.getByRole('link', { name: /^Naar aanvraag A-/ }).click();

      // The aanvraag page; Ruud prepared it, so he may not check it.
      await page.getByRole('heading', { level: 1, name: /^Aanvraag A-\d{4}-\d{6}$/ }).waitFor();
      const stap = page.getByRole('region', { name: /^Volgende stap/ });
      await stap.getByText('U heeft deze aanvraag voorbereid; een collega toetst haar.').waitFor();
      expect(await page.getByRole('form', { name: 'Aanvraag toetsen' }).count()).toBe(0);
      await page.getByRole('region', { name: 'Plan en ladder' }).getByText('In deze aanvraag').waitFor();
      await page.getByRole('region', { name: 'Aangevraagde producten' }).getByText('Huishoudelijke hulp').waitFor();
      await page.getByRole('region', { name: 'Beslistermijnen' }).getByRole('table').waitFor();
      await expectToegankelijk(page, 'de aanvraag met de vier-ogenmelding');
      await screenshot(page, 'aanvraag-ingediend');

      // The teamleider checks.
      await wisselNaar(page, 'teamleider');
      await page.getByRole('heading', { level: 1, name: /^Aanvraag A-/ }).waitFor();
      const toets = page.getByRole('form', { name: 'Aanvraag toetsen' });
      expect(await toets.getByLabel('De aanvraag is compleet').isChecked()).toBe(true);
      await expectToegankelijk(page, 'het formulier Toetsen');
      await toets.getByRole('button', { name: 'Toetsing vastleggen' }).click();
      await page.getByText('De aanvraag is getoetst. Nu beoordeelt een beslisser haar.').waitFor();
      await page.getByRole('region', { name: 'Wie deed welke stap' }).getByText('Tineke Teamleider').waitFor();

      // A second beslisser assesses; then may not decide.
      await wisselNaar(page, 'beslisser2');
      const beoordeling = page.getByRole('form', { name: 'Aanvraag beoordelen' });
      await beoordeling.getByLabel('Advies').fill('Past bij het doel; de lagere treden zijn geprobeerd.');
      await beoordeling.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
      await page.getByText('De aanvraag is beoordeeld. Nu besluit een andere beslisser erover.').waitFor();
      await page.getByRole('region', { name: /^Volgende stap: besluiten/ }).getByText('U heeft deze aanvraag beoordeeld; een andere beslisser besluit erover.').waitFor();
      expect(await page.getByRole('form', { name: 'Besluiten' }).count()).toBe(0);
      await expectToegankelijk(page, 'de aanvraag met de vier-ogenmelding bij besluiten');

      // The beslisser decides: without omvang and leveringsvorm the API says what is missing.
      await wisselNaar(page, 'beslisser');
      const besluit = page.getByRole('form', { name: 'Besluiten' });
      await besluit.getByRole('group', { name: /^Uitkomst/ }).getByLabel('Toegekend', { exact: true }).check();
      await besluit.getByLabel(/^Motivering/).fill('Eigen kracht, het netwerk en de algemene voorzieningen volstaan niet; huishoudelijke hulp is nodig.');
      await besluit.getByRole('button', { name: 'Besluit nemen' }).click();
      const samenvatting = page.locator('.eenvoud-foutsamenvatting');
      await samenvatting.getByRole('link', { name: /Huishoudelijke hulp: omvang/ }).waitFor();
      expect(await besluit.getByLabel(/^Omvang/).getAttribute('aria-invalid')).toBe('true');
      await expectToegankelijk(page, 'het formulier Besluiten met fouten');
      // The plan item names no catalogue product: the beslisser picks the contracted product (issue 13).
      await besluit.getByLabel(/^Product uit het contract/).selectOption({ label: 'Hulp bij het huishouden (maatwerk) (01A01)' });
      await besluit.getByLabel(/^Omvang/).fill('3');
      await besluit.getByLabel(/^Eenheid/).selectOption('uur');
      await besluit.getByLabel(/^Periode/).selectOption('week');
      await besluit.getByLabel('Zorg in natura').check();
      await expectToegankelijk(page, 'het formulier Besluiten');
      await screenshot(page, 'aanvraag-besluiten');
      await besluit.getByRole('button', { name: 'Besluit nemen' }).click();
      await page.getByText('Het besluit is genomen. De beschikking is klaar om te verzenden.').waitFor();

      // Send it, after a confirmation.
      const verzend = page.getByRole('region', { name: /^Volgende stap: verzenden/ });
      await verzend.getByRole('button', { name: 'Beschikking verzenden' }).click();
      await verzend.getByText('Na verzenden kan de beschikking niet meer veranderen; een wijziging gaat via een herziening.', { exact: false }).waitFor();
      await expectToegankelijk(page, 'de vraag of de beschikking verzonden mag worden');
      await verzend.getByRole('button', { name: 'Ja, beschikking verzenden' }).click();
      await page.getByText('De beschikking is verzonden. Zij kan nu niet meer veranderen.').waitFor();
      await page.locator('.eenvoud-bericht').getByRole('link', { name: 'Beschikking bekijken' }).click();

      // The beschikking.
      await page.getByRole('heading', { level: 1, name: /^Beschikking B-\d{4}-\d{6}$/ }).waitFor();
      await page.getByText(/^Bezwaar mogelijk tot en met \d{1,2} \w+ \d{4}\.$/).waitFor();
      await page.getByRole('region', { name: 'Het besluit per product' }).getByText('3 uur per week').waitFor();
      expect(await page.locator('.eenvoud-hash').textContent()).toMatch(/^[0-9a-f]{12}$/);
      const href = await page.getByRole('link', { name: 'Brief bekijken (PDF)' }).getAttribute('href');
      expect(href).toMatch(/^\/api\/v1\/beschikkingen\/[0-9a-f-]+\/brief\.pdf$/);
      const pdf = await page.request.get(href!);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      await expectToegankelijk(page, 'de beschikking');

      // A bezwaar.
      const bezwaren = page.getByRole('region', { name: 'Bezwaren' });
      await bezwaren.locator('summary', { hasText: 'Bezwaar registreren' }).click();
      await bezwaren.getByLabel(/^Waar gaat het bezwaar over\?/).fill('De inwoner vindt drie uur per week te weinig.');
      await bezwaren.getByRole('button', { name: 'Bezwaar registreren' }).click();
      await page.getByText(/^Het bezwaar is geregistreerd \(tijdig\)\. Beslis erop uiterlijk /).waitFor();
      await bezwaren.getByRole('table').getByText('Tijdig').waitFor();
      await expectToegankelijk(page, 'de beschikking met een bezwaar');
      await screenshot(page, 'beschikking');

      // The beslisser's queue.
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Aanvragen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Aanvragen' }).waitFor();
      const tabel = page.getByRole('table', { name: /^Aanvragen \(nog niet verzonden\)/ });
      await tabel.locator('tbody tr').first().waitFor();
      await expectToegankelijk(page, 'de aanvragen van de beslisser');
      await screenshot(page, 'aanvragen');
      await page.getByLabel('Status').selectOption('verzonden');
      await page.getByRole('button', { name: 'Filteren' }).click();
      await page.getByRole('table', { name: /^Aanvragen \(verzonden\)/ }).waitFor();
    } finally {
      await context.close();
    }
  });

  test('de teamleider trekt de steekproef van deze maand', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/');
      await inloggen(page, 'teamleider');
      await page.getByRole('heading', { level: 1, name: /^Welkom, Tineke/ }).waitFor();
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Steekproeven' }).click();
      await page.getByRole('heading', { level: 1, name: 'Steekproeven' }).waitFor();
      await page.getByRole('region', { name: 'Uitkomsten per team' }).getByText(/nog geen steekproef getrokken|per team/).first().waitFor();
      await expectToegankelijk(page, 'de steekproeven');
      const maand = await page.getByLabel(/^Maand/).inputValue();
      expect(maand).toMatch(/^\d{4}-\d{2}$/);
      await page.getByRole('button', { name: 'Steekproef trekken' }).click();
      await page.getByRole('heading', { level: 1, name: /^Steekproef / }).waitFor();
      const rijen = page.getByRole('table', { name: 'Getrokken besluiten en hun beoordeling' }).locator('tbody tr');
      await rijen.first().waitFor();
      expect(await rijen.count()).toBeGreaterThan(0);
      await expectToegankelijk(page, 'een getrokken steekproef');

      // Review one: the teamleider checked every demo decision, so the four-eyes rule may refuse.
      await page.locator('summary', { hasText: /^Beoordelen: B-/ }).first().click();
      const review = page.getByRole('form', { name: /^Beoordeling van B-/ }).first();
      await review.getByRole('group', { name: 'Inhoud', exact: true }).waitFor();
      await review.getByRole('group', { name: 'Recht', exact: true }).waitFor();
      for (const groep of await review.getByRole('group', { name: /\?/ }).all()) {
        await groep.getByLabel('Ja', { exact: true }).check();
      }
      await review.getByRole('group', { name: /^Uitkomst/ }).getByLabel('In orde', { exact: true }).check();
      await expectToegankelijk(page, 'het beoordelingsformulier van de steekproef');
      await screenshot(page, 'steekproef');
      await review.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
      await page.getByText(/is vastgelegd\.$|U werkte mee aan dit besluit/).first().waitFor();
      await expectToegankelijk(page, 'de steekproef na beoordelen');

      // The results per team, and drawing the same month again.
      await page.getByRole('link', { name: 'Terug naar de steekproeven' }).click();
      await page.getByRole('table', { name: /^Uitkomsten van de steekproeven in \d{4}, per team/ }).waitFor();
      await page.getByRole('button', { name: 'Steekproef trekken' }).click();
      await page.getByText(`De steekproef van ${maand} is al getrokken.`).waitFor();
      await page.getByRole('link', { name: /^Steekproef van .* openen$/ }).waitFor();
      await expectToegankelijk(page, 'de steekproeven met de melding dat de maand al is getrokken');
    } finally {
      await context.close();
    }
  });

  test('de teamleider wijst een procescoördinator aan; die ziet alle besluiten van het huishouden', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/');
      await inloggen(page, 'teamleider');
      await page.getByRole('heading', { level: 1, name: /^Welkom, Tineke/ }).waitFor();
      const meldingen = await (await page.request.get('/api/v1/meldingen?toegewezen=iedereen&status=inOnderzoek&aantal=50')).json() as {
        resultaten: { casus: { id: string; nummer: string } | null; regisseur: { naam: string } | null }[];
      };
      const casus = meldingen.resultaten.find((m) => m.casus && m.regisseur?.naam === 'Ruud Regisseur')?.casus;
      expect(casus, 'een casus van Ruud').toBeTruthy();
      await page.goto(`/casussen/${casus!.id}`);
      const sectie = page.getByRole('region', { name: 'Procescoördinatie' });
      await sectie.locator('summary', { hasText: 'Procescoördinatie instellen' }).click();
      await sectie.getByLabel('Dit is een multiprobleemcasus').check();
      await sectie.getByLabel('Procescoördinator').selectOption({ label: 'Ruud Regisseur' });
      await expectToegankelijk(page, 'het formulier Procescoördinatie');
      await sectie.getByRole('button', { name: 'Opslaan' }).click();
      await page.getByText('De casus is een multiprobleemcasus met Ruud Regisseur als procescoördinator.').waitFor();
      await page.getByRole('region', { name: 'Aanvragen en besluiten' }).getByRole('table').waitFor();
      await expectToegankelijk(page, 'de casus met aanvragen en procescoördinatie');

      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      await inloggen(page, 'regisseur');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Procescoördinatie' }).click();
      await page.getByRole('heading', { level: 1, name: 'Procescoördinatie' }).waitFor();
      const blok = page.getByRole('region', { name: `Casus ${casus!.nummer}` });
      await blok.getByText('Multiprobleem').waitFor();
      await blok.getByRole('heading', { name: 'Besluiten' }).waitFor();
      await expectToegankelijk(page, 'de pagina Procescoördinatie');
      await screenshot(page, 'procescoordinatie');
    } finally {
      await context.close();
    }
  });
});
