import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { beheerRoutes } from './contexts/beheer/index.ts';
import { besluitRoutes } from './contexts/besluit/routes.ts';
import { casusOverzichtRoutes } from './contexts/besluit/casus-overzicht.ts';
import { catalogusRoutes } from './contexts/catalogus/routes.ts';
import { gesprekRoutes } from './contexts/gesprek/routes.ts';
import { inkoopRoutes } from './contexts/inkoop/routes.ts';
import { inwonersRoutes } from './contexts/inwoners/routes.ts';
import { registreerBrpStandin } from './contexts/inwoners/brp-standin.ts';
import { planRoutes } from './contexts/plan/routes.ts';
import { privacyRoutes } from './contexts/privacy/routes.ts';
import { inzageRoutes } from './contexts/privacy/inzage-routes.ts';
import { doorbraakRoutes } from './contexts/privacy/doorbraak-routes.ts';
import { delingenRoutes } from './contexts/privacy/delingen-routes.ts';
import { vernietigingRoutes } from './contexts/privacy/vernietiging-routes.ts';
import { sturingRoutes } from './contexts/sturing/routes.ts';
import { toegangPubliekRoutes } from './contexts/toegang/routes-publiek.ts';
import { toegangRoutes } from './contexts/toegang/routes.ts';
import { zoekenRoutes } from './contexts/zoeken/routes.ts';
import { voorzieningRoutes } from './contexts/voorziening/routes.ts';
import { berichtenRoutes } from './contexts/berichten/routes.ts';
import { financienRoutes } from './contexts/financien/routes.ts';
import { contractmanagementRoutes } from './contexts/contractmanagement/index.ts';
import { declaratieRoutes } from './contexts/berichten/declaratie-routes.ts';
import { authRoutes } from './platform/auth/routes.ts';
import type { Database } from './platform/db/database.ts';
import type { AnyRoute } from './platform/http/route.ts';
import { buildServer } from './platform/http/server.ts';
import { verwerkOpdrachten, zetInWachtrij, type NieuweOpdracht, type Verwerkt } from './platform/jobs/outbox.ts';
import { inGemeente } from './platform/tenancy/tx.ts';
import { waardelijstenRoute } from './waardelijsten.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * The outbox of this app's database (ADR 33), for tests and tools: run what is due now, or queue
     * an opdracht in a gemeente. The app's worker is started by main.ts, not here, so tests decide
     * when opdrachten run.
     */
    opdrachten: { verwerk(): Promise<Verwerkt>; inWachtrij(gemeenteCode: string, opdracht: NieuweOpdracht): Promise<string> };
  }
}

// EENVOUD_WEB_ROOT lets a second build (another checkout, a parallel test run) serve its own web/dist.
export const WEB_ROOT = process.env.EENVOUD_WEB_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'web', 'dist');

/** Every endpoint of Eenvoud, in journey order. The role test table walks this list. */
export const allRoutes: AnyRoute[] = [waardelijstenRoute, ...authRoutes, ...inwonersRoutes, ...toegangRoutes, ...toegangPubliekRoutes, ...catalogusRoutes, ...inkoopRoutes, ...gesprekRoutes, ...planRoutes, ...besluitRoutes, ...casusOverzichtRoutes, ...sturingRoutes, ...privacyRoutes, ...inzageRoutes, ...doorbraakRoutes, ...delingenRoutes, ...vernietigingRoutes, ...zoekenRoutes, ...beheerRoutes, ...voorzieningRoutes, ...berichtenRoutes, ...financienRoutes, ...contractmanagementRoutes, ...declaratieRoutes];

export async function buildApp(database: Database, config: Config, opts: { webRoot?: string; logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = await buildServer({
    deps: { db: database.db, config, databaseKind: database.kind },
    routes: allRoutes,
    ...(opts.webRoot ? { webRoot: opts.webRoot } : {}),
    ...(opts.logger !== undefined ? { logger: opts.logger } : {}),
  });
  app.decorate('opdrachten', {
    verwerk: () => verwerkOpdrachten(database.db, { log: app.log }),
    inWachtrij: async (gemeenteCode: string, opdracht: NieuweOpdracht) => {
      const g = await database.db.selectFrom('gemeenten').select('id').where('code', '=', gemeenteCode).executeTakeFirstOrThrow();
      return inGemeente(database.db, g.id, (tx) => zetInWachtrij(tx, opdracht));
    },
  });
  // Demo and test only: a BRP stand-in in the BRP's own shape (point BRP_API_URL at {this server}/brp-standin).
  if (config.demo) registreerBrpStandin(app, database.db);
  return app;
}
