/**
 * Browser test of declaraties (issue 15): a new resident is decided (through the API, the steps before)
 * for household help from the first of last month and assigned to "Thuiszorg De Heide". Its staff
 * member (demo user `aanbieder`) uploads a 323 for last month in the portal and sees it approved;
 * a second debit for the same month is refused with 9389. The regisseur sees the money on the
 * voorziening page; inkoop sees the declarations and budget against realisation. Every page is
 * checked with axe-core.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { schrijf323 } from '../src/contexts/berichten/index.ts';
import { valideerBerichten } from '../src/platform/xml/scheidsrechter.ts';
import { formatEuro as euro } from '../web/src/platform/geld.ts';
import { apiAls, besloten, expectToegankelijk, inloggen, newPage, screenshot, startHarness, vandaagNL, wisselNaar, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const AGB = '98012345';
/** Amounts as the pages show them; some format with a non-breaking space. */
const tekst = async (l: { textContent: () => Promise<string | null> }) => ((await l.textContent()) ?? '').replace(/\s/g, ' ');
const eersteVorigeMaand = (): string => {
  const [j, m] = vandaagNL().split('-').map(Number) as [number, number];
  return m === 1 ? `${j - 1}-12-01` : `${j}-${String(m - 1).padStart(2, '0')}-01`;
};
const laatsteDag = (eerste: string): string => {
  const [j, m] = eerste.split('-').map(Number) as [number, number];
  return `${eerste.slice(0, 8)}${String(new Date(Date.UTC(j, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

describe('declaraties', () => {
  test('de aanbieder declareert een maand in het portaal, de tweede debet wordt afgewezen; de regisseur en inkoop zien het geld', async () => {
    const maand = eersteVorigeMaand();
    const { voorzieningId, bsn } = await besloten(h, { voornaam: 'Dirk', achternaam: 'Declaratiesma', geboortedatum: '1941-06-02', seed: Date.now() + 2323, ingangsdatum: maand });
    const regisseur = await apiAls(h, 'regisseur');
    const kandidaten = await regisseur<{ items: { aanbiederId: string; aanbiederNaam: string; tariefCents: number }[] }>('GET', `/api/v1/voorzieningen/${voorzieningId}/kandidaten`);
    const deHeide = kandidaten.items.find((k) => k.aanbiederNaam === 'Thuiszorg De Heide')!;
    await regisseur('POST', `/api/v1/voorzieningen/${voorzieningId}/aanbieder`, { aanbiederId: deHeide.aanbiederId });
    await h.app.opdrachten.verwerk();
    const aanbieder = await apiAls(h, 'aanbieder');
    const berichten = await aanbieder<{ items: { id: string; soort: string }[] }>('GET', '/api/v1/berichten?soort=301&aantal=200');
    let xml301 = '';
    for (const b of berichten.items) {
      const x = (await aanbieder.ruw('GET', `/api/v1/berichten/${b.id}/xml`)).body;
      if (x.includes(`<wmo301:Bsn>${bsn}</wmo301:Bsn>`)) { xml301 = x; break; }
    }
    const nummer = Number(/<wmo301:ToewijzingNummer>(\d+)</.exec(xml301)![1]);
    const code = /<iwmo:Code>([^<]+)</.exec(xml301)![1]!;

    const map = mkdtempSync(join(tmpdir(), 'declaratie-'));
    const nr = String(Date.now()).slice(-7);
    const tarief = deHeide.tariefCents;
    const declaratie = (id: string, uren: number) => schrijf323('iwmo', { afzender: AGB, ontvanger: '9001', identificatie: id, dagtekening: vandaagNL() },
      { nummer: id, begin: maand, eind: laatsteDag(maand), dagtekening: vandaagNL() }, [{ bsn, prestaties: [{
        referentie: `R${id}`, vorigReferentie: null, toewijzingNummer: nummer, categorie: '01', code, begin: maand, eind: laatsteDag(maand),
        volume: uren, eenheid: '04', tariefCents: tarief, bedragCents: uren * tarief, debetCredit: 'D',
      }] }]);
    const eerste = declaratie(`D${nr}`, 12);
    const [oordeel] = await valideerBerichten([{ xml: eerste }], { standaard: 'iwmo', bericht: '323' });
    expect([...oordeel!.xsdFouten, ...oordeel!.regelFouten.map((f) => f.code)], 'de 323 van de test is geldig').toEqual([]);
    writeFileSync(join(map, 'declaratie.xml'), eerste);
    writeFileSync(join(map, 'dubbel.xml'), declaratie(`E${nr}`, 4));

    const { context, page } = await newPage(h);
    try {
      // ————— The provider: upload, the answer at once, the declaration with its verdict —————
      await page.goto('/portaal');
      await inloggen(page, 'aanbieder');
      const form = page.getByRole('form', { name: 'Bericht aanleveren' });
      await form.getByLabel(/^XML-bestand/).setInputFiles(join(map, 'declaratie.xml'));
      await form.getByRole('button', { name: 'Aanleveren' }).click();
      await page.getByText(/Declaratie ontvangen: verwerkt\./).waitFor();
      const declaraties = page.getByRole('region', { name: 'Declaraties' });
      const rij = declaraties.getByRole('row').filter({ hasText: `D${nr}` });
      await rij.getByText('Volledig toegekend').waitFor();
      expect(await tekst(rij)).toContain(euro(12 * tarief));
      await expectToegankelijk(page, 'het portaal met een declaratie');

      await form.getByLabel(/^XML-bestand/).setInputFiles(join(map, 'dubbel.xml'));
      await form.getByRole('button', { name: 'Aanleveren' }).click();
      await page.getByText(/Declaratie ontvangen: afgekeurd\./).waitFor();
      await page.getByText(/9389/).first().waitFor();
      await declaraties.getByRole('row').filter({ hasText: `E${nr}` }).getByText('Niets toegekend').waitFor();
      await screenshot(page, 'declaraties-portaal');

      await rij.getByRole('link', { name: `D${nr}` }).click();
      await page.getByRole('heading', { level: 1, name: `Declaratie D${nr}` }).waitFor();
      await page.getByRole('row').filter({ hasText: bsn }).getByText('Toegekend', { exact: true }).waitFor();
      await expectToegankelijk(page, 'een declaratie met haar prestaties');

      // ————— The regisseur: the money on the voorziening —————
      await wisselNaar(page, 'regisseur');
      await page.goto(`/voorzieningen/${voorzieningId}`);
      const besteding = page.getByRole('region', { name: 'Besteding' });
      await besteding.getByText('Goedgekeurd').waitFor();
      expect(await tekst(besteding)).toContain(euro(12 * tarief));
      await expectToegankelijk(page, 'de voorziening met haar besteding');
      await screenshot(page, 'voorziening-besteding');

      // ————— Inkoop: the declarations, and budget against realisation per provider —————
      await wisselNaar(page, 'inkoper');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Declaraties' }).click();
      await page.getByRole('heading', { level: 1, name: 'Declaraties' }).waitFor();
      await page.getByRole('row').filter({ hasText: `E${nr}` }).getByText('Niets toegekend').waitFor();
      await expectToegankelijk(page, 'de declaraties voor inkoop');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Budget en realisatie' }).click();
      await page.getByRole('heading', { level: 1, name: 'Budget en realisatie' }).waitFor();
      await page.getByLabel('Per', { exact: true }).selectOption('aanbieder');
      await page.getByRole('button', { name: 'Tonen' }).click();
      await page.waitForURL(/per=aanbieder/);
      await page.getByRole('rowheader', { name: 'Thuiszorg De Heide' }).waitFor();
      await expectToegankelijk(page, 'budget en realisatie');
      await screenshot(page, 'budget-en-realisatie');
    } finally {
      await context.close();
    }
  });
});
