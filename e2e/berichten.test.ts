/**
 * Browser test of the message traffic (issue 14): a new resident is decided (through the API, the
 * steps before), the regisseur assigns the demo provider "Thuiszorg De Heide" in the UI, and the
 * outbox sends a WMO301 that both referees accept. The provider's staff member (demo user
 * `aanbieder`) finds it on the portal and downloads it; uploads a broken 305 (refused with 0001,
 * nothing changes), then a good 305 (the voorziening starts), and reports the stop (307) through the
 * API: the regisseur sees the voorziening ended with its reason and the whole chain. The staff of
 * another provider does not see these messages. Every page is checked with axe-core.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { schrijfStartStop } from '../src/contexts/berichten/xml.ts';
import { valideerBerichten } from '../src/platform/xml/scheidsrechter.ts';
import {
  apiAls as apiAlsOpApp, besloten, downloadBericht, expectToegankelijk, inloggen, leverBericht, newPage, portaalBerichten, screenshot, startHarness, vandaagNL, wisselNaar,
  zichtbaarOfUitleg, type Harness,
} from './harness.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const apiAls = (naam: string) => apiAlsOpApp(h, naam);
const lever = (gebruiker: string, xml: string) => leverBericht(h, gebruiker, xml);
const PROVIDER = 'Thuiszorg De Heide';
const AGB = '98012345';

describe('berichtenverkeer', () => {
  test('toewijzing in de UI → WMO301 geldig; de aanbieder haalt hem op, levert een kapotte en een goede start aan en meldt de stop', async () => {
    const { voorzieningId, bsn } = await besloten(h);
    const map = mkdtempSync(join(tmpdir(), 'eenvoud-berichten-'));
    const { context, page } = await newPage(h);
    try {
      // ————— The regisseur assigns the provider in the UI —————
      await page.goto(`/voorzieningen/${voorzieningId}`);
      await inloggen(page, 'regisseur');
      await page.getByRole('heading', { level: 1, name: /^Voorziening V-/ }).waitFor();
      const keten = page.getByRole('region', { name: 'Berichten met de aanbieder' });
      await keten.getByText(/Zodra een aanbieder is gekozen/).waitFor();
      const kiezen = page.getByRole('form', { name: 'Aanbieder kiezen' });
      await kiezen.getByRole('radio', { name: new RegExp(PROVIDER) }).check();
      await kiezen.getByRole('button', { name: 'Aanbieder kiezen' }).click();
      await page.getByRole('button', { name: 'Ja, aanbieder vastleggen' }).click();
      await page.getByText(`${PROVIDER} levert nu deze voorziening.`, { exact: false }).waitFor();
      // After the commit the outbox composes the 301.
      await h.app.opdrachten.verwerk();
      await page.reload();
      await keten.getByRole('table').getByText(/WMO301 toewijzing/).waitFor();
      await keten.getByText(/Toewijzingnummer: \d+/).waitFor();
      await expectToegankelijk(page, 'de voorziening met haar berichtenketen');
      await screenshot(page, 'berichten-keten-toewijzing');

      // ————— The provider's staff: the portal —————
      await wisselNaar(page, 'aanbieder');
      await page.goto('/portaal');
      await page.getByRole('heading', { level: 1, name: /Portaal/ }).waitFor();
      const tabel = portaalBerichten(page);
      const rij301 = tabel.getByRole('row').filter({ hasText: 'WMO301 toewijzing' }).filter({ hasText: bsn }).first();
      await zichtbaarOfUitleg(page, rij301);
      await expectToegankelijk(page, 'het portaal van de aanbieder');
      await screenshot(page, 'berichten-portaal');
      const xml301 = await downloadBericht(page, rij301);
      const [oordeel] = await valideerBerichten([{ xml: xml301 }], { standaard: 'iwmo', bericht: '301' });
      expect([...oordeel!.xsdFouten, ...oordeel!.regelFouten.map((f) => f.code)], 'de 301 doorstaat XSD en validatieschema').toEqual([]);
      expect(xml301).toContain(`<wmo301:Bsn>${bsn}</wmo301:Bsn>`);
      const nummer = Number(/<wmo301:ToewijzingNummer>(\d+)</.exec(xml301)![1]);

      const client = { bsn, geboortedatum: '1944-02-03', geslacht: '0' as const, achternaam: 'Berichtsma', voorvoegsel: null, voornamen: 'Berend', voorletters: 'B' };
      const product = { toewijzingNummer: nummer, categorie: '01', code: '01A01', ingangsdatum: vandaagNL(), begindatum: vandaagNL(), statusAanlevering: '1' as const };
      const kop = (id: string) => ({ afzender: AGB, ontvanger: '9001', identificatie: id, dagtekening: vandaagNL() });
      const nr = String(Date.now()).slice(-8);

      // A broken 305 (no Geslacht): refused with 0001, nothing changes.
      const kapot = join(map, 'start-kapot.xml');
      writeFileSync(kapot, schrijfStartStop('iwmo', '305', kop(`K${nr}`), client, [product]).replace(/<wmo305:Geslacht>0<\/wmo305:Geslacht>/, ''));
      const form = page.getByRole('form', { name: 'Bericht aanleveren' });
      await form.getByLabel(/^XML-bestand/).setInputFiles(kapot);
      await form.getByRole('button', { name: 'Aanleveren' }).click();
      await page.getByText(/Start zorg ontvangen: afgekeurd\./).waitFor();
      await page.getByText(/0001.*technische redenen/).first().waitFor();
      await expectToegankelijk(page, 'het portaal na een afgekeurde start');

      // The good 305.
      const goed = join(map, 'start.xml');
      writeFileSync(goed, schrijfStartStop('iwmo', '305', kop(`S${nr}`), client, [product]));
      await form.getByLabel(/^XML-bestand/).setInputFiles(goed);
      await form.getByRole('button', { name: 'Aanleveren' }).click();
      await page.getByText(/Start zorg ontvangen: verwerkt\./).waitFor();
      await tabel.getByRole('row').filter({ hasText: 'WMO306 retour start zorg' }).filter({ hasText: bsn }).first().waitFor();
      await screenshot(page, 'berichten-portaal-start');

      // The stop through the API, as the provider's software would.
      const stop = schrijfStartStop('iwmo', '307', kop(`E${nr}`), client, [{ ...product, einddatum: vandaagNL(), redenBeeindiging: '21' }]);
      const antwoord = await lever('aanbieder', stop);
      expect(antwoord.statusCode, antwoord.body).toBe(201);
      expect(antwoord.json()).toMatchObject({ status: 'verwerkt' });

      // Another provider's staff sees none of it.
      const ander = await apiAls('aanbieder2');
      const lijst = await ander<{ items: { identificatie: string }[] }>('GET', '/api/v1/berichten?aantal=200');
      expect(lijst.items.map((b) => b.identificatie)).not.toContain(`S${nr}`);

      // ————— The regisseur: ended with the provider's reason, the whole chain —————
      await wisselNaar(page, 'regisseur');
      await page.goto(`/voorzieningen/${voorzieningId}`);
      const gegevens = page.getByRole('region', { name: 'Gegevens van de voorziening' });
      await gegevens.getByText('Beëindigd', { exact: true }).waitFor();
      for (const soort of ['WMO301 toewijzing', 'WMO305 start zorg', 'WMO306 retour start zorg', 'WMO307 stop zorg', 'WMO308 retour stop zorg']) {
        await keten.getByRole('table').getByText(soort).first().waitFor();
      }
      await expectToegankelijk(page, 'de beëindigde voorziening met de hele keten');
      await screenshot(page, 'berichten-keten-compleet');
    } finally {
      await context.close();
    }
  });
});
