/**
 * The public statistics pages (issue 19): for all six states or one, per step the headline figures (cases
 * decided, median and P80 in weeks, share within the statutory deadline, open backlog), a bar chart of the
 * median per state (the waiting-time pages' SVG chart, `role="img"` with its text alternative) and beside it the
 * table of the six states with the same figures. A hidden figure says "fewer than 5" in words, never a number.
 * As-of date and method on the page; one next step: the download.
 */
import type { IsoDate } from '../../domain/calendar.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { ErrorSummary, Select, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { BarChart } from '../appointments/index.ts';
import { STATE_CODES, type StateCode } from '../regions/index.ts';
import { type Cell, type Statistics, selectCells } from './figures.ts';
import { STATISTICS_API, STATISTICS_PATHS } from './paths.ts';
import { STAT_STEPS, type StatStep } from './rollup.ts';
import { COLS, cellText, derivedText, stateName } from './texts.ts';

export const stateUrl = (ctx: ViewContext, state: StateCode) =>
  localizedUrl(STATISTICS_PATHS.state, ctx.locale, { state: state.toLowerCase() });

function Headline({ ctx, cell }: { ctx: ViewContext; cell: Cell }) {
  const { t } = ctx;
  return (
    <dl class="kern-description-list">
      {COLS.map((c) => (
        <div key={c} class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.t(`statistics.head.${c}`)}</dt>
          <dd class="kern-description-list-item__value">{cellText(ctx, cell, c)}</dd>
        </div>
      ))}
    </dl>
  );
}

function StepSection(props: { ctx: ViewContext; s: Statistics; step: StatStep; area: StateCode | 'all' }) {
  const { ctx, s, step, area } = props;
  const { t } = ctx;
  const cells = selectCells(s, undefined, step);
  const head = cells.find((c) => c.state === area);
  const states = STATE_CODES.map((code) => cells.find((c) => c.state === code)).filter(
    (c) => c !== undefined,
  );
  const name = t.t(`statistics.step.${step}`);
  const bars = states.map((c) => ({
    label: stateName(ctx, c.state),
    value: c.medianWeeks,
    note:
      c.medianWeeks === null
        ? derivedText(ctx, c, 'median')
        : t.t('statistics.chart.bar', { weeks: c.medianWeeks }),
    status: null,
  }));
  const rows = [...states, ...cells.filter((c) => c.state === 'all')];
  return (
    <section aria-labelledby={`step-${step}`}>
      <h2 class="kern-heading-medium" id={`step-${step}`}>
        {name}
      </h2>
      {head ? <Headline ctx={ctx} cell={head} /> : null}
      <BarChart
        label={t.t('statistics.chart.label', { step: name, summary: t.t('statistics.chart.summary') })}
        bars={bars}
      />
      <table class="kern-table pathways-reflow">
        <caption class="kern-title">{t.t('statistics.table.caption', { step: name })}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">
              {t.t('statistics.col.state')}
            </th>
            {COLS.map((c) => (
              <th key={c} scope="col" class="kern-table__header">
                {t.t(`statistics.col.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {rows.map((c) => (
            <tr key={c.state} class="kern-table__row">
              <th scope="row" class="kern-table__cell">
                {stateName(ctx, c.state)}
              </th>
              {COLS.map((col) => (
                <td key={col} class="kern-table__cell" data-label={t.t(`statistics.col.${col}`)}>
                  {cellText(ctx, c, col)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The report for a chosen period: a plain GET form (no script), the PDF as its answer. */
/** What a visitor sent in the report form, and what was wrong with it (the page answered 400). */
export type ReportInput = {
  readonly input: { readonly from: string; readonly to: string };
  readonly errors: readonly FieldError[];
};

/** A day (2026-03-02) as people write it in a form (02.03.2026). */
const dayInput = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

function ReportForm(props: {
  ctx: ViewContext;
  s: Statistics;
  area: StateCode | 'all';
  report?: ReportInput | undefined;
}) {
  const { ctx, s, area, report } = props;
  const { t } = ctx;
  const error = (field: string) => report?.errors.find((e) => e.field === field);
  const hint = t.t('statistics.report.form.hint', { example: dayInput(s.windowFrom), asOf: t.date(s.asOf) });
  return (
    <section aria-labelledby="statistics-report">
      <h2 class="kern-heading-small" id="statistics-report">
        {t.t('statistics.report.form.title')}
      </h2>
      <p class="kern-body">{t.t('statistics.report.form.lead')}</p>
      <ErrorSummary ctx={ctx} errors={report?.errors ?? []} />
      <form method="get" action={localizedUrl(STATISTICS_PATHS.report, ctx.locale)}>
        <Select
          name="state"
          label={t.t('statistics.report.form.state')}
          value={area}
          options={[
            { value: 'all', label: t.t('statistics.all') },
            ...STATE_CODES.map((code) => ({ value: code, label: stateName(ctx, code) })),
          ]}
        />
        <TextInput
          name="from"
          label={t.t('statistics.report.form.from')}
          hint={hint}
          width={16}
          value={report?.input.from ?? dayInput(s.windowFrom)}
          error={error('from')}
        />
        <TextInput
          name="to"
          label={t.t('statistics.report.form.to')}
          hint={hint}
          width={16}
          value={report?.input.to ?? dayInput(s.asOf)}
          error={error('to')}
        />
        <button type="submit" class="kern-btn kern-btn--secondary">
          <span class="kern-label">{t.t('statistics.report.form.submit')}</span>
        </button>
      </form>
    </section>
  );
}

function Method({ ctx, s }: { ctx: ViewContext; s: Statistics }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="statistics-method">
      <h2 class="kern-heading-small" id="statistics-method">
        {t.t('statistics.method.title')}
      </h2>
      {(['count', 'duration', 'deadline', 'refresh'] as const).map((k) => (
        <p key={k} class="kern-body">
          {t.t(`statistics.method.${k}`)}
        </p>
      ))}
      <p class="kern-body">{t.t('statistics.method.suppression', { threshold: s.threshold })}</p>
    </section>
  );
}

export function StatisticsPage(props: {
  ctx: ViewContext;
  s: Statistics;
  area: StateCode | 'all';
  /** The report form as sent, when its period was refused. */
  report?: ReportInput;
}) {
  const { ctx, s, area, report } = props;
  const { t } = ctx;
  const title =
    area === 'all' ? t.t('statistics.title') : t.t('statistics.title-state', { state: stateName(ctx, area) });
  const query = area === 'all' ? '' : `?state=${area}`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{t.t('statistics.intro')}</p>
      <p class="kern-body">
        {t.t('statistics.as-of', {
          date: t.date(s.asOf as IsoDate),
          from: t.date(s.windowFrom),
          to: t.date(s.asOf),
        })}
      </p>
      <p class="kern-body">
        <a class="kern-btn kern-btn--primary" href={`${STATISTICS_API.csv}${query}`}>
          <span class="kern-label">{t.t('statistics.next')}</span>
        </a>
      </p>
      <p class="kern-body">
        {t.t('statistics.next.hint')}{' '}
        <a class="kern-link" href={STATISTICS_API.dictionary}>
          {t.t('statistics.dictionary')}
        </a>
        {' · '}
        <a class="kern-link" href={`${STATISTICS_API.json}${query}`}>
          {t.t('statistics.json')}
        </a>
      </p>
      <nav aria-labelledby="statistics-states">
        <h2 class="kern-heading-small" id="statistics-states">
          {t.t('statistics.states.title')}
        </h2>
        <ul class="kern-list">
          <li>
            <a class="kern-link" href={localizedUrl(STATISTICS_PATHS.overview, ctx.locale)}>
              {t.t('statistics.all')}
            </a>
          </li>
          {STATE_CODES.map((code) => (
            <li key={code}>
              <a
                class="kern-link"
                href={stateUrl(ctx, code)}
                aria-current={code === area ? 'page' : undefined}
              >
                {stateName(ctx, code)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ReportForm ctx={ctx} s={s} area={area} report={report} />
      {STAT_STEPS.map((step) => (
        <StepSection key={step} ctx={ctx} s={s} step={step} area={area} />
      ))}
      <Method ctx={ctx} s={s} />
    </Layout>
  );
}
