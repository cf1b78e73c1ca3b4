import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerOf, tokenMayCall } from '../../../domain/access/api-tokens.ts';
import type { Actor } from '../../../domain/access/policy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { IdentityDeps } from '../deps.ts';
import { auditScopeDenial, resolveApiToken } from './resolve.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The id of the API token a request came with (`Authorization: Bearer crt_…`). */
    apiTokenId?: string;
  }
}

/** The bearer token of an API request; tokens count only on `/api/` routes. */
export function apiBearer(req: FastifyRequest): string | undefined {
  return req.url.startsWith('/api/') ? bearerOf(req.headers.authorization) : undefined;
}

const invalid = () =>
  new AppError('unauthenticated', {
    detail: 'The API token is invalid or expired.',
    headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
  });

/** Requests per token and minute, counted per process (fixed window). */
export class TokenRateLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly perMinute: number;
  constructor(perMinute: number) {
    this.perMinute = perMinute;
  }

  /** Seconds to wait, or 0 when the request may go on. */
  hit(tokenId: string, now: number): number {
    const w = this.windows.get(tokenId);
    if (!w || now - w.start >= 60_000) {
      if (this.windows.size > 10_000) this.windows.clear();
      this.windows.set(tokenId, { start: now, count: 1 });
      return 0;
    }
    w.count++;
    return w.count > this.perMinute ? Math.ceil((w.start + 60_000 - now) / 1000) : 0;
  }
}

/**
 * Authenticates an API request by its bearer token: unknown, expired or revoked → 401 (`invalid_token`, the same
 * answer for each); a route outside the token's scopes → 403 naming the missing scope, audited. No cookies and no
 * CSRF token are involved; the route's declared policy then applies to the token's actor as to a person.
 */
export async function authenticateBearer(
  deps: IdentityDeps,
  limit: TokenRateLimit,
  req: FastifyRequest,
  reply: FastifyReply,
  secret: string,
): Promise<Actor> {
  const now = deps.now();
  const resolved = secret.length <= 100 ? await resolveApiToken(deps.db, secret, now) : undefined;
  if (resolved?.kind !== 'active') throw invalid();
  req.apiTokenId = resolved.row.id;
  reply.header('cache-control', 'no-store');
  const wait = limit.hit(resolved.row.id, now.getTime());
  if (wait > 0) {
    throw new AppError('rate-limited', {
      detail: `Too many requests with this token; try again in ${wait} seconds.`,
      headers: { 'retry-after': String(wait) },
    });
  }
  const policy = req.routeOptions.config?.policy;
  if (policy) {
    const may = tokenMayCall(resolved.scopes, policy);
    if (!may.ok && !('public' in policy)) {
      await auditScopeDenial(deps.db, resolved, policy, `${req.method} ${req.routeOptions.url ?? ''}`, now);
      throw new AppError('forbidden', {
        detail: may.missing
          ? `This API token lacks the scope ${may.missing}.`
          : 'API tokens may not call this route; no scope allows it.',
        headers: {
          'www-authenticate': may.missing
            ? `Bearer error="insufficient_scope", scope="${may.missing}"`
            : 'Bearer error="insufficient_scope"',
        },
      });
    }
  }
  return resolved.actor;
}
