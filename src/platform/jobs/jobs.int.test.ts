import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { testConfig } from '../../../test/support/app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { REFERENCE_TABLES } from '../../bootstrap.ts';
import { district } from '../../features/regions/schema.ts';
import { referenceAgeJob } from '../../reference-age-job.ts';
import { checkReferenceAge } from '../reference/check.ts';
import { referenceCheck } from '../reference/schema.ts';
import { startJobs } from './index.ts';

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
});
after(() => db.destroy());

describe('reference data age check', () => {
  it('finds nothing stale while every row is younger than the limit', async () => {
    const result = await checkReferenceAge(db.db, REFERENCE_TABLES, 365, '2026-12-01');
    let rows = 0;
    for (const { table } of REFERENCE_TABLES) rows += (await db.db.select().from(table)).length;
    assert.ok(result.checkedRows >= 82, 'states and districts at least');
    assert.equal(result.checkedRows, rows);
    assert.deepEqual(result.stale, []);
  });

  it('reports exactly the rows older than the limit and records the run', async () => {
    await db.db.update(district).set({ asOf: '2020-01-01' }).where(eq(district.ags, '14626'));
    const result = await checkReferenceAge(db.db, REFERENCE_TABLES, 365, '2026-12-01');
    assert.deepEqual(result.stale, [{ table: 'district', key: '14626', asOf: '2020-01-01' }]);
    const runs = await db.db.select().from(referenceCheck);
    assert.equal(runs.at(-1)?.staleCount, 1);
  });
});

describe('background jobs', () => {
  it('run the reference check through pg-boss on this database', async () => {
    const messages: string[] = [];
    const log = { info: (_o: object, msg: string) => messages.push(msg), error: () => {}, warn: () => {} };
    const job = referenceAgeJob(db, testConfig(), log);
    const done = new Promise<void>((resolve) => {
      const original = job.handler;
      job.handler = async (data) => {
        await original(data);
        resolve();
      };
    });
    const jobs = await startJobs(db, [job], log as never);
    try {
      await jobs.send(job.name, {});
      await done;
      assert.match(messages.join('\n'), /reference data/);
    } finally {
      await jobs.stop();
    }
  });

  it('store the database error of a failed job without the parameters of its query', async () => {
    const email = 'jobs.person@example.org';
    const logged: unknown[] = [];
    const log = { info: () => {}, warn: () => {}, error: (o: object) => logged.push(o) };
    const failing = {
      name: 'test-failing-query',
      handler: async () => {
        await db.db.execute(sql`select * from no_such_table where email = ${email}`);
      },
    };
    const jobs = await startJobs(db, [failing], log as never);
    try {
      const id = await jobs.boss.send(failing.name, {}, { retryLimit: 0 });
      assert.ok(id);
      let job: Awaited<ReturnType<typeof jobs.boss.getJobById>> = null;
      for (let i = 0; i < 200 && job?.state !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        job = await jobs.boss.getJobById(failing.name, id);
      }
      assert.equal(job?.state, 'failed');
      const stored = JSON.stringify(job?.output);
      assert.ok(!stored.includes(email), stored);
      assert.ok(!/select \*/.test(stored), stored);
      assert.match(stored, /42P01/);
      assert.equal(logged.length, 1, 'the failure is logged once');
    } finally {
      await jobs.stop();
    }
  });
});
