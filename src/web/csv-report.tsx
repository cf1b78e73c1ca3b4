/**
 * The pages of a CSV import (issue 20), shared by every import: the upload page (what the file holds, a template, the
 * file picker) and the dry run's report (every row with what it would do or what is wrong with it, and "apply" when
 * nothing is). Plain words only: the columns by the names the file uses, the problems in sentences.
 */
import type { ComponentChildren } from 'preact';
import {
  type CsvProblem,
  type ImportReport,
  reportCounts,
  reportOk,
  reportProblems,
} from '../domain/interop/csv-table.ts';
import type { FieldError } from '../platform/http/errors.ts';
import type { Locale, Translator } from '../platform/i18n/index.ts';
import { CsrfField, ErrorSummary, FileInput } from './components.tsx';
import type { ViewContext } from './context.ts';
import { Layout } from './layout.tsx';
import { type LocalizedPath, localizedUrl } from './paths.ts';

/** One column of an import as its upload page explains it. */
export interface ColumnDoc {
  readonly name: string;
  readonly required: boolean;
  readonly rule: string;
}

/** What a feature tells the shared pages about its import. */
export interface ImportPageSpec {
  readonly title: string;
  readonly intro: string;
  /** Where the form posts the file (the dry run) and the carried file ("apply"). */
  readonly checkAction: string;
  readonly applyAction: string;
  readonly templateHref: string;
  readonly maxBytes: number;
  readonly columns: readonly ColumnDoc[];
  /** The name of a column in the page's language. */
  readonly columnLabel: (key: string) => string;
}

/**
 * The page spec of one import from its message prefix (`<prefix>.title`, `.intro`, `.column.<key>`,
 * `.rule.<key>`), its three addresses and its columns: what every import's pages share.
 */
export function importPageSpec(
  t: Translator,
  locale: Locale,
  spec: {
    readonly prefix: string;
    readonly paths: {
      readonly check: LocalizedPath;
      readonly apply: LocalizedPath;
      readonly template: LocalizedPath;
    };
    readonly maxBytes: number;
    readonly columns: readonly { readonly key: string; readonly required: boolean }[];
  },
): ImportPageSpec {
  const columnLabel = (key: string) => t.t(`${spec.prefix}.column.${key}`);
  return {
    title: t.t(`${spec.prefix}.title`),
    intro: t.t(`${spec.prefix}.intro`),
    checkAction: localizedUrl(spec.paths.check, locale),
    applyAction: localizedUrl(spec.paths.apply, locale),
    templateHref: localizedUrl(spec.paths.template, locale),
    maxBytes: spec.maxBytes,
    columns: spec.columns.map((c) => ({
      name: columnLabel(c.key),
      required: c.required,
      rule: t.t(`${spec.prefix}.rule.${c.key}`),
    })),
    columnLabel,
  };
}

/** A problem in a sentence: where (row, column) and what rule it breaks. */
export function problemMessage(t: Translator, spec: Pick<ImportPageSpec, 'columnLabel'>, p: CsvProblem) {
  const params = { ...p.params, kb: Math.floor(Number(p.params?.max ?? 0) / 1024) };
  const what = t.t(`csv.problem.${p.rule}`, params);
  if (p.row === 0) return what;
  if (p.column === null) return t.t('csv.where.row', { row: p.row, what });
  return t.t('csv.where.cell', { row: p.row, column: spec.columnLabel(p.column), what });
}

/** The report's problems as field errors: each links to its row in the table, the file's to the file picker. */
export function reportErrors<C>(
  ctx: ViewContext,
  spec: Pick<ImportPageSpec, 'columnLabel'>,
  report: ImportReport<C>,
): FieldError[] {
  return reportProblems(report).map((p) => ({
    field: p.row <= 1 ? 'file' : `row-${p.row}`,
    rule: p.rule,
    message: problemMessage(ctx.t, spec, p),
  }));
}

function UploadForm(props: { ctx: ViewContext; spec: ImportPageSpec; error?: FieldError | undefined }) {
  const { ctx, spec } = props;
  const { t } = ctx;
  return (
    <form method="post" action={spec.checkAction} enctype="multipart/form-data" novalidate>
      <CsrfField ctx={ctx} />
      <FileInput
        name="file"
        label={t.t('csv.file.label')}
        hint={t.t('csv.file.hint', { kb: Math.floor(spec.maxBytes / 1024) })}
        accept=".csv,text/csv"
        error={props.error}
      />
      <button class="kern-btn kern-btn--primary" type="submit">
        <span class="kern-label">{t.t('csv.check')}</span>
      </button>
    </form>
  );
}

export function ImportUploadPage(props: {
  ctx: ViewContext;
  spec: ImportPageSpec;
  errors?: readonly FieldError[];
  children?: ComponentChildren;
}) {
  const { ctx, spec } = props;
  const { t } = ctx;
  const errors = props.errors ?? [];
  return (
    <Layout ctx={ctx} title={spec.title}>
      <h1 class="kern-heading-large">{spec.title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="kern-body">{spec.intro}</p>
      <p class="kern-body">{t.t('csv.dry-run')}</p>
      {props.children}
      <table class="kern-table pathways-reflow">
        <caption class="kern-title">{t.t('csv.columns.title')}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            {['column', 'required', 'rule'].map((h) => (
              <th key={h} scope="col" class="kern-table__header">
                {t.t(`csv.columns.${h}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {spec.columns.map((c) => (
            <tr key={c.name} class="kern-table__row">
              <th scope="row" class="kern-table__cell">
                {c.name}
              </th>
              <td class="kern-table__cell" data-label={t.t('csv.columns.required')}>
                {t.t(c.required ? 'csv.columns.yes' : 'csv.columns.no')}
              </td>
              <td class="kern-table__cell" data-label={t.t('csv.columns.rule')}>
                {c.rule}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="kern-body">
        <a class="kern-link" href={spec.templateHref} download>
          {t.t('csv.template')}
        </a>
      </p>
      <UploadForm ctx={ctx} spec={spec} error={errors.find((e) => e.field === 'file')} />
    </Layout>
  );
}

/** The dry run: counts, every row with its outcome, and either "apply" or the problems to correct. */
export function ImportReportPage<C>(props: {
  ctx: ViewContext;
  spec: ImportPageSpec;
  report: ImportReport<C>;
  /** The file, carried to "apply" (base64). */
  content: string;
  /** What a fine row does, in words. */
  describe: (change: C) => string;
  /** More fields of the "apply" form (a reason), with their errors. */
  applyFields?: ComponentChildren;
  applyErrors?: readonly FieldError[];
}) {
  const { ctx, spec, report } = props;
  const { t } = ctx;
  const ok = reportOk(report);
  const errors = [...reportErrors(ctx, spec, report), ...(props.applyErrors ?? [])];
  return (
    <Layout ctx={ctx} title={t.t('csv.report.title')}>
      <h1 class="kern-heading-large">{t.t('csv.report.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="kern-body">{spec.title}</p>
      {report.rows.length > 0 ? (
        <p class="kern-body">{t.t('csv.report.counts', reportCounts(report))}</p>
      ) : null}
      <p class="kern-body">{t.t(ok ? 'csv.report.nothing-yet' : 'csv.report.refused')}</p>
      {ok ? (
        <form method="post" action={spec.applyAction}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="content" value={props.content} />
          {props.applyFields}
          <button class="kern-btn kern-btn--primary" type="submit">
            <span class="kern-label">{t.t('csv.apply')}</span>
          </button>
        </form>
      ) : null}
      {report.rows.length > 0 ? (
        <table class="kern-table pathways-reflow">
          <caption class="kern-title">{t.t('csv.report.rows')}</caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              {['row', 'result', 'details'].map((h) => (
                <th key={h} scope="col" class="kern-table__header">
                  {t.t(`csv.report.col.${h}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {report.rows.map((r) => {
              return (
                <tr key={r.row} class="kern-table__row" id={`field-row-${r.row}`}>
                  <th scope="row" class="kern-table__cell">
                    {t.t('csv.report.row', { row: r.row })}
                  </th>
                  <td class="kern-table__cell" data-label={t.t('csv.report.col.result')}>
                    {t.t(`csv.outcome.${r.outcome}`)}
                  </td>
                  <td class="kern-table__cell" data-label={t.t('csv.report.col.details')}>
                    {r.outcome === 'problem' ? (
                      <ul class="kern-list">
                        {r.problems.map((p) => (
                          <li key={`${p.column}-${p.rule}`}>{problemMessage(t, spec, p)}</li>
                        ))}
                      </ul>
                    ) : (
                      props.describe(r.change)
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {ok ? null : (
        <>
          <h2 class="kern-heading-medium">{t.t('csv.again')}</h2>
          <UploadForm ctx={ctx} spec={spec} />
        </>
      )}
    </Layout>
  );
}
