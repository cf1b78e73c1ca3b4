import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { makeAccount, signInApi, type TestAccount } from '../../../../test/support/identity.ts';

describe('sign-in through the JSON API', () => {
  let t: TestApp;
  let applicant: TestAccount;
  before(async () => {
    t = await buildTestApp();
    applicant = await makeAccount(t.database.db, 'applicant');
  });
  after(() => t.close());

  it('sets a session cookie, returns the CSRF token, and /api/v1/me shows the person and roles', async () => {
    const { cookie, csrfToken, response } = await signInApi(t.app, applicant);
    assert.ok(csrfToken.length > 10);
    const sessionCookie = response.cookies.find((c) => c.name === 'session');
    assert.ok(sessionCookie);
    assert.equal(sessionCookie.httpOnly, true);
    assert.equal(sessionCookie.sameSite, 'Lax');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    assert.equal(me.statusCode, 200);
    const body = me.json() as { email: string; roles: { role: string }[] };
    assert.equal(body.email, applicant.email);
    assert.deepEqual(
      body.roles.map((r) => r.role),
      ['applicant'],
    );
    assert.equal(me.headers['cache-control'], 'no-store');
  });

  it('answers a wrong password and an unknown account with the same 401 problem', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: applicant.email, password: 'not the password at all' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody-here@example.org', password: 'not the password at all' },
    });
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.match(String(wrong.headers['content-type']), /application\/problem\+json/);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    assert.deepEqual(strip(wrong.json()), strip(unknown.json()));
  });

  it('refuses /api/v1/me without a session with 401', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    assert.equal(res.statusCode, 401);
  });
});
