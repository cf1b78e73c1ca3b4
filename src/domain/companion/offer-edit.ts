/**
 * Maintaining a support offer (issue 18): the values an administrator or a state officer keeps, the check of the
 * form (each refusal names the field and the rule), and what changed between two versions. Pure: the caller passes
 * the districts of each state and the offer's tags before the change.
 */
import { isIsoDate } from '../calendar.ts';
import { OFFER_TOPICS, type OfferTopic, TOPIC_TAGS } from './offers.ts';

export const OFFER_LEVELS = ['federal', 'state', 'municipal'] as const;

/** The maintained values of an offer: what a version keeps. */
export interface OfferValues {
  readonly nameDe: string;
  readonly nameEn: string;
  readonly provider: string;
  readonly levels: readonly string[];
  /** Null: nationwide. */
  readonly stateCode: string | null;
  readonly districtAgs: string | null;
  /** The research's tags of what the offer helps with (the form asks for topics). */
  readonly conditions: readonly string[];
  readonly languages: string | null;
  readonly costDe: string | null;
  readonly costEn: string | null;
  readonly contactUrl: string | null;
  readonly sourceUrls: readonly string[];
  /** The source's own date: a day, a month or a year. */
  readonly sourceDate: string | null;
}

export const OFFER_VALUE_FIELDS = [
  'nameDe',
  'nameEn',
  'provider',
  'levels',
  'stateCode',
  'districtAgs',
  'conditions',
  'languages',
  'costDe',
  'costEn',
  'contactUrl',
  'sourceUrls',
  'sourceDate',
] as const satisfies readonly (keyof OfferValues)[];
export type OfferValueField = (typeof OFFER_VALUE_FIELDS)[number];

/** The form's fields: the values with topics standing for the tags, and the reason that goes with every change. */
export type OfferFormField = Exclude<OfferValueField, 'conditions'> | 'topics' | 'reason';
export const OFFER_FORM_FIELDS: readonly OfferFormField[] = [
  ...OFFER_VALUE_FIELDS.map((f) => (f === 'conditions' ? ('topics' as const) : f)),
  'reason',
];
export type OfferForm = { readonly [F in OfferFormField]: F extends 'levels' | 'topics' ? string[] : string };
export type OfferRefusal = { readonly field: OfferFormField; readonly rule: string };

export const REASON_MIN = 3;
export const TEXT_MAX = 300;
export const REASON_MAX = 500;
const URL_RE = /^https?:\/\/[^\s]+$/;
const SOURCE_DATE_RE = /^\d{4}(-\d{2})?$/;

/**
 * The source's date as typed — a year (2026), a month (11.2026) or a day (01.11.2026; ISO forms too) — as stored:
 * 2026, 2026-11, 2026-11-01; null when empty or not a date.
 */
export function sourceDateFromInput(typed: string): string | null {
  const month = /^(\d{1,2})\.(\d{4})$/.exec(typed);
  const day = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(typed);
  let value = typed;
  if (month) value = `${month[2]}-${month[1]?.padStart(2, '0')}`;
  if (day) value = `${day[3]}-${day[2]?.padStart(2, '0')}-${day[1]?.padStart(2, '0')}`;
  if (SOURCE_DATE_RE.test(value))
    return value.length === 4 || Number(value.slice(5)) in MONTHS ? value : null;
  return isIsoDate(value) ? value : null;
}

const MONTHS: Record<number, true> = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [i + 1, true]));

/** A stored source date as the form shows it: 2026, 11.2026, 01.11.2026. */
export const sourceDateForInput = (stored: string | null): string =>
  stored === null ? '' : stored.split('-').reverse().join('.');

/** The tags for the chosen topics: the offer's own tags where it has some for a topic, else all of the topic's. */
export function tagsFor(topics: readonly OfferTopic[], before: readonly string[]): string[] {
  return topics.flatMap((topic) => {
    const own = TOPIC_TAGS[topic].filter((tag) => before.includes(tag));
    return own.length > 0 ? own : [...TOPIC_TAGS[topic]];
  });
}

/** The topics an offer's tags belong to. */
export const topicsOf = (conditions: readonly string[]): OfferTopic[] =>
  OFFER_TOPICS.filter((topic) => TOPIC_TAGS[topic].some((tag) => conditions.includes(tag)));

export interface OfferFormContext {
  /** The states the editor may place an offer in ('' among them: nationwide). */
  readonly states: readonly string[];
  /** The districts (AGS) of a state. */
  readonly districtsOf: (stateCode: string) => readonly string[];
  /** The offer's tags before the change (none for a new offer). */
  readonly conditionsBefore: readonly string[];
}

/** Checks the form; the values and the reason, or every refusal. */
export function checkOfferForm(
  f: OfferForm,
  c: OfferFormContext,
): { ok: true; values: OfferValues; reason: string } | { ok: false; errors: OfferRefusal[] } {
  const errors: OfferRefusal[] = [];
  const refuse = (field: OfferFormField, rule: string) => errors.push({ field, rule });
  const text = (field: 'nameDe' | 'nameEn' | 'provider', max = TEXT_MAX) => {
    if (f[field] === '') refuse(field, 'required');
    else if (f[field].length > max) refuse(field, 'too-long');
  };
  const optional = (field: 'languages' | 'costDe' | 'costEn'): string | null => {
    if (f[field].length > TEXT_MAX) refuse(field, 'too-long');
    return f[field] === '' ? null : f[field];
  };
  text('nameDe');
  text('nameEn');
  text('provider');
  if (f.levels.length === 0) refuse('levels', 'required');
  else if (f.levels.some((l) => !(OFFER_LEVELS as readonly string[]).includes(l))) refuse('levels', 'choice');
  if (!c.states.includes(f.stateCode)) refuse('stateCode', 'choice');
  if (f.districtAgs !== '') {
    if (f.stateCode === '' || !c.districtsOf(f.stateCode).includes(f.districtAgs))
      refuse('districtAgs', 'choice');
  }
  if (f.topics.length === 0) refuse('topics', 'required');
  else if (f.topics.some((x) => !(OFFER_TOPICS as readonly string[]).includes(x))) refuse('topics', 'choice');
  const languages = optional('languages');
  const costDe = optional('costDe');
  const costEn = optional('costEn');
  if (f.contactUrl !== '' && (!URL_RE.test(f.contactUrl) || f.contactUrl.length > TEXT_MAX))
    refuse('contactUrl', 'url');
  const sources = f.sourceUrls
    .split(/\s+/)
    .map((u) => u.trim())
    .filter(Boolean);
  if (sources.length === 0) refuse('sourceUrls', 'required');
  else if (sources.length > 5 || sources.some((u) => !URL_RE.test(u) || u.length > TEXT_MAX))
    refuse('sourceUrls', 'url');
  const sourceDate = sourceDateFromInput(f.sourceDate);
  if (f.sourceDate !== '' && sourceDate === null) refuse('sourceDate', 'date');
  const reason = f.reason;
  if (reason.length < REASON_MIN) refuse('reason', 'required');
  else if (reason.length > REASON_MAX) refuse('reason', 'too-long');
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    reason,
    values: {
      nameDe: f.nameDe,
      nameEn: f.nameEn,
      provider: f.provider,
      levels: OFFER_LEVELS.filter((l) => f.levels.includes(l)),
      stateCode: f.stateCode === '' ? null : f.stateCode,
      districtAgs: f.districtAgs === '' ? null : f.districtAgs,
      conditions: tagsFor(f.topics as OfferTopic[], c.conditionsBefore),
      languages,
      costDe,
      costEn,
      contactUrl: f.contactUrl === '' ? null : f.contactUrl,
      sourceUrls: sources,
      sourceDate,
    },
  };
}

/** The maintained values of a stored offer (or a version's snapshot). */
export function offerValues(o: { readonly [K in OfferValueField]: OfferValues[K] }): OfferValues {
  return Object.fromEntries(OFFER_VALUE_FIELDS.map((k) => [k, o[k]])) as unknown as OfferValues;
}

/** The fields whose value differs between two versions. */
export function changedFields(before: Partial<OfferValues>, after: OfferValues): OfferValueField[] {
  return OFFER_VALUE_FIELDS.filter(
    (k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null),
  );
}
