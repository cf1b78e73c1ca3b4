/**
 * One allocation run for a service point and service type (memo § 5.3): offers that ran out go back to the pool,
 * then the ready requests get the earliest compatible open slots in rank order (src/domain/capacity/allocate.ts),
 * each offer with its acceptance window and its reason, and the run is recorded with rule version, seed and the
 * hashes of its input and output, so that it can be replayed. Runs of one service point never overlap (a
 * transaction-level advisory lock); a slot or request changed meanwhile is skipped, never double-booked (the
 * updates are conditional and the database constraints hold the rest).
 */
import { and, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import { addDays, type IsoDate } from '../../domain/calendar.ts';
import { allocate, RULE_VERSION } from '../../domain/capacity/allocate.ts';
import { isDeprioritised } from '../../domain/capacity/no-show.ts';
import { offerExpiresAt } from '../../domain/capacity/offers.ts';
import { weekdayOf } from '../../domain/capacity/slots.ts';
import type { AllocationRequest, AllocationSlot, PriorityClass } from '../../domain/capacity/types.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { HORIZON_DAYS } from './calendar.ts';
import { expireEarlierOffers, pullForward } from './pull-forward.ts';
import { holdForAcceleratedArrivals } from './reservation-holds.ts';
import { allocationRun, appointmentRequest, appointmentSlot, type ServiceType } from './schema.ts';

/** The published seed of a run: the ISO week of the day (memo § 5.3, "seed published per run, e.g. ISO week"). */
export function isoWeek(day: IsoDate): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const thursday = new Date(date.getTime() + (3 - weekdayOf(day)) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export type RunSummary = {
  readonly runId: string;
  readonly offered: number;
  /** People holding a later appointment offered an earlier one (pull-forward.ts). */
  readonly offeredEarlier: number;
  readonly waitlisted: number;
  readonly expired: number;
  readonly alerts: number;
  /** The requests offered a slot or an earlier slot in this run (to tell them). */
  readonly offeredIds: readonly string[];
};

/** Offers whose window ran out: the request goes back to the pool, the slot is open again. */
async function expireOffers(tx: DbOrTx, organisationId: string, serviceType: ServiceType, now: Date) {
  const expired = await tx
    .update(appointmentRequest)
    .set({ state: 'ready', slotId: null, offerExpiresAt: null, updatedAt: now })
    .where(
      and(
        eq(appointmentRequest.organisationId, organisationId),
        eq(appointmentRequest.serviceType, serviceType),
        eq(appointmentRequest.state, 'offered'),
        lte(appointmentRequest.offerExpiresAt, now),
      ),
    )
    .returning({ id: appointmentRequest.id });
  if (expired.length > 0)
    await tx
      .update(appointmentSlot)
      .set({ state: 'open', requestId: null, version: sql`${appointmentSlot.version} + 1` })
      .where(
        and(
          eq(appointmentSlot.state, 'offered'),
          inArray(
            appointmentSlot.requestId,
            expired.map((e) => e.id),
          ),
        ),
      );
  return expired.length;
}

export async function runAllocation(
  tx: DbOrTx,
  organisationId: string,
  serviceType: ServiceType,
  now: Date,
  today: IsoDate,
  trigger: string,
): Promise<RunSummary> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`allocation:${organisationId}:${serviceType}`}))`,
  );
  const expired =
    (await expireOffers(tx, organisationId, serviceType, now)) +
    (await expireEarlierOffers(tx, organisationId, serviceType, now));
  await holdForAcceleratedArrivals(tx, organisationId, serviceType, now, today);
  const slotRows = await tx
    .select()
    .from(appointmentSlot)
    .where(
      and(
        eq(appointmentSlot.organisationId, organisationId),
        eq(appointmentSlot.serviceType, serviceType),
        eq(appointmentSlot.state, 'open'),
        gt(appointmentSlot.startsAt, now),
        lte(appointmentSlot.day, addDays(today, HORIZON_DAYS)),
      ),
    );
  const requestRows = await tx
    .select()
    .from(appointmentRequest)
    .where(
      and(
        eq(appointmentRequest.organisationId, organisationId),
        eq(appointmentRequest.serviceType, serviceType),
        eq(appointmentRequest.state, 'ready'),
      ),
    );
  const slots: AllocationSlot[] = slotRows.map((s) => ({
    id: s.id,
    start: s.startsAt.toISOString(),
    day: s.day,
    reservedFor: (s.reservedFor as PriorityClass | null) ?? null,
    releaseReservedAt: s.releaseReservedAt?.toISOString() ?? null,
  }));
  const requests: AllocationRequest[] = requestRows.map((r) => ({
    id: r.id,
    priorityClass: r.priorityClass as PriorityClass,
    deadline: r.deadline,
    readyOn: r.readyOn ?? today,
    acceptsEarlierSlots: r.acceptsEarlierSlots === 1,
    shortNoticeOk: r.shortNoticeOk === 1,
    unavailable: r.unavailable,
    currentSlotId: null,
    // Only when it applies, so that the input (and its hash) of everyone else stays as it was.
    ...(isDeprioritised(r.deprioritisedUntil, today) ? { deprioritised: true } : {}),
  }));
  const seed = isoWeek(today);
  const run = allocate({ now: now.toISOString(), seed, ruleVersion: RULE_VERSION, requests, slots });
  const startOf = new Map(slots.map((s) => [s.id, s.start]));
  const offeredIds: string[] = [];
  for (const a of run.assignments) {
    const [slot] = await tx
      .update(appointmentSlot)
      .set({ state: 'offered', requestId: a.requestId, version: sql`${appointmentSlot.version} + 1` })
      .where(and(eq(appointmentSlot.id, a.slotId), eq(appointmentSlot.state, 'open')))
      .returning({ id: appointmentSlot.id });
    if (!slot) continue;
    await tx
      .update(appointmentRequest)
      .set({
        state: 'offered',
        slotId: a.slotId,
        offerExpiresAt: new Date(
          offerExpiresAt(startOf.get(a.slotId) ?? now.toISOString(), now.toISOString()),
        ),
        reason: { ...a.reason, late: a.late },
        updatedAt: now,
      })
      .where(and(eq(appointmentRequest.id, a.requestId), eq(appointmentRequest.state, 'ready')));
    offeredIds.push(a.requestId);
  }
  // What no waiting request could take goes to people holding a later appointment (the cascade, pull-forward.ts).
  const offeredEarlier = await pullForward(
    tx,
    { organisationId, serviceType, seed, ruleVersion: RULE_VERSION },
    now,
    today,
  );
  for (const w of run.waitlist)
    await tx
      .update(appointmentRequest)
      .set({ reason: { ...w.reason, position: w.position } })
      .where(eq(appointmentRequest.id, w.requestId));
  const [row] = await tx
    .insert(allocationRun)
    .values({
      organisationId,
      serviceType,
      ranAt: now,
      ruleVersion: run.ruleVersion,
      seed: run.seed,
      inputHash: run.inputHash,
      outputHash: run.outputHash,
      assignments: run.assignments,
      earlierOffers: offeredEarlier,
      alerts: run.alerts,
      waitlisted: run.waitlist.length,
      trigger,
    })
    .returning({ id: allocationRun.id });
  return {
    runId: row?.id ?? '',
    offered: offeredIds.length,
    offeredEarlier: offeredEarlier.length,
    offeredIds: [...offeredIds, ...offeredEarlier.map((o) => o.requestId)],
    waitlisted: run.waitlist.length,
    expired,
    alerts: run.alerts.length,
  };
}

/** Tells people of the slots offered to them (after the change committed; a failure to mail loses no offer). */
export type OfferNotifier = (requestIds: readonly string[]) => Promise<void>;

/** Runs the allocation of a request's service point in the same transaction; the ids offered a slot. */
export async function reallocate(
  tx: DbOrTx,
  r: { readonly organisationId: string; readonly serviceType: string },
  now: Date,
  today: IsoDate,
  trigger: string,
): Promise<readonly string[]> {
  return (await runAllocation(tx, r.organisationId, r.serviceType as ServiceType, now, today, trigger))
    .offeredIds;
}
