import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SAMPLE_HTML, samplePdf } from '../support/documents.ts';
import { makeAccount, makeOrganisation, type TestAccount } from '../support/identity.ts';
import { axeViolations, type Harness, SKIP_REASON, startHarness } from './harness.ts';

for (const javaScript of [true, false]) {
  describe(`documents page with JavaScript ${javaScript ? 'on' : 'off'}`, { skip: SKIP_REASON }, () => {
    let h: Harness;
    let applicant: TestAccount;
    before(async () => {
      h = await startHarness({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'cr-doc-e2e-')) });
      const db = h.testApp.database.db;
      applicant = await makeAccount(db, 'applicant');
      await makeOrganisation(db, {
        slug: 'employer-doc-e2e',
        name: 'Betrieb E2E GmbH',
        kind: 'employer',
        jurisdictions: [],
      });
    });
    after(() => h?.close());

    it('uploads, refuses a wrong file with the error summary, shares and downloads, without axe violations', async () => {
      const context = await h.axeContext(javaScript);
      const page = await context.newPage();
      await page.goto(`${h.base}/de/anmelden?next=/de/dokumente`);
      await page.getByLabel('E-Mail-Adresse').fill(applicant.email);
      await page.getByLabel('Passwort').fill(applicant.password);
      await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
      await page.waitForURL(`${h.base}/de/dokumente`);
      assert.match(await page.content(), /Meine Dokumente/);
      assert.deepEqual(await axeViolations(page), []);

      await page.getByLabel('Art des Dokuments').selectOption('degree-certificate');
      await page
        .getByLabel('Datei')
        .setInputFiles({ name: 'Diplom.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
      await page.getByRole('button', { name: 'Hochladen' }).click();
      await page.waitForURL(`${h.base}/de/dokumente`);
      assert.match(await page.content(), /Diplom\.pdf/);
      assert.deepEqual(await axeViolations(page), []);

      await page
        .getByLabel('Datei')
        .setInputFiles({ name: 'Pass.pdf', mimeType: 'application/pdf', buffer: SAMPLE_HTML });
      await page.getByRole('button', { name: 'Hochladen' }).click();
      await page.waitForLoadState();
      assert.match(await page.content(), /kein PDF, JPEG oder PNG/);
      assert.deepEqual(await axeViolations(page), []);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Diplom.pdf' }).click(),
      ]);
      assert.equal(download.suggestedFilename(), 'Diplom.pdf');
      assert.deepEqual(readFileSync(await download.path()), samplePdf());

      await page.goto(`${h.base}/en/account/consents`);
      await page.getByLabel('Organisation').selectOption({ label: 'Betrieb E2E GmbH' });
      await page
        .getByRole('button', { name: /consent|Consent|grant|Grant/ })
        .first()
        .click();
      await page.goto(`${h.base}/en/documents`);
      await page.getByLabel('Organisation').selectOption({ label: 'Betrieb E2E GmbH' });
      await page.getByLabel('What to share').selectOption({ label: 'Diplom.pdf' });
      await page.getByRole('button', { name: 'Share', exact: true }).click();
      await page.waitForURL(`${h.base}/en/documents`);
      assert.match(await page.content(), /Diplom\.pdf – shared with Betrieb E2E GmbH/);
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    });
  });
}
