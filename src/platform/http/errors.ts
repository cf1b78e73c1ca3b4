import type { z } from 'zod';

/**
 * The one catalogue of error codes. Codes are stable (clients may rely on them); each maps to
 * one HTTP status and a title in the message catalogues (`error.<code>.title`).
 * docs/api-errors.md lists them; a test keeps the two in step.
 */
export const ERROR_CATALOGUE = {
  'validation-failed': 400,
  'malformed-request': 400,
  unauthenticated: 401,
  forbidden: 403,
  'csrf-failed': 403,
  'not-found': 404,
  'method-not-allowed': 405,
  'not-acceptable': 406,
  conflict: 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  unprocessable: 422,
  'rate-limited': 429,
  internal: 500,
  'service-unavailable': 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** One failing field: where it was (`query.state`, `body.person.birthDate`), which rule, and why. */
export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

export interface AppErrorOptions {
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  cause?: unknown;
}

/** An expected failure that ends a request; mapped to problem+json or an error page in one place. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors: FieldError[];
  readonly headers: Record<string, string>;
  readonly detail: string | undefined;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.detail ?? code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CATALOGUE[code];
    this.errors = options.errors ?? [];
    this.headers = options.headers ?? {};
    this.detail = options.detail;
  }
}

/** Turns Zod issues into field errors prefixed with where the input came from. */
export function fieldErrors(location: string, issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => {
    const pathPart = issue.path.map(String).join('.');
    return {
      field: pathPart ? `${location}.${pathPart}` : location,
      rule: ruleOf(issue),
      message: issue.message,
    };
  });
}

function ruleOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : `type:${issue.expected}`;
    case 'invalid_value':
      return 'enum';
    case 'too_small':
      return `min:${String(issue.minimum)}`;
    case 'too_big':
      return `max:${String(issue.maximum)}`;
    case 'invalid_format':
      return `format:${issue.format}`;
    case 'unrecognized_keys':
      return 'unknown-key';
    default:
      return issue.code;
  }
}

/** Validates one part of a request; throws a 400 naming every failing field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, location: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError('validation-failed', { errors: fieldErrors(location, result.error.issues) });
}
