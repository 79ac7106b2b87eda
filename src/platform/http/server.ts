import { existsSync } from 'node:fs';
import { constants as zlib } from 'node:zlib';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { SESSION_COOKIE } from '../auth/session-cookie.ts';
import { startSessieCache } from '../auth/sessie-cache.ts';
import { findSession, type SessionInfo } from '../auth/store.ts';
import type { Actor } from '../tenancy/tx.ts';
import { NUL_REDEN, veldenMetNul } from './invoer.ts';
import { Problem, type InvalidParam } from './problem.ts';
import { buildOpenApi } from './openapi.ts';
import type { AnyRoute, AppDeps } from './route.ts';

export const API_BASE = '/api/v1';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionInfo | null;
  }
}

// Zod's messages in Dutch, for every schema in the app.
z.config(z.locales.nl());

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** One message per field, the first: a person fixes one thing at a time. */
function invalidParams(error: z.ZodError): InvalidParam[] {
  const seen = new Map<string, InvalidParam>();
  for (const i of error.issues) {
    const name = i.path.map(String).join('.') || '(body)';
    if (!seen.has(name)) seen.set(name, { name, code: i.code, reason: i.message });
  }
  return [...seen.values()];
}

function sendProblem(reply: FastifyReply, request: FastifyRequest, p: Problem) {
  if (p.headers) reply.headers(p.headers);
  return reply.status(p.status).type('application/problem+json').send(p.toBody(request.url.split('?')[0]));
}

function toOpenApiPath(path: string) {
  return path; // already written as /meldingen/{id}
}

function toFastifyPath(path: string) {
  return API_BASE + path.replace(/\{(\w+)\}/g, ':$1');
}

/** Route config: whether a route is public (no session), which decides how its answer may be cached. */
interface RouteCache {
  publiek: boolean;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * One place decides what a browser or proxy may keep. Everything behind a login can carry personal
 * data (JSON, PDF, problems) and is never stored; only public GETs (the gemeente's name, the public
 * catalogue, the house style) may be kept, and must be checked again. Hashed assets never change.
 */
function cacheControl(request: FastifyRequest, reply: FastifyReply): string {
  const path = request.url.split('?')[0]!;
  if (path.startsWith('/api/')) {
    const publiek = (request.routeOptions.config as Partial<RouteCache> | undefined)?.publiek === true
      || path === `${API_BASE}/openapi.json` || path === `${API_BASE}/health`;
    if (!publiek || request.method !== 'GET' || reply.statusCode >= 400) return 'no-store';
    const eigen = reply.getHeader('cache-control');
    return typeof eigen === 'string' ? eigen : 'no-cache';
  }
  if (path.startsWith('/assets/') && reply.statusCode === 200) return IMMUTABLE;
  // index.html, the SPA fallback and the other files at the root: always ask for the latest.
  return 'no-cache';
}

/**
 * Readable log lines for a person at a terminal (time, level, message, the fields on one line);
 * JSON for machines (production, a container, a log file). pino-pretty runs in a worker thread.
 */
const PRETTY = {
  target: 'pino-pretty',
  options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', singleLine: true, colorize: true },
};

export function leesbareLogs(format: Config['logFormat'], stdout: { isTTY?: boolean } = process.stdout): boolean {
  return format === 'pretty' || (format === 'auto' && stdout.isTTY === true);
}

/**
 * A number of hops trusts the peer and the hops behind it, counted from the right of X-Forwarded-For
 * (Fastify itself trusts nothing for a bare number). Never `true`: that takes the leftmost address,
 * which the client writes itself. Hop counting assumes the app is only reachable through the proxy;
 * addresses/CIDRs are checked against the peer.
 */
function trustProxy(t: Config['trustProxy']): false | string[] | ((adres: string, hop: number) => boolean) {
  if (typeof t === 'number') return t > 0 ? (_adres, hop) => hop < t : false;
  return t;
}

export interface ServerOptions {
  deps: AppDeps;
  routes: AnyRoute[];
  /** Folder with the built web app (web/dist); served with SPA fallback when present. */
  webRoot?: string;
  logger?: boolean | { level: string };
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const { deps, routes } = opts;
  const app = Fastify({
    trustProxy: trustProxy(deps.config.trustProxy),
    bodyLimit: 1024 * 1024,
    logger: opts.logger === false ? false : {
      level: deps.config.logLevel,
      // Never log query strings or bodies: they can carry a BSN.
      serializers: {
        req: (req: FastifyRequest) => ({ method: req.method, url: req.url.split('?')[0] }),
      },
      ...(leesbareLogs(deps.config.logFormat) ? { transport: PRETTY } : {}),
    },
  });

  // gzip and brotli for JSON, HTML, JS and CSS. Brotli at quality 4: responses are compressed per
  // request, and on the API's typical 1–2 KB JSON quality 5 costs twice the CPU for 4 % smaller (ADR 28).
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await app.register(cookie);
  // The API speaks JSON only; anything else is a clear 415.
  app.removeContentTypeParser('text/plain');
  // Except the iWmo/iJw messages (POST /berichten): kept as bytes, read as hostile XML by the context.
  // iWmo/iJw messages: a month's declaration of a large provider is several MB (the XML reader bounds it again, ADR 40).
  app.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'buffer', bodyLimit: 8 * 1024 * 1024 }, (_req, body, done) => { done(null, body); });
  app.decorateRequest('session', null);
  // Sessions from memory while this app runs, dropped at once on logout or an account change (ADR 28).
  const stopSessieCache = await startSessieCache(deps.db, app.log);
  app.addHook('onClose', async () => { await stopSessieCache(); });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error instanceof Problem) return sendProblem(reply, request, error);
    const status = error.statusCode ?? 500;
    if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendProblem(reply, request, new Problem('verzoek-te-groot', 'Het verzoek is groter dan 1 MB.'));
    }
    if (status === 415 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendProblem(reply, request, new Problem('mediatype-niet-ondersteund', 'Stuur de gegevens als JSON met Content-Type: application/json.'));
    }
    if (error.code === '23505') {
      // Two requests raced to create the same thing (e.g. the same new BSN): the loser may retry.
      return sendProblem(reply, request, new Problem('conflict', 'Dezelfde gegevens werden tegelijk door iemand anders opgeslagen. Probeer het opnieuw.'));
    }
    if (error.code === '23503' || error.code === '22008' || error.code === '22007' || error.code === '22P02' || error.code === '22003') {
      // A reference or value the database cannot accept slipped past the schemas: the caller's input, not our fault.
      request.log.warn({ event: 'invoer_door_database_geweigerd', code: error.code }, 'invoer_door_database_geweigerd');
      return sendProblem(reply, request, new Problem('ongeldige-invoer', 'Een of meer waarden bestaan niet of passen niet. Controleer de invoer.'));
    }
    if (status >= 400 && status < 500) {
      return sendProblem(reply, request, new Problem('ongeldige-json', 'Het verzoek kon niet worden gelezen. Stuur geldige JSON.'));
    }
    request.log.error({ event: 'interne_fout', err: error }, 'interne_fout');
    return sendProblem(reply, request, new Problem('interne-fout', 'Probeer het later opnieuw. Blijft het misgaan, neem dan contact op met de functioneel beheerder.'));
  });

  for (const route of routes) {
    app.route({
      method: route.method,
      url: toFastifyPath(route.path),
      config: { publiek: route.access.kind === 'public' } satisfies RouteCache,
      handler: async (request, reply) => {
        let actor: Actor | null = null;
        if (route.access.kind === 'roles') {
          const token = request.cookies[SESSION_COOKIE];
          const session = token ? await findSession(deps.db, token) : undefined;
          if (!session) throw new Problem('niet-ingelogd', 'Log in om verder te gaan.');
          request.session = session;
          const rol = route.access.roles.find((r) => session.account.rollen.includes(r));
          if (!rol) throw new Problem('geen-toegang', 'Uw rol geeft geen toegang tot deze functie.');
          if (STATE_CHANGING.has(route.method) && !route.csrfExempt) {
            const header = request.headers['x-csrf-token'];
            if (typeof header !== 'string' || header !== session.csrfToken) {
              throw new Problem('csrf-token-ongeldig', 'Vernieuw de pagina en probeer het opnieuw.');
            }
          }
          actor = {
            gebruikerId: session.account.id, gebruikersnaam: session.account.gebruikersnaam, gemeenteId: session.account.gemeenteId,
            rollen: session.account.rollen, rol, aanbiederId: session.account.aanbiederId,
          };
        }
        let params: unknown = request.params;
        if (route.params) {
          const r = route.params.safeParse(request.params);
          // A malformed id cannot exist: answer as for any unknown resource.
          if (!r.success) throw new Problem('niet-gevonden', 'Dit bestaat niet of u heeft er geen toegang toe.');
          params = r.data;
        }
        const nul = [...veldenMetNul(request.query), ...veldenMetNul(request.body)];
        if (nul.length > 0) {
          throw new Problem('ongeldige-invoer', 'Een of meer velden bevatten een ongeldig teken.', nul.map((name) => ({ name, code: 'nul-teken', reason: NUL_REDEN })));
        }
        let query: unknown = request.query;
        if (route.query) {
          const r = route.query.safeParse(request.query ?? {});
          if (!r.success) throw new Problem('ongeldige-invoer', 'Een of meer zoekparameters kloppen niet.', invalidParams(r.error));
          query = r.data;
        }
        let body: unknown = request.body;
        if (route.body) {
          const r = route.body.safeParse(request.body ?? {});
          if (!r.success) throw new Problem('ongeldige-invoer', 'Een of meer velden zijn niet goed ingevuld.', invalidParams(r.error));
          body = r.data;
        }
        const result = await route.handler({ body, query, params, actor, deps, request, reply });
        if (result.headers) reply.headers(result.headers);
        reply.status(result.status ?? 200);
        if (result.body === undefined) return reply.send();
        return reply.send(result.body);
      },
    });
  }

  const openapi = buildOpenApi(routes, API_BASE, toOpenApiPath);
  app.get(`${API_BASE}/openapi.json`, async () => openapi);
  app.get(`${API_BASE}/health`, async () => ({ status: 'ok' }));

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    // A missing hashed asset (an old build) must not get index.html, which would then be cached as immutable.
    if (path.startsWith('/api/') || path.startsWith('/assets/')) {
      return sendProblem(reply, request, new Problem('niet-gevonden', `Er is geen API-functie ${request.method} ${path}.`));
    }
    if (opts.webRoot && existsSync(opts.webRoot) && (request.method === 'GET' || request.method === 'HEAD')) {
      // The web app routes on the client: every page path gets index.html.
      return reply.type('text/html').sendFile('index.html');
    }
    return sendProblem(reply, request, new Problem('niet-gevonden', 'Deze pagina bestaat niet.'));
  });

  if (opts.webRoot && existsSync(opts.webRoot)) {
    // Cache-Control comes from the hook below, not from @fastify/static's default `max-age=0`.
    await app.register(fastifyStatic, { root: opts.webRoot, prefix: '/', wildcard: false, index: ['index.html'], cacheControl: false });
  }

  app.addHook('onSend', async (request, reply) => {
    reply.header('cache-control', cacheControl(request, reply));
    // Over TLS (directly, or via a trusted proxy's X-Forwarded-Proto) the browser must never fall back to plain http.
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header('content-security-policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
  });

  return app;
}
