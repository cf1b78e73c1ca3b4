import { LANGUAGE_LEVELS, PATHWAY_IDS } from '../../domain/law/index.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import type { Translator } from '../../platform/i18n/index.ts';
import {
  Alert,
  CsrfField,
  ErrorSummary,
  RadioGroup,
  Select,
  TextInput,
  UnverifiedNote,
} from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { startJourneyUrl } from '../journey/index.ts';
import { REGISTRY_PATHS } from '../registry/index.ts';
import { PATHWAY_PATHS } from './paths.ts';
import { type Answers, type FieldDef, STEPS, type StepDef } from './questionnaire.ts';
import type { CriterionJson, EvaluationJson, PathwayJson, PointsJson } from './render.ts';

const url = (ctx: ViewContext, paths: { de: string; en: string }) => localizedUrl(paths, ctx.locale);

// ---- Labels of fields and answers -------------------------------------------------------------------

const PATHWAY_SET = new Set<string>(PATHWAY_IDS);

function fieldLabel(t: Translator, f: FieldDef): string {
  return t.t(`pathways.field.${f.name.replace(/^exp\d/, 'exp')}.label`);
}

function fieldHint(t: Translator, f: FieldDef): string | undefined {
  const key = `pathways.field.${f.name.replace(/^exp\d/, 'exp')}.hint`;
  return t.has(key) ? t.t(key) : undefined;
}

function optionLabel(t: Translator, f: FieldDef, value: string): string {
  if (f.name === 'status' && PATHWAY_SET.has(value)) return t.t(`law.pathway.${value}.title`);
  if (f.options === LANGUAGE_LEVELS) return t.t(`pathways.value.level.${value}`);
  return t.t(`pathways.value.${f.name}.${value}`);
}

/** How a saved answer reads on the summary page. */
export function answerText(t: Translator, f: FieldDef, raw: string | undefined): string {
  if (!raw) return t.t('pathways.answer.none');
  switch (f.kind) {
    case 'date':
      return t.date(raw);
    case 'yes-no':
      return t.t(`pathways.answer.${raw === 'yes' ? 'yes' : 'no'}`);
    case 'radio':
    case 'select':
      return optionLabel(t, f, raw);
    case 'amount':
    case 'whole':
      return t.number(Number(raw));
    default:
      return raw;
  }
}

/** One form field of the questionnaire or the calculators. */
export function Field(props: {
  ctx: ViewContext;
  f: FieldDef;
  value: string;
  error?: FieldError | undefined;
}) {
  const { ctx, f, value, error } = props;
  const { t } = ctx;
  const common = {
    name: f.name,
    label: fieldLabel(t, f),
    hint: fieldHint(t, f),
    error,
  };
  switch (f.kind) {
    case 'radio':
      return (
        <RadioGroup
          {...common}
          value={value}
          options={[
            ...(f.options ?? []).map((o) => ({ value: o, label: optionLabel(t, f, o) })),
            { value: '', label: t.t('pathways.answer.unknown') },
          ]}
        />
      );
    case 'yes-no':
      return (
        <RadioGroup
          {...common}
          value={value}
          options={[
            { value: 'yes', label: t.t('pathways.answer.yes') },
            { value: 'no', label: t.t('pathways.answer.no') },
            { value: '', label: t.t('pathways.answer.unknown') },
          ]}
        />
      );
    case 'select':
      return (
        <Select
          name={common.name}
          label={common.label}
          hint={common.hint}
          error={error}
          value={value}
          options={[
            { value: '', label: t.t('pathways.answer.unknown') },
            ...(f.options ?? []).map((o) => ({ value: o, label: optionLabel(t, f, o) })),
          ]}
        />
      );
    default:
      return <TextInput {...common} value={value} maxLength={40} />;
  }
}

function errorFor(errors: readonly FieldError[], name: string): FieldError | undefined {
  return errors.find((e) => e.field === name);
}

// ---- Questionnaire ----------------------------------------------------------------------------------

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
  returnToSummary: boolean;
}) {
  const { ctx, step, values, returnToSummary } = props;
  const errors = props.errors ?? [];
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
        {loose.map((f) => (
          <Field key={f.name} ctx={ctx} f={f} value={values[f.name] ?? ''} error={errorFor(errors, f.name)} />
        ))}
        {groups.map((g, i) => (
          <fieldset key={g} class="kern-fieldset pathways-group">
            <legend class="kern-title">{t.t('pathways.group.job', { n: i + 1 })}</legend>
            <div class="kern-fieldset__body">
              {step.fields
                .filter((f) => f.group === g)
                .map((f) => (
                  <Field
                    key={f.name}
                    ctx={ctx}
                    f={f}
                    value={values[f.name] ?? ''}
                    error={errorFor(errors, f.name)}
                  />
                ))}
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

export function SummaryPage(props: { ctx: ViewContext; answers: Answers; missingBirthDate: boolean }) {
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
                    : answerText(t, f, answers[f.name])}{' '}
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

// ---- Results ------------------------------------------------------------------------------------------

const STATUS_ORDER = { unmet: 0, unknown: 1, met: 2 } as const;
const OUTCOME_BADGE = { eligible: 'success', 'needs-review': 'warning', 'not-eligible': 'danger' } as const;
const STATUS_BADGE = { met: 'success', unknown: 'warning', unmet: 'danger' } as const;

function formatValue(t: Translator, v: number | string | boolean | null): string {
  if (v === null) return '–';
  if (typeof v === 'number') return t.number(v);
  if (typeof v === 'boolean') return t.t(`pathways.answer.${v ? 'yes' : 'no'}`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return t.date(v);
  return v;
}

function CriteriaTable(props: { ctx: ViewContext; id: string; criteria: readonly CriterionJson[] }) {
  const { t } = props.ctx;
  const sorted = [...props.criteria].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  return (
    <div class="kern-table-responsive">
      <table class="kern-table pathways-criteria">
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
                {t.has(`law.criterion.${c.id}.title`) ? t.t(`law.criterion.${c.id}.title`) : c.id}
              </th>
              <td class="kern-table__cell">
                <span class={`kern-badge kern-badge--${STATUS_BADGE[c.status]} kern-badge--small`}>
                  <span class="kern-label kern-label--small">{t.t(`law.status.${c.status}`)}</span>
                </span>
              </td>
              <td class="kern-table__cell">
                {c.message}
                {c.verified ? null : (
                  <>
                    {' '}
                    <UnverifiedNote ctx={props.ctx} />{' '}
                    <span class="kern-body--small">{t.t('law.unverified')}</span>
                  </>
                )}
              </td>
              <td class="kern-table__cell">
                {c.value === null && c.threshold === null
                  ? '–'
                  : t.t('pathways.result.value-threshold', {
                      value: formatValue(t, c.value),
                      threshold: formatValue(t, c.threshold),
                    })}
              </td>
              <td class="kern-table__cell">{c.citation}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PointsTable(props: { ctx: ViewContext; points: PointsJson }) {
  const { ctx, points } = props;
  const { t } = ctx;
  return (
    <div class="kern-table-responsive">
      <table class="kern-table pathways-points">
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
              <td class="kern-table__cell">{i.nr}</td>
              <th scope="row" class="kern-table__cell">
                {i.label} {i.verified ? null : <UnverifiedNote ctx={ctx} />}
              </th>
              <td class="kern-table__cell">{t.t(`law.status.${i.status}`)}</td>
              <td class="kern-table__cell">
                {i.status === 'unknown'
                  ? t.t('pathways.points.potential', { points: i.points, potential: i.potential })
                  : i.points}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr class="kern-table__row">
            <td class="kern-table__cell" />
            <th scope="row" class="kern-table__cell">
              {t.t('pathways.points.total')}
            </th>
            <td class="kern-table__cell" />
            <td class="kern-table__cell">{points.total}</td>
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
      {points.items.some((i) => !i.verified) ? (
        <p class="kern-body kern-body--small">
          <UnverifiedNote ctx={ctx} /> {t.t('pathways.points.unverified')}
        </p>
      ) : null}
    </div>
  );
}

const NEEDS_RECOGNITION = new Set([
  'fachkraft',
  'deficit-notice',
  'chancenkarte-route',
  'qualification-abroad',
]);

export function PathwayCard(props: {
  ctx: ViewContext;
  p: PathwayJson;
  headingLevel?: 3 | 4;
  recognitionIsco?: string | undefined;
}) {
  const { ctx, p } = props;
  const { t } = ctx;
  const H = props.headingLevel === 4 ? 'h4' : 'h3';
  const Sub = props.headingLevel === 4 ? 'h5' : 'h4';
  const recognition = p.criteria.some((c) => NEEDS_RECOGNITION.has(c.id) && c.status !== 'met');
  const finder = `${url(ctx, REGISTRY_PATHS.recognition)}${props.recognitionIsco ? `?isco=${props.recognitionIsco}` : ''}`;
  return (
    <section class="kern-card pathways-card" aria-labelledby={`way-${p.id}`}>
      <div class="kern-card__container">
        <div class="kern-card__header">
          <H class="kern-heading-small" id={`way-${p.id}`}>
            {p.title}
          </H>
          <span class={`kern-badge kern-badge--${OUTCOME_BADGE[p.outcome]}`}>
            <span class="kern-label">{t.t(`law.outcome.${p.outcome}`)}</span>
          </span>
        </div>
        <div class="kern-card__body">
          <p class="kern-body kern-body--small">
            {t.t('pathways.result.legal-basis')}: {p.citation}
          </p>
          {p.variant ? <p class="kern-body">{t.t(`law.variant.${p.variant}`)}</p> : null}
          {p.outcome !== 'not-eligible' ? (
            <p class="kern-body">{t.t(`law.ba-approval.${String(p.baApproval)}`)}</p>
          ) : null}
          {p.pointsBreakdown ? <PointsTable ctx={ctx} points={p.pointsBreakdown} /> : null}
          <CriteriaTable ctx={ctx} id={p.id} criteria={p.criteria} />
          {p.nextSteps.length > 0 || recognition ? (
            <>
              <Sub class="kern-title">{t.t('pathways.result.next-steps')}</Sub>
              <ul class="kern-list">
                {p.nextSteps.map((s) => (
                  <li key={s}>{s}</li>
                ))}
                {recognition ? (
                  <li>
                    <a class="kern-link" href={finder}>
                      {t.t('pathways.result.where-recognition')}
                    </a>
                  </li>
                ) : null}
              </ul>
            </>
          ) : null}
          {p.outcome !== 'not-eligible' ? (
            <p class="kern-body">
              <a class="kern-link" href={startJourneyUrl(ctx.locale, p.id)} aria-describedby={`way-${p.id}`}>
                {t.t('journeys.start-from-result')}
              </a>
            </p>
          ) : null}
        </div>
      </div>
    </section>
  );
}

function Group(props: {
  ctx: ViewContext;
  outcome: PathwayJson['outcome'];
  ways: readonly PathwayJson[];
  isco?: string | undefined;
}) {
  const { ctx, outcome, ways } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby={`group-${outcome}`} class="pathways-group-section">
      <h2 class="kern-heading-medium" id={`group-${outcome}`}>
        {t.t(`pathways.result.group.${outcome}`, { count: ways.length })}
      </h2>
      {ways.length === 0 ? <p class="kern-body">{t.t(`pathways.result.none.${outcome}`)}</p> : null}
      {ways.map((p) => (
        <PathwayCard key={p.id} ctx={ctx} p={p} recognitionIsco={props.isco} />
      ))}
    </section>
  );
}

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

export function ParametersTable(props: { ctx: ViewContext; result: EvaluationJson }) {
  const { ctx, result } = props;
  const { t } = ctx;
  const rows = KEY_PARAMETERS.map((id) => result.parameters[id]).filter((p) => p !== undefined);
  return (
    <section aria-labelledby="parameters">
      <h2 class="kern-heading-medium" id="parameters">
        {t.t('pathways.parameters.title')}
      </h2>
      <p class="kern-body">{t.t('pathways.parameters.lead')}</p>
      <div class="kern-table-responsive">
        <table class="kern-table pathways-parameters">
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
                <td class="kern-table__cell">
                  {parameterAmount(t, p.value, p.unit)}
                  {p.verified ? null : (
                    <>
                      {' '}
                      <UnverifiedNote ctx={ctx} />{' '}
                      <span class="kern-body--small">{t.t('law.unverified')}</span>
                    </>
                  )}
                </td>
                <td class="kern-table__cell">
                  {t.t('pathways.parameters.valid', {
                    from: t.date(p.validFrom),
                    to: p.validTo ? t.date(p.validTo) : 'none',
                  })}
                </td>
                <td class="kern-table__cell">
                  <a class="kern-link" href={p.source.url} rel="noreferrer">
                    {p.source.citation}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ResultPage(props: { ctx: ViewContext; result: EvaluationJson; isco?: string | undefined }) {
  const { ctx, result } = props;
  const { t } = ctx;
  const of = (o: PathwayJson['outcome']) => result.pathways.filter((p) => p.outcome === o);
  const p81a = result.procedures['aufenthg-81a'];
  return (
    <Layout ctx={ctx} title={t.t('pathways.result.title')}>
      <h1 class="kern-heading-large">{t.t('pathways.result.title')}</h1>
      <p class="kern-body kern-body--large">{t.t('pathways.result.lead', { date: t.date(result.date) })}</p>
      <Alert kind="info" title={t.t('pathways.result.disclaimer.title')}>
        <p class="kern-body">{t.t('pathways.result.disclaimer.text')}</p>
      </Alert>
      <p class="kern-body pathways-actions">
        <a class="kern-link" href={url(ctx, PATHWAY_PATHS.summary)}>
          {t.t('pathways.result.change')}
        </a>
      </p>
      <p class="kern-body kern-body--small pathways-print-hint">{t.t('pathways.result.print')}</p>
      <Group ctx={ctx} outcome="eligible" ways={of('eligible')} isco={props.isco} />
      <Group ctx={ctx} outcome="needs-review" ways={of('needs-review')} isco={props.isco} />
      <Group ctx={ctx} outcome="not-eligible" ways={of('not-eligible')} isco={props.isco} />
      <section aria-labelledby="more-notes">
        <h2 class="kern-heading-medium" id="more-notes">
          {t.t('pathways.result.more')}
        </h2>
        <h3 class="kern-heading-small">{p81a.title}</h3>
        <p class="kern-body">{p81a.message}</p>
        <h3 class="kern-heading-small">{result.settlement.title}</h3>
        <p class="kern-body">{result.settlement.message}</p>
        {result.settlement.criteria.length > 0 ? (
          <CriteriaTable ctx={ctx} id="settlement" criteria={result.settlement.criteria} />
        ) : null}
        <h3 class="kern-heading-small">{t.t('pathways.result.family')}</h3>
        <ul class="kern-list">
          <li>{result.family.spouseLanguageWaiver.message}</li>
          <li>{result.family.parents.message}</li>
        </ul>
        <h3 class="kern-heading-small">{t.t('pathways.result.recognition.title')}</h3>
        <p class="kern-body">
          <a
            class="kern-link"
            href={`${url(ctx, REGISTRY_PATHS.recognition)}${props.isco ? `?isco=${props.isco}` : ''}`}
          >
            {t.t('pathways.result.where-recognition')}
          </a>
        </p>
      </section>
      <ParametersTable ctx={ctx} result={result} />
    </Layout>
  );
}

// ---- Chancenkarte points and the employer's offer check ----------------------------------------------

export function FormFields(props: {
  ctx: ViewContext;
  fields: readonly FieldDef[];
  values: Answers;
  errors: readonly FieldError[];
}) {
  return (
    <>
      {props.fields.map((f) => (
        <Field
          key={f.name}
          ctx={props.ctx}
          f={f}
          value={props.values[f.name] ?? ''}
          error={errorFor(props.errors, f.name)}
        />
      ))}
    </>
  );
}

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
