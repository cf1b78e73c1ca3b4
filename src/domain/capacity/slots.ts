/**
 * The capacity calendar of a service point as appointment times: a weekly pattern (slots per weekday, the first
 * appointment of the day, the length of one appointment, in the service point's time zone) with days of less or
 * no capacity (holidays, staff absence). Pure: the day range and the time zone come in; times go out in UTC.
 * Memo research/capacity-appointments.md § 5.2 (CapacityCalendar, Slot).
 */
import { addDays, type IsoDate, toDayNumber } from '../calendar.ts';

export type WeeklyPattern = {
  /** Slots on Monday … Friday (five numbers); weekends have none. */
  readonly weekdaySlots: readonly number[];
  /** Local time of the first appointment, "HH:MM". */
  readonly firstStart: string;
  readonly slotMinutes: number;
  /** IANA time zone of the service point, e.g. "Europe/Berlin" or "Asia/Kolkata". */
  readonly timeZone: string;
};

/** A day with fewer slots than the pattern (0: closed). */
export type CapacityException = { readonly day: IsoDate; readonly slots: number };

export type PlannedSlot = { readonly day: IsoDate; readonly startsAt: string };

/** The latest a day's appointments may run to (local time, minutes after midnight): no slot starts after 22:00. */
export const LAST_START_MINUTES = 22 * 60;

/** Monday = 0 … Sunday = 6 (1970-01-01, day number 0, was a Thursday). */
export function weekdayOf(day: IsoDate): number {
  return (((toDayNumber(day) + 3) % 7) + 7) % 7;
}

/** The Monday of the week `day` falls in. */
export function mondayOf(day: IsoDate): IsoDate {
  return addDays(day, -weekdayOf(day));
}

/** Offset of `timeZone` from UTC at the instant `utcMs`, in minutes (east positive). */
function offsetMinutes(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - utcMs) / 60_000);
}

/** The UTC instant of a local wall-clock time on `day` in `timeZone` (ISO string). */
export function localToUtc(day: IsoDate, minutesAfterMidnight: number, timeZone: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, 0, minutesAfterMidnight);
  // Two passes settle the offset across a change of daylight saving time.
  let utc = wall - offsetMinutes(wall, timeZone) * 60_000;
  utc = wall - offsetMinutes(utc, timeZone) * 60_000;
  return new Date(utc).toISOString();
}

/** True when `timeZone` is a zone the runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** "HH:MM" as minutes after midnight, or null. */
export function parseClock(value: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/**
 * The appointment times from `from` to `to` (inclusive days): per weekday the pattern's slots, unless an
 * exception gives fewer; back to back from the first start, none starting after `LAST_START_MINUTES`.
 */
export function plannedSlots(
  pattern: WeeklyPattern,
  exceptions: readonly CapacityException[],
  from: IsoDate,
  to: IsoDate,
): PlannedSlot[] {
  const start = parseClock(pattern.firstStart);
  if (start === null || pattern.slotMinutes <= 0) return [];
  const byDay = new Map(exceptions.map((e) => [e.day, e.slots]));
  const out: PlannedSlot[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const wd = weekdayOf(day);
    if (wd > 4) continue;
    const usual = pattern.weekdaySlots[wd] ?? 0;
    const count = Math.min(usual, byDay.get(day) ?? usual);
    for (let i = 0; i < count; i++) {
      const minutes = start + i * pattern.slotMinutes;
      if (minutes > LAST_START_MINUTES) break;
      out.push({ day, startsAt: localToUtc(day, minutes, pattern.timeZone) });
    }
  }
  return out;
}

/** Slots per week of the pattern (no exceptions): the published capacity. */
export function weeklyCapacity(pattern: WeeklyPattern): number {
  const start = parseClock(pattern.firstStart) ?? 0;
  const perDay = (n: number) =>
    Math.min(n, Math.floor((LAST_START_MINUTES - start) / Math.max(1, pattern.slotMinutes)) + 1);
  return pattern.weekdaySlots.slice(0, 5).reduce((sum, n) => sum + perDay(Math.max(0, n)), 0);
}
