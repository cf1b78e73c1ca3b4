import type { Translator } from '../../platform/i18n/index.ts';
import type { ViewContext } from '../../web/context.ts';
import type { CriterionJson, PointsJson } from './render.ts';

// The tables of a pathway result: its criteria and, for the Chancenkarte, its points.

const STATUS_ORDER = { unmet: 0, unknown: 1, met: 2 } as const;
const STATUS_BADGE = { met: 'success', unknown: 'warning', unmet: 'danger' } as const;

function formatValue(t: Translator, v: number | string | boolean | null): string {
  if (v === null) return '–';
  if (typeof v === 'number') return t.number(v);
  if (typeof v === 'boolean') return t.t(`pathways.answer.${v ? 'yes' : 'no'}`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return t.date(v);
  return v;
}

const MONEY = /funds|salary/;

const LANGUAGE_LEVEL = /^(A1|A2|B1|B2|C1|C2)$/;

/** Numbers, yes/no, dates and language levels are shown; other strings are codes (country, ISCO). */
function shown(v: number | string | boolean | null): boolean {
  return typeof v !== 'string' || LANGUAGE_LEVEL.test(v) || /^\d{4}-\d{2}-\d{2}$/.test(v);
}

/** Whether a criterion has numbers to show (your value / the limit). */
function numbers(c: CriterionJson): boolean {
  return shown(c.value) && shown(c.threshold) && (c.value !== null || c.threshold !== null);
}

export function criterionTitle(t: Translator, id: string): string {
  return t.has(`law.criterion.${id}.title`) ? t.t(`law.criterion.${id}.title`) : id;
}

/**
 * What about the law is not yet officially confirmed, said once and in words: how the law reads some
 * criteria or points, and some amounts. It never doubts the applicant's answers.
 */
export function UnconfirmedLaw(props: {
  ctx: ViewContext;
  criteria: readonly CriterionJson[];
  points?: PointsJson | undefined;
}) {
  const { t } = props.ctx;
  const quote = (name: string) => t.t('pathways.unconfirmed.quote', { name });
  const list = (items: string[]) => t.list(items);
  const readings = (props.points?.items ?? []).filter((i) => !i.verified).map((i) => quote(i.label));
  const amounts: string[] = [];
  for (const c of props.criteria) {
    if (c.verified) continue;
    if (c.id === 'points-minimum' && props.points) continue; // said by its points
    if (typeof c.threshold === 'number' && c.id !== 'points-minimum') {
      const amount = MONEY.test(c.id)
        ? t.number(c.threshold, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 })
        : t.number(c.threshold);
      amounts.push(t.t('pathways.unconfirmed.amount-of', { name: quote(criterionTitle(t, c.id)), amount }));
    } else readings.push(quote(criterionTitle(t, c.id)));
  }
  const parts = [
    ...(readings.length > 0 ? [t.t('pathways.unconfirmed.reading', { names: list(readings) })] : []),
    ...(amounts.length > 0
      ? [t.t('pathways.unconfirmed.amount', { names: list(amounts), count: amounts.length })]
      : []),
  ];
  if (parts.length === 0) return null;
  return (
    <p class="kern-body kern-body--small pathways-unconfirmed">
      <strong>{t.t('pathways.unconfirmed.text')}</strong> {parts.join(' ')}
    </p>
  );
}

export function CriteriaTable(props: { ctx: ViewContext; id: string; criteria: readonly CriterionJson[] }) {
  const { t } = props.ctx;
  const label = (key: string) => ({ 'data-label': t.t(key) });
  const sorted = [...props.criteria].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  return (
    <div class="kern-table-responsive">
      <table class="kern-table pathways-criteria pathways-reflow">
        <caption class="kern-title">{t.t('pathways.result.criteria')}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">
              {t.t('pathways.result.col.criterion')}
            </th>
            <th scope="col" class="kern-table__header">
              {t.t('pathways.result.col.status')}
            </th>
            <th scope="col" class="kern-table__header">
              {t.t('pathways.result.col.explanation')}
            </th>
            <th scope="col" class="kern-table__header">
              {t.t('pathways.result.col.numbers')}
            </th>
            <th scope="col" class="kern-table__header">
              {t.t('pathways.result.col.citation')}
            </th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {sorted.map((c) => (
            <tr key={c.id} class="kern-table__row">
              <th scope="row" class="kern-table__cell">
                {criterionTitle(t, c.id)}
              </th>
              <td class="kern-table__cell" {...label('pathways.result.col.status')}>
                <span class={`kern-badge kern-badge--${STATUS_BADGE[c.status]} kern-badge--small`}>
                  <span class="kern-label kern-label--small">{t.t(`law.status.${c.status}`)}</span>
                </span>
              </td>
              <td class="kern-table__cell" {...label('pathways.result.col.explanation')}>
                {c.message}
              </td>
              <td
                class={`kern-table__cell${numbers(c) ? '' : ' pathways-reflow-empty'}`}
                {...label('pathways.result.col.numbers')}
              >
                {!numbers(c)
                  ? '–'
                  : t.t('pathways.result.value-threshold', {
                      value: formatValue(t, c.value),
                      threshold: formatValue(t, c.threshold),
                    })}
              </td>
              <td class="kern-table__cell" {...label('pathways.result.col.citation')}>
                {c.citation}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PointsTable(props: { ctx: ViewContext; points: PointsJson; unconfirmedNote?: boolean }) {
  const { ctx, points } = props;
  const { t } = ctx;
  const label = (key: string) => ({ 'data-label': t.t(key) });
  return (
    <div class="kern-table-responsive">
      <table class="kern-table pathways-points pathways-reflow">
        <caption class="kern-title">{t.t('pathways.points.breakdown')}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">
              {t.t('pathways.points.col.nr')}
            </th>
            <th scope="col" class="kern-table__header">
              {t.t('pathways.points.col.feature')}
            </th>
            <th scope="col" class="kern-table__header">
              {t.t('pathways.result.col.status')}
            </th>
            <th scope="col" class="kern-table__header">
              {t.t('pathways.points.col.points')}
            </th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {points.items.map((i) => (
            <tr key={i.id} class="kern-table__row">
              <td class="kern-table__cell" {...label('pathways.points.col.nr')}>
                {i.nr}
              </td>
              <th scope="row" class="kern-table__cell">
                {i.label}
              </th>
              <td class="kern-table__cell" {...label('pathways.result.col.status')}>
                {t.t(`law.status.${i.status}`)}
              </td>
              <td class="kern-table__cell" {...label('pathways.points.col.points')}>
                {i.status === 'unknown'
                  ? t.t('pathways.points.potential', { points: i.points, potential: i.potential })
                  : i.points}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr class="kern-table__row">
            <td class="kern-table__cell pathways-reflow-empty" />
            <th scope="row" class="kern-table__cell">
              {t.t('pathways.points.total')}
            </th>
            <td class="kern-table__cell pathways-reflow-empty" />
            <td class="kern-table__cell" {...label('pathways.points.col.points')}>
              {points.total}
            </td>
          </tr>
        </tfoot>
      </table>
      <p class="kern-body">
        {t.t('pathways.points.summary', {
          total: points.total,
          minimum: points.minimum ?? 6,
          max: points.maxPossible,
        })}
      </p>
      {props.unconfirmedNote === false ? null : <UnconfirmedLaw ctx={ctx} criteria={[]} points={points} />}
    </div>
  );
}
