import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, isNull } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/db.ts';
import { seedCompanionDemo } from '../../../seed/companion-demo.ts';
import { seedCompanionStatisticsDemo } from '../../../seed/companion-statistics-demo.ts';
import { DEMO_DOMAIN, seedDemo } from '../../../seed/identity-demo.ts';
import { todayIso } from '../../pathways/index.ts';
import { person } from '../../people/index.ts';
import { companionEmployment } from '../employment/schema.ts';
import { companionHolder } from '../schema.ts';
import { holderCases } from './read.ts';

describe('the demo holders for the statistics (seed --demo)', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.destroy());

  it('adds holders in every state with a district, once, and one work confirmed by the demo employer', async () => {
    const db = database.db;
    const now = new Date();
    await seedDemo(db, 'test', now);
    await db.transaction((tx) => seedCompanionDemo(tx, now));
    assert.equal(await db.transaction((tx) => seedCompanionStatisticsDemo(tx, now)), 70);
    assert.equal(await db.transaction((tx) => seedCompanionStatisticsDemo(tx, now)), 0);
    assert.equal(
      (await db.select().from(companionHolder).where(isNull(companionHolder.districtAgs))).length,
      0,
    );
    const [mariam] = await db
      .select()
      .from(person)
      .where(eq(person.email, `holder-sachsen@${DEMO_DOMAIN}`));
    const confirmed = await db.select().from(companionEmployment);
    assert.equal(confirmed.length, 1);
    assert.equal(confirmed[0]?.personId, mariam?.id);
    assert.ok(confirmed[0]?.confirmedAt);
    // Her own answer was open; the confirmation makes the livelihood condition met.
    const cases = await holderCases(db, todayIso(now));
    const dresden = cases.filter((c) => c.districtAgs === '14612' && c.stateCode === 'SN');
    const livelihood = dresden
      .flatMap((c) => c.pathways)
      .flatMap((p) => p.conditions)
      .filter((c) => c.criterion.id === 'livelihood-work');
    const saidYes = await db.select().from(companionHolder).where(eq(companionHolder.districtAgs, '14612'));
    const yes = saidYes.filter((r) => r.livelihoodMainlyFromWork === true).length;
    assert.equal(livelihood.filter((c) => c.state === 'met').length, yes + 1);
  });
});
