import type { FeaturePlugin } from '../../app-deps.ts';

export { type JourneyObject, journeyRelations, resolveOwners } from './access.ts';
export { type CalendarFeeds, createCalendarFeeds } from './calendar-feed.ts';
export { createFamilyService, eraseFamilyNameOf, type FamilyService } from './family.ts';
export { journeyJobs } from './jobs.ts';
export { JOURNEY_PATHS, JourneyLinks, startJourneyUrl, XAUSLAENDER_FILE_PATHS } from './paths.tsx';
// The public surface of this feature: what other features and the composition root may use.
export { QUEUE_STATUSES } from './queries.ts';
export { refusalErrorCode } from './refusals.ts';
export { journey, journeyEvent, journeyStep } from './schema.ts';
export {
  createJourneyService,
  JourneyRefusal,
  type JourneyService,
  journeyStatus,
  type StepCommandInput,
  type StepOwner,
  stepRecord,
  stepRow,
} from './service.ts';
export { pathwayTitle } from './view-parts.tsx';

/** Journeys, their family and the work queues, as an encapsulated feature plugin (ADR 0015). */
export const journeyPlugin: FeaturePlugin = async (app, { deps, services }) => {
  const { registerJourneys } = await import('./routes.tsx');
  registerJourneys(app, deps, services);
};
