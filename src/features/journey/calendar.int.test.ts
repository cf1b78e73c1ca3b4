import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { apiClient, type Browser, pageClient, setUpWay } from '../../../test/support/journey.ts';
import { auditEntry } from '../../platform/audit/schema.ts';

/**
 * Private calendar addresses: the applicant's own deadlines and the recognition authority's work queue as
 * iCalendar feeds fetched without a session; shown once, replaced, switched off; every fetch audited per journey.
 */
describe('deadlines in your calendar', () => {
  let t: TestApp;
  let b: (name: string) => Browser;
  let pages: ReturnType<typeof pageClient>;
  let journeyId = '';
  const urlIn = (body: string) =>
    /<code>(https?:\/\/[^<]+\/calendar\/[A-Za-z0-9_-]{43}\.ics)<\/code>/.exec(body)?.[1];
  const fetchFeed = (url: string) => t.app.inject({ method: 'GET', url: new URL(url).pathname });

  before(async () => {
    t = await buildTestApp();
    ({ b } = await setUpWay(t.app, t.database.db, { makeOrganisation, makeAccount, sessionFor }));
    pages = pageClient(t.app, b);
    const api = apiClient(t.app);
    journeyId = (await api.open(b('applicant'))).json().journeyId;
    const sent = await api.command(b('applicant'), journeyId, { type: 'submit', step: 'recognition' });
    assert.equal(sent.statusCode, 200, sent.body);
  });
  after(() => t.close());

  it('the applicant makes an address, shown once, and her calendar gets her deadline without signing in', async () => {
    const page = await pages.get('applicant', '/de/fristen-im-kalender');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Meine Fristen/);
    assert.doesNotMatch(page.body, /Fristen meiner Arbeitsliste/, 'no queue for an applicant');
    const made = await pages.form('applicant', '/de/fristen-im-kalender', { kind: 'own', action: 'create' });
    assert.equal(made.statusCode, 200);
    const url = urlIn(made.body);
    assert.ok(url, 'the new address is shown');
    const again = await pages.get('applicant', '/de/fristen-im-kalender');
    assert.equal(urlIn(again.body), undefined, 'shown only once');
    assert.match(again.body, /Ihre Adresse gilt seit/);
    const feed = await fetchFeed(url);
    assert.equal(feed.statusCode, 200);
    assert.match(String(feed.headers['content-type']), /text\/calendar/);
    assert.match(feed.body, /BEGIN:VCALENDAR\r\n/);
    assert.match(feed.body, /SUMMARY:Frist: Anerkennung/);
    assert.match(feed.body, /DTSTART;VALUE=DATE:\d{8}\r\n/);
    assert.match(feed.body.replace(/\r\n /g, ''), new RegExp(`/de/wege/${journeyId}/schritte/recognition`));
    const audited = await t.database.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.purpose, 'calendar feed'), eq(auditEntry.objectId, journeyId)));
    assert.equal(audited.length, 1, 'the fetch is a read of the journey, audited');
    assert.equal(audited[0]?.actorPersonId, b('applicant').personId);
  });

  it('a new address replaces the old one; switched off, it answers 404', async () => {
    const first = urlIn(
      (await pages.form('applicant', '/en/deadlines-in-your-calendar', { kind: 'own', action: 'create' }))
        .body,
    );
    const second = urlIn(
      (await pages.form('applicant', '/en/deadlines-in-your-calendar', { kind: 'own', action: 'create' }))
        .body,
    );
    assert.ok(first && second && first !== second);
    assert.equal((await fetchFeed(first)).statusCode, 404, 'the old address stops working');
    const english = await fetchFeed(second);
    assert.match(english.body, /SUMMARY:Deadline: Recognition/, 'in the language it was made in');
    const off = await pages.form('applicant', '/en/deadlines-in-your-calendar', {
      kind: 'own',
      action: 'revoke',
    });
    assert.match(off.body, /The address is switched off/);
    assert.equal((await fetchFeed(second)).statusCode, 404);
    for (const file of ['nothing.ics', `${'a'.repeat(43)}.ics`, `${'a'.repeat(43)}.txt`])
      assert.equal((await t.app.inject({ method: 'GET', url: `/calendar/${file}` })).statusCode, 404, file);
  });

  it('the recognition officer subscribes to the work queue: no names, the step and a short case number', async () => {
    const made = await pages.form('recognition', '/de/fristen-im-kalender', {
      kind: 'queue',
      action: 'create',
    });
    const url = urlIn(made.body);
    assert.ok(url);
    const feed = await fetchFeed(url);
    assert.equal(feed.statusCode, 200);
    assert.match(
      feed.body,
      new RegExp(`SUMMARY:Frist: Anerkennung Ihrer Qualifikation · Fall ${journeyId.slice(0, 8)}`),
    );
    assert.doesNotMatch(feed.body, /applicant|Antragstell/i, 'no applicant named');
  });

  it('refuses a kind the person may not have, naming the field, and needs a session for the page', async () => {
    const bad = await pages.form('applicant', '/de/fristen-im-kalender', { kind: 'queue', action: 'create' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /body\.kind/);
    const odd = await pages.form('applicant', '/de/fristen-im-kalender', { kind: 'own', action: 'delete' });
    assert.equal(odd.statusCode, 400);
    assert.match(odd.body, /body\.action/);
    const anonymous = await t.app.inject({ method: 'GET', url: '/de/fristen-im-kalender' });
    assert.ok([302, 303, 401].includes(anonymous.statusCode), String(anonymous.statusCode));
  });
});
