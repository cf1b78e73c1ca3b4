/**
 * The person's side of the pull-forward cascade (pull-forward.ts): take the earlier appointment offered (the old
 * one is freed and the earlier one booked in one transaction, then the freed one goes to the next person through
 * the same run, so the cascade goes on), keep the appointment they have, and switch on or off whether they want
 * earlier appointments at all. Each is a change of the request (request-change.ts), audited.
 */
import { and, eq } from 'drizzle-orm';
import type { IsoDate } from '../../domain/calendar.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { type OfferNotifier, reallocate } from './allocation.ts';
import { agreedConfirmation } from './no-shows.ts';
import { dropEarlierOffer } from './pull-forward.ts';
import { changeRequest } from './request-change.ts';
import { type Actor, AppointmentRefusal, type RequestRow } from './request-records.ts';
import { appointmentRequest, appointmentSlot, LIVE_REQUEST_STATES } from './schema.ts';

async function earlierSlotOf(tx: DbOrTx, r: RequestRow) {
  const [slot] = await tx
    .select()
    .from(appointmentSlot)
    .where(and(eq(appointmentSlot.requestId, r.id), eq(appointmentSlot.state, 'earlier-offer')));
  return slot;
}

export function createEarlierOffers(db: Database, notify: OfferNotifier) {
  const own = (actor: Actor) => (r: RequestRow) => r.personId === actor.personId;
  const change = (
    actor: Actor,
    id: string,
    apply: (tx: DbOrTx, r: RequestRow, offered: string[]) => Promise<void>,
    purpose: string,
    now: Date,
    today: IsoDate,
  ) => changeRequest(db, notify, { actor, id, may: own(actor), apply, purpose }, now, today);

  return {
    /** Takes the earlier appointment while its offer is open: the old booking is freed, never two at once. */
    acceptEarlier(actor: Actor, id: string, now: Date, today: IsoDate): Promise<RequestRow> {
      return change(
        actor,
        id,
        async (tx, r, offered) => {
          if (r.state !== 'booked' || !r.slotId || !r.earlierOfferExpiresAt || r.earlierOfferExpiresAt <= now)
            throw new AppointmentRefusal('offer-not-open', 409, 'state');
          const earlier = await earlierSlotOf(tx, r);
          if (!earlier) throw new AppointmentRefusal('slot-taken', 409, 'slot');
          // First free the old booking, then book the earlier slot: one live slot at every step.
          await tx
            .update(appointmentSlot)
            .set({ state: 'open', requestId: null })
            .where(
              and(
                eq(appointmentSlot.id, r.slotId),
                eq(appointmentSlot.requestId, r.id),
                eq(appointmentSlot.state, 'booked'),
              ),
            );
          const [booked] = await tx
            .update(appointmentSlot)
            .set({ state: 'booked' })
            .where(and(eq(appointmentSlot.id, earlier.id), eq(appointmentSlot.state, 'earlier-offer')))
            .returning({ startsAt: appointmentSlot.startsAt });
          if (!booked) throw new AppointmentRefusal('slot-taken', 409, 'slot');
          await tx
            .update(appointmentRequest)
            .set({
              slotId: earlier.id,
              earlierOfferExpiresAt: null,
              reconfirmedAt: agreedConfirmation(booked.startsAt, now),
              remindersSent: 0,
              updatedAt: now,
            })
            .where(eq(appointmentRequest.id, r.id));
          // The old slot goes to the next person (or the next one holding a later slot): the cascade goes on.
          offered.push(...(await reallocate(tx, r, now, today, 'moved-earlier')));
        },
        'earlier appointment accepted',
        now,
        today,
      );
    },

    /** Keeps the appointment the person has; the earlier slot goes to the next person. */
    declineEarlier(actor: Actor, id: string, now: Date, today: IsoDate): Promise<RequestRow> {
      return change(
        actor,
        id,
        async (tx, r, offered) => {
          const earlier = r.state === 'booked' ? await earlierSlotOf(tx, r) : undefined;
          if (!earlier) throw new AppointmentRefusal('offer-not-open', 409, 'state');
          await dropEarlierOffer(tx, r.id, earlier.id, earlier.day, now);
          offered.push(...(await reallocate(tx, r, now, today, 'earlier-declined')));
        },
        'earlier appointment declined',
        now,
        today,
      );
    },

    /** Whether the person wants an earlier appointment offered when one is free (a live request only). */
    setAcceptsEarlier(actor: Actor, id: string, on: boolean, now: Date, today: IsoDate): Promise<RequestRow> {
      return change(
        actor,
        id,
        async (tx, r) => {
          if (!LIVE_REQUEST_STATES.includes(r.state as never))
            throw new AppointmentRefusal('not-possible', 409, 'state');
          await tx
            .update(appointmentRequest)
            .set({ acceptsEarlierSlots: on ? 1 : 0, updatedAt: now })
            .where(eq(appointmentRequest.id, r.id));
        },
        on ? 'earlier appointments wanted' : 'earlier appointments not wanted',
        now,
        today,
      );
    },
  };
}
