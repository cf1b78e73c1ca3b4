import type { FeaturePlugin } from '../../app-deps.ts';

// The public surface of this feature: what other features and the composition root may use.
export { answerRelations, officerState, projectRelations } from './access.ts';
export { StateChecks } from './form-views.tsx';
export { JOINT_PROJECT_PATHS } from './paths.ts';
export { jointProject, jointProjectEvent, jointProjectState } from './schema.ts';
export { auditActor, createProject, type NewProject, storeProject } from './service.ts';

/** Joint projects of the states and their cost sharing (issue 17), as a feature plugin (ADR 0015). */
export const jointProjectsPlugin: FeaturePlugin = async (app, { deps }) => {
  const { registerJointProjects } = await import('./routes.tsx');
  registerJointProjects(app, deps);
};
