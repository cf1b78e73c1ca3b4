/**
 * Reconfirmation of agreed appointments (memo § 5.3 "No-shows", goal G8): the applicant confirms their own agreed
 * appointment before the due time (appointment-policy.ts: asked 7 days before, due 4 days before); an appointment
 * still unconfirmed at the due time is released by the scheduled run, the request closed as "released" (its page
 * says why) and the slot offered again at once through the cancellation cascade (`changeRequest` → `reallocate`).
 * Both are changes of the request, audited; the release by the platform itself (role `system`).
 */
import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import type { IsoDate } from '../../domain/calendar.ts';
import { APPOINTMENT_POLICY, appointmentPolicyOn } from '../../domain/capacity/appointment-policy.ts';
import { reconfirmationStatus } from '../../domain/capacity/reconfirmation.ts';
import type { Database } from '../../platform/db/client.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import type { OfferNotifier } from './allocation.ts';
import { dayOf } from './no-shows.ts';
import { sendReleasedMail } from './release-mail.ts';
import { changeRequest, freeSlot } from './request-change.ts';
import { type Actor, AppointmentRefusal, type RequestRow } from './request-records.ts';
import { appointmentRequest, appointmentSlot } from './schema.ts';

const DAY_MS = 86_400_000;
const SYSTEM: Actor = { personId: '', role: 'system', organisationId: null };

/** Where the confirmation of an appointment starting at `startsAt` stands at `now`, by the rule of its day. */
export function confirmationOf(startsAt: Date, confirmedAt: Date | null, now: Date) {
  return reconfirmationStatus(
    startsAt,
    confirmedAt,
    now,
    appointmentPolicyOn(dayOf(startsAt)).reconfirmation,
  );
}

export function createReconfirmation(db: Database, notify: OfferNotifier, mailer?: Mailer) {
  async function startOf(tx: Pick<Database, 'select'>, r: RequestRow): Promise<Date | null> {
    if (!r.slotId) return null;
    const [slot] = await tx
      .select({ startsAt: appointmentSlot.startsAt })
      .from(appointmentSlot)
      .where(and(eq(appointmentSlot.id, r.slotId), eq(appointmentSlot.requestId, r.id)));
    return slot?.startsAt ?? null;
  }

  return {
    /** The person confirms their own agreed appointment; again is a no-op; at or after the due time 409. */
    async reconfirm(actor: Actor, id: string, now: Date, today: IsoDate): Promise<RequestRow> {
      return changeRequest(
        db,
        notify,
        {
          actor,
          id,
          may: (r) => r.personId === actor.personId,
          apply: async (tx, r) => {
            if (r.state !== 'booked') throw new AppointmentRefusal('not-possible', 409, 'state');
            if (r.reconfirmedAt) return;
            const startsAt = await startOf(tx, r);
            if (!startsAt || confirmationOf(startsAt, null, now) === 'overdue')
              throw new AppointmentRefusal('reconfirmation-closed', 409, 'state');
            await tx
              .update(appointmentRequest)
              .set({ reconfirmedAt: now, updatedAt: now })
              .where(eq(appointmentRequest.id, r.id));
          },
          purpose: 'appointment reconfirmed',
        },
        now,
        today,
      );
    },

    /**
     * Releases every agreed appointment still unconfirmed at its due time; the slots go to the next people, and
     * each person released is told by mail (after the release committed; only by the run that released it).
     */
    async releaseUnconfirmed(now: Date, today: IsoDate): Promise<number> {
      const furthest = Math.max(...APPOINTMENT_POLICY.map((p) => p.reconfirmation.dueDaysBefore));
      const candidates = await db
        .select({ id: appointmentRequest.id, startsAt: appointmentSlot.startsAt })
        .from(appointmentRequest)
        .innerJoin(appointmentSlot, eq(appointmentSlot.id, appointmentRequest.slotId))
        .where(
          and(
            eq(appointmentRequest.state, 'booked'),
            isNull(appointmentRequest.reconfirmedAt),
            gt(appointmentSlot.startsAt, now),
            lte(appointmentSlot.startsAt, new Date(now.getTime() + furthest * DAY_MS)),
          ),
        );
      let released = 0;
      for (const c of candidates) {
        if (confirmationOf(c.startsAt, null, now) !== 'overdue') continue;
        let releasedHere = false;
        await changeRequest(
          db,
          notify,
          {
            actor: SYSTEM,
            id: c.id,
            may: () => true,
            apply: async (tx, r) => {
              if (r.state !== 'booked' || r.reconfirmedAt) return; // confirmed or closed meanwhile
              await freeSlot(tx, r);
              await tx
                .update(appointmentRequest)
                .set({ state: 'released', slotId: null, updatedAt: now })
                .where(eq(appointmentRequest.id, r.id));
              releasedHere = true;
            },
            purpose: 'appointment released: not reconfirmed',
          },
          now,
          today,
        );
        if (!releasedHere) continue;
        released++;
        await sendReleasedMail(db, mailer, c.id, c.startsAt);
      }
      return released;
    },
  };
}
