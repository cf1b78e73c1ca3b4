import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { currentTotp } from '../../src/features/identity/credentials.ts';
import { makeAccount, makeOrganisation, type TestAccount } from '../support/identity.ts';
import { axeViolations, type Harness, SKIP_REASON, startHarness } from './harness.ts';

for (const javaScript of [true, false]) {
  describe(`sign-in and account pages with JavaScript ${javaScript ? 'on' : 'off'}`, {
    skip: SKIP_REASON,
  }, () => {
    let h: Harness;
    let applicant: TestAccount;
    let officer: TestAccount;
    before(async () => {
      h = await startHarness();
      const db = h.testApp.database.db;
      applicant = await makeAccount(db, 'applicant');
      await makeOrganisation(db, {
        slug: 'ministry-e2e',
        name: 'Ministerium E2E',
        kind: 'state-ministry',
        jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
      });
      officer = await makeAccount(db, 'ministry-officer', 'ministry-e2e', { withTotp: true });
    });
    after(() => h?.close());

    it('signs an applicant in with the form and shows "Wer hat meine Daten gesehen?" without axe violations', async () => {
      const context = await h.axeContext(javaScript);
      const page = await context.newPage();
      await page.goto(`${h.base}/de/anmelden`);
      assert.deepEqual(await axeViolations(page), []);
      await page.getByLabel('E-Mail-Adresse').fill(applicant.email);
      await page.getByLabel('Passwort').fill(applicant.password);
      await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
      await page.waitForURL(`${h.base}/de/konto`);
      assert.deepEqual(await axeViolations(page), []);
      await page.getByRole('link', { name: 'Wer hat meine Daten gesehen?' }).click();
      await page.waitForURL(`${h.base}/de/konto/zugriffe`);
      assert.match(await page.content(), /Sie selbst/);
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    });

    it('renders every account page and the public identity pages without axe violations', async () => {
      const context = await h.axeContext(javaScript);
      const page = await context.newPage();
      for (const path of [
        '/de/registrieren',
        '/en/register',
        '/de/passwort-vergessen',
        '/en/new-password?token=x',
        '/de/konto/neue-email-bestaetigen?token=x',
      ]) {
        await page.goto(h.base + path);
        assert.deepEqual(await axeViolations(page), [], path);
      }
      await page.goto(`${h.base}/en/sign-in`);
      await page.getByLabel('Email address').fill(applicant.email);
      await page.getByLabel('Password').fill(applicant.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL(`${h.base}/en/account`);
      for (const path of [
        '/en/account/sessions',
        '/de/konto/daten',
        '/en/account/consents',
        '/de/konto/loeschung',
        '/en/account/password',
        '/de/konto/zugriffe',
        '/de/konto/email',
        '/en/account/passkeys',
      ]) {
        await page.goto(h.base + path);
        assert.deepEqual(await axeViolations(page), [], path);
      }
      await context.close();
    });

    it('shows a wrong password as an error on the same form, without axe violations', async () => {
      const context = await h.axeContext(javaScript);
      const page = await context.newPage();
      await page.goto(`${h.base}/en/sign-in`);
      await page.getByLabel('Email address').fill(applicant.email);
      await page.getByLabel('Password').fill('not the password at all');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByText('The email address or the password is wrong.').waitFor();
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    });

    it('asks an authority officer for the second factor and then signs them in', async () => {
      const context = await h.axeContext(javaScript);
      const page = await context.newPage();
      await page.goto(`${h.base}/en/sign-in`);
      await page.getByLabel('Email address').fill(officer.email);
      await page.getByLabel('Password').fill(officer.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL(`${h.base}/en/sign-in/second-factor`);
      assert.deepEqual(await axeViolations(page), []);
      // one code per time step: the second run (JavaScript off) takes the next step's code
      const at = new Date(Date.now() + (javaScript ? 0 : 30_000));
      await page.getByLabel('Code').fill(currentTotp(officer.totpSecret ?? '', at));
      await page.getByRole('button', { name: 'Confirm' }).click();
      await page.waitForURL(`${h.base}/en/account`);
      assert.match(await page.content(), /Ministerium E2E/);
      await context.close();
    });
  });
}
