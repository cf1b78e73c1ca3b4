import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { apiClient, type Browser, setUpWay } from '../../../test/support/journey.ts';
import { verifyAudit } from '../../platform/audit/audit.ts';
import type { accessLog } from '../identity/consent/service.ts';
import { consent } from '../people/schema.ts';

/**
 * List screens (the work queue, the employer's and the counsellor's lists) show people's names: each person
 * shown finds the read in "who saw my data" (`GET /api/v1/me/access-log`), and nobody who was not shown does.
 */

type LogEntry = Awaited<ReturnType<typeof accessLog>>[number];

describe('list screens audit one entry per person shown', () => {
  let t: TestApp;
  let b: (name: string) => Browser;
  let orgs: Record<string, string>;
  let api: ReturnType<typeof apiClient>;
  /** Four applicants, each with one journey; the first three submitted their recognition step. */
  const applicants: { browser: Browser; journeyId: string }[] = [];

  before(async () => {
    t = await buildTestApp();
    const way = await setUpWay(t.app, t.database.db, { makeOrganisation, makeAccount, sessionFor });
    b = way.b;
    orgs = way.orgs;
    api = apiClient(t.app);
    for (let i = 0; i < 4; i++) {
      const account = await makeAccount(t.database.db, 'applicant');
      const s = await sessionFor(t.app, t.database.db, account.personId, 'applicant');
      const browser: Browser = { personId: account.personId, ...s, organisationId: null };
      const opened = await api.open(browser);
      assert.equal(opened.statusCode, 201, opened.body);
      const { journeyId } = opened.json() as { journeyId: string };
      if (i < 3) {
        const res = await api.command(browser, journeyId, { type: 'submit', step: 'recognition' });
        assert.equal(res.statusCode, 200, res.body);
      }
      applicants.push({ browser, journeyId });
    }
  });
  after(() => t.close());

  /** The entries of one role in the applicant's own access log. */
  async function seenBy(who: Browser, role: string): Promise<LogEntry[]> {
    const res = await api.send(who, 'GET', '/api/v1/me/access-log');
    assert.equal(res.statusCode, 200, res.body);
    return (res.json() as { entries: LogEntry[] }).entries.filter((e) => e.actorRole === role);
  }

  it('work queue (API): each applicant on the page sees the caseworker’s read; one on the next page does not', async () => {
    const res = await api.send(b('recognition'), 'GET', '/api/v1/work-queue?limit=2&offset=0');
    assert.equal(res.statusCode, 200, res.body);
    const shown = new Set((res.json() as { items: { journeyId: string }[] }).items.map((i) => i.journeyId));
    assert.equal(shown.size, 2);
    for (const a of applicants) {
      const entries = await seenBy(a.browser, 'recognition-officer');
      if (shown.has(a.journeyId)) {
        assert.equal(entries.length, 1, `${a.journeyId}: one entry`);
        assert.equal(entries[0]?.organisation, 'Anerkennungsstelle Sachsen');
        assert.equal(entries[0]?.action, 'read');
        assert.equal(entries[0]?.object, 'journey');
        assert.equal(entries[0]?.result, 'success');
        assert.match(entries[0]?.purpose ?? '', /work queue/);
      } else assert.equal(entries.length, 0, `${a.journeyId}: not shown, no entry`);
    }
  });

  it('work queue (page): the three listed applicants get one entry each, the fourth none', async () => {
    const before = await Promise.all(
      applicants.map(async (a) => (await seenBy(a.browser, 'recognition-officer')).length),
    );
    const page = await api.send(b('recognition'), 'GET', '/de/behoerde/arbeitsliste');
    assert.equal(page.statusCode, 200);
    for (const [i, a] of applicants.entries()) {
      const now = (await seenBy(a.browser, 'recognition-officer')).length;
      assert.equal(now - (before[i] ?? 0), i < 3 ? 1 : 0, `applicant ${i}`);
    }
  });

  it('employer list: the applicants who invited the employer, and nobody else', async () => {
    for (const a of applicants.slice(0, 2)) {
      const res = await api.command(a.browser, a.journeyId, {
        type: 'invite-employer',
        employerId: orgs['jt-employer'],
      });
      assert.equal(res.statusCode, 200, res.body);
    }
    const page = await api.send(b('employer'), 'GET', '/de/arbeitgeber/wege');
    assert.equal(page.statusCode, 200);
    for (const [i, a] of applicants.entries()) {
      const entries = await seenBy(a.browser, 'employer-admin');
      assert.equal(entries.length, i < 2 ? 1 : 0, `applicant ${i}`);
    }
    const listed = await api.send(b('employer'), 'GET', '/api/v1/journeys?as=employer');
    assert.equal(listed.statusCode, 200);
    for (const [i, a] of applicants.entries())
      assert.equal((await seenBy(a.browser, 'employer-admin')).length, i < 2 ? 2 : 0, `applicant ${i}`);
  });

  it('counsellor list: the consenting applicant only', async () => {
    const third = applicants[2] as { browser: Browser };
    await t.database.db.insert(consent).values({
      personId: third.browser.personId,
      organisationId: orgs['jt-centre'] as string,
      grantedAt: new Date(),
    });
    const page = await api.send(b('counsellor'), 'GET', '/de/beratung/wege');
    assert.equal(page.statusCode, 200);
    for (const [i, a] of applicants.entries())
      assert.equal((await seenBy(a.browser, 'counsellor')).length, i === 2 ? 1 : 0, `applicant ${i}`);
  });

  it('an empty list names nobody, and the chains stay intact', async () => {
    const page = await api.send(b('recognition-th'), 'GET', '/de/behoerde/arbeitsliste');
    assert.equal(page.statusCode, 200);
    for (const a of applicants)
      assert.ok(
        (await seenBy(a.browser, 'recognition-officer')).every(
          (e) => e.organisation !== 'Anerkennungsstelle Thüringen',
        ),
      );
    assert.equal((await verifyAudit(t.database.db)).ok, true);
  });
});
