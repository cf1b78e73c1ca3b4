/**
 * The journey's pages (German and English, no JavaScript needed): forms post and redirect with 303; bad input
 * re-renders with 422 and an error summary; refusals of the core re-render with their message.
 */
import type { FastifyInstance } from 'fastify';
import type { WebDeps } from '../../web/page.tsx';
import type { ChecklistService } from '../documents/index.ts';
import type { RecordsService } from '../registry/index.ts';
import type { FamilyService } from './family.ts';
import { registerMineAndJourneyPages } from './journey-pages.tsx';
import { registerListPages } from './list-pages.tsx';
import type { JourneyService } from './service.ts';
import { registerStepPages } from './step-pages.tsx';

export function registerJourneyPages(
  app: FastifyInstance,
  web: WebDeps,
  service: JourneyService,
  family: FamilyService,
  checklists: ChecklistService,
  records?: RecordsService,
) {
  registerMineAndJourneyPages(app, web, service, family);
  registerStepPages(app, web, service, checklists, records);
  registerListPages(app, web, service);
}
