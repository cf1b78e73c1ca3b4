/** The journey page, per party: where the journey stands, what comes next, the steps, who takes part, its history. */
import type { ComponentChildren } from 'preact';
import {
  type HistoryEvent,
  type HistorySentence,
  historyLines,
  type TaskList,
} from '../../domain/journey/index.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { ErrorSummary } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { type GuideSection, guideUrl } from '../employers/index.ts';
import { NextActionForm, StartProcedureForm } from './journey-actions.tsx';
import { href } from './paths.tsx';
import type { JourneyJson, Viewer } from './present.ts';
import { type SharedDocument, SharedDocuments } from './shared-documents.tsx';
import { TaskListView } from './task-list-view.tsx';
import { Badge, msg, Notice, Page, pathwayTitle } from './view-parts.tsx';

/** The section of the employer guide that explains each of the employer's tasks. */
const GUIDE_OF_TASK: Readonly<Record<string, GuideSection>> = {
  'employment-declaration': 'declaration',
  'agreement-81a': 'accelerated',
  'fee-81a': 'fee',
};

export interface JourneyPageProps {
  ctx: ViewContext;
  journey: JourneyJson;
  viewer: Viewer;
  /** Organisations the viewer acts for (authorities: link to the steps they own). */
  organisationIds: readonly string[];
  consented: readonly { id: string; name: string }[];
  employers: readonly { id: string; name: string }[];
  history: readonly HistoryEvent[];
  /** Documents shared with the viewer (employer, counsellor, authority); undefined for the applicant. */
  shared?: readonly SharedDocument[] | undefined;
  /** The applicant's own documents, to answer a request for documents. */
  own?: readonly SharedDocument[] | undefined;
  notice?: Notice | undefined;
  errors?: readonly FieldError[];
  /** The family: linked journeys on a principal's journey, the link back on a family member's (family-views.tsx). */
  family?: ComponentChildren;
  /** The steps as a task list for this viewer, with the viewer's one next action (`taskList` of the core). */
  tasks: TaskList;
}

export function JourneyPage(props: JourneyPageProps) {
  const { ctx, journey: j, viewer } = props;
  const { t } = ctx;
  const required = j.steps.filter((s) => s.status !== 'not-required');
  const done = required.filter((s) => s.status === 'decided' || s.status === 'withdrawn').length;
  const title = t.t('journeys.journey.title', { pathway: pathwayTitle(ctx, j.pathway) });
  const owners = [
    ...new Map(
      j.steps.flatMap((s) => (s.owner?.name ? [[s.owner.id, s.owner.name] as const] : [])),
    ).entries(),
  ];
  return (
    <Page ctx={ctx} title={title}>
      <Notice ctx={ctx} notice={props.notice} />
      <ErrorSummary ctx={ctx} errors={props.errors ?? []} />
      <section aria-labelledby="where">
        <h2 class="kern-heading-medium" id="where">
          {t.t('journeys.journey.where')}
        </h2>
        <p class="kern-body" id="journey-status">
          <Badge
            kind={j.status === 'completed' ? 'success' : 'info'}
            text={t.t(`journeys.journey.status.${j.status}`)}
          />{' '}
          {t.t('journeys.journey.where-text', { done, total: required.length })}
        </p>
      </section>
      {props.family}
      <section aria-labelledby="next">
        <h2 class="kern-heading-medium" id="next">
          {t.t('journeys.journey.next')}
        </h2>
        {viewer === 'family' ? <p class="kern-body">{t.t('journeys.family.next-hint')}</p> : null}
        <NextStep {...props} />
      </section>
      {j.employerTasks && viewer === 'employer' ? (
        <section aria-labelledby="employer-tasks">
          <h2 class="kern-heading-medium" id="employer-tasks">
            {t.t('journeys.journey.employer-tasks')}
          </h2>
          <ul class="kern-list">
            {j.employerTasks.map((task) => (
              <li key={task.key}>
                {msg(ctx, task.message)} ({t.t(task.done ? 'journeys.task.done' : 'journeys.task.open')}){' '}
                <a class="kern-link" href={guideUrl(ctx.locale, GUIDE_OF_TASK[task.key] ?? 'check')}>
                  {t.t('journeys.employer.guide')}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="steps">
        <h2 class="kern-heading-medium" id="steps">
          {t.t('journeys.journey.steps')}
        </h2>
        <TaskListView {...props} />
      </section>
      {viewer === 'applicant' ? (
        <section aria-labelledby="who">
          <h2 class="kern-heading-medium" id="who">
            {t.t('journeys.journey.who')}
          </h2>
          <ul class="kern-list">
            <li>{t.t('journeys.journey.who-you')}</li>
            {j.employer?.name ? (
              <li>{t.t('journeys.journey.who-employer', { name: j.employer.name })}</li>
            ) : (
              <li>{t.t('journeys.journey.who-none')}</li>
            )}
            {props.consented.map((c) => (
              <li key={c.id}>{t.t('journeys.journey.who-consent', { name: c.name })}</li>
            ))}
            {owners.map(([id, name]) => (
              <li key={id}>{t.t('journeys.journey.who-owner', { name })}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {props.shared ? <SharedDocuments ctx={ctx} documents={props.shared} /> : null}
      {viewer === 'applicant' ? (
        <p class="kern-body">
          <a class="kern-link" href={href(ctx, 'calendar')}>
            {t.t('journeys.calendar.link')}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="history">
        <h2 class="kern-heading-medium" id="history">
          {t.t('journeys.journey.history')}
        </h2>
        <ol class="kern-list journey-history">
          {historyLines(props.history, viewer === 'applicant' ? 'applicant' : 'others').map((line) => (
            <li key={line.version}>
              <time dateTime={line.at}>{t.date(line.at, 'short')}</time>: {historyText(ctx, line.sentence)}
            </li>
          ))}
        </ol>
      </section>
    </Page>
  );
}

/** A sentence of the history in the page's language: step names and dates in words. */
function historyText(ctx: ViewContext, s: HistorySentence): string {
  const { step, dueAt, ...rest } = s.values;
  return ctx.t.t(s.key, {
    ...rest,
    ...(step ? { step: ctx.t.t(`journey.step.${step}`) } : {}),
    ...(dueAt ? { dueAt: ctx.t.date(dueAt) } : {}),
  });
}

/** The viewer's one next action with a word on what it is, or who moves next when nothing is theirs. */
function NextStep(props: JourneyPageProps) {
  const { ctx, tasks, viewer } = props;
  const { t } = ctx;
  const next = tasks.next;
  if (next) {
    const step = props.journey.steps.find((s) => s.kind === next.step);
    const hint =
      next.action === 'work-on-step'
        ? t.t('journeys.next.work-on-step', { step: t.t(`journey.step.${next.step}`) })
        : next.action === 'submit-documents' && step
          ? msg(ctx, {
              key: 'journey.next.documents-requested',
              values: { step: next.step, count: step.missing.length, since: step.pausedSince ?? '' },
            })
          : t.t(`journey.next.${next.step}.start`);
    return (
      <>
        <p class="kern-body">{hint}</p>
        {step?.effectiveDueAt && next.action === 'submit-documents' ? (
          <p class="kern-body">{t.t('journeys.journey.by', { date: t.date(step.effectiveDueAt) })}</p>
        ) : null}
        <NextActionForm {...props} next={next} />
        <Option81a {...props} />
      </>
    );
  }
  return (
    <>
      <p class="kern-body">{t.t('journeys.journey.next-none')}</p>
      <Option81a {...props} />
      {tasks.upcoming ? (
        <p class="kern-body">
          {t.t(`journeys.next.upcoming.${viewer === 'applicant' ? 'applicant' : 'others'}`, {
            mover: tasks.upcoming.mover,
            step: t.t(`journey.step.${tasks.upcoming.step}`),
          })}
        </p>
      ) : null}
    </>
  );
}

/** The employer's choice beside its next action: start the accelerated procedure (a secondary button). */
function Option81a(props: JourneyPageProps) {
  if (props.tasks.option !== 'start-accelerated-procedure') return null;
  return (
    <div class="journey-option">
      <p class="kern-body">{props.ctx.t.t('journeys.next.option-81a')}</p>
      <StartProcedureForm ctx={props.ctx} id={props.journey.id} primary={false} />
    </div>
  );
}
