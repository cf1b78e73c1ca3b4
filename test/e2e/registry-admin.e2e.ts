import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { currentTotp } from '../../src/features/identity/credentials.ts';
import { makeAccount, makeOrganisation, type TestAccount } from '../support/identity.ts';
import { axeViolations, type Harness, SKIP_REASON, startHarness } from './harness.ts';

/**
 * The registry's write side in a real browser, as the three roles that use it: each signs in with
 * the form (password, then the TOTP code), fills the forms, and every page is scanned with axe.
 * With JavaScript off the page's own scripts are blocked, so the forms work by plain POST + 303.
 */
for (const javaScript of [true, false]) {
  describe(`registry write-side pages with JavaScript ${javaScript ? 'on' : 'off'}`, {
    skip: SKIP_REASON,
  }, () => {
    let h: Harness;
    let admin: TestAccount;
    let officer: TestAccount;
    let ministry: TestAccount;
    before(async () => {
      h = await startHarness();
      const db = h.testApp.database.db;
      await makeOrganisation(db, {
        slug: 'operator-e2e',
        name: 'Betrieb Chancenregion',
        kind: 'operator',
        jurisdictions: [{ scope: 'nationwide' }],
      });
      await makeOrganisation(db, {
        slug: 'lasub-e2e',
        name: 'Landesamt für Schule und Bildung',
        kind: 'recognition-authority',
        seat: { stateCode: 'SN' },
        jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
      });
      await makeOrganisation(db, {
        slug: 'ministry-e2e',
        name: 'Kultusministerium E2E',
        kind: 'state-ministry',
        seat: { stateCode: 'TH' },
        jurisdictions: [{ scope: 'state', stateCode: 'TH' }],
      });
      admin = await makeAccount(db, 'administrator', 'operator-e2e', { withTotp: true });
      officer = await makeAccount(db, 'recognition-officer', 'lasub-e2e', { withTotp: true });
      ministry = await makeAccount(db, 'ministry-officer', 'ministry-e2e', { withTotp: true });
    });
    after(() => h?.close());

    async function signIn(account: TestAccount): Promise<{ context: BrowserContext; page: Page }> {
      const context = await h.axeContext(javaScript);
      const page = await context.newPage();
      await page.goto(`${h.base}/en/sign-in`);
      await page.getByLabel('Email address').fill(account.email);
      await page.getByLabel('Password').fill(account.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL(`${h.base}/en/sign-in/second-factor`);
      await page.getByLabel('Code').fill(currentTotp(account.totpSecret ?? '', new Date()));
      await page.getByRole('button', { name: 'Confirm' }).click();
      await page.waitForURL(`${h.base}/en/account`);
      return { context, page };
    }

    it('an administrator corrects an entry with a reason and sees its history', async () => {
      const { context, page } = await signIn(admin);
      await page.goto(`${h.base}/de/verwaltung/register`);
      assert.deepEqual(await axeViolations(page), [], 'list');
      await page.goto(`${h.base}/en/admin/registry/recognition-authority/SN%3Aarchitect`);
      assert.deepEqual(await axeViolations(page), [], 'edit form');
      await page.fill('#field-reason', '');
      await page.click('#field-verified');
      await page.getByRole('button', { name: 'Save correction' }).click();
      await page.locator('#error-summary').waitFor();
      assert.deepEqual(await axeViolations(page), [], 'form with errors');
      await page.fill('#field-source', 'Architektenkammer Sachsen, phone call 2026-11-20');
      await page.click('#field-verified');
      await page.fill('#field-reason', 'Confirmed by phone');
      await page.getByRole('button', { name: 'Save correction' }).click();
      await page.waitForURL(/\?saved=1$/);
      const html = await page.content();
      assert.match(html, /The correction is saved/);
      assert.match(html, /Confirmed by phone/);
      assert.match(html, /phone call 2026-11-20/);
      assert.deepEqual(await axeViolations(page), [], 'saved with history');
      await context.close();
    });

    it('a recognition officer issues a record, sees its code and QR code, and withdraws it', async () => {
      const { context, page } = await signIn(officer);
      await page.goto(`${h.base}/de/verwaltung/nachweise/neu`);
      assert.deepEqual(await axeViolations(page), [], 'empty form');
      await page.fill('#field-name', 'Olena Kovalenko');
      await page.fill('#field-birthDate', '1985-06-15');
      await page.selectOption('#field-occupation', '81302');
      await page.click('#field-equivalence-1');
      await page.fill('#field-legalBasis', '§ 2 Abs. 3 PflBG');
      await page.fill('#field-decisionDate', '2026-10-01');
      await page.getByRole('button', { name: 'Nachweis ausstellen' }).click();
      await page.locator('#error-summary').waitFor();
      assert.match(await page.content(), /nennen Sie die nötigen Ausgleichsmaßnahmen/);
      assert.deepEqual(await axeViolations(page), [], 'form with errors');
      await page.fill('#field-adjustmentMeasures', 'Anpassungslehrgang, 6 Monate');
      await page.getByRole('button', { name: 'Nachweis ausstellen' }).click();
      await page.waitForURL(/\/de\/verwaltung\/nachweise\/[0-9A-Z-]{19}\?issued=1$/);
      const code = /nachweise\/([0-9A-Z-]{19})/.exec(page.url())?.[1] ?? '';
      assert.match(await page.content(), /Der Nachweis ist ausgestellt und signiert/);
      assert.deepEqual(await axeViolations(page), [], 'issued record');
      await page.getByRole('link', { name: 'Öffentliche Prüfseite dieses Nachweises' }).click();
      await page.waitForURL(`${h.base}/de/nachweis/${code}`);
      assert.match(await page.content(), /Gültig/);

      await page.goto(`${h.base}/en/admin/records`);
      assert.deepEqual(await axeViolations(page), [], 'records list');
      await page.fill(`#field-reason-${code}`, 'entered in error');
      await page.getByRole('button', { name: `Withdraw record ${code}` }).click();
      await page.waitForURL(`${h.base}/en/admin/records?withdrawn=${code}`);
      assert.match(await page.content(), new RegExp(`Record ${code} is withdrawn`));
      assert.deepEqual(await axeViolations(page), [], 'after withdrawal');
      await page.goto(`${h.base}/en/verify/${code}`);
      assert.match(await page.content(), /Withdrawn on/);
      await context.close();
    });

    it('a ministry officer sets a register entry from the matrix', async () => {
      const { context, page } = await signIn(ministry);
      await page.goto(`${h.base}/en/admin/mutual-recognition`);
      assert.deepEqual(await axeViolations(page), [], 'matrix');
      await page.goto(`${h.base}/en/admin/mutual-recognition?profession=teacher&from=SN&to=TH`);
      await page.click('#field-outcome');
      await page.fill('#field-source', 'TMBJS decree of 2026-11-01');
      await page.getByRole('button', { name: 'Save entry' }).click();
      await page.locator('#error-summary').waitFor();
      assert.deepEqual(await axeViolations(page), [], 'form with errors');
      await page.fill('#field-reason', 'Agreement in force');
      await page.getByRole('button', { name: 'Save entry' }).click();
      await page.waitForURL(`${h.base}/en/admin/mutual-recognition?saved=1`);
      assert.match(await page.content(), /The entry is saved/);
      assert.deepEqual(await axeViolations(page), [], 'saved');
      await context.close();
    });
  });
}
