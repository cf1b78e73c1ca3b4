/**
 * The companion statistics for the states' ministries (issue 18): page and CSV. Aggregate counts under the
 * disclosure rule, no personal data (policy resource `companion-statistics`): every ministry officer sees the six
 * states compared; the district table only of the officer's own state (their jurisdiction). The municipalities
 * read the same through their foreigners' offices: the comparison and the district table of the office's state.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../app-deps.ts';
import { companionStatistics } from '../../../domain/companion/statistics.ts';
import { disclosureRuleOn } from '../../../domain/statistics/index.ts';
import { definePage } from '../../../web/page.tsx';
import { todayIso } from '../../pathways/index.ts';
import { listDistricts, STATE_CODES } from '../../regions/index.ts';
import { COMPANION_EMPLOYMENT_PATHS as P } from '../employment/paths.ts';
import { holderCases, statisticsCsv } from './read.ts';
import { StatisticsPage } from './views.tsx';

const POLICY = { action: 'read', resource: 'companion-statistics' } as const;

/** Roles that read the statistics: the states' ministries and, for the municipalities, their foreigners' offices. */
const READERS = ['ministry-officer', 'foreigners-office-caseworker'] as const;

/**
 * The reader's own state: a ministry's state jurisdiction, or the state of a foreigners' office's districts (a
 * district's key begins with its state's two digits, which the regions reference data maps to the state).
 */
function ownState(
  req: FastifyRequest,
  districts: readonly { ags: string; stateCode: string }[],
): string | null {
  const own = req.actor?.memberships
    .filter((m) => (READERS as readonly string[]).includes(m.role))
    .flatMap((m) => m.jurisdictions)
    .flatMap((j) =>
      j.scope === 'state'
        ? [j.stateCode]
        : j.scope === 'district'
          ? districts.filter((d) => d.ags === j.ags).map((d) => d.stateCode)
          : [],
    )[0];
  return own && (STATE_CODES as readonly string[]).includes(own) ? own : null;
}

export function registerCompanionStatistics(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db;

  async function compute(req: FastifyRequest) {
    const day = todayIso(deps.now());
    const all = await listDistricts(db);
    const state = ownState(req, all);
    const districts = all.filter((d) => d.stateCode === state);
    const stats = companionStatistics(await holderCases(db, day), {
      today: day,
      threshold: disclosureRuleOn(day).threshold,
      states: STATE_CODES,
      state,
      districtsOf: districts.map((d) => d.ags),
    });
    return { day, stats, districts };
  }

  definePage(app, deps.web, {
    paths: P.statistics,
    policy: POLICY,
    nav: { labelKey: 'companion.statistics.nav', order: 9, roles: [...READERS] },
    handler: async (req, _reply, ctx) => {
      const { day, stats, districts } = await compute(req);
      const names = new Map(
        districts.map((d) => [d.ags, `${d.name} (${ctx.t.t(`regions.kind.${d.kind}`)})`]),
      );
      return <StatisticsPage ctx={ctx} stats={stats} states={STATE_CODES} districtNames={names} day={day} />;
    },
  });

  for (const locale of ['de', 'en'] as const) {
    app.get(`/${locale}${P.statisticsCsv[locale]}`, { config: { policy: POLICY } }, async (req, reply) => {
      const { day, stats } = await compute(req);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="opportunity-residence-${day}.csv"`)
        .send(statisticsCsv(stats, STATE_CODES, day));
    });
  }
}
