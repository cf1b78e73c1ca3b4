import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import {
  type Action,
  type Actor,
  isKnownPair,
  mayAttempt,
  type Resource,
} from '../../domain/access/policy.ts';
import { AppError } from './errors.ts';

/**
 * Every route declares who may call it: a public route (with the reason it is public) or an
 * (action, resource) pair of the one authorisation policy (src/domain/access/policy.ts). The app
 * refuses to start when a route declares nothing, names a pair the policy does not know, or
 * when protected routes exist but nothing enforces them.
 */
export type RoutePolicy = { public: string } | { action: Action; resource: Resource };

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
  interface FastifyRequest {
    /** The signed-in person with their current roles; null for anonymous requests. */
    actor: Actor | null;
  }
}

/** Routes that plugins register (static files) and that are public by nature. */
const PUBLIC_PREFIXES: ReadonlyArray<readonly [string, string]> = [['/assets/', 'static assets']];

export class MissingPolicyError extends Error {
  constructor(method: string | string[], url: string, why = 'declares no policy (config.policy)') {
    super(`Route ${String(method)} ${url} ${why}; refusing to start.`);
    this.name = 'MissingPolicyError';
  }
}

export interface DeclaredRoute {
  readonly method: string;
  readonly url: string;
  readonly policy: RoutePolicy;
}

const declared = new WeakMap<FastifyInstance, DeclaredRoute[]>();
const enforced = new WeakSet<FastifyInstance>();

/** Every route with its policy, for the generated authorisation matrix and the docs. */
export function declaredRoutes(app: FastifyInstance): readonly DeclaredRoute[] {
  return declared.get(app) ?? [];
}

export function requireRoutePolicies(app: FastifyInstance): void {
  const routes: DeclaredRoute[] = [];
  declared.set(app, routes);
  app.decorateRequest('actor', null);
  app.addHook('onRoute', (route: RouteOptions) => {
    const config = (route.config ?? {}) as { policy?: RoutePolicy };
    let policy = config.policy;
    if (!policy) {
      const prefix = PUBLIC_PREFIXES.find(([p]) => route.url.startsWith(p));
      if (!prefix) throw new MissingPolicyError(route.method, route.url);
      policy = { public: prefix[1] };
      route.config = { ...config, policy };
    }
    if (!('public' in policy) && !isKnownPair(policy.action, policy.resource)) {
      throw new MissingPolicyError(
        route.method,
        route.url,
        `names (${policy.action}, ${policy.resource}), which the policy does not know`,
      );
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, policy });
    }
  });
  app.addHook('onReady', async () => {
    if (!enforced.has(app) && routes.some((r) => !('public' in r.policy))) {
      throw new Error('Protected routes exist but no access control is registered; refusing to start.');
    }
  });
}

/** What the identity layer provides so that the platform can enforce route policies. */
export interface AccessControl {
  /** Resolves the actor from the session cookie (null when anonymous). */
  authenticate(req: FastifyRequest, reply: FastifyReply): Promise<Actor | null>;
  /** Records a refused request in the audit trail. */
  recordDenial(
    req: FastifyRequest,
    actor: Actor,
    policy: { action: Action; resource: Resource },
  ): Promise<void>;
  /** Where an anonymous visitor of a protected page is sent to sign in. */
  signInUrl(req: FastifyRequest): string | undefined;
}

/**
 * Authenticates every request and enforces the function level of each route's policy:
 * anonymous → 401 (pages: redirect to sign-in), no role with any rule → 403. Object-level
 * checks (404 for objects outside reach) happen in the service with the object's relation.
 */
export function enforceRoutePolicies(app: FastifyInstance, access: AccessControl): void {
  enforced.add(app);
  app.addHook('onRequest', async (req, reply) => {
    req.actor = await access.authenticate(req, reply);
  });
  app.addHook('preHandler', async (req, reply) => {
    const policy = req.routeOptions.config?.policy;
    if (!policy || 'public' in policy) return;
    const actor = req.actor;
    if (!actor) {
      const url = req.method === 'GET' ? access.signInUrl(req) : undefined;
      if (url) return reply.redirect(url, 303);
      throw new AppError('unauthenticated', { detail: 'Sign in first.' });
    }
    const roles = actor.memberships.map((m) => m.role);
    if (!mayAttempt(roles, policy.action, policy.resource)) {
      await access.recordDenial(req, actor, policy);
      throw new AppError('forbidden', { detail: 'Your roles do not allow this.' });
    }
  });
}
