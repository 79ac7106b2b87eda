import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Rol } from '../auth/roles.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../tenancy/tx.ts';
import type { ProblemCode } from './problem.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface AppDeps {
  db: Kysely<DB>;
  config: Config;
  databaseKind: 'pglite' | 'postgres';
}

export interface HandlerContext<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  /** The caller; null only on public routes. */
  actor: Actor | null;
  deps: AppDeps;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface HandlerResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Access = { kind: 'public' } | { kind: 'roles'; roles: readonly Rol[] };
export const publicAccess: Access = { kind: 'public' };
export const roles = (...r: Rol[]): Access => ({ kind: 'roles', roles: r });

/** A JSON endpoint: path, who may call it, the schemas of its input and output, and the handler. */
export interface RouteDef<B = unknown, Q = unknown, P = unknown> {
  method: Method;
  /** Path below /api/v1, with `{name}` for path parameters (as OpenAPI writes them). */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  /** Skip the CSRF check: only for public endpoints that create a session or take anonymous input. */
  csrfExempt?: boolean;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
  /** Problem codes this endpoint can answer with besides the generic ones (for the OpenAPI document). */
  problems?: ProblemCode[];
  handler: (ctx: HandlerContext<B, Q, P>) => Promise<HandlerResult>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds routes of every input type
export type AnyRoute = RouteDef<any, any, any>;

/** Keeps the input types of a route inferred from its schemas. */
export function defineRoute<B = undefined, Q = undefined, P = undefined>(def: RouteDef<B, Q, P>): RouteDef<B, Q, P> {
  return def;
}

export const idParams = z.object({ id: z.uuid() });
