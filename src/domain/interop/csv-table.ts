/**
 * Reading an uploaded CSV file into rows for an import (issue 20, "CSV import with a dry run"): UTF-8 with or without
 * byte order mark, `;` (German Excel) or `,` as separator, a header naming the columns in German or English. Every
 * problem is a value naming the row (the file's line, the header being row 1), the column and the rule; nothing is
 * thrown. Pure: the bytes come in, rows or problems go out. The parsing itself is csv-parse's.
 */
import { parse } from 'csv-parse/sync';
import { isIsoDate } from '../calendar.ts';

/** One column an import knows: its key and the header names it is recognised by (compared without case). */
export interface CsvColumn {
  readonly key: string;
  readonly names: readonly string[];
  readonly required: boolean;
}

/** What is wrong, where: `row` is the file's row (1 = header; 0 = the file as a whole), `column` a column key. */
export interface CsvProblem {
  readonly row: number;
  readonly column: string | null;
  readonly rule: CsvRule;
  readonly params?: Readonly<Record<string, string | number>>;
}

export const CSV_RULES = [
  // the file
  'empty',
  'too-large',
  'encoding',
  'syntax',
  'no-rows',
  'too-many-rows',
  // the header
  'unknown-column',
  'missing-column',
  'duplicate-column',
  // a row
  'extra-cells',
  'required',
  'too-long',
  'number',
  'range',
  'date',
  'future',
  'weekday',
  'weekend',
  'choice',
  'yes-no',
  'key-format',
  'duplicate',
  'fixed',
  'not-set-up',
  'not-offered',
] as const;
export type CsvRule = (typeof CSV_RULES)[number];

export interface CsvRow {
  /** The file's row number of this record (the header is row 1). */
  readonly row: number;
  /** The cells by column key, trimmed; a missing cell is ''. */
  readonly cells: Readonly<Record<string, string>>;
}

export type CsvTable =
  | {
      readonly ok: true;
      readonly separator: ';' | ',';
      /** The keys of the columns the header names. */
      readonly columns: readonly string[];
      readonly rows: readonly CsvRow[];
    }
  | { readonly ok: false; readonly problems: readonly CsvProblem[] };

export interface CsvLimits {
  readonly maxBytes: number;
  readonly maxRows: number;
}

const BOM = [0xef, 0xbb, 0xbf];

/** Header names compare without case, surrounding spaces or a trailing "*" (a required mark in a template). */
export function headerName(text: string): string {
  return text.trim().replace(/\*$/, '').trim().toLocaleLowerCase('de');
}

/** The separator of the header line: the one of `;` and `,` that occurs more often outside quotes. */
export function separatorOf(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}

function decode(bytes: Uint8Array): string | null {
  const start = BOM.every((b, i) => bytes[i] === b) ? 3 : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    return null;
  }
}

const fileProblem = (rule: CsvRule, params?: Record<string, string | number>): CsvTable => ({
  ok: false,
  problems: [{ row: 0, column: null, rule, ...(params ? { params } : {}) }],
});

/** Which column each header cell is, with the header's problems (unknown, missing and repeated columns). */
function readHeader(header: readonly string[], columns: readonly CsvColumn[]) {
  const problems: CsvProblem[] = [];
  const keys: (string | null)[] = [];
  const seen = new Set<string>();
  for (const cell of header) {
    const name = headerName(cell);
    const column = columns.find((c) => c.names.some((n) => headerName(n) === name));
    if (!column) {
      if (name !== '')
        problems.push({ row: 1, column: null, rule: 'unknown-column', params: { name: cell.trim() } });
      keys.push(null);
      continue;
    }
    if (seen.has(column.key))
      problems.push({ row: 1, column: column.key, rule: 'duplicate-column', params: { name: cell.trim() } });
    seen.add(column.key);
    keys.push(column.key);
  }
  for (const c of columns)
    if (c.required && !seen.has(c.key)) problems.push({ row: 1, column: c.key, rule: 'missing-column' });
  return { keys, problems };
}

/**
 * The rows of a CSV file, or the problems of the file and its header. Rows whose cells are all empty are skipped;
 * a cell beyond the header's columns that holds text is a problem of its row.
 */
export function readCsvTable(bytes: Uint8Array, columns: readonly CsvColumn[], limits: CsvLimits): CsvTable {
  if (bytes.length > limits.maxBytes) return fileProblem('too-large', { max: limits.maxBytes });
  const text = decode(bytes);
  if (text === null) return fileProblem('encoding');
  if (text.trim() === '') return fileProblem('empty');
  const separator = separatorOf(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: separator,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const lines = (error as { lines?: unknown }).lines;
    return {
      ok: false,
      problems: [{ row: typeof lines === 'number' ? lines : 0, column: null, rule: 'syntax' }],
    };
  }
  const [head, ...body] = records;
  if (!head) return fileProblem('empty');
  const header = readHeader(head.record, columns);
  if (header.problems.length > 0) return { ok: false, problems: header.problems };
  const data = body.filter((r) => r.record.some((cell) => cell !== ''));
  if (data.length === 0) return fileProblem('no-rows');
  if (data.length > limits.maxRows) return fileProblem('too-many-rows', { max: limits.maxRows });
  const problems: CsvProblem[] = [];
  const rows = data.map(({ record, info }) => {
    const cells: Record<string, string> = Object.fromEntries(columns.map((c) => [c.key, '']));
    record.forEach((cell, i) => {
      const key = header.keys[i];
      if (key) cells[key] = cell;
      else if (cell !== '' && i >= header.keys.length)
        problems.push({ row: info.lines, column: null, rule: 'extra-cells', params: { cell: i + 1 } });
    });
    return { row: info.lines, cells };
  });
  if (problems.length > 0) return { ok: false, problems };
  const present = header.keys.filter((k): k is string => k !== null);
  return { ok: true, separator, columns: present, rows };
}

/** How an import would treat one row. */
export type RowOutcome<C> =
  | {
      readonly row: number;
      readonly cells: Readonly<Record<string, string>>;
      readonly outcome: 'new' | 'changed' | 'unchanged';
      readonly change: C;
    }
  | {
      readonly row: number;
      readonly cells: Readonly<Record<string, string>>;
      readonly outcome: 'problem';
      readonly problems: readonly CsvProblem[];
    };

/** The dry run's answer: the file's own problems, or every row with what it would do. */
export interface ImportReport<C> {
  readonly fileProblems: readonly CsvProblem[];
  readonly rows: readonly RowOutcome<C>[];
}

export function reportOk<C>(report: ImportReport<C>): boolean {
  return report.fileProblems.length === 0 && report.rows.every((r) => r.outcome !== 'problem');
}

/** Every problem of a report, the file's first. */
export function reportProblems<C>(report: ImportReport<C>): CsvProblem[] {
  return [...report.fileProblems, ...report.rows.flatMap((r) => (r.outcome === 'problem' ? r.problems : []))];
}

export function reportCounts<C>(report: ImportReport<C>) {
  const count = (o: string) => report.rows.filter((r) => r.outcome === o).length;
  return {
    new: count('new'),
    changed: count('changed'),
    unchanged: count('unchanged'),
    problem: count('problem'),
  };
}

/** The report of a file: its table's problems, or each row as `check` finds it (in file order). */
export function importReport<C>(table: CsvTable, check: (row: CsvRow) => RowOutcome<C>): ImportReport<C> {
  if (!table.ok) return { fileProblems: table.problems, rows: [] };
  return { fileProblems: [], rows: table.rows.map(check) };
}

/** A whole number in [min, max] from a cell, or the problem. */
export function wholeNumber(
  cell: string,
  column: string,
  row: number,
  min: number,
  max: number,
): number | CsvProblem {
  if (!/^[0-9]+$/.test(cell)) return { row, column, rule: 'number' };
  const n = Number(cell);
  return n < min || n > max ? { row, column, rule: 'range', params: { min, max } } : n;
}

/** A date as ISO `YYYY-MM-DD` or German `TT.MM.JJJJ`, normalised to ISO; null when it is neither. */
export function dateOfCell(cell: string): string | null {
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(cell);
  const iso = german
    ? `${german[3]}-${(german[2] as string).padStart(2, '0')}-${(german[1] as string).padStart(2, '0')}`
    : cell;
  return isIsoDate(iso) ? iso : null;
}

/** One line of a CSV file for download (a template): cells quoted where they hold the separator, a quote or a line break. */
export function csvLine(cells: readonly string[], separator: ';' | ',' = ';'): string {
  return cells
    .map((c) => (c.includes(separator) || /["\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
    .join(separator);
}
