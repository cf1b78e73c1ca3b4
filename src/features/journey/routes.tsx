/** Registers the journey's API and pages. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { Services } from '../../services.ts';
import { registerJourneyApi } from './api.ts';
import { registerCalendarPages } from './calendar-pages.tsx';
import { registerFamilyPages } from './family-pages.tsx';
import { registerJourneyPages } from './pages.tsx';

export function registerJourneys(app: FastifyInstance, deps: AppDeps, services: Services) {
  const { journeys: service, family, records, checklists } = services;
  registerJourneyApi(app, service, family, deps.web.i18n, records);
  registerJourneyPages(app, deps.web, service, family, checklists, records);
  registerFamilyPages(app, deps.web, service, family);
  registerCalendarPages(app, deps.web, services.calendarFeeds, deps.web.i18n);
}
