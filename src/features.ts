import type { FeaturePlugin } from './app-deps.ts';
import { activitiesPlugin } from './features/activities/index.ts';
import { appointmentsPlugin } from './features/appointments/index.ts';
import { companionPlugin } from './features/companion/index.ts';
import { counsellingPlugin } from './features/counselling/index.ts';
import { documentsPlugin } from './features/documents/index.ts';
import { employersPlugin } from './features/employers/index.ts';
import { fairsPlugin } from './features/fairs/index.ts';
import { identityPlugin } from './features/identity/index.ts';
import { interopPlugin } from './features/interop/index.ts';
import { jobsPlugin } from './features/jobs/index.ts';
import { jointDraftsPlugin } from './features/joint-drafts/index.ts';
import { jointProjectsPlugin } from './features/joint-projects/index.ts';
import { journeyPlugin } from './features/journey/index.ts';
import { pathwaysPlugin } from './features/pathways/index.ts';
import { publicPagesPlugin } from './features/public-pages/index.ts';
import { regionsPlugin } from './features/regions/index.ts';
import { registryPlugin } from './features/registry/index.ts';
import { statisticsPlugin } from './features/statistics/index.ts';
import { talentPoolPlugin } from './features/talent-pool/index.ts';
import { webhooksPlugin } from './features/webhooks/index.ts';

/**
 * The features the app is made of, each registered as an encapsulated plugin by src/server.ts (ADR 0015).
 * The order has no meaning: navigation (src/navigation.ts) and erasure (src/services.ts) are declared.
 * The system feature is registered on its own (it needs the root instance for the OpenAPI document).
 */
export const FEATURES: readonly FeaturePlugin[] = [
  publicPagesPlugin,
  regionsPlugin,
  pathwaysPlugin,
  registryPlugin,
  identityPlugin,
  documentsPlugin,
  journeyPlugin,
  counsellingPlugin,
  appointmentsPlugin,
  statisticsPlugin,
  employersPlugin,
  jointProjectsPlugin,
  jointDraftsPlugin,
  jobsPlugin,
  activitiesPlugin,
  talentPoolPlugin,
  fairsPlugin,
  webhooksPlugin,
  companionPlugin,
  interopPlugin,
];
