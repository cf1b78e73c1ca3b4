/**
 * The workload page of an office (issue 15, V2.3): staff of a foreigners' office, a recognition authority or a
 * mission see their own organisation's weeks. Aggregate figures, no personal data (so no audited read).
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { decideFor, type Membership, organisationRelations } from '../../domain/access/policy.ts';
import { momentOf } from '../../domain/journey/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Services } from '../../services.ts';
import { definePage } from '../../web/page.tsx';
import { organisation } from '../people/index.ts';
import { STAFFING_PATHS, workloadOf } from './staffing-page.ts';
import { WorkloadPage } from './workload-views.tsx';

export const WORKLOAD_ROLES = [
  'foreigners-office-caseworker',
  'recognition-officer',
  'mission-officer',
] as const;

export function registerWorkloadPage(app: FastifyInstance, deps: AppDeps, services: Services) {
  const db = deps.database.db;
  definePage(app, deps.web, {
    paths: STAFFING_PATHS.workload,
    policy: { action: 'read', resource: 'office-workload' },
    nav: { labelKey: 'workload.nav', order: 8, roles: [...WORKLOAD_ROLES] },
    handler: async (req, _reply, ctx) => {
      const actor = req.actor;
      const m = actor?.memberships.find(
        (x): x is Membership & { organisationId: string } =>
          (WORKLOAD_ROLES as readonly string[]).includes(x.role) && x.organisationId !== null,
      );
      if (!actor || !m) throw new AppError('not-found');
      const d = decideFor(actor, 'read', 'office-workload', (x) =>
        organisationRelations(x, { organisationId: m.organisationId }),
      );
      if (!d.allow) throw new AppError('not-found');
      const [org] = await db
        .select({ name: organisation.name })
        .from(organisation)
        .where(eq(organisation.id, m.organisationId));
      if (!org) throw new AppError('not-found');
      const today = momentOf(services.now().toISOString()).date;
      const workload = await workloadOf(db, m.organisationId, today);
      const [rate] = await services.journeys.onTimeRate([m.organisationId], today);
      return (
        <WorkloadPage
          ctx={ctx}
          organisationName={org.name}
          workload={workload}
          onTime={rate ? { rate: rate.rate, total: rate.total } : undefined}
        />
      );
    },
  });
}
