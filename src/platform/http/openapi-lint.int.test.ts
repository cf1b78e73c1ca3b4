import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { operationId } from './openapi.ts';

/**
 * The OpenAPI document the app serves, linted by Redocly's rules (the engine of the Redocly CLI) with its
 * "recommended" set and the RFC 9457 problem-details rule. Two findings are accepted, each for a reason:
 * - `operation-2xx-response` on the sign-in redirects of OpenID Connect: they answer 303 by design (documented
 *   with a Location header), never 2xx;
 * - `no-ambiguous-paths` for `/api/v1/documents/shares/{id}` and `/api/v1/documents/{id}/content`: a document id is a
 *   UUID, never "shares", and the router prefers the fixed segment.
 */
const ACCEPTED = [
  {
    rule: 'operation-2xx-response',
    pointer: /~1api~1v1~1auth~1oidc~1\{provider\}~1(start|callback)\/get\/responses/,
  },
  { rule: 'no-ambiguous-paths', pointer: /~1api~1v1~1documents~1\{id\}~1content$/ },
];

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

describe('the OpenAPI document passes the linter', () => {
  it('has no error and no warning of the recommended rules, beyond the two accepted above', async () => {
    const source = (await t.app.inject('/api/openapi.json')).body;
    const config = await createConfig({
      extends: ['recommended'],
      rules: { 'operation-4xx-problem-details-rfc7807': 'error' },
    });
    const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config });
    const left = problems
      .map((p) => ({ rule: p.ruleId, pointer: p.location[0]?.pointer ?? '', message: p.message }))
      .filter((p) => !ACCEPTED.some((a) => a.rule === p.rule && a.pointer.test(p.pointer)));
    assert.deepEqual(left, []);
    assert.ok(problems.length <= 3, 'the accepted findings stay the three known ones');
  });

  it('gives every operation a readable, unique id', async () => {
    assert.equal(operationId('GET', '/api/v1/journeys/{id}'), 'getV1JourneysById');
    assert.equal(operationId('POST', '/api/v1/pathways/evaluate'), 'postV1PathwaysEvaluate');
    assert.equal(
      operationId('GET', '/api/v1/recognition/records/{code}/qr.svg'),
      'getV1RecognitionRecordsByCodeQrSvg',
    );
    const doc = (await t.app.inject('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    assert.equal(new Set(ids).size, ids.length);
  });
});
