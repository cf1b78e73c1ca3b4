import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../platform/http/errors.ts';
import type { ViewContext } from '../../web/context.ts';
import { localizedUrl } from '../../web/paths.ts';
import { IDENTITY_PATHS } from './paths.ts';

// What the identity pages read from a posted form, the errors they show and the pages they send the browser to.

/** The fields of a posted form as strings (a field that is not a string reads as empty). */
export function formFields(req: FastifyRequest): Record<string, string> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
}

/** All values of a form field (checkboxes send one value each). */
export function formValues(req: FastifyRequest, name: string, maxLength = 16): string[] {
  const v = ((req.body ?? {}) as Record<string, unknown>)[name];
  const list = Array.isArray(v) ? v : [v];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.slice(0, maxLength));
}

/** A field's error in the page's language. */
export const fieldError = (ctx: ViewContext, field: string, rule: string, key: string): FieldError => ({
  field,
  rule,
  message: ctx.t.t(key),
});

/** An identity page in the language of the current one. */
export const pageUrl = (ctx: ViewContext, key: keyof typeof IDENTITY_PATHS) =>
  localizedUrl(IDENTITY_PATHS[key], ctx.locale);

/** An id as the forms send it back. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
