import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { auditedWith, csvRows } from '../../../test/support/csv.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { apiClient, type Browser, setUpWay } from '../../../test/support/journey.ts';
import { person } from '../people/index.ts';
import { consent } from '../people/schema.ts';

/**
 * The work queue and the counselling centre's list as CSV: the page's rows (all of them, not one page), in the
 * page's words and language, under the page's policy, audited per person like the page; a name that a spreadsheet
 * would run as a formula arrives as text.
 */
describe('journey lists as CSV', () => {
  let t: TestApp;
  let b: (name: string) => Browser;
  let orgs: Record<string, string>;
  let api: ReturnType<typeof apiClient>;
  const applicants: { browser: Browser; journeyId: string }[] = [];

  before(async () => {
    t = await buildTestApp();
    const way = await setUpWay(t.app, t.database.db, { makeOrganisation, makeAccount, sessionFor });
    b = way.b;
    orgs = way.orgs;
    api = apiClient(t.app);
    for (const [i, name] of ['=HYPERLINK("http://x")', 'Ana Beispiel', 'Ben Muster'].entries()) {
      const account = await makeAccount(t.database.db, 'applicant');
      await t.database.db.update(person).set({ displayName: name }).where(eq(person.id, account.personId));
      const s = await sessionFor(t.app, t.database.db, account.personId, 'applicant');
      const browser: Browser = { personId: account.personId, ...s, organisationId: null };
      const opened = await api.open(browser);
      assert.equal(opened.statusCode, 201, opened.body);
      const { journeyId } = opened.json() as { journeyId: string };
      if (i < 2) {
        const res = await api.command(browser, journeyId, { type: 'submit', step: 'recognition' });
        assert.equal(res.statusCode, 200, res.body);
      }
      applicants.push({ browser, journeyId });
    }
  });
  after(() => t.close());

  it('work queue: the page links to the download with its query', async () => {
    const page = await api.send(b('recognition'), 'GET', '/de/behoerde/arbeitsliste?offset=0');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /href="\/de\/behoerde\/arbeitsliste\.csv\?offset=0"/);
    assert.match(page.body, /als Tabelle herunterladen/);
  });

  it('work queue (German): the submitted steps in words, a formula name as text, one audit entry per person', async () => {
    const rows = csvRows(await api.send(b('recognition'), 'GET', '/de/behoerde/arbeitsliste.csv?offset=50'));
    assert.deepEqual(rows[0], [
      'Frist',
      'Hinweis zur Frist',
      'Schritt',
      'Antragstellende Person',
      'Weg',
      'Stand',
    ]);
    assert.equal(rows.length, 3, 'both submitted steps, whatever the page offset');
    const names = rows.slice(1).map((r) => r[3]);
    assert.deepEqual(new Set(names), new Set([`'=HYPERLINK("http://x")`, 'Ana Beispiel']));
    for (const r of rows.slice(1)) {
      assert.doesNotMatch(r.join(' '), /recognition|submitted|in-review/, 'words, not codes');
    }
    const audited = await auditedWith(t.database.db, b('recognition').personId, 'work queue (list export)');
    assert.deepEqual(
      new Set(audited.map((a) => a.subjectPersonId)),
      new Set(applicants.slice(0, 2).map((a) => a.browser.personId)),
    );
  });

  it('work queue (English): headings in English', async () => {
    const rows = csvRows(await api.send(b('recognition'), 'GET', '/en/authority/work-queue.csv'));
    assert.equal(rows[0]?.[2], 'Step');
    assert.equal(rows.length, 3);
  });

  it('work queue: another authority gets only its own (empty) queue; an applicant is refused', async () => {
    const other = csvRows(await api.send(b('recognition-th'), 'GET', '/de/behoerde/arbeitsliste.csv'));
    assert.equal(other.length, 1, 'heading only');
    const refused = await api.send(applicants[0]?.browser as Browser, 'GET', '/de/behoerde/arbeitsliste.csv');
    assert.equal(refused.statusCode, 403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/de/behoerde/arbeitsliste.csv' });
    assert.ok([302, 303, 401].includes(anonymous.statusCode), String(anonymous.statusCode));
  });

  it('counselling centre: the consenting applicant only, audited as an export; nobody else listed for others', async () => {
    const third = applicants[2] as { browser: Browser };
    await t.database.db.insert(consent).values({
      personId: third.browser.personId,
      organisationId: orgs['jt-centre'] as string,
      grantedAt: new Date(),
    });
    const page = await api.send(b('counsellor'), 'GET', '/de/beratung/wege');
    assert.match(page.body, /href="\/de\/beratung\/wege\.csv"/);
    const rows = csvRows(await api.send(b('counsellor'), 'GET', '/de/beratung/wege.csv'));
    assert.equal(rows.length, 2);
    assert.equal(rows[1]?.[0], 'Ben Muster');
    const audited = await auditedWith(
      t.database.db,
      b('counsellor').personId,
      'list the counselling centre’s journeys (list export)',
    );
    assert.deepEqual(
      audited.map((a) => a.subjectPersonId),
      [third.browser.personId],
    );
    // The page's policy lets every journey role in; its query shows a caseworker no consenting applicant.
    const none = csvRows(await api.send(b('recognition'), 'GET', '/de/beratung/wege.csv'));
    assert.equal(none.length, 1, 'heading only');
  });

  it('employer: the applicants who invited the employer, audited as an export; nobody for others', async () => {
    for (const a of applicants.slice(1, 3)) {
      const res = await api.command(a.browser, a.journeyId, {
        type: 'invite-employer',
        employerId: orgs['jt-employer'],
      });
      assert.equal(res.statusCode, 200, res.body);
    }
    const page = await api.send(b('employer'), 'GET', '/de/arbeitgeber/wege');
    assert.match(page.body, /href="\/de\/arbeitgeber\/wege\.csv"/);
    const rows = csvRows(await api.send(b('employer'), 'GET', '/en/employer/journeys.csv'));
    assert.equal(rows[0]?.[0], 'Applicant');
    assert.deepEqual(new Set(rows.slice(1).map((r) => r[0])), new Set(['Ana Beispiel', 'Ben Muster']));
    const audited = await auditedWith(
      t.database.db,
      b('employer').personId,
      'list the employer’s journeys (list export)',
    );
    assert.deepEqual(
      new Set(audited.map((a) => a.subjectPersonId)),
      new Set(applicants.slice(1, 3).map((a) => a.browser.personId)),
    );
    const first = applicants[0]?.browser as Browser;
    const refusedPage = await api.send(first, 'GET', '/de/arbeitgeber/wege');
    const refused = await api.send(first, 'GET', '/de/arbeitgeber/wege.csv');
    // The page's policy lets every journey role in; its query lists an applicant no one else's journey.
    assert.equal(refusedPage.statusCode, 200);
    assert.equal(csvRows(refused).length, 1, 'heading only');
  });
});
