import { buildApp, WEB_ROOT } from './app.ts';
import { ConfigError, describeSettings, loadConfig } from './config.ts';
import { appRolWaarschuwing, controleerAppRol, openDatabase, openPostgres } from './platform/db/database.ts';
import { startAuditSequencer } from './platform/audit/sequencer.ts';
import { migrate } from './platform/db/migrate.ts';
import { omvangWaarschuwing, schatOmvang } from './platform/db/omvang.ts';
import { vandaag } from './platform/time.ts';
import { demoHistorieNodig, zaaiDemoHistorie } from './demo/historie.ts';
import { voortgangsweergave } from './demo/voortgang.ts';
import { seedDemo } from './demo/seed.ts';
import { allJobs } from './jobs.ts';
import { deleteExpiredSessions } from './platform/auth/store.ts';
import { registreerTaken, startTaken } from './platform/jobs/runner.ts';
import { startOpdrachten } from './platform/jobs/outbox.ts';

if (process.argv.includes('--help')) {
  console.log('Eenvoud — instellingen (omgevingsvariabelen):');
  for (const s of describeSettings()) console.log(`  ${s.name.padEnd(22)} ${s.description}${s.secret ? ' (geheim)' : ''}`);
  process.exit(0);
}

let config;
try {
  config = loadConfig();
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}

const database = await openDatabase(config);
// Migrations and the demo seed run as the tables' owner; with DATABASE_MIGRATIE_URL the app itself does not own them.
const eigenaar = config.databaseMigratieUrl ? await openPostgres(config.databaseMigratieUrl, 2) : database;
const applied = await migrate(eigenaar.db);
const app = await buildApp(database, config, { webRoot: WEB_ROOT });
const rolWaarschuwing = appRolWaarschuwing(await controleerAppRol(database));
if (rolWaarschuwing) app.log.warn({ event: 'app_rol_onveilig' }, rolWaarschuwing);
if (applied.length) app.log.info({ event: 'migraties_uitgevoerd', migraties: applied }, 'migraties_uitgevoerd');
if (config.demo) {
  const seeded = await seedDemo(eigenaar.db, { nodeEnv: config.nodeEnv });
  if (seeded) app.log.info({ event: 'demogemeenten_gezaaid' }, 'demogemeenten_gezaaid');
  if (config.demoHistorie && await demoHistorieNodig(eigenaar.db)) {
    const start = Date.now();
    app.log.info({ event: 'demohistorie_start' }, 'Demodorp krijgt eenmalig vijf jaar geschiedenis (20.000 inwoners); dit duurt even…');
    // A bar per step on a terminal; plain log lines per quarter otherwise.
    const weergave = voortgangsweergave((tekst) => app.log.info({ event: 'demohistorie_voortgang' }, tekst));
    const h = await zaaiDemoHistorie(eigenaar.db, vandaag(), 20_000, weergave.voortgang).finally(weergave.stop);
    if (h) {
      app.log.info(
        { event: 'demohistorie_klaar', seconden: Math.round((Date.now() - start) / 1000), meldingen: h.tellingen.meldingen, pilotwijk: h.pilotWijk.naam },
        `Vijf jaar geschiedenis klaar in ${Math.round((Date.now() - start) / 1000)} s: ${(h.tellingen.meldingen ?? 0).toLocaleString('nl-NL')} meldingen; pilotwijk ${h.pilotWijk.naam}`,
      );
    }
  }
}
if (eigenaar !== database) await eigenaar.close();
// Embedded is for a demo, one team or a small gemeente: say so when it holds more (estimated, not counted).
const omvangTekst = database.kind === 'pglite' ? omvangWaarschuwing(database.kind, await schatOmvang(database.db)) : null;
if (omvangTekst) app.log.warn({ event: 'embedded_te_groot' }, omvangTekst);
await deleteExpiredSessions(database.db);
// Daily jobs (term signals); a job that never ran runs now, so a fresh start has today's signals.
const tick = await registreerTaken(database.db, allJobs, app.log);
const stopTaken = startTaken(tick, 60_000, app.log);
// The audit trail's sequencer: chains pending entries every few seconds and signs checkpoints.
const stopSequencer = startAuditSequencer(database.db, { sleutel: config.auditSleutel, log: app.log });
// The outbox's worker (ADR 33): side effects queued by use cases, run after their commit.
const stopOpdrachten = await startOpdrachten(database.db, app.log);

const shutdown = async (signal: string) => {
  app.log.info({ event: 'afsluiten', signal }, 'afsluiten');
  stopTaken();
  await stopSequencer();
  await stopOpdrachten();
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
app.log.info(
  { event: 'gestart', database: database.kind, demo: config.demo },
  `Eenvoud draait op http://localhost:${config.port} (${database.kind === 'pglite' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL-server'})`,
);
