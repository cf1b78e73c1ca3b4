import type { ComponentChildren } from 'preact';
import { Alert } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { startJourneyUrl } from '../journey/index.ts';
import { REGISTRY_PATHS } from '../registry/index.ts';
import { CriteriaTable, criterionTitle, PointsTable, UnconfirmedLaw } from './criteria-views.tsx';
import { ParametersTable } from './parameter-views.tsx';
import { PATHWAY_PATHS } from './paths.ts';
import type { CriterionJson, EvaluationJson, PathwayJson } from './render.ts';

// The result page: open ways first (details behind a disclosure), then the ways to clarify with the
// fact still open, then the closed ways in one closed disclosure with one reason each.

const url = (ctx: ViewContext, paths: { de: string; en: string }) => localizedUrl(paths, ctx.locale);

const OUTCOME_BADGE = { eligible: 'success', 'needs-review': 'warning', 'not-eligible': 'danger' } as const;

const NEEDS_RECOGNITION = new Set([
  'fachkraft',
  'deficit-notice',
  'chancenkarte-route',
  'qualification-abroad',
]);

/** A KERN accordion: a native details/summary, closed unless `open`; works without JavaScript. */
export function Disclosure(props: {
  summary: string;
  open?: boolean;
  class?: string;
  id?: string;
  children: ComponentChildren;
}) {
  return (
    <details
      class={`kern-accordion pathways-disclosure${props.class ? ` ${props.class}` : ''}`}
      open={props.open ?? false}
      id={props.id}
    >
      <summary class="kern-accordion__header">
        <span class="kern-title">{props.summary}</span>
      </summary>
      <div class="kern-accordion__body">{props.children}</div>
    </details>
  );
}

/** The facts still open for a way to be clarified: every criterion whose status is unknown. */
function StillOpen(props: { ctx: ViewContext; criteria: readonly CriterionJson[] }) {
  const { t } = props.ctx;
  const open = props.criteria.filter((c) => c.status === 'unknown');
  const first = open[0];
  if (!first) return null;
  const names = t.list(open.map((c) => criterionTitle(t, c.id)));
  return (
    <p class="kern-body pathways-still-open">
      <strong>{t.t('pathways.result.still-open', { names })}</strong>
      {open.length === 1 ? ` ${first.message}` : null}
    </p>
  );
}

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
          {p.outcome === 'needs-review' ? <StillOpen ctx={ctx} criteria={p.criteria} /> : null}
          {p.variant ? <p class="kern-body">{t.t(`law.variant.${p.variant}`)}</p> : null}
          {p.outcome !== 'not-eligible' ? (
            <p class="kern-body">{t.t(`law.ba-approval.${String(p.baApproval)}`)}</p>
          ) : null}
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
          <Disclosure summary={t.t('pathways.result.details')}>
            <p class="kern-body kern-body--small">
              {t.t('pathways.result.legal-basis')}: {p.citation}
            </p>
            {p.pointsBreakdown ? (
              <PointsTable ctx={ctx} points={p.pointsBreakdown} unconfirmedNote={false} />
            ) : null}
            <CriteriaTable ctx={ctx} id={p.id} criteria={p.criteria} />
          </Disclosure>
        </div>
      </div>
    </section>
  );
}

function Group(props: {
  ctx: ViewContext;
  outcome: 'eligible' | 'needs-review';
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

/** The one reason a way is closed: the first requirement not met. */
function reasonOf(p: PathwayJson): string {
  return (
    (p.criteria.find((c) => c.status === 'unmet') ?? p.criteria.find((c) => c.status !== 'met'))?.message ??
    ''
  );
}

/** The closed ways in one closed disclosure, each with one line saying why. */
function ClosedWays(props: { ctx: ViewContext; ways: readonly PathwayJson[] }) {
  const { ctx, ways } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="group-not-eligible" class="pathways-group-section">
      <h2 class="kern-heading-medium" id="group-not-eligible">
        {t.t('pathways.result.group.not-eligible', { count: ways.length })}
      </h2>
      {ways.length === 0 ? (
        <p class="kern-body">{t.t('pathways.result.none.not-eligible')}</p>
      ) : (
        <Disclosure summary={t.t('pathways.result.closed.summary', { count: ways.length })} id="closed-ways">
          <ul class="kern-list pathways-closed">
            {ways.map((p) => (
              <li key={p.id}>
                <strong>{p.title}:</strong> {reasonOf(p)}
              </li>
            ))}
          </ul>
        </Disclosure>
      )}
    </section>
  );
}

/** Pathways in three groups: open, to be clarified (each as a card), and closed (one line each, why). */
export function PathwayGroups(props: {
  ctx: ViewContext;
  pathways: readonly PathwayJson[];
  isco?: string | undefined;
}) {
  const { ctx, pathways } = props;
  const of = (o: PathwayJson['outcome']) => pathways.filter((p) => p.outcome === o);
  return (
    <>
      <Group ctx={ctx} outcome="eligible" ways={of('eligible')} isco={props.isco} />
      <Group ctx={ctx} outcome="needs-review" ways={of('needs-review')} isco={props.isco} />
      <ClosedWays ctx={ctx} ways={of('not-eligible')} />
    </>
  );
}

export function ResultPage(props: { ctx: ViewContext; result: EvaluationJson; isco?: string | undefined }) {
  const { ctx, result } = props;
  const { t } = ctx;
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
      <PathwayGroups ctx={ctx} pathways={result.pathways} isco={props.isco} />
      <section aria-labelledby="more-notes" class="pathways-group-section">
        <h2 class="kern-heading-medium" id="more-notes">
          {t.t('pathways.result.more')}
        </h2>
        <Disclosure summary={p81a.title}>
          <p class="kern-body">{p81a.message}</p>
        </Disclosure>
        <Disclosure summary={result.settlement.title}>
          <p class="kern-body">{result.settlement.message}</p>
          {result.settlement.criteria.length > 0 ? (
            <>
              <CriteriaTable ctx={ctx} id="settlement" criteria={result.settlement.criteria} />
              <UnconfirmedLaw ctx={ctx} criteria={result.settlement.criteria} />
            </>
          ) : null}
        </Disclosure>
        <Disclosure summary={t.t('pathways.result.family')}>
          <ul class="kern-list">
            <li>{result.family.spouseLanguageWaiver.message}</li>
            <li>{result.family.parents.message}</li>
          </ul>
        </Disclosure>
        <Disclosure summary={t.t('pathways.parameters.title')}>
          <ParametersTable ctx={ctx} result={result} />
        </Disclosure>
        <p class="kern-body">
          <a
            class="kern-link"
            href={`${url(ctx, REGISTRY_PATHS.recognition)}${props.isco ? `?isco=${props.isco}` : ''}`}
          >
            {t.t('pathways.result.where-recognition')}
          </a>
        </p>
      </section>
      <p class="kern-body kern-body--small pathways-print-hint">{t.t('pathways.result.print')}</p>
    </Layout>
  );
}
