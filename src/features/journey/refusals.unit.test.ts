import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RefusalCode } from '../../domain/journey/index.ts';
import { ERROR_CATALOGUE } from '../../platform/http/errors.ts';
import { refusalErrorCode, refusalProblem, refusalStatus } from './refusals.ts';

describe('journey refusals in the error catalogue', () => {
  it('maps each kind of refusal to a code of the catalogue, which gives its status', () => {
    const cases: Array<[RefusalCode, keyof typeof ERROR_CATALOGUE, number]> = [
      ['journey-not-found', 'not-found', 404],
      ['role-not-allowed', 'forbidden', 403],
      ['not-the-owner', 'forbidden', 403],
      ['invalid-facts', 'unprocessable', 422],
      ['documents-missing', 'unprocessable', 422],
      ['already-submitted', 'conflict', 409],
    ];
    for (const [code, errorCode, status] of cases) {
      assert.equal(refusalErrorCode(code), errorCode, code);
      assert.equal(refusalStatus(code), status, code);
      assert.equal(ERROR_CATALOGUE[errorCode], status);
    }
  });

  it('keeps the refusal’s own code, field and message key in the problem document', () => {
    const problem = refusalProblem(
      { code: 'invalid-facts', field: 'facts.pathway', messageKey: 'journey.refusal.invalid-facts' },
      { instance: '/api/v1/journeys', requestId: 'r1' },
      'Invalid facts',
    );
    assert.deepEqual(
      JSON.stringify(problem),
      JSON.stringify({
        type: '/api/v1/problems#journey.invalid-facts',
        title: 'Invalid facts',
        status: 422,
        code: 'invalid-facts',
        field: 'facts.pathway',
        messageKey: 'journey.refusal.invalid-facts',
        instance: '/api/v1/journeys',
        requestId: 'r1',
        errors: [{ field: 'facts.pathway', rule: 'invalid-facts', message: 'invalid-facts' }],
      }),
    );
  });
});
