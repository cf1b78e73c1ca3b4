import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../../test/support/identity.ts';
import { apiClient, type Browser, pageClient, setUpWay } from '../../../../test/support/journey.ts';
import { auditEntry } from '../../../platform/audit/schema.ts';
import { sha256 } from '../credentials.ts';
import { apiToken } from '../schema.ts';

/**
 * API tokens end to end: an administrator creates a token on the pages (shown once, stored hashed), a partner
 * system calls the journey API with it under the declared policy, narrowed to the token's scopes; expired,
 * revoked and unknown tokens get the same 401.
 */
describe('API tokens of organisations', () => {
  let t: TestApp;
  let b: (name: string) => Browser;
  let orgs: Record<string, string>;
  let journeyId: string;
  let pages: ReturnType<typeof pageClient>;
  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

  const bearer = (
    token: string,
    method: 'GET' | 'POST',
    url: string,
    payload?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, ...headers },
      ...(payload ? { payload } : {}),
    });

  /** Creates a token through the form as `who`; returns the page's answer and the token shown on it. */
  const create = async (who: string, org: string, fields: Record<string, string>, scopes: string[]) => {
    const body = new URLSearchParams({ _csrf: b(who).csrfToken, ...fields });
    for (const s of scopes) body.append('scopes', s);
    const res = await t.app.inject({
      method: 'POST',
      url: `/de/verwaltung/organisationen/${org}/api-schluessel/neu`,
      headers: { cookie: b(who).cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    return { res, token: /crt_[A-Za-z0-9_-]{43}/.exec(res.body)?.[0] ?? '' };
  };

  before(async () => {
    t = await buildTestApp();
    const way = await setUpWay(t.app, t.database.db, { makeOrganisation, makeAccount, sessionFor });
    b = way.b;
    orgs = way.orgs;
    orgs['tk-abh-th'] = await makeOrganisation(t.database.db, {
      slug: 'tk-abh-th',
      name: 'Ausländerbehörde Erfurt',
      kind: 'foreigners-office',
      jurisdictions: [{ scope: 'district', ags: '16051' }],
    });
    pages = pageClient(t.app, b);
    const opened = await apiClient(t.app).open(b('applicant'));
    assert.equal(opened.statusCode, 201, opened.body);
    journeyId = (opened.json() as { journeyId: string }).journeyId;
  });
  after(async () => t?.close());

  it('creates a token shown once and stores only its hash; the list shows it without the secret', async () => {
    const { res, token } = await create(
      'admin',
      orgs['jt-abh'] ?? '',
      { name: 'Fachverfahren', expires: inDays(30) },
      ['journeys:read'],
    );
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(token, 'the token is shown');
    assert.equal(res.headers['cache-control'], 'no-store');
    const rows = await t.database.db
      .select()
      .from(apiToken)
      .where(eq(apiToken.tokenHash, sha256(token)));
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.scopes, 'journeys:read');
    assert.equal(rows[0]?.createdBy, b('admin').personId);
    assert.ok(!JSON.stringify(rows[0]).includes(token.slice(4)), 'the secret is not stored');
    const list = await pages.get('admin', `/en/admin/organisations/${orgs['jt-abh']}/api-tokens`);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Fachverfahren/);
    assert.match(list.body, /Read the journeys your organisation works on/);
    assert.ok(!list.body.includes(token), 'never shown again');
    const audit = await t.database.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.objectType, 'api-token'), eq(auditEntry.action, 'create')));
    assert.ok(audit.some((a) => a.purpose === `create API token ${rows[0]?.id}` && a.result === 'success'));
  });

  it('reads a journey of its organisation (200, audited with the token as actor) but not of another office', async () => {
    const { token } = await create('admin', orgs['jt-abh'] ?? '', { name: 'Lesen', expires: inDays(10) }, [
      'journeys:read',
    ]);
    const res = await bearer(token, 'GET', `/api/v1/journeys/${journeyId}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal((res.json() as { id: string }).id, journeyId);
    const [row] = await t.database.db
      .select()
      .from(apiToken)
      .where(eq(apiToken.tokenHash, sha256(token)));
    assert.ok(row?.lastUsedAt, 'last use recorded');
    const entries = await t.database.db
      .select()
      .from(auditEntry)
      .where(eq(auditEntry.actorPersonId, row?.id ?? ''));
    assert.ok(entries.length > 0, 'the read is audited with the token as actor');
    assert.ok(entries.every((e) => e.actorOrganisationId === orgs['jt-abh']));
    assert.ok(entries.some((e) => e.actorRole === 'foreigners-office-caseworker' && e.result === 'success'));

    const other = await create('admin', orgs['tk-abh-th'] ?? '', { name: 'Erfurt', expires: inDays(10) }, [
      'journeys:read',
    ]);
    const foreign = await bearer(other.token, 'GET', `/api/v1/journeys/${journeyId}`);
    assert.equal(foreign.statusCode, 404, 'answered as a caseworker of that office would be');
  });

  it('refuses routes outside its scopes with 403 naming the scope, and routes no scope opens', async () => {
    const { token } = await create(
      'admin',
      orgs['jt-abh'] ?? '',
      { name: 'Nur lesen', expires: inDays(10) },
      ['journeys:read'],
    );
    const write = await bearer(token, 'POST', `/api/v1/journeys/${journeyId}/commands`, {
      type: 'decide',
      step: 'residence-permit',
      outcome: 'positive',
    });
    assert.equal(write.statusCode, 403, write.body);
    assert.match(write.headers['content-type'] ?? '', /problem\+json/);
    assert.match(write.body, /decisions:write/);
    assert.match(String(write.headers['www-authenticate']), /insufficient_scope/);
    const me = await bearer(token, 'GET', '/api/v1/me');
    assert.equal(me.statusCode, 403);
    const [row] = await t.database.db
      .select()
      .from(apiToken)
      .where(eq(apiToken.tokenHash, sha256(token)));
    const denied = await t.database.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.actorPersonId, row?.id ?? ''), eq(auditEntry.result, 'denied')));
    assert.ok(denied.length >= 2, 'scope refusals are audited');
  });

  it('records a decision with decisions:write, without cookies or a CSRF token, in the role of the office', async () => {
    const submitted = await apiClient(t.app).command(b('applicant'), journeyId, {
      type: 'submit',
      step: 'recognition',
    });
    assert.equal(submitted.statusCode, 200, submitted.body);
    const { token } = await create(
      'admin',
      orgs['jt-recognition'] ?? '',
      { name: 'Schreiben', expires: inDays(10) },
      ['journeys:read', 'decisions:write'],
    );
    const res = await bearer(token, 'POST', `/api/v1/journeys/${journeyId}/commands`, {
      type: 'start-review',
      step: 'recognition',
    });
    assert.equal(res.statusCode, 200, res.body);
    const events = await bearer(token, 'GET', `/api/v1/journeys/${journeyId}/events`);
    const list = (
      events.json() as { events: { type: string; actor: { role: string; organisationId: string } }[] }
    ).events;
    const last = list[list.length - 1];
    assert.equal(last?.actor.role, 'recognition-officer');
    assert.equal(last?.actor.organisationId, orgs['jt-recognition']);
    // A stray session cookie is not read with a token, so it needs no CSRF token either.
    const notOwner = await bearer(
      token,
      'POST',
      `/api/v1/journeys/${journeyId}/commands`,
      { type: 'decide', step: 'residence-permit', outcome: 'positive' },
      { cookie: b('abh').cookie },
    );
    assert.ok(
      [403, 404, 409, 422].includes(notOwner.statusCode),
      'the journey core refuses a step of another office',
    );
    assert.ok(!/csrf/i.test(notOwner.body), notOwner.body);
  });

  it('answers 401 invalid_token for expired, revoked and unknown tokens alike', async () => {
    const expired = await create('admin', orgs['jt-abh'] ?? '', { name: 'Alt', expires: inDays(5) }, [
      'journeys:read',
    ]);
    await t.database.db
      .update(apiToken)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiToken.tokenHash, sha256(expired.token)));
    const revoked = await create('admin', orgs['jt-abh'] ?? '', { name: 'Weg', expires: inDays(5) }, [
      'journeys:read',
    ]);
    const [row] = await t.database.db
      .select()
      .from(apiToken)
      .where(eq(apiToken.tokenHash, sha256(revoked.token)));
    const confirm = await pages.get(
      'admin',
      `/de/verwaltung/organisationen/${orgs['jt-abh']}/api-schluessel/${row?.id}/widerrufen`,
    );
    assert.equal(confirm.statusCode, 200);
    const done = await pages.form(
      'admin',
      `/de/verwaltung/organisationen/${orgs['jt-abh']}/api-schluessel/${row?.id}/widerrufen`,
      {},
    );
    assert.equal(done.statusCode, 303, done.body);
    const after = await t.database.db
      .select()
      .from(apiToken)
      .where(eq(apiToken.id, row?.id ?? ''));
    assert.ok(after[0]?.revokedAt);
    assert.equal(after[0]?.revokedBy, b('admin').personId);
    const revokeAudit = await t.database.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.objectType, 'api-token'), eq(auditEntry.action, 'revoke')));
    assert.ok(revokeAudit.some((a) => a.purpose === `revoke API token ${row?.id}`));
    const garbage = `crt_${'A'.repeat(43)}`;
    for (const token of [expired.token, revoked.token, garbage, 'nonsense']) {
      const res = await bearer(token, 'GET', `/api/v1/journeys/${journeyId}`);
      assert.equal(res.statusCode, 401, token);
      assert.equal(res.headers['www-authenticate'], 'Bearer error="invalid_token"');
      assert.match(res.headers['content-type'] ?? '', /problem\+json/);
      assert.match(res.body, /invalid or expired/);
    }
  });

  it('validates the form (422 naming the field) and keeps other organisations out (404)', async () => {
    const abh = orgs['jt-abh'] ?? '';
    const noScope = await create('admin', abh, { name: 'X', expires: inDays(5) }, []);
    assert.equal(noScope.res.statusCode, 422);
    assert.match(noScope.res.body, /field-scopes/);
    const tooLong = await create('admin', abh, { name: 'X', expires: inDays(400) }, ['journeys:read']);
    assert.equal(tooLong.res.statusCode, 422);
    assert.match(tooLong.res.body, /höchstens ein Jahr/);
    const noName = await create('admin', abh, { name: ' ', expires: inDays(5) }, ['journeys:read']);
    assert.equal(noName.res.statusCode, 422);
    const employer = orgs['jt-employer'] ?? '';
    const wrongKind = await create('employer', employer, { name: 'X', expires: inDays(5) }, [
      'decisions:write',
    ]);
    assert.equal(wrongKind.res.statusCode, 422);
    const stats = await create('employer', employer, { name: 'Statistik', expires: inDays(5) }, [
      'statistics:read',
    ]);
    assert.equal(stats.res.statusCode, 200, 'an employer administrator manages their own organisation');
    const elsewhere = await create('employer', abh, { name: 'X', expires: inDays(5) }, ['journeys:read']);
    assert.equal(elsewhere.res.statusCode, 404);
    const caseworker = await pages.get('abh', `/de/verwaltung/organisationen/${abh}/api-schluessel`);
    assert.equal(caseworker.statusCode, 403);
    const journey = await bearer(stats.token, 'GET', `/api/v1/journeys/${journeyId}`);
    assert.equal(journey.statusCode, 403, 'statistics only');
  });

  it('counts a bearer token only on /api/ routes', async () => {
    const { token } = await create('admin', orgs['jt-abh'] ?? '', { name: 'Seite', expires: inDays(5) }, [
      'journeys:read',
    ]);
    const res = await t.app.inject({
      method: 'GET',
      url: `/de/wege/${journeyId}`,
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.statusCode, 303, 'a page asks to sign in');
  });
});
