/**
 * The companion statistics page for the states' ministries (issue 18): the six states compared, the conditions
 * most often open, and the officer's own state by district; each count shown or "not shown" under the disclosure
 * rule. Tables reflow to one card per row on a phone.
 */
import {
  type CompanionStatistics,
  MEASURES,
  type PublishedLine,
} from '../../../domain/companion/statistics.ts';
import type { PublishedCount } from '../../../domain/statistics/index.ts';
import type { ViewContext } from '../../../web/context.ts';
import { Page } from '../../../web/layout.tsx';
import { localizedUrl } from '../../../web/paths.ts';
import { criterionTitle } from '../../pathways/index.ts';
import { stateNameIn } from '../../regions/index.ts';
import { COMPANION_EMPLOYMENT_PATHS as P } from '../employment/paths.ts';

function Count({ ctx, c }: { ctx: ViewContext; c: PublishedCount | undefined }) {
  if (!c || c.value === null) return <>{ctx.t.t('companion.statistics.hidden')}</>;
  return <>{ctx.t.number(c.value)}</>;
}

type Row = { key: string; label: string; cells: readonly (PublishedCount | undefined)[] };

function Table(props: {
  ctx: ViewContext;
  caption: string;
  corner: string;
  cols: readonly string[];
  rows: readonly Row[];
}) {
  const { ctx } = props;
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
        </tr>
      </thead>
      <tbody class="kern-table__body">
        {props.rows.map((r) => (
          <tr key={r.key} class="kern-table__row">
            <th scope="row" class="kern-table__cell">
              {r.label}
            </th>
            {props.cols.map((c, j) => (
              <td key={c} class="kern-table__cell" data-label={c}>
                <Count ctx={ctx} c={r.cells[j]} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const lineCells = (l: PublishedLine) => [...l.parts, l.total];

export function StatisticsPage(props: {
  ctx: ViewContext;
  stats: CompanionStatistics;
  states: readonly string[];
  districtNames: ReadonlyMap<string, string>;
  day: string;
}) {
  const { ctx, stats } = props;
  const { t } = ctx;
  const title = t.t('companion.statistics.title');
  const total = t.t('companion.statistics.total');
  const stateCols = [...props.states.map((s) => stateNameIn(ctx.locale, s)), total];
  const measure = (m: string) => t.t(`companion.statistics.measure.${m}`);
  const d = stats.districts;
  return (
    <Page ctx={ctx} title={title}>
      <p class="kern-body">{t.t('companion.statistics.lead', { date: t.date(props.day) })}</p>
      <p class="kern-body">{t.t('companion.statistics.ready-note')}</p>
      <Table
        ctx={ctx}
        caption={t.t('companion.statistics.by-state')}
        corner={t.t('companion.statistics.what')}
        cols={stateCols}
        rows={MEASURES.map((m) => ({ key: m, label: measure(m), cells: lineCells(stats.byState[m]) }))}
      />
      <Table
        ctx={ctx}
        caption={t.t('companion.statistics.open')}
        corner={t.t('companion.statistics.condition')}
        cols={stateCols}
        rows={stats.open.map((o) => ({
          key: o.condition,
          label: criterionTitle(t, o.condition),
          cells: lineCells(o.line),
        }))}
      />
      {d ? (
        <Table
          ctx={ctx}
          caption={t.t('companion.statistics.by-district', { state: stateNameIn(ctx.locale, d.state) })}
          corner={t.t('companion.statistics.district')}
          cols={MEASURES.map(measure)}
          rows={[
            ...d.rows.map((ags, i) => ({
              key: ags || 'none',
              label:
                ags === '' ? t.t('companion.statistics.no-district') : (props.districtNames.get(ags) ?? ags),
              cells: MEASURES.map((m) => d.byMeasure[m].parts[i]),
            })),
            { key: 'total', label: total, cells: MEASURES.map((m) => d.byMeasure[m].total) },
          ]}
        />
      ) : (
        <p class="kern-body">{t.t('companion.statistics.no-own-state')}</p>
      )}
      <p class="kern-body">{t.t('companion.statistics.rule', { max: stats.threshold - 1 })}</p>
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(P.statisticsCsv, ctx.locale)}>
          {t.t('companion.statistics.csv')}
        </a>
      </p>
    </Page>
  );
}
