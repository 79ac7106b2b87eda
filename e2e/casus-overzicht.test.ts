/**
 * The casus page at a glance (issue 10, point 7) and no technical text in the UI (point 9): a resident
 * made in this test, with a partner and a child, seen through the casusregisseur's eyes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  DATABASES, expectToegankelijk, geldigBsn, inloggen, newPage, screenshot, startHarness, type DatabaseSoort, type Harness,
} from './harness.ts';

const vandaagNL = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
const jarenGeleden = (n: number) => `${Number(vandaagNL().slice(0, 4)) - n}${vandaagNL().slice(4)}`;

/** Logs in through the API in the page's own context (cookie shared with the page) and gives the CSRF token. */
async function apiSessie(page: Page, gebruikersnaam: string): Promise<(method: 'POST' | 'GET', pad: string, body?: unknown) => Promise<unknown>> {
  const r = await page.request.post('/api/v1/sessies', { data: { gebruikersnaam, wachtwoord: 'demo' } });
  expect(r.status()).toBe(200);
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return async (method, pad, body) => {
    const res = method === 'GET' ? await page.request.get(pad) : await page.request.post(pad, { data: body ?? {}, headers: { 'x-csrf-token': csrfToken } });
    expect(res.status(), `${method} ${pad}: ${await res.text()}`).toBeLessThan(300);
    return res.json();
  };
}

/** Point 9: what a case worker reads in main has no hashes and no law codes. */
async function expectGeenTechniek(page: Page, waar: string): Promise<void> {
  const tekst = await page.locator('main').innerText();
  expect(tekst, `een hash in beeld op ${waar}`).not.toMatch(/\b[0-9a-f]{64}\b/);
  // 'schuldhulp' and 'minima' are also ordinary Dutch words ("regeling voor minima"); the law codes in lower case are not.
  expect(tekst, `een wetcode in beeld op ${waar}`).not.toMatch(/\b(wmo|jeugdwet|participatiewet)\b/);
  expect(tekst, `een veldpad in beeld op ${waar}`).not.toMatch(/\bbody\.[a-z]/);
}

describe.each(DATABASES)('de casus in één oogopslag (%s)', (soort: DatabaseSoort) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(soort);
  }, 120_000);
  afterAll(async () => h?.close());

  it('het overzicht bovenaan, delen die dichtklappen, overdragen onderaan, deelnemers uit het huishouden, en geen technische tekst', async () => {
    const { context, page } = await newPage(h);
    try {
      // A new resident with a partner and a child, made through the API as the casusregisseur would.
      await page.goto('/');
      const api = await apiSessie(page, 'regisseur');
      const melding = await api('POST', '/api/v1/meldingen', {
        persoon: {
          bsn: geldigBsn(Date.now()), voornaam: 'Fatima', achternaam: 'El Amrani', geboortedatum: '1984-04-12',
          adres: { straat: 'Dorpsstraat', huisnummer: '7', postcode: '1234 AB', woonplaats: 'Demodorp' },
        },
        wet: 'wmo', kanaal: 'telefoon', ontvangenOp: vandaagNL(), omschrijving: 'Moeder is overbelast en vraagt hulp in het huishouden.',
      }) as { id: string; huishoudenId: string; nummer: string };
      await api('POST', `/api/v1/huishoudens/${melding.huishoudenId}/leden`, {
        bsn: geldigBsn(Date.now() + 7), voornaam: 'Youssef', achternaam: 'El Amrani', geboortedatum: '1980-02-02', relatie: 'partner',
      });
      await api('POST', `/api/v1/huishoudens/${melding.huishoudenId}/leden`, {
        bsn: geldigBsn(Date.now() + 13), voornaam: 'Sami', achternaam: 'El Amrani', geboortedatum: jarenGeleden(11), relatie: 'kind', gezag: true,
      });
      const triage = await api('POST', `/api/v1/meldingen/${melding.id}/triage`, { uitkomst: 'onderzoek' }) as { casus: { id: string } };
      const casusId = triage.casus.id;

      // The summary at the top.
      await page.goto(`/casussen/${casusId}`);
      await page.getByRole('heading', { level: 1, name: /^Casus C-\d{4}-\d{6}$/ }).waitFor();
      const overzicht = page.getByRole('region', { name: 'Overzicht', exact: true });
      const huishouden = overzicht.getByRole('region', { name: 'Huishouden', exact: true });
      await huishouden.getByRole('cell', { name: 'Youssef El Amrani' }).waitFor();
      const rij = (naam: string) => huishouden.getByRole('row').filter({ has: page.getByRole('cell', { name: naam, exact: true }) });
      expect(await rij('Fatima El Amrani').textContent()).toContain('Hoofdpersoon, met gezag');
      // The same address for all: said once.
      expect(await huishouden.textContent()).toContain('Adres: Dorpsstraat 7, 1234 AB Demodorp');
      expect(await rij('Youssef El Amrani').textContent()).toContain('Partner');
      expect(await rij('Sami El Amrani').textContent()).toMatch(/Kind.*Gezag: Fatima El Amrani.*11 jaar \(minderjarig\)/);
      const regisseur = overzicht.getByRole('region', { name: 'Casusregisseur' });
      expect(await regisseur.textContent()).toContain('Ruud');
      expect(await regisseur.textContent()).toContain('Telefoon');
      const termijnen = overzicht.getByRole('region', { name: 'Lopende termijnen' });
      expect(await termijnen.textContent()).toMatch(/Onderzoek.*\(Wmo 2015\).*uiterlijk .*, nog \d+ dagen/);
      expect(await overzicht.getByRole('region', { name: 'Plan en instemming' }).textContent()).toContain('Nog geen plan gemaakt.');
      expect(await overzicht.getByRole('region', { name: 'Open aanvragen' }).textContent()).toContain('Er is geen open aanvraag.');
      expect(await overzicht.getByRole('region', { name: 'Voorzieningen' }).textContent()).toContain('Er is nog geen voorziening toegekend.');
      // Handing over sits below, folded: not above the household.
      expect(await page.getByRole('heading', { name: 'Casus overdragen' }).isVisible()).toBe(false);
      await expectToegankelijk(page, 'het casusoverzicht');
      await expectGeenTechniek(page, 'de casus');
      await screenshot(page, 'casus-overzicht-boven');

      // Fold a section; the page remembers it for this casus.
      const gesprekkenKop = page.locator('summary', { hasText: /^Gesprekken$/ });
      await page.getByRole('region', { name: 'Gesprekken', exact: true }).waitFor();
      await gesprekkenKop.click();
      await page.getByRole('region', { name: 'Gesprekken', exact: true }).waitFor({ state: 'hidden' });
      expect(await page.locator('#deel-gesprekken').getAttribute('open')).toBeNull();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: /^Casus C-/ }).waitFor();
      await overzicht.getByRole('region', { name: 'Huishouden', exact: true }).waitFor();
      expect(await page.locator('#deel-gesprekken').getAttribute('open')).toBeNull();
      // The table of contents opens a folded part.
      await page.getByRole('navigation', { name: 'Op deze pagina' }).getByRole('link', { name: 'Gesprekken' }).click();
      await page.getByRole('region', { name: 'Gesprekken', exact: true }).waitFor();
      // Overdragen opens with the keyboard too.
      await page.locator('summary', { hasText: /^Overdragen$/ }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 3, name: 'Casus overdragen' }).waitFor();
      await expectToegankelijk(page, 'de casus met Overdragen open');

      // A conversation: participants are picked from the household, not typed.
      await page.getByRole('link', { name: 'Nieuw gesprek' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nieuw gesprek' }).waitFor();
      const uitHuishouden = page.getByRole('group', { name: 'Uit het huishouden' });
      // The form appears once the household has loaded; count only then.
      await uitHuishouden.getByRole('checkbox').first().waitFor();
      expect(await uitHuishouden.getByRole('checkbox').count()).toBe(3);
      expect(await uitHuishouden.getByLabel(/^Fatima El Amrani \(inwoner/).isChecked()).toBe(true);
      await uitHuishouden.getByLabel(/^Youssef El Amrani \(partner/).check();
      await page.getByRole('button', { name: 'Iemand anders toevoegen' }).click();
      await page.getByLabel(/^Rol van andere deelnemer 1/).selectOption('professional');
      await page.getByLabel(/^Naam van andere deelnemer 1/).fill('Meester Jansen');
      await expectToegankelijk(page, 'het formulier Nieuw gesprek met deelnemers uit het huishouden');
      for (const groep of await page.getByRole('group', { name: /^Score voor / }).all()) {
        await groep.getByLabel('Niet besproken', { exact: true }).check();
      }
      await page.getByRole('button', { name: 'Gesprek opslaan' }).click();
      await page.getByRole('heading', { level: 1, name: /^Gesprek van / }).waitFor();
      const gegevens = await page.getByRole('region', { name: 'Gegevens van het gesprek' }).textContent();
      expect(gegevens).toContain('Fatima El Amrani (inwoner)');
      expect(gegevens).toContain('Youssef El Amrani (partner)');
      expect(gegevens).toContain('Meester Jansen (professional)');
      await expectGeenTechniek(page, 'het gesprek');

      // The report sent: its control code sits behind a disclosure, not in plain sight.
      const verslag = page.getByRole('region', { name: 'Verslag voor de inwoner' });
      await verslag.getByRole('button', { name: 'Verslag naar de inwoner sturen' }).click();
      await verslag.getByRole('button', { name: 'Ja, verslag versturen' }).click();
      await verslag.getByText('Verzonden', { exact: true }).waitFor();
      expect(await verslag.locator('.eenvoud-hash').isVisible()).toBe(false);
      await verslag.locator('summary', { hasText: 'Controlecode tonen' }).click();
      expect(await verslag.locator('.eenvoud-hash').isVisible()).toBe(true);
      await expectGeenTechniek(page, 'het gesprek na verzenden');
      await expectToegankelijk(page, 'het gesprek met de controlecode');

      // Point 9 across the main staff pages.
      for (const [pad, kop] of [
        ['/', /^Welkom/], ['/meldingen', /^Werkvoorraad/], [`/meldingen/${melding.id}`, /^Melding M-/], ['/termijnen', /^Termijnen/],
        ['/aanvragen', /^Aanvragen/], ['/procescoordinatie', /^Procescoördinatie/], ['/catalogus', /^Catalogus/], [`/casussen/${casusId}`, /^Casus C-/],
      ] as const) {
        await page.goto(pad);
        await page.getByRole('heading', { level: 1, name: kop }).waitFor();
        await page.locator('.eenvoud-laden').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
        await expectGeenTechniek(page, pad);
      }
    } finally {
      await context.close();
    }
  }, 180_000);

  // Need-to-know: a sent beschikking is no longer with the beslissers; the teamleider of the team reads it.
  it('op de verzonden beschikking staat geen hash en geen wetcode', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/inloggen');
      await inloggen(page, 'teamleider');
      await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
      const api = await apiSessie(page, 'teamleider');
      const lijst = await api('GET', '/api/v1/aanvragen?status=verzonden&aantal=1') as { resultaten: { id: string; beschikkingId: string | null }[] };
      const b = lijst.resultaten[0]?.beschikkingId;
      expect(b, 'de demo heeft een verzonden beschikking').toBeTruthy();
      await page.goto(`/beschikkingen/${b}`);
      await page.getByRole('heading', { level: 1, name: /^Beschikking B-/ }).waitFor();
      await expectGeenTechniek(page, 'de beschikking');
      await page.goto(`/aanvragen/${lijst.resultaten[0]!.id}`);
      await page.getByRole('heading', { level: 1, name: /^Aanvraag A-/ }).waitFor();
      await expectGeenTechniek(page, 'de aanvraag');
    } finally {
      await context.close();
    }
  }, 120_000);
});
