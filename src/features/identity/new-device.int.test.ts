import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, like } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, randomAddress } from '../../../test/support/identity.ts';
import { outboxMail } from '../../platform/mail/schema.ts';

describe('mail to the owner on a sign-in from a new browser', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  it('stays quiet on the first sign-in and on known browsers, and tells the owner about a new one', async () => {
    const a = await makeAccount(t.database.db, 'applicant');
    const signIn = async (userAgent: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: randomAddress(),
        headers: { 'user-agent': userAgent },
        payload: { email: a.email, password: a.password },
      });
      assert.equal(res.statusCode, 200);
    };
    const notices = () =>
      t.database.db
        .select()
        .from(outboxMail)
        .where(and(eq(outboxMail.toAddress, a.email), like(outboxMail.subject, 'Neue Anmeldung%')));
    await signIn('Browser A');
    await signIn('Browser A');
    assert.equal((await notices()).length, 0);
    await signIn('Browser B\nBcc: evil@example.org');
    const [mail, ...rest] = await notices();
    assert.equal(rest.length, 0);
    assert.match(mail?.text ?? '', /Browser: Browser B Bcc: evil@example\.org/);
    await signIn('Browser B\nBcc: evil@example.org');
    assert.equal((await notices()).length, 1);
  });
});
