/**
 * JSON API of an office's staff numbers (`/api/v1/offices/{organisationId}/staff`): the office's own staff read
 * the history and record a new figure; ministry officers of the office's state read it. The same schema, policy
 * (`office-staffing`) and audit as the workload page; bad input is problem+json naming the field.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { momentOf } from '../../domain/journey/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { withExample, type ZodTypeProvider } from '../../platform/http/route-schema.ts';
import type { Services } from '../../services.ts';
import {
  readStaffNumbers,
  recordStaffNumber,
  type StaffedOffice,
  type StaffNumber,
  staffNumberBody,
} from './staff-numbers.ts';
import { locatedOffices } from './staffing-page.ts';

const tags = ['appointments'];
const officeParam = z.strictObject({ organisationId: z.uuid() });

const asJson = (n: StaffNumber | null) =>
  n === null ? null : { fte: n.fte, effectiveFrom: n.effectiveFrom, recordedAt: n.recordedAt.toISOString() };

export function registerStaffApi(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const db = services.journeys.db;
  const today = () => momentOf(services.now().toISOString()).date;
  /** The office with its state (for the ministry's within-jurisdiction); an office the platform does not plan for has none. */
  const officeOf = async (organisationId: string): Promise<StaffedOffice> => {
    const [o] = await locatedOffices(db, null, [organisationId]);
    return { organisationId, stateCode: o?.stateCode ?? null };
  };

  api.get(
    '/api/v1/offices/:organisationId/staff',
    {
      config: { policy: { action: 'read', resource: 'office-staffing' } },
      schema: {
        summary:
          'The full-time caseworkers of an office: the figure today and every figure entered, newest first',
        tags,
        params: officeParam,
      },
    },
    async (req) => {
      const actor = req.actor;
      if (!actor) throw new AppError('not-found');
      const office = await officeOf(req.params.organisationId);
      const found = (await readStaffNumbers(db, actor, [office], today(), services.now())).get(
        office.organisationId,
      );
      if (!found) throw new AppError('not-found');
      return { current: asJson(found.current), history: found.history.map(asJson) };
    },
  );

  api.post(
    '/api/v1/offices/:organisationId/staff',
    {
      config: { policy: { action: 'update', resource: 'office-staffing' } },
      schema: {
        summary:
          'Record the full-time caseworkers of one’s own office from a day on (a new entry; history stays)',
        tags,
        params: officeParam,
        body: withExample(staffNumberBody, { fte: 4.5, effectiveFrom: '2027-01-01' }),
      },
    },
    async (req, reply) => {
      const actor = req.actor;
      if (!actor) throw new AppError('not-found');
      const office = await officeOf(req.params.organisationId);
      const saved = await recordStaffNumber(db, actor, office, req.body, services.now());
      return reply.status(201).send(asJson(saved));
    },
  );
}
