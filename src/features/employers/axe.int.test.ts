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

/** The employer pages in a browser without JavaScript: axe-clean and no sideways scrolling at 390 px. */
describe('employer pages in the browser', { skip: SKIP_REASON }, () => {
  let h: Harness;
  const contexts: BrowserContext[] = [];

  async function signedIn(personId: string, role: Parameters<typeof sessionFor>[3]): Promise<Page> {
    const s = await sessionFor(h.app, h.testApp.database.db, personId, role);
    return pageWithCookies(h, s.cookie, contexts);
  }

  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await h?.close();
  });

  it('registers an employer and lets the ministry confirm it, every page clean', async () => {
    const db = h.testApp.database.db;
    const person = await makeAccount(db, 'applicant');
    let page = await signedIn(person.personId, 'applicant');
    await page.goto(`${h.base}/de/arbeitgeber`);
    await checkPage(page, 'employers-none', false);
    await page.goto(`${h.base}/de/arbeitgeber/registrieren`);
    await checkPage(page, 'employer-register', false);
    await page.getByRole('button', { name: 'Arbeitgeber registrieren' }).click();
    assert.match(await page.content(), /error-summary/);
    await checkPage(page, 'employer-register-422', false);
    await page.getByLabel('Name des Arbeitgebers').fill('Bäckerei Axe GmbH');
    await page.getByLabel('Straße und Hausnummer').fill('Markt 1');
    await page.getByLabel('Postleitzahl').fill('02826');
    await page.getByLabel('Ort').fill('Görlitz');
    await page.getByLabel('Landkreis oder kreisfreie Stadt').selectOption('14626');
    await page.getByLabel('Mit einem Eintrag im Handelsregister oder einem anderen Register').check();
    await page.getByLabel('Registergericht').fill('Amtsgericht Dresden');
    await page.getByLabel('Registernummer').fill('HRB 555');
    await page.getByLabel('1 bis 9').check();
    await page.getByRole('button', { name: 'Arbeitgeber registrieren' }).click();
    const id = /\/arbeitgeber\/([0-9a-f-]{36})/.exec(decodeURIComponent(page.url()))?.[1] ?? '';
    assert.ok(id, page.url());
    page = await signedIn(person.personId, 'employer-admin');
    await page.goto(`${h.base}/en/employers/${id}`);
    await checkPage(page, 'employer-page', false);
    await makeOrganisation(db, {
      slug: 'axe-ministry',
      name: 'Ministerium Axe',
      kind: 'state-ministry',
      jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
    });
    const officer = await makeAccount(db, 'ministry-officer', 'axe-ministry');
    const ministry = await signedIn(officer.personId, 'ministry-officer');
    await ministry.goto(`${h.base}/de/ministerium/arbeitgeber`);
    await checkPage(ministry, 'employer-queue', false);
    await ministry.getByRole('link', { name: 'Bäckerei Axe GmbH' }).first().click();
    await checkPage(ministry, 'employer-check', false);
    await ministry.getByLabel('Bestätigen', { exact: true }).check();
    await ministry.getByRole('button', { name: 'Entscheidung speichern' }).click();
    assert.match(await ministry.content(), /bestätigt von Ministerium Axe/);
    await checkPage(ministry, 'employer-confirmed', false);
  });

  it('shows the employer guide to everyone, in German and English, from the employer page', async () => {
    const context = await h.axeContext(false);
    contexts.push(context);
    const page = await context.newPage();
    for (const path of ['/de/arbeitgeber/leitfaden', '/en/employers/guide']) {
      await page.goto(`${h.base}${path}`);
      await checkPage(page, `employer-guide${path.replaceAll('/', '-')}`, false);
    }
    await page.getByRole('link', { name: 'Pay the fee' }).click();
    await page.waitForURL(/#fee$/);
    assert.equal(new URL(page.url()).hash, '#fee');
  });
});
