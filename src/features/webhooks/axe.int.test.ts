import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import {
  browserCookies,
  checkPage,
  type Harness,
  SKIP_REASON,
  startHarness,
} from '../../../test/e2e/harness.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { webhookDelivery } from './schema.ts';

/** The webhook pages in a browser without JavaScript: axe-clean and no sideways scrolling at 390 px. */
describe('webhook pages in the browser', { skip: SKIP_REASON }, () => {
  let h: Harness;
  const contexts: BrowserContext[] = [];

  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await h?.close();
  });

  it('lists, sets up (secret shown once), shows the delivery log and deletes, every page clean', async () => {
    const db = h.testApp.database.db;
    await makeOrganisation(db, {
      slug: 'axe-wh-operator',
      name: 'Betrieb',
      kind: 'operator',
      jurisdictions: [],
    });
    const office = await makeOrganisation(db, {
      slug: 'axe-wh-abh',
      name: 'Ausländerbehörde Bautzen',
      kind: 'foreigners-office',
      jurisdictions: [{ scope: 'district', ags: '14625' }],
    });
    const admin = await makeAccount(db, 'administrator', 'axe-wh-operator');
    const s = await sessionFor(h.app, db, admin.personId, 'administrator');
    const context = await h.axeContext(false);
    contexts.push(context);
    await context.addCookies(browserCookies(s.cookie, h.base));
    const page = await context.newPage();

    await page.goto(`${h.base}/de/verwaltung/organisationen`);
    await page.getByRole('link', { name: 'Webhooks von Ausländerbehörde Bautzen' }).click();
    await page.waitForURL(/\/webhooks$/);
    await checkPage(page, 'webhooks-none', false);
    await page.getByRole('link', { name: 'Neuen Webhook einrichten' }).click();
    await page.waitForURL(/\/webhooks\/neu$/);
    await checkPage(page, 'webhook-new', false);
    await page.getByLabel('Adresse des empfangenden Systems').fill('http://partner.example/in');
    await page.getByRole('button', { name: 'Webhook einrichten' }).click();
    await page.waitForSelector('#error-summary');
    await checkPage(page, 'webhook-new-422', false);
    await page.getByLabel('Name des Webhooks').fill('Fachverfahren Ausländerwesen');
    await page
      .getByLabel('Adresse des empfangenden Systems')
      .fill('https://fachverfahren.example.org/webhooks');
    await page.getByLabel('sich der Stand eines Schritts ändert').check();
    await page.getByLabel('eine Frist abgelaufen ist').check();
    await page.getByRole('button', { name: 'Webhook einrichten' }).click();
    await page.waitForSelector('text=/whsec_/');
    assert.match(await page.content(), /whsec_[A-Za-z0-9+/]{43}=/);
    await checkPage(page, 'webhook-created', false);
    const hookId = /webhooks\/([0-9a-f-]{36})/.exec(await page.content())?.[1] ?? '';
    const now = new Date();
    const row = (state: 'pending' | 'delivered' | 'failed', attempts: number, lastStatus: number | null) => ({
      id: randomUUID(),
      subscriptionId: hookId,
      eventKey: randomUUID(),
      eventType: 'step.status-changed',
      journeyId: randomUUID(),
      payload: {},
      state,
      attempts,
      lastStatus,
      lastError: lastStatus === null ? 'timeout' : null,
      nextAttemptAt: state === 'pending' ? new Date(now.getTime() + 120_000) : null,
      createdAt: now,
    });
    await db
      .insert(webhookDelivery)
      .values([row('delivered', 1, 200), row('pending', 2, 503), row('failed', 6, null)]);
    await page
      .getByRole('link', { name: 'Nachrichten und Einstellungen von „Fachverfahren Ausländerwesen“' })
      .click();
    await page.waitForURL(/\/webhooks\/[0-9a-f-]{36}$/);
    await checkPage(page, 'webhook-log', false);
    await page.setViewportSize({ width: 390, height: 800 });
    await checkPage(page, 'webhook-log-390', false);
    await page.getByRole('button', { name: 'Versand ausschalten' }).click();
    await page.waitForURL(/done=switched/);
    await checkPage(page, 'webhook-switched', false);
    await page.goto(`${h.base}/en/admin/organisations/${office}/webhooks/${hookId}`);
    await page.getByRole('link', { name: 'Delete webhook “Fachverfahren Ausländerwesen”' }).click();
    await page.waitForURL(/\/delete$/);
    await checkPage(page, 'webhook-delete', false);
    await page.getByRole('button', { name: 'Delete webhook now' }).click();
    await page.waitForSelector('text=/has been deleted/');
    await checkPage(page, 'webhooks-deleted', false);
  });
});
