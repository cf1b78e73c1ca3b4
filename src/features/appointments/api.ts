/**
 * JSON API of appointments (`/api/v1/appointments…`): the service point keeps its calendar, the applicant files
 * and answers requests — the same services, rules, policy and audit as the pages. Refusals are problem+json (409
 * with the field and the stable code; 404 where the object is not the caller's).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isIsoDate } from '../../domain/calendar.ts';
import { isTimeZone, parseClock } from '../../domain/capacity/slots.ts';
import { momentOf } from '../../domain/journey/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { withExample, type ZodTypeProvider } from '../../platform/http/route-schema.ts';
import type { Services } from '../../services.ts';
import { isCountryCode } from '../../web/countries.ts';
import { answerRequest, eligibleFor, fileRequest } from './filing.ts';
import { ANSWERS, passportNumber } from './forms.ts';
import { AppointmentRefusal } from './requests.ts';
import { mayOnRequest, personOf, staffOf } from './route-support.ts';
import { SERVICE_TYPES } from './schema.ts';

const tags = ['appointments'];
const day = z.string().refine(isIsoDate, { error: 'must be a date YYYY-MM-DD' });
const typeParam = z.strictObject({ serviceType: z.enum(SERVICE_TYPES) });
const dayParam = z.strictObject({ serviceType: z.enum(SERVICE_TYPES), day });
const idParam = z.strictObject({ id: z.uuid() });

const serviceBody = z.strictObject({
  active: z.boolean(),
  slotMinutes: z.number().int().min(5).max(240),
  targetWeeks: z.number().int().min(1).max(52),
  weekdaySlots: z.array(z.number().int().min(0).max(60)).length(5),
  firstStart: z.string().refine((v) => parseClock(v) !== null, { error: 'must be a time HH:MM' }),
  timeZone: z.string().refine(isTimeZone, { error: 'must be an IANA time zone' }),
});
const closureBody = z.strictObject({
  slots: z.number().int().min(0).max(60),
  reason: z.string().trim().max(200),
});
const requestBody = z.strictObject({
  journeyId: z.uuid(),
  serviceType: z.enum(SERVICE_TYPES),
  passportNumber,
  nationality: z.string().refine(isCountryCode, { error: 'must be an ISO 3166-1 alpha-2 code' }),
  birthDate: day,
  acceptsEarlierSlots: z.boolean().default(true),
  shortNoticeOk: z.boolean().default(false),
});
const answerBody = z.strictObject({ answer: z.enum(ANSWERS) });

/** A refusal of the request service as problem+json. */
function refused(error: unknown): never {
  if (!(error instanceof AppointmentRefusal)) throw error;
  if (error.status === 404) throw new AppError('not-found');
  throw new AppError('conflict', {
    detail: error.code,
    errors: [
      {
        field: `body.${error.field ?? 'state'}`,
        rule: error.code,
        message: error.missing.length > 0 ? `not shared: ${error.missing.join(', ')}` : error.code,
      },
    ],
  });
}

export function registerAppointmentsApi(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { appointments, now } = services;
  const db = services.journeys.db;
  const today = () => momentOf(now().toISOString()).date;

  api.get(
    '/api/v1/appointments/calendar',
    {
      config: { policy: { action: 'read', resource: 'appointment-calendar' } },
      schema: {
        summary: 'The calendar of the caller’s service point: what it offers, days of less capacity',
        tags,
      },
    },
    async (req) => {
      const { staff, types } = await staffOf(db, req, 'read', 'appointment-calendar');
      return {
        offers: types,
        services: await appointments.calendar.services(staff.organisationId),
        days: await appointments.calendar.closures(staff.organisationId, today()),
      };
    },
  );

  api.put(
    '/api/v1/appointments/calendar/:serviceType',
    {
      config: { policy: { action: 'update', resource: 'appointment-calendar' } },
      schema: {
        summary: 'Set the weekly plan of one kind of appointment; re-plans the open slots',
        tags,
        params: typeParam,
        body: withExample(serviceBody, {
          active: true,
          slotMinutes: 30,
          targetWeeks: 4,
          weekdaySlots: [8, 8, 8, 8, 4],
          firstStart: '09:00',
          timeZone: 'Asia/Kolkata',
        }),
      },
    },
    async (req) => {
      const { staff, types } = await staffOf(db, req, 'update', 'appointment-calendar');
      if (!types.includes(req.params.serviceType)) throw new AppError('not-found');
      const planned = await appointments.calendar.saveService(
        staff,
        req.params.serviceType,
        req.body,
        now(),
        today(),
      );
      await appointments.requests.run(
        staff.organisationId,
        req.params.serviceType,
        now(),
        today(),
        'calendar',
      );
      return planned;
    },
  );

  for (const method of ['PUT', 'DELETE'] as const)
    api.route({
      method,
      url: '/api/v1/appointments/calendar/:serviceType/days/:day',
      config: { policy: { action: 'update', resource: 'appointment-calendar' } },
      schema: {
        summary:
          method === 'PUT' ? 'Give a day fewer or no slots (0 = closed)' : 'Lift the restriction of a day',
        tags,
        params: dayParam,
        ...(method === 'PUT'
          ? { body: withExample(closureBody, { slots: 2, reason: 'Staff meeting in the afternoon' }) }
          : {}),
      },
      handler: async (req) => {
        const { staff, types } = await staffOf(db, req, 'update', 'appointment-calendar');
        const { serviceType, day: d } = req.params as z.output<typeof dayParam>;
        if (!types.includes(serviceType)) throw new AppError('not-found');
        if (d <= today())
          throw new AppError('validation-failed', {
            errors: [{ field: 'params.day', rule: 'future', message: 'must be after today' }],
          });
        const body = req.body as z.output<typeof closureBody> | undefined;
        return appointments.calendar.saveClosure(
          staff,
          serviceType,
          d,
          method === 'PUT' ? (body?.slots ?? 0) : null,
          body?.reason ?? '',
          now(),
          today(),
        );
      },
    });

  api.get(
    '/api/v1/appointments/requests',
    {
      config: { policy: { action: 'read', resource: 'appointment-request' } },
      schema: { summary: 'The caller’s own requests with their state, slot and place in line', tags },
    },
    async (req) => ({ requests: await appointments.own(personOf(req).personId) }),
  );

  api.post(
    '/api/v1/appointments/requests',
    {
      config: { policy: { action: 'create', resource: 'appointment-request' } },
      schema: {
        summary: 'File a request for the appointment a step of the caller’s journey needs',
        tags,
        body: withExample(requestBody, {
          journeyId: '3f1c2a9e-5b7d-4c1e-9a2b-7d8e6f5a4b3c',
          serviceType: 'visa-application',
          passportNumber: 'X1234567',
          nationality: 'IN',
          birthDate: '1994-05-14',
          acceptsEarlierSlots: true,
          shortNoticeOk: false,
        }),
        success: { status: 201 },
      },
    },
    async (req, reply) => {
      const actor = req.actor;
      if (!actor) throw new AppError('unauthenticated', { detail: 'Sign in first.' });
      const { journeyId, serviceType, ...values } = req.body;
      const found = await eligibleFor(appointments, actor.personId, journeyId, serviceType);
      try {
        const row = await fileRequest(services, actor, found, values);
        return reply.status(201).send({ id: row.id, state: row.state });
      } catch (error) {
        return refused(error);
      }
    },
  );

  api.post(
    '/api/v1/appointments/requests/:id/answer',
    {
      config: { policy: { action: 'update', resource: 'appointment-request' } },
      schema: {
        summary:
          'Accept or decline the slot offered, confirm the agreed appointment, or withdraw the request',
        tags,
        params: idParam,
        body: withExample(answerBody, { answer: 'accept' }),
      },
    },
    async (req) => {
      const person = personOf(req);
      const row = (await appointments.own(person.personId)).find((r) => r.id === req.params.id);
      if (!row || !mayOnRequest(req, 'update', row.personId, row.organisationId))
        throw new AppError('not-found');
      const { answer } = req.body;
      try {
        const after = await answerRequest(appointments, person, row.id, answer, now(), today());
        return { id: after.id, state: after.state };
      } catch (error) {
        return refused(error);
      }
    },
  );
}
