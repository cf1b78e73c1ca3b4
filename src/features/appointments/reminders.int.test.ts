import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedApplicant, seedRequest, seedServicePoint } from '../../../test/support/appointments.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { outboxMail } from '../../platform/mail/schema.ts';
import { sendReminders } from './reminders.ts';

const AT = new Date('2026-12-21T04:00:00Z');
const hoursBefore = (h: number) => new Date(AT.getTime() - h * 3_600_000);

describe('reminders of an agreed appointment', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase();
    const organisationId = await seedServicePoint(db.db, {
      slug: 'remind-mission',
      name: 'Botschaft Erinnerung',
      at: AT,
      timeZone: 'Asia/Kolkata',
      weekdaySlots: [1, 1, 1, 1, 1],
    });
    const applicant = await seedApplicant(db.db, 'remind@example.org', AT);
    await seedRequest(db.db, { organisationId, applicant, state: 'booked', at: AT, startsAt: AT });
  });
  after(() => db.destroy());

  it('mails the week before and two days before, each once, in both languages, with the local time', async () => {
    const mailer = createMailer({ from: 'test@example.org' });
    assert.equal(
      await sendReminders(db.db, mailer, hoursBefore(8 * 24)),
      0,
      'eight days before: nothing yet',
    );
    assert.equal(await sendReminders(db.db, mailer, hoursBefore(6 * 24)), 1, 'the week before');
    assert.equal(await sendReminders(db.db, mailer, hoursBefore(5 * 24)), 0, 'not twice');
    assert.equal(await sendReminders(db.db, mailer, hoursBefore(40)), 1, 'two days before');
    assert.equal(await sendReminders(db.db, mailer, hoursBefore(10)), 0, 'not twice');
    assert.equal(
      await sendReminders(db.db, mailer, new Date(AT.getTime() + 60_000)),
      0,
      'never after it began',
    );
    const mails = await db.db.select().from(outboxMail);
    assert.equal(mails.length, 2);
    for (const m of mails) {
      assert.equal(m.toAddress, 'remind@example.org');
      assert.match(m.subject, /Erinnerung an Ihren Termin am .* \/ Reminder of your appointment on /);
      assert.match(m.text, /Botschaft Erinnerung/);
      assert.match(m.text, /09:30/, 'the time in New Delhi');
    }
    const [week, twoDays] = mails;
    assert.match(String(week?.text), /bestätigen Sie ihn bis Donnerstag, 17\. Dezember 2026 um 09:30/);
    assert.match(String(week?.text), /confirm it on your “Appointments” page by Thursday, December 17, 2026/);
    assert.doesNotMatch(
      String(twoDays?.text),
      /bestätigen Sie ihn|confirm it/,
      'two days before: due passed',
    );
  });
});
