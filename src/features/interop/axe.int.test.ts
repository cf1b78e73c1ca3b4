import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import {
  checkPage,
  type Harness,
  pageWithCookies,
  SKIP_REASON,
  startHarness,
} from '../../../test/e2e/harness.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { apiClient, type Browser, setUpWay } from '../../../test/support/journey.ts';

/** The XAusländer pages in a browser without JavaScript: the refusal page and the step page's link, axe-clean at 390 px. */
describe('XAusländer pages in the browser', { skip: SKIP_REASON }, () => {
  let h: Harness;
  let b: (name: string) => Browser;
  const contexts: BrowserContext[] = [];
  let id = '';

  before(async () => {
    h = await startHarness();
    const way = await setUpWay(h.app, h.testApp.database.db, { makeOrganisation, makeAccount, sessionFor });
    b = way.b;
    const api = apiClient(h.app);
    id = ((await api.open(b('applicant'))).json() as { journeyId: string }).journeyId;
    for (const [who, body] of [
      ['applicant', { type: 'invite-employer', employerId: way.orgs['jt-employer'] }],
      ['employer', { type: 'start-accelerated-procedure', powerOfAttorney: true }],
    ] as const) {
      const res = await api.command(b(who), id, body);
      assert.equal(res.statusCode, 200, res.body);
    }
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await h?.close();
  });

  it('shows the owning office the link on the § 81a step, and what is missing instead of the file', async () => {
    const page = await pageWithCookies(h, b('zab').cookie, contexts);
    await page.goto(`${h.base}/de/wege/${id}/schritte/accelerated-procedure`);
    await checkPage(page, 'xauslaender-step', false);
    await page.getByRole('link', { name: /XAusländer-Nachricht/ }).click();
    await page.waitForURL(/\/xauslaender\.xml$/);
    await page.waitForSelector('main h1');
    assert.match(
      (await page.textContent('h1')) ?? '',
      /XAusländer-Nachricht kann noch nicht erstellt werden/,
    );
    assert.match((await page.textContent('main')) ?? '', /Vollmacht/);
    await checkPage(page, 'xauslaender-refused', false);
  });
});
