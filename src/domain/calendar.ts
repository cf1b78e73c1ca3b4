/**
 * Plain calendar-date arithmetic on ISO `YYYY-MM-DD` strings.
 *
 * No time zones, no clock: a date is a day in the proleptic Gregorian calendar. Every helper is pure.
 * Internally a date can be turned into a day number (days since 1970-01-01) for fast comparison and
 * interval arithmetic. Month and year arithmetic clamps to the end of the month (31 Jan + 1 month = 28/29 Feb),
 * which is how German deadlines are counted (§ 188 Abs. 3 BGB).
 */

export type IsoDate = string;

export type CalendarDate = { readonly year: number; readonly month: number; readonly day: number };

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digit(value: string, index: number): number {
  const d = value.charCodeAt(index) - 48;
  return d >= 0 && d <= 9 ? d : Number.NaN;
}

/** Parses a strict ISO calendar date; returns null for anything else (including 2023-02-29). */
export function parseIsoDate(value: string): CalendarDate | null {
  // Hand-written instead of a regular expression: this runs several times per evaluated profile.
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null;
  const year = digit(value, 0) * 1000 + digit(value, 1) * 100 + digit(value, 2) * 10 + digit(value, 3);
  const month = digit(value, 5) * 10 + digit(value, 6);
  const day = digit(value, 8) * 10 + digit(value, 9);
  if (Number.isNaN(year + month + day)) return null;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseIsoDate(value) !== null;
}

function requireDate(value: IsoDate): CalendarDate {
  const parsed = parseIsoDate(value);
  if (parsed === null)
    throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return parsed;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function formatIsoDate(date: CalendarDate): IsoDate {
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Days since 1970-01-01 (negative before). Algorithm "days_from_civil" (H. Hinnant). */
export function toDayNumber(value: IsoDate): number {
  const { year, month, day } = requireDate(value);
  return dayNumberOf(year, month, day);
}

function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of {@link toDayNumber}. */
export function fromDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate({ year, month, day });
}

/** Negative if a is before b, 0 if equal, positive if after. Both must be valid ISO dates. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return a < b;
}

export function isOnOrAfter(a: IsoDate, b: IsoDate): boolean {
  return a >= b;
}

/** True if `date` lies in [from, to]; a null bound is open. */
export function isWithin(date: IsoDate, from: IsoDate | null, to: IsoDate | null): boolean {
  return (from === null || date >= from) && (to === null || date <= to);
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

export function addDays(value: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(value) + days);
}

/** Adds calendar months; the day is clamped to the last day of the target month. */
export function addMonths(value: IsoDate, months: number): IsoDate {
  const { year, month, day } = requireDate(value);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return formatIsoDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

export function addYears(value: IsoDate, years: number): IsoDate {
  return addMonths(value, years * 12);
}

/** Calendar days from a to b (positive if b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/**
 * Completed calendar months from a to b (0 if b is not later). A month is completed when the same day of
 * the month is reached; when that day does not exist, on the last day of the shorter month.
 */
export function monthsBetween(a: IsoDate, b: IsoDate): number {
  if (b <= a) return 0;
  const start = requireDate(a);
  const end = requireDate(b);
  let months = (end.year - start.year) * 12 + (end.month - start.month);
  const dayReached = end.day >= Math.min(start.day, daysInMonth(end.year, end.month));
  if (!dayReached) months -= 1;
  return Math.max(0, months);
}

/**
 * Age in completed years on `date`. A person becomes one year older on the birthday; someone born on
 * 29 February becomes older on 1 March in common years (§ 187 Abs. 2, § 188 Abs. 2 BGB).
 */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  const birth = requireDate(birthDate);
  const on = requireDate(date);
  let age = on.year - birth.year;
  if (on.month < birth.month || (on.month === birth.month && on.day < birth.day)) age -= 1;
  return age;
}

export function yearOf(value: IsoDate): number {
  return requireDate(value).year;
}

/** 1 January of the year of `value`. */
export function startOfYear(value: IsoDate): IsoDate {
  return `${value.slice(0, 4)}-01-01`;
}
