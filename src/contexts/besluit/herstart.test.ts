import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Client, voorbeeldMelding } from '../../testing/harness.ts';

/**
 * "Nothing is lost": a decision that was answered as taken survives the process being killed
 * (SIGKILL, no shutdown) and a restart on the same embedded database.
 */
const dir = mkdtempSync(join(tmpdir(), 'eenvoud-crash-'));
const poort = 3900 + (process.pid % 90);
let proces: ChildProcess | null = null;
afterAll(() => {
  proces?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<void> {
  // Embedded database only: without DATABASE_URL, whatever the test run has set.
  const { DATABASE_URL: _zonder, ...env } = process.env;
  proces = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...env, EENVOUD_DATA_DIR: dir, PORT: String(poort), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'development', EENVOUD_DEMO: 'true', EENVOUD_DEMO_HISTORIE: 'false' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${poort}/api/v1/health`)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('De server start niet');
}

async function login(naam: string): Promise<Client> {
  const c = new Client(`http://127.0.0.1:${poort}`);
  const r = await c.post<{ csrfToken: string }>('/api/v1/sessies', { gebruikersnaam: naam, wachtwoord: 'demo' });
  c.csrfToken = r.body.csrfToken;
  return c;
}

describe('een besluit gaat niet verloren', () => {
  it('na een besluit wordt het proces hard gestopt; na de herstart is de beschikking er nog', async () => {
    await start();
    const [regisseur, teamleider, beslisser, beslisser2] = await Promise.all(['regisseur', 'teamleider', 'beslisser', 'beslisser2'].map(login)) as [Client, Client, Client, Client];
    const vandaag = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const m = await regisseur.post<{ id: string }>('/api/v1/meldingen', voorbeeldMelding({ ontvangenOp: vandaag }));
    const casusId = (await regisseur.post<{ casus: { id: string } }>(`/api/v1/meldingen/${m.body.id}/triage`, { uitkomst: 'onderzoek' })).body.casus.id;
    const doel = await regisseur.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/doelen`, { leefgebied: 'praktischFunctioneren', omschrijving: 'Schoon huis', meetbaarResultaat: 'Wekelijks schoon', streefdatum: '2027-06-01' });
    // Hulp bij het huishouden: contracted per hour, so 3 uur is a decision the contract allows.
    const product = (await regisseur.get<{ id: string; naam: string }[]>('/api/v1/catalogus?domein=wmo&trede=4')).body.find((i) => /huishouden/i.test(i.naam))!;
    const item = await regisseur.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/arrangement`, { doelId: doel.body.id, trede: 4, catalogusItemId: product.id, motivering: 'Nodig.' });
    const aanvraag = await regisseur.post<{ id: string }>('/api/v1/aanvragen', { casusId, arrangementItemIds: [item.body.id], ontvangenOp: vandaag });
    await teamleider.post(`/api/v1/aanvragen/${aanvraag.body.id}/toets`, {});
    await beslisser2.post(`/api/v1/aanvragen/${aanvraag.body.id}/beoordeling`, {});
    const besluit = await beslisser.post<{ status: string; beschikkingId: string }>(`/api/v1/aanvragen/${aanvraag.body.id}/besluit`, {
      producten: [{ arrangementItemId: item.body.id, uitkomst: 'toegekend', omvang: 3, eenheid: 'uur', ingangsdatum: vandaag, leveringsvorm: 'zin' }],
      motivering: 'Passend en nodig.',
    });
    expect(besluit.body.status).toBe('besloten');

    proces!.kill('SIGKILL');
    await new Promise((r) => proces!.once('exit', r));
    await start();

    const na = await login('beslisser');
    const b = await na.get<{ id: string; status: string; producten: { uitkomst: string }[] }>(`/api/v1/beschikkingen/${besluit.body.beschikkingId}`);
    expect(b.status).toBe(200);
    expect(b.body).toMatchObject({ status: 'besloten', producten: [{ uitkomst: 'toegekend' }] });
    const verificatie = await (await login('privacy')).get<{ geldig: boolean }>('/api/v1/audit/verificatie');
    expect(verificatie.body.geldig).toBe(true);
  }, 180_000);
});
