/**
 * One appointment as an iCalendar file (RFC 5545, src/platform/ical): a VEVENT with a stable UID, the time in UTC,
 * the service point as location.
 */
import { calendarFile } from '../../platform/ical/index.ts';

export function appointmentCalendar(e: {
  readonly uid: string;
  readonly start: Date;
  readonly minutes: number;
  readonly summary: string;
  readonly location: string;
  readonly stamp: Date;
}): string {
  const { stamp, ...event } = e;
  return calendarFile({ product: 'Appointments', events: [event], stamp });
}
