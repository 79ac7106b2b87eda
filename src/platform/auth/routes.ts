import { z } from 'zod';
import { Problem } from '../http/problem.ts';
import { defineRoute, publicAccess, roles, type AnyRoute } from '../http/route.ts';
import { tekst } from '../http/schemas.ts';
import { ROLLEN, isRol, rolOmschrijving } from './roles.ts';
import { SESSION_COOKIE, sessionCookieOptions } from './session-cookie.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import {
  LOGIN_WINDOW_MINUTES, MAX_FAILED_PER_IP, MAX_FAILED_PER_NAME, createSession, deleteSession, findAccount, recentFailures, recordAttempt,
  type SessionInfo,
} from './store.ts';

const sessieUitvoer = z.object({
  gebruiker: z.object({
    id: z.uuid(), gebruikersnaam: z.string(), naam: z.string(),
    rollen: z.array(z.object({ code: z.enum(ROLLEN), naam: z.string() })),
  }),
  gemeente: z.object({ id: z.uuid(), naam: z.string(), code: z.string() }),
  csrfToken: z.string(),
  verlooptOp: z.string(),
}).meta({ id: 'Sessie' });

const sessieResource = (s: SessionInfo): z.infer<typeof sessieUitvoer> => ({
  gebruiker: {
    id: s.account.id, gebruikersnaam: s.account.gebruikersnaam, naam: s.account.naam,
    rollen: s.account.rollen.filter(isRol).map((code) => ({ code, naam: rolOmschrijving[code] })),
  },
  gemeente: { id: s.account.gemeenteId, naam: s.account.gemeenteNaam, code: s.account.gemeenteCode },
  csrfToken: s.csrfToken,
  verlooptOp: s.verlooptOp.toISOString(),
});

const inloggen = defineRoute({
  method: 'POST', path: '/sessies', tag: 'Sessies', summary: 'Inloggen met gebruikersnaam en wachtwoord',
  description: 'Zet een sessiecookie (HttpOnly, SameSite=Lax). Stuur bij elke wijziging daarna de csrfToken mee in de header X-CSRF-Token.',
  access: publicAccess,
  csrfExempt: true,
  body: z.object({ gebruikersnaam: tekst(100, 'Gebruikersnaam'), wachtwoord: z.string({ error: 'Wachtwoord is verplicht' }).min(1, 'Wachtwoord is verplicht').max(1000) }),
  responses: { 200: { description: 'Ingelogd', schema: sessieUitvoer } },
  problems: ['onjuiste-inloggegevens', 'te-veel-inlogpogingen'],
  handler: async ({ deps, body, request, reply }) => {
    const ip = request.ip;
    const naam = body.gebruikersnaam.toLowerCase();
    const pogingen = await recentFailures(deps.db, naam, ip);
    if (pogingen.perNaam >= MAX_FAILED_PER_NAME || pogingen.perIp >= MAX_FAILED_PER_IP) {
      throw new Problem('te-veel-inlogpogingen', `Te veel mislukte pogingen. Probeer het over ${LOGIN_WINDOW_MINUTES} minuten opnieuw.`, undefined, {
        'retry-after': String(LOGIN_WINDOW_MINUTES * 60),
      });
    }
    const account = await findAccount(deps.db, naam);
    const ok = account?.actief && account.wachtwoordHash
      ? await verifyPassword(account.wachtwoordHash, body.wachtwoord)
      : (await verifyPassword(await dummyPasswordHash(), body.wachtwoord), false);
    await recordAttempt(deps.db, naam, ip, ok);
    if (!ok || !account) throw new Problem('onjuiste-inloggegevens', 'Controleer uw gebruikersnaam en wachtwoord en probeer het opnieuw.');
    const { token, info } = await createSession(deps.db, account, deps.config.sessionTtlMinutes);
    reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(request, deps.config.sessionTtlMinutes));
    request.log.info({ event: 'sessie_gestart', gebruikerId: account.id }, 'sessie_gestart');
    return { body: sessieResource(info) };
  },
});

const huidig = defineRoute({
  method: 'GET', path: '/sessies/huidig', tag: 'Sessies', summary: 'De huidige sessie: gebruiker, rollen, gemeente en CSRF-token',
  access: roles(...ROLLEN),
  responses: { 200: { description: 'De sessie', schema: sessieUitvoer } },
  handler: async ({ request }) => ({ body: sessieResource(request.session!) }),
});

const uitloggen = defineRoute({
  method: 'DELETE', path: '/sessies/huidig', tag: 'Sessies', summary: 'Uitloggen',
  access: roles(...ROLLEN),
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
