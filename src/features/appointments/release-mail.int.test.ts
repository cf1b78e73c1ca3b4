import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { seedApplicant, seedRequest, seedServicePoint } from '../../../test/support/appointments.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { outboxMail } from '../../platform/mail/schema.ts';
import { createChecklistService } from '../documents/index.ts';
import { appointmentRequest } from './schema.ts';
import { createAppointmentsService } from './service.ts';

const AT = new Date('2026-12-21T04:00:00Z'); // 09:30 in New Delhi
const DAY = 86_400_000;

describe('the mail to a person whose appointment was released (not confirmed in time)', () => {
  let db: TestDatabase;
  let requestId = '';
  before(async () => {
    db = await createTestDatabase();
    const organisationId = await seedServicePoint(db.db, {
      slug: 'release-mission',
      name: 'Botschaft Freigabe',
      at: AT,
      timeZone: 'Asia/Kolkata',
    });
    const applicant = await seedApplicant(db.db, 'released@example.org', new Date(AT.getTime() - 30 * DAY));
    ({ requestId } = await seedRequest(db.db, {
      organisationId,
      applicant,
      state: 'booked',
      at: new Date(AT.getTime() - 20 * DAY),
      startsAt: AT,
    }));
  });
  after(() => db.destroy());

  it('mails once, in both languages, with the time, why, and the one next step', async () => {
    const appointments = createAppointmentsService(
      db.db,
      'release-mail-secret-that-is-at-least-32-characters',
      createMailer({ from: 'test@example.org' }),
      createChecklistService(db.db),
    );
    const now = new Date(AT.getTime() - 3 * DAY); // the due time (4 days before) has passed
    assert.equal(await appointments.reconfirmation.releaseUnconfirmed(now, '2026-12-18'), 1);
    const [r] = await db.db.select().from(appointmentRequest).where(eq(appointmentRequest.id, requestId));
    assert.equal(r?.state, 'released');
    assert.equal(await appointments.reconfirmation.releaseUnconfirmed(now, '2026-12-18'), 0, 'not twice');
    const mails = await db.db.select().from(outboxMail);
    assert.equal(mails.length, 1);
    const [m] = mails;
    assert.equal(m?.toAddress, 'released@example.org');
    assert.match(
      String(m?.subject),
      /Ihr Termin am .* ging an die nächste Person \/ Your appointment on .* went to/,
    );
    assert.match(String(m?.text), /Botschaft Freigabe/);
    assert.match(String(m?.text), /09:30/, 'the time in New Delhi');
    assert.match(String(m?.text), /nicht bis Donnerstag, 17\. Dezember 2026 um 09:30 .* bestätigt/);
    assert.match(String(m?.text), /fragen Sie auf Ihrer Seite „Termine“ neu an/);
    assert.match(String(m?.text), /ask for one again on your “Appointments” page/);
  });
});
