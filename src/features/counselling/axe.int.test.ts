import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import {
  axeViolations,
  browserCookies,
  type Harness,
  SKIP_REASON,
  startHarness,
} from '../../../test/e2e/harness.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';

/** The counselling pages in a browser without JavaScript: the forms work and every page is axe-clean. */
describe('counselling pages in the browser', { skip: SKIP_REASON }, () => {
  let h: Harness;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    h = await startHarness();
    const db = h.testApp.database.db;
    await makeOrganisation(db, {
      slug: 'beratung-axe',
      name: 'Beratungsstelle Axe',
      kind: 'counselling-centre',
      jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
    });
    const counsellor = await makeAccount(db, 'counsellor', 'beratung-axe');
    const s = await sessionFor(h.app, db, counsellor.personId, 'counsellor');
    context = await h.axeContext(false);
    await context.addCookies(browserCookies(s.cookie, h.base));
    page = await context.newPage();
  });
  after(async () => {
    await context?.close();
    await h?.close();
  });

  const clean = async (what: string) => assert.deepEqual(await axeViolations(page), [], what);

  it('creates and edits a case and shows the counts, axe-clean in German and English', async () => {
    await page.goto(`${h.base}/de/beratung/faelle`);
    await clean('empty list');
    await page.getByRole('button', { name: 'Fall speichern' }).click();
    assert.match(await page.content(), /error-summary/);
    await clean('422 page');
    await page.getByLabel('Bundesland').selectOption('SN');
    await page.getByLabel('Begonnen am').fill('2026-05-04');
    await page.getByLabel('Thema').selectOption('job-search');
    await page.getByLabel('Agentur für Arbeit').check();
    await page.getByRole('button', { name: 'Fall speichern' }).click();
    assert.equal(new URL(page.url()).pathname, '/de/beratung/faelle');
    await clean('list with a case');
    await page.getByRole('link', { name: /Fall ändern/ }).click();
    await clean('edit page');
    await page.getByLabel('Erledigt').check();
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    assert.match(await page.content(), /Erledigt/);
    await page.goto(`${h.base}/en/counselling/statistics?year=2026`);
    await clean('counts page');
    assert.match(await page.content(), /&lt; 5/);
    await page.goto(`${h.base}/en/counselling/cases`);
    await clean('English list');
  });
});
