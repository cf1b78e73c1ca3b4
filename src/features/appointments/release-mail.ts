/**
 * The mail to a person whose agreed appointment was released because it was not confirmed in time (reconfirm.ts):
 * which appointment, why, and the one next step (ask again). Sent by the same job after the release committed;
 * a failed mail undoes nothing (the person's page says the same).
 */
import { and, eq } from 'drizzle-orm';
import { appointmentPolicyOn } from '../../domain/capacity/appointment-policy.ts';
import { reconfirmationWindow } from '../../domain/capacity/reconfirmation.ts';
import type { Database } from '../../platform/db/client.ts';
import { composeMail } from '../../platform/mail/compose.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { organisation, person } from '../people/index.ts';
import { dayOf } from './no-shows.ts';
import { appointmentRequest, appointmentService } from './schema.ts';
import { formatSlot } from './slot-time.ts';

/** Mails the person of a released request; true when the mail went to the outbox. */
export async function sendReleasedMail(
  db: Database,
  mailer: Mailer | undefined,
  requestId: string,
  startsAt: Date,
): Promise<boolean> {
  if (!mailer) return false;
  const [r] = await db
    .select({
      email: person.email,
      place: organisation.name,
      serviceType: appointmentRequest.serviceType,
      timeZone: appointmentService.timeZone,
    })
    .from(appointmentRequest)
    .innerJoin(person, eq(person.id, appointmentRequest.personId))
    .innerJoin(organisation, eq(organisation.id, appointmentRequest.organisationId))
    .innerJoin(
      appointmentService,
      and(
        eq(appointmentService.organisationId, appointmentRequest.organisationId),
        eq(appointmentService.serviceType, appointmentRequest.serviceType),
      ),
    )
    .where(eq(appointmentRequest.id, requestId));
  if (!r) return false;
  const due = reconfirmationWindow(startsAt, appointmentPolicyOn(dayOf(startsAt)).reconfirmation).dueAt;
  const mail = composeMail(r.email, 'appointments.mail.released', (t) => ({
    service: t.t(`appointments.service.${r.serviceType}`),
    place: r.place,
    when: formatSlot(t.locale, startsAt, r.timeZone),
    due: formatSlot(t.locale, due, r.timeZone),
  }));
  try {
    await mailer.send(db, mail);
    return true;
  } catch {
    return false; // the release stands; the person's page says it was released and why
  }
}
