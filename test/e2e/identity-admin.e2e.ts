import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium } from 'playwright-core';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { makeAccount, makeOrganisation, sessionFor, type TestAccount } from '../support/identity.ts';
import { axeViolations, CHROMIUM, type Harness, SKIP_REASON, startHarness } from './harness.ts';

/** A signed-in administrator's cookies in a browser context (authorisation, not sign-in, is tested here). */
async function signedInAs(h: Harness, personId: string) {
  const s = await sessionFor(h.app, h.testApp.database.db, personId, 'administrator');
  return s.cookie.split('; ').map((pair) => {
    const i = pair.indexOf('=');
    return { name: pair.slice(0, i), value: decodeURIComponent(pair.slice(i + 1)), url: h.base };
  });
}

for (const javaScript of [true, false]) {
  describe(`administration pages with JavaScript ${javaScript ? 'on' : 'off'}`, { skip: SKIP_REASON }, () => {
    let h: Harness;
    let adminId: string;
    let applicant: TestAccount;
    before(async () => {
      h = await startHarness();
      const db = h.testApp.database.db;
      await makeOrganisation(db, {
        slug: 'op-e2e',
        name: 'Betrieb E2E',
        kind: 'operator',
        jurisdictions: [],
      });
      adminId = (await makeAccount(db, 'administrator', 'op-e2e')).personId;
      applicant = await makeAccount(db, 'applicant');
    });
    after(() => h?.close());

    it('creates an organisation, edits its jurisdiction and ends a person’s sessions, axe-clean', async () => {
      const context = await h.axeContext(javaScript);
      await context.addCookies(await signedInAs(h, adminId));
      const page = await context.newPage();
      await page.goto(`${h.base}/de/verwaltung/organisationen`);
      assert.deepEqual(await axeViolations(page), []);
      await page.getByRole('link', { name: 'Neue Organisation anlegen' }).click();
      await page.waitForURL(`${h.base}/de/verwaltung/organisationen/neu`);
      assert.deepEqual(await axeViolations(page), []);
      await page.getByRole('button', { name: 'Organisation anlegen' }).click();
      await page.getByRole('heading', { name: 'Bitte prüfen Sie Ihre Angaben' }).waitFor();
      assert.deepEqual(await axeViolations(page), []);
      if (javaScript) assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary');
      await page.getByLabel('Art der Organisation').selectOption('foreigners-office');
      await page
        .getByLabel('Name der Organisation')
        .fill(`Ausländerbehörde Bautzen ${javaScript ? 'JS' : 'HTML'}`);
      await page.getByLabel('Sitz in Ostdeutschland').selectOption('14625');
      await page.getByText('Landkreise und kreisfreie Städte in Sachsen').first().click();
      await page.getByLabel('Bautzen (14625)').check();
      await page.getByRole('button', { name: 'Organisation anlegen' }).click();
      await page.waitForURL(`${h.base}/de/verwaltung/organisationen?done=created`);
      assert.match(await page.content(), /Die Organisation wurde angelegt/);
      assert.deepEqual(await axeViolations(page), []);
      const name = `Ausländerbehörde Bautzen ${javaScript ? 'JS' : 'HTML'}`;
      await page.getByRole('link', { name: `${name} bearbeiten: Name, Sitz, Zuständigkeit` }).click();
      await page.getByRole('heading', { name: `${name} bearbeiten` }).waitFor();
      assert.equal(await page.getByLabel('Name der Organisation').inputValue(), name);
      assert.ok(await page.getByLabel('Bautzen (14625)').isChecked());
      assert.deepEqual(await axeViolations(page), []);
      await page.getByLabel('Sachsen', { exact: true }).check();
      await page.getByRole('button', { name: 'Änderungen speichern' }).click();
      await page.waitForURL(`${h.base}/de/verwaltung/organisationen?done=jurisdiction`);
      assert.match(await page.content(), /Sachsen, Bautzen \(14625\)/);
      await page.getByLabel('E-Mail-Adresse der Person').fill(applicant.email);
      await page.getByRole('button', { name: 'Alle Sitzungen dieser Person beenden' }).click();
      await page.waitForURL(`${h.base}/de/verwaltung/organisationen?done=sessions`);
      assert.match(await page.content(), /Die Sitzungen wurden beendet/);
      // A recognition authority chooses the registry bodies it is (folded per state, opened with the keyboard).
      await page.goto(`${h.base}/de/verwaltung/organisationen/neu`);
      await page.getByLabel('Art der Organisation').selectOption('recognition-authority');
      await page.getByLabel('Name der Organisation').fill(`Anerkennungsstelle ${javaScript ? 'JS' : 'HTML'}`);
      await page.getByText('Sachsen (0 ausgewählt)').focus();
      await page.keyboard.press('Enter');
      const body = javaScript ? /^Zahnärztin\/Zahnarzt: / : /^Apothekerin\/Apotheker: /;
      await page.getByRole('group', { name: 'Sachsen', exact: true }).getByLabel(body).check();
      assert.deepEqual(await axeViolations(page), []);
      await page.getByRole('button', { name: 'Organisation anlegen' }).click();
      await page.waitForURL(`${h.base}/de/verwaltung/organisationen?done=created`);
      await page
        .getByRole('link', {
          name: `Anerkennungsstelle ${javaScript ? 'JS' : 'HTML'} bearbeiten: Name, Sitz, Zuständigkeit`,
        })
        .click();
      await page.getByText('Sachsen (1 ausgewählt)').waitFor();
      assert.ok(await page.getByRole('group', { name: 'Sachsen', exact: true }).getByLabel(body).isChecked());
      assert.deepEqual(await axeViolations(page), []);
      await page.goto(`${h.base}/en/admin/organisations/new`);
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    });
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

describe('passkeys in the browser (Chromium virtual authenticator)', { skip: SKIP_REASON }, () => {
  let testApp: TestApp;
  let browser: Browser;
  let applicant: TestAccount;
  let base: string;
  before(async () => {
    // WebAuthn needs a domain as relying party: the app answers as http://localhost:<port>.
    const port = await freePort();
    base = `http://localhost:${port}`;
    testApp = await buildTestApp({ PUBLIC_URL: base, RATE_LIMIT_PER_MINUTE: '1000' });
    await testApp.app.listen({ host: '127.0.0.1', port });
    browser = await chromium.launch({
      executablePath: CHROMIUM as string,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    applicant = await makeAccount(testApp.database.db, 'applicant');
  });
  after(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('adds a passkey on the passkeys page and signs in with it', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    await page.goto(`${base}/de/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill(applicant.email);
    await page.getByLabel('Passwort').fill(applicant.password);
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.waitForURL(`${base}/de/konto`);
    await page.getByRole('link', { name: 'Passkeys' }).click();
    await page.waitForURL(`${base}/de/konto/passkeys`);
    assert.equal(await page.getByText('Zum Hinzufügen eines Passkeys braucht').isVisible(), false);
    await page.getByRole('button', { name: 'Passkey hinzufügen' }).click();
    await page.waitForURL(`${base}/de/konto/passkeys?done=added`);
    assert.match(await page.content(), /Passkey 1 entfernen/);
    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole('link', { name: 'Weiter zu meinem Konto' }).click();
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL(`${base}/de/anmelden`);
    await page.getByRole('button', { name: 'Mit Passkey anmelden' }).click();
    await page.waitForURL(`${base}/de/konto`);
    assert.match(await page.content(), new RegExp(applicant.email.replace(/[.+]/g, '\\$&')));
    await context.close();
  });

  it('keeps the passkey buttons hidden without JavaScript', async () => {
    const context = await browser.newContext({ locale: 'de-DE', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/de/anmelden`);
    assert.equal(await page.getByRole('button', { name: 'Mit Passkey anmelden' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Anmelden', exact: true }).count(), 1);
    await context.close();
  });
});
