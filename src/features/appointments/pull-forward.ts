/**
 * The pull-forward cascade (memo § 5.3 "Cancellation cascade"), run at the end of every allocation run: an open
 * slot more than 48 hours ahead that no waiting request could take (the run gave every waiting request the
 * earliest slot it can use, so what is left open suits none of them) is offered, by the domain's `cascade`
 * (src/domain/capacity/cascade.ts: rank order, compatibility with reservations, unavailable days and short
 * notice), to the highest-ranked request of the same service point and kind that holds a later booked slot and
 * accepts earlier ones.
 *
 * Such an offer is an `earlier-offer` slot held by the request, with its answer-by time on the request
 * (`earlier_offer_expires_at`, the same windows as any offer, offers.ts). Its booking stays until it accepts
 * (earlier-offers.ts): then, in one transaction, the old slot is freed and the earlier one booked, so the request
 * never holds two live slots (the partial unique index on offered/booked slots holds throughout; another one
 * allows at most one earlier offer per request). The freed old slot goes through the same run again, so the
 * cascade repeats one accepted move at a time. Declined or run out, the earlier slot is open again and its day
 * counts as one the person cannot come on (they are not asked for it again).
 */
import { and, eq, gt, isNotNull, lte, sql } from 'drizzle-orm';
import { addDays, type IsoDate } from '../../domain/calendar.ts';
import { cascade } from '../../domain/capacity/cascade.ts';
import { offerExpiresAt } from '../../domain/capacity/offers.ts';
import type { AllocationRequest, AllocationSlot, PriorityClass } from '../../domain/capacity/types.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { HORIZON_DAYS } from './calendar.ts';
import { appointmentRequest, appointmentSlot, type ServiceType } from './schema.ts';

/** A slot freed less than this many hours ahead is not pulled forward (memo § 5.3: "more than 48 h ahead"). */
export const PULL_FORWARD_MIN_HOURS = 48;
const HOUR_MS = 3_600_000;

type SlotRow = typeof appointmentSlot.$inferSelect;
const toSlot = (s: SlotRow): AllocationSlot => ({
  id: s.id,
  start: s.startsAt.toISOString(),
  day: s.day,
  reservedFor: (s.reservedFor as PriorityClass | null) ?? null,
  releaseReservedAt: s.releaseReservedAt?.toISOString() ?? null,
});

/** Earlier offers whose window ran out: the slot is open again, its day one the person cannot come on. */
export async function expireEarlierOffers(
  tx: DbOrTx,
  organisationId: string,
  serviceType: ServiceType,
  now: Date,
) {
  const expired = await tx
    .select({ id: appointmentRequest.id, slotId: appointmentSlot.id, day: appointmentSlot.day })
    .from(appointmentRequest)
    .innerJoin(
      appointmentSlot,
      and(eq(appointmentSlot.requestId, appointmentRequest.id), eq(appointmentSlot.state, 'earlier-offer')),
    )
    .where(
      and(
        eq(appointmentRequest.organisationId, organisationId),
        eq(appointmentRequest.serviceType, serviceType),
        isNotNull(appointmentRequest.earlierOfferExpiresAt),
        lte(appointmentRequest.earlierOfferExpiresAt, now),
      ),
    );
  for (const e of expired) await dropEarlierOffer(tx, e.id, e.slotId, e.day, now);
  return expired.length;
}

/** The earlier slot back to open; the request keeps its booking and will not be offered that day again. */
export async function dropEarlierOffer(
  tx: DbOrTx,
  requestId: string,
  slotId: string,
  day: IsoDate,
  now: Date,
) {
  await tx
    .update(appointmentSlot)
    .set({ state: 'open', requestId: null, version: sql`${appointmentSlot.version} + 1` })
    .where(
      and(
        eq(appointmentSlot.id, slotId),
        eq(appointmentSlot.requestId, requestId),
        eq(appointmentSlot.state, 'earlier-offer'),
      ),
    );
  await tx
    .update(appointmentRequest)
    .set({
      earlierOfferExpiresAt: null,
      unavailable: sql`array_append(${appointmentRequest.unavailable}, ${day}::date)`,
      updatedAt: now,
    })
    .where(eq(appointmentRequest.id, requestId));
}

/** One pull-forward offer of a run, as the run records it: the move and the reason it went to this request. */
export type EarlierOffer = {
  readonly requestId: string;
  readonly from: string | null;
  readonly to: string;
  readonly reason: {
    readonly basis: 'pull-forward';
    readonly priorityClass: PriorityClass;
    readonly deadline: IsoDate | null;
    readonly readyOn: IsoDate;
    readonly minHoursAhead: number;
  };
};

/** Offers the open slots more than 48 h ahead to holders of later booked slots; the offers made, with reasons. */
export async function pullForward(
  tx: DbOrTx,
  p: { organisationId: string; serviceType: ServiceType; seed: string; ruleVersion: string },
  now: Date,
  today: IsoDate,
): Promise<EarlierOffer[]> {
  const point = and(
    eq(appointmentSlot.organisationId, p.organisationId),
    eq(appointmentSlot.serviceType, p.serviceType),
  );
  const open = await tx
    .select()
    .from(appointmentSlot)
    .where(
      and(
        point,
        eq(appointmentSlot.state, 'open'),
        gt(appointmentSlot.startsAt, new Date(now.getTime() + PULL_FORWARD_MIN_HOURS * HOUR_MS)),
        lte(appointmentSlot.day, addDays(today, HORIZON_DAYS)),
      ),
    )
    .orderBy(appointmentSlot.startsAt, appointmentSlot.id);
  if (open.length === 0) return [];
  const holders = await tx
    .select({ request: appointmentRequest, slot: appointmentSlot })
    .from(appointmentRequest)
    .innerJoin(appointmentSlot, eq(appointmentSlot.id, appointmentRequest.slotId))
    .where(
      and(
        eq(appointmentRequest.organisationId, p.organisationId),
        eq(appointmentRequest.serviceType, p.serviceType),
        eq(appointmentRequest.state, 'booked'),
        eq(appointmentRequest.acceptsEarlierSlots, 1),
        sql`${appointmentRequest.earlierOfferExpiresAt} is null`,
        eq(appointmentSlot.state, 'booked'),
      ),
    );
  if (holders.length === 0) return [];
  const slotsById = new Map(holders.map((h) => [h.slot.id, toSlot(h.slot)]));
  let candidates: AllocationRequest[] = holders.map(({ request: r }) => ({
    id: r.id,
    priorityClass: r.priorityClass as PriorityClass,
    deadline: r.deadline,
    readyOn: r.readyOn ?? today,
    acceptsEarlierSlots: true,
    shortNoticeOk: r.shortNoticeOk === 1,
    unavailable: r.unavailable,
    currentSlotId: r.slotId,
  }));
  const offered: EarlierOffer[] = [];
  for (const row of open) {
    if (candidates.length === 0) break;
    const freedSlot = toSlot(row);
    const [move] = cascade({
      ...p,
      now: now.toISOString(),
      freedSlot,
      requests: candidates,
      slotsById,
    }).moves;
    if (!move) continue;
    const [taken] = await tx
      .update(appointmentSlot)
      .set({
        state: 'earlier-offer',
        requestId: move.requestId,
        version: sql`${appointmentSlot.version} + 1`,
      })
      .where(and(eq(appointmentSlot.id, row.id), eq(appointmentSlot.state, 'open')))
      .returning({ id: appointmentSlot.id });
    if (!taken) continue;
    await tx
      .update(appointmentRequest)
      .set({
        earlierOfferExpiresAt: new Date(offerExpiresAt(freedSlot.start, now.toISOString())),
        updatedAt: now,
      })
      .where(eq(appointmentRequest.id, move.requestId));
    const who = candidates.find((c) => c.id === move.requestId);
    offered.push({
      requestId: move.requestId,
      from: move.from,
      to: move.to,
      reason: {
        basis: 'pull-forward',
        priorityClass: who?.priorityClass ?? 'standard',
        deadline: who?.deadline ?? null,
        readyOn: who?.readyOn ?? today,
        minHoursAhead: PULL_FORWARD_MIN_HOURS,
      },
    });
    candidates = candidates.filter((c) => c.id !== move.requestId);
  }
  return offered;
}
