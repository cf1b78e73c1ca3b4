/**
 * The journey's history in words: every event of the stream becomes a sentence (a message key and its values)
 * told from the viewer's side — to the applicant "Your employer started the accelerated procedure", to everyone
 * else "The employer started the accelerated procedure". Keys `journeys.history.<event type>.<perspective>`
 * (feature catalogue `src/features/journey/web/messages`); values are codes (`step`, `outcome`, `who`) and ISO
 * days (`dueAt`) that the view turns into words and dates of the page's language.
 *
 * `SENTENCES` is typed over `EventType`: a new event without a sentence fails the typecheck.
 */
import type { IsoDate } from '../calendar.ts';
import type { EventType } from './commands-events.ts';
import type { DecisionOutcome, Role, StepKind } from './types.ts';

/** Whose side the sentence is told from: the applicant's own journey, or anyone else (staff, employer, family). */
export type HistoryPerspective = 'applicant' | 'others';

/** Who did it, in the words a sentence can use. */
export type HistoryWho = 'applicant' | 'employer' | 'counsellor' | 'authority';

/** An event of the stream as the history reads it: its type, the actor's role and the fields a sentence needs. */
export type HistoryEvent = {
  readonly version: number;
  readonly type: EventType;
  readonly at: string;
  readonly role: Role;
  readonly step?: StepKind | null;
  readonly outcome?: DecisionOutcome | null;
  readonly deemed?: boolean | null;
  readonly required?: boolean | null;
  readonly dueAt?: IsoDate | null;
};

export type HistorySentence = {
  readonly key: string;
  readonly values: {
    readonly who: HistoryWho;
    readonly step?: StepKind;
    readonly outcome?: DecisionOutcome | 'deemed' | 'unknown';
    readonly dueAt?: IsoDate;
  };
};

export type HistoryLine = {
  readonly version: number;
  readonly at: string;
  readonly sentence: HistorySentence;
};

/** The variant of an event type's sentence (e.g. a step needed or not), without the perspective. */
type Variant = (e: HistoryEvent) => string;

const plain: Variant = (e) => e.type;

/** One entry per event type; the key is `journeys.history.<variant>.<perspective>`. */
export const SENTENCES: { readonly [T in EventType]: Variant } = {
  'journey-opened': plain,
  'facts-changed': plain,
  'step-planned': (e) => (e.required === false ? 'step-planned-not-needed' : 'step-planned'),
  'employer-invited': plain,
  'accelerated-procedure-started': plain,
  'fee-paid': plain,
  'owner-assigned': plain,
  'step-submitted': plain,
  'review-started': plain,
  'documents-requested': plain,
  'documents-submitted': plain,
  'documents-completed': plain,
  'documents-attached': plain,
  'step-decided': (e) => (e.deemed === true ? 'step-deemed' : 'step-decided'),
  'step-withdrawn': plain,
  'deadline-started': (e) => (e.dueAt ? 'deadline-started' : 'deadline-started-undated'),
};

export function whoOf(role: Role): HistoryWho {
  if (role === 'applicant' || role === 'employer' || role === 'counsellor') return role;
  return 'authority';
}

/** The sentence of one event, from the given side. */
export function historySentence(e: HistoryEvent, perspective: HistoryPerspective): HistorySentence {
  const values: { -readonly [K in keyof HistorySentence['values']]: HistorySentence['values'][K] } = {
    who: whoOf(e.role),
  };
  if (e.step) values.step = e.step;
  if (e.type === 'step-decided') values.outcome = e.deemed ? 'deemed' : (e.outcome ?? 'unknown');
  if (e.type === 'deadline-started' && e.dueAt) values.dueAt = e.dueAt;
  return { key: `journeys.history.${SENTENCES[e.type](e)}.${perspective}`, values };
}

/**
 * The history as lines, oldest first. The plan and the owners recorded with the opening of the journey (same
 * instant) are left out: the steps themselves show them, and the opening line says the plan was made.
 */
export function historyLines(
  events: readonly HistoryEvent[],
  perspective: HistoryPerspective,
): HistoryLine[] {
  const openedAt = new Set(events.filter((e) => e.type === 'journey-opened').map((e) => e.at));
  return events
    .filter((e) => !(openedAt.has(e.at) && (e.type === 'step-planned' || e.type === 'owner-assigned')))
    .map((e) => ({ version: e.version, at: e.at, sentence: historySentence(e, perspective) }));
}
