/**
 * A service point's capacity calendar: the service types it offers (weekly pattern, length of an appointment,
 * published waiting target, time zone), the days of less or no capacity, and the slots made from them for the next
 * weeks. Saving the calendar re-plans the open slots of the horizon; slots already offered or booked stay (the
 * service point sees how many lie outside its new plan). Every change is audited.
 */
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import { addDays, type IsoDate } from '../../domain/calendar.ts';
import { plannedSlots, type WeeklyPattern } from '../../domain/capacity/slots.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import {
  appointmentClosure,
  appointmentService,
  appointmentSlot,
  SERVICE_TYPES,
  type ServiceType,
} from './schema.ts';

/** How far ahead slots exist: eight weeks (memo § 5.3, "open slots within the horizon"). */
export const HORIZON_DAYS = 56;

/** Which service types each kind of service point may offer, and the journey step each serves. */
export const SERVICE_TYPE_INFO: { readonly [T in ServiceType]: { kinds: readonly string[]; step: string } } =
  {
    'visa-application': { kinds: ['mission'], step: 'visa-appointment' },
    'residence-permit': {
      kinds: ['foreigners-office', 'central-foreigners-office'],
      step: 'residence-permit',
    },
    counselling: { kinds: ['counselling-centre'], step: 'orientation' },
  };

export function serviceTypesFor(kind: string): ServiceType[] {
  return SERVICE_TYPES.filter((t) => SERVICE_TYPE_INFO[t].kinds.includes(kind));
}

export type ServiceRow = typeof appointmentService.$inferSelect;
export type ClosureRow = typeof appointmentClosure.$inferSelect;

export type ServiceInput = {
  readonly active: boolean;
  readonly slotMinutes: number;
  readonly targetWeeks: number;
  readonly weekdaySlots: readonly number[];
  readonly firstStart: string;
  readonly timeZone: string;
};

export type Staff = { readonly personId: string; readonly role: string; readonly organisationId: string };

export function patternOf(row: ServiceRow): WeeklyPattern {
  return {
    weekdaySlots: row.weekdaySlots,
    firstStart: row.firstStart,
    slotMinutes: row.slotMinutes,
    timeZone: row.timeZone,
  };
}

function audit(db: DbOrTx, staff: Staff, action: string, objectId: string, now: Date) {
  return appendAudit(
    db,
    {
      actorPersonId: staff.personId || null,
      actorRole: staff.role,
      actorOrganisationId: staff.organisationId,
      action,
      objectType: 'appointment-calendar',
      objectId,
      subjectPersonId: null,
      purpose: 'appointment capacity',
      result: 'success',
    },
    now,
  );
}

/**
 * Brings the open slots of the horizon in line with the plan: open slots the plan no longer has are removed, new
 * ones added. Returns how many offered or booked slots lie outside the plan (the service point must move them).
 */
export async function replanSlots(
  db: DbOrTx,
  organisationId: string,
  serviceType: ServiceType,
  today: IsoDate,
): Promise<{ added: number; removed: number; outsidePlan: number }> {
  const [service] = await db
    .select()
    .from(appointmentService)
    .where(
      and(
        eq(appointmentService.organisationId, organisationId),
        eq(appointmentService.serviceType, serviceType),
      ),
    );
  const from = addDays(today, 1);
  const to = addDays(today, HORIZON_DAYS);
  const closures = await db
    .select({ day: appointmentClosure.day, slots: appointmentClosure.slots })
    .from(appointmentClosure)
    .where(
      and(
        eq(appointmentClosure.organisationId, organisationId),
        eq(appointmentClosure.serviceType, serviceType),
        gte(appointmentClosure.day, from),
        lte(appointmentClosure.day, to),
      ),
    );
  const wanted = service && service.active === 1 ? plannedSlots(patternOf(service), closures, from, to) : [];
  const existing = await db
    .select({ id: appointmentSlot.id, startsAt: appointmentSlot.startsAt, state: appointmentSlot.state })
    .from(appointmentSlot)
    .where(
      and(
        eq(appointmentSlot.organisationId, organisationId),
        eq(appointmentSlot.serviceType, serviceType),
        gte(appointmentSlot.day, from),
        lte(appointmentSlot.day, to),
        inArray(appointmentSlot.state, ['open', 'offered', 'booked']),
      ),
    );
  const wantedTimes = new Set(wanted.map((w) => w.startsAt));
  const have = new Map(existing.map((e) => [e.startsAt.toISOString(), e]));
  const stale = existing.filter((e) => e.state === 'open' && !wantedTimes.has(e.startsAt.toISOString()));
  if (stale.length > 0)
    await db.delete(appointmentSlot).where(
      inArray(
        appointmentSlot.id,
        stale.map((s) => s.id),
      ),
    );
  const fresh = wanted.filter((w) => !have.has(w.startsAt));
  for (let i = 0; i < fresh.length; i += 500)
    await db
      .insert(appointmentSlot)
      .values(
        fresh.slice(i, i + 500).map((w) => ({
          organisationId,
          serviceType,
          startsAt: new Date(w.startsAt),
          day: w.day,
        })),
      )
      .onConflictDoNothing();
  const outsidePlan = existing.filter(
    (e) => e.state !== 'open' && !wantedTimes.has(e.startsAt.toISOString()),
  ).length;
  return { added: fresh.length, removed: stale.length, outsidePlan };
}

export function createCalendarService(db: Database) {
  return {
    async services(organisationId: string): Promise<ServiceRow[]> {
      return db
        .select()
        .from(appointmentService)
        .where(eq(appointmentService.organisationId, organisationId));
    },

    async closures(organisationId: string, from: IsoDate): Promise<ClosureRow[]> {
      return db
        .select()
        .from(appointmentClosure)
        .where(and(eq(appointmentClosure.organisationId, organisationId), gte(appointmentClosure.day, from)))
        .orderBy(appointmentClosure.day);
    },

    /** Saves what the service point offers of one type and re-plans its slots, audited, in one transaction. */
    async saveService(
      staff: Staff,
      serviceType: ServiceType,
      input: ServiceInput,
      now: Date,
      today: IsoDate,
    ) {
      return db.transaction(async (tx) => {
        const values = {
          organisationId: staff.organisationId,
          serviceType,
          slotMinutes: input.slotMinutes,
          targetWeeks: input.targetWeeks,
          weekdaySlots: [...input.weekdaySlots],
          firstStart: input.firstStart,
          timeZone: input.timeZone,
          active: input.active ? 1 : 0,
          updatedAt: now,
        };
        await tx
          .insert(appointmentService)
          .values(values)
          .onConflictDoUpdate({
            target: [appointmentService.organisationId, appointmentService.serviceType],
            set: values,
          });
        await audit(tx, staff, 'update', `${staff.organisationId}/${serviceType}`, now);
        return replanSlots(tx, staff.organisationId, serviceType, today);
      });
    },

    /** Records a day of less or no capacity (or removes it with `slots: null`) and re-plans, audited. */
    async saveClosure(
      staff: Staff,
      serviceType: ServiceType,
      day: IsoDate,
      slots: number | null,
      reason: string,
      now: Date,
      today: IsoDate,
    ) {
      return db.transaction(async (tx) => {
        const key = and(
          eq(appointmentClosure.organisationId, staff.organisationId),
          eq(appointmentClosure.serviceType, serviceType),
          eq(appointmentClosure.day, day),
        );
        if (slots === null) await tx.delete(appointmentClosure).where(key);
        else {
          const values = {
            organisationId: staff.organisationId,
            serviceType,
            day,
            slots,
            reason,
            updatedAt: now,
          };
          await tx
            .insert(appointmentClosure)
            .values(values)
            .onConflictDoUpdate({
              target: [
                appointmentClosure.organisationId,
                appointmentClosure.serviceType,
                appointmentClosure.day,
              ],
              set: { slots, reason, updatedAt: now },
            });
        }
        await audit(tx, staff, 'update', `${staff.organisationId}/${serviceType}/${day}`, now);
        return replanSlots(tx, staff.organisationId, serviceType, today);
      });
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
