/**
 * The counselling roll-up page for ministry officers (issue 19, V2.1): the six states by topic, and the chosen
 * state by topic and outcome, each count shown or "not shown" under the disclosure rule. A GET form chooses the
 * year and the state; the tables reflow to one card per row on a phone.
 */
import type { PublishedCount } from '../../domain/statistics/index.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { ErrorSummary, Select, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { STATE_CODES } from '../regions/index.ts';
import { stateName } from './case-views.tsx';
import { COUNSELLING_PATHS } from './paths.ts';
import { OUTCOMES, TOPICS } from './schema.ts';
import type { StateRollup } from './state-rollup.ts';

function Count({ ctx, c }: { ctx: ViewContext; c: PublishedCount | undefined }) {
  if (!c || c.value === null) return <>{ctx.t.t('counselling.rollup.hidden')}</>;
  return <>{ctx.t.number(c.value)}</>;
}

function CrossTable(props: {
  ctx: ViewContext;
  caption: string;
  corner: string;
  cols: readonly string[];
  rows: readonly string[];
  table: StateRollup['byStateTopic'];
}) {
  const { ctx, table } = props;
  const total = ctx.t.t('counselling.rollup.total');
  return (
    <table class="kern-table pathways-reflow">
      <caption class="kern-title">{props.caption}</caption>
      <thead class="kern-table__head">
        <tr class="kern-table__row">
          <th scope="col" class="kern-table__header">
            {props.corner}
          </th>
          {props.cols.map((c) => (
            <th key={c} scope="col" class="kern-table__header">
              {c}
            </th>
          ))}
          <th scope="col" class="kern-table__header">
            {total}
          </th>
        </tr>
      </thead>
      <tbody class="kern-table__body">
        {props.rows.map((r, i) => (
          <tr key={r} class="kern-table__row">
            <th scope="row" class="kern-table__cell">
              {r}
            </th>
            {props.cols.map((c, j) => (
              <td key={c} class="kern-table__cell" data-label={c}>
                <Count ctx={ctx} c={table.cells[i]?.[j]} />
              </td>
            ))}
            <td class="kern-table__cell" data-label={total}>
              <Count ctx={ctx} c={table.rowTotals[i]} />
            </td>
          </tr>
        ))}
        <tr class="kern-table__row">
          <th scope="row" class="kern-table__cell">
            {total}
          </th>
          {props.cols.map((c, j) => (
            <td key={c} class="kern-table__cell" data-label={c}>
              <Count ctx={ctx} c={table.colTotals[j]} />
            </td>
          ))}
          <td class="kern-table__cell" data-label={total}>
            <Count ctx={ctx} c={table.grand} />
          </td>
        </tr>
      </tbody>
    </table>
  );
}

export function RollupPage(props: {
  ctx: ViewContext;
  rollup: StateRollup;
  input: { year: string; state: string };
  errors: readonly FieldError[];
}) {
  const { ctx, rollup } = props;
  const { t } = ctx;
  const title = t.t('counselling.rollup.title');
  const topics = TOPICS.map((x) => t.t(`counselling.topic.${x}`));
  const error = (field: string) => props.errors.find((e) => e.field === field);
  const csv = `${localizedUrl(COUNSELLING_PATHS.rollupCsv, ctx.locale)}?year=${rollup.year}&state=${rollup.state.toLowerCase()}`;
  const state = stateName(ctx, rollup.state);
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{t.t('counselling.rollup.lead')}</p>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <form method="get" action={localizedUrl(COUNSELLING_PATHS.rollup, ctx.locale)}>
        <TextInput
          name="year"
          label={t.t('counselling.counts.year')}
          inputMode="numeric"
          width={4}
          value={props.input.year}
          error={error('year')}
        />
        <Select
          name="state"
          label={t.t('counselling.rollup.state')}
          value={props.input.state}
          error={error('state')}
          options={STATE_CODES.map((s) => ({ value: s.toLowerCase(), label: stateName(ctx, s) }))}
        />
        <button type="submit" class="kern-btn kern-btn--secondary">
          <span class="kern-label">{t.t('counselling.counts.show')}</span>
        </button>
      </form>
      <CrossTable
        ctx={ctx}
        caption={t.t('counselling.rollup.by-state', { year: rollup.year })}
        corner={t.t('counselling.field.topic')}
        cols={STATE_CODES.map((s) => stateName(ctx, s))}
        rows={topics}
        table={rollup.byStateTopic}
      />
      <CrossTable
        ctx={ctx}
        caption={t.t('counselling.rollup.by-outcome', { year: rollup.year, state })}
        corner={t.t('counselling.field.topic')}
        cols={OUTCOMES.map((o) => t.t(`counselling.outcome.${o}`))}
        rows={topics}
        table={rollup.byTopicOutcome}
      />
      <p class="kern-body">{t.t('counselling.rollup.rule', { max: rollup.threshold - 1 })}</p>
      <p class="kern-body">
        <a class="kern-link" href={csv}>
          {t.t('counselling.rollup.csv', { state })}
        </a>
      </p>
    </Layout>
  );
}
