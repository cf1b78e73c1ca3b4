import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { desc, eq, sql } from 'drizzle-orm';
import { buildTestApp, cookieHeader, csrfFor, type TestApp } from '../../../../test/support/app.ts';
import { eventually } from '../../../../test/support/eventually.ts';
import {
  makeAccount,
  makeOrganisation,
  randomAddress,
  signInApi,
  type TestAccount,
} from '../../../../test/support/identity.ts';
import { THROTTLE } from '../../../domain/access/passwords.ts';
import { auditEntry } from '../../../platform/audit/schema.ts';
import { outboxMail } from '../../../platform/mail/schema.ts';
import { person } from '../../people/schema.ts';
import { currentTotp, sha256 } from '../credentials.ts';
import { authToken, signInThrottle } from '../schema.ts';

const login = (t: TestApp, email: string, password: string, address = randomAddress()) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: address,
    payload: { email, password },
  });

async function latestMailTo(t: TestApp, to: string) {
  const [mail] = await t.database.db
    .select()
    .from(outboxMail)
    .where(eq(outboxMail.toAddress, to))
    .orderBy(desc(outboxMail.createdAt))
    .limit(1);
  return mail;
}

const tokenIn = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';

describe('CSRF with sessions', () => {
  let t: TestApp;
  let applicant: TestAccount;
  before(async () => {
    t = await buildTestApp();
    applicant = await makeAccount(t.database.db, 'applicant');
  });
  after(() => t.close());

  it('refuses a state change without a token and leaves the session alive', async () => {
    const { cookie } = await signInApi(t.app, applicant);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    assert.equal(res.statusCode, 403);
    assert.equal((res.json() as { code: string }).code, 'csrf-failed');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    assert.equal(me.statusCode, 200);
  });

  it('refuses a token that belongs to another browser', async () => {
    const mine = await signInApi(t.app, applicant);
    const other = await csrfFor(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: mine.cookie, 'x-csrf-token': other.token },
    });
    assert.equal(res.statusCode, 403);
  });

  it('refuses a request with a valid token from a foreign origin', async () => {
    const { cookie, csrfToken } = await signInApi(t.app, applicant);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, 'x-csrf-token': csrfToken, origin: 'https://evil.example' },
    });
    assert.equal(res.statusCode, 403);
  });

  it('binds the CSRF secret to the session: a token and secret from before sign-in no longer work', async () => {
    const before = await csrfFor(t.app);
    const signedIn = await signInApi(t.app, applicant);
    const sessionOnly = signedIn.cookie
      .split('; ')
      .filter((c) => c.startsWith('session='))
      .join('');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: `${sessionOnly}; ${before.cookie}`, 'x-csrf-token': before.token },
    });
    assert.equal(res.statusCode, 403);
  });

  it('refuses a sign-in form posted without a token (login CSRF)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/de/anmelden',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ email: applicant.email, password: applicant.password }).toString(),
    });
    assert.equal(res.statusCode, 403);
    assert.equal(
      res.cookies.find((c) => c.name === 'session'),
      undefined,
    );
  });
});

describe('throttling, lockout and enumeration', () => {
  let t: TestApp;
  let victim: TestAccount;
  before(async () => {
    t = await buildTestApp();
    victim = await makeAccount(t.database.db, 'applicant');
  });
  after(() => t.close());

  it('makes an account wait after a few failures, whatever address the attempts come from', async () => {
    const acc = await makeAccount(t.database.db, 'applicant');
    for (let i = 0; i < THROTTLE.freeFailures; i++) {
      assert.equal((await login(t, acc.email, 'wrong password number x')).statusCode, 401);
    }
    const res = await login(t, acc.email, acc.password);
    assert.equal(res.statusCode, 429);
    assert.ok(Number(res.headers['retry-after']) >= 1);
  });

  it('makes a source address wait after too many failures across accounts', async () => {
    const address = '10.99.99.99';
    await t.database.db.insert(signInThrottle).values({
      key: `address:${sha256(address)}`,
      failures: THROTTLE.addressMaxFailures,
      windowStart: new Date(),
      lastFailureAt: new Date(),
    });
    const res = await login(t, victim.email, victim.password, address);
    assert.equal(res.statusCode, 429);
    assert.equal((await login(t, victim.email, victim.password)).statusCode, 200);
  });

  it('locks an account before 100 failures; only the link mailed to its owner unlocks it, once', async () => {
    const acc = await makeAccount(t.database.db, 'applicant');
    const key = `account:${sha256(acc.email)}`;
    await t.database.db.insert(signInThrottle).values({
      key,
      failures: THROTTLE.lockAfterFailures - 1,
      windowStart: new Date(0),
      lastFailureAt: new Date(0),
    });
    assert.equal((await login(t, acc.email, 'yet another wrong one')).statusCode, 401);
    const locked = await login(t, acc.email, acc.password);
    assert.equal(locked.statusCode, 429);
    assert.match((locked.json() as { detail: string }).detail, /unlock/);
    const mail = await latestMailTo(t, acc.email);
    assert.ok(mail);
    const token = tokenIn(mail.text);
    const unlock = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/unlock',
        remoteAddress: randomAddress(),
        payload: { token },
      });
    assert.equal((await unlock()).statusCode, 204);
    assert.equal((await unlock()).statusCode, 404);
    assert.equal((await login(t, acc.email, acc.password)).statusCode, 200);
  });

  it('locks unknown accounts the same way, so a lock reveals nothing', async () => {
    const email = 'nobody-at-all@example.org';
    await t.database.db.insert(signInThrottle).values({
      key: `account:${sha256(email)}`,
      failures: THROTTLE.lockAfterFailures,
      locked: true,
    });
    const known = await makeAccount(t.database.db, 'applicant');
    await t.database.db.insert(signInThrottle).values({
      key: `account:${sha256(known.email)}`,
      failures: THROTTLE.lockAfterFailures,
      locked: true,
    });
    const a = await login(t, email, 'whatever password');
    const b = await login(t, known.email, 'whatever password');
    assert.equal(a.statusCode, b.statusCode);
    assert.equal((a.json() as { detail: string }).detail, (b.json() as { detail: string }).detail);
  });

  it('takes similar time for unknown accounts and wrong passwords', async () => {
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
    const time = async (email: string) => {
      const started = performance.now();
      await login(t, email, 'definitely not it');
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    // fresh accounts so that throttling does not shorten the known case; made before timing starts
    const accounts = [];
    for (let i = 0; i < 7; i++) accounts.push(await makeAccount(t.database.db, 'applicant'));
    await time('warm-up@example.org');
    for (const [i, acc] of accounts.entries()) {
      known.push(await time(acc.email));
      unknown.push(await time(`unknown-${i}@example.org`));
    }
    const [k, u] = [median(known), median(unknown)];
    // Both verify one argon2id hash; allow for noise on a shared machine.
    assert.ok(Math.abs(k - u) < Math.max(40, 0.5 * Math.max(k, u)), `known ${k} ms, unknown ${u} ms`);
  });
});

describe('password reset', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  const request = (email: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      remoteAddress: randomAddress(),
      payload: { email },
    });
  const confirm = (token: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      remoteAddress: randomAddress(),
      payload: { token, password },
    });

  const resetRequests = async () =>
    (
      await t.database.db
        .select({ seq: auditEntry.seq })
        .from(auditEntry)
        .where(eq(auditEntry.action, 'password-reset-request'))
    ).length;

  it('answers the same for known and unknown addresses and mails only existing accounts', async () => {
    const acc = await makeAccount(t.database.db, 'applicant');
    const a = await request(acc.email);
    const b = await request('no-such-person@example.org');
    assert.equal(a.statusCode, 202);
    assert.equal(b.statusCode, 202);
    assert.deepEqual(a.json(), b.json());
    // The work happens after the answer: wait until both requests are audited.
    await eventually('both requests audited', async () => (await resetRequests()) >= 2 || undefined);
    assert.ok(await latestMailTo(t, acc.email));
    assert.equal(await latestMailTo(t, 'no-such-person@example.org'), undefined);
    const results = await t.database.db
      .select({ result: auditEntry.result, subject: auditEntry.subjectPersonId })
      .from(auditEntry)
      .where(eq(auditEntry.action, 'password-reset-request'))
      .orderBy(desc(auditEntry.result));
    assert.deepEqual(results, [
      { result: 'success', subject: acc.personId },
      { result: 'failure', subject: null },
    ]);
  });

  it('sets a new password once per token, ends all sessions, and refuses the token a second time', async () => {
    const acc = await makeAccount(t.database.db, 'applicant');
    const session = await signInApi(t.app, acc);
    await request(acc.email);
    const token = tokenIn((await eventually('the reset mail', () => latestMailTo(t, acc.email))).text);
    assert.equal((await confirm(token, 'password123')).statusCode, 400, 'a common password is refused');
    assert.equal((await confirm(token, 'a brand new passphrase for me')).statusCode, 204);
    assert.equal((await confirm(token, 'another brand new passphrase')).statusCode, 404);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } });
    assert.equal(me.statusCode, 401);
    assert.equal((await login(t, acc.email, acc.password)).statusCode, 401);
    assert.equal((await login(t, acc.email, 'a brand new passphrase for me')).statusCode, 200);
  });

  it('refuses an expired reset token', async () => {
    const acc = await makeAccount(t.database.db, 'applicant');
    await request(acc.email);
    const token = tokenIn((await eventually('the reset mail', () => latestMailTo(t, acc.email))).text);
    await t.database.db
      .update(authToken)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(authToken.tokenHash, sha256(token)));
    assert.equal((await confirm(token, 'a brand new passphrase for me')).statusCode, 404);
  });

  it('shows the reset form from the mailed link without acting on GET, and works without JavaScript', async () => {
    const acc = await makeAccount(t.database.db, 'applicant');
    await request(acc.email);
    const token = tokenIn((await eventually('the reset mail', () => latestMailTo(t, acc.email))).text);
    const form = await t.app.inject({ method: 'GET', url: `/de/passwort-neu?token=${token}` });
    assert.equal(form.statusCode, 200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const res = await t.app.inject({
      method: 'POST',
      url: '/de/passwort-neu',
      remoteAddress: randomAddress(),
      headers: { cookie: cookieHeader(form), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, token, password: 'ein ganz neuer langer Satz' }).toString(),
    });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Ihr Passwort wurde geändert/);
  });
});

describe('second factor', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  it('requires a TOTP code for authority roles and refuses a replayed code', async () => {
    await makeOrganisation(t.database.db, {
      slug: 'mission-test',
      name: 'Botschaft Test',
      kind: 'mission',
      jurisdictions: [{ scope: 'country', countryCode: 'VN' }],
    });
    const officer = await makeAccount(t.database.db, 'mission-officer', 'mission-test', { withTotp: true });
    const without = await login(t, officer.email, officer.password);
    assert.equal(without.statusCode, 401);
    assert.equal((without.json() as { errors: { field: string }[] }).errors[0]?.field, 'body.totp');
    const code = currentTotp(officer.totpSecret ?? '', new Date());
    const payload = { email: officer.email, password: officer.password, totp: code };
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: randomAddress(),
      payload,
    });
    assert.equal(first.statusCode, 200);
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: randomAddress(),
      payload,
    });
    assert.equal(replay.statusCode, 401);
  });

  it('walks an authority user without TOTP through enrolment on the web, then shows recovery codes once', async () => {
    await makeOrganisation(t.database.db, {
      slug: 'ministry-test',
      name: 'Ministerium Test',
      kind: 'state-ministry',
      jurisdictions: [{ scope: 'state', stateCode: 'TH' }],
    });
    const officer = await makeAccount(t.database.db, 'ministry-officer', 'ministry-test');
    const start = await csrfFor(t.app);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/en/sign-in',
      remoteAddress: randomAddress(),
      headers: { cookie: start.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: start.token,
        email: officer.email,
        password: officer.password,
      }).toString(),
    });
    assert.equal(signIn.statusCode, 303);
    assert.equal(signIn.headers.location, '/en/sign-in/second-factor');
    const pendingCookie = cookieHeader(signIn);
    // A session waiting for its second factor is not signed in.
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: pendingCookie } });
    assert.equal(me.statusCode, 401);
    const page = await t.app.inject({
      method: 'GET',
      url: '/en/sign-in/second-factor',
      headers: { cookie: pendingCookie },
    });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /otpauth:\/\/totp\//);
    const [row] = await t.database.db.select().from(person).where(eq(person.id, officer.personId));
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const done = await t.app.inject({
      method: 'POST',
      url: '/en/sign-in/second-factor',
      remoteAddress: randomAddress(),
      headers: { cookie: pendingCookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: csrf,
        code: currentTotp(row?.totpSecret ?? '', new Date()),
      }).toString(),
    });
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /recovery codes/);
    const newSession = done.cookies.find((c) => c.name === 'session')?.value;
    assert.ok(newSession);
    assert.notEqual(newSession, signIn.cookies.find((c) => c.name === 'session')?.value);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `session=${newSession}` },
    });
    assert.equal(after.statusCode, 200);
    assert.equal((after.json() as { secondFactor: boolean }).secondFactor, true);
  });
});
