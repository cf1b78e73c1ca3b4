/**
 * "Download as CSV" for every list an authority sees: one writer (RFC 4180, UTF-8 with a byte order mark so that
 * Excel reads the umlauts, cells that a spreadsheet would take for a formula made harmless) and one way to register
 * the download next to its page: `<page path>.csv` in each language, with the page's access policy and the page's
 * query parameters. The handler runs the page's own query (with an export purpose for the audit) and names the
 * columns in the page's language.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RoutePolicy } from '../platform/http/policy.ts';
import { LOCALES } from '../platform/i18n/index.ts';
import type { ViewContext } from './context.ts';
import { paramNames, viewContext, type WebDeps } from './page.tsx';
import { type LocalizedPath, localizedUrl } from './paths.ts';

export type CsvValue = string | number | null | undefined;

export interface CsvColumn<Row> {
  /** The column's heading as the page shows it (already translated). */
  readonly header: string;
  /** The value as the page shows it: names and words, not codes. */
  readonly value: (row: Row) => CsvValue;
}

/** A spreadsheet runs a cell that starts like this as a formula (CWE-1236). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: text that a spreadsheet would run as a formula gets a leading apostrophe; a cell with a comma, a
 * semicolon, a quote or a line break is quoted, quotes doubled (RFC 4180). Numbers stay numbers.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file: byte order mark, a heading line, one line per row, CRLF line ends. */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The address of a page's download: the page's address with `.csv`. */
export function csvPaths(paths: LocalizedPath): LocalizedPath {
  return { de: `${paths.de}.csv`, en: `${paths.en}.csv` };
}

export interface CsvExport {
  /** File name without `.csv`, e.g. `work-queue-2026-12-07`. */
  readonly filename: string;
  readonly text: string;
}

export interface CsvSpec {
  /** The paths of the page whose list this downloads. */
  readonly paths: LocalizedPath;
  /** The page's policy, unchanged. */
  readonly policy: RoutePolicy;
  readonly handler: (req: FastifyRequest, ctx: ViewContext) => Promise<CsvExport>;
}

/** Registers the download of a page's list in both languages. */
export function defineCsv(app: FastifyInstance, web: WebDeps, spec: CsvSpec): void {
  const paths = csvPaths(spec.paths);
  for (const locale of LOCALES) {
    const url = localizedUrl(
      paths,
      locale,
      Object.fromEntries(paramNames(paths[locale]).map((p) => [p, `:${p}`])),
    );
    app.get(decodeURIComponent(url), { config: { policy: spec.policy } }, async (req, reply) => {
      const result = await spec.handler(req, viewContext(req, reply, web, locale));
      return sendCsv(reply, result);
    });
  }
}

export function sendCsv(reply: FastifyReply, result: CsvExport): FastifyReply {
  return reply
    .type('text/csv; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${result.filename.replace(/[^\w.-]/g, '-')}.csv"`)
    .send(result.text);
}

/** The download link of the list on this page: the same address with `.csv`, the same query (its filters). */
export function CsvLink(props: { ctx: ViewContext }) {
  const { ctx } = props;
  const here = ctx.alternates[ctx.locale];
  const at = here.indexOf('?');
  const href = at < 0 ? `${here}.csv` : `${here.slice(0, at)}.csv${here.slice(at)}`;
  return (
    <p class="kern-body">
      <a class="kern-link" href={href} download>
        {ctx.t.t('list.csv-download')}
      </a>
    </p>
  );
}
