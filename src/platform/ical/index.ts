/**
 * iCalendar (RFC 5545) files: VEVENTs with a stable UID, timed (in UTC) or for a whole day. Text values are escaped
 * (§ 3.3.11) and content lines folded at 75 octets (§ 3.1) with CRLF endings. Used for an agreed appointment
 * (one event) and for the private deadline feeds (many).
 */

export type CalendarEvent = {
  readonly uid: string;
  readonly summary: string;
  readonly description?: string;
  readonly location?: string;
  readonly url?: string;
} & (
  | { readonly start: Date; readonly minutes: number }
  /** A whole calendar day (`YYYY-MM-DD`), as a deadline is. */
  | { readonly day: string }
);

export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

export function utcStamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Folds a content line into lines of at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = 74;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const dateValue = (day: string) => day.replace(/-/g, '');
const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function eventLines(e: CalendarEvent, stamp: Date): string[] {
  const when =
    'day' in e
      ? [`DTSTART;VALUE=DATE:${dateValue(e.day)}`, `DTEND;VALUE=DATE:${dateValue(nextDay(e.day))}`]
      : [
          `DTSTART:${utcStamp(e.start)}`,
          `DTEND:${utcStamp(new Date(e.start.getTime() + e.minutes * 60_000))}`,
        ];
  return [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${utcStamp(stamp)}`,
    ...when,
    `SUMMARY:${escapeText(e.summary)}`,
    ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
    ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
    ...(e.url ? [`URL:${e.url}`] : []),
    'END:VEVENT',
  ];
}

/** A calendar of events; `name` is shown by calendar apps that subscribe to a feed (X-WR-CALNAME). */
export function calendarFile(o: {
  readonly product: string;
  readonly events: readonly CalendarEvent[];
  readonly stamp: Date;
  readonly name?: string;
}): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Chancenregion//${o.product}//DE`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(o.name ? [`X-WR-CALNAME:${escapeText(o.name)}`] : []),
    ...o.events.flatMap((e) => eventLines(e, o.stamp)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
