/** The lists of journeys: the employer's and the counsellor's, and an authority's work queue with its on-time rates. */
import type { FastifyInstance } from 'fastify';
import { momentOf } from '../../domain/journey/index.ts';
import { defineCsv } from '../../web/csv.tsx';
import { definePage, type WebDeps } from '../../web/page.tsx';
import { journeysCsv, QUEUE_EXPORT_LIMIT, queueCsv } from './list-exports.ts';
import { JourneyListPage, QueuePage } from './list-views.tsx';
import { actorOf } from './page-forms.ts';
import { JOURNEY_PATHS } from './paths.tsx';
import { journeysFor, LIST_PURPOSE, noticesFor, workQueue } from './queries.ts';
import type { JourneyService } from './service.ts';

export function registerListPages(app: FastifyInstance, web: WebDeps, service: JourneyService) {
  const db = service.db;
  const today = () => momentOf(service.now().toISOString()).date;

  definePage(app, web, {
    paths: JOURNEY_PATHS.employer,
    policy: { action: 'read', resource: 'journey' },
    nav: { labelKey: 'journeys.employer.title', order: 5, roles: ['employer-admin', 'employer-member'] },
    handler: async (req, _reply, ctx) => (
      <JourneyListPage
        ctx={ctx}
        title={ctx.t.t('journeys.employer.title')}
        none={ctx.t.t('journeys.employer.none')}
        journeys={await journeysFor(db, actorOf(req), 'employer', service.now())}
        csv
      />
    ),
  });

  definePage(app, web, {
    paths: JOURNEY_PATHS.counsellor,
    policy: { action: 'read', resource: 'journey' },
    nav: { labelKey: 'journeys.counsellor.title', order: 5, roles: ['counsellor'] },
    handler: async (req, _reply, ctx) => (
      <JourneyListPage
        ctx={ctx}
        title={ctx.t.t('journeys.counsellor.title')}
        none={ctx.t.t('journeys.counsellor.none')}
        journeys={await journeysFor(db, actorOf(req), 'counsellor', service.now())}
        csv
      />
    ),
  });

  /** The employer's and the counselling centre's lists whole (up to the limit), each audited as an export. */
  for (const as of ['employer', 'counsellor'] as const)
    defineCsv(app, web, {
      paths: JOURNEY_PATHS[as],
      policy: { action: 'read', resource: 'journey' },
      handler: async (req, ctx) => {
        const at = service.now();
        const purpose = `${LIST_PURPOSE[as]} (list export)`;
        const rows = await journeysFor(db, actorOf(req), as, at, QUEUE_EXPORT_LIMIT, purpose);
        return { filename: `journeys-${today()}`, text: journeysCsv(ctx, rows) };
      },
    });

  /** The queue as the page reads it; the download reads it whole (up to its limit) under its own purpose. */
  const queueOf = (
    req: Parameters<typeof actorOf>[0],
    page: { limit: number; offset: number },
    purpose?: string,
  ) =>
    workQueue(
      db,
      actorOf(req),
      today(),
      service.deadlines.nearBreachDays,
      service.now(),
      page,
      undefined,
      purpose,
    );

  definePage(app, web, {
    paths: JOURNEY_PATHS.queue,
    policy: { action: 'read', resource: 'work-queue' },
    nav: {
      labelKey: 'journeys.queue.title',
      order: 5,
      roles: [
        'recognition-officer',
        'foreigners-office-caseworker',
        'mission-officer',
        'employment-agency-officer',
      ],
    },
    handler: async (req, _reply, ctx) => {
      const offsetRaw = Number((req.query as Record<string, string>).offset ?? 0);
      const offset = Number.isInteger(offsetRaw) && offsetRaw >= 0 && offsetRaw <= 1_000_000 ? offsetRaw : 0;
      const limit = 50;
      const queue = await queueOf(req, { limit, offset });
      const rates = await service.onTimeRate(queue.organisationIds, today());
      const alerts = await noticesFor(db, { organisationIds: queue.organisationIds });
      return (
        <QueuePage
          ctx={ctx}
          items={queue.items}
          total={queue.total}
          totalIsLowerBound={queue.totalIsLowerBound}
          offset={offset}
          limit={limit}
          rates={rates}
          alerts={alerts}
        />
      );
    },
  });

  defineCsv(app, web, {
    paths: JOURNEY_PATHS.queue,
    policy: { action: 'read', resource: 'work-queue' },
    handler: async (req, ctx) => {
      const queue = await queueOf(req, { limit: QUEUE_EXPORT_LIMIT, offset: 0 }, 'work queue (list export)');
      return { filename: `work-queue-${today()}`, text: queueCsv(ctx, queue.items) };
    },
  });
}
