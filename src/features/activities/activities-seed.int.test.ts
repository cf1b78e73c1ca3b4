import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { seedActivityDemo } from '../../seed/activities-demo.ts';
import { allActivities, overlapsOf } from './service.ts';

describe('the demo activity register (seed --demo)', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.destroy());

  it('records a year of activities of all six states once, with the overlaps a demo should show', async () => {
    const db = database.db;
    const made = await db.transaction((tx) => seedActivityDemo(tx, new Date('2026-12-01T09:00:00Z')));
    assert.equal(made, 17);
    assert.equal(await db.transaction((tx) => seedActivityDemo(tx, new Date())), 0);
    const rows = await allActivities(db);
    assert.deepEqual([...new Set(rows.map((r) => r.stateCode))].sort(), ['BB', 'BE', 'MV', 'SN', 'ST', 'TH']);
    const title = new Map(rows.map((r) => [r.id, `${r.stateCode}: ${r.title}`]));
    const pairs = overlapsOf(rows).map((o) =>
      o.ids
        .map((id) => title.get(id))
        .sort()
        .join(' + '),
    );
    assert.ok(
      pairs.includes('SN: Pflegefachkräfte aus Vietnam + TH: Thüringer Pflegeoffensive Vietnam'),
      pairs.join('\n'),
    );
    assert.ok(
      pairs.includes('BB: IT-Fachkräfte aus Indien + ST: Digitalstandort Sachsen-Anhalt: Talente aus Indien'),
    );
    assert.ok(pairs.includes('SN: Fachkräfte-Reise Indien 2027 + TH: Mechatronik-Partnerschaft Pune'));
  });
});
