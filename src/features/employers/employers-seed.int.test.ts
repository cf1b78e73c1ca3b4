import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { sessionFor } from '../../../test/support/identity.ts';
import { DEMO_DOMAIN, seedDemo } from '../../seed/identity-demo.ts';
import { findOrganisationBySlug, person } from '../people/index.ts';
import { mayPublish } from './service.ts';

describe('the demo employers (seed --demo)', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
    await seedDemo(t.database.db, 'test', new Date());
  });
  after(() => t.close());

  it('has the demo employer confirmed by the demo ministry officer and one employer waiting in the queue', async () => {
    const db = t.database.db;
    const care = await findOrganisationBySlug(db, 'demo-pflege-leipzig');
    const joinery = await findOrganisationBySlug(db, 'demo-tischlerei-goerlitz');
    assert.ok(care && joinery);
    assert.equal(await mayPublish(db, care.id), true);
    assert.equal(await mayPublish(db, joinery.id), false);
    const [officer] = await db
      .select()
      .from(person)
      .where(eq(person.email, `ministerium@${DEMO_DOMAIN}`));
    assert.ok(officer);
    const s = await sessionFor(t.app, db, officer.id, 'ministry-officer');
    const queue = await t.app.inject({
      method: 'GET',
      url: '/de/ministerium/arbeitgeber',
      headers: { cookie: s.cookie },
    });
    assert.equal(queue.statusCode, 200);
    assert.match(queue.body, /Ein Arbeitgeber wartet/);
    assert.match(queue.body, /Tischlerei Neißetal GmbH/);
    const page = await t.app.inject({
      method: 'GET',
      url: `/de/arbeitgeber/${care.id}`,
      headers: { cookie: s.cookie },
    });
    assert.match(page.body, /bestätigt von Sächsisches Staatsministerium/);
    assert.match(page.body, /name="decision" value="withdraw"/);
  });
});
