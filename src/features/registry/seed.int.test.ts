import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { district } from '../regions/schema.ts';
import {
  craftsChamberDistrict,
  mission,
  nationwideBody,
  occupation,
  recognitionAuthority,
  statistic,
} from './schema.ts';
import { seedRegistry } from './seed.ts';

describe('registry seed', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.destroy());

  it('loads every row of the research tables with source, as-of date and confidence', async () => {
    const db = database.db;
    const count = async (table: PgTable) =>
      (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n;
    assert.equal(await count(recognitionAuthority), 72);
    assert.equal(await count(nationwideBody), 5);
    assert.equal(await count(occupation), 42);
    assert.ok(((await count(mission)) ?? 0) >= 40);
    assert.equal(await count(statistic), 38 + 7 + 53);
    const rows = await db.select().from(recognitionAuthority);
    for (const r of rows) {
      assert.ok(
        r.source.length > 0 && r.asOf === '2026-11-01' && ['high', 'medium', 'low'].includes(r.confidence),
      );
    }
  });

  it('marks rows that the research flagged UNVERIFIED as not verified', async () => {
    const [be] = await database.db
      .select()
      .from(recognitionAuthority)
      .where(eq(recognitionAuthority.id, 'BE:engineer'));
    assert.equal(be?.verified, false);
    const [sn] = await database.db
      .select()
      .from(recognitionAuthority)
      .where(eq(recognitionAuthority.id, 'SN:nurse'));
    assert.equal(sn?.verified, true);
    assert.equal(sn?.address, 'Humboldtstraße 18, 04105 Leipzig');
    assert.match(sn?.fees ?? '', /100-650 EUR/);
  });

  it('assigns every district to a crafts chamber, the Landkreis Rostock to two', async () => {
    const districts = await database.db.select({ ags: district.ags }).from(district);
    const links = await database.db.select().from(craftsChamberDistrict);
    for (const d of districts) {
      const n = links.filter((l) => l.ags === d.ags).length;
      assert.equal(n, d.ags === '13072' ? 2 : 1, `district ${d.ags}`);
    }
  });

  it('is idempotent and never overwrites a correction', async () => {
    await database.db
      .update(recognitionAuthority)
      .set({ authority: 'Corrected by an administrator' })
      .where(eq(recognitionAuthority.id, 'TH:teacher'));
    const again = await seedRegistry(database.db);
    assert.deepEqual(Object.values(again), [0, 0, 0, 0, 0, 0, 0, 0]);
    const [th] = await database.db
      .select()
      .from(recognitionAuthority)
      .where(eq(recognitionAuthority.id, 'TH:teacher'));
    assert.equal(th?.authority, 'Corrected by an administrator');
  });
});
