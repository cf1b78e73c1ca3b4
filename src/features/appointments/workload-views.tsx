/**
 * An office's workload page: filings, decisions and open cases per week as a server-drawn chart with the same
 * figures in a table, the on-time rate and the open cases in weeks of decisions.
 */
import { MIN_FINISHED_CASES } from '../../domain/capacity/forecast.ts';
import { ErrorSummary } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { JOURNEY_PATHS } from '../journey/index.ts';
import type { Workload, WorkloadWeek } from './staffing-page.ts';
import { HeadRow } from './staffing-views.tsx';
import { StaffSection, type StaffSectionProps } from './workload-staff-views.tsx';

export type OnTime = { rate: number | null; total: number } | undefined;

const round1 = (x: number) => Math.round(x * 10) / 10;
const SERIES = [
  { key: 'arrivals', stroke: '#0b5394', dash: undefined },
  { key: 'completions', stroke: '#1b6b3a', dash: '6 4' },
  { key: 'backlog', stroke: '#b3261e', dash: '2 3' },
] as const;

/** A line chart of the three series, drawn on the server (no script); the table beside it has the figures. */
export function WorkloadChart(props: { ctx: ViewContext; weeks: readonly WorkloadWeek[] }) {
  const { t } = props.ctx;
  const { weeks } = props;
  const W = 480;
  const H = 220;
  const left = 36;
  const bottom = 26;
  const top = 12;
  const max = Math.max(1, ...weeks.flatMap((w) => [w.arrivals, w.completions, w.backlog]));
  const x = (i: number) => left + (i * (W - left - 8)) / Math.max(1, weeks.length - 1);
  const y = (v: number) => top + (H - top - bottom) * (1 - v / max);
  const first = weeks[0];
  const last = weeks.at(-1);
  return (
    <figure class="workload-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-label={t.t('workload.chart.label', { weeks: weeks.length })}
        focusable="false"
      >
        <line x1={left} y1={y(0)} x2={W - 8} y2={y(0)} stroke="#1b1b1b" stroke-width="1" />
        <line x1={left} y1={top} x2={left} y2={y(0)} stroke="#1b1b1b" stroke-width="1" />
        <text x={left - 6} y={y(max) + 4} text-anchor="end" font-size="14" fill="#1b1b1b">
          {max}
        </text>
        <text x={left - 6} y={y(0) + 4} text-anchor="end" font-size="14" fill="#1b1b1b">
          0
        </text>
        {first && last ? (
          <>
            <text x={left} y={H - 6} font-size="14" fill="#1b1b1b">
              {t.date(first.end)}
            </text>
            <text x={W - 8} y={H - 6} text-anchor="end" font-size="14" fill="#1b1b1b">
              {t.date(last.end)}
            </text>
          </>
        ) : null}
        {SERIES.map((s) => (
          <polyline
            key={s.key}
            fill="none"
            stroke={s.stroke}
            stroke-width="2.5"
            stroke-dasharray={s.dash}
            points={weeks.map((w, i) => `${x(i).toFixed(1)},${y(w[s.key]).toFixed(1)}`).join(' ')}
          />
        ))}
      </svg>
      <figcaption class="kern-body">
        <ul class="kern-list">
          {SERIES.map((s) => (
            <li key={s.key}>{t.t(`workload.legend.${s.key}`)}</li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

export function WorkloadPage(props: {
  ctx: ViewContext;
  organisationName: string;
  workload: Workload;
  onTime: OnTime;
  staff: StaffSectionProps;
}) {
  const { ctx, workload: w, onTime } = props;
  const { t } = ctx;
  const backlog = w.weeks.at(-1)?.backlog ?? 0;
  const onTimeEnough = onTime !== undefined && onTime.rate !== null && onTime.total >= MIN_FINISHED_CASES;
  return (
    <Layout ctx={ctx} title={t.t('workload.title')}>
      <h1 class="kern-heading-large">{t.t('workload.title')}</h1>
      <ErrorSummary ctx={ctx} errors={props.staff.errors} />
      <p class="kern-body">
        {t.t('workload.intro', { name: props.organisationName, date: t.date(w.asOf), weeks: w.weeks.length })}
      </p>
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.t('workload.open-now')}</dt>
          <dd class="kern-description-list-item__value">{t.t('workload.cases', { n: backlog })}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.t('workload.mean-completions')}</dt>
          <dd class="kern-description-list-item__value">
            {t.t('workload.per-week', { n: round1(w.meanCompletions) })}
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.t('workload.backlog-weeks')}</dt>
          <dd class="kern-description-list-item__value">
            {w.backlogWeeks !== null
              ? t.t('workload.weeks', { n: round1(w.backlogWeeks) })
              : w.enough
                ? t.t('workload.no-completions')
                : t.t('workload.not-enough', { n: w.finished, min: MIN_FINISHED_CASES })}
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.t('workload.on-time')}</dt>
          <dd class="kern-description-list-item__value">
            {onTimeEnough
              ? t.t('workload.on-time-value', {
                  share: Math.round((onTime?.rate ?? 0) * 100),
                  n: onTime?.total ?? 0,
                })
              : t.t('workload.not-enough-deadlines', { n: onTime?.total ?? 0, min: MIN_FINISHED_CASES })}
          </dd>
        </div>
      </dl>
      <p class="kern-body">{t.t('workload.method', { n: w.finished, date: t.date(w.asOf) })}</p>
      <StaffSection ctx={ctx} staff={props.staff} open={backlog} decisionsPerWeek={w.meanCompletions} />
      <h2 class="kern-heading-medium">{t.t('workload.weeks-title')}</h2>
      <WorkloadChart ctx={ctx} weeks={w.weeks} />
      <table class="kern-table pathways-reflow">
        <caption class="kern-title">{t.t('workload.table-caption')}</caption>
        <HeadRow
          t={t}
          keys={['week', 'arrivals', 'completions', 'backlog'].map((h) => `workload.col.${h}`)}
        />
        <tbody class="kern-table__body">
          {[...w.weeks].reverse().map((week) => (
            <tr key={week.end} class="kern-table__row">
              <th scope="row" class="kern-table__cell">
                {t.t('workload.week-to', { date: t.date(week.end) })}
              </th>
              <td class="kern-table__cell" data-label={t.t('workload.col.arrivals')}>
                {t.t('workload.count', { n: week.arrivals })}
              </td>
              <td class="kern-table__cell" data-label={t.t('workload.col.completions')}>
                {t.t('workload.count', { n: week.completions })}
              </td>
              <td class="kern-table__cell" data-label={t.t('workload.col.backlog')}>
                {t.t('workload.count', { n: week.backlog })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(JOURNEY_PATHS.queue, ctx.locale)}>
          {t.t('workload.next')}
        </a>
      </p>
    </Layout>
  );
}
