import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { companionPathways, holderProfile } from '../../domain/companion/holder.ts';
import { evaluatePathways } from '../../domain/law/index.ts';
import { seedCompanionDemo } from '../../seed/companion-demo.ts';
import { todayIso } from '../pathways/index.ts';
import { companionHolder } from './schema.ts';
import { factsOf } from './service.ts';

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
});
