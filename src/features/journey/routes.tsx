/** Registers the journey's API and pages. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { createRecordsService } from '../registry/records.ts';
import { lazySigningKey } from '../registry/signing.ts';
import { registerJourneyApi } from './api.ts';
import { registerJourneyPages } from './pages.tsx';
import { createJourneyService } from './service.ts';

export function registerJourneys(app: FastifyInstance, deps: AppDeps) {
  const service = createJourneyService(deps.database.db);
  const records = createRecordsService(deps.database.db, lazySigningKey(deps.config));
  registerJourneyApi(app, service, deps.web.i18n, records);
  registerJourneyPages(app, deps.web, service, records);
}
