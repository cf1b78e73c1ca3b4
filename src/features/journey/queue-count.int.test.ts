import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { apiClient, type Browser, setUpWay } from '../../../test/support/journey.ts';
import { membershipsOf } from '../identity/store.ts';
import { workQueue } from './queries.ts';

/** The work queue counts its steps only so far past the page (QUEUE_COUNT_CAP), then says "more than". */
describe('work queue count', () => {
  let t: TestApp;
  let b: (name: string) => Browser;
  let officerId = '';
  before(async () => {
    t = await buildTestApp();
    const way = await setUpWay(t.app, t.database.db, { makeOrganisation, makeAccount, sessionFor });
    b = way.b;
    officerId = b('recognition').personId;
    const api = apiClient(t.app);
    for (let i = 0; i < 3; i++) {
      const opened = await api.open(b('applicant'));
      assert.equal(opened.statusCode, 201, opened.body);
      const { journeyId } = opened.json() as { journeyId: string };
      const res = await api.command(b('applicant'), journeyId, { type: 'submit', step: 'recognition' });
      assert.equal(res.statusCode, 200, res.body);
    }
  });
  after(() => t.close());

  it('counts up to the cap past the page and marks a larger queue as "more than"', async () => {
    const actor = { personId: officerId, memberships: await membershipsOf(t.database.db, officerId) };
    const at = new Date();
    const today = at.toISOString().slice(0, 10);
    const all = await workQueue(t.database.db, actor, today, 7, at, { limit: 50, offset: 0 });
    assert.equal(all.total, 3);
    assert.equal(all.totalIsLowerBound, false);
    const capped = await workQueue(t.database.db, actor, today, 7, at, { limit: 1, offset: 0 }, 2);
    assert.deepEqual([capped.total, capped.totalIsLowerBound, capped.items.length], [2, true, 1]);
    const later = await workQueue(t.database.db, actor, today, 7, at, { limit: 1, offset: 1 }, 2);
    assert.deepEqual([later.total, later.totalIsLowerBound], [3, false]);
  });

  it('says "more than" on the page when the count stops at the cap', async () => {
    const res = await apiClient(t.app).send(b('recognition'), 'GET', '/de/behoerde/arbeitsliste');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /3 Schritte in der Arbeitsliste/);
  });
});
