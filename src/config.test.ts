import type { Kysely } from 'kysely';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';
import { DemoInProductionError, seedDemo } from './demo/seed.ts';
import type { DB } from './platform/db/schema.ts';

const SLEUTEL = 'a'.repeat(64);

describe('configuratie', () => {
  it('heeft veilige standaarden: poort 3000, data in ./data, demo-modus buiten productie', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, dataDir: './data', demo: true, databaseUrl: undefined });
  });

  it('PORT, EENVOUD_DATA_DIR en DATABASE_URL worden overgenomen', () => {
    const c = loadConfig({ PORT: '8080', EENVOUD_DATA_DIR: '/tmp/x', EENVOUD_AUDIT_SLEUTEL: SLEUTEL, DATABASE_URL: 'postgres://a:b@localhost/c' });
    expect(c).toMatchObject({ port: 8080, dataDir: '/tmp/x', databaseUrl: 'postgres://a:b@localhost/c' });
  });

  it('een ongeldige waarde stopt de start met een duidelijke melding', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });

  it('in productie staat de demo-modus uit, en aanzetten wordt geweigerd', () => {
    expect(loadConfig({ NODE_ENV: 'production', EENVOUD_AUDIT_SLEUTEL: SLEUTEL }).demo).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production', EENVOUD_AUDIT_SLEUTEL: SLEUTEL, EENVOUD_DEMO: 'true' })).toThrow(/niet toegestaan/);
  });

  it('de sleutel van de audit-checkpoints: verplicht in productie, vast in tests, in ontwikkeling eenmalig in de datamap (mode 600)', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/EENVOUD_AUDIT_SLEUTEL ontbreekt/);
    expect(() => loadConfig({ EENVOUD_AUDIT_SLEUTEL: 'te kort' })).toThrow(/EENVOUD_AUDIT_SLEUTEL/);
    expect(loadConfig({ NODE_ENV: 'production', EENVOUD_AUDIT_SLEUTEL: SLEUTEL }).auditSleutel).toBe(SLEUTEL);
    expect(loadConfig({ NODE_ENV: 'test' }).auditSleutel).toBe(loadConfig({ NODE_ENV: 'test' }).auditSleutel);
    const map = mkdtempSync(join(tmpdir(), 'eenvoud-sleutel-'));
    const eerste = loadConfig({ EENVOUD_DATA_DIR: map }).auditSleutel;
    expect(eerste).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(join(map, 'audit-sleutel')).mode & 0o777).toBe(0o600);
    expect(loadConfig({ EENVOUD_DATA_DIR: map }).auditSleutel).toBe(eerste);
    rmSync(map, { recursive: true });
  });

  it('demo-gebruikers zaaien wordt geweigerd bij NODE_ENV=production', async () => {
    await expect(seedDemo({} as Kysely<DB>, { nodeEnv: 'production' })).rejects.toThrow(DemoInProductionError);
  });
});
