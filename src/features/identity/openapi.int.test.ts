import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

type Operation = {
  summary: string;
  parameters: { name: string; in: string }[];
  requestBody?: { content: { 'application/json': { schema: { properties?: Record<string, unknown> } } } };
};

/** Every identity API route, with the body fields and path parameters its route schema declares. */
const IDENTITY_ROUTES: [string, string, string[], string[]][] = [
  ['post', '/api/v1/auth/login', ['email', 'password', 'totp'], []],
  ['post', '/api/v1/auth/logout', [], []],
  ['post', '/api/v1/auth/logout-everywhere', [], []],
  ['post', '/api/v1/auth/password-reset', ['email'], []],
  ['post', '/api/v1/auth/password-reset/confirm', ['token', 'password'], []],
  ['post', '/api/v1/auth/unlock', ['token'], []],
  ['post', '/api/v1/auth/verify-email', ['token'], []],
  ['post', '/api/v1/auth/register', ['email', 'password', 'displayName'], []],
  ['get', '/api/v1/auth/csrf', [], []],
  ['get', '/api/v1/me', [], []],
  ['post', '/api/v1/me/password', ['currentPassword', 'newPassword'], []],
  ['put', '/api/v1/me/profile', ['residenceAgs', 'countryCode', 'nationality'], []],
  ['get', '/api/v1/me/sessions', [], []],
  ['delete', '/api/v1/me/sessions/{id}', [], ['id']],
  ['get', '/api/v1/me/access-log', [], []],
  ['get', '/api/v1/me/export', [], []],
  ['get', '/api/v1/me/consents', [], []],
  ['post', '/api/v1/me/consents', ['organisationId'], []],
  ['delete', '/api/v1/me/consents/{id}', [], ['id']],
  ['post', '/api/v1/me/erasure-request', ['reason'], []],
  ['get', '/api/v1/applicants/{id}', [], ['id']],
  ['get', '/api/v1/organisations', [], []],
  ['get', '/api/v1/admin/outbox', [], []],
  ['get', '/api/v1/admin/erasure-requests', [], []],
  ['post', '/api/v1/admin/erasure-requests/{id}', ['outcome', 'note'], ['id']],
  ['delete', '/api/v1/admin/people/{id}/sessions', [], ['id']],
  ['post', '/api/v1/admin/organisations', ['slug', 'name', 'kind', 'seat', 'jurisdictions'], []],
  ['post', '/api/v1/organisations/{id}/roles', ['email', 'role', 'displayName'], ['id']],
  ['delete', '/api/v1/organisations/{id}/roles/{personId}/{role}', [], ['id', 'personId', 'role']],
  ['post', '/api/v1/me/passkeys/options', [], []],
  ['post', '/api/v1/me/passkeys', ['id', 'rawId', 'type'], []],
  ['post', '/api/v1/auth/passkey/options', [], []],
  ['post', '/api/v1/auth/passkey', ['id', 'rawId', 'type'], []],
  ['get', '/api/v1/auth/oidc/{provider}/start', [], ['provider']],
  ['get', '/api/v1/auth/oidc/{provider}/callback', [], ['provider']],
];

describe('identity API in the OpenAPI document', () => {
  it('documents every identity route from its route schema: summary, path parameters and body', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    for (const [method, path, fields, params] of IDENTITY_ROUTES) {
      const op = doc.paths[path]?.[method] as Operation | undefined;
      const name = `${method.toUpperCase()} ${path}`;
      assert.ok(op, `${name} is in the document`);
      assert.notEqual(op.summary, name, `${name} has its own summary`);
      const inPath = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
      assert.deepEqual(inPath, params, `${name}: path parameters`);
      const body = op.requestBody?.content['application/json'].schema.properties ?? {};
      for (const field of fields) assert.ok(body[field], `${name}: body field ${field}`);
      if (fields.length === 0) assert.equal(op.requestBody, undefined, `${name} takes no body`);
    }
  });

  it('lists every route under /api/v1/auth and /api/v1/me here', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json() as { paths: Record<string, object> };
    const listed = new Set(IDENTITY_ROUTES.map(([method, path]) => `${method} ${path}`));
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!/^\/api\/v1\/(auth|me)(\/|$)/.test(path)) continue;
      for (const method of Object.keys(ops)) assert.ok(listed.has(`${method} ${path}`), `${method} ${path}`);
    }
  });
});
