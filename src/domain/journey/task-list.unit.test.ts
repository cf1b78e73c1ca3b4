import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type TaskList, type TaskListViewer, taskList } from './task-list.ts';
import {
  buildFacts,
  cmd,
  EMPLOYER_ID,
  journeyOf,
  OWNERS,
  openCommand,
  run,
  type Scripted,
} from './testing.ts';
import type { StepKind } from './types.ts';

const applicant: TaskListViewer = { party: 'applicant', organisationIds: [] };
const employer: TaskListViewer = { party: 'employer', organisationIds: [EMPLOYER_ID] };
const observer: TaskListViewer = { party: 'observer', organisationIds: [] };
const authority = (org: string): TaskListViewer => ({ party: 'organisation', organisationIds: [org] });

const D = '2026-03-02';
const listOf = (script: Scripted[], viewer: TaskListViewer, facts = buildFacts()) =>
  taskList(journeyOf(run([[D, openCommand(facts)], ...script]).state), viewer);
const stateOf = (list: TaskList, step: StepKind) => list.items.find((i) => i.step === step)?.state;

describe('the task list of a journey', () => {
  it('gives a new applicant one next action, the first step, and no button on the steps that wait', () => {
    const list = listOf([], applicant);
    assert.deepEqual(list.next, { step: 'orientation', action: 'submit' });
    assert.equal(list.items.filter((i) => i.state === 'next').length, 1);
    for (const step of [
      'visa-appointment',
      'visa-decision',
      'entry-registration',
      'residence-permit',
      'integration',
    ] as const)
      assert.equal(stateOf(list, step), 'cannot-start', step);
    assert.equal(stateOf(list, 'job-offer'), 'later');
    const visa = list.items.find((i) => i.step === 'visa-appointment');
    assert.deepEqual(visa?.waitingFor, ['job-offer', 'recognition', 'ba-approval']);
    assert.deepEqual(list.items.find((i) => i.step === 'integration')?.waitingFor, ['residence-permit']);
  });

  it('asks the applicant to invite the employer when the job offer comes and no employer is named', () => {
    const list = listOf([[D, cmd.submit('orientation')]], applicant);
    assert.deepEqual(list.next, { step: 'job-offer', action: 'invite-employer' });
    assert.equal(stateOf(list, 'orientation'), 'under-way');
    const invited = listOf(
      [
        [D, cmd.submit('orientation')],
        [D, cmd.invite()],
      ],
      applicant,
    );
    assert.deepEqual(invited.next, { step: 'job-offer', action: 'submit' });
  });

  it('puts a request for documents first: the authority’s clock stands still until they come', () => {
    const list = listOf(
      [
        [D, cmd.submit('recognition')],
        [D, cmd.review('recognition')],
        [D, cmd.request('recognition')],
      ],
      applicant,
    );
    assert.deepEqual(list.next, { step: 'recognition', action: 'submit-documents' });
    assert.equal(stateOf(list, 'orientation'), 'later');
  });

  it('lets the employer file its steps only once invited, then gives it one of them', () => {
    const before = listOf([], employer, buildFacts({ employerUses81a: true }));
    assert.deepEqual(before.items.find((i) => i.step === 'accelerated-procedure')?.waitingFor, ['employer']);
    const after = listOf([[D, cmd.invite()]], employer, buildFacts({ employerUses81a: true }));
    assert.deepEqual(after.next, { step: 'accelerated-procedure', action: 'start-accelerated-procedure' });
    assert.equal(stateOf(after, 'ba-approval'), 'later');
    assert.equal(after.option, null, 'the procedure is the next action, not an option beside it');
    const unplanned = listOf([[D, cmd.invite()]], employer);
    assert.deepEqual(unplanned.next, { step: 'ba-approval', action: 'employment-declaration' });
    assert.equal(unplanned.option, 'start-accelerated-procedure');
    assert.equal(listOf([[D, cmd.invite()]], applicant).option, null);
    assert.equal(listOf([[D, cmd.invite()]], employer, buildFacts({ location: 'germany' })).option, null);
    const started = listOf(
      [
        [D, cmd.invite()],
        [D, cmd.start81a()],
      ],
      employer,
      buildFacts({ employerUses81a: true }),
    );
    assert.deepEqual(started.next, { step: 'ba-approval', action: 'employment-declaration' });
  });

  it('gives the owning authority its step to work on, and nothing to another authority or an observer', () => {
    const script: Scripted[] = [[D, cmd.submit('recognition')]];
    assert.deepEqual(listOf(script, authority(OWNERS.recognition)).next, {
      step: 'recognition',
      action: 'work-on-step',
    });
    assert.equal(listOf(script, authority('org-elsewhere')).next, null);
    const watched = listOf(script, observer);
    assert.equal(watched.next, null);
    assert.equal(watched.items.filter((i) => i.state === 'next').length, 0);
    assert.deepEqual(watched.upcoming, { step: 'orientation', mover: 'applicant' });
  });

  it('opens the visa appointment once recognition, the job offer and the agency’s approval are through', () => {
    const list = listOf(
      [
        [D, cmd.submit('orientation')],
        [D, cmd.decide('orientation')],
        [D, cmd.invite()],
        [D, cmd.submit('job-offer')],
        [D, cmd.decide('job-offer')],
        [D, cmd.submit('recognition')],
        [D, cmd.decide('recognition')],
        [D, cmd.submit('ba-approval')],
        [D, cmd.decide('ba-approval')],
      ],
      applicant,
    );
    assert.deepEqual(list.next, { step: 'visa-appointment', action: 'submit' });
    assert.equal(stateOf(list, 'visa-decision'), 'cannot-start');
    assert.deepEqual(
      list.items.filter((i) => i.state === 'done').map((i) => i.step),
      ['orientation', 'job-offer', 'recognition', 'ba-approval'],
    );
  });

  it('keeps the visa waiting after a negative recognition', () => {
    const list = listOf(
      [
        [D, cmd.submit('recognition')],
        [D, cmd.decide('recognition', 'negative')],
      ],
      applicant,
    );
    assert.equal(stateOf(list, 'recognition'), 'done');
    assert.ok(list.items.find((i) => i.step === 'visa-appointment')?.waitingFor.includes('recognition'));
  });

  it('lists the steps a journey in Germany does not need apart, and never more than one next action', () => {
    const list = listOf([], applicant, buildFacts({ location: 'germany' }));
    assert.deepEqual(list.notNeeded.slice(-3), ['visa-appointment', 'visa-decision', 'entry-registration']);
    assert.ok(list.items.every((i) => !list.notNeeded.includes(i.step)));
    for (const viewer of [applicant, employer, observer, authority(OWNERS.recognition)])
      assert.ok(listOf([[D, cmd.invite()]], viewer).items.filter((i) => i.state === 'next').length <= 1);
  });
});
