import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { leesbareLogs } from '../platform/http/server.ts';
import { loadConfig } from '../config.ts';
import { voortgangsweergave } from './voortgang.ts';

const geenTerminal = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.WriteStream;

describe('eerste start: voortgang van de vijfjarige geschiedenis', () => {
  it('zonder terminal: één gewone regel per stap en per kwart, met de naam van de stap', () => {
    const regels: string[] = [];
    const { voortgang } = voortgangsweergave((r) => regels.push(r), geenTerminal);
    voortgang('huishoudens en inwoners', 0, 20_000);
    for (let i = 1000; i <= 20_000; i += 1000) voortgang('huishoudens en inwoners', i, 20_000);
    voortgang('wegschrijven', 0, 300_000);
    expect(regels).toEqual([
      'Stap 1/4: Inwoners en huishoudens aanmaken — 0% (0 van 20.000)',
      'Stap 1/4: Inwoners en huishoudens aanmaken — 25% (5.000 van 20.000)',
      'Stap 1/4: Inwoners en huishoudens aanmaken — 50% (10.000 van 20.000)',
      'Stap 1/4: Inwoners en huishoudens aanmaken — 75% (15.000 van 20.000)',
      'Stap 1/4: Inwoners en huishoudens aanmaken — 100% (20.000 van 20.000)',
      'Stap 4/4: Alles opslaan in de database — 0% (0 van 300.000)',
    ]);
  });

  it('een terminal krijgt een balk, geen logregels', () => {
    const uit = Object.assign(new PassThrough(), { isTTY: true, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true }) as unknown as NodeJS.WriteStream;
    let geschreven = '';
    uit.on('data', (d: Buffer) => { geschreven += d.toString(); });
    const regels: string[] = [];
    const w = voortgangsweergave((r) => regels.push(r), uit);
    w.voortgang('meldingen en hun verloop', 5, 10);
    w.stop();
    expect(regels).toEqual([]);
    expect(geschreven).toContain('Stap 3/4: Vijf jaar meldingen, gesprekken en besluiten');
  });
});

describe('logs: leesbaar voor mensen, JSON in productie', () => {
  it('leesbaar op een terminal buiten productie; JSON in productie, zonder terminal, of als gevraagd', () => {
    const ontwikkeling = loadConfig({}).logFormat;
    expect(leesbareLogs(ontwikkeling, { isTTY: true })).toBe(true);
    expect(leesbareLogs(ontwikkeling, { isTTY: false })).toBe(false);
    expect(leesbareLogs(loadConfig({ NODE_ENV: 'production', EENVOUD_DEMO: 'false', EENVOUD_AUDIT_SLEUTEL: 'a'.repeat(64) }).logFormat, { isTTY: true })).toBe(false);
    expect(leesbareLogs(loadConfig({ LOG_FORMAT: 'json' }).logFormat, { isTTY: true })).toBe(false);
    expect(leesbareLogs(loadConfig({ LOG_FORMAT: 'pretty' }).logFormat, { isTTY: false })).toBe(true);
  });
});
