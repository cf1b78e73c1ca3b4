/**
 * The service point's appointment pages (issue 15): its calendar (what it offers, the weekly plan, days of less
 * capacity) and its requests (check documents, run the allocation, record attendance).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { IsoDate } from '../../domain/calendar.ts';
import { appointmentPolicyOn } from '../../domain/capacity/appointment-policy.ts';
import { momentOf } from '../../domain/journey/index.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { Services } from '../../services.ts';
import type { ViewContext } from '../../web/context.ts';
import { defineCsv } from '../../web/csv.tsx';
import { parseForm } from '../../web/forms.ts';
import { definePage } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { dayForm, serviceForm, staffActionForm } from './forms.ts';
import { APPOINTMENT_PATHS } from './paths.ts';
import { PlanningPage, serviceInputOf } from './planning-views.tsx';
import { AppointmentRefusal } from './requests.ts';
import { requestsCsv } from './requests-export.ts';
import { RequestsPage } from './requests-views.tsx';
import { doneNotice, localised, staffOf } from './route-support.ts';
import type { ServiceType } from './schema.ts';

export function registerServicePointPages(app: FastifyInstance, deps: AppDeps, services: Services) {
  const { appointments, now } = services;
  const db = deps.database.db;
  const today = (): IsoDate => momentOf(now().toISOString()).date;
  /** Days before a held slot that it is open to everyone (the reservation rule in force). */
  const heldDays = () => Math.round(appointmentPolicyOn(today()).reservation.releaseHoursBefore / 24);

  async function planningView(
    req: FastifyRequest,
    ctx: ViewContext,
    extra: {
      type?: ServiceType;
      input?: Record<string, string>;
      errors?: FieldError[];
      day?: Record<string, string>;
      dayErrors?: FieldError[];
    } = {},
  ) {
    const { staff, name, types } = await staffOf(db, req, 'read', 'appointment-calendar');
    const rows = await appointments.calendar.services(staff.organisationId);
    const forms = await Promise.all(
      types.map(async (type) => ({
        input:
          extra.type === type && extra.input
            ? extra.input
            : serviceInputOf(
                rows.find((r) => r.serviceType === type),
                type,
              ),
        errors: extra.type === type ? (extra.errors ?? []) : [],
        weeks: await appointments.weeks(staff.organisationId, type, today()),
        held: {
          n: await appointments.heldPerWeek(staff.organisationId, type, now(), today()),
          days: heldDays(),
        },
      })),
    );
    return (
      <PlanningPage
        ctx={ctx}
        organisationName={name}
        forms={forms}
        closures={await appointments.calendar.closures(staff.organisationId, today())}
        dayInput={extra.day ?? {}}
        dayErrors={extra.dayErrors ?? []}
        notice={doneNotice(req, ctx)}
      />
    );
  }

  definePage(app, deps.web, {
    paths: APPOINTMENT_PATHS.planning,
    policy: { action: 'read', resource: 'appointment-calendar' },
    nav: {
      labelKey: 'appointments.nav.planning',
      order: 7,
      roles: ['mission-officer', 'foreigners-office-caseworker', 'counsellor'],
    },
    handler: async (req, _reply, ctx) => planningView(req, ctx),
  });

  definePage(app, deps.web, {
    paths: APPOINTMENT_PATHS.planning,
    method: 'POST',
    policy: { action: 'update', resource: 'appointment-calendar' },
    handler: async (req, _reply, ctx) => {
      const { staff, types } = await staffOf(db, req, 'update', 'appointment-calendar');
      const body = (req.body ?? {}) as Record<string, string>;
      const type = types.find((x) => x === body.serviceType);
      if (!type) throw new AppError('not-found');
      const form = parseForm(serviceForm, body);
      if (!form.ok)
        return {
          status: 422,
          view: await planningView(req, ctx, {
            type,
            input: body,
            errors: localised(ctx, form.errors, body),
          }),
        };
      const v = form.values;
      await appointments.calendar.saveService(
        staff,
        type,
        {
          active: v.active,
          slotMinutes: v.slotMinutes,
          targetWeeks: v.targetWeeks,
          weekdaySlots: [v.mon, v.tue, v.wed, v.thu, v.fri],
          firstStart: v.firstStart,
          timeZone: v.timeZone,
        },
        now(),
        today(),
      );
      await appointments.requests.run(staff.organisationId, type, now(), today(), 'calendar');
      return { redirect: `${localizedUrl(APPOINTMENT_PATHS.planning, ctx.locale)}?done=saved` };
    },
  });

  definePage(app, deps.web, {
    paths: APPOINTMENT_PATHS.days,
    method: 'POST',
    policy: { action: 'update', resource: 'appointment-calendar' },
    handler: async (req, _reply, ctx) => {
      const { staff, types } = await staffOf(db, req, 'update', 'appointment-calendar');
      const body = (req.body ?? {}) as Record<string, string>;
      const form = parseForm(dayForm, body);
      const type = types.find((x) => x === body.serviceType);
      const errors = form.ok ? [] : localised(ctx, form.errors, body);
      if (form.ok && form.values.day <= today())
        errors.push({ field: 'day', rule: 'future', message: ctx.t.t('appointments.error.future') });
      if (!form.ok || !type || errors.length > 0)
        return { status: 422, view: await planningView(req, ctx, { day: body, dayErrors: errors }) };
      const slots = form.values.slots === '' ? null : form.values.slots;
      await appointments.calendar.saveClosure(
        staff,
        type,
        form.values.day,
        slots,
        form.values.reason,
        now(),
        today(),
      );
      return { redirect: `${localizedUrl(APPOINTMENT_PATHS.planning, ctx.locale)}?done=day` };
    },
  });

  /** The point's live requests with their ready checks, as the page and its download read them. */
  async function requestsOf(req: FastifyRequest, purpose?: string) {
    const { staff, types } = await staffOf(db, req, 'read', 'appointment-request');
    const requests = await appointments.ofPoint(staff, now(), purpose);
    return { staff, types, requests, checks: await appointments.readyChecks(requests) };
  }

  async function requestsView(req: FastifyRequest, ctx: ViewContext, error?: string) {
    const { staff, types, requests, checks } = await requestsOf(req);
    const runs = await appointments.runs(staff.organisationId);
    return (
      <RequestsPage
        ctx={ctx}
        requests={requests}
        checks={checks}
        types={types}
        runs={runs}
        heldDays={heldDays()}
        notice={doneNotice(req, ctx)}
        error={error}
      />
    );
  }

  definePage(app, deps.web, {
    paths: APPOINTMENT_PATHS.requests,
    policy: { action: 'read', resource: 'appointment-request' },
    nav: {
      labelKey: 'appointments.nav.requests',
      order: 7,
      roles: ['mission-officer', 'foreigners-office-caseworker', 'counsellor'],
    },
    handler: async (req, _reply, ctx) => requestsView(req, ctx),
  });

  defineCsv(app, deps.web, {
    paths: APPOINTMENT_PATHS.requests,
    policy: { action: 'read', resource: 'appointment-request' },
    handler: async (req, ctx) => {
      const { requests, checks } = await requestsOf(req, 'appointment requests (list export)');
      return { filename: `appointment-requests-${today()}`, text: requestsCsv(ctx, requests, checks) };
    },
  });

  definePage(app, deps.web, {
    paths: APPOINTMENT_PATHS.requests,
    method: 'POST',
    policy: { action: 'update', resource: 'appointment-request' },
    handler: async (req, _reply, ctx) => {
      const { staff, types } = await staffOf(db, req, 'update', 'appointment-request');
      const form = parseForm(staffActionForm, req.body);
      if (!form.ok)
        return { status: 422, view: await requestsView(req, ctx, ctx.t.t('appointments.error.action')) };
      const { action, requestId, serviceType } = form.values;
      try {
        if (action === 'run') {
          const type = types.find((x) => x === serviceType);
          if (!type) throw new AppError('not-found');
          await appointments.requests.run(staff.organisationId, type, now(), today(), 'staff');
        } else if (!requestId) {
          return { status: 422, view: await requestsView(req, ctx, ctx.t.t('appointments.error.action')) };
        } else if (action === 'documents-checked')
          await appointments.requests.documentsChecked(staff, requestId, now(), today());
        else await appointments.requests.attendance(staff, requestId, action === 'attended', now(), today());
      } catch (error) {
        if (!(error instanceof AppointmentRefusal)) throw error;
        if (error.status === 404) throw new AppError('not-found');
        return {
          status: error.status,
          view: await requestsView(
            req,
            ctx,
            ctx.t.t(`appointments.refusal.${error.code}`, {
              documents: error.missing.map((c) => ctx.t.t(`documents.category.${c}`)).join(', '),
            }),
          ),
        };
      }
      return { redirect: `${localizedUrl(APPOINTMENT_PATHS.requests, ctx.locale)}?done=${action}` };
    },
  });
}
