import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  axeViolations,
  browserCookies,
  checkPage,
  type Harness,
  SKIP_REASON,
  startHarness,
} from '../../../test/e2e/harness.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { addDays } from '../../domain/calendar.ts';
import { todayIso } from '../pathways/index.ts';
import { consent } from '../people/index.ts';

/** axe at 1280 px and again at 390 px, and no sideways scrolling at 390 px. */
async function clean(page: Page, what: string) {
  await checkPage(page, what, false);
  await page.setViewportSize({ width: 390, height: 844 });
  assert.deepEqual(await axeViolations(page), [], `${what} at 390 px`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** The companion's later pages without JavaScript: keeping the offers, the history, the move, the notice. */
describe('companion: keeping offers, the move and the notice in the browser', { skip: SKIP_REASON }, () => {
  let h: Harness;
  const pages: Record<string, Page> = {};

  before(async () => {
    h = await startHarness();
    const db = h.testApp.database.db;
    await makeOrganisation(db, {
      slug: 'axe-operator',
      name: 'Betrieb',
      kind: 'operator',
      jurisdictions: [{ scope: 'nationwide' }],
    });
    const centre = await makeOrganisation(db, {
      slug: 'axe-centre',
      name: 'Beratung Erfurt',
      kind: 'counselling-centre',
      jurisdictions: [],
    });
    for (const [name, role, org] of [
      ['admin', 'administrator', 'axe-operator'],
      ['holder', 'applicant', undefined],
      ['counsellor', 'counsellor', 'axe-centre'],
    ] as const) {
      const a = await makeAccount(db, role, org);
      const s = await sessionFor(h.app, db, a.personId, role);
      if (name === 'holder')
        await db
          .insert(consent)
          .values({ personId: a.personId, organisationId: centre, grantedAt: new Date() });
      const context = await h.axeContext(false);
      await context.addCookies(browserCookies(s.cookie, h.base));
      pages[name] = await context.newPage();
    }
  });
  after(() => h?.close());

  const p = (name: string) => {
    const page = pages[name];
    if (!page) throw new Error(name);
    return page;
  };

  it('lists, adds (with a refusal), changes and shows the history of an offer', async () => {
    const page = p('admin');
    await page.goto(`${h.base}/de/unterstuetzung/pflege`);
    await clean(page, 'offers-keep-list');
    await page.goto(`${h.base}/de/unterstuetzung/pflege/neu`);
    await clean(page, 'offers-keep-new');
    await page.getByRole('button', { name: 'Angebot speichern' }).click();
    await page.waitForSelector('#error-summary');
    await clean(page, 'offers-keep-422');
    await page.goto(`${h.base}/de/unterstuetzung/pflege/sn-arbeitsmarktmentoren`);
    await clean(page, 'offers-keep-edit');
    await page.getByLabel('Kosten auf Deutsch').fill('kostenlos');
    await page.getByLabel('Warum ändern Sie das Angebot?').fill('Kosten laut Projektseite');
    await page.getByRole('button', { name: 'Angebot speichern' }).click();
    await page.waitForURL(/verlauf$/);
    assert.match(await page.content(), /Fassung 2 vom/);
    await clean(page, 'offers-keep-history');
    await page.goto(`${h.base}/en/support-offers/manage/sn-arbeitsmarktmentoren/history`);
    await clean(page, 'offers-keep-history-en');
  });

  it('shows the notice, the move with a refusal, and the case list link', async () => {
    const page = p('holder');
    const expires = addDays(todayIso(new Date()), 120).split('-').reverse().join('.');
    await page.goto(`${h.base}/de/chancen-aufenthalt`);
    await page.getByLabel('In welchem Bundesland leben Sie?').selectOption('SN');
    await page.getByLabel('Seit wann haben Sie das Chancen-Aufenthaltsrecht?').fill('01.09.2025');
    await page.getByLabel('Bis wann gilt es?').fill(expires);
    await page.getByLabel('Ihr Geburtsdatum').fill('15.08.1985');
    await page.getByLabel('Seit wann leben Sie ohne Unterbrechung in Deutschland?').fill('01.01.2016');
    await page.getByRole('button', { name: 'Angaben speichern' }).click();
    await page.waitForSelector('.companion-transition');
    await page.getByLabel('Wie gut sprechen Sie Deutsch?').selectOption('A2');
    await page.getByRole('button', { name: 'Angaben speichern' }).click();
    await page.waitForSelector('.kern-alert--success');
    await clean(page, 'companion-notice-move');
    await page.getByRole('button', { name: 'Antrag beginnen' }).click();
    await page.waitForSelector('#error-summary');
    await clean(page, 'companion-move-422');
    await page.goto(`${h.base}/en/opportunity-residence`);
    await clean(page, 'companion-notice-move-en');
  });
});
