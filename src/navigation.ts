import { ACTIVITY_PATHS } from './features/activities/index.ts';
import { APPOINTMENT_PATHS, STAFFING_PATHS, WAITING_PATHS } from './features/appointments/index.ts';
import { COMPANION_EMPLOYMENT_PATHS, COMPANION_PATHS } from './features/companion/index.ts';
import { COUNSELLING_PATHS } from './features/counselling/index.ts';
import { DOCUMENT_PATHS } from './features/documents/index.ts';
import { EMPLOYER_PATHS } from './features/employers/index.ts';
import { FAIR_PATHS } from './features/fairs/index.ts';
import { IDENTITY_PATHS } from './features/identity/index.ts';
import { JOB_PATHS } from './features/jobs/index.ts';
import { JOINT_DRAFT_PATHS } from './features/joint-drafts/index.ts';
import { JOINT_PROJECT_PATHS } from './features/joint-projects/index.ts';
import { JOURNEY_PATHS } from './features/journey/index.ts';
import { PATHWAY_PATHS } from './features/pathways/index.ts';
import { REGISTRY_PATHS } from './features/registry/index.ts';
import { STATISTICS_PATHS } from './features/statistics/index.ts';
import { POOL_PATHS } from './features/talent-pool/index.ts';
import type { NavItem } from './web/context.ts';
import { PATHS } from './web/paths.ts';

/**
 * The main navigation, declared in one place and in its order (ADR 0015): a page names its item with
 * `nav` (src/web/page.tsx), which must be one of these; registering a feature adds nothing and its
 * registration order changes nothing.
 */
export const NAVIGATION: readonly NavItem[] = Object.freeze([
  { labelKey: 'nav.home', paths: PATHS.home, order: 0 },
  {
    labelKey: 'journeys.nav.mine',
    paths: JOURNEY_PATHS.mine,
    order: 5,
    roles: ['applicant', 'family-member'],
  },
  {
    labelKey: 'journeys.employer.title',
    paths: JOURNEY_PATHS.employer,
    order: 5,
    roles: ['employer-admin', 'employer-member'],
  },
  { labelKey: 'journeys.counsellor.title', paths: JOURNEY_PATHS.counsellor, order: 5, roles: ['counsellor'] },
  {
    labelKey: 'journeys.queue.title',
    paths: JOURNEY_PATHS.queue,
    order: 5,
    roles: [
      'recognition-officer',
      'foreigners-office-caseworker',
      'mission-officer',
      'employment-agency-officer',
    ],
  },
  { labelKey: 'counselling.nav', paths: COUNSELLING_PATHS.list, order: 6, roles: ['counsellor'] },
  { labelKey: 'appointments.nav.mine', paths: APPOINTMENT_PATHS.mine, order: 6, roles: ['applicant'] },
  { labelKey: 'pool.nav.mine', paths: POOL_PATHS.mine, order: 6, roles: ['applicant'] },
  {
    labelKey: 'pool.nav.search',
    paths: POOL_PATHS.search,
    order: 7,
    roles: ['employer-admin', 'employer-member', 'ministry-officer'],
  },
  { labelKey: 'companion.nav.mine', paths: COMPANION_PATHS.mine, order: 8, roles: ['applicant'] },
  {
    labelKey: 'companion.nav.manage',
    paths: COMPANION_PATHS.manage,
    order: 9,
    roles: ['administrator', 'ministry-officer'],
  },
  {
    labelKey: 'companion.employment.nav',
    paths: COMPANION_EMPLOYMENT_PATHS.requests,
    order: 9,
    roles: ['employer-admin', 'employer-member'],
  },
  {
    labelKey: 'appointments.nav.requests',
    paths: APPOINTMENT_PATHS.requests,
    order: 7,
    roles: ['mission-officer', 'foreigners-office-caseworker', 'counsellor'],
  },
  {
    labelKey: 'appointments.nav.planning',
    paths: APPOINTMENT_PATHS.planning,
    order: 7,
    roles: ['mission-officer', 'foreigners-office-caseworker', 'counsellor'],
  },
  {
    labelKey: 'workload.nav',
    paths: STAFFING_PATHS.workload,
    order: 8,
    roles: ['foreigners-office-caseworker', 'recognition-officer', 'mission-officer'],
  },
  { labelKey: 'staffing.nav', paths: STAFFING_PATHS.staffing, order: 8, roles: ['ministry-officer'] },
  { labelKey: 'employers.nav.queue', paths: EMPLOYER_PATHS.queue, order: 8, roles: ['ministry-officer'] },
  {
    labelKey: 'companion.statistics.nav',
    paths: COMPANION_EMPLOYMENT_PATHS.statistics,
    order: 9,
    roles: ['ministry-officer', 'foreigners-office-caseworker'],
  },
  {
    labelKey: 'activities.nav.register',
    paths: ACTIVITY_PATHS.register,
    order: 8,
    roles: ['ministry-officer'],
  },
  {
    labelKey: 'activities.nav.overlaps',
    paths: ACTIVITY_PATHS.overlaps,
    order: 8,
    roles: ['ministry-officer'],
  },
  {
    labelKey: 'employers.nav.mine',
    paths: EMPLOYER_PATHS.mine,
    order: 9,
    roles: ['applicant', 'employer-admin', 'employer-member'],
  },
  { labelKey: 'joint.nav', paths: JOINT_PROJECT_PATHS.list, order: 9, roles: ['ministry-officer'] },
  { labelKey: 'drafts.nav', paths: JOINT_DRAFT_PATHS.list, order: 9, roles: ['ministry-officer'] },
  {
    labelKey: 'documents.checklists.nav',
    paths: DOCUMENT_PATHS.checklists,
    order: 9,
    roles: ['ministry-officer'],
  },
  {
    labelKey: 'counselling.rollup.nav',
    paths: COUNSELLING_PATHS.rollup,
    order: 9,
    roles: ['ministry-officer'],
  },
  {
    labelKey: 'nav.pathways',
    paths: PATHWAY_PATHS.start,
    order: 10,
    descriptionKey: 'home.pathways.text',
  },
  {
    labelKey: 'pathways.points.title',
    paths: PATHWAY_PATHS.points,
    order: 11,
    descriptionKey: 'home.points.text',
    cardOnly: true,
  },
  {
    labelKey: 'pathways.offer.title',
    paths: PATHWAY_PATHS.offer,
    order: 12,
    descriptionKey: 'home.offer.text',
    cardOnly: true,
  },
  { labelKey: 'jobs.nav.search', paths: JOB_PATHS.search, order: 13, descriptionKey: 'jobs.nav.search.text' },
  { labelKey: 'fairs.nav', paths: FAIR_PATHS.list, order: 14, descriptionKey: 'fairs.nav.text' },
  {
    labelKey: 'nav.recognition',
    paths: REGISTRY_PATHS.recognition,
    order: 20,
    descriptionKey: 'home.recognition.text',
  },
  {
    labelKey: 'waiting.nav',
    paths: WAITING_PATHS.overview,
    order: 30,
    descriptionKey: 'waiting.nav.text',
  },
  {
    labelKey: 'statistics.nav',
    paths: STATISTICS_PATHS.overview,
    order: 31,
    descriptionKey: 'statistics.nav.text',
  },
  {
    labelKey: 'activities.nav.public',
    paths: ACTIVITY_PATHS.public,
    order: 32,
    descriptionKey: 'activities.nav.public.text',
    cardOnly: true,
  },
  {
    labelKey: 'companion.nav.offers',
    paths: COMPANION_PATHS.offers,
    order: 33,
    descriptionKey: 'companion.nav.offers.text',
    cardOnly: true,
  },
  { labelKey: 'nav.regions', paths: PATHS.regions, order: 90, descriptionKey: 'home.regions.text' },
  {
    labelKey: 'documents.nav',
    paths: DOCUMENT_PATHS.list,
    order: 95,
    descriptionKey: 'documents.nav.text',
  },
  {
    labelKey: 'identity.nav.account',
    paths: IDENTITY_PATHS.account,
    order: 100,
    descriptionKey: 'identity.nav.account.text',
  },
  {
    labelKey: 'registry.nav.admin-registry',
    paths: REGISTRY_PATHS.adminRegistry,
    order: 110,
    roles: ['administrator'],
  },
  {
    labelKey: 'registry.nav.admin-records',
    paths: REGISTRY_PATHS.adminRecords,
    order: 110,
    roles: ['recognition-officer'],
  },
  {
    labelKey: 'registry.nav.admin-register',
    paths: REGISTRY_PATHS.adminRegister,
    order: 110,
    roles: ['ministry-officer'],
  },
]);
