/**
 * `Now` from an instant: the calendar day in Germany (Europe/Berlin) that the instant falls on. Deadlines count
 * German calendar days; the instant stays in the event for the audit trail. Pure: the caller supplies the
 * instant; nothing here reads the clock.
 */
import type { Now } from './types.ts';

const BERLIN_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The `Now` of an ISO 8601 instant (for example `2026-03-01T23:30:00Z` → date `2026-03-02`). */
export function momentOf(instant: string): Now {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) throw new RangeError(`Not an ISO 8601 instant: ${JSON.stringify(instant)}`);
  return { at: new Date(time).toISOString(), date: BERLIN_DAY.format(time) };
}
