/**
 * A refusal of the journey core (a value of src/domain) mapped to the one error catalogue: its code gives the
 * status (403 / 404 / 409 / 422); the problem document keeps the refusal's own code, field and message key
 * (`type …/problems#journey.<code>`, docs/journey.md). `JourneyRefusal` carries a refusal as an exception for the
 * callers that throw (pages, seeds, family).
 */
import type { Refusal, RefusalCode } from '../../domain/journey/index.ts';
import { ERROR_CATALOGUE, type ErrorCode } from '../../platform/http/errors.ts';
import { PROBLEM_TYPE_BASE } from '../../platform/http/problem.ts';

const INPUT_REFUSALS: readonly RefusalCode[] = [
  'invalid-facts',
  'invalid-command',
  'outcome-not-allowed',
  'power-of-attorney-missing',
  'documents-missing',
];

type RefusalErrorCode = 'forbidden' | 'not-found' | 'conflict' | 'unprocessable';

/** The catalogue's code of a refusal: who may not, what is not there, what conflicts with the state, bad input. */
export function refusalErrorCode(code: RefusalCode): RefusalErrorCode & ErrorCode {
  if (code === 'journey-not-found') return 'not-found';
  if (code === 'role-not-allowed' || code.startsWith('not-the-')) return 'forbidden';
  if (INPUT_REFUSALS.includes(code)) return 'unprocessable';
  return 'conflict';
}

export function refusalStatus(code: RefusalCode): 403 | 404 | 409 | 422 {
  return ERROR_CATALOGUE[refusalErrorCode(code)];
}

/** A refusal of the journey core, carried to the route (problem+json) or the page (message). */
export class JourneyRefusal extends Error {
  readonly refusal: Refusal;
  readonly status: 403 | 404 | 409 | 422;
  constructor(refusal: Refusal) {
    super(refusal.code);
    this.name = 'JourneyRefusal';
    this.refusal = refusal;
    this.status = refusalStatus(refusal.code);
  }
}

/** The problem+json document of a refusal; `title` is the English message of its key (the code without one). */
export function refusalProblem(
  refusal: Refusal,
  request: { readonly instance: string; readonly requestId: string },
  title: string,
) {
  const { code, field, messageKey } = refusal;
  const status = refusalStatus(code);
  return {
    type: `${PROBLEM_TYPE_BASE}journey.${code}`,
    title,
    status,
    code,
    ...(field === undefined ? {} : { field }),
    messageKey,
    instance: request.instance,
    requestId: request.requestId,
    ...(field === undefined ? {} : { errors: [{ field, rule: code, message: code }] }),
  };
}
