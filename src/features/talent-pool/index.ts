import type { FeaturePlugin } from '../../app-deps.ts';

// The public surface of this feature: what other features and the composition root may use.
export { POOL_PATHS } from './paths.ts';
export { poolContactRequest, poolProfile } from './schema.ts';

/** The six-state talent pool (issue 16, V4): applicants' profiles, the readers' search, contact requests. */
export const talentPoolPlugin: FeaturePlugin = async (app, { deps, services }) => {
  const { registerTalentPool } = await import('./routes.tsx');
  registerTalentPool(app, deps, services);
};
