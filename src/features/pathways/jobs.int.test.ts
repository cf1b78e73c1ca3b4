import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { answersPurgeJob } from './jobs.ts';
import { pathwayAnswers } from './schema.ts';

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
});
after(() => db.destroy());

describe('questionnaire answers purge job', () => {
  it('deletes answers whose 24 hours have passed and keeps the others', async () => {
    const row = (n: string, expiresAt: Date) => ({
      tokenHash: n.repeat(64),
      answers: { birthDate: '1990-01-01' },
      steps: ['person'],
      expiresAt,
    });
    await db.db
      .insert(pathwayAnswers)
      .values([row('a', new Date('2026-11-24T10:00:00Z')), row('b', new Date('2026-11-26T10:00:00Z'))]);
    const messages: object[] = [];
    const job = answersPurgeJob(
      db.db,
      { info: (o) => messages.push(o) },
      () => new Date('2026-11-25T10:00:00Z'),
    );
    await job.handler({});
    const left = await db.db.select({ tokenHash: pathwayAnswers.tokenHash }).from(pathwayAnswers);
    assert.deepEqual(
      left.map((r) => r.tokenHash),
      ['b'.repeat(64)],
    );
    assert.deepEqual(messages, [{ job: 'pathway-answers-purge', deleted: 1 }]);
  });
});
