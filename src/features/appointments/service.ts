/**
 * The appointments service, built once in the composition root: the calendar of a service point, the requests,
 * what a person may ask an appointment for, and the service point's overview (slots per week, the last runs).
 * The secret of the passport hash is derived from the platform's secret (HKDF with its own label), so that one
 * secret serves and the hash cannot be recomputed from the cookie signatures.
 */
import { hkdfSync } from 'node:crypto';
import { and, desc, eq, gte, inArray, notInArray, sql } from 'drizzle-orm';
import { addDays, type IsoDate } from '../../domain/calendar.ts';
import { mondayOf } from '../../domain/capacity/slots.ts';
import type { Database } from '../../platform/db/client.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import type { ChecklistService } from '../documents/index.ts';
import { journey, journeyStep } from '../journey/index.ts';
import { organisation } from '../people/index.ts';
import { createCalendarService, SERVICE_TYPE_INFO, type Staff } from './calendar.ts';
import { createEarlierOffers } from './earlier-offers.ts';
import { offerMails } from './mails.ts';
import { pathwaysOf, type ReadyCheck, readyCheck } from './ready-check.ts';
import { createReconfirmation } from './reconfirm.ts';
import { sendReminders } from './reminders.ts';
import { createRequestService, type RequestView } from './requests.ts';
import { heldPerWeekAt } from './reservation-holds.ts';
import {
  allocationRun,
  appointmentService,
  appointmentSlot,
  SERVICE_TYPES,
  type ServiceType,
} from './schema.ts';

/** A request as the person sees it: with the service point's time zone, its target and the place in line. */
export type AppointmentView = RequestView & {
  readonly timeZone: string;
  readonly targetWeeks: number;
  readonly slotMinutes: number;
  readonly position: number | null;
};

/** A step of the person's journeys they can ask an appointment for. */
export type Eligible = {
  readonly journeyId: string;
  readonly serviceType: ServiceType;
  readonly organisationId: string;
  readonly organisationName: string;
};

export type WeekLoad = {
  readonly week: IsoDate;
  readonly open: number;
  readonly offered: number;
  readonly booked: number;
};

const STEP_TO_SERVICE = new Map(SERVICE_TYPES.map((t) => [SERVICE_TYPE_INFO[t].step, t] as const));

export function createAppointmentsService(
  db: Database,
  platformSecret: string,
  mailer: Mailer | undefined,
  checklists: ChecklistService,
) {
  const key = Buffer.from(
    hkdfSync('sha256', platformSecret, 'chancenregion', 'appointment person key', 32),
  ).toString('hex');
  const calendar = createCalendarService(db);
  const notify = offerMails(db, mailer);
  const requests = createRequestService(db, key, checklists, notify);
  const reconfirmation = createReconfirmation(db, notify, mailer);
  const earlier = createEarlierOffers(db, notify);

  async function withService(rows: readonly RequestView[]): Promise<AppointmentView[]> {
    if (rows.length === 0) return [];
    const services = await db
      .select()
      .from(appointmentService)
      .where(
        inArray(
          appointmentService.organisationId,
          rows.map((r) => r.organisationId),
        ),
      );
    return rows.map((r) => {
      const s = services.find(
        (x) => x.organisationId === r.organisationId && x.serviceType === r.serviceType,
      );
      const reason = (r.reason ?? {}) as { position?: number };
      return {
        ...r,
        timeZone: s?.timeZone ?? 'Europe/Berlin',
        targetWeeks: s?.targetWeeks ?? 0,
        slotMinutes: s?.slotMinutes ?? 30,
        position: r.state === 'ready' && typeof reason.position === 'number' ? reason.position : null,
      };
    });
  }

  return {
    calendar,
    requests,
    reconfirmation,
    earlier,

    async own(personId: string): Promise<AppointmentView[]> {
      return withService(await requests.own(personId));
    },

    /** The live requests of the staff's service point (reading them is audited). */
    async ofPoint(staff: Staff, now: Date, purpose?: string): Promise<AppointmentView[]> {
      return withService(await requests.ofPoint(staff, now, purpose));
    },

    /** The ready check of each request still waiting for it (submitted), keyed by request id. */
    async readyChecks(rows: readonly RequestView[]): Promise<Map<string, ReadyCheck>> {
      const waiting = rows.filter((r) => r.state === 'submitted');
      const pathways = await pathwaysOf(
        db,
        waiting.map((r) => r.journeyId),
      );
      const out = new Map<string, ReadyCheck>();
      for (const r of waiting) out.set(r.id, await readyCheck(db, checklists, r, pathways.get(r.journeyId)));
      return out;
    },

    /**
     * The steps of the person's own journeys that a service point with an active calendar owns, still open, and
     * without a live request of the person for that service type.
     */
    async eligible(personId: string, live: readonly AppointmentView[]): Promise<Eligible[]> {
      const rows = await db
        .select({
          journeyId: journeyStep.journeyId,
          kind: journeyStep.kind,
          organisationId: organisation.id,
          organisationName: organisation.name,
          active: appointmentService.active,
          serviceType: appointmentService.serviceType,
        })
        .from(journeyStep)
        .innerJoin(journey, eq(journey.id, journeyStep.journeyId))
        .innerJoin(organisation, eq(organisation.id, journeyStep.ownerId))
        .innerJoin(appointmentService, eq(appointmentService.organisationId, journeyStep.ownerId))
        .where(
          and(
            eq(journey.applicantId, personId),
            inArray(journeyStep.kind, [...STEP_TO_SERVICE.keys()]),
            notInArray(journeyStep.status, ['not-required', 'decided', 'withdrawn']),
            eq(appointmentService.active, 1),
          ),
        );
      const taken = new Set(
        live
          .filter((r) => ['submitted', 'ready', 'offered', 'booked'].includes(r.state))
          .map((r) => r.serviceType),
      );
      return rows
        .filter(
          (r) => STEP_TO_SERVICE.get(r.kind) === r.serviceType && !taken.has(r.serviceType as ServiceType),
        )
        .map((r) => ({
          journeyId: r.journeyId,
          serviceType: r.serviceType as ServiceType,
          organisationId: r.organisationId,
          organisationName: r.organisationName,
        }));
    },

    /** `r_w`: slots per week held for the § 81a class now (reservation-holds.ts; shown on the planning page). */
    heldPerWeek: (organisationId: string, serviceType: ServiceType, now: Date, today: IsoDate) =>
      heldPerWeekAt(db, organisationId, serviceType, now, today),

    /** Slots per week of the horizon: open, offered, booked (the service point's own view of its load). */
    async weeks(organisationId: string, serviceType: ServiceType, today: IsoDate): Promise<WeekLoad[]> {
      const rows = await db
        .select({
          day: appointmentSlot.day,
          state: appointmentSlot.state,
          n: sql<number>`count(*)::int`,
        })
        .from(appointmentSlot)
        .where(
          and(
            eq(appointmentSlot.organisationId, organisationId),
            eq(appointmentSlot.serviceType, serviceType),
            gte(appointmentSlot.day, addDays(today, 1)),
          ),
        )
        .groupBy(appointmentSlot.day, appointmentSlot.state);
      const weeks = new Map<IsoDate, { open: number; offered: number; booked: number }>();
      for (const r of rows) {
        const w = mondayOf(r.day);
        const load = weeks.get(w) ?? { open: 0, offered: 0, booked: 0 };
        const state = r.state === 'earlier-offer' ? 'offered' : r.state;
        if (state === 'open' || state === 'offered' || state === 'booked') load[state] += Number(r.n);
        weeks.set(w, load);
      }
      return [...weeks.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([week, l]) => ({ week, ...l }));
    },

    /** The latest allocation runs of a service point (replayable: seed, rule version, hashes). */
    async runs(organisationId: string, limit = 5) {
      return db
        .select()
        .from(allocationRun)
        .where(eq(allocationRun.organisationId, organisationId))
        .orderBy(desc(allocationRun.ranAt))
        .limit(limit);
    },

    /** Mails the reminders due at `now` (the week before, two days before). */
    remind: (now: Date) => sendReminders(db, mailer, now),

    /** Every service point and type with an active calendar (for the scheduled run). */
    async activePoints(): Promise<{ organisationId: string; serviceType: ServiceType }[]> {
      const rows = await db
        .select({
          organisationId: appointmentService.organisationId,
          serviceType: appointmentService.serviceType,
        })
        .from(appointmentService)
        .where(eq(appointmentService.active, 1));
      return rows.map((r) => ({
        organisationId: r.organisationId,
        serviceType: r.serviceType as ServiceType,
      }));
    },
  };
}

export type AppointmentsService = ReturnType<typeof createAppointmentsService>;
