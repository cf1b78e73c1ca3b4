import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { eventually } from '../../../../test/support/eventually.ts';
import {
  makeAccount,
  makeOrganisation,
  randomAddress,
  sessionFor,
  signInApi,
} from '../../../../test/support/identity.ts';
import { outboxMail } from '../../../platform/mail/schema.ts';
import { applicantProfile, person } from '../../people/schema.ts';

const tokenIn = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';

describe('registration, invitations and erasure', () => {
  let t: TestApp;
  let employerId: string;
  before(async () => {
    t = await buildTestApp();
    employerId = await makeOrganisation(t.database.db, {
      slug: 'employer-admin-test',
      name: 'Bäckerei Sonnenschein',
      kind: 'employer',
      jurisdictions: [],
    });
    await makeOrganisation(t.database.db, {
      slug: 'op-test',
      name: 'Betrieb',
      kind: 'operator',
      jurisdictions: [],
    });
  });
  after(() => t.close());

  const mailTo = async (to: string) =>
    (
      await t.database.db
        .select()
        .from(outboxMail)
        .where(eq(outboxMail.toAddress, to))
        .orderBy(desc(outboxMail.createdAt))
    )[0];

  it('registers an applicant with a verification link, and answers the same for a taken address', async () => {
    const register = (email: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        remoteAddress: randomAddress(),
        payload: { email, password: 'Mein Weg nach Görlitz 2026', displayName: 'Minh Anh' },
      });
    const first = await register('minh.anh@example.org');
    const again = await register('minh.anh@example.org');
    assert.equal(first.statusCode, 202);
    assert.deepEqual(first.json(), again.json());
    // The account is stored after the answer: wait for the verification link and the notice.
    const mails = () =>
      t.database.db
        .select()
        .from(outboxMail)
        .where(eq(outboxMail.toAddress, 'minh.anh@example.org'))
        .orderBy(outboxMail.createdAt);
    const [verify] = await eventually('both mails', async () =>
      (await mails()).length === 2 ? mails() : undefined,
    );
    const token = tokenIn(verify?.text ?? '');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/verify-email',
      remoteAddress: randomAddress(),
      payload: { token },
    });
    assert.equal(ok.statusCode, 204);
    const [row] = await t.database.db.select().from(person).where(eq(person.email, 'minh.anh@example.org'));
    assert.ok(row?.emailVerifiedAt);
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      remoteAddress: randomAddress(),
      payload: { email: 'other@example.org', password: 'qwertz123', displayName: 'X' },
    });
    assert.equal(weak.statusCode, 400);
  });

  it('lets an employer administrator invite a colleague, who sets their own password from the mail', async () => {
    const admin = await makeAccount(t.database.db, 'employer-admin', 'employer-admin-test');
    const s = await signInApi(t.app, admin);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/organisations/${employerId}/roles`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
      payload: { email: 'new.colleague@example.org', role: 'employer-member' },
    });
    assert.equal(res.statusCode, 201);
    assert.equal((res.json() as { invited: boolean }).invited, true);
    const wrongRole = await t.app.inject({
      method: 'POST',
      url: `/api/v1/organisations/${employerId}/roles`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
      payload: { email: 'x@example.org', role: 'mission-officer' },
    });
    assert.equal(wrongRole.statusCode, 400);
    const token = tokenIn((await mailTo('new.colleague@example.org'))?.text ?? '');
    const set = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      remoteAddress: randomAddress(),
      payload: { token, password: 'frische Brötchen jeden Morgen' },
    });
    assert.equal(set.statusCode, 204);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: randomAddress(),
      payload: { email: 'new.colleague@example.org', password: 'frische Brötchen jeden Morgen' },
    });
    assert.equal(login.statusCode, 200);
    const me = login.json() as { person: { roles: { role: string; organisation: { name: string } }[] } };
    assert.deepEqual(
      me.person.roles.map((r) => [r.role, r.organisation.name]),
      [['employer-member', 'Bäckerei Sonnenschein']],
    );
  });

  it('erases an account on an administrator’s decision, keeping the audit trail, and ends its sessions', async () => {
    const applicant = await makeAccount(t.database.db, 'applicant');
    await t.database.db.insert(applicantProfile).values({ personId: applicant.personId, countryCode: 'EG' });
    const s = await signInApi(t.app, applicant);
    const ask = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/erasure-request',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
      payload: { reason: 'I found work elsewhere' },
    });
    assert.equal(ask.statusCode, 202);
    const body = ask.json() as { id: string; retained: { what: string }[] };
    assert.ok(body.retained.some((r) => r.what === 'audit-trail'));
    const admin = await makeAccount(t.database.db, 'administrator', 'op-test');
    const a = await sessionFor(t.app, t.database.db, admin.personId, 'administrator');
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/erasure-requests',
      headers: { cookie: a.cookie },
    });
    assert.ok((list.json() as { requests: { id: string }[] }).requests.some((r) => r.id === body.id));
    const handle = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/erasure-requests/${body.id}`,
      headers: { cookie: a.cookie, 'x-csrf-token': a.csrfToken },
      payload: { outcome: 'erased' },
    });
    assert.equal(handle.statusCode, 204);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } });
    assert.equal(me.statusCode, 401);
    const [row] = await t.database.db.select().from(person).where(eq(person.id, applicant.personId));
    assert.match(row?.email ?? '', /@erased\.invalid$/);
    assert.equal(row?.passwordHash, null);
    assert.equal(
      (
        await t.database.db
          .select()
          .from(applicantProfile)
          .where(eq(applicantProfile.personId, applicant.personId))
      ).length,
      0,
    );
  });

  it('refuses organisations whose jurisdiction is not in the reference data', async () => {
    const admin = await makeAccount(t.database.db, 'administrator', 'op-test');
    const a = await sessionFor(t.app, t.database.db, admin.personId, 'administrator');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/organisations',
      headers: { cookie: a.cookie, 'x-csrf-token': a.csrfToken },
      payload: {
        slug: 'abh-nowhere',
        name: 'Nowhere',
        kind: 'foreigners-office',
        jurisdictions: [{ scope: 'district', ags: '99999' }],
      },
    });
    assert.equal(res.statusCode, 400);
  });

  it('lets an employer administrator manage the members of their own organisation only, in the web interface', async () => {
    const other = await makeOrganisation(t.database.db, {
      slug: 'other-employer-web',
      name: 'Anderer Betrieb',
      kind: 'employer',
      jurisdictions: [],
    });
    const admin = await makeAccount(t.database.db, 'employer-admin', 'employer-admin-test');
    const s = await sessionFor(t.app, t.database.db, admin.personId, 'employer-admin');
    const page = await t.app.inject({
      method: 'GET',
      url: '/de/verwaltung/organisationen',
      headers: { cookie: s.cookie },
    });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Bäckerei Sonnenschein/);
    assert.doesNotMatch(page.body, /Anderer Betrieb/);
    const invite = (organisationId: string) =>
      t.app.inject({
        method: 'POST',
        url: '/de/verwaltung/organisationen/einladen',
        headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          _csrf: s.csrfToken,
          organisationId,
          [`email-${organisationId}`]: 'azubi@example.org',
          [`role-${organisationId}`]: 'employer-member',
        }).toString(),
      });
    assert.equal((await invite(other)).statusCode, 404);
    assert.equal((await invite(employerId)).statusCode, 303);
    const after = await t.app.inject({
      method: 'GET',
      url: '/de/verwaltung/organisationen',
      headers: { cookie: s.cookie },
    });
    assert.match(after.body, /azubi@example\.org/);
  });

  it('lets an administrator end all sessions of another person, effective on the next request', async () => {
    const applicant = await makeAccount(t.database.db, 'applicant');
    const victim = await signInApi(t.app, applicant);
    const admin = await makeAccount(t.database.db, 'administrator', 'op-test');
    const a = await sessionFor(t.app, t.database.db, admin.personId, 'administrator');
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/admin/people/${applicant.personId}/sessions`,
      headers: { cookie: a.cookie, 'x-csrf-token': a.csrfToken },
    });
    assert.equal(res.statusCode, 204);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: victim.cookie } });
    assert.equal(me.statusCode, 401);
  });
});
