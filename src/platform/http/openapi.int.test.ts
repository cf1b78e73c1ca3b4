import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { apiRoutes } from './openapi.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

describe('GET /api/openapi.json', () => {
  it('describes the API as OpenAPI 3.1 with the query parameters from the validation schemas', async () => {
    const res = await t.app.inject('/api/openapi.json');
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.equal(doc.openapi, '3.1.0');
    const districts = doc.paths['/api/v1/districts'].get;
    const state = districts.parameters.find((p: { name: string }) => p.name === 'state');
    assert.deepEqual(state.schema.enum, ['BE', 'BB', 'MV', 'SN', 'ST', 'TH']);
    assert.equal(state.in, 'query');
    assert.deepEqual(districts.security, [], 'public routes need no session');
    assert.ok(districts.responses['4XX']);
  });

  it('documents the journey API from its route schemas: path and query parameters, body, success status', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    const open = doc.paths['/api/v1/journeys'].post;
    assert.ok(open.requestBody.content['application/json'].schema.properties.facts);
    assert.ok(open.responses['201']);
    const command = doc.paths['/api/v1/journeys/{id}/commands'].post;
    assert.deepEqual(
      command.parameters.map((p: { name: string; in: string }) => [p.name, p.in]),
      [['id', 'path']],
    );
    assert.ok(
      command.requestBody.content['application/json'].schema.oneOf ??
        command.requestBody.content['application/json'].schema.anyOf,
    );
    const queue = doc.paths['/api/v1/work-queue'].get;
    assert.deepEqual(queue.parameters.map((p: { name: string }) => p.name).sort(), ['limit', 'offset']);
  });

  it('lists every API route of the app, each with a summary and its access policy', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    for (const r of apiRoutes(t.app)) {
      const path = r.url.replace(/:([A-Za-z_]+)/g, '{$1}');
      const op = doc.paths[path]?.[r.method.toLowerCase()];
      assert.ok(op, `${r.method} ${path} is in the document`);
      assert.ok(op['x-policy'], `${r.method} ${path} carries its policy`);
      assert.equal(typeof op.summary, 'string');
    }
  });
});

describe('the API token security scheme', () => {
  it('offers a bearer scheme and names the scope each operation needs from a token', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    assert.equal(doc.components.securitySchemes.apiToken.scheme, 'bearer');
    const read = doc.paths['/api/v1/journeys/{id}'].get;
    assert.deepEqual(read.security, [{ session: [] }, { apiToken: ['journeys:read'] }]);
    const command = doc.paths['/api/v1/journeys/{id}/commands'].post;
    assert.deepEqual(command.security, [{ session: [] }, { apiToken: ['decisions:write'] }]);
    assert.deepEqual(doc.paths['/api/v1/me'].get.security, [{ session: [] }], 'no token for the account');
  });
});
