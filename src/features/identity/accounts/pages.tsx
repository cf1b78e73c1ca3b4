import type { FastifyInstance, FastifyRequest } from 'fastify';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import type { ViewContext } from '../../../web/context.ts';
import { definePage, type WebDeps } from '../../../web/page.tsx';
import { localizedUrl } from '../../../web/paths.ts';
import { listOrganisations } from '../../people/index.ts';
import {
  handleErasure,
  listErasureRequests,
  RETENTION_EXCEPTIONS,
  requestErasure,
} from '../admin/erasure.ts';
import { ErasurePage, ErasureRequestsPage } from '../admin/erasure-views.tsx';
import { afterAnswer } from '../after-answer.ts';
import { consentsOf, grantConsent, withdrawConsent } from '../consent/service.ts';
import { ConsentsPage } from '../consent/views.tsx';
import type { IdentityDeps } from '../deps.ts';
import { applyCsrfSecret, type CookieNames, newCsrfSecret, requireActor, setSessionCookie } from '../http.ts';
import { IDENTITY_PATHS } from '../paths.ts';
import { prepareRegistration, storeRegistration } from './registration.ts';
import { changePassword } from './service.ts';
import { PasswordPage, RegisterPage } from './views.tsx';

function form(req: FastifyRequest): Record<string, string> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Registration, consents, erasure requests and their administration, in both languages. */
export function registerIdentityMorePages(
  app: FastifyInstance,
  web: WebDeps,
  deps: IdentityDeps,
  names: CookieNames,
) {
  const { db } = deps;
  const url = (ctx: ViewContext, key: keyof typeof IDENTITY_PATHS) =>
    localizedUrl(IDENTITY_PATHS[key], ctx.locale);

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
      const f = form(req);
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
      const f = form(req);
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
        return { redirect: `${url(ctx, 'password')}?changed=1` };
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

  const consentsView = async (ctx: ViewContext, personId: string, error?: FieldError) => {
    const [consents, organisations] = await Promise.all([consentsOf(db, personId), listOrganisations(db)]);
    return <ConsentsPage ctx={ctx} consents={consents} organisations={organisations} error={error} />;
  };

  definePage(app, web, {
    paths: IDENTITY_PATHS.consents,
    policy: { action: 'read', resource: 'consent' },
    handler: async (req, _reply, ctx) => consentsView(ctx, requireActor(req).actor.personId),
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.consents,
    method: 'POST',
    policy: { action: 'grant', resource: 'consent' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const organisationId = form(req).organisationId ?? '';
      const ok =
        UUID.test(organisationId) &&
        (await db.transaction((tx) => grantConsent(tx, actor.personId, organisationId, deps.now())));
      if (!ok) {
        const error = { field: 'organisationId', rule: 'enum', message: ctx.t.t('identity.consents.choose') };
        return { status: 422, view: await consentsView(ctx, actor.personId, error) };
      }
      return { redirect: url(ctx, 'consents') };
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.consentsWithdraw,
    method: 'POST',
    policy: { action: 'withdraw', resource: 'consent' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const organisationId = form(req).organisationId ?? '';
      const ok =
        UUID.test(organisationId) &&
        (await db.transaction((tx) => withdrawConsent(tx, actor.personId, organisationId, deps.now())));
      if (!ok) throw new AppError('not-found', { detail: 'No active consent for this organisation.' });
      return { redirect: url(ctx, 'consents') };
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.erasure,
    policy: { action: 'create', resource: 'erasure-request' },
    handler: async (req, _reply, ctx) => {
      requireActor(req);
      const done = (req.query as Record<string, unknown>).sent === '1';
      return <ErasurePage ctx={ctx} retained={RETENTION_EXCEPTIONS} done={done} />;
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.erasure,
    method: 'POST',
    policy: { action: 'create', resource: 'erasure-request' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      await db.transaction((tx) => requestErasure(tx, actor.personId, undefined, deps.now()));
      return { redirect: `${url(ctx, 'erasure')}?sent=1` };
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.erasureRequests,
    policy: { action: 'read', resource: 'erasure-request' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const now = deps.now();
      const requests = await db.transaction(async (tx) => {
        const rows = await listErasureRequests(tx);
        await appendAudit(
          tx,
          {
            actorPersonId: actor.personId,
            actorRole: 'administrator',
            action: 'read',
            objectType: 'erasure-request',
            purpose: 'Art. 17 GDPR',
            result: 'success',
          },
          now,
        );
        return rows;
      });
      return <ErasureRequestsPage ctx={ctx} requests={requests} />;
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.erasureRequests,
    method: 'POST',
    policy: { action: 'update', resource: 'erasure-request' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const f = form(req);
      const outcome = f.outcome === 'erased' ? 'erased' : f.outcome === 'refused' ? 'refused' : null;
      const id = f.id ?? '';
      const afterCommit: Array<() => Promise<void>> = [];
      const ok =
        outcome !== null &&
        UUID.test(id) &&
        (await db.transaction((tx) =>
          handleErasure(
            tx,
            id,
            outcome,
            undefined,
            actor.personId,
            deps.now(),
            deps.erasureHooks,
            afterCommit,
          ),
        ));
      if (!ok) throw new AppError('not-found', { detail: 'No open erasure request with this id.' });
      for (const work of afterCommit) await work();
      return { redirect: url(ctx, 'erasureRequests') };
    },
  });
}
