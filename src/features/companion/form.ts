/**
 * The companion form (issue 18): the fields as typed, their check (each refusal names the field and the rule),
 * and a stored row as the form shows it again. Dates are typed as people write them (01.03.2026).
 */
import { isIsoDate } from '../../domain/calendar.ts';
import { LANGUAGE_LEVELS, type LanguageLevel } from '../../domain/law/index.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import type { Translator } from '../../platform/i18n/index.ts';
import { isoFromInput } from '../../web/forms.ts';
import { STATE_CODES } from '../regions/index.ts';
import type { HolderInput, HolderRow } from './service.ts';

export const FORM_FIELDS = [
  'state',
  'district',
  'grantedOn',
  'expiresOn',
  'birthDate',
  'inGermanySince',
  'german',
  'livelihood',
  'child',
  'school',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type FormInput = Record<FormField, string>;
export type Refusal = { field: FormField; rule: string };

export const EMPTY_FORM: FormInput = Object.fromEntries(FORM_FIELDS.map((f) => [f, ''])) as FormInput;

const str = (v: unknown): string => (typeof v === 'string' ? v.trim().slice(0, 100) : '');

export function formInput(body: unknown): FormInput {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  return Object.fromEntries(FORM_FIELDS.map((f) => [f, str(b[f])])) as FormInput;
}

const YES_NO = ['yes', 'no'];

/** Checks the typed fields on `today`; the stored values, or every refusal. */
export function checkForm(
  input: FormInput,
  today: string,
  districts: readonly { ags: string; stateCode: string }[] = [],
): { ok: true; value: HolderInput } | { ok: false; errors: Refusal[] } {
  const errors: Refusal[] = [];
  const refuse = (field: FormField, rule: string) => errors.push({ field, rule });
  const date = (field: FormField, required: boolean): string | null => {
    if (input[field] === '') {
      if (required) refuse(field, 'required');
      return null;
    }
    const iso = isoFromInput(input[field]);
    if (!isIsoDate(iso)) {
      refuse(field, 'date');
      return null;
    }
    return iso;
  };
  if (input.state === '') refuse('state', 'required');
  else if (!(STATE_CODES as readonly string[]).includes(input.state)) refuse('state', 'choice');
  const district = districts.find((d) => d.ags === input.district);
  if (input.district !== '' && !district) refuse('district', 'choice');
  else if (district && STATE_CODES.includes(input.state as never) && district.stateCode !== input.state)
    refuse('district', 'in-state');
  const grantedOn = date('grantedOn', true);
  if (grantedOn !== null && grantedOn > today) refuse('grantedOn', 'not-in-future');
  const expiresOn = date('expiresOn', true);
  if (grantedOn !== null && expiresOn !== null && expiresOn <= grantedOn)
    refuse('expiresOn', 'after-granted');
  const birthDate = date('birthDate', true);
  if (birthDate !== null && birthDate >= today) refuse('birthDate', 'in-past');
  const since = date('inGermanySince', false);
  if (since !== null && since > today) refuse('inGermanySince', 'not-in-future');
  if (input.german !== '' && !(LANGUAGE_LEVELS as readonly string[]).includes(input.german))
    refuse('german', 'choice');
  for (const f of ['livelihood', 'child', 'school'] as const)
    if (input[f] !== '' && !YES_NO.includes(input[f])) refuse(f, 'choice');
  if (errors.length > 0 || grantedOn === null || expiresOn === null || birthDate === null)
    return { ok: false, errors };
  const yesNo = (v: string) => (v === '' ? null : v === 'yes');
  return {
    ok: true,
    value: {
      stateCode: input.state,
      districtAgs: district?.ags ?? null,
      permitGrantedOn: grantedOn,
      permitExpiresOn: expiresOn,
      birthDate,
      inGermanySince: since,
      german: input.german === '' ? null : (input.german as LanguageLevel),
      livelihoodMainlyFromWork: yesNo(input.livelihood),
      livesWithMinorChild: yesNo(input.child),
      germanSchoolOrQualification: yesNo(input.school),
    },
  };
}

export const fieldErrorsOf = (refusals: readonly Refusal[], t: Translator): FieldError[] =>
  refusals.map((r) => ({
    field: r.field,
    rule: r.rule,
    message: t.t(`companion.error.${r.field}.${r.rule}`),
  }));

/** 2026-03-01 → 01.03.2026, the way the form asks for dates. */
const typed = (iso: string | null) => (iso === null ? '' : iso.split('-').reverse().join('.'));
const yesNoText = (v: boolean | null) => (v === null ? '' : v ? 'yes' : 'no');

/** A stored row as the form shows it. */
export function rowInput(row: HolderRow): FormInput {
  return {
    state: row.stateCode,
    district: row.districtAgs ?? '',
    grantedOn: typed(row.permitGrantedOn),
    expiresOn: typed(row.permitExpiresOn),
    birthDate: typed(row.birthDate),
    inGermanySince: typed(row.inGermanySince),
    german: row.german ?? '',
    livelihood: yesNoText(row.livelihoodMainlyFromWork),
    child: yesNoText(row.livesWithMinorChild),
    school: yesNoText(row.germanSchoolOrQualification),
  };
}
