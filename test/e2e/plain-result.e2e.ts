import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type Harness, SKIP_REASON, startHarness } from './harness.ts';
import { seedAnswers } from './plain-result-fixture.ts';

// Issue 14, points 4, 6, 7: the result page of a nurse from India with a job offer shows no research
// notes, keeps the closed ways behind one closed disclosure, and fits a 390 px screen.

const OFFER =
  '/de/stellenangebot-pruefen?jobIsco=2512&annualSalaryEur=52000&qualified=yes&matchesQualification=yes&contractMonths=24&weeklyHours=40&regulatedPermit=not-required&candidate=academic&location=abroad';

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
const openEveryDisclosure = (page: Page) =>
  page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });

describe('the pathway result in plain words on a phone', { skip: SKIP_REASON }, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h?.close());

  for (const path of ['/de/weg-finden/ergebnis', '/en/find-your-way/result']) {
    it(`${path}: no research notes, closed ways behind one closed disclosure, no sideways scrolling at 390 px`, async () => {
      const context = await h.browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 390, height: 844 },
      });
      await seedAnswers(h, context);
      const page = await context.newPage();
      await page.goto(h.base + path);
      const main = (await page.textContent('main')) ?? '';
      assert.doesNotMatch(main, /UNVERIFIED|DERIVED|\[(LAW|GOV|3P)\]|Drittanbieter|third part/i);
      const closed = page.locator('section[aria-labelledby="group-not-eligible"] details');
      assert.equal(await closed.count(), 1, 'one disclosure for the closed ways');
      assert.equal(await closed.getAttribute('open'), null, 'closed by default');
      assert.ok((await closed.locator('li').count()) > 0, 'one line per closed way');
      assert.ok((await scrollWidth(page)) <= 390, `closed: ${await scrollWidth(page)} px wide`);
      await openEveryDisclosure(page);
      assert.ok((await scrollWidth(page)) <= 390, `all open: ${await scrollWidth(page)} px wide`);
      await context.close();
    });
  }

  it('the job-offer check with its result fits 390 px', async () => {
    const context = await h.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(h.base + OFFER);
    await openEveryDisclosure(page);
    assert.ok((await scrollWidth(page)) <= 390, `${await scrollWidth(page)} px wide`);
    await context.close();
  });
});
