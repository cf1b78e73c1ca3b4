import type { FastifyInstance } from 'fastify';
import { AppError, type FieldError } from './errors.ts';

/**
 * Text that the database cannot store as it is. PostgreSQL refuses U+0000 in `text` and `jsonb`
 * ("invalid byte sequence for encoding UTF8: 0x00", SQLSTATE 22021), and the drivers (`pg`, PGlite)
 * encode a lone UTF-16 surrogate as U+FFFD, so the stored value would silently differ from the
 * one sent. Both are refused at the edge, before any handler, audit entry or query sees them.
 */
export type TextRule = 'no-nul' | 'unicode';

const MESSAGES: Record<TextRule, string> = {
  'no-nul': 'must not contain the character U+0000 (NUL)',
  unicode: 'must be well-formed Unicode (no lone UTF-16 surrogates)',
};

/** At most this many fields are named in one answer. */
const MAX_ERRORS = 10;

export function textProblem(s: string): TextRule | null {
  if (s.includes('\u0000')) return 'no-nul';
  if (!s.isWellFormed()) return 'unicode';
  return null;
}

/** A key as it can be shown in a field path: the characters that were refused, escaped. */
function printable(key: string): string {
  let out = '';
  // Iterating by code point: a surrogate pair comes as one string of length 2, a lone surrogate alone.
  for (const ch of key) {
    const code = ch.charCodeAt(0);
    const refused = code === 0 || (ch.length === 1 && code >= 0xd800 && code <= 0xdfff);
    out += refused ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
  }
  return out;
}

/** Objects and arrays as the JSON and form parsers make them; not Buffers, typed arrays or streams. */
function isContainer(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return false;
  return typeof (v as { pipe?: unknown }).pipe !== 'function';
}

/** A place in the walk; its path is only spelled out when something there is refused. */
interface Place {
  readonly value: unknown;
  readonly parent: Place | undefined;
  /** Key or index; for the root, the location (`body`, `query` …). */
  readonly name: string | number;
}

function pathOf(place: Place, last?: string): string {
  const parts: (string | number)[] = last === undefined ? [] : [last];
  for (let p: Place | undefined = place; p; p = p.parent) parts.push(p.name);
  return parts.reverse().join('.');
}

/**
 * Every string in a parsed request part (headers, params, query, a JSON or form body, multipart
 * fields), values and keys, that the database cannot store (at most ten). Walks in place: no
 * copies, no recursion (deeply nested JSON cannot overflow the call stack), no path strings until
 * one is needed. Buffers and streams are not entered.
 */
export function unstorableFields(value: unknown, location: string): FieldError[] {
  const errors: FieldError[] = [];
  const stack: Place[] = [{ value, parent: undefined, name: location }];
  while (stack.length > 0 && errors.length < MAX_ERRORS) {
    const place = stack.pop() as Place;
    const v = place.value;
    if (typeof v === 'string') {
      const rule = textProblem(v);
      if (rule) errors.push({ field: pathOf(place), rule, message: MESSAGES[rule] });
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push({ value: v[i], parent: place, name: i });
    } else if (isContainer(v)) {
      for (const key in v) {
        if (!Object.hasOwn(v, key)) continue;
        const rule = textProblem(key);
        if (rule)
          errors.push({ field: pathOf(place, printable(key)), rule, message: `the name ${MESSAGES[rule]}` });
        else stack.push({ value: v[key], parent: place, name: key });
      }
    }
  }
  return errors;
}

/** Throws the 400 for a request part holding text the database cannot store. */
export function refuseUnstorable(value: unknown, location: string): void {
  const errors = unstorableFields(value, location);
  if (errors.length > 0) throw unstorable(errors);
}

function unstorable(errors: FieldError[]): AppError {
  return new AppError('validation-failed', {
    detail: 'The request holds text that cannot be stored (U+0000 or a lone UTF-16 surrogate).',
    errors,
  });
}

/**
 * The one guard for every route: headers, params, query string and the parsed body (JSON or
 * form) are checked before validation and handlers. Multipart fields are read later, by the upload
 * routes, which call `refuseUnstorable` on them.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', (req, _reply, done) => {
    const errors = [
      // Over HTTP the parser refuses NUL in header values; in-process requests (inject) do not.
      ...unstorableFields(req.headers, 'header'),
      ...unstorableFields(req.params, 'params'),
      ...unstorableFields(req.query, 'query'),
      ...unstorableFields(req.body, 'body'),
    ];
    done(errors.length > 0 ? unstorable(errors) : undefined);
  });
}
