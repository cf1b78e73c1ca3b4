/** Shared by the journey's pages: the posted form, the actor, field errors and notices in the visitor's language. */
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../../domain/access/policy.ts';
import { REFUSAL_CODES, type RefusalCode } from '../../domain/journey/commands-events.ts';
import { AppError, type FieldError, fieldErrors } from '../../platform/http/errors.ts';
import type { ViewContext } from '../../web/context.ts';
import type { Notice } from './view-parts.tsx';

type Form = Record<string, string | undefined>;

export function formOf(req: FastifyRequest): Form {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const out: Form = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', { detail: 'Sign in first.' });
  return req.actor;
}

/** Field errors in the visitor's language. */
export function localise(
  ctx: ViewContext,
  errors: readonly FieldError[],
  labels: Readonly<Record<string, string>> = {},
): FieldError[] {
  return errors.map((e) => {
    const kind =
      e.rule === 'required' || e.rule.startsWith('min')
        ? 'required'
        : e.rule === 'enum' || e.rule.startsWith('type')
          ? 'choose'
          : 'format';
    // Where the form names its fields, the message names the field (GOV.UK error summary pattern).
    const label = labels[e.field.replace(/^body\./, '')];
    const message = label
      ? ctx.t.t(`journeys.error.${kind}-field`, { field: ctx.t.t(label) })
      : ctx.t.t(`journeys.error.${kind}`);
    return { ...e, message };
  });
}

export function parse<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { data: z.output<S> } | { errors: FieldError[] } {
  const r = schema.safeParse(input);
  return r.success ? { data: r.data } : { errors: fieldErrors('body', r.error.issues) };
}

/** The notice for a refusal, named by its code (also after a redirect: `?refused=<code>`). */
export function refusedNotice(ctx: ViewContext, code: RefusalCode): Notice {
  const key = `journey.refusal.${code}`;
  return {
    kind: 'danger',
    title: ctx.t.t('journeys.journey.refused'),
    text: ctx.t.has(key) ? ctx.t.t(key) : ctx.t.t('journeys.journey.refused'),
  };
}

/** The refusal a page was redirected with, when it is one the domain knows. */
export function refusedOf(req: FastifyRequest): RefusalCode | undefined {
  const code = (req.query as Record<string, unknown> | undefined)?.refused;
  return typeof code === 'string' && (REFUSAL_CODES as readonly string[]).includes(code)
    ? (code as RefusalCode)
    : undefined;
}

export const done = (ctx: ViewContext): Notice => ({
  kind: 'success',
  title: ctx.t.t('journeys.journey.done'),
});
export const saved = (req: FastifyRequest) => String(req.url).includes('done=1');
