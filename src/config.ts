import { isIP } from 'node:net';
import { z } from 'zod';
import { TEST_AUDIT_SLEUTEL, auditSleutelUitBestand } from './platform/audit/sleutel.ts';

/**
 * Configuration is a schema checked at start-up: every setting has a description, secrets are
 * marked, and a wrong value stops the process with a clear message instead of a surprise later.
 */
const settings = {
  PORT: { schema: z.coerce.number().int().min(0).max(65535).default(3000), description: 'TCP-poort van de webserver' },
  HOST: { schema: z.string().default('0.0.0.0'), description: 'Adres waarop de server luistert' },
  DATABASE_URL: {
    schema: z.string().url().optional(),
    description: 'PostgreSQL-server (15 of nieuwer), bijv. postgres://user:pw@host/db. Zonder: embedded PGlite',
    secret: true,
  },
  DATABASE_MIGRATIE_URL: {
    schema: z.string().url().optional(),
    description: 'Eigenaar van de tabellen op de PostgreSQL-server, alleen voor migraties (en het zaaien van de demo). Dan verbindt DATABASE_URL als een rol die alleen lid is van eenvoud_app en eenvoud_platform, geen eigenaar: zo kan de app de audittrail niet buiten de triggers om wijzigen',
    secret: true,
  },
  EENVOUD_AUDIT_SLEUTEL: {
    schema: z.string().min(32, 'Minstens 32 tekens (bijv. openssl rand -hex 32)').optional(),
    description: 'Geheime HMAC-sleutel waarmee de checkpoints van de audittrail worden ondertekend; staat niet in de database. Verplicht bij NODE_ENV=production; zonder wordt in ontwikkeling en demo eenmalig een sleutel gemaakt in <EENVOUD_DATA_DIR>/audit-sleutel (mode 600)',
    secret: true,
  },
  EENVOUD_DATA_DIR: { schema: z.string().default('./data'), description: 'Map voor de embedded database (alleen zonder DATABASE_URL)' },
  NODE_ENV: { schema: z.enum(['development', 'production', 'test']).default('development'), description: 'Omgeving' },
  EENVOUD_DEMO: {
    schema: z.enum(['true', 'false']).optional(),
    description: 'Demo-modus: zaait de demogemeenten en demo-gebruikers. Standaard aan, behalve bij NODE_ENV=production',
  },
  EENVOUD_DEMO_HISTORIE: {
    schema: z.enum(['true', 'false']).default('true'),
    description: 'In demo-modus: geef Demodorp bij de eerste start vijf jaar geschiedenis (20.000 inwoners) voor de sturingsdashboards',
  },
  SESSION_TTL_MINUTES: { schema: z.coerce.number().int().min(5).max(24 * 60).default(480), description: 'Maximale duur van een sessie in minuten' },
  TRUST_PROXY: {
    // Only the named hops are trusted: `true` trusting every X-Forwarded-For entry let one client pick its own IP.
    schema: z.string().default('false').refine((v) => parseTrustProxy(v) !== undefined,
      "Gebruik 'false', 'true' (één proxy), een aantal proxy's (bijv. 2) of adressen/CIDR's met komma's (bijv. 10.0.0.1,10.1.0.0/16)"),
    description: "Vertrouw X-Forwarded-* van de reverse proxy's vóór Eenvoud (nodig voor Secure-cookies en HSTS achter TLS): 'false', 'true' (één proxy), een aantal proxy's, of hun adressen/CIDR's met komma's",
  },
  LOG_LEVEL: { schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'), description: 'Logniveau' },
  LOG_FORMAT: {
    schema: z.enum(['pretty', 'json']).optional(),
    description: "Logvorm: 'pretty' (leesbare regels) of 'json'. Standaard leesbaar op een terminal, JSON bij NODE_ENV=production of zonder terminal",
  },
  BRP_API_URL: {
    schema: z.string().url().optional(),
    description: 'Haal Centraal BRP bevragen v2 (basis-URL, zonder /personen). Met BRP_API_KEY: personen, adressen, relaties en gezag komen uit de BRP',
  },
  BRP_API_KEY: { schema: z.string().min(1).optional(), description: 'API-sleutel voor de BRP (header X-API-KEY)', secret: true },
} as const;

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** The owner connection for migrations; undefined: DATABASE_URL (or PGlite) migrates itself. */
  databaseMigratieUrl: string | undefined;
  /** The HMAC key of the audit checkpoints (from configuration, the data folder in development, fixed in tests). */
  auditSleutel: string;
  dataDir: string;
  nodeEnv: 'development' | 'production' | 'test';
  demo: boolean;
  demoHistorie: boolean;
  sessionTtlMinutes: number;
  /** false, the number of proxy hops in front of the app, or the proxies' addresses/CIDRs (never "trust everyone"). */
  trustProxy: false | number | string[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** 'auto': readable lines when stdout is a terminal outside production, JSON otherwise (decided at start). */
  logFormat: 'pretty' | 'json' | 'auto';
  /** The BRP connection; undefined when the gemeente has none (persons are then typed in). */
  brp: { url: string; apiKey: string } | undefined;
}

export class ConfigError extends Error {}

/** TRUST_PROXY: 'true' means one hop (the proxy next to the app); undefined when the value is not understood. */
export function parseTrustProxy(v: string): Config['trustProxy'] | undefined {
  const w = v.trim();
  if (w === 'false' || w === '' || w === '0') return false;
  if (w === 'true') return 1;
  if (/^\d{1,2}$/.test(w)) return Number(w);
  const delen = w.split(',').map((d) => d.trim()).filter((d) => d !== '');
  const geldig = (d: string) => {
    if (['loopback', 'linklocal', 'uniquelocal'].includes(d)) return true;
    const [adres, prefix, ...rest] = d.split('/');
    if (rest.length > 0 || !adres) return false;
    const familie = isIP(adres);
    if (familie === 0) return false;
    return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (familie === 4 ? 32 : 128));
  };
  return delen.length > 0 && delen.every(geldig) ? delen : undefined;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const shape = Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, v.schema]));
  const parsed = z.object(shape).safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Ongeldige configuratie:\n${lines.join('\n')}`);
  }
  const v = parsed.data as {
    PORT: number; HOST: string; DATABASE_URL?: string; DATABASE_MIGRATIE_URL?: string; EENVOUD_AUDIT_SLEUTEL?: string; EENVOUD_DATA_DIR: string; NODE_ENV: Config['nodeEnv'];
    EENVOUD_DEMO?: 'true' | 'false'; EENVOUD_DEMO_HISTORIE: 'true' | 'false'; SESSION_TTL_MINUTES: number; TRUST_PROXY: string; LOG_LEVEL: Config['logLevel'];
    LOG_FORMAT?: 'pretty' | 'json';
    BRP_API_URL?: string; BRP_API_KEY?: string;
  };
  if ((v.BRP_API_URL === undefined) !== (v.BRP_API_KEY === undefined)) {
    throw new ConfigError('Ongeldige configuratie:\n  BRP_API_URL en BRP_API_KEY horen bij elkaar: zet ze allebei, of geen van beide.');
  }
  const demo = v.EENVOUD_DEMO ? v.EENVOUD_DEMO === 'true' : v.NODE_ENV !== 'production';
  if (demo && v.NODE_ENV === 'production') {
    throw new ConfigError('Demo-modus (met demo-gebruikers) is niet toegestaan bij NODE_ENV=production.');
  }
  if (v.NODE_ENV === 'production' && !v.EENVOUD_AUDIT_SLEUTEL) {
    throw new ConfigError('Ongeldige configuratie:\n  EENVOUD_AUDIT_SLEUTEL ontbreekt: zonder geheime sleutel zijn de checkpoints van de audittrail niet te ondertekenen. Maak er een met `openssl rand -hex 32` en bewaar hem buiten de database.');
  }
  if (v.DATABASE_MIGRATIE_URL && !v.DATABASE_URL) {
    throw new ConfigError('Ongeldige configuratie:\n  DATABASE_MIGRATIE_URL hoort bij DATABASE_URL: zet ook de verbinding van de app zelf.');
  }
  const auditSleutel = v.EENVOUD_AUDIT_SLEUTEL ?? (v.NODE_ENV === 'test' ? TEST_AUDIT_SLEUTEL : auditSleutelUitBestand(v.EENVOUD_DATA_DIR));
  return {
    port: v.PORT,
    host: v.HOST,
    databaseUrl: v.DATABASE_URL,
    databaseMigratieUrl: v.DATABASE_MIGRATIE_URL,
    auditSleutel,
    dataDir: v.EENVOUD_DATA_DIR,
    nodeEnv: v.NODE_ENV,
    demo,
    demoHistorie: demo && v.EENVOUD_DEMO_HISTORIE === 'true',
    sessionTtlMinutes: v.SESSION_TTL_MINUTES,
    trustProxy: parseTrustProxy(v.TRUST_PROXY)!,
    logLevel: v.LOG_LEVEL,
    logFormat: v.LOG_FORMAT ?? (v.NODE_ENV === 'production' ? 'json' : 'auto'),
    brp: v.BRP_API_URL && v.BRP_API_KEY ? { url: v.BRP_API_URL, apiKey: v.BRP_API_KEY } : undefined,
  };
}

/** For the README and `--help`: every setting with its description. */
export function describeSettings(): { name: string; description: string; secret: boolean }[] {
  return Object.entries(settings).map(([name, s]) => ({ name, description: s.description, secret: 'secret' in s && s.secret === true }));
}
