import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'eenvoud_sessie';

/** HttpOnly, SameSite=Lax; Secure whenever the request came over TLS (directly or via a trusted proxy). */
export function sessionCookieOptions(request: FastifyRequest, ttlMinutes: number): CookieSerializeOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https', maxAge: ttlMinutes * 60 };
}
