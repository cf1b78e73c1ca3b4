import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { addDays } from '../../src/domain/calendar.ts';
import { appointmentService } from '../../src/features/appointments/index.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../support/identity.ts';
import { axeViolations, type Harness, pageWithCookies, SKIP_REASON, startHarness } from './harness.ts';

/** axe at 1280 and at 390 px, and no sideways scrolling at 390 px. */
async function checkBothWidths(page: Page, what: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    assert.deepEqual(await axeViolations(page), [], `${what} at ${width} px`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${what}: ${overflow} px sideways at ${width} px`);
  }
  const shots = process.env.E2E_SCREENSHOTS;
  if (shots) await page.screenshot({ path: `${shots}/${what}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function upload(page: Page, text: string, button: string) {
  await page.setInputFiles('input[type=file]', {
    name: 'datei.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(text, 'utf8'),
  });
  await page.getByRole('button', { name: button }).click();
  await page.waitForSelector('h1');
}

/** The CSV import pages without JavaScript, German and English: upload, report with problems, report without. */
describe('CSV import pages in the browser', { skip: SKIP_REASON }, () => {
  let h: Harness;
  const contexts: BrowserContext[] = [];
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await h?.close();
  });

  it('the capacity calendar import: upload page, report with problems, report ready to apply, applied', async () => {
    const db = h.testApp.database.db;
    const orgId = await makeOrganisation(db, {
      slug: 'e2e-csv-mission',
      name: 'Botschaft E2E',
      kind: 'mission',
      jurisdictions: [],
    });
    await db.insert(appointmentService).values({
      organisationId: orgId,
      serviceType: 'visa-application',
      slotMinutes: 30,
      targetWeeks: 4,
      weekdaySlots: [1, 1, 1, 1, 1],
      firstStart: '09:00',
      timeZone: 'Europe/Berlin',
      updatedAt: new Date(),
    });
    const officer = await makeAccount(db, 'mission-officer', 'e2e-csv-mission');
    const s = await sessionFor(h.app, db, officer.personId, 'mission-officer');
    const page = await pageWithCookies(h, s.cookie, contexts);
    const day = addDays(new Date().toISOString().slice(0, 10), 14).split('-').reverse().join('.');
    for (const [locale, path, check, apply] of [
      ['de', '/de/termine/planung/import', 'Datei prüfen', 'Übernehmen'],
      ['en', '/en/appointments/planning/import', 'Check file', 'Apply'],
    ] as const) {
      await page.goto(`${h.base}${path}`);
      await checkBothWidths(page, `calendar-import-${locale}`);
      await upload(page, 'Leistung;Tag;Termine;Grund\n;Montag;3;\n;Samstag;2;\n;01.01.2020;x;\n', check);
      assert.match(await page.content(), /field-row-3/);
      await checkBothWidths(page, `calendar-import-problems-${locale}`);
      await upload(page, `Leistung;Tag;Termine;Grund\n;Montag;3;\n;${day};0;Betriebsausflug\n`, check);
      await checkBothWidths(page, `calendar-import-ready-${locale}`);
      await page.getByRole('button', { name: apply }).click();
      await page.waitForURL(/done=imported/);
    }
  });

  it('the missions import: upload page, report with problems, report ready to apply', async () => {
    const db = h.testApp.database.db;
    await makeOrganisation(db, {
      slug: 'e2e-csv-operator',
      name: 'Betrieb',
      kind: 'operator',
      jurisdictions: [],
    });
    const admin = await makeAccount(db, 'administrator', 'e2e-csv-operator');
    const s = await sessionFor(h.app, db, admin.personId, 'administrator');
    const page = await pageWithCookies(h, s.cookie, contexts);
    for (const [locale, path, check] of [
      ['de', '/de/verwaltung/auslandsvertretungen-import', 'Datei prüfen'],
      ['en', '/en/admin/missions-import', 'Check file'],
    ] as const) {
      await page.goto(`${h.base}${path}`);
      await checkBothWidths(page, `missions-import-${locale}`);
      await upload(page, 'Kennung;Land;Ort\nx;y;z\n', check);
      await checkBothWidths(page, `missions-import-header-${locale}`);
      const template = await page.request.get(
        `${h.base}/${locale}${locale === 'de' ? '/verwaltung/auslandsvertretungen-vorlage.csv' : '/admin/missions-template.csv'}`,
      );
      await upload(page, (await template.text()).replace(/^\uFEFF/, ''), check);
      assert.match(await page.content(), /name="reason"/);
      await checkBothWidths(page, `missions-import-ready-${locale}`);
    }
  });
});
