import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Tx } from '../../platform/tenancy/tx.ts';
import type { HuisstijlKleuren, LogoType } from './rules.ts';

/** As stored in gemeente_instellingen under 'huisstijl'; the logo as base64 beside its hash. */
export interface HuisstijlOpslag {
  naam: string | null;
  kleuren: HuisstijlKleuren | null;
  logo: { type: LogoType; data: string; hash: string } | null;
}

const SLEUTEL = 'huisstijl';

export async function huisstijl(tx: Tx): Promise<HuisstijlOpslag | null> {
  const r = await tx.selectFrom('gemeente_instellingen').select('waarde').where('sleutel', '=', SLEUTEL).executeTakeFirst();
  return (r?.waarde as HuisstijlOpslag | undefined) ?? null;
}

export async function bewaarHuisstijl(tx: Tx, gemeenteId: string, waarde: HuisstijlOpslag, door: string | null): Promise<void> {
  const json = JSON.stringify(waarde);
  await tx.insertInto('gemeente_instellingen').values({ gemeente_id: gemeenteId, sleutel: SLEUTEL, waarde: json, gewijzigd_door: door })
    .onConflict((oc) => oc.columns(['gemeente_id', 'sleutel']).doUpdateSet({ waarde: json, gewijzigd_door: door, gewijzigd_op: new Date() })).execute();
}

/** Public pages know a gemeente by its code; the gemeenten table itself has no row-level security. */
export async function gemeenteVanCode(db: Kysely<DB>, code: string) {
  return db.selectFrom('gemeenten').select(['id', 'naam', 'code']).where('code', '=', code).executeTakeFirst();
}
