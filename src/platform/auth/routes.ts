import { z } from 'zod';
import { Problem } from '../http/problem.ts';
import { defineRoute, publicAccess, roles, type AnyRoute } from '../http/route.ts';
import { tekst } from '../http/schemas.ts';
import { ALLE_ROLLEN, isRol, rolOmschrijving } from './roles.ts';
import { nogWachten } from './remming.ts';
import { APPARAAT_COOKIE, SESSION_COOKIE, apparaatCookieOptions, sessionCookieOptions } from './session-cookie.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import {
  APPARAAT_DAGEN, bekendApparaat, createSession, deleteSession, findAccount, mislukkingen, onthoudApparaat, recordAttempt, type SessionInfo,
} from './store.ts';

const sessieUitvoer = z.object({
  gebruiker: z.object({
    id: z.uuid(), gebruikersnaam: z.string(), naam: z.string(),
    rollen: z.array(z.object({ code: z.enum(ALLE_ROLLEN), naam: z.string() })),
    aanbiederId: z.uuid().nullable().describe('Medewerker van een zorgaanbieder (rol aanbieder): de aanbieder; null voor medewerkers van de gemeente'),
  }),
  gemeente: z.object({ id: z.uuid(), naam: z.string(), code: z.string() }),
  aanbieder: z.object({ id: z.uuid(), naam: z.string() }).nullable().describe('De zorgaanbieder van een medewerker met de rol aanbieder'),
  csrfToken: z.string(),
  verlooptOp: z.string(),
}).meta({ id: 'Sessie' });

const sessieResource = (s: SessionInfo): z.infer<typeof sessieUitvoer> => ({
  gebruiker: {
    id: s.account.id, gebruikersnaam: s.account.gebruikersnaam, naam: s.account.naam,
    rollen: s.account.rollen.filter(isRol).map((code) => ({ code, naam: rolOmschrijving[code] })),
    aanbiederId: s.account.aanbiederId,
  },
  gemeente: { id: s.account.gemeenteId, naam: s.account.gemeenteNaam, code: s.account.gemeenteCode },
  aanbieder: s.account.aanbiederId ? { id: s.account.aanbiederId, naam: s.account.aanbiederNaam ?? '' } : null,
  csrfToken: s.csrfToken,
  verlooptOp: s.verlooptOp.toISOString(),
});

const inloggen = defineRoute({
  method: 'POST', path: '/sessies', tag: 'Sessies', summary: 'Inloggen met gebruikersnaam en wachtwoord',
  description: 'Zet een sessiecookie (HttpOnly, SameSite=Lax) en een apparaatcookie (alleen voor dit pad): vanuit een browser die eerder inlogde, werkt het goede wachtwoord ook als het account elders wordt aangevallen. Mislukte pogingen maken inloggen trager (429 met Retry-After), nooit geblokkeerd. Stuur bij elke wijziging daarna de csrfToken mee in de header X-CSRF-Token.',
  access: publicAccess,
  csrfExempt: true,
  body: z.object({ gebruikersnaam: tekst(100, 'Gebruikersnaam'), wachtwoord: z.string({ error: 'Wachtwoord is verplicht' }).min(1, 'Wachtwoord is verplicht').max(1000) }),
  responses: { 200: { description: 'Ingelogd', schema: sessieUitvoer } },
  problems: ['onjuiste-inloggegevens', 'te-veel-inlogpogingen'],
  handler: async ({ deps, body, request, reply }) => {
    const ip = request.ip;
    const naam = body.gebruikersnaam.toLowerCase();
    const account = await findAccount(deps.db, naam);
    // A browser that logged in to this account before answers to its own count only (remming.ts).
    const apparaatToken = request.cookies[APPARAAT_COOKIE];
    const apparaat = await bekendApparaat(deps.db, apparaatToken, account?.id);
    const wachten = nogWachten(await mislukkingen(deps.db, naam, ip, apparaat), apparaat !== null, new Date());
    if (wachten > 0) {
      // The password is not even checked while waiting: a guess costs time, and never locks anyone out.
      throw new Problem('te-veel-inlogpogingen', `Te veel mislukte pogingen. Probeer het over ${wachtTekst(wachten)} opnieuw.`, undefined, {
        'retry-after': String(wachten),
      });
    }
    const ok = account?.actief && account.wachtwoordHash
      ? await verifyPassword(account.wachtwoordHash, body.wachtwoord)
      : (await verifyPassword(await dummyPasswordHash(), body.wachtwoord), false);
    await recordAttempt(deps.db, naam, ip, ok, apparaat);
    if (!ok || !account) throw new Problem('onjuiste-inloggegevens', 'Controleer uw gebruikersnaam en wachtwoord en probeer het opnieuw.');
    const { token, info } = await createSession(deps.db, account, deps.config.sessionTtlMinutes);
    reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(request, deps.config.sessionTtlMinutes));
    reply.setCookie(APPARAAT_COOKIE, await onthoudApparaat(deps.db, account, apparaat, apparaatToken), apparaatCookieOptions(request, APPARAAT_DAGEN));
    request.log.info({ event: 'sessie_gestart', gebruikerId: account.id }, 'sessie_gestart');
    return { body: sessieResource(info) };
  },
});

/** A wait in words: '30 seconden', '2 minuten' (also for other throttled public forms). */
export const wachtTekst = (s: number) => (s < 60 ? `${s} ${s === 1 ? 'seconde' : 'seconden'}` : `${Math.ceil(s / 60)} ${Math.ceil(s / 60) === 1 ? 'minuut' : 'minuten'}`);

const huidig = defineRoute({
  method: 'GET', path: '/sessies/huidig', tag: 'Sessies', summary: 'De huidige sessie: gebruiker, rollen, gemeente en CSRF-token',
  access: roles(...ALLE_ROLLEN),
  responses: { 200: { description: 'De sessie', schema: sessieUitvoer } },
  handler: async ({ request }) => ({ body: sessieResource(request.session!) }),
});

const uitloggen = defineRoute({
  method: 'DELETE', path: '/sessies/huidig', tag: 'Sessies', summary: 'Uitloggen',
  access: roles(...ALLE_ROLLEN),
  responses: { 204: { description: 'Uitgelogd' } },
  handler: async ({ deps, request, reply }) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await deleteSession(deps.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    request.log.info({ event: 'sessie_beeindigd' }, 'sessie_beeindigd');
    return { status: 204 };
  },
});

export const authRoutes: AnyRoute[] = [inloggen, huidig, uitloggen];
