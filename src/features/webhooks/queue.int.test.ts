import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { apiClient, setUpWay } from '../../../test/support/journey.ts';
import { type Receiver, startReceiver } from '../../../test/support/webhook-receiver.ts';
import { type Jobs, startJobs } from '../../platform/jobs/index.ts';
import { queueDue, queueOn, webhookJobs } from './jobs.ts';
import { webhookDelivery } from './schema.ts';
import { createWebhook } from './service.ts';
import { sealKeyOf } from './signing.ts';

/**
 * The delivery through the real job queue (pg-boss on the test database): a receiver that fails twice gets the
 * message a third time after the back-off (1 s, then 4 s), each attempt signed; the log records three attempts.
 */
describe('webhook delivery through pg-boss', () => {
  let t: TestApp;
  let receiver: Receiver;
  let jobs: Jobs | undefined;

  before(async () => {
    t = await buildTestApp();
    receiver = await startReceiver();
  });
  after(async () => {
    await jobs?.stop();
    await receiver?.close();
    await t?.close();
  });

  it('retries with back-off until the receiver takes it, and logs the attempts', async () => {
    const db = t.database.db;
    const { orgs, b } = await setUpWay(t.app, db, { makeOrganisation, makeAccount, sessionFor });
    const sealKey = sealKeyOf(t.config.COOKIE_SECRET);
    const actor = {
      personId: b('admin').personId,
      memberships: [
        { role: 'administrator' as const, organisationId: orgs['jt-operator'] ?? null, jurisdictions: [] },
      ],
    };
    const created = await createWebhook(
      db,
      sealKey,
      actor,
      orgs['jt-recognition'] ?? '',
      { name: 'Queue', url: `${receiver.url}/queue`, events: ['step.status-changed'] },
      new Date(Date.now() - 1_000),
    );
    assert.ok(created);
    const opened = await apiClient(t.app).open(b('applicant'));
    const journeyId = (opened.json() as { journeyId: string }).journeyId;
    const sent = await apiClient(t.app).command(b('applicant'), journeyId, {
      type: 'submit',
      step: 'recognition',
    });
    assert.equal(sent.statusCode, 200, sent.body);

    receiver.failNext(2);
    const settings = { sealKey, timeoutMs: 2_000, retryBaseSeconds: 1 };
    const log = { info: () => {}, warn: () => {}, error: () => {} };
    const queue = queueOn(() => jobs);
    const defs = webhookJobs(db, settings, queue, () => new Date(), log).map((d) => ({
      ...d,
      cron: undefined,
    }));
    jobs = await startJobs(t.database, defs, log as never);
    assert.equal(await queueDue(db, queue, new Date()), 1);
    const deadline = Date.now() + 60_000;
    let row: typeof webhookDelivery.$inferSelect | undefined;
    for (;;) {
      [row] = await db
        .select()
        .from(webhookDelivery)
        .where(eq(webhookDelivery.subscriptionId, created.row.id));
      if (row?.state === 'delivered' || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    assert.equal(row?.state, 'delivered', JSON.stringify(row));
    assert.equal(row?.attempts, 3);
    assert.equal(row?.lastStatus, 200);
    const got = receiver.requests.filter((r) => r.path === '/queue');
    assert.equal(got.length, 3);
    const times = got.map((r) => Number(r.headers['webhook-timestamp']));
    assert.ok((times[2] ?? 0) - (times[0] ?? 0) >= 4, `backed off: ${times.join(', ')}`);
    const wh = new Webhook(created.secret);
    for (const r of got) assert.ok(wh.verify(r.body, r.headers as Record<string, string>));
  });
});
