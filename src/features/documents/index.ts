import type { FeaturePlugin } from '../../app-deps.ts';

// The public surface of this feature: what other features and the composition root may use.
export { checklistFor } from './checklists.ts';
export { eraseDocumentsOf } from './deletion.ts';
export { documentsVisibleTo } from './document-access.ts';
export { type DocumentsDeps, type DocumentView, ownDocuments } from './document-record.ts';
export { contentUrl, DOCUMENT_PATHS } from './paths.ts';
export { diskStorage } from './storage.ts';
export { DocumentChecklist } from './views.tsx';

/** Documents (upload, sharing, download), as an encapsulated feature plugin (ADR 0015). */
export const documentsPlugin: FeaturePlugin = async (app, { deps, services }) => {
  const { registerDocuments } = await import('./routes.tsx');
  registerDocuments(app, deps, {
    now: services.now,
    storage: services.documents.storage,
    stepOwnersOf: services.journeys.stepOwnersOf,
  });
};
