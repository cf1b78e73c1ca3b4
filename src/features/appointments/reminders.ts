/**
 * Reminders of agreed appointments (memo § 5.3, "reminders at 7 days and 48 h"): a mail the week before and one
 * two days before, in every language of the catalogues, with the time in the service point's zone; the first
 * asks the person to confirm the appointment by its due time (reconfirm.ts). Each reminder
 * is claimed by a conditional update before it is mailed, so overlapping or retried runs mail nothing twice; a
 * failed mail is not retried (the person's page shows the appointment all along).
 */
import { and, eq, gt, lt, lte, sql } from 'drizzle-orm';
import { appointmentPolicyOn } from '../../domain/capacity/appointment-policy.ts';
import { reconfirmationWindow } from '../../domain/capacity/reconfirmation.ts';
import type { Database } from '../../platform/db/client.ts';
import { composeMail } from '../../platform/mail/compose.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { appointmentMailRows } from './mails.ts';
import { dayOf } from './no-shows.ts';
import { appointmentRequest, appointmentSlot } from './schema.ts';
import { formatSlot } from './slot-time.ts';

const HOUR_MS = 3_600_000;

/** By when the appointment must be confirmed (the first reminder asks for it; reconfirm.ts). */
const dueOf = (startsAt: Date) =>
  reconfirmationWindow(startsAt, appointmentPolicyOn(dayOf(startsAt)).reconfirmation).dueAt;

/** When the reminders go out before the appointment: the week before (level 1), two days before (level 2). */
export const REMINDERS = [
  { level: 1, hoursBefore: 7 * 24 },
  { level: 2, hoursBefore: 48 },
] as const;

/** Sends the reminders due at `now`; returns how many were sent. */
export async function sendReminders(db: Database, mailer: Mailer | undefined, now: Date): Promise<number> {
  if (!mailer) return 0;
  let sent = 0;
  // The nearer reminder first: an appointment booked two days ahead gets only that one.
  for (const { level, hoursBefore } of [...REMINDERS].reverse()) {
    const due = await appointmentMailRows(
      db,
      and(
        eq(appointmentRequest.state, 'booked'),
        lt(appointmentRequest.remindersSent, level),
        gt(appointmentSlot.startsAt, now),
        lte(appointmentSlot.startsAt, new Date(now.getTime() + hoursBefore * HOUR_MS)),
      ),
    );
    for (const r of due) {
      const [claimed] = await db
        .update(appointmentRequest)
        .set({ remindersSent: sql`greatest(${appointmentRequest.remindersSent}, ${level})` })
        .where(and(eq(appointmentRequest.id, r.id), lt(appointmentRequest.remindersSent, level)))
        .returning({ id: appointmentRequest.id });
      if (!claimed) continue;
      const mail = composeMail(r.email, 'appointments.mail.reminder', (t) => ({
        service: t.t(`appointments.service.${r.serviceType}`),
        place: r.place,
        when: formatSlot(t.locale, r.startsAt, r.timeZone),
        due: formatSlot(t.locale, dueOf(r.startsAt), r.timeZone),
        ask: level === 1 ? 'yes' : 'no', // the week before: confirm by the due time
      }));
      try {
        await mailer.send(db, mail);
        sent++;
      } catch {
        // Not retried: a reminder is a courtesy; the appointment stands and the person's page shows it.
      }
    }
  }
  return sent;
}
