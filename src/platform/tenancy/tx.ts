import { sql, type Kysely, type Transaction } from 'kysely';
import { alsUuid, beginGenomen, metBegin } from '../db/begin.ts';
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
  /**
   * Provider staff (role aanbieder, ADR 38): the provider they work for, from their account. A use
   * case serving providers shows only what belongs to this provider. Null for gemeente staff and
   * for the system.
   */
  aanbiederId: string | null;
}

/**
 * Runs `fn` in one transaction as the app role with the caller's gemeente set, so row-level
 * security filters every row and refuses every write outside that gemeente.
 *
 * The role and gemeente are set in the same round trip as BEGIN (ADR 28): the drivers send
 * `begin; set local role eenvoud_app; select set_config('app.gemeente', '<uuid>', true)` as one
 * simple-protocol query. The id is written into the SQL text, so it must be a uuid (checked strictly).
 * A driver that does not take it (another dialect) gets the two statements separately, as before.
 */
export async function inGemeente<T>(db: Kysely<DB>, gemeenteId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const id = alsUuid(gemeenteId);
  const { resultaat } = await metBegin(`set local role eenvoud_app; select set_config('app.gemeente', '${id}', true)`, () =>
    db.transaction().execute(async (tx) => {
      if (!beginGenomen()) {
        await sql`set local role eenvoud_app`.execute(tx);
        await sql`select set_config('app.gemeente', ${id}, true)`.execute(tx);
      }
      return fn(tx);
    }));
  return resultaat;
}

