/** The lists of journeys: the employer's and the counsellor's lists, and an authority's work queue. */
import type { ViewContext } from '../../web/context.ts';
import { CsvLink } from '../../web/csv.tsx';
import { href } from './paths.tsx';
import type { JourneySummary, QueueItem } from './queries.ts';
import { Badge, type NoticeRow, Notices, Page, pathwayTitle, Table, td } from './view-parts.tsx';

export function JourneyListPage(props: {
  ctx: ViewContext;
  title: string;
  none: string;
  journeys: readonly JourneySummary[];
  /** The list can be downloaded (a counselling centre's). */
  csv?: boolean;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={props.title}>
      {props.journeys.length === 0 ? (
        <p class="kern-body">{props.none}</p>
      ) : (
        <Table
          caption={props.title}
          head={[
            t.t('journeys.col.applicant'),
            t.t('journeys.col.pathway'),
            t.t('journeys.col.status'),
            t.t('journeys.col.updated'),
          ]}
        >
          {props.journeys.map((j) => (
            <tr key={j.id} class="kern-table__row">
              {td(
                <a class="kern-link" href={href(ctx, 'journey', { id: j.id })}>
                  {j.applicantName}
                </a>,
              )}
              {td(pathwayTitle(ctx, j.pathway))}
              {td(t.t(`journeys.journey.status.${j.status}`))}
              {td(t.date(j.updatedAt, 'short'))}
            </tr>
          ))}
        </Table>
      )}
      {props.csv && props.journeys.length > 0 ? <CsvLink ctx={ctx} /> : null}
    </Page>
  );
}

export function QueuePage(props: {
  ctx: ViewContext;
  items: readonly QueueItem[];
  total: number;
  /** True when the queue holds more steps than were counted (`total`). */
  totalIsLowerBound: boolean;
  offset: number;
  limit: number;
  rates: readonly {
    organisationId: string | null;
    name: string;
    rate: number | null;
    total: number;
    closedLate: number;
    runningBreached: number;
  }[];
  alerts: readonly NoticeRow[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  const base = href(ctx, 'queue');
  return (
    <Page ctx={ctx} title={t.t('journeys.queue.title')}>
      <p class="kern-body">{t.t('journeys.queue.intro')}</p>
      <section aria-labelledby="on-time">
        <h2 class="kern-heading-medium" id="on-time">
          {t.t('journeys.queue.on-time')}
        </h2>
        <ul class="kern-list">
          {props.rates.map((r) => (
            <li key={r.organisationId ?? r.name}>
              {r.rate === null
                ? t.t('journeys.queue.on-time-none', { name: r.name })
                : t.t('journeys.queue.on-time-rate', {
                    name: r.name,
                    rate: r.rate,
                    total: r.total,
                    late: r.closedLate + r.runningBreached,
                  })}
            </li>
          ))}
        </ul>
      </section>
      <Notices ctx={ctx} title={t.t('journeys.queue.alerts')} rows={props.alerts} />
      <p class="kern-body">
        {t.t(props.totalIsLowerBound ? 'journeys.queue.total-more' : 'journeys.queue.total', {
          total: props.total,
        })}
      </p>
      {props.items.length === 0 ? (
        <p class="kern-body">{t.t('journeys.queue.none')}</p>
      ) : (
        <Table
          caption={t.t('journeys.queue.title')}
          head={[
            t.t('journeys.col.due'),
            t.t('journeys.col.step'),
            t.t('journeys.col.applicant'),
            t.t('journeys.col.status'),
          ]}
        >
          {props.items.map((i) => (
            <tr
              key={`${i.journeyId}-${i.kind}`}
              class={`kern-table__row${i.deadline === 'breached' ? ' queue-overdue' : ''}`}
            >
              {td(
                <>
                  {i.effectiveDueAt ? t.date(i.effectiveDueAt) : t.t('journeys.due.none')}
                  {i.deadline === 'breached' ? (
                    <>
                      {' '}
                      <Badge kind="danger" text={t.t('journeys.queue.overdue')} />
                    </>
                  ) : i.deadline === 'near-breach' ? (
                    <>
                      {' '}
                      <Badge kind="warning" text={t.t('journey.deadline-status.near-breach')} />
                    </>
                  ) : null}
                </>,
              )}
              {td(
                <a class="kern-link" href={href(ctx, 'step', { id: i.journeyId, step: i.kind })}>
                  {t.t(`journey.step.${i.kind}`)}
                </a>,
              )}
              {td(i.applicantName)}
              {td(t.t(`journey.status.${i.status}`))}
            </tr>
          ))}
        </Table>
      )}
      {props.items.length > 0 ? <CsvLink ctx={ctx} /> : null}
      <p class="kern-body">
        {props.offset > 0 ? (
          <a class="kern-link" href={`${base}?offset=${Math.max(0, props.offset - props.limit)}`}>
            {t.t('journeys.queue.previous-page')}
          </a>
        ) : null}{' '}
        {props.offset + props.limit < props.total ? (
          <a class="kern-link" href={`${base}?offset=${props.offset + props.limit}`}>
            {t.t('journeys.queue.next-page')}
          </a>
        ) : null}
      </p>
      <p class="kern-body">
        <a class="kern-link" href={href(ctx, 'calendar')}>
          {t.t('journeys.calendar.link')}
        </a>
      </p>
    </Page>
  );
}
