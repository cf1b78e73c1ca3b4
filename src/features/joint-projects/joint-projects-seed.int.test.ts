import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { sessionFor } from '../../../test/support/identity.ts';
import { DEMO_DOMAIN, seedDemo } from '../../seed/identity-demo.ts';
import { person } from '../people/index.ts';
import { jointProject, jointProjectState } from './schema.ts';

describe('the demo joint project (seed --demo)', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
    await seedDemo(t.database.db, 'test', new Date());
  });
  after(() => t.close());

  it('has three states sharing a budget by the Königstein key, Saxony agreed, the others open', async () => {
    const db = t.database.db;
    const [p] = await db.select().from(jointProject);
    assert.ok(p);
    assert.equal(p.keyKind, 'koenigstein');
    const states = await db.select().from(jointProjectState).where(eq(jointProjectState.projectId, p.id));
    assert.deepEqual(states.map((s) => s.stateCode).sort(), ['SN', 'ST', 'TH']);
    assert.equal(
      states.reduce((a, s) => a + s.shareCents, 0),
      p.budgetCents,
    );
    assert.deepEqual(states.map((s) => [s.stateCode, s.answer]).sort(), [
      ['SN', 'agreed'],
      ['ST', null],
      ['TH', null],
    ]);
    const [officer] = await db
      .select()
      .from(person)
      .where(eq(person.email, `ministerium@${DEMO_DOMAIN}`));
    assert.ok(officer);
    const s = await sessionFor(t.app, db, officer.id, 'ministry-officer');
    const page = await t.app.inject({
      method: 'GET',
      url: `/de/laender/projekte/${p.id}`,
      headers: { cookie: s.cookie },
    });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Gemeinsamer Messeauftritt in Hanoi/);
    assert.match(page.body, /Königsteiner Schlüssel 2016/);
    assert.match(page.body, /Sachsen hat zugestimmt/);
  });
});
