import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { buildTestApp, type TestApp } from '../../test/support/app.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

function assertUrlProblem(res: LightMyRequestResponse, rule: string) {
  assert.equal(res.statusCode, 400);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const problem = res.json();
  assert.equal(problem.code, 'malformed-request');
  assert.deepEqual(
    problem.errors.map((e: { field: string; rule: string }) => [e.field, e.rule]),
    [['url', rule]],
  );
}

/**
 * Addresses the router refuses before any route runs (a path parameter that is not valid
 * percent-encoding, or longer than the router allows) get the same answers as every other
 * error: problem+json in the API, a page in the user's language elsewhere. Found by the fuzz
 * (test/security/fuzz-api.int.test.ts): Fastify answered them with its own JSON.
 */
describe('errors of the router itself', () => {
  for (const url of ['/api/v1/documents/%ED%A0%80', '/api/v1/journeys/%zz/events', '/api/v1/applicants/%']) {
    it(`answers ${url} with 400 problem+json naming the URL`, async () => {
      const res = await t.app.inject({ method: 'GET', url });
      assertUrlProblem(res, 'encoding');
      assert.equal(res.headers['x-request-id'], res.json().requestId);
    });
  }

  it('answers a path parameter longer than the router allows with 400 problem+json', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/documents/${'a'.repeat(201)}` });
    assertUrlProblem(res, 'max:200');
  });

  it('answers a malformed page address with an error page in the language of the address', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/en/journeys/%zz' });
    assert.equal(res.statusCode, 400);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(res.body, /<html lang="en"/);
    // The same CSP and no-sniffing as every page, although no hook ran.
    const normal = await t.app.inject({ method: 'GET', url: '/en/nothing' });
    assert.equal(res.headers['content-security-policy'], normal.headers['content-security-policy']);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    const long = await t.app.inject({ method: 'GET', url: `/de/wege/${'a'.repeat(201)}` });
    assert.equal(long.statusCode, 400);
    assert.match(long.body, /<html lang="de"/);
  });
});
