import { z } from 'zod';
import { problemCodes } from './problem.ts';
import { problemSchema } from './schemas.ts';
import type { AnyRoute } from './route.ts';

type JsonSchema = Record<string, unknown>;

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests, so
 * the document cannot drift from what the server accepts.
 */
export function buildOpenApi(routes: AnyRoute[], base: string, toPath: (p: string) => string): Record<string, unknown> {
  const components: Record<string, JsonSchema> = {};
  // Nested schemas with a meta id land in $defs; lift them into components and point refs there.
  const lift = (json: JsonSchema): JsonSchema => {
    const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
    delete json.$defs;
    delete json.$schema;
    const rewrite = (v: JsonSchema) => JSON.parse(JSON.stringify(v).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
    for (const [name, def] of Object.entries(defs)) components[name] ??= rewrite(def);
    return rewrite(json);
  };
  const convert = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
    const json = lift(z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema);
    const id = schema.meta()?.id as string | undefined;
    if (!id) return json;
    components[id] ??= json;
    return { $ref: `#/components/schemas/${id}` };
  };

  const problemRef = convert(problemSchema, 'output');
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = base + toPath(r.path);
    const parameters: unknown[] = [];
    for (const [name, io] of [['params', 'path'], ['query', 'query']] as const) {
      const schema = r[name];
      if (!schema) continue;
      const json = lift(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonSchema) as {
        properties?: Record<string, JsonSchema>; required?: string[];
      };
      for (const [pname, pschema] of Object.entries(json.properties ?? {})) {
        parameters.push({ name: pname, in: io, required: io === 'path' || (json.required ?? []).includes(pname), schema: pschema });
      }
    }
    const responses: Record<string, unknown> = {};
    for (const [status, resp] of Object.entries(r.responses)) {
      responses[status] = resp.schema
        ? { description: resp.description, content: { [resp.contentType ?? 'application/json']: { schema: convert(resp.schema, 'output') } } }
        : resp.contentType
          ? { description: resp.description, content: { [resp.contentType]: { schema: { type: 'string', contentMediaType: resp.contentType } } } }
          : { description: resp.description };
    }
    const problemStatuses = new Set<number>((r.problems ?? []).map((c) => problemCodes[c].status));
    if (r.access.kind === 'roles') { problemStatuses.add(401); problemStatuses.add(403); }
    problemStatuses.add(500);
    for (const s of problemStatuses) {
      responses[String(s)] ??= { description: 'Probleem (RFC 9457)', content: { 'application/problem+json': { schema: problemRef } } };
    }
    paths[path] ??= {};
    paths[path][r.method.toLowerCase()] = {
      operationId: `${r.method.toLowerCase()}${r.path.replace(/\{(\w+)\}/g, 'By$1').replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: [r.tag],
      'x-rollen': r.access.kind === 'public' ? ['publiek'] : r.access.roles,
      ...(r.access.kind === 'roles' ? { security: [{ sessie: [] }] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: convert(r.body, 'input') } } } } : {}),
      responses,
    };
  }
  paths[`${base}/health`] = {
    get: { operationId: 'getHealth', summary: 'Werkt de dienst?', tags: ['Platform'], responses: { 200: { description: 'OK', content: { 'application/json': { schema: { type: 'object', properties: { status: { const: 'ok' } }, required: ['status'] } } } } } },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Eenvoud API',
      version: '1.0.0',
      description: 'De API van Eenvoud, het geïntegreerde systeem voor het sociaal domein. Wijzigingen vereisen de header X-CSRF-Token met het token uit de sessie.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: components,
      securitySchemes: { sessie: { type: 'apiKey', in: 'cookie', name: 'eenvoud_sessie' } },
    },
  };
}
