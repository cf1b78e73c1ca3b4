import type { FeaturePlugin } from '../../app-deps.ts';

/** The pathway self-check and calculators, as an encapsulated feature plugin (ADR 0015). */
export const pathwaysPlugin: FeaturePlugin = async (app, { deps, services }) => {
  const { registerPathways } = await import('./routes.tsx');
  registerPathways(app, deps, services.now);
};
