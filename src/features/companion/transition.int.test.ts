import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, sessionFor } from '../../../test/support/identity.ts';
import { type Browser, pageClient } from '../../../test/support/journey.ts';
import { checkPage, loadKnowledge } from '../../../test/support/plain-language.ts';
import { addDays } from '../../domain/calendar.ts';
import { seedDemo } from '../../seed/identity-demo.ts';
import { journey, journeyStep } from '../journey/index.ts';
import { todayIso } from '../pathways/index.ts';
import { organisation } from '../people/index.ts';
import { companionHolder } from './schema.ts';

const TODAY = todayIso(new Date());

/** The move to § 25b as a step at the foreigners' office of the holder's district (issue 18). */
describe('the move to § 25a/§ 25b as a journey step', () => {
  let t: TestApp;
  const browsers: Record<string, Browser> = {};

  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    await seedDemo(db, 'test', new Date());
    for (const name of ['holder', 'newcomer']) {
      const a = await makeAccount(db, 'applicant');
      const s = await sessionFor(t.app, db, a.personId, 'applicant');
      browsers[name] = { personId: a.personId, ...s, organisationId: null };
    }
    // Meets every § 25b condition: 9 years in Germany, A2, livelihood from work.
    await db.insert(companionHolder).values({
      personId: browsers.holder?.personId ?? '',
      stateCode: 'SN',
      districtAgs: '14626',
      permitGrantedOn: '2025-06-01',
      permitExpiresOn: addDays(TODAY, 90),
      birthDate: '1988-02-01',
      inGermanySince: '2016-01-01',
      german: 'A2',
      livelihoodMainlyFromWork: true,
      livesWithMinorChild: false,
      germanSchoolOrQualification: false,
      updatedAt: new Date(),
    });
  });
  after(() => t.close());

  const client = () =>
    pageClient(t.app, (n) => {
      const b = browsers[n];
      if (!b) throw new Error(n);
      return b;
    });

  it('offers the move with the title whose conditions are met', async () => {
    const page = await client().get('holder', '/de/chancen-aufenthalt');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Den Wechsel bei der Ausländerbehörde beginnen/);
    assert.match(page.body, /value="aufenthg-25b" checked/);
    // The move's district starts as the one the holder gave for where they live.
    const move = page.body.slice(page.body.indexOf('name="districtAgs"'));
    assert.match(move, /<option value="14626" selected/);
    const en = await client().get('holder', '/en/opportunity-residence');
    assert.match(en.body, /Begin the application at the foreigners(&#39;|')/);
    const knowledge = loadKnowledge();
    for (const [html, locale] of [
      [page.body, 'de'],
      [en.body, 'en'],
    ] as const)
      assert.deepEqual(
        checkPage({ html, locale, staff: false, administrator: false }, knowledge),
        [],
        locale,
      );
  });

  it('refuses bad input with 422 naming each field, and opens nothing', async () => {
    const none = await client().form('holder', '/de/chancen-aufenthalt/wechsel', {});
    assert.equal(none.statusCode, 422);
    assert.match(none.body, /href="#field-pathway"/);
    assert.match(none.body, /href="#field-districtAgs"/);
    const wrong = await client().form('holder', '/en/opportunity-residence/move', {
      pathway: 'aufenthg-18a',
      districtAgs: '11000',
    });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /Choose one of the rights of residence listed/);
    assert.match(wrong.body, /Choose a district or city in your state/);
    const opened = await t.database.db
      .select()
      .from(journey)
      .where(eq(journey.applicantId, browsers.holder?.personId ?? ''));
    assert.equal(opened.length, 0);
  });

  it("opens the step at the district's foreigners' office with the § 25b checklist", async () => {
    const res = await client().form('holder', '/de/chancen-aufenthalt/wechsel', {
      pathway: 'aufenthg-25b',
      districtAgs: '14626',
    });
    assert.equal(res.statusCode, 303, res.body);
    const location = String(res.headers.location);
    const m = /^\/de\/wege\/([0-9a-f-]{36})\/schritte\/residence-permit$/.exec(location);
    assert.ok(m, location);
    const id = m[1] as string;
    const steps = await t.database.db
      .select({ kind: journeyStep.kind, slug: organisation.slug })
      .from(journeyStep)
      .leftJoin(organisation, eq(organisation.id, journeyStep.ownerId))
      .where(eq(journeyStep.journeyId, id));
    const owner = Object.fromEntries(steps.map((s) => [s.kind, s.slug]));
    assert.equal(owner['residence-permit'], 'demo-abh-goerlitz');
    const stepPage = await client().get('holder', location);
    assert.equal(stepPage.statusCode, 200);
    assert.match(stepPage.body, /Lohnabrechnungen der letzten Monate/);
    assert.match(stepPage.body, /Sprachzertifikat/);
    const companion = await client().get('holder', '/de/chancen-aufenthalt');
    assert.match(companion.body, /Ihr Antrag bei der Ausländerbehörde/);
    assert.ok(companion.body.includes(`href="${location}"`));
    assert.doesNotMatch(companion.body, /name="districtAgs"/);
  });

  it('shows no move before the facts are stored', async () => {
    const page = await client().get('newcomer', '/de/chancen-aufenthalt');
    assert.doesNotMatch(page.body, /name="districtAgs"/);
    const res = await client().form('newcomer', '/de/chancen-aufenthalt/wechsel', {
      pathway: 'aufenthg-25b',
      districtAgs: '14626',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/de/chancen-aufenthalt');
  });
});
