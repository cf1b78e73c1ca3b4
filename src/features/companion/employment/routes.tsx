/**
 * The employer side of the companion (issue 18): the public employer kit, the holder's consents to employers, and
 * the employer's requests and confirmation form. Every read and change of personal data is authorised by the
 * policy (`companion-employment`) and audited; bad input answers 422 naming the field, and nothing is written.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../app-deps.ts';
import type { Actor } from '../../../domain/access/policy.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import type { ViewContext } from '../../../web/context.ts';
import { definePage } from '../../../web/page.tsx';
import { localizedUrl } from '../../../web/paths.ts';
import { todayIso } from '../../pathways/index.ts';
import { checkConfirm, confirmErrorsOf, confirmInput, rowConfirmInput } from './confirm-form.ts';
import { KitPage } from './kit-views.tsx';
import { COMPANION_EMPLOYMENT_PATHS as P } from './paths.ts';
import {
  confirmEmployment,
  confirmedEmployers,
  employmentForEmployer,
  employmentsOf,
  grantConsent,
  requestsFor,
  withdrawConsent,
} from './service.ts';
import { ConfirmPage, ConsentsPage, RequestsPage } from './views.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', { detail: 'Sign in first.' });
  return req.actor;
}

function idOf(req: FastifyRequest): string {
  const id = (req.params as { id?: string }).id ?? '';
  if (!UUID.test(id)) throw new AppError('not-found', { detail: 'No such confirmation.' });
  return id;
}

export function registerCompanionEmployment(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db;

  definePage(app, deps.web, {
    paths: P.kit,
    policy: { public: 'the employer kit: the law on a date, no personal data' },
    handler: async (_req, _reply, ctx) => <KitPage ctx={ctx} day={todayIso(deps.now())} />,
  });

  async function consentsPage(actor: Actor, ctx: ViewContext, input = '', errors: FieldError[] = []) {
    const [employers, consents] = await Promise.all([
      confirmedEmployers(db),
      employmentsOf(db, actor.personId),
    ]);
    return <ConsentsPage ctx={ctx} employers={employers} consents={consents} input={input} errors={errors} />;
  }

  definePage(app, deps.web, {
    paths: P.consents,
    policy: { action: 'grant', resource: 'companion-employment' },
    handler: async (req, _reply, ctx) => consentsPage(actorOf(req), ctx),
  });

  definePage(app, deps.web, {
    paths: P.consents,
    method: 'POST',
    policy: { action: 'grant', resource: 'companion-employment' },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<
        string,
        unknown
      >;
      const employer = typeof body.employer === 'string' ? body.employer.trim().slice(0, 40) : '';
      const rule = employer === '' ? 'required' : UUID.test(employer) ? null : 'choice';
      const result = rule ? rule : await grantConsent(db, actor, employer, deps.now());
      if (result === 'ok') return { redirect: localizedUrl(P.consents, ctx.locale), status: 303 };
      if (result === 'forbidden')
        throw new AppError('forbidden', { detail: 'Only the person names employers.' });
      const why = result === 'unknown-employer' ? 'choice' : result;
      const errors = [
        { field: 'employer', rule: why, message: ctx.t.t(`companion.employment.error.employer.${why}`) },
      ];
      return { status: 422, view: await consentsPage(actor, ctx, employer, errors) };
    },
  });

  definePage(app, deps.web, {
    paths: P.withdraw,
    method: 'POST',
    policy: { action: 'withdraw', resource: 'companion-employment' },
    handler: async (req, _reply, ctx) => {
      const done = await withdrawConsent(db, actorOf(req), idOf(req), deps.now());
      if (done === 'not-found') throw new AppError('not-found', { detail: 'No such consent.' });
      return { redirect: localizedUrl(P.consents, ctx.locale), status: 303 };
    },
  });

  definePage(app, deps.web, {
    paths: P.requests,
    policy: { action: 'read', resource: 'companion-employment' },
    nav: { labelKey: 'companion.employment.nav', order: 9, roles: ['employer-admin', 'employer-member'] },
    handler: async (req, _reply, ctx) => (
      <RequestsPage ctx={ctx} rows={await requestsFor(db, actorOf(req), deps.now())} />
    ),
  });

  async function confirmation(req: FastifyRequest) {
    const found = await employmentForEmployer(db, actorOf(req), idOf(req), deps.now());
    if (!found) throw new AppError('not-found', { detail: 'No such confirmation.' });
    return found;
  }

  definePage(app, deps.web, {
    paths: P.confirm,
    policy: { action: 'read', resource: 'companion-employment' },
    handler: async (req, _reply, ctx) => {
      const { row, name } = await confirmation(req);
      const input = rowConfirmInput(row);
      return (
        <ConfirmPage
          ctx={ctx}
          id={row.id}
          name={name}
          input={input}
          errors={[]}
          done={row.confirmedAt !== null}
        />
      );
    },
  });

  definePage(app, deps.web, {
    paths: P.confirm,
    method: 'POST',
    policy: { action: 'update', resource: 'companion-employment' },
    handler: async (req, _reply, ctx) => {
      const { row, name } = await confirmation(req);
      const input = confirmInput(req.body);
      const checked = checkConfirm(input);
      if (!checked.ok) {
        const errors = confirmErrorsOf(checked.errors, ctx.t);
        const view = (
          <ConfirmPage ctx={ctx} id={row.id} name={name} input={input} errors={errors} done={false} />
        );
        return { status: 422, view };
      }
      const done = await confirmEmployment(db, actorOf(req), row.id, checked.value, deps.now());
      if (done === 'not-found') throw new AppError('not-found', { detail: 'No such confirmation.' });
      return { redirect: localizedUrl(P.requests, ctx.locale), status: 303 };
    },
  });
}
