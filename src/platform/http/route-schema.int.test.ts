import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

describe('route schemas', () => {
  it('answers an invalid query with the 400 of the catalogue, naming field and rule', async () => {
    const res = await t.app.inject('/api/v1/districts?state=XX');
    assert.equal(res.statusCode, 400);
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
    const problem = res.json();
    assert.equal(problem.code, 'validation-failed');
    assert.equal(problem.errors[0].field, 'query.state');
    assert.equal(problem.errors[0].rule, 'enum');
  });

  it('checks who is asking before the input: an anonymous invalid request gets 401, not 400', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/documents/shares',
      headers: { 'content-type': 'application/json' },
      payload: { organisationId: 'not-a-uuid', extra: 1 },
    });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().code, 'unauthenticated');
  });

  it('describes the converted routes in the OpenAPI document from their schemas', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    const share = doc.paths['/api/v1/documents/shares'].post;
    assert.ok(share.requestBody.content['application/json'].schema.properties.organisationId);
    assert.ok(doc.paths['/api/v1/pathways/evaluate'].post.requestBody, 'evaluate now documents its body');
  });
});
