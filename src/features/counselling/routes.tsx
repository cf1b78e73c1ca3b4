import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { decideFor, type Membership, organisationRelations } from '../../domain/access/policy.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { Services } from '../../services.ts';
import { defineCsv } from '../../web/csv.tsx';
import { parseForm } from '../../web/forms.ts';
import { definePage } from '../../web/page.tsx';
import { companionHoldersConsentingTo } from '../companion/index.ts';
import { caseChangeForm, caseFormMessage, formInput, newCaseForm } from './case-form.ts';
import { CasesPage, EditPage, EMPTY_INPUT } from './case-views.tsx';
import { casesCsv } from './cases-export.ts';
import { CountsPage } from './counts-views.tsx';
import { COUNSELLING_PATHS } from './paths.ts';
import { registerCounsellingRollup } from './rollup-routes.tsx';
import { type CaseInput, type CaseRow, countsCsv } from './service.ts';

/** The counsellor membership of the signed-in person (the route policy already refused everyone else). */
function counsellorOf(req: FastifyRequest): {
  membership: Membership & { organisationId: string };
  personId: string;
} {
  const actor = req.actor;
  const membership = actor?.memberships.find((m) => m.role === 'counsellor' && m.organisationId);
  if (!actor || !membership?.organisationId) throw new AppError('not-found');
  return {
    membership: { ...membership, organisationId: membership.organisationId },
    personId: actor.personId,
  };
}

function yearOf(req: FastifyRequest, now: Date): { year: number; invalid: boolean } {
  const raw = (req.query as Record<string, unknown>).year;
  if (raw === undefined || raw === '') return { year: now.getUTCFullYear(), invalid: false };
  const year = typeof raw === 'string' && /^\d{4}$/.test(raw) ? Number(raw) : Number.NaN;
  if (Number.isNaN(year) || year < 2000 || year > 2100) return { year: now.getUTCFullYear(), invalid: true };
  return { year, invalid: false };
}

function inputOf(row: CaseRow): CaseInput {
  return {
    stateCode: row.stateCode,
    openedOn: row.openedOn,
    topic: row.topic,
    applicantPersonId: row.applicantPersonId ?? '',
    referrals: [...row.referrals],
    outcome: row.outcome,
    closedOn: row.closedOn ?? '',
  };
}

export function registerCounselling(app: FastifyInstance, deps: AppDeps, services: Services) {
  const { counselling: cases, now } = services;

  /** The membership through which the actor may act on the case; undefined: not theirs (answered 404). */
  function allowed(req: FastifyRequest, action: 'read' | 'update', row: CaseRow): Membership | undefined {
    if (!req.actor) return undefined;
    const d = decideFor(req.actor, action, 'counselling-case', (m) =>
      organisationRelations(m, { organisationId: row.organisationId }),
    );
    return d.allow ? d.membership : undefined;
  }

  /** The linked people of the listed cases who keep a companion and consent to the centre now. */
  function companionsOf(m: Membership, list: readonly CaseRow[]): Promise<ReadonlySet<string>> {
    const ids = list.flatMap((c) => (c.applicantPersonId ? [c.applicantPersonId] : []));
    return m.organisationId
      ? companionHoldersConsentingTo(deps.database.db, m.organisationId, ids)
      : Promise.resolve(new Set());
  }

  /** The case if it belongs to the actor's centre; 404 otherwise (no hint that it exists). */
  async function ownCase(req: FastifyRequest, action: 'read' | 'update'): Promise<CaseRow> {
    const id = (req.params as Record<string, string>).id ?? '';
    const row = await cases.find(id);
    if (!row || !allowed(req, action, row)) throw new AppError('not-found');
    return row;
  }

  definePage(app, deps.web, {
    paths: COUNSELLING_PATHS.list,
    policy: { action: 'read', resource: 'counselling-case' },
    nav: { labelKey: 'counselling.nav', order: 6, roles: ['counsellor'] },
    handler: async (req, _reply, ctx) => {
      const { membership, personId } = counsellorOf(req);
      const list = await cases.list(membership, personId, now());
      return (
        <CasesPage
          ctx={ctx}
          cases={list}
          companions={await companionsOf(membership, list)}
          input={EMPTY_INPUT}
          errors={[]}
        />
      );
    },
  });

  defineCsv(app, deps.web, {
    paths: COUNSELLING_PATHS.list,
    policy: { action: 'read', resource: 'counselling-case' },
    handler: async (req, ctx) => {
      const { membership, personId } = counsellorOf(req);
      const list = await cases.list(membership, personId, now(), 'counselling (list export)');
      return { filename: 'counselling-cases', text: casesCsv(ctx, list) };
    },
  });

  definePage(app, deps.web, {
    paths: COUNSELLING_PATHS.list,
    method: 'POST',
    policy: { action: 'create', resource: 'counselling-case' },
    handler: async (req, _reply, ctx) => {
      const { membership, personId } = counsellorOf(req);
      const input = formInput(req.body);
      const form = parseForm(
        newCaseForm,
        req.body,
        caseFormMessage((k) => ctx.t.t(k)),
      );
      let errors: FieldError[] = form.ok ? [] : form.errors;
      if (form.ok) {
        const row = await cases.create(membership, personId, form.values, now());
        if (row) return { redirect: `/${ctx.locale}${COUNSELLING_PATHS.list[ctx.locale]}` };
        errors = [
          { field: 'applicantPersonId', rule: 'invalid', message: ctx.t.t('counselling.error.no-consent') },
        ];
      }
      const list = await cases.list(membership, personId, now());
      const companions = await companionsOf(membership, list);
      return {
        status: 422,
        view: <CasesPage ctx={ctx} cases={list} companions={companions} input={input} errors={errors} />,
      };
    },
  });

  definePage(app, deps.web, {
    paths: COUNSELLING_PATHS.edit,
    policy: { action: 'read', resource: 'counselling-case' },
    handler: async (req, _reply, ctx) => {
      const { personId } = counsellorOf(req);
      const id = (req.params as Record<string, string>).id ?? '';
      const row = await cases.read(id, (r) => allowed(req, 'read', r), personId, now());
      if (!row) throw new AppError('not-found');
      return <EditPage ctx={ctx} row={row} input={inputOf(row)} errors={[]} />;
    },
  });

  definePage(app, deps.web, {
    paths: COUNSELLING_PATHS.edit,
    method: 'POST',
    policy: { action: 'update', resource: 'counselling-case' },
    handler: async (req, _reply, ctx) => {
      const { membership, personId } = counsellorOf(req);
      const row = await ownCase(req, 'update');
      const fromRow = { stateCode: row.stateCode, openedOn: row.openedOn };
      const form = parseForm(
        caseChangeForm,
        { ...((req.body ?? {}) as object), ...fromRow },
        caseFormMessage((k) => ctx.t.t(k)),
      );
      if (!form.ok) {
        const input = { ...formInput(req.body), ...fromRow };
        return { status: 422, view: <EditPage ctx={ctx} row={row} input={input} errors={form.errors} /> };
      }
      await cases.update(membership, personId, row, form.values, now());
      return { redirect: `/${ctx.locale}${COUNSELLING_PATHS.list[ctx.locale]}` };
    },
  });

  definePage(app, deps.web, {
    paths: COUNSELLING_PATHS.counts,
    policy: { action: 'read', resource: 'counselling-case' },
    handler: async (req, _reply, ctx) => {
      const { membership } = counsellorOf(req);
      const { year, invalid } = yearOf(req, now());
      const counts = await cases.counts(membership.organisationId, year);
      const error = invalid
        ? { field: 'year', rule: 'invalid', message: ctx.t.t('counselling.error.year') }
        : undefined;
      return {
        status: invalid ? 400 : 200,
        view: <CountsPage ctx={ctx} year={year} counts={counts} error={error} />,
      };
    },
  });

  for (const locale of ['de', 'en'] as const) {
    app.get(
      `/${locale}${COUNSELLING_PATHS.csv[locale]}`,
      { config: { policy: { action: 'read', resource: 'counselling-case' } } },
      async (req, reply) => {
        const { membership } = counsellorOf(req);
        const { year, invalid } = yearOf(req, now());
        if (invalid) throw new AppError('validation-failed', { detail: 'year must be a four-digit year' });
        const counts = await cases.counts(membership.organisationId, year);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="counselling-${year}.csv"`)
          .send(countsCsv(counts));
      },
    );
  }

  registerCounsellingRollup(app, deps, services);
  return { cases };
}
