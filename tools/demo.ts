/**
 * Fills a demo gemeente of any size with years of history:
 *   npm run demo -- --inwoners 100000 --jaren 5 --seed 42 [--code groot] [--naam "Grootstad"]
 * Uses the same database settings as the app (DATABASE_URL or EENVOUD_DATA_DIR).
 */
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadConfig } from '../src/config.ts';
import { genereerGemeente } from '../src/demo/generator.ts';
import { GENERATOR_APP } from '../src/demo/laden.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { vandaag } from '../src/platform/time.ts';

const { values } = parseArgs({
  options: {
    inwoners: { type: 'string', default: '20000' },
    jaren: { type: 'string', default: '5' },
    seed: { type: 'string', default: '42' },
    code: { type: 'string' },
    naam: { type: 'string' },
    tot: { type: 'string' },
  },
});
const inwoners = Number(values.inwoners);
const jaren = Number(values.jaren);
const seed = Number(values.seed);
if (!Number.isInteger(inwoners) || inwoners < 100 || !Number.isInteger(jaren) || jaren < 1 || jaren > 20 || !Number.isInteger(seed)) {
  console.error('Gebruik: npm run demo -- --inwoners 100000 --jaren 5 --seed 42 (inwoners ≥ 100, jaren 1–20)');
  process.exit(2);
}
const config = loadConfig();
const code = values.code ?? `demo-${inwoners}-${seed}`;
const naam = values.naam ?? `Demostad ${inwoners.toLocaleString('nl-NL')}`;

// Our own sessions carry this name: a session without it means someone else uses the database (ADR 30).
process.env.PGAPPNAME = GENERATOR_APP;
const database = await openDatabase({ ...config, bulk: true });
await migrate(database.db);
if (await database.db.selectFrom('gemeenten').select('id').where('code', '=', code).executeTakeFirst()) {
  console.error(`De gemeente '${code}' bestaat al. Kies een andere --code of --seed.`);
  process.exit(2);
}
const balk = new cliProgress.SingleBar({ format: '{stap} |{bar}| {value}/{total}', hideCursor: true }, cliProgress.Presets.shades_classic);
let huidige = '';
const start = Date.now();
let stapStart = start;
const duren: string[] = [];
const r = await genereerGemeente(database.db, {
  code, naam, inwoners, jaren, seed, tot: values.tot ?? vandaag(), wachtwoord: config.demo ? 'demo' : null,
  // COPY needs the tables' owner: the migration connection when the app runs as a lesser role.
  databaseUrl: config.databaseMigratieUrl ?? config.databaseUrl,
}, (stap, gedaan, totaal) => {
  if (stap !== huidige) {
    if (huidige) {
      balk.stop();
      duren.push(`${huidige}: ${((Date.now() - stapStart) / 1000).toFixed(1)} s`);
    }
    stapStart = Date.now();
    huidige = stap;
    balk.start(totaal, gedaan, { stap: stap.padEnd(26) });
  } else balk.update(gedaan);
});
balk.stop();
duren.push(`${huidige}: ${((Date.now() - stapStart) / 1000).toFixed(1)} s`);
console.log(duren.join('\n'));
console.log(`Gemeente '${naam}' (${code}) gevuld in ${((Date.now() - start) / 1000).toFixed(1)} s (laden via ${r.laadwijze}):`);
for (const [tabel, n] of Object.entries(r.tellingen)) console.log(`  ${tabel.padEnd(24)} ${n.toLocaleString('nl-NL')}`);
console.log(`Tijd in de database (s): ${Object.entries(r.laadtijden).map(([t, s]) => `${t} ${s.toFixed(1)}`).join(', ')}`);
console.log(`Pilotwijk (werkt anders vanaf ${r.pilotWijk.vanaf}, voor de pilotmonitor): ${r.pilotWijk.naam}`);
if (config.demo) console.log(`Inloggen als ${code}-regisseur1, ${code}-beslisser1, ${code}-beleid of ${code}-teamleider met wachtwoord demo.`);
await database.close();
