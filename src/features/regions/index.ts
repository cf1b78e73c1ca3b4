import type { FeaturePlugin } from '../../app-deps.ts';

export { type DistrictRow, listDistricts, listStates, type StateRow } from './queries.ts';
// The public surface of this feature: what other features and the composition root may use.
export { district, state } from './schema.ts';
export { STATE_CODES, STATES, type StateCode, seedRegions } from './seed.ts';
export { createRegionsService, type RegionsService } from './service.ts';
export { stateNameIn } from './state-name.ts';

/** States and districts, as an encapsulated feature plugin (ADR 0015). */
export const regionsPlugin: FeaturePlugin = async (app, { deps, services }) => {
  const { registerRegions } = await import('./routes.tsx');
  registerRegions(app, deps, services);
};
