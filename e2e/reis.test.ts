/**
 * The resident's whole journey, through the UI only, for a resident created in this test (never a demo
 * case): the public online form, triage, the keukentafelgesprek, a new plan with a goal and an
 * arrangement up the ladder, the aanvraag, four eyes (toetsen, beoordelen, besluiten by three people),
 * sending the beschikking, a bezwaar and the decision on it; then privacy: a colleague outside the circle
 * opens the file only with a recorded reason, the regisseur records consent before sharing with a
 * provider, and the privacy officer reviews the access, exports the inzage and checks the audit chain.
 * Axe-core checks every page it visits.
 * It runs once on embedded PostgreSQL and once on the PostgreSQL server when TEST_DATABASE_URL is set.
 * Every later capability (provision, provider, messages, money) extends this walk.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DATABASES, expectToegankelijk, geldigBsn, type Harness, inloggen, newPage, overDagen, screenshot, startHarness, wisselNaar } from './harness.ts';

const LEEFGEBIEDEN = [
  'Huisvesting', 'Financiën', 'Sociaal functioneren', 'Psychisch functioneren', 'Zingeving', 'Lichamelijk functioneren',
  'Praktisch functioneren', 'Dagbesteding',
];

/** Fills a field only when the form has it (fields that later issues add to the form). */
async function vulAlsAanwezig(page: Page, label: RegExp, waarde: string): Promise<void> {
  const veld = page.getByLabel(label);
  if (await veld.count()) await veld.first().fill(waarde);
}

describe.each(DATABASES)('de reis van een nieuwe inwoner (%s)', (soort) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(soort);
  });

  afterAll(async () => {
    await h?.close();
  });

  test('van het online formulier tot de beslissing op bezwaar, alleen via de schermen', async () => {
    const stamp = Date.now() + (soort === 'server' ? 7 : 0);
    const inwoner = { bsn: geldigBsn(stamp), voornaam: 'Femke', achternaam: `Reisiger${String(stamp).slice(-5)}`, geboortedatum: '1951-04-17' };
    const volledigeNaam = `${inwoner.voornaam} ${inwoner.achternaam}`;
    const { context, page } = await newPage(h);
    try {
      // 1. The resident asks online.
      await page.goto('/melden/demodorp');
      await page.getByRole('heading', { level: 1, name: 'Wat is uw vraag?' }).waitFor();
      await expectToegankelijk(page, 'het online formulier');
      await page.getByLabel('Hulp en ondersteuning thuis (Wmo)').check();
      await page.getByLabel(/^BSN/).fill(inwoner.bsn);
      await page.getByLabel(/^Voornaam/).fill(inwoner.voornaam);
      await page.getByLabel(/^Achternaam/).fill(inwoner.achternaam);
      await page.getByLabel(/^Geboortedatum/).fill(inwoner.geboortedatum);
      await vulAlsAanwezig(page, /^Postcode/, '7411 AB');
      await vulAlsAanwezig(page, /^Huisnummer/, '12');
      await vulAlsAanwezig(page, /^Straat/, 'Kerkstraat');
      await vulAlsAanwezig(page, /^(Woonplaats|Plaats)/, 'Demodorp');
      await page.getByLabel(/^Wat is uw vraag\?/).fill('Sinds mijn heupoperatie kan ik mijn huis niet meer schoonhouden. Mijn dochter woont ver weg.');
      await page.getByLabel(/^Telefoonnummer/).fill('06 23456789');
      await page.getByRole('button', { name: 'Vraag versturen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Wij hebben uw vraag ontvangen' }).waitFor();
      // The resident gets a reference that reveals nothing (no sequence, no volume); staff use M-numbers.
      const publiek = (await page.locator('.eenvoud-referentie').textContent())?.trim() ?? '';
      expect(publiek).toMatch(/^EV-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      await expectToegankelijk(page, 'de bevestiging voor de inwoner');

      // 2. Triage by the regisseur, who finds it among the meldingen nobody has picked up.
      await page.goto('/inloggen');
      await inloggen(page, 'regisseur');
      await page.getByRole('heading', { level: 1, name: /^Welkom, Ruud/ }).waitFor();
      await expectToegankelijk(page, 'de startpagina van de regisseur');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Werkvoorraad' }).click();
      await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
      await page.getByLabel('Welke meldingen').selectOption({ label: 'Nog niet opgepakt' });
      await page.getByRole('button', { name: 'Filteren' }).click();
      await page.waitForURL(/toegewezen=niemand/);
      await expectToegankelijk(page, 'de werkvoorraad');
      const rij = page.getByRole('row').filter({ hasText: volledigeNaam });
      const referentie = (await rij.getByRole('link', { name: /^M-\d{4}-\d{6}$/ }).textContent())?.trim() ?? '';
      await rij.getByRole('link', { name: referentie }).click();
      await page.getByRole('heading', { level: 1, name: `Melding ${referentie}` }).waitFor();
      await expectToegankelijk(page, 'de nieuwe melding');
      await page.getByLabel('Door naar onderzoek').check();
      await page.getByLabel(/^Toelichting/).fill('Hulp in het huishouden na een operatie: keukentafelgesprek plannen.');
      await page.getByRole('button', { name: 'Triage opslaan' }).click();
      await page.getByText(/De triage is opgeslagen: de melding is door naar onderzoek\./).waitFor();
      await page.getByRole('region', { name: 'Gegevens van de melding' }).getByRole('link', { name: /^Casus C-\d{4}-\d{6}$/ }).click();

      // 3. The casus of this new household: no plan yet.
      await page.getByRole('heading', { level: 1, name: /^Casus C-\d{4}-\d{6}$/ }).waitFor();
      const casusUrl = new URL(page.url()).pathname;
      await page.getByText(volledigeNaam).first().waitFor();
      const plan = page.getByRole('region', { name: 'Plan', exact: true });
      await plan.getByText('Dit huishouden heeft nog geen plan.').waitFor();
      await expectToegankelijk(page, 'de casus zonder plan');
      await screenshot(page, 'reis-casus-nieuw');

      // 4. The keukentafelgesprek, every leefgebied scored.
      await page.getByRole('link', { name: 'Nieuw gesprek' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nieuw gesprek' }).waitFor();
      await expectToegankelijk(page, 'het formulier Nieuw gesprek');
      await page.getByLabel(/^Samenvatting/).fill('Keukentafelgesprek: schoonmaken lukt niet meer, boodschappen met hulp van de buurvrouw.');
      for (const domein of LEEFGEBIEDEN) {
        const score = domein === 'Praktisch functioneren' ? '2 – Niet zelfredzaam' : '4 – Voldoende zelfredzaam';
        await page.getByRole('group', { name: new RegExp(`^Score voor ${domein}`) }).getByLabel(score, { exact: true }).check();
      }
      await page.getByRole('button', { name: 'Gesprek opslaan' }).click();
      await page.getByRole('heading', { level: 1, name: /^Gesprek van / }).waitFor();
      await page.getByText('Het gesprek is opgeslagen.').waitFor();
      await expectToegankelijk(page, 'het gesprek');
      await page.getByRole('link', { name: 'Terug naar de casus' }).click();
      await page.waitForURL((u) => u.pathname === casusUrl);

      // 5. The plan, made for this casus; a goal; the ladder up to a maatwerkvoorziening.
      await plan.getByRole('button', { name: 'Plan maken' }).click();
      await plan.getByText('Arrangement per trede').waitFor();
      await plan.locator('summary', { hasText: 'Doel toevoegen' }).click();
      const doelForm = plan.getByRole('form', { name: 'Doel toevoegen' });
      await doelForm.getByLabel(/^Leefgebied/).selectOption({ label: 'Praktisch functioneren' });
      await doelForm.getByLabel(/^Doel/).fill('Een schoon en veilig huis');
      await doelForm.getByLabel(/^Meetbaar resultaat/).fill('Elke week een schoon huis; score praktisch functioneren van 2 naar 3');
      await doelForm.getByLabel(/^Streefdatum/).fill(overDagen(180));
      await doelForm.getByRole('button', { name: 'Doel toevoegen' }).click();
      await page.getByText("Het doel 'Een schoon en veilig huis' (Praktisch functioneren) is toegevoegd.").waitFor();
      await expectToegankelijk(page, 'de casus met een plan en een doel');

      await plan.locator('summary', { hasText: 'Onderdeel van het arrangement toevoegen' }).click();
      const arr = plan.getByRole('form', { name: 'Onderdeel van het arrangement toevoegen' });
      const doelLabel = 'Praktisch functioneren: Een schoon en veilig huis';
      await arr.getByLabel(/^Voor welk doel\?/).selectOption({ label: doelLabel });
      await arr.getByLabel('2 – Sociaal netwerk').check();
      await arr.getByLabel(/^Omschrijving van de inzet/).fill('De buurvrouw doet wekelijks de boodschappen mee');
      await arr.getByLabel(/^Motivering/).fill('Zelf boodschappen doen lukt niet na de operatie; de buurvrouw biedt het aan.');
      await arr.getByRole('button', { name: 'Toevoegen aan het arrangement' }).click();
      await page.getByText(/'De buurvrouw doet wekelijks de boodschappen mee' is toegevoegd op trede 2/).waitFor();

      await arr.getByLabel(/^Voor welk doel\?/).selectOption({ label: doelLabel });
      await arr.getByLabel('4 – Maatwerkvoorziening').check();
      await arr.getByLabel('Zoek in de catalogus').fill('Hulp bij het huishouden');
      await arr.getByLabel(/Hulp bij het huishouden \(maatwerk\)/).check();
      await arr.getByLabel(/^Motivering/).fill('Het netwerk kan niet schoonmaken en de algemene voorziening past niet bij de beperkingen na de operatie.');
      await arr.getByRole('button', { name: 'Toevoegen aan het arrangement' }).click();
      await page.getByText(/'Hulp bij het huishouden \(maatwerk\)' is toegevoegd op trede 4 \(Maatwerkvoorziening\)\. Status: Aanvraag nodig\./).waitFor();

      await plan.locator('summary', { hasText: 'Instemming vastleggen' }).click();
      const instemming = plan.getByRole('form', { name: 'Instemming vastleggen' });
      await instemming.getByLabel('Mondeling').check();
      await instemming.getByRole('button', { name: 'Instemming vastleggen' }).click();
      await page.getByText(/De instemming van de inwoner is vastgelegd .*Het plan is actief\./).waitFor();
      await expectToegankelijk(page, 'de casus met een actief plan');
      await screenshot(page, 'reis-plan');

      // 6. The aanvraag from the plan.
      const aanvragen = page.getByRole('region', { name: 'Aanvragen en besluiten' });
      await aanvragen.locator('summary', { hasText: 'Aanvraag indienen' }).click();
      const aanvraagForm = aanvragen.getByRole('form', { name: 'Aanvraag indienen' });
      expect(await aanvraagForm.getByLabel(/Hulp bij het huishouden \(maatwerk\)/).isChecked()).toBe(true);
      await aanvraagForm.getByLabel(/^Toelichting voor de beslisser/).fill('Zie het gesprek en het plan: hulp bij het huishouden na de operatie.');
      await expectToegankelijk(page, 'het formulier Aanvraag indienen');
      await aanvraagForm.getByRole('button', { name: 'Aanvraag indienen' }).click();
      await page.getByText(/^Aanvraag A-\d{4}-\d{6} is ingediend\. Een collega toetst haar\.$/).waitFor();
      await page.getByRole('link', { name: /^Naar aanvraag A-/ }).click();
      await page.getByRole('heading', { level: 1, name: /^Aanvraag A-\d{4}-\d{6}$/ }).waitFor();
      await page.getByText(volledigeNaam).first().waitFor();
      await expectToegankelijk(page, 'de ingediende aanvraag');

      // 7. Four eyes: the teamleider checks, a beslisser assesses, another beslisser decides.
      await wisselNaar(page, 'teamleider');
      const toets = page.getByRole('form', { name: 'Aanvraag toetsen' });
      await expectToegankelijk(page, 'de aanvraag bij de toetser');
      await toets.getByRole('button', { name: 'Toetsing vastleggen' }).click();
      await page.getByText('De aanvraag is getoetst. Nu beoordeelt een beslisser haar.').waitFor();

      await wisselNaar(page, 'beslisser2');
      const beoordeling = page.getByRole('form', { name: 'Aanvraag beoordelen' });
      await beoordeling.getByLabel('Advies').fill('Past bij het doel; netwerk en algemene voorziening zijn afgewogen.');
      await expectToegankelijk(page, 'de aanvraag bij de beoordelaar');
      await beoordeling.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
      await page.getByText('De aanvraag is beoordeeld. Nu besluit een andere beslisser erover.').waitFor();

      await wisselNaar(page, 'beslisser');
      const besluit = page.getByRole('form', { name: 'Besluiten' });
      await besluit.getByRole('group', { name: /^Uitkomst/ }).getByLabel('Toegekend', { exact: true }).check();
      await besluit.getByLabel(/^Motivering/).fill('Eigen kracht, het netwerk en de algemene voorziening volstaan niet; hulp bij het huishouden is nodig.');
      await besluit.getByLabel(/^Omvang/).fill('3');
      await besluit.getByLabel(/^Eenheid/).selectOption('uur');
      await besluit.getByLabel(/^Periode/).selectOption('week');
      await besluit.getByLabel('Zorg in natura').check();
      await expectToegankelijk(page, 'het formulier Besluiten');
      await besluit.getByRole('button', { name: 'Besluit nemen' }).click();
      await page.getByText('Het besluit is genomen. De beschikking is klaar om te verzenden.').waitFor();

      // 8. Sending the beschikking.
      const verzend = page.getByRole('region', { name: /^Volgende stap: verzenden/ });
      await verzend.getByRole('button', { name: 'Beschikking verzenden' }).click();
      await verzend.getByRole('button', { name: 'Ja, beschikking verzenden' }).click();
      await page.getByText('De beschikking is verzonden. Zij kan nu niet meer veranderen.').waitFor();
      // Need-to-know: with the aanvraag sent, the file closes for the beslisser; the regisseur reads on.
      await page.getByText(/het dossier is voor u gesloten/).waitFor();
      await expectToegankelijk(page, 'de verzonden aanvraag bij de beslisser');
      await wisselNaar(page, 'regisseur');
      await page.getByRole('link', { name: 'Naar de beschikking' }).click();
      await page.getByRole('heading', { level: 1, name: /^Beschikking B-\d{4}-\d{6}$/ }).waitFor();
      await page.getByText(/^Bezwaar mogelijk tot en met \d{1,2} \w+ \d{4}\.$/).waitFor();
      const brief = await page.request.get((await page.getByRole('link', { name: /^Brief bekijken/ }).getAttribute('href'))!);
      expect(brief.status()).toBe(200);
      expect(brief.headers()['content-type']).toContain('application/pdf');
      await expectToegankelijk(page, 'de verzonden beschikking');
      await screenshot(page, 'reis-beschikking');

      // 9. A bezwaar against it, registered by the teamleider of the team.
      await wisselNaar(page, 'teamleider');
      await page.getByRole('heading', { level: 1, name: /^Beschikking B-\d{4}-\d{6}$/ }).waitFor();
      const bezwaren = page.getByRole('region', { name: 'Bezwaren' });
      await bezwaren.locator('summary', { hasText: 'Bezwaar registreren' }).click();
      await bezwaren.getByLabel(/^Waar gaat het bezwaar over\?/).fill('De inwoner vindt drie uur per week te weinig voor een huis met trappen.');
      await bezwaren.getByRole('button', { name: 'Bezwaar registreren' }).click();
      await page.getByText(/^Het bezwaar is geregistreerd \(tijdig\)\./).waitFor();
      await expectToegankelijk(page, 'de beschikking met een bezwaar');

      // 10. The decision on the bezwaar (by someone who did not take the primary decision).
      await beslisOpBezwaar(page);

      // 11. Privacy: need-to-know, break-glass, consent before sharing, the privacy officer's review and inzage.
      await privacyVanHetDossier(page, casusUrl, inwoner.bsn, volledigeNaam);
    } finally {
      await context.close();
    }
    // The whole journey through some forty screens: 70–170 s here depending on the load; a guard, not a speed check.
  }, 360_000);
});

/**
 * Opens the bezwaar from the beschikking page and handles it as the jurist, who took no part in the
 * primary decision (Awb 7:5): a hoorzitting planned and held, then the decision "gegrond", its letter
 * with the beroep clause, and the herziening it starts.
 */
async function beslisOpBezwaar(page: Page): Promise<void> {
  await page.getByRole('region', { name: 'Bezwaren' }).getByRole('link', { name: /^Bezwaar BZ-\d{4}-\d{6}$/ }).first().click();
  await page.getByRole('heading', { level: 1, name: /^Bezwaar / }).waitFor();
  await expectToegankelijk(page, 'het bezwaar');
  await wisselNaar(page, 'jurist');
  await page.getByRole('heading', { level: 1, name: /^Bezwaar / }).waitFor();

  await page.locator('summary', { hasText: 'Hoorzitting plannen' }).click();
  const plannen = page.getByRole('form', { name: 'Hoorzitting plannen' });
  await plannen.getByLabel(/^Datum van de hoorzitting/).fill(overDagen(0));
  await plannen.getByRole('button', { name: 'Hoorzitting plannen' }).click();
  await page.getByText(/Hoorzitting gepland op /).first().waitFor();
  await page.locator('summary', { hasText: 'Hoorzitting vastleggen' }).click();
  const gehouden = page.getByRole('form', { name: 'Hoorzitting vastleggen' });
  await gehouden.getByLabel(/^Gehouden op/).fill(overDagen(0));
  await gehouden.getByLabel(/^Wat heeft de indiener toegelicht\?/).fill('Mevrouw woont in een huis met twee trappen; drie uur is te weinig om alles schoon te houden.');
  await gehouden.getByRole('button', { name: 'Hoorzitting vastleggen' }).click();
  await page.getByText(/Hoorzitting gehouden op /).first().waitFor();
  await expectToegankelijk(page, 'het bezwaar na de hoorzitting');

  const form = page.getByRole('form', { name: 'Beslissen op het bezwaar' });
  await form.getByLabel('Gegrond', { exact: true }).check();
  await form.getByLabel(/^Motivering/).fill('Bij de trappen in huis is drie uur per week te weinig; de omvang wordt herzien.');
  await expectToegankelijk(page, 'het formulier Beslissen op het bezwaar');
  await form.getByRole('button', { name: 'Beslissen en brief verzenden' }).click();
  await page.getByText('Er is beslist op het bezwaar. De brief is verzonden en de herziening is gestart.').waitFor();
  const beslissing = page.getByRole('region', { name: 'Beslissing op het bezwaar' });
  await beslissing.getByText('Gegrond').first().waitFor();
  await beslissing.getByText(/Beroep mogelijk tot en met/).waitFor();
  const href = await beslissing.getByRole('link', { name: /Brief met de beslissing op bezwaar bekijken \(PDF\)/ }).getAttribute('href');
  const pdf = await page.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  await expectToegankelijk(page, 'het beslist bezwaar');
  await screenshot(page, 'reis-bezwaar');

  // The herziening it started is an aanvraag of its own, back at the start of the four-eyes steps.
  await beslissing.getByRole('link', { name: /^Aanvraag A-\d{4}-\d{6}$/ }).click();
  await page.getByRole('heading', { level: 1, name: /^Aanvraag A-\d{4}-\d{6}$/ }).waitFor();
  await expectToegankelijk(page, 'de herziening na het bezwaar');
}

/**
 * Privacy around this resident's file (issue 11): Rachida, in Ruud's team but not on this casus, gets
 * "geen toegang" and opens it with a reason; Ruud records the resident's consent and a share with the
 * provider; the privacy officer reviews Rachida's access, downloads the inzage (which shows that access
 * and the share) and checks the audit chain.
 */
async function privacyVanHetDossier(page: Page, casusUrl: string, bsn: string, volledigeNaam: string): Promise<void> {
  const reden = 'Ruud is vandaag ziek; ik beantwoord de terugbelvraag van mevrouw over de hulp.';
  await page.goto(casusUrl);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await wisselNaar(page, 'regisseur2');
  await page.getByText('U heeft geen toegang tot dit dossier').first().waitFor();
  expect(await page.getByText(volledigeNaam).count()).toBe(0);
  await expectToegankelijk(page, 'de casus voor een collega buiten de kring');
  const toegang = page.getByRole('region', { name: 'Toegang met reden' });
  await toegang.getByLabel(/^Reden/).fill(reden);
  await toegang.getByRole('button', { name: 'Toegang vragen' }).click();
  await page.getByRole('heading', { level: 1, name: /^Casus C-\d{4}-\d{6}$/ }).waitFor();
  await page.getByText(volledigeNaam).first().waitFor();
  const nummer = (await page.getByRole('heading', { level: 1 }).textContent())!.replace(/^Casus /, '').trim();
  await expectToegankelijk(page, 'de casus geopend met een reden');

  // Ruud records the resident's consent for the provider, then the share itself.
  await wisselNaar(page, 'regisseur');
  await page.getByRole('heading', { level: 1, name: `Casus ${nummer}` }).waitFor();
  await page.locator('#deel-delen > summary').click();
  const delen = page.locator('section#delen');
  await delen.getByRole('button', { name: 'Grondslag vastleggen' }).click();
  await delen.getByLabel(`${volledigeNaam} zelf`).check();
  await delen.getByLabel('Naam van de partner').fill('Thuiszorg De Linde');
  await delen.getByLabel('Uitvoering van de voorziening of hulp').check();
  await delen.getByLabel(/^Welke gegevens/).fill('Naam, adres, telefoonnummer en de toegekende hulp bij het huishouden');
  await delen.getByRole('button', { name: 'Toestemming opslaan' }).click();
  await delen.getByText(`Toestemming voor ${volledigeNaam} is vastgelegd.`).waitFor();
  await delen.getByRole('button', { name: 'Verstrekking vastleggen' }).click();
  await delen.getByLabel(/^Welke gegevens/).fill('Naam, adres en telefoonnummer voor de start van de hulp');
  await delen.getByRole('button', { name: 'Verstrekking opslaan' }).click();
  await delen.getByText('De verstrekking aan Thuiszorg De Linde is vastgelegd.').waitFor();
  await expectToegankelijk(page, 'toestemming en delen in de casus');

  // The privacy officer reviews the access with a reason.
  await wisselNaar(page, 'privacy');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Doorbraken' }).click();
  await page.getByRole('heading', { level: 1, name: 'Doorbraken' }).waitFor();
  const rij = page.getByRole('row').filter({ hasText: nummer });
  await rij.getByText(reden).waitFor();
  await expectToegankelijk(page, 'de doorbraken bij de privacy officer');
  await rij.getByRole('button', { name: `Beoordelen: ${nummer}, Rachida Regisseur` }).click();
  const beoordeling = page.getByRole('region', { name: `Beoordelen: ${nummer}, Rachida Regisseur` });
  await beoordeling.getByLabel('Terecht', { exact: true }).check();
  await beoordeling.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
  await page.getByText(`De toegang van Rachida Regisseur tot ${nummer} is beoordeeld als terecht.`).waitFor();

  // Inzage: the whole file as a ZIP, with who looked and with whom it was shared.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Inzage' }).click();
  await page.getByRole('heading', { level: 1, name: 'Inzage' }).waitFor();
  const veld = page.getByLabel(/^BSN van de inwoner/);
  await veld.fill(bsn);
  await veld.press('Enter');
  const inhoud = page.getByRole('region', { name: 'Wat de inzage bevat' });
  await inhoud.getByText(volledigeNaam).first().waitFor();
  await expectToegankelijk(page, 'de inzage van de inwoner');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    inhoud.getByRole('link', { name: `Inzage van ${volledigeNaam} downloaden (ZIP)` }).click(),
  ]);
  const zip = unzipSync(new Uint8Array(readFileSync(await download.path())));
  expect(Object.keys(zip)).toEqual(expect.arrayContaining(['LEESMIJ.txt', 'inzage.pdf', 'inzage.json']));
  expect(Object.keys(zip).filter((n) => n.startsWith('brieven/')).length).toBeGreaterThanOrEqual(2); // beschikking and beslissing op bezwaar
  const json = JSON.parse(strFromU8(zip['inzage.json']!)) as { persoon: { bsn: string }; audittrail: { doel: string; gebruikersnaam?: string }[] };
  expect(json.persoon.bsn).toBe(bsn);
  expect(json.audittrail.map((a) => a.doel)).toEqual(expect.arrayContaining(['doorbraak', 'inzage']));
  expect(strFromU8(zip['inzage.json']!)).toContain('Thuiszorg De Linde');

  // The audit chain of the gemeente is whole.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /^Audit/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Audittrail' }).waitFor();
  await page.getByRole('button', { name: 'Keten controleren' }).click();
  await page.getByText('De keten is in orde.').waitFor();
  await expectToegankelijk(page, 'de gecontroleerde audittrail');
  await screenshot(page, 'reis-privacy');
}
