/**
 * The one way the web app talks to the API: JSON over fetch with the session cookie, the CSRF token on
 * every change, and application/problem+json turned into an `ApiProblem` a page can show.
 */

export const API_BASE = '/api/v1';

export interface InvalidParam {
  name: string;
  code: string;
  reason: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  invalidParams?: InvalidParam[];
}

/** An answer from the API that is not a success, with the Dutch text the API gave. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly invalidParams: InvalidParam[];

  constructor(body: ProblemBody) {
    super(`${body.code}: ${body.detail}`);
    this.name = 'ApiProblem';
    this.status = body.status;
    this.code = body.code;
    this.title = body.title;
    this.detail = body.detail;
    this.invalidParams = body.invalidParams ?? [];
  }
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;
let onNotLoggedIn: (() => void) | null = null;

/** The session provider keeps the CSRF token of the current session here. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the API says the session is gone (expired or logged out elsewhere). */
export function setNotLoggedInHandler(handler: (() => void) | null): void {
  onNotLoggedIn = handler;
}

function isProblemBody(v: unknown): v is ProblemBody {
  return typeof v === 'object' && v !== null && 'status' in v && 'title' in v && 'code' in v;
}

async function toProblem(response: Response): Promise<ApiProblem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body: unknown = await response.json();
      if (isProblemBody(body)) return new ApiProblem({ ...body, detail: body.detail ?? '' });
    } catch {
      // Not valid JSON: fall through to the generic problem below.
    }
  }
  return new ApiProblem({
    type: 'about:blank', status: response.status, code: 'onbekende-fout',
    title: 'Er ging iets mis', detail: `De server antwoordde met status ${response.status}. Probeer het later opnieuw.`,
  });
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A raw XML body (an iWmo/iJw message to deliver) instead of JSON. */
  xml?: string;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.xml !== undefined) headers['content-type'] = 'application/xml';
  if (WRITES.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(opts.query ?? {})) {
    if (v !== undefined && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}${qs ? `?${qs}` : ''}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : opts.xml !== undefined ? { body: opts.xml } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiProblem({
      type: 'about:blank', status: 0, code: 'geen-verbinding',
      title: 'Geen verbinding', detail: 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
    });
  }

  if (!response.ok) {
    const problem = await toProblem(response);
    if (problem.status === 401 && problem.code === 'niet-ingelogd') onNotLoggedIn?.();
    throw problem;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
