import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Command, RefusalCode } from './commands-events.ts';
import { decide } from './decide.ts';
import { INITIAL_STATE, replay } from './evolve.ts';
import { momentOf } from './moment.ts';
import { actorFor, buildFacts, cmd, EMPLOYER_ID, journeyOf, on, openCommand, run } from './testing.ts';
import type { JourneyFacts, JourneyState } from './types.ts';

function refusalOf(state: JourneyState, command: Command, date = '2026-03-02'): RefusalCode | undefined {
  const decision = decide(state, command, on(date));
  return 'refusal' in decision ? decision.refusal.code : undefined;
}

function opened(facts: JourneyFacts = buildFacts()): JourneyState {
  return run([['2026-03-02', openCommand(facts)]]).state;
}

describe('opening a journey', () => {
  it('records the opening, one planned step per kind and the owners resolved by the caller', () => {
    const { events, state } = run([['2026-03-02', openCommand()]]);
    assert.equal(events[0]?.type, 'journey-opened');
    assert.equal(events.filter((e) => e.type === 'step-planned').length, 11);
    assert.equal(events.filter((e) => e.type === 'owner-assigned').length, 11);
    const journey = journeyOf(state);
    assert.equal(journey.steps.recognition.status, 'not-started');
    assert.equal(journey.steps['zab-statement'].status, 'not-required');
    assert.equal(journey.steps.recognition.owner, 'org-recognition');
    assert.equal(journey.version, events.length);
  });

  it('refuses a second opening and invalid facts, naming the field', () => {
    assert.equal(refusalOf(opened(), openCommand()), 'journey-exists');
    const bad = decide(
      INITIAL_STATE,
      openCommand(buildFacts({ location: 'moon' as never })),
      on('2026-03-02'),
    );
    assert.deepEqual(bad, {
      refusal: { code: 'invalid-facts', field: 'location', messageKey: 'journey.refusal.invalid-facts' },
    });
  });

  it('opens a family member’s linked journey for them, by the principal, and no other journey for someone else', () => {
    const forMember = (linkedTo: string | null): Command => ({
      type: 'open-journey',
      actor: actorFor('applicant'),
      journeyId: 'journey-1',
      facts: buildFacts({ linkedTo }),
      applicantId: 'person-spouse',
    });
    const { events, state } = run([['2026-03-02', forMember('journey-principal')]]);
    assert.equal(journeyOf(state).applicantId, 'person-spouse');
    assert.equal(journeyOf(state).linkedTo, 'journey-principal');
    assert.equal(events[0]?.actor.id, actorFor('applicant').id, 'the principal is recorded as who opened it');
    const refused = decide(INITIAL_STATE, forMember(null), on('2026-03-02'));
    assert.deepEqual(refused, {
      refusal: {
        code: 'not-the-applicant',
        field: 'applicantId',
        messageKey: 'journey.refusal.not-the-applicant',
      },
    });
  });

  it('refuses every other command before the journey is opened', () => {
    assert.equal(refusalOf(INITIAL_STATE, cmd.submit('recognition')), 'journey-not-found');
  });
});

describe('step machine rules', () => {
  it('refuses a decision on a step that was never submitted', () => {
    assert.equal(refusalOf(opened(), cmd.decide('recognition')), 'not-submitted');
  });

  it('refuses every change after a final decision', () => {
    const { state } = run(
      [
        ['2026-03-02', cmd.submit('recognition')],
        ['2026-03-03', cmd.decide('recognition')],
      ],
      opened(),
    );
    for (const c of [
      cmd.decide('recognition', 'negative'),
      cmd.withdraw('recognition'),
      cmd.review('recognition'),
    ])
      assert.equal(refusalOf(state, c), 'step-final');
  });

  it('refuses every change after a withdrawal', () => {
    const { state } = run([['2026-03-02', cmd.withdraw('recognition')]], opened());
    assert.equal(refusalOf(state, cmd.submit('recognition')), 'step-final');
  });

  it('requests documents only while the step is in review', () => {
    const { state } = run([['2026-03-02', cmd.submit('recognition')]], opened());
    assert.equal(refusalOf(state, cmd.request('recognition')), 'not-in-review');
    const reviewing = run([['2026-03-03', cmd.review('recognition')]], state).state;
    assert.equal(refusalOf(reviewing, cmd.request('recognition')), undefined);
  });

  it('lets only the owner authority’s role decide, and only the applicant or employer submit', () => {
    const { state } = run([['2026-03-02', cmd.submit('recognition')]], opened());
    const byApplicant: Command = {
      ...(cmd.decide('recognition') as Extract<Command, { type: 'decide' }>),
      actor: actorFor('applicant'),
    };
    assert.equal(refusalOf(state, byApplicant), 'role-not-allowed');
    const byMission: Command = {
      type: 'submit',
      actor: actorFor('mission-officer', 'visa-decision'),
      step: 'visa-decision',
    };
    assert.equal(refusalOf(state, byMission), 'role-not-allowed');
  });

  it('refuses an officer of another authority than the step’s owner', () => {
    const { state } = run([['2026-03-02', cmd.submit('recognition')]], opened());
    const other: Command = {
      type: 'start-review',
      actor: actorFor('recognition-officer'),
      step: 'recognition',
    };
    assert.equal(refusalOf(state, other), 'not-the-owner');
  });

  it('refuses an applicant who is not the journey’s applicant', () => {
    const stranger: Command = {
      type: 'submit',
      actor: { role: 'applicant', id: 'someone-else' },
      step: 'recognition',
    };
    assert.equal(refusalOf(opened(), stranger), 'not-the-applicant');
  });

  it('allows a partial recognition (deficit notice) but no partial visa', () => {
    const { state } = run(
      [
        ['2026-03-02', cmd.submit('recognition')],
        ['2026-03-02', cmd.submit('visa-decision')],
      ],
      opened(),
    );
    assert.equal(refusalOf(state, cmd.decide('recognition', 'partial')), undefined);
    assert.equal(refusalOf(state, cmd.decide('visa-decision', 'partial')), 'outcome-not-allowed');
  });

  it('refuses commands on a step the plan does not require', () => {
    assert.equal(refusalOf(opened(), cmd.submit('zab-statement')), 'step-not-required');
  });

  it('invites the employer, who then owns the job offer', () => {
    const { state } = run([['2026-03-02', cmd.invite()]], opened());
    assert.equal(journeyOf(state).employerId, EMPLOYER_ID);
    assert.equal(journeyOf(state).steps['job-offer'].owner, EMPLOYER_ID);
  });

  it('keeps the history of every step transition with the acting role', () => {
    const { state } = run(
      [
        ['2026-03-02', cmd.submit('recognition')],
        ['2026-03-03', cmd.review('recognition')],
      ],
      opened(),
    );
    const history = journeyOf(state).steps.recognition.history;
    assert.deepEqual(
      history.map((h) => [h.type, h.role, h.status]),
      [
        ['step-planned', 'applicant', 'not-started'],
        ['owner-assigned', 'applicant', 'not-started'],
        ['step-submitted', 'applicant', 'submitted'],
        ['deadline-started', 'applicant', 'submitted'],
        ['review-started', 'recognition-officer', 'in-review'],
      ],
    );
  });
});

describe('the accelerated procedure (§ 81a)', () => {
  it('refuses a start without the applicant’s power of attorney', () => {
    const c: Command = {
      type: 'start-accelerated-procedure',
      actor: actorFor('employer'),
      powerOfAttorney: false,
    };
    assert.equal(refusalOf(opened(), c), 'power-of-attorney-missing');
  });

  it('is not available for a worker already in Germany', () => {
    assert.equal(
      refusalOf(opened(buildFacts({ location: 'germany' })), cmd.start81a()),
      'procedure-not-available',
    );
  });

  it('refuses an employer other than the invited one', () => {
    const { state } = run([['2026-03-02', cmd.invite()]], opened());
    const other: Command = {
      type: 'start-accelerated-procedure',
      actor: { role: 'employer', id: 'x', organisationId: 'org-other-employer' },
      powerOfAttorney: true,
    };
    assert.equal(refusalOf(state, other), 'not-the-employer');
  });

  it('replans and submits the procedure when the employer starts it', () => {
    const { state, events } = run([['2026-03-02', cmd.start81a()]], opened());
    const journey = journeyOf(state);
    assert.equal(journey.facts.employerUses81a, true);
    assert.equal(journey.steps['accelerated-procedure'].status, 'submitted');
    assert.deepEqual(journey.acceleratedProcedure, { startedOn: '2026-03-02', employerId: EMPLOYER_ID });
    assert.ok(events.some((e) => e.type === 'facts-changed'));
    assert.equal(refusalOf(state, cmd.start81a()), 'procedure-already-started');
  });

  it('records the fee as its own step: by the owning office, once, after the start, with the amount in force', () => {
    const office = actorFor('foreigners-office-caseworker', 'accelerated-procedure');
    const pay = (reference: string, actor = office): Command => ({
      type: 'record-fee-payment',
      actor,
      reference,
    });
    assert.equal(refusalOf(opened(), pay('KASSE-1')), 'procedure-not-started');
    const { state } = run([['2026-03-02', cmd.start81a()]], opened());
    assert.equal(journeyOf(state).acceleratedProcedure?.feePaid, undefined, 'starting does not pay the fee');
    assert.equal(refusalOf(state, pay('KASSE-1', actorFor('employer'))), 'role-not-allowed');
    const stranger = { ...office, organisationId: 'org-other-office' };
    assert.equal(refusalOf(state, pay('KASSE-1', stranger)), 'not-the-owner');
    assert.equal(refusalOf(state, pay('   ')), 'invalid-command');
    assert.equal(refusalOf(state, pay('x'.repeat(61))), 'invalid-command');
    const paid = run([['2026-03-09', pay('  KASSE-2026-0815 ')]], state);
    assert.deepEqual(
      paid.events.map((e) => e.type),
      ['fee-paid'],
    );
    assert.deepEqual(journeyOf(paid.state).acceleratedProcedure?.feePaid, {
      paidOn: '2026-03-09',
      amount: 411,
      reference: 'KASSE-2026-0815',
      recordedBy: 'org-abh-central',
    });
    assert.equal(refusalOf(paid.state, pay('KASSE-3')), 'fee-already-paid');
    const withdrawn = run([['2026-03-03', cmd.withdraw('accelerated-procedure')]], state).state;
    assert.equal(refusalOf(withdrawn, pay('KASSE-4')), 'step-final');
  });
});

describe('replanning when facts change', () => {
  it('keeps a started step with its history and only switches steps not yet started', () => {
    const { state } = run(
      [
        ['2026-03-02', cmd.submit('recognition')],
        [
          '2026-03-05',
          {
            type: 'change-facts',
            actor: actorFor('applicant'),
            facts: buildFacts({
              pathway: 'aufenthg-18b',
              qualification: { kind: 'academic', regulation: 'not-regulated' },
            }),
          },
        ],
      ],
      opened(),
    );
    const journey = journeyOf(state);
    assert.equal(journey.steps.recognition.status, 'submitted');
    assert.equal(journey.steps.recognition.plan.required, false);
    assert.equal(journey.steps.recognition.history.length, 5);
    assert.equal(journey.steps['zab-statement'].status, 'not-started');
  });

  it('lets the applicant and the counsellor change facts, not the employer', () => {
    const c = (role: 'applicant' | 'counsellor' | 'employer'): Command => ({
      type: 'change-facts',
      actor: actorFor(role),
      facts: buildFacts({ location: 'germany' }),
    });
    assert.equal(refusalOf(opened(), c('applicant')), undefined);
    assert.equal(refusalOf(opened(), c('counsellor')), undefined);
    assert.equal(refusalOf(opened(), c('employer')), 'role-not-allowed');
  });
});

describe('now', () => {
  it('counts the calendar day in Germany: 23:30 UTC on 1 March 2026 is 2 March', () => {
    assert.deepEqual(momentOf('2026-03-01T23:30:00Z'), {
      at: '2026-03-01T23:30:00.000Z',
      date: '2026-03-02',
    });
  });

  it('rebuilds the same journey from its events alone', () => {
    const { events, state } = run([
      ['2026-03-02', openCommand()],
      ['2026-03-02', cmd.submit('recognition')],
    ]);
    assert.deepEqual(replay(events), state);
  });
});

describe('malformed commands', () => {
  it('refuses an unknown command type or step kind instead of throwing', () => {
    const state = opened();
    assert.equal(
      refusalOf(state, { type: 'teleport', actor: actorFor('applicant') } as unknown as Command),
      'invalid-command',
    );
    assert.equal(
      refusalOf(state, {
        type: 'submit',
        actor: actorFor('applicant'),
        step: 'lottery',
      } as unknown as Command),
      'invalid-command',
    );
  });
});
