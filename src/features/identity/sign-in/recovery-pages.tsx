import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { definePage, type WebDeps } from '../../../web/page.tsx';
import { afterAnswer } from '../after-answer.ts';
import type { IdentityDeps } from '../deps.ts';
import { fieldError, formFields, pageUrl } from '../page-requests.ts';
import { IDENTITY_PATHS } from '../paths.ts';
import { requestPasswordReset, resetPassword, unlockAccount, verifyEmail } from './recovery.ts';
import { SIGN_IN_RATE } from './sign-in-pages.tsx';
import { ForgotPasswordPage, TokenPage } from './views.tsx';

/** A forgotten password, and the pages the mailed links open: new password, unlock, email verification. */
export function registerRecoveryPages(app: FastifyInstance, web: WebDeps, deps: IdentityDeps) {
  definePage(app, web, {
    paths: IDENTITY_PATHS.forgotPassword,
    policy: { public: 'password reset request' },
    handler: async (_req, _reply, ctx) => <ForgotPasswordPage ctx={ctx} sent={false} />,
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.forgotPassword,
    method: 'POST',
    policy: { public: 'password reset request' },
    rateLimit: SIGN_IN_RATE,
    handler: async (req, reply, ctx) => {
      const email = (formFields(req).email ?? '').trim().slice(0, 320);
      if (!email) {
        const errors = [fieldError(ctx, 'email', 'required', 'identity.error.email-required')];
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
          action={pageUrl(ctx, p.key)}
          token={tokenOf(req)}
          withPassword={p.withPassword}
        />
      ),
    });
    definePage(app, web, {
      paths: IDENTITY_PATHS[p.key],
      method: 'POST',
      policy: { public: 'action with a token sent by mail' },
      rateLimit: SIGN_IN_RATE,
      handler: async (req, _reply, ctx) => {
        const f = formFields(req);
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
              action={pageUrl(ctx, p.key)}
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
