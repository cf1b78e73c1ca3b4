import type { FieldError } from '../../platform/http/errors.ts';
import { ErrorSummary } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { PointsTable } from './criteria-views.tsx';
import { FormFields, type OccupationChoices } from './field-views.tsx';
import { PATHWAY_PATHS } from './paths.ts';
import type { Answers, FieldDef } from './questionnaire.ts';
import type { EvaluationJson, PointsJson } from './render.ts';
import { PathwayCard } from './result-views.tsx';

const url = (ctx: ViewContext, paths: { de: string; en: string }) => localizedUrl(paths, ctx.locale);

export function PointsPage(props: {
  ctx: ViewContext;
  fields: readonly FieldDef[];
  values: Answers;
  errors: readonly FieldError[];
  points?: PointsJson;
  date: string;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('pathways.points.title')}>
      <h1 class="kern-heading-large">{t.t('pathways.points.title')}</h1>
      <p class="kern-body kern-body--large">{t.t('pathways.points.lead')}</p>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <form method="get" action={url(ctx, PATHWAY_PATHS.points)} novalidate class="pathways-form">
        <FormFields ctx={ctx} fields={props.fields} values={props.values} errors={props.errors} />
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">{t.t('pathways.points.submit')}</span>
        </button>
      </form>
      {props.points ? (
        <section aria-labelledby="points-result">
          <h2 class="kern-heading-medium" id="points-result">
            {t.t('pathways.points.result', { total: props.points.total })}
          </h2>
          <p class="kern-body">{t.t('pathways.points.date', { date: t.date(props.date) })}</p>
          <PointsTable ctx={ctx} points={props.points} />
          <p class="kern-body">{t.t('pathways.points.more')}</p>
          <p class="kern-body">
            <a class="kern-link" href={url(ctx, PATHWAY_PATHS.start)}>
              {t.t('pathways.title')}
            </a>
          </p>
        </section>
      ) : null}
    </Layout>
  );
}

export function OfferPage(props: {
  ctx: ViewContext;
  fields: readonly FieldDef[];
  values: Answers;
  errors: readonly FieldError[];
  choices?: OccupationChoices;
  result?: EvaluationJson;
}) {
  const { ctx, result } = props;
  const { t } = ctx;
  const open = result ? result.pathways.filter((p) => p.outcome === 'eligible') : [];
  const review = result ? result.pathways.filter((p) => p.outcome === 'needs-review') : [];
  return (
    <Layout ctx={ctx} title={t.t('pathways.offer.title')}>
      <h1 class="kern-heading-large">{t.t('pathways.offer.title')}</h1>
      <p class="kern-body kern-body--large">{t.t('pathways.offer.lead')}</p>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <form method="get" action={url(ctx, PATHWAY_PATHS.offer)} novalidate class="pathways-form">
        <fieldset class="kern-fieldset">
          <legend class="kern-title">{t.t('pathways.offer.job')}</legend>
          <div class="kern-fieldset__body">
            <FormFields
              ctx={ctx}
              fields={props.fields.filter((f) => f.group === 'job')}
              values={props.values}
              errors={props.errors}
              choices={props.choices}
            />
          </div>
        </fieldset>
        <fieldset class="kern-fieldset">
          <legend class="kern-title">{t.t('pathways.offer.candidate')}</legend>
          <div class="kern-fieldset__body">
            <FormFields
              ctx={ctx}
              fields={props.fields.filter((f) => f.group === 'candidate')}
              values={props.values}
              errors={props.errors}
            />
          </div>
        </fieldset>
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">{t.t('pathways.offer.submit')}</span>
        </button>
      </form>
      {result ? (
        <section aria-labelledby="offer-result">
          <h2 class="kern-heading-medium" id="offer-result">
            {t.t('pathways.offer.result', { count: open.length })}
          </h2>
          <p class="kern-body">{t.t('pathways.result.lead', { date: t.date(result.date) })}</p>
          {open.length === 0 ? <p class="kern-body">{t.t('pathways.result.none.eligible')}</p> : null}
          {open.map((p) => (
            <PathwayCard key={p.id} ctx={ctx} p={p} />
          ))}
          <h2 class="kern-heading-medium">
            {t.t('pathways.result.group.needs-review', { count: review.length })}
          </h2>
          {review.length === 0 ? <p class="kern-body">{t.t('pathways.result.none.needs-review')}</p> : null}
          {review.map((p) => (
            <PathwayCard key={p.id} ctx={ctx} p={p} />
          ))}
          <p class="kern-body">{result.procedures['aufenthg-81a'].message}</p>
        </section>
      ) : null}
    </Layout>
  );
}
