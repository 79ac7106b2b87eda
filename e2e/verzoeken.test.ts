/**
 * Browser test of the verzoeken of providers (315, 317). A new resident is decided and assigned to the
 * demo provider "Thuiszorg De Heide" (through the API, the steps before); the outbox sends the 301. The
 * provider's staff (demo user `aanbieder`) downloads it on the portal and uploads a verzoek om
 * wijziging (317) for that toewijzing. The regisseur finds it in the work list with its term, takes it
 * in onderzoek (the term becomes 8 weeks after the dagtekening) and refuses it (reden 4); the provider
 * sees both answers (319) on the portal. A second resident, decided without a provider, gets a verzoek
 * om toewijzing (315) by API; the regisseur grants it by choosing the voorziening, which then has the
 * provider. A 315 for someone Eenvoud does not know goes to the teamleider, who learns that a decision
 * must come first. The inkoper sees the open verzoek and the answer lead time in the provider's traffic,
 * without names. Every page is checked with axe-core.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { schrijfVerzoekToewijzing, schrijfVerzoekWijziging } from '../src/contexts/berichten/xml.ts';
import { plusWeken, plusWerkdagen } from '../src/contexts/toegang/termijnen.ts';
import {
  apiAls as apiAlsOpApp, besloten, downloadBericht, expectToegankelijk, geldigBsn, inloggen, leverBericht, newPage, overDagen, portaalBerichten, screenshot, startHarness,
  vandaagNL, wisselNaar, zichtbaarOfUitleg, type Harness,
} from './harness.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const apiAls = (naam: string) => apiAlsOpApp(h, naam);
const PROVIDER = 'Thuiszorg De Heide';
const AGB = '98012345';
/** The demo gemeente's CBS code, the Ontvanger of every message to it. */
const GEMEENTE = '9001';
/** A date as the pages write it: "3 november 2026". */
const datumNL = (iso: string) => new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));
const eerste = (xml: string, tag: string): string => {
  const m = new RegExp(`<[a-z0-9]+:${tag}>([^<]+)<`).exec(xml);
  if (!m) throw new Error(`${tag} ontbreekt in het bericht`);
  return m[1]!;
};
const kop = (id: string) => ({ afzender: AGB, ontvanger: GEMEENTE, identificatie: id, dagtekening: vandaagNL() });

async function aanbiederId(): Promise<string> {
  const lijst = await (await apiAls('inkoper'))<{ id: string; naam: string }[]>('GET', `/api/v1/aanbieders?zoek=${encodeURIComponent(PROVIDER)}`);
  return lijst.find((a) => a.naam === PROVIDER)!.id;
}

/** The regisseur's work list: the row of this resident, reached through the main menu. */
async function naarVerzoek(page: Page, bsn: string, soort: RegExp) {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verzoeken van aanbieders' }).click();
  await page.getByRole('heading', { level: 1, name: 'Verzoeken van aanbieders' }).waitFor();
  const rij = page.getByRole('row').filter({ hasText: bsn });
  await zichtbaarOfUitleg(page, rij);
  return { rij, open: async () => {
    await rij.getByRole('link', { name: soort }).click();
    await page.getByRole('heading', { level: 1, name: soort }).waitFor();
  } };
}

describe('verzoeken van aanbieders', () => {
  test('een 317 van de aanbieder: in de werklijst met termijn, in onderzoek (8 weken), afgewezen; de aanbieder ziet de 319', async () => {
    const { voorzieningId, bsn } = await besloten(h, { voornaam: 'Vera', achternaam: 'Verzoeksma', geboortedatum: '1941-06-12', seed: Date.now() + 3170 });
    // (a) The regisseur assigns the provider; the outbox sends the 301.
    const regisseur = await apiAls('regisseur');
    const kandidaten = await regisseur<{ items: { aanbiederId: string; aanbiederNaam: string }[] }>('GET', `/api/v1/voorzieningen/${voorzieningId}/kandidaten`);
    await regisseur('POST', `/api/v1/voorzieningen/${voorzieningId}/aanbieder`, { aanbiederId: kandidaten.items.find((k) => k.aanbiederNaam === PROVIDER)!.aanbiederId });
    await h.app.opdrachten.verwerk();

    const map = mkdtempSync(join(tmpdir(), 'eenvoud-verzoeken-'));
    const { context, page } = await newPage(h);
    context.setDefaultTimeout(60_000);
    try {
      // ————— (b) The provider downloads the 301 and asks for a change (317) on the portal —————
      await page.goto('/portaal');
      await inloggen(page, 'aanbieder');
      await page.getByRole('heading', { level: 1, name: /Portaal/ }).waitFor();
      const tabel = portaalBerichten(page);
      const rij301 = tabel.getByRole('row').filter({ hasText: 'WMO301 toewijzing' }).filter({ hasText: bsn }).first();
      await zichtbaarOfUitleg(page, rij301);
      const xml301 = await downloadBericht(page, rij301);
      const nummer = Number(eerste(xml301, 'ToewijzingNummer'));
      const bsn301 = eerste(xml301, 'Bsn');
      expect(bsn301).toBe(bsn);
      expect(eerste(xml301, 'Afzender')).toBe(GEMEENTE);
      const nr = String(Date.now()).slice(-8);
      const referentie = `WIJZ-${nr}`;
      const bestand = join(map, 'verzoek-wijziging.xml');
      writeFileSync(bestand, schrijfVerzoekWijziging('iwmo', kop(`W${nr}`), bsn301, {
        referentie, redenVerzoek: '1', ongewijzigd: [],
        teWijzigen: [{ toewijzingNummer: nummer, gewensteIngangsdatum: overDagen(7), einddatum: eerste(xml301, 'Einddatum'), omvang: { volume: 4, eenheid: '04', frequentie: '2' }, budget: null }],
        nieuw: [],
      }));
      const form = page.getByRole('form', { name: 'Bericht aanleveren' });
      await form.getByLabel(/^XML-bestand/).setInputFiles(bestand);
      await form.getByRole('button', { name: 'Aanleveren' }).click();
      await zichtbaarOfUitleg(page, page.getByText(/Verzoek om wijziging ontvangen: verwerkt\./));
      await tabel.getByRole('row').filter({ hasText: 'WMO318 retour verzoek om wijziging' }).filter({ hasText: bsn }).first().waitFor();

      // ————— (c) The regisseur: the work list with the term, then in onderzoek and afgewezen —————
      await wisselNaar(page, 'regisseur');
      const lijst = await naarVerzoek(page, bsn, /^Verzoek om wijziging/);
      const termijn = plusWerkdagen(vandaagNL(), 5);
      for (const tekst of ['Vera Verzoeksma', PROVIDER, referentie, datumNL(termijn), 'nog 5 werkdagen', 'Open']) await lijst.rij.getByText(tekst, { exact: false }).first().waitFor();
      await expectToegankelijk(page, 'de werklijst met verzoeken van aanbieders');
      await screenshot(page, 'verzoeken-werklijst');

      await lijst.open();
      const vraag = page.getByRole('region', { name: 'Wat de aanbieder vraagt' });
      await vraag.getByText('Verandering cliëntsituatie').waitFor();
      await vraag.getByRole('rowheader', { name: String(nummer) }).waitFor();
      await vraag.getByText('4 uur per week').waitFor();
      await page.getByText(/binnen 5 werkdagen een toewijzing of antwoord \(OP274\/OP346\)/).waitFor();
      await expectToegankelijk(page, 'het verzoek om wijziging');
      await screenshot(page, 'verzoek-wijziging');

      await page.locator('summary', { hasText: 'In onderzoek nemen' }).click();
      const onderzoek = page.getByRole('form', { name: 'In onderzoek nemen' });
      await onderzoek.getByLabel(/^Toelichting/).fill('We vragen de wijkverpleging om advies.');
      await onderzoek.getByRole('button', { name: 'In onderzoek nemen' }).click();
      await zichtbaarOfUitleg(page, page.getByRole('status').filter({ hasText: 'Het verzoek is in onderzoek' }));
      const gegevens = page.getByRole('region', { name: 'Gegevens van het verzoek' });
      await gegevens.getByText('In onderzoek', { exact: true }).waitFor();
      const nieuweTermijn = plusWeken(vandaagNL(), 8);
      await gegevens.getByText(datumNL(nieuweTermijn)).waitFor();
      await page.getByText(`Antwoorden uiterlijk op ${datumNL(nieuweTermijn)}`).waitFor();
      await expectToegankelijk(page, 'het verzoek in onderzoek');

      await page.locator('summary', { hasText: 'Afwijzen' }).click();
      const afwijzen = page.getByRole('form', { name: 'Afwijzen' });
      await afwijzen.getByLabel(/^Reden van afwijzing/).selectOption('4');
      await afwijzen.getByRole('button', { name: 'Afwijzen' }).click();
      await page.getByRole('button', { name: 'Ja, afwijzen' }).click();
      await zichtbaarOfUitleg(page, page.getByRole('status').filter({ hasText: 'Het verzoek is afgewezen' }));
      const uitkomst = page.getByRole('region', { name: 'Antwoord aan de aanbieder' });
      await uitkomst.getByText('Afgewezen', { exact: true }).waitFor();
      await uitkomst.getByText('Past niet binnen contract').waitFor();
      expect(await page.getByRole('region', { name: 'Beantwoorden' }).count()).toBe(0);
      await expectToegankelijk(page, 'het afgewezen verzoek');
      await screenshot(page, 'verzoek-afgewezen');

      // ————— (d) The provider sees both answers (319) on the portal —————
      await wisselNaar(page, 'aanbieder');
      await page.goto('/portaal');
      await page.getByRole('heading', { level: 1, name: /Portaal/ }).waitFor();
      const antwoorden = tabel.getByRole('row').filter({ hasText: 'WMO319 antwoord op verzoek' }).filter({ hasText: bsn });
      await zichtbaarOfUitleg(page, antwoorden.first());
      await expect.poll(() => antwoorden.count(), { timeout: 30_000 }).toBe(2);
      const xmls = [await downloadBericht(page, antwoorden.nth(0)), await downloadBericht(page, antwoorden.nth(1))];
      expect(xmls.some((x) => x.includes('<wmo319:VerzoekAntwoord>2</wmo319:VerzoekAntwoord>')), 'een 319 "in onderzoek"').toBe(true);
      expect(xmls.some((x) => x.includes('<wmo319:RedenAfwijzingVerzoek>4</wmo319:RedenAfwijzingVerzoek>')), 'een 319 afgewezen met reden 4').toBe(true);
      expect(xmls.every((x) => x.includes(`<wmo319:ReferentieAanbieder>${referentie}</wmo319:ReferentieAanbieder>`))).toBe(true);
      await expectToegankelijk(page, 'het portaal met de antwoorden op het verzoek');
    } finally {
      await context.close();
    }
  }, 360_000);

  test('een 315 voor een inwoner zonder aanbieder: toegewezen met de voorziening, die daarna de aanbieder heeft; de inkoper ziet de doorlooptijd', async () => {
    const { voorzieningId, bsn, bewoner } = await besloten(h, { voornaam: 'Tessa', achternaam: 'Toewijsma', geboortedatum: '1950-09-21', seed: Date.now() + 6340 });
    const regisseur = await apiAls('regisseur');
    const voorziening = await regisseur<{ nummer: string; aanbieder: unknown }>('GET', `/api/v1/voorzieningen/${voorzieningId}`);
    expect(voorziening.aanbieder).toBeNull();

    // (e) The provider's software asks for a toewijzing (315), with the GP as verwijzer.
    const nr = String(Date.now()).slice(-8);
    const referentie = `AANV-${nr}`;
    const xml = schrijfVerzoekToewijzing('iwmo', kop(`T${nr}`), {
      bsn, geboortedatum: bewoner.geboortedatum, geslacht: '2', achternaam: bewoner.achternaam, voorvoegsel: null, voornamen: bewoner.voornaam, voorletters: null,
    }, [{
      referentie, categorie: '01', code: '01A01', toewijzingIngangsdatum: overDagen(3), toewijzingEinddatum: overDagen(120),
      omvang: { volume: 3, eenheid: '04', frequentie: '2' }, verwijzer: { type: '02', naam: 'Huisarts', zorgverlenerscode: null },
    }]);
    const antwoord = await leverBericht(h, 'aanbieder', xml);
    expect(antwoord.statusCode, antwoord.body).toBe(201);
    expect(antwoord.json(), antwoord.body).toMatchObject({ status: 'verwerkt' });

    const { context, page } = await newPage(h);
    context.setDefaultTimeout(60_000);
    try {
      await page.goto('/');
      await inloggen(page, 'regisseur');
      await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
      const lijst = await naarVerzoek(page, bsn, /^Verzoek om toewijzing/);
      await lijst.rij.getByRole('cell', { name: referentie, exact: true }).waitFor();
      await lijst.open();
      const vraag = page.getByRole('region', { name: 'Wat de aanbieder vraagt' });
      await vraag.getByText('Categorie 01, productcode 01A01').waitFor();
      await vraag.getByText('3 uur per week').waitFor();
      await vraag.getByText(/^Huisarts/).waitFor();
      await vraag.getByText(`${datumNL(overDagen(3))} tot en met ${datumNL(overDagen(120))}`).waitFor();

      await page.locator('summary', { hasText: 'Toewijzen' }).click();
      const toewijzen = page.getByRole('form', { name: 'Toewijzen' });
      await toewijzen.getByRole('radio', { name: new RegExp(voorziening.nummer) }).check();
      await expectToegankelijk(page, 'het verzoek om toewijzing met de voorzieningen om uit te kiezen');
      await screenshot(page, 'verzoek-toewijzing');
      await toewijzen.getByRole('button', { name: 'Toewijzen' }).click();
      await page.getByRole('button', { name: 'Ja, toewijzen' }).click();
      await zichtbaarOfUitleg(page, page.getByRole('status').filter({ hasText: 'Het verzoek is toegewezen' }));
      const uitkomst = page.getByRole('region', { name: 'Antwoord aan de aanbieder' });
      await uitkomst.getByText('Toegewezen', { exact: true }).waitFor();
      await expectToegankelijk(page, 'het toegewezen verzoek');

      await uitkomst.getByRole('link', { name: `Voorziening ${voorziening.nummer}` }).click();
      await page.getByRole('heading', { level: 1, name: `Voorziening ${voorziening.nummer}` }).waitFor();
      await page.getByRole('region', { name: 'Gegevens van de voorziening' }).getByText(PROVIDER).first().waitFor();

      // The outbox sends the 301 with the provider's reference.
      await h.app.opdrachten.verwerk();
      const zorg = await apiAls('aanbieder');
      const berichten = await zorg<{ items: { soort: string; xmlUrl: string; client?: { bsn: string } | null }[] }>('GET', '/api/v1/berichten?soort=301&aantal=50');
      const b301 = berichten.items.find((b) => b.client?.bsn === bsn);
      expect(b301, 'een 301 voor de inwoner').toBeDefined();
      const xml301 = (await zorg.ruw('GET', b301!.xmlUrl)).body;
      expect(xml301).toContain(`<wmo301:ReferentieAanbieder>${referentie}</wmo301:ReferentieAanbieder>`);

      // A 315 for someone Eenvoud does not know: no regisseur holds it, so it is the teamleider's; nothing can grant it yet.
      const onbekendBsn = geldigBsn(Date.now() + 9510);
      const onbekend = `ONB-${nr}`;
      const xmlOnbekend = schrijfVerzoekToewijzing('iwmo', kop(`O${nr}`), {
        bsn: onbekendBsn, geboortedatum: '1938-01-15', geslacht: '1', achternaam: 'Onbekendsma', voorvoegsel: null, voornamen: 'Otto', voorletters: null,
      }, [{
        referentie: onbekend, categorie: '01', code: '01A01', toewijzingIngangsdatum: overDagen(3), toewijzingEinddatum: overDagen(120),
        omvang: { volume: 2, eenheid: '04', frequentie: '2' }, verwijzer: { type: '06', naam: null, zorgverlenerscode: null },
      }]);
      expect((await leverBericht(h, 'aanbieder', xmlOnbekend)).json()).toMatchObject({ status: 'verwerkt' });
      await wisselNaar(page, 'teamleider');
      const wees = await naarVerzoek(page, onbekendBsn, /^Verzoek om toewijzing/);
      await wees.rij.getByRole('cell', { name: /^Otto Onbekendsma/ }).waitFor();
      await wees.open();
      await page.getByText('Deze inwoner is niet bekend in Eenvoud.').waitFor();
      await page.locator('summary', { hasText: 'Toewijzen' }).click();
      await page.getByText(/Er is geen voorziening om dit verzoek mee toe te wijzen/).waitFor();
      await page.getByText(/registreer eerst een melding/).waitFor();
      await expectToegankelijk(page, 'een verzoek zonder voorziening om mee toe te wijzen');

      // ————— The inkoper: the provider's traffic with the open verzoek and the lead time verzoek → antwoord —————
      await wisselNaar(page, 'inkoper');
      await page.goto(`/inkoop/aanbieders/${await aanbiederId()}`);
      const verkeer = page.getByRole('region', { name: 'Berichtenverkeer' });
      await zichtbaarOfUitleg(page, verkeer.getByRole('heading', { level: 3, name: 'Verzoeken om toewijzing en wijziging' }));
      // The two answered in this file and whatever the demo history holds.
      await verkeer.getByText(/Van verzoek tot antwoord: gemiddeld [\d,]+ dagen?, mediaan [\d,]+ dagen? \(\d+ verzoeken beantwoord, \d+ na de termijn\)/).waitFor();
      const openRij = verkeer.getByRole('row').filter({ hasText: onbekend });
      await openRij.getByText('Open', { exact: true }).waitFor();
      await openRij.getByText(datumNL(plusWerkdagen(vandaagNL(), 5))).waitFor();
      for (const naam of [bewoner.achternaam, 'Onbekendsma']) expect(await verkeer.getByText(naam).count(), 'het verkeer noemt geen namen').toBe(0);
      await expectToegankelijk(page, 'het berichtenverkeer met de verzoeken');
      await screenshot(page, 'verzoeken-verkeer');
    } finally {
      await context.close();
    }
  }, 360_000);
});
