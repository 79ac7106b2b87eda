/**
 * Gebruikersbeheer through HTTP (issue 14, ADR 38): beheer adds gemeente staff and provider staff, a
 * one-time link sets the password once, deactivation ends a session at once, other gemeenten's
 * accounts stay out of sight, and bad input writes nothing.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openPostgres } from '../../platform/db/database.ts';
import { Client, startTestApp, type Response, type TestApp } from '../../testing/harness.ts';
import { LINK_ONGELDIG } from './gebruikers-usecases.ts';

let t: TestApp;
let beheer: Client;
let ids: { demodorp: string; tweestad: string; heide: string; zorgkracht: string; tweestadAanbieder: string; wijkteam: string; beheer: string; tweestadRegisseur: string };

interface ProblemBody { status: number; code: string; detail: string; invalidParams?: { name: string; reason: string }[] }
interface GebruikerBody {
  id: string; gebruikersnaam: string; naam: string; soort: string; rollen: { code: string; naam: string }[]; team: { id: string; naam: string } | null;
  aanbieder: { id: string; naam: string } | null; actief: boolean; gedeactiveerdOp: string | null; wachtwoordIngesteld: boolean;
  uitnodiging: { verlooptOp: string; url?: string } | null;
}
interface Lijst { resultaten: GebruikerBody[]; totaal: number; volgende: string | null }

async function ok<T>(r: Promise<Response<T>>, status = 200): Promise<T> {
  const x = await r;
  expect(x.status, JSON.stringify(x.body).slice(0, 400)).toBe(status);
  return x.body;
}

const WACHTWOORD = 'paarse-olifant-danst';
const tokenVan = (url: string) => new URL(url).searchParams.get('token')!;
const stelIn = (token: string, wachtwoord = WACHTWOORD) => t.anonymous().post<ProblemBody & { gebruikersnaam: string }>('/api/v1/wachtwoord-instellen', { token, wachtwoord });
let teller = 0;
const naam = (basis: string) => `${basis}-${process.pid}-${++teller}`;

async function nieuweAanbiederMedewerker(aanbiederId = ids.heide): Promise<GebruikerBody> {
  return ok(beheer.post<GebruikerBody>('/api/v1/gebruikers', { gebruikersnaam: naam('zorg'), naam: 'Zorg Medewerker', rollen: ['aanbieder'], aanbiederId }), 201);
}

/** Rows that must not grow when input is refused. */
async function tellingen() {
  const db = t.database.db;
  const n = async (tabel: 'gebruikers' | 'uitnodigingen' | 'auditlog') => Number((await db.selectFrom(tabel).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { gebruikers: await n('gebruikers'), uitnodigingen: await n('uitnodigingen'), auditlog: await n('auditlog') };
}

beforeAll(async () => {
  t = await startTestApp();
  beheer = await t.login('beheer');
  const db = t.database.db;
  const gemeente = async (code: string) => (await db.selectFrom('gemeenten').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const aanbieder = async (agb: string) => (await db.selectFrom('aanbieders').select('id').where('agb_code', '=', agb).executeTakeFirstOrThrow()).id;
  const gebruiker = async (n: string) => (await db.selectFrom('gebruikers').select('id').where('gebruikersnaam', '=', n).executeTakeFirstOrThrow()).id;
  const tweestad = await gemeente('tweestad');
  ids = {
    demodorp: await gemeente('demodorp'), tweestad, heide: await aanbieder('98012345'), zorgkracht: await aanbieder('98034522'),
    tweestadAanbieder: (await db.selectFrom('aanbieders').select('id').where('gemeente_id', '=', tweestad).executeTakeFirstOrThrow()).id,
    wijkteam: (await db.selectFrom('teams').select('id').where('naam', '=', 'Wijkteam Demodorp').executeTakeFirstOrThrow()).id,
    beheer: await gebruiker('beheer'), tweestadRegisseur: await gebruiker('regisseur-tweestad'),
  };
}, 300_000);
afterAll(async () => t?.close());

describe('gebruikers toevoegen', () => {
  it('een medewerker van de gemeente met rol en team krijgt een eenmalige link; zonder wachtwoord kan hij nog niet inloggen', async () => {
    const g = await ok(beheer.post<GebruikerBody>('/api/v1/gebruikers', {
      gebruikersnaam: naam('Nieuwe.Collega'), naam: '  Nina Nieuw ', rollen: ['regisseur', 'teamleider'], teamId: ids.wijkteam,
    }), 201);
    expect(g).toMatchObject({ soort: 'medewerker', naam: 'Nina Nieuw', actief: true, wachtwoordIngesteld: false, aanbieder: null, team: { id: ids.wijkteam, naam: 'Wijkteam Demodorp' } });
    expect(g.gebruikersnaam).toMatch(/^nieuwe\.collega-/); // stored as logging in reads it: lower case
    expect(g.rollen).toEqual([{ code: 'regisseur', naam: 'Casusregisseur' }, { code: 'teamleider', naam: 'Teamleider Toegang' }]);
    expect(g.uitnodiging!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/wachtwoord-instellen\?token=[A-Za-z0-9_-]{43}$/);
    const dagen = (Date.parse(g.uitnodiging!.verlooptOp) - Date.now()) / 86_400_000;
    expect(dagen).toBeGreaterThan(6.9);
    expect(dagen).toBeLessThanOrEqual(7);
    // Only the hash is kept; the link is nowhere to be read again.
    const opgeslagen = await t.database.db.selectFrom('uitnodigingen').select('token_hash').where('gebruiker_id', '=', g.id).executeTakeFirstOrThrow();
    expect(opgeslagen.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(opgeslagen.token_hash).not.toContain(tokenVan(g.uitnodiging!.url!));
    const gelezen = await ok(beheer.get<GebruikerBody>(`/api/v1/gebruikers/${g.id}`));
    expect(gelezen.uitnodiging).toEqual({ verlooptOp: g.uitnodiging!.verlooptOp });
    const r = await t.anonymous().post<ProblemBody>('/api/v1/sessies', { gebruikersnaam: g.gebruikersnaam, wachtwoord: 'wat-dan-ook-lang' });
    expect(r.status).toBe(401);
  });

  it('een medewerker van een zorgaanbieder stelt met de link een wachtwoord in, logt in en ziet alleen wat voor aanbieders is', async () => {
    const g = await nieuweAanbiederMedewerker();
    expect(g).toMatchObject({ soort: 'aanbieder', rollen: [{ code: 'aanbieder', naam: 'Medewerker zorgaanbieder' }], aanbieder: { id: ids.heide, naam: 'Thuiszorg De Heide' }, team: null });
    const klaar = await stelIn(tokenVan(g.uitnodiging!.url!));
    expect(klaar.status).toBe(200);
    expect(klaar.body).toEqual({ gebruikersnaam: g.gebruikersnaam });
    const zorg = await t.login(g.gebruikersnaam, WACHTWOORD);
    const sessie = await ok(zorg.get<{ gebruiker: { rollen: { code: string }[]; aanbiederId: string }; aanbieder: { id: string; naam: string } }>('/api/v1/sessies/huidig'));
    expect(sessie.gebruiker.aanbiederId).toBe(ids.heide);
    expect(sessie.aanbieder).toEqual({ id: ids.heide, naam: 'Thuiszorg De Heide' });
    expect(sessie.gebruiker.rollen.map((r) => r.code)).toEqual(['aanbieder']);
    for (const pad of ['/api/v1/meldingen', '/api/v1/catalogus', '/api/v1/gebruikers', '/api/v1/aanbieders', `/api/v1/aanbieders/${ids.heide}/voorzieningen`]) {
      const r = await zorg.get<ProblemBody>(pad);
      expect(`${pad} ${r.status} ${r.body.code}`).toBe(`${pad} 403 geen-toegang`);
    }
    const na = await ok(beheer.get<GebruikerBody>(`/api/v1/gebruikers/${g.id}`));
    expect(na).toMatchObject({ wachtwoordIngesteld: true, uitnodiging: null });
  });

  it('de demogebruikers aanbieder en aanbieder2 werken voor twee verschillende zorgaanbieders', async () => {
    const a1 = await ok((await t.login('aanbieder')).get<{ aanbieder: { id: string; naam: string } }>('/api/v1/sessies/huidig'));
    const a2 = await ok((await t.login('aanbieder2')).get<{ aanbieder: { id: string; naam: string } }>('/api/v1/sessies/huidig'));
    expect(a1.aanbieder).toEqual({ id: ids.heide, naam: 'Thuiszorg De Heide' });
    expect(a2.aanbieder).toEqual({ id: ids.zorgkracht, naam: 'Zorgkracht Thuis' });
  });

  it('een gebruikersnaam die al bestaat, ook in een andere gemeente, geeft 409 met een Nederlandse uitleg', async () => {
    for (const bestaand of ['regisseur', 'regisseur-tweestad', 'REGISSEUR']) {
      const voor = await tellingen();
      const r = await beheer.post<ProblemBody>('/api/v1/gebruikers', { gebruikersnaam: bestaand, naam: 'Dubbel', rollen: ['frontoffice'] });
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('conflict');
      expect(r.body.detail).toBe(`De gebruikersnaam ${bestaand.toLowerCase()} is al in gebruik. Kies een andere gebruikersnaam.`);
      expect(r.body.invalidParams).toEqual([expect.objectContaining({ name: 'gebruikersnaam' })]);
      expect(await tellingen()).toEqual(voor);
    }
  });

  it('ongeldige invoer geeft een 400 met het veld en een Nederlandse reden, en schrijft niets', async () => {
    const gevallen: [Record<string, unknown>, string][] = [
      [{ gebruikersnaam: 'a b', naam: 'X', rollen: ['frontoffice'] }, 'gebruikersnaam'],
      [{ gebruikersnaam: naam('x'), naam: '   ', rollen: ['frontoffice'] }, 'naam'],
      [{ gebruikersnaam: naam('x'), naam: 'X', rollen: [] }, 'rollen'],
      [{ gebruikersnaam: naam('x'), naam: 'X', rollen: ['koning'] }, 'rollen.0'],
      [{ gebruikersnaam: naam('x'), naam: 'X', rollen: ['aanbieder'] }, 'aanbiederId'],
      [{ gebruikersnaam: naam('x'), naam: 'X', rollen: ['aanbieder', 'regisseur'], aanbiederId: ids.heide }, 'rollen'],
      [{ gebruikersnaam: naam('x'), naam: 'X', rollen: ['aanbieder'], aanbiederId: ids.heide, teamId: ids.wijkteam }, 'teamId'],
      [{ gebruikersnaam: naam('x'), naam: 'X', rollen: ['regisseur'], aanbiederId: ids.heide }, 'aanbiederId'],
      [{ gebruikersnaam: naam('x'), naam: 'X', rollen: ['regisseur'], teamId: '00000000-0000-4000-8000-000000000000' }, 'teamId'],
      // Another gemeente's provider does not exist here.
      [{ gebruikersnaam: naam('x'), naam: 'X', rollen: ['aanbieder'], aanbiederId: ids.tweestadAanbieder }, 'aanbiederId'],
      [{ gebruikersnaam: naam('x'), naam: 'X', rollen: ['frontoffice'], wachtwoord: 'kort' }, 'wachtwoord'],
    ];
    const voor = await tellingen();
    for (const [body, veld] of gevallen) {
      const r = await beheer.post<ProblemBody>('/api/v1/gebruikers', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.headers.get('content-type')).toMatch(/problem\+json/);
      expect(r.body.invalidParams!.map((p) => p.name), JSON.stringify(body)).toContain(veld);
      expect(r.body.invalidParams!.every((p) => /[a-z]/.test(p.reason))).toBe(true);
    }
    const patch = await beheer.request<ProblemBody>('PATCH', `/api/v1/gebruikers/${ids.beheer}`, { rollen: ['aanbieder'] });
    expect(patch.status).toBe(400);
    expect(await tellingen()).toEqual(voor);
  });
});

describe('in de demo-modus en daarbuiten', () => {
  it('in de demo-modus mag beheer het wachtwoord meegeven; dan is er geen link en werkt inloggen meteen', async () => {
    const g = await ok(beheer.post<GebruikerBody>('/api/v1/gebruikers', {
      gebruikersnaam: naam('demo-zorg'), naam: 'Demo Zorg', rollen: ['aanbieder'], aanbiederId: ids.zorgkracht, wachtwoord: WACHTWOORD,
    }), 201);
    expect(g).toMatchObject({ uitnodiging: null, wachtwoordIngesteld: true });
    await t.login(g.gebruikersnaam, WACHTWOORD);
  });

  it('buiten de demo-modus wordt een meegegeven wachtwoord geweigerd (400, niets geschreven) en komt er altijd een link', async () => {
    const app = await buildApp(t.database, loadConfig({ NODE_ENV: 'test', EENVOUD_DEMO: 'false', LOG_LEVEL: 'silent' }), { logger: false });
    try {
      const login = await app.inject({ method: 'POST', url: '/api/v1/sessies', payload: { gebruikersnaam: 'beheer', wachtwoord: 'demo' } });
      const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const headers = { cookie, 'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken };
      const voor = await tellingen();
      const r = await app.inject({ method: 'POST', url: '/api/v1/gebruikers', headers, payload: { gebruikersnaam: naam('prod'), naam: 'Prod', rollen: ['beleid'], wachtwoord: WACHTWOORD } });
      expect(r.statusCode).toBe(400);
      const body = r.json() as ProblemBody;
      expect(body.invalidParams).toEqual([expect.objectContaining({ name: 'wachtwoord', reason: expect.stringMatching(/alleen in de demo-modus/) })]);
      expect(await tellingen()).toEqual(voor);
      const keuzes = await app.inject({ method: 'GET', url: '/api/v1/gebruikers/keuzes', headers });
      expect((keuzes.json() as { wachtwoordDirect: boolean }).wachtwoordDirect).toBe(false);
      const zonder = await app.inject({ method: 'POST', url: '/api/v1/gebruikers', headers, payload: { gebruikersnaam: naam('prod'), naam: 'Prod', rollen: ['beleid'] } });
      expect(zonder.statusCode).toBe(201);
      expect((zonder.json() as GebruikerBody).uitnodiging!.url).toContain('/wachtwoord-instellen?token=');
    } finally {
      await app.close();
    }
  });
});

describe('de eenmalige link', () => {
  it('werkt één keer; een tweede keer geeft dezelfde 400 als een onbekende link', async () => {
    const g = await nieuweAanbiederMedewerker();
    const token = tokenVan(g.uitnodiging!.url!);
    expect((await stelIn(token)).status).toBe(200);
    const nogmaals = await stelIn(token, 'een-ander-lang-wachtwoord');
    const onbekend = await stelIn('x'.repeat(43), 'een-ander-lang-wachtwoord');
    for (const r of [nogmaals, onbekend]) {
      expect(r.status).toBe(400);
      expect(r.body.detail).toBe(LINK_ONGELDIG);
      expect(r.body.invalidParams).toEqual([{ name: 'token', code: 'link-ongeldig', reason: LINK_ONGELDIG }]);
    }
    // The first password still holds.
    await t.login(g.gebruikersnaam, WACHTWOORD);
  });

  it('een verlopen link wordt geweigerd met dezelfde tekst', async () => {
    const g = await nieuweAanbiederMedewerker();
    await t.database.db.updateTable('uitnodigingen')
      .set({ aangemaakt_op: sql<Date>`now() - interval '8 days'`, verloopt_op: sql<Date>`now() - interval '1 day'` }).where('gebruiker_id', '=', g.id).execute();
    const r = await stelIn(tokenVan(g.uitnodiging!.url!));
    expect(r.status).toBe(400);
    expect(r.body.detail).toBe(LINK_ONGELDIG);
    expect((await ok(beheer.get<GebruikerBody>(`/api/v1/gebruikers/${g.id}`))).uitnodiging).toBeNull();
  });

  it('een nieuwe link laat de oude vervallen', async () => {
    const g = await nieuweAanbiederMedewerker();
    const nieuw = await ok(beheer.post<GebruikerBody>(`/api/v1/gebruikers/${g.id}/uitnodiging`), 201);
    expect(nieuw.uitnodiging!.url).not.toBe(g.uitnodiging!.url);
    expect((await stelIn(tokenVan(g.uitnodiging!.url!))).body.detail).toBe(LINK_ONGELDIG);
    expect((await stelIn(tokenVan(nieuw.uitnodiging!.url!))).status).toBe(200);
  });

  it('een te kort wachtwoord, of de gebruikersnaam als wachtwoord, geeft een 400 op het wachtwoord en laat de link heel', async () => {
    const g = await nieuweAanbiederMedewerker();
    const token = tokenVan(g.uitnodiging!.url!);
    const kort = await stelIn(token, 'kort');
    expect(kort.status).toBe(400);
    expect(kort.body.invalidParams).toEqual([expect.objectContaining({ name: 'wachtwoord', reason: 'Het wachtwoord moet minstens 12 tekens lang zijn' })]);
    const zelfde = await stelIn(token, g.gebruikersnaam);
    expect(zelfde.status).toBe(400);
    expect(zelfde.body.invalidParams).toEqual([expect.objectContaining({ name: 'wachtwoord', reason: 'Het wachtwoord mag niet gelijk zijn aan de gebruikersnaam' })]);
    expect((await stelIn(token)).status).toBe(200);
  });

  it('na een paar ongeldige links vanaf één adres volgt 429 met Retry-After, ook voor een goede link', async () => {
    await t.database.db.deleteFrom('inlogpogingen').where('gebruikersnaam', 'like', '#wachtwoord-instellen:%').execute();
    const g = await nieuweAanbiederMedewerker();
    try {
      for (let i = 0; i < 5; i++) expect((await stelIn(`onzin-${i}-${'y'.repeat(40)}`)).status).toBe(400);
      const r = await stelIn(tokenVan(g.uitnodiging!.url!));
      expect(r.status).toBe(429);
      expect(r.body.code).toBe('te-veel-verzoeken');
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await t.database.db.deleteFrom('inlogpogingen').where('gebruikersnaam', 'like', '#wachtwoord-instellen:%').execute();
    }
    expect((await stelIn(tokenVan(g.uitnodiging!.url!))).status).toBe(200);
  });
});

describe('deactiveren en activeren', () => {
  it('deactiveren beëindigt een open sessie meteen (het volgende verzoek 401) en laat een open link vervallen; activeren geeft het eigen wachtwoord terug', async () => {
    const g = await nieuweAanbiederMedewerker(ids.zorgkracht);
    expect((await stelIn(tokenVan(g.uitnodiging!.url!))).status).toBe(200);
    const zorg = await t.login(g.gebruikersnaam, WACHTWOORD);
    expect((await zorg.get('/api/v1/sessies/huidig')).status).toBe(200);
    expect((await zorg.get('/api/v1/sessies/huidig')).status).toBe(200); // now from the session cache
    const link = await ok(beheer.post<GebruikerBody>(`/api/v1/gebruikers/${g.id}/uitnodiging`), 201);

    const uit = await ok(beheer.post<GebruikerBody>(`/api/v1/gebruikers/${g.id}/deactiveren`));
    expect(uit.actief).toBe(false);
    expect(uit.gedeactiveerdOp).not.toBeNull();
    expect(uit.uitnodiging).toBeNull();
    const r = await zorg.get<ProblemBody>('/api/v1/sessies/huidig');
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('niet-ingelogd');
    const sessies = await t.database.db.selectFrom('sessies').select('token_hash').where('gebruiker_id', '=', g.id).execute();
    expect(sessies).toEqual([]);
    expect((await t.anonymous().post('/api/v1/sessies', { gebruikersnaam: g.gebruikersnaam, wachtwoord: WACHTWOORD })).status).toBe(401);
    expect((await stelIn(tokenVan(link.uitnodiging!.url!))).body.detail).toBe(LINK_ONGELDIG);
    // A deactivated account gets no new link; deactivating again changes nothing.
    expect((await beheer.post<ProblemBody>(`/api/v1/gebruikers/${g.id}/uitnodiging`)).body.code).toBe('ongeldige-statusovergang');
    expect((await ok(beheer.post<GebruikerBody>(`/api/v1/gebruikers/${g.id}/deactiveren`))).gedeactiveerdOp).toBe(uit.gedeactiveerdOp);

    const aan = await ok(beheer.post<GebruikerBody>(`/api/v1/gebruikers/${g.id}/activeren`));
    expect(aan).toMatchObject({ actief: true, gedeactiveerdOp: null });
    await t.login(g.gebruikersnaam, WACHTWOORD);
  });

  it('een gewijzigde rol geldt bij het volgende verzoek', async () => {
    const g = await ok(beheer.post<GebruikerBody>('/api/v1/gebruikers', { gebruikersnaam: naam('wissel'), naam: 'Wim Wissel', rollen: ['frontoffice'], wachtwoord: WACHTWOORD }), 201);
    const c = await t.login(g.gebruikersnaam, WACHTWOORD);
    expect((await c.get('/api/v1/kpis')).status).toBe(403);
    const na = await ok(beheer.request<GebruikerBody>('PATCH', `/api/v1/gebruikers/${g.id}`, { naam: 'Wim Wissel-Beleid', rollen: ['beleid'] }));
    expect(na).toMatchObject({ naam: 'Wim Wissel-Beleid', rollen: [{ code: 'beleid', naam: 'Beleidsmedewerker' }] });
    expect((await c.get('/api/v1/kpis')).status).toBe(200);
    expect((await c.get('/api/v1/meldingen')).status).toBe(403);
  });

  it('beheer kan het eigen account niet deactiveren en de eigen rol beheer niet weghalen', async () => {
    const voor = await tellingen();
    const r = await beheer.post<ProblemBody>(`/api/v1/gebruikers/${ids.beheer}/deactiveren`);
    expect(r.status).toBe(409);
    expect(r.body.detail).toMatch(/eigen account niet deactiveren/);
    const p = await beheer.request<ProblemBody>('PATCH', `/api/v1/gebruikers/${ids.beheer}`, { rollen: ['beleid'] });
    expect(p.status).toBe(400);
    expect(p.body.detail).toMatch(/eigen rol Functioneel beheerder niet weghalen/);
    expect(await tellingen()).toEqual(voor);
    expect((await beheer.get('/api/v1/sessies/huidig')).status).toBe(200);
  });

  it('elke wijziging staat in de audittrail, met beheer als wie het deed', async () => {
    const g = await nieuweAanbiederMedewerker();
    await ok(beheer.post(`/api/v1/gebruikers/${g.id}/deactiveren`));
    await ok(beheer.post(`/api/v1/gebruikers/${g.id}/activeren`));
    const regels = await t.database.db.selectFrom('auditlog').select(['gebruikersnaam', 'rol', 'actie', 'doel']).where('resource_type', '=', 'gebruiker')
      .where('resource_id', '=', g.id).orderBy('id').execute();
    expect(regels.map((r) => [r.gebruikersnaam, r.rol, r.actie])).toEqual([
      ['beheer', 'beheer', 'aanmaken'], ['beheer', 'beheer', 'aanmaken'], ['beheer', 'beheer', 'wijzigen'], ['beheer', 'beheer', 'wijzigen'],
    ]);
    expect(regels[0]!.doel).toContain('Medewerker zorgaanbieder');
    expect(regels[1]!.doel).toContain('eenmalige link');
    expect(regels[2]!.doel).toContain('deactiveren');
  });
});

describe('wie mag wat', () => {
  it('alleen beheer: een andere rol en een medewerker van een zorgaanbieder krijgen 403, zonder sessie 401', async () => {
    const g = await nieuweAanbiederMedewerker();
    for (const wie of ['regisseur', 'privacy', 'inkoper', 'aanbieder']) {
      const c = await t.login(wie);
      for (const [method, pad, body] of [
        ['GET', '/api/v1/gebruikers', undefined], ['GET', `/api/v1/gebruikers/${g.id}`, undefined], ['GET', '/api/v1/gebruikers/keuzes', undefined],
        ['POST', '/api/v1/gebruikers', { gebruikersnaam: naam('x'), naam: 'X', rollen: ['frontoffice'] }], ['PATCH', `/api/v1/gebruikers/${g.id}`, { naam: 'Y' }],
        ['POST', `/api/v1/gebruikers/${g.id}/deactiveren`, undefined], ['POST', `/api/v1/gebruikers/${g.id}/uitnodiging`, undefined],
      ] as const) {
        const r = await c.request(method, pad, body);
        expect(`${wie} ${method} ${pad} ${r.status}`).toBe(`${wie} ${method} ${pad} 403`);
      }
    }
    expect((await t.anonymous().get('/api/v1/gebruikers')).status).toBe(401);
  });

  it('de gebruikers van een andere gemeente zijn onzichtbaar en onaantastbaar', async () => {
    const alle: GebruikerBody[] = [];
    let na: string | null = null;
    do {
      const p: Lijst = await ok(beheer.get<Lijst>(`/api/v1/gebruikers?aantal=200${na ? `&na=${na}` : ''}`));
      alle.push(...p.resultaten);
      na = p.volgende;
    } while (na);
    expect(alle.map((g) => g.gebruikersnaam)).not.toContain('regisseur-tweestad');
    expect(alle.map((g) => g.gebruikersnaam)).toContain('regisseur');
    const id = ids.tweestadRegisseur;
    expect((await beheer.get<ProblemBody>(`/api/v1/gebruikers/${id}`)).status).toBe(404);
    expect((await beheer.request<ProblemBody>('PATCH', `/api/v1/gebruikers/${id}`, { naam: 'Gekaapt' })).status).toBe(404);
    expect((await beheer.post<ProblemBody>(`/api/v1/gebruikers/${id}/deactiveren`)).status).toBe(404);
    expect((await beheer.post<ProblemBody>(`/api/v1/gebruikers/${id}/uitnodiging`)).status).toBe(404);
    const rij = await t.database.db.selectFrom('gebruikers').select(['naam', 'actief']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(rij).toEqual({ naam: 'Thijs Tweestad', actief: true });
    await t.login('regisseur-tweestad');
  });
});

describe('de lijst', () => {
  it('filtert op rol, zorgaanbieder, actief en tekst, en bladert met een cursor', async () => {
    const aanbieders = await ok(beheer.get<Lijst>('/api/v1/gebruikers?rol=aanbieder&aantal=200'));
    expect(aanbieders.resultaten.every((g) => g.soort === 'aanbieder')).toBe(true);
    expect(aanbieders.resultaten.map((g) => g.gebruikersnaam)).toEqual(expect.arrayContaining(['aanbieder', 'aanbieder2']));
    const zorgkracht = await ok(beheer.get<Lijst>(`/api/v1/gebruikers?aanbiederId=${ids.zorgkracht}&aantal=200`));
    expect(zorgkracht.resultaten.length).toBeGreaterThan(0);
    expect(zorgkracht.resultaten.every((g) => g.aanbieder?.id === ids.zorgkracht)).toBe(true);
    const gezocht = await ok(beheer.get<Lijst>('/api/v1/gebruikers?zoek=ruud'));
    expect(gezocht.resultaten.map((g) => g.gebruikersnaam)).toEqual(['regisseur']);
    const g = await nieuweAanbiederMedewerker();
    await ok(beheer.post(`/api/v1/gebruikers/${g.id}/deactiveren`));
    const inactief = await ok(beheer.get<Lijst>('/api/v1/gebruikers?actief=false&aantal=200'));
    expect(inactief.resultaten.map((x) => x.id)).toContain(g.id);
    expect(inactief.resultaten.every((x) => !x.actief)).toBe(true);

    const gezien: string[] = [];
    let na: string | null = null;
    let totaal: number;
    do {
      const p: Lijst = await ok(beheer.get<Lijst>(`/api/v1/gebruikers?aantal=3${na ? `&na=${na}` : ''}`));
      expect(p.resultaten.length).toBeLessThanOrEqual(3);
      gezien.push(...p.resultaten.map((x) => x.id));
      totaal = p.totaal;
      na = p.volgende;
    } while (na);
    // Every account once (the order is the database's collation of names).
    expect(gezien).toHaveLength(totaal);
    expect(new Set(gezien).size).toBe(totaal);
    expect((await beheer.get<ProblemBody>('/api/v1/gebruikers?na=onzin!')).status).toBe(400);
    expect((await beheer.get<ProblemBody>('/api/v1/gebruikers?actief=misschien')).status).toBe(400);
  });
});

/**
 * In production the app is no owner of the tables (README, "Database: eigenaar en app-rol"): a login
 * role that is only a member of eenvoud_app and eenvoud_platform must manage users, set a password
 * through a link, log in as provider staff (the provider's name read before the gemeente is known)
 * and end sessions by deactivating. Only on a server: PGlite has one (superuser) connection.
 */
describe.skipIf(process.env.EENVOUD_TEST_DB !== 'server')('met een app-rol die de tabellen niet bezit', () => {
  it('gebruikersbeheer, de eenmalige link, inloggen als zorgaanbieder en deactiveren werken', async () => {
    const rol = `eenvoud_rt_${randomBytes(4).toString('hex')}`;
    const geheim = randomBytes(12).toString('hex');
    await sql`${sql.raw(`create role ${rol} login password '${geheim}' in role eenvoud_app, eenvoud_platform`)}`.execute(t.database.db);
    const naamDb = (await sql<{ n: string }>`select current_database() as n`.execute(t.database.db)).rows[0]!.n;
    const u = new URL(process.env.TEST_DATABASE_URL!);
    u.pathname = `/${naamDb}`;
    u.username = rol;
    u.password = geheim;
    const rt = await openPostgres(u.toString(), 3);
    try {
      const app = await buildApp(rt, loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), { logger: false });
      await app.listen({ port: 0, host: '127.0.0.1' });
      try {
        const adres = app.server.address();
        if (!adres || typeof adres === 'string') throw new Error('geen poort');
        const basis = `http://127.0.0.1:${adres.port}`;
        const inloggen = async (gebruikersnaam: string, wachtwoord: string) => {
          const c = new Client(basis);
          const r = await c.post<{ csrfToken: string }>('/api/v1/sessies', { gebruikersnaam, wachtwoord });
          expect(r.status, JSON.stringify(r.body)).toBe(200);
          c.csrfToken = r.body.csrfToken;
          return c;
        };
        const bh = await inloggen('beheer', 'demo');
        const g = await ok(bh.post<GebruikerBody>('/api/v1/gebruikers', { gebruikersnaam: naam('rt-zorg'), naam: 'Runtime Zorg', rollen: ['aanbieder'], aanbiederId: ids.heide }), 201);
        const token = tokenVan(g.uitnodiging!.url!);
        expect((await new Client(basis).post('/api/v1/wachtwoord-instellen', { token, wachtwoord: WACHTWOORD })).status).toBe(200);
        const zorg = await inloggen(g.gebruikersnaam, WACHTWOORD);
        expect((await ok(zorg.get<{ aanbieder: { naam: string } }>('/api/v1/sessies/huidig'))).aanbieder.naam).toBe('Thuiszorg De Heide');
        expect((await ok(bh.get<Lijst>('/api/v1/gebruikers?rol=aanbieder'))).totaal).toBeGreaterThan(0);
        await ok(bh.post(`/api/v1/gebruikers/${g.id}/deactiveren`));
        expect((await zorg.get('/api/v1/sessies/huidig')).status).toBe(401);
      } finally {
        await app.close();
      }
    } finally {
      await rt.close();
      await sql`${sql.raw(`drop role ${rol}`)}`.execute(t.database.db);
    }
  });
});
