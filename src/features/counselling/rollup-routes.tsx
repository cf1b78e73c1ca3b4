/**
 * The counselling roll-up for ministry officers (issue 19, V2.1): page and CSV. Aggregate counts under the
 * disclosure rule, no personal data; every ministry officer of the six states reads every state's roll-up
 * (policy resource `counselling-rollup`), opening on their own state. A bad year or state answers 400 naming
 * the field.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { momentOf } from '../../domain/journey/index.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { Services } from '../../services.ts';
import type { ViewContext } from '../../web/context.ts';
import { definePage } from '../../web/page.tsx';
import { STATE_CODES, type StateCode } from '../regions/index.ts';
import { COUNSELLING_PATHS } from './paths.ts';
import { RollupPage } from './rollup-views.tsx';
import { publishStateRollup, readStateRollup, stateRollupCsv } from './state-rollup.ts';

const POLICY = { action: 'read', resource: 'counselling-rollup' } as const;

type Problem = { field: 'year' | 'state'; rule: string };

/** Year and state from the query: defaults this year and the officer's own state (else Berlin, the first). */
function queryOf(req: FastifyRequest, now: Date) {
  const q = req.query as Record<string, unknown>;
  const problems: Problem[] = [];
  const thisYear = Number(momentOf(now.toISOString()).date.slice(0, 4));
  const rawYear = typeof q.year === 'string' ? q.year.trim() : '';
  let year = thisYear;
  if (rawYear !== '') {
    const n = /^\d{4}$/.test(rawYear) ? Number(rawYear) : Number.NaN;
    if (Number.isNaN(n) || n < 2000 || n > thisYear) problems.push({ field: 'year', rule: 'range' });
    else year = n;
  }
  const own = req.actor?.memberships
    .filter((m) => m.role === 'ministry-officer')
    .flatMap((m) => m.jurisdictions)
    .flatMap((j) => (j.scope === 'state' ? [j.stateCode] : []))[0];
  let state = (STATE_CODES as readonly string[]).includes(own ?? '') ? (own as StateCode) : STATE_CODES[0];
  const rawState = typeof q.state === 'string' ? q.state.trim().toUpperCase() : '';
  if (rawState !== '') {
    if ((STATE_CODES as readonly string[]).includes(rawState)) state = rawState as StateCode;
    else problems.push({ field: 'state', rule: 'enum' });
  }
  return { year, state, problems, input: { year: rawYear || String(year), state: state.toLowerCase() } };
}

function message(ctx: ViewContext, p: Problem): FieldError {
  return { field: p.field, rule: p.rule, message: ctx.t.t(`counselling.rollup.error.${p.field}`) };
}

export function registerCounsellingRollup(app: FastifyInstance, deps: AppDeps, services: Services) {
  const db = deps.database.db;
  const { now } = services;

  definePage(app, deps.web, {
    paths: COUNSELLING_PATHS.rollup,
    policy: POLICY,
    nav: { labelKey: 'counselling.rollup.nav', order: 9, roles: ['ministry-officer'] },
    handler: async (req, _reply, ctx) => {
      const at = now();
      const q = queryOf(req, at);
      const rows = await readStateRollup(db, q.year);
      const rollup = publishStateRollup(rows, q.year, q.state, momentOf(at.toISOString()).date);
      const errors = q.problems.map((p) => message(ctx, p));
      return {
        status: errors.length ? 400 : 200,
        view: <RollupPage ctx={ctx} rollup={rollup} input={q.input} errors={errors} />,
      };
    },
  });

  for (const locale of ['de', 'en'] as const) {
    app.get(
      `/${locale}${COUNSELLING_PATHS.rollupCsv[locale]}`,
      { config: { policy: POLICY } },
      async (req, reply) => {
        const at = now();
        const q = queryOf(req, at);
        if (q.problems.length)
          throw new AppError('validation-failed', {
            errors: q.problems.map((p) => ({
              field: `query.${p.field}`,
              rule: p.rule,
              message:
                p.field === 'year' ? 'a four-digit year from 2000 to this year' : 'one of the six states',
            })),
          });
        const rows = await readStateRollup(db, q.year);
        const rollup = publishStateRollup(rows, q.year, q.state, momentOf(at.toISOString()).date);
        return reply
          .type('text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="counselling-${q.state.toLowerCase()}-${q.year}.csv"`,
          )
          .send(stateRollupCsv(rollup));
      },
    );
  }
}
