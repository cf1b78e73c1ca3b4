import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { checkPage, type Harness, SKIP_REASON, startHarness } from '../../../../test/e2e/harness.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../../test/support/identity.ts';
import { addDays } from '../../../domain/calendar.ts';
import { seedCompanionDemo } from '../../../seed/companion-demo.ts';
import { seedCompanionStatisticsDemo } from '../../../seed/companion-statistics-demo.ts';
import { employerProfile } from '../../employers/index.ts';
import { todayIso } from '../../pathways/index.ts';
import { companionHolder } from '../schema.ts';

/** The kit, the confirmation pages and the statistics in a browser without JavaScript: axe-clean at 1280 and 390 px. */
describe('employer kit, confirmation and statistics in the browser', { skip: SKIP_REASON }, () => {
  let h: Harness;
  const contexts: BrowserContext[] = [];

  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await h?.close();
  });

  async function signedIn(personId: string, role: Parameters<typeof sessionFor>[3]): Promise<Page> {
    const s = await sessionFor(h.app, h.testApp.database.db, personId, role);
    const context = await h.axeContext(false);
    contexts.push(context);
    await context.addCookies(
      s.cookie.split('; ').map((c) => {
        const i = c.indexOf('=');
        return { name: c.slice(0, i), value: c.slice(i + 1), url: h.base };
      }),
    );
    return context.newPage();
  }

  it('every page clean, in both languages', async () => {
    const db = h.testApp.database.db;
    const visitor = await h.axeContext(false);
    contexts.push(visitor);
    const pub = await visitor.newPage();
    for (const url of ['/de/arbeitgeber/chancen-aufenthalt', '/en/employers/opportunity-residence']) {
      await pub.goto(`${h.base}${url}`);
      await checkPage(pub, `kit${url.replaceAll('/', '-')}`, false);
    }

    const firm = await makeOrganisation(db, {
      slug: 'axe-firm',
      name: 'Bäckerei Sonne',
      kind: 'employer',
      jurisdictions: [],
    });
    await db.insert(employerProfile).values({
      organisationId: firm,
      street: 'Markt 1',
      postcode: '04109',
      town: 'Leipzig',
      districtAgs: '14713',
      registerCourt: 'Amtsgericht Leipzig',
      registerNumber: 'HRB 4711',
      registerKey: 'leipzig|HRB 4711',
      sizeBand: '10-49',
      trust: 'confirmed',
      trustChangedAt: new Date(),
      createdAt: new Date(),
    });
    const holder = await makeAccount(db, 'applicant');
    await db.insert(companionHolder).values({
      personId: holder.personId,
      stateCode: 'SN',
      districtAgs: '14713',
      permitGrantedOn: '2025-09-01',
      permitExpiresOn: addDays(todayIso(new Date()), 90),
      birthDate: '1990-01-01',
      inGermanySince: '2016-01-01',
      german: 'A2',
      livelihoodMainlyFromWork: null,
      livesWithMinorChild: false,
      germanSchoolOrQualification: null,
      updatedAt: new Date(),
    });
    const page = await signedIn(holder.personId, 'applicant');
    await page.goto(`${h.base}/de/chancen-aufenthalt/arbeitgeber`);
    await checkPage(page, 'consents-empty', false);
    await page.getByRole('button', { name: 'Erlaubnis geben' }).click();
    await page.waitForSelector('#error-summary');
    await checkPage(page, 'consents-422', false);
    await page.getByLabel('Ihr Arbeitgeber').selectOption({ label: 'Bäckerei Sonne' });
    await page.getByRole('button', { name: 'Erlaubnis geben' }).click();
    await page.waitForSelector('text=noch nicht bestätigt');
    await checkPage(page, 'consents-granted', false);

    const boss = await makeAccount(db, 'employer-admin', 'axe-firm');
    const employer = await signedIn(boss.personId, 'employer-admin');
    await employer.goto(`${h.base}/de/arbeitgeber/beschaeftigungen`);
    await checkPage(employer, 'requests', false);
    await employer.getByRole('link', { name: /applicant/ }).click();
    await employer.waitForSelector('form');
    await checkPage(employer, 'confirm-empty', false);
    await employer.getByRole('button', { name: 'Arbeit bestätigen' }).click();
    await employer.waitForSelector('#error-summary');
    await checkPage(employer, 'confirm-422', false);
    await employer.getByLabel('Beginn der Arbeit').fill('01.02.2026');
    await employer.getByLabel('Stunden pro Woche').fill('38');
    await employer.getByLabel('Bruttolohn im Monat in Euro').fill('2450');
    await employer.getByLabel('unbefristet').check();
    await employer.getByRole('button', { name: 'Arbeit bestätigen' }).click();
    await employer.waitForSelector('text=bestätigt am');
    await page.goto(`${h.base}/en/opportunity-residence/employer`);
    await checkPage(page, 'consents-confirmed-en', false);
    await page.goto(`${h.base}/de/chancen-aufenthalt`);
    assert.match(await page.content(), /Bäckerei Sonne hat Ihre Arbeit/);
    await checkPage(page, 'companion-evidence', false);

    await db.transaction((tx) => seedCompanionDemo(tx, new Date()));
    await db.transaction((tx) => seedCompanionStatisticsDemo(tx, new Date()));
    await makeOrganisation(db, {
      slug: 'axe-ministry',
      name: 'Ministerium Sachsen',
      kind: 'state-ministry',
      jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
    });
    const officer = await makeAccount(db, 'ministry-officer', 'axe-ministry');
    const stats = await signedIn(officer.personId, 'ministry-officer');
    for (const url of ['/de/ministerium/chancen-aufenthalt', '/en/ministry/opportunity-residence']) {
      await stats.goto(`${h.base}${url}`);
      await checkPage(stats, `statistics${url.replaceAll('/', '-')}`, false);
    }
  });
});
