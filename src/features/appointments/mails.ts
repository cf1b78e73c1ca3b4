/** The mails about appointments: the rows they are written from, and the mail of an offer. */
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { composeMail } from '../../platform/mail/compose.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { organisation, person } from '../people/index.ts';
import type { OfferNotifier } from './allocation.ts';
import { appointmentRequest, appointmentService, appointmentSlot } from './schema.ts';
import { formatSlot } from './slot-time.ts';

/** The people to write to about appointments, with what a mail says: place, kind, time and its zone. */
export function appointmentMailRows(
  db: DbOrTx,
  where: SQL | undefined,
  slotOn: SQL | undefined = eq(appointmentSlot.id, appointmentRequest.slotId),
) {
  return db
    .select({
      id: appointmentRequest.id,
      email: person.email,
      place: organisation.name,
      serviceType: appointmentRequest.serviceType,
      startsAt: appointmentSlot.startsAt,
      by: appointmentRequest.offerExpiresAt,
      earlierBy: appointmentRequest.earlierOfferExpiresAt,
      timeZone: appointmentService.timeZone,
    })
    .from(appointmentRequest)
    .innerJoin(person, eq(person.id, appointmentRequest.personId))
    .innerJoin(organisation, eq(organisation.id, appointmentRequest.organisationId))
    .innerJoin(appointmentSlot, slotOn)
    .innerJoin(
      appointmentService,
      and(
        eq(appointmentService.organisationId, appointmentRequest.organisationId),
        eq(appointmentService.serviceType, appointmentRequest.serviceType),
      ),
    )
    .where(where);
}

/**
 * Mails each person offered a slot, or an earlier slot than the one they hold (pull-forward.ts), (in every language of the catalogues): the time in the service point's zone and
 * the answer-by time. After the change committed; a failed mail loses no offer (the page shows it).
 */
export function offerMails(db: Database, mailer: Mailer | undefined): OfferNotifier {
  return async (ids) => {
    if (!mailer) return;
    const rows = await appointmentMailRows(
      db,
      and(inArray(appointmentRequest.id, [...ids]), eq(appointmentRequest.state, 'offered')),
    );
    const earlier = await appointmentMailRows(
      db,
      inArray(appointmentRequest.id, [...ids]),
      and(eq(appointmentSlot.requestId, appointmentRequest.id), eq(appointmentSlot.state, 'earlier-offer')),
    );
    const mails = [
      ...rows.map((r) => ({ r, key: 'appointments.mail.offered', by: r.by })),
      ...earlier.map((r) => ({ r, key: 'appointments.mail.earlier', by: r.earlierBy })),
    ];
    for (const { r, key, by } of mails) {
      const mail = composeMail(r.email, key, (t) => ({
        service: t.t(`appointments.service.${r.serviceType}`),
        place: r.place,
        when: formatSlot(t.locale, r.startsAt, r.timeZone),
        by: by ? formatSlot(t.locale, by, r.timeZone) : '',
      }));
      try {
        await mailer.send(db, mail);
      } catch {
        // The offer stands and the person's page shows it; the mail is not worth undoing the allocation.
      }
    }
  };
}
