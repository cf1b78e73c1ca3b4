/** Registers the journey's API and pages. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { IdentityDeps } from '../identity/deps.ts';
import { createRecordsService } from '../registry/records.ts';
import { lazySigningKey } from '../registry/signing.ts';
import { registerJourneyApi } from './api.ts';
import { createFamilyService, eraseFamilyNameOf } from './family.ts';
import { registerFamilyPages } from './family-pages.tsx';
import { registerJourneyPages } from './pages.tsx';
import { createJourneyService } from './service.ts';

export function registerJourneys(app: FastifyInstance, deps: AppDeps, identity: IdentityDeps) {
  const service = createJourneyService(deps.database.db, {
    deadlines: { nearBreachDays: deps.config.DEADLINE_NEAR_BREACH_DAYS },
    idempotencyTtlHours: deps.config.IDEMPOTENCY_KEY_TTL_HOURS,
  });
  const family = createFamilyService(service, identity);
  const records = createRecordsService(deps.database.db, lazySigningKey(deps.config));
  registerJourneyApi(app, service, family, deps.web.i18n, records);
  registerJourneyPages(app, deps.web, service, family, records);
  registerFamilyPages(app, deps.web, service, family);
  deps.erasure.push(eraseFamilyNameOf);
}
