import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { checkPage, type Harness, SKIP_REASON, startHarness } from '../../../test/e2e/harness.ts';
import { makeAccount, sessionFor } from '../../../test/support/identity.ts';
import { addDays } from '../../domain/calendar.ts';
import { todayIso } from '../pathways/index.ts';

/** The companion's pages in a browser without JavaScript: axe-clean and no sideways scrolling at 390 px. */
describe('companion pages in the browser', { skip: SKIP_REASON }, () => {
  let h: Harness;
  const contexts: BrowserContext[] = [];

  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await h?.close();
  });

  it('lists and filters the offers, refuses a bad form, shows the conditions, every page clean', async () => {
    const visitor = await h.axeContext(false);
    contexts.push(visitor);
    const pub = await visitor.newPage();
    await pub.goto(`${h.base}/de/unterstuetzung`);
    await checkPage(pub, 'companion-offers', false);
    await pub.getByLabel('Bundesland').selectOption('TH');
    await pub.getByLabel('Thema').selectOption('language');
    await pub.getByRole('button', { name: 'Anzeigen' }).click();
    await pub.waitForURL(/state=TH/);
    await checkPage(pub, 'companion-offers-filtered', false);

    const db = h.testApp.database.db;
    const { personId } = await makeAccount(db, 'applicant');
    const s = await sessionFor(h.app, db, personId, 'applicant');
    const context = await h.axeContext(false);
    contexts.push(context);
    await context.addCookies(
      s.cookie.split('; ').map((c) => {
        const i = c.indexOf('=');
        return { name: c.slice(0, i), value: c.slice(i + 1), url: h.base };
      }),
    );
    const page: Page = await context.newPage();
    await page.goto(`${h.base}/de/chancen-aufenthalt`);
    await checkPage(page, 'companion-empty', false);
    await page.getByRole('button', { name: 'Angaben speichern' }).click();
    await page.waitForSelector('#error-summary');
    await checkPage(page, 'companion-422', false);
    const expires = addDays(todayIso(new Date()), 30).split('-').reverse().join('.');
    await page.getByLabel('In welchem Bundesland leben Sie?').selectOption('BB');
    await page.getByLabel('Seit wann haben Sie das Chancen-Aufenthaltsrecht?').fill('01.09.2025');
    await page.getByLabel('Bis wann gilt es?').fill(expires);
    await page.getByLabel('Ihr Geburtsdatum').fill('15.08.1988');
    await page.getByRole('button', { name: 'Angaben speichern' }).click();
    await page.waitForSelector('.companion-pathway');
    assert.match(await page.content(), /gilt noch 30 Tage/);
    await checkPage(page, 'companion-conditions', false);
    await page.goto(`${h.base}/en/opportunity-residence`);
    await checkPage(page, 'companion-conditions-en', false);
  });
});
