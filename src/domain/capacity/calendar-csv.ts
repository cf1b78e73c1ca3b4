/**
 * A service point's capacity calendar as a CSV file (issue 20): one row per day. A weekday ("Montag", "Mo",
 * "monday") sets the weekly plan's number of appointments on that weekday; a date (2027-01-04 or 04.01.2027) sets a
 * day of less or no capacity, and an empty number on a date gives that day back to the weekly plan. The same rules
 * as the planning page's forms: 0 to 60 appointments a day, a day only in the future, a reason of at most 200
 * characters. Pure: the current calendar comes in, each row's outcome goes out.
 */
import type { IsoDate } from '../calendar.ts';
import {
  type CsvColumn,
  type CsvProblem,
  type CsvRow,
  type CsvTable,
  dateOfCell,
  type ImportReport,
  importReport,
  type RowOutcome,
  wholeNumber,
} from '../interop/csv-table.ts';

export const CALENDAR_COLUMNS: readonly CsvColumn[] = [
  { key: 'service', names: ['Leistung', 'service'], required: true },
  { key: 'day', names: ['Tag', 'day'], required: true },
  { key: 'slots', names: ['Termine', 'appointments', 'slots'], required: true },
  { key: 'reason', names: ['Grund', 'reason'], required: false },
];

export const CALENDAR_LIMITS = { maxBytes: 100 * 1024, maxRows: 2000 } as const;
export const MAX_SLOTS_PER_DAY = 60;
export const MAX_REASON_LENGTH = 200;

/** Weekday names in German and English, full and short, Monday = 0; Saturday and Sunday = 5, 6. */
const WEEKDAYS: readonly (readonly string[])[] = [
  ['montag', 'mo', 'monday', 'mon'],
  ['dienstag', 'di', 'tuesday', 'tue'],
  ['mittwoch', 'mi', 'wednesday', 'wed'],
  ['donnerstag', 'do', 'thursday', 'thu'],
  ['freitag', 'fr', 'friday', 'fri'],
  ['samstag', 'sa', 'saturday', 'sat', 'sonnabend'],
  ['sonntag', 'so', 'sunday', 'sun'],
];

export function weekdayOf(cell: string): number | null {
  const name = cell.trim().replace(/\.$/, '').toLocaleLowerCase('de');
  const i = WEEKDAYS.findIndex((names) => names.includes(name));
  return i < 0 ? null : i;
}

export type CalendarChange =
  | { readonly kind: 'weekday'; readonly service: string; readonly weekday: number; readonly slots: number }
  | {
      readonly kind: 'day';
      readonly service: string;
      readonly day: IsoDate;
      /** null: the day follows the weekly plan again. */
      readonly slots: number | null;
      readonly reason: string;
    };

export interface CalendarNow {
  /** The service types the point offers, by every name a file may use for them (lower case) → type. */
  readonly serviceNames: ReadonlyMap<string, string>;
  /** The service types the point offers. */
  readonly offered: readonly string[];
  /** The weekly plan per service type (Monday first); a type without a plan is missing. */
  readonly weekly: ReadonlyMap<string, readonly number[]>;
  /** The days of less capacity by `type|day`. */
  readonly days: ReadonlyMap<string, { readonly slots: number; readonly reason: string }>;
  readonly today: IsoDate;
}

function serviceOf(cell: string, now: CalendarNow, row: number): string | CsvProblem {
  if (cell === '') {
    const [only] = now.offered;
    return now.offered.length === 1 && only ? only : { row, column: 'service', rule: 'required' };
  }
  const type = now.serviceNames.get(cell.toLocaleLowerCase('de'));
  if (!type) return { row, column: 'service', rule: 'choice' };
  return now.offered.includes(type) ? type : { row, column: 'service', rule: 'not-offered' };
}

/** Which service and day a row is about, for duplicates: `type|weekday` or `type|date`. */
function rowKey(cells: Readonly<Record<string, string>>, now: CalendarNow, row: number): string | null {
  const service = serviceOf(cells.service ?? '', now, row);
  if (typeof service !== 'string') return null;
  const weekday = weekdayOf(cells.day ?? '');
  if (weekday !== null) return `${service}|w${weekday}`;
  const day = dateOfCell(cells.day ?? '');
  return day ? `${service}|${day}` : null;
}

function checkRow(row: CsvRow, first: number | undefined, now: CalendarNow): RowOutcome<CalendarChange> {
  const { cells } = row;
  const problems: CsvProblem[] = [];
  const problem = (p: CsvProblem | string | number | null) => {
    if (p !== null && typeof p === 'object') problems.push(p);
  };
  const service = serviceOf(cells.service ?? '', now, row.row);
  problem(service);
  const dayCell = cells.day ?? '';
  const weekday = weekdayOf(dayCell);
  const date = weekday === null ? dateOfCell(dayCell) : null;
  if (dayCell === '') problem({ row: row.row, column: 'day', rule: 'required' });
  else if (weekday !== null && weekday > 4) problem({ row: row.row, column: 'day', rule: 'weekend' });
  else if (weekday === null && date === null) problem({ row: row.row, column: 'day', rule: 'date' });
  else if (date !== null && date <= now.today) problem({ row: row.row, column: 'day', rule: 'future' });
  const slotsCell = cells.slots ?? '';
  const slots =
    slotsCell === '' && date !== null
      ? null
      : slotsCell === ''
        ? ({ row: row.row, column: 'slots', rule: 'required' } as const)
        : wholeNumber(slotsCell, 'slots', row.row, 0, MAX_SLOTS_PER_DAY);
  problem(slots);
  const reason = cells.reason ?? '';
  if (reason.length > MAX_REASON_LENGTH)
    problem({ row: row.row, column: 'reason', rule: 'too-long', params: { max: MAX_REASON_LENGTH } });
  if (typeof service === 'string' && weekday !== null && weekday <= 4 && !now.weekly.has(service))
    problem({ row: row.row, column: 'service', rule: 'not-set-up' });
  if (first !== undefined) problem({ row: row.row, column: 'day', rule: 'duplicate', params: { first } });
  if (problems.length > 0 || typeof service !== 'string' || (slots !== null && typeof slots !== 'number'))
    return { row: row.row, cells, outcome: 'problem', problems };
  if (weekday !== null) {
    const current = now.weekly.get(service)?.[weekday];
    const n = slots as number;
    const change: CalendarChange = { kind: 'weekday', service, weekday, slots: n };
    return { row: row.row, cells, outcome: current === n ? 'unchanged' : 'changed', change };
  }
  const day = date as IsoDate;
  const current = now.days.get(`${service}|${day}`);
  const change: CalendarChange = { kind: 'day', service, day, slots, reason };
  const outcome =
    slots === null
      ? current
        ? 'changed'
        : 'unchanged'
      : !current
        ? 'new'
        : current.slots === slots && current.reason === reason
          ? 'unchanged'
          : 'changed';
  return { row: row.row, cells, outcome, change };
}

/** The dry run of a calendar file against the service point's calendar today. */
export function calendarImportReport(table: CsvTable, now: CalendarNow): ImportReport<CalendarChange> {
  const seen = new Map<string, number>();
  return importReport(table, (row) => {
    const key = rowKey(row.cells, now, row.row);
    const first = key === null ? undefined : seen.get(key);
    if (key !== null && first === undefined) seen.set(key, row.row);
    return checkRow(row, first, now);
  });
}
