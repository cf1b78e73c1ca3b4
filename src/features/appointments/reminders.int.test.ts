import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { outboxMail } from '../../platform/mail/schema.ts';
import { journey } from '../journey/index.ts';
import { organisation, person } from '../people/index.ts';
import { sendReminders } from './reminders.ts';
import { appointmentRequest, appointmentService, appointmentSlot } from './schema.ts';

const AT = new Date('2026-12-21T04:00:00Z');
const hoursBefore = (h: number) => new Date(AT.getTime() - h * 3_600_000);

describe('reminders of an agreed appointment', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase();
    const [org] = await db.db
      .insert(organisation)
      .values({ slug: 'remind-mission', name: 'Botschaft Erinnerung', kind: 'mission' })
      .returning({ id: organisation.id });
    const [p] = await db.db
      .insert(person)
      .values({ email: 'remind@example.org', displayName: 'Remind' })
      .returning({ id: person.id });
    if (!org || !p) throw new Error('setup');
    await db.db.insert(appointmentService).values({
      organisationId: org.id,
      serviceType: 'visa-application',
      slotMinutes: 20,
      targetWeeks: 4,
      weekdaySlots: [1, 1, 1, 1, 1],
      firstStart: '09:30',
      timeZone: 'Asia/Kolkata',
      updatedAt: AT,
    });
    const journeyId = randomUUID();
    await db.db.insert(journey).values({
      id: journeyId,
      applicantId: p.id,
      pathway: 'aufenthg-18a',
      status: 'open',
      version: 1,
      state: {} as never,
      openedAt: AT,
      updatedAt: AT,
    });
    const requestId = randomUUID();
    const [slot] = await db.db
      .insert(appointmentSlot)
      .values({
        organisationId: org.id,
        serviceType: 'visa-application',
        startsAt: AT,
        day: '2026-12-21',
        state: 'booked',
        requestId,
      })
      .returning({ id: appointmentSlot.id });
    await db.db.insert(appointmentRequest).values({
      id: requestId,
      personId: p.id,
      journeyId,
      organisationId: org.id,
      serviceType: 'visa-application',
      personKey: 'k',
      priorityClass: 'standard',
      state: 'booked',
      readyOn: '2026-12-01',
      slotId: slot?.id ?? null,
      createdAt: AT,
      updatedAt: AT,
    });
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
  });
});
