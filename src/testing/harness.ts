import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { Factories } from '../demo/factories.ts';
import { seedDemo } from '../demo/seed.ts';
import { openPglite, openPostgres, type Database } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';

/**
 * A real Eenvoud for API tests: embedded PostgreSQL, or — when the project runs with
 * EENVOUD_TEST_DB=server — a fresh database on the server of TEST_DATABASE_URL, dropped afterwards.
 */
export async function openTestDatabase(
  soort: 'pglite' | 'server' = process.env.EENVOUD_TEST_DB === 'server' ? 'server' : 'pglite',
): Promise<{ database: Database; drop: () => Promise<void>; kind: string }> {
  if (soort !== 'server') {
    const database = await openPglite('memory://');
    return { database, drop: () => database.close(), kind: 'pglite' };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('Een test op de PostgreSQL-server vraagt om TEST_DATABASE_URL');
  const name = `eenvoud_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString(), 5);
  return {
    database,
    kind: 'postgres',
    drop: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  baseUrl: string;
  kind: string;
  login(gebruikersnaam: string, wachtwoord?: string): Promise<Client>;
  anonymous(): Client;
  close(): Promise<void>;
}

export async function startTestApp(): Promise<TestApp> {
  const { database, drop, kind } = await openTestDatabase();
  await migrate(database.db);
  await seedDemo(database.db, { nodeEnv: 'test' });
  const app = await buildApp(database, loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('geen poort');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    app, database, baseUrl, kind,
    anonymous: () => new Client(baseUrl),
    async login(gebruikersnaam, wachtwoord = 'demo') {
      const c = new Client(baseUrl);
      const r = await c.post('/api/v1/sessies', { gebruikersnaam, wachtwoord });
      if (r.status !== 200) throw new Error(`inloggen als ${gebruikersnaam} mislukt: ${r.status} ${JSON.stringify(r.body)}`);
      c.csrfToken = (r.body as { csrfToken: string }).csrfToken;
      return c;
    },
    async close() {
      await app.close();
      await drop();
    },
  };
}

export interface Response<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** An HTTP client with a cookie jar of one cookie (the session) and the CSRF token. */
export class Client {
  cookie: string | null = null;
  csrfToken: string | null = null;
  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(method: string, path: string, body?: unknown, opts: { csrf?: boolean; headers?: Record<string, string>; raw?: string } = {}): Promise<Response<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (opts.csrf !== false && this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    let payload: string | undefined;
    if (opts.raw !== undefined) payload = opts.raw;
    else if (body !== undefined) payload = JSON.stringify(body);
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(this.baseUrl + path, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = pair!.endsWith('=') ? null : pair!;
    }
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, headers: res.headers, body: (type.includes('json') && text ? JSON.parse(text) : text) as T };
  }

  get<T = unknown>(path: string) { return this.request<T>('GET', path); }
  post<T = unknown>(path: string, body?: unknown, opts?: { csrf?: boolean; headers?: Record<string, string>; raw?: string }) {
    return this.request<T>('POST', path, body, opts);
  }
  delete<T = unknown>(path: string, opts?: { csrf?: boolean }) { return this.request<T>('DELETE', path, undefined, opts); }
}

// The same factories as the demo gemeente, on another seed so new persons do not clash with it.
export const factories = new Factories(1000 + (process.pid % 1000));
export const nieuwBsn = () => factories.bsn();

export const voorbeeldMelding = (overrides: Record<string, unknown> = {}) => ({
  persoon: { bsn: nieuwBsn(), voornaam: 'Johanna', tussenvoegsel: 'van', achternaam: 'Dijk', geboortedatum: '1948-05-12' },
  wet: 'wmo',
  kanaal: 'telefoon',
  ontvangenOp: '2026-11-02',
  omschrijving: 'Mevrouw valt vaker en vraagt om hulp bij het douchen.',
  ...overrides,
});

const MIGRATIES = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

/**
 * A test database migrated up to, not including, migration `tot` (e.g. '0025'): the state of a
 * gemeente's database before that migration, to test what the migration does to existing rows.
 * `migrate(database.db)` then applies the rest; `drop` removes the database and the copied files.
 */
export async function databaseVoorMigratie(tot: string): Promise<{ database: Database; drop: () => Promise<void> }> {
  const { database, drop } = await openTestDatabase();
  const oud = mkdtempSync(join(tmpdir(), `eenvoud-voor-${tot}-`));
  for (const f of readdirSync(MIGRATIES).filter((f) => f < tot)) copyFileSync(join(MIGRATIES, f), join(oud, f));
  await migrate(database.db, oud);
  return {
    database,
    drop: async () => { rmSync(oud, { recursive: true, force: true }); await drop(); },
  };
}
