import type { FeaturePlugin } from '../../app-deps.ts';

// The public surface of this feature: what other features and the composition root may use.
export { OVERLAP_DIGEST_JOB, officersOf, overlapDigestJob, sendOverlapDigest } from './digest.ts';
export { CountryChoice } from './form-views.tsx';
export { ACTIVITY_PATHS } from './paths.ts';
export { activityOverlapDigest, stateActivity } from './schema.ts';

/** The states' activity register and overlap finder (issue 17), as a feature plugin (ADR 0015). */
export const activitiesPlugin: FeaturePlugin = async (app, { deps, services }) => {
  const { registerActivities } = await import('./routes.tsx');
  registerActivities(app, deps, services);
};
