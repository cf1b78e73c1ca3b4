import type { FastifyInstance, RouteOptions } from 'fastify';

/**
 * Every route declares who may call it. Until the identity layer lands this is either a public
 * route (with the reason it is public) or a named action on a resource that the authorisation
 * policy decides. The app refuses to start when a route declares nothing.
 */
export type RoutePolicy = { public: string } | { action: string; resource: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}

/** Routes that plugins register (static files) and that are public by nature. */
const PUBLIC_PREFIXES: ReadonlyArray<readonly [string, string]> = [['/assets/', 'static assets']];

export class MissingPolicyError extends Error {
  constructor(method: string | string[], url: string) {
    super(`Route ${String(method)} ${url} declares no policy (config.policy); refusing to start.`);
    this.name = 'MissingPolicyError';
  }
}

export function requireRoutePolicies(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const config = (route.config ?? {}) as { policy?: RoutePolicy };
    if (config.policy) return;
    const prefix = PUBLIC_PREFIXES.find(([p]) => route.url.startsWith(p));
    if (prefix) {
      route.config = { ...config, policy: { public: prefix[1] } };
      return;
    }
    throw new MissingPolicyError(route.method, route.url);
  });
}
