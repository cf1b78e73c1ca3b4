import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import type { ViewContext } from '../../../web/context.ts';
import { definePage, type WebDeps } from '../../../web/page.tsx';
import { localizedUrl } from '../../../web/paths.ts';
import type { IdentityDeps } from '../deps.ts';
import { type CookieNames, clearSessionCookie, requireActor, rotateCsrfSecret } from '../http.ts';
import { IDENTITY_PATHS } from '../paths.ts';
import { confirmEmailChange, requestEmailChange } from './email-change.ts';
import { ConfirmEmailPage, EmailPage } from './email-views.tsx';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function field(req: FastifyRequest, name: string, max: number): string {
  const v = ((req.body ?? {}) as Record<string, unknown>)[name];
  return typeof v === 'string' ? v.slice(0, max) : '';
}

/** Change of one's mail address: request (signed in, current password) and confirmation (mailed link). */
export function registerEmailChangePages(
  app: FastifyInstance,
  web: WebDeps,
  deps: IdentityDeps,
  names: CookieNames,
) {
  const error = (ctx: ViewContext, f: string, rule: string, key: string): FieldError => ({
    field: f,
    rule,
    message: ctx.t.t(key),
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.email,
    policy: { action: 'update', resource: 'account' },
    handler: async (req, _reply, ctx) => {
      const { auth } = requireActor(req);
      const sent = (req.query as Record<string, unknown>).done === 'sent';
      return <EmailPage ctx={ctx} current={auth.person.email} sent={sent} />;
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.email,
    method: 'POST',
    policy: { action: 'update', resource: 'account' },
    rateLimit: { max: 10, timeWindow: '1 minute' },
    handler: async (req, _reply, ctx) => {
      const { auth } = requireActor(req);
      const newEmail = field(req, 'newEmail', 320).trim();
      const currentPassword = field(req, 'currentPassword', 4096);
      const errors: FieldError[] = [];
      if (!EMAIL.test(newEmail))
        errors.push(error(ctx, 'newEmail', 'format:email', 'identity.email.invalid'));
      if (!currentPassword)
        errors.push(error(ctx, 'currentPassword', 'required', 'identity.error.password-required'));
      if (errors.length === 0) {
        const result = await requestEmailChange(deps, auth.person.id, {
          newEmail,
          currentPassword,
          locale: ctx.locale,
        });
        if (result.kind === 'sent')
          return { redirect: `${localizedUrl(IDENTITY_PATHS.email, ctx.locale)}?done=sent` };
        errors.push(
          result.kind === 'wrong-password'
            ? error(ctx, 'currentPassword', 'current-password', 'identity.password.wrong-current')
            : error(ctx, 'newEmail', 'different', 'identity.email.same'),
        );
      }
      return {
        status: 422,
        view: <EmailPage ctx={ctx} current={auth.person.email} newEmail={newEmail} errors={errors} />,
      };
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.emailConfirm,
    policy: { public: 'confirmation of a new mail address with a mailed token' },
    handler: async (req, _reply, ctx) => {
      const q = (req.query as Record<string, unknown>).token;
      return <ConfirmEmailPage ctx={ctx} token={typeof q === 'string' ? q.slice(0, 100) : ''} />;
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.emailConfirm,
    method: 'POST',
    policy: { public: 'confirmation of a new mail address with a mailed token' },
    rateLimit: { max: 10, timeWindow: '1 minute' },
    handler: async (req, reply, ctx) => {
      const token = field(req, 'token', 100);
      const newEmail = field(req, 'newEmail', 320).trim();
      if (!EMAIL.test(newEmail)) {
        const errors = [error(ctx, 'newEmail', 'format:email', 'identity.email.invalid')];
        return { status: 422, view: <ConfirmEmailPage ctx={ctx} token={token} errors={errors} /> };
      }
      const result = await confirmEmailChange(deps, token, newEmail);
      if (result.kind === 'invalid') {
        const notice = { kind: 'danger' as const, text: ctx.t.t('identity.email.invalid-link') };
        return { status: 404, view: <ConfirmEmailPage ctx={ctx} token={token} notice={notice} /> };
      }
      if (result.kind === 'taken') {
        const notice = { kind: 'danger' as const, text: ctx.t.t('identity.email.taken') };
        return { status: 409, view: <ConfirmEmailPage ctx={ctx} token="" notice={notice} done /> };
      }
      // Every session of the person ended; this browser's too.
      if (req.auth) clearSessionCookie(reply, names);
      rotateCsrfSecret(req, reply);
      const notice = { kind: 'success' as const, text: ctx.t.t('identity.email.changed') };
      return <ConfirmEmailPage ctx={ctx} token="" notice={notice} done />;
    },
  });
}
