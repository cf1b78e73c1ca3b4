import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { count } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { seedDemo } from '../../seed/identity-demo.ts';
import { seedTalentPoolDemo } from '../../seed/talent-pool-demo.ts';
import { poolContactRequest, poolProfile } from './schema.ts';

describe('seed --demo: the talent pool (issue 16, V4)', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  it('fills the pools of all six states once, with the demo applicant asked by the Saxon ministry', async () => {
    const db = t.database.db;
    const now = new Date();
    assert.equal(await seedTalentPoolDemo(db, now), 0, 'nothing without the identity demo');
    await seedDemo(db, 'test', now);
    assert.equal(await seedTalentPoolDemo(db, now), 31);
    assert.equal(await seedTalentPoolDemo(db, now), 0, 'idempotent');
    const rows = await db.select().from(poolProfile);
    for (const s of ['BE', 'BB', 'MV', 'SN', 'ST', 'TH'])
      assert.ok(rows.filter((r) => r.poolStates.includes(s)).length >= 5, s);
    assert.ok(rows.some((r) => !r.released.includes('recognition')));
    assert.equal(new Set(rows.map((r) => r.label)).size, rows.length);
    assert.ok(((await db.select({ n: count() }).from(poolContactRequest))[0]?.n ?? 0) >= 1);
  });
});
