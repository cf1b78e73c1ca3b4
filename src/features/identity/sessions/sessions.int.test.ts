import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { buildTestApp, cookieHeader, csrfFor, type TestApp } from '../../../../test/support/app.ts';
import {
  makeAccount,
  makeOrganisation,
  signInApi,
  type TestAccount,
} from '../../../../test/support/identity.ts';
import { revokeRole } from '../accounts/service.ts';
import { randomToken, sha256 } from '../credentials.ts';
import { session } from '../schema.ts';

const me = (t: TestApp, cookie: string) =>
  t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });

function cookieValue(header: string, name: string): string | undefined {
  return header
    .split('; ')
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

describe('sessions', () => {
  let t: TestApp;
  let applicant: TestAccount;
  let caseworker: TestAccount;
  before(async () => {
    t = await buildTestApp();
    applicant = await makeAccount(t.database.db, 'applicant');
    await makeOrganisation(t.database.db, {
      slug: 'abh-test',
      name: 'Ausländerbehörde Test',
      kind: 'foreigners-office',
      jurisdictions: [{ scope: 'district', ags: '14626' }],
    });
    caseworker = await makeAccount(t.database.db, 'foreigners-office-caseworker', 'abh-test', {
      withTotp: true,
    });
  });
  after(() => t.close());

  it('issues a new session id at sign-in and ends the session the browser came with (no fixation)', async () => {
    const first = await signInApi(t.app, applicant);
    const oldId = cookieValue(first.cookie, 'session');
    assert.ok(oldId);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: first.cookie, 'x-csrf-token': first.csrfToken },
      payload: { email: applicant.email, password: applicant.password },
    });
    assert.equal(res.statusCode, 200);
    const newId = res.cookies.find((c) => c.name === 'session')?.value;
    assert.ok(newId);
    assert.notEqual(newId, oldId);
    assert.equal((await me(t, `session=${oldId}`)).statusCode, 401);
    assert.equal((await me(t, `session=${newId}`)).statusCode, 200);
  });

  it('keeps a signed-in session fully usable after a failed sign-in attempt in the same browser', async () => {
    const s = await signInApi(t.app, applicant);
    const failed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
      payload: { email: applicant.email, password: 'not the right one' },
    });
    assert.equal(failed.statusCode, 401);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
    });
    assert.equal(out.statusCode, 204);
  });

  it('ignores a session id planted by an attacker and stores only hashes of ids', async () => {
    const planted = randomToken();
    assert.equal((await me(t, `session=${planted}`)).statusCode, 401);
    const { cookie } = await signInApi(t.app, applicant);
    const id = cookieValue(cookie, 'session') ?? '';
    const rows = await t.database.db
      .select()
      .from(session)
      .where(eq(session.idHash, sha256(id)));
    assert.equal(rows.length, 1);
    const raw = await t.database.db.select().from(session).where(eq(session.idHash, id));
    assert.equal(raw.length, 0);
  });

  it('generates session ids with at least 128 bits from the CSPRNG, never twice', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => randomToken()));
    assert.equal(ids.size, 10_000);
    for (const id of [...ids].slice(0, 10)) assert.ok(Buffer.from(id, 'base64url').length >= 16);
  });

  it('ends the session on the server at sign-out: replaying the old cookie fails', async () => {
    const { cookie, csrfToken } = await signInApi(t.app, applicant);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    assert.equal(out.statusCode, 204);
    assert.equal((await me(t, cookie)).statusCode, 401);
  });

  it('signs out everywhere: every session of the person ends', async () => {
    const a = await signInApi(t.app, applicant);
    const b = await signInApi(t.app, applicant);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout-everywhere',
      headers: { cookie: a.cookie, 'x-csrf-token': a.csrfToken },
    });
    assert.equal(out.statusCode, 204);
    assert.equal((await me(t, a.cookie)).statusCode, 401);
    assert.equal((await me(t, b.cookie)).statusCode, 401);
  });

  it('lists the sessions and ends another one from the list', async () => {
    const a = await signInApi(t.app, applicant);
    const b = await signInApi(t.app, applicant);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/sessions',
      headers: { cookie: a.cookie },
    });
    const sessions = (list.json() as { sessions: { id: string; current: boolean }[] }).sessions;
    const other = sessions.find((s) => s.id === sha256(cookieValue(b.cookie, 'session') ?? ''));
    assert.ok(other);
    assert.equal(sessions.filter((s) => s.current).length, 1);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${other.id}`,
      headers: { cookie: a.cookie, 'x-csrf-token': a.csrfToken },
    });
    assert.equal(del.statusCode, 204);
    assert.equal((await me(t, b.cookie)).statusCode, 401);
    assert.equal((await me(t, a.cookie)).statusCode, 200);
    const page = await t.app.inject({
      method: 'GET',
      url: '/en/account/sessions',
      headers: { cookie: a.cookie },
    });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /This session/);
  });

  it('ends an applicant session after 30 idle minutes and an authority session after 15', async () => {
    const a = await signInApi(t.app, applicant);
    const c = await signInApi(t.app, caseworker);
    const back = async (cookie: string, minutes: number) => {
      const id = sha256(cookieValue(cookie, 'session') ?? '');
      await t.database.db
        .update(session)
        .set({ lastSeenAt: sql`now() - make_interval(mins => ${minutes})` })
        .where(eq(session.idHash, id));
    };
    await back(a.cookie, 16);
    await back(c.cookie, 16);
    assert.equal((await me(t, a.cookie)).statusCode, 200);
    assert.equal((await me(t, c.cookie)).statusCode, 401);
    await back(a.cookie, 31);
    assert.equal((await me(t, a.cookie)).statusCode, 401);
  });

  it('ends a session at its absolute limit even while it is in use', async () => {
    const a = await signInApi(t.app, applicant);
    const id = sha256(cookieValue(a.cookie, 'session') ?? '');
    await t.database.db
      .update(session)
      .set({ createdAt: sql`now() - interval '12 hours'` })
      .where(eq(session.idHash, id));
    assert.equal((await me(t, a.cookie)).statusCode, 401);
  });

  it('makes a revoked role effective on the very next request', async () => {
    const c = await signInApi(t.app, caseworker, new Date(Date.now() + 30_000));
    assert.equal((await me(t, c.cookie)).statusCode, 200);
    await revokeRole(t.database.db, caseworker.personId, 'foreigners-office-caseworker', new Date(), null);
    assert.equal((await me(t, c.cookie)).statusCode, 401);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, with __Host- and Secure behind TLS', async () => {
    const tls = await buildTestApp({ PUBLIC_URL: 'https://chancenregion.example' });
    try {
      const acc = await makeAccount(tls.database.db, 'applicant');
      const res = await tls.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: acc.email, password: acc.password },
      });
      const c = res.cookies.find((x) => x.name === '__Host-session');
      assert.ok(c);
      assert.equal(c.secure, true);
      assert.equal(c.httpOnly, true);
      assert.equal(c.path, '/');
      assert.equal(c.sameSite, 'Lax');
    } finally {
      await tls.close();
    }
  });

  it('signs in through the web form without JavaScript and lands on the account page', async () => {
    const { token, cookie } = await csrfFor(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/de/anmelden',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: token,
        email: applicant.email,
        password: applicant.password,
      }).toString(),
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/de/konto');
    const merged = `${cookie}; ${cookieHeader(res)}`;
    const account = await t.app.inject({ method: 'GET', url: '/de/konto', headers: { cookie: merged } });
    assert.equal(account.statusCode, 200);
    assert.match(account.body, /Mein Konto/);
    assert.match(account.body, new RegExp(applicant.email.replace(/[.]/g, '\\.')));
  });

  it('sends anonymous visitors of account pages to the sign-in page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/en/account/access-log' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/en/sign-in?next=%2Fen%2Faccount%2Faccess-log');
  });

  it('re-renders the sign-in form with 422 and an error summary when fields are empty', async () => {
    const { token, cookie } = await csrfFor(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/en/sign-in',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token, email: '', password: '' }).toString(),
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /error-summary/);
    assert.match(res.body, /Enter your email address/);
  });
});

describe('changing the password', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  it('needs the current password, ends the other sessions and continues this one under a new id', async () => {
    const acc = await makeAccount(t.database.db, 'applicant');
    const here = await signInApi(t.app, acc);
    const elsewhere = await signInApi(t.app, acc);
    const change = (currentPassword: string, csrf: string, cookie: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/me/password',
        headers: { cookie, 'x-csrf-token': csrf },
        payload: { currentPassword, newPassword: 'ein neuer Satz für mein Konto' },
      });
    const wrong = await change('not my password', here.csrfToken, here.cookie);
    assert.equal(wrong.statusCode, 401);
    const ok = await change(acc.password, here.csrfToken, here.cookie);
    assert.equal(ok.statusCode, 200);
    const newId = ok.cookies.find((c) => c.name === 'session')?.value;
    assert.ok(newId && newId !== cookieValue(here.cookie, 'session'));
    assert.equal((await me(t, here.cookie)).statusCode, 401);
    assert.equal((await me(t, elsewhere.cookie)).statusCode, 401);
    assert.equal((await me(t, `session=${newId}`)).statusCode, 200);
  });
});
