import { Alert } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { startJourneyUrl } from '../journey/index.ts';
import { REGISTRY_PATHS } from '../registry/index.ts';
import { CriteriaTable, PointsTable, UnconfirmedLaw } from './criteria-views.tsx';
import { ParametersTable } from './parameter-views.tsx';
import { PATHWAY_PATHS } from './paths.ts';
import type { EvaluationJson, PathwayJson } from './render.ts';

const url = (ctx: ViewContext, paths: { de: string; en: string }) => localizedUrl(paths, ctx.locale);

const OUTCOME_BADGE = { eligible: 'success', 'needs-review': 'warning', 'not-eligible': 'danger' } as const;

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
          {p.pointsBreakdown ? (
            <PointsTable ctx={ctx} points={p.pointsBreakdown} unconfirmedNote={false} />
          ) : null}
          <CriteriaTable ctx={ctx} id={p.id} criteria={p.criteria} />
          <UnconfirmedLaw ctx={ctx} criteria={p.criteria} points={p.pointsBreakdown} />
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
          <>
            <CriteriaTable ctx={ctx} id="settlement" criteria={result.settlement.criteria} />
            <UnconfirmedLaw ctx={ctx} criteria={result.settlement.criteria} />
          </>
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
