import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import {
  checkPage,
  type Harness,
  pageWithCookies,
  SKIP_REASON,
  startHarness,
} from '../../../test/e2e/harness.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { storeAnswers } from '../../../test/support/pathways.ts';
import { employerProfile } from '../employers/index.ts';
import { ANSWERS_COOKIE } from '../pathways/index.ts';

/** The job pages in a browser without JavaScript: axe-clean and no sideways scrolling at 390 px. */
describe('job pages in the browser', { skip: SKIP_REASON }, () => {
  let h: Harness;
  const contexts: BrowserContext[] = [];

  async function signedIn(personId: string): Promise<Page> {
    const s = await sessionFor(h.app, h.testApp.database.db, personId, 'employer-admin');
    return pageWithCookies(h, s.cookie, contexts);
  }

  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await h?.close();
  });

  it('writes, publishes and finds an ad, every page clean', async () => {
    const db = h.testApp.database.db;
    const id = await makeOrganisation(db, {
      slug: 'axe-jobs',
      name: 'Axe Software GmbH',
      kind: 'employer',
      jurisdictions: [],
    });
    const now = new Date();
    await db.insert(employerProfile).values({
      organisationId: id,
      ...{ street: 'Markt 1', postcode: '04109', town: 'Leipzig', districtAgs: '14713' },
      ...{ registerCourt: 'Amtsgericht Leipzig', registerNumber: 'HRB 777', registerKey: 'leipzig|HRB 777' },
      ...{ publicKind: null, sizeBand: '10-49', trust: 'confirmed', trustChangedAt: now, createdAt: now },
    });
    const admin = await makeAccount(db, 'employer-admin', 'axe-jobs');
    const page = await signedIn(admin.personId);
    await page.goto(`${h.base}/de/arbeitgeber/${id}`);
    await page.getByRole('link', { name: 'Stellenanzeigen des Arbeitgebers' }).click();
    await checkPage(page, 'job-ads-none', false);
    await page.getByRole('link', { name: 'Neue Stellenanzeige' }).click();
    await checkPage(page, 'job-ad-form', false);
    await page.getByLabel('Beruf', { exact: true }).fill('Pflege');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForSelector('#error-summary');
    await checkPage(page, 'job-ad-form-422', false);
    await page.getByLabel('Titel auf Deutsch').fill('Softwareentwickler/in');
    await page.getByLabel('Beruf', { exact: true }).fill('Softwareentwickler');
    await page.getByLabel('Arbeitsort (Landkreis oder kreisfreie Stadt)').selectOption('14713');
    await page.getByLabel('Bruttojahresgehalt in Euro').fill('60000');
    await page.getByLabel('Stunden pro Woche').fill('40');
    await page.getByLabel('Nötige Deutschkenntnisse').selectOption('none');
    await page.getByLabel('Nötige Englischkenntnisse').selectOption('B2');
    await page.getByLabel('Beginn').fill('2027-02-01');
    const expires = new Date(now.getTime() + 60 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Sichtbar bis').fill(expires);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await checkPage(page, 'job-ads-list', false);
    await page.getByRole('button', { name: /Veröffentlichen/ }).click();
    await page.goto(`${h.base}/en/jobs?q=software`);
    await checkPage(page, 'job-search', false);
    await page
      .getByRole('link', { name: 'Software developer' })
      .or(page.getByRole('link', { name: 'Softwareentwickler/in' }))
      .first()
      .click();
    assert.match(await page.content(), /Could this job work for me/);
    await checkPage(page, 'job-ad-page', false);
    const adUrl = page.url();
    await page.getByRole('link', { name: /Could this job work for me/ }).click();
    await page.waitForURL(/\/for-me$/);
    await checkPage(page, 'job-fit-no-answers', false);
    const answers = await storeAnswers(
      db,
      {
        ...{ birthDate: '1994-05-01', location: 'abroad', status: 'none', qualificationKind: 'academic' },
        ...{ trainingYears: '4', qualificationIsco: '2512', stateRecognizedAbroad: 'yes' },
        ...{ recognitionInGermany: 'equivalent', german: 'A1', english: 'C1' },
      },
      ['person'],
    );
    const own = await pageWithCookies(h, `${ANSWERS_COOKIE}=${answers}`, contexts);
    await own.goto(`${adUrl}/for-me`);
    assert.match(await own.content(), /at least one pathway is open to you/);
    await checkPage(own, 'job-fit-own-answers', false);
    await page.goto(`${h.base}/de/stellen`);
    await checkPage(page, 'job-search-de', false);
  });
});
