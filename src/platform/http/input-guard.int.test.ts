import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { buildTestApp, csrfFor, type TestApp } from '../../../test/support/app.ts';
import { multipart, samplePdf } from '../../../test/support/documents.ts';
import { makeAccount, randomAddress, sessionFor } from '../../../test/support/identity.ts';
import { assertFieldProblem } from '../../../test/support/problem.ts';
import { auditEntry } from '../audit/schema.ts';

/** A 400 naming exactly one field and rule, as problem+json (API) or an HTML page (web). */
function assertRefused(
  res: LightMyRequestResponse,
  field: string,
  rule: string,
  kind: 'api' | 'web' = 'api',
) {
  assert.equal(res.statusCode, 400, `${field}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  if (kind === 'web') {
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.ok(res.body.includes(field), `the page names ${field}`);
    return;
  }
  assert.equal(assertFieldProblem(res, field, rule).code, 'validation-failed');
}

describe('input guard: values PostgreSQL cannot store are refused with a 400 naming the field', () => {
  let t: TestApp;
  let applicant: Awaited<ReturnType<typeof sessionFor>>;

  before(async () => {
    t = await buildTestApp({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'cr-input-guard-')) });
    const a = await makeAccount(t.database.db, 'applicant');
    applicant = await sessionFor(t.app, t.database.db, a.personId, 'applicant');
  });
  after(() => t.close());

  it('refuses U+0000 in the anonymous password reset (body.email, rule no-nul)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      remoteAddress: randomAddress(),
      payload: { email: 'a\u0000b@example.org' },
    });
    assertRefused(res, 'body.email', 'no-nul');
  });

  it('refuses a lone UTF-16 surrogate, which the drivers would silently turn into U+FFFD (rule unicode)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      remoteAddress: randomAddress(),
      headers: { 'content-type': 'application/json' },
      payload: '{"email":"a\\ud800b@example.org"}',
    });
    assertRefused(res, 'body.email', 'unicode');
  });

  it('refuses U+0000 in a nested key and names the path to it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/pathways/evaluate',
      payload: { facts: { 'x\u0000': 1 } },
    });
    assertFieldProblem(res, 'body.facts.x\\u0000', 'no-nul');
  });

  it('refuses U+0000 in the anonymous accessibility feedback form with the HTML error page', async () => {
    const csrf = await csrfFor(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/de/barrierefreiheit',
      remoteAddress: randomAddress(),
      headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(csrf.token)}&page=start&message=Hallo%00Welt`,
    });
    assertRefused(res, 'body.message', 'no-nul', 'web');
  });

  it('refuses U+0000 in an id of a signed-in route before the audit entry of the decision is written', async () => {
    const before = await t.database.db.select({ seq: auditEntry.seq }).from(auditEntry);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/applicants/%00',
      headers: { cookie: applicant.cookie },
    });
    assertRefused(res, 'params.id', 'no-nul');
    const afterRows = await t.database.db.select({ seq: auditEntry.seq }).from(auditEntry);
    assert.equal(afterRows.length, before.length, 'nothing reached the database');
  });

  it('refuses U+0000 in a text field of a signed-in route', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/erasure-request',
      headers: { cookie: applicant.cookie, 'x-csrf-token': applicant.csrfToken },
      payload: { reason: 'bitte\u0000löschen' },
    });
    assertRefused(res, 'body.reason', 'no-nul');
  });

  it('refuses U+0000 in a header that is stored (the user agent of a new session)', async () => {
    const account = await makeAccount(t.database.db, 'applicant');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: randomAddress(),
      headers: { 'user-agent': 'Mozilla\u0000' },
      payload: { email: account.email, password: account.password },
    });
    assertRefused(res, 'header.user-agent', 'no-nul');
  });

  it('refuses U+0000 in a query parameter (query.q)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/occupations?q=pfl%00ege' });
    assertRefused(res, 'query.q', 'no-nul');
  });

  for (const order of ['before', 'after'] as const) {
    it(`refuses U+0000 in a multipart field sent ${order} the file (body.category)`, async () => {
      const field = { name: 'category', value: 'pass\u0000port' };
      const file = { name: 'file', filename: 'a.pdf', contentType: 'application/pdf', data: samplePdf() };
      const { payload, headers } = multipart(order === 'before' ? [field, file] : [file, field]);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/documents',
        headers: { ...headers, cookie: applicant.cookie, 'x-csrf-token': applicant.csrfToken },
        payload,
      });
      assertRefused(res, 'body.category', 'no-nul');
    });
  }

  it('lets well-formed text through: umlauts, emoji (surrogate pairs), other control characters', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      remoteAddress: randomAddress(),
      payload: { email: 'jürgen.😀\u0007@example.org' },
    });
    assert.equal(res.statusCode, 202, res.body);
  });
});
