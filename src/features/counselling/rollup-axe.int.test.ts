import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import {
  browserCookies,
  checkPage,
  type Harness,
  SKIP_REASON,
  startHarness,
} from '../../../test/e2e/harness.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { counsellingCase } from './schema.ts';

/** The ministry's counselling roll-up in a browser, with JavaScript on and off: axe-clean, fits 390 px. */
for (const javaScript of [false, true]) {
  describe(`counselling roll-up with JavaScript ${javaScript ? 'on' : 'off'}`, { skip: SKIP_REASON }, () => {
    let h: Harness;
    let context: BrowserContext;
    let page: Page;

    before(async () => {
      h = await startHarness();
      const db = h.testApp.database.db;
      const centre = await makeOrganisation(db, {
        slug: 'rollup-axe-centre',
        name: 'Beratungsstelle Magdeburg',
        kind: 'counselling-centre',
        jurisdictions: [{ scope: 'state', stateCode: 'ST' }],
      });
      await makeOrganisation(db, {
        slug: 'rollup-axe-ministry',
        name: 'Ministerium Sachsen-Anhalt',
        kind: 'state-ministry',
        jurisdictions: [{ scope: 'state', stateCode: 'ST' }],
      });
      const at = new Date('2026-04-01T09:00:00Z');
      const row = (topic: string, outcome: string) => ({
        organisationId: centre,
        stateCode: 'ST',
        openedOn: '2026-04-01',
        topic,
        outcome,
        createdAt: at,
        updatedAt: at,
      });
      await db
        .insert(counsellingCase)
        .values([
          ...Array.from({ length: 14 }, () => row('recognition', 'resolved')),
          ...Array.from({ length: 2 }, () => row('family', 'open')),
          ...Array.from({ length: 8 }, () => row('visa-residence', 'referred')),
        ]);
      const officer = await makeAccount(db, 'ministry-officer', 'rollup-axe-ministry');
      const s = await sessionFor(h.app, db, officer.personId, 'ministry-officer');
      context = await h.axeContext(javaScript);
      await context.addCookies(browserCookies(s.cookie, h.base));
      page = await context.newPage();
    });
    after(async () => {
      await context?.close();
      await h?.close();
    });

    it('shows the roll-up of the officer’s state in German and English, a small count not shown', async () => {
      await page.goto(`${h.base}/de/beratung/laender?year=2026`);
      assert.match(await page.content(), /Eröffnete Fälle 2026 in Sachsen-Anhalt nach Thema und Ergebnis/);
      assert.match(await page.content(), /nicht gezeigt/);
      await checkPage(page, 'counselling-rollup-de', javaScript);
      await page.getByLabel('Land').selectOption('sn');
      await page.getByRole('button', { name: 'Anzeigen' }).click();
      await page.waitForURL(/state=sn/);
      assert.match(await page.content(), /in Sachsen nach Thema/);
      await page.goto(`${h.base}/en/counselling/states?year=20x6`);
      assert.match(await page.content(), /error-summary/);
      await checkPage(page, 'counselling-rollup-en-error', javaScript);
    });
  });
}
