import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { apiClient, type Browser, setUpWay } from '../../../test/support/journey.ts';
import type { WebhookEvent } from '../../domain/access/webhooks.ts';
import { collectEvents } from './events.ts';
import { queueDue } from './jobs.ts';
import { webhookDelivery, webhookSubscription } from './schema.ts';
import { createWebhook } from './service.ts';
import { sealKeyOf } from './signing.ts';

/**
 * The two events that come from other features: a document shared with an organisation and an appointment offered
 * at a service point. Each goes only to the organisation concerned, and only when it works on the journey.
 */
describe('webhook events from documents and appointments', () => {
  let t: TestApp;
  let b: (name: string) => Browser;
  let orgs: Record<string, string>;
  let journeyId: string;
  const since = new Date(Date.now() - 60_000);

  const subscribe = async (org: string, events: WebhookEvent[]) => {
    const actor = {
      personId: b('admin').personId,
      memberships: [
        { role: 'administrator' as const, organisationId: orgs['jt-operator'] ?? null, jurisdictions: [] },
      ],
    };
    const made = await createWebhook(
      t.database.db,
      sealKeyOf(t.config.COOKIE_SECRET),
      actor,
      org,
      { name: `hook ${org}`, url: 'https://partner.example/in', events },
      new Date(Date.now() - 1_000),
    );
    assert.ok(made);
    return made.row.id;
  };
  const typesOf = async (hookId: string) =>
    (await t.database.db.select().from(webhookDelivery).where(eq(webhookDelivery.subscriptionId, hookId)))
      .map((d) => d.eventType)
      .sort();

  before(async () => {
    t = await buildTestApp();
    ({ b, orgs } = await setUpWay(t.app, t.database.db, { makeOrganisation, makeAccount, sessionFor }));
    const opened = await apiClient(t.app).open(b('applicant'));
    assert.equal(opened.statusCode, 201, opened.body);
    journeyId = (opened.json() as { journeyId: string }).journeyId;
  });
  after(async () => t?.close());

  it('sends a document share only to the organisation it was shared with, if it works on the journey', async () => {
    const recognition = orgs['jt-recognition'] ?? '';
    const outsider = orgs['jt-recognition-th'] ?? '';
    const mine = await subscribe(recognition, ['document.shared']);
    const theirs = await subscribe(outsider, ['document.shared']);
    const applicant = b('applicant').personId;
    for (const org of [recognition, outsider]) {
      const consentId = randomUUID();
      await t.database.db.execute(sql`insert into consent (id, person_id, organisation_id, granted_at)
        values (${consentId}, ${applicant}, ${org}, now())`);
      await t.database.db.execute(sql`insert into document_share (owner_person_id, organisation_id, consent_id,
        category, created_at) values (${applicant}, ${org}, ${consentId}, 'identity', now())`);
    }
    await collectEvents(t.database.db, since, new Date());
    assert.deepEqual(await typesOf(mine), ['document.shared']);
    assert.deepEqual(await typesOf(theirs), [], 'shared with it, but it works on no step of the journey');
    const [d] = await t.database.db
      .select()
      .from(webhookDelivery)
      .where(eq(webhookDelivery.subscriptionId, mine));
    assert.ok(d);
    assert.deepEqual(d.payload, {
      type: 'document.shared',
      timestamp: (d.payload as { timestamp: string }).timestamp,
      data: { journeyId, step: null },
    });
  });

  it('sends an appointment offered only to the service point, with the step it serves', async () => {
    const owners = await t.database.db.execute<{ owner_id: string }>(
      sql`select owner_id from journey_step where journey_id = ${journeyId} and kind = 'residence-permit'`,
    );
    const office = (owners as unknown as { rows: { owner_id: string }[] }).rows[0]?.owner_id;
    assert.ok(office, 'the residence permit step has an owner');
    const point = await subscribe(office, ['appointment.offered']);
    const other = await subscribe(orgs['jt-recognition'] ?? '', ['appointment.offered']);
    await t.database.db.execute(sql`insert into appointment_request (person_id, journey_id, organisation_id,
      service_type, person_key, priority_class, state, offer_expires_at, created_at, updated_at)
      values (${b('applicant').personId}, ${journeyId}, ${office}, 'residence-permit', 'k-1', 'standard', 'offered',
        now() + interval '2 days', now(), now())`);
    await collectEvents(t.database.db, since, new Date());
    assert.deepEqual(await typesOf(point), ['appointment.offered']);
    assert.deepEqual(await typesOf(other), [], 'the appointment is not at this organisation');
    const [d] = await t.database.db
      .select()
      .from(webhookDelivery)
      .where(eq(webhookDelivery.subscriptionId, point));
    assert.ok(d);
    assert.equal((d.payload as { data: { step: string } }).data.step, 'residence-permit');
  });

  it('sends nothing from before a webhook was set up', async () => {
    const late = await createWebhook(
      t.database.db,
      sealKeyOf(t.config.COOKIE_SECRET),
      {
        personId: b('admin').personId,
        memberships: [
          { role: 'administrator', organisationId: orgs['jt-operator'] ?? null, jurisdictions: [] },
        ],
      },
      orgs['jt-recognition'] ?? '',
      {
        name: 'late',
        url: 'https://partner.example/late',
        events: ['document.shared', 'appointment.offered'],
      },
      new Date(Date.now() + 60_000),
    );
    assert.ok(late);
    await collectEvents(t.database.db, since, new Date());
    assert.deepEqual(await typesOf(late.row.id), []);
  });
  it('queues again an attempt cut off and a lost job, but nothing of a switched-off webhook', async () => {
    const hook = await subscribe(orgs['jt-recognition'] ?? '', ['deadline.breached']);
    const off = await subscribe(orgs['jt-recognition'] ?? '', ['deadline.breached']);
    await t.database.db
      .update(webhookSubscription)
      .set({ disabledAt: new Date() })
      .where(eq(webhookSubscription.id, off));
    const long = new Date(Date.now() - 10 * 60_000);
    const row = (subscriptionId: string, state: 'pending' | 'sending') => ({
      id: randomUUID(),
      subscriptionId,
      eventKey: randomUUID(),
      eventType: 'deadline.breached',
      journeyId,
      payload: {},
      state,
      attempts: 1,
      lastAttemptAt: long,
      nextAttemptAt: long,
      createdAt: long,
    });
    const cut = row(hook, 'sending');
    const lost = row(hook, 'pending');
    const waiting = row(off, 'pending');
    await t.database.db.insert(webhookDelivery).values([cut, lost, waiting]);
    const sent: string[] = [];
    await queueDue(t.database.db, { send: async (id) => void sent.push(id) }, new Date());
    assert.deepEqual(sent.sort(), [cut.id, lost.id].sort());
    const [again] = await t.database.db.select().from(webhookDelivery).where(eq(webhookDelivery.id, cut.id));
    assert.equal(again?.state, 'pending');
  });
});
