/**
 * Test builders: facts with overrides, actors per role and step, a `Now` for a day, and `run`, which decides and
 * folds a list of commands and fails loudly on a refusal.
 */
import type { IsoDate } from '../calendar.ts';
import type { Actor, Command, JourneyEvent } from './commands-events.ts';
import { decide } from './decide.ts';
import { INITIAL_STATE, replay } from './evolve.ts';
import { type JourneyParameters, lawParameters } from './parameters.ts';
import { STEP_ROLES } from './roles.ts';
import type { Journey, JourneyFacts, JourneyState, Now, OrganisationRef, Role, StepKind } from './types.ts';

export const APPLICANT_ID = 'person-applicant';
export const EMPLOYER_ID = 'org-employer';

/** The owner organisation of every step in test journeys. */
export const OWNERS: { readonly [K in StepKind]: OrganisationRef } = {
  orientation: 'org-counselling',
  'job-offer': EMPLOYER_ID,
  recognition: 'org-recognition',
  'zab-statement': 'org-zab',
  'accelerated-procedure': 'org-abh-central',
  'ba-approval': 'org-ba',
  'visa-appointment': 'org-mission',
  'visa-decision': 'org-mission',
  'entry-registration': 'org-abh-local',
  'residence-permit': 'org-abh-local',
  integration: 'org-counselling',
};

export function buildFacts(overrides: Partial<JourneyFacts> = {}): JourneyFacts {
  return {
    pathway: 'aufenthg-18a',
    qualification: { kind: 'vocational', regulation: 'not-regulated' },
    employerUses81a: false,
    location: 'abroad',
    ...overrides,
  };
}

/** An actor of `role` acting on `step`: the owner role acts for the step's owner organisation. */
export function actorFor(role: Role, step?: StepKind): Actor {
  if (role === 'applicant') return { role, id: APPLICANT_ID };
  if (role === 'employer') return { role, id: 'person-hr', organisationId: EMPLOYER_ID };
  const owned = step !== undefined && STEP_ROLES[step].owner === role ? OWNERS[step] : `org-other-${role}`;
  return { role, id: `person-${role}`, organisationId: owned };
}

export function on(date: IsoDate): Now {
  return { at: `${date}T09:00:00.000Z`, date };
}

export type Scripted = readonly [IsoDate, Command];

/** Decides and folds each command in turn; throws on the first refusal. */
export function run(
  script: readonly Scripted[],
  from: JourneyState = INITIAL_STATE,
  params: JourneyParameters = lawParameters,
): { state: JourneyState; events: JourneyEvent[] } {
  let state = from;
  const events: JourneyEvent[] = [];
  for (const [date, command] of script) {
    const decision = decide(state, command, on(date), params);
    if ('refusal' in decision)
      throw new Error(`${command.type} on ${date} refused: ${JSON.stringify(decision.refusal)}`);
    events.push(...decision.events);
    state = replay(decision.events, state);
  }
  return { state, events };
}

export function openCommand(facts: JourneyFacts = buildFacts(), journeyId = 'journey-1'): Command {
  return { type: 'open-journey', actor: actorFor('applicant'), journeyId, facts, owners: OWNERS };
}

/** The open journey of a state (throws if it is not open). */
export function journeyOf(state: JourneyState): Journey {
  if (state.status !== 'open') throw new Error('journey not open');
  return state;
}

/** Step command helpers: `cmd.submit('recognition')`, `cmd.decide('recognition', 'positive')` … */
export const cmd = {
  submit: (step: StepKind, role: Role = STEP_ROLES[step].submitters[0] ?? 'applicant'): Command => ({
    type: 'submit',
    actor: actorFor(role, step),
    step,
    documents: [`doc-${step}`],
  }),
  review: (step: StepKind): Command => ({
    type: 'start-review',
    actor: actorFor(STEP_ROLES[step].owner, step),
    step,
  }),
  request: (step: StepKind): Command => ({
    type: 'request-documents',
    actor: actorFor(STEP_ROLES[step].owner, step),
    step,
    missing: ['translation'],
  }),
  supply: (step: StepKind, role: Role = STEP_ROLES[step].submitters[0] ?? 'applicant'): Command => ({
    type: 'submit-documents',
    actor: actorFor(role, step),
    step,
    documents: [`doc-${step}-more`],
  }),
  complete: (step: StepKind): Command => ({
    type: 'documents-complete',
    actor: actorFor(STEP_ROLES[step].owner, step),
    step,
  }),
  decide: (step: StepKind, outcome: 'positive' | 'partial' | 'negative' = 'positive'): Command => ({
    type: 'decide',
    actor: actorFor(STEP_ROLES[step].owner, step),
    step,
    outcome,
  }),
  withdraw: (step: StepKind): Command => ({ type: 'withdraw', actor: actorFor('applicant', step), step }),
  start81a: (): Command => ({
    type: 'start-accelerated-procedure',
    actor: actorFor('employer'),
    powerOfAttorney: true,
  }),
  invite: (): Command => ({ type: 'invite-employer', actor: actorFor('applicant'), employerId: EMPLOYER_ID }),
};
