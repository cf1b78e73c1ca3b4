import type { FieldError } from '../../platform/http/errors.ts';
import { ErrorSummary, Select, UnverifiedNote } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import type { RegionsSnapshot } from './service.ts';

export function RegionsPage(props: {
  ctx: ViewContext;
  data: RegionsSnapshot;
  selected: string;
  error?: FieldError;
}) {
  const { ctx, data, selected } = props;
  const { t } = ctx;
  const name = (s: { nameDe: string; nameEn: string }) => (ctx.locale === 'de' ? s.nameDe : s.nameEn);
  // Research notes and the research table's description are for administrators who review the data.
  const reviewer = ctx.roles.includes('administrator');
  const shown = selected ? data.states.filter((s) => s.code === selected) : data.states;
  return (
    <Layout ctx={ctx} title={t.t('regions.title')}>
      <h1 class="kern-heading-large">{t.t('regions.title')}</h1>
      <p class="kern-body kern-body--large">{t.t('regions.lead')}</p>
      <ErrorSummary ctx={ctx} errors={props.error ? [props.error] : []} />
      <form method="get" class="regions-filter" action="">
        <Select
          name="state"
          label={t.t('regions.filter.label')}
          value={selected}
          error={props.error}
          options={[
            { value: '', label: t.t('regions.filter.all') },
            ...data.states.map((s) => ({ value: s.code, label: name(s) })),
          ]}
        />
        <button type="submit" class="kern-btn kern-btn--secondary">
          <span class="kern-label">{t.t('regions.filter.submit')}</span>
        </button>
      </form>
      {shown.map((s) => {
        const districts = data.byState.get(s.code) ?? [];
        return (
          <section key={s.code} class="regions-state" aria-labelledby={`state-${s.code}`}>
            <h2 class="kern-heading-medium" id={`state-${s.code}`}>
              {name(s)}
            </h2>
            <p class="kern-body">{t.t('regions.count', { count: districts.length })}</p>
            <div class="kern-card regions-central">
              <div class="kern-card__container">
                <div class="kern-card__body">
                  <h3 class="kern-title">{t.t('regions.central.title')}</h3>
                  <p class="kern-body">
                    {s.centralOfficeExists ? s.centralOffice : t.t('regions.central.none')}
                  </p>
                  {s.verified ? null : <UnverifiedNote ctx={ctx} />}
                  {reviewer && s.centralOfficeNotes ? (
                    <p class="kern-body kern-body--small">{s.centralOfficeNotes}</p>
                  ) : null}
                </div>
              </div>
            </div>
            <div class="kern-table-responsive">
              <table class="kern-table kern-table--striped">
                <caption class="kern-title" id={`caption-${s.code}`}>
                  {t.t('regions.table.caption', { state: name(s) })}
                </caption>
                <thead class="kern-table__head">
                  <tr class="kern-table__row">
                    <th scope="col" class="kern-table__header">
                      {t.t('regions.table.name')}
                    </th>
                    <th scope="col" class="kern-table__header">
                      {t.t('regions.table.ags')}
                    </th>
                    <th scope="col" class="kern-table__header">
                      {t.t('regions.table.kind')}
                    </th>
                    <th scope="col" class="kern-table__header">
                      {t.t('regions.table.office')}
                    </th>
                  </tr>
                </thead>
                <tbody class="kern-table__body">
                  {districts.map((d) => (
                    <tr key={d.ags} class="kern-table__row">
                      <th scope="row" class="kern-table__cell">
                        {d.name}
                      </th>
                      <td class="kern-table__cell">{d.ags}</td>
                      <td class="kern-table__cell">{t.t(`regions.kind.${d.kind}`)}</td>
                      <td class="kern-table__cell">
                        {d.foreignersOffice} {d.verified ? null : <UnverifiedNote ctx={ctx} />}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      {data.districts[0] ? (
        <p class="kern-body kern-body--small">
          {reviewer
            ? t.t('regions.provenance', {
                source: data.districts[0].source,
                asOf: t.date(data.districts[0].asOf),
              })
            : t.t('regions.as-of', { asOf: t.date(data.districts[0].asOf) })}
        </p>
      ) : null}
    </Layout>
  );
}
