import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { Services } from '../../services.ts';
import { registerAccountPages } from './accounts/account-pages.tsx';
import { registerAccountApi } from './accounts/api.ts';
import { registerEmailChangePages } from './accounts/email-pages.tsx';
import { registerIdentityAdminApi } from './admin/api.ts';
import { registerErasurePages } from './admin/erasure-pages.tsx';
import { registerMembershipPages } from './admin/membership-pages.tsx';
import { registerOrganisationPages } from './admin/organisation-pages.tsx';
import { registerOutboxPage } from './admin/outbox-page.tsx';
import { registerApiTokenPages } from './api-tokens/pages.tsx';
import { registerConsentApi } from './consent/api.ts';
import { registerConsentPages } from './consent/pages.tsx';
import { registerOidc } from './oidc/api.ts';
import { oidcSettings } from './oidc/service.ts';
import { registerPasskeys } from './passkeys/api.ts';
import { registerPasskeyPages } from './passkeys/pages.tsx';
import { registerSessionApi } from './sessions/api.ts';
import { registerSessionPages } from './sessions/pages.tsx';
import { registerSignInApi } from './sign-in/api.ts';
import { registerRecoveryPages } from './sign-in/recovery-pages.tsx';
import { registerSignInPages } from './sign-in/sign-in-pages.tsx';

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
  registerSignInPages(
    app,
    deps.web,
    identity,
    names,
    oidcSettings(config).map((s) => s.name),
  );
  registerAccountPages(app, deps.web, identity, names);
  registerSessionPages(app, deps.web, identity);
  registerConsentPages(app, deps.web, identity);
  registerRecoveryPages(app, deps.web, identity);
  registerOutboxPage(app, deps.web, identity);
  registerErasurePages(app, deps.web, identity);
  registerMembershipPages(app, deps.web, identity);
  registerOrganisationPages(app, deps.web, identity);
  registerApiTokenPages(app, deps.web, identity);
  registerPasskeyPages(app, deps.web, identity);
  registerEmailChangePages(app, deps.web, identity, names);
  return { identity };
}
