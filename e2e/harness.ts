/**
 * The browser test harness: the real app (API + built web app) on a random port with a fresh in-memory
 * database and the demo seed, Chromium through playwright-core, and an axe-core check for WCAG 2.1 AA.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { buildApp, WEB_ROOT } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openTestDatabase } from '../src/testing/harness.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { seedDemo } from '../src/demo/seed.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Harness {
  app: FastifyInstance;
  baseUrl: string;
  browser: Browser;
  close: () => Promise<void>;
}

export function assertWebBuilt(): void {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    throw new Error(`De web-app is niet gebouwd: ${join(WEB_ROOT, 'index.html')} ontbreekt. Draai eerst "npm run build:web".`);
  }
}

/**
 * Where a browser test keeps its data: embedded PostgreSQL (always) or a fresh database on the server of
 * TEST_DATABASE_URL (CI sets it), so the resident's walk is proven on both.
 */
export type DatabaseSoort = 'pglite' | 'server';
export const DATABASES: DatabaseSoort[] = process.env.TEST_DATABASE_URL ? ['pglite', 'server'] : ['pglite'];

export async function startApp(soort: DatabaseSoort = 'pglite'): Promise<{ app: FastifyInstance; baseUrl: string; stop: () => Promise<void> }> {
  const { database, drop } = await openTestDatabase(soort);
  await migrate(database.db);
  await seedDemo(database.db, { nodeEnv: 'test' });
  const app = await buildApp(database, loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), { webRoot: WEB_ROOT, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as AddressInfo;
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    stop: async () => {
      await app.close();
      await drop();
    },
  };
}

export async function startHarness(soort: DatabaseSoort = 'pglite'): Promise<Harness> {
  assertWebBuilt();
  const { app, baseUrl, stop } = await startApp(soort);
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    app, baseUrl, browser,
    close: async () => {
      await browser.close();
      await stop();
    },
  };
}

export async function newPage(h: Harness): Promise<{ context: BrowserContext; page: Page }> {
  const context = await h.browser.newContext({ baseURL: h.baseUrl, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  return { context, page };
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe-core for WCAG 2.1 A/AA on the page as it is now; returns the violations in readable form. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map((v) => {
    const nodes = v.nodes.map((n) => `    - ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ') ?? ''}`).join('\n');
    return `${v.id} (${v.impact ?? 'onbekend'}): ${v.help}\n  ${v.helpUrl}\n${nodes}`;
  });
}

/** A BSN that passes the elfproef, generated from a seed so every test run can use a fresh one. */
export function geldigBsn(seed: number = Date.now()): string {
  // Seven digits come from the seed and the eighth is chosen so the check digit is 0–9. Skipping
  // to the next seed instead (as this did once) gave two neighbouring seeds the same BSN, so a
  // test that counted "a new resident" sometimes reused the previous one and his address.
  const zeven = String(1_000_000 + (Math.abs(Math.floor(seed)) % 9_000_000));
  for (let achtste = 0; achtste <= 9; achtste++) {
    const eerste8 = `${zeven}${achtste}`;
    let som = 0;
    for (let i = 0; i < 8; i++) som += Number(eerste8[i]) * (9 - i);
    const laatste = som % 11;
    if (laatste <= 9) return `${eerste8}${laatste}`;
  }
  throw new Error('onbereikbaar: een van de tien achtste cijfers geeft altijd een geldig controlecijfer');
}

// Helpers every browser test uses.

const screenshotDir = process.env.E2E_SCREENSHOTS;

export async function screenshot(page: Page, naam: string): Promise<void> {
  if (screenshotDir) await page.screenshot({ path: join(screenshotDir, `eenvoud-${naam}.png`), fullPage: true });
}

export async function expectToegankelijk(page: Page, waar: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `axe-core vond WCAG-problemen op ${waar}:\n${violations.join('\n')}`).toEqual([]);
}

export async function inloggen(page: Page, gebruikersnaam: string, wachtwoord = 'demo'): Promise<void> {
  await page.getByLabel('Gebruikersnaam').fill(gebruikersnaam);
  await page.getByLabel('Wachtwoord').fill(wachtwoord);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/** Log out, then log in as someone else and come back to the same page. */
export async function wisselNaar(page: Page, gebruikersnaam: string): Promise<void> {
  const url = new URL(page.url());
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  await page.goto(`${url.pathname}${url.search}`);
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  await inloggen(page, gebruikersnaam);
  await page.waitForURL((u) => u.pathname === url.pathname);
}

/** n days from the Dutch today: the server's calendar is Europe/Amsterdam, so a UTC date is a day behind late in the evening. */
export function overDagen(n: number): string {
  const d = new Date(`${vandaagNL()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The API as a demo user, straight on the app (no browser): for making test data before the journey. */
export async function apiAls(h: Harness, gebruikersnaam: string) {
  const login = await h.app.inject({ method: 'POST', url: '/api/v1/sessies', payload: { gebruikersnaam, wachtwoord: 'demo' } });
  expect(login.statusCode, login.body).toBe(200);
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = (login.json() as { csrfToken: string }).csrfToken;
  const ruw = (method: 'GET' | 'POST', url: string, payload?: object) =>
    h.app.inject({ method, url, headers: { cookie, 'x-csrf-token': csrf }, ...(payload ? { payload } : {}) });
  const api = async <T>(method: 'GET' | 'POST', url: string, payload?: object): Promise<T> => {
    const r = await ruw(method, url, payload);
    expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
    return r.json() as T;
  };
  return Object.assign(api, { ruw });
}

/**
 * Waits for what the user should see; when it does not come, the failure says what the page showed
 * instead (the main text), so a run elsewhere can be read without a screenshot.
 */
export async function zichtbaarOfUitleg(page: Page, wat: Locator): Promise<void> {
  try {
    await wat.waitFor();
  } catch (e) {
    const tekst = await page.locator('main').innerText({ timeout: 5_000 }).catch(() => '(geen main)');
    throw new Error(`${(e as Error).message}\nDe pagina (${page.url()}) toonde:\n${tekst.slice(0, 3_000)}`, { cause: e });
  }
}

/** Today's date in the Netherlands as 'YYYY-MM-DD', the calendar the API checks against. */
export const vandaagNL = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

export interface Bewoner { voornaam: string; achternaam: string; geboortedatum: string; bsn: string }

/**
 * A new resident's aanvraag through the API, up to the decision: melding on `wet`, triage, plan with a
 * goal on `leefgebied`, the catalogue item `product` (trede 4) in the arrangement, the aanvraag, the toets
 * by the teamleider and the beoordeling by beslisser2 — so `beslisser` may decide. `seed` makes the BSN.
 */
export async function beoordeeldeAanvraag(h: Harness, o: {
  bewoner: Omit<Bewoner, 'bsn'> & { seed: number }; wet: string; omschrijving: string; leefgebied: string; doel: string; resultaat: string; product: string; motivering: string;
}): Promise<{ casusId: string; aanvraagId: string; arrangementItemId: string; bewoner: Bewoner }> {
  const regisseur = await apiAls(h, 'regisseur');
  const { voornaam, achternaam, geboortedatum } = o.bewoner;
  const bewoner: Bewoner = { voornaam, achternaam, geboortedatum, bsn: geldigBsn(o.bewoner.seed) };
  const melding = await regisseur<{ id: string }>('POST', '/api/v1/meldingen', {
    persoon: { bsn: bewoner.bsn, voornaam, achternaam, geboortedatum, adres: { straat: 'Molenweg', huisnummer: '7b', postcode: '1234 AB', woonplaats: 'Demodorp' } },
    wet: o.wet, kanaal: 'telefoon', ontvangenOp: vandaagNL(), omschrijving: o.omschrijving,
  });
  const casusId = (await regisseur<{ casus: { id: string } }>('POST', `/api/v1/meldingen/${melding.id}/triage`, { uitkomst: 'onderzoek' })).casus.id;
  const plan = `/api/v1/casussen/${casusId}/plan`;
  if ((await regisseur.ruw('GET', plan)).statusCode === 404) await regisseur('POST', plan);
  const doel = await regisseur<{ id: string }>('POST', `${plan}/doelen`, {
    leefgebied: o.leefgebied, omschrijving: o.doel, meetbaarResultaat: o.resultaat, streefdatum: overDagen(180),
  });
  const item = (await regisseur<{ id: string; naam: string }[]>('GET', `/api/v1/catalogus?domein=${o.wet}&trede=4`)).find((i) => i.naam === o.product);
  if (!item) throw new Error(`Het catalogusproduct '${o.product}' ontbreekt`);
  const arrangement = await regisseur<{ id: string }>('POST', `${plan}/arrangement`, { doelId: doel.id, trede: 4, catalogusItemId: item.id, motivering: o.motivering });
  const aanvraag = await regisseur<{ id: string }>('POST', '/api/v1/aanvragen', { casusId, arrangementItemIds: [arrangement.id], ontvangenOp: vandaagNL() });
  await (await apiAls(h, 'teamleider'))('POST', `/api/v1/aanvragen/${aanvraag.id}/toets`, { compleet: true, bevoegd: true });
  await (await apiAls(h, 'beslisser2'))('POST', `/api/v1/aanvragen/${aanvraag.id}/beoordeling`, { advies: 'Past bij het plan.' });
  return { casusId, aanvraagId: aanvraag.id, arrangementItemId: arrangement.id, bewoner };
}

/**
 * A new resident decided through the API (the steps before the message traffic): `beoordeeldeAanvraag`
 * for hulp bij het huishouden, then 3 hours a week, in natura, from today for 120 days, the decision
 * and the beschikking sent. No provider is chosen yet. `seed` makes the BSN; give each resident of one
 * test its own.
 */
export async function besloten(h: Harness, wie: { voornaam?: string; achternaam?: string; geboortedatum?: string; seed?: number; ingangsdatum?: string } = {}): Promise<{ casusId: string; voorzieningId: string; bsn: string; bewoner: Bewoner }> {
  const regisseur = await apiAls(h, 'regisseur');
  const { casusId, aanvraagId, arrangementItemId, bewoner } = await beoordeeldeAanvraag(h, {
    bewoner: { voornaam: wie.voornaam ?? 'Berend', achternaam: wie.achternaam ?? 'Berichtsma', geboortedatum: wie.geboortedatum ?? '1944-02-03', seed: wie.seed ?? Date.now() + 1414 },
    wet: 'wmo', omschrijving: 'Meneer kan zijn huis niet meer schoonhouden.', leefgebied: 'praktischFunctioneren', doel: 'Een schoon huis', resultaat: 'Elke week een schoon huis',
    product: 'Hulp bij het huishouden (maatwerk)', motivering: 'Schoonmaken lukt niet meer.',
  });
  const { bsn } = bewoner;
  const beslisser = await apiAls(h, 'beslisser');
  await beslisser('POST', `/api/v1/aanvragen/${aanvraagId}/besluit`, {
    producten: [{ arrangementItemId, uitkomst: 'toegekend', omvang: 3, eenheid: 'uur', periode: 'week', ingangsdatum: wie.ingangsdatum ?? vandaagNL(), einddatum: overDagen(120), leveringsvorm: 'zin' }],
    motivering: 'Eigen kracht en netwerk volstaan niet.',
  });
  await beslisser('POST', `/api/v1/aanvragen/${aanvraagId}/verzending`, {});
  const v = (await regisseur<{ items: { id: string }[] }>('GET', `/api/v1/voorzieningen?casusId=${casusId}`)).items[0]!;
  return { casusId, voorzieningId: v.id, bsn, bewoner };
}

/** An iWmo/iJw message delivered as a provider's software would: POST /berichten as that user, raw XML. */
export async function leverBericht(h: Harness, gebruikersnaam: string, xml: string) {
  const login = await h.app.inject({ method: 'POST', url: '/api/v1/sessies', payload: { gebruikersnaam, wachtwoord: 'demo' } });
  expect(login.statusCode, login.body).toBe(200);
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = (login.json() as { csrfToken: string }).csrfToken;
  return h.app.inject({ method: 'POST', url: '/api/v1/berichten', headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/xml' }, payload: xml });
}

/** The provider's portal: the table of its messages, the newest first. */
export const portaalBerichten = (page: Page): Locator => page.locator('table').filter({ has: page.locator('caption', { hasText: /de nieuwste eerst/ }) });

/** Downloads the XML of one message row on the portal, as the provider's staff would, and gives its text. */
export async function downloadBericht(page: Page, rij: Locator): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), rij.getByRole('link', { name: /downloaden als XML/ }).click()]);
  return readFileSync(await download.path(), 'utf8');
}
