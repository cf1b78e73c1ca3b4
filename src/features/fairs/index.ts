import type { FeaturePlugin } from '../../app-deps.ts';

// The public surface of this feature: what other features and the composition root may use.
export { FAIR_PATHS } from './paths.ts';
export {
  fair,
  fairBooking,
  fairExhibitor,
  fairRegistration,
  fairSession,
  fairSlot,
  fairState,
} from './schema.ts';
export { createFairsService, type FairsService } from './service.ts';

/** Joint virtual job fairs of the states (issue 16, V4), as a feature plugin (ADR 0015). */
export const fairsPlugin: FeaturePlugin = async (app, { deps, services }) => {
  const { registerFairs } = await import('./routes.tsx');
  registerFairs(app, deps, services);
};
