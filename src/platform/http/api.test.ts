import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes, buildApp } from '../../app.ts';
import { loadConfig, parseTrustProxy } from '../../config.ts';
import { nieuwBsn, startTestApp, voorbeeldMelding, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => t?.close());

describe('HTTP-afspraken', () => {
  it('health → 200 {"status":"ok"}', async () => {
    const r = await t.anonymous().get('/api/v1/health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok' });
  });

  it('het OpenAPI 3.1-document beschrijft elk endpoint met zijn rollen, en elke $ref bestaat', async () => {
    const r = await t.anonymous().get<{ openapi: string; paths: Record<string, Record<string, { 'x-rollen': string[] }>>; components: { schemas: Record<string, unknown> } }>(
      '/api/v1/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    for (const route of allRoutes) {
      const op = r.body.paths[`/api/v1${route.path}`]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      expect(op!['x-rollen']).toEqual(route.access.kind === 'public' ? ['publiek'] : route.access.roles);
    }
    const text = JSON.stringify(r.body);
    const refs = [...text.matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(r.body.components.schemas[ref.split('/').pop()!], ref).toBeDefined();
    }
    const body = r.body.paths['/api/v1/meldingen']!.post as unknown as { requestBody: { content: { 'application/json': { schema: { $ref: string } } } } };
    const invoer = r.body.components.schemas[body.requestBody.content['application/json'].schema.$ref.split('/').pop()!] as { required: string[] };
    expect(invoer.required).toEqual(expect.arrayContaining(['persoon', 'wet', 'kanaal', 'ontvangenOp', 'omschrijving']));
  });

  it('antwoorden dragen beveiligingsheaders', async () => {
    const r = await t.anonymous().get('/api/v1/health');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});

describe('snel laden en niets bewaren wat persoonlijk is', () => {
  it('API-antwoorden komen gecomprimeerd (brotli of gzip) als de browser dat vraagt', async () => {
    const regisseur = await t.login('regisseur');
    const br = await t.app.inject({ method: 'GET', url: '/api/v1/meldingen', headers: { cookie: regisseur.cookie!, 'accept-encoding': 'br, gzip' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('accept-encoding');
    const plat = await t.app.inject({ method: 'GET', url: '/api/v1/meldingen', headers: { cookie: regisseur.cookie! } });
    expect(br.rawPayload.length).toBeLessThan(plat.rawPayload.length);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(JSON.parse(plat.body));
    const gz = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString()).openapi).toBe('3.1.0');
    const geen = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(geen.headers['content-encoding']).toBeUndefined();
  });

  it('alles achter een login — JSON, fouten en PDF-brieven — draagt Cache-Control: no-store', async () => {
    const regisseur = await t.login('regisseur');
    for (const pad of ['/api/v1/meldingen', '/api/v1/sessies/huidig', '/api/v1/meldingen/00000000-0000-4000-8000-000000000000']) {
      const r = await regisseur.get(pad);
      expect(r.headers.get('cache-control'), pad).toBe('no-store');
    }
    // One of Ruud's own files: a beschikking of another regisseur's household is 403 under need-to-know.
    const b = await t.database.db.selectFrom('beschikkingen').innerJoin('aanvragen', 'aanvragen.id', 'beschikkingen.aanvraag_id')
      .innerJoin('casussen', 'casussen.id', 'aanvragen.casus_id')
      .innerJoin('gebruikers', 'gebruikers.id', 'casussen.regisseur_id').where('gebruikers.gebruikersnaam', '=', 'regisseur')
      .select('beschikkingen.id').limit(1).executeTakeFirst();
    expect(b, 'de demo heeft een beschikking in een casus van Ruud').toBeDefined();
    if (b) {
      const pdf = await regisseur.get(`/api/v1/beschikkingen/${b.id}/brief.pdf`);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(pdf.headers.get('cache-control')).toBe('no-store');
    }
    // Zonder sessie: de weigering en het inloggen zelf worden evenmin bewaard.
    expect((await t.anonymous().get('/api/v1/meldingen')).headers.get('cache-control')).toBe('no-store');
    const inloggen = await t.anonymous().post('/api/v1/sessies', { gebruikersnaam: 'regisseur', wachtwoord: 'demo' });
    expect(inloggen.headers.get('cache-control')).toBe('no-store');
  });

  it('openbare gegevens (de naam van de gemeente, de keuzelijsten) mogen bewaard worden, maar worden steeds opnieuw gecontroleerd', async () => {
    for (const pad of ['/api/v1/publiek/gemeenten/demodorp', '/api/v1/waardelijsten']) {
      expect((await t.anonymous().get(pad)).headers.get('cache-control'), pad).toBe('no-cache');
    }
  });

  it('gehashte bestanden zijn onveranderlijk te bewaren, index.html en de SPA-terugval niet', async () => {
    const web = mkdtempSync(join(tmpdir(), 'eenvoud-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><html lang="nl"><title>Eenvoud</title><div id="root"></div></html>');
    writeFileSync(join(web, 'assets', 'index-Abc123.js'), `export const x = ${JSON.stringify('Eenvoud '.repeat(500))};`);
    const app = await buildApp(t.database, loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), { webRoot: web, logger: false });
    try {
      const js = await app.inject({ method: 'GET', url: '/assets/index-Abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(js.statusCode).toBe(200);
      expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(js.headers['content-encoding']).toBe('br');
      expect(js.rawPayload.length).toBeLessThan(1000);
      for (const pad of ['/', '/index.html', '/casussen/123', '/melden/demodorp']) {
        const html = await app.inject({ method: 'GET', url: pad });
        expect(html.statusCode, pad).toBe(200);
        expect(html.headers['content-type'], pad).toContain('text/html');
        expect(html.headers['cache-control'], pad).toBe('no-cache');
      }
      // A hash from an old build is a 404, not index.html that would be kept for a year.
      const oud = await app.inject({ method: 'GET', url: '/assets/index-Oud999.js' });
      expect(oud.statusCode).toBe(404);
      expect(oud.headers['cache-control']).not.toContain('immutable');
    } finally {
      await app.close();
      rmSync(web, { recursive: true, force: true });
    }
  });
});

describe('gaten van buitenaf: invoer, proxy en transport', () => {
  const metNul = 'Hallo\u0000wereld';

  it('een NUL-teken in een tekstveld → 400 met het veld genoemd, op elke route (formulier, inloggen, melding, instellingen, zoeken)', async () => {
    const fo = await t.login('frontoffice');
    const beheer = await t.login('beheer');
    const gevallen: [string, Promise<{ status: number; body: unknown }>, string][] = [
      ['publiek formulier', t.anonymous().post('/api/v1/publiek/gemeenten/demodorp/meldingen', {
        persoon: { bsn: nieuwBsn(), voornaam: 'Nul', achternaam: 'Teken', geboortedatum: '1980-01-01' },
        onderwerp: 'wmo', omschrijving: metNul, contact: { telefoon: '0612345678' },
      }), 'omschrijving'],
      ['inloggen', t.anonymous().post('/api/v1/sessies', { gebruikersnaam: 'regis\u0000seur', wachtwoord: 'demo' }), 'gebruikersnaam'],
      ['melding', fo.post('/api/v1/meldingen', voorbeeldMelding({ omschrijving: metNul })), 'omschrijving'],
      ['huisstijl', beheer.request('PUT', '/api/v1/instellingen/huisstijl', { naam: metNul, kleuren: null }), 'naam'],
      ['zoeken', fo.get(`/api/v1/zoeken?q=${encodeURIComponent('Jansen\u0000')}`), 'q'],
    ];
    for (const [naam, verzoek, veld] of gevallen) {
      const r = await verzoek as { status: number; body: { code: string; invalidParams?: { name: string; code: string; reason: string }[] } };
      expect(r.status, naam).toBe(400);
      expect(r.body.code, naam).toBe('ongeldige-invoer');
      expect(r.body.invalidParams?.[0], naam).toMatchObject({ name: veld, code: 'nul-teken', reason: expect.stringMatching(/NUL-teken/) });
    }
    const n = await t.database.db.selectFrom('meldingen').select((eb) => eb.fn.countAll<number>().as('n')).where('omschrijving', 'like', 'Hallo%wereld').executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('TRUST_PROXY: true, een aantal of adressen; alles anders stopt de start', () => {
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.1, 10.1.0.0/16,loopback')).toEqual(['10.0.0.1', '10.1.0.0/16', 'loopback']);
    expect(parseTrustProxy('iedereen')).toBeUndefined();
    expect(parseTrustProxy('10.0.0.0/99')).toBeUndefined();
    expect(() => loadConfig({ TRUST_PROXY: 'ja' })).toThrow(/TRUST_PROXY/);
  });

  it('achter één vertrouwde proxy telt het adres dat die proxy zag: een verzonnen X-Forwarded-For ontloopt de limiet per IP niet', async () => {
    const app = await buildApp(t.database, loadConfig({ NODE_ENV: 'test', TRUST_PROXY: 'true' }), { logger: false });
    try {
      const statussen: number[] = [];
      for (let i = 0; i < 7; i++) {
        // The client invents a new address each time; the proxy appends the real one (203.0.113.9).
        const r = await app.inject({
          method: 'POST', url: '/api/v1/publiek/gemeenten/tweestad/meldingen',
          headers: { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.9`, 'content-type': 'application/json' },
          payload: {
            persoon: { bsn: nieuwBsn(), voornaam: 'Robot', achternaam: 'Proxy', geboortedatum: '1980-01-01' },
            onderwerp: 'wmo', omschrijving: 'Test', contact: { telefoon: '0612345678' }, website: 'http://spam.example',
          },
        });
        statussen.push(r.statusCode);
      }
      expect(statussen.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
      expect(statussen.slice(5)).toEqual([429, 429]);
      // Another resident behind the same proxy is not limited by the first one.
      const ander = await app.inject({
        method: 'POST', url: '/api/v1/publiek/gemeenten/tweestad/meldingen',
        headers: { 'x-forwarded-for': '203.0.113.10', 'content-type': 'application/json' },
        payload: {
          persoon: { bsn: nieuwBsn(), voornaam: 'Robot', achternaam: 'Proxy', geboortedatum: '1980-01-01' },
          onderwerp: 'wmo', omschrijving: 'Test', contact: { telefoon: '0612345678' }, website: 'http://spam.example',
        },
      });
      expect(ander.statusCode).toBe(201);
    } finally {
      await app.close();
    }
  });

  it('over TLS (via de vertrouwde proxy) draagt elk antwoord Strict-Transport-Security; over http en zonder vertrouwde proxy niet', async () => {
    const achterProxy = await buildApp(t.database, loadConfig({ NODE_ENV: 'test', TRUST_PROXY: 'true' }), { logger: false });
    const zonder = await buildApp(t.database, loadConfig({ NODE_ENV: 'test' }), { logger: false });
    try {
      const tls = await achterProxy.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-forwarded-proto': 'https' } });
      expect(tls.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}/);
      const http = await achterProxy.inject({ method: 'GET', url: '/api/v1/health' });
      expect(http.headers['strict-transport-security']).toBeUndefined();
      const verzonnen = await zonder.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-forwarded-proto': 'https' } });
      expect(verzonnen.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await achterProxy.close();
      await zonder.close();
    }
  });
});
