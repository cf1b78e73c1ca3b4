/**
 * The employer pages (issue 16): registration, the person's employers, one employer with its trust level, the
 * check by a ministry officer of the employer's state and the ministry's queue. Pages work without JavaScript; bad
 * input answers 4xx naming the field; each change is one transaction with its audit entry.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { type Actor, decideFor } from '../../domain/access/policy.ts';
import { momentOf } from '../../domain/journey/index.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { Services } from '../../services.ts';
import type { ViewContext } from '../../web/context.ts';
import { defineCsv } from '../../web/csv.tsx';
import { parseForm } from '../../web/forms.ts';
import { definePage } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { listDistricts } from '../regions/index.ts';
import { completeEmployer, incompleteEmployer } from './complete.ts';
import { EmployerPage, MinePage, QueuePage } from './employer-views.tsx';
import { GuidePage } from './guide-views.tsx';
import { registerInvitations } from './invitation-routes.tsx';
import { EMPLOYER_PATHS } from './paths.ts';
import { employerQueueCsv } from './queue-export.ts';
import { employerForm, employerFormMessage, employerInput } from './register-form.ts';
import { EMPTY_EMPLOYER, RegisterPage } from './register-views.tsx';
import { TRUST_DECISIONS } from './schema.ts';
import { decisionsOf, type EmployerRow, employersBy, ownEmployerIds, registerEmployer } from './service.ts';
import { decideTrust, decisionsFrom, employerRelations, recordRefusedCheck } from './trust.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', { detail: 'Sign in first.' });
  return req.actor;
}

/** The state of a ministry officer's jurisdiction (null for everyone else). */
function ministryState(actor: Actor): string | null {
  for (const m of actor.memberships)
    if (m.role === 'ministry-officer')
      for (const j of m.jurisdictions) if (j.scope === 'state') return j.stateCode;
  return null;
}

/** The check's form: a decision open at this level, and a reason unless it confirms. */
const checkForm = z
  .object({
    decision: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.enum(TRUST_DECISIONS)),
    reason: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(2000)),
  })
  .refine((v) => v.decision === 'confirm' || v.reason.length >= 3, { path: ['reason'], message: 'required' });

export function registerEmployers(app: FastifyInstance, deps: AppDeps, services: Services) {
  const db = deps.database.db;

  const districts = () => listDistricts(db);

  /** The employer of the address, if the actor may read it (else 404, the same as no such employer). */
  async function readable(req: FastifyRequest): Promise<{ actor: Actor; e: EmployerRow }> {
    const actor = actorOf(req);
    const id = (req.params as { id?: string }).id ?? '';
    const [e] = UUID.test(id) ? await employersBy(db, [id]) : [];
    if (!e) throw new AppError('not-found', { detail: 'No such employer.' });
    const d = decideFor(actor, 'read', 'employer', (m) => employerRelations(m, e));
    if (!d.allow) throw new AppError('not-found', { detail: 'No such employer.' });
    return { actor, e };
  }

  async function employerPage(
    ctx: ViewContext,
    actor: Actor,
    e: EmployerRow,
    extra: { errors?: FieldError[]; input?: { decision: string; reason: string } } = {},
  ) {
    const may = decideFor(actor, 'update', 'employer-confirmation', (m) => employerRelations(m, e));
    const admin = actor.memberships.some(
      (m) => m.role === 'employer-admin' && m.organisationId === e.organisationId,
    );
    return (
      <EmployerPage
        ctx={ctx}
        e={e}
        decisions={await decisionsOf(db, e.organisationId)}
        admin={admin}
        member={actor.memberships.some(
          (m) =>
            (m.role === 'employer-admin' || m.role === 'employer-member') &&
            m.organisationId === e.organisationId,
        )}
        open={may.allow ? decisionsFrom(e.trust) : []}
        {...extra}
      />
    );
  }

  registerInvitations(app, deps, services);

  definePage(app, deps.web, {
    paths: EMPLOYER_PATHS.guide,
    policy: { public: 'guide for employers, no personal data' },
    handler: async (_req, _reply, ctx) => (
      <GuidePage ctx={ctx} day={momentOf(services.now().toISOString()).date} />
    ),
  });

  definePage(app, deps.web, {
    paths: EMPLOYER_PATHS.mine,
    policy: { action: 'create', resource: 'employer' },
    nav: {
      labelKey: 'employers.nav.mine',
      order: 9,
      roles: ['applicant', 'employer-admin', 'employer-member'],
    },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      const employers = await employersBy(db, ownEmployerIds(actor));
      const incomplete = [];
      for (const id of ownEmployerIds(actor)) {
        const o = employers.some((e) => e.organisationId === id)
          ? undefined
          : await incompleteEmployer(db, actor, id);
        if (o) incomplete.push(o);
      }
      return <MinePage ctx={ctx} employers={employers} incomplete={incomplete} />;
    },
  });

  definePage(app, deps.web, {
    paths: EMPLOYER_PATHS.register,
    policy: { action: 'create', resource: 'employer' },
    handler: async (req, _reply, ctx) => {
      const wanted = (req.query as Record<string, unknown>).organisation;
      const existing =
        typeof wanted === 'string' ? await incompleteEmployer(db, actorOf(req), wanted) : undefined;
      if (typeof wanted === 'string' && !existing)
        throw new AppError('not-found', { detail: 'No employer of yours to complete.' });
      const input = existing ? { ...EMPTY_EMPLOYER, name: existing.name } : EMPTY_EMPLOYER;
      return (
        <RegisterPage ctx={ctx} districts={await districts()} input={input} errors={[]} existing={existing} />
      );
    },
  });

  definePage(app, deps.web, {
    paths: EMPLOYER_PATHS.register,
    method: 'POST',
    policy: { action: 'create', resource: 'employer' },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      const list = await districts();
      const input = employerInput(req.body);
      const message = employerFormMessage((k) => ctx.t.t(k));
      const form = parseForm(employerForm(list.map((d) => d.ags)), req.body, message);
      const wanted = (req.body as Record<string, unknown> | undefined)?.organisationId;
      const existing =
        typeof wanted === 'string' && wanted !== '' ? await incompleteEmployer(db, actor, wanted) : undefined;
      if (typeof wanted === 'string' && wanted !== '' && !existing)
        throw new AppError('not-found', { detail: 'No employer of yours to complete.' });
      const page = (status: number, errors: FieldError[]) => ({
        status,
        view: <RegisterPage ctx={ctx} districts={list} input={input} errors={errors} existing={existing} />,
      });
      if (!form.ok) return page(422, form.errors);
      const result = existing
        ? await completeEmployer(db, actor, existing.id, form.values, deps.now())
        : await registerEmployer(db, actor.personId, form.values, deps.now());
      if (result.kind === 'not-found')
        throw new AppError('not-found', { detail: 'No employer of yours to complete.' });
      if (result.kind === 'duplicate') {
        const error = { field: result.field, rule: 'unique', message: '' };
        return page(409, [{ ...error, message: ctx.t.t('employers.error.registerNumber-taken') }]);
      }
      return { redirect: localizedUrl(EMPLOYER_PATHS.employer, ctx.locale, { id: result.organisationId }) };
    },
  });

  definePage(app, deps.web, {
    paths: EMPLOYER_PATHS.employer,
    policy: { action: 'read', resource: 'employer' },
    handler: async (req, _reply, ctx) => {
      const { actor, e } = await readable(req);
      return employerPage(ctx, actor, e);
    },
  });

  definePage(app, deps.web, {
    paths: EMPLOYER_PATHS.decide,
    method: 'POST',
    policy: { action: 'update', resource: 'employer-confirmation' },
    handler: async (req, _reply, ctx) => {
      const { actor, e } = await readable(req);
      const may = decideFor(actor, 'update', 'employer-confirmation', (m) => employerRelations(m, e));
      if (!may.allow) {
        await recordRefusedCheck(db, actor, e.organisationId, deps.now());
        throw new AppError('forbidden', { detail: "Only the ministry of the employer's state decides." });
      }
      const body = (req.body ?? {}) as Record<string, unknown>;
      const input = {
        decision: typeof body.decision === 'string' ? body.decision : '',
        reason: typeof body.reason === 'string' ? body.reason : '',
      };
      const form = parseForm(checkForm, body, (err) => ctx.t.t(`employers.error.${err.field}`));
      if (!form.ok)
        return { status: 422, view: await employerPage(ctx, actor, e, { errors: form.errors, input }) };
      const result = await decideTrust(
        db,
        actor,
        { organisationId: e.organisationId, ...form.values },
        deps.now(),
        services.mailer,
      );
      if (result.kind === 'not-found') throw new AppError('not-found', { detail: 'No such employer.' });
      if (result.kind === 'forbidden') throw new AppError('forbidden', { detail: 'Not your state.' });
      if (result.kind === 'not-open') {
        const [now] = await employersBy(db, [e.organisationId]);
        const error = {
          field: 'decision',
          rule: 'state',
          message: ctx.t.t('employers.error.decision-not-open'),
        };
        return { status: 409, view: await employerPage(ctx, actor, now ?? e, { errors: [error], input }) };
      }
      return { redirect: localizedUrl(EMPLOYER_PATHS.employer, ctx.locale, { id: e.organisationId }) };
    },
  });

  definePage(app, deps.web, {
    paths: EMPLOYER_PATHS.queue,
    policy: { action: 'read', resource: 'employer-confirmation' },
    nav: { labelKey: 'employers.nav.queue', order: 8, roles: ['ministry-officer'] },
    handler: async (req, _reply, ctx) => {
      const { state, all, waiting } = await queueOf(req);
      return <QueuePage ctx={ctx} stateCode={state} waiting={waiting} all={all} />;
    },
  });

  defineCsv(app, deps.web, {
    paths: EMPLOYER_PATHS.queue,
    policy: { action: 'read', resource: 'employer-confirmation' },
    handler: async (req, ctx) => {
      const { all, waiting } = await queueOf(req);
      return { filename: 'employers', text: employerQueueCsv(ctx, all, waiting) };
    },
  });

  /** Every employer, and those of the ministry's state that wait for its check (the page's two lists). */
  async function queueOf(req: FastifyRequest) {
    const state = ministryState(actorOf(req));
    const all = await employersBy(db);
    return { state, all, waiting: all.filter((e) => e.stateCode === state && e.trust === 'unconfirmed') };
  }
}
