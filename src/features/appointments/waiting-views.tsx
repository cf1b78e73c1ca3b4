/**
 * The public waiting-time pages: the overview of all offices (overload list by state, bar chart and the same
 * figures as a table, a filter by state) and one office (headline, forecast for someone filing today, backlog and
 * its trend, filings and decisions per week, then the same per step kind: waiting-steps-view.tsx). Waits are
 * shown in whole weeks, rounded up. Where fewer than 30 cases finished in the window, no wait is shown: "not
 * enough data yet" and the number of cases.
 */
import { addDays, type IsoDate } from '../../domain/calendar.ts';
import { Alert, Select } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { STATES } from '../regions/index.ts';
import type { OfficeFigures, OfficeGroup } from './waiting.ts';
import { GROUPS, WAITING_PATHS, weeksUp } from './waiting.ts';
import { type Bar, BarChart, OverviewTable, WeeklyChart } from './waiting-chart.tsx';
import { AppointmentSection, StepSections } from './waiting-steps-view.tsx';

export function groupName(ctx: ViewContext, group: OfficeGroup): string {
  const s = STATES.find((x) => x.code === group);
  if (s) return ctx.locale === 'de' ? s.nameDe : s.nameEn;
  return ctx.t.t(`waiting.group.${group}`);
}

export function StatusWord({ ctx, f }: { ctx: ViewContext; f: OfficeFigures }) {
  const kind =
    f.status === 'red' ? 'danger' : f.status === 'amber' ? 'warning' : f.status ? 'success' : 'info';
  return (
    <span class={`kern-badge kern-badge--${kind} kern-badge--small`}>
      <span class="kern-label kern-label--small">{ctx.t.t(`waiting.status.${f.status ?? 'none'}`)}</span>
    </span>
  );
}

export const officeUrl = (ctx: ViewContext, slug: string) =>
  localizedUrl(WAITING_PATHS.office, ctx.locale, { slug });

export function p80Text(ctx: ViewContext, f: OfficeFigures): string {
  const { t } = ctx;
  if (f.forecast.insufficient) return t.t('waiting.not-enough', { n: f.forecast.n });
  const p80 = weeksUp(f.forecast.historicalP80Weeks ?? 0);
  return f.office.target
    ? t.t('waiting.p80-vs-target', { weeks: p80, target: f.office.target.weeks })
    : t.t('waiting.p80-no-target', { weeks: p80 });
}

/** The open § 81a deadline alerts in words, or nothing. */
export function AlertsText({ ctx, f }: { ctx: ViewContext; f: OfficeFigures }) {
  return f.openDeadlineAlerts > 0 ? <>{ctx.t.t('waiting.alerts', { n: f.openDeadlineAlerts })}</> : null;
}

function Method({ ctx, asOf }: { ctx: ViewContext; asOf: IsoDate }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="waiting-method">
      <h2 class="kern-heading-small" id="waiting-method">
        {t.t('waiting.method.title')}
      </h2>
      <p class="kern-body">{t.t('waiting.as-of', { date: t.date(asOf) })}</p>
      {['window', 'appointment', 'percentile', 'forecast', 'capacity', 'target', 'colour', 'threshold'].map(
        (k) => (
          <p key={k} class="kern-body">
            {t.t(`waiting.method.${k}`)}
          </p>
        ),
      )}
    </section>
  );
}

export function OverviewPage(props: {
  ctx: ViewContext;
  asOf: IsoDate;
  offices: readonly OfficeFigures[];
  state: OfficeGroup | '';
}) {
  const { ctx, offices, state } = props;
  const { t } = ctx;
  const shown = state === '' ? offices : offices.filter((f) => f.office.group === state);
  const groups = GROUPS.filter((g) => shown.some((f) => f.office.group === g));
  const bars: Bar[] = shown.map((f) => ({
    label: f.office.name,
    value: f.forecast.insufficient ? null : weeksUp(f.forecast.historicalP80Weeks ?? 0),
    note: f.forecast.insufficient
      ? t.t('waiting.not-enough', { n: f.forecast.n })
      : t.t('waiting.chart.bar', {
          weeks: weeksUp(f.forecast.historicalP80Weeks ?? 0),
          status: t.t(`waiting.status.${f.status ?? 'none'}`),
        }),
    status: f.status,
  }));
  return (
    <Layout ctx={ctx} title={t.t('waiting.title')}>
      <h1 class="kern-heading-large">{t.t('waiting.title')}</h1>
      <p class="kern-body">{t.t('waiting.intro')}</p>
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(WAITING_PATHS.map, ctx.locale)}>
          {t.t('waiting.map.link')}
        </a>
      </p>
      <form method="get" action={localizedUrl(WAITING_PATHS.overview, ctx.locale)} class="kern-stack-md">
        <Select
          name="state"
          label={t.t('waiting.filter.label')}
          value={state}
          options={[
            { value: '', label: t.t('waiting.filter.all') },
            ...GROUPS.map((g) => ({ value: g, label: groupName(ctx, g) })),
          ]}
        />
        <div>
          <button class="kern-btn kern-btn--primary" type="submit">
            <span class="kern-label">{t.t('waiting.filter.submit')}</span>
          </button>
        </div>
      </form>
      <p class="kern-body">{t.t('waiting.as-of', { date: t.date(props.asOf) })}</p>
      {shown.length === 0 ? <p class="kern-body">{t.t('waiting.none')}</p> : null}
      {groups.map((g) => (
        <section key={g} aria-labelledby={`group-${g}`}>
          <h2 class="kern-heading-medium" id={`group-${g}`}>
            {groupName(ctx, g)}
          </h2>
          <ul class="kern-list">
            {shown
              .filter((f) => f.office.group === g)
              .map((f) => (
                <li key={f.office.id}>
                  <a class="kern-link" href={officeUrl(ctx, f.office.slug)}>
                    {f.office.name}
                  </a>{' '}
                  <StatusWord ctx={ctx} f={f} />
                  <br />
                  {p80Text(ctx, f)}
                  {f.forecast.insufficient ? null : (
                    <>
                      {' · '}
                      {t.t('waiting.backlog', { n: f.forecast.backlog })}
                      {f.forecast.growing ? ` · ${t.t('waiting.growing')}` : ''}
                    </>
                  )}
                  {f.openDeadlineAlerts > 0 ? (
                    <>
                      <br />
                      <AlertsText ctx={ctx} f={f} />
                    </>
                  ) : null}
                </li>
              ))}
          </ul>
        </section>
      ))}
      {shown.length > 0 ? (
        <section aria-labelledby="waiting-compare">
          <h2 class="kern-heading-medium" id="waiting-compare">
            {t.t('waiting.compare.title')}
          </h2>
          <BarChart label={t.t('waiting.chart.label')} bars={bars} />
          <OverviewTable ctx={ctx} offices={shown} />
        </section>
      ) : null}
      <Method ctx={ctx} asOf={props.asOf} />
    </Layout>
  );
}

export function OfficePage(props: { ctx: ViewContext; asOf: IsoDate; f: OfficeFigures }) {
  const { ctx, asOf, f } = props;
  const { t } = ctx;
  const fc = f.forecast;
  const what = t.t(`waiting.what.${f.office.kind}`);
  return (
    <Layout ctx={ctx} title={t.t('waiting.office.title', { name: f.office.name })}>
      <h1 class="kern-heading-large">{t.t('waiting.office.title', { name: f.office.name })}</h1>
      <p class="kern-body">
        <StatusWord ctx={ctx} f={f} /> <AlertsText ctx={ctx} f={f} />
      </p>
      {fc.insufficient ? (
        <Alert kind="info" title={t.t('waiting.not-enough-title')}>
          <p class="kern-body">{t.t('waiting.office.not-enough', { n: fc.n, what })}</p>
        </Alert>
      ) : (
        <OfficeFiguresView ctx={ctx} asOf={asOf} f={f} what={what} />
      )}
      <StepSections ctx={ctx} f={f} />
      <AppointmentSection ctx={ctx} f={f} />
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(WAITING_PATHS.overview, ctx.locale)}>
          {t.t('waiting.office.back')}
        </a>
      </p>
      <Method ctx={ctx} asOf={asOf} />
    </Layout>
  );
}

function OfficeFiguresView(props: { ctx: ViewContext; asOf: IsoDate; f: OfficeFigures; what: string }) {
  const { ctx, asOf, f, what } = props;
  const { t } = ctx;
  const fc = f.forecast;
  const weeks = f.weeklyArrivals.length;
  const weekStart = (i: number) => addDays(asOf, -(weeks - i) * 7 + 1);
  // A service point with appointments only counts complete requests and appointments held, not decisions.
  const cols =
    f.office.steps.length === 0
      ? { arrivals: 'waiting.col.ready', completions: 'waiting.col.held' }
      : { arrivals: 'waiting.col.arrivals', completions: 'waiting.col.completions' };
  return (
    <>
      <p class="kern-body kern-body--large">
        {t.t('waiting.office.headline', { weeks: weeksUp(fc.historicalP80Weeks ?? 0), what })}
      </p>
      <p class="kern-body">
        {t.t('waiting.office.median', { weeks: weeksUp(fc.historicalP50Weeks ?? 0), n: fc.n })}
      </p>
      {f.office.target ? (
        <p class="kern-body">
          {t.t(`waiting.office.target.${f.office.target.source}`, { weeks: f.office.target.weeks })}
        </p>
      ) : null}
      <h2 class="kern-heading-medium">{t.t('waiting.office.today')}</h2>
      <p class="kern-body">
        {fc.waitWeeks?.p50 != null && fc.waitWeeks.p80 != null
          ? t.t('waiting.office.forecast', { p50: weeksUp(fc.waitWeeks.p50), p80: weeksUp(fc.waitWeeks.p80) })
          : t.t('waiting.office.no-forecast')}
      </p>
      <h2 class="kern-heading-medium">{t.t('waiting.office.backlog-title')}</h2>
      <p class="kern-body">
        {t.t('waiting.office.backlog', { n: fc.backlog })} {t.t(`waiting.trend.${fc.trend ?? 'unknown'}`)}
      </p>
      {fc.weeklyArrivals !== null && fc.weeklyCapacity !== null ? (
        <p class="kern-body">
          {t.t('waiting.office.rates', {
            arrivals: Math.round(fc.weeklyArrivals * 10) / 10,
            completions: Math.round(fc.weeklyCapacity * 10) / 10,
          })}
          {fc.utilisation !== null
            ? ` ${t.t('waiting.office.utilisation', { percent: Math.round(fc.utilisation * 100) })}`
            : ''}
        </p>
      ) : null}
      <h2 class="kern-heading-medium">{t.t('waiting.office.weekly-title')}</h2>
      <WeeklyChart
        label={t.t('waiting.office.weekly-label', { weeks })}
        arrivals={f.weeklyArrivals}
        completions={f.weeklyCompletions}
        legend={{ arrivals: t.t(cols.arrivals), completions: t.t(cols.completions) }}
        first={t.date(weekStart(0))}
        last={t.date(weekStart(weeks - 1))}
      />
      <table class="kern-table pathways-reflow">
        <caption class="kern-title">{t.t('waiting.office.weekly-caption')}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            {['waiting.col.week', cols.arrivals, cols.completions].map((c) => (
              <th key={c} scope="col" class="kern-table__header">
                {t.t(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {f.weeklyArrivals.map((a, i) => (
            <tr key={weekStart(i)} class="kern-table__row">
              <th scope="row" class="kern-table__cell">
                {t.t('waiting.week-of', { date: t.date(weekStart(i)) })}
              </th>
              <td class="kern-table__cell" data-label={t.t(cols.arrivals)}>
                {t.t('waiting.number', { n: a })}
              </td>
              <td class="kern-table__cell" data-label={t.t(cols.completions)}>
                {t.t('waiting.number', { n: f.weeklyCompletions[i] ?? 0 })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
