import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { STANDAARD_KLEUREN } from './rules.ts';

let t: TestApp;
let beheer: Client;
let regisseur: Client;

interface Huisstijl { naam: string; kleuren: typeof STANDAARD_KLEUREN | null; logo: { type: string; url: string } | null }
interface ProblemBody { code: string; detail: string; invalidParams?: { name: string; reason: string }[] }

/** A real 1×1 PNG (the smallest valid one), so the test does not depend on files. */
function png(): string {
  const crc = (b: Buffer) => { let c = ~0; for (const x of b) { c ^= x; for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1)); } return ~c >>> 0; };
  const stuk = (soort: string, data: Buffer) => {
    const s = Buffer.concat([Buffer.from(soort), data]);
    const l = Buffer.alloc(4); l.writeUInt32BE(data.length);
    const c = Buffer.alloc(4); c.writeUInt32BE(crc(s));
    return Buffer.concat([l, s, c]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), stuk('IHDR', ihdr), stuk('IDAT', deflateSync(Buffer.from([0, 31, 92, 63]))), stuk('IEND', Buffer.alloc(0))]).toString('base64');
}

const groen = { primair: '#1f6f4a', primairTekst: '#ffffff', kopAchtergrond: '#1f5c3f', kopTekst: '#ffffff', accent: '#f2b705', link: '#1a6540' };

beforeAll(async () => {
  t = await startTestApp();
  [beheer, regisseur] = await Promise.all([t.login('beheer'), t.login('regisseur')]);
});
afterAll(async () => t?.close());

describe('huisstijl van de gemeente', () => {
  it('de functioneel beheerder zet naam, kleuren en logo; de openbare pagina\'s en de kop lezen ze zonder inloggen', async () => {
    const r = await beheer.request<Huisstijl>('PUT', '/api/v1/instellingen/huisstijl', { naam: 'Gemeente Demodorp', kleuren: groen, logo: { type: 'image/png', data: png() } });
    expect(r.status).toBe(200);
    expect(r.body.kleuren).toEqual(groen);
    expect(r.body.logo!.url).toMatch(/^\/api\/v1\/publiek\/gemeenten\/demodorp\/logo\?v=[0-9a-f]{16}$/);
    expect((await beheer.get<Huisstijl>('/api/v1/instellingen/huisstijl')).body).toEqual(r.body);

    const publiek = await t.anonymous().get<Huisstijl>('/api/v1/publiek/gemeenten/demodorp/huisstijl');
    expect(publiek.status).toBe(200);
    expect(publiek.body).toEqual(r.body);
    expect(publiek.headers.get('cache-control')).toBe('no-cache');

    const logo = await fetch(t.baseUrl + r.body.logo!.url);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(logo.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Buffer.from(await logo.arrayBuffer()).toString('base64')).toBe(png());

    // Leaving the logo out keeps it; null removes it.
    const zonderLogoVeld = await beheer.request<Huisstijl>('PUT', '/api/v1/instellingen/huisstijl', { naam: 'Demodorp', kleuren: groen });
    expect(zonderLogoVeld.body.logo).toEqual(r.body.logo);
    const weg = await beheer.request<Huisstijl>('PUT', '/api/v1/instellingen/huisstijl', { naam: 'Demodorp', kleuren: null, logo: null });
    expect(weg.body).toEqual({ naam: 'Demodorp', kleuren: null, logo: null });
    expect((await t.anonymous().get('/api/v1/publiek/gemeenten/demodorp/logo')).status).toBe(404);
  });

  it('weigert kleuren die te weinig contrast geven met een duidelijke 400, en bewaart dan niets', async () => {
    await beheer.request('PUT', '/api/v1/instellingen/huisstijl', { naam: 'Gemeente Demodorp', kleuren: groen });
    const r = await beheer.request<ProblemBody>('PUT', '/api/v1/instellingen/huisstijl', {
      naam: 'Gemeente Demodorp', kleuren: { ...groen, primair: '#ffdd55', link: '#999999' },
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('ongeldige-invoer');
    expect(r.body.invalidParams!.map((p) => p.name)).toEqual(['kleuren.primair', 'kleuren.link']);
    expect(r.body.invalidParams![0]!.reason).toMatch(/contrast .* is 1,\d:1; minimaal 4,5:1/);
    expect((await beheer.get<Huisstijl>('/api/v1/instellingen/huisstijl')).body.kleuren).toEqual(groen);
  });

  it('weigert een SVG (kan script bevatten), een vermomd bestand en een ongeldige kleurcode', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64');
    const alsSvg = await beheer.request<ProblemBody>('PUT', '/api/v1/instellingen/huisstijl', { naam: 'Demodorp', kleuren: null, logo: { type: 'image/svg+xml', data: svg } });
    expect(alsSvg.status).toBe(400);
    expect(alsSvg.body.invalidParams![0]!.name).toBe('logo.type');
    const vermomd = await beheer.request<ProblemBody>('PUT', '/api/v1/instellingen/huisstijl', { naam: 'Demodorp', kleuren: null, logo: { type: 'image/png', data: svg } });
    expect(vermomd.status).toBe(400);
    expect(vermomd.body.invalidParams).toEqual([expect.objectContaining({ name: 'logo', reason: expect.stringMatching(/SVG wordt niet geaccepteerd/) })]);
    const kleur = await beheer.request<ProblemBody>('PUT', '/api/v1/instellingen/huisstijl', { naam: 'Demodorp', kleuren: { ...groen, accent: 'rood' } });
    expect(kleur.status).toBe(400);
    expect(kleur.body.invalidParams![0]).toEqual(expect.objectContaining({ name: 'kleuren.accent', reason: expect.stringContaining('#rrggbb') }));
  });

  it('alleen de functioneel beheerder leest en wijzigt de huisstijl; elke gemeente heeft haar eigen', async () => {
    expect((await regisseur.get('/api/v1/instellingen/huisstijl')).status).toBe(403);
    expect((await regisseur.request('PUT', '/api/v1/instellingen/huisstijl', { naam: 'X', kleuren: null })).status).toBe(403);
    expect((await t.anonymous().get('/api/v1/instellingen/huisstijl')).status).toBe(401);
    const tweestad = await t.anonymous().get<Huisstijl>('/api/v1/publiek/gemeenten/tweestad/huisstijl');
    expect(tweestad.status).toBe(200);
    expect(tweestad.body.naam).toMatch(/Tweestad/);
    expect(tweestad.body.kleuren).not.toEqual(groen);
    expect((await t.anonymous().get('/api/v1/publiek/gemeenten/bestaat-niet/huisstijl')).status).toBe(404);
  });
});

describe('instellingen zijn begrensd (gaten van buitenaf)', () => {
  interface Besluit { checklist: { code: string; vraag: string; soort: string }[]; steekproefSeed: string; eigenBijdrage: Record<string, string | null> }

  it('een checklistvraag van 900 kB, een lege code of een eindeloze lijst → 400 met het veld genoemd, en er verandert niets', async () => {
    const voor = (await beheer.get<Besluit>('/api/v1/instellingen/besluit')).body;
    const zet = (b: unknown) => beheer.request<ProblemBody>('PUT', '/api/v1/instellingen/besluit', b);
    const groot = await zet({ ...voor, checklist: [{ code: 'groot', vraag: 'x'.repeat(900 * 1024), soort: 'inhoud' }] });
    expect(groot.status).toBe(400);
    expect(groot.body.invalidParams?.[0]?.name).toBe('checklist.0.vraag');
    const leeg = await zet({ ...voor, checklist: [{ code: '', vraag: 'Is alles gecontroleerd?', soort: 'inhoud' }] });
    expect(leeg.status).toBe(400);
    expect(leeg.body.invalidParams?.[0]).toMatchObject({ name: 'checklist.0.code', reason: 'Code is verplicht' });
    const vreemd = await zet({ ...voor, checklist: [{ code: '<script>', vraag: 'Is alles gecontroleerd?', soort: 'inhoud' }] });
    expect(vreemd.status).toBe(400);
    const veel = await zet({ ...voor, checklist: Array.from({ length: 51 }, (_, i) => ({ code: `c${i}`, vraag: 'Vraag?', soort: 'recht' })) });
    expect(veel.status).toBe(400);
    expect((await zet({ ...voor, steekproefSeed: 's'.repeat(5000) })).status).toBe(400);
    expect((await zet({ ...voor, eigenBijdrage: { ...voor.eigenBijdrage, wmo: 'x'.repeat(20_000) } })).status).toBe(400);
    expect((await beheer.get<Besluit>('/api/v1/instellingen/besluit')).body).toEqual(voor);
    // A normal change still works.
    const goed = await zet({ ...voor, checklist: [...voor.checklist, { code: 'extra-vraag', vraag: 'Is de inwoner gehoord?', soort: 'recht' }] });
    expect(goed.status).toBe(200);
    await zet(voor);
  });

  it('ook brieven, huisstijl, termijnen en instrumenten weigeren te lange teksten en te lange lijsten', async () => {
    const corr = (await beheer.get<Record<string, unknown>>('/api/v1/instellingen/correspondentie')).body;
    expect((await beheer.request('PUT', '/api/v1/instellingen/correspondentie', { ...corr, email: `${'a'.repeat(300)}@voorbeeld.nl` })).status).toBe(400);
    expect((await beheer.request('PUT', '/api/v1/instellingen/huisstijl', { naam: 'G'.repeat(81), kleuren: null })).status).toBe(400);
    const termijnen = (await beheer.get<{ bezwaar: { grondslag: string } }>('/api/v1/instellingen/termijnen')).body;
    expect((await beheer.request('PUT', '/api/v1/instellingen/termijnen', { ...termijnen, bezwaar: { ...termijnen.bezwaar, grondslag: 'g'.repeat(300) } })).status).toBe(400);
    const instrument = await beheer.request<ProblemBody>('PUT', '/api/v1/instrumenten/lang', {
      naam: 'Lange schaal', schaal: Array.from({ length: 500 }, (_, i) => ({ waarde: i % 101, label: `w${i}` })), domeinen: [{ code: 'wonen', naam: 'Wonen' }],
    });
    expect(instrument.status).toBe(400);
  });
});
