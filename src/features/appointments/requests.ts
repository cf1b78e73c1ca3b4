/**
 * Requests for appointments: a signed-in applicant files one for a step of their journey at the service point that
 * owns the step; the service point checks the documents (then the request is ready and takes part in allocation);
 * the person accepts or declines the slot offered, or withdraws; the service point records whether they came.
 * Identity-bound: one live request per person and service type, and per passport (keyed hash of passport number,
 * nationality and birth date; memo § 5.2). Every read of another person's request and every change is audited; a
 * refused change writes nothing.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { IsoDate } from '../../domain/calendar.ts';
import { personKey } from '../../domain/capacity/identity-key.ts';
import { appendAudit, appendAuditMany } from '../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { ChecklistService } from '../documents/index.ts';
import { type OfferNotifier, reallocate, runAllocation } from './allocation.ts';
import type { Staff } from './calendar.ts';
import { agreedConfirmation, penaltyOnFiling } from './no-shows.ts';
import { readyCheck } from './ready-check.ts';
import { changeRequest, freeSlot } from './request-change.ts';
import {
  type Actor,
  AppointmentRefusal,
  entry,
  type NewRequest,
  type RequestRow,
  type RequestView,
  requestViews,
} from './request-records.ts';
import {
  appointmentRequest,
  appointmentService,
  appointmentSlot,
  LIVE_REQUEST_STATES,
  type ServiceType,
} from './schema.ts';

export function createRequestService(
  db: Database,
  personKeySecret: string,
  checklists: ChecklistService,
  notify: OfferNotifier = async () => {},
) {
  const change = (
    actor: Actor,
    id: string,
    may: (row: RequestRow) => boolean,
    apply: (tx: DbOrTx, row: RequestRow, offered: string[]) => Promise<void>,
    purpose: string,
    now: Date,
    today: IsoDate,
  ) => changeRequest(db, notify, { actor, id, may, apply, purpose }, now, today);

  return {
    /** Whether the service point gives appointments of this type (an active calendar). */
    async offers(organisationId: string, serviceType: ServiceType): Promise<boolean> {
      const [row] = await db
        .select({ active: appointmentService.active })
        .from(appointmentService)
        .where(
          and(
            eq(appointmentService.organisationId, organisationId),
            eq(appointmentService.serviceType, serviceType),
          ),
        );
      return row?.active === 1;
    },

    /** Files a request; a second live one of the same person or passport is refused (409), nothing written. */
    async create(input: NewRequest, now: Date): Promise<RequestRow> {
      if (!(await this.offers(input.organisationId, input.serviceType)))
        throw new AppointmentRefusal('no-appointments', 409, 'serviceType');
      const key = personKey(personKeySecret, input.passportNumber, input.nationality, input.birthDate);
      try {
        return await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(appointmentRequest)
            .values({
              personId: input.personId,
              journeyId: input.journeyId,
              organisationId: input.organisationId,
              serviceType: input.serviceType,
              personKey: key,
              priorityClass: input.priorityClass,
              deadline: input.deadline,
              acceptsEarlierSlots: input.acceptsEarlierSlots ? 1 : 0,
              shortNoticeOk: input.shortNoticeOk ? 1 : 0,
              deprioritisedUntil: await penaltyOnFiling(tx, input.personId, key, input.priorityClass, now),
              createdAt: now,
              updatedAt: now,
            })
            .returning();
          if (!row) throw new Error('insert returned nothing');
          const actor = { personId: input.personId, role: 'applicant', organisationId: null };
          await appendAudit(tx, entry(actor, 'create', row, 'appointment request'), now);
          return row;
        });
      } catch (error) {
        if (isUniqueViolation(error))
          throw new AppointmentRefusal('duplicate-request', 409, 'passportNumber');
        throw error;
      }
    },

    /** The person's own requests, newest first. */
    async own(personId: string): Promise<RequestView[]> {
      return requestViews(db, and(eq(appointmentRequest.personId, personId)));
    },

    /** The live requests of a service point, in the order they came; reading them is audited per person. */
    async ofPoint(staff: Staff, now: Date, purpose = 'appointment requests'): Promise<RequestView[]> {
      return db.transaction(async (tx) => {
        const rows = await requestViews(
          tx,
          and(
            eq(appointmentRequest.organisationId, staff.organisationId),
            inArray(appointmentRequest.state, [...LIVE_REQUEST_STATES]),
          ),
        );
        await appendAuditMany(
          tx,
          rows.map((r) => entry(staff, 'read', r, purpose)),
          now,
          { chainKey: staff.personId },
        );
        return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      });
    },

    /**
     * The service point checked the documents: the request is ready and takes part in the next run (at once) — when
     * every required document of the step's standard checklist is shared with the service point (409 naming the
     * missing ones otherwise). The checklist's version is kept on the request.
     */
    async documentsChecked(staff: Staff, id: string, now: Date, today: IsoDate) {
      return change(
        staff,
        id,
        (r) => r.organisationId === staff.organisationId,
        async (tx, r, offered) => {
          if (r.state !== 'submitted') throw new AppointmentRefusal('not-possible', 409, 'state');
          const check = await readyCheck(tx, checklists, r);
          if (check.missing.length > 0)
            throw new AppointmentRefusal('documents-missing', 409, 'documents', check.missing);
          await tx
            .update(appointmentRequest)
            .set({ state: 'ready', readyOn: today, checklistVersion: check.version, updatedAt: now })
            .where(eq(appointmentRequest.id, r.id));
          offered.push(...(await reallocate(tx, r, now, today, 'ready')));
        },
        'appointment documents checked',
        now,
        today,
      );
    },

    /** The person takes the slot offered, while the offer is open. Exactly one person gets a slot. */
    async accept(actor: Actor, id: string, now: Date, today: IsoDate) {
      return change(
        actor,
        id,
        (r) => r.personId === actor.personId,
        async (tx, r) => {
          if (r.state !== 'offered' || !r.slotId || !r.offerExpiresAt || r.offerExpiresAt <= now)
            throw new AppointmentRefusal('offer-not-open', 409, 'state');
          const [slot] = await tx
            .update(appointmentSlot)
            .set({ state: 'booked' })
            .where(
              and(
                eq(appointmentSlot.id, r.slotId),
                eq(appointmentSlot.requestId, r.id),
                eq(appointmentSlot.state, 'offered'),
              ),
            )
            .returning({ startsAt: appointmentSlot.startsAt });
          if (!slot) throw new AppointmentRefusal('slot-taken', 409, 'slot');
          await tx
            .update(appointmentRequest)
            .set({
              state: 'booked',
              offerExpiresAt: null,
              reconfirmedAt: agreedConfirmation(slot.startsAt, now),
              updatedAt: now,
            })
            .where(eq(appointmentRequest.id, r.id));
        },
        'appointment accepted',
        now,
        today,
      );
    },

    /** The person cannot come on the day offered: the request waits for another slot (not on that day). */
    async decline(actor: Actor, id: string, now: Date, today: IsoDate) {
      return change(
        actor,
        id,
        (r) => r.personId === actor.personId,
        async (tx, r, offered) => {
          if (r.state !== 'offered' || !r.slotId)
            throw new AppointmentRefusal('offer-not-open', 409, 'state');
          const [slot] = await tx
            .select({ day: appointmentSlot.day })
            .from(appointmentSlot)
            .where(eq(appointmentSlot.id, r.slotId));
          await freeSlot(tx, r);
          await tx
            .update(appointmentRequest)
            .set({
              state: 'ready',
              slotId: null,
              offerExpiresAt: null,
              unavailable: slot ? [...r.unavailable, slot.day] : r.unavailable,
              updatedAt: now,
            })
            .where(eq(appointmentRequest.id, r.id));
          offered.push(...(await reallocate(tx, r, now, today, 'declined')));
        },
        'appointment declined',
        now,
        today,
      );
    },

    /** The person no longer needs the appointment; a slot they held is offered to the next person at once. */
    async withdraw(actor: Actor, id: string, now: Date, today: IsoDate) {
      return change(
        actor,
        id,
        (r) => r.personId === actor.personId,
        async (tx, r) => {
          if (!LIVE_REQUEST_STATES.includes(r.state as never))
            throw new AppointmentRefusal('not-possible', 409, 'state');
          await freeSlot(tx, r);
          await tx
            .update(appointmentRequest)
            .set({ state: 'withdrawn', slotId: null, offerExpiresAt: null, updatedAt: now })
            .where(eq(appointmentRequest.id, r.id));
        },
        'appointment withdrawn',
        now,
        today,
      );
    },

    /** The service point records whether the person came to a booked appointment. */
    async attendance(staff: Staff, id: string, came: boolean, now: Date, today: IsoDate) {
      const state = came ? 'attended' : 'no-show';
      return change(
        staff,
        id,
        (r) => r.organisationId === staff.organisationId,
        async (tx, r) => {
          if (r.state !== 'booked' || !r.slotId) throw new AppointmentRefusal('not-possible', 409, 'state');
          await tx.update(appointmentSlot).set({ state }).where(eq(appointmentSlot.id, r.slotId));
          await tx
            .update(appointmentRequest)
            .set({ state, updatedAt: now })
            .where(eq(appointmentRequest.id, r.id));
        },
        'appointment attendance',
        now,
        today,
      );
    },

    /** Runs the allocation of a service point on demand (staff) or on schedule (job). */
    async run(organisationId: string, serviceType: ServiceType, now: Date, today: IsoDate, trigger: string) {
      const run = await db.transaction((tx) =>
        runAllocation(tx, organisationId, serviceType, now, today, trigger),
      );
      if (run.offeredIds.length > 0) await notify(run.offeredIds);
      return run;
    },
  };
}

export type RequestService = ReturnType<typeof createRequestService>;

export { AppointmentRefusal, type NewRequest, type RequestRow, type RequestView } from './request-records.ts';
