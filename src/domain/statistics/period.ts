/**
 * The period of a statistics report (issue 19): `from` and `to`, each a calendar day (`2026-03-02`) or an ISO week
 * (`2026-W10`: `from` its Monday, `to` its Sunday), from 2000 on. `to` is not before `from`, the period is at most three years
 * long and does not end after the as-of day of the figures. The figures are kept per calendar week (Monday to
 * Sunday), so the report covers the whole weeks the period touches: `weeksFrom` (the Monday of `from`'s week) to
 * `weeksTo` (the Sunday of `to`'s week, or the as-of day where that comes first). Pure.
 */
import {
  addDays,
  addYears,
  fromDayNumber,
  type IsoDate,
  isIsoDate,
  minDate,
  toDayNumber,
} from '../calendar.ts';

/** The longest report: three years. */
export const MAX_PERIOD_YEARS = 3;
/** The earliest day a report may start or end on (no journey is older). */
export const EARLIEST_DAY: IsoDate = '2000-01-01';

export type Period = {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly weeksFrom: IsoDate;
  readonly weeksTo: IsoDate;
};
export type PeriodProblem = {
  readonly field: 'from' | 'to';
  readonly rule: 'format' | 'too-early' | 'order' | 'max-length' | 'after-as-of';
};

/** Monday of the ISO week of a day (1970-01-01 was a Thursday). */
export const mondayOf = (day: IsoDate): IsoDate => {
  const n = toDayNumber(day);
  return fromDayNumber(n - ((((n + 3) % 7) + 7) % 7));
};

/** The Monday of ISO week `week` of `year` (week 1 holds 4 January), or null when the year has no such week. */
export function isoWeekMonday(year: number, week: number): IsoDate | null {
  if (week < 1 || week > 53 || year < 1000) return null;
  const monday = addDays(mondayOf(`${String(year).padStart(4, '0')}-01-04`), 7 * (week - 1));
  // Week 53 exists only where 28 December (always in the last week) lies in it.
  return week === 53 && mondayOf(`${String(year).padStart(4, '0')}-12-28`) !== monday ? null : monday;
}

/** A day, or an ISO week as its first and last day; null when it is neither. */
export function parsePeriodBound(value: string): { first: IsoDate; last: IsoDate } | null {
  const text = value.trim();
  if (isIsoDate(text)) return { first: text, last: text };
  const m = /^(\d{4})-?W(\d{2})$/i.exec(text);
  const monday = m ? isoWeekMonday(Number(m[1]), Number(m[2])) : null;
  return monday ? { first: monday, last: addDays(monday, 6) } : null;
}

/**
 * The period of `from` and `to` as of `asOf`, or the problems naming the field and rule. A `to` week that has
 * begun by the as-of day ends on it.
 */
export function parsePeriod(
  input: { from: string; to: string },
  asOf: IsoDate,
): { ok: true; period: Period } | { ok: false; problems: PeriodProblem[] } {
  const start = parsePeriodBound(input.from);
  const end = parsePeriodBound(input.to);
  const problems: PeriodProblem[] = [];
  if (!start) problems.push({ field: 'from', rule: 'format' });
  else if (start.first < EARLIEST_DAY) problems.push({ field: 'from', rule: 'too-early' });
  else if (start.first > asOf) problems.push({ field: 'from', rule: 'after-as-of' });
  if (!end) problems.push({ field: 'to', rule: 'format' });
  else if (end.first < EARLIEST_DAY) problems.push({ field: 'to', rule: 'too-early' });
  else if (end.first > asOf) problems.push({ field: 'to', rule: 'after-as-of' });
  if (!start || !end || problems.length) return { ok: false, problems };
  const from = start.first;
  const to = minDate(end.last, asOf);
  if (to < from) return { ok: false, problems: [{ field: 'to', rule: 'order' }] };
  if (to >= addYears(from, MAX_PERIOD_YEARS))
    return { ok: false, problems: [{ field: 'to', rule: 'max-length' }] };
  const weeksTo = minDate(addDays(mondayOf(to), 6), asOf);
  return { ok: true, period: { from, to, weeksFrom: mondayOf(from), weeksTo } };
}
