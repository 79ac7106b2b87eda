import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

export type Tx = Transaction<DB>;

/** Who acts in a transaction: everything a use case needs to know about the caller. */
export interface Actor {
  gebruikerId: string | null;
  gebruikersnaam: string;
  gemeenteId: string;
  rollen: readonly string[];
  /** The role under which this request is allowed; recorded in the audit trail. */
  rol: string;
}

/**
 * Runs `fn` in one transaction as the app role with the caller's gemeente set, so row-level
 * security filters every row and refuses every write outside that gemeente.
 */
export async function inGemeente<T>(db: Kysely<DB>, gemeenteId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`set local role eenvoud_app`.execute(tx);
    await sql`select set_config('app.gemeente', ${gemeenteId}, true)`.execute(tx);
    return fn(tx);
  });
}

