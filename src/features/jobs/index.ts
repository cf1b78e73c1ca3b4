import type { FeaturePlugin } from '../../app-deps.ts';

export { resolveOccupation } from './occupation-choice.ts';
// The public surface of this feature: what other features and the composition root may use.
export { JOB_PATHS } from './paths.ts';
export { type JobAdRow, jobAd } from './schema.ts';
export { computed, occupationFacts, todayIso } from './service.ts';

/** Job ads (issue 16): the employer's ads with computed flags and pathways, and the public search. */
export const jobsPlugin: FeaturePlugin = async (app, { deps, services }) => {
  const { registerJobs } = await import('./routes.tsx');
  const { registerJobFit } = await import('./fit-route.tsx');
  registerJobs(app, deps, services);
  registerJobFit(app, deps, services);
};
