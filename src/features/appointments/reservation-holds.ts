/**
 * Reservations for forecast § 81a arrivals (memo § 5.3 step 2; the rule in appointment-policy.ts, the forecast in
 * src/domain/capacity/reservations.ts), set at each allocation run before the slots are read: in each week of the
 * horizon the latest `r_w` open slots whose release time is still ahead are held for the § 81a class until
 * 72 hours before they start; an open slot no longer chosen is open to everyone again. Offered and agreed slots
 * keep what they had (a hold only matters while a slot is open). Setting it at each run, not when slots are made,
 * keeps the hold in step with the forecast, which changes with every § 81a request filed.
 */
import { and, eq, gt, inArray, isNotNull, lte, notInArray, sql } from 'drizzle-orm';
import { addDays, type IsoDate } from '../../domain/calendar.ts';
import { appointmentPolicyOn } from '../../domain/capacity/appointment-policy.ts';
import { chooseHolds, heldPerWeek, weeklyCounts } from '../../domain/capacity/reservations.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { HORIZON_DAYS } from './calendar.ts';
import { appointmentRequest, appointmentSlot, type ServiceType } from './schema.ts';

const WEEK_MS = 7 * 86_400_000;

/** `r_w` of a service point and type at `now`: the P90 of its forecast weekly § 81a arrivals. */
export async function heldPerWeekAt(
  tx: DbOrTx,
  organisationId: string,
  serviceType: string,
  now: Date,
  today: IsoDate,
): Promise<number> {
  const rule = appointmentPolicyOn(today).reservation;
  const rows = await tx
    .select({ createdAt: appointmentRequest.createdAt })
    .from(appointmentRequest)
    .where(
      and(
        eq(appointmentRequest.organisationId, organisationId),
        eq(appointmentRequest.serviceType, serviceType),
        eq(appointmentRequest.priorityClass, rule.forClass),
        gt(appointmentRequest.createdAt, new Date(now.getTime() - rule.historyWeeks * WEEK_MS)),
        lte(appointmentRequest.createdAt, now),
      ),
    );
  const counts = weeklyCounts(
    rows.map((r) => r.createdAt.toISOString()),
    now.toISOString(),
    rule.historyWeeks,
  );
  return heldPerWeek(counts, rule);
}

/** Holds the open slots of the horizon for the § 81a class as the rule says; the number held per week. */
export async function holdForAcceleratedArrivals(
  tx: DbOrTx,
  organisationId: string,
  serviceType: ServiceType,
  now: Date,
  today: IsoDate,
): Promise<number> {
  const rule = appointmentPolicyOn(today).reservation;
  const perWeek = await heldPerWeekAt(tx, organisationId, serviceType, now, today);
  const point = and(
    eq(appointmentSlot.organisationId, organisationId),
    eq(appointmentSlot.serviceType, serviceType),
    eq(appointmentSlot.state, 'open'),
  );
  const open = await tx
    .select({ id: appointmentSlot.id, startsAt: appointmentSlot.startsAt, day: appointmentSlot.day })
    .from(appointmentSlot)
    .where(
      and(point, gt(appointmentSlot.startsAt, now), lte(appointmentSlot.day, addDays(today, HORIZON_DAYS))),
    );
  const holds = chooseHolds(
    open.map((s) => ({ id: s.id, start: s.startsAt.toISOString(), day: s.day })),
    perWeek,
    now.toISOString(),
    rule,
  );
  const ids = holds.map((h) => h.slotId);
  await tx
    .update(appointmentSlot)
    .set({ reservedFor: null, releaseReservedAt: null })
    .where(
      and(
        point,
        isNotNull(appointmentSlot.reservedFor),
        ids.length > 0 ? notInArray(appointmentSlot.id, ids) : undefined,
      ),
    );
  if (ids.length > 0)
    await tx
      .update(appointmentSlot)
      .set({
        reservedFor: rule.forClass,
        releaseReservedAt: sql`${appointmentSlot.startsAt} - make_interval(hours => ${rule.releaseHoursBefore})`,
      })
      .where(and(point, inArray(appointmentSlot.id, ids)));
  return perWeek;
}
