import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.ts';
import { inGemeente, type Actor, type Tx } from '../tenancy/tx.ts';
import {
  CHECKPOINT_RESOURCE, GENESIS_HASH, beoordeelCheckpoints, checkpointHandtekening, entryHash, verifyRun,
  type AuditEntry, type Bevinding, type ChainBreak, type Checkpoint,
} from './rules.ts';

export interface AuditRecord {
  actie: AuditEntry['actie'];
  resourceType: string;
  resourceId: string;
  persoonId: string | null;
  doel: string;
}

/**
 * Appends entries inside the caller's transaction, so the action and its trail commit or roll back
 * together. Content only, no lock: the entries are pending until the sequencer (`ketenBij`) gives
 * them their place in the gemeente's chain, so audited reads of one gemeente never wait on each other.
 */
export async function appendAudit(tx: Tx, actor: Actor, records: readonly AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  const moment = new Date().toISOString();
  // One array per varying column: one statement text whatever the number of entries (prepared once),
  // and 5 parameters instead of 10 per entry (a page of 50 rows built 500 before: ~1.7 ms of CPU).
  // The entries get their ids in the order given (ordinality).
  await sql`insert into auditlog (gemeente_id, moment, gebruiker_id, gebruikersnaam, rol, actie, resource_type, resource_id, persoon_id, doel)
    select ${actor.gemeenteId}::uuid, ${moment}::timestamptz, ${actor.gebruikerId}::uuid, ${actor.gebruikersnaam}::text, ${actor.rol}::text,
      u.actie, u.resource_type, u.resource_id, u.persoon_id, u.doel
    from unnest(${records.map((r) => r.actie)}::text[], ${records.map((r) => r.resourceType)}::text[], ${records.map((r) => r.resourceId)}::text[],
      ${records.map((r) => r.persoonId)}::uuid[], ${records.map((r) => r.doel)}::text[]) with ordinality as u(actie, resource_type, resource_id, persoon_id, doel, n)
    order by u.n`.execute(tx);
}

/**
 * The same entries as appendAudit, one per person, written by the query that reads those persons
 * (a data-modifying CTE, ADR 28): `personen` is a select whose rows carry `persoon_id`, in the order
 * the entries get their ids. Put it in a `with` of the read; PostgreSQL runs it once and to completion
 * whether or not the read uses its output. Saves the separate insert's round trip on audited reads.
 */
export function auditPerPersoon(actor: Actor, r: Omit<AuditRecord, 'persoonId'>, personen: RawBuilder<unknown>, moment = new Date().toISOString()): RawBuilder<unknown> {
  return sql`insert into auditlog (gemeente_id, moment, gebruiker_id, gebruikersnaam, rol, actie, resource_type, resource_id, persoon_id, doel)
    select ${actor.gemeenteId}::uuid, ${moment}::timestamptz, ${actor.gebruikerId}::uuid, ${actor.gebruikersnaam}::text, ${actor.rol}::text,
      ${r.actie}::text, ${r.resourceType}::text, ${r.resourceId}::text, a.persoon_id, ${r.doel}::text
    from (${personen}) a returning id`;
}

/** An entry as stored; `volgnummer`, `vorigeHash` and `hash` are null while it waits for the sequencer. */
export interface AuditRow extends Omit<AuditEntry, 'volgnummer' | 'vorigeHash'> {
  volgnummer: number | null;
  vorigeHash: string | null;
  hash: string | null;
}

type Rij = {
  id: number; gemeente_id: string; volgnummer: number | null; moment: Date; gebruiker_id: string | null; gebruikersnaam: string; rol: string;
  actie: string; resource_type: string; resource_id: string; persoon_id: string | null; doel: string; vorige_hash: string | null; hash: string | null;
};

const toRow = (r: Rij): AuditRow => ({
  gemeenteId: r.gemeente_id, volgnummer: r.volgnummer === null ? null : Number(r.volgnummer), moment: new Date(r.moment).toISOString(),
  gebruikerId: r.gebruiker_id, gebruikersnaam: r.gebruikersnaam, rol: r.rol, actie: r.actie as AuditEntry['actie'], resourceType: r.resource_type,
  resourceId: r.resource_id, persoonId: r.persoon_id, doel: r.doel, vorigeHash: r.vorige_hash, hash: r.hash,
});

/** A person's trail, newest first: entries still waiting for the sequencer first, then the chain. */
export async function listForPerson(tx: Tx, persoonId: string, limit: number, voor?: number): Promise<AuditRow[]> {
  let q = tx.selectFrom('auditlog').selectAll().where('persoon_id', '=', persoonId);
  if (voor !== undefined) q = q.where('volgnummer', '<', voor);
  const rows = await q.orderBy(sql`volgnummer desc nulls first`).orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toRow);
}

// ---------------------------------------------------------------------------------------------
// The sequencer

/** Who writes a checkpoint's own entry in the trail. */
export const SEQUENCER_ACTOR = (gemeenteId: string): Actor => ({
  gebruikerId: null, gebruikersnaam: 'systeem (audit-sequencer)', gemeenteId, rollen: ['systeem'], rol: 'systeem', aanbiederId: null,
});

export interface AuditLogger { info(obj: object, msg: string): void }

export interface KetenOpties {
  /** The HMAC key of the checkpoints. */
  sleutel: string;
  log: AuditLogger;
  /** Entries per transaction (one short lock each). */
  batch?: number;
  /** Write a checkpoint when the last one is older than this (ms), or at once with `checkpoint: 'nu'`. */
  checkpointNaMs?: number;
  checkpoint?: 'als-tijd' | 'nu' | 'nooit';
  /** false: give up at once when another sequencer holds this gemeente (the background loop); true: wait (before reading). */
  wacht?: boolean;
}

export const CHECKPOINT_NA_MS = 60_000;

const slot = (gemeenteId: string) => sql`hashtextextended(${'audit:' + gemeenteId}, 0)`;

/**
 * Chains the gemeente's committed pending entries in order of their id, in batches, each batch in
 * its own transaction under a per-gemeente advisory lock (so one sequencer at a time, across app
 * processes; appenders never take it). After the last batch, writes a checkpoint when one is due.
 * Returns how many entries were chained, or null when another sequencer had the lock and `wacht` is false.
 */
export async function ketenBij(db: Kysely<DB>, gemeenteId: string, opts: KetenOpties): Promise<number | null> {
  const batch = opts.batch ?? 1000;
  let totaal = 0;
  for (;;) {
    const n = await inGemeente(db, gemeenteId, async (tx) => {
      if (opts.wacht === false) {
        const r = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${slot(gemeenteId)}) as ok`.execute(tx);
        if (!r.rows[0]?.ok) return null;
      } else {
        await sql`select pg_advisory_xact_lock(${slot(gemeenteId)})`.execute(tx);
      }
      const gekoppeld = await koppelBatch(tx, gemeenteId, batch);
      if (gekoppeld < batch && opts.checkpoint !== 'nooit') {
        await checkpointAlsNodig(tx, gemeenteId, opts.sleutel, opts.log, opts.checkpoint === 'nu' ? 0 : (opts.checkpointNaMs ?? CHECKPOINT_NA_MS));
      }
      return gekoppeld;
    });
    if (n === null) return totaal > 0 ? totaal : null;
    totaal += n;
    if (n < batch) return totaal;
  }
}

/** One batch: the head of the chain, the oldest pending entries, their place and hashes. Holds the lock. */
async function koppelBatch(tx: Tx, gemeenteId: string, batch: number): Promise<number> {
  const kop = await tx.selectFrom('auditlog').select(['volgnummer', 'hash']).where('gemeente_id', '=', gemeenteId)
    .where('volgnummer', 'is not', null).orderBy('volgnummer', 'desc').limit(1).executeTakeFirst();
  const wachtend = await tx.selectFrom('auditlog').selectAll().where('gemeente_id', '=', gemeenteId).where('volgnummer', 'is', null)
    .orderBy('id').limit(batch).execute();
  if (wachtend.length === 0) return 0;
  let prev = { volgnummer: kop?.volgnummer ? Number(kop.volgnummer) : 0, hash: kop?.hash ?? GENESIS_HASH };
  const ids: number[] = [];
  const nummers: number[] = [];
  const vorige: string[] = [];
  const hashes: string[] = [];
  for (const r of wachtend) {
    const e: AuditEntry = { ...toRow(r), volgnummer: prev.volgnummer + 1, vorigeHash: prev.hash };
    const hash = entryHash(e);
    ids.push(Number(r.id));
    nummers.push(e.volgnummer);
    vorige.push(prev.hash);
    hashes.push(hash);
    prev = { volgnummer: e.volgnummer, hash };
  }
  const r = await sql`
    update auditlog a set volgnummer = v.volgnummer, vorige_hash = v.vorige_hash, hash = v.hash
    from unnest(${ids}::bigint[], ${nummers}::bigint[], ${vorige}::text[], ${hashes}::text[]) as v(id, volgnummer, vorige_hash, hash)
    where a.id = v.id and a.volgnummer is null`.execute(tx);
  if (Number(r.numAffectedRows ?? 0) !== wachtend.length) throw new Error('audit-sequencer: een wachtende regel werd tegelijk gekoppeld');
  return wachtend.length;
}

interface CheckpointRij extends Checkpoint { handtekening: string }

const toCheckpoint = (r: { gemeente_id: string; volgnummer: number; aantal: number; kophash: string; moment: Date; vorige_handtekening: string; handtekening: string }): CheckpointRij => ({
  gemeenteId: r.gemeente_id, volgnummer: Number(r.volgnummer), aantal: Number(r.aantal), kophash: r.kophash, moment: new Date(r.moment).toISOString(),
  vorigeHandtekening: r.vorige_handtekening, handtekening: r.handtekening,
});

/**
 * Under the sequencer's lock: signs the chain's length and head hash when entries were chained since
 * the last checkpoint (its own entry not counted) and that checkpoint is older than `naMs`. The
 * checkpoint is recorded in the chain too (so removing the last checkpoint shows) and logged as
 * `audit_checkpoint`, a witness outside the database.
 */
async function checkpointAlsNodig(tx: Tx, gemeenteId: string, sleutel: string, log: AuditLogger, naMs: number): Promise<CheckpointRij | null> {
  const laatste = await tx.selectFrom('audit_checkpoints').selectAll().where('gemeente_id', '=', gemeenteId)
    .orderBy('volgnummer', 'desc').limit(1).executeTakeFirst();
  if (laatste && Date.now() - new Date(laatste.moment).getTime() < naMs) return null;
  const nieuw = await tx.selectFrom('auditlog').select('volgnummer').where('gemeente_id', '=', gemeenteId)
    .where('volgnummer', '>', laatste ? Number(laatste.aantal) : 0).where('resource_type', '<>', CHECKPOINT_RESOURCE).limit(1).executeTakeFirst();
  if (!nieuw) return null;
  const kop = await tx.selectFrom('auditlog').select(['volgnummer', 'hash']).where('gemeente_id', '=', gemeenteId)
    .where('volgnummer', 'is not', null).orderBy('volgnummer', 'desc').limit(1).executeTakeFirstOrThrow();
  const c: Checkpoint = {
    gemeenteId, volgnummer: laatste ? Number(laatste.volgnummer) + 1 : 1, aantal: Number(kop.volgnummer), kophash: kop.hash!,
    moment: new Date().toISOString(), vorigeHandtekening: laatste?.handtekening ?? GENESIS_HASH,
  };
  const handtekening = checkpointHandtekening(sleutel, c);
  await tx.insertInto('audit_checkpoints').values({
    gemeente_id: gemeenteId, volgnummer: c.volgnummer, aantal: c.aantal, kophash: c.kophash, moment: c.moment,
    vorige_handtekening: c.vorigeHandtekening, handtekening,
  }).execute();
  await appendAudit(tx, SEQUENCER_ACTOR(gemeenteId), [{
    actie: 'aanmaken', resourceType: CHECKPOINT_RESOURCE, resourceId: String(c.volgnummer), persoonId: null,
    doel: `checkpoint ${c.volgnummer}: ${c.aantal} regels, kophash ${c.kophash}`,
  }]);
  log.info({ event: 'audit_checkpoint', gemeenteId, checkpoint: c.volgnummer, aantal: c.aantal, kophash: c.kophash, handtekening }, 'audit_checkpoint');
  return { ...c, handtekening };
}

/** Every gemeente with pending entries (ids only; a security-definer function, see migration 0014). */
export async function wachtendeGemeenten(db: Kysely<DB>): Promise<string[]> {
  const r = await sql<{ g: string }>`select g from audit_wachtende_gemeenten() as g`.execute(db);
  return r.rows.map((x) => x.g);
}

// ---------------------------------------------------------------------------------------------
// Verification

export interface VerifyResult {
  geldig: boolean;
  /** Chained entries checked. */
  aantal: number;
  laatsteHash: string;
  /** The first broken link, as before checkpoints existed. */
  breuk: ChainBreak | null;
  checkpoints: number;
  laatsteCheckpoint: { volgnummer: number; aantal: number; kophash: string; moment: string } | null;
  /** Everything found: breaks, truncation, rewrites, forged or removed checkpoints. */
  bevindingen: Bevinding[];
}

const BREUK_TEKST: Record<ChainBreak['reden'], string> = {
  'hash-onjuist': 'de inhoud past niet bij de opgeslagen hash: de regel is gewijzigd',
  'schakel-ontbreekt': 'een regel ontbreekt: de nummering springt',
  'vorige-hash-onjuist': 'de regel verwijst niet naar de hash van de regel ervoor',
};

/**
 * Walks the gemeente's whole chain in pages (recomputing every hash, on past the first break) and
 * compares it with the signed checkpoints. Call `ketenBij` first so committed entries are included.
 */
export async function verifyChain(tx: Tx, gemeenteId: string, sleutel: string, pageSize = 5000): Promise<VerifyResult> {
  const checkpoints = (await tx.selectFrom('audit_checkpoints').selectAll().where('gemeente_id', '=', gemeenteId).orderBy('volgnummer').execute())
    .map(toCheckpoint);
  const nodig = new Set(checkpoints.map((c) => c.aantal));
  const hashOp = new Map<number, string>();
  const genoemd: number[] = [];
  let prev = { hash: GENESIS_HASH, volgnummer: 0 };
  let aantal = 0;
  let breuk: ChainBreak | null = null;
  const bevindingen: Bevinding[] = [];
  for (;;) {
    const rows = await tx.selectFrom('auditlog').selectAll().where('gemeente_id', '=', gemeenteId)
      .where('volgnummer', '>', prev.volgnummer).orderBy('volgnummer').limit(pageSize).execute();
    if (rows.length === 0) break;
    const entries = rows.map(toRow) as (AuditEntry & { hash: string })[];
    for (const e of entries) {
      if (nodig.has(e.volgnummer)) hashOp.set(e.volgnummer, e.hash);
      if (e.resourceType === CHECKPOINT_RESOURCE && /^\d+$/.test(e.resourceId)) genoemd.push(Number(e.resourceId));
    }
    // After a break, go on from the entry after it: truncation and rewrites further on still count.
    let rest = entries;
    let vanaf = prev;
    while (rest.length > 0) {
      const b = verifyRun(rest, vanaf);
      if (!b) break;
      if (!breuk) breuk = b;
      bevindingen.push({ soort: 'keten-verbroken', checkpoint: null, volgnummer: b.volgnummer, toelichting: `Bij regel ${b.volgnummer}: ${BREUK_TEKST[b.reden]}.` });
      const i = rest.findIndex((e) => e.volgnummer >= b.volgnummer);
      const hier = rest[i]!;
      if (b.reden === 'hash-onjuist') {
        vanaf = { hash: hier.hash, volgnummer: hier.volgnummer };
        rest = rest.slice(i + 1);
      } else {
        // A missing or wrong link: take this entry's own link as given and check the entry itself.
        vanaf = { hash: hier.vorigeHash, volgnummer: hier.volgnummer - 1 };
        rest = rest.slice(i);
      }
    }
    aantal += entries.length;
    const last = entries[entries.length - 1]!;
    prev = { hash: last.hash, volgnummer: last.volgnummer };
  }
  bevindingen.push(...beoordeelCheckpoints(sleutel, checkpoints, { lengte: prev.volgnummer, hashOp: (n) => hashOp.get(n), genoemdeCheckpoints: genoemd }));
  // Every chained entry must be one the walk saw: one with a number outside it (0 or below, which
  // the database refuses since migration 0018 unless that check was removed) is reported.
  const { n: gekoppeld } = await tx.selectFrom('auditlog').select(sql<string>`count(*)`.as('n')).where('gemeente_id', '=', gemeenteId)
    .where('volgnummer', 'is not', null).executeTakeFirstOrThrow();
  if (Number(gekoppeld) !== aantal) {
    bevindingen.push({
      soort: 'buiten-keten', checkpoint: null, volgnummer: null,
      toelichting: `Er zijn ${Number(gekoppeld)} gekoppelde regels, maar de keten bevat er ${aantal}: ${Math.abs(Number(gekoppeld) - aantal)} regel(s) staan buiten de keten.`,
    });
  }
  const laatste = checkpoints[checkpoints.length - 1];
  return {
    geldig: bevindingen.length === 0,
    aantal,
    laatsteHash: prev.hash,
    breuk,
    checkpoints: checkpoints.length,
    laatsteCheckpoint: laatste ? { volgnummer: laatste.volgnummer, aantal: laatste.aantal, kophash: laatste.kophash, moment: laatste.moment } : null,
    bevindingen,
  };
}
