import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../db/errors.ts';
import { AppError, type ErrorCode } from './errors.ts';

export const PROBLEM_TYPE_BASE = '/api/v1/problems#';

/** The longest path parameter the router accepts (Fastify's `maxParamLength`). */
export const MAX_PATH_PARAM_LENGTH = 200;

/** `Retry-After` of a 503 while the database is unreachable: a restart usually takes a few seconds. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** An RFC 9457 problem document. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance: string;
  requestId: string;
  errors?: { field: string; rule: string; message: string }[];
}

/**
 * Maps anything thrown in a request to an AppError: an unreachable database becomes `service-unavailable` (503
 * with `Retry-After`), unknown errors become `internal`.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as Partial<FastifyError> & { code?: string; statusCode?: number; validation?: unknown };
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload-too-large', {
        detail: 'The request body is larger than the server accepts.',
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported-media-type', {
        detail: 'Send application/json, application/x-www-form-urlencoded or multipart/form-data.',
      });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('malformed-request', {
        detail: 'The request body is not valid JSON.',
        errors: [{ field: 'body', rule: 'json', message: 'must be valid JSON' }],
      });
    case 'FST_CSRF_MISSING_SECRET':
    case 'FST_CSRF_INVALID_TOKEN':
      return new AppError('csrf-failed', {
        detail: 'The form has expired or was not sent from this site. Reload and try again.',
      });
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_ASYNC_CONSTRAINT':
      return new AppError('malformed-request', {
        detail: 'The address is malformed.',
        errors: [{ field: 'url', rule: 'encoding', message: 'must be a valid URL' }],
      });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('malformed-request', {
        detail: 'The address is malformed.',
        errors: [
          {
            field: 'url',
            rule: `max:${MAX_PATH_PARAM_LENGTH}`,
            message: `each part of the path must be at most ${MAX_PATH_PARAM_LENGTH} characters`,
          },
        ],
      });
    default:
      break;
  }
  if (error instanceof SyntaxError && e.statusCode === 400) {
    return new AppError('malformed-request', {
      detail: 'The request body is not valid JSON.',
      errors: [{ field: 'body', rule: 'json', message: 'must be valid JSON' }],
    });
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const code: ErrorCode =
      e.statusCode === 404
        ? 'not-found'
        : e.statusCode === 405
          ? 'method-not-allowed'
          : e.statusCode === 413
            ? 'payload-too-large'
            : e.statusCode === 415
              ? 'unsupported-media-type'
              : e.statusCode === 429
                ? 'rate-limited'
                : 'malformed-request';
    return new AppError(code, { detail: e.message ?? code });
  }
  if (isDatabaseUnavailable(error)) {
    return new AppError('service-unavailable', {
      detail: 'The database cannot be reached right now. Try again in a few seconds.',
      headers: { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) },
      cause: error,
    });
  }
  return new AppError('internal', { cause: error });
}

export function problemOf(error: AppError, req: FastifyRequest, title: string): Problem {
  const problem: Problem = {
    type: `${PROBLEM_TYPE_BASE}${error.code}`,
    title,
    status: error.status,
    code: error.code,
    instance: req.url.split('?')[0] ?? '/',
    requestId: req.id,
  };
  if (error.detail && error.code !== 'internal') problem.detail = error.detail;
  if (error.errors.length > 0) problem.errors = error.errors;
  return problem;
}

export function sendProblem(
  reply: FastifyReply,
  problem: Problem,
  headers: Record<string, string>,
): FastifyReply {
  return reply
    .status(problem.status)
    .headers(headers)
    .type('application/problem+json; charset=utf-8')
    .send(problem);
}
