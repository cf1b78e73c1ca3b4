import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { companionPathways, holderProfile } from '../../domain/companion/holder.ts';
import { evaluatePathways } from '../../domain/law/index.ts';
import { seedCompanionDemo } from '../../seed/companion-demo.ts';
import { seedCompanionStepsDemo } from '../../seed/companion-steps-demo.ts';
import { DEMO_DOMAIN, seedDemo } from '../../seed/identity-demo.ts';
import { seedJourneyDemo } from '../../seed/journeys.ts';
import { journeyStep } from '../journey/index.ts';
import { todayIso } from '../pathways/index.ts';
import { organisation, person } from '../people/index.ts';
import { companionHolder, supportOfferVersion } from './schema.ts';
import { factsOf } from './service.ts';
import { transitionOf } from './transition.ts';

describe('the demo holders (seed --demo)', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.destroy());

  it('adds one holder in each state, once, with different gaps', async () => {
    const db = database.db;
    const now = new Date('2026-12-07T09:00:00Z');
    assert.equal(await db.transaction((tx) => seedCompanionDemo(tx, now)), 6);
    assert.equal(await db.transaction((tx) => seedCompanionDemo(tx, now)), 0);
    const rows = await db.select().from(companionHolder);
    assert.deepEqual(rows.map((r) => r.stateCode).sort(), ['BB', 'BE', 'MV', 'SN', 'ST', 'TH']);
    const gaps = rows.map((r) => {
      const [, b] = companionPathways(evaluatePathways(holderProfile(factsOf(r), todayIso(now))));
      return (b?.conditions ?? [])
        .filter((c) => c.state !== 'met')
        .map((c) => c.criterion.id)
        .join(',');
    });
    assert.ok(new Set(gaps).size >= 4, gaps.join(' | '));
    assert.ok(gaps.includes(''), 'one holder meets every § 25b condition');
  });

  it('shows the transition step in the office queue, a linked case and an offer with two versions', async (t) => {
    const fresh = await createTestDatabase();
    t.after(() => fresh.destroy());
    const db = fresh.db;
    const now = new Date();
    await seedDemo(db, 'test', now);
    await seedJourneyDemo(db);
    await db.transaction((tx) => seedCompanionDemo(tx, now));
    const done = await seedCompanionStepsDemo(db, now);
    assert.equal(done.length, 3, done.join(' | '));
    assert.deepEqual(await seedCompanionStepsDemo(db, now), []);
    const [holder] = await db
      .select()
      .from(person)
      .where(eq(person.email, `holder-berlin@${DEMO_DOMAIN}`));
    const transition = await transitionOf(db, holder?.id ?? '');
    assert.equal(transition?.pathway, 'aufenthg-25b');
    const [step] = await db
      .select({ status: journeyStep.status, slug: organisation.slug })
      .from(journeyStep)
      .leftJoin(organisation, eq(organisation.id, journeyStep.ownerId))
      .where(
        and(eq(journeyStep.journeyId, transition?.journeyId ?? ''), eq(journeyStep.kind, 'residence-permit')),
      );
    assert.equal(step?.status, 'submitted');
    assert.equal(step?.slug, 'demo-abh-be');
    const [v] = await db
      .select({ n: count() })
      .from(supportOfferVersion)
      .where(eq(supportOfferVersion.offerId, 'sn-arbeitsmarktmentoren'));
    assert.equal(v?.n, 2);
  });
});
