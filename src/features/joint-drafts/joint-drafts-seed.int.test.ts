import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { sessionFor } from '../../../test/support/identity.ts';
import { checkPage, loadKnowledge } from '../../../test/support/plain-language.ts';
import { DEMO_DOMAIN, seedDemo } from '../../seed/identity-demo.ts';
import { person } from '../people/index.ts';
import { jointDraft } from './schema.ts';
import { draftById } from './service.ts';

describe('the demo joint draft (seed --demo)', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
    await seedDemo(t.database.db, 'test', new Date());
  });
  after(() => t.close());

  it('is in sign-off on version 2: Saxony agreed, Thuringia with remarks, Saxony-Anhalt open', async () => {
    const db = t.database.db;
    const [row] = await db.select().from(jointDraft);
    assert.ok(row);
    const d = await draftById(db, row.id);
    assert.ok(d);
    assert.equal(d.status, 'in-sign-off');
    assert.equal(d.current.number, 2);
    assert.deepEqual(
      [...d.standings.entries()].map(([s, x]) => [s, x?.decision ?? null]),
      [
        ['SN', 'agree'],
        ['ST', null],
        ['TH', 'agree-with-remarks'],
      ],
    );
    assert.ok(d.deadline > new Date().toISOString().slice(0, 10), 'the deadline is ahead');
    const [officer] = await db
      .select()
      .from(person)
      .where(eq(person.email, `ministerium@${DEMO_DOMAIN}`));
    assert.ok(officer);
    const s = await sessionFor(t.app, db, officer.id, 'ministry-officer');
    const page = await t.app.inject({
      method: 'GET',
      url: `/de/laender/entwuerfe/${d.id}`,
      headers: { cookie: s.cookie },
    });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Arbeits- und Sozialministerkonferenz/);
    assert.match(page.body, /Sachsen zu Fassung 1: zugestimmt/);
    assert.match(
      page.body,
      /Kommentar zu Fassung 1, Absatz 2, von Thüringen[^<]*<span lang="de">Wer trägt die Kosten der Servicestelle\?/,
    );
    const diff = await t.app.inject({
      method: 'GET',
      url: `/en/states/drafts/${d.id}/compare`,
      headers: { cookie: s.cookie },
    });
    assert.match(diff.body, /One paragraph has changed\.|2 paragraphs have changed\./);
    // The German draft on the English pages is marked as German: nothing reads as the other language.
    const knowledge = loadKnowledge();
    for (const u of [
      `/en/states/drafts/${d.id}`,
      `/en/states/drafts/${d.id}/compare`,
      `/de/laender/entwuerfe/${d.id}`,
    ]) {
      const res = await t.app.inject({ method: 'GET', url: u, headers: { cookie: s.cookie } });
      const locale = u.startsWith('/en') ? 'en' : 'de';
      assert.deepEqual(
        checkPage({ html: res.body, locale, staff: true, administrator: false }, knowledge),
        [],
        u,
      );
    }
  });
});
