/**
 * Model-based property tests of the step machine: thousands of random command sequences across all roles
 * (seeded, so a failure reproduces), checked after every command against invariants and an independent model
 * of pauses and deadlines. The process table at the end fails when a status, an outcome, a command or a deadline
 * status is never reached across the generated runs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, maxDate } from '../calendar.ts';
import { createRandom, type Random } from '../law/generate.ts';
import { PATHWAY_IDS, parameter, QUALIFICATION_KINDS, VARIANTS } from '../law/index.ts';
import {
  type Actor,
  COMMAND_TYPES,
  type Command,
  type JourneyEvent,
  REFUSAL_CODES,
} from './commands-events.ts';
import { addPeriod, deadlineStatus } from './deadlines.ts';
import { decide } from './decide.ts';
import { evolve, INITIAL_STATE, replay } from './evolve.ts';
import { rolesFor } from './roles.ts';
import { APPLICANT_ID, actorFor, EMPLOYER_ID, OWNERS, on, openCommand } from './testing.ts';
import {
  DEADLINE_STATUSES,
  DECISION_OUTCOMES,
  type Deadline,
  type DeadlineUnit,
  type Journey,
  type JourneyFacts,
  type JourneyState,
  REGULATIONS,
  ROLES,
  type Role,
  STEP_KINDS,
  STEP_STATUSES,
  type Step,
  type StepKind,
} from './types.ts';

const RUNS = 3000;
const MAX_COMMANDS = 45;
const SEED = 20261125;

// ---- Generators -----------------------------------------------------------------------------------------------

function randomFacts(r: Random): JourneyFacts {
  const facts: JourneyFacts = {
    pathway: r.pick(PATHWAY_IDS),
    qualification: { kind: r.pick(QUALIFICATION_KINDS), regulation: r.pick(REGULATIONS) },
    employerUses81a: r.chance(0.3),
    location: r.chance(0.8) ? 'abroad' : 'germany',
  };
  return {
    ...facts,
    ...(r.chance(0.5) ? { variant: r.pick(VARIANTS) } : {}),
    ...(r.chance(0.1) ? { linkedTo: 'journey-principal' } : {}),
  };
}

/** Mostly the right person for the role; sometimes a stranger or another organisation. */
function randomActor(r: Random, role: Role, step: StepKind | undefined): Actor {
  const actor = actorFor(role, step);
  if (!r.chance(0.08)) return actor;
  return role === 'applicant'
    ? { ...actor, id: 'someone-else' }
    : { ...actor, organisationId: 'org-stranger' };
}

const JOURNEY_COMMANDS = [
  'open-journey',
  'change-facts',
  'invite-employer',
  'start-accelerated-procedure',
  'record-fee-payment',
] as const;
const STEP_COMMANDS = COMMAND_TYPES.filter(
  (t) => !(JOURNEY_COMMANDS as readonly string[]).includes(t),
) as Exclude<Command['type'], (typeof JOURNEY_COMMANDS)[number]>[];

/** Steps under way, where most interesting commands land; picked more often to reach deep states. */
function activeSteps(state: JourneyState): StepKind[] {
  if (state.status !== 'open') return [];
  return STEP_KINDS.filter((k) => {
    const s = state.steps[k].status;
    return s === 'submitted' || s === 'in-review' || s === 'waiting-for-applicant';
  });
}

function randomCommand(r: Random, state: JourneyState): Command {
  const roll = r.next();
  if (roll < 0.04)
    return { type: 'change-facts', actor: randomActor(r, r.pick(ROLES), undefined), facts: randomFacts(r) };
  if (roll < 0.07)
    return {
      type: 'invite-employer',
      actor: randomActor(r, r.pick(ROLES), undefined),
      employerId: EMPLOYER_ID,
    };
  if (roll < 0.1)
    return {
      type: 'start-accelerated-procedure',
      actor: randomActor(r, r.chance(0.7) ? 'employer' : r.pick(ROLES), undefined),
      powerOfAttorney: r.chance(0.85),
    };
  if (roll < 0.11) return openCommand(randomFacts(r));
  if (roll < 0.13)
    return {
      type: 'record-fee-payment',
      actor: randomActor(
        r,
        r.chance(0.8) ? 'foreigners-office-caseworker' : r.pick(ROLES),
        'accelerated-procedure',
      ),
      reference: r.chance(0.95) ? `KASSE-${r.int(1, 999)}` : ' ',
    };
  const active = activeSteps(state);
  const step = active.length > 0 && r.chance(0.6) ? r.pick(active) : r.pick(STEP_KINDS);
  const type = r.pick(STEP_COMMANDS);
  const allowed = type === 'record-deemed-approval' ? rolesFor(type, 'ba-approval') : rolesFor(type, step);
  const role = r.chance(0.8) && allowed.length > 0 ? r.pick(allowed) : r.pick(ROLES);
  const actor = randomActor(r, role, step);
  switch (type) {
    case 'assign-owner':
      return { type, actor, step, owner: OWNERS[step] };
    case 'submit':
      return { type, actor, step, documents: r.chance(0.5) ? [`doc-${r.int(1, 5)}`] : [] };
    case 'request-documents':
      return { type, actor, step, missing: r.chance(0.95) ? ['translation'] : [] };
    case 'submit-documents':
    case 'attach-documents':
      return { type, actor, step, documents: r.chance(0.95) ? [`doc-${r.int(1, 9)}`] : [] };
    case 'decide':
      return { type, actor, step, outcome: r.pick(DECISION_OUTCOMES) };
    case 'record-deemed-approval':
      return { type, actor, step: r.chance(0.9) ? 'ba-approval' : step };
    default:
      return { type, actor, step };
  }
}

// ---- Independent model of pauses and deadlines ----------------------------------------------------------------

type Pause = { from: string; to: string | null };

/** Pause intervals per step, rebuilt from the events alone. */
function pausesOf(events: readonly JourneyEvent[]): Map<StepKind, Pause[]> {
  const pauses = new Map<StepKind, Pause[]>();
  for (const e of events) {
    if (!('step' in e)) continue;
    const list = pauses.get(e.step) ?? [];
    const open = list.at(-1);
    if (e.type === 'documents-requested') list.push({ from: e.date, to: null });
    else if (
      open !== undefined &&
      open.to === null &&
      (e.type === 'documents-submitted' || e.type === 'step-decided' || e.type === 'step-withdrawn')
    )
      open.to = e.date;
    pauses.set(e.step, list);
  }
  return pauses;
}

function expectedPausedDays(deadline: Deadline, pauses: readonly Pause[]): number {
  let days = 0;
  for (const p of pauses) {
    if (p.to === null || p.to < deadline.startedOn) continue;
    if (deadline.closedOn !== null && p.to > deadline.closedOn) continue;
    const from = maxDate(p.from, deadline.startedOn);
    days += Math.round((Date.parse(p.to) - Date.parse(from)) / 86_400_000);
  }
  return days;
}

/** The rule's parameter id as legal-rules.md § 11 states it, from the journey the deadline started in. */
function oracleParameterId(rule: Deadline['rule'], j: Journey): string {
  const ap = j.steps['accelerated-procedure'];
  const accelerated =
    j.acceleratedProcedure !== null &&
    ap.status !== 'withdrawn' &&
    !(ap.status === 'decided' && ap.outcome === 'negative');
  const federal = j.facts.qualification.regulation !== 'state';
  const table: Record<Deadline['rule'], [string, string | null]> = {
    'recognition-receipt': [
      federal ? 'deadline.recognition.receipt-81a' : 'deadline.recognition.receipt',
      'deadline.recognition.receipt',
    ],
    'recognition-decision': [
      federal ? 'deadline.recognition.decision-81a' : 'deadline.recognition.decision',
      'deadline.recognition.decision',
    ],
    'ba-approval-deemed': ['deadline.ba-approval.deemed-81a', 'deadline.ba-approval.deemed'],
    'visa-appointment': ['deadline.visa-appointment-81a', null],
    'visa-decision': ['deadline.visa-decision-81a', null],
  };
  const [inProcedure, otherwise] = table[rule];
  return (accelerated ? inProcedure : otherwise) ?? 'none';
}

// ---- Invariants -----------------------------------------------------------------------------------------------

function isFinal(step: Step): boolean {
  return step.status === 'decided' || step.status === 'withdrawn';
}

function checkStep(step: Step, pauses: readonly Pause[], where: string): void {
  // The clock pauses exactly while waiting for the applicant.
  assert.equal(step.pausedSince !== null, step.status === 'waiting-for-applicant', `${where}: pausedSince`);
  const open = pauses.at(-1);
  if (step.status === 'waiting-for-applicant')
    assert.equal(step.pausedSince, open?.from, `${where}: pause start`);
  // No decision without submission.
  if (step.status === 'decided')
    assert.ok(
      step.history.some((h) => h.type === 'step-submitted'),
      `${where}: decided without submission`,
    );
  // Deadlines equal what the parameters say, moved by exactly the paused days.
  for (const d of [...step.pastDeadlines, ...(step.deadline === null ? [] : [step.deadline])]) {
    const p = parameter(d.parameterId as 'deadline.recognition.receipt', d.startedOn);
    assert.ok(p !== undefined, `${where}: ${d.parameterId} published`);
    assert.equal(d.value, p.value, `${where}: value of ${d.parameterId}`);
    assert.equal(d.unit, p.unit);
    assert.equal(d.baseDueAt, addPeriod(d.startedOn, p.value, p.unit as DeadlineUnit), `${where}: base due`);
    assert.equal(d.pausedDays, expectedPausedDays(d, pauses), `${where}: paused days of ${d.rule}`);
    assert.equal(d.dueAt, addDays(d.baseDueAt, d.pausedDays), `${where}: due`);
  }
  const running = step.deadline !== null && step.deadline.closedOn === null ? step.deadline : null;
  assert.equal(step.dueAt, running?.dueAt ?? null, `${where}: dueAt mirrors the running deadline`);
}

// ---- The runs -------------------------------------------------------------------------------------------------

type Coverage = {
  statuses: Set<string>;
  outcomes: Set<string>;
  accepted: Set<string>;
  refusals: Set<string>;
  deadlineStatuses: Set<string>;
  transitions: Set<string>;
  commands: number;
};

function runOne(r: Random, coverage: Coverage): void {
  let state: JourneyState = INITIAL_STATE;
  const events: JourneyEvent[] = [];
  let date = '2025-11-01';
  const first = decide(state, openCommand(randomFacts(r)), on(date));
  assert.ok('events' in first);
  events.push(...first.events);
  state = replay(first.events);
  const n = r.int(5, MAX_COMMANDS);
  for (let i = 0; i < n; i++) {
    date = addDays(date, r.int(0, 9));
    const command = randomCommand(r, state);
    const before = state as Journey & { status: 'open' };
    const decision = decide(state, command, on(date));
    coverage.commands++;
    if ('refusal' in decision) {
      assert.ok(!('events' in decision), 'a refusal carries no events');
      assert.ok(REFUSAL_CODES.includes(decision.refusal.code));
      assert.equal(decision.refusal.messageKey, `journey.refusal.${decision.refusal.code}`);
      coverage.refusals.add(decision.refusal.code);
      continue;
    }
    assert.ok(decision.events.length >= 1, `${command.type} accepted without an event`);
    coverage.accepted.add(command.type);
    if ('step' in command && command.type !== 'assign-owner') {
      const roles = rolesFor(
        command.type as 'submit',
        command.type === 'record-deemed-approval' ? 'ba-approval' : command.step,
      );
      assert.ok(
        roles.includes(command.actor.role),
        `${command.actor.role} may not ${command.type} ${command.step}`,
      );
    }
    let next = state;
    for (const event of decision.events) {
      const prior = next as Journey;
      next = evolve(next, event);
      const after = next as Journey;
      // Every transition leaves exactly one event and, on a step, exactly one history (audit) entry.
      assert.equal(after.version, prior.version + 1);
      if ('step' in event) {
        const from = prior.steps[event.step].status;
        const to = after.steps[event.step].status;
        if (from !== to) coverage.transitions.add(`${from} → ${to}`);
        assert.equal(after.steps[event.step].history.length, prior.steps[event.step].history.length + 1);
        if (event.type === 'deadline-started')
          assert.equal(
            event.deadline.parameterId,
            oracleParameterId(event.deadline.rule, prior),
            'parameter of the rule',
          );
      }
    }
    events.push(...decision.events);
    const journey = next as Journey;
    const pauses = pausesOf(events);
    for (const kind of STEP_KINDS) {
      const was = before.steps[kind];
      const now = journey.steps[kind];
      // Nothing changes after a final decision.
      if (isFinal(was)) assert.deepEqual(now, was, `${kind} changed after ${was.status}`);
      coverage.statuses.add(now.status);
      if (now.status === 'decided') coverage.outcomes.add(now.outcome);
      checkStep(now, pauses.get(kind) ?? [], `${command.type} on ${kind} (${date})`);
      const ds = deadlineStatus(now, addDays(date, r.int(0, 40)), { nearBreachDays: 5 });
      if (ds !== null) coverage.deadlineStatuses.add(ds);
    }
    state = next;
  }
  // A journey is the fold of its events.
  assert.deepEqual(replay(events), state);
  assert.equal((state as Journey).applicantId, APPLICANT_ID);
}

describe('step machine properties (random command sequences across roles)', () => {
  const coverage: Coverage = {
    statuses: new Set(),
    outcomes: new Set(),
    accepted: new Set(),
    refusals: new Set(),
    deadlineStatuses: new Set(),
    transitions: new Set(),
    commands: 0,
  };

  it(`holds every invariant over ${RUNS} seeded runs: no decision without submission, nothing after a final decision, the clock pauses exactly while waiting, deadlines as the parameters say`, () => {
    const r = createRandom(SEED);
    for (let i = 0; i < RUNS; i++) runOne(r, coverage);
    assert.ok(coverage.commands > RUNS * 5);
  });

  it('visits every step status (process table)', () => {
    assert.deepEqual(
      [...STEP_STATUSES].filter((s) => !coverage.statuses.has(s)),
      [],
    );
  });

  it('reaches every outcome and every deadline status', () => {
    assert.deepEqual(
      [...DECISION_OUTCOMES].filter((o) => !coverage.outcomes.has(o)),
      [],
    );
    assert.deepEqual(
      [...DEADLINE_STATUSES].filter((s) => !coverage.deadlineStatuses.has(s)),
      [],
    );
  });

  it('accepts every command type at least once', () => {
    assert.deepEqual(
      [...COMMAND_TYPES].filter((t) => t !== 'open-journey' && !coverage.accepted.has(t)),
      [],
    );
  });

  it('takes every transition of the state machine table', () => {
    const expected = [
      'not-started → not-required',
      'not-required → not-started',
      'not-started → submitted',
      'not-started → withdrawn',
      'submitted → in-review',
      'submitted → decided',
      'submitted → withdrawn',
      'in-review → waiting-for-applicant',
      'in-review → decided',
      'in-review → withdrawn',
      'waiting-for-applicant → in-review',
      'waiting-for-applicant → decided',
      'waiting-for-applicant → withdrawn',
    ];
    assert.deepEqual(
      expected.filter((t) => !coverage.transitions.has(t)),
      [],
    );
    assert.deepEqual(
      [...coverage.transitions].filter((t) => !expected.includes(t)),
      [],
    );
  });

  it('produces every refusal code except the ones only malformed input reaches', () => {
    const unreachable = new Set(['invalid-facts', 'invalid-command', 'journey-not-found']);
    assert.deepEqual(
      REFUSAL_CODES.filter((c) => !unreachable.has(c) && !coverage.refusals.has(c)),
      [],
    );
  });
});
