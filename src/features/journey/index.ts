import type { FeaturePlugin } from '../../app-deps.ts';

/** Journeys, their family and the work queues, as an encapsulated feature plugin (ADR 0015). */
export const journeyPlugin: FeaturePlugin = async (app, { deps, services }) => {
  const { registerJourneys } = await import('./routes.tsx');
  registerJourneys(app, deps, services);
};
