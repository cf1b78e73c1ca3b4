import type { FeaturePlugin } from '../../app-deps.ts';

/** Home, imprint, privacy and accessibility pages, as an encapsulated feature plugin (ADR 0015). */
export const publicPagesPlugin: FeaturePlugin = async (app, { deps }) => {
  const { registerPublicPages } = await import('./routes.tsx');
  registerPublicPages(app, deps);
};
