import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { apiClient, type Browser, pageClient, setUpWay } from '../../../test/support/journey.ts';
import { type Receiver, startReceiver } from '../../../test/support/webhook-receiver.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import { attemptDelivery, type DeliverySettings } from './delivery.ts';
import { collectEvents } from './events.ts';
import { webhookDelivery, webhookSubscription } from './schema.ts';
import { sealKeyOf } from './signing.ts';

/**
 * Webhooks end to end on the pages and the delivery: an officer sets up a webhook (secret shown once), a step's
 * status changes, the event is matched only for organisations that work on the journey, the delivery is POSTed
 * to a real loopback receiver with Standard Webhooks signatures, retried after failures, logged, and sent again
 * on request. Another organisation sees and changes nothing; bad input answers 422 naming the field.
 */
describe('signed webhooks', () => {
  let t: TestApp;
  let b: (name: string) => Browser;
  let orgs: Record<string, string>;
  let pages: ReturnType<typeof pageClient>;
  let receiver: Receiver;
  let journeyId: string;
  let settings: DeliverySettings;
  const since = new Date(Date.now() - 60_000);
  const secrets = new Map<string, string>();

  const create = async (who: string, org: string, fields: Record<string, string>, events: string[]) => {
    const body = new URLSearchParams({ _csrf: b(who).csrfToken, ...fields });
    for (const e of events) body.append('events', e);
    const res = await t.app.inject({
      method: 'POST',
      url: `/en/admin/organisations/${org}/webhooks/new`,
      headers: { cookie: b(who).cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    const secret = /whsec_[A-Za-z0-9+/=]+/.exec(res.body)?.[0] ?? '';
    const hookId = /webhooks\/([0-9a-f-]{36})/.exec(res.body)?.[1] ?? '';
    if (secret) secrets.set(hookId, secret);
    return { res, secret, hookId };
  };
  const deliveriesOf = (hookId: string) =>
    t.database.db.select().from(webhookDelivery).where(eq(webhookDelivery.subscriptionId, hookId));

  before(async () => {
    t = await buildTestApp();
    const way = await setUpWay(t.app, t.database.db, { makeOrganisation, makeAccount, sessionFor });
    b = way.b;
    orgs = way.orgs;
    pages = pageClient(t.app, b);
    receiver = await startReceiver();
    settings = { sealKey: sealKeyOf(t.config.COOKIE_SECRET), timeoutMs: 2_000, retryBaseSeconds: 1 };
    const opened = await apiClient(t.app).open(b('applicant'));
    assert.equal(opened.statusCode, 201, opened.body);
    journeyId = (opened.json() as { journeyId: string }).journeyId;
  });
  after(async () => {
    await receiver?.close();
    await t?.close();
  });

  let hookId = '';
  let otherHookId = '';

  it('sets up a webhook: the secret is shown once, stored sealed, the creation audited', async () => {
    const made = await create(
      'recognition',
      orgs['jt-recognition'] ?? '',
      { name: 'Fachverfahren', url: `${receiver.url}/in` },
      ['step.status-changed', 'deadline.near', 'document.shared'],
    );
    assert.equal(made.res.statusCode, 200, made.res.body);
    assert.match(made.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    assert.equal(made.res.headers['cache-control'], 'no-store');
    hookId = made.hookId;
    const [row] = await t.database.db
      .select()
      .from(webhookSubscription)
      .where(eq(webhookSubscription.id, hookId));
    assert.equal(row?.events, 'step.status-changed deadline.near document.shared');
    assert.ok(
      !JSON.stringify(row).includes(made.secret.slice(6, 30)),
      'the secret is not stored in the clear',
    );
    const page = await pages.get(
      'recognition',
      `/en/admin/organisations/${orgs['jt-recognition']}/webhooks/${hookId}`,
    );
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /the status of a step changes/);
    assert.ok(!page.body.includes(made.secret), 'never shown again');
    const audit = await t.database.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.objectType, 'webhook'), eq(auditEntry.action, 'create')));
    assert.ok(audit.some((a) => a.purpose === `create webhook ${hookId}` && a.result === 'success'));
    // Another recognition authority (not working on this journey) subscribes to everything.
    const other = await create(
      'recognition-th',
      orgs['jt-recognition-th'] ?? '',
      { name: 'Thüringen', url: `${receiver.url}/th` },
      ['step.status-changed', 'deadline.near', 'deadline.breached', 'document.shared', 'appointment.offered'],
    );
    assert.equal(other.res.statusCode, 200, other.res.body);
    otherHookId = other.hookId;
  });

  it('answers bad input with 422 naming the field, and writes nothing', async () => {
    const before = (await t.database.db.select().from(webhookSubscription)).length;
    const org = orgs['jt-recognition'] ?? '';
    const plain = await create('recognition', org, { name: 'X', url: 'http://partner.example/in' }, [
      'deadline.near',
    ]);
    assert.equal(plain.res.statusCode, 422);
    assert.match(plain.res.body, /must begin with https:\/\//);
    assert.match(plain.res.body, /href="#field-url"/);
    const none = await create('recognition', org, { name: '', url: 'not a url' }, ['no-such-event']);
    assert.equal(none.res.statusCode, 422);
    assert.match(none.res.body, /Enter a name for the webhook/);
    assert.match(none.res.body, /Enter a full web address/);
    assert.match(none.res.body, /Choose at least one event/);
    assert.equal((await t.database.db.select().from(webhookSubscription)).length, before);
    const sw = await pages.form('recognition', `/en/admin/organisations/${org}/webhooks/${hookId}/switch`, {
      enabled: 'maybe',
    });
    assert.equal(sw.statusCode, 422);
    assert.match(sw.body, /enabled/);
  });

  it('lets no other organisation see or change the webhook (404), and refuses other roles (403)', async () => {
    const org = orgs['jt-recognition'] ?? '';
    for (const who of ['recognition-th', 'abh']) {
      const list = await pages.get(who, `/en/admin/organisations/${org}/webhooks`);
      assert.equal(list.statusCode, 404, `${who} list`);
      const one = await pages.get(who, `/en/admin/organisations/${org}/webhooks/${hookId}`);
      assert.equal(one.statusCode, 404, `${who} page`);
      const off = await pages.form(who, `/en/admin/organisations/${org}/webhooks/${hookId}/switch`, {
        enabled: 'no',
      });
      assert.equal(off.statusCode, 404, `${who} switch`);
      const del = await pages.form(who, `/en/admin/organisations/${org}/webhooks/${hookId}/delete`, {});
      assert.equal(del.statusCode, 404, `${who} delete`);
    }
    // Its own id in the address of another organisation's hook is no way round.
    const cross = await pages.get(
      'recognition-th',
      `/en/admin/organisations/${orgs['jt-recognition-th']}/webhooks/${hookId}`,
    );
    assert.equal(cross.statusCode, 404);
    for (const who of ['applicant', 'employer', 'ministry']) {
      const res = await pages.get(who, `/en/admin/organisations/${org}/webhooks`);
      assert.equal(res.statusCode, 403, who);
    }
    const admin = await pages.get('admin', `/en/admin/organisations/${org}/webhooks`);
    assert.equal(admin.statusCode, 200, 'the platform administrator may');
    const denied = await t.database.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.objectType, 'webhook'), eq(auditEntry.result, 'denied')));
    assert.ok(denied.length >= 4, 'refusals are audited');
  });

  it('matches a status change only for organisations that work on the journey', async () => {
    const submitted = await apiClient(t.app).command(b('applicant'), journeyId, {
      type: 'submit',
      step: 'recognition',
    });
    assert.equal(submitted.statusCode, 200, submitted.body);
    const ids = await collectEvents(t.database.db, since, new Date());
    assert.ok(ids.length >= 1, 'a delivery for the status change');
    const mine = await deliveriesOf(hookId);
    assert.ok(mine.some((d) => d.eventType === 'step.status-changed' && d.journeyId === journeyId));
    assert.deepEqual(await deliveriesOf(otherHookId), [], 'nothing for an organisation outside the journey');
    const again = await collectEvents(t.database.db, since, new Date());
    assert.deepEqual(again, [], 'a second scan enqueues nothing twice');
    const [d] = mine;
    assert.deepEqual(Object.keys((d?.payload ?? {}) as object).sort(), ['data', 'timestamp', 'type']);
    assert.ok(d);
    const data = (d.payload as { data: Record<string, unknown> }).data;
    assert.deepEqual(Object.keys(data).sort(), ['journeyId', 'status', 'step']);
  });

  it('maps deadline alerts to the owner only, and leaves out events not subscribed to', async () => {
    await t.database.db.execute(sql`insert into journey_notice (dedupe_key, journey_id, step, kind,
      recipient_organisation_id, message_key, "values", created_at)
      values ('test-near', ${journeyId}, 'recognition', 'near-breach', ${orgs['jt-recognition']},
        'journeys.notice.near-breach', '{"step":"recognition","dueAt":"2027-01-10"}', now()),
      ('test-breached', ${journeyId}, 'recognition', 'breached', ${orgs['jt-recognition']},
        'journeys.notice.breached', '{"step":"recognition","dueAt":"2027-01-10"}', now())`);
    await collectEvents(t.database.db, since, new Date());
    const types = (await deliveriesOf(hookId)).map((d) => d.eventType).sort();
    assert.deepEqual(types, ['deadline.near', 'step.status-changed'], 'breached is not subscribed');
    const near = (await deliveriesOf(hookId)).find((d) => d.eventType === 'deadline.near');
    assert.ok(near);
    assert.equal((near.payload as { data: { dueOn: string } }).data.dueOn, '2027-01-10');
    assert.deepEqual(await deliveriesOf(otherHookId), []);
  });

  it('delivers signed, retries a failing receiver with back-off, and logs every attempt', async () => {
    receiver.failNext(2);
    const [d] = (await deliveriesOf(hookId)).filter((x) => x.eventType === 'step.status-changed');
    assert.ok(d);
    const first = await attemptDelivery(t.database.db, settings, d.id, () => new Date());
    assert.deepEqual(first, { outcome: 'retry', delaySeconds: 1 });
    let [row] = await t.database.db.select().from(webhookDelivery).where(eq(webhookDelivery.id, d.id));
    assert.equal(row?.state, 'pending');
    assert.equal(row?.attempts, 1);
    assert.equal(row?.lastStatus, 500);
    assert.ok(row?.nextAttemptAt && row.nextAttemptAt.getTime() > Date.now());
    const second = await attemptDelivery(t.database.db, settings, d.id, () => new Date());
    assert.deepEqual(second, { outcome: 'retry', delaySeconds: 4 });
    const third = await attemptDelivery(t.database.db, settings, d.id, () => new Date());
    assert.deepEqual(third, { outcome: 'delivered', status: 200 });
    [row] = await t.database.db.select().from(webhookDelivery).where(eq(webhookDelivery.id, d.id));
    assert.equal(row?.state, 'delivered');
    assert.equal(row?.attempts, 3);
    const got = receiver.requests.filter((r) => r.headers['webhook-id'] === `msg_${d.id}`);
    assert.equal(got.length, 3, 'the same message id on every attempt');
    const wh = new Webhook(secrets.get(hookId) ?? '');
    for (const r of got) {
      const payload = wh.verify(r.body, r.headers as Record<string, string>) as {
        type: string;
        data: { journeyId: string };
      };
      assert.equal(payload.type, 'step.status-changed');
      assert.equal(payload.data.journeyId, journeyId);
    }
    assert.equal(got[0]?.headers['content-type'], 'application/json');
    const page = await pages.get(
      'recognition',
      `/en/admin/organisations/${orgs['jt-recognition']}/webhooks/${hookId}`,
    );
    assert.match(page.body, /received \(3 tries\)/);
    assert.match(page.body, /The system answered with status 200/);
  });

  it('sends a delivery again on request, as the same message', async () => {
    const org = orgs['jt-recognition'] ?? '';
    const [d] = (await deliveriesOf(hookId)).filter((x) => x.state === 'delivered');
    assert.ok(d);
    const res = await pages.form(
      'recognition',
      `/en/admin/organisations/${org}/webhooks/${hookId}/deliveries/${d.id}/redeliver`,
      {},
    );
    assert.equal(res.statusCode, 303, res.body);
    assert.match(String(res.headers.location), /done=redelivered/);
    const before = receiver.requests.length;
    assert.deepEqual(await attemptDelivery(t.database.db, settings, d.id, () => new Date()), {
      outcome: 'delivered',
      status: 200,
    });
    assert.equal(receiver.requests.length, before + 1);
    assert.equal(receiver.requests.at(-1)?.headers['webhook-id'], `msg_${d.id}`);
    const foreign = await pages.form(
      'recognition-th',
      `/en/admin/organisations/${org}/webhooks/${hookId}/deliveries/${d.id}/redeliver`,
      {},
    );
    assert.equal(foreign.statusCode, 404);
  });

  it('records a timeout and an unreachable receiver, sends nothing while switched off, and deletes', async () => {
    const org = orgs['jt-recognition'] ?? '';
    const [d] = (await deliveriesOf(hookId)).filter((x) => x.eventType === 'deadline.near');
    assert.ok(d);
    receiver.hangNext(1);
    assert.equal(
      (await attemptDelivery(t.database.db, { ...settings, timeoutMs: 300 }, d.id, () => new Date())).outcome,
      'retry',
    );
    const [row] = await t.database.db.select().from(webhookDelivery).where(eq(webhookDelivery.id, d.id));
    assert.equal(row?.lastError, 'timeout');
    const off = await pages.form('recognition', `/en/admin/organisations/${org}/webhooks/${hookId}/switch`, {
      enabled: 'no',
    });
    assert.equal(off.statusCode, 303);
    assert.deepEqual(await attemptDelivery(t.database.db, settings, d.id, () => new Date()), {
      outcome: 'skipped',
    });
    const on = await pages.form('recognition', `/en/admin/organisations/${org}/webhooks/${hookId}/switch`, {
      enabled: 'yes',
    });
    assert.equal(on.statusCode, 303);
    const del = await pages.form(
      'recognition',
      `/en/admin/organisations/${org}/webhooks/${hookId}/delete`,
      {},
    );
    assert.equal(del.statusCode, 303);
    assert.deepEqual(await deliveriesOf(hookId), [], 'the log goes with it');
    const gone = await pages.get('recognition', `/en/admin/organisations/${org}/webhooks/${hookId}`);
    assert.equal(gone.statusCode, 404);
  });
});
