import type { FeaturePlugin } from '../../app-deps.ts';

/** The recognition registry, its records and its administration, as an encapsulated feature plugin (ADR 0015). */
export const registryPlugin: FeaturePlugin = async (app, { deps, services }) => {
  const { registerRegistry } = await import('./routes.tsx');
  registerRegistry(app, deps, services);
};
