import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  type Action,
  type Actor,
  type Decision,
  decideFor,
  type Membership,
  organisationRelations,
  personalRelations,
  type Resource,
} from '../../domain/access/policy.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Config } from '../../platform/config.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { AccessControl } from '../../platform/http/policy.ts';
import { findOrganisation, personalObject } from '../people/index.ts';
import { apiBearer, authenticateBearer, TokenRateLimit } from './api-tokens/bearer.ts';
import { sha256 } from './credentials.ts';
import type { IdentityDeps } from './deps.ts';
import {
  type Authenticated,
  resolveSession,
  revokeAllSessions,
  type SessionRow,
} from './sessions/service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The session, person and memberships of a signed-in request. */
    auth?: Authenticated;
    /** A session that still waits for its second factor. */
    pendingSession?: SessionRow;
  }
}

const CSRF_COOKIE = '__csrf';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CookieNames {
  readonly session: string;
  readonly secure: boolean;
}

/** `__Host-` cookies need HTTPS; behind plain http (local default, tests) the prefix is left out. */
export function cookieNames(config: Config): CookieNames {
  const secure = config.PUBLIC_URL?.startsWith('https://') ?? false;
  return { session: secure ? '__Host-session' : 'session', secure };
}

export function setSessionCookie(reply: FastifyReply, names: CookieNames, token: string): void {
  reply.setCookie(names.session, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: names.secure });
}

export function clearSessionCookie(reply: FastifyReply, names: CookieNames): void {
  reply.clearCookie(names.session, { path: '/', httpOnly: true, sameSite: 'lax', secure: names.secure });
}

/** A fresh CSRF secret for a new session; sent to the browser with `applyCsrfSecret` once the session exists. */
export function newCsrfSecret(): string {
  return randomBytes(18).toString('base64url');
}

/** Sends the CSRF secret cookie; tokens generated later in this request use it. */
export function applyCsrfSecret(req: FastifyRequest, reply: FastifyReply, secret: string): void {
  reply.setCookie(CSRF_COOKIE, secret, {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: 'auto',
  });
  req.cookies[CSRF_COOKIE] = reply.signCookie(secret);
}

/**
 * Issues a fresh CSRF secret (at sign-out), so that no token from before survives, and returns it.
 */
export function rotateCsrfSecret(req: FastifyRequest, reply: FastifyReply): string {
  const secret = newCsrfSecret();
  applyCsrfSecret(req, reply, secret);
  return secret;
}

function csrfSecretOf(req: FastifyRequest): string | null {
  const raw = req.cookies[CSRF_COOKIE];
  if (!raw) return null;
  const unsigned = req.unsignCookie(raw);
  return unsigned.valid ? unsigned.value : null;
}

export function sessionToken(req: FastifyRequest, names: CookieNames): string | undefined {
  return req.cookies[names.session];
}

export function clientAddress(req: FastifyRequest): string {
  return req.ip || 'unknown';
}

export function actorOf(auth: Authenticated): Actor {
  return { personId: auth.person.id, memberships: auth.memberships };
}

/**
 * The identity layer's side of route-policy enforcement: an API request with a bearer token is the token's machine
 * actor (api-tokens/bearer.ts; cookies are not read then), every other request the session's person.
 */
export function createAccessControl(
  deps: IdentityDeps,
  names: CookieNames,
  opts: { tokenRequestsPerMinute?: number } = {},
): AccessControl {
  const limit = new TokenRateLimit(opts.tokenRequestsPerMinute ?? 600);
  return {
    authenticate: async (req, reply) => {
      const bearer = apiBearer(req);
      if (bearer !== undefined) return authenticateBearer(deps, limit, req, reply, bearer);
      const token = sessionToken(req, names);
      if (!token) return null;
      const resolved = await resolveSession(deps.db, token, deps.now());
      if (resolved.kind === 'none') {
        clearSessionCookie(reply, names);
        return null;
      }
      const row = resolved.kind === 'active' ? resolved.auth.session : resolved.session;
      // CSRF tokens are bound to the session: the browser's CSRF secret must be the one issued with it.
      if (!SAFE.has(req.method) && row.csrfSecretHash) {
        const secret = csrfSecretOf(req);
        if (!secret || sha256(secret) !== row.csrfSecretHash) {
          throw new AppError('csrf-failed', {
            detail: 'The form does not belong to this session. Reload and try again.',
          });
        }
      }
      if (resolved.kind === 'pending') {
        req.pendingSession = resolved.session;
        return null;
      }
      req.auth = resolved.auth;
      reply.header('cache-control', 'no-store');
      return actorOf(resolved.auth);
    },
    recordDenial: async (req, actor, policy) => {
      const m = actor.memberships[0];
      await appendAudit(
        deps.db,
        {
          actorPersonId: actor.personId,
          actorRole: m?.role ?? null,
          actorOrganisationId: m?.organisationId ?? null,
          action: policy.action,
          objectType: policy.resource,
          objectId: `${req.method} ${req.routeOptions.url ?? ''}`,
          purpose: 'function-level check',
          result: 'denied',
        },
        deps.now(),
      );
    },
    signInUrl: (req) => {
      const page = req.routeOptions.config?.page;
      if (!page) return undefined;
      const base = page.locale === 'de' ? '/de/anmelden' : '/en/sign-in';
      return `${base}?next=${encodeURIComponent(req.url.split('?')[0] ?? '/')}`;
    },
  };
}

export function requireActor(req: FastifyRequest): { actor: Actor; auth: Authenticated } {
  if (!req.actor || !req.auth) throw new AppError('unauthenticated', { detail: 'Sign in first.' });
  return { actor: req.actor, auth: req.auth };
}

/**
 * Object-level check on a person's data, with its audit entry, inside the caller's transaction.
 * Outside reach (or no such person) → 404, the same answer either way.
 */
export async function authorizePersonal(
  tx: DbOrTx,
  now: Date,
  actor: Actor,
  action: Action,
  resource: Resource,
  subjectId: string,
  purpose: string,
): Promise<Decision & { membership?: Membership }> {
  const object = /^[0-9a-f-]{36}$/i.test(subjectId) ? await personalObject(tx, subjectId) : undefined;
  const decision = object
    ? decideFor(actor, action, resource, (m) => personalRelations(actor, m, object))
    : ({ allow: false, status: 404, reason: 'object' } as const);
  const m = decision.allow ? decision.membership : actor.memberships[0];
  await appendAudit(
    tx,
    {
      actorPersonId: actor.personId,
      actorRole: m?.role ?? null,
      actorOrganisationId: m?.organisationId ?? null,
      action,
      objectType: resource,
      objectId: subjectId.slice(0, 64),
      subjectPersonId: object ? subjectId : null,
      purpose,
      result: decision.allow ? 'success' : 'denied',
    },
    now,
  );
  return decision;
}

/**
 * Object-level check on an organisation-scoped object (role assignments), with its audit entry.
 * Unknown organisation or outside reach → the same 404.
 */
export async function authorizeOrganisation(
  tx: DbOrTx,
  now: Date,
  actor: Actor,
  action: Action,
  resource: Resource,
  organisationId: string,
  purpose: string,
): Promise<Decision & { membership?: Membership }> {
  const org = /^[0-9a-f-]{36}$/i.test(organisationId)
    ? await findOrganisation(tx, organisationId)
    : undefined;
  const decision = org
    ? decideFor(actor, action, resource, (m) => organisationRelations(m, { organisationId: org.id }))
    : ({ allow: false, status: 404, reason: 'object' } as const);
  const m = decision.allow ? decision.membership : actor.memberships[0];
  await appendAudit(
    tx,
    {
      actorPersonId: actor.personId,
      actorRole: m?.role ?? null,
      actorOrganisationId: m?.organisationId ?? null,
      action,
      objectType: resource,
      objectId: organisationId.slice(0, 64),
      purpose,
      result: decision.allow ? 'success' : 'denied',
    },
    now,
  );
  return decision;
}

/**
 * Ends every session of a person on an administrator's request (ASVS 7.4.5), authorised and audited
 * in one transaction; false when the person is outside the actor's reach (answer 404).
 */
export async function endSessionsOf(
  db: Database,
  actor: Actor,
  personId: string,
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const d = await authorizePersonal(
      tx,
      now,
      actor,
      'revoke',
      'session',
      personId,
      'end sessions (ASVS 7.4.5)',
    );
    if (!d.allow) return false;
    await revokeAllSessions(tx, personId, now);
    return true;
  });
}
