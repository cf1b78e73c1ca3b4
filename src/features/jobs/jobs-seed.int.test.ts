import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { seedDemo } from '../../seed/identity-demo.ts';
import { DEMO_AD_COUNT, seedJobsDemo } from '../../seed/jobs-demo.ts';
import { district } from '../regions/index.ts';
import { jobAd } from './schema.ts';

describe('seed --demo: about 200 job ads across the six states (issue 16)', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  it('publishes the ads of confirmed employers in every state, deterministically and once', async () => {
    const db = t.database.db;
    const now = new Date();
    assert.equal(await seedJobsDemo(db, now), 0, 'nothing without the identity demo');
    await seedDemo(db, 'test', now);
    assert.equal(await seedJobsDemo(db, now), DEMO_AD_COUNT);
    assert.equal(await seedJobsDemo(db, now), 0, 'idempotent');
    const states = await db
      .select({ state: district.stateCode, n: count() })
      .from(jobAd)
      .innerJoin(district, eq(district.ags, jobAd.districtAgs))
      .where(eq(jobAd.status, 'published'))
      .groupBy(district.stateCode);
    assert.equal(states.length, 6, JSON.stringify(states));
    for (const s of states) assert.ok(s.n >= 15, JSON.stringify(s));
    const all = await db.select().from(jobAd);
    assert.ok(all.some((a) => a.pathwayIds.includes('aufenthg-18g')));
    assert.ok(all.some((a) => a.pathwayIds.includes('aufenthg-18a')));
    assert.ok(all.some((a) => a.englishEnough));
    assert.ok(all.some((a) => a.recognitionNeeded));
    const search = await t.app.inject({ method: 'GET', url: '/en/jobs?flag=english-enough' });
    assert.equal(search.statusCode, 200);
    assert.match(search.body, /[0-9]+ jobs found/);
  });
});
