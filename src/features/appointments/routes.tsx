/**
 * The appointment pages (issue 15), as the applicant sees them: their requests and the request form, the answers to
 * an offer and the calendar file. The service point's pages are in staff-routes.tsx. Every page names its policy
 * pair; object-level checks go through `decideFor` (route-support.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { IsoDate } from '../../domain/calendar.ts';
import { appointmentPolicyOn } from '../../domain/capacity/appointment-policy.ts';
import { momentOf } from '../../domain/journey/index.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { Services } from '../../services.ts';
import { parseForm } from '../../web/forms.ts';
import { definePage } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { registerAppointmentsApi } from './api.ts';
import { registerCalendarImport } from './calendar-import-routes.tsx';
import { answerRequest, eligibleFor, fileRequest } from './filing.ts';
import { answerForm, requestForm } from './forms.ts';
import { appointmentCalendar } from './ics.ts';
import { APPOINTMENT_PATHS } from './paths.ts';
import { AppointmentRefusal } from './requests.ts';
import { doneNotice, localised, mayOnRequest, personOf } from './route-support.ts';
import { SERVICE_TYPES, type ServiceType } from './schema.ts';
import { registerStaffApi } from './staff-api.ts';
import { registerServicePointPages } from './staff-routes.tsx';
import { registerWorkloadAndStaffing } from './staffing-routes.tsx';
import { MinePage, type RequestFormInput, RequestPage } from './views.tsx';
import { registerWaitingApi } from './waiting-api.ts';
import { registerWaitingPages } from './waiting-routes.tsx';

export function registerAppointments(app: FastifyInstance, deps: AppDeps, services: Services) {
  registerApplicantPages(app, deps, services);
  registerServicePointPages(app, deps, services);
  registerCalendarImport(app, deps, services);
  registerAppointmentsApi(app, services);
  registerStaffApi(app, services);
  registerWorkloadAndStaffing(app, deps, services);
  registerWaitingPages(app, deps, services);
  registerWaitingApi(app, services);
}

function registerApplicantPages(app: FastifyInstance, deps: AppDeps, services: Services) {
  const { appointments, now } = services;
  const today = (): IsoDate => momentOf(now().toISOString()).date;

  definePage(app, deps.web, {
    paths: APPOINTMENT_PATHS.mine,
    policy: { action: 'read', resource: 'appointment-request' },
    nav: { labelKey: 'appointments.nav.mine', order: 6, roles: ['applicant'] },
    handler: async (req, _reply, ctx) => {
      const { personId } = personOf(req);
      const requests = await appointments.own(personId);
      const eligible = await appointments.eligible(personId, requests);
      return (
        <MinePage
          ctx={ctx}
          requests={requests}
          eligible={eligible}
          now={now()}
          notice={doneNotice(req, ctx)}
        />
      );
    },
  });

  definePage(app, deps.web, {
    paths: APPOINTMENT_PATHS.request,
    policy: { action: 'create', resource: 'appointment-request' },
    handler: async (req, _reply, ctx) => {
      const { personId } = personOf(req);
      const q = req.query as Record<string, unknown>;
      const journeyId = typeof q.journey === 'string' ? q.journey : '';
      const serviceType = typeof q.service === 'string' ? q.service : '';
      const found = await eligibleFor(appointments, personId, journeyId, serviceType);
      const input: RequestFormInput = {
        journeyId,
        serviceType: found.serviceType,
        passportNumber: '',
        nationality: '',
        birthDate: '',
        acceptsEarlierSlots: true,
        shortNoticeOk: false,
      };
      return (
        <RequestPage
          ctx={ctx}
          input={input}
          place={found.organisationName}
          policy={appointmentPolicyOn(today())}
          errors={[]}
        />
      );
    },
  });

  definePage(app, deps.web, {
    paths: APPOINTMENT_PATHS.request,
    method: 'POST',
    policy: { action: 'create', resource: 'appointment-request' },
    handler: async (req, _reply, ctx) => {
      const actor = req.actor;
      const { personId } = personOf(req);
      const body = (req.body ?? {}) as Record<string, string>;
      const input: RequestFormInput = {
        journeyId: body.journeyId ?? '',
        serviceType: (SERVICE_TYPES as readonly string[]).includes(body.serviceType ?? '')
          ? (body.serviceType as ServiceType)
          : 'visa-application',
        passportNumber: body.passportNumber ?? '',
        nationality: body.nationality ?? '',
        birthDate: body.birthDate ?? '',
        acceptsEarlierSlots: body.acceptsEarlierSlots === 'yes',
        shortNoticeOk: body.shortNoticeOk === 'yes',
      };
      const found = await eligibleFor(appointments, personId, input.journeyId, input.serviceType);
      const form = parseForm(requestForm, body);
      const page = (status: number, errors: readonly FieldError[]) => ({
        status,
        view: (
          <RequestPage
            ctx={ctx}
            input={input}
            place={found.organisationName}
            policy={appointmentPolicyOn(today())}
            errors={errors}
          />
        ),
      });
      if (!form.ok) return page(422, localised(ctx, form.errors, body));
      if (!actor) throw new AppError('not-found');
      try {
        await fileRequest(services, actor, found, form.values);
      } catch (error) {
        if (!(error instanceof AppointmentRefusal)) throw error;
        return page(error.status, [
          {
            field: error.field ?? 'passportNumber',
            rule: error.code,
            message: ctx.t.t(`appointments.refusal.${error.code}`),
          },
        ]);
      }
      return { redirect: `${localizedUrl(APPOINTMENT_PATHS.mine, ctx.locale)}?done=requested` };
    },
  });

  definePage(app, deps.web, {
    paths: APPOINTMENT_PATHS.answer,
    method: 'POST',
    policy: { action: 'update', resource: 'appointment-request' },
    handler: async (req, _reply, ctx) => {
      const person = personOf(req);
      const id = (req.params as Record<string, string>).id ?? '';
      const row = (await appointments.own(person.personId)).find((r) => r.id === id);
      if (!row || !mayOnRequest(req, 'update', row.personId, row.organisationId))
        throw new AppError('not-found');
      const form = parseForm(answerForm, req.body);
      /** The page again, with what happened in words (nothing changed). */
      const again = async (status: number, notice?: string) => {
        const fresh = await appointments.own(person.personId);
        const eligible = await appointments.eligible(person.personId, fresh);
        return {
          status,
          view: <MinePage ctx={ctx} requests={fresh} eligible={eligible} now={now()} notice={notice} />,
        };
      };
      if (!form.ok) return again(422);
      try {
        await answerRequest(appointments, person, id, form.values.answer, now(), today());
        return { redirect: `${localizedUrl(APPOINTMENT_PATHS.mine, ctx.locale)}?done=${form.values.answer}` };
      } catch (error) {
        if (!(error instanceof AppointmentRefusal)) throw error;
        return again(error.status, ctx.t.t(`appointments.refusal.${error.code}`));
      }
    },
  });

  for (const locale of ['de', 'en'] as const) {
    app.get(
      `/${locale}${APPOINTMENT_PATHS.calendarFile[locale]}`,
      { config: { policy: { action: 'read', resource: 'appointment-request' } } },
      async (req, reply) => {
        const { personId } = personOf(req);
        const id = (req.params as Record<string, string>).id ?? '';
        const row = (await appointments.own(personId)).find((r) => r.id === id);
        if (row?.state !== 'booked' || !row.startsAt) throw new AppError('not-found');
        const t = deps.web.i18n.translator(locale);
        const body = appointmentCalendar({
          uid: `${row.id}@chancenregion`,
          start: row.startsAt,
          minutes: row.slotMinutes,
          summary: t.t('appointments.ics.summary', {
            service: t.t(`appointments.service.${row.serviceType}`),
          }),
          location: row.organisationName,
          stamp: now(),
        });
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', 'attachment; filename="appointment.ics"')
          .send(body);
      },
    );
  }
}
