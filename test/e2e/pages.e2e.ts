import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { axeViolations, type Harness, SKIP_REASON, startHarness } from './harness.ts';

const PAGES = [
  '/de',
  '/en',
  '/de/regionen',
  '/en/regions?state=SN',
  '/de/regionen?state=XX',
  '/de/impressum',
  '/en/imprint',
  '/de/datenschutz',
  '/en/privacy',
  '/de/barrierefreiheit',
  '/en/accessibility',
  '/de/gibt-es-nicht',
  '/en/no-such-page',
];

for (const javaScript of [true, false]) {
  describe(`pages with JavaScript ${javaScript ? 'on' : 'off'}`, { skip: SKIP_REASON }, () => {
    let h: Harness;
    before(async () => {
      h = await startHarness();
    });
    after(() => h?.close());

    for (const path of PAGES) {
      it(`${path} has no axe violations`, async () => {
        const context = await h.axeContext(javaScript);
        const page = await context.newPage();
        await page.goto(h.base + path);
        assert.deepEqual(await axeViolations(page), []);
        await context.close();
      });
    }

    it('lets a keyboard user skip to the content', async () => {
      const context = await h.context(javaScript);
      const page = await context.newPage();
      await page.goto(`${h.base}/de/regionen`);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Zum Inhalt springen');
      await page.keyboard.press('Enter');
      assert.match(page.url(), /#main$/);
      await context.close();
    });

    it('switches the language and stays on the same page', async () => {
      const context = await h.context(javaScript);
      const page = await context.newPage();
      await page.goto(`${h.base}/de/regionen?state=TH`);
      await page.getByRole('link', { name: 'English' }).click();
      assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, '/en/regions?state=TH');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      await context.close();
    });

    it('filters the regions with the form', async () => {
      const context = await h.context(javaScript);
      const page = await context.newPage();
      await page.goto(`${h.base}/en/regions`);
      await page.getByLabel('State').selectOption('MV');
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL(/state=MV/);
      assert.equal(await page.locator('h2.kern-heading-medium').count(), 1);
      assert.match((await page.locator('h2.kern-heading-medium').textContent()) ?? '', /Mecklenburg/);
      await context.close();
    });

    it('sends accessibility feedback with the keyboard, shows errors first and thanks after', async () => {
      const context = await h.context(javaScript);
      const page = await context.newPage();
      await page.goto(`${h.base}/en/accessibility`);
      await page.getByRole('button', { name: 'Send feedback' }).click();
      await page.waitForSelector('#error-summary');
      if (javaScript) assert.deepEqual(await axeViolations(page), []);
      await page.getByRole('link', { name: 'Describe what you noticed.' }).click();
      await page.keyboard.type('The district table is hard to read on a phone.');
      await page.getByLabel('What did you notice?').press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForURL(/saved=/);
      assert.match((await page.textContent('main')) ?? '', /Thank you\. Your feedback has been saved\./);
      await context.close();
    });
  });
}
