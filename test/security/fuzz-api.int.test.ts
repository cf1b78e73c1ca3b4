import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { declaredRoutes, type RoutePolicy } from '../../src/platform/http/policy.ts';
import {
  assertNoFindings,
  type Body,
  checkApiAnswer,
  exercise,
  fillPath,
  formBody,
  formPayload,
  fromSchema,
  hostileSegment,
  type JsonTree,
  jsonText,
  jsonTree,
  oddBody,
  propertyNames,
  queryString,
  rolesFor,
  seedFor,
  startFuzz,
} from '../support/fuzz.ts';

/**
 * Fuzz of every operation of the OpenAPI document the app serves (docs/security-suite.md):
 * hostile JSON, strings, path and query parameters and bodies in the wrong format, each case
 * sent anonymously and as a signed-in user of a role that may call the operation. No answer may
 * be a 5xx; every 4xx is problem+json, and a validation failure names its fields.
 */

const { seed: SEED, runs: RUNS, t, actors, tally, finish, assertComplete } = await startFuzz('fuzz-api');

interface Operation {
  method: string;
  path: string;
  policy: RoutePolicy | undefined;
  query: string[];
  body: Record<string, unknown> | undefined;
}

const openapi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
  paths: Record<
    string,
    Record<
      string,
      {
        'x-policy'?: RoutePolicy;
        parameters?: { name: string; in: string }[];
        requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
      }
    >
  >;
};
const operations: Operation[] = Object.entries(openapi.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({
    method: method.toUpperCase(),
    path,
    policy: op['x-policy'],
    query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
    body: op.requestBody?.content['application/json']?.schema,
  })),
);

/** Names of fields anywhere in the API, for bodies whose schema the document does not give. */
const FIELD_NAMES = [
  ...new Set([
    ...propertyNames(openapi),
    'email',
    'password',
    'currentPassword',
    'newPassword',
    'totp',
    'token',
    'code',
    'organisationId',
    'personId',
    'role',
    'kind',
    'name',
    'displayName',
    'district',
    'residenceAgs',
    'countryCode',
    'nationality',
    'reason',
    'decision',
    'status',
    'values',
    'id',
    'ids',
    'lang',
    'jurisdictions',
    'credential',
    'response',
  ]),
];
const segment = hostileSegment(tally.knownIds);

function caseArbitrary(op: Operation) {
  const names = [...new Set([...(op.body ? propertyNames(op.body) : []), ...op.query])];
  const allNames = [...names, ...FIELD_NAMES];
  const withBody = op.method !== 'GET';
  const jsonBody = (tree: fc.Arbitrary<JsonTree>) =>
    tree.map((x): Body => ({ contentType: 'application/json', payload: jsonText(x), kind: 'json' }));
  const bodies: fc.Arbitrary<Body | undefined>[] = [];
  if (withBody) {
    if (op.body)
      bodies.push(jsonBody(fromSchema(op.body, allNames)), jsonBody(fromSchema(op.body, allNames)));
    bodies.push(
      jsonBody(jsonTree(allNames)),
      jsonBody(
        fc
          .array(fc.tuple(fc.constantFrom(...allNames), jsonTree(allNames)), { maxLength: 6 })
          .map((entries) => ({ k: 'obj' as const, entries })),
      ),
      oddBody(allNames),
      formBody(new Map(), allNames).map(formPayload),
    );
  } else
    bodies.push(fc.constant(undefined), fc.constant(undefined), fc.constant(undefined), oddBody(allNames));
  return fc.record({
    url: fillPath(op.path, segment),
    query: fc.oneof(
      { weight: 2, arbitrary: fc.constant('') },
      { weight: 3, arbitrary: queryString(op.query.length > 0 ? op.query : allNames) },
    ),
    body: fc.oneof(...bodies),
    role: fc.constantFrom(...rolesFor(op.policy)),
    csrf: fc.nat(9).map((n) => (n === 0 ? 'garbage' : 'valid')),
  });
}

describe(`fuzz of every OpenAPI operation (FUZZ_SEED=${SEED})`, () => {
  after(finish);

  it('fuzzes as many operations as the app has API routes', () => {
    const routes = declaredRoutes(t.app).filter((r) => r.url.startsWith('/api/'));
    assert.ok(operations.length >= 50, `only ${operations.length} operations in the OpenAPI document`);
    assert.equal(operations.length, routes.length, 'every API route is in the OpenAPI document and fuzzed');
  });

  for (const op of operations) {
    const key = `${op.method} ${op.path}`;
    it(key, async () => {
      tally.operations++;
      const seed = seedFor(SEED, key);
      await fc.assert(
        fc.asyncProperty(caseArbitrary(op), (c) =>
          exercise(
            t,
            tally,
            actors,
            key,
            {
              role: c.role,
              build: (caller): InjectOptions => ({
                method: op.method as 'GET',
                url: `${c.url}${c.query}`,
                ...(c.body ? { payload: c.body.payload } : {}),
                headers: {
                  ...(c.body?.contentType ? { 'content-type': c.body.contentType } : {}),
                  ...(caller.cookie ? { cookie: caller.cookie } : {}),
                  ...(caller.csrfToken
                    ? { 'x-csrf-token': c.csrf === 'valid' ? caller.csrfToken : 'garbage' }
                    : {}),
                },
              }),
            },
            checkApiAnswer,
          ),
        ),
        { seed, numRuns: RUNS, endOnFailure: true },
      );
      assertNoFindings(tally, key, SEED);
    });
  }

  it('ran every operation and leaves the built-in prototypes unchanged', () =>
    assertComplete(operations.length));
});
