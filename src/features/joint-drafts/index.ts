import type { FeaturePlugin } from '../../app-deps.ts';

export { JOINT_DRAFT_PATHS } from './paths.ts';
// The public surface of this feature: what other features and the composition root may use.
export { draftReminderJob } from './reminders.ts';
export { jointDraft, jointDraftComment, jointDraftSignOff, jointDraftVersion } from './schema.ts';
export { storeDraft } from './service.ts';

/** Joint drafts of the states and each state's sign-off (issue 17), as a feature plugin (ADR 0015). */
export const jointDraftsPlugin: FeaturePlugin = async (app, { deps }) => {
  const { registerJointDrafts } = await import('./routes.tsx');
  registerJointDrafts(app, deps);
};
