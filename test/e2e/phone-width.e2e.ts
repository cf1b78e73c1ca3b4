import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeActors } from '../support/fuzz.ts';
import { type Harness, SKIP_REASON, startHarness } from './harness.ts';

/**
 * A 390 px phone never scrolls sideways (WCAG 1.4.10 reflow) on the pages an applicant uses
 * most, with the demo data: home, journey, documents, who saw my data, the missions.
 */
describe('pages at 390 px', { skip: SKIP_REASON }, () => {
  let h: Harness;
  let cookies: { name: string; value: string; domain: string; path: string }[];
  let journey: string;
  before(async () => {
    h = await startHarness();
    const actors = await makeActors(h.testApp);
    const applicant = await actors.browser('applicant');
    const mine = await h.app.inject({ url: '/de/mein-weg', headers: { cookie: applicant.cookie } });
    journey = /href="(\/de\/wege\/[0-9a-f-]{36})"/.exec(mine.body)?.[1] ?? '';
    const { hostname } = new URL(h.base);
    cookies = applicant.cookie.split('; ').map((c) => {
      const [name = '', ...value] = c.split('=');
      return { name, value: value.join('='), domain: hostname, path: '/' };
    });
  });
  after(() => h?.close());

  it('fit without sideways scrolling, in German and English', async () => {
    assert.ok(journey, 'the demo applicant has a journey');
    const context = await h.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE' });
    await context.addCookies(cookies);
    const page = await context.newPage();
    const wide: string[] = [];
    for (const path of [
      '/de',
      journey,
      journey.replace('/de/wege/', '/en/journeys/'),
      '/de/dokumente',
      '/de/konto/zugriffe',
      '/en/account/access-log',
      '/de/auslandsvertretung?country=India',
    ]) {
      await page.goto(h.base + path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) wide.push(`${path}: ${width} px`);
    }
    await context.close();
    assert.deepEqual(wide, []);
  });
});
