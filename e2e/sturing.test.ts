/**
 * Browser test of sturing: the beleidsmedewerker sees the KPIs per level with figure, norm and a
 * signal in words, one KPI compared per kern as bars and a table, filters on wet, kern and wijk (in
 * the URL; a KPI that cannot be cut by a filter says so), reads a trend as a table, downloads CSV and
 * sets norms (in percent, with a peildatum for a change). A change KPI shows its basisperiode. Behind
 * a figure the teamleider finds the casussen, beleid only counts per wijk. The pilot monitor compares
 * a pilot wijk. The frontoffice has no Sturing. Every page and state is checked with axe-core.
 *
 * The demo gemeente is small, so exact figures are asserted only for data this test makes itself
 * through the API, in March 2019 and March 2020 (before any demo data).
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectToegankelijk, geldigBsn, type Harness, inloggen, newPage, overDagen, screenshot, startHarness, apiAls as apiAlsOpApp, zichtbaarOfUitleg } from './harness.ts';

let h: Harness;

const MAATWERK = 'Aandeel nieuwe meldingen dat tot een maatwerkvoorziening leidt';
const GOED_GEHOLPEN = 'Aandeel cliënten dat zich goed geholpen voelt';
const AANVRAGEN = 'Verandering in het aantal aanvragen maatwerk';
const SIGNAAL = /^(Op norm|Let op|Niet op norm|Geen gegevens|Geen norm)$/;

type Kern = { id: string; naam: string; wijken: { id: string; naam: string }[] };
let kernen: Kern[] = [];
let pilotwijk: { id: string; naam: string; kern: string };

const apiAls = (gebruikersnaam: string) => apiAlsOpApp(h, gebruikersnaam);

let bsnTeller = Date.now();

/**
 * Test data: in wijk Beekveld-Dorp a melding in March 2019 and two in March 2020, each with an
 * aanvraag for a maatwerk product (none decided); in another wijk one melding in March 2020.
 * So "verandering in aanvragen" for March 2020 is 2 against 1 in March 2019: +100%.
 */
async function maakTestgegevens(): Promise<void> {
  const api = await apiAls('regisseur');
  kernen = await api<Kern[]>('GET', '/api/v1/gebieden');
  const beekveld = kernen.find((k) => k.naam === 'Beekveld')!;
  const wijk = beekveld.wijken.find((w) => w.naam === 'Beekveld-Dorp')!;
  pilotwijk = { id: wijk.id, naam: wijk.naam, kern: beekveld.naam };
  const andereWijk = kernen.find((k) => k.naam === 'Demodorp')!.wijken[0]!;
  const product = (await api<{ id: string }[]>('GET', '/api/v1/catalogus?domein=wmo&trede=4'))[0]!;

  const melding = (ontvangenOp: string, wijkId: string) => api<{ id: string }>('POST', '/api/v1/meldingen', {
    persoon: {
      bsn: geldigBsn(bsnTeller++), voornaam: 'Anna', achternaam: 'Bakker', geboortedatum: '1950-01-01',
      adres: { straat: 'Dorpsstraat', huisnummer: '1', postcode: '1234 AB', wijkId },
    },
    wet: 'wmo', kanaal: 'telefoon', ontvangenOp, omschrijving: 'Mevrouw vraagt hulp in het huishouden.',
  });
  const metAanvraag = async (ontvangenOp: string, aanvraagOp: string) => {
    const m = await melding(ontvangenOp, wijk.id);
    const casusId = (await api<{ casus: { id: string } }>('POST', `/api/v1/meldingen/${m.id}/triage`, { uitkomst: 'onderzoek' })).casus.id;
    const plan = await api.ruw('GET', `/api/v1/casussen/${casusId}/plan`);
    if (plan.statusCode === 404) await api('POST', `/api/v1/casussen/${casusId}/plan`);
    const doel = await api<{ id: string }>('POST', `/api/v1/casussen/${casusId}/plan/doelen`, {
      leefgebied: 'praktischFunctioneren', omschrijving: 'Het huis schoon houden', meetbaarResultaat: 'Elke week een schoon huis', streefdatum: overDagen(180),
    });
    const item = await api<{ id: string }>('POST', `/api/v1/casussen/${casusId}/plan/arrangement`, {
      doelId: doel.id, trede: 4, catalogusItemId: product.id, motivering: 'Het netwerk kan dit niet opvangen.',
    });
    await api('POST', '/api/v1/aanvragen', { casusId, arrangementItemIds: [item.id], ontvangenOp: aanvraagOp });
  };
  await metAanvraag('2019-03-05', '2019-03-12');
  await metAanvraag('2020-03-03', '2020-03-10');
  await metAanvraag('2020-03-04', '2020-03-11');
  await melding('2020-03-06', andereWijk.id);
}

beforeAll(async () => {
  h = await startHarness();
  await maakTestgegevens();
});

afterAll(async () => {
  await h?.close();
});

/** Waits until every figure on the page is there (no "berekend" left). */
async function wachtOpKaarten(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 2, name: 'De KPI’s' }).waitFor();
  await expect.poll(() => page.locator('.eenvoud-laden').count()).toBe(0);
}

async function wachtTotGeladen(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.eenvoud-laden').count()).toBe(0);
}

describe('sturing', () => {
  test('de beleidsmedewerker ziet de KPI’s per niveau met de vergelijking per kern, filtert, exporteert en past een norm aan', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/');
      await inloggen(page, 'beleid');
      await page.getByRole('heading', { level: 1, name: /^Welkom, Bo/ }).waitFor();
      await page.getByText("Sturingsinformatie: KPI's, normen en signalen").waitFor();
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Sturing' }).click();

      // Strategisch: the cards with a percentage and a signal in words.
      await page.getByRole('heading', { level: 1, name: 'Sturing' }).waitFor();
      expect(await page.title()).toBe('Sturing: strategisch – Eenvoud');
      await wachtOpKaarten(page);
      const kaart = page.getByRole('article', { name: MAATWERK });
      await kaart.waitFor();
      expect(await kaart.locator('.eenvoud-kpi__waarde').textContent()).toMatch(/^\d{1,3},\d%$/);
      expect(await kaart.locator('.utrecht-status-badge').textContent()).toMatch(SIGNAAL);
      await kaart.getByText(/^\d+ van \d+$/).waitFor();
      await kaart.getByText('Norm: ten hoogste 20%').waitFor();
      await page.getByRole('article', { name: GOED_GEHOLPEN }).getByText('Norm: ten minste 80%').waitFor();
      // Amounts in euros, changes with their norm in percent.
      expect(await page.getByRole('article', { name: 'Kosten maatwerk per inwoner' }).locator('.eenvoud-kpi__waarde').textContent()).toMatch(/^€\s?[\d.,]+$/);
      // A cost norm is a budget per year: this year so far is held against its share (on 31 December the whole year).
      await page.getByRole('article', { name: 'Kosten maatwerk per inwoner' }).getByText(/^Norm: ten hoogste €\s400 per jaar(; voor deze periode €\s[\d.]+(,\d\d)?)?$/).waitFor();
      await page.getByRole('article', { name: AANVRAGEN }).getByText('Norm: ten hoogste −15%').waitFor();
      await page.getByRole('article', { name: AANVRAGEN }).getByText(/^Vergeleken met \d+ \S+( \d{4})? – \d+ \S+ \d{4} \(de basisperiode\)$/).waitFor();
      await page.getByRole('region', { name: 'Signalen' }).waitFor();
      await page.getByRole('table', { name: /^Alle KPI’s op niveau strategisch/ }).waitFor();
      expect(await page.locator('.eenvoud-grafiek svg').count()).toBeGreaterThan(0);
      expect(await page.getByRole('navigation', { name: 'Onderdelen van Sturing' }).getByRole('link', { name: 'Strategisch' }).getAttribute('aria-current')).toBe('page');

      // The main KPI per kern: bars (coloured by signal, with the norm) and the same as a table with a kern row.
      const vergelijking = page.getByRole('region', { name: `Vergelijking: ${MAATWERK}` });
      expect(await vergelijking.getByLabel('Vergelijk per').inputValue()).toBe('kern');
      await vergelijking.locator('.eenvoud-grafiek--staven svg').waitFor();
      const perKern = vergelijking.getByRole('table', { name: new RegExp(`^${MAATWERK} per kern, `) });
      await perKern.waitFor();
      const kernRijen = await perKern.locator('tbody th').allTextContents();
      expect(kernRijen.some((r) => kernen.some((k) => r.startsWith(k.naam))), `kernen in ${kernRijen.join(', ')}`).toBe(true);
      expect(await perKern.locator('tbody .utrecht-status-badge').first().textContent()).toMatch(SIGNAAL);
      await expectToegankelijk(page, 'Sturing, strategisch');
      await screenshot(page, 'sturing-strategisch');

      // Per wet instead: the codes become names.
      await vergelijking.getByLabel('Vergelijk per').selectOption({ label: 'Wet' });
      await vergelijking.getByRole('table', { name: new RegExp(`^${MAATWERK} per wet, `) }).getByRole('rowheader', { name: /^Wmo 2015/ }).waitFor();
      const [vergelijkingCsv] = await Promise.all([
        page.waitForEvent('download'),
        vergelijking.getByRole('button', { name: 'Vergelijking downloaden als CSV' }).click(),
      ]);
      expect(vergelijkingCsv.suggestedFilename()).toMatch(/^aandeel-meldingen-naar-maatwerk-per-wet-.*\.csv$/);
      expect((await readFile(await vergelijkingCsv.path(), 'utf8')).slice(1).split('\r\n')[0]).toBe('Wet;Waarde (%);Naar maatwerk;Nieuwe meldingen;Signaal;Van;Tot en met');

      // Tactisch and operationeel.
      const niveaus = page.getByRole('navigation', { name: 'Onderdelen van Sturing' });
      await niveaus.getByRole('link', { name: 'Tactisch' }).click();
      await page.waitForURL(/niveau=tactisch/);
      await page.getByRole('heading', { level: 2, name: 'Tactisch' }).waitFor();
      await wachtOpKaarten(page);
      await page.getByRole('article', { name: 'Instroom: nieuwe meldingen' }).getByText('Geen norm').first().waitFor();
      expect(await page.getByRole('article', { name: 'Gemiddelde verandering in zelfredzaamheid' }).locator('.eenvoud-kpi__waarde').textContent()).toMatch(/^([+−]?\d+,\d{1,2}|0,0|—)$/);
      await page.getByRole('table', { name: /^Aandeel termijnen afgerond binnen de wettelijke termijn per stap, / }).waitFor();
      await expectToegankelijk(page, 'Sturing, tactisch');

      await niveaus.getByRole('link', { name: 'Operationeel' }).click();
      await page.waitForURL(/niveau=operationeel/);
      await page.getByRole('heading', { level: 2, name: 'Operationeel' }).waitFor();
      await wachtOpKaarten(page);
      await page.getByRole('article', { name: 'Verlopen termijnen' }).getByText(/de gekozen periode geldt niet/).waitFor();
      expect(await page.getByRole('article', { name: 'Caseload per casusregisseur' }).locator('.eenvoud-kpi__waarde').textContent()).toMatch(/^\d+,\d{1,2}$/);
      await expectToegankelijk(page, 'Sturing, operationeel');

      // Filter on wet, kern and wijk: in the URL; the wijken to choose are those of the kern.
      await niveaus.getByRole('link', { name: 'Strategisch' }).click();
      await page.getByRole('heading', { level: 2, name: 'Strategisch' }).waitFor();
      await page.getByLabel('Wet', { exact: true }).selectOption({ label: 'Wmo 2015' });
      await page.getByLabel('Kern', { exact: true }).selectOption({ label: 'Beekveld' });
      const beekveld = kernen.find((k) => k.naam === 'Beekveld')!;
      expect(await page.getByLabel('Wijk', { exact: true }).locator('option').allTextContents()).toEqual(['Alle wijken van Beekveld', ...beekveld.wijken.map((w) => w.naam)]);
      await page.getByLabel('Wijk', { exact: true }).selectOption({ label: 'Beekveld-Dorp' });
      await page.getByRole('button', { name: 'Filteren' }).click();
      await page.waitForURL((u) => u.searchParams.get('wet') === 'wmo' && u.searchParams.get('kern') === beekveld.id && !!u.searchParams.get('wijk'));
      await wachtOpKaarten(page);
      await page.getByText(/^Periode en filters: .*wet: Wmo 2015, kern: Beekveld, wijk: Beekveld-Dorp/).waitFor();
      await expectToegankelijk(page, 'Sturing, gefilterd op Wmo 2015 en een wijk');

      // Quick choice: the last 12 months.
      await page.getByRole('button', { name: 'Laatste 12 maanden' }).click();
      await page.waitForURL(/van=\d{4}-\d{2}-\d{2}.*wet=wmo/);
      await wachtOpKaarten(page);

      // The trend as a table, and as CSV.
      await kaart.getByRole('button', { name: 'Toon als tabel' }).click();
      const tabel = kaart.getByRole('table', { name: `${MAATWERK} per maand` });
      await tabel.waitFor();
      expect(await tabel.getByRole('row').count()).toBeGreaterThan(10);
      // The period ends today: its month is cut off (unless today is the last day), and says so.
      const tot = new URL(page.url()).searchParams.get('tot')!;
      const [j, m, d] = tot.split('-').map(Number) as [number, number, number];
      if (d !== new Date(Date.UTC(j, m, 0)).getUTCDate()) {
        expect(await tabel.getByRole('row').last().textContent()).toContain(`(t/m ${d} `);
        expect(await kaart.locator('figcaption').textContent()).toContain('Maar voor een deel in de periode');
      }
      expect(await kaart.getByRole('button', { name: 'Verberg tabel' }).getAttribute('aria-expanded')).toBe('true');
      await expectToegankelijk(page, 'Sturing, trend als tabel');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        kaart.getByRole('button', { name: 'Tabel downloaden als CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const csv = await readFile(await download.path(), 'utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      expect(csv.slice(1).split('\r\n')[0]).toBe('Maand;Waarde (%);Naar maatwerk;Nieuwe meldingen');

      const [overzicht] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Overzicht downloaden als CSV' }).click(),
      ]);
      expect(overzicht.suggestedFilename()).toMatch(/^kpis-strategisch-.*\.csv$/);
      const overzichtCsv = (await readFile(await overzicht.path(), 'utf8')).slice(1).split('\r\n');
      expect(overzichtCsv.find((r) => r.startsWith('Kosten maatwerk per inwoner;'))).toMatch(/^Kosten maatwerk per inwoner;euro;/);

      // The norm: first a share above 100% (said in percent), then a good one.
      await kaart.locator('summary', { hasText: 'Norm aanpassen' }).click();
      const form = kaart.getByRole('form', { name: `Norm aanpassen: ${MAATWERK}` });
      await form.getByLabel('Norm in procenten').fill('150');
      await form.getByRole('button', { name: 'Norm opslaan' }).click();
      await kaart.getByText('Vul een percentage in tussen 0 en 100.').waitFor();
      await expectToegankelijk(page, 'Sturing, fout bij de norm');
      await form.getByLabel('Norm in procenten').fill('25');
      await form.getByLabel('Marge in procentpunten').fill('2,5');
      await form.getByRole('button', { name: 'Norm opslaan' }).click();
      await kaart.getByText('De norm is aangepast. Norm: ten hoogste 25%.').waitFor();
      await kaart.locator('.eenvoud-kpi__norm', { hasText: 'Norm: ten hoogste 25%' }).waitFor();
      await expectToegankelijk(page, 'Sturing, norm aangepast');
    } finally {
      await context.close();
    }
  });

  test('een filter dat niet bij een KPI past, gaat niet mee en staat als korte notitie op de kaart', async () => {
    const { context, page } = await newPage(h);
    const gevraagd: string[] = [];
    try {
      // Pretend 'goed geholpen' cannot be cut by wijk (today every KPI can): the page must not send it.
      await page.route((u) => u.pathname === '/api/v1/kpis', async (route) => {
        const antwoord = await route.fetch();
        const kpis = await antwoord.json() as { id: string; dimensies: string[] }[];
        for (const k of kpis) if (k.id === 'aandeel-goed-geholpen') k.dimensies = k.dimensies.filter((d) => d !== 'wijk');
        await route.fulfill({ response: antwoord, json: kpis });
      });
      page.on('request', (r) => { if (r.url().includes('/api/v1/kpis/aandeel-goed-geholpen')) gevraagd.push(r.url()); });
      await page.goto(`/sturing?wijk=${pilotwijk.id}`);
      await inloggen(page, 'beleid');
      await wachtOpKaarten(page);
      const kaart = page.getByRole('article', { name: GOED_GEHOLPEN });
      await kaart.getByText('Niet te filteren op wijk: dit cijfer geldt voor alle wijken.').waitFor();
      expect(await kaart.locator('.eenvoud-kpi__waarde').count()).toBe(1);
      expect(await kaart.getByRole('alert').count()).toBe(0);
      expect(gevraagd.length).toBeGreaterThan(0);
      expect(gevraagd.every((u) => !u.includes('wijk='))).toBe(true);
      expect(await page.getByRole('article', { name: MAATWERK }).getByText(/^Niet te filteren/).count()).toBe(0);
      await expectToegankelijk(page, 'Sturing, een filter dat niet past');
    } finally {
      await context.close();
    }
  });

  test('een verandering toont een percentage en de basisperiode; beleid zet de norm in procenten met een peildatum', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/sturing?van=2020-03-01&tot=2020-03-31');
      await inloggen(page, 'beleid');
      await wachtOpKaarten(page);
      const kaart = page.getByRole('article', { name: AANVRAGEN });
      expect(await kaart.locator('.eenvoud-kpi__waarde').textContent()).toBe('+100,0%');
      await kaart.getByText('2 aanvragen, in de basisperiode 1').waitFor();
      await kaart.getByText(/^Vergeleken met 1 mrt\.? – 31 mrt\.? 2019 \(de basisperiode\)$/).waitFor();

      // The KPI's own page, one click from the card.
      await kaart.getByRole('link', { name: /^Vergelijk per kern, wijk en meer/ }).click();
      await page.getByRole('heading', { level: 1, name: AANVRAGEN }).waitFor();
      await wachtTotGeladen(page);
      const cijfer = page.getByRole('region', { name: 'Het cijfer' });
      expect(await cijfer.locator('.eenvoud-kpi__waarde').textContent()).toBe('+100,0%');
      await cijfer.getByText('De basisperiode is dezelfde periode een jaar eerder (er is geen peildatum ingesteld).').waitFor();
      const perKern = page.getByRole('table', { name: new RegExp(`^${AANVRAGEN} per kern, `) });
      await perKern.getByRole('row', { name: /Beekveld.*\+100,0%.*2 aanvragen, in de basisperiode 1/ }).waitFor();
      await expectToegankelijk(page, 'Sturing, de pagina van een verandering');
      await screenshot(page, 'sturing-kpi-verandering');

      // The norm in percent: −150% cannot be, −10% with a peildatum can.
      const normSectie = page.getByRole('region', { name: 'Norm' });
      await normSectie.locator('summary', { hasText: 'Norm aanpassen' }).click();
      const form = normSectie.getByRole('form', { name: `Norm aanpassen: ${AANVRAGEN}` });
      expect(await form.getByLabel('Norm: verandering in procenten').inputValue()).toBe('−15');
      await form.getByLabel('Norm: verandering in procenten').fill('-150');
      await form.getByRole('button', { name: 'Norm opslaan' }).click();
      await normSectie.getByText(/^Vul een percentage in tussen −100 en 1000/).waitFor();
      await form.getByLabel('Norm: verandering in procenten').fill('−10');
      await form.getByLabel('Peildatum').fill('2020-03-11');
      await form.getByRole('button', { name: 'Norm opslaan' }).click();
      await normSectie.getByText(/^De norm is aangepast\. Norm: ten hoogste −10%\. De basisperiode .* peildatum van 11 maart 2020\.$/).waitFor();
      await cijfer.getByText('Norm: ten hoogste −10%').waitFor();
      await expectToegankelijk(page, 'Sturing, norm van een verandering aangepast');

      // From the peildatum on: 11 to 31 March 2020 (1 aanvraag) against the 21 days before (1 aanvraag).
      await page.goto(`/sturing/kpi/verandering-aanvragen?van=2020-03-11&tot=2020-03-31`);
      await wachtTotGeladen(page);
      expect(await page.getByRole('region', { name: 'Het cijfer' }).locator('.eenvoud-kpi__waarde').textContent()).toBe('0,0%');
      await page.getByText(/^Vergeleken met 19 feb\.? – 10 mrt\.? 2020 \(de basisperiode\)$/).waitFor();
    } finally {
      await context.close();
    }
  });

  test('achter een cijfer: de teamleider ziet de casussen en opent er een; beleid ziet alleen aantallen per wijk', async () => {
    const { context, page } = await newPage(h);
    // These figures are computed on the fly in PGlite; while the whole suite runs beside it that can pass 30 s.
    page.setDefaultTimeout(90_000);
    try {
      await page.goto('/sturing/kpi/verandering-aanvragen?van=2020-03-01&tot=2020-03-31');
      await inloggen(page, 'teamleider');
      await page.getByRole('heading', { level: 1, name: AANVRAGEN }).waitFor();
      await wachtTotGeladen(page);

      // From the figure.
      await page.getByRole('region', { name: 'Het cijfer' }).getByRole('link', { name: 'Wat zit achter dit cijfer?' }).click();
      await page.waitForURL(/\/sturing\/kpi\/verandering-aanvragen\/onderliggend\?/);
      await page.getByRole('heading', { level: 2, name: 'De casussen achter het cijfer' }).waitFor();
      await page.getByText('Alle 2 getoond.').waitFor();
      const lijst = page.getByRole('table', { name: /^Casussen achter verandering in het aantal aanvragen maatwerk/ });
      const nummers = lijst.locator('tbody th a');
      expect(await nummers.count()).toBe(2);
      expect(await nummers.first().textContent()).toMatch(/^A-\d{4}-\d+$/);
      expect(await lijst.locator('tbody tr').first().textContent()).toMatch(/maart 2020.*Wmo 2015.*Beekveld.*Beekveld-Dorp.*Ja/);
      await expectToegankelijk(page, 'Achter het cijfer, casussen');

      // From a month of the series.
      await page.goto('/sturing/kpi/aandeel-meldingen-naar-maatwerk?van=2020-01-01&tot=2020-04-30');
      await page.getByRole('table', { name: `${MAATWERK} per maand` }).getByRole('link', { name: /^maart 2020/ }).click();
      await page.waitForURL(/periode=2020-03/);
      await page.getByText(/^Periode en filters: .*; alleen maart 2020\.$/).waitFor();
      await page.getByText('Alle 3 getoond.').waitFor();

      // From a bar of the comparison: kern Beekveld.
      await page.goto('/sturing?van=2020-03-01&tot=2020-03-31');
      const perKern = page.getByRole('table', { name: new RegExp(`^${MAATWERK} per kern, `) });
      await perKern.getByRole('link', { name: /^Beekveld/ }).click();
      await page.waitForURL(/onderliggend\?.*kern=/);
      await page.getByText(/^Periode en filters: .*kern: Beekveld\.$/).waitFor();
      await zichtbaarOfUitleg(page, page.getByText('Alle 2 getoond.'));
      const meldingen = page.getByRole('table', { name: /^Casussen achter aandeel nieuwe meldingen/ });
      expect(await meldingen.locator('tbody tr').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/Nee, alleen in de noemer$/)]));
      await expectToegankelijk(page, 'Achter het cijfer, per kern');
      await screenshot(page, 'sturing-onderliggend-teamleider');

      // The link opens the casus.
      await meldingen.locator('tbody th a').first().click();
      await page.getByRole('heading', { level: 1, name: /^Casus C-/ }).waitFor();

      // Beleid: counts per wijk only, small ones hidden, no case numbers.
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      await page.goto('/sturing/kpi/verandering-aanvragen/onderliggend?van=2020-03-01&tot=2020-03-31');
      await inloggen(page, 'beleid');
      await page.getByRole('heading', { level: 2, name: 'Aantallen per wijk' }).waitFor();
      await page.getByText(/De gegevens zijn gepseudonimiseerd/).waitFor();
      const aantallen = page.getByRole('table', { name: /^Aantallen per wijk achter/ });
      await aantallen.getByRole('row', { name: /^Beekveld-Dorp minder dan 5 minder dan 5/ }).waitFor();
      expect(await page.locator('main').textContent()).not.toMatch(/[AMC]-\d{4}-\d{3,}/);
      expect(await page.locator('main a[href^="/casussen/"]').count()).toBe(0);
      await expectToegankelijk(page, 'Achter het cijfer, aantallen');
      await screenshot(page, 'sturing-onderliggend-beleid');
      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Aantallen downloaden als CSV' }).click(),
      ]);
      expect((await readFile(await csv.path(), 'utf8')).slice(1).split('\r\n')).toEqual(expect.arrayContaining(['Beekveld-Dorp;minder dan 5;minder dan 5']));
    } finally {
      await context.close();
    }
  });

  test('de pilotmonitor zet een pilotwijk naast de andere wijken en eerdere jaren', async () => {
    const { context, page } = await newPage(h);
    // These figures are computed on the fly in PGlite; while the whole suite runs beside it that can pass 30 s.
    page.setDefaultTimeout(90_000);
    try {
      await page.goto('/sturing');
      await inloggen(page, 'beleid');
      await page.getByRole('navigation', { name: 'Onderdelen van Sturing' }).getByRole('link', { name: 'Pilotmonitor' }).click();
      await page.getByRole('heading', { level: 1, name: 'Pilotmonitor' }).waitFor();
      expect(await page.title()).toBe('Sturing: pilotmonitor – Eenvoud');
      for (const vraag of ['Wat kost het?', 'Voelt de burger zich geholpen?', 'Hoe zelfredzaam is de burger?']) await page.getByText(vraag).first().waitFor();
      await page.getByText('Kies een pilotwijk om de cijfers te zien.').waitFor();
      await expectToegankelijk(page, 'Pilotmonitor zonder wijk');

      await page.getByLabel('Pilotwijk', { exact: true }).selectOption({ label: pilotwijk.naam });
      await page.getByLabel('Van', { exact: true }).fill('2020-03-01');
      await page.getByLabel('Tot en met', { exact: true }).fill('2020-03-31');
      await page.getByRole('button', { name: 'Toon de pilotmonitor' }).click();
      await page.waitForURL(/pilotmonitor\?wijk=.*van=2020-03-01/);
      await page.getByRole('heading', { level: 2, name: `Pilotwijk ${pilotwijk.naam} (kern ${pilotwijk.kern})` }).waitFor();

      // 2 meldingen in the pilot wijk, 1 elsewhere, 1 in the pilot wijk a year earlier; none led to maatwerk.
      const samenvatting = page.getByRole('table', { name: /^Samenvatting: pilotwijk/ });
      await zichtbaarOfUitleg(page, samenvatting.getByRole('row', { name: new RegExp(`^${MAATWERK} 0,0% 0,0% ±0 procentpunt =? ?Gelijk$`) }));
      const maatwerk = page.getByRole('article', { name: MAATWERK });
      await maatwerk.getByText('In Beekveld-Dorp: 0 van 2').waitFor();
      await maatwerk.getByText('Lager is beter.', { exact: false }).waitFor();
      const tabel = maatwerk.getByRole('table', { name: new RegExp(`^${MAATWERK}: pilotwijk`) });
      await tabel.getByRole('row', { name: /^Beekveld-Dorp, een jaar eerder 1 mrt\.? – 31 mrt\.? 2019 0,0%/ }).waitFor();
      await tabel.getByRole('row', { name: /^Andere wijken .*0 van 1/ }).waitFor();
      await maatwerk.locator('.eenvoud-grafiek svg').waitFor();
      for (const naam of ['Kosten maatwerk per inwoner', 'Kosten maatwerk per cliënt', GOED_GEHOLPEN, 'Gemiddelde verandering in zelfredzaamheid']) {
        await page.getByRole('article', { name: naam }).waitFor();
      }
      await expectToegankelijk(page, 'Pilotmonitor met cijfers');
      await screenshot(page, 'sturing-pilotmonitor');

      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Pilotmonitor downloaden als CSV' }).click(),
      ]);
      const regels = (await readFile(await csv.path(), 'utf8')).slice(1).split('\r\n');
      expect(regels[0]).toBe('Indicator;Eenheid;Groep;Van;Tot en met;Waarde;Teller;Noemer;Signaal;Verschil (pilotwijk min deze groep);Oordeel');
      expect(regels).toEqual(expect.arrayContaining([`${MAATWERK};Waarde (%);Beekveld-Dorp (pilotwijk);2020-03-01;2020-03-31;0;0;2;Op norm;;`]));
    } finally {
      await context.close();
    }
  });

  test('de teamleider ziet Sturing maar kan geen norm aanpassen; de frontoffice ziet Sturing niet', async () => {
    const { context, page } = await newPage(h);
    try {
      await page.goto('/sturing');
      await inloggen(page, 'teamleider');
      await page.getByRole('heading', { level: 1, name: 'Sturing' }).waitFor();
      await wachtOpKaarten(page);
      await page.getByRole('article', { name: MAATWERK }).waitFor();
      expect(await page.locator('summary', { hasText: 'Norm aanpassen' }).count()).toBe(0);
      await page.goto('/sturing/kpi/verandering-aanvragen');
      await page.getByRole('heading', { level: 1, name: AANVRAGEN }).waitFor();
      expect(await page.getByRole('region', { name: 'Norm' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();

      await inloggen(page, 'frontoffice');
      await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
      const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
      await menu.getByRole('link', { name: 'Start' }).waitFor();
      expect(await menu.getByRole('link', { name: 'Sturing' }).count()).toBe(0);
      for (const pad of ['/sturing', '/sturing/pilotmonitor', '/sturing/kpi/nieuwe-meldingen/onderliggend']) {
        await page.goto(pad);
        await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
      }
    } finally {
      await context.close();
    }
  });
});
