import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'eenvoud_sessie';

/** HttpOnly, SameSite=Lax; Secure whenever the request came over TLS (directly or via a trusted proxy). */
export function sessionCookieOptions(request: FastifyRequest, ttlMinutes: number): CookieSerializeOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https', maxAge: ttlMinutes * 60 };
}

/**
 * The device cookie: a random token the server knows (hashed) for one account. Sent only to the login
 * path, never readable by script; it marks "this browser logged in here before" for throttling.
 */
export const APPARAAT_COOKIE = 'eenvoud_apparaat';

export function apparaatCookieOptions(request: FastifyRequest, dagen: number): CookieSerializeOptions {
  return { path: '/api/v1/sessies', httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', maxAge: dagen * 24 * 60 * 60 };
}
