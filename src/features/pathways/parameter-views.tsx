import { type ParameterId, parameter } from '../../domain/law/index.ts';
import type { Translator } from '../../platform/i18n/index.ts';
import type { ViewContext } from '../../web/context.ts';
import type { EvaluationJson } from './render.ts';

/** The parameters the results page shows with their sources, in this order. */
const KEY_PARAMETERS = [
  'bbg.annual',
  'blue-card.salary.general',
  'blue-card.salary.reduced',
  'age-45.salary',
  'experience.salary',
  'chancenkarte.funds.monthly',
  'chancenkarte.points.minimum',
  'student.funds.monthly',
  'fee.81a',
  'fee.national-visa',
  'westbalkan.quota',
] as const;

function parameterAmount(t: Translator, value: number | string, unit: string): string {
  if (typeof value === 'string') return value;
  if (unit === 'EUR/year' || unit === 'EUR/month' || unit === 'EUR') {
    const amount = t.number(value, { style: 'currency', currency: 'EUR', maximumFractionDigits: 2 });
    return unit === 'EUR'
      ? amount
      : `${amount} / ${t.t(`pathways.unit.${unit === 'EUR/year' ? 'year' : 'month'}`)}`;
  }
  return t.number(value);
}

/** The research behind a value, for administrators who review the parameter table. */
function ResearchNote(props: { ctx: ViewContext; id: ParameterId; date: string }) {
  const value = parameter(props.id, props.date as Parameters<typeof parameter>[1]);
  if (!value) return null;
  return (
    <p class="kern-body kern-body--small pathways-research-note">
      {props.ctx.t.t('pathways.parameters.research-note')}: {value.source.researchNote}{' '}
      <a class="kern-link" href={value.source.researchUrl} rel="noreferrer">
        {props.ctx.t.t('pathways.parameters.research-link')}
      </a>
    </p>
  );
}

/** This year's numbers with their public sources (the result page shows it behind a disclosure). */
export function ParametersTable(props: { ctx: ViewContext; result: EvaluationJson }) {
  const { ctx, result } = props;
  const { t } = ctx;
  const reviewer = ctx.roles.includes('administrator');
  const label = (key: string) => ({ 'data-label': t.t(key) });
  const rows = KEY_PARAMETERS.map((id) => result.parameters[id]).filter((p) => p !== undefined);
  return (
    <>
      <p class="kern-body">{t.t('pathways.parameters.lead')}</p>
      <div class="kern-table-responsive">
        <table class="kern-table pathways-parameters pathways-reflow">
          <caption class="kern-title">
            {t.t('pathways.parameters.caption', { date: t.date(result.date) })}
          </caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              <th scope="col" class="kern-table__header">
                {t.t('pathways.parameters.col.name')}
              </th>
              <th scope="col" class="kern-table__header">
                {t.t('pathways.parameters.col.value')}
              </th>
              <th scope="col" class="kern-table__header">
                {t.t('pathways.parameters.col.valid')}
              </th>
              <th scope="col" class="kern-table__header">
                {t.t('pathways.parameters.col.source')}
              </th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {rows.map((p) => (
              <tr key={p.id} class="kern-table__row">
                <th scope="row" class="kern-table__cell">
                  {t.t(`pathways.parameter.${p.id}`)}
                </th>
                <td class="kern-table__cell" {...label('pathways.parameters.col.value')}>
                  {parameterAmount(t, p.value, p.unit)}
                  {p.verified ? null : (
                    <span class="kern-body--small"> ({t.t('pathways.parameters.unconfirmed')})</span>
                  )}
                </td>
                <td class="kern-table__cell" {...label('pathways.parameters.col.valid')}>
                  {t.t('pathways.parameters.valid', {
                    from: t.date(p.validFrom),
                    to: p.validTo ? t.date(p.validTo) : 'none',
                  })}
                </td>
                <td class="kern-table__cell" {...label('pathways.parameters.col.source')}>
                  <a class="kern-link" href={p.source.url} rel="noreferrer">
                    {p.source.title[ctx.locale]}
                  </a>
                  {reviewer ? <ResearchNote ctx={ctx} id={p.id} date={result.date} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
