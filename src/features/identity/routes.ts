import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { Services } from '../../services.ts';
import { registerAccountApi } from './accounts/api.ts';
import { registerEmailChangePages } from './accounts/email-pages.tsx';
import { registerIdentityMorePages } from './accounts/pages.tsx';
import { registerIdentityAdminApi } from './admin/api.ts';
import { registerIdentityAdminPages } from './admin/pages.tsx';
import { registerConsentApi } from './consent/api.ts';
import { registerOidc } from './oidc/api.ts';
import { oidcSettings } from './oidc/service.ts';
import { registerPasskeys } from './passkeys/api.ts';
import { registerPasskeyPages } from './passkeys/pages.tsx';
import { registerSessionApi } from './sessions/api.ts';
import { registerSignInApi } from './sign-in/api.ts';
import { registerIdentityPages } from './sign-in/pages.tsx';

/**
 * Identity, sessions, consent and the audit trail's read side: the JSON API under /api/v1/auth and
 * /api/v1/me, and the account pages. The access control that enforces every route's policy
 * (`services.access`) is installed on the root instance by src/server.ts.
 */
export function registerIdentity(app: FastifyInstance, deps: AppDeps, services: Services) {
  const { config } = deps;
  const { identity, cookieNames: names } = services;
  registerSignInApi(app, identity, names);
  registerAccountApi(app, identity, names);
  registerSessionApi(app, identity);
  registerConsentApi(app, identity);
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
