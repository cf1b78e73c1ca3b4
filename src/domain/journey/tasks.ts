/**
 * "What to do next" for the applicant, in plain language: one message per step that asks something of the
 * applicant or that the applicant waits for, in plan order. Keys: `journey.next.<kind>.start` for a step not yet
 * started, `journey.next.waiting` / `journey.next.waiting-due` while an organisation works on it,
 * `journey.next.documents-requested` while the clock stands still, and `journey.next.partial` /
 * `journey.next.negative` after a decision that needs a next move.
 */
import type { IsoDate } from '../calendar.ts';
import { effectiveDueAt } from './deadlines.ts';
import { stepsOf } from './evolve.ts';
import { STEP_ROLES } from './roles.ts';
import type { Journey, Message, StepKind } from './types.ts';

export type Task = {
  readonly step: StepKind;
  /** `act`: the applicant (or the employer for them) must do something; `wait`: an organisation is at work. */
  readonly kind: 'act' | 'wait';
  readonly message: Message;
  /** The organisation's due date (pause-adjusted) when a statutory deadline runs. */
  readonly dueAt: IsoDate | null;
};

/** The applicant's tasks on `today`, in plan order. */
export function applicantTasks(journey: Journey, today: IsoDate): Task[] {
  const tasks: Task[] = [];
  for (const step of stepsOf(journey)) {
    const kind = step.kind;
    switch (step.status) {
      case 'not-started': {
        // Steps the employer files (§ 81a, BA approval) are the applicant's to follow, not to do.
        const byApplicant = STEP_ROLES[kind].submitters.includes('applicant');
        tasks.push({
          step: kind,
          kind: byApplicant ? 'act' : 'wait',
          message: { key: `journey.next.${kind}.start`, values: {} },
          dueAt: null,
        });
        break;
      }
      case 'submitted':
      case 'in-review': {
        const dueAt = effectiveDueAt(step, today);
        tasks.push({
          step: kind,
          kind: 'wait',
          message:
            dueAt === null
              ? { key: 'journey.next.waiting', values: { step: kind } }
              : { key: 'journey.next.waiting-due', values: { step: kind, dueAt } },
          dueAt,
        });
        break;
      }
      case 'waiting-for-applicant':
        tasks.push({
          step: kind,
          kind: 'act',
          message: {
            key: 'journey.next.documents-requested',
            values: { step: kind, count: step.missing.length, since: step.pausedSince },
          },
          dueAt: effectiveDueAt(step, today),
        });
        break;
      case 'decided':
        if (step.outcome !== 'positive') {
          tasks.push({
            step: kind,
            kind: 'act',
            message: { key: `journey.next.${step.outcome}`, values: { step: kind } },
            dueAt: null,
          });
        }
        break;
      case 'not-required':
      case 'withdrawn':
        break;
    }
  }
  return tasks;
}
