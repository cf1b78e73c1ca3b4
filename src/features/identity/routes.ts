import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { enforceRoutePolicies } from '../../platform/http/policy.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { registerAccountApi } from './accounts/api.ts';
import { registerEmailChangePages } from './accounts/email-pages.tsx';
import { registerIdentityMorePages } from './accounts/pages.tsx';
import { registerIdentityAdminApi } from './admin/api.ts';
import { registerIdentityAdminPages } from './admin/pages.tsx';
import { createAfterAnswer } from './after-answer.ts';
import { registerConsentApi } from './consent/api.ts';
import type { IdentityDeps } from './deps.ts';
import { cookieNames, createAccessControl } from './http.ts';
import { registerOidc } from './oidc/api.ts';
import { oidcSettings } from './oidc/service.ts';
import { registerPasskeys } from './passkeys/api.ts';
import { registerPasskeyPages } from './passkeys/pages.tsx';
import { registerSessionApi } from './sessions/api.ts';
import { registerSignInApi } from './sign-in/api.ts';
import { registerIdentityPages } from './sign-in/pages.tsx';

/**
 * Identity, sessions, consent and the audit trail's read side. Registers the access control
 * that enforces every route's policy, the JSON API under /api/v1/auth and /api/v1/me, and the
 * account pages.
 */
export function registerIdentity(app: FastifyInstance, deps: AppDeps, now: () => Date = () => new Date()) {
  const { config } = deps;
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM });
  if (mailer.kind === 'outbox') {
    app.log.info(
      'No SMTP_URL set: mails are kept in the outbox, readable by administrators at /de/verwaltung/postausgang',
    );
  }
  const identity: IdentityDeps = {
    db: deps.database.db,
    mailer,
    now,
    baseUrl: config.PUBLIC_URL?.replace(/\/$/, '') ?? `http://${config.HOST}:${config.PORT}`,
    erasureHooks: deps.erasure,
    afterAnswer: createAfterAnswer(app.log),
  };
  app.addHook('onClose', () => identity.afterAnswer?.settled());
  const names = cookieNames(config);
  enforceRoutePolicies(app, createAccessControl(identity, names));
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
