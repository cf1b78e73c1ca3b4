import type { FeaturePlugin } from '../../app-deps.ts';

export { COUNSELLING_PATHS } from './paths.ts';
// The public surface of this feature: what other features and the composition root may use.
export { createCounsellingService } from './service.ts';

/** Counselling centres' cases, as an encapsulated feature plugin (ADR 0015). */
export const counsellingPlugin: FeaturePlugin = async (app, { deps, services }) => {
  const { registerCounselling } = await import('./routes.tsx');
  registerCounselling(app, deps, services);
};
