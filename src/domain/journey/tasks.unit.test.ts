import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applicantTasks } from './tasks.ts';
import { buildFacts, cmd, journeyOf, openCommand, run } from './testing.ts';

describe('what the applicant does next', () => {
  it('lists every required step not yet started, in plan order, and none that is not required', () => {
    const journey = journeyOf(run([['2026-03-02', openCommand(buildFacts({ location: 'germany' }))]]).state);
    const tasks = applicantTasks(journey, '2026-03-02');
    assert.deepEqual(
      tasks.map((t) => t.message.key),
      [
        'journey.next.orientation.start',
        'journey.next.job-offer.start',
        'journey.next.recognition.start',
        'journey.next.ba-approval.start',
        'journey.next.residence-permit.start',
        'journey.next.integration.start',
      ],
    );
  });

  it('marks a step the employer files as one to follow, not to do', () => {
    const journey = journeyOf(run([['2026-03-02', openCommand()]]).state);
    const ba = applicantTasks(journey, '2026-03-02').find((t) => t.step === 'ba-approval');
    assert.equal(ba?.kind, 'wait');
  });

  it('tells the applicant the authority’s due date while it works, and that the clock stands still while it waits for documents', () => {
    const { state } = run([
      ['2026-03-02', openCommand()],
      ['2026-03-02', cmd.submit('recognition')],
    ]);
    const waiting = applicantTasks(journeyOf(state), '2026-03-03').find((t) => t.step === 'recognition');
    assert.deepEqual(waiting?.message, {
      key: 'journey.next.waiting-due',
      values: { step: 'recognition', dueAt: '2026-04-02' },
    });
    const paused = run(
      [
        ['2026-03-03', cmd.review('recognition')],
        ['2026-03-04', cmd.complete('recognition')],
        ['2026-03-05', cmd.request('recognition')],
      ],
      state,
    ).state;
    const task = applicantTasks(journeyOf(paused), '2026-03-15').find((t) => t.step === 'recognition');
    assert.equal(task?.kind, 'act');
    assert.equal(task?.message.key, 'journey.next.documents-requested');
    assert.equal(task?.dueAt, '2026-06-14');
  });

  it('points to an adaptation measure after a partial recognition', () => {
    const { state } = run([
      ['2026-03-02', openCommand()],
      ['2026-03-02', cmd.submit('recognition')],
      ['2026-04-02', cmd.decide('recognition', 'partial')],
    ]);
    const task = applicantTasks(journeyOf(state), '2026-04-03').find((t) => t.step === 'recognition');
    assert.equal(task?.message.key, 'journey.next.partial');
  });
});
