import type { FieldError } from '../../platform/http/errors.ts';
import { Alert, CsrfField, ErrorSummary } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { answerText, FormFields, fieldLabel, type OccupationChoices } from './field-views.tsx';
import { PATHWAY_PATHS } from './paths.ts';
import { type Answers, STEPS, type StepDef } from './questionnaire.ts';

const url = (ctx: ViewContext, paths: { de: string; en: string }) => localizedUrl(paths, ctx.locale);

export function StartPage(props: { ctx: ViewContext; hasAnswers: boolean; deleted: boolean }) {
  const { ctx } = props;
  const { t } = ctx;
  const first = STEPS[0] as StepDef;
  return (
    <Layout ctx={ctx} title={t.t('pathways.title')}>
      <h1 class="kern-heading-large">{t.t('pathways.title')}</h1>
      {props.deleted ? <Alert kind="success" title={t.t('pathways.delete.done')} /> : null}
      <p class="kern-body kern-body--large">{t.t('pathways.start.lead')}</p>
      <h2 class="kern-heading-medium">{t.t('pathways.start.how.title')}</h2>
      <ul class="kern-list">
        <li>{t.t('pathways.start.how.steps', { count: STEPS.length })}</li>
        <li>{t.t('pathways.start.how.unknown')}</li>
        <li>{t.t('pathways.start.how.result')}</li>
      </ul>
      <h2 class="kern-heading-medium">{t.t('pathways.start.privacy.title')}</h2>
      <p class="kern-body">{t.t('pathways.start.privacy.text')}</p>
      <p class="kern-body">
        <a class="kern-btn kern-btn--primary" href={url(ctx, first.paths)}>
          <span class="kern-label">{t.t('pathways.start.begin')}</span>
        </a>
      </p>
      {props.hasAnswers ? (
        <p class="kern-body">
          <a class="kern-link" href={url(ctx, PATHWAY_PATHS.summary)}>
            {t.t('pathways.start.continue')}
          </a>
        </p>
      ) : null}
      <h2 class="kern-heading-medium">{t.t('pathways.start.more.title')}</h2>
      <ul class="kern-list">
        <li>
          <a class="kern-link" href={url(ctx, PATHWAY_PATHS.points)}>
            {t.t('pathways.points.title')}
          </a>
        </li>
        <li>
          <a class="kern-link" href={url(ctx, PATHWAY_PATHS.offer)}>
            {t.t('pathways.offer.title')}
          </a>
        </li>
      </ul>
    </Layout>
  );
}

export function StepPage(props: {
  ctx: ViewContext;
  step: StepDef;
  values: Answers;
  errors?: readonly FieldError[];
  /** Matches of typed occupations to choose from. */
  candidates?: OccupationChoices['candidates'];
  returnToSummary: boolean;
}) {
  const { ctx, step, values, returnToSummary } = props;
  const errors = props.errors ?? [];
  const choices = { candidates: props.candidates ?? {}, errors };
  const { t } = ctx;
  const index = STEPS.indexOf(step);
  const previous = index > 0 ? url(ctx, (STEPS[index - 1] as StepDef).paths) : url(ctx, PATHWAY_PATHS.start);
  const title = t.t(`pathways.step.${step.id}.title`);
  const loose = step.fields.filter((f) => !f.group);
  const groups = [...new Set(step.fields.map((f) => f.group).filter((g): g is string => Boolean(g)))];
  return (
    <Layout ctx={ctx} title={errors.length > 0 ? `${t.t('pathways.error.prefix')} ${title}` : title}>
      <p class="kern-body">
        <a class="kern-link" href={returnToSummary ? url(ctx, PATHWAY_PATHS.summary) : previous}>
          <span class="kern-icon kern-icon--arrow-back kern-icon--small" aria-hidden="true" />
          {t.t(returnToSummary ? 'pathways.nav.to-summary' : 'pathways.nav.back')}
        </a>
      </p>
      <p class="kern-body kern-body--small">
        {t.t('pathways.step.progress', { n: index + 1, count: STEPS.length })}
      </p>
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{t.t(`pathways.step.${step.id}.lead`)}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={url(ctx, step.paths)} novalidate class="pathways-form">
        <CsrfField ctx={ctx} />
        {returnToSummary ? <input type="hidden" name="return" value="summary" /> : null}
        <FormFields ctx={ctx} fields={loose} values={values} errors={errors} choices={choices} />
        {groups.map((g, i) => (
          <fieldset key={g} class="kern-fieldset pathways-group">
            <legend class="kern-title">{t.t('pathways.group.job', { n: i + 1 })}</legend>
            <div class="kern-fieldset__body">
              <FormFields
                ctx={ctx}
                fields={step.fields.filter((f) => f.group === g)}
                values={values}
                errors={errors}
                choices={choices}
              />
            </div>
          </fieldset>
        ))}
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">
            {t.t(
              returnToSummary || index === STEPS.length - 1
                ? 'pathways.nav.save-summary'
                : 'pathways.nav.next',
            )}
          </span>
        </button>
      </form>
    </Layout>
  );
}

export function SummaryPage(props: {
  ctx: ViewContext;
  answers: Answers;
  /** The occupation answers in words, by field. */
  occupations: Answers;
  missingBirthDate: boolean;
}) {
  const { ctx, answers } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('pathways.summary.title')}>
      <p class="kern-body">
        <a class="kern-link" href={url(ctx, (STEPS[STEPS.length - 1] as StepDef).paths)}>
          <span class="kern-icon kern-icon--arrow-back kern-icon--small" aria-hidden="true" />
          {t.t('pathways.nav.back')}
        </a>
      </p>
      <h1 class="kern-heading-large">{t.t('pathways.summary.title')}</h1>
      <p class="kern-body">{t.t('pathways.summary.lead')}</p>
      {props.missingBirthDate ? (
        <Alert kind="warning" title={t.t('pathways.summary.birth-date-missing')} />
      ) : null}
      {STEPS.map((step) => (
        <section key={step.id} aria-labelledby={`summary-${step.id}`} class="pathways-summary-step">
          <h2 class="kern-heading-medium" id={`summary-${step.id}`}>
            {t.t(`pathways.step.${step.id}.title`)}
          </h2>
          <dl class="kern-description-list">
            {step.fields.map((f) => (
              <div key={f.name} class="kern-description-list-item">
                <dt class="kern-description-list-item__key">
                  {f.group ? `${t.t('pathways.group.job', { n: Number(f.group.slice(3)) + 1 })}: ` : ''}
                  {fieldLabel(t, f)}
                </dt>
                <dd class="kern-description-list-item__value">
                  {step.id === 'job' && f.name !== 'hasJobOffer' && answers.hasJobOffer === 'no'
                    ? t.t('pathways.summary.ignored')
                    : answerText(t, f, answers[f.name], props.occupations[f.name])}{' '}
                  <a
                    class="kern-link pathways-change"
                    href={`${url(ctx, step.paths)}?return=summary#field-${f.name}`}
                  >
                    {t.t('pathways.summary.change')}
                    <span class="kern-sr-only"> {fieldLabel(t, f)}</span>
                  </a>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {props.missingBirthDate ? null : (
        <p class="kern-body">
          <a class="kern-btn kern-btn--primary" href={url(ctx, PATHWAY_PATHS.result)}>
            <span class="kern-label">{t.t('pathways.summary.show-result')}</span>
          </a>
        </p>
      )}
      <h2 class="kern-heading-medium">{t.t('pathways.delete.title')}</h2>
      <p class="kern-body">{t.t('pathways.delete.text')}</p>
      <form method="post" action={url(ctx, PATHWAY_PATHS.deleteAnswers)}>
        <CsrfField ctx={ctx} />
        <button type="submit" class="kern-btn kern-btn--secondary">
          <span class="kern-label">{t.t('pathways.delete.submit')}</span>
        </button>
      </form>
    </Layout>
  );
}
