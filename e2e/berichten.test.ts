/**
 * Browser test of the message traffic (issue 14): a new resident is decided (through the API, the
 * steps before), the regisseur assigns the demo provider "Thuiszorg De Heide" in the UI, and the
 * outbox sends a WMO301 that both referees accept. The provider's staff member (demo user
 * `aanbieder`) finds it on the portal and downloads it; uploads a broken 305 (refused with 0001,
 * nothing changes), then a good 305 (the voorziening starts), and reports the stop (307) through the
 * API: the regisseur sees the voorziening ended with its reason and the whole chain. The staff of
 * another provider does not see these messages. Every page is checked with axe-core.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { schrijfStartStop } from '../src/contexts/berichten/xml.ts';
import { valideerBerichten } from '../src/platform/xml/scheidsrechter.ts';
import { apiAls as apiAlsOpApp, expectToegankelijk, geldigBsn, inloggen, newPage, overDagen, screenshot, startHarness, wisselNaar, zichtbaarOfUitleg, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const vandaagNL = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
const apiAls = (naam: string) => apiAlsOpApp(h, naam);
const PROVIDER = 'Thuiszorg De Heide';
const AGB = '98012345';

/** A new resident decided for hulp bij het huishouden (3 hours a week, in natura, from today), the beschikking sent. */
async function besloten(): Promise<{ casusId: string; voorzieningId: string; bsn: string }> {
  const regisseur = await apiAls('regisseur');
  const bsn = geldigBsn(Date.now() + 1414);
  const melding = await regisseur<{ id: string }>('POST', '/api/v1/meldingen', {
    persoon: { bsn, voornaam: 'Berend', achternaam: 'Berichtsma', geboortedatum: '1944-02-03', adres: { straat: 'Molenweg', huisnummer: '7b', postcode: '1234 AB', woonplaats: 'Demodorp' } },
    wet: 'wmo', kanaal: 'telefoon', ontvangenOp: vandaagNL(), omschrijving: 'Meneer kan zijn huis niet meer schoonhouden.',
  });
  const casusId = (await regisseur<{ casus: { id: string } }>('POST', `/api/v1/meldingen/${melding.id}/triage`, { uitkomst: 'onderzoek' })).casus.id;
  const plan = `/api/v1/casussen/${casusId}/plan`;
  if ((await regisseur.ruw('GET', plan)).statusCode === 404) await regisseur('POST', plan);
  const doel = await regisseur<{ id: string }>('POST', `${plan}/doelen`, {
    leefgebied: 'praktischFunctioneren', omschrijving: 'Een schoon huis', meetbaarResultaat: 'Elke week een schoon huis', streefdatum: overDagen(180),
  });
  const item = (await regisseur<{ id: string; naam: string }[]>('GET', '/api/v1/catalogus?domein=wmo&trede=4')).find((i) => i.naam === 'Hulp bij het huishouden (maatwerk)')!;
  const hulp = await regisseur<{ id: string }>('POST', `${plan}/arrangement`, { doelId: doel.id, trede: 4, catalogusItemId: item.id, motivering: 'Schoonmaken lukt niet meer.' });
  const aanvraag = await regisseur<{ id: string }>('POST', '/api/v1/aanvragen', { casusId, arrangementItemIds: [hulp.id], ontvangenOp: vandaagNL() });
  await (await apiAls('teamleider'))('POST', `/api/v1/aanvragen/${aanvraag.id}/toets`, { compleet: true, bevoegd: true });
  await (await apiAls('beslisser2'))('POST', `/api/v1/aanvragen/${aanvraag.id}/beoordeling`, { advies: 'Past bij het plan.' });
  const beslisser = await apiAls('beslisser');
  await beslisser('POST', `/api/v1/aanvragen/${aanvraag.id}/besluit`, {
    producten: [{ arrangementItemId: hulp.id, uitkomst: 'toegekend', omvang: 3, eenheid: 'uur', periode: 'week', ingangsdatum: vandaagNL(), einddatum: overDagen(120), leveringsvorm: 'zin' }],
    motivering: 'Eigen kracht en netwerk volstaan niet.',
  });
  await beslisser('POST', `/api/v1/aanvragen/${aanvraag.id}/verzending`, {});
  const v = (await regisseur<{ items: { id: string }[] }>('GET', `/api/v1/voorzieningen?casusId=${casusId}`)).items[0]!;
  return { casusId, voorzieningId: v.id, bsn };
}

async function lever(gebruiker: string, xml: string) {
  const login = await h.app.inject({ method: 'POST', url: '/api/v1/sessies', payload: { gebruikersnaam: gebruiker, wachtwoord: 'demo' } });
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = (login.json() as { csrfToken: string }).csrfToken;
  return h.app.inject({ method: 'POST', url: '/api/v1/berichten', headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/xml' }, payload: xml });
}

describe('berichtenverkeer', () => {
  test('toewijzing in de UI → WMO301 geldig; de aanbieder haalt hem op, levert een kapotte en een goede start aan en meldt de stop', async () => {
    const { voorzieningId, bsn } = await besloten();
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
      const tabel = page.locator('table').filter({ has: page.locator('caption', { hasText: /de nieuwste eerst/ }) });
      const rij301 = tabel.getByRole('row').filter({ hasText: 'WMO301 toewijzing' }).filter({ hasText: bsn }).first();
      await zichtbaarOfUitleg(page, rij301);
      await expectToegankelijk(page, 'het portaal van de aanbieder');
      await screenshot(page, 'berichten-portaal');
      const [download] = await Promise.all([page.waitForEvent('download'), rij301.getByRole('link', { name: /downloaden als XML/ }).click()]);
      const xml301 = readFileSync(await download.path(), 'utf8');
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
