import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp, csrfFor, type TestApp } from '../../../../test/support/app.ts';
import { eventually } from '../../../../test/support/eventually.ts';
import { randomAddress } from '../../../../test/support/identity.ts';
import { outboxMail } from '../../../platform/mail/schema.ts';
import { person } from '../../people/schema.ts';
import { AccountError, createUser } from './service.ts';

/** How many registrations with one new address arrive at the same moment. */
const SIMULTANEOUS = 8;

describe('simultaneous registrations with the same new address', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  const accountsWith = (email: string) => t.database.db.select().from(person).where(eq(person.email, email));
  const mailsTo = (email: string) =>
    t.database.db.select().from(outboxMail).where(eq(outboxMail.toAddress, email));

  it('all get the answer of any registration (202), one account exists and every request got its mail', async () => {
    const email = `race-${Date.now()}@example.org`;
    const answers = await Promise.all(
      Array.from({ length: SIMULTANEOUS }, () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/register',
          remoteAddress: randomAddress(),
          payload: { email, password: 'Mein Weg nach Görlitz 2026', displayName: 'Minh Anh' },
        }),
      ),
    );
    assert.deepEqual(
      answers.map((a) => a.statusCode),
      Array(SIMULTANEOUS).fill(202),
      answers.map((a) => a.body).join('\n'),
    );
    assert.equal(new Set(answers.map((a) => a.body)).size, 1, 'one answer for all');
    // The accounts are stored after the answers: one verification link, and for each request that
    // lost the race the notice a taken address gets.
    await eventually('a mail for each request', async () => (await mailsTo(email)).length === SIMULTANEOUS);
    assert.equal((await accountsWith(email)).length, 1);
  });

  it('the registration form answers all of them with the same page', async () => {
    const email = `race-web-${Date.now()}@example.org`;
    const csrf = await csrfFor(t.app);
    const answers = await Promise.all(
      Array.from({ length: SIMULTANEOUS }, () =>
        t.app.inject({
          method: 'POST',
          url: '/de/registrieren',
          remoteAddress: randomAddress(),
          headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({
            _csrf: csrf.token,
            email,
            displayName: 'Minh Anh',
            password: 'Mein Weg nach Görlitz 2026',
          }).toString(),
        }),
      ),
    );
    assert.deepEqual(
      answers.map((a) => a.statusCode),
      Array(SIMULTANEOUS).fill(200),
    );
    await eventually('a mail for each request', async () => (await mailsTo(email)).length === SIMULTANEOUS);
    assert.equal((await accountsWith(email)).length, 1);
  });

  it('accounts created at the same moment by administrators or the CLI: one is made, the others are told the address is taken', async () => {
    const email = `created-${Date.now()}@example.org`;
    const results = await Promise.allSettled(
      Array.from({ length: SIMULTANEOUS }, () =>
        createUser(
          t.database.db,
          { email, password: 'Mein Weg nach Görlitz 2026', role: 'applicant', verified: true },
          new Date(),
        ),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    for (const r of results) {
      if (r.status === 'rejected') {
        assert.ok(r.reason instanceof AccountError, String(r.reason));
        assert.equal(r.reason.reason, 'email-taken');
      }
    }
    assert.equal((await accountsWith(email)).length, 1);
  });
});
