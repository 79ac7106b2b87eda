/**
 * Browser test of the background tasks (outbox, ADR 33): a task that keeps failing shows up for the
 * functioneel beheerder with its error; "Opnieuw proberen" puts it back and it then succeeds.
 * A test-only handler fails on purpose until the test lets it succeed. axe-core checks each state.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { registreerVerwerker } from '../src/platform/jobs/outbox.ts';
import { expectToegankelijk, type Harness, inloggen, newPage, screenshot, startHarness } from './harness.ts';

let h: Harness;
let lukt = false;
let weg: () => void;

beforeAll(async () => {
  h = await startHarness();
  weg = registreerVerwerker('test.brief-printen', async () => {
    if (!lukt) throw new Error('De printstraat is niet bereikbaar');
  });
});

afterAll(async () => {
  weg?.();
  await h?.close();
});

describe('achtergrondtaken', () => {
  test('beheer ziet een mislukte taak met de fout en laat haar opnieuw proberen; daarna lukt zij', async () => {
    await h.app.opdrachten.inWachtrij('demodorp', { soort: 'test.brief-printen', gegevens: {}, maxPogingen: 2 });
    expect(await h.app.opdrachten.verwerk()).toMatchObject({ opnieuw: 1 });
    // The second attempt is due after the backoff; the test does not wait 30 s but the list shows it waiting.
    const { context, page } = await newPage(h);
    await page.goto('/inloggen');
    await inloggen(page, 'beheer');
    await page.getByRole('link', { name: 'Achtergrondtaken' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Achtergrondtaken' }).waitFor();
    await page.getByText('Er zijn geen mislukte achtergrondtaken.').waitFor();
    await expectToegankelijk(page, 'de achtergrondtaken zonder mislukte taak');

    // The waiting one, with its error and next attempt.
    await page.getByLabel('Welke taken').selectOption('wachtend');
    await page.getByRole('button', { name: 'Filteren' }).click();
    const wachtend = page.getByRole('row').filter({ hasText: 'test.brief-printen' });
    await expect.poll(() => wachtend.textContent()).toContain('De printstraat is niet bereikbaar');
    expect(await wachtend.textContent()).toContain('Volgende poging');
    expect(await wachtend.textContent()).toContain('1 van 2');

    // It fails for good.
    await h.app.opdrachten.inWachtrij('demodorp', { soort: 'test.brief-printen', gegevens: {}, maxPogingen: 1 });
    expect(await h.app.opdrachten.verwerk()).toMatchObject({ mislukt: 1 });
    await page.getByLabel('Welke taken').selectOption('mislukt');
    await page.getByRole('button', { name: 'Filteren' }).click();
    const mislukt = page.getByRole('row').filter({ hasText: 'Mislukt' }).filter({ hasText: 'test.brief-printen' });
    await expect.poll(() => mislukt.count()).toBe(1);
    expect(await mislukt.textContent()).toContain('De printstraat is niet bereikbaar');
    expect(await mislukt.textContent()).toContain('1 van 1');
    await expectToegankelijk(page, 'de achtergrondtaken met een mislukte taak');
    await screenshot(page, 'achtergrondtaken-mislukt');

    // By keyboard: focus the button and press Enter.
    const knop = mislukt.getByRole('button', { name: /Opnieuw proberen/ });
    await knop.focus();
    await page.keyboard.press('Enter');
    await page.getByText('staat weer in de wachtrij en wordt zo opnieuw geprobeerd').waitFor();
    await page.getByText('Er zijn geen mislukte achtergrondtaken.').waitFor();
    await expectToegankelijk(page, 'de achtergrondtaken na opnieuw proberen');

    lukt = true;
    expect(await h.app.opdrachten.verwerk()).toMatchObject({ gelukt: 1 });
    await page.getByLabel('Welke taken').selectOption('gelukt');
    await page.getByRole('button', { name: 'Filteren' }).click();
    const gelukt = page.getByRole('row').filter({ hasText: 'Gelukt' }).filter({ hasText: 'test.brief-printen' });
    await expect.poll(() => gelukt.count()).toBe(1);
    expect(await gelukt.getByRole('button').count()).toBe(0);
    await context.close();
  });
});
