import type { z } from 'zod';
import { type FieldError, fieldErrors } from '../platform/http/errors.ts';

/** What a form gives back: its values, or the failing fields with messages for the page. */
export type FormResult<T> = { ok: true; values: T } | { ok: false; errors: FieldError[] };

/**
 * Validates the fields of an HTML form (urlencoded body) with one Zod schema, the boundary's one
 * schema. Field errors are named by the form field (no `body.` prefix), as pages show them beside
 * the field; `message` turns an error into the page's language (default: Zod's message).
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  body: unknown,
  message: (error: FieldError) => string = (e) => e.message,
): FormResult<z.output<S>> {
  const fields = typeof body === 'object' && body !== null ? body : {};
  const result = schema.safeParse(fields);
  if (result.success) return { ok: true, values: result.data };
  const errors = fieldErrors('body', result.error.issues).map((e) => {
    const error = { ...e, field: e.field.replace(/^body\.?/, '') || 'form' };
    return { ...error, message: message(error) };
  });
  return { ok: false, errors };
}
