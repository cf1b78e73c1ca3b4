/**
 * The staffing calculator for ministry officers (issue 15, V2.3; memo § 5.7). A GET form: the figures are
 * computed from what the officer enters, nothing is stored. Invalid input answers 400 naming the office and the
 * field in plain words.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { decideFor, type Relation } from '../../domain/access/policy.ts';
import { compareObjectives, marginalTable } from '../../domain/capacity/staffing.ts';
import { momentOf } from '../../domain/journey/index.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { Services } from '../../services.ts';
import type { ViewContext } from '../../web/context.ts';
import { definePage } from '../../web/page.tsx';
import { readStaffNumbers } from './staff-numbers.ts';
import {
  DEFAULT_HORIZON_WEEKS,
  type FormProblem,
  formFieldOf,
  ministryStateOf,
  OFFICE_FIELDS,
  officeField,
  type PlannedOffice,
  plannedOffices,
  readStaffingForm,
  STAFFING_PATHS,
} from './staffing-page.ts';
import { formNumber, StaffingPage, type StaffingResultView } from './staffing-views.tsx';
import { registerWorkloadPage } from './workload-routes.tsx';

/** The message of a broken field: "<office>: <field> – <rule>" (or "<field> – <rule>" for K and T). */
function fieldError(
  ctx: ViewContext,
  offices: readonly PlannedOffice[],
  p: FormProblem | { field: string; rule: string },
) {
  const { t } = ctx;
  const m = /^o(\d+)-(\w+)$/.exec(p.field);
  const label = m ? t.t(`staffing.field.${m[2]}`) : t.t(`staffing.field.${p.field}`);
  const office = m ? offices[Number(m[1])]?.name : undefined;
  const rule = t.has(`staffing.rule.${p.rule}`) ? t.t(`staffing.rule.${p.rule}`) : t.t('staffing.rule.range');
  const message = office
    ? t.t('staffing.error.office', { office, field: label, rule })
    : t.t('staffing.error.field', { field: label, rule });
  return { field: p.field, rule: p.rule, message } satisfies FieldError;
}

/** The form prefilled with what was observed: backlog always; arrivals and decisions only with enough data. */
function prefilled(ctx: ViewContext, offices: readonly PlannedOffice[]): Record<string, string> {
  const out: Record<string, string> = { t: String(DEFAULT_HORIZON_WEEKS) };
  offices.forEach((o, i) => {
    out[officeField(i, 'backlog')] = String(o.backlog);
    if (o.enough && o.arrivalsPerWeek !== null)
      out[officeField(i, 'arrivals')] = formNumber(ctx, o.arrivalsPerWeek);
    if (o.enough) out[officeField(i, 'completions')] = formNumber(ctx, o.completionsPerWeek);
    if (o.staff) out[officeField(i, 'fte')] = formNumber(ctx, o.staff.fte, 2);
  });
  return out;
}

/** The workload page of an office and the ministry's staffing calculator. */
export function registerWorkloadAndStaffing(app: FastifyInstance, deps: AppDeps, services: Services) {
  registerWorkloadPage(app, deps, services);
  const db = deps.database.db;
  definePage(app, deps.web, {
    paths: STAFFING_PATHS.staffing,
    policy: { action: 'read', resource: 'staffing-plan' },
    nav: { labelKey: 'staffing.nav', order: 8, roles: ['ministry-officer'] },
    handler: async (req, _reply, ctx) => {
      const actor = req.actor;
      if (!actor) throw new AppError('not-found');
      const q = req.query as Record<string, string | undefined>;
      const ownState = ministryStateOf(actor);
      const region = q.region === 'all' || ownState === null ? 'all' : ownState;
      const d = decideFor(actor, 'read', 'staffing-plan', (m) => {
        const out = new Set<Relation>(['other']);
        if (m.jurisdictions.some((j) => j.scope === 'state' && j.stateCode === region))
          out.add('within-jurisdiction');
        return out;
      });
      if (!d.allow) throw new AppError('not-found');
      const today = momentOf(services.now().toISOString()).date;
      const observed = await plannedOffices(db, region === 'all' ? null : region, today);
      // The FTE each office stored, where this officer may read it (the offices of their own state).
      const stored = await readStaffNumbers(
        db,
        actor,
        observed.map((o) => ({ organisationId: o.id, stateCode: o.stateCode })),
        today,
        services.now(),
      );
      const offices = observed.map((o) => ({ ...o, staff: stored.get(o.id)?.current ?? null }));
      const page = (input: Record<string, string>, errors: FieldError[], result?: StaffingResultView) => (
        <StaffingPage
          ctx={ctx}
          ownState={ownState}
          region={region}
          asOf={today}
          offices={offices}
          input={input}
          errors={errors}
          result={result}
        />
      );
      if (q.go !== '1') return page(prefilled(ctx, offices), []);
      const input: Record<string, string> = {};
      for (const [i] of offices.entries())
        for (const f of OFFICE_FIELDS) input[officeField(i, f)] = String(q[officeField(i, f)] ?? '');
      input.k = String(q.k ?? '');
      input.t = String(q.t ?? '');
      // The offices may have changed since the form was drawn: never apply figures to another office.
      if (offices.some((o, i) => q[`o${i}-id`] !== o.id) || q[`o${offices.length}-id`] !== undefined)
        return {
          status: 400,
          view: page(prefilled(ctx, offices), [
            { field: officeField(0, 'backlog'), rule: 'changed', message: ctx.t.t('staffing.error.changed') },
          ]),
        };
      const form = readStaffingForm(q, offices);
      if (!form.ok)
        return {
          status: 400,
          view: page(
            input,
            form.problems.map((p) => fieldError(ctx, offices, p)),
          ),
        };
      const model = { offices: form.offices, horizonWeeks: form.horizonWeeks };
      const both = compareObjectives({ ...model, extra: form.extra });
      const marginal = marginalTable(model);
      if (!both.ok || !marginal.ok) {
        const bad = !both.ok ? both : (marginal as { field: string; rule: string });
        return {
          status: 400,
          view: page(input, [fieldError(ctx, offices, { field: formFieldOf(bad.field), rule: bad.rule })]),
        };
      }
      return page(input, [], {
        minimax: both.minimax,
        weightedMean: both.weightedMean,
        marginal: marginal.rows,
      });
    },
  });
}
