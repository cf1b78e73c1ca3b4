import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, like } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { makeAccount } from '../../../test/support/identity.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { outboxMail } from '../../platform/mail/schema.ts';
import { sendExpiryReminders } from './reminders.ts';
import { companionHolder } from './schema.ts';

describe('the expiry reminders', () => {
  let database: TestDatabase;
  let personId = '';
  before(async () => {
    database = await createTestDatabase();
    personId = (await makeAccount(database.db, 'applicant', undefined, { email: 'holder@reminder.example' }))
      .personId;
    await makeAccount(database.db, 'applicant', undefined, { email: 'later@reminder.example' }).then((a) =>
      database.db.insert(companionHolder).values({
        personId: a.personId,
        stateCode: 'TH',
        permitGrantedOn: '2025-06-01',
        permitExpiresOn: '2027-06-01',
        birthDate: '1985-01-01',
        updatedAt: new Date(),
      }),
    );
    await database.db.insert(companionHolder).values({
      personId,
      stateCode: 'SN',
      permitGrantedOn: '2025-06-30',
      permitExpiresOn: '2026-12-31',
      birthDate: '1990-03-01',
      updatedAt: new Date(),
    });
  });
  after(() => database.destroy());

  const mails = () =>
    database.db.select().from(outboxMail).where(like(outboxMail.toAddress, '%@reminder.example'));
  const deps = () => ({
    mailer: createMailer({ from: 'noreply@example.org' }),
    baseUrl: 'https://cr.example',
  });
  const at = (day: string) => new Date(`${day}T07:00:00Z`);

  it('mails six weeks and two weeks before the end, each once, in both languages', async () => {
    assert.equal(await sendExpiryReminders(database.db, deps(), at('2026-11-18')), 0);
    assert.equal(await sendExpiryReminders(database.db, deps(), at('2026-11-19')), 1);
    assert.equal(await sendExpiryReminders(database.db, deps(), at('2026-11-20')), 0);
    const [first] = await mails();
    assert.equal(first?.toAddress, 'holder@reminder.example');
    assert.match(first?.subject ?? '', /endet in 42 Tagen/);
    assert.match(first?.subject ?? '', /ends in 42 days/);
    assert.match(first?.text ?? '', /31\. Dezember 2026/);
    assert.match(first?.text ?? '', /https:\/\/cr\.example\/de\/chancen-aufenthalt/);
    assert.equal(await sendExpiryReminders(database.db, deps(), at('2026-12-17')), 1);
    assert.equal(await sendExpiryReminders(database.db, deps(), at('2026-12-20')), 0);
    assert.equal((await mails()).length, 2);
  });

  it('reminds again when the permit gets a new expiry date', async () => {
    await database.db
      .update(companionHolder)
      .set({ permitExpiresOn: '2027-01-10' })
      .where(eq(companionHolder.personId, personId));
    assert.equal(await sendExpiryReminders(database.db, deps(), at('2026-12-21')), 1);
  });
});
