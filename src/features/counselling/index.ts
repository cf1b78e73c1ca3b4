import type { FeaturePlugin } from '../../app-deps.ts';

/** Counselling centres' cases, as an encapsulated feature plugin (ADR 0015). */
export const counsellingPlugin: FeaturePlugin = async (app, { deps, services }) => {
  const { registerCounselling } = await import('./routes.tsx');
  registerCounselling(app, deps, services);
};
