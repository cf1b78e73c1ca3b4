/**
 * The public statistics pages (issue 19): all six states and one state by its code in the address
 * (`/de/statistik/sn`). Public, read-only; the figures come from the stored rollup (`services.statistics`), and a
 * visitor without a session gets the page rendered once per address and computation (`sharedVersion`). An address
 * naming no state of the six is a 404.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Services } from '../../services.ts';
import { definePage } from '../../web/page.tsx';
import { STATE_CODES, type StateCode } from '../regions/index.ts';
import { registerStatisticsApi } from './api.ts';
import { POLICY, STATISTICS_PATHS } from './paths.ts';
import { registerStatisticsReport } from './report.tsx';
import { StatisticsPage } from './views.tsx';

export function registerStatistics(app: FastifyInstance, deps: AppDeps, services: Services) {
  const { statistics } = services;
  const sharedVersion = async () => (await statistics.current()).computedAt;

  definePage(app, deps.web, {
    paths: STATISTICS_PATHS.overview,
    policy: POLICY,
    nav: { labelKey: 'statistics.nav', order: 31 },
    sharedVersion,
    handler: async (_req, _reply, ctx) => (
      <StatisticsPage ctx={ctx} s={await statistics.current()} area="all" />
    ),
  });

  definePage(app, deps.web, {
    paths: STATISTICS_PATHS.state,
    policy: POLICY,
    sharedVersion,
    handler: async (req, _reply, ctx) => {
      const raw = ((req.params as Record<string, string>).state ?? '').toUpperCase();
      if (!(STATE_CODES as readonly string[]).includes(raw)) throw new AppError('not-found');
      return <StatisticsPage ctx={ctx} s={await statistics.current()} area={raw as StateCode} />;
    },
  });

  registerStatisticsApi(app, services);
  registerStatisticsReport(app, services, deps.web);
}
