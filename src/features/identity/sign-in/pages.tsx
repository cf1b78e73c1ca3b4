import type { FastifyInstance, FastifyRequest } from 'fastify';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { listOutbox } from '../../../platform/mail/mailer.ts';
import type { ViewContext } from '../../../web/context.ts';
import { definePage, type WebDeps } from '../../../web/page.tsx';
import { localizedUrl } from '../../../web/paths.ts';
import { findPerson } from '../../people/index.ts';
import { accountView } from '../accounts/data.ts';
import { AccountPage } from '../accounts/views.tsx';
import { afterAnswer } from '../after-answer.ts';
import { accessLog, exportData } from '../consent/service.ts';
import { AccessLogPage, DataPage } from '../consent/views.tsx';
import { totpFor } from '../credentials.ts';
import type { IdentityDeps } from '../deps.ts';
import {
  applyCsrfSecret,
  authorizePersonal,
  type CookieNames,
  clearSessionCookie,
  clientAddress,
  newCsrfSecret,
  requireActor,
  rotateCsrfSecret,
  sessionToken,
  setSessionCookie,
} from '../http.ts';
import { IDENTITY_PATHS } from '../paths.ts';
import { listActiveSessions, revokeAllSessions, revokeSession } from '../sessions/service.ts';
import { SessionsPage } from '../sessions/views.tsx';
import { requestPasswordReset, resetPassword, unlockAccount, verifyEmail } from './recovery.ts';
import { completeSecondFactor, startTotpEnrolment } from './second-factor.ts';
import { signIn } from './service.ts';
import {
  ForgotPasswordPage,
  OutboxPage,
  RecoveryCodesPage,
  SecondFactorPage,
  SignInPage,
  TokenPage,
} from './views.tsx';

function form(req: FastifyRequest): Record<string, string> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
}

/** Only our own pages are valid targets after sign-in (ASVS 3.7.2: no open redirect). */
export function safeNext(next: string | undefined, locale: string): string | undefined {
  if (!next) return undefined;
  return /^\/(de|en)(\/[A-Za-z0-9\-/]*)?$/.test(next) && next.startsWith(`/${locale}`) ? next : undefined;
}

const req1 = (ctx: ViewContext, field: string, key: string): FieldError => ({
  field,
  rule: 'required',
  message: ctx.t.t(key),
});

export function registerIdentityPages(
  app: FastifyInstance,
  web: WebDeps,
  deps: IdentityDeps,
  names: CookieNames,
  federated: readonly string[] = [],
) {
  const { db } = deps;
  const url = (ctx: ViewContext, key: keyof typeof IDENTITY_PATHS) =>
    localizedUrl(IDENTITY_PATHS[key], ctx.locale);
  const signInRate = { max: 10, timeWindow: '1 minute' };

  definePage(app, web, {
    paths: IDENTITY_PATHS.signIn,
    policy: { public: 'sign-in form' },
    handler: async (req, _reply, ctx) => {
      const next = safeNext((req.query as Record<string, string>).next, ctx.locale);
      return <SignInPage ctx={ctx} next={next} federated={federated} />;
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.signIn,
    method: 'POST',
    policy: { public: 'sign-in' },
    rateLimit: signInRate,
    handler: async (req, reply, ctx) => {
      const f = form(req);
      const next = safeNext(f.next, ctx.locale);
      const errors: FieldError[] = [];
      if (!f.email?.trim()) errors.push(req1(ctx, 'email', 'identity.error.email-required'));
      if (!f.password) errors.push(req1(ctx, 'password', 'identity.error.password-required'));
      if (errors.length > 0) {
        return {
          status: 422,
          view: <SignInPage ctx={ctx} errors={errors} email={f.email} next={next} federated={federated} />,
        };
      }
      const csrfSecret = newCsrfSecret();
      const result = await signIn(deps, {
        email: f.email ?? '',
        password: (f.password ?? '').slice(0, 4096),
        mode: 'web',
        address: clientAddress(req),
        userAgent: req.headers['user-agent'],
        csrfSecret,
        previousToken: sessionToken(req, names),
      });
      switch (result.kind) {
        case 'signed-in':
          setSessionCookie(reply, names, result.token);
          applyCsrfSecret(req, reply, csrfSecret);
          return { redirect: next ?? url(ctx, 'account') };
        case 'second-factor':
          setSessionCookie(reply, names, result.token);
          applyCsrfSecret(req, reply, csrfSecret);
          return { redirect: url(ctx, 'secondFactor') };
        case 'throttled':
        case 'locked':
          reply.header(
            'retry-after',
            String(Math.ceil((result.kind === 'throttled' ? result.retryAfterMs : 0) / 1000)),
          );
          return {
            status: 429,
            view: (
              <SignInPage
                ctx={ctx}
                email={f.email}
                next={next}
                notice={{
                  kind: 'warning',
                  text: ctx.t.t(
                    result.kind === 'locked' ? 'identity.error.locked' : 'identity.error.throttled',
                  ),
                }}
              />
            ),
          };
        default:
          return {
            status: 401,
            view: (
              <SignInPage
                ctx={ctx}
                email={f.email}
                next={next}
                notice={{ kind: 'danger', text: ctx.t.t('identity.error.wrong-credentials') }}
              />
            ),
          };
      }
    },
  });

  const enrolment = async (personId: string) => {
    const p = await findPerson(db, personId);
    if (!p || p.totpEnabledAt) return null;
    const secret = await startTotpEnrolment(db, personId);
    return { secret, uri: totpFor(secret, p.email).toString() };
  };

  definePage(app, web, {
    paths: IDENTITY_PATHS.secondFactor,
    policy: { public: 'second step of sign-in (needs a session waiting for it)' },
    handler: async (req, _reply, ctx) => {
      const pending = req.pendingSession;
      if (!pending) return { redirect: url(ctx, 'signIn') };
      return <SecondFactorPage ctx={ctx} enrol={await enrolment(pending.personId)} />;
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.secondFactor,
    method: 'POST',
    policy: { public: 'second step of sign-in (needs a session waiting for it)' },
    rateLimit: signInRate,
    handler: async (req, reply, ctx) => {
      const pending = req.pendingSession;
      if (!pending) return { redirect: url(ctx, 'signIn') };
      const code = (form(req).code ?? '').slice(0, 32);
      const csrfSecret = newCsrfSecret();
      const done = code
        ? await completeSecondFactor(deps, pending, code, csrfSecret, req.headers['user-agent'])
        : null;
      if (!done) {
        const error: FieldError = {
          field: 'code',
          rule: 'second-factor',
          message: ctx.t.t('identity.error.code'),
        };
        return {
          status: 401,
          view: <SecondFactorPage ctx={ctx} enrol={await enrolment(pending.personId)} error={error} />,
        };
      }
      setSessionCookie(reply, names, done.token);
      applyCsrfSecret(req, reply, csrfSecret);
      if (done.recoveryCodes) return <RecoveryCodesPage ctx={ctx} codes={done.recoveryCodes} />;
      return { redirect: url(ctx, 'account') };
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.signOut,
    method: 'POST',
    policy: { action: 'sign-out', resource: 'session' },
    handler: async (req, reply, ctx) => {
      const { auth } = requireActor(req);
      const everywhere = form(req).scope === 'everywhere';
      const now = deps.now();
      await db.transaction(async (tx) => {
        if (everywhere) await revokeAllSessions(tx, auth.person.id, now);
        else await revokeSession(tx, auth.session.idHash, now);
        await appendAudit(
          tx,
          {
            actorPersonId: auth.person.id,
            action: everywhere ? 'sign-out-everywhere' : 'sign-out',
            objectType: 'session',
            subjectPersonId: auth.person.id,
            purpose: 'authentication',
            result: 'success',
          },
          now,
        );
      });
      clearSessionCookie(reply, names);
      rotateCsrfSecret(req, reply);
      return { redirect: url(ctx, 'signIn') };
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.account,
    policy: { action: 'read', resource: 'account' },
    nav: { labelKey: 'identity.nav.account', order: 100, descriptionKey: 'identity.nav.account.text' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const now = deps.now();
      const account = await db.transaction(async (tx) => {
        await authorizePersonal(tx, now, actor, 'read', 'account', actor.personId, 'own account');
        return accountView(tx, actor.personId);
      });
      if (!account) throw new AppError('not-found');
      const isAdmin = actor.memberships.some((m) => m.role === 'administrator');
      return <AccountPage ctx={ctx} account={account} isAdmin={isAdmin} />;
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.sessions,
    policy: { action: 'read', resource: 'session' },
    handler: async (req, _reply, ctx) => {
      const { auth } = requireActor(req);
      const rows = await listActiveSessions(db, auth.person.id, deps.now());
      const sessions = rows.map((s) => ({
        id: s.idHash,
        current: s.idHash === auth.session.idHash,
        createdAt: s.createdAt,
        lastSeenAt: s.lastSeenAt,
        userAgent: s.userAgent,
      }));
      return <SessionsPage ctx={ctx} sessions={sessions} />;
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.sessions,
    method: 'POST',
    policy: { action: 'revoke', resource: 'session' },
    handler: async (req, _reply, ctx) => {
      const { auth } = requireActor(req);
      const id = form(req).id ?? '';
      const mine = (await listActiveSessions(db, auth.person.id, deps.now())).some((s) => s.idHash === id);
      if (!mine) throw new AppError('not-found', { detail: 'No such session.' });
      await revokeSession(db, id, deps.now());
      return { redirect: url(ctx, 'sessions') };
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.accessLog,
    policy: { action: 'read', resource: 'access-log' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      return <AccessLogPage ctx={ctx} entries={await accessLog(db, actor.personId)} />;
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.data,
    policy: { action: 'export', resource: 'account' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const now = deps.now();
      const data = await db.transaction(async (tx) => {
        await authorizePersonal(
          tx,
          now,
          actor,
          'export',
          'account',
          actor.personId,
          'data export (Art. 15 GDPR)',
        );
        return exportData(tx, actor.personId, now);
      });
      return <DataPage ctx={ctx} json={JSON.stringify(data, null, 2)} />;
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.outbox,
    policy: { action: 'read', resource: 'outbox' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const now = deps.now();
      const mails = await db.transaction(async (tx) => {
        const rows = await listOutbox(tx);
        await appendAudit(
          tx,
          {
            actorPersonId: actor.personId,
            actorRole: 'administrator',
            action: 'read',
            objectType: 'outbox',
            purpose: 'mail delivery without SMTP',
            result: 'success',
          },
          now,
        );
        return rows;
      });
      return <OutboxPage ctx={ctx} mails={mails} />;
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.forgotPassword,
    policy: { public: 'password reset request' },
    handler: async (_req, _reply, ctx) => <ForgotPasswordPage ctx={ctx} sent={false} />,
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.forgotPassword,
    method: 'POST',
    policy: { public: 'password reset request' },
    rateLimit: signInRate,
    handler: async (req, reply, ctx) => {
      const email = (form(req).email ?? '').trim().slice(0, 320);
      if (!email) {
        const errors = [req1(ctx, 'email', 'identity.error.email-required')];
        return { status: 422, view: <ForgotPasswordPage ctx={ctx} sent={false} errors={errors} /> };
      }
      await afterAnswer(deps, reply, 'password-reset-request', () => requestPasswordReset(deps, email));
      return <ForgotPasswordPage ctx={ctx} sent={true} />;
    },
  });

  const tokenOf = (req: FastifyRequest) => {
    const q = (req.query as Record<string, unknown>).token;
    return typeof q === 'string' ? q.slice(0, 100) : '';
  };

  // New password, unlock and email verification: GET shows a form (links in mails never act on GET).
  const tokenPages = [
    {
      key: 'newPassword',
      titleKey: 'identity.new-password.title',
      leadKey: 'identity.new-password.lead',
      withPassword: true,
    },
    {
      key: 'unlock',
      titleKey: 'identity.unlock.title',
      leadKey: 'identity.unlock.lead',
      withPassword: false,
    },
    {
      key: 'verifyEmail',
      titleKey: 'identity.verify.title',
      leadKey: 'identity.verify.lead',
      withPassword: false,
    },
  ] as const;
  for (const p of tokenPages) {
    definePage(app, web, {
      paths: IDENTITY_PATHS[p.key],
      policy: { public: 'action with a token sent by mail' },
      handler: async (req, _reply, ctx) => (
        <TokenPage
          ctx={ctx}
          titleKey={p.titleKey}
          leadKey={p.leadKey}
          action={url(ctx, p.key)}
          token={tokenOf(req)}
          withPassword={p.withPassword}
        />
      ),
    });
    definePage(app, web, {
      paths: IDENTITY_PATHS[p.key],
      method: 'POST',
      policy: { public: 'action with a token sent by mail' },
      rateLimit: signInRate,
      handler: async (req, _reply, ctx) => {
        const f = form(req);
        const token = (f.token ?? '').slice(0, 100);
        const page = (
          status: number,
          notice: { kind: 'danger' | 'success'; text: string },
          errors?: FieldError[],
        ) => ({
          status,
          view: (
            <TokenPage
              ctx={ctx}
              titleKey={p.titleKey}
              leadKey={p.leadKey}
              action={url(ctx, p.key)}
              token={token}
              withPassword={p.withPassword && status !== 200}
              notice={notice}
              errors={errors ?? []}
            />
          ),
        });
        const invalid = () => page(404, { kind: 'danger', text: ctx.t.t('identity.token.invalid') });
        if (p.key === 'newPassword') {
          const r = await resetPassword(deps, token, (f.password ?? '').slice(0, 4096));
          if (r.kind === 'invalid-token') return invalid();
          if (r.kind === 'weak') {
            const error = {
              field: 'password',
              rule: r.problem,
              message: ctx.t.t(`identity.password.${r.problem}`),
            };
            return page(422, { kind: 'danger', text: ctx.t.t(`identity.password.${r.problem}`) }, [error]);
          }
          return page(200, { kind: 'success', text: ctx.t.t('identity.new-password.done') });
        }
        const ok = p.key === 'unlock' ? await unlockAccount(deps, token) : await verifyEmail(deps, token);
        return ok ? page(200, { kind: 'success', text: ctx.t.t('identity.token.done') }) : invalid();
      },
    });
  }
}
