import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import { buildTestApp, csrfFor, type TestApp } from '../../../../test/support/app.ts';
import { eventually } from '../../../../test/support/eventually.ts';
import {
  makeAccount,
  randomAddress,
  sessionFor,
  signInApi,
  TEST_PASSWORD,
} from '../../../../test/support/identity.ts';
import { auditEntry } from '../../../platform/audit/schema.ts';
import { outboxMail } from '../../../platform/mail/schema.ts';
import { person } from '../../people/schema.ts';
import { authToken } from '../schema.ts';

const tokenIn = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';

describe('change of the mail address with re-verification', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  const mailsTo = (to: string) =>
    t.database.db
      .select()
      .from(outboxMail)
      .where(eq(outboxMail.toAddress, to))
      .orderBy(desc(outboxMail.createdAt));
  const post = (cookie: string, url: string, fields: Record<string, string>, csrf: string) =>
    t.app.inject({
      method: 'POST',
      url,
      remoteAddress: randomAddress(),
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
    });
  /** The confirmation as a browser without a session would send it. */
  const confirm = async (token: string, newEmail: string) => {
    const { token: csrf, cookie } = await csrfFor(t.app);
    return post(cookie, '/de/konto/neue-email-bestaetigen', { token, newEmail }, csrf);
  };

  it('asks for the current password and a valid, different address (422 with the error summary)', async () => {
    const a = await makeAccount(t.database.db, 'applicant');
    const s = await sessionFor(t.app, t.database.db, a.personId, 'applicant');
    const page = await t.app.inject({ method: 'GET', url: '/de/konto/email', headers: { cookie: s.cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(a.email.replace(/[.+]/g, '\\$&')));
    const wrong = await post(
      s.cookie,
      '/de/konto/email',
      { newEmail: 'neu@example.org', currentPassword: 'not the password' },
      s.csrfToken,
    );
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /href="#field-currentPassword"/);
    const bad = await post(
      s.cookie,
      '/en/account/email',
      { newEmail: 'nope', currentPassword: '' },
      s.csrfToken,
    );
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /href="#field-newEmail"/);
    assert.match(bad.body, /href="#field-currentPassword"/);
    const same = await post(
      s.cookie,
      '/en/account/email',
      { newEmail: a.email.toUpperCase(), currentPassword: TEST_PASSWORD },
      s.csrfToken,
    );
    assert.equal(same.statusCode, 422);
    assert.equal((await mailsTo('neu@example.org')).length, 0);
  });

  it('changes the address after confirmation from the new mailbox; sessions end, old links lapse, the old address is told', async () => {
    const a = await makeAccount(t.database.db, 'applicant');
    const browser = await signInApi(t.app, a);
    const s = await sessionFor(t.app, t.database.db, a.personId, 'applicant');
    // A reset link to the old address, issued before the change, must not survive it.
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      remoteAddress: randomAddress(),
      payload: { email: a.email },
    });
    await eventually('the reset mail', async () => (await mailsTo(a.email)).length === 1);
    const newEmail = `neu-${Date.now()}@example.org`;
    const res = await post(
      s.cookie,
      '/de/konto/email',
      { newEmail, currentPassword: TEST_PASSWORD },
      s.csrfToken,
    );
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/de/konto/email?done=sent');
    const [link] = await mailsTo(newEmail);
    assert.ok(link);
    assert.match(link.text, /\/de\/konto\/neue-email-bestaetigen\?token=/);
    assert.ok(!link.text.includes(encodeURIComponent(newEmail)), 'the address is not in the link');
    const token = tokenIn(link.text);
    assert.match((await mailsTo(a.email))[0]?.subject ?? '', /Änderung Ihrer E-Mail-Adresse/);
    // Nothing changes before the confirmation; the confirmation needs the right address.
    assert.equal(
      (await t.database.db.select().from(person).where(eq(person.id, a.personId)))[0]?.email,
      a.email,
    );
    const page = await t.app.inject({
      method: 'GET',
      url: `/de/konto/neue-email-bestaetigen?token=${token}`,
    });
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, new RegExp(newEmail.replace(/[.+]/g, '\\$&')));
    assert.equal((await confirm(token, 'someone-else@example.org')).statusCode, 404);
    const done = await confirm(token, newEmail);
    assert.equal(done.statusCode, 200, done.body);
    assert.match(done.body, /Ihre E-Mail-Adresse wurde geändert/);
    const [row] = await t.database.db.select().from(person).where(eq(person.id, a.personId));
    assert.equal(row?.email, newEmail);
    assert.ok(row?.emailVerifiedAt);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: browser.cookie } });
    assert.equal(me.statusCode, 401, 'sessions ended');
    const open = await t.database.db
      .select()
      .from(authToken)
      .where(and(eq(authToken.personId, a.personId)));
    assert.ok(
      open.every((tk) => tk.usedAt !== null),
      'no mailed token survives the change',
    );
    assert.match((await mailsTo(a.email))[0]?.subject ?? '', /wurde geändert/);
    assert.equal((await confirm(token, newEmail)).statusCode, 404, 'single use');
    const [entry] = await t.database.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.subjectPersonId, a.personId), eq(auditEntry.action, 'change-email')));
    assert.ok(entry);
    // The new address signs in.
    await signInApi(t.app, { ...a, email: newEmail });
  });

  it('answers the same for an address that already has an account, and sends it a notice instead of a link', async () => {
    const a = await makeAccount(t.database.db, 'applicant');
    const other = await makeAccount(t.database.db, 'applicant');
    const s = await sessionFor(t.app, t.database.db, a.personId, 'applicant');
    const res = await post(
      s.cookie,
      '/en/account/email',
      { newEmail: other.email, currentPassword: TEST_PASSWORD },
      s.csrfToken,
    );
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/en/account/email?done=sent');
    const [notice] = await mailsTo(other.email);
    assert.ok(notice);
    assert.equal(tokenIn(notice.text), '');
    const [row] = await t.database.db.select().from(person).where(eq(person.id, a.personId));
    assert.equal(row?.email, a.email);
  });
});
