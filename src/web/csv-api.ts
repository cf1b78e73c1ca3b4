/**
 * The JSON side of a CSV import (issue 20): the file's text in `{ "csv": "…" }`, `?dryRun=true` for the report
 * alone; without it a file without problems is applied and a file with problems refused with 422, each problem
 * naming row, column and rule. The same checks as the pages.
 */
import { z } from 'zod';
import {
  type CsvProblem,
  type ImportReport,
  reportCounts,
  reportOk,
  reportProblems,
} from '../domain/interop/csv-table.ts';
import { AppError } from '../platform/http/errors.ts';
import type { Translator } from '../platform/i18n/index.ts';
import { problemMessage } from './csv-report.tsx';

export const csvImportBody = z.strictObject({
  csv: z.string().meta({
    description: 'The CSV file as text: a header row, then one row per entry; `;` or `,` between cells.',
  }),
});

export const csvImportQuery = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: 'true: only check the file and answer the report; nothing is written.' }),
});

/** Where a problem is, as the API's field errors name places: `body.csv`, `body.csv.header.day`, `body.csv.rows[3].day`. */
export function problemField(p: CsvProblem): string {
  if (p.row === 0) return 'body.csv';
  const where = p.row === 1 ? 'body.csv.header' : `body.csv.rows[${p.row}]`;
  return p.column === null ? where : `${where}.${p.column}`;
}

/** The report as JSON, problems in English with the column keys the file's English header uses. */
export function reportJson<C>(
  report: ImportReport<C>,
  t: Translator,
  columnLabel: (key: string) => string,
  applied: boolean,
) {
  const problem = (p: CsvProblem) => ({
    row: p.row,
    column: p.column === null ? null : columnLabel(p.column),
    rule: p.rule,
    message: problemMessage(t, { columnLabel }, p),
  });
  return {
    ok: reportOk(report),
    applied,
    counts: reportCounts(report),
    problems: report.fileProblems.map(problem),
    rows: report.rows.map((r) =>
      r.outcome === 'problem'
        ? { row: r.row, outcome: r.outcome, problems: r.problems.map(problem) }
        : { row: r.row, outcome: r.outcome },
    ),
  };
}

/** The 422 of a file with problems that was to be applied: every problem named, nothing written. */
export function reportRefusal<C>(
  report: ImportReport<C>,
  t: Translator,
  columnLabel: (key: string) => string,
) {
  return new AppError('unprocessable', {
    detail: 'The CSV file has problems; nothing was written. Send it with ?dryRun=true for the whole report.',
    errors: reportProblems(report).map((p) => ({
      field: problemField(p),
      rule: p.rule,
      message: problemMessage(t, { columnLabel }, p),
    })),
  });
}
