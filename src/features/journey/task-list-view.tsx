/**
 * The steps of a journey as a task list (KERN task list, GOV.UK pattern): each step once, with the step's own
 * status, who is responsible and the deadline, and on the right what it means for the viewer — done, in
 * progress, next, later, or cannot start yet with what it waits for. No buttons here: the one next action sits
 * above the list. Steps the journey does not need are folded away below, each with its reason.
 */
import type { TaskListItem, TaskState } from '../../domain/journey/index.ts';
import type { ViewContext } from '../../web/context.ts';
import type { JourneyPageProps } from './journey-view.tsx';
import { href } from './paths.tsx';
import type { JourneyJson } from './present.ts';
import { dueText, statusBadge } from './step-status.tsx';
import { Badge, msg } from './view-parts.tsx';

const STATE_BADGE: { readonly [S in TaskState]: 'info' | 'success' | 'warning' | 'danger' } = {
  done: 'success',
  'under-way': 'info',
  next: 'warning',
  later: 'info',
  'cannot-start': 'info',
};

type StepJson = JourneyJson['steps'][number];

/** The parties that may open a step's page from here: the organisation owning it, and the applicant. */
function opensStep(props: JourneyPageProps, s: StepJson): boolean {
  if (props.viewer === 'applicant') return true;
  return s.owner !== null && props.organisationIds.includes(s.owner.id);
}

function waitingText(ctx: ViewContext, item: TaskListItem, perspective: 'applicant' | 'others'): string {
  const names = item.waitingFor.map((b) =>
    b === 'employer'
      ? ctx.t.t(`journeys.tasklist.blocker.employer.${perspective}`)
      : ctx.t.t('journeys.tasklist.quoted', { step: ctx.t.t(`journey.step.${b}`) }),
  );
  return ctx.t.t('journeys.tasklist.waiting-for', {
    list: ctx.t.list(names),
  });
}

function Item(props: JourneyPageProps & { item: TaskListItem; step: StepJson }) {
  const { ctx, item, step: s } = props;
  const { t } = ctx;
  const name = t.t(`journey.step.${s.kind}`);
  const perspective = props.viewer === 'applicant' ? 'applicant' : 'others';
  const details: string[] = [];
  if (item.state === 'cannot-start') details.push(waitingText(ctx, item, perspective));
  if (s.owner?.name) details.push(t.t('journeys.tasklist.owner', { name: s.owner.name }));
  if (s.effectiveDueAt) details.push(t.t('journeys.tasklist.due', { date: dueText(ctx, s) }));
  const outcomeHint =
    s.status === 'decided' && s.outcome !== 'positive' && perspective === 'applicant'
      ? msg(ctx, { key: `journey.next.${s.outcome}`, values: { step: s.kind } })
      : null;
  return (
    <li class="kern-task-list__item" id={`step-${s.kind}`}>
      <div class="kern-task-list__title">
        <div class="journey-task">
          <p class="kern-body">
            {opensStep(props, s) ? (
              <a class="kern-link" href={href(ctx, 'step', { id: props.journey.id, step: s.kind })}>
                {name}
              </a>
            ) : (
              name
            )}
          </p>
          <p class="kern-body journey-step-status">
            {statusBadge(ctx, s)}
            {s.deadlineStatus === 'breached' || s.deadlineStatus === 'near-breach' ? (
              <>
                {' '}
                <Badge
                  kind={s.deadlineStatus === 'breached' ? 'danger' : 'warning'}
                  text={t.t(`journey.deadline-status.${s.deadlineStatus}`)}
                />
              </>
            ) : null}
          </p>
          {details.length > 0 ? <p class="kern-hint">{details.join(' · ')}</p> : null}
          {outcomeHint ? <p class="kern-hint">{outcomeHint}</p> : null}
        </div>
      </div>
      <div class="kern-task-list__status">
        <Badge kind={STATE_BADGE[item.state]} text={t.t(`journeys.tasklist.state.${item.state}`)} />
      </div>
    </li>
  );
}

export function TaskListView(props: JourneyPageProps) {
  const { ctx, tasks, journey: j } = props;
  const { t } = ctx;
  const stepOf = (kind: string) => j.steps.find((s) => s.kind === kind);
  return (
    <div class="kern-task-list">
      <ul class="kern-task-list__list">
        {tasks.items.map((item) => {
          const s = stepOf(item.step);
          return s ? <Item key={item.step} {...props} item={item} step={s} /> : null;
        })}
      </ul>
      {tasks.notNeeded.length > 0 ? (
        <details class="journey-not-needed">
          <summary class="kern-body">
            {t.t('journeys.tasklist.not-needed', { count: tasks.notNeeded.length })}
          </summary>
          <ul class="kern-list">
            {tasks.notNeeded.map((kind) => {
              const s = stepOf(kind);
              return s ? (
                <li key={kind} id={`step-${kind}`}>
                  {t.t(`journey.step.${kind}`)}:{' '}
                  <span class="journey-step-status">{statusBadge(ctx, s)}</span>{' '}
                  {t.t('journeys.step.not-needed-reason', { reason: msg(ctx, s.reason) })}
                </li>
              ) : null;
            })}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
