import type { FeaturePlugin } from '../../app-deps.ts';

// The public surface of this feature: what other features and the composition root may use.
export { type ChecklistLine, missingRequired } from './checklist-rules.ts';
export {
  type ChecklistService,
  type CurrentChecklist,
  createChecklistService,
} from './checklist-store.ts';
export { checklistFor } from './checklists.ts';
export { eraseDocumentsOf } from './deletion.ts';
export { shareDemoDocuments } from './demo-documents.ts';
export { documentsVisibleTo, sharedCategories } from './document-access.ts';
export { type DocumentsDeps, type DocumentView, ownDocuments } from './document-record.ts';
export { contentUrl, DOCUMENT_PATHS } from './paths.ts';
export { document } from './schema.ts';
export { type DocumentStorage, diskStorage } from './storage.ts';
export { DocumentChecklist } from './views.tsx';

/** Documents (upload, sharing, download), as an encapsulated feature plugin (ADR 0015). */
export const documentsPlugin: FeaturePlugin = async (app, { deps, services }) => {
  const { registerDocuments } = await import('./routes.tsx');
  registerDocuments(app, deps, {
    now: services.now,
    storage: services.documents.storage,
    stepOwnersOf: services.journeys.stepOwnersOf,
  });
  const { registerChecklists } = await import('./checklist-routes.tsx');
  registerChecklists(app, deps, services);
};
