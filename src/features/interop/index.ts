import type { FeaturePlugin } from '../../app-deps.ts';

// The public surface of this feature: what other features and the composition root may use.
export { XAUSLAENDER_IMPORT_PATH } from './paths.ts';
export { createXAuslaenderService, type XAuslaenderService } from './service.ts';
export { validateXAuslaender } from './xsd.ts';

/** Back-office interoperability (issue 20): XAusländer messages of the § 81a procedure, as a feature plugin. */
export const interopPlugin: FeaturePlugin = async (app, { deps, services }) => {
  const { registerInterop } = await import('./routes.tsx');
  registerInterop(app, deps, services);
};
