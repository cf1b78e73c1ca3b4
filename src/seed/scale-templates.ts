/**
 * The templates of `seed --scale`: a prefix of the whole way played through the pure core (in memory) once per
 * state × facts × stage × start day, kept as JSON rows with placeholder ids for the journey and the applicant.
 */
import { randomUUID } from 'node:crypto';
import type {
  Command,
  Actor as DomainActor,
  JourneyEvent,
  JourneyFacts,
  Role,
} from '../domain/journey/index.ts';
import {
  decide,
  evolve,
  INITIAL_STATE,
  type JourneyState,
  momentOf,
  STEP_ROLES,
  stepsOf,
} from '../domain/journey/index.ts';
import { journeyStatus, type StepCommandInput, stepRecord, stepRow } from '../features/journey/index.ts';
import { sampleOccupation } from './sample-journeys.ts';

/** Placeholder journey id in a template. */
export const J = '00000000-0000-4000-8000-00000000000a';
/** Placeholder applicant id in a template. */
export const A = '00000000-0000-4000-8000-00000000000b';

type Scripted = { who: Role; days: number; command: StepCommandInput };

export function scaleScript(employerId: string): Scripted[] {
  const s = (who: Role, days: number, command: StepCommandInput): Scripted => ({ who, days, command });
  return [
    s('applicant', 2, { type: 'invite-employer', employerId }),
    s('employer', 3, { type: 'start-accelerated-procedure', powerOfAttorney: true }),
    s('applicant', 2, { type: 'submit', step: 'recognition' }),
    s('applicant', 0, { type: 'submit', step: 'zab-statement' }),
    s('recognition-officer', 9, { type: 'start-review', step: 'recognition' }),
    s('recognition-officer', 4, { type: 'request-documents', step: 'recognition', missing: ['Übersetzung'] }),
    s('applicant', 12, { type: 'submit-documents', step: 'recognition', documents: [randomUUID()] }),
    s('recognition-officer', 3, { type: 'documents-complete', step: 'recognition' }),
    s('recognition-officer', 30, { type: 'decide', step: 'recognition', outcome: 'positive' }),
    s('recognition-officer', 0, { type: 'decide', step: 'zab-statement', outcome: 'positive' }),
    s('foreigners-office-caseworker', 6, {
      type: 'decide',
      step: 'accelerated-procedure',
      outcome: 'positive',
    }),
    s('employer', 1, { type: 'submit', step: 'ba-approval' }),
    s('employment-agency-officer', 5, { type: 'decide', step: 'ba-approval', outcome: 'positive' }),
    s('applicant', 2, { type: 'submit', step: 'visa-appointment' }),
    s('mission-officer', 10, { type: 'decide', step: 'visa-appointment', outcome: 'positive' }),
    s('applicant', 7, { type: 'submit', step: 'visa-decision' }),
    s('mission-officer', 3, { type: 'documents-complete', step: 'visa-decision' }),
    s('mission-officer', 12, { type: 'decide', step: 'visa-decision', outcome: 'positive' }),
    s('applicant', 20, { type: 'submit', step: 'entry-registration' }),
    s('foreigners-office-caseworker', 3, { type: 'decide', step: 'entry-registration', outcome: 'positive' }),
    s('applicant', 5, { type: 'submit', step: 'residence-permit' }),
    s('foreigners-office-caseworker', 20, { type: 'decide', step: 'residence-permit', outcome: 'positive' }),
  ];
}

export interface Template {
  /** JSON text with the placeholder ids. */
  readonly journey: string;
  readonly steps: string;
  readonly events: string;
  readonly version: number;
}

/** Plays a prefix of the script through the core (in memory) and keeps the result as a template. */
export function buildTemplate(
  facts: JourneyFacts,
  owners: Partial<Record<string, string>>,
  employerId: string,
  stage: number,
  start: Date,
  place: { stateCode: string; districtAgs: string | null; countryCode: string | null },
): Template {
  let clock = start;
  const events: JourneyEvent[] = [];
  let state: JourneyState = INITIAL_STATE;
  const apply = (command: Command) => {
    const d = decide(state, command, momentOf(clock.toISOString()));
    if ('refusal' in d) return;
    for (const e of d.events) {
      events.push(e);
      state = evolve(state, e);
    }
  };
  apply({ type: 'open-journey', actor: { role: 'applicant', id: A }, journeyId: J, facts, owners });
  for (const s of scaleScript(employerId).slice(0, stage)) {
    clock = new Date(clock.getTime() + s.days * 86_400_000);
    let actor: DomainActor;
    if (s.who === 'applicant') actor = { role: 'applicant', id: A };
    else if (s.who === 'employer') actor = { role: 'employer', id: A, organisationId: employerId };
    else {
      const step = 'step' in s.command ? s.command.step : null;
      const owner = step && STEP_ROLES[step].owner === s.who ? owners[step] : undefined;
      if (!owner) continue;
      actor = { role: s.who, id: A, organisationId: owner };
    }
    apply({ ...s.command, actor } as Command);
  }
  if (state.status !== 'open') throw new Error('template did not open');
  const { status: _s, ...j } = state;
  const at = new Date(clock);
  return {
    journey: JSON.stringify({
      id: J,
      applicant_id: A,
      pathway: facts.pathway,
      occupation: sampleOccupation(facts),
      target_state_code: place.stateCode,
      target_district_ags: place.districtAgs,
      country_code: place.countryCode,
      employer_id: j.employerId,
      status: journeyStatus(j),
      version: j.version,
      state: j,
      opened_at: j.openedAt,
      updated_at: at.toISOString(),
    }),
    steps: JSON.stringify(
      stepsOf(j).map((s) => ({
        journey_id: J,
        ...stepRecord(stepRow(J, s, at)),
        updated_at: at.toISOString(),
      })),
    ),
    events: JSON.stringify(
      events.map((e, i) => ({
        journey_id: J,
        version: i + 1,
        type: e.type,
        actor_id: e.actor.id,
        actor_role: e.actor.role,
        actor_organisation_id: e.actor.organisationId ?? null,
        at: e.at,
        payload: e,
      })),
    ),
    version: j.version,
  };
}
