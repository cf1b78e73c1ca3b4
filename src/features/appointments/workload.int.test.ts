import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { actorOf, clockedJourneys } from '../../../test/support/clocked-journeys.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { type Browser, OPEN_BODY, setUpWay } from '../../../test/support/journey.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { officeHistories } from './workload.ts';

describe('an office’s work history from the journey events', () => {
  let t: TestApp;
  let b: (name: string) => Browser;
  before(async () => {
    t = await buildTestApp();
    b = (await setUpWay(t.app, t.database.db, { makeOrganisation, makeAccount, sessionFor })).b;
  });
  after(() => t.close());

  it('counts filings and decisions per week, durations of finished cases and ages of open ones', async () => {
    let clock = new Date('2026-10-05T09:00:00Z');
    const service = clockedJourneys(t.database.db, () => clock);
    const applicant: Actor = actorOf(b('applicant').personId, 'applicant');
    const stranger: Actor = actorOf(b('stranger').personId, 'applicant');
    const first = (await service.open(applicant, OPEN_BODY)).body.journeyId;
    const second = (await service.open(stranger, OPEN_BODY)).body.journeyId;
    const read = await service.read(applicant, first, 'test');
    const owner = read.row.state.steps.recognition.owner as string;
    const officer: Actor = actorOf(b('recognition').personId, 'recognition-officer', owner);
    await service.command(applicant, first, { type: 'submit', step: 'recognition' });
    clock = new Date('2026-10-15T09:00:00Z');
    await service.command(officer, first, { type: 'decide', step: 'recognition', outcome: 'positive' });
    clock = new Date('2026-10-25T09:00:00Z');
    await service.command(stranger, second, { type: 'submit', step: 'recognition' });

    const h = (await officeHistories(t.database.db, [owner], '2026-11-04', 8)).get(owner);
    assert.ok(h);
    assert.deepEqual(h.finishedDays, [10]);
    assert.deepEqual(h.openAgesDays, [10]);
    assert.equal(h.weeklyArrivals.length, 8);
    assert.equal(
      h.weeklyArrivals.reduce((a, x) => a + x, 0),
      2,
    );
    assert.equal(
      h.weeklyCompletions.reduce((a, x) => a + x, 0),
      1,
    );
    // Open at the week ends (16 Sep … 4 Nov): the first case on 7 and 14 October, the second from 28 October on.
    assert.deepEqual(h.weeklyOpen, [0, 0, 0, 1, 1, 0, 1, 1]);
    // The decision on 15 October lies 20 days before 4 November: in the third week from the end.
    assert.equal(h.weeklyCompletions[5], 1);
    const before = (await officeHistories(t.database.db, [owner], '2026-10-10', 8)).get(owner);
    assert.deepEqual(before?.finishedDays, [], 'nothing decided by then');
    assert.deepEqual(before?.openAgesDays, [5]);
  });
});
