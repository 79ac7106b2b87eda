import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { plusDagen } from '../contexts/toegang/termijnen.ts';
import { zaaiBerichtenHistorie, zaaiDeclaraties, zaaiVerzoeken } from '../contexts/berichten/index.ts';
import { inGemeente } from '../platform/tenancy/tx.ts';
import { genereerGemeente, type GeneratorResultaat, type Voortgang } from './generator.ts';

/** Whether the history still has to be made (so the caller can say so before it starts). */
export async function demoHistorieNodig(db: Kysely<DB>): Promise<boolean> {
  const demodorp = await db.selectFrom('gemeenten').select('id').where('code', '=', 'demodorp').executeTakeFirst();
  if (!demodorp) return false;
  const gedaan = await db.selectFrom('gebruikers').select('id').where('gemeente_id', '=', demodorp.id).where('gebruikersnaam', '=', 'demodorp-regisseur1').executeTakeFirst();
  return !gedaan;
}

/**
 * Gives the demo gemeente Demodorp five years of history (20,000 residents) beside its hand-made
 * cases, so the steering dashboards look like a real municipality's on the first `npm start`.
 * Runs once: the generated staff (`demodorp-regisseur1`…) mark that it has been done. Only in
 * demo mode; the tests seed Demodorp without it.
 */
export async function zaaiDemoHistorie(db: Kysely<DB>, vandaag: string, inwoners = 20_000, voortgang?: Voortgang): Promise<GeneratorResultaat | null> {
  const demodorp = await db.selectFrom('gemeenten').select('id').where('code', '=', 'demodorp').executeTakeFirst();
  if (!demodorp) return null;
  const gedaan = await db.selectFrom('gebruikers').select('id').where('gemeente_id', '=', demodorp.id).where('gebruikersnaam', '=', 'demodorp-regisseur1').executeTakeFirst();
  if (gedaan) return null;
  const resultaat = await genereerGemeente(db, {
    code: 'demodorp', naam: 'Demodorp', inwoners, jaren: 5, seed: 2026, tot: plusDagen(vandaag, -1), wachtwoord: null, bestaandeGemeenteId: demodorp.id,
  }, voortgang);
  // The providers' message traffic of the last year, so the traffic pages show a real picture.
  const actor = { gebruikerId: null, gebruikersnaam: 'systeem (demohistorie)', gemeenteId: demodorp.id, rollen: [], rol: 'systeem', aanbiederId: null };
  await inGemeente(db, demodorp.id, (tx) => zaaiBerichtenHistorie(tx, { gemeenteId: demodorp.id, opdrachtId: 'demohistorie', poging: 1, actor }, {
    vanaf: plusDagen(vandaag, -270), tot: plusDagen(vandaag, -1), max: 500,
  }));
  // And the providers' verzoeken waiting for the regisseurs (one past its term, one in onderzoek, one refused).
  await inGemeente(db, demodorp.id, (tx) => zaaiVerzoeken(tx, demodorp.id, 6));
  // And the providers' declarations month by month since their care started, a few refused, credited or corrected.
  await inGemeente(db, demodorp.id, (tx) => zaaiDeclaraties(tx, demodorp.id, vandaag));
  return resultaat;
}
