import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { createStatistics } from '../../src/features/statistics/index.ts';
import { actorOf, clockedJourneys } from '../support/clocked-journeys.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../support/identity.ts';
import { OPEN_BODY, setUpWay } from '../support/journey.ts';
import { checkPage, type Harness, SKIP_REASON, startHarness } from './harness.ts';

/**
 * The public statistics pages in the browser without JavaScript, at desktop and phone width: all six states and
 * one state, in German and English, with 12 decided recognitions in Saxony (published) and the other states empty.
 * Every page is axe-clean and fits 390 px without sideways scrolling.
 */
const DAY = 86_400_000;

describe('statistics pages without JavaScript', { skip: SKIP_REASON }, () => {
  let h: Harness;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    h = await startHarness();
    const db = h.testApp.database.db;
    const { b, orgs } = await setUpWay(h.app, db, { makeOrganisation, makeAccount, sessionFor });
    let clock = new Date();
    const service = clockedJourneys(db, () => clock);
    const applicant = actorOf(b('applicant').personId, 'applicant');
    const officer = actorOf(b('recognition').personId, 'recognition-officer', orgs['jt-recognition'] ?? null);
    const start = Date.now() - 120 * DAY;
    for (let i = 0; i < 14; i++) {
      clock = new Date(start + i * 3 * DAY);
      const id = (await service.open(applicant, OPEN_BODY)).body.journeyId;
      await service.command(applicant, id, { type: 'submit', step: 'recognition' });
      if (i >= 12) continue;
      clock = new Date(clock.getTime() + 7 * (2 + (i % 5)) * DAY);
      await service.command(officer, id, { type: 'decide', step: 'recognition', outcome: 'positive' });
    }
    await createStatistics(db, () => new Date())
      .job()
      .handler({});
    context = await h.axeContext(false);
    page = await context.newPage();
  });
  after(async () => {
    await context?.close();
    await h?.close();
  });

  const check = (what: string) => checkPage(page, what, false);

  it('shows all six states and one state, axe-clean and at 390 px, in German and English', async () => {
    await page.goto(`${h.base}/de/statistik`);
    await check('statistics-overview');
    assert.ok((await page.getByRole('img').count()) >= 5, 'one chart per step');
    assert.match(await page.content(), /Die Hälfte der Fälle dauerte höchstens/);
    await page.getByRole('link', { name: 'Sachsen', exact: true }).click();
    await page.waitForURL(/\/de\/statistik\/sn$/);
    await check('statistics-state');
    await page.goto(`${h.base}/en/statistics/th`);
    assert.match(await page.content(), /Thuringia/);
    await check('statistics-state-en');
  });

  it('downloads the report of a chosen period from the plain form', async () => {
    await page.goto(`${h.base}/de/statistik`);
    await page.getByLabel('Land', { exact: true }).selectOption('SN');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Bericht herunterladen (PDF)' }).click(),
    ]);
    assert.match(
      download.suggestedFilename(),
      /^statistik-bericht-sn-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.pdf$/,
    );
    const head = await new Promise<Buffer>((resolve, reject) =>
      download.createReadStream().then((stream) => {
        const parts: Buffer[] = [];
        stream.on('data', (c: Buffer) => parts.push(c));
        stream.on('end', () => resolve(Buffer.concat(parts)));
        stream.on('error', reject);
      }, reject),
    );
    assert.equal(head.subarray(0, 5).toString('latin1'), '%PDF-');
  });

  it('shows a bad period at its field, axe-clean', async () => {
    await page.goto(`${h.base}/en/statistics`);
    await page.getByLabel('From', { exact: true }).fill('last week');
    await page.getByRole('button', { name: 'Download the report (PDF)' }).click();
    await page.waitForURL(/report\.pdf/);
    assert.match(await page.content(), /From: enter a day, for example 02\.03\.2026/);
    await check('statistics-report-error');
  });
});
