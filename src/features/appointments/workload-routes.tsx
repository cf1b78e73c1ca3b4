/**
 * The workload page of an office (issue 15, V2.3): staff of a foreigners' office, a recognition authority or a
 * mission see their own organisation's weeks (aggregate figures, no personal data) and keep its staff numbers
 * (full-time caseworkers from a day on, with history; policy `office-staffing`, read and change audited).
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { decideFor, type Membership, organisationRelations } from '../../domain/access/policy.ts';
import { momentOf } from '../../domain/journey/index.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { Services } from '../../services.ts';
import type { ViewContext } from '../../web/context.ts';
import { parseForm } from '../../web/forms.ts';
import { definePage } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { organisation } from '../people/index.ts';
import { readStaffNumbers, recordStaffNumber, staffNumberForm } from './staff-numbers.ts';
import { STAFFING_PATHS, workloadOf } from './staffing-page.ts';
import { dottedDate, staffFieldErrors } from './workload-staff-views.tsx';
import { WorkloadPage } from './workload-views.tsx';

export const WORKLOAD_ROLES = [
  'foreigners-office-caseworker',
  'recognition-officer',
  'mission-officer',
] as const;

/** The office the signed-in staff member works for, as the workload policy allows it; 404 otherwise. */
function officeOf(req: FastifyRequest) {
  const actor = req.actor;
  const m = actor?.memberships.find(
    (x): x is Membership & { organisationId: string } =>
      (WORKLOAD_ROLES as readonly string[]).includes(x.role) && x.organisationId !== null,
  );
  if (!actor || !m) throw new AppError('not-found');
  const d = decideFor(actor, 'read', 'office-workload', (x) =>
    organisationRelations(x, { organisationId: m.organisationId }),
  );
  if (!d.allow) throw new AppError('not-found');
  return { actor, office: { organisationId: m.organisationId, stateCode: null } };
}

export function registerWorkloadPage(app: FastifyInstance, deps: AppDeps, services: Services) {
  const db = deps.database.db;
  const today = () => momentOf(services.now().toISOString()).date;

  async function workloadView(
    req: FastifyRequest,
    ctx: ViewContext,
    form: { input?: Record<string, string>; errors?: FieldError[] } = {},
  ) {
    const { actor, office } = officeOf(req);
    const id = office.organisationId;
    const [org] = await db
      .select({ name: organisation.name })
      .from(organisation)
      .where(eq(organisation.id, id));
    if (!org) throw new AppError('not-found');
    const workload = await workloadOf(db, id, today());
    const [rate] = await services.journeys.onTimeRate([id], today());
    const staff = (await readStaffNumbers(db, actor, [office], today(), services.now())).get(id);
    const done = (req.query as Record<string, unknown>).done === 'staff';
    return (
      <WorkloadPage
        ctx={ctx}
        organisationName={org.name}
        workload={workload}
        onTime={rate ? { rate: rate.rate, total: rate.total } : undefined}
        staff={{
          numbers: staff ?? { current: null, history: [] },
          input: form.input ?? { effectiveFrom: dottedDate(today()) },
          errors: form.errors ?? [],
          saved: done,
        }}
      />
    );
  }

  definePage(app, deps.web, {
    paths: STAFFING_PATHS.workload,
    policy: { action: 'read', resource: 'office-workload' },
    nav: { labelKey: 'workload.nav', order: 8, roles: [...WORKLOAD_ROLES] },
    handler: async (req, _reply, ctx) => workloadView(req, ctx),
  });

  definePage(app, deps.web, {
    paths: STAFFING_PATHS.workload,
    method: 'POST',
    policy: { action: 'update', resource: 'office-staffing' },
    handler: async (req, _reply, ctx) => {
      const { actor, office } = officeOf(req);
      const body = (req.body ?? {}) as Record<string, string>;
      const form = parseForm(staffNumberForm, body);
      if (!form.ok)
        return {
          status: 422,
          view: await workloadView(req, ctx, {
            input: body,
            errors: staffFieldErrors(ctx, form.errors, body),
          }),
        };
      await recordStaffNumber(db, actor, office, form.values, services.now());
      return { redirect: `${localizedUrl(STAFFING_PATHS.workload, ctx.locale)}?done=staff#staff` };
    },
  });
}
