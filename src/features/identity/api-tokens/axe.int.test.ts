import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import {
  browserCookies,
  checkPage,
  type Harness,
  SKIP_REASON,
  startHarness,
} from '../../../../test/e2e/harness.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../../test/support/identity.ts';

/** The API token pages in a browser without JavaScript: axe-clean and no sideways scrolling at 390 px. */
describe('API token pages in the browser', { skip: SKIP_REASON }, () => {
  let h: Harness;
  const contexts: BrowserContext[] = [];

  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await h?.close();
  });

  it('lists, creates (shown once) and revokes a token, every page clean', async () => {
    const db = h.testApp.database.db;
    await makeOrganisation(db, {
      slug: 'axe-tk-operator',
      name: 'Betrieb',
      kind: 'operator',
      jurisdictions: [],
    });
    const office = await makeOrganisation(db, {
      slug: 'axe-tk-abh',
      name: 'Ausländerbehörde Görlitz',
      kind: 'foreigners-office',
      jurisdictions: [{ scope: 'district', ags: '14626' }],
    });
    const admin = await makeAccount(db, 'administrator', 'axe-tk-operator');
    const s = await sessionFor(h.app, db, admin.personId, 'administrator');
    const context = await h.axeContext(false);
    contexts.push(context);
    await context.addCookies(browserCookies(s.cookie, h.base));
    const page = await context.newPage();

    await page.goto(`${h.base}/de/verwaltung/organisationen`);
    await page.getByRole('link', { name: 'API-Schlüssel von Ausländerbehörde Görlitz' }).click();
    await page.waitForURL(/\/api-schluessel$/);
    await checkPage(page, 'api-tokens-none', false);
    await page.getByRole('link', { name: 'Neuen API-Schlüssel erstellen' }).click();
    await page.waitForURL(/\/api-schluessel\/neu$/);
    await checkPage(page, 'api-token-new', false);
    await page.getByLabel('Gültig bis').fill('');
    await page.getByRole('button', { name: 'Schlüssel erstellen' }).click();
    await page.waitForSelector('#error-summary');
    await checkPage(page, 'api-token-new-422', false);
    await page.getByLabel('Name des Schlüssels').fill('Fachverfahren Ausländerwesen');
    await page.getByLabel('Verfahren lesen, an denen Ihre Organisation arbeitet').check();
    await page
      .getByLabel('Gültig bis')
      .fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Schlüssel erstellen' }).click();
    await page.waitForSelector('text=/crt_[A-Za-z0-9_-]{43}/');
    assert.match(await page.content(), /crt_[A-Za-z0-9_-]{43}/);
    await checkPage(page, 'api-token-created', false);
    await page.getByRole('link', { name: 'Fertig: zur Liste der Schlüssel' }).click();
    await page.waitForURL(/\/api-schluessel$/);
    await checkPage(page, 'api-tokens-list', false);
    await page.goto(`${h.base}/en/admin/organisations/${office}/api-tokens`);
    await page.getByRole('link', { name: 'Revoke token “Fachverfahren Ausländerwesen”' }).click();
    await page.waitForURL(/\/revoke$/);
    await checkPage(page, 'api-token-revoke', false);
    await page.getByRole('button', { name: 'Revoke token now' }).click();
    await page.waitForSelector('text=/has been revoked/');
    await checkPage(page, 'api-tokens-revoked', false);
  });
});
