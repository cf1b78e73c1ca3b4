import type { FeaturePlugin } from '../../app-deps.ts';

// The public surface of this feature: what other features and the composition root may use.
export { EMPLOYER_PATHS, type GuideSection, guideUrl } from './paths.ts';
export {
  employerProfile,
  employerTrustDecision,
  PUBLIC_EMPLOYER_KINDS,
  SIZE_BANDS,
  TRUST_LEVELS,
  type TrustLevel,
} from './schema.ts';
export { mayPublish } from './service.ts';

/** Employers (issue 16): registration, colleagues, the check by a state's ministry, as a feature plugin (ADR 0015). */
export const employersPlugin: FeaturePlugin = async (app, { deps, services }) => {
  const { registerEmployers } = await import('./routes.tsx');
  registerEmployers(app, deps, services);
};
