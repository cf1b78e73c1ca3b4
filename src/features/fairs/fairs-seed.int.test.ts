import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { seedFairsDemo } from '../../seed/fairs-demo.ts';
import { seedDemo } from '../../seed/identity-demo.ts';
import { seedJobsDemo } from '../../seed/jobs-demo.ts';
import { seedTalentPoolDemo } from '../../seed/talent-pool-demo.ts';
import { fair, fairBooking, fairState } from './schema.ts';

describe('seed --demo: two job fairs of Saxony and Thuringia with bookings (issue 16, V4)', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  it('organises the fairs once, with exhibitors, talks, slots, bookings and recorded outcomes', async () => {
    const db = t.database.db;
    const now = new Date();
    assert.equal(await seedFairsDemo(db, now), 0, 'nothing without the other demos');
    await seedDemo(db, 'test', now);
    await seedJobsDemo(db, now);
    await seedTalentPoolDemo(db, now);
    const made = await seedFairsDemo(db, now);
    assert.ok(made >= 12, String(made));
    assert.equal(await seedFairsDemo(db, now), 0, 'idempotent');
    const fairs = await db.select().from(fair);
    assert.equal(fairs.length, 2);
    const states = await db.select().from(fairState);
    assert.ok(states.every((s) => s.answer === 'agreed'));
    assert.deepEqual([...new Set(states.map((s) => s.stateCode))].sort(), ['SN', 'TH']);
    const bookings = await db.select().from(fairBooking);
    assert.ok(bookings.some((b) => b.outcome === 'offer'));
    const list = await t.app.inject({ method: 'GET', url: '/en/job-fairs' });
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Saxony and Thuringia|Sachsen und Thüringen/);
    for (const f of fairs) {
      const page = await t.app.inject({ method: 'GET', url: `/de/jobmessen/${f.id}` });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Pflege/);
    }
  });
});
