import type { FieldError } from '../../platform/http/errors.ts';
import { ErrorSummary, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { STATE_CODES } from '../regions/index.ts';
import { stateName } from './case-views.tsx';
import { COUNSELLING_PATHS } from './paths.ts';
import { OUTCOMES, TOPICS } from './schema.ts';
import { shownCount } from './service.ts';

export function CountsPage(props: {
  ctx: ViewContext;
  year: number;
  counts: { byStateTopic: Map<string, number>; byOutcome: Map<string, number>; total: number };
  error?: FieldError | undefined;
}) {
  const { ctx, year, counts } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('counselling.counts.title')}>
      <h1 class="kern-heading-large">{t.t('counselling.counts.title')}</h1>
      <p class="kern-body">{t.t('counselling.counts.lead')}</p>
      <ErrorSummary ctx={ctx} errors={props.error ? [props.error] : []} />
      <form method="get" action={localizedUrl(COUNSELLING_PATHS.counts, ctx.locale)}>
        <TextInput
          name="year"
          label={t.t('counselling.counts.year')}
          inputMode="numeric"
          width={4}
          value={String(year)}
          error={props.error}
        />
        <button type="submit" class="kern-btn kern-btn--secondary">
          <span class="kern-label">{t.t('counselling.counts.show')}</span>
        </button>
      </form>
      <p class="kern-body">
        <a class="kern-link" href={`${localizedUrl(COUNSELLING_PATHS.csv, ctx.locale)}?year=${year}`}>
          {t.t('counselling.counts.csv')}
        </a>
      </p>
      <table class="kern-table">
        <caption class="kern-title">{t.t('counselling.counts.by-state', { year })}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th class="kern-table__header" scope="col">
              {t.t('counselling.field.topic')}
            </th>
            {STATE_CODES.map((s) => (
              <th key={s} class="kern-table__header" scope="col">
                {stateName(ctx, s)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {TOPICS.map((topic) => (
            <tr key={topic} class="kern-table__row">
              <th class="kern-table__header" scope="row">
                {t.t(`counselling.topic.${topic}`)}
              </th>
              {STATE_CODES.map((s) => (
                <td key={s} class="kern-table__cell">
                  {shownCount(counts.byStateTopic.get(`${s}:${topic}`) ?? 0)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <table class="kern-table">
        <caption class="kern-title">{t.t('counselling.counts.by-outcome', { year })}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th class="kern-table__header" scope="col">
              {t.t('counselling.field.outcome')}
            </th>
            <th class="kern-table__header" scope="col">
              {t.t('counselling.counts.count')}
            </th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {OUTCOMES.map((o) => (
            <tr key={o} class="kern-table__row">
              <th class="kern-table__header" scope="row">
                {t.t(`counselling.outcome.${o}`)}
              </th>
              <td class="kern-table__cell">{shownCount(counts.byOutcome.get(o) ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="kern-body">{t.t('counselling.counts.suppressed')}</p>
    </Layout>
  );
}
