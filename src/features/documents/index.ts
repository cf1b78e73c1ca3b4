import type { FeaturePlugin } from '../../app-deps.ts';

/** Documents (upload, sharing, download), as an encapsulated feature plugin (ADR 0015). */
export const documentsPlugin: FeaturePlugin = async (app, { deps, services }) => {
  const { registerDocuments } = await import('./routes.tsx');
  registerDocuments(app, deps, { now: services.now, storage: services.documents.storage });
};
