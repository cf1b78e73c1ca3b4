import type { FeaturePlugin } from '../../app-deps.ts';

// The public surface of this feature: what other features and the composition root may use.
export { ANSWERS_COOKIE, type AnswerStore, createAnswerStore } from './answers.ts';
export { PATHWAYS_USAGE, pathwaysCli } from './cli.ts';
export { criterionTitle } from './criteria-views.tsx';
export { answersPurgeJob } from './jobs.ts';
export { PATHWAY_PATHS } from './paths.ts';
export { profileFrom, todayIso } from './profile.ts';
export { byOpenness, type EvaluationJson, evaluateAndRender, renderMessage } from './render.ts';
export { PathwayGroups } from './result-views.tsx';

/** The pathway self-check and calculators, as an encapsulated feature plugin (ADR 0015). */
export const pathwaysPlugin: FeaturePlugin = async (app, { deps, services }) => {
  const { registerPathways } = await import('./routes.tsx');
  registerPathways(app, deps, services);
};
