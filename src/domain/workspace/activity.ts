/**
 * An activity of a state to win international workers (issue 17, agreement V4): what it is, where and for which
 * occupations, when, with what money and whom to ask. Pure: the check of a form's values, the amount typed in
 * either language, and the register's filter.
 */
import { type IsoDate, isIsoDate } from '../calendar.ts';

export const ACTIVITY_KINDS = [
  'recruitment-project',
  'partnership',
  'fair',
  'campaign',
  'counselling-programme',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_STATUSES = ['planned', 'running', 'finished'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** What a ministry officer records (the state comes from the officer's ministry, never from the form). */
export interface ActivityInput {
  readonly kind: ActivityKind;
  readonly title: string;
  readonly description: string;
  readonly countries: readonly string[];
  readonly occupations: readonly string[];
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly budgetCents: number | null;
  readonly fundingSource: string;
  readonly contactName: string;
  readonly contactEmail: string;
  readonly contactPhone: string;
  readonly status: ActivityStatus;
  readonly outcomes: string;
  readonly isPublic: boolean;
}

/** A refused field and the rule it broke (the page turns it into words). */
export interface ActivityRefusal {
  readonly field: string;
  readonly rule: 'required' | 'enum' | 'length' | 'format' | 'unknown' | 'too-many' | 'after-start' | 'range';
}

export const LIMITS = {
  title: 200,
  description: 2000,
  fundingSource: 300,
  contactName: 200,
  contactEmail: 254,
  contactPhone: 40,
  outcomes: 4000,
  countries: 20,
  occupations: 20,
  /** A hundred million euros, in cents. */
  budgetCents: 10_000_000_000,
} as const;

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const list = (v: unknown): string[] => {
  const all = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return [...new Set(all.map(text).filter((s) => s !== ''))];
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()/-]{5,}$/;

/**
 * An amount of euros as typed, in cents: `12500`, `12.500,50` (German) or `12,500.50` (English), with or without
 * `€`. A lone separator followed by exactly three digits is a thousands separator; by one or two, the decimal
 * mark. Null for anything else.
 */
export function parseEuroCents(raw: string): number | null {
  const s = raw.replace(/[\s\u00a0€]|EUR/gi, '');
  if (s === '') return null;
  let euros: string;
  let cents = '';
  const m = /^(\d{1,3}(?:([.,])\d{3})*)(?:([.,])(\d{1,2}))?$/.exec(s);
  if (m && (m[3] === undefined || m[3] !== m[2]) && new Set((m[1] as string).replace(/\d/g, '')).size <= 1) {
    euros = (m[1] as string).replace(/[.,]/g, '');
    cents = m[4] ?? '';
  } else {
    const plain = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(s);
    if (!plain) return null;
    euros = plain[1] as string;
    cents = plain[2] ?? '';
  }
  const value = Number(euros) * 100 + Number(cents.padEnd(2, '0') || '0');
  return Number.isSafeInteger(value) ? value : null;
}

/** What the check needs to know from outside: which country codes and occupation ids exist. */
export interface KnownValues {
  readonly isCountry: (code: string) => boolean;
  readonly isOccupation: (id: string) => boolean;
}

/**
 * Checks the fields of the activity form (urlencoded: repeated names come as arrays; dates already in ISO form) and
 * gives the activity, or every refused field. `public` is a checkbox: present means yes.
 */
export function checkActivity(
  body: Readonly<Record<string, unknown>>,
  known: KnownValues,
): { ok: true; value: ActivityInput } | { ok: false; errors: ActivityRefusal[] } {
  const errors: ActivityRefusal[] = [];
  const refuse = (field: string, rule: ActivityRefusal['rule']) => errors.push({ field, rule });
  const sized = (field: keyof typeof LIMITS, required: boolean, min = 1): string => {
    const v = text(body[field]);
    if (v === '') {
      if (required) refuse(field, 'required');
    } else if (v.length < min || v.length > LIMITS[field]) refuse(field, 'length');
    return v;
  };
  const kind = text(body.kind);
  if (!(ACTIVITY_KINDS as readonly string[]).includes(kind)) refuse('kind', kind ? 'enum' : 'required');
  const title = sized('title', true, 3);
  const description = sized('description', false);
  const countries = list(body.countries);
  if (countries.length === 0) refuse('countries', 'required');
  else if (countries.length > LIMITS.countries) refuse('countries', 'too-many');
  else if (!countries.every(known.isCountry)) refuse('countries', 'unknown');
  const occupations = list(body.occupations);
  if (occupations.length > LIMITS.occupations) refuse('occupations', 'too-many');
  else if (!occupations.every(known.isOccupation)) refuse('occupations', 'unknown');
  const start = text(body.start);
  const end = text(body.end);
  if (start === '') refuse('start', 'required');
  else if (!isIsoDate(start)) refuse('start', 'format');
  if (end === '') refuse('end', 'required');
  else if (!isIsoDate(end)) refuse('end', 'format');
  else if (isIsoDate(start) && end < start) refuse('end', 'after-start');
  const budgetText = text(body.budget);
  const budgetCents = budgetText === '' ? null : parseEuroCents(budgetText);
  if (budgetText !== '' && budgetCents === null) refuse('budget', 'format');
  else if (budgetCents !== null && budgetCents > LIMITS.budgetCents) refuse('budget', 'range');
  const fundingSource = sized('fundingSource', false);
  const contactName = sized('contactName', true, 2);
  const contactEmail = sized('contactEmail', true);
  if (contactEmail !== '' && contactEmail.length <= LIMITS.contactEmail && !EMAIL.test(contactEmail))
    refuse('contactEmail', 'format');
  const contactPhone = sized('contactPhone', false);
  if (contactPhone !== '' && contactPhone.length <= LIMITS.contactPhone && !PHONE.test(contactPhone))
    refuse('contactPhone', 'format');
  const status = text(body.status);
  if (!(ACTIVITY_STATUSES as readonly string[]).includes(status))
    refuse('status', status ? 'enum' : 'required');
  const outcomes = sized('outcomes', false);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      kind: kind as ActivityKind,
      title,
      description,
      countries: [...countries].sort(),
      occupations: [...occupations].sort(),
      start,
      end,
      budgetCents,
      fundingSource,
      contactName,
      contactEmail,
      contactPhone,
      status: status as ActivityStatus,
      outcomes,
      isPublic: body.public !== undefined && body.public !== '',
    },
  };
}

/** An activity as the register lists it (what the filter looks at). */
export interface RegisterEntry {
  readonly stateCode: string;
  readonly kind: ActivityKind;
  readonly status: ActivityStatus;
  readonly countries: readonly string[];
  /** The names of its occupations in the page's language and in German (searched by text). */
  readonly occupationNames: readonly string[];
  readonly title: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** The register's search (GET fields); an empty field filters nothing. */
export interface RegisterFilter {
  readonly state?: string;
  readonly country?: string;
  /** Words in an occupation's name or the activity's title, case-insensitive. */
  readonly occupation?: string;
  readonly kind?: string;
  readonly status?: string;
  /** Activities running at some day between these (either may be open). */
  readonly from?: IsoDate;
  readonly to?: IsoDate;
}

const fold = (s: string) =>
  s
    .toLocaleLowerCase('de')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');

/** True when the entry matches every field of the filter that is set. */
export function matchesFilter(e: RegisterEntry, f: RegisterFilter): boolean {
  if (f.state && e.stateCode !== f.state) return false;
  if (f.country && !e.countries.includes(f.country)) return false;
  if (f.kind && e.kind !== f.kind) return false;
  if (f.status && e.status !== f.status) return false;
  if (f.from && e.end < f.from) return false;
  if (f.to && e.start > f.to) return false;
  const words = fold(f.occupation ?? '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length > 0) {
    const names = [...e.occupationNames, e.title].map(fold);
    if (!words.every((w) => names.some((n) => n.includes(w)))) return false;
  }
  return true;
}
