/**
 * Readable on every screen: on a 375 px wide phone no page scrolls sideways (a wide table scrolls inside
 * its own box, and the werkvoorraad turns into cards), every page passes axe, and on a desktop no
 * table cell breaks a word in the middle ("Casusr/egisseu/r").
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { vandaag } from '../src/platform/time.ts';
import { voorbeeldMelding } from '../src/testing/harness.ts';
import { expectToegankelijk, geldigBsn, type Harness, screenshot, startHarness } from './harness.ts';

const TELEFOON = { width: 375, height: 812 };
const DESKTOP = { width: 1024, height: 800 };

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

async function nieuweContext(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await h.browser.newContext({ baseURL: h.baseUrl, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: TELEFOON });
  return { context, page: await context.newPage() };
}

/** Logs in through the API: the session cookie then serves the page in the same context too. */
async function alsMedewerker(gebruikersnaam: string): Promise<{ context: BrowserContext; page: Page; csrf: string }> {
  const { context, page } = await nieuweContext();
  const r = await page.request.post('/api/v1/sessies', { data: { gebruikersnaam, wachtwoord: 'demo' } });
  expect(r.status(), `inloggen als ${gebruikersnaam}`).toBe(200);
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return { context, page, csrf: csrfToken };
}

async function open(page: Page, pad: string): Promise<void> {
  await page.goto(pad);
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  // Lists show "…wordt geladen" first; wait until nothing is loading any more.
  await page.waitForFunction(`!document.querySelector('.eenvoud-laden, [aria-busy="true"]')`);
}

// The measurements run in the browser; they are plain JavaScript (the test project has no DOM types).

/** How wide the page and main are against the window: nothing may stick out sideways. */
const BREEDTE = `(() => {
  const main = document.querySelector('main');
  const uitsteken = [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !e.closest('.eenvoud-tabel'))
    .slice(0, 5).map((e) => e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + ' "' + (e.textContent || '').trim().slice(0, 40) + '"');
  return { pagina: document.documentElement.scrollWidth, main: main.scrollWidth, mainBreed: main.clientWidth, venster: window.innerWidth, uitsteken };
})()`;

/**
 * The words in table headers and cells that the browser broke over two lines. A word is what lies
 * between spaces or after a hyphen (a line may end after "Beekveld-"); a Range per word must lie on one line.
 */
const GEBROKEN_WOORDEN = `(() => {
  const gebroken = [];
  for (const cel of document.querySelectorAll('main th, main td')) {
    const walker = document.createTreeWalker(cel, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const tekst = n.textContent || '';
      for (const w of tekst.matchAll(/[^\\s\\-\u2013/]+[-\u2013/]?/g)) {
        const r = document.createRange();
        r.setStart(n, w.index);
        r.setEnd(n, w.index + w[0].length);
        const regels = new Set([...r.getClientRects()].filter((q) => q.width > 0).map((q) => Math.round(q.top)));
        if (regels.size > 1) gebroken.push(w[0] + ' (in "' + tekst.trim().slice(0, 40) + '")');
      }
    }
  }
  return gebroken;
})()`;

interface Breedte { pagina: number; main: number; mainBreed: number; venster: number; uitsteken: string[] }

/** At phone width: no sideways scrolling, axe clean; at desktop width: no word broken in a table. */
async function controleer(page: Page, pad: string, naam: string): Promise<void> {
  await page.setViewportSize(TELEFOON);
  await open(page, pad);
  const b = await page.evaluate<Breedte>(BREEDTE);
  expect(b.pagina, `${naam} (${pad}) is breder dan de telefoon: ${b.uitsteken.join(', ')}`).toBeLessThanOrEqual(b.venster);
  expect(b.main, `main van ${naam} (${pad}) is breder dan zichzelf: ${b.uitsteken.join(', ')}`).toBeLessThanOrEqual(b.mainBreed);
  await expectToegankelijk(page, `${naam} op een telefoon`);
  await screenshot(page, `leesbaar-375-${naam}`);

  await page.setViewportSize(DESKTOP);
  await page.waitForTimeout(100);
  expect(await page.evaluate<string[]>(GEBROKEN_WOORDEN), `${naam} (${pad}): woorden midden in een woord afgebroken`).toEqual([]);
  await screenshot(page, `leesbaar-1024-${naam}`);
}

/** The first link in the page's table, for a detail page of something that exists. */
async function eersteLink(page: Page, pad: string, selector = 'main table a'): Promise<string | null> {
  await page.setViewportSize(DESKTOP);
  await open(page, pad);
  return page.locator(selector).first().getAttribute('href', { timeout: 5_000 }).catch(() => null);
}

describe('leesbaar op elk scherm', () => {
  test('de publieke pagina\'s passen op een telefoon van 375 px', async () => {
    const { context, page } = await nieuweContext();
    try {
      await controleer(page, '/melden/demodorp', 'publiek-formulier');
      await controleer(page, '/sociale-kaart/demodorp', 'sociale-kaart');
      await controleer(page, '/inloggen', 'inloggen');
    } finally {
      await context.close();
    }
  });

  test('de werkvoorraad wordt op een telefoon een kaart per melding; de casus van een nieuwe inwoner past ook', async () => {
    const { context, page, csrf } = await alsMedewerker('regisseur');
    try {
      // A resident created in this test, with a casus: triage to onderzoek makes this regisseur its casusregisseur.
      const invoer = voorbeeldMelding({
        persoon: { bsn: geldigBsn(Date.now() + 375), voornaam: 'Leesbaar', tussenvoegsel: 'van der', achternaam: 'Telefoonschermpje', geboortedatum: '1950-03-07' },
        ontvangenOp: vandaag(),
      });
      const melding = await page.request.post('/api/v1/meldingen', { data: invoer, headers: { 'x-csrf-token': csrf } });
      expect(melding.status()).toBe(201);
      const { id } = (await melding.json()) as { id: string };
      const triage = await page.request.post(`/api/v1/meldingen/${id}/triage`, { data: { uitkomst: 'onderzoek' }, headers: { 'x-csrf-token': csrf } });
      expect(triage.status()).toBe(200);
      const { casus } = (await triage.json()) as { casus: { id: string } };

      await controleer(page, '/meldingen', 'werkvoorraad');
      // On the phone: the rows are cards, each value under its column name.
      await page.setViewportSize(TELEFOON);
      const rij = page.locator('main tbody tr').filter({ hasText: 'Telefoonschermpje' });
      await rij.waitFor();
      const cel = rij.locator('td').nth(2);
      const stijl = (pseudo: string | null) => cel.evaluate((e, p) => {
        const cs = (globalThis as unknown as { getComputedStyle: (e: unknown, p: string | null) => { display: string; content: string } }).getComputedStyle(e, p);
        return { display: cs.display, content: cs.content };
      }, pseudo);
      expect((await stijl(null)).display).toBe('block');
      expect((await stijl('::before')).content).toBe('"Inwoner"');
      await page.setViewportSize(DESKTOP);
      expect((await stijl(null)).display).toBe('table-cell');

      await controleer(page, '/meldingen?toegewezen=niemand', 'werkvoorraad-niet-opgepakt');
      await controleer(page, `/meldingen/${id}`, 'melding');
      await controleer(page, `/casussen/${casus.id}`, 'casus');
      await controleer(page, '/meldingen/nieuw', 'nieuwe-melding');
      await controleer(page, '/termijnen', 'termijnen');
      await controleer(page, '/aanvragen', 'aanvragen-regisseur');
      await controleer(page, '/catalogus', 'catalogus');
      await controleer(page, '/', 'start');
      const gesprek = await eersteLink(page, '/casussen/' + casus.id, 'main a[href^="/gesprekken/"]');
      if (gesprek) await controleer(page, gesprek, 'gesprek');
    } finally {
      await context.close();
    }
  });

  test('de pagina\'s van beslisser, teamleider, beleid, beheer en privacy passen op een telefoon', async () => {
    const rollen: [string, (page: Page) => Promise<void>][] = [
      ['beslisser', async (page) => {
        await controleer(page, '/aanvragen', 'aanvragen');
        const aanvraag = await eersteLink(page, '/aanvragen');
        if (aanvraag) {
          await controleer(page, aanvraag, 'aanvraag');
          const beschikking = await eersteLink(page, aanvraag, 'main a[href^="/beschikkingen/"]');
          if (beschikking) await controleer(page, beschikking, 'beschikking');
        }
        await controleer(page, '/procescoordinatie', 'procescoordinatie');
        await controleer(page, '/steekproeven', 'steekproeven');
      }],
      ['teamleider', async (page) => {
        await controleer(page, '/meldingen', 'werkvoorraad-team');
        await controleer(page, '/termijnen?status=alle', 'termijnen-alle');
      }],
      ['beleid', async (page) => {
        await controleer(page, '/sturing', 'sturing');
        await controleer(page, '/sturing/pilotmonitor', 'pilotmonitor');
        const kpi = await eersteLink(page, '/sturing', 'main a[href^="/sturing/kpi/"]');
        if (kpi) await controleer(page, kpi, 'kpi');
      }],
      ['beheer', async (page) => {
        await controleer(page, '/catalogus', 'catalogus-beheer');
        await controleer(page, '/catalogus/nieuw', 'catalogus-nieuw');
      }],
      ['privacy', async (page) => {
        await controleer(page, '/audit', 'audit');
      }],
    ];
    for (const [gebruiker, paginas] of rollen) {
      const { context, page } = await alsMedewerker(gebruiker);
      try {
        await paginas(page);
      } finally {
        await context.close();
      }
    }
  });
});
