import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';

/** The part of a problem+json answer that tests read. */
export interface ProblemBody {
  code: string;
  errors?: { field: string; rule: string }[];
}

/**
 * A 400 problem+json that names exactly one field and rule; returns the body for further checks
 * (e.g. its `code`).
 */
export function assertFieldProblem(res: LightMyRequestResponse, field: string, rule: string): ProblemBody {
  assert.equal(res.statusCode, 400, `${field}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const body = res.json() as ProblemBody;
  assert.deepEqual(
    body.errors?.map((e) => [e.field, e.rule]),
    [[field, rule]],
  );
  return body;
}
