/**
 * JSON API of the journey (`/api/v1/journeys…`, `/api/v1/work-queue`). Errors are problem+json; refusals of the
 * journey core carry `code`, `field` and the rendered `messageKey` (403 / 404 / 409 / 422).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../domain/access/policy.ts';
import { momentOf } from '../../domain/journey/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { ZodTypeProvider } from '../../platform/http/route-schema.ts';
import type { I18n } from '../../platform/i18n/index.ts';
import type { RecordsService } from '../registry/index.ts';
import { journeyRoleOf } from './access.ts';
import {
  COMMANDED,
  commandBody,
  familyMemberBody,
  JOURNEY,
  LISTED,
  OPENED,
  openBody,
  QUEUE,
} from './api-examples.ts';
import { created, outcomeOf, reply } from './api-outcome.ts';
import type { FamilyService } from './family.ts';
import { familyEntries } from './family-read.ts';
import { idempotencyKeyOf, recordDue, toCommandInput } from './input.ts';
import { eventPayload, journeyJson, type Viewer } from './present.ts';
import { journeysFor, workQueue } from './queries.ts';
import { issueRecord, requireRecord } from './records.ts';
import type { Access, JourneyService } from './service.ts';

const tags = ['journeys'];
const idParam = z.strictObject({ id: z.uuid() });
const listQuery = z.strictObject({
  as: z.enum(['applicant', 'employer', 'counsellor']).default('applicant'),
});
const queueQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export function viewerOf(access: Pick<Access, 'relation' | 'membership'>): Viewer {
  if (access.relation === 'family') return 'family';
  const role = journeyRoleOf(access.membership.role);
  if (role === 'applicant') return 'applicant';
  if (role === 'employer') return 'employer';
  if (role === 'counsellor') return 'counsellor';
  return 'authority';
}

export function requireSignedIn(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', { detail: 'Sign in first.' });
  return req.actor;
}

export function registerJourneyApi(
  app: FastifyInstance,
  service: JourneyService,
  family: FamilyService,
  i18n: I18n,
  records?: RecordsService,
) {
  const today = () => momentOf(service.now().toISOString()).date;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/v1/journeys',
    {
      config: { policy: { action: 'create', resource: 'journey' } },
      schema: {
        summary:
          'Open a journey for the signed-in applicant (owners resolved from the registry); honours Idempotency-Key',
        tags,
        body: openBody,
        success: { status: 201, example: OPENED },
      },
    },
    async (req, res) => {
      const actor = requireSignedIn(req);
      const key = idempotencyKeyOf(req.headers);
      return reply(res, req, i18n, await service.openOutcome(actor, req.body, key), created(res));
    },
  );

  api.get(
    '/api/v1/journeys',
    {
      config: { policy: { action: 'read', resource: 'journey' } },
      schema: {
        summary: 'Journeys the actor sees as applicant, employer or counsellor',
        tags,
        querystring: listQuery,
        success: { example: LISTED },
      },
    },
    async (req) => {
      const actor = requireSignedIn(req);
      return { journeys: await journeysFor(service.db, actor, req.query.as, service.now()) };
    },
  );

  api.get(
    '/api/v1/journeys/:id',
    {
      config: { policy: { action: 'read', resource: 'journey' } },
      schema: {
        summary:
          'A journey with its steps (kind, status, outcome, owner, dueAt, pausedSince), tasks, the linked family journeys the reader may see (family) and, on a linked journey, the family member (familyMember)',
        tags,
        params: idParam,
        success: { example: JOURNEY },
      },
    },
    async (req) => {
      const actor = requireSignedIn(req);
      const { id } = req.params;
      const read = await service.read(actor, id, 'view journey', { family: true });
      const day = today();
      const link = await family.linkOf(actor, read.row);
      return {
        ...journeyJson(read.row, read.organisations, viewerOf(read), day, service.deadlines, service.params),
        family: familyEntries(read, day),
        familyMember: link && {
          principalJourneyId: link.principalJourneyId,
          relationship: link.relationship,
          name: link.name,
          birthDate: link.birthDate,
          travel: link.travel,
        },
      };
    },
  );

  api.post(
    '/api/v1/journeys/:id/family-members',
    {
      config: { policy: { action: 'create', resource: 'journey' } },
      schema: {
        summary:
          'Add a spouse or minor child to one’s own journey: opens their linked journey and invites them by mail; honours Idempotency-Key',
        tags,
        params: idParam,
        body: familyMemberBody,
        success: { status: 201 },
      },
    },
    async (req, res) => {
      const actor = requireSignedIn(req);
      const { id } = req.params;
      const key = idempotencyKeyOf(req.headers);
      return reply(res, req, i18n, await outcomeOf(family.add(actor, id, req.body, key)), created(res));
    },
  );

  api.get(
    '/api/v1/journeys/:id/events',
    {
      config: { policy: { action: 'read', resource: 'journey' } },
      schema: { summary: 'The event history of a journey (the timeline)', tags, params: idParam },
    },
    async (req) => {
      const actor = requireSignedIn(req);
      const { id } = req.params;
      const read = await service.events(actor, id);
      const viewer = viewerOf(read);
      return {
        journeyId: id,
        events: read.events.map((e) => ({
          version: e.version,
          type: e.type,
          at: e.at.toISOString(),
          actor: { role: e.actorRole, organisationId: e.actorOrganisationId },
          payload: eventPayload(e.payload, viewer),
        })),
      };
    },
  );

  api.post(
    '/api/v1/journeys/:id/commands',
    {
      config: { policy: { action: 'update', resource: 'journey' } },
      schema: {
        summary:
          'Send a command (submit, start-review, request-documents, decide …); refusals are problem+json 403/404/409/422; honours Idempotency-Key',
        tags,
        params: idParam,
        body: commandBody,
        success: { example: COMMANDED },
      },
    },
    async (req, res) => {
      const actor = requireSignedIn(req);
      const { id } = req.params;
      const key = idempotencyKeyOf(req.headers);
      const body = req.body;
      const due = recordDue(body);
      requireRecord(due);
      const outcome = await service.commandOutcome(actor, id, toCommandInput(body), key);
      return reply(res, req, i18n, outcome, async (result) => {
        if (due?.record && records && result.body.events.includes('step-decided') && !result.replayed) {
          const code = await issueRecord(service, records, actor, id, {
            outcome: due.outcome,
            record: due.record,
          });
          return res.status(result.status).send({ ...result.body, recognitionRecord: code });
        }
        return res.status(result.status).send(result.body);
      });
    },
  );

  api.get(
    '/api/v1/work-queue',
    {
      config: { policy: { action: 'read', resource: 'work-queue' } },
      schema: {
        summary:
          'Open steps owned by the actor’s authority, earliest deadline first, overdue marked, on-time rate',
        tags,
        querystring: queueQuery,
        success: { example: QUEUE },
      },
    },
    async (req) => {
      const actor = requireSignedIn(req);
      const q = req.query;
      const day = today();
      const queue = await workQueue(
        service.db,
        actor,
        day,
        service.deadlines.nearBreachDays,
        service.now(),
        q,
      );
      return {
        total: queue.total,
        totalIsLowerBound: queue.totalIsLowerBound,
        limit: q.limit,
        offset: q.offset,
        items: queue.items.map((i) => ({ ...i, overdue: i.deadline === 'breached' })),
        onTime: await service.onTimeRate(queue.organisationIds, day),
      };
    },
  );
}
