/**
 * Gebruikersbeheer's SQL (ADR 38): the gemeente's accounts, its teams and the one-time links to set a
 * password. Every query runs in the caller's transaction as eenvoud_app, so row-level security keeps
 * it inside the gemeente; the password hash is written here but can never be read back.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Tx } from '../../platform/tenancy/tx.ts';

export interface GebruikerRij {
  id: string;
  gebruikersnaam: string;
  naam: string;
  rollen: string[];
  teamId: string | null;
  teamNaam: string | null;
  aanbiederId: string | null;
  actief: boolean;
  aangemaaktOp: Date;
  gedeactiveerdOp: Date | null;
  heeftWachtwoord: boolean;
  /** Until when the newest open one-time link works; null without one. */
  uitnodigingVerlooptOp: Date | null;
}

export interface GebruikerFilter {
  rol?: string | undefined;
  aanbiederId?: string | undefined;
  actief?: boolean | undefined;
  zoek?: string | undefined;
}

function basis(tx: Tx) {
  return tx.selectFrom('gebruikers as g')
    .leftJoin('teams as t', 't.id', 'g.team_id')
    .select((eb) => [
      'g.id', 'g.gebruikersnaam', 'g.naam', 'g.rollen', 'g.team_id', 't.naam as team_naam', 'g.aanbieder_id', 'g.actief', 'g.aangemaakt_op',
      'g.gedeactiveerd_op', 'g.heeft_wachtwoord',
      eb.selectFrom('uitnodigingen as u').select((e) => e.fn.max('u.verloopt_op').as('m'))
        .whereRef('u.gebruiker_id', '=', 'g.id').where('u.gebruikt_op', 'is', null).where('u.vervallen_op', 'is', null)
        .where('u.verloopt_op', '>', sql<Date>`now()`)
        .as('uitnodiging_verloopt_op'),
    ]);
}

type Rij = {
  id: string; gebruikersnaam: string; naam: string; rollen: string[]; team_id: string | null; team_naam: string | null; aanbieder_id: string | null;
  actief: boolean; aangemaakt_op: Date; gedeactiveerd_op: Date | null; heeft_wachtwoord: boolean; uitnodiging_verloopt_op: Date | string | null;
};

const naarRij = (r: Rij): GebruikerRij => ({
  id: r.id, gebruikersnaam: r.gebruikersnaam, naam: r.naam, rollen: r.rollen, teamId: r.team_id, teamNaam: r.team_naam, aanbiederId: r.aanbieder_id,
  actief: r.actief, aangemaaktOp: new Date(r.aangemaakt_op), gedeactiveerdOp: r.gedeactiveerd_op ? new Date(r.gedeactiveerd_op) : null,
  heeftWachtwoord: r.heeft_wachtwoord, uitnodigingVerlooptOp: r.uitnodiging_verloopt_op ? new Date(r.uitnodiging_verloopt_op) : null,
});

const zoekPatroon = (zoek: string) => `%${zoek.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One page of accounts by name (keyset on name and id, ADR 27), and how many match the filter. */
export async function lijstGebruikers(tx: Tx, f: GebruikerFilter, na: readonly [string, string] | undefined, aantal: number): Promise<{ rijen: GebruikerRij[]; totaal: number }> {
  const filter = <Q extends ReturnType<typeof basis>>(q: Q): Q => {
    let r = q;
    if (f.rol) r = r.where(sql<boolean>`${f.rol} = any (g.rollen)`) as Q;
    if (f.aanbiederId) r = r.where('g.aanbieder_id', '=', f.aanbiederId) as Q;
    if (f.actief !== undefined) r = r.where('g.actief', '=', f.actief) as Q;
    if (f.zoek) {
      const p = zoekPatroon(f.zoek);
      r = r.where((eb) => eb.or([eb('g.naam', 'ilike', p), eb('g.gebruikersnaam', 'ilike', p)])) as Q;
    }
    return r;
  };
  let q = filter(basis(tx));
  if (na) q = q.where(sql<boolean>`(g.naam, g.id) > (${na[0]}, ${na[1]}::uuid)`);
  const rijen = await q.orderBy('g.naam').orderBy('g.id').limit(aantal + 1).execute();
  const telling = await filter(basis(tx)).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rijen: (rijen as Rij[]).map(naarRij), totaal: Number(telling.n) };
}

export async function gebruikerMetId(tx: Tx, id: string, opts: { voorUpdate?: boolean } = {}): Promise<GebruikerRij | undefined> {
  let q = basis(tx).where('g.id', '=', id);
  if (opts.voorUpdate) q = q.forUpdate('g');
  const r = await q.executeTakeFirst();
  return r ? naarRij(r as Rij) : undefined;
}

export interface NieuweGebruiker {
  gebruikersnaam: string; naam: string; rollen: string[]; teamId: string | null; aanbiederId: string | null; wachtwoordHash: string | null;
}

/**
 * The new account's id, or 'bestaat' when the username is taken (in any gemeente: it is how one logs
 * in). After 'bestaat' the transaction is aborted: the caller answers 409 and writes nothing else.
 */
export async function insertGebruiker(tx: Tx, gemeenteId: string, g: NieuweGebruiker): Promise<string | 'bestaat'> {
  try {
    const r = await tx.insertInto('gebruikers').values({
      gemeente_id: gemeenteId, gebruikersnaam: g.gebruikersnaam, naam: g.naam, rollen: g.rollen, team_id: g.teamId, aanbieder_id: g.aanbiederId,
      wachtwoord_hash: g.wachtwoordHash,
    }).returning('id').executeTakeFirstOrThrow();
    return r.id;
  } catch (e) {
    if ((e as { code?: string }).code === '23505') return 'bestaat';
    throw e;
  }
}

export interface GebruikerWijziging {
  naam?: string; rollen?: string[]; teamId?: string | null; aanbiederId?: string | null; actief?: boolean; gedeactiveerdOp?: Date | null; wachtwoordHash?: string;
}

export async function updateGebruiker(tx: Tx, id: string, w: GebruikerWijziging): Promise<void> {
  const set = {
    ...(w.naam !== undefined ? { naam: w.naam } : {}),
    ...(w.rollen !== undefined ? { rollen: w.rollen } : {}),
    ...(w.teamId !== undefined ? { team_id: w.teamId } : {}),
    ...(w.aanbiederId !== undefined ? { aanbieder_id: w.aanbiederId } : {}),
    ...(w.actief !== undefined ? { actief: w.actief } : {}),
    ...(w.gedeactiveerdOp !== undefined ? { gedeactiveerd_op: w.gedeactiveerdOp } : {}),
    ...(w.wachtwoordHash !== undefined ? { wachtwoord_hash: w.wachtwoordHash } : {}),
  };
  if (Object.keys(set).length === 0) return;
  await tx.updateTable('gebruikers').set(set).where('id', '=', id).execute();
}

export interface Team { id: string; naam: string }

export async function teams(tx: Tx): Promise<Team[]> {
  return tx.selectFrom('teams').select(['id', 'naam']).orderBy('naam').execute();
}

export async function teamMetId(tx: Tx, id: string): Promise<Team | undefined> {
  return tx.selectFrom('teams').select(['id', 'naam']).where('id', '=', id).executeTakeFirst();
}

// ————— One-time links —————

/** Makes every open link of this account void (a newer one, or the account deactivated); returns how many. */
export async function vervalUitnodigingen(tx: Tx, gebruikerId: string): Promise<number> {
  const r = await tx.updateTable('uitnodigingen').set({ vervallen_op: sql<Date>`now()` })
    .where('gebruiker_id', '=', gebruikerId).where('gebruikt_op', 'is', null).where('vervallen_op', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function insertUitnodiging(tx: Tx, u: { gemeenteId: string; gebruikerId: string; tokenHash: string; door: string | null; verlooptOp: Date }): Promise<void> {
  await tx.insertInto('uitnodigingen').values({
    gemeente_id: u.gemeenteId, gebruiker_id: u.gebruikerId, token_hash: u.tokenHash, aangemaakt_door: u.door, verloopt_op: u.verlooptOp,
  }).execute();
}

export interface UitnodigingRij { id: string; gebruikerId: string; verlooptOp: Date; gebruiktOp: Date | null; vervallenOp: Date | null; verlopen: boolean }

/** The link of a token, locked: two tabs submitting the same link cannot both use it. */
export async function uitnodigingVoorToken(tx: Tx, tokenHash: string): Promise<UitnodigingRij | undefined> {
  const r = await tx.selectFrom('uitnodigingen')
    .select(['id', 'gebruiker_id', 'verloopt_op', 'gebruikt_op', 'vervallen_op', sql<boolean>`verloopt_op <= now()`.as('verlopen')])
    .where('token_hash', '=', tokenHash).forUpdate().executeTakeFirst();
  return r && {
    id: r.id, gebruikerId: r.gebruiker_id, verlooptOp: new Date(r.verloopt_op), gebruiktOp: r.gebruikt_op ? new Date(r.gebruikt_op) : null,
    vervallenOp: r.vervallen_op ? new Date(r.vervallen_op) : null, verlopen: r.verlopen,
  };
}

export async function markeerGebruikt(tx: Tx, id: string): Promise<void> {
  await tx.updateTable('uitnodigingen').set({ gebruikt_op: sql<Date>`now()` }).where('id', '=', id).execute();
}

/**
 * The gemeente of a link, before any gemeente is known (the public page has only the token): read as
 * the platform (migration 0030 grants eenvoud_platform these two columns). Everything else about the
 * link is read again under row-level security, in the gemeente's transaction.
 */
export async function gemeenteVanUitnodiging(db: Kysely<DB>, tokenHash: string): Promise<string | undefined> {
  return (await db.selectFrom('uitnodigingen').select('gemeente_id').where('token_hash', '=', tokenHash).executeTakeFirst())?.gemeente_id;
}
