import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';
import { DemoInProductionError, seedDemo } from './demo/seed.ts';
import type { DB } from './platform/db/schema.ts';

describe('configuratie', () => {
  it('heeft veilige standaarden: poort 3000, data in ./data, demo-modus buiten productie', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, dataDir: './data', demo: true, databaseUrl: undefined });
  });

  it('PORT, EENVOUD_DATA_DIR en DATABASE_URL worden overgenomen', () => {
    const c = loadConfig({ PORT: '8080', EENVOUD_DATA_DIR: '/tmp/x', DATABASE_URL: 'postgres://a:b@localhost/c' });
    expect(c).toMatchObject({ port: 8080, dataDir: '/tmp/x', databaseUrl: 'postgres://a:b@localhost/c' });
  });

  it('een ongeldige waarde stopt de start met een duidelijke melding', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });

  it('in productie staat de demo-modus uit, en aanzetten wordt geweigerd', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).demo).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production', EENVOUD_DEMO: 'true' })).toThrow(/niet toegestaan/);
  });

  it('demo-gebruikers zaaien wordt geweigerd bij NODE_ENV=production', async () => {
    await expect(seedDemo({} as Kysely<DB>, { nodeEnv: 'production' })).rejects.toThrow(DemoInProductionError);
  });
});
