import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkPage, type Harness, SKIP_REASON, startHarness } from './harness.ts';

/** The API reference in the browser, with and without JavaScript: axe-clean and no sideways scrolling at 390 px. */
describe('the API reference page', { skip: SKIP_REASON }, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h?.close());

  for (const javaScript of [false, true])
    it(`is reached from the footer and is clean (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const context = await h.axeContext(javaScript);
      const page = await context.newPage();
      await page.goto(`${h.base}/de`);
      await page.getByRole('link', { name: 'Schnittstelle für andere Systeme' }).click();
      await page.waitForURL(/\/de\/schnittstelle$/);
      await checkPage(page, 'api-reference-de', javaScript);
      await page.goto(`${h.base}/en/api-reference`);
      assert.match(await page.content(), /GET \/api\/v1\/districts/);
      await checkPage(page, 'api-reference-en', javaScript);
      await context.close();
    });
});
