/**
 * Break-glass in the browser (issue 11, part 2): a resident made in this test, registered by the
 * frontoffice and given to Ruud by the teamleider. Rachida (same team, not on the casus) gets the
 * "geen toegang" message with the form "Toegang met reden", asks with a reason and then sees the
 * file; the privacy officer finds the access on the Doorbraken page and reviews it. Axe on each page.
 */
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
    async get<T>(pad: string): Promise<T> {
      const res = await page.request.get(pad);
      expect(res.status(), `GET ${pad}: ${await res.text()}`).toBe(200);
      return (await res.json()) as T;
    },
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

describe.each(DATABASES)('doorbraak: toegang met reden (%s)', (soort: DatabaseSoort) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(soort);
  }, 120_000);
  afterAll(async () => h?.close());

  it('Rachida ziet het dossier van Ruud pas na een reden, en de privacy officer beoordeelt die toegang', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/');
      // A new resident: registered by the frontoffice, triaged by the teamleider and given to Ruud.
      const fo = await apiSessie(page, 'frontoffice');
      const melding = await fo.post<{ id: string }>('/api/v1/meldingen', {
        persoon: { bsn: geldigBsn(Date.now()), voornaam: 'Willemijn', achternaam: 'Doornbos', geboortedatum: '1951-09-14' },
        wet: 'wmo', kanaal: 'telefoon', ontvangenOp: vandaagNL(), omschrijving: 'Mevrouw kan na een heupoperatie niet meer zelf douchen.',
      });
      await fo.uitloggen();
      const tl = await apiSessie(page, 'teamleider');
      const ruud = (await tl.get<{ id: string; naam: string }[]>('/api/v1/medewerkers?rol=regisseur')).find((m) => m.naam === 'Ruud Regisseur')!;
      const triage = await tl.post<{ casus: { id: string } }>(`/api/v1/meldingen/${melding.id}/triage`, { uitkomst: 'onderzoek', regisseurId: ruud.id });
      const casusId = triage.casus.id;
      const { nummer } = await tl.get<{ nummer: string }>(`/api/v1/casussen/${casusId}`);
      await tl.uitloggen();

      // Rachida opens the casus: she does not work on it.
      await page.goto(`/casussen/${casusId}`);
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      await inloggen(page, 'regisseur2');
      await page.getByText('U heeft geen toegang tot dit dossier').first().waitFor();
      const formulier = page.getByRole('region', { name: 'Toegang met reden' });
      await formulier.getByText(/De privacy officer ziet elke toegang met reden/).waitFor();
      await formulier.getByText(/tot het einde van vandaag/).waitFor();
      expect(await page.getByRole('heading', { level: 1, name: `Casus ${nummer}` }).count()).toBe(0);
      await screenshot(page, 'doorbraak-geen-toegang');
      await expectToegankelijk(page, 'de casus zonder toegang, met het formulier Toegang met reden');

      // Too short a reason: the field says so and nothing is asked.
      const reden = formulier.getByLabel(/^Reden/);
      await reden.fill('nodig');
      await formulier.getByRole('button', { name: 'Toegang vragen' }).click();
      await formulier.getByText(/Geef een reden van minstens 10 tekens/).waitFor();
      await expect.poll(async () => reden.getAttribute('aria-invalid')).toBe('true');
      await expectToegankelijk(page, 'het formulier Toegang met reden met een fout');

      // By keyboard: type the reason and send with Enter on the button.
      await reden.fill('Ruud is vandaag ziek; ik beantwoord de terugbelvraag van mevrouw.');
      await formulier.getByRole('button', { name: 'Toegang vragen' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: `Casus ${nummer}` }).waitFor();
      await page.getByText('Willemijn Doornbos').first().waitFor();
      await screenshot(page, 'doorbraak-casus-open');
      await expectToegankelijk(page, 'de casus met tijdelijke toegang');

      // The privacy officer: Doorbraken from the menu, review the access.
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      await inloggen(page, 'privacy');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Doorbraken' }).click();
      await page.getByRole('heading', { level: 1, name: 'Doorbraken' }).waitFor();
      const rij = page.getByRole('row').filter({ hasText: nummer });
      await rij.getByText('Rachida Regisseur').waitFor();
      await rij.getByText('Ruud is vandaag ziek; ik beantwoord de terugbelvraag van mevrouw.').waitFor();
      await rij.getByText(/het einde van \d{1,2} \w+ \d{4}/).waitFor();
      await screenshot(page, 'doorbraken-open');
      await expectToegankelijk(page, 'de pagina Doorbraken');

      await rij.getByRole('button', { name: `Beoordelen: ${nummer}, Rachida Regisseur` }).click();
      const beoordeling = page.getByRole('region', { name: `Beoordelen: ${nummer}, Rachida Regisseur` });
      await beoordeling.waitFor();
      // The form takes focus, so a keyboard user lands on it.
      const kop = beoordeling.getByRole('heading', { level: 2, name: `Beoordelen: ${nummer}, Rachida Regisseur` });
      await expect.poll(async () => kop.evaluate((el) => el.ownerDocument.activeElement === el)).toBe(true);
      await beoordeling.getByLabel('Onterecht').check();
      await beoordeling.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
      await beoordeling.getByText('Licht toe waarom deze toegang onterecht was').waitFor();
      await expectToegankelijk(page, 'het beoordelingsformulier met een fout');
      await beoordeling.getByLabel(/^Toelichting/).fill('Ruud stond die dag gewoon ingeroosterd.');
      await beoordeling.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
      await page.getByText(`De toegang van Rachida Regisseur tot ${nummer} is beoordeeld als onterecht.`).waitFor();
      await expect.poll(async () => page.getByRole('row').filter({ hasText: nummer }).count()).toBe(0);

      // Under "Beoordeeld" it stands with the verdict, who and the explanation.
      await page.getByLabel('Welke doorbraken').selectOption('beoordeeld');
      await page.getByRole('button', { name: 'Filteren' }).click();
      const beoordeeld = page.getByRole('row').filter({ hasText: nummer });
      await beoordeeld.getByText('Onterecht').waitFor();
      await beoordeeld.getByText('Ruud stond die dag gewoon ingeroosterd.').waitFor();
      await beoordeeld.getByText(/Priya Privacy/).waitFor();
      await screenshot(page, 'doorbraken-beoordeeld');
      await expectToegankelijk(page, 'de beoordeelde doorbraken');
    } finally {
      await context.close();
    }
  }, 180_000);

  it('wie het dossier niet kan vinden, opent het via Toegang met reden met het BSN', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/');
      const bsn = geldigBsn(Date.now() + 101);
      const rg = await apiSessie(page, 'regisseur');
      const melding = await rg.post<{ id: string }>('/api/v1/meldingen', {
        persoon: { bsn, voornaam: 'Gerrit', achternaam: 'Hoekstra', geboortedatum: '1944-02-20' },
        wet: 'wmo', kanaal: 'telefoon', ontvangenOp: vandaagNL(), omschrijving: 'Meneer vraagt om een scootmobiel.',
      });
      const triage = await rg.post<{ casus: { id: string } }>(`/api/v1/meldingen/${melding.id}/triage`, { uitkomst: 'onderzoek' });
      await rg.uitloggen();

      await page.goto('/');
      await inloggen(page, 'regisseur2');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Toegang met reden' }).click();
      await page.getByRole('heading', { level: 1, name: 'Dossier openen met reden' }).waitFor();
      await expectToegankelijk(page, 'de pagina Dossier openen met reden');
      // Without a reason: the summary names the field, nothing is asked.
      await page.getByLabel(/^Casusnummer of BSN/).fill(bsn);
      await page.getByRole('button', { name: 'Dossier openen' }).click();
      await page.getByRole('link', { name: /Geef een reden van minstens 10 tekens/ }).waitFor();
      await expectToegankelijk(page, 'Dossier openen met reden met een fout');
      await page.getByLabel(/^Reden/).fill('Meneer belt terug; Ruud is vandaag op cursus.');
      await page.getByRole('button', { name: 'Dossier openen' }).click();
      await page.waitForURL((u) => u.pathname === `/casussen/${triage.casus.id}`);
      await page.getByRole('heading', { level: 1, name: /^Casus C-/ }).waitFor();
      await page.getByText(/U bekijkt dit dossier met tijdelijke toegang tot het einde van/).waitFor();
      await screenshot(page, 'doorbraak-op-bsn');
      await expectToegankelijk(page, 'de casus geopend op BSN');
    } finally {
      await context.close();
    }
  }, 180_000);
});
