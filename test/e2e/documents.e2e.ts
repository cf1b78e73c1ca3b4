import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SAMPLE_HTML, samplePdf } from '../support/documents.ts';
import { makeAccount, makeOrganisation, sessionFor, type TestAccount } from '../support/identity.ts';
import { apiClient, OPEN_BODY } from '../support/journey.ts';
import { axeViolations, type Harness, SKIP_REASON, startHarness } from './harness.ts';

for (const javaScript of [true, false]) {
  describe(`documents page with JavaScript ${javaScript ? 'on' : 'off'}`, { skip: SKIP_REASON }, () => {
    let h: Harness;
    let applicant: TestAccount;
    let office = '';
    before(async () => {
      h = await startHarness({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'cr-doc-e2e-')) });
      const db = h.testApp.database.db;
      applicant = await makeAccount(db, 'applicant');
      office = await makeOrganisation(db, {
        slug: 'office-doc-e2e',
        name: 'Ausländerbehörde Stadt Leipzig',
        kind: 'foreigners-office',
        jurisdictions: [{ scope: 'district', ags: '14713' }],
      });
      // The applicant's journey names the office as the owner of the residence permit.
      const session = await sessionFor(h.app, db, applicant.personId, 'applicant');
      const opened = await apiClient(h.app).open(
        { personId: applicant.personId, ...session, organisationId: null },
        {
          facts: OPEN_BODY.facts,
          occupation: null,
          place: { stateCode: 'SN', districtAgs: '14713', countryCode: 'IN' },
        },
      );
      assert.equal(opened.statusCode, 201, opened.body);
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

      // Sharing with the owner of a journey step: offered by name, consent asked for in the same flow.
      await page.getByLabel('„Diplom.pdf“ freigeben für').selectOption(office);
      await page.getByRole('button', { name: '„Diplom.pdf“ freigeben' }).click();
      await page.waitForURL(/\/de\/dokumente\/teilen\?/);
      assert.match(await page.content(), /Ausländerbehörde Stadt Leipzig darf „Diplom\.pdf“ für/);
      assert.deepEqual(await axeViolations(page), []);
      await page.getByRole('button', { name: 'Erlauben und freigeben' }).click();
      await page.waitForURL(/\/de\/dokumente\?shared=/);
      assert.match(
        await page.content(),
        /„Diplom\.pdf“ ist jetzt freigegeben für Ausländerbehörde Stadt Leipzig\./,
      );
      assert.deepEqual(await axeViolations(page), []);
      await page.goto(`${h.base}/en/documents`);
      assert.match(await page.content(), /Diplom\.pdf – shared with Ausländerbehörde Stadt Leipzig/);
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    });
  });
}
