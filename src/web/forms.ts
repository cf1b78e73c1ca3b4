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

/**
 * A calendar date as people type it in every date field of the site: day, month and year
 * (`14.05.2019`, `14.5.2019`, `14/05/2019`, `14-05-2019`) or the ISO form `2019-05-14`. Gives the
 * ISO form (not yet checked for a real day); anything else comes back trimmed, as typed, so that
 * the field's check reports it.
 */
export function isoFromInput(raw: string): string {
  const s = raw.trim();
  const m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s);
  return m ? `${m[3]}-${(m[2] as string).padStart(2, '0')}-${(m[1] as string).padStart(2, '0')}` : s;
}
