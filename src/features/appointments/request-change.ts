/**
 * One change of a request and its slot, the same for every answer, staff action and the scheduled release: the
 * row locked, the check whether this actor may change it, the change, the audit entry, and — when the request no
 * longer counts and held a slot — the freed slot offered again in the same transaction (the cancellation
 * cascade of memo § 5.3, `reallocate`). The people offered a slot are told after the commit.
 */
import { and, eq } from 'drizzle-orm';
import type { IsoDate } from '../../domain/calendar.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { type OfferNotifier, reallocate } from './allocation.ts';
import { type Actor, AppointmentRefusal, entry, type RequestRow, UUID } from './request-records.ts';
import { appointmentRequest, appointmentSlot, LIVE_REQUEST_STATES } from './schema.ts';

export type RequestChange = {
  readonly actor: Actor;
  readonly id: string;
  /** Whether the actor may change this request at all (else 404, nothing written). */
  readonly may: (row: RequestRow) => boolean;
  /** The change; throws an AppointmentRefusal when it is not possible now. Offers made go into `offered`. */
  readonly apply: (tx: DbOrTx, row: RequestRow, offered: string[]) => Promise<void>;
  readonly purpose: string;
};

export async function changeRequest(
  db: Database,
  notify: OfferNotifier,
  c: RequestChange,
  now: Date,
  today: IsoDate,
): Promise<RequestRow> {
  if (!UUID.test(c.id)) throw new AppointmentRefusal('not-found', 404);
  const offered: string[] = [];
  const result = await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(appointmentRequest)
      .where(eq(appointmentRequest.id, c.id))
      .for('update');
    if (!row || !c.may(row)) throw new AppointmentRefusal('not-found', 404);
    await c.apply(tx, row, offered);
    await appendAudit(tx, entry(c.actor, 'update', row, c.purpose), now);
    const [after] = await tx.select().from(appointmentRequest).where(eq(appointmentRequest.id, c.id));
    // A freed slot is offered again at once (the cancellation cascade of memo § 5.3).
    if (after && !LIVE_REQUEST_STATES.includes(after.state as never) && row.slotId)
      offered.push(...(await reallocate(tx, row, now, today, 'freed')));
    return after ?? row;
  });
  if (offered.length > 0) await notify(offered);
  return result;
}

/** Frees the request's slot (offered or booked) and an earlier slot offered to it, for the next run. */
export async function freeSlot(tx: DbOrTx, row: RequestRow) {
  await tx
    .update(appointmentSlot)
    .set({ state: 'open', requestId: null })
    .where(and(eq(appointmentSlot.requestId, row.id), eq(appointmentSlot.state, 'earlier-offer')));
  if (!row.slotId) return;
  await tx
    .update(appointmentSlot)
    .set({ state: 'open', requestId: null })
    .where(and(eq(appointmentSlot.id, row.slotId), eq(appointmentSlot.requestId, row.id)));
}
