import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { makeAccount, makeOrganisation, sessionFor } from '../support/identity.ts';
import { apiClient, type Browser as Party, setUpWay } from '../support/journey.ts';
import { checkPage, type Harness, partyPages, SKIP_REASON, startHarness } from './harness.ts';

/**
 * Deadlines in your calendar, JavaScript on and off: the applicant finds the page from her journey, makes an
 * address (shown once), the caseworker makes one for the work queue; every page axe-clean and within 390 px.
 */
for (const javaScript of [true, false]) {
  describe(`deadlines in your calendar with JavaScript ${javaScript ? 'on' : 'off'}`, {
    skip: SKIP_REASON,
  }, () => {
    let h: Harness;
    let b: (name: string) => Party;
    let parties: ReturnType<typeof partyPages>;
    let journeyId = '';
    const check = (page: Page, what: string) => checkPage(page, what, javaScript);

    before(async () => {
      h = await startHarness();
      b = (await setUpWay(h.app, h.testApp.database.db, { makeOrganisation, makeAccount, sessionFor })).b;
      parties = partyPages(h, (name) => b(name).cookie, javaScript);
      const api = apiClient(h.app);
      journeyId = (JSON.parse((await api.open(b('applicant'))).body) as { journeyId: string }).journeyId;
      await api.command(b('applicant'), journeyId, { type: 'submit', step: 'recognition' });
    });
    after(async () => {
      await parties?.close();
      await h?.close();
    });

    it('the applicant makes a calendar address from her journey page', async () => {
      const page = await parties.as('applicant');
      await page.goto(`${h.base}/de/wege/${journeyId}`);
      await page.getByRole('link', { name: 'Fristen im eigenen Kalender sehen' }).click();
      await page.waitForURL(/\/de\/fristen-im-kalender$/);
      await check(page, 'calendar');
      await page.getByRole('button', { name: 'Adresse anlegen' }).click();
      await page.waitForLoadState();
      const address = await page.locator('.calendar-address code').textContent();
      assert.match(address ?? '', /\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      await check(page, 'calendar-made');
      const feed = await fetch(`${h.base}${new URL(address ?? '').pathname}`);
      assert.equal(feed.status, 200);
      assert.match(await feed.text(), /SUMMARY:Frist: Anerkennung/);
    });

    it('the recognition officer makes one for the work queue, in English', async () => {
      const page = await parties.as('recognition');
      await page.goto(`${h.base}/en/authority/work-queue`);
      await page.getByRole('link', { name: 'See the deadlines in your own calendar' }).click();
      await page.waitForURL(/\/en\/deadlines-in-your-calendar$/);
      await page.getByRole('button', { name: 'Make an address' }).click();
      await page.waitForLoadState();
      assert.ok(await page.getByText('Your new calendar address').isVisible());
      await check(page, 'calendar-queue');
    });
  });
}
