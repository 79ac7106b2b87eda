import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../../app.ts';
import { startTestApp, type TestApp } from '../../testing/harness.ts';

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
