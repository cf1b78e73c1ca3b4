/**
 * Reading the activity form and the register's search from a request: the typed values kept for showing the form
 * again, dates as people type them turned into ISO form, and each refusal of the check turned into the page's words.
 */

import { isIsoDate } from '../../domain/calendar.ts';
import type { ActivityRefusal, RegisterFilter } from '../../domain/workspace/activity.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import type { Translator } from '../../platform/i18n/index.ts';
import { isoFromInput } from '../../web/forms.ts';
import { EMPTY_FORM, type FormInput } from './form-views.tsx';
import type { FilterInput } from './register-views.tsx';
import type { ActivityRow } from './service.ts';

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const strs = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');

/** The form's fields as sent (a GET's query prefills the same fields). */
export function formInput(body: unknown): FormInput {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  return {
    kind: str(b.kind),
    title: str(b.title),
    description: str(b.description),
    countries: strs(b.countries),
    occupations: strs(b.occupations),
    start: str(b.start),
    end: str(b.end),
    budget: str(b.budget),
    fundingSource: str(b.fundingSource),
    contactName: str(b.contactName),
    contactEmail: str(b.contactEmail),
    contactPhone: str(b.contactPhone),
    status: str(b.status) || EMPTY_FORM.status,
    outcomes: str(b.outcomes),
    public: str(b.public) !== '',
  };
}

/** What the domain check reads: the typed fields with the dates in ISO form. */
export function checkedFields(input: FormInput): Record<string, unknown> {
  return {
    ...input,
    start: isoFromInput(input.start),
    end: isoFromInput(input.end),
    public: input.public ? 'yes' : undefined,
  };
}

/** An activity as the form shows it for a change. */
export function rowInput(a: ActivityRow, t: Translator): FormInput {
  return {
    kind: a.kind,
    title: a.title,
    description: a.description,
    countries: a.countries,
    occupations: a.occupations,
    start: a.periodStart,
    end: a.periodEnd,
    budget: a.budgetCents === null ? '' : t.number(a.budgetCents / 100, { minimumFractionDigits: 2 }),
    fundingSource: a.fundingSource,
    contactName: a.contactName,
    contactEmail: a.contactEmail,
    contactPhone: a.contactPhone,
    status: a.status,
    outcomes: a.outcomes,
    public: a.isPublic,
  };
}

export const fieldErrorsOf = (refusals: readonly ActivityRefusal[], t: Translator): FieldError[] =>
  refusals.map((r) => ({ field: r.field, rule: r.rule, message: t.t(`activities.error.${r.field}`) }));

/** The register's search from the query: as typed, as a filter, and the dates that are no dates. */
export function filterOf(query: unknown): { input: FilterInput; filter: RegisterFilter; bad: string[] } {
  const q = (typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>;
  const input: FilterInput = {
    state: str(q.state),
    country: str(q.country),
    occupation: str(q.occupation).slice(0, 100),
    kind: str(q.kind),
    status: str(q.status),
    from: str(q.from),
    to: str(q.to),
  };
  const bad: string[] = [];
  const date = (field: 'from' | 'to') => {
    if (input[field] === '') return undefined;
    const iso = isoFromInput(input[field]);
    if (isIsoDate(iso)) return iso;
    bad.push(field);
    return undefined;
  };
  const from = date('from');
  const to = date('to');
  const filter: RegisterFilter = {
    state: input.state,
    country: input.country,
    occupation: input.occupation,
    kind: input.kind,
    status: input.status,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  return { input, filter, bad };
}
