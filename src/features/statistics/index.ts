import type { FeaturePlugin } from '../../app-deps.ts';

// The public surface of this feature: what other features and the composition root may use.
export { STATISTICS_API, STATISTICS_PATHS } from './paths.ts';
export { createStatistics, STATISTICS_JOB, type StatisticsService } from './store.ts';

/** Statistics: the rollup of the journey events and the public dashboard (issue 19), a feature plugin (ADR 0015). */
export const statisticsPlugin: FeaturePlugin = async (app, { deps, services }) => {
  const { registerStatistics } = await import('./routes.tsx');
  registerStatistics(app, deps, services);
};
