import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, type TestApp, testConfig } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { apiClient, type Browser, setUpWay } from '../../../test/support/journey.ts';
import type { Config } from '../../platform/config.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { createApp } from '../../server.ts';
import { DEADLINE_ALERTS_JOB, journeyJobs } from './jobs.ts';
import { journeyNotice } from './schema.ts';

/**
 * DEADLINE_NEAR_BREACH_DAYS decides which running deadlines are near-breach: two apps on one database, one with
 * the default window (7 days) and one with 60 days, see the same recognition step whose receipt deadline (one
 * month) runs.
 */
describe('near-breach window from configuration (DEADLINE_NEAR_BREACH_DAYS)', () => {
  let t: TestApp;
  let wide: FastifyInstance;
  let b: (name: string) => Browser;
  let orgs: Record<string, string>;
  let journeyId = '';
  before(async () => {
    t = await buildTestApp({ DEADLINE_NEAR_BREACH_DAYS: '60' });
    wide = t.app;
    const way = await setUpWay(wide, t.database.db, { makeOrganisation, makeAccount, sessionFor });
    b = way.b;
    orgs = way.orgs;
    const api = apiClient(wide);
    const opened = await api.open(b('applicant'));
    assert.equal(opened.statusCode, 201, opened.body);
    journeyId = (opened.json() as { journeyId: string }).journeyId;
    const submitted = await api.command(b('applicant'), journeyId, { type: 'submit', step: 'recognition' });
    assert.equal(submitted.statusCode, 200, submitted.body);
  });
  after(() => t.close());

  const queueDeadline = async (app: FastifyInstance) => {
    const res = await apiClient(app).send(b('recognition'), 'GET', '/api/v1/work-queue');
    assert.equal(res.statusCode, 200, res.body);
    const items = (res.json() as { items: { journeyId: string; kind: string; deadline: string }[] }).items;
    return items.find((i) => i.journeyId === journeyId && i.kind === 'recognition')?.deadline;
  };

  const runAlerts = async (config: Config) => {
    const job = journeyJobs(
      t.database.db,
      config,
      { info: () => {} },
      { mailer: createMailer({ from: config.MAIL_FROM }), now: () => new Date() },
    ).find((j) => j.name === DEADLINE_ALERTS_JOB);
    assert.ok(job);
    await job.handler({});
    return t.database.db
      .select()
      .from(journeyNotice)
      .where(and(eq(journeyNotice.journeyId, journeyId), eq(journeyNotice.kind, 'near-breach')));
  };

  it('marks a receipt deadline a month away near-breach in the work queue only with the wider window', async () => {
    const narrow = await createApp({ config: testConfig(), database: t.database, logger: false });
    try {
      assert.equal(await queueDeadline(narrow), 'on-time', 'the default window is seven days');
    } finally {
      await narrow.close();
    }
    assert.equal(await queueDeadline(wide), 'near-breach', 'sixty days include a month');
  });

  it('raises the near-breach alert to the owner only with the wider window', async () => {
    assert.equal(testConfig().DEADLINE_NEAR_BREACH_DAYS, 7);
    assert.deepEqual(await runAlerts(testConfig()), [], 'nothing is near with seven days');
    const raised = await runAlerts(t.config);
    assert.equal(raised.length, 1);
    assert.equal(raised[0]?.recipientOrganisationId, orgs['jt-recognition']);
    assert.equal(raised[0]?.step, 'recognition');
  });
});
