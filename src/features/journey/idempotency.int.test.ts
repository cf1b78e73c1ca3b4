import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { inArray } from 'drizzle-orm';
import { buildTestApp, type TestApp, testConfig } from '../../../test/support/app.ts';
import { makeAccount } from '../../../test/support/identity.ts';
import { OPEN_BODY } from '../../../test/support/journey.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { IDEMPOTENCY_PURGE_JOB, idempotencyPurgeJob } from './idempotency.ts';
import { journeyJobs } from './jobs.ts';
import { idempotencyKey } from './schema.ts';
import { createJourneyService } from './service.ts';

const HOUR = 3_600_000;
const quiet = { info: () => {} };

describe('idempotency keys expire after IDEMPOTENCY_KEY_TTL_HOURS', () => {
  let t: TestApp;
  let applicant: Actor;
  before(async () => {
    t = await buildTestApp();
    const account = await makeAccount(t.database.db, 'applicant');
    applicant = {
      personId: account.personId,
      memberships: [{ role: 'applicant', organisationId: null, jurisdictions: [] }],
    };
  });
  after(() => t.close());

  it('replays a repeated request within the retention period and decides anew after it, before any purge', async () => {
    const start = new Date('2026-03-02T08:00:00Z');
    let clock = start;
    const service = createJourneyService(t.database.db, { now: () => clock, idempotencyTtlHours: 2 });
    const first = await service.open(applicant, OPEN_BODY, 'open-1');
    assert.equal(first.status, 201);
    assert.equal(first.replayed, undefined);

    clock = new Date(start.getTime() + 2 * HOUR - 1_000);
    const repeated = await service.open(applicant, OPEN_BODY, 'open-1');
    assert.equal(repeated.replayed, true, 'within two hours the stored answer comes back');
    assert.equal(repeated.body.journeyId, first.body.journeyId);

    clock = new Date(start.getTime() + 2 * HOUR + 1_000);
    const anew = await service.open(applicant, OPEN_BODY, 'open-1');
    assert.equal(anew.status, 201);
    assert.equal(anew.replayed, undefined, 'after two hours the key is unknown');
    assert.notEqual(anew.body.journeyId, first.body.journeyId, 'a new journey is opened');

    const again = await service.open(applicant, OPEN_BODY, 'open-1');
    assert.equal(again.replayed, true, 'the new answer is stored under the key');
    assert.equal(again.body.journeyId, anew.body.journeyId);

    clock = new Date(clock.getTime() + 3 * HOUR);
    const otherBody = await service.open(applicant, { ...OPEN_BODY, occupation: 'Koch' }, 'open-1');
    assert.equal(otherBody.status, 201, 'an expired key taken for another body is no conflict');
  });

  it('the purge job deletes only the keys older than the retention period', async () => {
    const db = t.database.db;
    const now = new Date();
    const ages = { old: 25 * HOUR, recent: 23 * HOUR, fresh: 60_000 };
    const actors = Object.fromEntries(Object.keys(ages).map((k) => [k, randomUUID()]));
    await db.insert(idempotencyKey).values(
      Object.entries(ages).map(([name, age]) => ({
        actorId: actors[name] as string,
        key: name,
        requestHash: 'h',
        status: 201,
        response: {},
        createdAt: new Date(now.getTime() - age),
      })),
    );
    const left = async () =>
      (
        await db
          .select({ key: idempotencyKey.key })
          .from(idempotencyKey)
          .where(inArray(idempotencyKey.actorId, Object.values(actors)))
      )
        .map((r) => r.key)
        .sort();

    await idempotencyPurgeJob(db, 24, quiet, () => now).handler({});
    assert.deepEqual(await left(), ['fresh', 'recent'], 'only the key older than 24 hours is gone');

    const job = journeyJobs(db, testConfig({ IDEMPOTENCY_KEY_TTL_HOURS: '1' }), quiet, {
      mailer: createMailer({ from: 'test@example.org' }),
      now: () => now,
    }).find((j) => j.name === IDEMPOTENCY_PURGE_JOB);
    assert.ok(job?.cron, 'the journey jobs schedule the purge');
    await job.handler({});
    assert.deepEqual(await left(), ['fresh'], 'the configured retention period decides');
  });
});
