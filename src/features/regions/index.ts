import type { FeaturePlugin } from '../../app-deps.ts';

/** States and districts, as an encapsulated feature plugin (ADR 0015). */
export const regionsPlugin: FeaturePlugin = async (app, { deps, services }) => {
  const { registerRegions } = await import('./routes.tsx');
  registerRegions(app, deps, services);
};
