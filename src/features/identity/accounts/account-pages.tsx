import type { FastifyInstance } from 'fastify';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import { definePage, type WebDeps } from '../../../web/page.tsx';
import { afterAnswer } from '../after-answer.ts';
import type { IdentityDeps } from '../deps.ts';
import { applyCsrfSecret, type CookieNames, newCsrfSecret, requireActor, setSessionCookie } from '../http.ts';
import { formFields, pageUrl } from '../page-requests.ts';
import { IDENTITY_PATHS } from '../paths.ts';
import { prepareRegistration, storeRegistration } from './registration.ts';
import { changePassword, ownAccount } from './service.ts';
import { AccountPage, PasswordPage, RegisterPage } from './views.tsx';

/** One's account: the overview, self-registration of applicants and the change of password. */
export function registerAccountPages(
  app: FastifyInstance,
  web: WebDeps,
  deps: IdentityDeps,
  names: CookieNames,
) {
  const { db } = deps;

  definePage(app, web, {
    paths: IDENTITY_PATHS.account,
    policy: { action: 'read', resource: 'account' },
    nav: { labelKey: 'identity.nav.account', order: 100, descriptionKey: 'identity.nav.account.text' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const account = await ownAccount(db, actor, deps.now());
      if (!account) throw new AppError('not-found');
      const isAdmin = actor.memberships.some((m) => m.role === 'administrator');
      return <AccountPage ctx={ctx} account={account} isAdmin={isAdmin} />;
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.register,
    policy: { public: 'self-registration of applicants' },
    handler: async (_req, _reply, ctx) => <RegisterPage ctx={ctx} />,
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.register,
    method: 'POST',
    policy: { public: 'self-registration of applicants' },
    rateLimit: { max: 5, timeWindow: '1 minute' },
    handler: async (req, reply, ctx) => {
      const f = formFields(req);
      const values = {
        email: (f.email ?? '').trim().slice(0, 320),
        displayName: (f.displayName ?? '').trim().slice(0, 200),
      };
      const errors: FieldError[] = [];
      if (!values.displayName)
        errors.push({
          field: 'displayName',
          rule: 'required',
          message: ctx.t.t('identity.error.name-required'),
        });
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) {
        errors.push({
          field: 'email',
          rule: 'format:email',
          message: ctx.t.t('identity.error.email-required'),
        });
      }
      if (errors.length === 0) {
        const result = await prepareRegistration({
          ...values,
          password: (f.password ?? '').slice(0, 4096),
        });
        if (result.kind === 'ok') {
          await afterAnswer(deps, reply, 'registration', () => storeRegistration(deps, result.registration));
          return <RegisterPage ctx={ctx} done={true} />;
        }
        errors.push({
          field: 'password',
          rule: result.problem,
          message: ctx.t.t(`identity.password.${result.problem}`),
        });
      }
      return { status: 422, view: <RegisterPage ctx={ctx} errors={errors} values={values} /> };
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.password,
    policy: { action: 'update', resource: 'account' },
    handler: async (req, _reply, ctx) => {
      requireActor(req);
      return <PasswordPage ctx={ctx} done={(req.query as Record<string, unknown>).changed === '1'} />;
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.password,
    method: 'POST',
    policy: { action: 'update', resource: 'account' },
    rateLimit: { max: 10, timeWindow: '1 minute' },
    handler: async (req, reply, ctx) => {
      const { auth } = requireActor(req);
      const f = formFields(req);
      const csrfSecret = newCsrfSecret();
      const result = await changePassword(
        deps,
        auth.session,
        {
          currentPassword: (f.currentPassword ?? '').slice(0, 4096),
          newPassword: (f.newPassword ?? '').slice(0, 4096),
        },
        csrfSecret,
      );
      if (result.kind === 'ok') {
        setSessionCookie(reply, names, result.token);
        applyCsrfSecret(req, reply, csrfSecret);
        return { redirect: `${pageUrl(ctx, 'password')}?changed=1` };
      }
      const error: FieldError =
        result.kind === 'wrong-password'
          ? {
              field: 'currentPassword',
              rule: 'current-password',
              message: ctx.t.t('identity.password.wrong-current'),
            }
          : {
              field: 'newPassword',
              rule: result.problem,
              message: ctx.t.t(`identity.password.${result.problem}`),
            };
      return { status: 422, view: <PasswordPage ctx={ctx} done={false} errors={[error]} /> };
    },
  });
}
