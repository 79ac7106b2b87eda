import { sql, type Kysely } from 'kysely';
import { luisterVia, type Luisteraar } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { inGemeente, type Actor, type Tx } from '../tenancy/tx.ts';

/**
 * Outbox (ADR 33): a use case queues a side effect (a letter, a message) as an `opdracht` in its own
 * transaction — it exists only when the use case commits — and a worker runs it afterwards, each in
 * its own transaction in the opdracht's gemeente, with retries and exponential backoff. The row lock
 * the worker holds while it runs an opdracht is the claim: a second worker passes it over (skip
 * locked), and a crashed worker's claim ends with its connection (the opdracht stays wachtend).
 */

export const KANAAL = 'eenvoud_opdrachten';
/** First retry after 30 s, then doubling, never more than an hour apart. */
export const EERSTE_WACHTTIJD_MS = 30_000;
export const MAX_WACHTTIJD_MS = 60 * 60_000;
export const STANDAARD_MAX_POGINGEN = 8;
/** An opdracht without a handler in this process is looked at again after this long. */
export const ZONDER_VERWERKER_WACHT_MS = 60_000;
const MAX_GEGEVENS_TEKENS = 4000;
const MAX_FOUT_TEKENS = 1000;

export interface NieuweOpdracht {
  /** What to do, e.g. 'voorziening.brief'; a handler for it is registered with registreerVerwerker. */
  soort: string;
  /** Ids and codes, never personal data: the handler reads what it needs under row-level security. */
  gegevens: object;
  /** Idempotent enqueue: with the same sleutel (per gemeente and soort) no second opdracht is added. */
  sleutel?: string;
  /** Not before this moment (default: at once after the commit). */
  nietVoor?: Date;
  maxPogingen?: number;
}

/**
 * Queues an opdracht in the caller's transaction (an `inGemeente` transaction: the gemeente is the
 * transaction's). Returns its id — with a sleutel that was already queued, the existing opdracht's id.
 */
export async function zetInWachtrij(tx: Tx, opdracht: NieuweOpdracht): Promise<string> {
  const gegevens = JSON.stringify(opdracht.gegevens);
  if (gegevens.length > MAX_GEGEVENS_TEKENS) throw new Error(`opdracht ${opdracht.soort}: gegevens groter dan ${MAX_GEGEVENS_TEKENS} tekens (alleen ids, geen inhoud)`);
  const rij = await tx.insertInto('opdrachten')
    .values({
      soort: opdracht.soort,
      gegevens,
      sleutel: opdracht.sleutel ?? null,
      ...(opdracht.nietVoor ? { volgende_poging: opdracht.nietVoor } : {}),
      ...(opdracht.maxPogingen ? { max_pogingen: opdracht.maxPogingen } : {}),
    })
    .onConflict((oc) => oc.columns(['gemeente_id', 'soort', 'sleutel']).where('sleutel', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (rij) return rij.id;
  const bestaand = await tx.selectFrom('opdrachten').select('id')
    .where('gemeente_id', '=', sql<string>`app_gemeente()`).where('soort', '=', opdracht.soort).where('sleutel', '=', opdracht.sleutel ?? '')
    .executeTakeFirstOrThrow();
  return bestaand.id;
}

// ---------------------------------------------------------------------------------------------
// Handlers

export interface OpdrachtContext {
  gemeenteId: string;
  opdrachtId: string;
  /** 1 for the first attempt. */
  poging: number;
  /** The system as actor, recognisable in the audit trail ("systeem (opdracht <soort>)", rol 'systeem'). */
  actor: Actor;
}

/** Runs one opdracht inside its own transaction; throwing rolls back what it wrote and schedules a retry. */
export type Verwerker<G = Record<string, unknown>> = (tx: Tx, gegevens: G, ctx: OpdrachtContext) => Promise<void>;

const verwerkers = new Map<string, Verwerker>();

/** Registers the handler of a soort (one per soort; a second registration replaces it). Returns a function that removes it again. */
export function registreerVerwerker<G = Record<string, unknown>>(soort: string, verwerker: Verwerker<G>): () => void {
  const v = verwerker as Verwerker; // the handler trusts what its own soort queued
  verwerkers.set(soort, v);
  return () => { if (verwerkers.get(soort) === v) verwerkers.delete(soort); };
}

/** The handler registered for a soort, if any. */
export function verwerkerVan(soort: string): Verwerker | undefined {
  return verwerkers.get(soort);
}

/** The actor of an opdracht: no user; the soort says which background task acted. */
export function systeemActor(gemeenteId: string, soort: string): Actor {
  return { gebruikerId: null, gebruikersnaam: `systeem (opdracht ${soort})`, gemeenteId, rollen: ['systeem'], rol: 'systeem', aanbiederId: null };
}

/** Wait before attempt `poging + 1` after attempt `poging` failed: 30 s × 2^(poging−1), at most an hour. */
export function wachttijdNa(poging: number): number {
  return Math.min(EERSTE_WACHTTIJD_MS * 2 ** Math.max(0, poging - 1), MAX_WACHTTIJD_MS);
}

// ---------------------------------------------------------------------------------------------
// The worker

export interface OpdrachtLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
const stil: OpdrachtLogger = { info: () => {}, warn: () => {}, error: () => {} };

export interface Verwerkt { gelukt: number; opnieuw: number; mislukt: number; zonderVerwerker: number }

type Uitkomst = keyof Verwerkt | 'overgeslagen';

/**
 * Runs every opdracht that is due now, over all gemeenten, until none is left (what a handler
 * queues for now runs in the same call). Tests call this after the request that queued something.
 */
export async function verwerkOpdrachten(db: Kysely<DB>, opts: { log?: OpdrachtLogger; perRonde?: number; maxRondes?: number } = {}): Promise<Verwerkt> {
  const log = opts.log ?? stil;
  const totaal: Verwerkt = { gelukt: 0, opnieuw: 0, mislukt: 0, zonderVerwerker: 0 };
  for (let ronde = 0; ronde < (opts.maxRondes ?? 100); ronde++) {
    const kandidaten = (await sql<{ id: string; gemeente_id: string }>`select id, gemeente_id from opdrachten_te_doen(${opts.perRonde ?? 20}::int)`.execute(db)).rows;
    if (kandidaten.length === 0) break;
    let iets = false;
    for (const k of kandidaten) {
      const uitkomst = await verwerkEen(db, k.id, k.gemeente_id, log);
      if (uitkomst !== 'overgeslagen') {
        totaal[uitkomst]++;
        iets = true;
      }
    }
    if (!iets) break; // all taken by another worker meanwhile
  }
  return totaal;
}

async function verwerkEen(db: Kysely<DB>, id: string, gemeenteId: string, log: OpdrachtLogger): Promise<Uitkomst> {
  return inGemeente(db, gemeenteId, async (tx) => {
    // The claim: locked until this transaction ends; another worker skips it.
    const o = (await sql<{ soort: string; gegevens: Record<string, unknown>; pogingen: number; max_pogingen: number }>`
      select soort, gegevens, pogingen, max_pogingen from opdrachten
      where id = ${id} and status = 'wachtend' and volgende_poging <= now()
      for update skip locked`.execute(tx)).rows[0];
    if (!o) return 'overgeslagen';
    const basis = { opdrachtId: id, gemeenteId, soort: o.soort };
    const verwerker = verwerkers.get(o.soort);
    if (!verwerker) {
      await tx.updateTable('opdrachten')
        .set({ laatste_fout: `Geen verwerker geregistreerd voor soort "${o.soort}"; de opdracht blijft wachten`, volgende_poging: sql<Date>`now() + ${`${ZONDER_VERWERKER_WACHT_MS} milliseconds`}::interval` })
        .where('id', '=', id).execute();
      log.warn({ event: 'opdracht_zonder_verwerker', ...basis }, 'opdracht_zonder_verwerker');
      return 'zonderVerwerker';
    }
    const poging = o.pogingen + 1;
    const start = Date.now();
    await sql`savepoint opdracht`.execute(tx);
    try {
      await verwerker(tx, o.gegevens, { gemeenteId, opdrachtId: id, poging, actor: systeemActor(gemeenteId, o.soort) });
    } catch (e) {
      // Undo what the handler wrote; keep the lock and record the attempt in the same transaction.
      await sql`rollback to savepoint opdracht`.execute(tx);
      const fout = (e instanceof Error ? e.message : String(e)).slice(0, MAX_FOUT_TEKENS) || 'onbekende fout';
      const definitief = poging >= o.max_pogingen;
      await tx.updateTable('opdrachten').set({
        pogingen: poging, laatste_fout: fout, gestart_op: sql<Date>`now()`,
        ...(definitief
          ? { status: 'mislukt' as const, klaar_op: sql<Date>`clock_timestamp()` }
          : { volgende_poging: sql<Date>`clock_timestamp() + ${`${wachttijdNa(poging)} milliseconds`}::interval` }),
      }).where('id', '=', id).execute();
      // The error's kind only: its text may name what the handler was working on; beheer reads it in the gemeente.
      log[definitief ? 'error' : 'warn']({
        event: 'opdracht_mislukt', ...basis, poging, maxPogingen: o.max_pogingen, definitief, fout: e instanceof Error ? e.name : typeof e, ms: Date.now() - start,
      }, 'opdracht_mislukt');
      return definitief ? 'mislukt' : 'opnieuw';
    }
    await sql`release savepoint opdracht`.execute(tx);
    await tx.updateTable('opdrachten')
      .set({ status: 'gelukt', pogingen: poging, laatste_fout: null, gestart_op: sql<Date>`now()`, klaar_op: sql<Date>`clock_timestamp()` })
      .where('id', '=', id).execute();
    log.info({ event: 'opdracht_gelukt', ...basis, poging, ms: Date.now() - start }, 'opdracht_gelukt');
    return 'gelukt';
  });
}

/**
 * The app's worker: looks for due opdrachten every `intervalMs` and at once when the database says
 * one was added or put back (NOTIFY at commit; on PGlite delivered in-process). Returns a stop
 * function that waits for the running round.
 */
export async function startOpdrachten(db: Kysely<DB>, log: OpdrachtLogger, opts: { intervalMs?: number } = {}): Promise<() => Promise<void>> {
  let bezig: Promise<void> | null = null;
  let nogEens = false;
  let gestopt = false;
  const ronde = (): void => {
    if (gestopt) return;
    if (bezig) { nogEens = true; return; }
    bezig = verwerkOpdrachten(db, { log })
      .then(() => undefined, (e: unknown) => { log.error({ event: 'opdrachten_fout', fout: e instanceof Error ? e.name : typeof e }, 'opdrachten_fout'); })
      .finally(() => {
        bezig = null;
        if (nogEens) { nogEens = false; ronde(); }
      });
  };
  const timer = setInterval(ronde, opts.intervalMs ?? 5000);
  timer.unref();
  let luisteraar: Luisteraar | null = null;
  const luister = luisterVia(db);
  if (luister) {
    // Without the nudge the poll still finds everything, a few seconds later.
    luisteraar = await luister(KANAAL, ronde, () => { luisteraar = null; }).catch(() => null);
  }
  ronde();
  return async () => {
    gestopt = true;
    clearInterval(timer);
    await luisteraar?.stop();
    await bezig;
  };
}

// ---------------------------------------------------------------------------------------------
// Beheer: the gemeente's own opdrachten (under row-level security, in an inGemeente transaction)

export type OpdrachtStatus = 'wachtend' | 'gelukt' | 'mislukt';

export interface OpdrachtOverzicht {
  id: string; soort: string; status: OpdrachtStatus; pogingen: number; maxPogingen: number; laatsteFout: string | null;
  aangemaaktOp: Date; volgendePoging: Date; gestartOp: Date | null; klaarOp: Date | null;
}

const OVERZICHT_KOLOMMEN = ['id', 'soort', 'status', 'pogingen', 'max_pogingen', 'laatste_fout', 'aangemaakt_op', 'volgende_poging', 'gestart_op', 'klaar_op'] as const;

function alsOverzicht(r: { id: string; soort: string; status: OpdrachtStatus; pogingen: number; max_pogingen: number; laatste_fout: string | null; aangemaakt_op: Date; volgende_poging: Date; gestart_op: Date | null; klaar_op: Date | null }): OpdrachtOverzicht {
  return {
    id: r.id, soort: r.soort, status: r.status, pogingen: r.pogingen, maxPogingen: r.max_pogingen, laatsteFout: r.laatste_fout,
    aangemaaktOp: r.aangemaakt_op, volgendePoging: r.volgende_poging, gestartOp: r.gestart_op, klaarOp: r.klaar_op,
  };
}

/** The gemeente's opdrachten of one status (or all), newest first; no gegevens (ids of dossiers). */
export async function lijstOpdrachten(tx: Tx, opts: { status: OpdrachtStatus | 'alle'; limiet: number }): Promise<{ opdrachten: OpdrachtOverzicht[]; aantallen: Record<OpdrachtStatus, number> }> {
  let q = tx.selectFrom('opdrachten').select(OVERZICHT_KOLOMMEN).orderBy('aangemaakt_op', 'desc').orderBy('id').limit(opts.limiet);
  if (opts.status !== 'alle') q = q.where('status', '=', opts.status);
  const rijen = await q.execute();
  const tellingen = await tx.selectFrom('opdrachten').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
  const aantallen: Record<OpdrachtStatus, number> = { wachtend: 0, gelukt: 0, mislukt: 0 };
  for (const t of tellingen) aantallen[t.status] = Number(t.n);
  return { opdrachten: rijen.map(alsOverzicht), aantallen };
}

export async function opdrachtOverzicht(tx: Tx, id: string): Promise<OpdrachtOverzicht | undefined> {
  const r = await tx.selectFrom('opdrachten').select(OVERZICHT_KOLOMMEN).where('id', '=', id).executeTakeFirst();
  return r && alsOverzicht(r);
}

/**
 * Puts a failed (or waiting) opdracht back to run now, with a fresh series of attempts. Locks the
 * row: an opdracht a worker is running right now is waited for. Returns undefined for an opdracht
 * that already succeeded (or does not exist in this gemeente).
 */
export async function zetOpdrachtOpnieuw(tx: Tx, id: string): Promise<{ voor: OpdrachtOverzicht; na: OpdrachtOverzicht } | 'gelukt' | undefined> {
  const voor = await tx.selectFrom('opdrachten').select(OVERZICHT_KOLOMMEN).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!voor) return undefined;
  if (voor.status === 'gelukt') return 'gelukt';
  const na = await tx.updateTable('opdrachten')
    .set({ status: 'wachtend', pogingen: 0, volgende_poging: sql<Date>`now()`, klaar_op: null })
    .where('id', '=', id).returning(OVERZICHT_KOLOMMEN).executeTakeFirstOrThrow();
  return { voor: alsOverzicht(voor), na: alsOverzicht(na) };
}
