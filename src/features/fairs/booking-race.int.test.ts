import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { day } from '../../../test/support/fairs.ts';
import { makeAccount, makeOrganisation } from '../../../test/support/identity.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { bookSlot, registerForFair } from './booking.ts';
import { fairById } from './read.ts';
import { fair, fairBooking, fairExhibitor, fairSlot, fairState } from './schema.ts';

/** One booking per slot, guaranteed by the database: many applicants book the same slot at the same moment. */
describe('job fair booking race (issue 16, V4)', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  it('gives the slot to exactly one of eight simultaneous attempts; the others are told it was taken', async () => {
    const db = t.database.db;
    const now = new Date();
    const org = await makeOrganisation(db, {
      slug: 'race-firm',
      name: 'Race GmbH',
      kind: 'employer',
      jurisdictions: [],
    });
    const [f] = await db
      .insert(fair)
      .values({
        title: 'Race fair',
        startsOn: day(10),
        endsOn: day(10),
        timeZone: 'Europe/Berlin',
        countries: ['IN'],
        occupations: [],
        createdAt: now,
      })
      .returning({ id: fair.id });
    assert.ok(f);
    await db.insert(fairState).values({ fairId: f.id, stateCode: 'SN', answer: 'agreed', answeredAt: now });
    await db
      .insert(fairExhibitor)
      .values({ fairId: f.id, organisationId: org, status: 'approved', appliedAt: now });
    const [slot] = await db
      .insert(fairSlot)
      .values({
        fairId: f.id,
        organisationId: org,
        startsAt: new Date(Date.now() + 10 * 86_400_000),
        minutes: 20,
        createdAt: now,
      })
      .returning({ id: fairSlot.id });
    assert.ok(slot);
    const detail = await fairById(db, f.id);
    assert.ok(detail);
    const actors: Actor[] = [];
    for (let i = 0; i < 8; i++) {
      const a = await makeAccount(db, 'applicant');
      const actor = {
        personId: a.personId,
        memberships: [{ role: 'applicant' as const, organisationId: null, jurisdictions: [] }],
      };
      assert.equal(
        (await registerForFair(db, actor, detail, { timeZone: 'Asia/Manila', countryCode: 'PH' }, now)).kind,
        'ok',
      );
      actors.push(actor);
    }
    const results = await Promise.all(actors.map((a) => bookSlot(db, a, detail, slot.id, now)));
    assert.equal(results.filter((r) => r.kind === 'ok').length, 1, JSON.stringify(results));
    for (const r of results.filter((x) => x.kind !== 'ok'))
      assert.deepEqual(r, { kind: 'refused', field: 'slot', rule: 'taken' });
    assert.equal((await db.select().from(fairBooking).where(eq(fairBooking.slotId, slot.id))).length, 1);
  });
});
