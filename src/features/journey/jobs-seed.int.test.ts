import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, inArray, like, sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { OPEN_BODY, setUpWay } from '../../../test/support/journey.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { createI18n } from '../../platform/i18n/index.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { outboxMail } from '../../platform/mail/schema.ts';
import { seedDemo } from '../../seed/identity-demo.ts';
import { seedJourneyDemo } from '../../seed/journeys.ts';
import { seedScale } from '../../seed/scale.ts';
import { copyValue } from '../../seed/scale-copy.ts';
import { organisation } from '../people/schema.ts';
import { mailNotices, raiseDeadlineAlerts } from './jobs.ts';
import { familyMember, journey, journeyEvent, journeyNotice, journeyStep } from './schema.ts';
import { createJourneyService } from './service.ts';

const DAY = 86_400_000;

describe('journey jobs: deadline alerts and notification mails, idempotent', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  it('alerts the owner authority once per deadline and kind, and mails every notice exactly once', async () => {
    const db = t.database.db;
    const way = await setUpWay(t.app, db, { makeOrganisation, makeAccount, sessionFor });
    const applicant: Actor = {
      personId: way.b('applicant').personId,
      memberships: [{ role: 'applicant', organisationId: null, jurisdictions: [] }],
    };
    let clock = new Date(Date.now() - 60 * DAY);
    const service = createJourneyService(db, { now: () => clock });
    const opened = await service.open(applicant, OPEN_BODY);
    const id = opened.body.journeyId;
    await service.command(applicant, id, { type: 'submit', step: 'recognition' });
    clock = new Date();
    const [step] = await db.select().from(journeyStep).where(eq(journeyStep.journeyId, id));
    assert.ok(step);
    const first = await raiseDeadlineAlerts(db, new Date(), 7);
    assert.ok(first >= 1, 'the breached receipt deadline raises an alert');
    assert.equal(await raiseDeadlineAlerts(db, new Date(), 7), 0, 'a retried run raises nothing new');
    const alerts = await db.select().from(journeyNotice).where(eq(journeyNotice.kind, 'breached'));
    assert.equal(alerts.length, 1);
    assert.equal(alerts[0]?.recipientOrganisationId, way.orgs['jt-recognition']);
    const statusNotices = await db
      .select()
      .from(journeyNotice)
      .where(eq(journeyNotice.kind, 'status-changed'));
    assert.ok(statusNotices.length >= 1, 'the applicant is told about the status change');
    const mailer = createMailer({ from: 'test@example.org' });
    const before = (await db.select({ n: sql<number>`count(*)::int` }).from(outboxMail))[0]?.n ?? 0;
    const mailed = await mailNotices(db, mailer, createI18n(), new Date());
    assert.ok(mailed >= 2);
    assert.equal(await mailNotices(db, mailer, createI18n(), new Date()), 0, 'a retried run mails nothing');
    const afterCount = (await db.select({ n: sql<number>`count(*)::int` }).from(outboxMail))[0]?.n ?? 0;
    assert.ok(afterCount > before);
    const [officerMail] = await db.select().from(outboxMail).where(like(outboxMail.text, '%deadline ended%'));
    assert.ok(officerMail, 'the recognition officer is mailed about the missed deadline');
  });

  it('seeds about fifty demo journeys through the service (idempotent) and bulk-loads synthetic ones', async () => {
    const db = t.database.db;
    await seedDemo(db, 'test', new Date());
    assert.equal(
      await seedJourneyDemo(db),
      52,
      'fifty journeys and the demo applicant’s husband and daughter',
    );
    assert.equal(await seedJourneyDemo(db), 0, 'a second run adds nothing');
    const family = await db.select().from(familyMember);
    assert.deepEqual(family.map((f) => f.relationship).sort(), ['child', 'spouse']);
    const service = createJourneyService(db);
    const rows = await db.select().from(journey).limit(60);
    for (const row of rows)
      assert.deepEqual(await service.replayed(row.id), row.state, 'projection = replay');
    const states = await db.selectDistinct({ s: journey.targetStateCode }).from(journey);
    assert.equal(states.length >= 6, true);
    const statuses = await db.selectDistinct({ s: journeyStep.status }).from(journeyStep);
    assert.ok(statuses.length >= 6, 'every stage is represented');
    const owners = await db
      .selectDistinct({ kind: journeyStep.kind, slug: organisation.slug })
      .from(journeyStep)
      .innerJoin(organisation, eq(organisation.id, journeyStep.ownerId))
      .where(inArray(journeyStep.kind, ['recognition', 'zab-statement']));
    const ownedBy = (kind: string) => owners.filter((o) => o.kind === kind).map((o) => o.slug);
    assert.deepEqual(ownedBy('zab-statement'), ['demo-kmk-zab'], 'the demo ZAB makes the ZAB statements');
    assert.ok(
      ownedBy('recognition').includes('demo-anerkennung-be'),
      'nurses in Berlin go to the demo authority that is the registry body for them',
    );
    const loaded = await seedScale(db, 250, { batch: 100 });
    assert.equal(loaded.journeys, 250);
    const events = (await db.select({ n: sql<number>`count(*)::int` }).from(journeyEvent))[0]?.n ?? 0;
    assert.ok(events > loaded.events, 'demo and synthetic events are stored');
    const synthetic = await db.select().from(journey).orderBy(sql`${journey.openedAt} desc`).limit(20);
    for (const row of synthetic) assert.deepEqual(await service.replayed(row.id), row.state);
    // On PostgreSQL the same synthetic journeys go in by COPY: the rows must be the same as by inserts.
    const raw = t.database.raw;
    if (raw.kind === 'postgres') {
      const count = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(journey))[0]?.n ?? 0;
      const before = await count();
      const copied = await seedScale(db, 130, { batch: 50, copy: raw.pool, concurrency: 2 });
      assert.equal(copied.journeys, 130);
      assert.equal(await count(), before + 130);
      const ids = await db.select().from(journey).where(sql`${journey.id}::text like '%-7%'`);
      assert.ok(ids.length >= 130, 'time-ordered (version 7) ids');
      for (const row of ids.slice(0, 40)) assert.deepEqual(await service.replayed(row.id), row.state);
    }
  });

  it('writes COPY text with nulls, JSON and escapes', () => {
    assert.equal(copyValue(null), '\\N');
    assert.equal(copyValue(3), '3');
    assert.equal(copyValue('a\tb\nc\rd\\e'), 'a\\tb\\nc\\rd\\\\e');
    assert.equal(copyValue({ text: 'Zeile\nzwei "x"' }), '{"text":"Zeile\\\\nzwei \\\\"x\\\\""}');
  });
});
