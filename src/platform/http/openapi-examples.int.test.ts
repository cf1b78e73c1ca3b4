import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { z } from 'zod';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { apiRoutes } from './openapi.ts';
import { exampleOf } from './route-schema.ts';

/**
 * Examples in the OpenAPI document cannot rot: every operation that takes a body carries an example of it
 * (`withExample`), and each example passes the very schema that validates the route's requests. The public
 * operations also show an answer.
 */
let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

type Doc = {
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        requestBody?: { content: Record<string, { example?: unknown }> };
        responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
      }
    >
  >;
};

/** Operations that other systems call most: each shows an example answer. */
const ANSWERED = [
  'postV1PathwaysEvaluate',
  'getV1RecognitionFinder',
  'postV1Journeys',
  'getV1Journeys',
  'getV1JourneysById',
  'postV1JourneysByIdCommands',
  'getV1WorkQueue',
  'getV1WaitingTimes',
  'getV1WaitingTimesBySlug',
  'getV1Statistics',
  'getV1StatisticsCsv',
  'getV1JourneysByIdXauslaenderXml',
];

describe('examples in the OpenAPI document', () => {
  it('every route with a body carries an example that passes its own schema', () => {
    const missing: string[] = [];
    const invalid: string[] = [];
    for (const r of apiRoutes(t.app)) {
      const body = r.doc?.body as z.ZodType | undefined;
      if (!body) continue;
      const found = exampleOf(body);
      if (!found) {
        missing.push(`${r.method} ${r.url}`);
        continue;
      }
      const checked = body.safeParse(found.example);
      if (!checked.success) invalid.push(`${r.method} ${r.url}: ${JSON.stringify(checked.error.issues)}`);
    }
    assert.deepEqual(missing, [], 'routes without an example');
    assert.deepEqual(invalid, [], 'examples their schema refuses');
  });

  it('the document shows the body examples and the answers of the public operations', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json() as Doc;
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p));
    for (const op of ops) {
      if (!op.requestBody) continue;
      assert.ok(op.requestBody.content['application/json']?.example !== undefined, op.operationId);
    }
    for (const id of ANSWERED) {
      const op = ops.find((o) => o.operationId === id);
      assert.ok(op, id);
      const answers = Object.entries(op.responses).filter(([code]) => /^2/.test(code));
      const example = answers
        .flatMap(([, r]) => Object.values(r.content ?? {}))
        .find((c) => c.example !== undefined);
      assert.ok(example, `${id} shows an answer`);
    }
  });
});
