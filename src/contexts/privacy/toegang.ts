/**
 * The one access rule in SQL (ADR 25): who may see a household's file. `magDossierZien` and
 * `eisDossierToegang` answer for one household (facts in one query, the decision in rules.ts);
 * `zichtbareHuishoudens` is the same rule as a condition on a huishouden_id column, so lists,
 * counts and search show only what the asker may see.
 *
 * The rule reads casussen, casus_betrokkenen, aanvragen, beschikkingen, bezwaren and
 * dossier_doorbraken directly: it is a cross-cutting check like row-level security, not a use of
 * those contexts' behaviour.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { Problem, notFound } from '../../platform/http/problem.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import {
  AANVRAAG_BIJ_BESLISSER, BEZWAAR_OPEN, GEEN_TOEGANG_TEKST, INTAKE_ROLLEN, MELDING_OPEN, toegangsgrond, type DossierFeiten, type Toegangsgrond,
} from './rules.ts';

/** What a read is about: a household directly, or a person or casus that belongs to one. */
export type DossierRef = { huishoudenId: string } | { persoonId: string } | { casusId: string };

/** The household a reference belongs to, or undefined when it does not exist (in this gemeente). */
export async function huishoudenVan(tx: Tx, ref: DossierRef): Promise<string | undefined> {
  if ('huishoudenId' in ref) {
    const h = await tx.selectFrom('huishoudens').select('id').where('id', '=', ref.huishoudenId).executeTakeFirst();
    return h?.id;
  }
  if ('persoonId' in ref) {
    const p = await tx.selectFrom('personen').select('huishouden_id').where('id', '=', ref.persoonId).executeTakeFirst();
    return p?.huishouden_id;
  }
  const c = await tx.selectFrom('casussen').select('huishouden_id').where('id', '=', ref.casusId).executeTakeFirst();
  return c?.huishouden_id;
}

const lijst = (waarden: readonly string[]) => sql.join(waarden.map((w) => sql.lit(w)));

/** The household of a reference as a SQL expression (null when it does not exist in this gemeente). */
function huishoudenSql(ref: DossierRef): RawBuilder<string | null> {
  if ('huishoudenId' in ref) return sql`(select h.id from huishoudens h where h.id = ${ref.huishoudenId}::uuid)`;
  if ('persoonId' in ref) return sql`(select p.huishouden_id from personen p where p.id = ${ref.persoonId}::uuid)`;
  return sql`(select c.huishouden_id from casussen c where c.id = ${ref.casusId}::uuid)`;
}

/**
 * The household of a reference and the facts the rule needs about it, for one asker, in one round
 * trip (ADR 28: finding the household first cost a second one on every dossier check).
 */
async function feiten(tx: Tx, actor: Actor, ref: DossierRef): Promise<{ huishoudenId: string | null; teamId: string | null; feiten: DossierFeiten }> {
  const ik = actor.gebruikerId;
  const r = await sql<{
    huishouden_id: string | null;
    team_id: string | null;
    casussen: { regisseurId: string | null; regisseurTeamId: string | null; procescoordinatorId: string | null; betrokkenen: string[] | null }[] | null;
    aanvraag: boolean; bezwaar: boolean; doorbraak: boolean; melding_open: boolean;
  }>`
    with hh as materialized (select ${huishoudenSql(ref)} as id)
    select
      hh.id as huishouden_id,
      (select g.team_id from gebruikers g where g.id = ${ik}::uuid) as team_id,
      (select json_agg(json_build_object(
          'regisseurId', c.regisseur_id, 'regisseurTeamId', r.team_id, 'procescoordinatorId', c.procescoordinator_id,
          'betrokkenen', (select json_agg(b.gebruiker_id) from casus_betrokkenen b where b.casus_id = c.id)))
         from casussen c left join gebruikers r on r.id = c.regisseur_id
        where c.huishouden_id = hh.id) as casussen,
      exists (select 1 from aanvragen a where a.huishouden_id = hh.id and a.status in (${lijst(AANVRAAG_BIJ_BESLISSER)})) as aanvraag,
      exists (select 1 from aanvragen a join beschikkingen b on b.aanvraag_id = a.id join bezwaren z on z.beschikking_id = b.id
               where a.huishouden_id = hh.id and z.status in (${lijst(BEZWAAR_OPEN)})) as bezwaar,
      exists (select 1 from dossier_doorbraken d
               where d.gebruiker_id = ${ik}::uuid and d.huishouden_id = hh.id and d.geldig_tot > now()) as doorbraak,
      exists (select 1 from meldingen m where m.huishouden_id = hh.id and m.status in (${lijst(MELDING_OPEN)})) as melding_open
    from hh
  `.execute(tx);
  const row = r.rows[0]!;
  return {
    huishoudenId: row.huishouden_id,
    teamId: row.team_id,
    feiten: {
      casussen: (row.casussen ?? []).map((c) => ({ ...c, betrokkenen: c.betrokkenen ?? [] })),
      aanvraagBijBeslisser: row.aanvraag, bezwaarOpen: row.bezwaar, actieveDoorbraak: row.doorbraak, meldingOpen: row.melding_open,
    },
  };
}

/** On which ground the actor may see the household's file; null when they may not (or it does not exist). */
export async function dossierGrond(tx: Tx, actor: Actor, ref: DossierRef): Promise<Toegangsgrond | null> {
  const f = await feiten(tx, actor, ref);
  if (!f.huishoudenId) return null;
  return toegangsgrond({ gebruikerId: actor.gebruikerId, rollen: actor.rollen, teamId: f.teamId }, f.feiten);
}

export async function magDossierZien(tx: Tx, actor: Actor, ref: DossierRef): Promise<boolean> {
  return (await dossierGrond(tx, actor, ref)) !== null;
}

export const geenToegangDossier = (): Problem => new Problem('geen-toegang-dossier', GEEN_TOEGANG_TEKST);

/**
 * Throws 403 `geen-toegang-dossier` when the actor is outside the household's circle, 404 when the
 * referenced household, person or casus does not exist. Call it before reading anything of the file.
 */
export async function eisDossierToegang(tx: Tx, actor: Actor, ref: DossierRef): Promise<Toegangsgrond> {
  const f = await feiten(tx, actor, ref);
  if (!f.huishoudenId) throw notFound('casusId' in ref ? 'Deze casus' : 'persoonId' in ref ? 'Deze inwoner' : 'Dit huishouden');
  const grond = toegangsgrond({ gebruikerId: actor.gebruikerId, rollen: actor.rollen, teamId: f.teamId }, f.feiten);
  if (!grond) throw geenToegangDossier();
  return grond;
}

/**
 * The same rule as a SQL condition on a huishouden_id column (e.g. `'m.huishouden_id'`), for lists,
 * counts and search: `query.where(zichtbareHuishoudens(actor, 'm.huishouden_id'))`.
 * Parts for roles the actor lacks are left out.
 */
export function zichtbareHuishoudens(actor: Actor, kolom: string): RawBuilder<SqlBool> {
  const h = sql.ref(kolom);
  const ik = actor.gebruikerId;
  const heeft = (rol: string) => actor.rollen.includes(rol);
  // Each part is an uncorrelated set of household ids (`h in (select …)`): PostgreSQL computes it once
  // per query as a hashed sub-plan, so a list pays one lookup per row. Correlated `exists` parts ran
  // their sub-queries for every row and stalled lists over years of history (issue 11, termijnen
  // filtered on a closed status: > 150 s on 20,000 residents in PGlite).
  const delen: RawBuilder<unknown>[] = [];
  if (ik) {
    const team = heeft('teamleider') ? sql`or (r0.team_id is not null and r0.team_id = (select g0.team_id from gebruikers g0 where g0.id = ${ik}::uuid))` : sql``;
    delen.push(sql`${h} in (select c0.huishouden_id from casussen c0 left join gebruikers r0 on r0.id = c0.regisseur_id
      where c0.regisseur_id = ${ik}::uuid or c0.procescoordinator_id = ${ik}::uuid
        or c0.id in (select b0.casus_id from casus_betrokkenen b0 where b0.gebruiker_id = ${ik}::uuid) ${team})`);
    delen.push(sql`${h} in (select d0.huishouden_id from dossier_doorbraken d0 where d0.gebruiker_id = ${ik}::uuid and d0.geldig_tot > now())`);
  }
  if (heeft('beslisser')) {
    delen.push(sql`${h} in (select a0.huishouden_id from aanvragen a0 where a0.status in (${lijst(AANVRAAG_BIJ_BESLISSER)}))`);
    delen.push(sql`${h} in (select a1.huishouden_id from aanvragen a1 join beschikkingen s1 on s1.aanvraag_id = a1.id join bezwaren z1 on z1.beschikking_id = s1.id
      where z1.status in (${lijst(BEZWAAR_OPEN)}))`);
  }
  if (INTAKE_ROLLEN.some(heeft)) {
    // The same as isIntake: a melding still open, and no casus with a regisseur.
    delen.push(sql`(${h} in (select m2.huishouden_id from meldingen m2 where m2.status in (${lijst(MELDING_OPEN)}))
      and not exists (select 1 from casussen c2 where c2.huishouden_id = ${h} and c2.regisseur_id is not null))`);
  }
  if (delen.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(delen, sql` or `)})`;
}

/**
 * The same rule for one row of the werkvoorraad (migration 0019, ADR 27): `alias` names a table with
 * huishouden_id, regisseur_id, team_id and casus_van_huishouden, holding only OPEN meldingen. Every
 * part is evaluated for the candidate row itself — an index probe on the household's casussen, small
 * sets of the asker's own betrokkenheden and doorbraken — so a page costs what its rows cost, never
 * the set of every household a team touched over all history. Exactly `zichtbareHuishoudens` for
 * open meldingen: the row's own casus proves the regisseur and teamleider grounds (checked first,
 * no sub-query), the household's other casussen the rest; the intake's "a melding is open" is the row.
 * `offset 0` keeps each `exists` a probe per row: without it PostgreSQL may turn it into a hashed
 * sub-plan over every casus of the team's history (13,570 rows per request at 100,000 residents).
 */
export function zichtbaarInWerkvoorraad(actor: Actor, alias: string): RawBuilder<SqlBool> {
  const kol = (k: string) => sql.ref(`${alias}.${k}`);
  const h = kol('huishouden_id');
  const ik = actor.gebruikerId;
  const heeft = (rol: string) => actor.rollen.includes(rol);
  const delen: RawBuilder<unknown>[] = [];
  if (ik) {
    const mijnTeam = sql`(select g0.team_id from gebruikers g0 where g0.id = ${ik}::uuid)`;
    delen.push(sql`(${kol('casus_van_huishouden')} and ${kol('regisseur_id')} = ${ik}::uuid)`);
    if (heeft('teamleider')) delen.push(sql`(${kol('casus_van_huishouden')} and ${kol('team_id')} = ${mijnTeam})`);
    // The team's regisseurs as a small set, so the probe needs no join per casus.
    const team = heeft('teamleider') ? sql`or c0.regisseur_id in (select r0.id from gebruikers r0 where r0.team_id = ${mijnTeam})` : sql``;
    const betrokken = sql`(c0.regisseur_id = ${ik}::uuid or c0.procescoordinator_id = ${ik}::uuid
        or c0.id in (select b0.casus_id from casus_betrokkenen b0 where b0.gebruiker_id = ${ik}::uuid) ${team})`;
    if (INTAKE_ROLLEN.some(heeft)) {
      // One probe of the household's casussen answers both grounds: involved in one of them, or the
      // intake (no casus of it has a regisseur; a household without casussen is in intake). Two
      // probes per row doubled the cost of every row a page or count had to reject (the frontoffice's
      // own registrations, most of them long since with a regisseur). Nulls (a casus without
      // procescoordinator) count as false, or "not involved" would turn into "visible".
      delen.push(sql`(select coalesce(bool_or(coalesce(${betrokken}, false)), false) or not coalesce(bool_or(c0.regisseur_id is not null), false)
        from casussen c0 where c0.huishouden_id = ${h} offset 0)`);
    } else {
      delen.push(sql`exists (select 1 from casussen c0 where c0.huishouden_id = ${h} and ${betrokken} offset 0)`);
    }
    delen.push(sql`${h} in (select d0.huishouden_id from dossier_doorbraken d0 where d0.gebruiker_id = ${ik}::uuid and d0.geldig_tot > now())`);
  }
  if (heeft('beslisser')) {
    delen.push(sql`exists (select 1 from aanvragen a0 where a0.huishouden_id = ${h} and a0.status in (${lijst(AANVRAAG_BIJ_BESLISSER)}) offset 0)`);
    delen.push(sql`exists (select 1 from aanvragen a1 join beschikkingen s1 on s1.aanvraag_id = a1.id join bezwaren z1 on z1.beschikking_id = s1.id
      where a1.huishouden_id = ${h} and z1.status in (${lijst(BEZWAAR_OPEN)}) offset 0)`);
  }
  if (INTAKE_ROLLEN.some(heeft) && !ik) {
    // The row is an open melding of the household; the intake lasts while no casus of it has a regisseur.
    delen.push(sql`not exists (select 1 from casussen c2 where c2.huishouden_id = ${h} and c2.regisseur_id is not null offset 0)`);
  }
  if (delen.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(delen, sql` or `)})`;
}

/**
 * `zichtbareHuishoudens` as a probe per candidate row (correlated `exists`, each on an index of the
 * household), for lists of OPEN work read in index order with LIMIT (termijnen, aanvragen, bezwaren;
 * issue 12): a page then costs what its candidate rows cost. The set form computes every household a
 * team touched over all history first; keep it for lists over history, where most candidates are
 * rejected. The same rule, part for part (a null household is nobody's, as there).
 *
 * `probe`: end each `exists` in `offset 0`, as zichtbaarInWerkvoorraad does. Without it the planner
 * may still hash a part over all history (the aanvragen list at 100,000 residents: every casus, 816
 * buffers per request, whatever the page). `aanvraagStatus`: the row is itself an aanvraag of the
 * household (its status column): with a status in AANVRAAG_BIJ_BESLISSER it proves the beslisser's
 * ground without a sub-query, checked first.
 */
export function zichtbaarPerRij(actor: Actor, kolom: string, o: { probe?: boolean; aanvraagStatus?: string } = {}): RawBuilder<SqlBool> {
  const h = sql.ref(kolom);
  const ik = actor.gebruikerId;
  const heeft = (rol: string) => actor.rollen.includes(rol);
  const probe = o.probe ? sql` offset 0` : sql``;
  const delen: RawBuilder<unknown>[] = [];
  if (heeft('beslisser') && o.aanvraagStatus) delen.push(sql`${sql.ref(o.aanvraagStatus)} in (${lijst(AANVRAAG_BIJ_BESLISSER)})`);
  if (ik) {
    const team = heeft('teamleider') ? sql`or (r0.team_id is not null and r0.team_id = (select g0.team_id from gebruikers g0 where g0.id = ${ik}::uuid))` : sql``;
    delen.push(sql`exists (select 1 from casussen c0 left join gebruikers r0 on r0.id = c0.regisseur_id
      where c0.huishouden_id = ${h} and (c0.regisseur_id = ${ik}::uuid or c0.procescoordinator_id = ${ik}::uuid
        or c0.id in (select b0.casus_id from casus_betrokkenen b0 where b0.gebruiker_id = ${ik}::uuid) ${team})${probe})`);
    delen.push(sql`exists (select 1 from dossier_doorbraken d0 where d0.gebruiker_id = ${ik}::uuid and d0.huishouden_id = ${h} and d0.geldig_tot > now()${probe})`);
  }
  if (heeft('beslisser')) {
    delen.push(sql`exists (select 1 from aanvragen a0 where a0.huishouden_id = ${h} and a0.status in (${lijst(AANVRAAG_BIJ_BESLISSER)})${probe})`);
    delen.push(sql`exists (select 1 from aanvragen a1 join beschikkingen s1 on s1.aanvraag_id = a1.id join bezwaren z1 on z1.beschikking_id = s1.id
      where a1.huishouden_id = ${h} and z1.status in (${lijst(BEZWAAR_OPEN)})${probe})`);
  }
  if (INTAKE_ROLLEN.some(heeft)) {
    delen.push(sql`(exists (select 1 from meldingen m2 where m2.huishouden_id = ${h} and m2.status in (${lijst(MELDING_OPEN)})${probe})
      and not exists (select 1 from casussen c2 where c2.huishouden_id = ${h} and c2.regisseur_id is not null${probe}))`);
  }
  if (delen.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(delen, sql` or `)})`;
}
