/** The figures page of a fair: one table, rows for the whole fair, each state and each country, counts only. */
import type { ViewContext } from '../../web/context.ts';
import { countryName } from '../../web/countries.ts';
import { Page } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { stateNameIn } from '../regions/index.ts';
import { type Counts, type FairFigures, MEASURES, SUPPRESS_BELOW } from './figures.ts';
import { FAIR_PATHS } from './paths.ts';

function Row({ ctx, label, counts }: { ctx: ViewContext; label: string; counts: Counts }) {
  const { t } = ctx;
  return (
    <tr class="kern-table__row">
      <th scope="row" class="kern-table__header">
        {label}
      </th>
      {MEASURES.map((m) => {
        const c = counts[m];
        return (
          <td key={m} class="kern-table__cell" data-label={t.t(`fairs.figures.${m}`)}>
            {c === undefined ? '–' : c.value === null ? t.t('fairs.figures.hidden') : t.number(c.value)}
          </td>
        );
      })}
    </tr>
  );
}

export function FiguresPage({
  ctx,
  f,
  title,
  id,
}: {
  ctx: ViewContext;
  f: FairFigures;
  title: string;
  id: string;
}) {
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('fairs.figures.title', { title })}>
      <p class="kern-body">{t.t('fairs.figures.lead', { n: SUPPRESS_BELOW })}</p>
      <table class="kern-table pathways-reflow">
        <caption class="kern-title">{t.t('fairs.figures.caption')}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">
              {t.t('fairs.figures.group')}
            </th>
            {MEASURES.map((m) => (
              <th key={m} scope="col" class="kern-table__header">
                {t.t(`fairs.figures.${m}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          <Row ctx={ctx} label={t.t('fairs.figures.all')} counts={f.total} />
          {f.states.map((s) => (
            <Row key={s.code} ctx={ctx} label={stateNameIn(ctx.locale, s.code)} counts={s.counts} />
          ))}
          {f.countries.map((c) => (
            <Row key={c.code} ctx={ctx} label={countryName(c.code, ctx.locale)} counts={c.counts} />
          ))}
        </tbody>
      </table>
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(FAIR_PATHS.figuresCsv, ctx.locale, { id })} download>
          {t.t('fairs.figures.csv')}
        </a>
      </p>
    </Page>
  );
}
