import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { Services } from '../../services.ts';
import { oidcSettings, registerOidc } from './oidc.ts';
import { registerPasskeys } from './passkeys.ts';
import { registerIdentityAdminApi } from './routes-admin.ts';
import { registerIdentityApi } from './routes-api.ts';
import { registerIdentityPages } from './routes-web.tsx';
import { registerIdentityAdminPages } from './routes-web-admin.tsx';
import { registerEmailChangePages } from './routes-web-email.tsx';
import { registerIdentityMorePages } from './routes-web-more.tsx';
import { registerPasskeyPages } from './routes-web-passkeys.tsx';

/**
 * Identity, sessions, consent and the audit trail's read side: the JSON API under /api/v1/auth and
 * /api/v1/me, and the account pages. The access control that enforces every route's policy
 * (`services.access`) is installed on the root instance by src/server.ts.
 */
export function registerIdentity(app: FastifyInstance, deps: AppDeps, services: Services) {
  const { config } = deps;
  const { identity, cookieNames: names } = services;
  registerIdentityApi(app, identity, names);
  registerIdentityAdminApi(app, identity);
  registerOidc(app, identity, config, names);
  registerPasskeys(app, identity, names);
  registerIdentityPages(
    app,
    deps.web,
    identity,
    names,
    oidcSettings(config).map((s) => s.name),
  );
  registerIdentityMorePages(app, deps.web, identity, names);
  registerIdentityAdminPages(app, deps.web, identity);
  registerPasskeyPages(app, deps.web, identity);
  registerEmailChangePages(app, deps.web, identity, names);
  return { identity };
}
