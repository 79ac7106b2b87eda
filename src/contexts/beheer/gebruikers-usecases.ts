/**
 * Gebruikersbeheer's use cases (issue 14, ADR 38): beheer adds, changes, deactivates and activates
 * the gemeente's accounts and makes one-time links to set a password; whoever holds a link sets the
 * password once. Each takes the caller's transaction and writes its audit entries there (ADR 34).
 */
import { createHash, randomBytes } from 'node:crypto';
import { appendAudit } from '../../platform/audit/store.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { isRol, rolOmschrijving } from '../../platform/auth/roles.ts';
import { Problem, notFound, type InvalidParam } from '../../platform/http/problem.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import { aanbiedersMetId, type AanbiederRef } from '../inkoop/index.ts';
import {
  GEBRUIKERSNAAM, GEBRUIKERSNAAM_REDEN, controleerSamenstelling, eigenAccountFout, soortVan, uitnodigingVerloopt, wachtwoordFout,
  type Samenstelling, type Soort,
} from './gebruikers-rules.ts';
import {
  gebruikerMetId, insertGebruiker, insertUitnodiging, lijstGebruikers, markeerGebruikt, teamMetId, teams, uitnodigingVoorToken, updateGebruiker,
  vervalUitnodigingen, type GebruikerFilter, type GebruikerRij, type GebruikerWijziging, type Team,
} from './gebruikers-store.ts';

/** An account as beheer sees it: the row with its provider's name. */
export interface Gebruiker extends GebruikerRij {
  soort: Soort;
  aanbieder: AanbiederRef | null;
}

/** A fresh one-time link: the token is shown once and never stored (only its hash). */
export interface NieuweUitnodiging { token: string; verlooptOp: Date }

const hashVan = (token: string) => createHash('sha256').update(token).digest('hex');

export const LINK_ONGELDIG = 'Deze link werkt niet (meer): hij is al gebruikt, verlopen of onbekend. Vraag de functioneel beheerder om een nieuwe link.';

const ongeldig = (fouten: InvalidParam[]) =>
  new Problem('ongeldige-invoer', fouten.length === 1 ? fouten[0]!.reason : 'Een of meer velden zijn niet goed ingevuld.', fouten);

const rolNamen = (rollen: readonly string[]) => rollen.map((r) => (isRol(r) ? rolOmschrijving[r] : r)).join(', ');

async function metAanbieders(tx: Tx, rijen: GebruikerRij[]): Promise<Gebruiker[]> {
  const namen = await aanbiedersMetId(tx, rijen.map((r) => r.aanbiederId).filter((x): x is string => x !== null));
  return rijen.map((r) => ({ ...r, soort: soortVan(r.rollen), aanbieder: r.aanbiederId ? namen.get(r.aanbiederId) ?? null : null }));
}

export async function leesGebruiker(tx: Tx, id: string): Promise<Gebruiker> {
  const r = await gebruikerMetId(tx, id);
  if (!r) throw notFound('Deze gebruiker');
  return (await metAanbieders(tx, [r]))[0]!;
}

export async function leesGebruikers(tx: Tx, f: GebruikerFilter, na: readonly [string, string] | undefined, aantal: number): Promise<{ gebruikers: Gebruiker[]; meer: boolean; totaal: number }> {
  const { rijen, totaal } = await lijstGebruikers(tx, f, na, aantal);
  return { gebruikers: await metAanbieders(tx, rijen.slice(0, aantal)), meer: rijen.length > aantal, totaal };
}

export async function gebruikerKeuzes(tx: Tx): Promise<{ teams: Team[] }> {
  return { teams: await teams(tx) };
}

/** The team and provider named must be the gemeente's own (row-level security hides the others). */
async function controleerVerwijzingen(tx: Tx, s: { teamId?: string | null; aanbiederId?: string | null }): Promise<InvalidParam[]> {
  const fouten: InvalidParam[] = [];
  if (s.teamId && !(await teamMetId(tx, s.teamId))) fouten.push({ name: 'teamId', code: 'onbekend', reason: 'Dit team bestaat niet in deze gemeente' });
  if (s.aanbiederId && !(await aanbiedersMetId(tx, [s.aanbiederId])).has(s.aanbiederId)) {
    fouten.push({ name: 'aanbiederId', code: 'onbekend', reason: 'Deze zorgaanbieder bestaat niet in deze gemeente' });
  }
  return fouten;
}

const samenstellingFouten = (s: Samenstelling): InvalidParam[] =>
  controleerSamenstelling(s).map((f) => ({ name: f.veld, code: 'past-niet', reason: f.reden }));

async function maakUitnodiging(tx: Tx, actor: Actor, gebruiker: { id: string; gebruikersnaam: string }, nu: Date): Promise<NieuweUitnodiging> {
  const vervallen = await vervalUitnodigingen(tx, gebruiker.id);
  const token = randomBytes(32).toString('base64url');
  const verlooptOp = uitnodigingVerloopt(nu);
  await insertUitnodiging(tx, { gemeenteId: actor.gemeenteId, gebruikerId: gebruiker.id, tokenHash: hashVan(token), door: actor.gebruikerId, verlooptOp });
  await appendAudit(tx, actor, [{
    actie: 'aanmaken', resourceType: 'gebruiker', resourceId: gebruiker.id, persoonId: null,
    doel: `eenmalige link om een wachtwoord in te stellen voor ${gebruiker.gebruikersnaam}, geldig tot ${verlooptOp.toISOString()}${vervallen ? ` (${vervallen} oudere vervallen)` : ''}`,
  }]);
  return { token, verlooptOp };
}

export interface GebruikerInvoer {
  gebruikersnaam: string;
  naam: string;
  rollen: string[];
  teamId?: string | null | undefined;
  aanbiederId?: string | null | undefined;
  /** Only in demo mode; otherwise the new user sets it through the one-time link. */
  wachtwoord?: string | undefined;
}

/**
 * A new account of this gemeente: gemeente staff with roles (and a team), or provider staff with the
 * role aanbieder and their provider. Without a password (always, outside demo mode) the answer carries
 * a one-time link to set it. Bad input writes nothing.
 */
export async function maakGebruiker(tx: Tx, actor: Actor, invoer: GebruikerInvoer, opties: { demo: boolean; nu?: Date }): Promise<{ gebruiker: Gebruiker; uitnodiging: NieuweUitnodiging | null }> {
  const gebruikersnaam = invoer.gebruikersnaam.trim().toLowerCase();
  const s: Samenstelling = { rollen: invoer.rollen, teamId: invoer.teamId ?? null, aanbiederId: invoer.aanbiederId ?? null };
  const fouten: InvalidParam[] = [];
  if (!GEBRUIKERSNAAM.test(gebruikersnaam)) fouten.push({ name: 'gebruikersnaam', code: 'ongeldig', reason: GEBRUIKERSNAAM_REDEN });
  if (!invoer.naam.trim()) fouten.push({ name: 'naam', code: 'verplicht', reason: 'Vul de naam in' });
  fouten.push(...samenstellingFouten(s));
  if (invoer.wachtwoord !== undefined) {
    if (!opties.demo) {
      fouten.push({ name: 'wachtwoord', code: 'alleen-demo', reason: 'Een wachtwoord instellen voor een ander kan alleen in de demo-modus. Laat het veld weg: de gebruiker stelt het zelf in met de eenmalige link.' });
    } else {
      const reden = wachtwoordFout(invoer.wachtwoord, gebruikersnaam);
      if (reden) fouten.push({ name: 'wachtwoord', code: 'ongeldig', reason: reden });
    }
  }
  if (fouten.length === 0) fouten.push(...(await controleerVerwijzingen(tx, s)));
  if (fouten.length) throw ongeldig(fouten);

  const wachtwoordHash = invoer.wachtwoord !== undefined ? await hashPassword(invoer.wachtwoord) : null;
  const id = await insertGebruiker(tx, actor.gemeenteId, {
    gebruikersnaam, naam: invoer.naam.trim(), rollen: [...s.rollen], teamId: s.teamId, aanbiederId: s.aanbiederId, wachtwoordHash,
  });
  if (id === 'bestaat') {
    throw new Problem('conflict', `De gebruikersnaam ${gebruikersnaam} is al in gebruik. Kies een andere gebruikersnaam.`, [
      { name: 'gebruikersnaam', code: 'bestaat-al', reason: 'Deze gebruikersnaam is al in gebruik' },
    ]);
  }
  await appendAudit(tx, actor, [{
    actie: 'aanmaken', resourceType: 'gebruiker', resourceId: id, persoonId: null,
    doel: `gebruiker ${gebruikersnaam} aanmaken met ${s.rollen.length === 1 ? 'rol' : 'rollen'} ${rolNamen(s.rollen)}`
      + `${s.teamId ? `, team ${s.teamId}` : ''}${s.aanbiederId ? `, zorgaanbieder ${s.aanbiederId}` : ''}${wachtwoordHash ? ', wachtwoord door beheer ingesteld (demo-modus)' : ''}`,
  }]);
  const uitnodiging = wachtwoordHash ? null : await maakUitnodiging(tx, actor, { id, gebruikersnaam }, opties.nu ?? new Date());
  return { gebruiker: await leesGebruiker(tx, id), uitnodiging };
}

export interface GebruikerPatch {
  naam?: string | undefined;
  rollen?: string[] | undefined;
  teamId?: string | null | undefined;
  aanbiederId?: string | null | undefined;
}

/** Name, roles, team or provider; the result must still fit together, and beheer keeps its own role. */
export async function wijzigGebruiker(tx: Tx, actor: Actor, id: string, w: GebruikerPatch): Promise<Gebruiker> {
  const huidig = await gebruikerMetId(tx, id, { voorUpdate: true });
  if (!huidig) throw notFound('Deze gebruiker');
  const s: Samenstelling = {
    rollen: w.rollen ?? huidig.rollen,
    teamId: w.teamId !== undefined ? w.teamId : huidig.teamId,
    aanbiederId: w.aanbiederId !== undefined ? w.aanbiederId : huidig.aanbiederId,
  };
  const fouten: InvalidParam[] = [];
  if (w.naam !== undefined && !w.naam.trim()) fouten.push({ name: 'naam', code: 'verplicht', reason: 'Vul de naam in' });
  fouten.push(...samenstellingFouten(s));
  if (fouten.length === 0) {
    fouten.push(...(await controleerVerwijzingen(tx, {
      ...(s.teamId !== huidig.teamId ? { teamId: s.teamId } : {}), ...(s.aanbiederId !== huidig.aanbiederId ? { aanbiederId: s.aanbiederId } : {}),
    })));
  }
  if (fouten.length) throw ongeldig(fouten);
  const eigen = eigenAccountFout(actor.gebruikerId, id, { rollen: s.rollen });
  if (eigen) throw new Problem('ongeldige-invoer', eigen, [{ name: 'rollen', code: 'eigen-account', reason: eigen }]);

  const wijziging: GebruikerWijziging = {};
  const wat: string[] = [];
  if (w.naam !== undefined && w.naam.trim() !== huidig.naam) { wijziging.naam = w.naam.trim(); wat.push('naam'); }
  if (s.rollen.join(',') !== huidig.rollen.join(',')) { wijziging.rollen = [...s.rollen]; wat.push(`rollen ${rolNamen(huidig.rollen)} → ${rolNamen(s.rollen)}`); }
  if (s.teamId !== huidig.teamId) { wijziging.teamId = s.teamId; wat.push(`team ${huidig.teamId ?? 'geen'} → ${s.teamId ?? 'geen'}`); }
  if (s.aanbiederId !== huidig.aanbiederId) { wijziging.aanbiederId = s.aanbiederId; wat.push(`zorgaanbieder ${huidig.aanbiederId ?? 'geen'} → ${s.aanbiederId ?? 'geen'}`); }
  if (wat.length > 0) {
    await updateGebruiker(tx, id, wijziging);
    await appendAudit(tx, actor, [{ actie: 'wijzigen', resourceType: 'gebruiker', resourceId: id, persoonId: null, doel: `gebruiker ${huidig.gebruikersnaam} wijzigen: ${wat.join('; ')}` }]);
  }
  return leesGebruiker(tx, id);
}

/**
 * Deactivating takes effect at once: the account's sessions end in this transaction (the trigger of
 * migration 0030) and its open links become void. Activating again brings neither back. Asking for
 * the state the account already has changes nothing.
 */
export async function zetActief(tx: Tx, actor: Actor, id: string, actief: boolean): Promise<Gebruiker> {
  const eigen = eigenAccountFout(actor.gebruikerId, id, { actief });
  if (eigen) throw new Problem('ongeldige-statusovergang', eigen);
  const huidig = await gebruikerMetId(tx, id, { voorUpdate: true });
  if (!huidig) throw notFound('Deze gebruiker');
  if (huidig.actief !== actief) {
    await updateGebruiker(tx, id, { actief, gedeactiveerdOp: actief ? null : new Date() });
    const vervallen = actief ? 0 : await vervalUitnodigingen(tx, id);
    await appendAudit(tx, actor, [{
      actie: 'wijzigen', resourceType: 'gebruiker', resourceId: id, persoonId: null,
      doel: actief ? `gebruiker ${huidig.gebruikersnaam} activeren` : `gebruiker ${huidig.gebruikersnaam} deactiveren (sessies beëindigd${vervallen ? `, ${vervallen} open link vervallen` : ''})`,
    }]);
  }
  return leesGebruiker(tx, id);
}

/** A new one-time link for an active account; every older open link becomes void. */
export async function nieuweUitnodiging(tx: Tx, actor: Actor, id: string, nu = new Date()): Promise<{ gebruiker: Gebruiker; uitnodiging: NieuweUitnodiging }> {
  const huidig = await gebruikerMetId(tx, id, { voorUpdate: true });
  if (!huidig) throw notFound('Deze gebruiker');
  if (!huidig.actief) throw new Problem('ongeldige-statusovergang', 'Deze gebruiker is gedeactiveerd. Activeer de gebruiker eerst en maak dan een nieuwe link.');
  const uitnodiging = await maakUitnodiging(tx, actor, huidig, nu);
  return { gebruiker: await leesGebruiker(tx, id), uitnodiging };
}

/**
 * The holder of a one-time link sets the password: the link is used up, the password hashed, every
 * session of the account ends (migration 0030). A used, void, expired or unknown link gets one and
 * the same answer, so the page tells nobody which it was.
 */
export async function stelWachtwoordIn(tx: Tx, gemeenteId: string, token: string, wachtwoord: string): Promise<{ gebruikerId: string; gebruikersnaam: string }> {
  const link = await uitnodigingVoorToken(tx, hashVan(token));
  const fout = () => new Problem('ongeldige-invoer', LINK_ONGELDIG, [{ name: 'token', code: 'link-ongeldig', reason: LINK_ONGELDIG }]);
  if (!link || link.gebruiktOp || link.vervallenOp || link.verlopen) throw fout();
  const g = await gebruikerMetId(tx, link.gebruikerId, { voorUpdate: true });
  if (!g || !g.actief) throw fout();
  const reden = wachtwoordFout(wachtwoord, g.gebruikersnaam);
  if (reden) throw new Problem('ongeldige-invoer', reden, [{ name: 'wachtwoord', code: 'ongeldig', reason: reden }]);
  await updateGebruiker(tx, g.id, { wachtwoordHash: await hashPassword(wachtwoord) });
  await markeerGebruikt(tx, link.id);
  // The holder of the link acts as the account itself; the role says how it came in.
  const actor: Actor = { gebruikerId: g.id, gebruikersnaam: g.gebruikersnaam, gemeenteId, rollen: g.rollen, rol: 'eenmalige-link', aanbiederId: g.aanbiederId };
  await appendAudit(tx, actor, [{ actie: 'wijzigen', resourceType: 'gebruiker', resourceId: g.id, persoonId: null, doel: 'wachtwoord instellen met een eenmalige link' }]);
  return { gebruikerId: g.id, gebruikersnaam: g.gebruikersnaam };
}

/** Which gemeente a token belongs to is found before the transaction (by the platform); this is its hash. */
export const tokenHash = hashVan;
