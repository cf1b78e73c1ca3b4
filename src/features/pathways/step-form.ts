/**
 * The questionnaire's and calculators' forms as Zod schemas, one per step, built from the step's
 * fields. Where the form and the JSON API take the same fact (a calendar date, an ISCO-08 code, a
 * country code, an amount and its bound), the form checks it with the API's schema (`input.ts`),
 * after reading it as people type it (`1.3.2026`, `52.000`). Answers come out normalised, as
 * strings; an empty answer means "not given". Each refusal's message is its key under
 * `pathways.error.`, one per field.
 */
import { z } from 'zod';
import type { FieldError } from '../../platform/http/errors.ts';
import type { Translator } from '../../platform/i18n/index.ts';
import { isCountryCode } from '../../web/countries.ts';
import { isoFromInput } from '../../web/forms.ts';
import { amount, countryCode, isco08, isoDate } from './input.ts';
import { type Answers, type FieldDef, JOBS, type StepDef } from './questionnaire.ts';

const MAX_LENGTH = 40;

/**
 * Reads an amount as people type it: `52000`, `52 000`, `52.000` or `52,000`, `52.000,50`,
 * `52000.5`. Null when it is not a number.
 */
export function parseAmount(raw: string): number | null {
  const s = raw.replace(/[\s\u00a0\u202f€]/g, '');
  if (s === '') return null;
  let normal: string;
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s)) normal = s.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(s)) normal = s.replace(/,/g, '');
  else if (/^\d+(,\d{1,2})$/.test(s)) normal = s.replace(',', '.');
  else if (/^\d+(\.\d{1,2})?$/.test(s)) normal = s;
  else return null;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

/** Passes when the API's schema takes the value. */
const takenBy = (schema: z.ZodType) => (value: unknown) => schema.safeParse(value).success;

function numberSchema(f: FieldDef): z.ZodType<number, number> {
  let n: z.ZodType<number, number> = z.number({ error: 'number' });
  if (f.kind === 'whole') n = n.refine(Number.isInteger, { error: 'whole', abort: true });
  return f.max === undefined ? n : n.refine(takenBy(amount(f.max)), { error: 'max' });
}

/** A given (non-empty, trimmed) answer of the field's kind, normalised. */
function valueSchema(f: FieldDef): z.ZodType<string, string> {
  switch (f.kind) {
    case 'date':
      return z.string().transform(isoFromInput).refine(takenBy(isoDate), { error: 'date' });
    case 'radio':
    case 'select':
      return z.string().refine((v) => f.options?.includes(v) ?? false, { error: 'choice' });
    case 'yes-no':
      return z.enum(['yes', 'no'], { error: 'choice' });
    case 'whole':
    case 'amount':
      return z.string().transform(parseAmount).pipe(numberSchema(f)).transform(String);
    case 'isco':
      return z.string().refine(takenBy(isco08), { error: 'isco' });
    case 'country':
      return z
        .string()
        .transform((s) => s.toUpperCase())
        .refine((c) => takenBy(countryCode)(c) && isCountryCode(c), { error: 'country' });
  }
}

/** One field: trimmed; empty is "not given" (refused if required), else too long or checked by kind. */
function answerSchema(f: FieldDef): z.ZodType<string, unknown> {
  const text = z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string());
  const given = z.string().max(MAX_LENGTH, { error: 'too-long' }).pipe(valueSchema(f));
  if (f.required) return text.pipe(z.string().min(1, { error: 'required' }).pipe(given));
  return text.pipe(
    z.string().transform((s, ctx) => {
      if (s === '') return s;
      const result = given.safeParse(s);
      if (result.success) return result.data;
      ctx.addIssue({ code: 'custom', message: result.error.issues[0]?.message ?? 'choice' });
      return z.NEVER;
    }),
  );
}

/** A refusal that needs several answers; runs beside the fields' own checks, so all errors show at once. */
interface CrossCheck {
  field: string;
  key: string;
  /** `answer` gives a field's normalised answer, undefined when it failed its own check. */
  refuses: (answer: (name: string) => string | undefined, failed: (name: string) => boolean) => boolean;
}

function crossChecks(step: StepDef, today: string): CrossCheck[] {
  const checks: CrossCheck[] = [];
  if (step.id === 'experience') {
    for (const i of JOBS) {
      const [from, to, isco] = [`exp${i}From`, `exp${i}To`, `exp${i}Isco`];
      checks.push({
        field: from,
        key: 'job-from-required',
        refuses: (a, failed) => !a(from) && !!(a(to) || a(isco)) && !failed(from),
      });
      checks.push({
        field: to,
        key: 'to-before-from',
        refuses: (a, failed) => {
          const [start, end] = [a(from), a(to)];
          return !!start && !!end && end < start && !failed(to);
        },
      });
    }
  }
  if (step.fields.some((f) => f.name === 'birthDate')) {
    checks.push({ field: 'birthDate', key: 'future', refuses: (a) => (a('birthDate') ?? '') > today });
  }
  return checks;
}

/**
 * The one schema of a step's form: its fields and the checks across them. `today` (in Germany)
 * is the latest birth date.
 */
export function stepForm(step: StepDef, today: string): z.ZodType<Answers, unknown> {
  let schema: z.ZodType<Answers, unknown> = z.object(
    Object.fromEntries(step.fields.map((f) => [f.name, answerSchema(f)])),
  );
  for (const check of crossChecks(step, today)) {
    schema = schema.refine(() => false, {
      path: [check.field],
      error: check.key,
      when: (payload) => {
        const failed = (name: string) => payload.issues.some((i) => i.path?.[0] === name);
        const values = (payload.value ?? {}) as Answers;
        return check.refuses((name) => (failed(name) ? undefined : values[name]), failed);
      },
    });
  }
  return schema;
}

/** A failing field's message in the page's language (the field's label, a number's bound). */
export function stepFormMessage(t: Translator, step: StepDef): (error: FieldError) => string {
  return (e) =>
    t.t(`pathways.error.${e.message}`, {
      field: t.t(`pathways.field.${e.field.replace(/^exp\d/, 'exp')}.label`),
      max: step.fields.find((f) => f.name === e.field)?.max ?? 0,
    });
}
