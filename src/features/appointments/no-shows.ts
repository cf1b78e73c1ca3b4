/**
 * The published appointment rules applied to the records: the no-show rule on filing (no-show.ts; the person's
 * no-shows found by person and by passport hash, each on the day of its appointment) and the confirmation that
 * agreeing inside the reconfirmation window brings (reconfirmation.ts). The numbers are the rules in force on the
 * day (appointment-policy.ts).
 */
import { and, eq, or } from 'drizzle-orm';
import type { IsoDate } from '../../domain/calendar.ts';
import { appointmentPolicyOn } from '../../domain/capacity/appointment-policy.ts';
import { noShowPenaltyUntil } from '../../domain/capacity/no-show.ts';
import { agreedCountsAsConfirmed } from '../../domain/capacity/reconfirmation.ts';
import type { PriorityClass } from '../../domain/capacity/types.ts';
import { momentOf } from '../../domain/journey/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { appointmentRequest, appointmentSlot } from './schema.ts';

export const dayOf = (at: Date): IsoDate => momentOf(at.toISOString()).date;

/** The days of the appointments the person did not come to (by person or by the same passport). */
export async function noShowDays(tx: DbOrTx, personId: string, personKey: string): Promise<IsoDate[]> {
  const rows = await tx
    .select({ day: appointmentSlot.day })
    .from(appointmentRequest)
    .innerJoin(appointmentSlot, eq(appointmentSlot.id, appointmentRequest.slotId))
    .where(
      and(
        eq(appointmentRequest.state, 'no-show'),
        or(eq(appointmentRequest.personId, personId), eq(appointmentRequest.personKey, personKey)),
      ),
    );
  return rows.map((r) => r.day);
}

/** The day until which a request filed now is ranked after the others of its class (null: not at all). */
export async function penaltyOnFiling(
  tx: DbOrTx,
  personId: string,
  personKey: string,
  priorityClass: PriorityClass,
  now: Date,
): Promise<IsoDate | null> {
  const today = dayOf(now);
  const days = await noShowDays(tx, personId, personKey);
  return noShowPenaltyUntil(days, today, priorityClass, appointmentPolicyOn(today).noShow);
}

/** The confirmation time an appointment agreed at `now` starts with: `now` inside the window, else none. */
export function agreedConfirmation(startsAt: Date, now: Date): Date | null {
  const rule = appointmentPolicyOn(dayOf(startsAt)).reconfirmation;
  return agreedCountsAsConfirmed(startsAt, now, rule) ? now : null;
}
