/**
 * The employer's confirmation form (issue 18): start, hours per week, gross pay per month, and either an
 * unlimited contract or its last day. Each refusal names the field and the rule; dates are typed 01.03.2026.
 */
import { isIsoDate } from '../../../domain/calendar.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import type { Translator } from '../../../platform/i18n/index.ts';
import { isoFromInput } from '../../../web/forms.ts';
import type { Confirmation, EmploymentRow } from './service.ts';

export const CONFIRM_FIELDS = ['startedOn', 'hoursPerWeek', 'monthlyGross', 'contract', 'endsOn'] as const;
type Field = (typeof CONFIRM_FIELDS)[number];
export type ConfirmInput = Record<Field, string>;
type Refusal = { field: Field; rule: string };

const str = (v: unknown): string => (typeof v === 'string' ? v.trim().slice(0, 40) : '');

export function confirmInput(body: unknown): ConfirmInput {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  return Object.fromEntries(CONFIRM_FIELDS.map((f) => [f, str(b[f])])) as ConfirmInput;
}

const typed = (iso: string | null) => (iso === null ? '' : iso.split('-').reverse().join('.'));

/** A stored confirmation as the form shows it (empty when not yet confirmed). */
export function rowConfirmInput(row: EmploymentRow): ConfirmInput {
  return {
    startedOn: typed(row.startedOn),
    hoursPerWeek: row.hoursPerWeek === null ? '' : String(row.hoursPerWeek),
    monthlyGross: row.monthlyGrossEur === null ? '' : String(row.monthlyGrossEur),
    contract: row.permanent === null ? '' : row.permanent ? 'permanent' : 'fixed',
    endsOn: typed(row.contractEndsOn),
  };
}

function whole(text: string, min: number, max: number): number | 'required' | 'number' | 'range' {
  if (text === '') return 'required';
  const clean = text.replace(/\s/g, '').replace(/\.(?=\d{3}(\D|$))/g, '');
  if (!/^\d+$/.test(clean)) return 'number';
  const n = Number(clean);
  return n < min || n > max ? 'range' : n;
}

/** Checks the typed fields; the confirmation, or every refusal. */
export function checkConfirm(
  input: ConfirmInput,
): { ok: true; value: Confirmation } | { ok: false; errors: Refusal[] } {
  const errors: Refusal[] = [];
  const date = (f: Field): string | null => {
    if (input[f] === '') {
      errors.push({ field: f, rule: 'required' });
      return null;
    }
    const iso = isoFromInput(input[f]);
    if (isIsoDate(iso)) return iso;
    errors.push({ field: f, rule: 'date' });
    return null;
  };
  const startedOn = date('startedOn');
  const hours = whole(input.hoursPerWeek, 1, 60);
  if (typeof hours !== 'number') errors.push({ field: 'hoursPerWeek', rule: hours });
  const gross = whole(input.monthlyGross, 1, 100_000);
  if (typeof gross !== 'number') errors.push({ field: 'monthlyGross', rule: gross });
  let endsOn: string | null = null;
  if (input.contract === '') errors.push({ field: 'contract', rule: 'required' });
  else if (input.contract !== 'permanent' && input.contract !== 'fixed')
    errors.push({ field: 'contract', rule: 'choice' });
  else if (input.contract === 'fixed') {
    endsOn = date('endsOn');
    if (endsOn !== null && startedOn !== null && endsOn <= startedOn)
      errors.push({ field: 'endsOn', rule: 'after-start' });
  }
  if (errors.length > 0 || startedOn === null || typeof hours !== 'number' || typeof gross !== 'number')
    return { ok: false, errors };
  const permanent = input.contract === 'permanent';
  return {
    ok: true,
    value: { startedOn, hoursPerWeek: hours, monthlyGrossEur: gross, permanent, contractEndsOn: endsOn },
  };
}

export const confirmErrorsOf = (refusals: readonly Refusal[], t: Translator): FieldError[] =>
  refusals.map((r) => ({
    field: r.field,
    rule: r.rule,
    message: t.t(`companion.employment.error.${r.field}.${r.rule}`),
  }));
