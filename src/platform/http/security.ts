import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bearerOf } from '../../domain/access/api-tokens.ts';
import { AppError } from './errors.ts';

export interface SecurityOptions {
  cookieSecret: string;
  /** Requests per minute and source address on routes that opt into rate limiting. */
  rateLimitPerMinute: number;
  /** Canonical origin (PUBLIC_URL); when unset the request's own host is the origin. */
  publicOrigin?: string | undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const CSP_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'object-src': ["'none'"],
};

/**
 * The essential headers for answers that no hook sees (errors of the router itself, which
 * Fastify answers before the helmet hooks run): the same CSP, no sniffing, no framing.
 */
export const BASELINE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': Object.entries(CSP_DIRECTIVES)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join(';'),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/**
 * Headers, cookies, CSRF and rate limiting for the whole app.
 * CSP: scripts and styles only from our own origin, no inline code, no framing.
 */
export async function registerSecurity(app: FastifyInstance, opts: SecurityOptions): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: CSP_DIRECTIVES,
    },
    // HSTS only makes sense behind TLS; the proxy in front sets it (README, production notes).
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });

  await app.register(fastifyCookie, { secret: opts.cookieSecret, parseOptions: {} });
  await app.register(fastifyCsrf, {
    cookieKey: '__csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: 'auto' },
    getToken: (req) => {
      const body = req.body as Record<string, unknown> | undefined;
      const fromBody = body && typeof body === 'object' ? body[CSRF_FIELD] : undefined;
      if (typeof fromBody === 'string') return fromBody;
      const header = req.headers[CSRF_HEADER];
      return typeof header === 'string' ? header : undefined;
    },
  });

  await app.register(fastifyRateLimit, {
    global: false,
    max: opts.rateLimitPerMinute,
    timeWindow: '1 minute',
    addHeadersOnExceeding: {
      'x-ratelimit-limit': true,
      'x-ratelimit-remaining': true,
      'x-ratelimit-reset': true,
    },
    errorResponseBuilder: (_req, context) =>
      new AppError('rate-limited', {
        detail: `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
        headers: { 'retry-after': String(Math.ceil(context.ttl / 1000)) },
      }),
  });

  // CSRF: every state-changing request that a browser could send with our cookies, or as a
  // form, must carry the token; requests from other origins are refused outright.
  app.addHook('preHandler', (req, reply, done) => {
    if (SAFE_METHODS.has(req.method)) return done();
    if (!isSameOrigin(req, opts.publicOrigin)) {
      return done(new AppError('csrf-failed', { detail: 'The request came from another site.' }));
    }
    if (!needsCsrfToken(req)) return done();
    app.csrfProtection(req, reply, done);
  });
}

function needsCsrfToken(req: FastifyRequest): boolean {
  // An API request with a bearer token is authenticated by the token alone (cookies are not read): nothing ambient.
  if (req.url.startsWith('/api/') && bearerOf(req.headers.authorization) !== undefined) return false;
  if (req.headers.cookie) return true;
  const type = req.headers['content-type'] ?? '';
  return (
    type.startsWith('application/x-www-form-urlencoded') ||
    type.startsWith('multipart/form-data') ||
    type.startsWith('text/plain')
  );
}

function isSameOrigin(req: FastifyRequest, publicOrigin: string | undefined): boolean {
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site') return false;
  if (!origin || origin === 'null') return origin !== 'null';
  if (publicOrigin) return origin === publicOrigin;
  return origin === `${req.protocol}://${req.host}`;
}
