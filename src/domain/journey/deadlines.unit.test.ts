import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parameter } from '../law/index.ts';
import type { Command } from './commands-events.ts';
import { deadlineStatus, effectiveDueAt } from './deadlines.ts';
import { decide } from './decide.ts';
import type { JourneyParameters } from './parameters.ts';
import { actorFor, buildFacts, cmd, journeyOf, on, openCommand, run, type Scripted } from './testing.ts';
import type { JourneyFacts, JourneyState } from './types.ts';

const SETTINGS = { nearBreachDays: 7 };

function journeyAfter(
  script: readonly Scripted[],
  facts: JourneyFacts = buildFacts(),
  params?: JourneyParameters,
) {
  const opened = run([['2026-01-01', openCommand(facts)]], undefined, params).state;
  return journeyOf(run(script, opened, params).state);
}

function stateAfter(script: readonly Scripted[], facts: JourneyFacts = buildFacts()): JourneyState {
  return run(script, run([['2026-01-01', openCommand(facts)]]).state).state;
}

describe('recognition deadlines (§§ 6, 13 BQFG; § 14a BQFG in the accelerated procedure)', () => {
  it('confirms receipt within one month of the application (31 January + 1 month = 28 February)', () => {
    const journey = journeyAfter([['2026-01-31', cmd.submit('recognition')]]);
    assert.equal(journey.steps.recognition.dueAt, '2026-02-28');
    assert.equal(journey.steps.recognition.deadline?.parameterId, 'deadline.recognition.receipt');
  });

  it('stops the receipt clock when the review starts, and starts no decision clock before the file is complete', () => {
    const journey = journeyAfter([
      ['2026-01-10', cmd.submit('recognition')],
      ['2026-01-20', cmd.review('recognition')],
    ]);
    assert.equal(journey.steps.recognition.dueAt, null);
    assert.equal(journey.steps.recognition.deadline?.closedBy, 'progressed');
  });

  it('decides within three months of complete documents', () => {
    const journey = journeyAfter([
      ['2026-01-10', cmd.submit('recognition')],
      ['2026-01-20', cmd.review('recognition')],
      ['2026-02-01', cmd.complete('recognition')],
    ]);
    assert.equal(journey.steps.recognition.dueAt, '2026-05-01');
    assert.equal(journey.steps.recognition.pastDeadlines.length, 1);
  });

  it('decides within two months in the accelerated procedure for a federally regulated profession', () => {
    const facts = buildFacts({ qualification: { kind: 'vocational', regulation: 'federal' } });
    const journey = journeyAfter(
      [
        ['2026-01-05', cmd.start81a()],
        ['2026-01-10', cmd.submit('recognition', 'employer')],
        ['2026-01-12', cmd.review('recognition')],
        ['2026-02-01', cmd.complete('recognition')],
      ],
      facts,
    );
    assert.equal(journey.steps.recognition.pastDeadlines[0]?.dueAt, '2026-01-24');
    assert.equal(journey.steps.recognition.dueAt, '2026-04-01');
    assert.equal(journey.steps.recognition.deadline?.parameterId, 'deadline.recognition.decision-81a');
  });

  it('keeps three months in the accelerated procedure for a state-regulated profession', () => {
    const facts = buildFacts({ qualification: { kind: 'vocational', regulation: 'state' } });
    const journey = journeyAfter(
      [
        ['2026-01-05', cmd.start81a()],
        ['2026-01-10', cmd.submit('recognition')],
        ['2026-01-12', cmd.review('recognition')],
        ['2026-02-01', cmd.complete('recognition')],
      ],
      facts,
    );
    assert.equal(journey.steps.recognition.dueAt, '2026-05-01');
  });
});

describe('the clock stands still while the authority waits for the applicant', () => {
  const script: Scripted[] = [
    ['2026-01-10', cmd.submit('recognition')],
    ['2026-01-12', cmd.review('recognition')],
    ['2026-02-01', cmd.complete('recognition')],
    ['2026-02-10', cmd.request('recognition')],
  ];

  it('sets pausedSince and moves the effective due date day by day during the pause', () => {
    const journey = journeyAfter(script);
    const step = journey.steps.recognition;
    assert.equal(step.pausedSince, '2026-02-10');
    assert.equal(step.dueAt, '2026-05-01');
    assert.equal(effectiveDueAt(step, '2026-02-20'), '2026-05-11');
    assert.equal(deadlineStatus(step, '2026-02-20', SETTINGS), deadlineStatus(step, '2026-04-20', SETTINGS));
  });

  it('moves dueAt by exactly the paused days when the documents arrive', () => {
    const journey = journeyAfter([...script, ['2026-03-02', cmd.supply('recognition')]]);
    const step = journey.steps.recognition;
    assert.equal(step.pausedSince, null);
    assert.equal(step.deadline?.pausedDays, 20);
    assert.equal(step.dueAt, '2026-05-21');
  });
});

describe('employment agency approval (§ 36 Abs. 2 BeschV)', () => {
  it('is deemed given two weeks after the request', () => {
    const journey = journeyAfter([['2026-03-02', cmd.submit('ba-approval')]]);
    assert.equal(journey.steps['ba-approval'].dueAt, '2026-03-16');
  });

  it('is deemed given one week after the request in the accelerated procedure', () => {
    const journey = journeyAfter([
      ['2026-03-01', cmd.start81a()],
      ['2026-03-02', cmd.submit('ba-approval')],
    ]);
    assert.equal(journey.steps['ba-approval'].dueAt, '2026-03-09');
    assert.equal(journey.steps['ba-approval'].deadline?.parameterId, 'deadline.ba-approval.deemed-81a');
  });

  it('records the deemed approval only after the period ran out', () => {
    const state = stateAfter([['2026-03-02', cmd.submit('ba-approval')]]);
    const deemed: Command = {
      type: 'record-deemed-approval',
      actor: actorFor('employer'),
      step: 'ba-approval',
    };
    const early = decide(state, deemed, on('2026-03-16'));
    assert.ok('refusal' in early && early.refusal.code === 'deadline-not-reached');
    const late = run([['2026-03-17', deemed]], state).state;
    const step = journeyOf(late).steps['ba-approval'];
    assert.ok(step.status === 'decided' && step.deemed && step.outcome === 'positive');
    assert.equal(deadlineStatus(step, '2026-03-17', SETTINGS), 'breached');
  });
});

describe('visa deadlines (§ 31a AufenthV, accelerated procedure only)', () => {
  it('offers the appointment within three weeks of the later of pre-approval and request', () => {
    const journey = journeyAfter([
      ['2026-03-01', cmd.start81a()],
      ['2026-03-02', cmd.submit('visa-appointment')],
      ['2026-03-10', cmd.decide('accelerated-procedure')],
    ]);
    assert.equal(journey.steps['visa-appointment'].deadline?.startedOn, '2026-03-10');
    assert.equal(journey.steps['visa-appointment'].dueAt, '2026-03-31');
  });

  it('starts the appointment clock at the request when the pre-approval came first', () => {
    const journey = journeyAfter([
      ['2026-03-01', cmd.start81a()],
      ['2026-03-10', cmd.decide('accelerated-procedure')],
      ['2026-03-20', cmd.submit('visa-appointment')],
    ]);
    assert.equal(journey.steps['visa-appointment'].dueAt, '2026-04-10');
  });

  it('decides the visa as a rule within three weeks of a complete application', () => {
    const journey = journeyAfter([
      ['2026-03-01', cmd.start81a()],
      ['2026-04-01', cmd.submit('visa-decision')],
      ['2026-04-01', cmd.review('visa-decision')],
      ['2026-04-02', cmd.complete('visa-decision')],
    ]);
    assert.equal(journey.steps['visa-decision'].dueAt, '2026-04-23');
  });

  it('sets no visa deadline outside the accelerated procedure', () => {
    const journey = journeyAfter([
      ['2026-04-01', cmd.submit('visa-decision')],
      ['2026-04-01', cmd.review('visa-decision')],
      ['2026-04-02', cmd.complete('visa-decision')],
    ]);
    assert.equal(journey.steps['visa-decision'].dueAt, null);
    assert.equal(journey.steps['visa-decision'].deadline, null);
  });
});

describe('deadline status', () => {
  const journey = journeyAfter([['2026-03-02', cmd.submit('ba-approval')]]);
  const step = journey.steps['ba-approval'];
  const table: [string, string][] = [
    ['2026-03-08', 'on-time'],
    ['2026-03-09', 'near-breach'],
    ['2026-03-16', 'near-breach'],
    ['2026-03-17', 'breached'],
  ];
  for (const [today, expected] of table) {
    it(`is ${expected} on ${today} for a deadline due on 16 March with a 7-day window`, () => {
      assert.equal(deadlineStatus(step, today, SETTINGS), expected);
    });
  }

  it('is on-time for a step decided by its due date and null for a step without deadline', () => {
    const decided = journeyAfter([
      ['2026-03-02', cmd.submit('ba-approval')],
      ['2026-03-16', cmd.decide('ba-approval')],
    ]);
    assert.equal(deadlineStatus(decided.steps['ba-approval'], '2026-06-01', SETTINGS), 'on-time');
    assert.equal(deadlineStatus(decided.steps.orientation, '2026-06-01', SETTINGS), null);
  });
});

describe('deadlines follow the parameters in force on the day the clock starts', () => {
  const params: JourneyParameters = {
    parameter: (id, date) =>
      id === 'deadline.ba-approval.deemed' && date >= '2027-01-01'
        ? { value: 3, unit: 'weeks' }
        : parameter(id, date),
  };

  it('uses a changed period from its effective date and the old one before', () => {
    const before = journeyAfter([['2026-12-31', cmd.submit('ba-approval')]], buildFacts(), params);
    const after = journeyAfter([['2027-01-01', cmd.submit('ba-approval')]], buildFacts(), params);
    assert.equal(before.steps['ba-approval'].dueAt, '2027-01-14');
    assert.equal(after.steps['ba-approval'].dueAt, '2027-01-22');
  });

  it('starts no clock when no parameter is published for the day', () => {
    const none: JourneyParameters = { parameter: () => undefined };
    const journey = journeyAfter([['2026-03-02', cmd.submit('recognition')]], buildFacts(), none);
    assert.equal(journey.steps.recognition.dueAt, null);
  });
});
